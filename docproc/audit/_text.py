"""Folding of names, numbers and court names for comparison, tolerant of OCR and typing damage."""

from __future__ import annotations

import re
import unicodedata
from difflib import SequenceMatcher
from functools import lru_cache

from docproc.text.fold import fold

__all__ = [
    "fold_name",
    "fold_plain",
    "fold_court",
    "norm_number",
    "number_parts",
    "similarity",
    "same_name",
    "name_score",
]

_HONORIFICS = ("ông ", "bà ", "anh ", "chị ", "cụ ", "em ", "cháu ")
# OCR and typing confusions between digits and letters; applied only where a digit is expected.
_DIGIT_LOOKALIKES = str.maketrans(
    {
        "O": "0",
        "o": "0",
        "Q": "0",
        "D": "0",
        "l": "1",
        "I": "1",
        "i": "1",
        "|": "1",
        "!": "1",
        "Z": "2",
        "S": "5",
        "s": "5",
        "B": "8",
        "G": "6",
        "g": "9",
        "T": "7",
    }
)


@lru_cache(maxsize=1 << 16)
def fold_plain(text: str | None) -> str:
    """Lower case, no diacritics (đ→d), single spaces, no punctuation at the ends."""
    t = fold(text or "")
    t = re.sub(r"[^\w]+", " ", t)
    return re.sub(r"\s+", " ", t).strip()


@lru_cache(maxsize=1 << 16)
def fold_name(text: str | None) -> str:
    """A party's name folded: honorifics dropped, then `fold_plain`."""
    t = unicodedata.normalize("NFC", text or "").strip().lower()
    for h in _HONORIFICS:
        if t.startswith(h):
            t = t[len(h) :]
    t = fold_plain(t)
    t = re.sub(r"\bngan hang (tmcp|thuong mai co phan)\b", "ngan hang thuong mai co phan", t)
    t = re.sub(r"\bcong ty (tnhh|trach nhiem huu han)\b", "cong ty trach nhiem huu han", t)
    return re.sub(r"\bcong ty (cp|co phan)\b", "cong ty co phan", t)


_COURT_ABBREV = (
    (r"\btand\b", "toa an nhan dan"),
    (r"\btp\b", "thanh pho"),
    (r"\btx\b", "thi xa"),
)


@lru_cache(maxsize=1 << 16)
def fold_court(text: str | None) -> str:
    """A court name folded; 'TAND', 'TP.' expanded, tone placement and case ignored."""
    t = fold_plain(text)
    for pat, rep in _COURT_ABBREV:
        t = re.sub(pat, rep, t)
    return t


@lru_cache(maxsize=1 << 16)
def norm_number(text: str | None) -> str:
    """A judgment or decision number without spaces, upper case, Đ as D, digit look-alikes fixed in
    the numeric parts ("l5/2O24/KDTM-S T" → "15/2024/KDTM-ST")."""
    t = re.sub(r"\s+", "", unicodedata.normalize("NFC", text or "")).replace("Đ", "D").replace("đ", "d")
    t = t.replace("\\", "/")
    parts = t.split("/")
    out = []
    for k, part in enumerate(parts):
        if k < 2 and len(parts) > 1:
            fixed = part.translate(_DIGIT_LOOKALIKES)
            out.append(fixed if re.fullmatch(r"\d+", fixed) else part.upper())
        else:
            out.append(part.upper())
    return "/".join(out)


def number_parts(text: str | None) -> tuple[int | None, int | None, str]:
    """(sequence number, year, symbol) of a judgment number; None where unreadable."""
    parts = norm_number(text).split("/")
    seq = int(parts[0]) if parts and parts[0].isdigit() else None
    year = int(parts[1]) if len(parts) > 1 and parts[1].isdigit() else None
    symbol = re.sub(r"[^A-Z]", "", "".join(parts[2:]) if len(parts) > 2 else "")
    return seq, year, symbol


def similarity(a: str, b: str) -> float:
    """0..1 similarity of two folded strings (difflib ratio)."""
    if not a or not b:
        return 0.0
    if a == b:
        return 1.0
    return SequenceMatcher(None, a, b, autojunk=False).ratio()


def name_score(fa: str, fb: str, floor: float = 0.0) -> float:
    """Likeness of two folded names; anonymised names that differ in their initial ("Nguyễn Văn A",
    "Nguyễn Văn B") are different people however alike the rest is. Below `floor` the value may be
    any lower number (cheap upper bounds are tried first)."""
    if not fa or not fb:
        return 0.0
    if fa == fb:
        return 1.0
    la, lb = fa.split()[-1], fb.split()[-1]
    if la != lb and min(len(la), len(lb)) <= 2:
        return 0.0
    sm = SequenceMatcher(None, fa, fb, autojunk=False)
    if floor and (sm.real_quick_ratio() < floor or sm.quick_ratio() < floor):
        return 0.0
    return sm.ratio()


def same_name(a: str | None, b: str | None, threshold: float = 0.88) -> bool:
    """Two party names are the same person or body (folded; a few damaged letters allowed)."""
    return name_score(fold_name(a), fold_name(b), threshold) >= threshold
