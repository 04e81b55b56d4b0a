"""The header and the signature block of an enforcement decision: issuing agency and its parent,
number, date, signer and the signer's title.

The header is two columns printed side by side (agency on the left, national motto, place and date
on the right). A text layer keeps them on one line separated by a run of spaces; OCR may give them
as separate lines. Both are handled by cutting every header line at runs of 3+ spaces and dropping
the pieces that belong to the right column (motto, "Độc lập", the place-and-date line, rules).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from docproc.extract.enforcement.tables import fold, tables
from docproc.text import find_dates

__all__ = ["Span", "HeaderFields", "read_header", "read_signature", "agency_case", "title_start"]


@dataclass(frozen=True)
class Span:
    value: object
    start: int
    end: int
    conf: float


@dataclass
class HeaderFields:
    agency: Span | None = None
    parent_agency: Span | None = None
    number: Span | None = None
    date: Span | None = None


_TITLE_RE = re.compile(r"^[ \t]*q\s*u\s*y\s*e\s*t\s+d\s*i\s*n\s*h[ \t]*$", re.M)
_AGENCY_HEAD = re.compile(
    r"(?:(?:tong\s+cuc|cuc\s+quan\s+ly|chi\s+cuc|cuc|phong)\s+)?(?:thi\s+hanh\s+an\s+dan\s+su|thads)\b"
)
_RIGHT_COLUMN = re.compile(
    r"cong\s+hoa|xa\s+hoi\s+chu\s+nghia|doc\s+lap|tu\s+do|hanh\s+phuc|^\s*[-_=.~*]{3,}\s*$|ngay\s+\d|\bso\s*:"
)
_NUMBER_RE = re.compile(
    r"(?:^|\s)s[oố]\s*[:;.]?\s*([0-9OolI][0-9OolI ]{0,8}\s*/\s*[^\s,;]{2,30})", re.I | re.M
)
_COL_SPLIT = re.compile(r"\s{3,}|\t+")


def title_start(text: str) -> int:
    """Where the title "QUYẾT ĐỊNH" stands alone on its line (the end of the header), else 0."""
    m = _TITLE_RE.search(fold(text[:4000]))
    return m.start() if m else 0


def _pieces(text: str, end: int) -> list[tuple[int, int]]:
    """Header pieces (line parts between runs of spaces) in text order, as spans."""
    out: list[tuple[int, int]] = []
    pos = 0
    for line in text[:end].split("\n"):
        ls = pos
        pos += len(line) + 1
        cuts = [0, *[x for m in _COL_SPLIT.finditer(line) for x in (m.start(), m.end())], len(line)]
        for a, b in zip(cuts[::2], cuts[1::2], strict=False):
            if line[a:b].strip():
                out.append((ls + a, ls + b))
    return out


def agency_case(upper: str) -> str:
    """ "CHI CỤC THI HÀNH ÁN DÂN SỰ QUẬN NGÔ QUYỀN" → "Chi cục Thi hành án dân sự quận Ngô Quyền";
    text already in normal case is kept."""
    s = re.sub(r"\s+", " ", upper).strip(" ,.;:-–")
    letters = [c for c in s if c.isalpha()]
    if letters and sum(c.islower() for c in letters) > len(letters) / 3:
        return s
    from docproc.extract.header import restore_court_case

    f = fold(s)
    m = re.match(
        r"(?:(tong\s+cuc|cuc\s+quan\s+ly|chi\s+cuc|cuc|phong)\s+)?(thi\s+hanh\s+an\s+dan\s+su|thads)", f
    )
    if not m:
        return restore_court_case("TÒA ÁN NHÂN DÂN " + s).removeprefix("Tòa án nhân dân ").strip()
    head_words = s[: m.end()].split()
    prefix = m.group(1)
    if prefix is None:
        head = "Thi hành án dân sự" if m.group(2) != "thads" else "THADS"
    else:
        n = len(prefix.split())
        first = " ".join(head_words[:n]).lower().capitalize()
        first = first.replace("quản lý", "Quản lý") if "quan ly" in prefix else first
        core = "thi hành án dân sự" if "quan ly" in prefix else "Thi hành án dân sự"
        head = f"{first} {core if m.group(2) != 'thads' else 'THADS'}"
    rest = s[m.end() :].strip()
    if not rest:
        return head
    tail = restore_court_case("TÒA ÁN NHÂN DÂN " + rest).removeprefix("Tòa án nhân dân").strip()
    return f"{head} {tail}"


def read_header(text: str) -> HeaderFields:
    """Agency, parent agency, number and date from the header (the text before the title)."""
    end = title_start(text) or min(len(text), 1500)
    out = HeaderFields()
    pieces = _pieces(text, end)
    block: list[tuple[int, int]] = []
    for s, e in pieces:
        f = fold(text[s:e])
        if re.match(r"\s*s[o0]\s*[:;.]", f):
            break
        if _RIGHT_COLUMN.search(f) or not re.search(r"[a-z]", f):
            continue
        block.append((s, e))
    _agencies(text, block, out)
    m = _NUMBER_RE.search(text, 0, end)
    if m:
        raw = re.sub(r"\s+", "", m.group(1))
        raw = re.sub(r"^[Oo]", "0", raw)
        out.number = Span(raw.rstrip(".,;"), m.start(1), m.end(1), 0.95)
    # the header's date: a "..., ngày dd tháng mm năm yyyy" in the header, the last one if several
    dates = [d for d in find_dates(text[:end]) if not d.lunar]
    if dates:
        d = dates[-1]
        out.date = Span(d.value.isoformat(), d.start, d.end, 0.95)
    return out


def _agencies(text: str, block: list[tuple[int, int]], out: HeaderFields) -> None:
    if not block:
        return
    # the joined block, with offsets back into the text
    joined, offs = "", []
    for s, e in block:
        if joined:
            joined += " "
            offs.append(-1)
        joined += text[s:e]
        offs.extend(range(s, e))
    f = fold(joined)
    starts = [m.start() for m in _AGENCY_HEAD.finditer(f)]
    if not starts:
        return
    if f[: starts[0]].strip(" ,.-"):
        starts.insert(0, 0)
    segs = [(a, b) for a, b in zip(starts, [*starts[1:], len(f)], strict=True)]
    segs = [(a, b) for a, b in segs if joined[a:b].strip(" ,.-–")]

    def span(a: int, b: int, conf: float) -> Span:
        raw = joined[a:b].strip(" ,.-–")
        a = a + joined[a:b].find(raw)
        b = a + len(raw)
        s = next(o for o in offs[a:b] if o >= 0)
        e = next(o for o in reversed(offs[a:b]) if o >= 0) + 1
        return Span(agency_case(raw), s, e, conf)

    last = segs[-1]
    out.agency = span(*last, 0.9)
    if len(segs) >= 2:
        out.parent_agency = span(*segs[-2], 0.85)


# ---------------------------------------------------------------------------------------------
# Signature block
# ---------------------------------------------------------------------------------------------

_SIGN_NOTE = re.compile(
    r"\(?\s*(?:đã\s+ký|da\s+ky|ký\s+tên|ky\s+ten|đóng\s+dấu|dong\s+dau|ký\s+số|ky\s+so)[^)\n]*\)?", re.I
)
_LIST_LINE = re.compile(r"^\s*(?:[-–+•]|n[oơ]i\s+nh[aậ]n|l[uư]u\b)", re.I)
_PREFIX = re.compile(r"^\s*(kt|tm|q|tl|tuq)\s*\.\s*", re.I)


def read_signature(text: str) -> tuple[Span | None, Span | None]:
    """(signer, signer title) from the signature block after "Nơi nhận" (or the end of the text).

    The title is the last title line ("KT. CHI CỤC TRƯỞNG" / "PHÓ CHI CỤC TRƯỞNG"); a "KT." title
    with no deputy line under it is signed by a deputy ("Phó ..."). The signer is the name line
    below the title."""
    fz = fold(text)
    found = list(re.finditer(r"n[oơ]i\s+nh[aậ]n\s*:?", fz))
    start = found[-1].start() if found else max(0, len(text) - 1500)
    titles: list[tuple[str, str, int, int, str | None]] = []  # (fold key, label, start, end, prefix)
    name: Span | None = None
    for s, e in _pieces(text, len(text)):
        if s < start:
            continue
        piece = text[s:e].strip()
        if _LIST_LINE.match(piece) or _SIGN_NOTE.fullmatch(piece):
            continue
        pf = fold(piece)
        pm = _PREFIX.match(pf)
        key_text = pf[pm.end() :] if pm else pf
        key_text = re.sub(r"[^a-z ]", " ", key_text)
        key_text = re.sub(r"\s+", " ", key_text).strip()
        hit = next(((k, label) for k, label in tables().signer_titles if key_text == k), None)
        if hit and piece.upper() == piece:
            prefix = pm.group(1).upper() if pm else None
            titles.append((hit[0], hit[1], s, e, prefix))
            name = None
            continue
        if titles and _is_name(piece):
            value = re.sub(r"\s+", " ", piece)
            if value.isupper():
                value = " ".join(w.capitalize() for w in value.split())
            name = Span(value, s, e, 0.9)
    title: Span | None = None
    if titles:
        key, label, s, e, prefix = titles[-1]
        if prefix == "KT" and not key.startswith("pho "):
            label = "Phó " + label
            title = Span(label, s, e, 0.75)
        else:
            title = Span(label, s, e, 0.9)
    return name, title


def _is_name(piece: str) -> bool:
    words = piece.split()
    if not 2 <= len(words) <= 6:
        return False
    if any(c.isdigit() for c in piece) or re.search(r"[:;()/]", piece):
        return False
    return all(w[0].isupper() for w in words)
