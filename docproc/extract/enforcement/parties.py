"""Parties of an enforcement decision: obligors (người phải thi hành án), obligees (người được thi
hành án) and related parties (người có quyền lợi, nghĩa vụ liên quan), with the judgment parser's
entry reader (`docproc.extract.parties`) doing the names, birth years, ids and addresses.

Where they are named:
- role labels: "Người phải thi hành án: ...", "Người được thi hành án (đối với khoản 1): ...",
  "Cho thi hành án đối với: ...", "... tài sản của người phải thi hành án: ông A ...", "Người có
  quyền lợi, nghĩa vụ liên quan: ..."; the entry follows the label or starts the next line;
- the owner of a secured or seized asset ("mang tên ông A", "thuộc sở hữu của bà B") who is not
  an obligor is a related party (GUIDELINES), unless the decision names the owner "người phải thi
  hành án trong phạm vi tài sản bảo đảm" (Law 106/2025 Art. 3(3)): then an obligor;
- the payee of an item ("phải trả cho Ngân hàng Q số tiền ...") not otherwise labelled is an
  obligee.
The State budget, the bank holding an account, people's committees and the executor are never
parties.
"""

from __future__ import annotations

import re

from docproc.extract import parties as P
from docproc.extract.enforcement.basis import Body
from docproc.extract.enforcement.tables import fold
from docproc.extract.evidence import EvidenceBuilder
from docproc.extract.mentions import _HON_RE
from docproc.schema import Party
from docproc.text.fold import fold_aligned

__all__ = ["extract_parties"]

_NG = r"ng(?:uo|u|o)i"
_LABELS: list[tuple[re.Pattern[str], str]] = [
    (re.compile(rf"{_NG}\s+co\s+tai\s+san\s+(?:bao\s+dam|the\s+chap|cam\s+co)"), "owner"),
    (re.compile(rf"{_NG}\s+phai\s+thi\s+hanh\s+an(?:\s+lien\s+doi)?"), "obligor"),
    (re.compile(rf"{_NG}\s+duoc\s+thi\s+hanh\s+an"), "obligee"),
    (re.compile(rf"{_NG}\s+co\s+quyen\s+loi\s*,?\s*(?:va\s+)?nghia\s+vu\s+lien\s+quan"), "related_party"),
    (re.compile(r"cho\s+thi\s+hanh\s+an\s+doi\s+voi"), "obligor"),
]
# what may stand between a label and its colon: "(đối với khoản 1 và khoản 2)", "đối với khoản 3"
_QUAL = re.compile(r"\s*(?:\([^()\n]{0,160}\)|(?:doi\s+voi|ve)\s+[^:;\n]{0,60})?\s*:")
_DIRECT = re.compile(r"\s*(?:la|gom)\s+(?=(?:ong|ba|anh|chi|cu|cong\s+ty|ngan\s+hang)\s)")
_SCOPE_OBLIGOR = re.compile(rf"{_NG}\s+phai\s+thi\s+hanh\s+an\s+trong\s+pham\s+vi")
_NEXT_LABEL = re.compile(
    rf"\s*(?:[-–+•]\s*)?(?:{_NG}\s+(?:phai|duoc)\s+thi\s+hanh|{_NG}\s+co\s+(?:quyen|tai\s+san)|cac\s+khoan|khoan\s+phai"
    r"|nghia\s+vu|tai\s+san|de\s+(?:bao|dam)|dieu\s+\d|thoi\s+han|thoi\s+gian|dia\s+diem|so\s+tien|tong)"
)
_ADDR_LINE = re.compile(
    r"\s*(?:[-–]\s*)?(?:cung\s+|deu\s+)?(?:dia\s+chi|tru\s+tai|tru\s+so|noi\s+cu\s+tru|cu\s+tru|thuong\s+tru|noi\s+o)"
)
_OWNER_CUE = re.compile(
    r"(?:mang\s+ten|dung\s+ten|thuoc\s+(?:quyen\s+)?(?:so\s+huu|su\s+dung)(?:\s+hop\s+phap)?(?:\s+cua)?"
    r"|chu\s+so\s+huu(?:\s+la)?|cap(?:\s+ngay\s+[\d/.\-]+)?\s+cho)\s+"
)
_PAYEE_CUE = re.compile(
    r"(?:tra|thanh\s+toan|hoan\s+tra|boi\s+thuong|giao|chuyen|cap\s+duong|tra\s+lai|thanh\s+toan\s+lai)"
    r"(?:\s+[^\s,;:.]+){0,8}?\s+cho\s+"
)
_NOT_PARTY = re.compile(
    r"(?:nha\s+nuoc|ngan\s+sach|uy\s+ban|ubnd|vien\s+kiem\s+sat|vksnd|toa\s+an|cong\s+an|van\s+phong\s+dang\s+ky"
    r"|chap\s+hanh\s+vien|(?:chi\s+cuc|cuc|phong)\s+thi\s+hanh|thi\s+hanh\s+an\s+dan\s+su|dai\s+dien|den\s+khi)"
)


