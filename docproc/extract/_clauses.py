"""The operative part cut into clauses: one sentence each, with the numbered item it belongs to and
the topic its heading announces ("Về án phí:", "Về xử lý vật chứng:").

The rules of `operative` read one clause at a time and look at the clauses that follow for the
rest of an order (the parts of a total, what remains after a deduction, the list of secured assets).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from docproc.extract.sections import Sections

__all__ = ["Clause", "operative_span", "segment_clauses", "topic_of"]

_HEADING_RE = re.compile(
    r"^[ \t]*(?i:quyết\s+định|tuyên\s+xử|xử)[ \t]*(?::[ \t]*|$)",
    re.MULTILINE,
)
_GLUED_HEADING_RE = re.compile(r"[ \t]*(?i:quyết\s+định|tuyên\s+xử|xử)[ \t]*(?::[ \t]*|$)", re.MULTILINE)
_MARK_RE = re.compile(
    r"^[ \t]*(?:(?P<num>\d{1,2}(?:\.\d{1,2}){0,3})[.)][ \t]+|(?P<let>[a-zđ])\)[ \t]+|(?P<dash>[-–+•*])[ \t]*"
    r"|\[(?P<br>\d{1,2})\][ \t]*|(?P<rom>[IVX]{1,4})[.)][ \t]+"
    # OCR reads the dot of "4." or "2.1." as a comma ("4, Về án phí:", "2,1. Buộc"): taken for a number only
    # before a capital, where a sentence never starts with "4, " in a judgment's own text
    r"|(?P<ocrnum>\d{1,2}(?:[.,]\d{1,2}){0,3}),[ \t]*(?=[A-ZĐÀ-Ỹ])|(?P<ocrsub>\d{1,2}(?:,\d{1,2}|[.,][lIJ|]\d?){1,3})[.)][ \t]+)"
)
# Not before a letter OCR put for a digit in the rest of a number ("55.856. I20 đồng").
# Upper-case letters only: "À-Ỹ" alone also spans the lower-case ones ("98 m2. đất ở" goes on).
_UP = "".join(c for c in map(chr, range(0x41, 0x1EFA)) if c.isupper() and c.isalpha())
_UPPER = "[" + re.escape(_UP) + "]"
_SENT_END_RE = re.compile(r"(?<=[.!?])\s+(?!(?<=\d\.\s)[IJOSBDQ]\d)(?=[\"“(]?" + _UPPER + ")")
_ABBREV_END_RE = re.compile(r"(?:\b(?:TP|Tp|tp|ThS|TS|Th|St|số|Số|khoản|Điều|ông|bà|v\.v)|\b[A-ZĐ])\.$")
_LEGAL_RE = re.compile(
    r"^\s*(?:[-–]\s*)?(?:Căn\s+cứ|Áp\s+dụng|Nghị\s+quyết\s+số|Bộ\s+luật|Luật\s|Điều\s+\d|Các\s+Điều)", re.I
)
_LEGAL_END_RE = re.compile(r":\s+(?=[-–]?\s*[A-ZĐ])")
_CLOSING_RE = re.compile(r"theo\s+quy\s+định\s+tại\s+Điều\s+2\s+Luật\s+Thi\s+hành\s+án", re.I)

_TOPICS: tuple[tuple[str, str], ...] = (
    (r"án\s+phí|lệ\s+phí", "fee"),
    (r"vật\s+chứng", "evidence"),
    (r"tài\s+sản\s+bảo\s+đảm|tài\s+sản\s+thế\s+chấp", "security"),
    (r"kháng\s+cáo|kháng\s+nghị", "appeal"),
    (r"chi\s+phí\s+tố\s+tụng|chi\s+phí", "costs"),
    (r"con\s+chung|nuôi\s+con|cấp\s+dưỡng", "children"),
    (r"trách\s+nhiệm\s+dân\s+sự|bồi\s+thường", "civil"),
    (r"hình\s+phạt|tội\s+danh", "penalty"),
)


@dataclass(frozen=True)
class Clause:
    start: int
    end: int
    item: str  # "2.1", "1.a": the numbered item the clause belongs to ("" before the first)
    topic: str  # "fee", "evidence", "security", "appeal", "costs", "children", "civil", "penalty", ""
    line: int  # index of its line (paragraph)
    marker: str  # "num", "let", "dash" or "" for the line it starts; "" for later sentences
    legal: bool  # a legal basis ("Căn cứ ...", "Áp dụng ..."), not an order
    closing: bool  # the standard clause on enforcement rights (Art. 2 Law on Civil Judgment Enforcement)


def operative_span(text: str, sections: Sections) -> tuple[int, int]:
    """The court's own orders: after the last "QUYẾT ĐỊNH" / "Tuyên xử" / "Xử" heading of the
    decision section (a settlement decision repeats "QUYẾT ĐỊNH" as its title; an appeal judgment
    restates the first instance before its own orders)."""
    s, e = sections.decision
    if s >= e:
        heads = list(_HEADING_RE.finditer(text))
        if not heads:
            return len(text), len(text)
        s, e = heads[0].start(), len(text)
    heads = [m for m in _HEADING_RE.finditer(text, s, e)]
    if s > 0 and text[s - 1] != "\n" and (glued := _GLUED_HEADING_RE.match(text, s, e)):
        heads.insert(0, glued)  # a heading OCR glued onto the line before ("... pháp luật. QUYẾT ĐỊNH:")
    quyet = [m for m in heads if m.group(0).strip().upper().startswith("QUYẾT")]
    last = quyet[-1] if quyet else (heads[-1] if heads else None)
    return (last.end() if last else s), e


def topic_of(heading: str) -> str:
    for pattern, topic in _TOPICS:
        if re.search(pattern, heading, re.I):
            return topic
    return ""


def _heading(body: str) -> str:
    """The "Về ...:" label that opens an item, if any."""
    m = re.match(r"\s*(?:Về\s+)?([^:.;]{2,90}):", body)
    if m and (body.lstrip().startswith("Về") or len(m.group(1)) < 45):
        return m.group(1)
    if body.lstrip().startswith("Về"):
        return body[:90]
    return ""


# An anonymised name's initial ends the sentence ("... của bà Đinh Thị Thu M. Ông Lê Văn B phải trả"):
# a capital letter alone after a capitalised syllable of the name.
_INITIAL_END_RE = re.compile(r"(?-i:[A-ZĐÀ-Ỹ][a-zđà-ỹ]+) (?-i:[A-ZĐ])\.$")


def _sentences(line: str) -> list[tuple[int, int]]:
    out, pos = [], 0
    for m in _SENT_END_RE.finditer(line):
        before = line[max(0, m.start() - 12) : m.start()]
        if _ABBREV_END_RE.search(before[-6:]) and not _INITIAL_END_RE.search(before):
            continue
        out.append((pos, m.start()))
        pos = m.end()
    out.append((pos, len(line)))
    return [(a, b) for a, b in out if line[a:b].strip()]


def segment_clauses(text: str, start: int, end: int) -> list[Clause]:
    """Clauses of text[start:end] in order, each with its item label and topic."""
    clauses: list[Clause] = []
    topics: dict[str, str] = {}
    item, last_num = "", ""
    for li, (ls, le) in enumerate(_paragraphs(text, start, end)):
        line = text[ls:le]
        mk = _mark(line, last_num)
        marker = ""
        body_off = 0
        if mk:
            body_off = mk.end()
            num = mk.group("num") or mk.group("ocrnum") or mk.group("ocrsub")
            if num:
                marker, item = "num", _label(num)
                last_num = item
            elif mk.group("let"):
                marker, item = "let", f"{last_num}.{mk.group('let')}"
            elif mk.group("br") or mk.group("rom"):
                marker, item = "num", mk.group("br") or mk.group("rom")
                last_num = item
            else:
                marker = "dash"
        body = line[body_off:]
        head = _heading(body) if marker in ("num", "let", "") else ""
        if head and (t := topic_of(head)):
            topics[item] = t
        elif marker in ("num", "let"):
            topics.pop(item, None)
        topic = _lookup_topic(topics, item)
        k = 0
        for a, b in _sentences(body):
            cs, ce = ls + body_off + a, ls + body_off + b
            sent = text[cs:ce]
            legal = bool(_LEGAL_RE.match(sent))
            rest = _LEGAL_END_RE.search(sent) if legal else None
            parts = (
                [(cs, cs + rest.start() + 1, True), (cs + rest.end(), ce, False)]
                if rest
                else [(cs, ce, legal)]
            )
            # "Áp dụng Điều 48 Bộ luật Hình sự: Buộc bị cáo A ...": the order after the legal basis
            for ps, pe, lg in parts:
                clauses.append(
                    Clause(
                        start=ps,
                        end=pe,
                        item=item,
                        topic=topic,
                        line=li,
                        marker=marker if k == 0 else "",
                        legal=lg,
                        closing=bool(_CLOSING_RE.search(text[ps:pe])),
                    )
                )
                k += 1
    return clauses


def _paragraphs(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Paragraph spans: a line continues the previous one when that one stops mid-sentence and the
    line does not open a new item (hard-wrapped text, OCR lines); otherwise each line stands alone."""
    out: list[tuple[int, int]] = []
    prev_open, prev = False, ""
    last_num, last_let = "", ""
    for m in re.finditer(r"[^\n]+", text[start:end]):
        line = m.group(0)
        if not line.strip():
            prev_open = False
            continue
        s, e = start + m.start(), start + m.end()
        mk = _mark(line, last_num)
        if mk and (mk.group("ocrnum") or mk.group("ocrsub")) and prev_open and _CONTINUES_RE.search(prev):
            mk = None  # "... khoản 1,\n3, Điều 26": a list of numbers wrapped, not an item
        if mk and mk.group("dash") and prev_open and _margin_dash(prev, line):
            mk = None  # "... có diện tích\n- đất ở 98 m2": OCR read margin noise as a dash, not an item
        if mk and (num := mk.group("num") or mk.group("ocrnum") or mk.group("ocrsub")):
            last_num, last_let = _label(num), ""
        elif mk and mk.group("let"):
            last_let = mk.group("let")
        opens_item = (
            bool(mk)
            or bool(re.match(r"\s*(?:Đợt\s+\d|Về\s)", line))
            # an order opens its own sentence: the line before lost its full stop to OCR ("... tín dụng”")
            or bool(re.match(r"\s*Buộc\s", line))
            or (line.strip().upper() == line.strip() and len(line.strip()) > 3)  # a heading in capitals
        )
        if out and prev_open and not opens_item and (not _NUMBER_END_RE.search(prev) or line[:3].isdigit()):
            out[-1] = (out[-1][0], e)
        else:
            out.append((s, e))
        # OCR joined the next item to this line ("... của bị cáo A. d) Truy thu ..."): split where the
        # item that continues the numbering opens after a full stop
        for im in _INLINE_MARK_RE.finditer(text, s, e):
            let, num = im.group("let"), im.group("num")
            if let and _LETTERS.find(let) == (_LETTERS.find(last_let) + 1 if last_let else 0):
                last_let = let
            elif num and _follows(last_num, _label(num)):
                last_num, last_let = _label(num), ""
            else:
                continue
            out[-1], cut = (out[-1][0], im.start("mark")), im.start("mark")
            out.append((cut, e))
        # open: mid-sentence, or inside a number the line broke after its separator ("1.794.944.")
        prev_open = not re.search(r"[.:;!?]\s*$", line) or bool(_NUMBER_END_RE.search(line))
        prev = line
    return out


