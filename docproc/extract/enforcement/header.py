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
from docproc.text.places import fix_province_names

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
# "Số:" also after an OCR speck at the line's start ("'Số: 849/QĐ-THADS")
_NUMBER_RE = re.compile(
    r"(?:^[^\w\n]{0,2}|\s)so\s*[:;.]?\s*([0-9oli][0-9oli ]{0,8}\s*/\s*[^\s,;]{2,30})", re.M
)
_DIGIT_AS_LETTER = str.maketrans({"5": "S", "0": "O", "1": "I", "8": "B"})


def fix_symbol(number: str) -> str:
    """A number/symbol with the letters of its code that OCR read as digits put back: the part
    after the number and year is letters by convention ("52/2025/QĐ5T-DS" → "52/2025/QĐST-DS")."""
    parts = number.split("/")
    if len(parts) < 2:
        return number
    k = 2 if len(parts) >= 3 and re.fullmatch(r"\d{4}", parts[1]) else 1
    # a decision's code opens with "QĐ": OCR reads the Q as a/o/0/G or loses the stroke of the Đ
    parts[k] = re.sub(r"^(?:[aAoO0GQq][ĐđD]|Q[Dd])(?=[-–]|ST|PT|$)", "QĐ", parts[k])
    fixed = []
    for p in parts[k:]:
        segs = re.split(r"([-–.])", p)
        fixed.append(
            "".join(
                s.translate(_DIGIT_AS_LETTER) if re.fullmatch(r"[A-ZĐ]*[0158][A-ZĐ]+", s) else s for s in segs
            )
        )
    return "/".join(parts[:k] + fixed)


_COL_SPLIT = re.compile(r"\s{3,}|\t+")


def title_start(text: str) -> int:
    """Where the title "QUYẾT ĐỊNH" stands alone on its line (the end of the header), else 0."""
    m = _TITLE_RE.search(fold(text[:4000]))
    return m.start() if m else 0


_RIGHT_PHRASES = re.compile(
    r"c\s*o\s*n\s*g\s+h\s*o\s*a\s+x\s*a\s+h\s*o\s*i\s+c\s*h\s*u\s+n\s*g\s*h\s*i\s*a\s+v\s*i\s*e\s*t\s+n\s*a\s*m"
    r"|doc\s+lap\s*[-–]?\s*tu\s+do\s*[-–]?\s*hanh\s+phuc|[-_=.~*]{3,}"
)


def _pieces(text: str, end: int) -> list[tuple[int, int]]:
    """Header pieces in text order, as spans: line parts between runs of spaces (a text layer keeps
    the columns apart that way) and around the right column's fixed phrases (OCR may join a left
    and a right column line into one: "CỤC THI HÀNH ÁN DÂN SỰ CỘNG HÒA XÃ HỘI ...")."""
    out: list[tuple[int, int]] = []
    pos = 0
    for line in text[:end].split("\n"):
        ls = pos
        pos += len(line) + 1
        cuts = [0, *[x for m in _COL_SPLIT.finditer(line) for x in (m.start(), m.end())], len(line)]
        for a, b in zip(cuts[::2], cuts[1::2], strict=False):
            f = fold(line[a:b])
            inner = [a, *[x for m in _RIGHT_PHRASES.finditer(f) for x in (a + m.start(), a + m.end())], b]
            for c, d in zip(inner[::2], inner[1::2], strict=False):
                if line[c:d].strip(" -–"):
                    out.append((ls + c, ls + d))
    return out


_UNITS = ("thanh pho", "thi xa", "thi tran", "tinh", "huyen", "quan", "phuong", "xa", "khu vuc")
_UNIT_TEXT = {
    "thanh pho": "thành phố", "thi xa": "thị xã", "thi tran": "thị trấn", "tinh": "tỉnh", "huyen": "huyện",
    "quan": "quận", "phuong": "phường", "xa": "xã", "khu vuc": "khu vực",
}  # fmt: skip


