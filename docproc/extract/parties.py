"""Parties (đương sự) with roles, identifiers, addresses and representatives."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

from docproc.document import Document
from docproc.extract._consensus import clean_junk, consensus_name, trim_noise_tail
from docproc.extract._lexicon import (
    FEMALE_HONORIFICS,
    HONORIFICS,
    MALE_HONORIFICS,
    NAME_HONORIFICS,
    ROLE_LABELS,
    ascii_pattern,
    strip_marks,
)
from docproc.extract._tolerant import tone_tolerant
from docproc.extract.evidence import EvidenceBuilder
from docproc.extract.sections import Sections
from docproc.schema import Party, Representative
from docproc.text.syllables import strip_tone

__all__ = ["extract_parties", "PartyResolver", "fold"]

# Upper-case letters (Vietnamese included), for "a sentence starts here" checks.
_UP = "".join(c for c in map(chr, range(0x41, 0x1EFA)) if c.isupper() and c.isalpha())
_UPC = "[" + re.escape(_UP) + "]"
_U = "(?-i:" + _UPC + ")"  # upper case even under IGNORECASE


def extract_parties(document: Document, sections: Sections, ev: EvidenceBuilder) -> list[Party]:
    """The parties of the document, in order of appearance, with their representatives.

    Judgments list them before NỘI DUNG VỤ ÁN; decisions recognising a settlement inside the
    operative part ("Công nhận sự thỏa thuận của các đương sự: - Nguyên đơn: ...").
    """
    text = document.text
    regions: list[tuple[int, int, bool]] = []
    if sections.parties[1] > sections.parties[0]:
        regions.append((sections.parties[0], sections.parties[1], False))
    if sections.decision[1] > sections.decision[0]:
        regions.append((sections.decision[0], sections.decision[1], True))
    if not regions:
        regions.append((0, min(len(text), 20000), False))
    for start, end, in_decision in regions:
        drafts = _parse_region(text, start, end, in_decision)
        if drafts:
            return _finish(drafts, text, ev)
    return []


# --------------------------------------------------------------------------------------------
# The parties list: clauses (lines, and items run together on one line), each a role label, a
# representative label, an address or birth-year continuation, or a party entry.
# --------------------------------------------------------------------------------------------


def _ascii_char(c: str) -> str:
    if c in "đĐ":
        return "d"
    base = unicodedata.normalize("NFD", c)[0]
    low = base.lower()
    return low if len(low) == 1 else base


# One table for the Latin blocks Vietnamese uses; other characters are left as they are.
_ASCII_TABLE = {cp: _ascii_char(chr(cp)) for cp in range(0x41, 0x1F00) if len(_ascii_char(chr(cp))) == 1}


def _ascii(text: str) -> str:
    """Lower case without diacritics, aligned one to one with `text` (labels are matched on it, so
    OCR that lost the diacritics still matches)."""
    return text.translate(_ASCII_TABLE)


_NG = r"ng(?:uo|u|o)i"  # "người", also OCR/typo "ngưi"
_SEP_QL = r"(?:\s*,\s*|\s+va\s+|\s+)"
_REP_LABELS: list[tuple[re.Pattern[str], str]] = [
    (re.compile(rf"(?:{_NG}\s+)?dai\s+(?:dien\s+)?theo\s+phap\s+luat"), "legal"),
    (re.compile(rf"(?:{_NG}\s+)?dai\s+dien\s+theo\s+uy\s+quyen"), "authorized"),
    (re.compile(rf"{_NG}\s+duoc\s+uy\s+quyen"), "authorized"),
    (re.compile(rf"(?:{_NG}\s+)?dai\s+dien\s+hop\s+phap"), "lawful"),
    (re.compile(rf"{_NG}\s+dai\s+dien"), "lawful"),
    (re.compile(r"dai\s+dien(?=\s*:|\s+(?:cua|cho)\s)"), "lawful"),
    (re.compile(rf"{_NG}\s+giam\s+ho"), "legal"),
    (
        re.compile(rf"{_NG}\s+bao\s+ve\s+(?:cac\s+)?quyen{_SEP_QL}(?:va\s+)?loi\s+ich(?:\s+hop\s+phap)?"),
        "other",
    ),
    (re.compile(rf"{_NG}\s+bao\s+chua"), "other"),
    (re.compile(r"tro\s+giup\s+vien\s+phap\s+ly"), "other"),
]
_SKIP_LABELS = re.compile(
    rf"(?:{_NG}\s+(?:lam\s+chung|giam\s+dinh|phien\s+dich|khang\s+cao|khang\s+nghi|dinh\s+gia|tien\s+hanh\s+to\s+tung"
    rf"|tham\s+gia\s+to\s+tung\s+khac)|nhung\s+{_NG}\s+tham\s+gia|vien\s+kiem\s+sat|dai\s+dien\s+vien|tham\s+phan"
    r"|thu\s+ky|hoi\s+tham|kiem\s+sat\s+vien|ve\s+quyen\s+khang\s+cao|quyen\s+khang\s+cao)"
)
# Role labels from the one table (`_lexicon.ROLE_LABELS`), without diacritics, longest first; "các" and
# "đồng" (co-plaintiffs) may precede any of them.
_ROLE_LABELS: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"(?:cac\s+)?(?:dong\s+)?" + ascii_pattern((phrase,)).replace("nguoi", _NG)), role)
    for phrase, role in sorted(
        ((p, r) for r, ps in ROLE_LABELS.items() for p in ps), key=lambda x: len(x[0]), reverse=True
    )
]
_ACCUSED_INTRO = re.compile(r"doi\s+voi\s+(?:cac\s+)?bi\s+cao\s*:\s*$")
_MARKER = re.compile(
    r"\s*(?:(?:\d{1,2}\s+)?\d{1,2}(?:\.\d{1,2})*(?:\s*[.)/\-–]+\s*|\s+(?=\D))|[a-zđ]\)\s*|[IVX]+\.\s*|[-–+*•]\s*)*"
    # a list marker OCR read as a short word ("1." → "lộ", "3.1." → "Ô. 1,") before an honorific
    # or an organisation that opens the entry
    r"(?:(?:(?!(?i:và|là|do|có|cho|của|với|tại|thì|mà)\s)[^\s]{1,2}\s+){1,2}(?=(?-i:Ông|Bà|Anh|Chị)\s)"
    r"|(?-i:[a-zà-ỹđ]{1,2}[.,)])\s+(?=(?-i:Ủy\s+ban|Uỷ\s+ban|Công\s+ty|Ngân\s+hàng|Trung\s+tâm|Chủ\s+tịch)\s))?"
)
_HON_WORDS = "(?:" + "|".join(NAME_HONORIFICS) + ")"
# "Ống Nguyễn Văn A": OCR puts a tone on "Ông"; before a capitalised name it is still the honorific.
_HON_START = re.compile(rf"^(?:{_HON_WORDS}|[ôồốổỗộ]ng(?=\s+{_U}))\s+(?=\S)", re.IGNORECASE)
_LAWYER_START = re.compile(r"^(?:luật\s+sư|ls\.?|trợ\s+giúp\s+viên\s+pháp\s+lý)\s+", re.IGNORECASE)
_ORG_START = re.compile(
    r"^(?:Ngân\s+hàng|Công\s+ty|Tổng\s+[Cc]ông\s+ty|Ủy\s+ban|Uỷ\s+ban|ỦY\s+BAN|UBND|Chủ\s+tịch|Chi\s+[Cc]ục|Cục|Sở|"
    r"Phòng|Trung\s+tâm|Bảo\s+hiểm|Hợp\s+tác\s+xã|HTX|Doanh\s+nghiệp|DNTN|Văn\s+phòng|Trường|Bệnh\s+viện|Hội|Quỹ|"
    r"Tập\s+đoàn|Viện|Ban\s+quản\s+lý|Ban|Cơ\s+quan|Chi\s+nhánh|Nhà\s+máy|Xí\s+nghiệp|Cửa\s+hàng|Hộ\s+kinh\s+doanh|"
    r"Đài|Kho\s+bạc|Tổ\s+chức|Liên\s+đoàn|Đảng\s+ủy|Công\s+an|Bộ|Tổng\s+cục|Chi\s+cục|Hạt|Cảng|Xã\s+viên|Giám\s+đốc)\b"
)
_ADDRESS_LABEL = re.compile(
    r"(?<![a-z0-9])(?P<same>(?:cung|deu)\s+)?(?:dia\s+chi(?:\s+(?:tru\s+so(?:\s+chinh)?|thuong\s+tru|cu\s+tru|lien\s+lac|lien\s+he|noi\s+o))?"
    r"(?:\s+lam\s+viec)?|tru\s+tai|(?:thuong|tam)\s+tru(?:\s+tai)?|noi\s+dkhktt|dkhktt|cu\s+tru(?:\s+tai)?|noi\s+cu\s+tru(?:\s+luc\s+sinh\s+thoi)?|hktt|ho\s+khau\s+thuong\s+tru"
    r"|noi\s+o(?:\s+hien\s+nay)?|(?:co\s+)?tru\s+so(?:\s+chinh)?(?:\s+tai)?|noi\s+dang\s+ky\s+(?:ho\s+khau\s+)?thuong\s+tru"
    r"|cho\s+o(?:\s+hien\s+nay)?)\s*(?:tai)?\s*(?::|\s(?=[A-Za-zĐđ0-9]))\s*"
)
_BIRTH = re.compile(
    r"\b(?:nam\s+sinh|sinh|sn)\b\s*(?:nam|ngay)?\s*:?\s*(?:(\d{1,2})\s*(?:/|-|\.|thang)\s*(\d{1,2})\s*(?:/|-|\.|nam)\s*)?(\d{4})\b"
)
_ID = re.compile(
    r"(?:can\s+cuoc\s+cong\s+dan|can\s+cuoc|cccd|cmnd|cmtnd|chung\s+minh\s+nhan\s+dan|chung\s+minh\s+thu|ho\s+chieu"
    r"|so\s+dinh\s+danh(?:\s+ca\s+nhan)?|passport)\s*(?:so)?\s*:?\s*(?P<id>[a-z]{0,2}\d[\d .]{5,16}\d)"
)
_NAME_STOP_WORDS = {
    "sinh", "sn", "có", "vắng", "địa", "trú", "cư", "cccd", "cmnd", "căn", "chứng", "nơi", "là", "giới", "nghề",
    "đại", "người", "trụ", "chức", "cùng", "số", "do", "và", "theo", "tại", "email", "điện", "ngày", "mst",
    "vợ", "chồng", "hkTT".lower(),
}  # fmt: skip


class _Draft:
    __slots__ = (
        "role",
        "kind",
        "name",
        "name_span",
        "role_span",
        "birth",
        "id_",
        "address",
        "reps",
        "conf",
        "deceased",
    )

    def __init__(
        self, role: str, kind: str, name: str, name_span: tuple[int, int], role_span: tuple[int, int]
    ):
        self.role = role
        self.kind = kind
        self.name = name
        self.name_span = name_span
        self.role_span = role_span
        self.birth: tuple[int, int, int] | None = None
        self.id_: tuple[str, int, int] | None = None
        self.address: tuple[str, int, int] | None = None
        self.reps: list[tuple[str, str | None, int, int]] = []
        self.conf = 0.9
        self.deceased = False


def _clauses(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Lines, split again where a new item or label starts inside a line."""
    out: list[tuple[int, int]] = []
    pos = start
    for line in text[start:end].split("\n"):
        s, e = pos, pos + len(line)
        pos = e + 1
        if not line.strip():
            continue
        cuts = [s]
        for m in _INLINE_SPLIT.finditer(text, s, e):
            cuts.append(m.end() if m.lastgroup == "after" else m.start() + 1)
        cuts.append(e)
        for a, b in zip(cuts, cuts[1:], strict=False):
            if text[a:b].strip():
                out.append((a, b))
    return out


