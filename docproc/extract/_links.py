"""Statements that apply to orders made elsewhere: the late-interest clause (Art. 357/468 Civil
Code, contract interest continuing after judgment), instalment lines, and the security clause (the
creditor may have the collateral sold; assets held to secure enforcement)."""

from __future__ import annotations

import re

from docproc.extract import _confidence as C
from docproc.extract import assets as A
from docproc.extract._clauses import Clause, in_item
from docproc.extract._patterns import (
    INSTAL_RE,
    LI_CONTRACT_RE,
    LI_KEYS_RE,
    LI_STAT_RE,
    MUC_THIS_RE,
    NEG_START_RE,
    SEC_CUT_RE,
    SEC_HOLD_RE,
    SEC_OBJ_LEAD_RE,
    SEC_PASSIVE_RE,
    SEC_REQ_RE,
    SEC_TO_RE,
    SEC_USED_RE,
)
from docproc.extract._reader_base import Draft, ReaderBase, Statement
from docproc.extract._tolerant import compile_tolerant as _tc
from docproc.text.dates import find_dates

_I = re.I

__all__ = ["LinkRules"]


SECURED_KIND_WORDS = (
    (re.compile(r"\b(?:tiền\s+phạt|phạt\s+tiền|hình\s+phạt\s+tiền|(?:nộp|khoản)\s+phạt)\b", re.I), "fine"),
    (
        re.compile(
            r"\b(?:truy\s+thu|truy\s+nộp|tịch\s+thu|sung\s+(?:công|quỹ|ngân\s+sách)|thu\s+lợi\s+bất\s+chính)\b",
            re.I,
        ),
        "confiscation",
    ),
    (
        re.compile(
            r"\b(?:bồi\s+thường|trả\s+nợ|khoản\s+nợ|số\s+nợ|hoàn\s+trả|trách\s+nhiệm\s+dân\s+sự)\b", re.I
        ),
        "pay_money",
    ),
    (re.compile(r"\bán\s+phí\b", re.I), "court_fee"),
)
# "... giao trả xe cho A sau khi nhận đủ số tiền trên", "Sau khi A trả xong nợ, B phải trả lại ...": the asset
# is handed back once the debt is paid, so the holder keeps it as security for that debt (GUIDELINES).
_AFTER_PAID_RE = re.compile(
    r"\bsau\s+khi\b[^.;]{0,120}?\b(?:nhận|trả|thanh\s+toán|nộp|hoàn\s+trả|được\s+trả)\b[^.;]{0,40}?"
    r"\b(?:đủ|xong|hết|toàn\s+bộ)\b",
    re.I,
)
# The hand-back is the return of a pledge, not restitution after a void or cancelled transaction, when the
# clause says the holder keeps the asset as security, or the operative part annuls no transaction.
_PLEDGE_WORDS_RE = re.compile(r"\b(?:cầm\s+giữ|cầm\s+cố|thế\s+chấp|bảo\s+đảm|đảm\s+bảo|đang\s+giữ)\b", re.I)
_ANNUL_RE = re.compile(r"\bvô\s+hiệu\b|\b(?:hủy|huỷ)\s+bỏ\b|\b(?:hủy|huỷ)\s+hợp\s+đồng\b", re.I)
_LIST_LEAD_RE = re.compile(
    r"\s*(?:các\s+|những\s+)?(?:tài\s+sản|vật\s+chứng|đồ\s+vật)(?:\s+(?:sau\s+đây|sau|như\s+sau|gồm|là))?"
    r"(?:\s+(?:của|thu\s+giữ\s+của)\s+[^,:;]*)?\s*:?\s*$",
    re.I,
)
# Where the next asset of a request starts after a purpose ("... để thu hồi nợ mục 1.1; và xe ô tô ...").
_NEXT_ASSET_RE = re.compile(r"\s*;\s*(?:và\s+)?|\s+và\s+|,\s+(?:còn\s+)?", re.I)
# a credit contract's number; OCR may read its first digit as a letter ("U231/2022/HĐTD")
_CREDIT_NO_RE = _tc(
    r"\bHợp\s+đồng\s+(?:tín\s+dụng|cho\s+vay|vay)[^;,]{0,40}?\bsố\s*:?\s*"
    r"(?P<v>(?:[0-9]|[A-Za-z](?=\d{2}))[\w./\-]*\w)",
    re.I,
)
_LIST_AFTER_RE = re.compile(r",?\s*\b(?:bao\s+gồm|gồm|là)\b\s*:?\s*", re.I)
_PURPOSE_END_RE = re.compile(
    r"\s*;|,?\s+sau\s+khi\b|[,;]?\s+(?:và\s+)?(?:thì\s+)?(?:giao\s+trả|trả\s+lại|hoàn\s+trả)\b", re.I
)
_PAID_IN_RE = re.compile(r"\s*(?:đã\s+)?(?:tự\s+nguyện\s+)?(?:giao\s+)?(?:nộp|gửi)\b", re.I)
_HAND_BACK_RE = re.compile(
    r"[,;]?\s+(?:và\s+)?(?:phải|có\s+(?:trách\s+nhiệm|nghĩa\s+vụ))\s+(?:giao\s+trả|trả\s+lại|hoàn\s+trả)\b",
    re.I,
)
# A list joins references: "các điểm a, b, c", "điểm a và điểm b", "các mục 1.1, 1.2 và 1.3". The list is
# atomic so that a citation ("điểm a, b khoản 1 Điều 51") cannot shrink to its first letter to pass.
_JOIN = r"(?:\s*[,;]\s*(?:và\s+)?|\s+và\s+)"
_POINT_RE = _tc(
    rf"\bđiểm\s+(?>(?P<l>[a-zđ](?!\w)(?:{_JOIN}(?:điểm\s+)?[a-zđ](?!\w))*))"
    r"(?!\s+(?:khoản|Điều|mục)\b)(?!\s+\d)",
    re.I,
)
_LETTER_RE = re.compile(r"(?<!\w)[a-zđ](?!\w)", re.I)
_NUM = r"\d{1,2}(?:\.\d{1,2}){0,3}(?![\d.]\d)"
_MUC_LIST_RE = _tc(rf"\bmục\s+(?P<l>{_NUM}(?:{_JOIN}(?:mục\s+)?{_NUM})*)", re.I)
_ITEM_NO_RE = re.compile(_NUM)
# the condition a security request is made on: "Trường hợp / Nếu A không trả (hoặc trả không đủ) ..."
_CONDITION_START_RE = _tc(r"\s*(?:[-–+]\s*)?(?:Trường\s+hợp|Nếu)\b", re.I)
_NOT_PAID_RE = _tc(r"\b(?:không|chưa)\s+(?:trả|thanh\s+toán|thi\s+hành)|\btrả\s+không\s+đủ\b", re.I)


