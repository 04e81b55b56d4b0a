"""The rules that read orders out of the clauses of the operative part.

`Reader` walks the clauses in order. Each clause is tried against, in turn: legal bases and the
closing clause (skipped); "Xác định ..." statements (assets described, not ordered: kept only to
complete later mentions); the late-interest clause and the security clause (kept as statements,
applied to the orders they name at the end); instalment lines; fines; refusals ("Không chấp
nhận", "Đình chỉ", ...); court fees and refunds of advances; confiscation and return of exhibits;
allocations of assets; and finally orders to pay, hand over or act ("Buộc A phải trả cho B ...",
"A có nghĩa vụ liên đới thanh toán cho B ...").
"""

from __future__ import annotations

import dataclasses
import re

from docproc.extract import _confidence as C
from docproc.extract._asset_rules import AssetRules
from docproc.extract._clauses import Clause, in_item
from docproc.extract._fee_rules import FeeRules
from docproc.extract._lexicon import CONTRIBUTION_VERBS
from docproc.extract._links import LinkRules
from docproc.extract._patterns import (
    ACT_VERBS,
    AGREED_RE,
    ARITH_RE,
    BUOC_RE,
    COMP_KEYS,
    COMP_START_RE,
    COMP_STOP_RE,
    CONDITION_RE,
    CONFISCATE_RE,
    CUT_RE,
    DEDUCT_RE,
    DUE_RE,
    EACH_RE,
    FEE_WORD_RE,
    FINE_RE,
    FROM_MONTH_RE,
    FROM_RE,
    FUND_AT_RE,
    GIVE_VERBS,
    GRANT_START_RE,
    HEAD_PREFIX_RE,
    INSTAL_RE,
    LATER_BUOC_RE,
    LATER_ORDER_RE,
    LI_CONTRACT_RE,
    LI_KEYS_RE,
    LI_STAT_RE,
    MONEY_VERBS,
    NEG_START_RE,
    ORDER_RE,
    PERIOD_AFTER_RE,
    PERIOD_BEFORE_RE,
    REMAIN_RE,
    RETURN_OBJ_FIRST_RE,
    RETURN_RE,
    SEC_HOLD_RE,
    SEC_REQ_RE,
    SHARE_CTX_RE,
    SIBLING_RE,
    STATE_FUND_RE,
    STOP_RE,
    SUBJECT_GAP_RE,
    TOTAL_RE,
    TRUY_RE,
    XAC_DINH_RE,
)
from docproc.extract._reader_base import STATE, Draft, Statement, label_key
from docproc.extract.evidence import EvidenceBuilder
from docproc.schema import Asset, Obligation
from docproc.text import AmountMatch, parse_amount
from docproc.text.dates import find_dates

_I = re.I

__all__ = ["Reader"]


_PAY_AFTER_ALLOC_RE = re.compile(
    r"\b(?:có\s+(?:nghĩa\s+vụ|trách\s+nhiệm)|phải)\s+(?:thanh\s+toán|trả|hoàn\s+trả|bồi\s+hoàn)\b", re.I
)


# "tiền lương còn nợ X đồng; tiền trợ cấp thôi việc Y đồng": labelled parts listed with semicolons
_PART_AFTER_SEMI_RE = re.compile(r"\s*;\s*(?:tiền|khoản|nợ|lãi)\b", re.I)

# "thanh toán cho: bà B X đồng; cháu C Y đồng": the next payee of a list, its amount right after the name
_LISTED_PAYEE_RE = re.compile(r"(?:\s*chẵn)?\s*;\s*(?:và\s+)?(?:cho\s+)?", re.I)

# arrears of support after the monthly order: "còn phải trả cho bà B tiền cấp dưỡng nuôi con còn thiếu"
_ARREARS_RE = re.compile(r"\bcòn\s+phải\s+(?:trả|thanh\s+toán)\s+cho\b[^.;]{0,80}?\bcấp\s+dưỡng", re.I)

_SUPPORT_SIBLING_RE = re.compile(r"(?:\s*chẵn)?\s*[,;]?\s*và\s+cấp\s+dưỡng\s+nuôi\s+(?:cháu|con)\b", re.I)

# ... or the person a fund has already paid ("hoàn trả cho Bảo hiểm xã hội X chi phí ... đã chi trả cho ông A")
_RATE_AFTER_RE = re.compile(
    r"\s*(?:đồng|VNĐ|VND|đ)?\s*/\s*(?:USD|EUR|JPY|CNY|GBP|AUD|SGD|KRW|lượng|chỉ|kg|tấn)\b", re.I
)

_LUMP_SUPPORT_RE = re.compile(r"\bcấp\s+dưỡng\b[^.;]{0,40}?\bmột\s+lần\b", re.I)

_TOTAL_LINE_RE = re.compile(r"\s*(?:[-–+]\s*)?Tổng\s+(?:cộng|số\s+tiền|số)\b", re.I)

_OWNER_BEFORE_RE = re.compile(
    r"\b(?:của|đã\s+(?:chi\s+trả|chi|trả|thanh\s+toán)\s+cho)\s+(?:(?:nguyên|bị)\s+đơn\s+|người\s+lao\s+động\s+)?"
    r"(?:(?:ông|bà|anh|chị|cháu|cụ)\s+)?$",
    re.I,
)