_INLINE_SPLIT = re.compile(
    r"(?:(?<=\D[.;):])\s+(?=(?:Người|Ngưi|Đại\s+diện|Nguyên\s+đơn|Bị\s+đơn|Bị\s+hại|Bị\s+cáo|Người\s+có\s+quyền)\b[^:\n]{0,120}:)"
    r"|(?<=bị\scáo:)\s+"
    r"|\s(?=\d{1,2}[.)/]\s*" + _U + r"\w*\s+" + _U + r"[^,;:()\n]{0,40}[,(][^\n]{0,80}\bsinh\b)"
    r"|\s(?=[-–]\s?(?:Ông|Bà|Anh|Chị|Cụ)\s+" + _U + r")"
    r"|(?<=\D[.;)])\s+(?=(?:Cùng|Đều)\s+(?:địa\s+chỉ|trú\s+tại|cư\s+trú)|Địa\s+chỉ\s*:|Trụ\s+sở\s*:)"
    r"|\s(?=[-–*+•]\s?(?:Người|Ngưi|Nguyên\s+đơn|Bị\s+đơn|Bị\s+hại|Bị\s+cáo)\b[^:\n]{0,120}:)"
    r"|\s(?=\d{1,2}\s*[.)/-]\s*(?:Nguyên\s+đơn|Bị\s+đơn|Bị\s+cáo|Bị\s+hại|Người)\b[^:\n]{0,120}:)"
    r"|\s(?=(?:Người\s+(?:đại\s+diện|bảo\s+vệ|có\s+quyền|khởi\s+kiện|bị\s+kiện|làm\s+chứng|kháng\s+cáo)|Đại\s+diện\s+theo)\b[^:\n]{0,120}:)"
    r"|\s(?=(?:Địa\s+chỉ|Trụ\s+sở)\b)"
    r"|\s(?=\d{1,2}(?:\.\d+)?\s*[/.]\s*(?:Ông|Bà|Anh|Chị|Cụ|Chủ\s+tịch|Ủy\s+ban|Uỷ\s+ban|UBND|Công\s+ty|Ngân\s+hàng)\b)"
    r"|\s(?=-(?:Người|Chủ\s+tịch|Ủy\s+ban|Uỷ\s+ban|ỦY\s+BAN|UBND|Công\s+ty|Ngân\s+hàng)\b))"
)