def vote_places(value: str, text: str) -> str:
    """Place names in `value` ("... quận Long Biền") spelled the way the document repeats them most
    (OCR misreads a tone in one mention); unit words after the head read as units ("Tính" → "tỉnh")."""
    from docproc.extract._consensus import consensus_name

    head = re.search(r"thi\s+hanh\s+an\s+dan\s+su|thads|toa\s+an\s+nhan\s+dan|tand", fold(value))
    cut = head.end() if head else 0
    words = value[cut:].split(" ")
    out: list[str] = [value[:cut]] if cut else []
    run: list[str] = []

    def flush() -> None:
        if run:
            name = " ".join(run)
            core = name.rstrip(",;.")
            out.append(consensus_name(core, text) + name[len(core) :] if len(core) >= 3 else name)
            run.clear()

    i = 0
    while i < len(words):
        w = words[i]
        unit = None
        if not run:  # a unit word opens a place ("tỉnh Bắc Ninh"); inside a name it is a name ("Sơn Tịnh")
            two = fold(" ".join(words[i : i + 2])).strip(",")
            unit = next((u for u in _UNITS if (two if " " in u else fold(w).strip(",")) == u), None)
        if unit is not None:
            n = unit.count(" ") + 1
            seg = " ".join(words[i : i + n])
            out.append(_UNIT_TEXT[unit] + seg[len(seg.rstrip(",;")) :])
            i += n
            continue
        if w[:1].isupper():
            run.append(w)
        else:
            flush()
            out.append(w)
        if w.endswith((",", ";")):
            flush()
        i += 1
    flush()
    return fix_province_names(_head_words(re.sub(r"\s+", " ", " ".join(x for x in out if x)).strip()))


# the words before an agency's or court's head, as published ("Tống cục" read by OCR → "Tổng cục")
_HEAD_WORDS = {
    "tong cuc": "Tổng cục",
    "chi cuc": "Chi cục",
    "cuc": "Cục",
    "cuc quan ly": "Cục Quản lý",
    "phong": "Phòng",
}
_HEAD_RE = re.compile(
    r"^(?P<pre>(?:tong\s+cuc|chi\s+cuc|cuc\s+quan\s+ly|cuc|phong)\s+)?(?P<head>thi\s+hanh\s+an\s+dan\s+su|toa\s+an\s+nhan\s+dan)\b"
)


def _head_words(value: str) -> str:
    """ "Tống cục Thi hành án dân sự" → "Tổng cục Thi hành án dân sự": the fixed words of a head
    spelled as published, whatever marks OCR gave them (a place after them is left to the vote)."""
    m = _HEAD_RE.match(fold(value))
    if not m:
        return value
    pre = _HEAD_WORDS[" ".join(m.group("pre").split())] + " " if m.group("pre") else ""
    head = "Thi hành án dân sự" if m.group("head").startswith("thi") else "Tòa án nhân dân"
    if pre == "Cục Quản lý ":
        head = head.lower()  # "Cục Quản lý thi hành án dân sự", as the Ministry writes it
    return pre + head + value[m.end() :]


def agency_case(upper: str) -> str:
    """ "CHI CỤC THI HÀNH ÁN DÂN SỰ QUẬN NGÔ QUYỀN" → "Chi cục Thi hành án dân sự quận Ngô Quyền";
    text already in normal case is kept."""
    s = re.sub(r"\s+", " ", upper).strip(" ,.;:-–")
    s = re.sub(r"(?<=\s)[.,;:·•'`]+(?=\w)", "", s)  # OCR specks before a word
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
    m = _NUMBER_RE.search(fold(text[:end]))  # folded: "Sô:" / "So:" as OCR reads "Số:"
    if m:
        raw = re.sub(r"\s+", "", text[m.start(1) : m.end(1)])
        raw = fix_symbol(re.sub(r"^[Oo]", "0", raw))
        out.number = Span(raw.rstrip(".,;"), m.start(1), m.end(1), 0.95)
    # the header's date: a "..., ngày dd tháng mm năm yyyy" in the header, the last one if several
    dates = [d for d in find_dates(text[:end]) if not d.lunar]
    if dates:
        d = dates[-1]
        out.date = Span(d.value.isoformat(), d.start, d.end, 0.95)
    else:
        out.date = _ocr_date(text, end)
    return out


