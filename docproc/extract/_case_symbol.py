"""A case symbol by its grammar, read through OCR damage.

A judgment's or decision's number is "serial/year/code" (Nghị quyết 01/2017/NQ-HĐTP, forms of the
Civil and Criminal Procedure Codes): the serial a number, the year four digits, the code a type of
case (DS civil, KDTM business, HNGĐ family, LĐ labour, HC administrative, HS criminal) and an
instance (ST first instance, PT appeal, GĐT cassation, TT reopening), joined by hyphens; a
decision prefixes "QĐ" ("QĐST-DS"). OCR damages it the way it damages any print: letters for digits
("B7" for 87, "2O21"), a speck inside a code ("KIšTM"), a bar lost or added ("ĐS"). `repair_symbol`
gives the symbol back when every part can be read as one of the grammar's words, and
`context_code` reads the type and instance the document states in words or in the symbols of the same
case (the acceptance "TLST-KDTM", the order for trial "QĐXXST-KDTM") for a code too damaged to read.
"""

from __future__ import annotations

import re

from docproc.text.fold import fold

__all__ = ["TYPES", "INSTANCES", "repair_symbol", "context_code", "rebuild_symbol"]

TYPES = ("DS", "KDTM", "HNGĐ", "LĐ", "HC", "HS")
INSTANCES = ("ST", "PT", "GĐT", "TT")
# The parts a symbol's code is made of: a type, an instance, a decision's prefix with its instance.
_PARTS = (*TYPES, *INSTANCES, "QĐ", *(f"QĐ{i}" for i in INSTANCES), "QĐXXST", "QĐXXPT")
# Letters OCR reads for digits (serial and year only: a code has no digits).
_DIGIT_FOR = str.maketrans({"O": "0", "o": "0", "Q": "0", "D": "0", "I": "1", "l": "1", "|": "1", "!": "1",
                            "Z": "2", "z": "2", "S": "5", "s": "5", "G": "6", "b": "6", "B": "8", "g": "9"})  # fmt: skip
# Type of case as the opening sentence words it ("vụ án kinh doanh, thương mại"), folded.
_TYPE_WORDS = (
    (r"kinh\s+doanh\s*,?\s*(?:va\s+)?thuong\s+mai", "KDTM"),
    (r"hon\s+nhan\s+(?:va\s+)?gia\s+dinh", "HNGĐ"),
    (r"lao\s+dong", "LĐ"),
    (r"hanh\s+chinh", "HC"),
    (r"hinh\s+su", "HS"),
    (r"dan\s+su", "DS"),
)
_INSTANCE_WORDS = (
    (r"giam\s+doc\s+tham", "GĐT"),
    (r"tai\s+tham", "TT"),
    (r"phuc\s+tham", "PT"),
    (r"so\s+tham", "ST"),
)
# The largest edit a code part may need, by the length of the grammar's word it becomes.
_MAX_EDITS_SHORT = 1
_MAX_EDITS_LONG = 2  # words of four letters or more ("KDTM", "HNGĐ", "QĐST")


def _edits(a: str, b: str) -> int:
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        prev = cur
    return prev[-1]


def _key(s: str) -> str:
    return fold(s).upper()


def _part(p: str) -> str | None:
    """One code part as the grammar's word it was printed as ("ĐS" → "DS", "KIšTM" → "KDTM"), or None."""
    if p in _PARTS:
        return p
    k = _key(p)
    exact = [w for w in _PARTS if _key(w) == k and "Đ" not in w]  # "ĐS": a bar OCR added
    if exact:
        return exact[0]
    if re.fullmatch(r"[A-ZĐ]{2,}", p):
        return None  # capitals only: a code this grammar does not list, not damage
    scored = sorted((_edits(k, _key(w)), w) for w in _PARTS)
    best, word = scored[0]
    limit = _MAX_EDITS_LONG if len(word) >= 4 else _MAX_EDITS_SHORT
    if best > limit or (len(scored) > 1 and scored[1][0] == best) or best >= len(k):
        return None
    return word


def _digits(s: str, width: tuple[int, int]) -> str | None:
    d = s.translate(_DIGIT_FOR)
    return d if d.isdigit() and width[0] <= len(d) <= width[1] else None


def repair_symbol(raw: str) -> tuple[str, bool] | None:
    """ "B7/2021/HS-PT" → ("87/2021/HS-PT", True); a sound symbol comes back unchanged with False;
    None when a part cannot be read as the grammar's."""
    pieces = [p.strip() for p in re.split(r"\s*/\s*", raw.strip(" .,;:"))]
    if len(pieces) != 3:
        return None
    serial, year = _digits(pieces[0], (1, 5)), _digits(pieces[1], (4, 4))
    if serial is None or year is None:
        return None
    parts = [p for p in re.split(r"\s*[-–]\s*", pieces[2]) if p]
    fixed = [_part(p) for p in parts]
    if not parts or any(f is None for f in fixed):
        return None
    sym = f"{serial}/{year}/" + "-".join(f for f in fixed if f)
    return sym, sym != re.sub(r"\s+", "", raw.strip(" .,;:")).replace("–", "-")


def rebuild_symbol(raw: str, type_code: str, instance: str | None) -> str | None:
    """A judgment's symbol whose code could not be read: serial and year as printed (read through
    digit confusions), the type and instance the document states elsewhere ("KDTM-ST")."""
    pieces = [p.strip() for p in re.split(r"\s*/\s*", raw.strip(" .,;:"))]
    if len(pieces) < 2:
        return None
    serial, year = _digits(pieces[0], (1, 5)), _digits(pieces[1][:4], (4, 4))
    if serial is None or year is None:
        return None
    return f"{serial}/{year}/{type_code}" + (f"-{instance}" if instance else "")


_CASE_SYMBOLS = re.compile(r"/\s*(?:TL|Q[ĐD]XX)\s*(ST|PT)\s*[-–]\s*([A-ZĐ]{2,4})\b")
_CASE_WORDS = re.compile(r"\bv[uụ]\s+[áa]n\s+([^\n]{0,40})", re.IGNORECASE)
_TRIAL_WORDS = re.compile(r"x[ée]t\s+x[ửu]\s+([^\n]{0,20})", re.IGNORECASE)


def context_code(text: str) -> tuple[str | None, str | None]:
    """The type and instance the opening states for this case: the symbols of its acceptance and its
    order for trial ("thụ lý số 12/2025/TLST-KDTM"), else its words ("xét xử sơ thẩm ... vụ án kinh
    doanh, thương mại"). The symbols count only when they agree."""
    found = {(i, _part(t)) for i, t in _CASE_SYMBOLS.findall(text)}
    found = {(i, t) for i, t in found if t in TYPES}
    if len(found) == 1:
        inst, code = next(iter(found))
        return code, inst
    code = inst = None
    for m in _CASE_WORDS.finditer(text):
        words = fold(m.group(1))
        code = next((c for rx, c in _TYPE_WORDS if re.match(rx, words)), None)
        if code:
            break
    for m in _TRIAL_WORDS.finditer(text):
        words = fold(m.group(1))
        inst = next((c for rx, c in _INSTANCE_WORDS if re.match(rx, words)), None)
        if inst:
            break
    return code, inst