def _match_label(asc: str, pos: int, end: int) -> tuple[str, str, int, int, int] | None:
    """A label at `pos`: (kind "role"|"rep"|"skip", value, label end, qualifier end, content start)."""
    seg = asc[pos:end]
    for kind, table in (("rep", _REP_LABELS), ("role", _ROLE_LABELS)):
        for rx, value in table:
            m = rx.match(seg)
            if not m:
                continue
            after = seg[m.end() :]
            if after and after[0].isalpha():
                continue  # a longer word: "bị đơn" inside "bị đơnx"
            direct = re.match(rf"\s*(?:\([^)]*\)\s*)?(?={_HON_WORDS_ASCII}\s+\S|luat\s+su\s)", after)
            if direct:
                return kind, value, pos + m.end(), pos + m.end(), pos + m.end() + direct.end()
            colon = re.match(r"([^:;\n]{0,150}?)\s*:", after)
            limit = 150 if kind == "rep" else 90
            if colon and len(colon.group(1)) <= limit and "sinh" not in colon.group(1):
                q_end = pos + m.end() + len(colon.group(1))
                return kind, value, pos + m.end(), q_end, pos + m.end() + colon.end()
            if not after.strip(" .;"):
                return kind, value, pos + m.end(), pos + m.end(), end
    m = _SKIP_LABELS.match(seg)
    if m:
        return "skip", "", pos + m.end(), pos + m.end(), end
    return None


_HON_WORDS_ASCII = "(?:" + "|".join(strip_marks(h) for h in NAME_HONORIFICS) + ")"


def _parse_region(text: str, start: int, end: int, in_decision: bool) -> list[_Draft]:
    asc = _ascii(text)
    drafts: list[_Draft] = []
    state = "none"  # none | party | rep | skip
    role: str | None = None
    role_span = (start, start)
    group: list[_Draft] = []  # the parties of the latest entry clause
    role_group: list[_Draft] = []  # the parties under the current role label
    last_rep_target: list[_Draft] = []
    pending_cap: str | None = None
    started = False
    clauses = _clauses(text, start, end)
    for ci, (cs, ce) in enumerate(clauses):
        mk = _MARKER.match(text, cs, ce)
        ps = mk.end() if mk else cs
        if ps >= ce:
            continue
        numbered = bool(re.match(r"\s*\d", text[cs:ps]))
        if in_decision and started and numbered and not _label_or_entry(text, asc, ps, ce):
            break
        if _ACCUSED_INTRO.search(asc, cs, ce):
            state, role, role_span, role_group = "party", "accused", (cs, ce), []
            started = True
            continue
        lab = _match_label(asc, ps, ce)
        if lab is not None:
            kind, value, l_end, q_end, c_start = lab
            if kind == "skip":
                state = "skip"
                continue
            if kind == "role":
                state, role, role_span, role_group = "party", value, (ps, l_end), []
                started = True
                if c_start < ce and text[c_start:ce].strip(" .;:"):
                    group = _entries(text, asc, c_start, ce, role, role_span, in_label=True)
                    drafts.extend(group)
                    role_group.extend(group)
                    _inline_reps(text, asc, c_start, ce, group, drafts)
                continue
            # representative
            if not drafts:
                continue
            targets = _rep_targets(text[l_end:q_end], drafts, role_group, group)
            cap = value
            if cap == "lawful":
                cap = "authorized" if "uy quyen" in _lookahead(asc, clauses, ci) else "legal"
            names = _rep_names(text, c_start, ce)
            direct = q_end == l_end and c_start > l_end and not text[l_end:c_start].strip().endswith(":")
            state = "party" if direct else "rep"
            last_rep_target = targets
            pending_cap = cap if not names else None
            if not names:
                continue
            for t in targets:
                for nm, ns, ne in names:
                    if all(r[0] != nm for r in t.reps):
                        t.reps.append((nm, cap, ns, ne))
            _heirs(text, asc, targets, names, cap, ps, ce, drafts, role_span)
            continue
        if state == "rep" and pending_cap is not None and _starts_with_name(text, ps, ce):
            names = _rep_names(text, ps, ce)
            own = re.search(
                r"(?:bào\s+chữa|bảo\s+vệ[^,;]{0,60}?|đại\s+diện[^,;]{0,40}?)\s+(?:cho|của)\s+([^;()]{1,80})",
                text[ps:ce],
            )
            targets = _rep_targets(own.group(1), drafts, role_group, group) if own else last_rep_target
            for t in targets:
                for nm, ns, ne in names:
                    if all(r[0] != nm for r in t.reps):
                        t.reps.append((nm, pending_cap, ns, ne))
            continue
        if state == "skip" or role is None:
            continue
        addr = _ADDRESS_LABEL.match(asc, ps, ce)
        if addr:
            if state == "party" or (state == "rep" and addr.group("same")):
                val = _address_value(text, addr.end(), ce)
                if val:
                    targets = [d for d in group if d.address is None]
                    if addr.group("same"):
                        targets = [d for d in role_group if d.address is None] or targets
                    for d in targets:
                        d.address = val
                    if addr.group("same") and targets:
                        group = targets
                if state == "party":
                    _inline_reps(text, asc, ps, ce, group, drafts)
            continue
        if state == "party" and group and _continuation(text, asc, ps, ce, group[-1]):
            continue
        if state in ("party", "rep") and _looks_like_entry(
            text, asc, ps, ce, role, bool(mk and mk.end() > cs)
        ):
            group = _entries(text, asc, ps, ce, role, role_span, in_label=False)
            drafts.extend(group)
            role_group.extend(group)
            _inline_reps(text, asc, ps, ce, group, drafts)
            state = "party"
            pending_cap = None
    return drafts


_INLINE_GRANT = re.compile(
    r"(?:văn\s+bản\s+|giấy\s+)?ủy\s+quyền\s+cho\s+(?:ông|bà|anh|chị|cụ)\s+", re.IGNORECASE
)
_INLINE_BY = re.compile(r"(?:^|[.;]\s*)[Dd]o\s+(?:ông|bà|anh|chị)\s+(?=" + _UPC + ")")
_INLINE_ACTS_FOR = re.compile(
    r"đồng\s+thời\s+là\s+người\s+đại\s+diện\s+theo\s+(ủy\s+quyền|pháp\s+luật)\s+(?:của|cho)\s+([^;()]{1,80})",
    re.IGNORECASE,
)


def _inline_reps(text: str, asc: str, s: int, e: int, group: list[_Draft], drafts: list[_Draft]) -> None:
    """Representation stated inside an entry: "có văn bản ủy quyền cho ông B tham gia tố tụng" (B
    represents this party); "(đồng thời là người đại diện theo ủy quyền của bà X)" (this party
    represents X)."""
    if not group:
        return
    last = group[-1]
    seg = text[last.name_span[1] : e]
    base = last.name_span[1]
    m = _INLINE_GRANT.search(seg)
    if m:
        nm = _person_name(text, base + m.end(), e)
        if nm and all(r[0] != nm[0] for r in last.reps):
            last.reps.append((nm[0], "authorized", nm[1], nm[2]))
    m = _INLINE_BY.search(seg)
    if m:
        nm = _person_name(text, base + m.end(), e)
        tail = text[nm[2] : e] if nm else ""
        act = re.search(r"đại\s+diện(?:\s+theo\s+(pháp\s+luật|[^.;]{0,40}ủy\s+quyền))?", tail, re.IGNORECASE)
        if nm and act and all(r[0] != nm[0] for r in last.reps):
            cap = "legal" if act.group(1) and "pháp" in act.group(1).lower() else "authorized"
            last.reps.append((nm[0], cap, nm[1], nm[2]))
    m = _INLINE_ACTS_FOR.search(seg)
    if m:
        cap = "authorized" if "ủy" in m.group(1).lower() else "legal"
        for t in _rep_targets(m.group(2), drafts, [], []):
            if t is not last and all(r[0] != last.name for r in t.reps):
                t.reps.append((last.name, cap, last.name_span[0], last.name_span[1]))


