"""Parties (đương sự) with roles, identifiers, addresses and representatives."""

from __future__ import annotations

import re

from docproc.document import Document
from docproc.extract._consensus import (
    REPAIRED_NAME_CONFIDENCE,
    clean_junk,
    complete_cut_name,
    consensus_name,
    extend_cut_name,
    repair_name,
    trim_noise_tail,
    vote_org_words,
)
from docproc.extract._fuzzy_names import NameIndex
from docproc.extract._lexicon import (
    NAME_HONORIFICS,
    ROLE_LABELS,
    ascii_pattern,
)
from docproc.extract.evidence import EvidenceBuilder
from docproc.extract.mentions import PartyResolver, fold
from docproc.extract.sections import Sections
from docproc.schema import Party, Representative
from docproc.text.fold import fold as fold_marks
from docproc.text.fold import fold_aligned

__all__ = ["extract_parties", "PartyResolver", "fold"]  # the resolver lives in `mentions`

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
        regions.append((_list_start(text, sections.parties[0]), sections.parties[1], False))
    else:
        fallback = _list_region(text, sections)
        if fallback is not None:
            regions.append((*fallback, False))
    if sections.decision[1] > sections.decision[0]:
        regions.append((sections.decision[0], sections.decision[1], True))
    if not regions:
        regions.append((0, min(len(text), 20000), False))
    for start, end, in_decision in regions:
        drafts = _distinct(_parse_region(text, start, end, in_decision))
        if drafts:
            return _finish(drafts, text, ev, ocr=document.text_source in ("ocr", "mixed"))
    return []


def _distinct(drafts: list[_Draft]) -> list[_Draft]:
    """One party per role and name: a list read past its end ("a) Ông A và bà B đồng ý ...", when
    OCR ran a heading into a line) names the same parties again."""
    seen: set[tuple[str, str, str]] = set()
    out = []
    for d in drafts:
        key = (d.role, d.kind, fold(d.name))
        if key in seen:
            continue
        seen.add(key)
        out.append(d)
    return out


def _list_start(text: str, start: int) -> int:
    """The parties list's start, moved back to its introduction when the sections began it after
    that line or inside the list ("... đối với các bị cáo:" / "1. Nguyễn Văn A, sinh ...")."""
    lo = max(0, start - 1500)
    asc = fold_aligned(text[lo:start])
    last = None
    for m in _LIST_ANCHOR.finditer(asc):
        last = m
    if last is None or _LIST_END.search(asc, last.end()):
        return start  # no introduction, or a heading after it: the sections knew better
    return lo + asc.rfind("\n", 0, last.start()) + 1


def _list_region(text: str, sections: Sections) -> tuple[int, int] | None:
    """The parties list found by its introduction, when the sections found none: from the line of
    "giữa các đương sự:" / "đối với các bị cáo:" to the first heading of the case's content."""
    limit = sections.decision[0] if sections.decision[1] > sections.decision[0] else min(len(text), 20000)
    asc = fold_aligned(text[:limit])
    m = _LIST_ANCHOR.search(asc)
    if m is None:
        return None
    end = _LIST_END.search(asc, m.end())
    return m.start(), end.start() if end else limit


