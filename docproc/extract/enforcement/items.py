"""Obligations and assets of an enforcement decision, read by the judgment reader
(`docproc.extract.obligations.Reader`) over Điều 1, then completed the way a decision implies:

- an item without a payer ("Trả cho Ngân hàng ...", "Nộp 300.000 đồng án phí ...") is owed by the
  decision's obligor(s), those named by "Cho thi hành án đối với" / "Người phải thi hành án";
- an item without a payee is owed to the State budget when it is a fee, fine or confiscation, else
  to the decision's obligee(s);
- a "Tổng cộng" / "Tổng số tiền còn phải nộp" line is a sum, not an item;
- `enforcement`: the decision's own type for execute decisions (even where that is wrong: the
  audit records the error), otherwise by kind as for judgments.
"""

from __future__ import annotations

import dataclasses
import re

from docproc.extract import assets as A
from docproc.extract._clauses import Clause, segment_clauses
from docproc.extract._patterns import CONFISCATE_RE, FEE_GAP_RE, FEE_WORD_RE
from docproc.extract._reader_base import STATE, Draft, Statement
from docproc.extract.enforcement.basis import Body
from docproc.extract.enforcement.tables import fold
from docproc.extract.evidence import EvidenceBuilder
from docproc.extract.obligations import Reader
from docproc.extract.parties import PartyResolver
from docproc.schema import Asset, Obligation, Party
from docproc.text.numbers import AmountMatch

__all__ = ["extract_items", "item_span"]

_STATE_KINDS = ("court_fee", "fine", "confiscation")
_TOTAL = re.compile(
    r"\s*(?:[-–+•]\s*)?(?:tong\s+cong|tong\s+so\s+tien\s+(?:con\s+)?phai|tong\s+so\s+tien\s+ca\s+hai)"
)
_LATER_ARTICLES = re.compile(r"\s*dieu\s+[2-9]\b")


