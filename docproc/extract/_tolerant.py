"""Tone-tolerant regular expressions: OCR's commonest slip is a wrong tone mark ("đôi với",
"phạt tiên", "kê biến"), so keyword patterns accept any tone on a vowel while keeping its shape
(a/ă/â, e/ê, o/ô/ơ, u/ư stay distinct). Spans still point at the original text."""

from __future__ import annotations

import re
import unicodedata

__all__ = ["tone_tolerant", "compile_tolerant", "blank_specks"]

_TONES = "\u0300\u0301\u0309\u0303\u0323"
_BASES = "aăâeêioôơuưyAĂÂEÊIOÔƠUƯY"


def _variants(base: str) -> str:
    return "".join(unicodedata.normalize("NFC", base + t) for t in ("", *_TONES))


# every toned or plain vowel → all tone variants of its shape
_CLASS: dict[str, str] = {}
for _b in _BASES:
    _v = _variants(_b)
    for _c in _v:
        _CLASS[_c] = _v


_GROUP_RE = re.compile(r"\(\?(?:P<\w+>|P=\w+\)|[aiLmsux]*(?:-[imsx]+)?:|<=|<!|=|!|#[^)]*\))")


def tone_tolerant(pattern: str) -> str:
    """`pattern` with each vowel literal widened to its tone variants: "đối" → "đ[oòóỏõọ...]i"
    Character classes, escapes and group syntax ("(?P<neg>", "(?i:") are left as written."""
    out: list[str] = []
    in_class = False
    i = 0
    while i < len(pattern):
        c = pattern[i]
        g = _GROUP_RE.match(pattern, i) if c == "(" and not in_class else None
        if g:  # "(?P<name>", "(?i:": syntax, not text
            out.append(g.group())
            i = g.end()
            continue
        if c == "\\" and i + 1 < len(pattern):
            out.append(pattern[i : i + 2])
            i += 2
            continue
        if in_class:
            if c == "]":
                in_class = False
            out.append(c)  # classes stay as written: ranges ("A-Z") must keep their ends
        elif c == "[":
            in_class = True
            out.append(c)
            if pattern[i + 1 : i + 2] == "^":
                out.append("^")
                i += 1
            if pattern[i + 1 : i + 2] == "]":  # a literal "]" first in the class
                out.append("]")
                i += 1
        elif c in _CLASS:
            out.append("[" + _CLASS[c] + "]")
        else:
            out.append(c)
        i += 1
    return "".join(out)


def compile_tolerant(pattern: str, flags: int = 0) -> re.Pattern[str]:
    return re.compile(tone_tolerant(pattern), flags)


# A token made only of specks ("gồm: '", "¡trường"): OCR reads dust as quotes, carets, bars.
_SPECK_TOKEN_RE = re.compile(r"(?<!\S)['‘’`´^~¡¿|]+(?!\S)|¡|¿")
_GLUED_SEMICOLON_RE = re.compile(r"(?<=\w);(?=[^\W\d_])")
# An item number whose last dot OCR read as a comma, at a line's start: "1.5, Trường hợp ..."
_ITEM_COMMA_RE = re.compile(r"(?m)^(\d{1,2}(?:\.\d{1,2})+),(?=\s)")


def blank_specks(text: str) -> str:
    """`text` with OCR specks turned into spaces: standalone quote marks, carets and bars, and the
    inverted marks Vietnamese never uses. Same length, so every span still points at the original;
    typed text has none of them ("H'Bin" keeps its apostrophe). A semicolon glued between a word
    and a lower-case word ("thửa đất số 96;tờ bản đồ") is a comma OCR misread: typed text spaces it;
    so is the comma that ends an item number at a line's start ("1.5, Trường hợp")."""
    text = _SPECK_TOKEN_RE.sub(lambda m: " " * len(m.group()), text)
    text = _GLUED_SEMICOLON_RE.sub(lambda m: "," if text[m.end()].islower() else ";", text)
    return _ITEM_COMMA_RE.sub(r"\1.", text)
