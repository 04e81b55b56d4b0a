"""Amounts written only in words ("chi phí thẩm định là Bảy triệu năm trăm nghìn đồng"): the shared
finder (`docproc.text.find_amounts`) reads digits, and the words only as the gloss of digits; a
judgment may write an ordered sum in words alone (GUIDELINES: "amounts written only in words are
converted"). The number words come from `_lexicon.NUMBER_WORDS`."""

from __future__ import annotations

import re

from docproc.extract._lexicon import NUMBER_WORDS
from docproc.text import AmountMatch, words_to_amount

_W = "|".join(sorted(NUMBER_WORDS, key=len, reverse=True))
# "đồng" as the currency, not the first syllable of "đồng ý", "đồng thời", "đồng sở hữu" ...
_NOT_CURRENCY = r"(?:ý|thời|nghĩa|bộ|sở|hồ|chí|phạm|loại|đều|thuận|minh|cảm|bào|hương|nhất|tình|trách|ruộng)"
WORD_AMOUNT_RE = re.compile(
    rf"(?<!\w)(?P<w>(?:{_W})(?:[ \t]+(?:{_W}))*)[ \t]+(?:đồng|VNĐ|VND)(?!\w)(?![ \t]+{_NOT_CURRENCY}(?!\w))",
    re.IGNORECASE,
)
_SCALE = re.compile(r"(?<!\w)(?:trăm|nghìn|ngàn|triệu|tỷ|tỉ)(?!\w)", re.IGNORECASE)
_GLOSS_BEFORE = re.compile(r"(?:bằng\s+chữ\s*[:\-]?|\()\s*$", re.IGNORECASE)
MIN_WORD_AMOUNT = 1000  # "một đồng" is no sum a court orders; small words are other senses


def word_amounts(text: str, start: int, end: int, found: list[AmountMatch]) -> list[AmountMatch]:
    """Amounts in words alone in text[start:end] (absolute offsets), leaving out those that gloss
    an amount in digits already found."""
    covered = [(a.start, (a.words_span or (a.end, a.end))[1]) for a in found]
    out = []
    for m in WORD_AMOUNT_RE.finditer(text, start, end):
        s, e = m.start("w"), m.end()
        if any(cs <= s < ce or cs < e <= ce for cs, ce in covered):
            continue
        if _GLOSS_BEFORE.search(text, max(start, s - 20), s) or not _SCALE.search(m.group("w")):
            continue
        value = words_to_amount(m.group("w"))
        if value is None or value < MIN_WORD_AMOUNT:
            continue
        out.append(AmountMatch(s, e, value, m.group("w"), (s, m.end("w"))))
    return out