class _Found:
    """One party draft found in the text, with its role and the evidence offsets."""

    def __init__(self, d: P._Draft, role: str) -> None:
        self.d = d
        d.role = role


_NEXT_PERSON = re.compile(r"(?:\s+và\s+|\s*;\s*)(?=(?:ông|bà|anh|chị|cụ)\s+[A-ZĐÀ-Ỹ])")
_SHARED_ADDR = re.compile(r"(?:cung|deu)\s+(?:dia\s+chi|tru\s+tai|cu\s+tru|noi\s+cu\s+tru|thuong\s+tru)")


def _entries_at(text: str, asc: str, s: int, e: int, role: str, role_span: tuple[int, int]) -> list[P._Draft]:
    """The parties of one entry: "ông A, sinh năm 1978, số định danh ... và bà B, ...; cùng địa
    chỉ: ..." is cut before each further person, each piece read by the judgment entry reader, and
    a shared address given to those without one."""
    seg_start = s
    while seg_start < e and text[seg_start] in " \t:;-–":
        seg_start += 1
    if seg_start >= e:
        return []
    cuts = [seg_start, *[m.end() for m in _NEXT_PERSON.finditer(text, seg_start, e)], e]
    drafts: list[P._Draft] = []
    for a, b in zip(cuts, cuts[1:], strict=False):
        piece_end = b
        if b < e:  # the piece stops before the joining "và" / ";"
            m = list(_NEXT_PERSON.finditer(text, a, b + 1))
            piece_end = m[-1].start() if m else b
        got = P._entries(text, asc, a, piece_end, role, role_span, in_label=True)
        if len(got) == 1:
            _decision_fields(text, asc, a, piece_end, got[0])
        drafts.extend(got)
    shared = _SHARED_ADDR.search(asc, seg_start, e)
    if shared and len(drafts) > 1:
        tmp = P._Draft(role, "person", "", (shared.start(), shared.start()), role_span)
        P._fields(text, asc, shared.start(), e, tmp, shared=True)
        for d in drafts:
            if tmp.address is not None:
                d.address = tmp.address
    out = []
    for d in drafts:
        if _NOT_PARTY.match(fold(d.name)) or len(d.name) < 3:
            continue
        if d.address is not None:
            d.address = _clean_address(d.address)
        out.append(d)
    return out


# the current address beside the judgment's ("địa chỉ theo bản án: ...; địa chỉ hiện nay: ...")
_CURRENT_ADDR = re.compile(
    r"(?:dia\s+chi|noi\s+o|noi\s+cu\s+tru|cho\s+o)\s+hien\s+(?:nay|tai)(?:\s+tai)?\s*:?\s*"
    r"|hien\s+(?:nay\s+)?(?:dang\s+)?(?:cu\s+tru|tru|sinh\s+song|o)\s+tai\s*:?\s*"
)
_JUDGMENT_ADDR = re.compile(
    r"\s*(?:ghi\s+)?(?:theo|trong|tai)\s+(?:ban\s+an|quyet\s+dinh)(?:\s+neu\s+tren)?\s*:?\s*"
)
# a company's id: "mã số doanh nghiệp 0101234567" (GUIDELINES: id_number)
_COMPANY_ID = re.compile(r"ma\s+so\s+(?:doanh\s+nghiep|dn)\s*(?:so)?\s*:?\s*(?P<id>\d[\d .\-]{7,14}\d)")


