"""Word tokens and text folding shared by both learned backends.

Both backends label the same word tokens, so training data, spaCy and the transformer agree on
boundaries: a grouped number ("1.250.000.000") or an identifier piece ("37C") is one token and
punctuation is a token of its own (names never end in "," as whitespace tokens would).
"""

from __future__ import annotations

import re
import unicodedata

from docproc.text.fold import fold_tones

__all__ = ["WORD_RE", "words", "fold", "decode_bio"]

WORD_RE = re.compile(r"\d+(?:[.,]\d+)*(?!\w)|\w+|[^\w\s]")


def words(text: str) -> list[tuple[int, int]]:
    """Character spans of the word tokens of `text`."""
    return [m.span() for m in WORD_RE.finditer(text)]


def fold(text: str) -> str:
    """Lower case, one tone placement (docproc.text.fold.fold_tones); the same length as the input,
    so offsets carry over."""
    return fold_tones(text)


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def decode_bio(spans, tags) -> list[tuple[int, int, str]]:  # type: ignore[no-untyped-def]
    """Entities from per-token (start, end) spans and BIO tags. Lenient: an I- tag continues the
    entity before it even when its label differs (the label of the first token wins: it is the
    one nearest the cue, e.g. "Nguyên đơn:"), and an I- with nothing before it starts one."""
    out: list[tuple[int, int, str]] = []
    cur: list | None = None
    for (s, e), tag in zip(spans, tags, strict=True):
        if tag.startswith("I-") and cur is not None:
            cur[1] = e
            continue
        if cur is not None:
            out.append((cur[0], cur[1], cur[2]))
            cur = None
        if tag.startswith(("B-", "I-")):
            cur = [s, e, tag[2:]]
    if cur is not None:
        out.append((cur[0], cur[1], cur[2]))
    return out