def point_refs(text: str, item: str) -> list[str]:
    """ "nêu tại điểm a" inside item 2: the lettered point "2.a" of the same item (a law's "điểm a
    khoản 1 Điều 468" is a citation, not a reference); "các điểm a, b, c" names three."""
    top = item.split(".")[0]
    letters = [x.group().lower() for m in _POINT_RE.finditer(text) for x in _LETTER_RE.finditer(m.group("l"))]
    return [f"{top}.{x}" if top else x for x in letters]


# "khoản nợ nêu tại điểm b mục 2": the lettered point of another numbered item
_POINT_OF_ITEM_RE = _tc(rf"\bđiểm\s+(?P<l>[a-zđ])\s+(?:của\s+)?mục\s+(?P<n>{_NUM})", re.I)


# An item number OCR read with a look-alike for a digit ("mục I." for "mục 1.", "mục 2.l")
_LOOSE_NUM_RE = _tc(r"\bmục\s+(?P<v>[\dIÌÍìíl|]{1,2}(?:[.,][\dIÌÍìíl|O]{1,2}){0,3})(?![^\W\d_])")
_TO_DIGIT = str.maketrans("IÌÍìíl|O,", "11111110.")


# A sub-item number whose dot OCR read as a comma or whose "1" it read as "l" ("mục 2,1", "mục 2.l"):
# the comma has no space after it (a list of items is written "mục 1, 2"), the "l" stands alone.
_MUC_SPAN_RE = _tc(r"\bmục\s+\d(?:[\d.,;lI|]|\s+(?:và\s+)?(?:mục\s+)?(?=\d))*", re.I)
_SUB_SLIP_RE = re.compile(r"(?<=\d),(?=\d)|(?<=\d\.)[lI|](?![^\W\d_])")