class Reader(AssetRules, FeeRules, LinkRules):
    """Reads the clauses of one operative part into obligation and asset drafts."""

    def run(self) -> None:
        for i, c in enumerate(self.clauses):
            if i in self.consumed or c.legal or c.closing or c.topic == "appeal":
                continue
            self.clause(i, c)
        self._apply_statements()

    def clause(self, i: int, c: Clause) -> None:
        t = self.text[c.start : c.end]
        head = HEAD_PREFIX_RE.match(t)
        if head and head.end() < len(t):  # "3. Về xử lý vật chứng: Tịch thu ...": read what follows
            c = dataclasses.replace(c, start=c.start + head.end())
            t = t[head.end() :]
        if XAC_DINH_RE.match(t):
            self._describe_only(c)
            return
        if self._late_interest(c, t):
            return
        if self._instalment(c, t):
            return
        if self._security(i, c, t):
            return
        if self._fines(c, t):
            return
        start = c.start
        if NEG_START_RE.match(t):
            m = LATER_BUOC_RE.search(t) or (GRANT_START_RE.match(t) and LATER_ORDER_RE.search(t))
            if m:
                start = c.start + m.end()
            elif not AGREED_RE.match(t):
                return
        if c.topic == "fee" or FEE_WORD_RE.search(t):
            found = self._fees(c, start) or self._fee_row(c, start)
            found = self._refunds(c, start) or found
            if found or c.topic == "fee":
                return
        if self._confiscation(i, c, t):
            return
        if self._state_return(c, t):
            return
        self._custody(c, t)
        if self._allocation(c, start):
            # "B được nhận ... và có nghĩa vụ thanh toán cho A X đồng": the payment in the same sentence
            pay = _PAY_AFTER_ALLOC_RE.search(self.text, start, c.end)
            if pay and self.amounts_in(pay.end(), c.end):
                self._orders(i, c, start)
            return
        self._orders(i, c, start)

    def _subject_at_verb(
        self, subj: list[tuple[str, tuple[int, int]]], verb_start: int
    ) -> list[tuple[str, tuple[int, int]]]:
        """ "Trường hợp A, B chưa trả đủ ..., ông C tự nguyện trả thay ...": after a condition the
        subject is the run of parties that ends at the verb, not everyone the condition names."""
        out: list[tuple[str, tuple[int, int]]] = []
        end = verb_start
        for pid, (ms, me) in reversed(subj):
            if not SUBJECT_GAP_RE.fullmatch(self.text[me:end]):
                break
            out.insert(0, (pid, (ms, me)))
            end = ms
        return out or subj

    def _fines(self, c: Clause, t: str) -> bool:
        found = False
        for m in FINE_RE.finditer(t):
            if self._in_name(c.start + m.start()):  # "Công ty Hưng Phát tiền hàng" is no "phạt tiền"
                continue
            a = c.start + m.end()
            nxt = t.find(";", m.end())
            lim = c.start + (nxt if nxt >= 0 else len(t))
            ams = [x for x in self.amounts_in(a, lim) if x.start - a < 160]
            if not ams or re.search(r"\btù\b", self.text[a : ams[0].start], _I):
                continue
            who = self.pids_in(a, ams[0].start)
            if not who:  # "Bị cáo A bị phạt tiền 20.000.000 đồng"
                who = self._subject(c.start, c.start + m.start())
            d = Draft("fine", (c.start, c.end), c.item, obligees=[STATE])
            d.obligors = [p for p, _ in who]
            d.party_spans = dict(who)
            self._set_amount(d, ams[0])
            self.obs.append(d)
            found = True
        return found

    def _confiscation(self, i: int, c: Clause, t: str) -> bool:
        m = CONFISCATE_RE.match(t)
        if not m:
            return False
        a = c.start + m.end()
        region = self.text[a : c.end]
        d = Draft("confiscation", (c.start, c.end), c.item, obligees=[STATE])
        ams = self.amounts_in(a, c.end)
        owners = self._owners(a, c.end)
        money_first = ams and re.search(r"\b(?:số\s+)?tiền\b", self.text[a : ams[0].start], _I)
        if ams and (re.match(r"\s*(?:số\s+tiền|tiền)", region, _I) or (money_first and TRUY_RE.match(t))):
            if self._cash_per_person(c, d, ams):
                return True
            self._set_amount(d, ams[0])
            who = owners or self.pids_in(a, c.end)
            if not who:  # money "do phạm tội mà có" with no owner named: the accused
                who = [(p, (c.start, c.end)) for p in self.accused()]
                d.party_conf = C.FALLBACK
        else:
            kind = None if re.search(r"\bxe\b|biển\s+(?:số|kiểm\s+soát)", region, _I) else "other"
            if region.strip(" :"):
                idx = self._assets_from(a, c.end, "evidence", c.item, default_kind=kind or "other")
            else:
                idx = self._asset_list(i, c, "evidence", default_kind="other")
            who = owners
            if not who:
                acc = self.accused()
                found: list[tuple[str, tuple[int, int]]] = []
                for k in idx:
                    ad = self.assets[k]
                    if not ad.owners:
                        story = self._narrative_owner(ad.f.description)
                        if story:
                            ad.owners, ad.owner_spans, ad.owner_conf = [story[0]], dict([story]), C.WEAK
                        else:
                            ad.owners, ad.owner_conf = list(acc), C.FALLBACK
                    for p in ad.owners:
                        if p not in [q for q, _ in found]:
                            found.append((p, ad.owner_spans.get(p, (c.start, c.end))))
                who = found or [(p, (c.start, c.end)) for p in acc]
                d.party_conf = C.WEAK if found else C.FALLBACK
            d.extra["assets_confiscated"] = idx
        d.obligors = [p for p, _ in who]
        d.party_spans = {p: sp for p, sp in who if sp != (c.start, c.end)}
        self.obs.append(d)
        return True

    def _cash_per_person(self, c: Clause, d: Draft, ams: list[AmountMatch]) -> bool:
        """ "Tịch thu số tiền X thu giữ của A và số tiền Y thu giữ của B": one confiscation per person it was
        seized from, each with its own sum (GUIDELINES). False unless every sum names its own owner."""
        if len(ams) < 2 or re.search(r"\btổng\s+(?:cộng|số)\b", self.text[c.start : c.end], _I):
            return False
        parts: list[tuple[AmountMatch, list[tuple[str, tuple[int, int]]]]] = []
        for k, am in enumerate(ams):
            end = ams[k + 1].start if k + 1 < len(ams) else c.end
            who = self._owners(am.end, end)
            if len(who) != 1:
                return False
            parts.append((am, who))
        if len({who[0][0] for _, who in parts}) < 2:
            return False
        for am, who in parts:
            one = Draft("confiscation", d.span, d.item, obligees=[STATE])
            self._set_amount(one, am)
            one.obligors = [who[0][0]]
            one.party_spans = dict(who)
            self.obs.append(one)
        return True

    def _state_return(self, c: Clause, t: str) -> bool:
        """Exhibits handed back ex officio: "Trả lại cho bà K 01 xe mô tô ..." or "Trả lại 01 điện
        thoại cho Phạm Văn Đ, nhưng tạm giữ để đảm bảo thi hành án" (then also held as security)."""
        m = RETURN_RE.match(t)
        if m and not re.search(r"tạm\s+ứng", t, _I):
            who, after = self._group_after(c.start + m.end(), c.end)
            stop = re.search(r",?\s+nhưng\b", self.text[after : c.end], _I)
            region = (after, after + stop.start() if stop else c.end)
        else:
            m = RETURN_OBJ_FIRST_RE.match(t)
            if not m or re.search(r"tạm\s+ứng", t, _I):
                return False
            who, region = [], (c.start, c.start)
            for cho in re.finditer(r"\s+cho\s+", t[m.end() :]):
                who, _ = self._group_after(c.start + m.end() + cho.end(), c.end)
                if who:
                    region = (c.start + m.end(), c.start + m.end() + cho.start())
                    break
        if not who:
            return False
        d = Draft("deliver_asset", (c.start, c.end), c.item, obligors=[STATE], obligees=[p for p, _ in who])
        d.party_spans = dict(who)
        idx = self._assets_from(*region, "evidence", c.item, default_owners=who, default_kind="other")
        if idx:
            d.extra["assets_delivered"] = idx
            if re.search(r"nhưng\s+(?:tiếp\s+tục\s+)?tạm\s+giữ", t, _I):
                self.statements.append(
                    Statement("security", (c.start, c.end), c.item, assets=idx, pos=c.start)
                )
        else:
            ams = self.amounts_in(*region)
            if ams:
                self._set_amount(d, ams[0])
        self.obs.append(d)
        return True

    def _qualifies(self, c: Clause, start: int, m: re.Match[str]) -> bool:
        if m.group("neg"):
            return False
        before = self.text[max(c.start, start + m.start() - 14) : start + m.start()]
        if re.search(r"(?:không|chưa|đã|còn|được|có\s+quyền|chậm|lãi|phạt|tiền)\s+$", before, _I):
            return False
        head = self.text[start : start + m.start()]
        if re.search(
            r"\b(?:yêu\s+cầu|đề\s+nghị|khởi\s+kiện)\b|kỷ\s+phần|chia\s+theo\s+phần|\bmỗi\s+bị\s+cáo", head, _I
        ):
            return False  # a claim recited, or the split of a joint order: not an order of its own
        if m.group("modal") or m.group("joint"):
            return True
        if AGREED_RE.match(self.text[c.start : c.end]) and self.pids_in(start, start + m.start()):
            return True
        if re.match(r"cấp\s+dưỡng", m.group("verb"), _I) and self.pids_in(start, start + m.start()):
            return True  # "Anh A cấp dưỡng nuôi con mỗi tháng ..."
        if re.search(r"\bbuộc\b", head, _I):
            return True
        # An order without "Buộc" or a modal: "3. Sở X bồi thường cho ông A 42.000.000 đồng" (the
        # clause is its subject, the verb and whom it is for).
        return self._bare_subject(start, start + m.start()) and bool(
            re.match(r"\s*(?:lại\s+)?cho\s", self.text[start + m.end() : start + m.end() + 12], _I)
        )

    def _bare_subject(self, a: int, b: int) -> bool:
        """text[a:b] is nothing but the parties that are the subject (and their separators)."""
        subj = self.pids_in(a, b)
        if not subj:
            return False
        kept = self._subject_at_verb(subj, b)
        first = min(sp[0] for _, sp in kept)
        return len(kept) == len(subj) and not self.text[a:first].strip(" -–+•:")

    def is_trigger(self, c: Clause) -> bool:
        t = self.text[c.start : c.end]
        for m in ORDER_RE.finditer(t):
            if self._qualifies(c, c.start, m):
                return True
        return False

    def _orders(self, i: int, c: Clause, start: int) -> None:
        t = self.text[start : c.end]
        pos = 0
        while True:
            m = next((x for x in ORDER_RE.finditer(t, pos) if self._qualifies(c, start, x)), None)
            if m is None:
                break
            vs, ve = start + m.start("verb"), start + m.end("verb")
            n_before = len(self.obs)
            end = self._order(i, c, start, m, vs, ve)
            if len(self.obs) > n_before and self.obs[-1].kind == "pay_money":
                # The rest of the sentence belongs to this order (parts, deduction, shares) unless
                # a new order starts after a semicolon: "...; buộc C trả cho D ...".
                nxt = re.search(r";\s*(?=buộc\b)", self.text[end : c.end], _I)
                if not nxt:
                    self._siblings(c, self.obs[n_before], end)
                    other = self._next_subject_order(c, end)
                    if other is None:
                        break
                    start, t, pos = other, self.text[other : c.end], 0
                    continue
                start, t, pos = end + nxt.end(), self.text[end + nxt.end() : c.end], 0
                continue
            pos = end - start
            if pos <= m.end():
                pos = m.end()

    def _order(self, i: int, c: Clause, start: int, m: re.Match[str], vs: int, ve: int) -> int:
        """One order from its verb; returns where reading may continue."""
        verb = re.sub(r"\s+", " ", m.group("verb").lower())
        seg = self.text[start:vs]
        cuts = list(BUOC_RE.finditer(seg))
        b = max((x.end() for x in cuts), default=0)
        subj = self.pids_in(start + b, start + m.start())
        through_colon = False
        if not subj and cuts and cuts[-1].group() == ":":
            # "Anh A và bà B phả: tiên đới chỉ trả": a colon OCR read for a clipped letter cuts no subject
            # off when nothing after it names one; the obligors are before it, back to "buộc" / "thì"
            floor = max((x.end() for x in cuts if x.group() != ":"), default=0)
            for x in reversed([x for x in cuts if x.group() == ":" and x.end() > floor][:-1]):
                subj = self.pids_in(start + x.end(), start + m.start())
                if subj:
                    b = x.end()
                    break
            if not subj:
                subj, b = self.pids_in(start + floor, start + m.start()), floor
            through_colon = bool(subj)
        if subj and CONDITION_RE.match(self.text, start + b):
            subj = self._subject_at_verb(subj, start + m.start())
        cut = CUT_RE.search(self.text, ve, c.end)
        limit = cut.start() if cut else c.end
        ams = self._no_rates(self.amounts_in(ve, limit))
        if re.match(ACT_VERBS, verb, _I) and not verb.startswith("trả lại"):
            ams = []
        if ams and re.match(r"\s*(?:lại\s+)?cho\s+\S+[^.;]{0,80}?\bbản\s+chính", self.text[ve:limit], _I):
            ams = []
        if not ams:
            return self._non_money(i, c, start, m, verb, subj, ve, limit)
        main = self._main_amount(ams)
        joint = bool(m.group("joint")) or bool(
            re.search(r"\bliên\s+đới\b", self.text[start + b : main.start], _I)
        )
        d = Draft("pay_money", (c.start, c.end), c.item, joint=joint)
        d.obligors = [p for p, _ in subj]
        d.party_spans = dict(subj)
        obligees = self._not_possessed([x for x in self.pids_in(ve, main.start) if x[0] not in d.obligors])
        if verb in CONTRIBUTION_VERBS:  # "truy đóng cho bà A tại Bảo hiểm xã hội X": paid into the fund
            into = FUND_AT_RE.search(self.text, ve, main.start)
            fund = [x for x in self.pids_in(into.end(), main.start)] if into else []
            obligees = fund or obligees
        if verb in ("trả nợ thay", "trả thay") and obligees:
            debtor = obligees[0][0]
            prior = next(
                (o for o in reversed(self.obs) if o.kind == "pay_money" and debtor in o.obligors), None
            )
            if prior is not None:
                obligees = [(p, prior.party_spans.get(p, (c.start, c.end))) for p in prior.obligees]
                d.party_conf = C.INFERRED
            elif not any(debtor in o.obligees for o in self.obs if o.kind == "pay_money"):
                # "trả nợ thay cho A ... X đồng cho Ngân hàng B": A is who is stood in for, when a creditor is
                # named after the amount and A is nobody's creditor ("trả thay cho bà A" may name the creditor)
                mm = re.search(r"\bcho\s+", self.text[self._after_amount(main) : c.end], _I)
                after = self._group_after(self._after_amount(main) + mm.end(), c.end)[0] if mm else []
                after = [x for x in after if x[0] not in d.obligors and x[0] != debtor]
                if after:
                    obligees = after
        if not obligees:
            mm = re.search(r"\bcho\s+", self.text[self._after_amount(main) : c.end], _I)
            if mm:
                obligees, _ = self._group_after(self._after_amount(main) + mm.end(), c.end)
        if not obligees and verb in ("trả nợ thay", "trả thay"):
            # "Trường hợp A không trả được nợ thì C (người bảo lãnh) có nghĩa vụ trả nợ thay trong phạm vi bảo
            # lãnh là X": the creditor is the one of the debt C stands in for
            named = {p for p, _ in self.pids_in(c.start, ve)} - set(d.obligors)
            prior = next(
                (
                    o
                    for o in reversed(self.obs)
                    if o.kind == "pay_money" and o.obligees and (not named or named & set(o.obligors))
                ),
                None,
            )
            if prior is not None:
                obligees = [(p, prior.party_spans.get(p, (c.start, c.end))) for p in prior.obligees]
                d.party_conf = C.INFERRED
        d.obligees = [p for p, _ in obligees]
        d.party_spans.update(dict(obligees))
        if not d.obligees and STATE_FUND_RE.search(self.text[ve : c.end]):
            # "Buộc bị cáo A nộp lại 5.000.000 đồng thu lợi bất chính để sung ngân sách Nhà nước"
            d.kind, d.obligees = "confiscation", [STATE]
        self._set_amount(d, main)
        self._periodic(d, c, main)
        if verb == "cấp dưỡng" and not d.obligees:
            cands = [p for p in self.custodians if p not in d.obligors]
            if not cands:
                cands = [
                    p.id
                    for p in self.parties
                    if p.role in ("plaintiff", "defendant") and p.id not in d.obligors
                ]
            if cands:
                d.obligees = [cands[-1]]
                d.party_conf = C.DEFAULTED
        if not d.obligors:
            d.party_conf = C.FALLBACK
        elif through_colon:
            d.party_conf = min(d.party_conf, C.LIKELY)
        if main is not ams[0] and TOTAL_RE.search(self.text[max(0, main.start - 40) : main.start]):
            # "... gồm: nợ gốc X, lãi Y; tổng cộng: Z": the parts come before the total
            cs = COMP_START_RE.search(self.text, ve, ams[0].start)
            prev = cs.end() if cs else ve
            for x in ams:
                if x.start >= main.start:
                    break
                self._add_component(d, self.text[prev : x.start], x)
                prev = self._after_amount(x)
        elif main is ams[0]:
            self._summed_parts(d, main, ams, ve, limit)
        self._components(d, main, c.end)
        d.extra.update(self._foreign(c.start, c.end))
        self.obs.append(d)
        if self.parent is None or d is not self.parent[0]:
            self._continuation(i, c, d)
        # Several payers each ordered the same ("mỗi người phải hoàn trả cho ông H 2.000.000 đồng"),
        # or one payer ordered the same to each payee ("thanh toán cho bà H và bà M mỗi người ...").
        each = EACH_RE.search(self.text, start + b, main.start)
        if each and each.start() < vs and len(d.obligors) > 1:
            self.obs.pop()
            for p in d.obligors:
                dd = dataclasses.replace(
                    d, obligors=[p], joint=False, components=dict(d.components), extra=dict(d.extra)
                )
                dd.party_spans = {k: v for k, v in d.party_spans.items() if k == p or k in d.obligees}
                self.obs.append(dd)
        elif each and each.start() > vs and len(d.obligees) > 1:
            self.obs.pop()
            for p in d.obligees:
                dd = dataclasses.replace(d, obligees=[p], components=dict(d.components), extra=dict(d.extra))
                dd.party_spans = {k: v for k, v in d.party_spans.items() if k == p or k in d.obligors}
                self.obs.append(dd)
        return self._after_amount(main)

    def _next_subject_order(self, c: Clause, end: int) -> int | None:
        """ "A thanh toán cho B X đồng; C thanh toán cho B Y đồng": after a separator, another party
        with its own verb starts an order of its own; returns where it starts."""
        for sep in re.finditer(r"[;,]\s*", self.text[end : c.end]):
            s0 = end + sep.end()
            m = ORDER_RE.search(self.text[s0 : c.end])
            if m and self._bare_subject(s0, s0 + m.start()) and self._qualifies(c, s0, m):
                return s0
        return None

    def _support_sibling(self, c: Clause, first: Draft, pos: int) -> int | None:
        """ "cấp dưỡng nuôi cháu A mỗi tháng X và cấp dưỡng nuôi cháu B mỗi tháng Y": one monthly
        obligation per child (GUIDELINES), same payer and payee; returns where reading goes on."""
        m = _SUPPORT_SIBLING_RE.match(self.text, pos, c.end)
        if not m or "period" not in first.extra:
            return None
        ams = [x for x in self.amounts_in(m.end(), c.end) if x.start - m.end() < 80]
        if not ams:
            return None
        d = Draft("pay_money", first.span, first.item, obligors=list(first.obligors), joint=first.joint)
        d.obligees, d.party_spans, d.party_conf = (
            list(first.obligees),
            dict(first.party_spans),
            first.party_conf,
        )
        self._set_amount(d, ams[0])
        self._periodic(d, c, ams[0])
        self.obs.append(d)
        return self._after_amount(ams[0])

    def _in_name(self, pos: int) -> bool:
        """pos lies inside a party's name (tone-tolerant keywords can match a name's syllables)."""
        return any(ms <= pos < me for ms, me, _ in self.mentions)

    def _no_rates(self, ams: list[AmountMatch]) -> list[AmountMatch]:
        """ "quy đổi theo tỷ giá 25.300 đồng/USD": an exchange rate or unit price is not the sum ordered."""
        return [x for x in ams if not _RATE_AFTER_RE.match(self.text, x.end)] or ams

    def _not_possessed(self, found: list[tuple[str, tuple[int, int]]]) -> list[tuple[str, tuple[int, int]]]:
        """ "đóng cho Bảo hiểm xã hội X số tiền bảo hiểm còn nợ của bà A": A owns the debt, X is paid."""
        kept = [x for x in found if not _OWNER_BEFORE_RE.search(self.text, max(0, x[1][0] - 30), x[1][0])]
        return kept or found

    def _siblings(self, c: Clause, first: Draft, pos: int) -> None:
        """ "... trả cho bà B 100.000.000 đồng và trả cho ông C 50.000.000 đồng": the same payer
        ordered to pay someone else in the same sentence."""
        while True:
            nxt = self._support_sibling(c, first, pos)
            if nxt is not None:
                pos = nxt
                continue
            m = SIBLING_RE.match(self.text, pos, c.end)
            listed = None if m else _LISTED_PAYEE_RE.match(self.text, pos, c.end)
            if not m and not listed:
                return
            who, after = self._group_after((m or listed).end(), c.end)
            ams = self.amounts_in(after, c.end)
            if not who or not ams or ams[0].start - after > 40:
                return
            if (
                listed and self._amount_start(ams[0]) - after > 3
            ):  # "; bà C 50.000.000 đồng": amount right after
                return
            d = Draft("pay_money", first.span, first.item, obligors=list(first.obligors), joint=first.joint)
            d.obligees = [p for p, _ in who]
            d.party_spans = {p: sp for p, sp in first.party_spans.items() if p in first.obligors} | dict(who)
            self._set_amount(d, ams[0])
            self.obs.append(d)
            pos = self._after_amount(ams[0])

    def _summed_parts(self, d: Draft, main: AmountMatch, ams: list[AmountMatch], ve: int, limit: int) -> None:
        """One payment of several labelled amounts and no total: "100.000.000 đồng tiền gốc và
        20.000.000 đồng tiền lãi" (labels after) or "tiền hàng 2.350.000.000 đồng và tiền lãi
        180.000.000 đồng" (labels before): the amount is their sum, the parts its components."""
        chain, gaps = [main], []
        for x in ams[1:]:
            gap = self.text[self._after_amount(chain[-1]) : x.start]
            if (
                len(gap) > 70
                or not re.search(r"^\s*(?:,|và\b)|(?:,|\bvà\b)\s*$", gap)
                and not _PART_AFTER_SEMI_RE.match(gap)
                or re.search(r"trong\s+đó|gồm|trừ|còn|kể\s+từ|mỗi|tổng|=|/|\bcho\b", gap, _I)
            ):
                break
            chain.append(x)
            gaps.append(gap)
        if len(chain) < 2:
            return
        label_re = r"\s*(?:số\s+)?(?:tiền|nợ|lãi|khoản|chi\s+phí|phí)"
        labels: list[str] = []
        if all(re.match(r"\s*(?:,|và\b)", g) or _PART_AFTER_SEMI_RE.match(g) for g in gaps):
            head = self.text[ve : main.start]
            first = re.split(r"\bcho\s+[^,;]*?(?=\s(?:số\s+)?tiền|\s(?:nợ|lãi)\b)|\bcho\b", head)[-1]
            labels = [first] + [re.sub(r"^\s*(?:,|;|và)\s*", "", g) for g in gaps]
        else:
            for k, x in enumerate(chain):
                end = chain[k + 1].start if k + 1 < len(chain) else min(limit, self._after_amount(x) + 50)
                labels.append(re.split(r"\s+(?:và|cho)\s+|[,;.]", self.text[self._after_amount(x) : end])[0])
        if not all(re.match(label_re, lb, _I) or label_key(lb, COMP_KEYS) for lb in labels):
            return
        for x, label in zip(chain, labels, strict=True):
            self._add_component(d, label, x)
        d.amount_vnd = sum(x.value for x in chain)
        d.conf = min(d.conf, C.INFERRED)

    def _main_amount(self, ams: list[AmountMatch]) -> AmountMatch:
        main = ams[0]
        for k, x in enumerate(ams[1:], 1):
            prev = ams[k - 1]
            gap = self.text[prev.end : self._amount_start(x)]  # "= Một trăm triệu đồng (100.000.000 đồng)"
            if ARITH_RE.fullmatch(gap) or re.fullmatch(r"\s*=\s*", gap):
                main = x
            else:
                break
        head = self.text[max(0, main.start - 60) : main.start]
        for k, x in enumerate(ams):
            if x.start <= main.start or not TOTAL_RE.search(self.text[max(0, x.start - 40) : x.start]):
                continue
            parts = [y for y in ams[:k] if y.start >= main.start]
            # "gồm: ... ; tổng cộng: Z", or "tiền gốc X, tiền lãi Y, tổng cộng Z" with X + Y = Z
            if COMP_START_RE.search(head) or sum(y.value for y in parts) == x.value:
                return x
        return main

    def _periodic(self, d: Draft, c: Clause, am: AmountMatch) -> None:
        after = self.text[am.end : min(c.end, self._after_amount(am) + 12)]
        s0 = self._amount_start(am)  # words written before the digits belong to the amount
        before = self.text[max(c.start, s0 - 40) : s0]
        if not (
            PERIOD_AFTER_RE.match(self.text, self._after_amount(am))
            or PERIOD_AFTER_RE.match(after)
            or PERIOD_BEFORE_RE.search(before)
        ):
            return
        d.extra["period"] = "monthly"
        t = self.text[c.start : c.end]
        mm = FROM_MONTH_RE.search(t)
        if mm:
            d.extra["start_date"] = f"{int(mm.group('y')):04d}-{int(mm.group('m')):02d}-01"
            return
        for fm in FROM_RE.finditer(t):
            dates = [
                x for x in find_dates(t[fm.start() : fm.start() + 60]) if x.start <= fm.end() - fm.start() + 2
            ]
            if dates:
                d.extra["start_date"] = dates[0].value.isoformat()
                return

    def _components(self, d: Draft, main: AmountMatch | None, end: int, start: int | None = None) -> None:
        """Parts of the total: "trong đó: nợ gốc X, lãi trong hạn Y, lãi quá hạn Z" (after the total,
        or from `start` on the next sentence: "... là X đồng. Trong đó: nợ gốc ...")."""
        after = self._after_amount(main) if main is not None else start or 0
        cm = COMP_START_RE.search(self.text, after, end)
        if not cm or cm.start() - after > 250 or self.amounts_in(after, cm.start()):
            return
        stop = COMP_STOP_RE.search(self.text, cm.end(), end)
        seg_end = stop.start() if stop else end
        parts = self.amounts_in(cm.end(), seg_end)
        prev = cm.end()
        for x in parts:
            label = self.text[prev : x.start]
            self._add_component(d, label, x)
            prev = self._after_amount(x)

    def _add_component(self, d: Draft, label: str, x: AmountMatch) -> None:
        key = label_key(label, COMP_KEYS) or "other"
        value = -x.value if key == "deposit_offset" else x.value
        base = key
        n = 2
        while key in d.components:
            key = f"{base}_{n}"
            n += 1
        d.components[key] = value
        d.comp_spans[key] = (x.start, x.end)

    def _foreign(self, a: int, b: int) -> dict:
        t = self.text[a:b]
        m = re.search(r"(?P<amt>\d[\d.,]*)\s*(?P<cur>USD|EUR|JPY|CNY|GBP|AUD|SGD|KRW)\b", t)
        if not m:
            return {}
        rate = re.search(
            r"tỷ\s+giá[^;]*?(?:là\s+)?(?P<r>\d[\d.,]*)\s*(?:đồng|VNĐ|VND|đ)\s*/\s*" + m.group("cur"), t, _I
        )
        amt = parse_amount(m.group("amt"))
        out: dict = {"currency": m.group("cur"), "amount": amt}
        if rate:
            out["rate_vnd"] = parse_amount(rate.group("r"))
        label = t[max(0, m.start() - 40) : m.start()]
        key = label_key(label, COMP_KEYS)
        if key:
            out["applies_to"] = key
        return {"foreign_currency": out}

    def _continuation(self, i: int, c: Clause, d: Draft) -> None:
        """The rest of an order on the following sentences and list lines of its item: the parts of
        the total on list lines, what remains after a deduction, the shares of joint debtors."""
        ends_colon = self.text[c.start : c.end].rstrip().endswith(":")
        list_parts = ends_colon and not d.components
        shares: dict[str, int] = {}
        remain_box: list[tuple[AmountMatch, list[tuple[str, tuple[int, int]]]]] = []
        deducted: list[int] = []
        self._scan_remainder(c.start, c.end, d, shares=shares, remain_box=remain_box)
        deducted += self._deductions(c.start, c.end, d)
        for j in range(i + 1, len(self.clauses)):
            cj = self.clauses[j]
            same = cj.item == c.item or in_item(cj.item, c.item)
            if not same or cj.legal or cj.closing:
                break
            t = self.text[cj.start : cj.end]
            if self._is_support(d, c) and _ARREARS_RE.search(t):
                self._arrears(j, cj)
                self.consumed.add(j)
                continue
            if cj.marker and NEG_START_RE.match(
                t
            ):  # a new list line that rules ("- Chấp nhận ...: buộc B ...")
                break
            if STOP_RE.match(t) or self.is_trigger(cj) or SEC_REQ_RE.search(t) or SEC_HOLD_RE.search(t):
                break
            if LI_CONTRACT_RE.search(t) or (LI_STAT_RE.search(t) and LI_KEYS_RE.search(t)):
                break
            if INSTAL_RE.match(t):
                self._instalment(cj, t)
                self.consumed.add(j)
                continue
            if list_parts and cj.marker in ("dash", "let"):
                ams = self.amounts_in(cj.start, cj.end)
                if ams:
                    self._add_component(d, t[: ams[0].start - cj.start], ams[-1])
                    if "foreign_currency" not in d.extra:
                        d.extra.update(self._foreign(cj.start, cj.end))
                self.consumed.add(j)
                continue
            if not d.components and re.match(r"\s*(?:Trong\s+đó|Gồm|Bao\s+gồm)\b", t):
                self._components(d, None, cj.end, start=cj.start)
            dm = DUE_RE.search(t)
            if dm:
                dates = find_dates(t[dm.end() :])
                if dates:
                    d.extra["due_date"] = dates[0].value.isoformat()
            self._scan_remainder(cj.start, cj.end, d, shares=shares, remain_box=remain_box)
            deducted += self._deductions(cj.start, cj.end, d)
            self.consumed.add(j)
        if remain_box:
            am, who = remain_box[-1]
            if am.value < (d.amount_vnd or 0):
                d.extra["already_paid"] = d.amount_vnd - am.value
            total_conf = d.conf
            self._set_amount(d, am)
            d.conf = min(d.conf, total_conf)
            inter = [p for p, _ in who if p in d.obligors]
            if who and not inter and all(p in d.obligees for p, _ in who):
                # set-off: "A phải bồi thường cho B X. Đối trừ nghĩa vụ, B còn phải thanh toán cho A Y": the
                # net is the order, and it runs the other way
                d.obligors, d.obligees = [p for p, _ in who], list(d.obligors)
                d.joint = len(d.obligors) > 1
            if inter and set(inter) != set(d.obligors):
                d.obligors = inter
                d.joint = d.joint and len(inter) > 1
        elif deducted and d.amount_vnd and 0 < sum(deducted) < d.amount_vnd:
            # "..., được trừ số tiền X đã bồi thường" and no remainder written: what is left is ordered
            d.extra["already_paid"] = sum(deducted)
            d.amount_vnd -= sum(deducted)
            d.conf = min(d.conf, C.INFERRED)
        if shares and len(d.obligors) > 1:
            d.extra["shares"] = {p: v for p, v in shares.items() if p in d.obligors}

    def _is_support(self, d: Draft, c: Clause) -> bool:
        """A support order: monthly, or paid at once ("cấp dưỡng nuôi con một lần số tiền X")."""
        return bool(d.extra.get("period")) or bool(_LUMP_SUPPORT_RE.search(self.text, c.start, c.end))

    def _arrears(self, j: int, cj: Clause) -> None:
        """ "A còn phải trả cho B tiền cấp dưỡng còn thiếu ... là X" after a monthly support order: the
        arrears are a lump sum of their own (GUIDELINES), not what remains of the monthly amount."""
        t = self.text[cj.start : cj.end]
        m = next(
            (x for x in ORDER_RE.finditer(t) if x.group("neg") and _ARREARS_RE.match(t, x.start())), None
        )
        if m is not None:
            self._order(j, cj, cj.start, m, cj.start + m.start("verb"), cj.start + m.end("verb"))

    def _deductions(self, a: int, b: int, d: Draft) -> list[int]:
        """Amounts already paid that the court deducts ("được trừ số tiền X ... đã nộp/bồi thường"),
        the stated total when there is one ("..., tổng cộng Y")."""
        out: list[int] = []
        after = d.amount.end if d.amount is not None and a <= d.amount.end <= b else a
        for m in DEDUCT_RE.finditer(self.text, after, b):
            stop = re.search(r";|\.\s|còn\s+phải", self.text[m.end() : b])
            end = m.end() + stop.start() if stop else b
            if not re.search(
                r"\bđã\s+(?:nộp|bồi\s+thường|trả|thanh\s+toán|chi\s+trả|khắc\s+phục)",
                self.text[m.end() : end],
                _I,
            ):
                continue
            ams = self.amounts_in(m.end(), end)
            total = next((x for x in ams if TOTAL_RE.search(self.text[max(0, x.start - 40) : x.start])), None)
            if total is not None:
                out.append(total.value)
            else:
                out += [x.value for x in ams]
        return out

    def _scan_remainder(
        self,
        a: int,
        b: int,
        d: Draft,
        *,
        shares: dict[str, int],
        remain_box: list,
    ) -> None:
        t = self.text[a:b]
        kw = SHARE_CTX_RE.search(t)
        if (
            kw
            and (d.joint or len(d.obligors) > 1)
            and not EACH_RE.search(self.text[d.span[0] : d.amount.start if d.amount else d.span[0]])
        ):
            for pid, (_ms, me) in self.pids_in(a + kw.start(), b):
                if pid not in d.obligors:
                    continue
                nxt = [x for x in self.amounts_in(me, b) if x.start - me < 80]
                if nxt and not re.search(
                    r"được\s+trừ|đã\s+(?:bồi|nộp|trả)", self.text[me : nxt[0].start], _I
                ):
                    shares[pid] = nxt[0].value
            for x in self.amounts_in(a, b):
                if re.search(
                    r"mỗi\s+(?:bị\s+cáo|người)[^.;\d]{0,40}$", self.text[max(a, x.start - 60) : x.start], _I
                ):
                    for p in d.obligors:
                        shares.setdefault(p, x.value)
        for m in REMAIN_RE.finditer(t):
            ams = [x for x in self.amounts_in(a + m.end(), b) if x.start > (d.amount.end if d.amount else 0)]
            if not ams:
                continue
            seg_start = max((x.end() for x in re.finditer(r"[;,]|\.\s", t[: m.start()])), default=0)
            who = self.pids_in(a + seg_start, a + m.start())
            plural = re.search(r"liên\s+đới", m.group(0), _I) or re.match(
                r"\s*(?:tổng\s+số\s+tiền\s+)?(?:các|những|hai)\b", t[seg_start : m.start()], _I
            )
            in_share = SHARE_CTX_RE.search(t[: m.start()])
            if len(who) == 1 and len(d.obligors) > 1 and who[0][0] in d.obligors and in_share and not plural:
                shares[who[0][0]] = ams[0].value  # one debtor's remaining share
                continue
            remain_box.append((ams[0], [] if plural else who))

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
        if not subj:
            return ve
        money_verb = re.fullmatch(MONEY_VERBS, verb, _I) is not None and verb not in ("trả lại",)
        give = re.fullmatch(GIVE_VERBS, verb, _I) is not None or verb == "trả lại"
        if money_verb:
            if re.search(r"\bsố\s+tiền|khoản\s+(?:nợ|tiền)", self.text[ve:limit], _I) and self.parent is None:
                # "Buộc A phải trả cho B các khoản nợ ... như sau:": the sub-items carry the amounts.
                d = Draft("pay_money", (c.start, c.end), c.item, obligors=[p for p, _ in subj])
                obligees = [x for x in self.pids_in(ve, c.end) if x[0] not in d.obligors]
                d.obligees = [p for p, _ in obligees[:1]]
                d.party_spans = dict(subj + obligees[:1])
                self._children(i, c, d)
            elif re.search(r"như\s+sau\s*:?\s*$|:\s*$", self.text[ve : c.end], _I):
                d = Draft("pay_money", (c.start, c.end), c.item, obligors=[p for p, _ in subj])
                obligees = [x for x in self.pids_in(ve, c.end) if x[0] not in d.obligors]
                d.obligees = [p for p, _ in obligees[:1]]
                d.party_spans = dict(subj + obligees[:1])
                self._children(i, c, d)
            return c.end
        d = Draft("perform_act", (c.start, c.end), c.item, obligors=[p for p, _ in subj])
        d.party_spans = dict(subj)
        rest = self.text[ve:limit]
        if give:
            lead = re.match(r"\s*(?:lại\s+)?cho\s+", rest, _I)
            if lead:
                who, after = self._group_after(ve + lead.end(), limit)
                region = (after, limit)
            else:
                cho = None
                for mm in re.finditer(r"\bcho\s+", rest, _I):
                    g, _ = self._group_after(ve + mm.end(), limit)
                    if g:
                        cho = mm
                        break
                who = self._group_after(ve + cho.end(), limit)[0] if cho else []
                region = (ve, ve + cho.start() if cho else limit)
            idx = self._assets_from(
                region[0], region[1], "delivery", c.item, default_owners=who, owners_win=True
            )
            if idx:
                d.kind = "deliver_asset"
                d.extra["assets_delivered"] = idx
            d.obligees = [p for p, _ in who if p not in d.obligors]
            d.party_spans.update(dict(who))
        if not d.obligees:
            cho = re.search(r"\bcho\s+", self.text[ve : c.end], _I)
            others = self._group_after(ve + cho.end(), c.end)[0] if cho else []
            others = [x for x in others if x[0] not in d.obligors]
            if not others:
                others = [x for x in self.pids_in(ve, c.end) if x[0] not in d.obligors]
            d.obligees = [p for p, _ in others]
            d.party_spans.update(dict(others))
        if not d.obligees:
            # "A có nghĩa vụ tháo dỡ ...": for the same counterparty as the order before it in the item
            top = c.item.split(".")[0]
            prev = next(
                (o for o in reversed(self.obs) if in_item(o.item, top) and set(o.obligors) & set(d.obligors)),
                None,
            )
            if prev is not None:
                d.obligees = list(prev.obligees)
                d.party_conf = C.DEFAULTED
        if not d.obligees:
            # "Buộc Ủy ban nhân dân huyện X thực hiện ...": in favour of the side that sued it
            sides = {"respondent": ("claimant", "petitioner"), "defendant": ("plaintiff",)}
            roles = {self.by_id[p].role for p in d.obligors if p in self.by_id}
            wanted = {r for role in roles for r in sides.get(role, ())}
            d.obligees = [p.id for p in self.parties if p.role in wanted]
            d.party_conf = C.WEAK
        d.conf = C.PARTIAL
        self.obs.append(d)
        return c.end

    def _children(self, i: int, c: Clause, parent: Draft) -> None:
        """Sub-items of an order without an amount, each a payment of its own ("2.1. Theo Hợp đồng
        tín dụng số ...: số tiền X, gồm ...")."""
        kids: list[Draft] = []
        for j in range(i + 1, len(self.clauses)):
            cj = self.clauses[j]
            if kids and _TOTAL_LINE_RE.match(self.text, cj.start, cj.end):
                self._total_of_children(parent, kids, cj, j)
                break
            if not (cj.item != c.item and in_item(cj.item, c.item)) and not (
                cj.marker == "dash" and cj.item == c.item
            ):
                if cj.marker or self.clauses[j - 1].line != cj.line:
                    break
            t = self.text[cj.start : cj.end]
            if self.is_trigger(cj) or STOP_RE.match(t):
                break
            ams = self.amounts_in(cj.start, cj.end)
            self.consumed.add(j)
            if not ams:
                continue
            main = ams[0]
            d = Draft(
                "pay_money",
                (cj.start, cj.end),
                cj.item,
                obligors=list(parent.obligors),
                obligees=list(parent.obligees),
                joint=parent.joint,
            )
            d.party_spans = dict(parent.party_spans)
            d.party_conf = C.PARTIAL
            self._set_amount(d, main)
            self._components(d, main, cj.end)
            self.obs.append(d)
            kids.append(d)

    def _total_of_children(self, parent: Draft, kids: list[Draft], cj: Clause, j: int) -> None:
        """ "các khoản sau: - Tiền lương: X; - Trợ cấp: Y. Tổng cộng: Z" with X + Y = Z: one payment of the
        total, the lines its parts (GUIDELINES: a total and its parts)."""
        ams = self.amounts_in(cj.start, cj.end)
        if (
            not ams
            or any(k.amount is None for k in kids)
            or sum(k.amount_vnd or 0 for k in kids) != ams[0].value
        ):
            return
        for k in kids:
            self.obs.remove(k)
        d = dataclasses.replace(kids[0], components={}, extra={}, span=(kids[0].span[0], cj.end))
        for k in kids:
            assert k.amount is not None
            self._add_component(d, self.text[k.span[0] : k.amount.start], k.amount)
        self._set_amount(d, ams[0])
        self.obs.append(d)
        self.consumed.add(j)

    def build(self, ev: EvidenceBuilder) -> tuple[list[Obligation], list[Asset]]:
        keep_assets = sorted(range(len(self.assets)), key=lambda k: self.assets[k].span[0])
        aid = {k: f"A{n + 1}" for n, k in enumerate(keep_assets)}
        assets: list[Asset] = []
        for n, k in enumerate(keep_assets):
            d = self.assets[k]
            f = d.f
            ptr = f"/assets/{n}"
            assets.append(
                Asset(
                    id=aid[k],
                    kind=f.kind,
                    description=f.description,
                    owners=list(d.owners),
                    plot_number=f.plot_number,
                    map_sheet=f.map_sheet,
                    area_m2=f.area_m2,
                    address=f.address,
                    certificate=f.certificate,
                    plate=f.plate,
                    security_contract=f.security_contract,
                )
            )
            ev.add(ptr, d.span[0], d.span[1], d.conf)
            for name in (
                "description",
                "plot_number",
                "map_sheet",
                "area_m2",
                "address",
                "certificate",
                "plate",
                "security_contract",
            ):
                if getattr(f, name) is None:
                    continue
                if name + "_abs" in f.spans:
                    s0, e0 = f.spans[name + "_abs"]
                elif name in f.spans:
                    s0, e0 = d.base + f.spans[name][0], d.base + f.spans[name][1]
                else:
                    continue
                ev.add(
                    f"{ptr}/{name}",
                    s0,
                    e0,
                    f.repaired.get(name, C.IDENTIFIED) if name != "description" else C.LIKELY,
                )
            for j, p in enumerate(d.owners):
                sp = d.owner_spans.get(p)
                if sp:
                    ev.add(f"{ptr}/owners/{j}", sp[0], sp[1], d.owner_conf * self.mention_factor(sp))
        drafts = sorted(self.obs, key=lambda d: (d.span[0], d.amount.start if d.amount else 0))
        obligations: list[Obligation] = []
        for n, d in enumerate(drafts):
            extra = {k: v for k, v in d.extra.items() if not k.startswith("_")}
            for key in ("assets_delivered", "assets_confiscated"):
                if key in extra:
                    extra[key] = [aid[k] for k in extra[key] if k in aid]
            ob = Obligation(
                id=f"O{n + 1}",
                kind=d.kind,
                obligors=list(d.obligors),
                obligees=list(d.obligees),
                joint=d.joint,
                amount_vnd=d.amount_vnd,
                amount_words=d.amount.words if d.amount and d.amount.words else None,
                components=dict(d.components),
                late_interest=d.late_interest,
                secured_by=[aid[k] for k in d.secured_by if k in aid],
                enforcement=d.enforcement,
                text=re.sub(r"\s+", " ", self.text[d.span[0] : d.span[1]]).strip(),
                **extra,
            )
            obligations.append(ob)
            ptr = f"/obligations/{n}"
            ev.add(ptr, d.span[0], d.span[1], min(d.conf, d.party_conf))
            ev.add(f"{ptr}/kind", d.span[0], d.span[1], C.EXPLICIT)
            if d.amount is not None:
                ev.add(f"{ptr}/amount_vnd", d.amount.start, d.amount.end, d.conf)
                if d.amount.words_span:
                    ev.add(f"{ptr}/amount_words", d.amount.words_span[0], d.amount.words_span[1], d.conf)
            for role in ("obligors", "obligees"):
                for j, p in enumerate(getattr(d, role)):
                    sp = d.party_spans.get(p)
                    if sp:
                        # a payer matched through OCR damage is less sure than the rule that made it
                        # a payer: the two doubts compound (product, not min), so it ranks below
                        # every clean party the same rule read
                        ev.add(f"{ptr}/{role}/{j}", sp[0], sp[1], d.party_conf * self.mention_factor(sp))
            for key, sp in d.comp_spans.items():
                ev.add(f"{ptr}/components/{key}", sp[0], sp[1], C.EXPLICIT)
            if d.joint:
                lien = re.search(r"liên\s+đới", self.text[d.span[0] : d.span[1]], _I)
                if lien:
                    ev.add(f"{ptr}/joint", d.span[0] + lien.start(), d.span[0] + lien.end(), C.IDENTIFIED)
            if d.li_span:
                ev.add(f"{ptr}/late_interest", d.li_span[0], d.li_span[1], C.LIKELY)
            for j, k in enumerate(x for x in d.secured_by if x in aid):
                sp, conf = d.sec_spans[k]
                ev.add(f"{ptr}/secured_by/{j}", sp[0], sp[1], conf)
        return obligations, assets