_OCR_DIGIT = r"[0-9Il!|Oo]"
_OCR_DATE = re.compile(
    rf"ngay\s+({_OCR_DIGIT}{{1,2}})\s+thang\s+({_OCR_DIGIT}{{1,2}})\s+nam\s+({_OCR_DIGIT}{{4}})(?![0-9])"
)


def _ocr_date(text: str, end: int) -> Span | None:
    """The header date with digits OCR read as letters ("ngày 10 tháng 1! năm 2021")."""
    found = list(_OCR_DATE.finditer(fold(text[:end])))
    if not found:
        return None
    m = found[-1]
    d, mo, y = (int(g.translate(str.maketrans("Il!|Oo", "111100"))) for g in m.groups())
    try:
        import datetime as dt

        value = dt.date(y, mo, d).isoformat()
    except ValueError:
        return None
    return Span(value, m.start(), m.end(), 0.6)


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
    below the title. OCR may put the right column at the end of the recipients' lines ("- Như
    Điều 3; PHÓ CHI CỤC TRƯỞNG"), so titles are looked for at the end of a piece, and the name
    after its last punctuation."""
    fz = fold(text)
    found = list(re.finditer(r"n[oơ]i\s+nh[aậ]n\s*:?", fz))
    start = found[-1].start() if found else max(0, len(text) - 1500)
    titles: list[tuple[str, str, int, int, str | None]] = []  # (fold key, label, start, end, prefix)
    name: Span | None = None
    for s, e in _pieces(text, len(text)):
        if s < start:
            continue
        piece = text[s:e]
        pf = fold(piece)
        m = _TITLE_AT_END.search(pf)
        if not (m and _upper(piece[m.start("t") :])):
            m = _TITLE_BEFORE_RECIPIENT.search(pf)  # "Nơi nhận: CHẤP HÀNH VIÊN - Như Điều 3;"
            m = m if m and _upper(piece[m.start("t") : m.end("t")]) else None
        if m:
            key = re.sub(r"\s+", " ", m.group("t")).strip()
            label = dict(tables().signer_titles)[key]
            prefix = m.group("p").upper() if m.group("p") else None
            titles.append((key, label, s + m.start("t"), s + m.end("t"), prefix))
            name = None
            continue
        if not titles:
            continue
        cut = max(piece.rfind(ch) for ch in ";:.)")
        tail_s = s + cut + 1 if cut >= 0 else s
        tail = text[tail_s:e].strip()
        if _is_name(tail):
            value = re.sub(r"\s+", " ", tail)
            if value.isupper():
                value = " ".join(w.capitalize() for w in value.split())
            ts = text.find(tail, tail_s, e)
            name = Span(value, ts, ts + len(tail), 0.9 if cut < 0 else 0.75)
    title: Span | None = None
    if titles:
        key, label, s, e, prefix = titles[-1]
        if prefix == "KT" and not key.startswith("pho "):
            label = "Phó " + label
            title = Span(label, s, e, 0.75)
        else:
            title = Span(label, s, e, 0.9)
    return name, title


_TITLE_AT_END = re.compile(
    r"(?:(?<![a-z])(?P<p>kt|tm|q|tl|tuq)\s*\.\s*)?(?<![a-z])(?P<t>"
    + "|".join(r"\s+".join(k.split()) for k, _ in sorted(tables().signer_titles, key=lambda x: -len(x[0])))
    + r")\s*$"
)

# OCR may join the title into the recipients' line before a recipient's dash
_TITLE_BEFORE_RECIPIENT = re.compile(_TITLE_AT_END.pattern[: -len(r"\s*$")] + r"(?=\s+[-–+]\s)")


def _upper(s: str) -> bool:
    letters = [c for c in s if c.isalpha()]
    return bool(letters) and all(c.isupper() for c in letters)


def _is_name(piece: str) -> bool:
    words = piece.split()
    if not 2 <= len(words) <= 6:
        return False
    if any(c.isdigit() for c in piece) or re.search(r"[:;,()/]", piece):
        return False
    return all(w[0].isupper() for w in words)
