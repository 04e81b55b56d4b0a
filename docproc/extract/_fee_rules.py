"""Court fees ("phải chịu ... án phí") and refunds of advances ("hoàn trả ... tạm ứng án phí")."""

from __future__ import annotations

import re

from docproc.extract import _confidence as C
from docproc.extract._clauses import Clause
from docproc.extract._patterns import (
    ADVANCE_RE,
    ADVANCE_STOP_RE,
    CHIU_RE,
    COMP_START_RE,
    EACH_RE,
    FEE_COMP_KEYS,
    FEE_GAP_RE,
    FEE_WORD_RE,
    REFUND_GET_RE,
    REFUND_TO_RE,
    TOTAL_RE,
)
from docproc.extract._reader_base import STATE, Draft, ReaderBase, label_key
from docproc.text import AmountMatch

_I = re.I

__all__ = ["FeeRules"]

# a line of a fee list: "+ Bà Nguyễn Thị A: 5.000.000 đồng"
_FEE_ROW_RE = re.compile(r"\s*(?:[-–+•*]\s*)?(?P<who>[^:;\d\n]{2,80}?)\s*:\s*")

# A colon right after an amount's unit, then a new subject: typed text never has it ("X đồng, gồm:" has a
# word between), OCR reads the semicolon of a list of fees so.
_COLON_AFTER_AMOUNT_RE = re.compile(
    r"[ \t]*:[ \t]+(?=(?:bị\s+cáo|ông|bà|anh|chị|các|công\s+ty|ngân\s+hàng)\b)", _I
)

# Between two fees of a chain ("200.000 đồng án phí hình sự sơ thẩm và 470.000 đồng ..."): the first fee's
# name, which OCR may garble in part ("án jp hình sự sơ thẩm"), as long as its instance is still read.
_CHAIN_GAP_RE = re.compile(
    r"\s*(?:tiền\s+)?(?:(?:án\s+phí|lệ\s+phí)[^;\d]{0,80}?|[^;\d]{0,40}?\b(?:sơ|phúc)\s+thẩm)(?:\s+và|,)\s*",
    _I,
)


