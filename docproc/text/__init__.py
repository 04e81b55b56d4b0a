"""Text rules for Vietnamese judgments: NFC, amounts, dates, OCR fixes, legacy encodings.

Pure functions over strings (and `Page` for OCR fixes); every stage calls them on NFC text.
"""

from docproc.text.dates import DateMatch, find_dates, parse_date
from docproc.text.legacy import (
    LegacyEncoding,
    convert_legacy,
    convert_legacy_font_text,
    decode_bytes,
    detect_legacy,
    encode_legacy,
)
from docproc.text.normalize import nfc, strip_diacritics
from docproc.text.numbers import (
    AmountMatch,
    ForeignAmountMatch,
    amount_to_words,
    find_amounts,
    find_foreign_amounts,
    parse_amount,
    words_to_amount,
)
from docproc.text.ocrfix import correct_ocr_text, correct_page, correct_words
from docproc.text.syllables import is_syllable

__all__ = [
    "nfc",
    "strip_diacritics",
    "is_syllable",
    "AmountMatch",
    "amount_to_words",
    "find_amounts",
    "ForeignAmountMatch",
    "find_foreign_amounts",
    "parse_amount",
    "words_to_amount",
    "DateMatch",
    "find_dates",
    "parse_date",
    "correct_ocr_text",
    "correct_page",
    "correct_words",
    "LegacyEncoding",
    "detect_legacy",
    "convert_legacy",
    "encode_legacy",
    "decode_bytes",
    "convert_legacy_font_text",
]
