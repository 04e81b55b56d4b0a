"""Text rules for Vietnamese judgments: NFC, amounts, dates, OCR fixes, legacy encodings."""

from docproc.text.normalize import nfc, strip_diacritics
from docproc.text.numbers import AmountMatch, amount_to_words, find_amounts, parse_amount, words_to_amount

__all__ = [
    "nfc",
    "strip_diacritics",
    "AmountMatch",
    "amount_to_words",
    "find_amounts",
    "parse_amount",
    "words_to_amount",
]