# --------------------------------------------------------------------------------------------
# The parties list: clauses (lines, and items run together on one line), each a role label, a
# representative label, an address or birth-year continuation, or a party entry.
# --------------------------------------------------------------------------------------------


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
# "đối với các bị cáo:", also read "đối với cíc bị cáu:"
_ACCUSED_INTRO = re.compile(r"doi\s+voi\s+(?:[a-z]{2,4}[.,]?\s+)?bi\s+ca[a-z]?\s*:\s*$")
# Where a parties list starts and what ends it, folded: a fallback when the sections were not found
# (a heading OCR ran into the line before it: "... liên quan. NỘI DUNG VỤ ÁN:").
_LIST_ANCHOR = re.compile(
    r"giua\s+cac[.,]?\s+duong\s+su\s*:|doi\s+voi\s+(?:[a-z]{2,4}[.,]?\s+)?bi\s+ca[a-z]?\s*:"
)
_LIST_END = re.compile(r"noi\s+dung\s+vu\s+an|nhan\s+dinh\s+cua\s+toa\s+an|nhan\s+thay\s*:")
_MARKER = re.compile(
    # specks before the number ("' 2.", "° 3."), and a colon read for its dot ("2: Bị đơn", "3:3.")
    r"\s*(?:['‘’`´^~¡¿|°ˆ]+\s*)?"
    r"(?:(?:\d{1,2}\s+)?\d{1,2}(?:\.\d{1,2})*(?:\s*[.)/\-–:]+\s*|\s+(?=\D))|[a-zđ]\)\s*|[IVX]+\.\s*|[-–+*•]\s*)*"
    # a list marker OCR read as a short word ("1." → "lộ", "3.1." → "Ô. 1,") before an honorific
    # or an organisation that opens the entry
    r"(?:(?:(?!(?i:và|là|do|có|cho|của|với|tại|thì|mà|hoặc|gồm|cùng|bị|đơn|cáo|hại|nguyên|người|đại|diện)\s)[^\s:]{1,4}\s+){1,2}"
    r"(?=(?-i:Ông|Bà|Anh|Chị)\s|(?-i:Nguyên\s+đơn|Bị\s+đơn|Bị\s+cáo|Bị\s+hại|Người\s+có\s+quyền)\b)"
    r"|(?-i:[a-zà-ỹđ]{1,2}[.,)])\s+(?=(?-i:Ủy\s+ban|Uỷ\s+ban|Công\s+ty|Ngân\s+hàng|Trung\s+tâm|Chủ\s+tịch)\s))?"
)
_HON_WORDS = "(?:" + "|".join(NAME_HONORIFICS) + ")"
# "Ống Nguyễn Văn A": OCR puts a tone on "Ông"; before a capitalised name it is still the honorific.
_HON_START = re.compile(rf"^(?:{_HON_WORDS}|[ôồốổỗộ]ng(?=\s+{_U}))\s+(?=\S)", re.IGNORECASE)
_LAWYER_START = re.compile(r"^(?:luật\s+sư|ls\.?|trợ\s+giúp\s+viên\s+pháp\s+lý)\s+", re.IGNORECASE)
_ORG_START = re.compile(
    # "y ban nhân dân": a copy that lost the first letter of "Ủy"
    r"^(?:Ngân\s+hàng|Công\s+ty|Tổng\s+[Cc]ông\s+ty|Ủy\s+ban|Uỷ\s+ban|(?:ỦY|UỶ)\s+BAN|y\s+ban\s+nhân\s+dân|UBND|Chủ\s+tịch|Chi\s+[Cc]ục|Cục|Sở|"
    r"Phòng|Trung\s+tâm|Bảo\s+hiểm|Hợp\s+tác\s+xã|HTX|Doanh\s+nghiệp|DNTN|Văn\s+phòng|Trường|Bệnh\s+viện|Hội|Quỹ|"
    r"Tập\s+đoàn|Viện|Ban\s+quản\s+lý|Ban|Cơ\s+quan|Chi\s+nhánh|Nhà\s+máy|Xí\s+nghiệp|Cửa\s+hàng|Hộ\s+kinh\s+doanh|"
    r"Đài|Kho\s+bạc|Tổ\s+chức|Liên\s+đoàn|Đảng\s+ủy|Công\s+an|Bộ|Tổng\s+cục|Chi\s+cục|Hạt|Cảng|Xã\s+viên|Giám\s+đốc)\b"
)
# "Công E cổ phần X", "Ngân hồng Thương mại": an organisation's head with its second word damaged,
# known by the legal form or trade words that follow it.
_DAMAGED_ORG_START = re.compile(
    r"^(?:Công\s+\S{1,3}\s+(?=(?i:cổ\s+phần|tnhh|trách\s+nhiệm|hợp\s+danh|một\s+thành|mtv)\b)"
    r"|Ngân\s+\S{1,5}\s+(?=(?i:thương\s+mại|tmcp|chính\s+sách|nông\s+nghiệp|phát\s+triển)\b))"
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
        "head_damaged",
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
        self.head_damaged = False  # "Công E cổ phần X": the head read with damage


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
    # "Nguyên đơn: Bà A, sinh năm 1966; bị đơn: ông B ...; người có quyền lợi, nghĩa vụ liên quan: ...": a role
    # label in lower case after a semicolon, with its colon
    r"|(?<=;)\s+(?=(?:nguyên\s+đơn|bị\s+đơn|bị\s+hại|bị\s+cáo|người\s+(?:có\s+quyền|khởi\s+kiện|bị\s+kiện|yêu\s+cầu))"
    r"\b[^:;\n]{0,120}:)"
    r"|\s(?=\d{1,2}[.)/]\s*" + _U + r"\w*\s+" + _U + r"[^,;:()\n]{0,40}[,(][^\n]{0,80}\bsinh\b)"
    r"|\s(?=[-–]\s?(?:Ông|Bà|Anh|Chị|Cụ)\s+" + _U + r")"
    r"|(?<=\D[.;)])\s+(?=(?:Cùng|Đều)\s+(?:địa\s+chỉ|trú\s+tại|cư\s+trú)|Địa\s+chỉ\s*:|Trụ\s+sở\s*:)"
    r"|\s(?=[-–*+•]\s?(?:Người|Ngưi|Nguyên\s+đơn|Bị\s+đơn|Bị\s+hại|Bị\s+cáo)\b[^:\n]{0,120}:)"
    r"|\s(?=\d{1,2}\s*[.)/-]\s*(?:Nguyên\s+đơn|Bị\s+đơn|Bị\s+cáo|Bị\s+hại|Người)\b[^:\n]{0,120}:)"
    r"|\s(?=(?:Người\s+(?:đại\s+diện|bảo\s+vệ|có\s+quyền|khởi\s+kiện|bị\s+kiện|làm\s+chứng|kháng\s+cáo)|Đại\s+diện\s+theo)\b[^:\n]{0,120}:)"
    r"|\s(?=(?:Địa\s+chỉ|Trụ\s+sở)\b)"
    r"|\s(?=\d{1,2}(?:\.\d+)?\s*[/.]\s*(?:Ông|Bà|Anh|Chị|Cụ|Chủ\s+tịch|Ủy\s+ban|Uỷ\s+ban|UBND|Công\s+ty|Ngân\s+hàng)\b)"
    r"|\s(?=-(?:Người|Chủ\s+tịch|Ủy\s+ban|Uỷ\s+ban|(?:ỦY|UỶ)\s+BAN|UBND|Công\s+ty|Ngân\s+hàng)\b))"
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
            # "Bị đơn: Ông A", also "Nguyên đơn. Ngân hàng X" (the colon read as a dot)
            direct = re.match(
                rf"(?:\s*[.;,](?=\s))?\s*(?:\([^)]*\)\s*)?(?={_HON_WORDS_ASCII}\s+\S|luat\s+su\s|{_ORG_HEADS_ASCII})",
                after,
            )
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


_HON_WORDS_ASCII = "(?:" + "|".join(fold_marks(h) for h in NAME_HONORIFICS) + ")"
# Heads that open an organisation's entry, folded: "nguyên đơn Ngân hàng X" names it directly.
_ORG_HEADS_ASCII = r"(?:ngan\s+hang|cong\s+ty|tong\s+cong\s+ty|uy\s+ban\s+nhan\s+dan|ubnd)\s"


def _parse_region(text: str, start: int, end: int, in_decision: bool) -> list[_Draft]:
    asc = fold_aligned(text)
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
            text, asc, ps, ce, role, bool(mk and mk.end() > cs) and not _wrapped_dash(text, cs, ps)
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
    if _ORG_START.match(seg) or _DAMAGED_ORG_START.match(seg):
        return True
    if role in ("accused", "victim", "other") or marked:
        name = _person_name(text, ps, ce)
        if name and len(name[0].split()) >= 2:
            after = text[name[2] : name[2] + 40]
            # "sinh" right after the name, before any ";": not someone's details ("...; con sinh năm 2008")
            born = bool(re.match(r"[^;\n]{0,60}?\bsinh\b", asc[name[2] : name[2] + 80]))
            return bool(re.match(r"\s*(?:\(|,|;|-|–)", after)) and (born or marked)
    return False


def _wrapped_dash(text: str, cs: int, ps: int) -> bool:
    """A line that starts with a dash after a line ending mid-phrase is the phrase wrapped at its
    hyphen ("tỉnh Bà Rịa" / "- Vũng Tàu; ..."), not a list item."""
    if text[cs:ps].strip() not in ("-", "–"):
        return False
    before = text[max(0, cs - 40) : cs].rstrip()
    return bool(before) and before[-1].isalpha()


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
            # "Hà Văn Sinh, sinh năm ...": a capitalised given name that is also a label word, after
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
    + r")|\(\s*(?:sau\s+đây|gọi|viết|có\s+mặt|vắng|đã|đại\s+diện|theo|do|là|[Cc]ó|[Vv]ắng|"
    r"(?i:nay\s+là|trước\s+(?:đây|kia)|tên\s+(?:cũ|gọi\s+khác|trước\s+đây)|đổi\s+tên))|,?\s+(?:có\s+)?(?:địa\s+chỉ|trụ\s+sở|"
    r"Địa\s+chỉ|Trụ\s+sở|người\s+đại\s+diện|Người\s+đại\s+diện|Đại\s+diện|đại\s+diện|do\s+(?:ông|bà)|mã\s+số|MST|Mã\s+số|"
    r"có\s+mặt|vắng\s+mặt|Có\s+mặt|Vắng\s+mặt)\b|\s+[-–]\s*(?=(?:[a-zđ]|Ông|Bà|Anh|Chị|Người|Đại|Địa|Trụ|Mã|Giám|Chủ\s+tịch\s+Hội))"
    r"|\s+-(?=(?:Chủ\s+tịch|Ủy\s+ban|Uỷ\s+ban|UBND|Người|Công\s+ty)\b)|\s+và\s+(?=(?:Ủy\s+ban|Uỷ\s+ban|(?:ỦY|UỶ)\s+BAN|UBND|Chủ\s+tịch|Công\s+ty|Ngân\s+hàng|Sở|Phòng|Tổng\s+công\s+ty)\b)|,(?!\s*(?:(?i:tỉnh|thành\s+phố|huyện|quận|thị\s+xã|xã|phường|thị\s+trấn)\b|TP\b|Tp\b|[A-ZĐ]\d?\b)))"
)