def _lookahead(asc: str, clauses: list[tuple[int, int]], ci: int) -> str:
    """The text of a representative clause and the lines that follow it, up to the next label."""
    parts = [asc[clauses[ci][0] : clauses[ci][1]]]
    for cs, ce in clauses[ci + 1 : ci + 4]:
        seg = asc[cs:ce].lstrip(" -–+*•0123456789.")
        if _match_label(asc, ce - len(seg), ce) is not None:
            break
        parts.append(seg)
    return " ".join(parts)


def _label_or_entry(text: str, asc: str, ps: int, ce: int) -> bool:
    return (
        _match_label(asc, ps, ce) is not None
        or bool(_HON_START.match(text[ps:ce]))
        or bool(_ORG_START.match(text[ps:ce]))
    )


def _starts_with_name(text: str, ps: int, ce: int) -> bool:
    return bool(_HON_START.match(text[ps:ce]) or _LAWYER_START.match(text[ps:ce]))


def _continuation(text: str, asc: str, ps: int, ce: int, last: _Draft) -> bool:
    """ "Sinh năm:\\n1960. Địa chỉ: ..." and an ID on a line of its own belong to the last party."""
    seg = asc[ps:ce]
    m = re.match(r"(?:sinh\s*(?:nam|ngay)?\s*:?\s*)?(\d{4})\b", seg)
    if m and (m.group(0).startswith("sinh") or last.birth is None) and 1900 < int(m.group(1)) < 2030:
        if last.birth is None:
            last.birth = (int(m.group(1)), ps + m.start(1), ps + m.end(1))
        addr = _ADDRESS_LABEL.search(asc, ps, ce)
        if addr and last.address is None:
            last.address = _address_value(text, addr.end(), ce)
        return True
    idm = _ID.match(seg)
    if idm and last.id_ is None:
        last.id_ = _id_value(text, ps + idm.start("id"), ps + idm.end("id"))
        return True
    return bool(
        re.match(
            r"(?:tien\s+an|tien\s+su|bi\s+cao\s+bi|nhan\s+than|ma\s+so|dien\s+thoai|email|chuc\s+vu)", seg
        )
    )


def _looks_like_entry(text: str, asc: str, ps: int, ce: int, role: str | None, marked: bool) -> bool:
    seg = text[ps:ce]
    if _HON_START.match(seg):
        name = _person_name(text, _HON_START.match(seg).end() + ps, ce)
        if name is None:
            return False
        after = text[name[2] : name[2] + 12]
        return bool(re.match(r"\s*(?:[,;.(:\-–]|sinh|$|và\s)", after, re.IGNORECASE)) or name[2] >= ce
    if _ORG_START.match(seg):
        return True
    if role in ("accused", "victim", "other") or marked:
        name = _person_name(text, ps, ce)
        if name and len(name[0].split()) >= 2:
            after = text[name[2] : name[2] + 40]
            return bool(re.match(r"\s*(?:\(|,|;|-|–)", after)) and ("sinh" in asc[ps:ce] or marked)
    return False


def _person_name(text: str, s: int, e: int) -> tuple[str, int, int] | None:
    """Capitalised words from `s`: "Nguyễn Văn A", "Võ Thị T D", "PATAPHONNG IAMSURO"."""
    toks = list(re.finditer(r"[^\s,;:()“”\"–—]+", text[s:e]))
    words: list[re.Match[str]] = []
    for t in toks:
        w = t.group(0)
        cut = w.endswith("-") and len(w) > 1
        w = w.rstrip("-") or w
        core = w.rstrip(".")
        if not core or not (core[0].isupper() or core[0].isdigit() and words):
            break
        if core.lower() in _NAME_STOP_WORDS and not (
            # "Lò Văn Sinh, sinh năm ...": a capitalised given name that is also a label word, after
            # two syllables of the name and before the punctuation that ends it
            len(words) >= 2 and core[0].isupper() and re.match(r"\s*(?:[,;(]|$)", text[s + t.end() : e])
        ):
            break
        if w.startswith(("-", "–")):
            break
        if core[0].isdigit() and not re.fullmatch(r"\d", core):
            break
        words.append(t)
        if w.endswith(".") or cut:
            break
        nxt_tok = toks[toks.index(t) + 1] if toks.index(t) + 1 < len(toks) else None
        gap = text[s + t.end() : s + nxt_tok.start()] if nxt_tok is not None else ""
        if any(c in ',;:()“”"–—' for c in gap):
            break
    if not words:
        return None
    ns, ne = s + words[0].start(), s + words[-1].end()
    name = text[ns:ne].rstrip(".-")
    ne = ns + len(name)
    return name, ns, ne


_ORG_STOP = re.compile(
    r"\s*(?:;|:|\.\s*$|\.\s+(?="
    + _UPC
    + r")|\(\s*(?:sau\s+đây|gọi|viết|có\s+mặt|vắng|đã|đại\s+diện|theo|do|là|[Cc]ó|[Vv]ắng)|,?\s+(?:có\s+)?(?:địa\s+chỉ|trụ\s+sở|"
    r"Địa\s+chỉ|Trụ\s+sở|người\s+đại\s+diện|Người\s+đại\s+diện|Đại\s+diện|đại\s+diện|do\s+(?:ông|bà)|mã\s+số|MST|Mã\s+số|"
    r"có\s+mặt|vắng\s+mặt|Có\s+mặt|Vắng\s+mặt)\b|\s+[-–]\s*(?=(?:[a-zđ]|Ông|Bà|Anh|Chị|Người|Đại|Địa|Trụ|Mã|Giám|Chủ\s+tịch\s+Hội))"
    r"|\s+-(?=(?:Chủ\s+tịch|Ủy\s+ban|Uỷ\s+ban|UBND|Người|Công\s+ty)\b)|\s+và\s+(?=(?:Ủy\s+ban|Uỷ\s+ban|ỦY\s+BAN|UBND|Chủ\s+tịch|Công\s+ty|Ngân\s+hàng|Sở|Phòng|Tổng\s+công\s+ty)\b)|,(?!\s*(?:(?i:tỉnh|thành\s+phố|huyện|quận|thị\s+xã|xã|phường|thị\s+trấn)\b|TP\b|Tp\b|[A-ZĐ]\d?\b)))"
)


def _org_name(text: str, s: int, e: int) -> tuple[str, int, int]:
    m = _ORG_STOP.search(text, s, e)
    ne = m.start() if m else e
    name = re.split(r"\n\s*\n", text[s:ne], maxsplit=1)[0].strip(" .,;")  # a blank line ends an entry
    # a trailing parenthesis that is not part of the name: presence, or the short name the document
    # uses later ("Tổng công ty X (PT)", also cut off: "(PT")
    name = re.sub(r"\s*\((?:có|vắng)[^)]*\)?$", "", name)
    name = re.sub(r"\s*\(\s*(?-i:[A-ZĐ][A-ZĐ0-9&.\- ]{0,15})\s*\)?$", "", name).strip(" .,;")
    return name, s, s + len(name)


