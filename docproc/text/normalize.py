"""Unicode normalisation shared by every text rule: NFC, and a diacritic-free key for fuzzy lookups."""

from __future__ import annotations

import unicodedata

__all__ = ["nfc", "strip_diacritics"]


def nfc(s: str) -> str:
    """NFC form: Vietnamese letters as one code point each, as every stage expects."""
    return unicodedata.normalize("NFC", s)


def strip_diacritics(s: str) -> str:
    """Remove tone and shape marks (and map đ → d), to compare words whose marks OCR damaged."""
    decomposed = unicodedata.normalize("NFD", s)
    base = "".join(c for c in decomposed if not unicodedata.combining(c))
    return base.replace("đ", "d").replace("Đ", "D")