def mend_item_numbers(text: str) -> str:
    """`text` with the sub-item numbers after "mục" read as written ("mục 2,1" → "mục 2.1"); same
    length, so offsets hold."""

    def fix(m: re.Match[str]) -> str:
        return _SUB_SLIP_RE.sub(lambda x: "." if x.group() == "," else "1", m.group())

    return _MUC_SPAN_RE.sub(fix, text)


def muc_numbers(text: str) -> list[str]:
    """The item numbers a "mục ..." list names, sub-item numbers OCR damaged read as written."""
    text = mend_item_numbers(text)
    return [x.group() for m in _MUC_LIST_RE.finditer(text) for x in _ITEM_NO_RE.finditer(m.group("l"))]


def item_refs(text: str, item: str) -> list[str]:
    """Every item a clause refers to: numbered items ("mục 1.1 và 1.2"), lettered points, and the point
    of a numbered item ("điểm b mục 2" → "2.b", in place of the whole item 2). In an operative part
    numbered in digits, a number read with look-alikes ("mục I") is a fallback, marked "~1": used only
    when the references as read name no order."""
    raw, text = text, mend_item_numbers(text)
    pinned = {
        m.group("n"): f"{m.group('n')}.{m.group('l').lower()}" for m in _POINT_OF_ITEM_RE.finditer(text)
    }
    nums = muc_numbers(text)
    refs = [pinned.get(n, n) for n in nums] + point_refs(text, item)
    if item.split(".")[0].isdigit():
        for m in _LOOSE_NUM_RE.finditer(raw):
            v = m.group("v").translate(_TO_DIGIT)
            if v != m.group("v") and re.fullmatch(_NUM, v):
                refs.append("~" + v)
    return refs


def _fold_contract(number: str) -> str:
    return re.sub(r"[\s.\-–]", "", number).upper()


def _near(a: str, b: str, most: int) -> bool:
    """Whether a and b are at most `most` substitutions, insertions or deletions apart."""
    if abs(len(a) - len(b)) > most:
        return False
    row = list(range(len(b) + 1))
    for i, x in enumerate(a, 1):
        prev, row[0] = row[0], i
        for j, y in enumerate(b, 1):
            prev, row[j] = row[j], min(row[j] + 1, row[j - 1] + 1, prev + (x != y))
    return row[-1] <= most


def _names_contract(text: str, number: str) -> bool:
    """Whether `text` names the credit contract `number`, as written or as OCR damaged it: the same year
    and at most two characters of the rest misread ("U231/2022/HĐIC-KIBH" for "0231/2022/HĐTC-KTBH")."""
    if number in text:
        return True
    key = _fold_contract(number)
    year = re.search(r"/(\d{4})/", key)
    for m in _CREDIT_NO_RE.finditer(text):
        other = _fold_contract(m.group("v"))
        if year and f"/{year.group(1)}/" in other and _near(key, other, 2):
            return True
    return False