def _decision_fields(text: str, asc: str, s: int, e: int, d: P._Draft) -> None:
    """What a decision's entry adds to the judgment entry reader: the current address wins over
    the judgment's, and a company's "mã số doanh nghiệp" is its id."""
    cur = _CURRENT_ADDR.search(asc, s, e)
    if cur:
        val = P._address_value(text, cur.end(), e)
        if val is not None:
            d.address = val
    elif d.address is not None:
        val, a, _b = d.address
        m = _JUDGMENT_ADDR.match(fold(val))
        if m and m.end() < len(val):
            d.address = (val[m.end() :], a + m.end(), a + len(val))
    if d.id_ is None and d.kind == "organization":
        le = text.find("\n", d.name_span[1], e)
        m = _COMPANY_ID.search(asc, s, le if le >= 0 else e)  # on the entry's own line
        if m:
            d.id_ = P._id_value(text, m.start("id"), m.end("id"))


def _clean_address(addr: tuple[str, int, int]) -> tuple[str, int, int] | None:
    """An address ends at an unopened ")" ; "nêu trên" (stated above) is no address."""
    val, s, _e = addr
    depth = 0
    for i, c in enumerate(val):
        depth += (c == "(") - (c == ")")
        if depth < 0:
            val = val[:i].rstrip(" ,;.")
            break
    if not val or fold(val).startswith(("neu tren", "nhu tren", "tren")):
        return None
    return val, s, s + len(val)


def _lines(text: str, s: int, e: int) -> list[tuple[int, int]]:
    out, pos = [], s
    for line in text[s:e].split("\n"):
        if line.strip():
            out.append((pos, pos + len(line)))
        pos += len(line) + 1
    return out


def _labelled(body: Body, asc: str, primary: set[int]) -> list[P._Draft]:
    """Parties under role labels in the operative part (and the bases, for "Xét đơn của ...")."""
    text = body.text
    s, e = body.operative
    lines = _lines(text, s, e)
    drafts: list[P._Draft] = []
    for li, (ls, le) in enumerate(lines):
        for rx, role in _LABELS:
            for m in rx.finditer(asc, ls, le):
                if m.start() > ls and asc[m.start() - 1].isalpha():
                    continue
                q = _QUAL.match(asc, m.end(), le)
                direct = None if q else _DIRECT.match(asc, m.end(), le)
                if q is None and direct is None:
                    continue
                qual = asc[m.end() : q.end()] if q else ""
                r = role
                if role == "owner":
                    r = "obligor" if _SCOPE_OBLIGOR.search(qual) else "related_party"
                c_start = q.end() if q else direct.end()
                role_span = (m.start(), m.end())
                found = _entries_at(text, asc, c_start, le, r, role_span)
                k = li
                # "Cho thi hành án đối với:" with the entry on the next line(s)
                while not found and k + 1 < len(lines) and not _NEXT_LABEL.match(asc, lines[k + 1][0]):
                    k += 1
                    found = _entries_at(text, asc, lines[k][0], lines[k][1], r, role_span)
                    if found:
                        break
                    if k - li >= 1:
                        break
                # address lines that follow ("Cùng trú tại: ...", "Địa chỉ: ...")
                j = k + 1
                while found and j < len(lines) and _ADDR_LINE.match(asc, lines[j][0]):
                    for d in found:
                        if d.address is None:
                            P._fields(text, asc, lines[j][0], lines[j][1], d, shared=True)
                    j += 1
                drafts.extend(found)
                if role == "obligor":
                    primary.update(id(d) for d in found)
                break
    return drafts


