"""Money amounts as judgments write them: digits ("1.250.000.000 đồng", "1,25 tỷ") and words
("Một tỷ hai trăm năm mươi triệu đồng").

Judgments repeat most amounts in words in parentheses; reading both lets the extraction cross-check
them (a mismatch is flagged for review, neither side is preferred silently). Values are integer đồng.

Libraries compared on the dev corpus (tests/text/README.md, tests/text/eval_amounts.py):
`vietnam-number` and `num2words(lang="vi")` both lose to these rules on the legal style
("không trăm", "linh", capitalised words with "đồng"), so neither is a dependency.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from docproc.text.normalize import nfc, strip_diacritics

__all__ = [
    "AmountMatch",
    "ForeignAmountMatch",
    "parse_amount",
    "words_to_amount",
    "amount_to_words",
    "find_amounts",
    "find_foreign_amounts",
]


# -- words → number ------------------------------------------------------------------------------

_DIGIT, _TEN, _HUNDRED, _LINH, _SCALE, _HALF, _SKIP = range(7)

# Exact (NFC, lower-case) forms. `_TEN` covers both "mười" (10) and "mươi" (tens after a digit):
# which one is meant follows from the token before, so OCR swapping their marks does no harm.
_EXACT: dict[str, tuple[int, int]] = {
    "không": (_DIGIT, 0),
    "một": (_DIGIT, 1),
    "mốt": (_DIGIT, 1),
    "hai": (_DIGIT, 2),
    "ba": (_DIGIT, 3),
    "bốn": (_DIGIT, 4),
    "tư": (_DIGIT, 4),
    "năm": (_DIGIT, 5),
    "lăm": (_DIGIT, 5),
    "nhăm": (_DIGIT, 5),
    "sáu": (_DIGIT, 6),
    "bảy": (_DIGIT, 7),
    "bẩy": (_DIGIT, 7),
    "tám": (_DIGIT, 8),
    "chín": (_DIGIT, 9),
    "mười": (_TEN, 10),
    "mươi": (_TEN, 10),
    "trăm": (_HUNDRED, 100),
    "linh": (_LINH, 0),
    "lẻ": (_LINH, 0),
    "lẽ": (_LINH, 0),
    "nghìn": (_SCALE, 1000),
    "ngàn": (_SCALE, 1000),
    "triệu": (_SCALE, 10**6),
    "tỷ": (_SCALE, 10**9),
    "tỉ": (_SCALE, 10**9),
    "rưỡi": (_HALF, 0),
    "đồng": (_SKIP, 0),
    "chẵn": (_SKIP, 0),
    "vnđ": (_SKIP, 0),
    "vnd": (_SKIP, 0),
}
# Diacritic-free forms: only those that name one number word, so the lookup stays unambiguous.
_STRIPPED: dict[str, tuple[int, int]] = {}
for _w, _v in _EXACT.items():
    _k = strip_diacritics(_w)
    if _k in _STRIPPED and _STRIPPED[_k] != _v:
        raise AssertionError(f"ambiguous number word {_k}")
    _STRIPPED[_k] = _v
_STRIPPED["dong"] = (_SKIP, 0)
_STRIPPED["chan"] = (_SKIP, 0)
_STRIPPED["bau"] = (_DIGIT, 7)

_PREFIX_RE = re.compile(r"^\s*(?:\(\s*)?(?:(?:viết|ghi)\s+)?bằng\s+chữ\s*[:\-]?\s*", re.IGNORECASE)
_UNIT_TAIL_RE = re.compile(r"\bviệt\s+nam\s+đồng\b", re.IGNORECASE)
_TOKEN_SPLIT_RE = re.compile(r"[\s,.;:()\[\]\"“”'‘’!?/\-–]+")


def _token(word: str) -> tuple[int, int] | None:
    hit = _EXACT.get(word)
    if hit is None:
        hit = _STRIPPED.get(strip_diacritics(word))
    return hit


def words_to_amount(s: str) -> int | None:
    """Value of an amount written in Vietnamese words, or None if `s` is not one.

    Tolerates capitals, "đồng"/"chẵn", a "bằng chữ:" prefix, punctuation and missing or damaged
    diacritics (every number word stays distinct without them). "nghìn tỷ" multiplies.
    """
    s = nfc(s).lower()
    s = _PREFIX_RE.sub("", s)
    s = _UNIT_TAIL_RE.sub(" ", s)
    words = [w for w in _TOKEN_SPLIT_RE.split(s) if w]
    tokens = []
    for w in words:
        tok = _token(w)
        if tok is None:
            return None
        if tok[0] != _SKIP:
            tokens.append(tok)
    if not tokens:
        return None

    parts: list[tuple[int, int]] = []  # (value, scale) of closed groups, larger scales first
    group = 0  # value of the current group below 1000 (hundreds and tens)
    pending: int | None = None  # a digit not yet placed
    in_group = False  # the current group has tokens
    prev_kind: int | None = None
    for kind, val in tokens:
        if kind == _DIGIT:
            if pending is not None:
                # colloquial "hai lăm" (25), "ba mốt" (31): a digit then a units digit
                if prev_kind == _DIGIT and 2 <= pending <= 9 and group % 100 == 0 and val in (1, 4, 5):
                    group += pending * 10
                else:
                    return None
            pending = val
        elif kind == _TEN:
            if pending is not None:
                if pending < 1 or group % 100:
                    return None
                group += pending * 10
            else:
                if group % 100:
                    return None
                group += 10
            pending = None
        elif kind == _HUNDRED:
            if group or (pending is None and in_group):
                return None
            group = (1 if pending is None else pending) * 100
            pending = None
        elif kind == _LINH:
            if pending is not None or group % 100:
                return None
        elif kind == _SCALE:
            value = group + (pending or 0)
            while parts and parts[-1][1] < val:
                value += parts.pop()[0]
            if value == 0 and not in_group:
                value = 1
            if parts and parts[-1][1] == val:
                return None
            parts.append((value * val, val))
            group, pending, in_group = 0, None, False
            prev_kind = kind
            continue
        elif kind == _HALF:
            if prev_kind == _SCALE and parts:
                v, sc = parts[-1]
                parts[-1] = (v + sc // 2, sc)
            elif prev_kind == _HUNDRED:
                group += 50
            else:
                return None
        in_group = True
        prev_kind = kind
    return sum(v for v, _ in parts) + group + (pending or 0)


# -- number → words ------------------------------------------------------------------------------

_DIGITS = ["không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín"]


def _group_words(n: int, full: bool) -> list[str]:
    """Words of 0 < n < 1000; `full` writes the empty hundreds ("không trăm") and "linh"."""
    h, t, u = n // 100, n // 10 % 10, n % 10
    out: list[str] = []
    if h or full:
        out += [_DIGITS[h], "trăm"]
    if t == 0:
        if u:
            if h or full:
                out.append("linh")
            out.append(_DIGITS[u])
    elif t == 1:
        out.append("mười")
        if u:
            out.append("lăm" if u == 5 else _DIGITS[u])
    else:
        out += [_DIGITS[t], "mươi"]
        if u:
            out.append({1: "mốt", 5: "lăm"}.get(u, _DIGITS[u]))  # "bốn", not "tư": 2 to 1 on dev
    return out


def _words(n: int) -> list[str]:
    out: list[str] = []
    full = False
    if n >= 10**9:
        out += _words(n // 10**9) + ["tỷ"]
        n %= 10**9
        full = True
    for scale, name in ((10**6, "triệu"), (10**3, "nghìn"), (1, "")):
        g = n // scale % 1000
        if g:
            out += _group_words(g, full)
            if name:
                out.append(name)
            full = True
    return out


def amount_to_words(n: int) -> str:
    """An amount in words as legal documents write it: "Một tỷ hai trăm năm mươi triệu đồng".

    Empty hundreds inside a larger number are written ("Một tỷ không trăm bốn mươi lăm triệu"),
    zero tens are "linh", units after "mươi" are "mốt" and "lăm" (4 stays "bốn", as in most dev texts).
    """
    if n < 0:
        raise ValueError("amounts are not negative")
    words = _words(n) if n else ["không"]
    text = " ".join(words + ["đồng"])
    return text[0].upper() + text[1:]


# -- digits ----------------------------------------------------------------------------------------

# A number as written: grouped thousands (dot, or comma in clerical text), OCR may add a space after
# a separator ("5. 600.000.000"); or a plain integer with an optional decimal part.
_NUM = r"\d{1,3}(?:[.,] ?\d{3})+(?:,\d{1,3})?|\d+(?:[.,]\d+)?"
# Thousands grouped by spaces ("1 250 000 đồng"), only before a currency unit.
_SPACED = r"\d{1,3}(?: \d{3})+(?![\d.,])"
_SCALE_WORD = r"(?:tỷ|tỉ|triệu|tr|nghìn|ngàn)"
# Words that make "đồng" something else than the currency ("đồng hồ", "đồng sở hữu", ...).
_NOT_CURRENCY = r"(?:hồ|sở|ý|thời|bằng|chí|nghĩa|phạm|bộ|loại|ruộng|nghiệp|đều|thuận|minh|cảm)"
_UNIT_RE = (
    rf"(?:(?:đồng|đông|dồng|dông|dong|đống)(?!\w)(?!\s+{_NOT_CURRENCY}(?!\w))"  # the word can be "đồng hồ"
    r"|(?:vnđ|vnd|đ|d)(?!\w))"
)
_SCALED = rf"(?:{_NUM})\s*{_SCALE_WORD}(?!\w)(?!\s+lệ(?!\w))"  # not "tỷ lệ" (a ratio)
_AMOUNT_RE = re.compile(
    rf"(?<![\w/.,])(?<!\d-)(?:(?P<scaled>{_SCALED}(?:\s*{_SCALED})*)(?:\s*(?P<unit1>{_UNIT_RE}))?"
    rf"|(?P<num>{_SPACED}|{_NUM})(?P<colon>\s*:)?\s*(?P<unit2>{_UNIT_RE}))",
    re.IGNORECASE,
)
_NUM_SCALE_RE = re.compile(rf"(?P<n>{_NUM})\s*(?P<s>{_SCALE_WORD})", re.IGNORECASE)
_SCALES = {"tỷ": 10**9, "tỉ": 10**9, "triệu": 10**6, "tr": 10**6, "nghìn": 1000, "ngàn": 1000}
# OCR readings of "đồng"/"đ" ("đống" is also a heap): they need a clear number
_WEAK_UNITS = {"đông", "dồng", "dông", "dong", "đống", "d"}
_BARE_RE = re.compile(r"(?<![\w/.,])(?<!\d-)\d{1,3}(?:\.\d{3})+(?![\w.,/%])")
_OPERATOR_RE = re.compile(r"\s*[+=\-]\s*")


def _num_value(tok: str, scaled: bool) -> Decimal | None:
    """Value of one written number; dot = thousands, comma = decimal, except a clerical
    "150,000" (comma then exactly three digits, no scale word) which is thousands."""
    t = re.sub(r"\s", "", tok)
    try:
        if "." in t and "," in t and _grouped(re.split(r"[.,]", t)):
            return Decimal(re.sub(r"[.,]", "", t))  # "1.250,000.000": OCR read a dot as a comma
        if "." in t and "," in t:
            if t.rfind(",") > t.rfind("."):
                intpart, dec = t.rsplit(",", 1)
                thou = intpart.split(".")
            else:
                intpart, dec = t.rsplit(".", 1)
                thou = intpart.split(",")
            if not _grouped(thou):
                return None
            return Decimal("".join(thou) + "." + dec)
        for sep in ".,":
            if sep in t:
                groups = t.split(sep)
                if _grouped(groups) and not (sep == "," and scaled and len(groups) == 2):
                    return Decimal("".join(groups))
                if len(groups) == 2:
                    return Decimal(groups[0] + "." + groups[1])
                return None
        return Decimal(t)
    except InvalidOperation:
        return None


def _grouped(groups: list[str]) -> bool:
    return 1 <= len(groups[0]) <= 3 and all(len(g) == 3 for g in groups[1:]) and len(groups) > 1


def _to_int(d: Decimal) -> int | None:
    return int(d) if d == d.to_integral_value() else None


def _match_value(m: re.Match[str]) -> int | None:
    if m.group("scaled"):
        if not m.group("unit1"):
            if _FOREIGN_RE.match(m.string, m.end()):
                return None  # "100 triệu USD"
            if all(
                p.group("s").lower() in ("nghìn", "ngàn") for p in _NUM_SCALE_RE.finditer(m.group("scaled"))
            ):
                return None  # "22 nghìn kg": thousands need the currency to be money
        total = Decimal(0)
        for part in _NUM_SCALE_RE.finditer(m.group("scaled")):
            v = _num_value(part.group("n"), scaled=True)
            if v is None:
                return None
            total += v * _SCALES[part.group("s").lower()]
        return _to_int(total)
    num = m.group("num")
    unit = m.group("unit2").lower()
    plain = num.isdigit()
    spaced = m.end("num") != m.start("unit2")
    if m.group("colon") and (plain or unit in _WEAK_UNITS):
        return None  # a speck read as a colon ("3.723.209. 450: đồng") only inside a clear amount
    if unit in _WEAK_UNITS and (plain or unit == "d" and spaced):
        return None  # "16 Đông Ngàn", "5 d": not money
    if unit == "đ" and spaced and (plain or m.group("unit2") == "Đ"):
        return None  # "Số 07 Đ, phường T": an anonymised street, not "07 đ"
    v = _num_value(num, scaled=False)
    return None if v is None else _to_int(v)


@dataclass(frozen=True)
class AmountMatch:
    """An amount in digits at text[start:end], with its words (text[words_span]) when given."""

    start: int
    end: int
    value: int
    words: str | None = None
    words_span: tuple[int, int] | None = None


_WORDS_RE = re.compile(
    r"\s*\(\s*(?P<prefix>(?:(?:viết|ghi)\s+)?bằng\s+chữ\s*[:\-]?\s*)?(?P<words>[^()]*?)\s*\)",
    re.IGNORECASE,
)
# Without parentheses the words need their label: "1.000.000 đồng, bằng chữ: Một triệu đồng."
_LABELLED_WORDS_RE = re.compile(
    r"\s*[,;\-–]?\s*(?:(?:viết|ghi)\s+)?bằng\s+chữ\s*[:\-]?\s*(?P<words>[^()\n.;]*?)\s*(?=[.;)\n]|$)",
    re.IGNORECASE,
)
_FOREIGN_RE = re.compile(r"\s*(?:usd|eur|đô\s*la|\$|yên|nhân\s+dân\s+tệ)(?!\w)", re.IGNORECASE)
# Foreign currencies as judgments name them, to ISO 4217 codes.
_CURRENCIES = {
    "usd": "USD", "đô la mỹ": "USD", "đô la": "USD", "đôla": "USD", "$": "USD",
    "eur": "EUR", "euro": "EUR", "jpy": "JPY", "yên nhật": "JPY", "yên": "JPY",
    "cny": "CNY", "rmb": "CNY", "nhân dân tệ": "CNY", "gbp": "GBP", "bảng anh": "GBP",
    "aud": "AUD", "sgd": "SGD", "krw": "KRW", "won": "KRW", "thb": "THB", "bạt": "THB",
    "hkd": "HKD", "twd": "TWD", "cad": "CAD", "chf": "CHF",
}  # fmt: skip
_CURRENCY_ALT = "|".join(
    re.escape(k).replace(r"\ ", r"\s+") for k in sorted(_CURRENCIES, key=len, reverse=True)
)
_FOREIGN_AMOUNT_RE = re.compile(
    rf"(?<![\w/.,])(?:(?P<num>{_NUM})\s*(?P<cur>{_CURRENCY_ALT})(?!\w)|(?P<pre>USD|US\$|\$|EUR|€)\s?(?P<num2>{_NUM}))",
    re.IGNORECASE,
)


_PER_UNIT_RE = re.compile(r"\s*/\s*(?:\d+\s*)?[^\s()/,;.]+")  # "đồng/tháng", "đ/01 tháng", "đồng/m²"


def _words_after(text: str, end: int) -> tuple[str, tuple[int, int]] | None:
    per = _PER_UNIT_RE.match(text, end)
    if per:
        end = per.end()
    m = _WORDS_RE.match(text, end)
    if m and m.group("words"):
        words = m.group("words")
        if m.group("prefix") or words_to_amount(words) is not None:
            return words, (m.start("words"), m.end("words"))
        return None
    m = _LABELLED_WORDS_RE.match(text, end)
    if m and m.group("words"):
        return m.group("words"), (m.start("words"), m.end("words"))
    return None


def find_amounts(text: str) -> list[AmountMatch]:
    """Every money amount in digits in `text`, in order, with the words that follow it if any.

    An amount needs a currency unit or a scale word ("đồng", "đ", "VNĐ", "triệu", "tỷ"), so
    percents, years, dates, article, plot, ID and contract numbers are not amounts. Bare grouped
    numbers count only as operands of a sum whose result has a unit ("31.200.000 + 5.200.000 =
    36.400.000 đồng"). Every operand of "830.000 đồng x 10 tháng = 8.300.000 đồng" is returned:
    the caller decides which one is the obligation.
    """
    found: list[AmountMatch] = []
    for m in _AMOUNT_RE.finditer(text):
        value = _match_value(m)
        if value is None:
            continue
        found.append(_with_words(text, m.start(), m.end(), value))
    found += _bare_operands(text, found)
    found.sort(key=lambda a: a.start)
    return found


def _with_words(text: str, start: int, end: int, value: int) -> AmountMatch:
    w = _words_after(text, end) or _words_before(text, start, end, value)
    if w is None:
        return AmountMatch(start, end, value)
    return AmountMatch(start, end, value, w[0], w[1])


_OPEN_BEFORE_RE = re.compile(r"\(\s*$")
_CLOSE_AFTER_RE = re.compile(r"\s*\)")
_WORD_RUN_RE = re.compile(r"[^\W\d_]+")
MAX_AMOUNT_WORDS = 16  # "Một tỷ năm trăm ba mươi lăm triệu bốn trăm hai mươi nghìn đồng" has 13


def _words_before(text: str, start: int, end: int, value: int) -> tuple[str, tuple[int, int]] | None:
    """The other order: the words first, the digits in parentheses ("mỗi tháng Ba triệu đồng (3.000.000
    đồng)"). The longest run of words just before the parenthesis that spells exactly `value`."""
    lead = _OPEN_BEFORE_RE.search(text, max(0, start - 4), start)
    per = _PER_UNIT_RE.match(text, end)
    if lead is None or _CLOSE_AFTER_RE.match(text, per.end() if per else end) is None:
        return None
    window_start = max(0, lead.start() - 160)
    window = text[window_start : lead.start()]
    cut = max(window.rfind(c) for c in ".;:\n(")  # the words stay within their clause
    words = list(_WORD_RUN_RE.finditer(window, cut + 1))[-MAX_AMOUNT_WORDS:]
    for k in range(len(words)):
        span = (window_start + words[k].start(), window_start + words[-1].end())
        if words_to_amount(text[span[0] : span[1]]) == value:
            return text[span[0] : span[1]], span
    return None


def _bare_operands(text: str, found: list[AmountMatch]) -> list[AmountMatch]:
    """Grouped numbers without a unit chained by + - = to an amount that has one."""
    starts = {a.start for a in found}
    covered = [(a.start, a.end) for a in found]
    bare = [m for m in _BARE_RE.finditer(text) if not any(s <= m.start() < e for s, e in covered)]
    accepted: list[AmountMatch] = []
    bare_starts = {m.start(): m for m in bare}
    for m in reversed(bare):
        op = _OPERATOR_RE.match(text, m.end())
        if not op or op.end() == m.end():
            continue
        nxt = op.end()
        if nxt in starts or any(a.start == nxt for a in accepted):
            v = _num_value(m.group(), scaled=False)
            if v is None or (iv := _to_int(v)) is None:
                continue
            accepted.append(_with_words(text, m.start(), m.end(), iv))
        elif nxt in bare_starts:
            continue
    return accepted


@dataclass(frozen=True)
class ForeignAmountMatch:
    """An amount in a foreign currency at text[start:end]: "132.200 USD", "1.250,5 EUR"."""

    start: int
    end: int
    amount: Decimal
    currency: str  # ISO 4217


def find_foreign_amounts(text: str) -> list[ForeignAmountMatch]:
    """Amounts in foreign currencies (judgments convert them to đồng at a stated rate)."""
    found = []
    for m in _FOREIGN_AMOUNT_RE.finditer(text):
        num = m.group("num") or m.group("num2")
        cur = m.group("cur") or m.group("pre")
        value = _num_value(num, scaled=False)
        if value is None:
            continue
        code = {"us$": "USD", "€": "EUR"}.get(cur.lower()) or _CURRENCIES[re.sub(r"\s+", " ", cur.lower())]
        found.append(ForeignAmountMatch(m.start(), m.end(), value, code))
    return found


def parse_amount(s: str) -> int | None:
    """The amount in `s` in integer đồng: "1.250.000.000 đồng", "1,25 tỷ", "2 tỷ 350 triệu đồng",
    "150,000đ", OCR damage such as "5. 600.000.000" or "đông"; a bare number is read as đồng."""
    s = nfc(s).strip()
    for a in find_amounts(s):
        return a.value
    m = re.fullmatch(rf"\s*({_NUM})\s*[.,;:]?\s*", s)
    if m:
        v = _num_value(m.group(1), scaled=False)
        return None if v is None else _to_int(v)
    return None