_I = re.I
# a verb opening an item of the list: "- Trả cho ...", "1. Nộp ...", "Khoản phải thi hành: Trả ..."
_ITEM_HEAD = re.compile(r"\s*(?:[-–+•]\s*|\d{1,2}[.)]\s*|[a-zđ]\)\s*)?(?:[^:;.]{0,60}:\s*)?")
# the lead of Điều 1 of a decision that acts on items: "Đình chỉ thi hành án đối với khoản: ..."
_LEAD = re.compile(
    r"\s*(?:[-–]\s*)?(?:Hoãn|Tạm\s+đình\s+chỉ|Đình\s+chỉ|Tiếp\s+tục|Ủy\s+thác|Uỷ\s+thác|Thu\s+hồi|Sửa\s+đổi|"
    r"Bổ\s+sung|Hủy|Huỷ|Chưa\s+có\s+điều\s+kiện|Xác\s+định|Cho\s+thi\s+hành|Để\s+(?:bảo\s+đảm|đảm\s+bảo)|"
    r"Biện\s+pháp\s+cưỡng\s+chế|"
    r"Nghĩa\s+vụ|Khoản|Các\s+khoản)[^:]{0,300}?:\s*(?=\S)",
    _I,
)
# "số tiền 1.250.000.000." with its unit lost: a sum of a million or more still
_BARE_SUM = re.compile(
    r"\bsố\s+tiền\s+(?:là\s+)?(?P<n>[1-9]\d{0,2}(?:\.\d{3}){2,})(?=\s*[.,;)]|\s*$)", re.I | re.M
)
# a table row as text: a new line opening with the row number, then a capitalised cell
_TABLE_ROW = re.compile(r"\n(?=[ \t]*\d{1,2}[ \t]+\S)[ \t]*\d{1,2}[ \t]+")
# the item a coercion measure serves, stated in the measure's own sentence
_PURPOSE = re.compile(  # on folded text: OCR's "đế đảm bảo" still reads
    r"[,;]?\s*(?P<lead>de\s+(?:bao\s+dam|dam\s+bao)\s+(?:viec\s+)?thi\s+hanh\s+(?:an\s+)?(?:doi\s+voi\s+)?"
    r"(?:khoan|nghia\s+vu|cac\s+khoan)[^:]{0,80}:)"
)
# the lead of Điều 1 on folded text, for a lead whose marks OCR misread ("Sửa đối", "Đinh chỉ")
_LEAD_FOLDED = re.compile(
    r"\s*(?:[-–]\s*)?(?:hoan|tam\s+dinh\s+chi|dinh\s+chi|tiep\s+tuc|uy\s+thac|thu\s+hoi|sua\s+doi|bo\s+sung"
    r"|chua\s+co\s+dieu\s+kien|xac\s+dinh|cho\s+thi\s+hanh|de\s+(?:bao\s+dam|dam\s+bao)|bien\s+phap\s+cuong\s+che"
    r"|nghia\s+vu|khoan|cac\s+khoan)\b[^:]{0,300}?:\s*(?=\S)"
)
# decision phrasing of security: "... thì (kê biên,) xử lý các tài sản bảo đảm (sau đây): ..."
_SEC_THEN = re.compile(
    r"\bthì\s+(?P<act>(?:(?:kê\s+biên|xử\s+lý|phát\s+mại|phát\s+mãi|bán\s+đấu\s+giá)(?:\s*,\s*|\s+và\s+|\s+)?)+)",
    _I,
)
# coercion: the assets seized or debited ("Cưỡng chế kê biên ...", "Khấu trừ ... trong tài khoản")
_SEIZE = re.compile(
    r"\s*(?:[-–]\s*)?(?:Cưỡng\s+chế\s+)?(?:kê\s+biên|khấu\s+trừ|thu\s+giữ|tạm\s+giữ|phong\s+tỏa|phong\s+toả"
    r"|trừ\s+vào\s+thu\s+nhập|xử\s+lý)\b(?:\s+(?:tài\s+sản|số\s+tiền))?(?:\s+(?:của|là))?"
    r"|\s*(?:[-–]\s*)?Tài\s+sản\s+(?:kê\s+biên|bị\s+kê\s+biên|khấu\s+trừ|thu\s+giữ|tạm\s+giữ)\s*:",
    _I,
)
_ASSETS_FOLLOW = re.compile(
    r"(?:xử\s+lý|kê\s+biên|phát\s+mại|bán\s+đấu\s+giá|thu\s+giữ|tạm\s+giữ)[^:.;]{0,40}\btài\s+sản[^:.;]{0,40}:\s*$"
    r"|\btài\s+sản\s+(?:bảo\s+đảm\s+|thế\s+chấp\s+|kê\s+biên\s+)?(?:sau\s+đây|như\s+sau|gồm)\s*:\s*$",
    _I,
)
_NOT_ASSET_LINE = re.compile(
    r"\s*(?:Điều\s+\d|Người\s|Để\s|Nghĩa\s+vụ|Các\s+khoản|Khoản|Thời\s+(?:gian|hạn)|Địa\s+điểm|Trường\s+hợp)",
    _I,
)
# a fee or fine stated as a label: "Án phí hình sự sơ thẩm: 200.000 đồng" (decision-forms.md, Form 2)
# ... or as a row of a table of items, cells apart: "1   Án phí hình sự sơ thẩm   200.000 đồng"
_ROW_MARK = r"\s*(?:[-–+•]\s*|\d{1,2}[.)]\s*|\d{1,2}\s+|[a-zđ]\)\s*)?"
_LABEL_END = r"(?::|\blà\b|\s+(?=\d))\s*"
_FEE_NOUN = re.compile(
    _ROW_MARK + r"(?:tiền\s+)?(?P<fee>án\s+phí|lệ\s+phí)\b[^:;\d]{0,100}?" + _LABEL_END,
    _I,
)
_FINE_NOUN = re.compile(
    _ROW_MARK + r"(?:tiền\s+phạt|phạt\s+tiền|hình\s+phạt\s+tiền)\b[^:;\d]{0,80}?" + _LABEL_END,
    _I,
)
_NOP_FINE = re.compile(r"\bnộp\s+(?:tiền\s+)?phạt\b|\bnộp\s+(?:số\s+)?tiền\s+(?:hình\s+)?phạt\b", _I)
_NOP = re.compile(r"(?P<joint>\bliên\s+đới\s+)?\bnộp\b(?!\s+(?:tiếp|lại|bằng|trực|tại|vào))", _I)


_SEC_LEAD = re.compile(
    r"\s*(?:các\s+)?tài\s+sản\s+(?:bảo\s+đảm|thế\s+chấp|cầm\s+cố)(?:\s+(?:theo\s+(?:bản\s+án|quyết\s+định)(?:\s+nêu\s+trên)?"
    r"|sau\s+đây|sau|như\s+sau|gồm|là))*\s*:\s*(?=\S)",
    _I,
)


