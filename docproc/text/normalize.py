"""Unicode normalisation shared by every text rule: NFC, and a diacritic-free key for fuzzy lookups
(`strip_diacritics`, kept here by name; the folds live in docproc.text.fold)."""

from __future__ import annotations

import unicodedata

from docproc.text.fold import strip_diacritics

__all__ = ["nfc", "strip_diacritics"]


def nfc(s: str) -> str:
    """NFC form: Vietnamese letters as one code point each, as every stage expects."""
    return unicodedata.normalize("NFC", s)
