"""Diacritic and tone folding: the one copy every stage uses, one function per thing a caller keeps.

Vietnamese text reaches the rules with its marks damaged (a scan that lost them, a typist without a
Vietnamese keyboard) or written two ways ("hoà" and "hòa" are the same word). Rules compare folded
keys instead. What a fold keeps differs by caller, so each variant is named for it:

- `strip_diacritics(s)`: letters without marks, đ → d, case kept.
- `fold(s)`: the same, lower case: the usual key for matching phrases and comparing names.
- `fold_aligned(s)`: `fold` one character for one, so offsets found on the folded text are offsets
  into `s` (a precomposed letter loses its marks; a combining mark in `s` stays as it is).
- `bare(s)`: upper-case ASCII letters only ("Nhận định:" → "NHANDINH"), for headings that OCR spaced.
- `strip_tone(word)`: the tone mark dropped, the vowel shapes (ă â ê ô ơ ư) kept.
- `fold_tones(s)`: lower case and one tone placement ("hoà" → "hòa"), all marks kept, same length.
- `tone_style(word)`: one tone placement for one lower-case word, however its marks were stacked.
- `tone_marks(s)`: the tone marks `s` carries, in order.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

__all__ = [
    "vietnamese_letter",
    "TONE_MARKS",
    "base_letter",
    "strip_diacritics",
    "fold",
    "fold_aligned",
    "bare",
    "strip_tone",
    "tone_marks",
    "fold_tones",
    "tone_style",
]

# Combining tone marks (after NFD): grave (huyền), acute (sắc), hook above (hỏi), tilde (ngã), dot
# below (nặng). The other marks (breve, circumflex, horn) make a different vowel, not a tone.
TONE_MARKS = "\u0300\u0301\u0309\u0303\u0323"


# combining marks of the Vietnamese alphabet: five tones, breve, circumflex, horn
_VI_MARKS = frozenset("\u0300\u0301\u0303\u0309\u0323\u0306\u0302\u031b")


def vietnamese_letter(c: str) -> bool:
    """Whether `c` is a letter of the Vietnamese alphabet (a Latin letter, đ, or one carrying only
    Vietnamese marks): what OCR noise from another script or from toner dust is not."""
    if c in "đĐ":
        return True
    parts = unicodedata.normalize("NFD", c)
    base = parts[0]
    return base.isascii() and base.isalpha() and all(m in _VI_MARKS for m in parts[1:])


def base_letter(c: str) -> str:
    """The character under `c`'s marks, case kept ("Ấ" → "A", "đ" → "d", "Đ" → "D")."""
    if c == "đ":
        return "d"
    if c == "Đ":
        return "D"
    return unicodedata.normalize("NFD", c)[0]


def strip_diacritics(s: str) -> str:
    """Remove tone and shape marks (and map đ → d), case kept, to compare words whose marks OCR
    damaged. Not aligned with `s` (see `fold_aligned`)."""
    decomposed = unicodedata.normalize("NFD", s)
    base = "".join(c for c in decomposed if not unicodedata.combining(c))
    return base.replace("đ", "d").replace("Đ", "D")


def fold(s: str) -> str:
    """Lower case without diacritics ("Đình chỉ" → "dinh chi")."""
    return strip_diacritics(s).lower()


def _aligned_char(c: str) -> str:
    base = base_letter(c)
    low = base.lower()
    return low if len(low) == 1 else base


# One table for the Latin blocks Vietnamese uses; other characters are left as they are.
_ALIGNED = {cp: _aligned_char(chr(cp)) for cp in range(0x41, 0x1F00) if len(_aligned_char(chr(cp))) == 1}


def fold_aligned(s: str) -> str:
    """Lower case without diacritics, one character for one with `s` (labels are matched on it, so
    OCR that lost the diacritics still matches, and a match's offsets are offsets into `s`)."""
    return s.translate(_ALIGNED)


def _bare_char(c: str) -> str:
    b = base_letter(c)
    return b.upper() if b.isascii() and b.isalpha() else ""


_BARE = {cp: _bare_char(chr(cp)) for cp in range(0x1F00)}


def bare(s: str) -> str:
    """Upper-case ASCII letters only: "Nhận định của Tòa án:" → "NHANDINHCUATOAAN"."""
    out = s.translate(_BARE)
    return out if out.isascii() else "".join(c for c in out if c.isascii())


def tone_marks(s: str) -> list[str]:
    """The tone marks of `s` (combining characters of TONE_MARKS), in order."""
    return [c for c in unicodedata.normalize("NFD", s) if c in TONE_MARKS]


def strip_tone(word: str) -> str:
    """The word without its tone mark, keeping the vowel shapes (ă â ê ô ơ ư), NFC."""
    d = unicodedata.normalize("NFD", word)
    return unicodedata.normalize("NFC", "".join(c for c in d if c not in TONE_MARKS))


# The older tone placement on a final oa, oe, uy ("hoà", "uỷ") and the newer one ("hòa", "ủy"); not
# after q ("quý": u belongs to the onset).
_OLD_TONES = {
    "oà": "òa", "oá": "óa", "oả": "ỏa", "oã": "õa", "oạ": "ọa", "oè": "òe", "oé": "óe", "oẻ": "ỏe",
    "oẽ": "õe", "oẹ": "ọe", "uỳ": "ùy", "uý": "úy", "uỷ": "ủy", "uỹ": "ũy", "uỵ": "ụy",
}  # fmt: skip
_OLD_TONE_RE = re.compile(r"(?<!q)(" + "|".join(_OLD_TONES) + r")(?!\w)")


def fold_tones(s: str) -> str:
    """Lower case, one tone placement ("Hoà" → "hòa"), all marks kept; same length as `s` (NFC text:
    the placements are precomposed letters), so offsets carry over."""
    low = s.lower()
    if len(low) != len(s):  # a rare character whose lower case is longer: keep it as is
        low = "".join(c.lower() if len(c.lower()) == 1 else c for c in s)
    return _OLD_TONE_RE.sub(lambda m: _OLD_TONES[m.group(1)], low)


@lru_cache(maxsize=65536)
def tone_style(word: str) -> str:
    """One spelling for the old and new tone placements of a lower-case word: "uỷ"/"ủy", "hoà"/"hòa"
    → tone on the first vowel of a final oa, oe, uy (not after q: "quý"); other words as they are."""
    tones = tone_marks(word)
    if len(tones) != 1:
        return word
    base_nfc = strip_tone(word)
    if not base_nfc.endswith(("oa", "oe", "uy")) or base_nfc.endswith("quy"):
        return word
    k = len(base_nfc) - 2
    return unicodedata.normalize("NFC", base_nfc[: k + 1] + tones[0] + base_nfc[k + 1 :])