@dataclasses.dataclass(frozen=True)
class _Cut:
    """Where the security phrase starts and its objects begin (a match's start() and end())."""

    s: int
    e: int

    def start(self) -> int:
        return self.s

    def end(self) -> int:
        return self.e


class DecisionReader(Reader):
    """The judgment reader with what a decision's item list adds: an item may open with its verb
    (its payer is the decision's obligor), a fee reads "Nộp N đồng án phí ...", security reads
    "thì xử lý các tài sản bảo đảm ...", and a coercion names the assets it seizes or debits."""

    default_obligors: list[str] = []
    default_obligees: list[str] = []
    between_parties = False  # a decision on request: no item is the State's

    def clause(self, i: int, c: Clause) -> None:
        t = self.text[c.start : c.end]
        rows = [m for m in _TABLE_ROW.finditer(t) if t[m.end()].isupper()]
        if rows:  # rows of a table of items, joined to the line above (no full stop between them)
            starts, ends = [0, *[m.end() for m in rows]], [*[m.start() for m in rows], len(t)]
            for a, b in zip(starts, ends, strict=True):  # each row without its number
                if t[a:b].strip():
                    self.clause(i, dataclasses.replace(c, start=c.start + a, end=c.start + b))
            return
        purpose = _PURPOSE.search(fold(t))
        if purpose and purpose.start() > 0:  # "Kê biên ..., để bảo đảm thi hành khoản: ...": two statements
            self.clause(i, dataclasses.replace(c, end=c.start + purpose.start()))
            self.clause(i, dataclasses.replace(c, start=c.start + purpose.start("lead")))
            return
        if _ASSETS_FOLLOW.search(t):  # "Ủy thác ... xử lý tài sản sau đây:" with the assets below
            found = self._listed_assets(i, c)
            if found:
                st = Statement("security", (c.start, c.end), c.item, pos=c.start)
                st.assets = found
                self.statements.append(st)
                return
        lead = _LEAD.match(t) or _LEAD_FOLDED.match(fold(t))
        if lead and lead.end() < len(t):
            c = dataclasses.replace(c, start=c.start + lead.end())
            t = t[lead.end() :]
        if self._seize(c, t):
            return
        if not self._security_then(i, c, t):
            super().clause(i, c)

    def _listed_assets(self, i: int, c: Clause) -> list[int]:
        """The assets on the lines after clause i, marked or not, while each line reads as an asset."""
        found: list[int] = []
        lines: dict[int, list[int]] = {}
        for j in range(i + 1, len(self.clauses)):
            lines.setdefault(self.clauses[j].line, []).append(j)
        for _line, js in sorted(lines.items()):
            a, b = self.clauses[js[0]].start, self.clauses[js[-1]].end
            t = self.text[a:b]
            if _NOT_ASSET_LINE.match(t):
                break
            f = A.read_asset(t)
            if f is None or not f.identified:
                break
            self.consumed.update(js)
            found += self._assets_from(a, b, "security", self.clauses[js[0]].item)
        return found

    def _qualifies(self, c: Clause, start: int, m: re.Match[str]) -> bool:
        if super()._qualifies(c, start, m):
            return True
        if m.group("neg"):
            return False
        return _ITEM_HEAD.fullmatch(self.text[c.start : start + m.start()]) is not None

    def _non_money(
        self,
        i: int,
        c: Clause,
        start: int,
        m: re.Match[str],
        verb: str,
        subj: list[tuple[str, tuple[int, int]]],
        ve: int,
        limit: int,
    ) -> int:
        """An item opening with its verb ("+ Giao trả cho bà X 01 xe mô tô ...") is the obligor's."""
        if (
            not subj
            and self.default_obligors
            and _ITEM_HEAD.fullmatch(self.text[c.start : start + m.start()])
        ):
            subj = [(p, (c.start, c.start)) for p in self.default_obligors]
        return super()._non_money(i, c, start, m, verb, subj, ve, limit)

    def _state_return(self, c: Clause, t: str) -> bool:
        """ "Trả cho X số tiền ..." opens an item the obligor owes, not an exhibit the State hands
        back; without a sum of money it is read as in a judgment, except in a decision on request,
        whose items the obligor owes the requester ("Giao trả cho bà X 01 xe mô tô ...")."""
        if self.between_parties:
            return False
        if re.match(r"\s*(?:[-–+]\s*)?(?:Trả|Hoàn\s+trả|Thanh\s+toán)\b", t, _I) and self.amounts_in(
            c.start, c.end
        ):
            return False
        return super()._state_return(c, t)

    def _seize(self, c: Clause, t: str) -> bool:
        m = _SEIZE.match(t)
        if not m:
            return False
        a = c.start + m.end()
        # an account to be debited is a deposit, even when OCR misread "tài khoản"
        ft = fold(t)
        kind = "deposit" if re.search(r"\btai\s+kho[a-z]n\b", ft) else None
        b = c.end
        if kind:  # the account, not the bank that holds it ("... mở tại Ngân hàng X (địa chỉ: ...)")
            bank = re.search(r"\s+(?:mo\s+)?tai\s+(?:ngan\s+hang|kho\s+bac|quy\s+tin\s+dung)", ft)
            b = c.start + bank.start() if bank else b
        found = self._assets_from(a, b, "security", c.item, default_kind=kind)
        if kind:  # the account holder, named in the clause ("tài khoản số ... của Công ty X")
            seg = fold(self.text[a:b])
            for k in found:
                ad = self.assets[k]
                if not ad.owners:
                    named = [p.id for p in self.parties if len(p.name) > 3 and fold(p.name) in seg]
                    ad.owners = named or list(self.default_obligors)
                    ad.owner_conf = 0.8 if named else 0.6
        if not found:
            return bool(re.search(r":\s*$", t))  # "... tài sản của người phải thi hành án:" (parties follow)
        st = Statement("security", (c.start, c.end), c.item, pos=c.start)
        st.assets = found
        self.statements.append(st)
        return True

    def _security_then(self, i: int, c: Clause, t: str) -> bool:
        m = _SEC_THEN.search(t)
        if not m or not re.search(r"tài\s+sản|quyền\s+sử\s+dụng|xe\b|căn\s+hộ|nhà\b", t[m.end() :], _I):
            return False
        lead = _SEC_LEAD.match(t, m.end())
        # the payer stands before "thì" (the reader splits the sentence there)
        return self._security_request(i, c, t, _Cut(m.start("act"), lead.end() if lead else m.end()))

    def _apply_statements(self) -> None:
        self.fill_defaults()  # statements pick their items by payer and payee: fill those first
        super()._apply_statements()

    def fill_defaults(self) -> None:
        for d in self.obs:
            if not d.obligors and self.default_obligors:
                d.obligors = list(self.default_obligors)
                d.party_conf = min(d.party_conf, 0.75)
            if not d.obligees:
                if d.kind in _STATE_KINDS:
                    d.obligees = [STATE]
                elif d.kind != "refund" and self.default_obligees:
                    d.obligees = list(self.default_obligees)
                    d.party_conf = min(d.party_conf, 0.75)
            # a party named as payer who is the payee too (a resolver slip) keeps only one role
            d.obligees = [p for p in d.obligees if p not in d.obligors] or d.obligees

    def _confiscation(self, i: int, c: Clause, t: str) -> bool:
        """A sum confiscated as a label and its amount ("Tịch thu sung ngân sách Nhà nước: 3.000.000
        đồng", a table row): the payer is the decision's obligor."""
        m = CONFISCATE_RE.match(t)
        if m:
            a = c.start + m.end()
            ams = self.amounts_in(a, c.end)
            if ams and not self.text[a : ams[0].start].strip(" :\t"):
                d = Draft("confiscation", (c.start, c.end), c.item, obligees=[STATE])
                self._set_amount(d, ams[0])
                self.obs.append(d)
                return True
        return super()._confiscation(i, c, t)

    def _fines(self, c: Clause, t: str) -> bool:
        """ "Nộp phạt 10.000.000 đồng", "nộp tiền phạt ...": a fine for the State budget."""
        if super()._fines(c, t):
            return True
        m = _FINE_NOUN.match(t) or _NOP_FINE.search(t)
        if not m:
            return False
        a = c.start + m.end()
        ams = [x for x in self.amounts_in(a, c.end) if x.start - a < 60]
        if not ams:
            return False
        d = Draft("fine", (c.start, c.end), c.item, obligees=[STATE])
        who = self._subject(c.start, c.start + m.start())
        d.obligors = [p for p, _ in who]
        d.party_spans = dict(who)
        self._set_amount(d, ams[0])
        self.obs.append(d)
        return True

    def _fees(self, c: Clause, start: int) -> bool:
        if super()._fees(c, start):
            return True
        noun = _FEE_NOUN.match(self.text, start, c.end)
        if noun:
            am = next(iter(self.amounts_in(noun.end(), c.end)), None)
            if am is not None and am.start - noun.end() < 5:
                for fam, comps, _ in self._fee_amounts(am, self._fee_end(am, c.end)):
                    d = Draft("court_fee", (c.start, c.end), c.item, obligees=[STATE])
                    self._set_amount(d, fam)
                    for key, cam in comps:
                        d.components[key] = cam.value
                        d.comp_spans[key] = (cam.start, cam.end)
                    adv = self._advance(fam, c.end)
                    if adv and d.amount_vnd:
                        d.extra["advance_credited"] = min(adv, d.amount_vnd)
                    self.obs.append(d)
                return True
        found = False
        last_end = start
        for m in _NOP.finditer(self.text, start, c.end):
            if m.start() < last_end:
                continue
            before = self.text[max(c.start, m.start() - 12) : m.start()]
            if re.search(r"(?:đã|còn|không|chưa|được)\s+(?:phải\s+)?$", before, _I):
                continue
            ce = m.end()
            am = next(
                (x for x in self.amounts_in(ce, c.end) if FEE_GAP_RE.fullmatch(self.text[ce : x.start])), None
            )
            if am is None:
                continue
            gap = self.text[ce : am.start]
            after = re.split(
                r"[;]|\.\s", self.text[self._after_amount(am) : min(c.end, self._after_amount(am) + 70)]
            )[0]
            if not (c.topic == "fee" or FEE_WORD_RE.search(gap) or FEE_WORD_RE.search(after)):
                continue
            subj = self._subject(start, m.start())
            end = self._fee_end(am, c.end)
            for fam, comps, _ in self._fee_amounts(am, end):
                d = Draft(
                    "court_fee", (c.start, c.end), c.item, obligors=[p for p, _ in subj], obligees=[STATE]
                )
                d.joint = bool(m.group("joint")) and len(subj) > 1
                d.party_spans = dict(subj)
                self._set_amount(d, fam)
                for key, cam in comps:
                    d.components[key] = cam.value
                    d.comp_spans[key] = (cam.start, cam.end)
                adv = self._advance(fam, c.end)
                if adv and d.amount_vnd:
                    d.extra["advance_credited"] = min(adv, d.amount_vnd)
                self.obs.append(d)
                found = True
            last_end = end
        return found