def _entries(
    text: str, asc: str, s: int, e: int, role: str | None, role_span: tuple[int, int], *, in_label: bool
) -> list[_Draft]:
    """One entry clause → one or more parties ("Ông A và bà B; Cùng địa chỉ: ...")."""
    out: list[_Draft] = []
    pos = s
    while pos < e and text[pos] in " \t-–+*•":
        pos += 1
    while pos < e:
        seg = text[pos:e]
        hon = _HON_START.match(seg)
        law = _LAWYER_START.match(seg)
        if hon:
            start_name = pos + hon.end()
            nm = _person_name(text, start_name, e)
            kind = "person"
        elif _ORG_START.match(seg):
            nm = _org_name(text, pos, e)
            kind = "organization"
        elif law:
            return out
        else:
            nm = _person_name(text, pos, e)
            kind = "person"
            if nm is not None and len(nm[0].split()) < 2 and role not in ("accused", "victim"):
                # a lone word: an organisation or damaged text; take it up to the next stop
                org = _org_name(text, pos, e)
                if len(org[0]) > len(nm[0]) + 3:
                    nm, kind = org, "organization"
        if nm is None or not nm[0]:
            break
        if not text[nm[2] :].strip():
            break  # a copy cut off inside the name: the name may be incomplete
        d = _Draft(role or "other", kind, nm[0], (nm[1], nm[2]), role_span)
        if not hon and kind == "person":
            d.conf = 0.8 if role in ("accused", "victim") else 0.6
        out.append(d)
        rest = text[nm[2] : e]
        nxt = (
            re.match(r"\s*,?\s*và\s+(?=(?:ông|bà|anh|chị|cụ)\s+" + _U + r")", rest, re.IGNORECASE)
            or re.match(
                r"\s*,?\s*và\s+(?=(?:Ủy\s+ban|Uỷ\s+ban|ỦY\s+BAN|UBND|Chủ\s+tịch|Công\s+ty|Ngân\s+hàng|Sở|Phòng)\b)",
                rest,
            )
            or re.match(
                r"\s*[,;]?\s*sinh\s*(?:năm)?\s*:?\s*\d{4}\s*[,;]?\s*và\s+(?=(?:ông|bà|anh|chị)\s+"
                + _U
                + r")",
                rest,
                re.IGNORECASE,
            )
        )
        if nxt and nxt.group(0).lstrip(" ,;").lower().startswith("sinh"):
            by = re.search(r"\d{4}", nxt.group(0))
            if by and d.birth is None:
                d.birth = (int(by.group(0)), nm[2] + by.start(), nm[2] + by.end())
        if nxt:
            pos = nm[2] + nxt.end()
            continue
        # the entry's own fields, up to the next sibling introduced by "; ông/bà"
        sib = re.search(r"[;]\s*(?=(?:Ông|Bà|Anh|Chị|Cụ|ông|bà|anh|chị)\s+" + _U + r"[^;]{0,60}\bsinh)", rest)
        f_end = nm[2] + sib.start() if sib else e
        for dd in _group_tail(out):
            _fields(text, asc, nm[2], f_end, dd, shared=dd is not d)
        if sib:
            pos = nm[2] + sib.end()
            continue
        break
    return out


def _group_tail(out: list[_Draft]) -> list[_Draft]:
    """The parties of the current "A và B" run (all get the shared address)."""
    return out[-1:] if len(out) < 2 else [d for d in out if d.address is None] or out[-1:]


def _fields(text: str, asc: str, s: int, e: int, d: _Draft, *, shared: bool) -> None:
    seg = asc[s:e]
    # parentheses of alias or state are not fields, but "đã chết" marks a deceased party
    if re.search(r"da\s+chet|chet\b", seg[:80]):
        d.deceased = True
    if not shared:
        b = _BIRTH.search(seg)
        if b and d.birth is None:
            d.birth = (int(b.group(3)), s + b.start(3), s + b.end(3))
        i = _ID.search(seg)
        if i and d.id_ is None:
            d.id_ = _id_value(text, s + i.start("id"), s + i.end("id"))
    a = _ADDRESS_LABEL.search(asc, s, e)
    if a and d.address is None and not (d.role == "accused" and a.start() > s + 600):
        d.address = _address_value(text, a.end(), e)


def _id_value(text: str, s: int, e: int) -> tuple[str, int, int]:
    raw = text[s:e].rstrip(" .")
    return re.sub(r"[\s.]", "", raw).upper(), s, s + len(raw)


_ADDR_END = re.compile(
    r";|\((?![^()]{0,30}\)\s*,)|\n|(?<!TP)(?<!Tp)(?<!\bP)(?<!\bQ)\.\s+(?=[“\"]|"
    + _UPC
    + r")|\.\s*$|,?\s+(?:[Cc]ó\s+mặt|[Vv]ắng\s+mặt|có\s+đơn|Có\s+đơn)"
    r"|\s[-–]\s*(?:[Cc]ó|[Vv]ắng)\s|,\s*(?:là|số\s+điện|điện\s+thoại|mã\s+số)|\s+(?:Người\s+đại\s+diện|Đại\s+diện|Điện\s+thoại|Mã\s+số)"
    r"|\s*[“\"](?:có|vắng)"
)


def _address_value(text: str, s: int, e: int) -> tuple[str, int, int] | None:
    m = _ADDR_END.search(text, s, e)
    ae = m.start() if m else e
    val = text[s:ae].strip(" ,.;:")
    if len(val) < 3 or not text[ae:].strip():
        return None  # empty, or cut off with the copy
    vs = text.find(val, s, ae + 1)
    return val, vs, vs + len(val)


_REP_NAME = re.compile(
    rf"(?:^|(?<=[:;,])|\s+và\s+|\s+)(?:{_HON_WORDS}|[Ll]uật\s+sư|LS\.?|[Tt]rợ\s+giúp\s+viên\s+pháp\s+lý)\s+(?={_U})",
    re.IGNORECASE,
)


def _rep_names(text: str, s: int, e: int) -> list[tuple[str, int, int]]:
    """Names after a representative label: "Ông A - Giám đốc", "Luật sư B và luật sư C", "bà D"."""
    out: list[tuple[str, int, int]] = []
    seg = text[s:e]
    # skip parentheses: "(vợ ông Sang)" names someone else
    masked = re.sub(r"\([^()]*\)", lambda m: " " * len(m.group(0)), seg)
    first = True
    pos = 0
    while pos < len(masked):
        sub = masked[pos:]
        m = re.match(
            rf"\s*(?:có\s+)?(?:(?:{_HON_WORDS}|[Ll]uật\s+sư|LS\.?|[Tt]rợ\s+giúp\s+viên\s+pháp\s+lý)\s+)+(?={_U})",
            sub,
            re.IGNORECASE,
        )
        if m:
            nm = _person_name(text, s + pos + m.end(), e)
        elif first:
            st = s + pos + len(sub) - len(sub.lstrip())
            nm = None if _ORG_START.match(text[st:e]) else _person_name(text, st, e)
        else:
            nm = None
        first = False
        if nm is None:
            break
        out.append(nm)
        pos = nm[2] - s
        rest = masked[pos:]
        j = re.match(
            rf"[^;]*?(?:\s+và\s+|,\s*|;\s*người\s+được\s+ủy\s+quyền(?:\s+lại)?\s*:\s*"
            rf"|;\s*(?=(?:{_HON_WORDS}|[Ll]uật\s+sư)\s+{_U}[^;,]{{0,40}},))"
            rf"(?=(?:{_HON_WORDS}|[Ll]uật\s+sư)\s+{_U})",
            rest,
            re.IGNORECASE,
        )
        if not j or len(j.group(0)) > 200:
            break
        pos += j.end()
    return out