class FeeRules(ReaderBase):
    def _fees(self, c: Clause, start: int) -> bool:
        t = self.text[start : c.end]
        found = False
        last_end = start
        for m in CHIU_RE.finditer(t):
            if m.group("neg"):
                continue
            ce = start + m.end()
            if ce < last_end:
                continue
            am = next(
                (
                    x
                    for x in self.amounts_in(ce, c.end)
                    if FEE_GAP_RE.fullmatch(self.text[ce : self._amount_start(x)])
                ),
                None,
            )
            if am is None:
                continue
            gap = self.text[ce : self._amount_start(am)]
            after = self.text[self._after_amount(am) : min(c.end, self._after_amount(am) + 70)]
            after = re.split(r"[;]|\.\s", after)[0]
            if re.match(r"\s*(?:tiền\s+)?chi\s+phí", after, _I):
                continue
            if not (c.topic == "fee" or FEE_WORD_RE.search(gap) or FEE_WORD_RE.search(after)):
                continue
            subj = self._subject(start, start + m.start())
            if not subj:
                continue
            joint = bool(m.group("joint"))
            each = bool(EACH_RE.search(self.text[start : am.start]))
            clause_rest_end = self._fee_end(am, c.end)
            fees = self._fee_amounts(am, clause_rest_end)
            for fam, comps, _ in fees:
                adv = self._advance(fam, c.end)
                groups = [[p] for p, _ in subj] if each else [[p for p, _ in subj]]
                for g in groups:
                    d = Draft("court_fee", (c.start, c.end), c.item, obligors=g, obligees=[STATE])
                    d.joint = joint and len(g) > 1
                    d.party_spans = {p: sp for p, sp in subj if p in g}
                    self._set_amount(d, fam)
                    for key, cam in comps:
                        d.components[key] = cam.value
                        d.comp_spans[key] = (cam.start, cam.end)
                    if adv and d.amount_vnd:
                        d.extra["advance_credited"] = min(adv, d.amount_vnd)
                    if each:
                        d.conf = C.LIKELY
                    self.obs.append(d)
                    found = True
            last_end = clause_rest_end
        return found

    def _fee_row(self, c: Clause, start: int) -> bool:
        """ "Án phí dân sự sơ thẩm:" then "+ Bà A: 5.000.000 đồng;" lines: each line one party's fee."""
        m = _FEE_ROW_RE.match(self.text, start, c.end)
        if c.topic != "fee" or not m:
            return False
        who = self.pids_in(start, m.end("who"))
        ams = self.amounts_in(m.end(), c.end)
        if len(who) != 1 or not ams or self._amount_start(ams[0]) - m.end() > 2:
            return False
        d = Draft("court_fee", (c.start, c.end), c.item, obligors=[who[0][0]], obligees=[STATE])
        d.party_spans = dict(who)
        self._set_amount(d, ams[0])
        d.conf = min(d.conf, C.LIKELY)
        self.obs.append(d)
        return True

    def _fee_end(self, am: AmountMatch, end: int) -> int:
        glued = _COLON_AFTER_AMOUNT_RE.match(self.text, self._after_amount(am), end)
        if glued:  # "chịu 4.200.000 đồng: bà B phải chịu ...": a semicolon OCR read as a colon
            return glued.start()
        m = ADVANCE_RE.search(self.text, self._after_amount(am), end)
        m2 = re.search(r"[;]|\.\s|[Hh]oàn\s+trả", self.text[self._after_amount(am) : end])
        stops = [
            x for x in (m.start() if m else None, self._after_amount(am) + m2.start() if m2 else None) if x
        ]
        return min(stops) if stops else end

    def _fee_amounts(
        self, first: AmountMatch, end: int
    ) -> list[tuple[AmountMatch, list[tuple[str, AmountMatch]], tuple[int, int] | None]]:
        """The fees ordered from `first` on: one fee with parts (", gồm ...", "tổng cộng ..."), or a
        chain of separate fees ("200.000 đồng án phí hình sự sơ thẩm và 470.000 đồng án phí dân sự")."""
        later = self.amounts_in(first.end, end)
        total = None
        for x in later:
            s0 = self._amount_start(x)  # "tổng cộng Ba mươi triệu đồng (30.000.000 đồng)": before the words
            if TOTAL_RE.search(self.text[max(first.end, s0 - 40) : s0]):
                total = x
                break
        if total is not None:
            parts = [first] + [x for x in later if x.start < total.start]
            return [(total, self._fee_parts(parts, end), None)]
        comp = COMP_START_RE.search(self.text, self._after_amount(first), end)
        chain: list[AmountMatch] = [first]
        prev = first
        for x in later:
            if comp and x.start > comp.start():
                break
            gap = self.text[self._after_amount(prev) : self._amount_start(x)]
            if _CHAIN_GAP_RE.fullmatch(gap):
                chain.append(x)
                prev = x
            else:
                break
        if len(chain) > 1:
            return [(x, [], None) for x in chain]
        parts = [x for x in later if comp and x.start > comp.start()]
        return [(first, self._fee_parts(parts, end) if parts else [], None)]

    def _fee_parts(self, parts: list[AmountMatch], end: int) -> list[tuple[str, AmountMatch]]:
        out: list[tuple[str, AmountMatch]] = []
        keys: set[str] = set()
        for k, x in enumerate(parts):
            nxt = parts[k + 1].start if k + 1 < len(parts) else end
            label = self.text[self._after_amount(x) : min(nxt, self._after_amount(x) + 90)]
            key = label_key(label, FEE_COMP_KEYS) or "fee"
            while key in keys:
                key += "_2"
            keys.add(key)
            out.append((key, x))
        return out

    def _advance(self, fee: AmountMatch, end: int) -> int | None:
        m = ADVANCE_RE.search(self.text, self._after_amount(fee), end)
        if not m:
            return None
        stop = ADVANCE_STOP_RE.search(self.text, m.end(), end)
        ams = self.amounts_in(m.end(), stop.start() if stop else end)
        if not ams:
            # "Chị L đã nộp 300.000 đồng ... được chuyển thành án phí": the amounts before
            before = self.text.rfind("đã nộp", fee.end, m.start())
            ams = self.amounts_in(before, m.start()) if before >= 0 else []
        return sum(x.value for x in ams) or None

    def _refunds(self, c: Clause, start: int) -> bool:
        t = self.text[start : c.end]
        if not (c.topic == "fee" or re.search(r"tạm\s+ứng", t, _I)):
            return False
        found = False
        for m in REFUND_TO_RE.finditer(t):
            if m.group("pre"):
                continue
            to = start + m.end()
            who, after = self._group_after(to, c.end)
            ams = self.amounts_in(after, c.end)
            if not ams or not who:
                continue
            self._add_refund(c, who, ams[0])
            found = True
        for m in REFUND_GET_RE.finditer(t):
            ams = self.amounts_in(start + m.end(), c.end)
            who = self._subject(start, start + m.start())
            if not ams or not who:
                continue
            self._add_refund(c, who, ams[0])
            found = True
        return found

    def _add_refund(self, c: Clause, who: list[tuple[str, tuple[int, int]]], am: AmountMatch) -> None:
        d = Draft("refund", (c.start, c.end), c.item, obligors=[STATE], obligees=[p for p, _ in who])
        d.party_spans = dict(who)
        self._set_amount(d, am)
        self.obs.append(d)