# a lower-case word that opens a clause, never part of an organisation's name
_CLAUSE_WORD = re.compile(r"\s+(?:để|theo|đã|được|nêu|làm|mà|thì|nếu)\b")
_CLAUSE_WORD_FOLDED = re.compile(r"\s+(?P<w>de|theo|duoc|neu|lam)\b")  # OCR's "đế thi hành án"


def _owners(body: Body, asc: str, known: list[P._Draft]) -> list[P._Draft]:
    """Owners of assets named after "mang tên", "thuộc sở hữu của" ...: related parties unless
    already parties; "(người có quyền lợi, nghĩa vụ liên quan)" after them says so explicitly."""
    text = body.text
    s, e = body.operative
    out: list[P._Draft] = []
    for m in _OWNER_CUE.finditer(asc, s, e):
        le = _line_end(text, m.end(), e)
        found = _entries_at(text, asc, m.end(), le, "related_party", (m.start(), m.end()))
        for d in found:
            d.conf = 0.7
            cut = None
            if d.kind == "organization":
                cut = _CLAUSE_WORD.search(d.name) or next(
                    (c for c in _CLAUSE_WORD_FOLDED.finditer(fold(d.name)) if d.name[c.start("w")].islower()),
                    None,
                )
            if cut:  # "thuộc sở hữu của Công ty X để thi hành án": the name stops before the clause
                d.name = d.name[: cut.start()]
                d.name_span = (d.name_span[0], d.name_span[0] + len(d.name))
            d.address = (
                None if not re.match(r"\s*[,;(]\s*(?:nguoi|cung)", asc[d.name_span[1] : le]) else d.address
            )
            # a birth year or id on a later line is the next entry's ("... để thi hành án.\nNgười được ...")
            if d.id_ and "\n" in text[d.name_span[1] : d.id_[1]]:
                d.id_ = None
            if d.birth and "\n" in text[d.name_span[1] : d.birth[1]]:
                d.birth = None
            out.append(d)
    return out


def _line_end(text: str, pos: int, end: int) -> int:
    """End of the line from `pos`; a line break within the next 40 characters is a wrap (OCR, or
    a narrow column), not the end of the entry."""
    le = text.find("\n", pos, end)
    if 0 <= le < pos + 40:
        k = le
        while k < end and text[k] in " \n\t\f":  # a page break may leave an empty line
            k += 1
        nxt = text.find("\n", k, end)
        le = end if nxt < 0 else nxt
    return end if le < 0 else le


def _payees(body: Body, asc: str) -> list[P._Draft]:
    """Payees of the items ("phải trả cho Ngân hàng Q số tiền ..."): obligees."""
    text = body.text
    s, e = body.operative
    out: list[P._Draft] = []
    for m in _PAYEE_CUE.finditer(asc, s, e):
        if _NOT_PARTY.match(asc, m.end()):
            continue
        seg = text[m.end() : m.end() + 200]
        if not re.match(r"(?:ông|bà|anh|chị|cụ|Ông|Bà|Anh|Chị)\s+[A-ZĐÀ-Ỹ]|" + P._ORG_START.pattern, seg):
            continue
        le = _line_end(text, m.end(), e)
        found = _entries_at(text, asc, m.end(), le, "obligee", (m.start(), m.end()))
        for d in found:
            d.conf = 0.7
            d.address = None
            d.birth = None
            d.id_ = None
            # the name stops before the amount: "Ngân hàng Q số tiền 698.051.500đ"
            # (on folded text, the word in lower case: OCR's "chỉ phí" is still "chi phí")
            cut = next((c for c in _PAID_NOUN.finditer(fold(d.name)) if d.name[c.start("w")].islower()), None)
            if cut:
                d.name = d.name[: cut.start()]
                d.name_span = (d.name_span[0], d.name_span[0] + len(d.name))
        out.extend(found)
    return out