def _org_name(text: str, s: int, e: int) -> tuple[str, int, int]:
    m = _ORG_STOP.search(text, s, e)
    ne = m.start() if m else e
    name = re.split(r"\n\s*\n", text[s:ne], maxsplit=1)[0].strip(" .,;")  # a blank line ends an entry
    # a trailing parenthesis that is not part of the name: presence, or the short name the document
    # uses later ("Tổng công ty X (QM)", also cut off: "(QM")
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
        elif _ORG_START.match(seg) or _DAMAGED_ORG_START.match(seg):
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
        d.head_damaged = kind == "organization" and not _ORG_START.match(seg)
        if not hon and kind == "person":
            d.conf = 0.8 if role in ("accused", "victim") else 0.6
        out.append(d)
        rest = text[nm[2] : e]
        nxt = (
            re.match(r"\s*,?\s*và\s+(?=(?:ông|bà|anh|chị|cụ)\s+" + _U + r")", rest, re.IGNORECASE)
            or re.match(
                r"\s*,?\s*và\s+(?=(?:Ủy\s+ban|Uỷ\s+ban|(?:ỦY|UỶ)\s+BAN|UBND|Chủ\s+tịch|Công\s+ty|Ngân\s+hàng|Sở|Phòng)\b)",
                rest,
            )
            or re.match(
                r"\s*[,;]?\s*sinh\s*(?:năm)?\s*:?\s*\d{4}\s*[,;]?\s*và\s+(?=(?:ông|bà|anh|chị)\s+"
                + _U
                + r"|(?:Công\s+ty|Ngân\s+hàng|Ủy\s+ban|Uỷ\s+ban|UBND)\b)",
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


def _finish(drafts: list[_Draft], text: str, ev: EvidenceBuilder, *, ocr: bool = True) -> list[Party]:
    """The parties from their drafts. `ocr`: the text was read by OCR, so a surname one tone mark off
    a known one is a slip to repair; typed text is taken as written (a rare surname stays itself)."""
    parties: list[Party] = []
    names = [clean_junk(d.name) for d in drafts]
    folded = fold_aligned(text)
    index = NameIndex(text) if ocr else None
    if index is not None:  # a name that runs on to the next line, read from the first line only
        for k, d in enumerate(drafts):
            ext = extend_cut_name(names[k], d.name_span[1], text, index, person=d.kind == "person")
            if ext is not None:
                names[k], d.name_span = ext[0], (d.name_span[0], ext[1])
                continue
            longer = complete_cut_name(
                names[k], text, index, avoid=names[:k] + names[k + 1 :], organisation=d.kind == "organization"
            )
            if longer is not None:  # the words lost are not in the party line: less sure
                names[k] = longer
                d.conf = min(d.conf, REPAIRED_NAME_CONFIDENCE)
    for k, name in enumerate(names):  # OCR damages one occurrence: the document's majority spelling
        trimmed = trim_noise_tail(name, text, folded)
        others = names[:k] + names[k + 1 :]
        if index is not None and trimmed != name:  # noise cut off may have hidden the true end
            org = drafts[k].kind == "organization"
            longer = complete_cut_name(trimmed, text, index, avoid=others, organisation=org)
            if longer is not None:
                trimmed = longer
                drafts[k].conf = min(drafts[k].conf, REPAIRED_NAME_CONFIDENCE)
        name = trimmed
        names[k] = consensus_name(
            name, text, folded, avoid=others, person=drafts[k].kind == "person", surname_prior=ocr
        )
    if index is not None:  # a damaged party line: the close reading the document repeats
        for k, d in enumerate(drafts):
            others = names[:k] + names[k + 1 :]
            fixed = repair_name(names[k], text, index, avoid=others, damage_seen=d.head_damaged)
            if fixed is not None and fixed != names[k]:
                # the reading taken may stop short where the damaged one had noise ("Miền Tu \\ø")
                org = d.kind == "organization"
                names[k] = complete_cut_name(fixed, text, index, avoid=others, organisation=org) or fixed
                d.conf = min(d.conf, REPAIRED_NAME_CONFIDENCE)
            if d.kind == "organization":  # "Chỉ cục Kiểm lâm": each word as the language pairs it
                voted = vote_org_words(names[k], text, folded)
                if voted != names[k]:
                    names[k] = voted
                    d.conf = min(d.conf, REPAIRED_NAME_CONFIDENCE)
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
