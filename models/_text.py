"""Word tokens and text folding shared by both learned backends.

Both backends label the same word tokens, so training data, spaCy and the transformer agree on
boundaries: a grouped number ("1.250.000.000") or an identifier piece ("37C") is one token and
punctuation is a token of its own (names never end in "," as whitespace tokens would).
"""

from __future__ import annotations

import re
import unicodedata

__all__ = ["WORD_RE", "words", "fold"]

WORD_RE = re.compile(r"\d+(?:[.,]\d+)*|\w+|[^\w\s]")

_OLD_TONES = {
    "oà": "òa", "oá": "óa", "oả": "ỏa", "oã": "õa", "oạ": "ọa", "oè": "òe", "oé": "óe", "oẻ": "ỏe",
    "oẽ": "õe", "oẹ": "ọe", "uỳ": "ùy", "uý": "úy", "uỷ": "ủy", "uỹ": "ũy", "uỵ": "ụy",
}  # fmt: skip
_OLD_TONE_RE = re.compile(r"(?<!q)(" + "|".join(_OLD_TONES) + r")(?!\w)")


def words(text: str) -> list[tuple[int, int]]:
    """Character spans of the word tokens of `text`."""
    return [m.span() for m in WORD_RE.finditer(text)]


def fold(text: str) -> str:
    """Lower case, one tone placement; the same length as the input, so offsets carry over."""
    low = "".join(c.lower() if len(c.lower()) == 1 else c for c in text)
    return _OLD_TONE_RE.sub(lambda m: _OLD_TONES[m.group(1)], low)


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)