def _margin_dash(prev: str, line: str) -> bool:
    """A "- " before a lower-case word, after a line that stops mid-sentence and is not itself a
    dashed entry: a list item opens with a capital or follows a ";"/":", so this is OCR reading the
    margin as a dash and the paragraph goes on."""
    m = re.match(r"[ \t]*[-–][ \t]+(\w)", line)
    return bool(m) and m.group(1).islower() and prev.lstrip()[:1] not in ("-", "–", "+", "•", "*")


# A line that stops where a list of numbers goes on: "khoản 1,", "các Điều 26, 35 và"
_CONTINUES_RE = re.compile(r"(?:[,\-–]|\b(?:và|khoản|Điều|điểm|số|mục))\s*$", re.I)
_NUMBER_END_RE = re.compile(r"\d[.,]\d{3}[.,]\s*$")
# Letters of a lettered list as Vietnamese documents run them ("d)" then "đ)").
_LETTERS = "abcdđeghiklmnopqrstuvxy"
_INLINE_MARK_RE = re.compile(
    r"(?<=\.)[ \t]+(?P<mark>(?P<let>[a-zđ])\)|(?P<num>\d{1,2}(?:[.,]\d{1,2}){0,3})[.,])[ \t]+(?=[A-ZĐÀ-Ỹ])"
)


