"""Amounts written only in words ("chi phí thẩm định là Sáu triệu hai trăm nghìn đồng"): the shared
finder (`docproc.text.find_amounts`) reads digits, and the words only as the gloss of digits; a
judgment may write an ordered sum in words alone (GUIDELINES: "amounts written only in words are
converted"). The number words come from `_lexicon.NUMBER_WORDS`."""

from __future__ import annotations

import dataclasses
import difflib
import re

from docproc.extract._lexicon import NUMBER_WORDS
from docproc.text import AmountMatch, amount_to_words, words_to_amount
from docproc.text.normalize import strip_diacritics

_NUMBER_WORDS = frozenset(NUMBER_WORDS)
# "đồng" as the currency, not the first syllable of "đồng ý", "đồng thời", "đồng sở hữu" ...
_NOT_CURRENCY = r"(?:ý|thời|nghĩa|bộ|sở|hồ|chí|phạm|loại|đều|thuận|minh|cảm|bào|hương|nhất|tình|trách|ruộng)"
_UNIT_RE = re.compile(
    rf"(?<=[^\W\d]) (?:đồng|đông|dồng|dông|VNĐ|VND)(?!\w)(?! {_NOT_CURRENCY}(?!\w))", re.IGNORECASE
)
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


# What OCR leaves between the pieces of one number: separators, spaces, a line break, a speck.
_PIECE_RE = re.compile(r"[\d.,'`‘’ \t\n]{1,28}$")
_DIGITS_RE = re.compile(r"\d")


def repair_split_digits(text: str, found: list[AmountMatch]) -> list[AmountMatch]:
    """Amounts whose digits OCR broke apart, put back together where the words say so.

    "50.000.000 5 đồng (Năm mươi triệu đồng)" (a speck read as a digit before the unit), "100.000
    000 đồng (Một trăm triệu đồng)" (a separator lost, a line broken inside the number): the finder
    reads only the piece next to the unit, and its words disagree with it. The digits just before that
    piece, taken with it or without it, spelling exactly what the words say, are the number; nothing
    is changed when no such reading exists (the words alone never replace digits here)."""
    out: list[AmountMatch] = []
    taken = [(a.start, a.end) for a in found]
    for a in found:
        said = words_to_amount(a.words) if a.words else None
        if said is None or said == a.value or a.words_span is None or a.words_span[0] < a.start:
            out.append(a)
            continue
        fixed = _joined(text, a, str(said), taken)
        out.append(dataclasses.replace(a, start=fixed, value=said) if fixed is not None else a)
    return out


def _joined(text: str, a: AmountMatch, want: str, taken: list[tuple[int, int]]) -> int | None:
    """Start of the digits before `a` that, with or without its own digits, spell `want`."""
    run = _PIECE_RE.search(text, max(0, a.start - 28), a.start)
    own = "".join(_DIGITS_RE.findall(text[a.start : a.end]))
    if own == want or _one_extra(own, want):
        return a.start  # "40000.000 đồng" (a separator lost), "40.000.0000" (a speck read as a digit)
    if run is None:
        return None
    for d in _DIGITS_RE.finditer(text, run.start(), a.start):
        if d.start() > run.start() and text[d.start() - 1].isdigit():
            continue  # a number starts at its first digit
        if any(s <= d.start() < e for s, e in taken if (s, e) != (a.start, a.end)):
            return None  # the digits before are another amount
        before = "".join(_DIGITS_RE.findall(text[d.start() : a.start]))
        if before + own == want or (before == want and len(own) <= 2):
            return d.start()
    return None


def _one_extra(digits: str, want: str) -> bool:
    """`digits` is `want` with one digit more (a speck read as a digit); `want` has at least four
    digits, so that a chance match is unlikely."""
    if len(digits) != len(want) + 1 or len(want) < MIN_REAL_DIGITS:
        return False
    return any(digits[:k] + digits[k + 1 :] == want for k in range(len(digits)))


# Digits, a unit OCR lost or garbled (at most a short token), then words in parentheses.
_DIGITS_THEN_WORDS_RE = re.compile(
    r"(?<![\w/.,])(?P<num>\d[\d.,' ]{0,22}?)[.,]?\s*(?P<unit>[^\s()\d]{1,4}\s*)?\(\s*(?P<words>[^()]{4,160}?)\s*\)"
)
_CURRENCY_END_RE = re.compile(r"(?:đồng|đông|dồng|dông|dong|đống|vnđ|vnd)\W*$", re.IGNORECASE)


def amounts_glossed(text: str, start: int, end: int, found: list[AmountMatch]) -> list[AmountMatch]:
    """Amounts whose digits lost their unit or part of themselves, which the words after them in
    parentheses spell: "50.000.000 (Năm mươi triệu đồng)" (the unit dropped), "4. (Bốn tỷ một trăm
    ... đồng)" (the copy kept only the first digit). The words must name the currency and either
    spell the digits exactly or begin with them; a fragment's value is the words', which the reader
    marks as read again (lower confidence) and the checks report."""
    covered = [(a.start, a.end) for a in found] + [a.words_span for a in found if a.words_span]
    out = []
    for m in _DIGITS_THEN_WORDS_RE.finditer(text, start, end):
        if any(s <= m.start("num") < e or s < m.end() <= e for s, e in covered):
            continue
        words = m.group("words")
        said = words_to_amount(words)
        if said is None or said < MIN_WORD_AMOUNT or not _CURRENCY_END_RE.search(words):
            continue
        digits = "".join(_DIGITS_RE.findall(m.group("num")))
        want = str(said)
        if digits != want and not (want.startswith(digits) and len(digits) < len(want)):
            if not _one_extra(digits, want):
                continue
        num_end = m.end("unit") if m.group("unit") else m.end("num")
        out.append(AmountMatch(m.start("num"), num_end, said, words, (m.start("words"), m.end("words"))))
    return out