# what is paid, after the payee's name (lower case: "Ngân hàng Tiền Phong" keeps its name)
_PAID_NOUN = re.compile(
    r"\s+(?P<w>so\s+tien|tong\s+so|tien|so|gia\s+tri|khoan|cac\s+khoan|chi\s+phi|an\s+phi|le\s+phi|phi|lai"
    r"|toan\s+bo)\b"
)


_PAYER_CUE = re.compile(
    r"\s+(?:phải|có\s+nghĩa\s+vụ|có\s+trách\s+nhiệm)\s+(?:liên\s+đới\s+)?(?:tiếp\s+tục\s+)?"
    r"(?:trả|thanh\s+toán|hoàn\s+trả|bồi\s+thường|nộp|giao|cấp\s+dưỡng|chịu)\b",
    re.I,
)


def _payers(body: Body, asc: str) -> list[P._Draft]:
    """Payers of the items named before "phải trả ..." (an entrusted or coerced item may name the
    obligor only there): obligors."""
    text = body.text
    s, e = body.operative
    out: list[P._Draft] = []
    for m in _PAYER_CUE.finditer(text, s, e):
        ls = text.rfind("\n", s, m.start())
        ls = ls + 1 if ls >= s else s
        starts = [ls, *[ls + k + 1 for k, ch in enumerate(text[ls : m.start()]) if ch == ":"]]
        for seg_s in starts:
            seg = text[seg_s : m.start()]
            if re.match(
                r"\s*(?:[-–+•]\s*)?(?:ông|bà|anh|chị|cụ|Ông|Bà|Anh|Chị|Cụ)\s+[A-ZĐÀ-Ỹ]|\s*"
                + P._ORG_START.pattern,
                seg,
            ):
                found = _entries_at(text, asc, seg_s, m.start(), "obligor", (m.start(), m.end()))
                for d in found:
                    d.conf = 0.7
                out.extend(found)
                break
    return out


def _key(name: str) -> str:
    """Merge key: without honorific, case and tone marks (OCR misreads a tone in one mention)."""
    return re.sub(r"\s+", " ", fold_aligned(_HON_RE.sub("", name)).lower()).strip(" .,;")


def extract_parties(body: Body, ev: EvidenceBuilder, *, ocr: bool = True) -> tuple[list[Party], list[str]]:
    """The parties, and the ids of the obligors the decision is issued against (labelled as such,
    not the owners of secured assets who answer only within the security)."""
    text = body.text
    asc = fold_aligned(text)
    primary: set[int] = set()
    labelled = _labelled(body, asc, primary)
    merged: dict[str, P._Draft] = {}
    order: list[str] = []

    def add(d: P._Draft, *, override: bool) -> None:
        k = _key(d.name)
        if not k:
            return
        if k in merged:
            old = merged[k]
            if override and old.role != d.role and old.role == "related_party":
                old.role = d.role
            for attr in ("birth", "id_", "address"):
                if getattr(old, attr) is None and getattr(d, attr) is not None:
                    setattr(old, attr, getattr(d, attr))
            for r in d.reps:
                if all(r[0] != x[0] for x in old.reps):
                    old.reps.append(r)
            return
        merged[k] = d
        order.append(k)

    for d in labelled:
        add(d, override=True)
    for d in _payers(body, asc):
        add(d, override=False)
        if not any(x.role == "obligor" and id(x) in primary for x in merged.values()):
            primary.add(id(merged[_key(d.name)]))
    for d in _owners(body, asc, labelled):
        add(d, override=False)
    for d in _payees(body, asc):
        add(d, override=False)
    drafts = [merged[k] for k in order]
    # order of first appearance from the bases on (ids follow the text)
    fz = fold_aligned(text).lower()
    start = body.bases[0]

    def first(d: P._Draft) -> int:
        pos = fz.find(_key(d.name), start)
        return pos if pos >= 0 else d.name_span[0]

    drafts.sort(key=first)
    if not drafts:
        return [], []
    parties = P._finish(drafts, text, ev, ocr=ocr)
    ids = [p.id for p, d in zip(parties, drafts, strict=True) if id(d) in primary and p.role == "obligor"]
    return parties, ids
