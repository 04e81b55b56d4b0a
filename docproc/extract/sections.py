"""Split a judgment's text into its conventional sections.

header (court, number, date, subject) → parties (the đương sự list) → content (NỘI DUNG VỤ ÁN) →
reasoning (NHẬN ĐỊNH CỦA TÒA ÁN / XÉT THẤY) → decision (QUYẾT ĐỊNH / Xử / Tuyên xử: the operative
part) → closing (Nơi nhận, signatures). Headings may be missing or damaged by OCR (lost diacritics,
a wrong letter, odd case), so a heading is recognised on its bare letters with a small edit
distance. Each section is a character span into the text, empty when absent.

Decisions recognising a settlement ("QUYẾT ĐỊNH CÔNG NHẬN SỰ THỎA THUẬN ...") have no NỘI DUNG: the
title "QUYẾT ĐỊNH" is not the operative part, "XÉT THẤY" is the reasoning, and the parties are listed
inside the operative part. Appeal judgments restate the first-instance decision inside the content:
the operative part is the first "QUYẾT ĐỊNH" heading after the reasoning.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from docproc.text.fold import bare

__all__ = ["Sections", "segment", "bare"]

_FLAGS = re.IGNORECASE | re.MULTILINE

# Heading keys: the bare upper-case letters of the heading line.
_CONTENT_KEYS = ("NOIDUNGVUAN", "NOIDUNGVUVIEC", "NOIDUNGSUVIEC")
_REASONING_KEYS = ("NHANDINHCUATOAAN", "NHANDINHCUAHOIDONGXETXU", "XETTHAY", "NHANDINH")
_DECISION_KEYS = ("QUYETDINH", "XU", "TUYENXU", "VITHECACLEHUTREN", "VICACLETREN")
_CLOSING_KEYS = ("NOINHAN",)

_CLOSING = re.compile(r"^\s*N[oơ]i\s+nh[aậ]n\s*:", _FLAGS)
_PARTIES_START = re.compile(
    r"(gi[uữ]a\s+c[aá]c\s+[dđ][uư][oơ]ng\s+s[uự]\s*:|[dđ][oố]i\s+v[oớ]i\s+(?:c[aá]c\s+)?b[iị]\s+c[aá]o\s*:|"
    r"^\s*(?:(?:\d{1,2}(?:\.\d{1,2})*|[IVX]+|[a-zđ])[.\-/)]\s*|[-–*+•]\s*)?(Nguy[eê]n\s+[dđ][oơ]n|B[iị]\s+[dđ][oơ]n|B[iị]\s+c[aá]o|"
    r"Ng[uư][oờ]i\s+(y[eê]u\s+c[aầ]u|kh[oở]i\s+ki[eệ]n|b[iị]\s+ki[eệ]n))\b)",
    _FLAGS,
)
_LINE = re.compile(r"^[^\n]*$", re.MULTILINE)


def _close(a: str, b: str) -> bool:
    """Equal, or one edit apart for keys of 8+ letters (OCR drops or swaps one letter)."""
    if a == b:
        return True
    if len(b) < 8 or abs(len(a) - len(b)) > 1:
        return False
    # one-edit check
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b, strict=True)) <= 1
    short, long_ = (a, b) if len(a) < len(b) else (b, a)
    for i in range(len(long_)):
        if long_[:i] + long_[i + 1 :] == short:
            return True
    return False


def _prefixed(kind: str, key: str) -> bool:
    """Longer forms: "NHẬN ĐỊNH CỦA TÒA ÁN CẤP PHÚC THẨM", "NỘI DUNG VỤ ÁN VÀ YÊU CẦU KHỞI KIỆN"."""
    if kind == "reasoning":
        return key.startswith("NHANDINHCUA") and len(key) <= 45
    if kind == "content":
        return key.startswith(("NOIDUNGVUAN", "NOIDUNGVUVIEC")) and len(key) <= 45
    return False


@dataclass(frozen=True)
class _Heading:
    kind: str
    key: str
    start: int
    end: int


_WORDISH = re.compile(r"[^\W\d_]{3,}")


def _without_noise_tail(s: str) -> str:
    """ "QUYẾT ĐỊNH: N ý. 7" → "QUYẾT ĐỊNH:": specks OCR read after a heading's colon (a short tail
    with no word of three letters; "Tuyên xử: ông A" is text, not noise)."""
    head, colon, tail = s.partition(":")
    tail = tail.strip()
    if colon and len(head) >= 2 and tail and len(tail) <= 10 and not _WORDISH.search(tail):
        return head + colon
    return s


def _kind(key: str) -> str | None:
    for kind, keys in (
        ("content", _CONTENT_KEYS),
        ("reasoning", _REASONING_KEYS),
        ("decision", _DECISION_KEYS),
        ("closing", _CLOSING_KEYS),
    ):
        if any(_close(key, k) for k in keys) or _prefixed(kind, key):
            return kind
    return None


# Words in capitals at a line's end, then its colon or nothing: a heading OCR glued onto the line
# before it ("... theo quy định của pháp luật. QUYẾT ĐỊNH:").
_UP = "".join(c for c in map(chr, range(0x41, 0x1EFA)) if c.isupper() and c.isalpha())
_CAP_WORD = "[" + re.escape(_UP) + "]+"
_GLUED_TAIL = re.compile(
    rf"(?<![^\W\d_])(?P<h>{_CAP_WORD}(?:[ \t]+{_CAP_WORD}){{0,7}})[ \t]*(?P<c>:?)[ \t]*$"
)


def _glued(line: str, at: int) -> _Heading | None:
    """The heading at the end of `line` (which starts at `at`), when the words before it are the
    previous line's text. In capitals only; a short key ("XỬ", "XÉT THẤY") needs its colon."""
    m = _GLUED_TAIL.search(line)
    if m is None or not line[: m.start()].strip():
        return None
    for w in re.finditer(r"\S+", m.group("h")):  # longest run first: "ACB QUYẾT ĐỊNH", "QUYẾT ĐỊNH"
        key = bare(m.group("h")[w.start() :])
        kind = _kind(key)
        if kind is None:
            continue
        before = line[: m.start() + w.start()].rstrip()
        # without its colon, only after a finished sentence and a long key: a paragraph ends before a
        # heading, and "... đã ban hành QUYẾT ĐỊNH" mid-sentence is a document's name
        if m.group("c") or (len(key) >= 9 and before.endswith((".", ";", ":", "!", "?", "”", '"', ")"))):
            return _Heading(kind, key, at + m.start() + w.start(), at + len(line))
    return None