class LinkRules(ReaderBase):
    def _late_interest(self, c: Clause, t: str) -> bool:
        if re.match(r"\s*(?:[-–+]\s*)?Buộc\b", t, _I):
            return False
        if LI_CONTRACT_RE.search(t):
            kind = "li_contract"
        elif LI_STAT_RE.search(t) and LI_KEYS_RE.search(t):
            kind = "li_statute"
        else:
            return False
        st = Statement(kind, (c.start, c.end), c.item, pos=c.start)
        st.items = muc_numbers(t)
        st.this_item = bool(MUC_THIS_RE.search(t))
        st.amounts = [a.value for a in self.amounts_in(c.start, c.end)]
        m = re.search(r"\bnếu\b", t, _I)
        a = c.start + m.end() if m else c.start
        li = LI_CONTRACT_RE.search(t) or LI_STAT_RE.search(t)
        b = c.start + li.start() if li else c.end
        pids = []
        for pid, (_ms, me) in self.pids_in(a, b):
            if re.match(r"\s*(?:,\s*\S+\s+\S+\s*)*có\s+đơn", self.text[me : me + 40], _I):
                continue  # "Kể từ ngày bà X có đơn yêu cầu": the creditor, not the debtor
            pids.append(pid)
        st.obligors = pids
        self.statements.append(st)
        return True

    def _instalment(self, c: Clause, t: str) -> bool:
        if not INSTAL_RE.match(t):
            return False
        ams = self.amounts_in(c.start, c.end)
        target = next(
            (d for d in reversed(self.obs) if d.kind == "pay_money" and "period" not in d.extra), None
        )
        if ams and target is not None:
            dates = find_dates(t)
            inst = {"amount_vnd": ams[0].value}
            if dates:
                inst["due_date"] = dates[-1].value.isoformat()
            target.extra.setdefault("instalments", []).append(inst)
        return True

    def _security(self, i: int, c: Clause, t: str) -> bool:
        if re.match(r"\s*(?:[-–+]\s*)?(?:Trả\s+lại|Giao\s+trả)\b", t, _I):
            return False  # an exhibit returned but held meanwhile: read as a return (obligations)
        m = SEC_REQ_RE.search(t)
        if m:
            return self._security_request(i, c, t, m)
        pm = SEC_PASSIVE_RE.search(t)
        if pm:
            return self._security_passive(c, pm)
        used = SEC_USED_RE.search(t)
        hold = SEC_HOLD_RE.search(t)
        if used or (hold and SEC_TO_RE.search(t, hold.end())):
            if used:
                a, b = c.start, c.start + used.start()
                tail = c.start + used.end()
            else:
                to = SEC_TO_RE.search(t, hold.end())
                a, b = c.start + hold.end(), c.start + to.start()
                tail = c.start + to.end()
            if NEG_START_RE.match(t) and not hold:
                return False
            st = Statement("security", (c.start, c.end), c.item, pos=c.start)
            back = _HAND_BACK_RE.search(self.text, tail, c.end)
            stop = _PURPOSE_END_RE.search(
                self.text, tail, c.end
            )  # "...; sau khi ... thì trả lại xe cho bị cáo"
            tail_end = min(x.start() for x in (back, stop) if x) if back or stop else c.end
            tail_text = self.text[tail:tail_end]
            st.items = item_refs(tail_text, c.item)
            m_of = re.search(r"\b(?:của|đối\s+với)\s+", tail_text, _I)
            m_to = re.search(r"\bcho\s+", tail_text, _I)
            if m_of:
                end_of = tail + (m_to.start() if m_to and m_to.start() > m_of.end() else len(tail_text))
                st.obligors = [p for p, _ in self.pids_in(tail + m_of.end(), end_of)]
            if m_to:
                st.obligees = [p for p, _ in self.pids_in(tail + m_to.end(), tail_end)]
            if hold and not used and not self.text[a:b].strip(" ,.;:"):
                # "Bị cáo A đã nộp số tiền X ..., được tiếp tục tạm giữ để đảm bảo thi hành án": the object
                # comes before the hold
                a, b = c.start, c.start + hold.start()
                sum_at = re.search(r"\b(?:toàn\s+bộ\s+)?số\s+tiền\b", self.text[a:b], _I)
                a += sum_at.start() if sum_at else 0
                lead_in = re.search(r"[,;]?\s*(?:(?:và\s+)?được\s+)?(?:tiếp\s+tục\s+)?$", self.text[a:b], _I)
                b = a + lead_in.start() if lead_in else b
            if _LIST_LEAD_RE.match(self.text[a:b]) and t.rstrip().endswith(":"):
                # "Tiếp tục tạm giữ các tài sản sau của bị cáo A để đảm bảo thi hành án:" then one per line
                st.assets = self._asset_list(i, c, "security", default_kind="other")
                whose = [x for x in self.pids_in(a, b)]
                for k in st.assets:
                    ad = self.assets[k]
                    if whose and not ad.owners:
                        ad.owners, ad.owner_spans, ad.owner_conf = [whose[0][0]], dict(whose[:1]), C.LIKELY
            else:
                st.assets = self._assets_from(
                    a, b, "security", c.item, default_kind="other" if hold else None
                )
            self._payer_owns(st.assets, c.start, c.end)
            if back and st.assets:
                self._hand_back(c, back, st)
            for k in st.assets:  # "... tiếp tục được dùng để bảo đảm ... theo Hợp đồng thế chấp số X"
                f = A.read_asset(self.text[tail : c.end], default_kind="other")
                ad = self.assets[k]
                if f and f.security_contract and not ad.f.security_contract:
                    ad.f.security_contract = f.security_contract
                    s0, e0 = f.spans["security_contract"]
                    ad.f.spans["security_contract_abs"] = (tail + s0, tail + e0)
            self.statements.append(st)
            return True
        return False

    def _payer_owns(self, found: list[int], a: int, b: int) -> None:
        """Money held to secure enforcement belongs to whoever paid it in or deposited it ("số tiền X do bị cáo A
        (đã) nộp", "bị cáo A đã nộp số tiền X", "số tiền X bà A gửi tại Ngân hàng"), when no owner is named."""
        for k in found:
            ad = self.assets[k]
            if ad.owners or not re.match(r"\s*(?:toàn\s+bộ\s+)?số\s+tiền\b", ad.f.description, _I):
                continue
            for pid, sp in self.pids_in(a, b):
                if _PAID_IN_RE.match(self.text, sp[1]):
                    ad.owners, ad.owner_spans, ad.owner_conf = [pid], {pid: sp}, C.LIKELY
                    break

    def _hand_back(self, c: Clause, back: re.Match[str], st: Statement) -> None:
        """ "B được tiếp tục giữ xe ... để bảo đảm ... và phải giao trả xe cho A sau khi nhận đủ tiền": the
        holder (the subject before the hold) hands the assets back to whom "cho" names."""
        holders = self.pids_in(c.start, c.start + self._hold_at(c))
        cho = re.search(r"\bcho\s+", self.text[back.end() : c.end], _I)
        to = self._group_after(back.end() + cho.end(), c.end)[0] if cho else []
        if not holders or not to:
            return
        d = Draft("deliver_asset", (c.start, c.end), c.item, obligors=[holders[0][0]])
        d.obligees = [p for p, _ in to if p != holders[0][0]]
        d.party_spans = dict([holders[0]] + to)
        d.extra["assets_delivered"] = list(st.assets)
        d.conf = C.PARTIAL
        if not d.obligees:
            return
        self.obs.append(d)
        for k in st.assets:  # handed back to its owner
            ad = self.assets[k]
            if not ad.owners:
                ad.owners, ad.owner_conf = list(d.obligees), C.INFERRED
                ad.owner_spans = {p: d.party_spans[p] for p in d.obligees if p in d.party_spans}

    def _hold_at(self, c: Clause) -> int:
        t = self.text[c.start : c.end]
        m = SEC_HOLD_RE.search(t) or SEC_USED_RE.search(t)
        return m.start() if m else 0

    def _security_passive(self, c: Clause, pm: re.Match[str]) -> bool:
        """ "Trường hợp A không trả nợ thì tài sản thế chấp là X sẽ bị xử lý để thu hồi nợ cho B": X secures
        A's debt to B."""
        a, b = c.start + pm.start("obj"), c.start + pm.end("obj")
        lead = re.match(r"\s*(?:(?:là|gồm)\b\s*:?\s*)?", self.text[a:b], _I)
        a += lead.end() if lead else 0
        st = Statement("security", (c.start, c.end), c.item, pos=c.start)
        before = self.text[c.start : c.start + pm.start()]
        st.items = item_refs(before, c.item)
        st.obligors = [p for p, _ in self.pids_in(c.start, c.start + pm.start())]
        cho = re.search(r"\bcho\s+", self.text[c.start + pm.end() : c.end], _I)
        if cho:
            st.obligees = [p for p, _ in self.pids_in(c.start + pm.end() + cho.end(), c.end)]
        st.assets = self._assets_from(a, b, "security", c.item)
        if not st.assets:
            return False
        self.statements.append(st)
        return True

    def _security_request(self, i: int, c: Clause, t: str, m: re.Match[str]) -> bool:
        if NEG_START_RE.match(t):
            return False
        st = Statement("security", (c.start, c.end), c.item, pos=c.start)
        pre_end = c.start + m.start()
        pre_start = self._condition_before(i, c, pre_end)
        pre = self.text[pre_start:pre_end]
        st.items = item_refs(pre, c.item)
        thi = max(pre.rfind(" thì "), pre.rfind(","))
        split = pre_start + thi if thi >= 0 else pre_start
        st.obligees = [p for p, _ in self.pids_in(split, pre_end)]
        st.obligors = [p for p, _ in self.pids_in(pre_start, split) if p not in st.obligees]
        obj_start = c.start + m.end()
        lead = SEC_OBJ_LEAD_RE.match(self.text, obj_start, c.end)
        if lead:
            obj_start = lead.end()
        lead_ctx: tuple[int, int] | None = None
        g = next(
            (
                x
                for x in _LIST_AFTER_RE.finditer(self.text, obj_start, c.end)
                if A.asset_kind(self.text[x.end() : c.end])
            ),
            None,
        )
        if g and A.asset_kind(self.text[obj_start : g.start()]) is None:
            # "xử lý tài sản thế chấp theo Hợp đồng thế chấp số X, gồm: ...", "tài sản bảo đảm của bên thứ ba
            # là bà A gồm ...": the assets follow; what comes before says whose and under which contract
            lead_ctx, obj_start = (obj_start, g.start()), g.end()
        cut = SEC_CUT_RE.search(self.text, obj_start, c.end)
        if cut and self._per_asset_purposes(c, st, obj_start, cut):
            return True
        obj_end = cut.start() if cut else c.end
        region = self.text[obj_start:obj_end].strip(" ,.:;")
        found: list[int] = []
        if region and lead_ctx:
            whose = [x for x in self.pids_in(*lead_ctx) if x[0] not in st.obligees]
            found = self._assets_from(obj_start, obj_end, "security", c.item, default_owners=whose)
            ctx = A.read_asset(self.text[lead_ctx[0] : lead_ctx[1]], default_kind="other")
            for k in found:
                ad = self.assets[k]
                if ctx and ctx.security_contract and not ad.f.security_contract:
                    ad.f.security_contract = ctx.security_contract
                    s0, e0 = ctx.spans["security_contract"]
                    ad.f.spans["security_contract_abs"] = (lead_ctx[0] + s0, lead_ctx[0] + e0)
        elif region:
            found = self._assets_from(obj_start, obj_end, "security", c.item)
        if not found and t.rstrip().endswith(":") or (not region and not found):
            found += self._asset_list(i, c, "security")
        st.assets = found
        self.statements.append(st)
        return True

    def _condition_before(self, i: int, c: Clause, pre_end: int) -> int:
        """Where the condition of a security request starts: its own clause, or the sentence before it on
        the same line when a full stop OCR put in it cut the condition ("Trường hợp A không trả khoản nợ
        nêu tại mục 2." / "Trường hợp ông A, b." for "bà B") off "C có quyền yêu cầu ... phát mại ..."."""
        if c.marker or i == 0 or _CONDITION_START_RE.match(self.text, c.start):
            return c.start
        prev = self.clauses[i - 1]
        t = self.text[prev.start : prev.end]
        if (
            prev.line == c.line
            and len(t) <= 240
            and _CONDITION_START_RE.match(t)
            and not SEC_REQ_RE.search(t)
            and (_NOT_PAID_RE.search(t) or _NOT_PAID_RE.search(self.text, c.start, pre_end))
        ):
            return prev.start
        return c.start

    def _held_until_paid(self, money: list[Draft]) -> None:
        """An asset the creditor must hand back after being paid secures the debt owed to the holder
        by the asset's receiver; the hand-back stays a deliver_asset."""
        annulled = _ANNUL_RE.search(self.text, self.s, self.e) is not None
        for g in self.obs:
            if g.kind != "deliver_asset" or not g.extra.get("assets_delivered"):
                continue
            if not _AFTER_PAID_RE.search(self.text, g.span[0], g.span[1]):
                continue
            if not _PLEDGE_WORDS_RE.search(self.text, g.span[0], g.span[1]) and annulled:
                continue  # mutual restitution after the transaction is void: no security
            holders, owners = set(g.obligors), set(g.obligees)
            debts = [d for d in money if set(d.obligors) & owners and set(d.obligees) & holders]
            for d in debts:
                for k in g.extra["assets_delivered"]:
                    if k not in d.secured_by:
                        d.secured_by.append(k)
                        d.sec_spans[k] = (g.span, C.LIKELY)

    def _per_asset_purposes(self, c: Clause, st: Statement, obj_start: int, cut: re.Match[str]) -> bool:
        """ "xử lý A ... để thu hồi khoản nợ tại mục 1.1 và B ... để thu hồi khoản nợ tại mục 1.2": each asset
        with the debt its own purpose names (GUIDELINES: several contracts without a total, one obligation
        per contract with its own assets). False when the sentence has one purpose for all its assets."""
        segs: list[tuple[int, int, int]] = []  # (asset start, purpose start, purpose end)
        start = obj_start
        while cut is not None:
            nxt = None
            for b in _NEXT_ASSET_RE.finditer(self.text, cut.end(), c.end):
                if A.asset_kind(self.text[b.end() : c.end]):
                    nxt = b
                    break
            segs.append((start, cut.start(), nxt.start() if nxt else c.end))
            if nxt is None:
                break
            start = nxt.end()
            cut = SEC_CUT_RE.search(self.text, start, c.end)
        if len(segs) < 2 or cut is None:
            return False
        for a, p, q in segs:
            part = Statement("security", (c.start, c.end), c.item, pos=c.start)
            purpose = self.text[p:q]
            part.items = item_refs(purpose, c.item)
            part.contracts = [m.group("v") for m in _CREDIT_NO_RE.finditer(purpose)]
            if not (part.items or part.contracts):
                part.items = list(st.items)
            part.obligors, part.obligees = list(st.obligors), list(st.obligees)
            part.assets = self._assets_from(a, p, "security", c.item)
            self.statements.append(part)
        return True

    def _apply_statements(self) -> None:
        money = [d for d in self.obs if d.kind == "pay_money"]
        self._held_until_paid(money)
        for st in self.statements:
            targets = self._targets(st, money)
            if st.kind.startswith("li"):
                for d in targets:
                    if not d.late_interest:
                        d.late_interest, d.li_span = True, st.span
            else:
                named = bool(st.items or st.obligors or st.obligees)
                conf = C.EXPLICIT if named else C.DEFAULTED
                for k in st.assets:
                    mine = targets
                    if not named:
                        # "Tiếp tục kê biên ... của bị cáo A để bảo đảm thi hành án": an asset held for
                        # no named order secures its owner's orders (a third party's: all of them)
                        owners = set(self.assets[k].owners)
                        mine = [d for d in targets if owners & set(d.obligors)]
                        if not mine and not self._kinds_named(st):
                            # an owner who owes no compensation: the held asset secures the owner's fine or
                            # confiscated sum (GUIDELINES: fines and confiscations included)
                            mine = [
                                d
                                for d in self.obs
                                if d.kind in ("fine", "confiscation")
                                and d.amount_vnd is not None
                                and owners & set(d.obligors)
                            ]
                        mine = mine or targets
                    for d in mine:
                        if k not in d.secured_by:
                            d.secured_by.append(k)
                            d.sec_spans[k] = (st.span, conf)

    def _kinds_named(self, st: Statement) -> set[str]:
        """The kinds of order a security statement says it secures, by their words after "bảo đảm"."""
        text = self.text[st.span[0] : st.span[1]]
        to = SEC_TO_RE.search(text)
        tail = text[to.end() :] if to else ""
        kinds = {kind for rx, kind in SECURED_KIND_WORDS if rx.search(tail)}
        return kinds if kinds - {"pay_money"} else set()

    def _targets(self, st: Statement, money: list[Draft]) -> list[Draft]:
        if st.kind == "li_contract":
            pool = [d for d in money if d.span[0] < st.pos or in_item(d.item, st.item.split(".")[0])]
        elif st.kind == "security" and (kinds := self._kinds_named(st)):
            # "... để bảo đảm thi hành án phần bồi thường và tiền phạt": exactly the kinds the text
            # names, fines and confiscated sums included (GUIDELINES)
            pool = [d for d in self.obs if d.kind in kinds and d.amount_vnd is not None]
        else:
            pool = money
        exact = [r for r in st.items if not r.startswith("~")]
        loose = [r[1:] for r in st.items if r.startswith("~")]
        if st.items:
            hit = [d for d in pool if any(in_item(d.item, r) for r in exact)]
            # "điểm a mục 2" where item 2 is one total whose points are its contracts: the total
            parents = [r.rpartition(".")[0] for r in exact if re.search(r"\d\.[a-zđ]$", r)]
            hit = hit or [d for d in pool if any(in_item(d.item, r) for r in parents)]
            hit = hit or [d for d in pool if any(in_item(d.item, r) for r in loose)]
            if hit:
                return hit
        if st.contracts:
            hit = [
                d
                for d in pool
                if any(_names_contract(self.text[d.span[0] : d.span[1]], k) for k in st.contracts)
            ]
            if hit:
                return hit
        if st.this_item:
            hit = [d for d in pool if d.item == st.item or in_item(d.item, st.item)]
            if hit:
                return hit
        if st.amounts and st.kind != "security":
            hit = [d for d in pool if d.amount_vnd in st.amounts]
            if hit:
                return hit
        hit = pool
        if st.obligors:
            hit = [d for d in hit if set(d.obligors) & set(st.obligors)]
        if st.obligees:
            hit = [d for d in hit if set(d.obligees) & set(st.obligees)]
        if st.kind == "security":
            hit = [d for d in hit if d.span[0] < st.pos] or hit
            if not (st.obligors or st.obligees):
                top = st.item.split(".")[0]
                hit = [d for d in hit if in_item(d.item, top)] or hit
        if st.kind == "li_contract" and not hit:
            hit = [d for d in pool if d.span[0] < st.pos]
        if not hit and not (st.obligors or st.obligees):
            return pool
        return hit