# Letters OCR reads for digits inside a grouped number ("J12.128.476đ", "55.856.I20 đồng", "1.5OO.000 đ").
_LOOKALIKE = str.maketrans({"O": "0", "o": "0", "Q": "0", "D": "0", "I": "1", "l": "1", "J": "1", "|": "1",
                             "]": "1", "!": "1", "S": "5", "B": "8"})  # fmt: skip
_LOOK = r"[\dOoQDIlJ|\]!SB]"
_LOOKALIKE_NUM_RE = re.compile(
    rf"(?<![\w./,]){_LOOK}{{1,3}}(?:[.,] ?{_LOOK}{{3}})+(?=\s*(?i:đồng|đông|dồng|đ|d|vnđ|vnd)(?!\w))"
)
MIN_REAL_DIGITS = 4  # "BĐ.S12" is no number; a grouped amount with a letter or two in it keeps most digits


def lookalike_digits(text: str) -> str:
    """`text` with the letters OCR put for digits inside grouped numbers before a currency unit read
    as those digits; the same length, so every offset still points into the document text."""
    parts, pos = [], 0
    for m in _LOOKALIKE_NUM_RE.finditer(text):
        tok = m.group()
        if tok.translate(_LOOKALIKE) == tok or sum(ch.isdigit() for ch in tok) < MIN_REAL_DIGITS:
            continue
        parts += [text[pos : m.start()], tok.translate(_LOOKALIKE)]
        pos = m.end()
    return "".join([*parts, text[pos:]]) if parts else text


# A grouped number, then a word OCR made of "đồng" ("đổng", "đồug", "dòng", "đồn"): one letter off; or "đ"
# read "d", "Đ", "₫" (which the finder refuses after a space, where a plain number is no money).
_GROUPED_UNIT_RE = re.compile(
    r"(?<![\w/.,])\d{1,3}(?:[.,] ?\d{3})+[ \t]?(?P<u>[đĐdD][^\W\d_]{1,3}|[dDĐ₫])(?!\w)"
)
_UNITS_READ = frozenset({"đồng", "đông", "dồng", "dông", "dong", "đống", "vnđ", "vnd"})
# A space OCR put before a separator: "40.000 .000 đồng".
_SPACE_BEFORE_SEP_RE = re.compile(r"(?<=\d{3}) ([.,])(?=\d{3}(?!\d))")


# A number broken at a line's end after a separator: "1.794.944.\n110 đồng" (the break read as a space;
# at least two groups before it, so an item number "2.\n" never joins the amount after it).
_SEP_AT_LINE_END_RE = re.compile(r"(?<=\d[.,]\d{3}[.,])\n(?=\d{3}(?:[.,]\d{3})*\s*(?i:đồng|đ|d|vnđ)(?!\w))")


def _near_dong(word: str) -> bool:
    w = strip_diacritics(word.lower()).replace("đ", "d")
    return w in ("don", "dng") or len(w) == 4 and sum(x != y for x, y in zip(w, "dong", strict=True)) <= 1


def shadow_digits(text: str) -> str:
    """`text` as the amount finder should see it: letters read for digits (`lookalike_digits`), a space
    before a separator moved after it, a line break after a separator read as a space, and a unit OCR
    garbled after a grouped number written "đ". The same length, so every offset still points into
    the document text."""
    text = lookalike_digits(text)
    text = _SPACE_BEFORE_SEP_RE.sub(r"\1 ", text)
    text = _SEP_AT_LINE_END_RE.sub(" ", text)
    parts, pos = [], 0
    for m in _GROUPED_UNIT_RE.finditer(text):
        u = m.group("u")
        if len(u) == 1:  # "2.000.000 d", "2.000.000 Đ", "₫": the unit "đ" after a grouped number
            if u == "đ" or u == "Đ" and len(re.findall(r"[.,]", m.group())) < 2:
                continue  # "Số 1.234 Đ": an anonymised street may follow a house number
        elif u.lower() in _UNITS_READ or not _near_dong(u):
            continue
        parts += [text[pos : m.start("u")], "đ" + " " * (len(u) - 1)]
        pos = m.end("u")
    return "".join([*parts, text[pos:]]) if parts else text


_WORD_TOKEN_RE = re.compile(r"[^\s,.;:()]+")
WORDS_SUPPORT_RATIO = 0.85  # share of the expected words found, in order, in words OCR left unreadable


def words_support(words: str, value: int) -> bool:
    """Whether words OCR left unreadable still spell `value` (digits repairing the words): with the
    dust dropped they read as `value`, or nearly all the words `value` is written with are there in
    order ("Bốn tỷ ... bảy mươi Ề sáu nghìn ba trăm đồng"). Words that read as another amount never
    support the digits: that is a disagreement, not damage."""
    if words_to_amount(words) is not None:
        return False
    tokens = _WORD_TOKEN_RE.findall(words)
    kept = [t for t in tokens if words_to_amount(t) is not None or t.lower() in ("đồng", "chẵn")]
    if kept and words_to_amount(" ".join(kept)) == value:
        return True
    want = [strip_diacritics(w) for w in amount_to_words(value).lower().split()]
    have = [strip_diacritics(t.lower()) for t in tokens]
    match = difflib.SequenceMatcher(a=want, b=have, autojunk=False)
    found = sum(b.size for b in match.get_matching_blocks())
    return len(want) >= 4 and found / len(want) >= WORDS_SUPPORT_RATIO