def _headings(text: str) -> list[_Heading]:
    out: list[_Heading] = []
    for m in _LINE.finditer(text):
        line = m.group(0)
        s = line.strip()
        if not s:
            continue
        h = _whole_line(s, m.start(), m.end()) if len(s) <= 60 else None
        h = h or _glued(line, m.start())
        if h is not None:
            out.append(h)
    return out


def _whole_line(s: str, start: int, end: int) -> _Heading | None:
    """A heading on a line of its own: upper case, or ending with ":" ("Xử:", "Tuyên xử:")."""
    s = _without_noise_tail(s)
    letters = [c for c in s if c.isascii() and c.isalpha()]  # toned capitals may come back lower case
    if not letters:
        return None
    upper = sum(c.isupper() for c in letters) / len(letters) > 0.7
    if not upper and not s.endswith(":"):
        return None
    key = bare(re.sub(r"^(?:[IVX]{1,4}|[0-9]{1,2}|[A-Da-d])\s*[.)\-–]\s*", "", s))
    kind = _kind(key)
    return _Heading(kind, key, start, end) if kind is not None else None


@dataclass(frozen=True)
class Sections:
    text_len: int
    header: tuple[int, int]
    parties: tuple[int, int]
    content: tuple[int, int]
    reasoning: tuple[int, int]
    decision: tuple[int, int]
    closing: tuple[int, int]

    def get(self, text: str, name: str) -> str:
        s, e = getattr(self, name)
        return text[s:e]


def segment(text: str) -> Sections:
    n = len(text)
    heads = _headings(text)
    content = next((h for h in heads if h.kind == "content"), None)
    after_content = content.end if content else 0
    reasonings = [h for h in heads if h.kind == "reasoning" and h.start >= after_content]
    # Prefer the court's own reasoning heading; a bare "NHẬN ĐỊNH" only when nothing better exists.
    strong = [h for h in reasonings if h.key != "NHANDINH"]
    reasoning = (strong or reasonings or [None])[0]
    decision = None
    if reasoning is not None:
        decision = next((h for h in heads if h.kind == "decision" and h.start > reasoning.end), None)
    if decision is None:
        # No reasoning heading: the last decision heading that is not the title of a decision
        # (a title "QUYẾT ĐỊNH" is followed by the kind of decision, not by the operative text).
        cands = [
            h for h in heads if h.kind == "decision" and h.start >= after_content and not _is_title(text, h)
        ]
        decision = cands[-1] if cands else None
    closing_m = _CLOSING.search(
        text, decision.end if decision else (reasoning.end if reasoning else after_content)
    )
    closing_start = closing_m.start() if closing_m else n

    first_body = min(
        [h.start for h in (content, reasoning) if h is not None]
        + ([decision.start] if decision else [])
        + [n]
    )
    head_end = content.start if content else first_body
    parties_m = _PARTIES_START.search(text, 0, head_end)
    parties_start = parties_m.start() if parties_m else head_end
    header = (0, parties_start)
    parties = (parties_start, head_end)
    c_end = reasoning.start if reasoning else (decision.start if decision else n)
    content_span = (content.start, c_end) if content else (head_end, head_end)
    r_end = decision.start if decision else n
    reasoning_span = (reasoning.start, r_end) if reasoning else (c_end, c_end)
    d_end = closing_start if closing_start > (decision.start if decision else n) else n
    decision_span = (decision.start, d_end) if decision else (n, n)
    closing_span = (closing_start, n) if closing_m else (n, n)
    return Sections(n, header, parties, content_span, reasoning_span, decision_span, closing_span)


def _is_title(text: str, h: _Heading) -> bool:
    """ "QUYẾT ĐỊNH" followed by "CÔNG NHẬN ...", "ĐÌNH CHỈ ...": the document's title."""
    if h.key != "QUYETDINH" or text[h.start : h.end].rstrip().endswith(":"):
        return False
    nxt = text[h.end : h.end + 120].lstrip("\n ").split("\n", 1)[0]
    letters = [c for c in nxt if c.isascii() and c.isalpha()]
    return bool(letters) and sum(c.isupper() for c in letters) / len(letters) > 0.7