def _rep_targets(
    qual: str, drafts: list[_Draft], role_group: list[_Draft], group: list[_Draft]
) -> list[_Draft]:
    """Whom a representative acts for: named in the label ("của bà Hoa", "của nguyên đơn", "cho bị
    cáo Phạm Văn C", "của các đồng nguyên đơn"), else the latest entry."""
    q = qual.strip()
    if q:
        tmp = [
            Party(id=f"P{i + 1}", role=d.role, kind=d.kind, name=d.name)  # type: ignore[arg-type]
            for i, d in enumerate(drafts)
        ]
        res = PartyResolver(tmp, q)
        ids = [pid for _s, _e, pid in res.find_mentions()]
        if ids:
            seen = []
            for pid in ids:
                d = drafts[int(pid[1:]) - 1]
                if d not in seen:
                    seen.append(d)
            return seen
    return group[:] if group else drafts[-1:]


def _heirs(
    text: str,
    asc: str,
    targets: list[_Draft],
    names: list[tuple[str, int, int]],
    cap: str,
    s: int,
    e: int,
    drafts: list[_Draft],
    role_span: tuple[int, int],
) -> None:
    """The lawful representative of a deceased party stands in the case in their own name: a party
    with role "other" (heirs continuing a deceased party's case)."""
    if cap != "legal" or len(targets) != 1 or not targets[0].deceased or not names:
        return
    t = targets[0]
    for nm, ns, ne in names[:1]:
        if any(d.name == nm for d in drafts):
            continue
        h = _Draft("other", "person", nm, (ns, ne), role_span)
        h.conf = 0.7
        _fields(text, asc, ne, e, h, shared=False)
        if h.address is None and re.search(r"cung\s+dia\s+chi|cung\s+noi\s+cu\s+tru", asc[ne:e]):
            h.address = t.address
        drafts.append(h)


def _finish(drafts: list[_Draft], text: str, ev: EvidenceBuilder) -> list[Party]:
    parties: list[Party] = []
    names = [clean_junk(d.name) for d in drafts]
    folded = _ascii(text)
    for k, name in enumerate(names):  # OCR damages one occurrence: the document's majority spelling
        name = trim_noise_tail(name, text, folded)
        others = names[:k] + names[k + 1 :]
        names[k] = consensus_name(name, text, folded, avoid=others, person=drafts[k].kind == "person")
    for i, d in enumerate(drafts):
        pid = f"P{i + 1}"
        base = f"/parties/{i}"
        p = Party(
            id=pid,
            role=d.role,  # type: ignore[arg-type]
            kind=d.kind,  # type: ignore[arg-type]
            name=names[i],
            birth_year=d.birth[0] if d.birth else None,
            id_number=d.id_[0] if d.id_ else None,
            address=re.sub(r"\s+", " ", d.address[0]) if d.address else None,
            representatives=[Representative(name=r[0], capacity=r[1]) for r in d.reps],  # type: ignore[arg-type]
        )
        parties.append(p)
        ev.add(f"{base}/name", d.name_span[0], d.name_span[1], d.conf)
        if d.role_span[1] > d.role_span[0]:
            ev.add(f"{base}/role", d.role_span[0], d.role_span[1], 0.9 if d.role != "other" else 0.6)
        if d.birth:
            ev.add(f"{base}/birth_year", d.birth[1], d.birth[2], 0.95)
        if d.id_:
            ev.add(f"{base}/id_number", d.id_[1], d.id_[2], 0.95)
        if d.address:
            ev.add(f"{base}/address", d.address[1], d.address[2], 0.85)
        for j, r in enumerate(d.reps):
            ev.add(f"{base}/representatives/{j}/name", r[2], r[3], 0.85)
    return parties


# --------------------------------------------------------------------------------------------
# Folding: the resolver matches on a lower-cased copy of the text with one tone placement, whose
# characters are aligned one to one with the original (so spans carry over unchanged).
# --------------------------------------------------------------------------------------------

_OLD_TONES = {
    "oà": "òa", "oá": "óa", "oả": "ỏa", "oã": "õa", "oạ": "ọa", "oè": "òe", "oé": "óe", "oẻ": "ỏe",
    "oẽ": "õe", "oẹ": "ọe", "uỳ": "ùy", "uý": "úy", "uỷ": "ủy", "uỹ": "ũy", "uỵ": "ụy",
}  # fmt: skip
_OLD_TONE_RE = re.compile(r"(?<!q)(" + "|".join(_OLD_TONES) + r")(?!\w)")


def fold(text: str) -> str:
    """NFC, lower case, new-style tone placement; same length as the NFC input."""
    text = unicodedata.normalize("NFC", text)
    low = text.lower()
    if len(low) != len(text):  # a rare character whose lower case is longer: keep it as is
        low = "".join(c.lower() if len(c.lower()) == 1 else c for c in text)
    return _OLD_TONE_RE.sub(lambda m: _OLD_TONES[m.group(1)], low)


_HONORIFICS = HONORIFICS
_MALE = MALE_HONORIFICS
_FEMALE = FEMALE_HONORIFICS
_HON_RE = re.compile(r"^(?:" + "|".join(_HONORIFICS) + r")\s+", re.IGNORECASE)

# Role words as they appear in later text, folded; several roles share one word list.
_ROLE_WORDS: dict[str, tuple[str, ...]] = {r: ps for r, ps in ROLE_LABELS.items() if r != "other"}
# A role word followed by a name ("bị cáo Nguyễn Văn A", "bị đơn ông B") names that one party.
_ROLE_PREFIXES = tuple(sorted({w for ws in _ROLE_WORDS.values() for w in ws}, key=len, reverse=True))

# Heads of organisation names, longest first, and the legal-form words that sit between the head
# and the distinctive name ("Công ty TNHH Thương mại Hải Minh" → "Công ty Hải Minh").
_ORG_HEADS = (
    "ngân hàng thương mại cổ phần", "ngân hàng tmcp", "tổng công ty", "công ty", "ngân hàng",
    "hợp tác xã", "ủy ban nhân dân", "ubnd", "chi nhánh", "doanh nghiệp tư nhân", "quỹ tín dụng nhân dân",
)  # fmt: skip

_ABBREV_RE = re.compile(
    r"\(\s*(?:sau\s+đây\s+)?(?:được\s+)?(?:gọi|viết)\s+tắt\s*(?:là)?\s*:?\s*([^()]{1,160}?)\s*\)",
    re.IGNORECASE,
)
_ALT_SPLIT = re.compile(r"\s*(?:,|;|\bhoặc\b|\bhay\b|\bvà\b)\s*", re.IGNORECASE)
_QUOTES = "\"'“”‘’«»"


