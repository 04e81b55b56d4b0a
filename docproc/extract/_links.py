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
    MUC_RE,
    MUC_THIS_RE,
    NEG_START_RE,
    SEC_CUT_RE,
    SEC_HOLD_RE,
    SEC_OBJ_LEAD_RE,
    SEC_REQ_RE,
    SEC_TO_RE,
    SEC_USED_RE,
)
from docproc.extract._reader_base import Draft, ReaderBase, Statement
from docproc.text.dates import find_dates

_I = re.I

__all__ = ["LinkRules"]


SECURED_KIND_WORDS = (
    (re.compile(r"\b(?:tiền\s+phạt|phạt\s+tiền|hình\s+phạt\s+tiền)\b", re.I), "fine"),
    (re.compile(r"\b(?:truy\s+thu|tịch\s+thu|sung\s+(?:công|quỹ|ngân\s+sách))\b", re.I), "confiscation"),
    (
        re.compile(
            r"\b(?:bồi\s+thường|trả\s+nợ|khoản\s+nợ|số\s+nợ|hoàn\s+trả|trách\s+nhiệm\s+dân\s+sự)\b", re.I
        ),
        "pay_money",
    ),
)
_POINT_RE = re.compile(r"\bđiểm\s+([a-zđ])\b(?!\s+(?:khoản|Điều|mục)\b)(?!\s+\d)", re.I)


def point_refs(text: str, item: str) -> list[str]:
    """ "nêu tại điểm a" inside item 2: the lettered point "2.a" of the same item (a law's "điểm a
    khoản 1 Điều 468" is a citation, not a reference)."""
    top = item.split(".")[0]
    return [f"{top}.{m.group(1).lower()}" if top else m.group(1).lower() for m in _POINT_RE.finditer(text)]


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
        st.items = MUC_RE.findall(t)
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
            tail_text = self.text[tail : c.end]
            st.items = MUC_RE.findall(tail_text) + point_refs(tail_text, c.item)
            m_of = re.search(r"\bcủa\s+", tail_text, _I)
            m_to = re.search(r"\bcho\s+", tail_text, _I)
            if m_of:
                end_of = tail + (m_to.start() if m_to and m_to.start() > m_of.end() else len(tail_text))
                st.obligors = [p for p, _ in self.pids_in(tail + m_of.end(), end_of)]
            if m_to:
                st.obligees = [p for p, _ in self.pids_in(tail + m_to.end(), c.end)]
            st.assets = self._assets_from(a, b, "security", c.item, default_kind="other" if hold else None)
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

    def _security_request(self, i: int, c: Clause, t: str, m: re.Match[str]) -> bool:
        if NEG_START_RE.match(t):
            return False
        st = Statement("security", (c.start, c.end), c.item, pos=c.start)
        pre_end = c.start + m.start()
        pre = self.text[c.start : pre_end]
        st.items = MUC_RE.findall(pre) + point_refs(pre, c.item)
        thi = max(pre.rfind(" thì "), pre.rfind(","))
        split = c.start + thi if thi >= 0 else c.start
        st.obligees = [p for p, _ in self.pids_in(split, pre_end)]
        st.obligors = [p for p, _ in self.pids_in(c.start, split) if p not in st.obligees]
        obj_start = c.start + m.end()
        lead = SEC_OBJ_LEAD_RE.match(self.text, obj_start, c.end)
        if lead:
            obj_start = lead.end()
        cut = SEC_CUT_RE.search(self.text, obj_start, c.end)
        obj_end = cut.start() if cut else c.end
        region = self.text[obj_start:obj_end].strip(" ,.:;")
        found: list[int] = []
        if region:
            found = self._assets_from(obj_start, obj_end, "security", c.item)
        if not found and t.rstrip().endswith(":") or (not region and not found):
            found += self._asset_list(i, c, "security")
        st.assets = found
        self.statements.append(st)
        return True

    def _apply_statements(self) -> None:
        money = [d for d in self.obs if d.kind == "pay_money"]
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
                        mine = [d for d in targets if owners & set(d.obligors)] or targets
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
        if st.items:
            hit = [d for d in pool if any(in_item(d.item, r) for r in st.items)]
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