_ONE = str.maketrans({",": ".", "l": "1", "I": "1", "J": "1", "|": "1"})


def _label(num: str) -> str:
    """An item number as written, from the way OCR read it ("2,1" → "2.1", "2.l" → "2.1")."""
    return num.translate(_ONE)


def _mark(line: str, last_num: str) -> re.Match[str] | None:
    """The item marker that opens `line`; a number whose dot OCR read as a comma only where it
    continues the numbering ("3." then "4, Về án phí:"), not "3, Điều 26" wrapped from a legal basis."""
    mk = _MARK_RE.match(line)
    if mk and (num := mk.group("ocrnum") or mk.group("ocrsub")) and not _follows(last_num, _label(num)):
        return None
    return mk


def _follows(prev: str, cand: str) -> bool:
    """Whether item `cand` may come next after item `prev` ("2.1" → "2.2", "3" or "2.1.1")."""
    p, c = prev.split(".") if prev else [], cand.split(".")
    if not all(x.isdigit() for x in p + c):
        return False
    if not p:
        return len(c) == 1  # the first number read (OCR may have lost those before it)
    if c == [*p, "1"]:
        return True
    return any(c == [*p[: k - 1], str(int(p[k - 1]) + 1)] for k in range(1, len(p) + 1))


def _lookup_topic(topics: dict[str, str], item: str) -> str:
    parts = item.split(".")
    for k in range(len(parts), 0, -1):
        t = topics.get(".".join(parts[:k]))
        if t:
            return t
    return ""


def in_item(item: str, ref: str) -> bool:
    """Whether clause item `item` lies within the item `ref` ("2.1" is in "2"; "2.10" is not in "2.1")."""
    return item == ref or item.startswith(ref + ".")
