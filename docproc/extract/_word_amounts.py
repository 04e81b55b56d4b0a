"""Amounts written only in words ("chi phí thẩm định là Sáu triệu hai trăm nghìn đồng"): the shared
finder (`docproc.text.find_amounts`) reads digits, and the words only as the gloss of digits; a
judgment may write an ordered sum in words alone (GUIDELINES: "amounts written only in words are
converted"). The number words come from `_lexicon.NUMBER_WORDS`."""

from __future__ import annotations

import re

from docproc.extract._lexicon import NUMBER_WORDS
from docproc.text import AmountMatch, words_to_amount

_NUMBER_WORDS = frozenset(NUMBER_WORDS)
# "đồng" as the currency, not the first syllable of "đồng ý", "đồng thời", "đồng sở hữu" ...
_NOT_CURRENCY = r"(?:ý|thời|nghĩa|bộ|sở|hồ|chí|phạm|loại|đều|thuận|minh|cảm|bào|hương|nhất|tình|trách|ruộng)"
_UNIT_RE = re.compile(rf"(?<=[^\W\d]) (?:đồng|VNĐ|VND)(?!\w)(?! {_NOT_CURRENCY}(?!\w))", re.IGNORECASE)
_WORD_BEFORE = re.compile(r"([^\W\d_]+)[ \t]+$")
_SCALES = frozenset({"trăm", "nghìn", "ngàn", "triệu", "tỷ", "tỉ"})
_GLOSS_BEFORE = re.compile(r"(?:bằng\s+chữ\s*[:\-]?|\()\s*$", re.IGNORECASE)
MIN_WORD_AMOUNT = 1000  # "một đồng" is no sum a court orders; small words are other senses


def word_amounts(text: str, start: int, end: int, found: list[AmountMatch]) -> list[AmountMatch]:
    """Amounts in words alone in text[start:end] (absolute offsets), leaving out those that gloss
    an amount in digits already found."""
    covered = [(a.start, (a.words_span or (a.end, a.end))[1]) for a in found]
    out = []
    for u in _UNIT_RE.finditer(text, start, end):
        # Walk back over number words: a scan per "đồng", not a pattern tried at every position.
        s, n, scaled = u.start(), 0, False
        while n < 30:
            w = _WORD_BEFORE.search(text, max(start, s - 12), s + 1 if n == 0 else s)
            if not w or w.group(1).lower() not in _NUMBER_WORDS:
                break
            scaled = scaled or w.group(1).lower() in _SCALES
            s, n = w.start(), n + 1
        e = u.start()
        if n == 0 or not scaled or any(cs <= s < ce or cs < e <= ce for cs, ce in covered):
            continue
        if _GLOSS_BEFORE.search(text, max(start, s - 20), s):
            continue
        if any(0 <= a.start - u.end() <= 4 and "(" in text[u.end() : a.start] for a in found):
            continue  # "Bốn mươi hai triệu đồng (42.000.000 đồng)": the digits gloss the words
        value = words_to_amount(text[s:e])
        if value is None or value < MIN_WORD_AMOUNT:
            continue
        out.append(AmountMatch(s, u.end(), value, text[s:e], (s, e)))
    return out