def _clean_alias(s: str) -> str:
    s = s.strip().strip(_QUOTES).strip()
    s = re.sub(r"^(?:là\s+)", "", s, flags=re.IGNORECASE)
    return s.strip(" .,:;" + _QUOTES)


def _name_tokens(name: str) -> list[str]:
    return [t for t in re.split(r"\s+", name.strip()) if t]


# Given names that also open common phrases ("Thành phố", "Nam" in "giới tính: Nam"): never bare.
_COMMON_WORDS = {
    "thành", "nam", "bắc", "đông", "tây", "tân", "hòa", "bình", "an", "phú", "long", "sơn", "hải", "trung",
    "quốc", "việt", "tổng", "công", "ngân", "nhà", "ủy", "tòa", "cơ", "hà", "kinh", "không",
}  # fmt: skip


class PartyResolver:
    """Maps a mention in the operative part ("Ngân hàng", "ông H", "Công ty Hải Minh") to a party id.

    Aliases of each party: its full name (with and without honorific), honorific + given name for
    people ("ông Khải", "anh H"), the abbreviations the text introduces ("(sau đây gọi tắt là ...)"),
    the organisation head when one party alone has it ("Ngân hàng", "Công ty"), a shortening "head +
    distinctive name" ("Công ty Hải Minh"), and role words when one party alone has that role
    ("nguyên đơn"). An alias shared by several parties resolves to none of them in `resolve` and to
    all of them in `resolve_all`.

        r = PartyResolver(parties, text)
        r.resolve("ông Khải")            # "P3"
        r.find_mentions(start, end)      # [(s, e, "P1"), ...] over text[start:end]
    """

    def __init__(self, parties: list[Party], text: str) -> None:
        self.parties = parties
        self.text = text
        self._folded = fold(text)
        self._by_id = {p.id: p for p in parties}
        self._alias: dict[str, list[str]] = {}  # folded alias → party ids (order of parties)
        self._role_alias: dict[str, list[str]] = {}  # folded role word → party ids
        self._given: dict[str, list[str]] = {}  # folded given name → party ids (people)
        self._build()
        self._toneless: dict[str, str | None] = {}  # alias or given name without tones → itself
        for key in (*self._alias, *self._role_alias, *self._given):
            t = strip_tone(key)
            self._toneless[t] = key if self._toneless.get(t, key) == key else None
        self._pattern = self._compile()

    def _canonical(self, key: str, table: dict[str, list[str]]) -> str | None:
        """The alias a reading stands for: itself, or the one alias it equals but for tones."""
        if key in table or key in self._role_alias:
            return key
        c = self._toneless.get(strip_tone(key))
        return c if c is not None and (c in table or c in self._role_alias) else None

    # -- construction -------------------------------------------------------------------------
    def _add(self, table: dict[str, list[str]], alias: str, pid: str) -> None:
        key = re.sub(r"\s+", " ", fold(alias)).strip(" .,;:")
        if len(key) < 1:
            return
        ids = table.setdefault(key, [])
        if pid not in ids:
            ids.append(pid)

    def _build(self) -> None:
        heads: dict[str, list[str]] = {}
        for p in self.parties:
            name = p.name.strip()
            self._add(self._alias, name, p.id)
            stripped = _HON_RE.sub("", name)
            self._add(self._alias, stripped, p.id)
            if p.kind == "person":
                toks = _name_tokens(stripped)
                if toks:
                    self._add(self._given, toks[-1], p.id)
                    if len(toks) >= 3:  # "Thu Hường", "Văn A"
                        self._add(self._given, " ".join(toks[-2:]), p.id)
            else:
                fname = fold(name)
                for head in _ORG_HEADS:
                    if fname.startswith(head + " ") or fname == head:
                        heads.setdefault(head, []).append(p.id)
                        rest = name[len(head) :].strip()
                        for short in _org_shortenings(head, rest):
                            self._add(self._alias, short, p.id)
                        break
            for role_word in _ROLE_WORDS.get(p.role, ()):
                self._add(self._role_alias, role_word, p.id)
        # Organisation heads: "Ngân hàng", "Công ty" stand for the one party that has them.
        generic_ids: dict[str, list[str]] = {}
        for head, ids in heads.items():
            generic = "ngân hàng" if head.startswith("ngân hàng") else head
            generic_ids.setdefault(generic, []).extend(ids)
        self._generic_heads: set[str] = set()
        for generic, ids in generic_ids.items():
            if len(set(ids)) == 1:  # "Công ty" names a party only when one party is a company
                self._add(self._alias, generic, ids[0])
                self._generic_heads.add(generic)
        self._abbreviations()

    def _abbreviations(self) -> None:
        """Aliases the text introduces: "X (sau đây gọi tắt là Y hoặc Z)" → Y, Z stand for X.

        X is the party whose name (or a known alias, or the name's first words) ends closest before
        the parenthesis; a branch suffix in between ("... - Chi nhánh Hải Phòng") is allowed."""
        keys = {k: ids for k, ids in self._alias.items() if len(ids) == 1}
        for p in self.parties:  # the name up to its first comma: "Ủy ban nhân dân huyện B"
            head = fold(p.name).split(",")[0].strip()
            if len(head) >= 6:
                keys.setdefault(head, [p.id])
        if not keys:
            return
        rx = re.compile(
            r"(?<!\w)(?:" + "|".join(re.escape(k) for k in sorted(keys, key=len, reverse=True)) + r")(?!\w)"
        )
        for m in _ABBREV_RE.finditer(self.text):
            lo = max(0, m.start() - 200)
            last = None
            for mm in rx.finditer(self._folded, lo, m.start()):
                last = mm
            if last is None or m.start() - last.end() > 80:
                continue
            pid = keys[last.group(0)][0]
            for alt in _ALT_SPLIT.split(m.group(1)):
                alt = _clean_alias(alt)
                if alt and len(alt) >= 2:
                    # An introduced alias is specific: it overrides a shared generic head.
                    key = re.sub(r"\s+", " ", fold(alt))
                    self._alias[key] = [pid]

    def _compile(self) -> re.Pattern[str] | None:
        keys = set(self._alias) | set(self._role_alias)
        hon = "|".join(_HONORIFICS)
        given = "|".join(re.escape(g) for g in sorted(self._given, key=len, reverse=True))
        # Bare given names ("Dũng lấy con dao") only when they are words, one party's, 2+ letters.
        bare = [
            g
            for g, ids in self._given.items()
            if len(ids) == 1
            and len(g) >= 2
            and " " not in g
            and g not in _COMMON_WORDS
            and self._by_id[ids[0]].role in ("accused", "victim")
        ]
        alts = [re.escape(k) for k in sorted(keys, key=len, reverse=True)]
        parts = []
        roles = "|".join(re.escape(r) for r in _ROLE_PREFIXES)
        # Names match whatever tone OCR put on a vowel ("bà Hăng", "Hô Thị Thanh Xuân"); a reading
        # maps back to its alias through `_toneless` (honorifics and role words stay exact).
        if given:
            parts.append(rf"(?P<hon>{hon}|{roles})\s+(?P<given>{tone_tolerant(given)})")
        if alts:
            parts.append(rf"(?:(?P<hon2>{hon})\s+)?(?P<alias>" + "|".join(map(tone_tolerant, alts)) + ")")
        if bare:
            parts.append(
                r"(?P<bare>" + "|".join(re.escape(b) for b in sorted(bare, key=len, reverse=True)) + ")"
            )
        if not parts:
            return None
        return re.compile(r"(?<!\w)(?:" + "|".join(parts) + r")(?!\w)")

    def _bare_ok(self, s: int, e: int) -> bool:
        """A capitalised word standing alone: not inside a longer proper name ("Hồ Chí Minh")."""
        t = self.text
        if not t[s].isupper():
            return False
        before = re.search(r"(\S+)\s+$", t[max(0, s - 30) : s])
        after = re.match(r"\s+(\S+)", t[e : e + 30])
        if before and before.group(1)[0].isupper() and not before.group(1).endswith((".", ":", ";", ",")):
            return False
        return not (after and after.group(1)[0].isupper())

    # -- queries --------------------------------------------------------------------------------
    def resolve_all(self, mention: str) -> list[str]:
        """All parties a mention may stand for (several for "các bị cáo", a shared role word)."""
        key = re.sub(r"\s+", " ", fold(mention)).strip(" .,;:" + _QUOTES)
        key = re.sub(r"^(?:các|những|hai|ba)\s+", "", key)
        if not key:
            return []
        if key in self._alias:
            return list(self._alias[key])
        role_ids = self._role_lookup(key)
        if role_ids is not None:
            return role_ids
        # Role word + name: "bị cáo Nguyễn Văn A", "nguyên đơn ông B".
        for rw in _ROLE_PREFIXES:
            if key.startswith(rw + " "):
                ids = self.resolve_all(key[len(rw) + 1 :])
                roles = {p for p in ids if fold(rw) in _role_words_of(self._by_id[p].role)}
                return [p for p in ids if p in roles] or ids
        hon, _, rest = key.partition(" ")
        if hon in _HONORIFICS and rest:
            if rest in self._alias:
                return list(self._alias[rest])
            return self._by_given(rest, hon)
        return self._by_given(key, None)

    def resolve(self, mention: str) -> str | None:
        """The one party a mention stands for, or None when unknown or ambiguous."""
        ids = self.resolve_all(mention)
        return ids[0] if len(ids) == 1 else None

    def find_mentions(self, start: int = 0, end: int | None = None) -> list[tuple[int, int, str]]:
        """Party mentions in text[start:end], as (start, end, party id), in text order.

        A mention that stands for several parties (a shared role word, "các bị cáo") yields one
        tuple per party with the same span; a role word directly followed by a name is dropped in
        favour of the name.
        """
        if self._pattern is None:
            return []
        end = len(self.text) if end is None else end
        out: list[tuple[int, int, str]] = []
        matches = list(self._pattern.finditer(self._folded, start, end))
        for i, m in enumerate(matches):
            gd = m.groupdict()
            if gd.get("alias") is not None:
                key = self._canonical(gd["alias"], self._alias)
                if key is None:
                    continue
                if key in self._generic_heads and _OTHER_ORG_TAIL.match(self.text, m.end()):
                    continue  # "Công ty cổ phần Nhựa M": another company's name, not the one party's head
                if key in self._role_alias and key not in self._alias:
                    nxt = matches[i + 1] if i + 1 < len(matches) else None
                    gap = self._folded[m.end() : nxt.start()] if nxt else ""
                    if nxt is not None and re.fullmatch(r"\s*", gap):
                        continue  # "bị đơn ông A": the name says who
                    ids = self._role_alias[key]
                else:
                    ids = self._alias[key]
            elif gd.get("bare") is not None:
                if not self._bare_ok(m.start(), m.end()):
                    continue
                ids = self._given[gd["bare"]]
            else:
                given = self._canonical(gd["given"], self._given)
                if given is None:
                    continue
                ids = self._by_given(given, gd["hon"])
                if len(ids) > 1:
                    continue  # "ông H" with two men named H: unknown
            for pid in ids:
                out.append((m.start(), m.end(), pid))
        return out

    # -- helpers --------------------------------------------------------------------------------
    def _role_lookup(self, key: str) -> list[str] | None:
        if key in self._role_alias:
            return list(self._role_alias[key])
        return None

    def _by_given(self, given: str, hon: str | None) -> list[str]:
        ids = self._given.get(given, [])
        if hon is not None and hon not in _HONORIFICS:  # a role word: "bị cáo A", "nguyên đơn B"
            return [p for p in ids if hon in _role_words_of(self._by_id[p].role)]
        if len(ids) > 1 and hon is not None:
            female = [p for p in ids if " thị " in f" {fold(self._by_id[p].name)} "]
            if hon in _FEMALE and female:
                ids = female
            elif hon in _MALE and len(female) < len(ids):
                ids = [p for p in ids if p not in female]
        return list(ids)


