"""Word-level repairs of marks that Tesseract puts where print has none, before correction sees them.

A speck in a word space, or a stroke of the letter beside it, comes back as a mark glued between two
words ("Thiết'bị", "ty:gặp", "liên.đới", "Một,:Thành"), a mark on a word's edge ("_Theo", "6_",
"”có"), or a word of marks alone ("ˆ", "|", "°"). Glued words break names and phrases ("Công ty cổ
phần ... Thiết'bị" is no company the text names again); digits read as letters break numbers ("I972",
"l5", "I0"); a space read into a grouped amount breaks it ("100.000. 000"); "đ" read as "d" after an
amount hides the currency. The rules come from how Vietnamese is printed, not from any text:

- no Vietnamese word holds an apostrophe, and a colon, comma or full stop is followed by a space, so a
  mark between two runs of letters is a word space (the mark itself is dropped before lower case,
  where a new sentence or list cannot start; a comma or semicolon is kept as punctuation);
- a word never starts with a closing mark or sentence punctuation, nor ends with an underscore;
- a run of digits never holds I, l or O (when it stands apart from letters);
- a grouped amount ("1.250.000") has groups of exactly three digits after its dots.

Boxes follow: a split word's box is cut in proportion to its characters, joined words take the union.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence

from docproc.document import Line, Word

__all__ = ["clean_words"]

JUNK = "_`ˆ„°|¿¡~^§¬"  # marks no Vietnamese text prints as a word of its own or on a word's edge
_JUNK_ONLY = re.compile(f"^[{re.escape(JUNK)}'‘’]+$")
_LIST_TILDE = re.compile(r"^(?:~|~-|-~|~~)$")
_SENTENCE_MARK = re.compile(r"^[.,:;]$")
# two runs of letters with marks glued between them (the marks: apostrophes, colon, comma, full stop)
_GLUED = re.compile(r"^(?P<a>[^\W\d_]+|\d{1,3}(?:\.\d{3})+)(?P<m>['‘’`:;,.]{1,3})(?P<b>[^\W\d_].*)$")
# "[2l", "(3|", "[6|": a numbered point "[2]" whose brackets were misread (mismatched, so never "(3)")
_BRACKET = re.compile(r"^(?:\[(?P<n>\d{1,2})[\]lIj|)]|[(|](?P<m>\d{1,2})[\]lIj|])(?P<p>[.,:;]?)$")
_LEAD = re.compile(
    f"^(?P<m>[{re.escape(JUNK)}”’]+(?=[^\\W_])|[.,:;]{{1,2}}(?=[^\\W\\d_])|')(?P<rest>[^\\W_].*)$"
)
_TRAIL = re.compile(f"^(?P<rest>.*[^\\W_][.,:;)]?)(?P<m>[{re.escape(JUNK)}“‘]+)$")
_DIGIT_RUN = re.compile(r"(?<![^\W\d_])[0-9IlO|¡!]*[0-9][0-9IlO|¡!]*(?![^\W\d_])")
_DIGIT_OF = str.maketrans({"I": "1", "l": "1", "|": "1", "¡": "1", "!": "1", "O": "0"})
_AMOUNT_HEAD = re.compile(r"^\d{1,3}(?:\.\d{3})*\.$")  # "100.000." waiting for its last group
_AMOUNT_TAIL = re.compile(r"^\d{3}(?:\.\d{3})*(?:đ|d|đồng)?[.,;:)]*$")
_AMOUNT_WHOLE = re.compile(r"^\d{1,3}(?:\.\d{3})+$")  # "41.325" before ".000đ" or "000"
_ZEROS_TAIL = re.compile(r"^000(?:đ|d|đồng)?[.,;:)]*$")
_GROUP_CUT_HEAD = re.compile(r"^\d{1,3}(?:\.\d{3})*\.(?P<a>\d{1,2})$")  # "3.6" of "3.6 10.865.500"
_GROUP_CUT_TAIL = re.compile(r"^(?P<b>\d{1,2})\.\d{3}(?:\.\d{3})*(?:đ|d|đồng)?[.,;:)]*$")
_AMOUNT_DOT_TAIL = re.compile(r"^\.\d{3}(?:\.\d{3})*(?:đ|d|đồng)?[.,;:)]*$")
_AMOUNT_D = re.compile(r"^(?P<n>\d{1,3}(?:\.\d{3})+)d(?P<p>[.,;:)]*)$")


def _letters_only(s: str) -> bool:
    return bool(s) and all(ch.isalpha() for ch in s)


def _split(word: Word, left: str, right: str, cut: int) -> list[Word]:
    """`word` as two words, `left` and `right`, its box cut after `cut` of its characters."""
    x0, y0, x1, y1 = word.bbox
    n = max(len(word.text), 1)
    mid = x0 + (x1 - x0) * min(max(cut, 1), n - 1) / n
    return [
        word.model_copy(update={"text": left, "bbox": (x0, y0, mid, y1)}),
        word.model_copy(update={"text": right, "bbox": (mid, y0, x1, y1)}),
    ]


def _unglue(word: Word) -> list[Word]:
    """ "Thiết'bị" → "Thiết" "bị", "ty:gặp" → "ty" "gặp", "Một,:Thành" → "Một," "Thành"."""
    m = _GLUED.match(word.text)
    if m is None:
        return [word]
    a, marks, b = m["a"], m["m"], m["b"]
    if a[0].isdigit() and marks != ":":
        return [word]  # "1.250.000,đ": only an amount's glued colon ("243.850.000:đồng") is a space
    if "." in marks and (len(a) < 2 or not b[0].islower() or any(ch.isupper() for ch in a[1:])):
        return [word]  # "TP.Hồ", "v.v", "P.Tân": abbreviations keep their full stop
    tail = b.rstrip('.,;:)!?"”')
    if not _letters_only(re.sub(r"[-'‘’`:;,.]", "", tail)):
        return [word]  # "tên:abc123", a code: not two words
    keep = next((ch for ch in marks if ch in ",;"), "")
    if not keep and ":" in marks and b[0].isupper():
        keep = ":"  # "đơn:Công ty": the colon was printed, its space was lost
    cut = len(a) + len(marks)
    first, rest = _split(word, a + keep, b, cut)
    return [first, *_unglue(rest)]  # "nghị.xử.phạt": every glued mark of the word


def _trim(text: str) -> str:
    """A word without marks on its edges that print never puts there ("_Theo", "6_", "”có")."""
    m = _LEAD.match(text)
    if m and not (m["m"] == "'" and text.rstrip(".,;:").endswith("'")):
        text = m["rest"]
    m = _TRAIL.match(text)
    if m:
        text = m["rest"]
    return text


def _digits(text: str) -> str:
    """I, l, | and O inside a run of digits read as the digits they look like ("I972" → "1972")."""
    return _DIGIT_RUN.sub(lambda m: m.group(0).translate(_DIGIT_OF), text)


def _currency(text: str) -> str:
    """ "1.250.000d." → "1.250.000đ.": after a grouped amount "d" is the currency sign."""
    m = _AMOUNT_D.match(text)
    return f"{m['n']}đ{m['p']}" if m else text


def _group_cut(head: str, tail: str) -> bool:
    """ "3.6" "10.865.500": a space inside a group of three digits."""
    a, b = _GROUP_CUT_HEAD.match(head), _GROUP_CUT_TAIL.match(tail)
    return bool(a and b and len(a["a"]) + len(b["b"]) == 3)


def _clean_line(words: Sequence[Word]) -> list[Word]:
    out: list[Word] = []
    for w in words:
        text = unicodedata.normalize("NFC", w.text)
        if _JUNK_ONLY.match(text):
            continue
        if _SENTENCE_MARK.match(text) and out and out[-1].text[-1:] in ".,:;":
            continue  # "Tòa án. :": a second mark standing alone
        b = _BRACKET.match(text)
        if b:
            text = f"[{b['n'] or b['m']}]{b['p']}"
        text = _trim(_digits(text))
        if not text:
            continue
        text = _currency(text)
        if text != w.text:
            w = w.model_copy(update={"text": text})
        prev = out[-1] if out else None
        if prev is not None and (
            _AMOUNT_HEAD.match(prev.text)
            and _AMOUNT_TAIL.match(text)
            and ("." in prev.text[:-1] or "." in text.rstrip(".,;:)"))  # "3. 100 người" is an item
            or _AMOUNT_WHOLE.match(prev.text)
            and (_AMOUNT_DOT_TAIL.match(text) or _ZEROS_TAIL.match(text))
            or _group_cut(prev.text, text)
        ):
            joint = (
                prev.text + ("." if _ZEROS_TAIL.match(text) and _AMOUNT_WHOLE.match(prev.text) else "") + text
            )
            out[-1] = prev.model_copy(  # "100.000. 000" → "100.000.000"
                update={
                    "text": _currency(joint),
                    "bbox": (
                        prev.bbox[0],
                        min(prev.bbox[1], w.bbox[1]),
                        w.bbox[2],
                        max(prev.bbox[3], w.bbox[3]),
                    ),
                    "confidence": min(prev.confidence, w.confidence),
                }
            )
            continue
        out.extend(_unglue(w))
    return out


def _stops_to_commas(words: list[Word]) -> list[Word]:
    """A full stop after a word of letters, before a word in lower case, is a comma misread: a
    sentence after a full stop starts with a capital ("Khải. sinh năm" → "Khải, sinh năm", "quận 1.
    thành phố" → "quận 1, thành phố"; "TP. Hồ", "v.v. các" kept)."""
    out = list(words)
    for k in range(len(out) - 1):
        text, nxt = out[k].text, out[k + 1].text
        core = text[:-1]
        if (
            text.endswith(".")
            and len(core) >= 2
            and core.isalpha()
            and not core.isupper()
            and nxt[:1].islower()
        ):
            out[k] = out[k].model_copy(update={"text": core + ","})
    return out


def _drop_lone_marks(words: list[Word]) -> list[Word]:
    """A colon, comma or full stop standing alone before a word in lower case is a speck ("Hợp :
    đồng"): print puts these marks against the word before, and nothing new starts lower case."""
    return [
        w
        for k, w in enumerate(words)
        if not (_SENTENCE_MARK.match(w.text) and k + 1 < len(words) and words[k + 1].text[:1].islower())
    ]


def clean_words(lines: Sequence[Line]) -> list[Line]:
    """The lines with the word-level repairs of the module doc; lines left without words dropped."""
    out = []
    for line in lines:
        words = list(line.words)
        if words and _LIST_TILDE.match(words[0].text) and len(words) > 1:
            words[0] = words[0].model_copy(update={"text": "-"})  # "~ Các đương sự;": a list's dash
        words = _stops_to_commas(_drop_lone_marks(_clean_line(words)))
        if words:
            out.append(Line(words=words, block=line.block))
    return out