def item_span(body: Body) -> tuple[int, int]:
    """Điều 1 (where a decision states what it orders or acts on); the operative part without a
    numbered article."""
    a1 = body.articles.get(1)
    if a1:
        return a1
    return body.operative


def extract_items(
    body: Body,
    parties: list[Party],
    primary_obligors: list[str],
    decision_type: str,
    ev: EvidenceBuilder,
) -> tuple[list[Obligation], list[Asset]]:
    text = body.text
    start, end = item_span(body)
    if start >= end:
        return [], []
    # the heading "Điều 1." is no part of the first clause
    m = re.match(r"\s*đi[eề]u\s+1\s*[.:]\s*", text[start:end], re.I)
    if m:
        start += m.end()
    clauses = [c for c in segment_clauses(text, start, end) if not _TOTAL.match(fold(text[c.start : c.end]))]
    resolver = PartyResolver(parties, text)
    reader = DecisionReader(text, start, end, clauses, parties, resolver)
    reader.default_obligors = primary_obligors or [p.id for p in parties if p.role == "obligor"]
    reader.default_obligees = [p.id for p in parties if p.role == "obligee"]
    reader.between_parties = decision_type == "execute_on_request"
    have = {a.start for a in reader.amounts}
    for m in _BARE_SUM.finditer(text, start, end):  # OCR lost the "đ" glued to the digits
        if m.start("n") not in have:
            reader.amounts.append(AmountMatch(m.start("n"), m.end("n"), int(m.group("n").replace(".", ""))))
    reader.amounts.sort(key=lambda a: a.start)
    reader.run()
    obligations, assets = reader.build(ev)
    for ob in obligations:
        if decision_type == "execute_ex_officio":
            ob.enforcement = "ex_officio"
        elif decision_type == "execute_on_request":
            ob.enforcement = "on_request"
        else:
            state = STATE in ob.obligors or STATE in ob.obligees
            ob.enforcement = (
                "ex_officio"
                if state or ob.kind in ("court_fee", "fine", "confiscation", "refund")
                else "on_request"
            )
    return obligations, assets