def _role_words_of(role: str) -> tuple[str, ...]:
    return _ROLE_WORDS.get(role, ())


_LEGAL_WORDS = {"tnhh", "mtv", "cp", "tmcp", "và", "-", "–", "&"}
_FIELD_BIGRAMS = {
    "trách nhiệm", "hữu hạn", "một thành", "thành viên", "cổ phần", "thương mại", "dịch vụ",
    "sản xuất", "đầu tư", "xây dựng", "vận tải", "kỹ thuật", "công nghệ", "phát triển", "xuất nhập",
    "nhập khẩu", "cơ khí", "thiết bị", "y tế", "điện tử", "linh kiện", "dệt may", "bảo hiểm",
    "xây lắp", "bất động", "động sản", "du lịch", "cơ điện", "lâm sản", "chế biến", "tư vấn",
    "vật liệu", "thực phẩm", "nông nghiệp", "thủy sản", "môi trường", "cấp thoát", "thoát nước",
}  # fmt: skip


# After an organisation's head: legal-form words, then a capitalised word (its own distinctive name).
_OTHER_ORG_TAIL = re.compile(
    r"(?:\s+(?i:cổ\s+phần|tnhh|trách\s+nhiệm\s+hữu\s+hạn|một\s+thành\s+viên|hai\s+thành\s+viên|thương\s+mại|"
    r"hợp\s+danh|tư\s+nhân|mtv))*\s+" + _U
)


def _org_shortenings(head: str, rest: str) -> Iterable[str]:
    """ "Công ty" + the distinctive tail of the name: "Công ty Hải Minh" for "Công ty TNHH Thương
    mại và Vận tải Hải Minh". The tail is the run of words after the last legal-form or trade
    word ("TNHH", "cổ phần", "Thương mại", ...)."""
    toks = _name_tokens(rest)
    low = [fold(t) for t in toks]
    i = len(toks)
    while i > 0:
        if low[i - 1] in _LEGAL_WORDS:
            break
        if i >= 2 and f"{low[i - 2]} {low[i - 1]}" in _FIELD_BIGRAMS:
            break
        i -= 1
    tail = toks[i:]
    short_head = "ngân hàng" if head.startswith("ngân hàng") else head
    if not tail:
        return []
    if len(tail) == len(toks) and short_head == head:
        return []
    return [f"{short_head} {' '.join(tail)}"]
