"""What a decision rests on and what it decides about: decision type (subject line, Điều 1), the
law and decree its "Căn cứ" lines cite, the court judgment and the earlier enforcement decision it
acts on, the request date, the executor, the voluntary period and, for entrust decisions, the
agency entrusted.

Patterns run on the folded text (lower case, no diacritics, same offsets as the text), so a scan
that lost tone marks reads the same; values are cut from the original text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from docproc.extract.enforcement.header import Span, agency_case, fix_symbol, title_start
from docproc.extract.enforcement.tables import fold, tables
from docproc.extract.header import parse_symbol
from docproc.text import find_dates

__all__ = [
    "Body",
    "Ref",
    "split_body",
    "decision_type",
    "legal_basis",
    "court_refs",
    "choose_judgment",
    "decision_refs",
    "choose_prior",
    "request_date",
    "deadline_days",
    "executor",
    "receiving_agency",
]

_OPERATIVE = re.compile(r"^[ \t]*q\s*u\s*y\s*e\s*t\s+d\s*i\s*n\s*h[ \t]*[:;.][ \t]*$", re.M)
_ARTICLE = re.compile(r"^[ \t]*d\s*i\s*e\s*u\s+(\d)\s*[.:]", re.M)
_CLOSING = re.compile(r"^[ \t]*n[oơ]i\s+nh[aậ]n\s*:", re.M)
# the line naming who decides ("CHI CỤC TRƯỞNG CHI CỤC ...", "CHẤP HÀNH VIÊN ..."): not the subject
_AUTHORITY = re.compile(
    r"\s*(?:(?:pho\s+)?(?:tong\s+cuc\s+truong|chi\s+cuc\s+truong|cuc\s+truong|thu\s+truong|truong)|chap\s+hanh\s+vien)\b"
)


@dataclass(frozen=True)
class Body:
    """Offsets of the parts of a decision: title, subject line, bases, operative part (Điều 1-3)."""

    text: str
    folded: str
    title: int
    subject: tuple[int, int]
    bases: tuple[int, int]
    operative: tuple[int, int]
    articles: dict[int, tuple[int, int]] = field(default_factory=dict)


def split_body(text: str) -> Body:
    fz = fold(text)
    t0 = title_start(text)
    t_end = fz.find("\n", t0) + 1 if t0 else 0
    op = _OPERATIVE.search(fz, t_end)
    closing = _CLOSING.search(fz, op.end() if op else t_end)
    c_start = closing.start() if closing else len(text)
    bases_start = next((m.start() for m in re.finditer(r"^[ \t]*can\s+cu\b", fz[:c_start], re.M)), None)
    if bases_start is None or (op and bases_start > op.start()):
        bases_start = t_end
    # the subject: the lines between the title and the authority line / first "Căn cứ"
    sub_end = bases_start
    lines = [(m.start(), m.end()) for m in re.finditer(r"[^\n]+", text[:sub_end])]
    subj = [(s, e) for s, e in lines if s >= t_end and text[s:e].strip()]
    # drop the authority line(s) in capitals ("CHI CỤC TRƯỞNG CHI CỤC ...")
    keep: list[tuple[int, int]] = []
    for s, e in subj:
        letters = [c for c in text[s:e] if c.isalpha()]
        upper = bool(letters) and sum(c.isupper() for c in letters) / len(letters) > 0.8
        if upper and (keep or _AUTHORITY.match(fz, s)):
            break
        keep.append((s, e))
    subject = (keep[0][0], keep[-1][1]) if keep else (t_end, t_end)
    op_start = op.end() if op else bases_start
    operative = (op_start, c_start)
    arts: dict[int, tuple[int, int]] = {}
    marks = [m for m in _ARTICLE.finditer(fz, op_start, c_start)]
    for i, m in enumerate(marks):
        n = int(m.group(1))
        if n not in arts:
            arts[n] = (m.start(), marks[i + 1].start() if i + 1 < len(marks) else c_start)
    return Body(text, fz, t0, subject, (bases_start, op.start() if op else bases_start), operative, arts)


# ---------------------------------------------------------------------------------------------
# Decision type
# ---------------------------------------------------------------------------------------------


def decision_type(body: Body) -> Span:
    """The type the subject line (else the opening of Điều 1) states."""
    zones = [(body.subject, 0.9)]
    a1 = body.articles.get(1)
    if a1:
        s = a1[0]
        stop = re.search(r"[:;]|\bdoi\s+voi\b", body.folded[s : a1[1]])
        zones.append(((s, s + (stop.start() if stop else min(200, a1[1] - s))), 0.75))
    for (s, e), conf in zones:
        seg = re.sub(r"\s+", " ", body.folded[s:e])
        for rule in tables().decision_types:
            m = rule.regex().search(seg)
            if m:
                return Span(rule.value, s, e, conf)
        if any(p in seg for p in tables().execute_phrases) or re.search(r"\bthi\s+hanh\s+an\b", seg):
            requested = any(
                p in re.sub(r"\s+", " ", body.folded[body.bases[0] : body.bases[1]])
                for p in tables().request_phrases
            )
            return Span("execute_on_request" if requested else "execute_ex_officio", s, e, conf - 0.15)
    return Span("other", body.subject[0], body.subject[1], 0.3)


# ---------------------------------------------------------------------------------------------
# Legal basis
# ---------------------------------------------------------------------------------------------


def legal_basis(body: Body) -> tuple[Span | None, Span | None]:
    """(law, decree): the Law on Civil Judgment Enforcement and the guiding decree cited."""
    s, e = body.bases
    zone = body.folded[s:e]
    out: list[Span | None] = []
    for rules in (tables().laws, tables().decrees):
        best: Span | None = None
        for rule in rules:
            m = rule.regex().search(zone)
            if m and (best is None or s + m.start() < best.start):
                best = Span(rule.value, s + m.start(), s + m.end(), 0.95)
        out.append(best)
    law, decree = out
    if law is None:
        # "Luật Thi hành án dân sự" cited without number or year: not identifiable
        pass
    return law, decree


# ---------------------------------------------------------------------------------------------
# References to court judgments and to enforcement decisions
# ---------------------------------------------------------------------------------------------

_REF = re.compile(
    r"(?P<doc>ban\s+an|quyet\s+dinh)\b(?P<mid>[^;\n]{0,160}?)\bso\s*:?\s*"
    r"(?P<num>\d{1,6}\s*/\s*[0-9a-z][0-9a-z/\-.]*[0-9a-z])"
)
_DATE_AFTER = re.compile(r"\s*,?\s*(?:ngay|ngay\s*:)\s*")
_ISSUER = re.compile(r"\s*,?\s*cua\s+")
_COURT_STOP = re.compile(
    r";|\n|\s+va\s+(?=ban\s+an|quyet\s+dinh)|\s*\(|\.\s|\.$|,(?!\s*(?:tinh|thanh\s+pho|tp|quan|huyen|thi\s+xa)\b)"
    r"|\s+(?:ve|nay|neu\s+tren|da\s+co|co\s+hieu|doi\s+voi|thi(?!\s+(?:xa|tran|hanh))|cho|theo)\b"
    # what the court did, after its name: "... cấp cao tại Hà Nội hủy bản án nêu trên"
    r"|\s+(?:huy|sua)\s+(?:ban\s+an|quyet\s+dinh|toan\s+bo|mot\s+phan|phan)\b"
    r"|\s+(?:giu\s+nguyen|xet\s+xu|da\s+xu|tuyen\s+(?:bo|xu|an)|chap\s+nhan|khong\s+chap\s+nhan)\b"
)


@dataclass(frozen=True)
class Ref:
    kind: str  # "court" or "enforcement"
    number: str
    date: str | None
    issuer: str | None
    start: int
    end: int
    num_span: tuple[int, int]
    date_span: tuple[int, int] | None
    issuer_span: tuple[int, int] | None
    in_bases: bool


def _refs(body: Body) -> list[Ref]:
    text, fz = body.text, body.folded
    out: list[Ref] = []
    end = body.operative[1]
    for m in _REF.finditer(fz, body.bases[0], end):
        num = fix_symbol(re.sub(r"\s+", "", text[m.start("num") : m.end("num")]).rstrip(".,"))
        pos = m.end("num")
        date, dspan = None, None
        dm = _DATE_AFTER.match(fz, pos)
        if dm:
            ds = find_dates(text[dm.start() : dm.start() + 40])
            if ds and ds[0].start <= dm.end() - dm.start() + 1:
                d = ds[0]
                date, dspan = d.value.isoformat(), (dm.start() + d.start, dm.start() + d.end)
                pos = dspan[1]
        issuer, ispan = None, None
        im = _ISSUER.match(fz, pos)
        if im:
            stop = _COURT_STOP.search(fz, im.end(), min(len(fz), im.end() + 200))
            ie = stop.start() if stop else min(len(fz), im.end() + 200)
            raw = text[im.end() : ie].strip(" ,.")
            if raw:
                issuer, ispan = re.sub(r"\s+", " ", raw), (im.end(), im.end() + len(raw))
        sym = fold(num)
        mid = m.group("mid")
        enforcement = (
            "tha" in sym.split("/")[-1]
            or "thi hanh an" in mid
            or (
                issuer is not None
                and re.search(r"thi\s+hanh\s+an|chap\s+hanh\s+vien|thads", fold(issuer)) is not None
            )
        )
        if not enforcement and issuer is not None and not re.match(r"toa|tand|hoi\s+dong", fold(issuer)):
            if m.group("doc").startswith("quyet") and not re.search(r"/\d{4}/", num):
                continue  # a decision of another body (a people's committee): not a court judgment
        kind = "enforcement" if enforcement else "court"
        out.append(
            Ref(
                kind,
                num,
                date,
                issuer,
                m.start(),
                pos,
                (m.start("num"), m.end("num")),
                dspan,
                ispan,
                m.start() < body.bases[1],
            )
        )
    return out


def court_refs(body: Body) -> list[Ref]:
    return [r for r in _refs(body) if r.kind == "court"]


def decision_refs(body: Body) -> list[Ref]:
    return [r for r in _refs(body) if r.kind == "enforcement"]


_RANK = {"GDT": 3, "TT": 3, "PT": 2, "ST": 1}


def choose_judgment(refs: list[Ref]) -> tuple[Ref | None, list[Ref]]:
    """The judgment that decides the matter (cassation/reopening over appeal over first instance),
    and the others, each reference once (the first time it is cited)."""
    uniq: list[Ref] = []
    for r in refs:
        if all(fold(r.number) != fold(u.number) for u in uniq):
            uniq.append(r)
    if not uniq:
        return None, []

    def rank(r: Ref) -> int:
        _code, inst = parse_symbol(r.number)
        return _RANK.get(inst or "", 1)

    best = max(uniq, key=lambda r: (rank(r), r.in_bases, -r.start))
    # a date or court missing at the chosen citation: take them from another citation of it
    return best, [r for r in uniq if r is not best]


def complete(ref: Ref, refs: list[Ref]) -> Ref:
    """Fill a missing date or issuer from another citation of the same number."""
    for r in refs:
        if fold(r.number) != fold(ref.number) or r is ref:
            continue
        if ref.date is None and r.date is not None:
            ref = Ref(**{**ref.__dict__, "date": r.date, "date_span": r.date_span})
        if ref.issuer is None and r.issuer is not None:
            ref = Ref(**{**ref.__dict__, "issuer": r.issuer, "issuer_span": r.issuer_span})
    return ref


def choose_prior(body: Body, refs: list[Ref]) -> Ref | None:
    """The enforcement decision acted on: the one Điều 1 names, else the first one cited."""
    if not refs:
        return None
    a1 = body.articles.get(1)
    if a1:
        named = [r for r in refs if a1[0] <= r.start < a1[1]]
        if named:
            return complete(named[0], refs)
    return complete(refs[0], refs)


def issuer_agency(issuer: str) -> str | None:
    """ "Chi cục trưởng Chi cục Thi hành án dân sự quận X" → "Chi cục Thi hành án dân sự quận X"."""
    f = fold(issuer)
    heads = list(
        re.finditer(
            r"(?:(?:tong\s+cuc|cuc\s+quan\s+ly|chi\s+cuc|cuc|phong)\s+)?(?:thi\s+hanh\s+an\s+dan\s+su|thads)",
            f,
        )
    )
    if not heads:
        return None
    return agency_case(issuer[heads[0].start() :])


# ---------------------------------------------------------------------------------------------
# Request date, voluntary period, executor, receiving agency
# ---------------------------------------------------------------------------------------------


def request_date(body: Body) -> Span | None:
    """The date of the enforcement request the bases cite ("Xét đơn yêu cầu thi hành án ngày ...")."""
    s, e = body.bases
    for m in re.finditer(r"[^\n;]+", body.folded[s:e]):
        line = re.sub(r"\s+", " ", m.group(0))
        if not any(p in line for p in tables().request_phrases):
            continue
        ls = s + m.start()
        k = re.search(r"yeu\s+cau\s+thi\s+hanh\s+an", body.folded[ls : s + m.end()])
        from_ = ls + (k.start() if k else 0)
        ds = [d for d in find_dates(body.text[from_ : s + m.end()]) if not d.lunar]
        if ds:
            d = ds[0]
            return Span(d.value.isoformat(), from_ + d.start, from_ + d.end, 0.9)
    return None


# the period in digits ("10 (mười) ngày") or in words only ("mười ngày", "mười lăm ngày"), folded
_DAY_WORDS = {"muoi": 10, "muoi lam": 15, "nam": 5, "ba": 3, "bay": 7, "hai muoi": 20, "ba muoi": 30}
_DEADLINE = re.compile(
    r"thoi\s+han\s+(?:tu\s+nguyen\s+thi\s+hanh\s+an\s+)?(?:la\s+)?"
    r"(\d{1,3}|(?:hai\s+|ba\s+)?muoi(?:\s+lam)?|nam|ba|bay)\s*(?:\([^)]{0,20}\)\s*)?ngay\b(?!\s+lam\s+viec)"
)


def _days(token: str) -> int:
    return int(token) if token.isdigit() else _DAY_WORDS[" ".join(token.split())]


def deadline_days(body: Body) -> Span | None:
    s, e = body.operative
    for m in _DEADLINE.finditer(body.folded, s, e):
        sent_s = max(body.folded.rfind(".", s, m.start()), body.folded.rfind("\n", s, m.start()), s)
        sent_e = min(
            [x for x in (body.folded.find(".", m.end(), e), body.folded.find("\n", m.end(), e)) if x >= 0]
            or [e]
        )
        if "tu nguyen" in re.sub(r"\s+", " ", body.folded[sent_s:sent_e]):
            return Span(_days(m.group(1)), m.start(1), m.end(1), 0.95)
    return None


_NOT_NAME_START = re.compile(r"(?:phong|thi|cuc|chi|tong|thads|toa|uy|ban|so|va|cac|nguoi|cua)\b")


def executor(body: Body) -> Span | None:
    """The Chấp hành viên named in the body (Điều 3, "Phân công ...", "Theo đề nghị của ...")."""
    from docproc.extract.parties import _person_name

    s, e = body.bases[0], body.operative[1]
    for m in re.finditer(r"chap\s+hanh\s+vien\s+", body.folded[s:e]):
        ns = s + m.end()
        if _NOT_NAME_START.match(body.folded, ns):
            continue
        nm = _person_name(body.text, ns, min(e, ns + 60))
        if nm is None:
            continue
        name = nm[0].strip()
        if name.isupper() or len(name.split()) < 2:
            continue
        return Span(name, nm[1], nm[2], 0.85)
    return None


_TAIL_STOP = re.compile(
    r"[;.(\n]|,(?!\s*(?:tinh|thanh\s+pho|tp)\b)|\s(?:thi\s+hanh|to\s+chuc|xu\s+ly|de\s|tiep\s+tuc|giai\s+quyet"
    r"|noi\s+co|co\s+trach|ke\s+tu|theo\s|doi\s+voi|va\s|cac\s|khoan\s|so\s+tien|tai\s+san)"
)


def receiving_agency(body: Body) -> Span | None:
    """Entrust decisions: the agency entrusted ("Ủy thác cho Chi cục Thi hành án dân sự huyện X ...")."""
    s, e = body.subject[0], body.operative[1]
    fz = body.folded
    for m in re.finditer(r"uy\s+thac", fz[s:e]):
        zone_s = s + m.end()
        for c in re.finditer(r"\b(?:cho|den|toi)\s+", fz[zone_s : min(e, zone_s + 400)]):
            hs = zone_s + c.end()
            h = re.match(
                r"(?:(?:chi\s+cuc|cuc|phong|co\s+quan)\s+)?(?:thi\s+hanh\s+an\s+dan\s+su|thads)", fz[hs:]
            )
            if not h:
                continue
            stop = _TAIL_STOP.search(fz, hs + h.end(), min(len(fz), hs + h.end() + 120))
            ae = stop.start() if stop else hs + h.end() + 120
            raw = body.text[hs:ae].strip(" ,")
            return Span(agency_case(raw), hs, hs + len(raw), 0.85)
    return None
