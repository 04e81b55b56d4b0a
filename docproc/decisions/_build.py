"""Extraction → enforcement-decision drafts (pure functions; no I/O beyond reading the rule data).

Which obligations go in which decision follows the law version's data: ex officio or on request by
the rule table, then one decision per obligor (joint obligations: one common decision; refunds: one
per person receiving), as NĐ 152/2026 Art. 8 and 11 require. `DraftOptions(grouping="combined")`
gives instead one ex officio draft for the whole judgment and one on-request draft per obligee.

Missing or low-confidence inputs are never left blank: they become "[cần kiểm tra: ...]" in the text
and a `Placeholder` in `Draft.placeholders`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from docproc.decisions import _facts as facts
from docproc.decisions._models import (
    PLACEHOLDER_PREFIX,
    AssetRef,
    Deadline,
    Draft,
    DraftItem,
    DraftKind,
    DraftOptions,
    LegalBasis,
    OfficeSettings,
    PartyBlock,
    Placeholder,
    VoluntaryPeriod,
)
from docproc.decisions._rules import Law, classify, common, compute_deadline, law_by_id, law_for
from docproc.decisions._vi import date_vi, digits_vi, join_vi, judgment_kind_word, money_vi
from docproc.notices import Notice, render
from docproc.schema import Asset, Extraction, Obligation
from docproc.text import amount_to_words, nfc, words_to_amount

__all__ = ["drafts_for", "draft_ex_officio", "draft_on_request", "enforcement_of", "as_extraction"]

STATE = "STATE"
UNVERIFIED = "Chưa kiểm chứng: "


def as_extraction(extraction: Extraction | dict) -> Extraction:
    return extraction if isinstance(extraction, Extraction) else Extraction.model_validate(extraction)


def _law(options: DraftOptions) -> tuple[Law, date]:
    issue = options.issue_date or date.today()
    return (law_by_id(options.law_version) if options.law_version else law_for(issue)), issue


def enforcement_of(law: Law, ob: Obligation, ex: Extraction | None = None) -> tuple[str, str | None]:
    """(ex_officio | on_request, point of the article) by the law's table; with the extraction, the
    facts of the case the table tests too (compensation to the State in a corruption case)."""
    flags: set[str] = set()
    if ex is not None and facts.state_compensation(ex, ob)[0]:
        flags.add("state_compensation")
    c = classify(law, ob.kind, ob.obligors, ob.obligees, frozenset(flags))
    if (ob.model_extra or {}).get("enforcement_by_officer") and ob.enforcement in (
        "ex_officio",
        "on_request",
    ):
        # the officer decided on the review page; the article's point only when the table agrees
        return ob.enforcement, c.point if ob.enforcement == c.enforcement else None
    return c.enforcement, c.point


# --- the context of one draft: values, placeholders, notes -----------------------------------------


@dataclass
class _Ctx:
    ex: Extraction
    office: OfficeSettings
    options: DraftOptions
    law: Law
    issue: date
    placeholders: list[Placeholder] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    notices: list[Notice] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.parties = {p.id: (i, p) for i, p in enumerate(self.ex.parties)}
        self.assets = {a.id: (i, a) for i, a in enumerate(self.ex.assets)}
        self.ob_index = {o.id: i for i, o in enumerate(self.ex.obligations)}

    # placeholders ------------------------------------------------------------------------------
    def mark(self, field_name: str, reason: str, shown: str, pointer: str | None = None, conf=None) -> str:
        text = f"{PLACEHOLDER_PREFIX}{shown}]"
        if not any(p.field == field_name and p.text == text for p in self.placeholders):
            self.placeholders.append(
                Placeholder(field=field_name, reason=reason, text=text, pointer=pointer, confidence=conf)
            )
        return text

    def missing(self, field_name: str, what: str, pointer: str | None = None) -> str:
        return self.mark(field_name, "missing", f"thiếu {what}", pointer)

    def confidence(self, pointer: str) -> float | None:
        """Lowest confidence recorded for the pointer or any object containing it."""
        found = []
        parts = pointer.split("/")
        for k in range(2, len(parts) + 1):
            ev = self.ex.evidence.get("/".join(parts[:k]))
            if ev is not None and ev.confidence is not None:
                found.append(ev.confidence)
        return min(found) if found else None

    def checked(self, field_name: str, pointer: str, shown: str) -> str:
        """`shown` as is, or wrapped in a placeholder when the evidence is below the threshold."""
        conf = self.confidence(pointer)
        if conf is not None and conf < self.options.min_confidence:
            return self.mark(field_name, "low_confidence", shown, pointer, conf)
        return shown

    def value(self, field_name: str, pointer: str, value: Any, what: str) -> str:
        if value is None or (isinstance(value, str) and not value.strip()):
            return self.missing(field_name, what, pointer)
        return self.checked(field_name, pointer, nfc(str(value)))

    def note(self, text: str) -> None:
        text = nfc(text)
        if text not in self.notes:
            self.notes.append(text)

    def warn(self, notice: Notice, **shown: str) -> None:
        """A check that matters to the officer, shown on the review page before download: the notice
        as data, and its Vietnamese text with what only the page shows (`shown`: names, amounts in
        words) in place of the params (party ids, amounts)."""
        text = nfc(render(notice, "vi", shown))
        if text not in self.warnings:
            self.warnings.append(text)
            self.notices.append(notice)

    def unverified(self, what: str) -> None:
        self.note(UNVERIFIED + what)

    def office_value(self, name: str, what: str) -> str:
        val = getattr(self.office, name)
        if val:
            return nfc(val)
        return self.mark(f"office.{name}", "missing", f"thiếu {what}")

    # parties -----------------------------------------------------------------------------------
    def party_name(self, pid: str, as_obligor: bool) -> str:
        """The name as the decision writes it: 'ông Phan Quốc Dũng', 'Công ty ...'."""
        if pid == STATE:
            return common()["state_as_obligor" if as_obligor else "state_as_obligee"]
        if pid not in self.parties:
            return self.missing(
                f"party.{pid}", "đương sự được nêu trong nghĩa vụ nhưng không có trong danh sách"
            )
        i, p = self.parties[pid]
        if not p.name or not p.name.strip():
            return self.missing(f"parties.{pid}.name", "tên đương sự", f"/parties/{i}/name")
        return self.checked(f"parties.{pid}.name", f"/parties/{i}/name", facts.person_name(self.ex, p))

    def names(self, ids: list[str], as_obligor: bool) -> str:
        return join_vi([self.party_name(pid, as_obligor) for pid in ids]) or self.missing(
            "obligation.parties", "người phải thi hành án" if as_obligor else "người được thi hành án"
        )

    def party_block(self, pid: str, role: str, as_obligor: bool) -> PartyBlock:
        if pid == STATE or pid not in self.parties:
            name = self.party_name(pid, as_obligor)
            return PartyBlock(id=pid, name=name, text=f"{role}: {name}")
        i, p = self.parties[pid]
        name = self.party_name(pid, as_obligor)
        bits = [name]
        if p.birth_year:
            bits.append(
                f"sinh năm {self.checked(f'parties.{pid}.birth_year', f'/parties/{i}/birth_year', str(p.birth_year))}"
            )
        ids_required = self.law.raw["form_fields"].get("party_id_number", False)
        if p.id_number:
            label = "mã số doanh nghiệp" if p.kind == "organization" else "số định danh cá nhân"
            bits.append(
                f"{label}: {self.checked(f'parties.{pid}.id_number', f'/parties/{i}/id_number', p.id_number)}"
            )
        elif ids_required and p.kind == "person" and as_obligor:
            self.warn(Notice("draft.no_id_number", f"/parties/{i}/id_number", {"party": pid}), party=name)
        if not p.address:
            self.warn(Notice("draft.no_address", f"/parties/{i}/address", {"party": pid}), party=name)
        addr = self.value(
            f"parties.{pid}.address", f"/parties/{i}/address", p.address, f"địa chỉ của {p.name} trong bản án"
        )
        bits.append(f"địa chỉ: {addr}")
        legal = [r.name for r in p.representatives if r.capacity == "legal"]
        if p.kind == "organization" and legal:
            bits.append(f"người đại diện theo pháp luật: {join_vi(legal)}")
        text = nfc(f"{role}: " + "; ".join(bits))
        return PartyBlock(
            id=pid,
            name=name,
            kind=p.kind,
            birth_year=p.birth_year,
            id_number=p.id_number,
            address=p.address,
            text=text,
        )

    # assets ------------------------------------------------------------------------------------
    def asset_ref(self, aid: str) -> AssetRef:
        if aid not in self.assets:
            return AssetRef(
                id=aid,
                kind="other",
                text=self.missing(f"asset.{aid}", "mô tả tài sản được nêu trong nghĩa vụ"),
            )
        i, a = self.assets[aid]
        return AssetRef(
            id=aid, kind=a.kind, text=self.checked(f"assets.{aid}", f"/assets/{i}", _asset_text(a, self))
        )


def _asset_text(a: Asset, ctx: _Ctx) -> str:
    """Description plus the identifiers the description does not already state."""
    desc = a.description or common()["asset_labels"].get(a.kind, a.kind)
    bits = [desc]
    area = None
    if a.area_m2:
        area = f"{a.area_m2:,.1f}".replace(",", " ").replace(".", ",").replace(" ", ".").removesuffix(",0")
    for value, text in (
        (a.plot_number, f"thửa đất số {a.plot_number}"),
        (a.map_sheet, f"tờ bản đồ số {a.map_sheet}"),
        (area, f"diện tích {area} m²"),
        (a.address, f"địa chỉ: {a.address}"),
        (a.certificate, f"Giấy chứng nhận số {a.certificate}"),
        (a.plate, f"biển số {a.plate}"),
        (a.security_contract, _contract(a.security_contract)),
    ):
        if value and str(value) not in desc:
            bits.append(text)
    if a.owners:
        verb = "đứng tên" if a.certificate or a.kind in ("land_use_right", "house", "apartment") else "của"
        owners = join_vi([ctx.party_name(o, True) for o in a.owners])
        bits.append(f"{verb} {owners}" if verb == "của" else f"do {owners} {verb}")
        shares = (a.model_extra or {}).get("shares")
        if isinstance(shares, dict) and shares:
            bits.append(
                "phần của từng người: "
                + "; ".join(f"{ctx.party_name(o, True)} {v}" for o, v in shares.items() if o in ctx.parties)
            )
    return nfc("; ".join(bits))


def _contract(ref: str | None) -> str:
    """'theo hợp đồng bảo đảm số X' unless the reference already names the contract."""
    if ref and ref.lower().startswith(("hợp đồng", "theo")):
        return ref
    return f"theo hợp đồng bảo đảm số {ref}"


# --- items ---------------------------------------------------------------------------------------


def _money(ctx: _Ctx, ob: Obligation, amount: int, field_name: str, pointer: str) -> str:
    return ctx.checked(field_name, pointer, money_vi(amount))


def _cap(s: str) -> str:
    """A sentence starts with a capital ('Ông ...'), whatever the name's honorific."""
    return s[:1].upper() + s[1:] if s else s


def _item(ctx: _Ctx, ob: Obligation, point: str | None) -> DraftItem:
    i = ctx.ob_index[ob.id]
    base = f"/obligations/{i}"
    labels = common()["kind_labels"]
    extra: dict[str, Any] = ob.model_extra or {}
    obligors = ctx.names(list(ob.obligors), True)
    obligees = ctx.names(list(ob.obligees), False)
    joint = "liên đới " if ob.joint and len(ob.obligors) > 1 else ""
    amount = ob.amount_vnd
    money = ""
    if amount is not None:
        money = _money(ctx, ob, amount, f"obligations.{ob.id}.amount_vnd", f"{base}/amount_vnd")
        if ob.amount_words:
            parsed = words_to_amount(ob.amount_words)
            if parsed is not None and parsed != amount:
                ctx.mark(
                    f"obligations.{ob.id}.amount_words",
                    "mismatch",
                    f"bản án ghi bằng chữ “{ob.amount_words}” khác số {digits_vi(amount)}",
                    f"{base}/amount_words",
                )
    elif ob.kind in ("pay_money", "court_fee", "fine", "refund"):
        money = ctx.missing(f"obligations.{ob.id}.amount_vnd", "số tiền trong bản án", f"{base}/amount_vnd")
    period = extra.get("period")
    lines: list[str] = []
    kind = ob.kind
    from_state = STATE in ob.obligors
    if kind == "court_fee":
        fee = facts.fee_label(ob)
        if fee is None:
            fee = "án phí" if len(ob.components) > 1 else "án phí, lệ phí Tòa án"
        total = ", tổng cộng" if len(ob.components) > 1 else ""
        lines.append(_cap(f"{obligors} {joint}phải nộp {fee}{total}: {money}."))
    elif kind == "fine":
        lines.append(_cap(f"{obligors} {joint}phải nộp tiền phạt sung ngân sách Nhà nước: {money}."))
    elif kind == "confiscation":
        what = [ctx.asset_ref(a).text for a in extra.get("assets_confiscated", [])]
        if amount is not None:
            lines.append(f"Tịch thu sung ngân sách Nhà nước của {obligors} số tiền: {money}.")
        if what:
            lines.append(f"Tịch thu của {obligors}: " + "; ".join(what) + ".")
        if not lines:
            lines.append(f"Tịch thu của {obligors} theo nội dung bản án (trích dẫn dưới đây).")
    elif kind == "refund" or (from_state and kind in ("pay_money", "deliver_asset")):
        what = [ctx.asset_ref(a).text for a in extra.get("assets_delivered", [])]
        if amount is not None:
            lines.append(f"Trả lại cho {obligees} số tiền: {money}.")
        if what:
            lines.append(f"Trả lại cho {obligees}: " + "; ".join(what) + ".")
        if not lines:
            lines.append(f"Trả lại cho {obligees} tiền, tài sản theo nội dung bản án (trích dẫn dưới đây).")
    elif kind == "pay_money":
        sup = facts.support(ob) if period else None
        per = common()["period_labels"].get(period, period) if period else ""
        start = extra.get("start_date")
        since = f", kể từ {date_vi(date.fromisoformat(start))}" if start else ""
        end_date = extra.get("end_date")
        if sup is not None:
            child = f" là cháu {sup.child}" if sup.child else ""
            until = ""
            if end_date:
                until = f" đến {date_vi(date.fromisoformat(end_date))}"
            elif sup.end:
                until = f" {sup.end}"
            else:
                ctx.warn(
                    Notice("draft.support_no_end", base, {"obligors": ",".join(ob.obligors)}),
                    obligors=obligors,
                )
            if not sup.child:
                ctx.warn(
                    Notice("draft.support_no_child", base, {"obligors": ",".join(ob.obligors)}),
                    obligors=obligors,
                )
            lines.append(
                _cap(
                    f"{obligors} {joint}phải cấp dưỡng nuôi con{child} cho {obligees} {per} số tiền: "
                    f"{money}{since}{until}."
                )
            )
        elif period:
            until = f" đến {date_vi(date.fromisoformat(end_date))}" if end_date else ""
            lines.append(
                _cap(f"{obligors} {joint}phải trả cho {obligees} {per} số tiền: {money}{since}{until}.")
            )
        else:
            lines.append(_cap(f"{obligors} {joint}phải trả cho {obligees} số tiền: {money}."))
    elif kind == "deliver_asset":
        what = [ctx.asset_ref(a).text for a in extra.get("assets_delivered", [])]
        tail = ": " + "; ".join(what) if what else " theo nội dung bản án (trích dẫn dưới đây)"
        lines.append(_cap(f"{obligors} {joint}phải giao cho {obligees} tài sản{tail}."))
    elif kind == "perform_act":
        lines.append(
            _cap(f"{obligors} {joint}phải thực hiện công việc theo nội dung bản án (trích dẫn dưới đây).")
        )
    else:
        lines.append(
            _cap(f"{obligors} {joint}phải thực hiện nghĩa vụ theo nội dung bản án (trích dẫn dưới đây).")
        )

    amounts: dict[str, int] = {}
    comp_labels = common()["component_labels"]
    if ob.components:
        parts = []
        for key, val in ob.components.items():
            amounts[f"components.{key}"] = val
            sign = "trừ " if val < 0 else ""
            label = comp_labels.get(key) or facts.component_label(ob, val) or "khoản khác theo bản án"
            if kind == "court_fee" and val > 0:
                typed = facts.fee_label(ob, val, strict=True)
                if typed and label.startswith("án phí đối với"):
                    label = typed + label.removeprefix("án phí")
                elif typed:
                    label = typed
            parts.append(f"{label}: {sign}{money_vi(abs(val))}")
        lines.append("Gồm: " + "; ".join(parts) + ".")
    if isinstance(extra.get("shares"), dict) and extra["shares"]:
        parts = []
        for pid, val in extra["shares"].items():
            amounts[f"shares.{pid}"] = int(val)
            parts.append(f"{ctx.party_name(pid, True)}: {money_vi(int(val))}")
        lines.append("Kỷ phần của từng người: " + "; ".join(parts) + ".")
    if isinstance(extra.get("instalments"), list) and extra["instalments"]:
        parts = []
        for k, inst in enumerate(extra["instalments"], start=1):
            val = int(inst["amount_vnd"])
            amounts[f"instalments.{k}"] = val
            due = f", hạn {date_vi(date.fromisoformat(inst['due_date']))}" if inst.get("due_date") else ""
            parts.append(f"kỳ {k}: {money_vi(val)}{due}")
        lines.append("Trả theo các kỳ: " + "; ".join(parts) + ".")
    if extra.get("due_date"):
        lines.append(f"Thời hạn thực hiện theo bản án: {date_vi(date.fromisoformat(extra['due_date']))}.")
    if isinstance(extra.get("advance_credited"), int) and amount is not None:
        adv = extra["advance_credited"]
        amounts["advance_credited"] = adv
        lines.append(f"Được trừ vào số tiền tạm ứng án phí đã nộp: {money_vi(adv)}.")
        if adv <= amount:
            amounts["remaining"] = amount - adv
            lines.append(f"Còn phải nộp: {money_vi(amount - adv)}.")
    paid_line = _already_paid(ctx, ob, obligors)
    if paid_line:
        amounts["already_paid"] = extra["already_paid"]
        lines.append(paid_line)
    secured = [ctx.asset_ref(a) for a in ob.secured_by]
    if secured:
        held = [
            facts.seized(ctx.ex, ob, ctx.assets[a.id][1]) if a.id in ctx.assets else False for a in secured
        ]
        pledged = [a.text for a, h in zip(secured, held, strict=True) if not h]
        kept = [a.text for a, h in zip(secured, held, strict=True) if h]
        if pledged:
            lines.append("Tài sản bảo đảm được xử lý để thi hành án:")
            lines += [f"- {t};" for t in pledged[:-1]] + [f"- {pledged[-1]}."]
        if kept:
            lines.append("Tài sản đang bị kê biên, phong tỏa, tạm giữ để bảo đảm thi hành án theo bản án:")
            lines += [f"- {t};" for t in kept[:-1]] + [f"- {kept[-1]}."]
    quote = _quote(ctx, ob, base)
    lines.append(f"(Trích bản án: {quote})")
    if period:
        ctx.note(
            "Nghĩa vụ định kỳ (cấp dưỡng): thời hiệu tính riêng cho từng kỳ từ ngày đến hạn; theo khoản 2 Điều 11 "
            "Nghị định số 152/2026/NĐ-CP, quyết định theo yêu cầu gồm các kỳ đã đến hạn và sẽ đến hạn trong năm "
            "thi hành án."
        )
    return DraftItem(
        obligation_id=ob.id,
        kind=kind,
        kind_label=labels.get(kind, kind),
        point=point,
        obligors=list(ob.obligors),
        obligees=list(ob.obligees),
        amount_vnd=amount,
        amount_digits=digits_vi(amount) if amount is not None else None,
        amount_words=amount_to_words(amount) if amount is not None else None,
        joint=ob.joint,
        late_interest=ob.late_interest,
        period=period,
        secured_assets=secured,
        extra_amounts=amounts,
        lines=[nfc(x) for x in lines],
        source_text=ob.text,
    )


def _quote(ctx: _Ctx, ob: Obligation, base: str) -> str:
    """The judgment's own sentence, from the current (corrected) extraction."""
    text = (ob.text or "").strip()
    if not text:
        return ctx.missing(f"obligations.{ob.id}.text", "nội dung nghĩa vụ trong bản án")
    return f"“{nfc(text)}”"


def _already_paid(ctx: _Ctx, ob: Obligation, obligors: str) -> str | None:
    """The amount the court deducted, shown only under the obligors who paid it and only as already
    deducted (amount_vnd is what remains: GUIDELINES "already_paid"); otherwise a warning."""
    paid = (ob.model_extra or {}).get("already_paid")
    if not isinstance(paid, int) or paid <= 0:
        return None
    base = f"/obligations/{ctx.ob_index[ob.id]}"
    who = facts.paid_by(ctx.ex, ob)
    own = [p for p in ob.obligors if p != STATE]
    consistent = facts.deduction_consistent(ob)
    behalf = facts.paid_on_behalf(ob)
    if who is not None and not set(who) <= set(own) and not behalf:
        others = [p for p in who if p not in own]
        ctx.warn(
            Notice(
                "draft.paid_by_others",
                base,
                {"paid": paid, "payers": ",".join(others), "obligors": ",".join(ob.obligors)},
            ),
            paid=money_vi(paid),
            payers=ctx.names(others, True),
            obligors=obligors,
        )
        return None
    if consistent is False:
        ctx.warn(
            Notice(
                "draft.paid_maybe_not_deducted",
                base,
                {"paid": paid, "obligors": ",".join(ob.obligors), "amount": ob.amount_vnd or 0},
            ),
            paid=money_vi(paid),
            obligors=obligors,
        )
        return None
    if consistent is None:
        ctx.warn(
            Notice("draft.paid_unchecked", base, {"paid": paid, "obligors": ",".join(ob.obligors)}),
            paid=money_vi(paid),
            obligors=obligors,
        )
    collected = next((k for k, v in ctx.law.raw["ex_officio_points"].items() if "đã thu" in v), None)
    if facts.paid_to_agency(ob) and collected:
        ctx.warn(
            Notice(
                "draft.paid_to_agency",
                base,
                {
                    "paid": paid,
                    "obligees": ",".join(ob.obligees),
                    "point": collected,
                    "article": ctx.law.raw["ex_officio_article"],
                },
            ),
            paid=money_vi(paid),
            obligees=ctx.names(ob.obligees, False),
        )
    payer = f" do {ctx.names(who, True)} đã nộp{' thay' if behalf else ''}" if who else " đã nộp"
    return f"Số tiền trên là số tiền còn phải thi hành, đã trừ {money_vi(paid)}{payer} theo bản án."


# --- one draft -----------------------------------------------------------------------------------


def _effective_date(ctx: _Ctx) -> date | None:
    if ctx.options.judgment_effective_date:
        return ctx.options.judgment_effective_date
    extra = ctx.ex.case.model_extra or {}
    if extra.get("effective_date"):
        return date.fromisoformat(extra["effective_date"])
    c = common()
    if ctx.ex.case.instance in c["effective_date_same_day_instances"] and ctx.ex.case.date:
        if c.get("effective_date_rule_verified") != "V":
            ctx.unverified(c["effective_date_rule_note"])
        return date.fromisoformat(ctx.ex.case.date)
    return None


def _deadline(ctx: _Ctx, name: str, start: date | None, start_field: str, start_label: str) -> Deadline:
    rule = ctx.law.deadlines[name]
    due = compute_deadline(rule, start)
    verified = rule.get("verified") == "V"
    if not verified:
        ctx.unverified(f"{rule['label']} ({rule['article']})")
    if due is None:
        when = f"chưa tính được (thiếu {start_label})"
        if name in ("ex_officio_issue", "on_request_issue"):
            ctx.warn(
                Notice("draft.deadline_no_start", None, {"start": start_field, "deadline": name}),
                start=start_label,
                deadline=rule["label"].lower(),
            )
    else:
        when = f"đến hết {date_vi(due)}"
    text = f"{rule['label']}: {rule['wording']} ({rule['article']}) — {when}."
    if rule["unit"] == "working_days":
        ctx.note(
            "Ngày làm việc được tính trừ thứ Bảy, Chủ nhật và các ngày lễ đã khai báo trong danh mục ngày nghỉ "
            "(Tết Âm lịch, Giỗ Tổ, ngày nghỉ bù phải được cơ quan bổ sung hằng năm)."
        )
    return Deadline(
        name=name,
        label=rule["label"],
        date=due.isoformat() if due else None,
        start=start.isoformat() if start else None,
        start_field=start_field,
        rule=f"{rule['amount']} {rule['unit']}",
        article=rule["article"],
        verified=verified,
        text=nfc(text),
    )


def _check_deadlines(ctx: _Ctx, deadlines: list[Deadline]) -> None:
    """Flag a request filed after the limitation, or a decision issued after its deadline."""
    by_name = {d.name: d for d in deadlines}
    lim = by_name.get("request_limitation")
    req = ctx.options.request_date
    if lim and lim.date and req and req.isoformat() > lim.date:
        ctx.warn(
            Notice(
                "draft.request_time_barred",
                None,
                {"request_date": req.isoformat(), "article": lim.article, "limit_date": lim.date},
            )
        )
    for name in ("ex_officio_issue", "on_request_issue"):
        dl = by_name.get(name)
        if dl and dl.date and ctx.issue.isoformat() > dl.date:
            ctx.warn(
                Notice(
                    "draft.issue_overdue",
                    None,
                    {"issue_date": ctx.issue.isoformat(), "due_date": dl.date, "article": dl.article},
                )
            )


def _late_interest(ctx: _Ctx, obs: list[Obligation]) -> str | None:
    """What the judgment orders about interest after judgment: its own words when the extraction
    keeps them, the contract rate until payment for credit contracts, else the Civil Code clause."""
    if not obs:
        return None
    texts: list[str] = []
    generic = False
    for ob in obs:
        i = ctx.ob_index[ob.id]
        quote = (ob.model_extra or {}).get("late_interest_text")
        ev = ctx.ex.evidence.get(f"/obligations/{i}/late_interest")
        if not quote and ev is not None and ev.text and len(ev.text) > 40:
            quote = ev.text
        who = ctx.names([p for p in ob.obligors if p != STATE], True)
        if quote:
            text = f"Về lãi chậm thi hành án, theo bản án: “{nfc(quote.strip())}”"
        elif facts.contract_rate_interest(ctx.ex, ob):
            text = (
                f"Về lãi chậm thi hành án: kể từ ngày tiếp theo của ngày xét xử sơ thẩm, {who} còn phải tiếp tục "
                "chịu khoản tiền lãi quá hạn của số tiền nợ gốc chưa thanh toán theo mức lãi suất các bên thỏa "
                "thuận trong hợp đồng cho đến khi thanh toán xong khoản nợ gốc (theo bản án)."
            )
        else:
            generic = True
            continue
        if text not in texts:
            texts.append(text)
    if generic:
        li = ctx.law.raw["late_interest"]
        texts.append("Về lãi chậm thi hành án: " + li["wording"][0].lower() + li["wording"][1:])
        if li.get("verified") != "V":
            ctx.unverified(f"câu chữ về lãi chậm thi hành án ({li.get('source', '')}).")
    return nfc(" ".join(texts))


def _points_text(points: list[str]) -> str:
    order = list("abcdđeghik")
    pts = sorted(set(points), key=lambda p: order.index(p) if p in order else 99)
    return f"điểm {', '.join(pts)}" if pts else ""


def _judgment_ref(ctx: _Ctx) -> str:
    case = ctx.ex.case
    number = ctx.value("case.number", "/case/number", case.number, "số bản án, quyết định")
    day = (
        ctx.checked("case.date", "/case/date", date_vi(date.fromisoformat(case.date)))
        if case.date
        else ctx.missing("case.date", "ngày bản án, quyết định", "/case/date")
    )
    court = ctx.value("case.court", "/case/court", case.court, "tên Tòa án")
    return nfc(f"{judgment_kind_word(case.number)} số {number} {day} của {court}")


def _build(ctx: _Ctx, kind: DraftKind, name: str, obligations: list[Obligation]) -> Draft:
    law, office, opts = ctx.law, ctx.office, ctx.options
    form = law.raw["forms"][kind]
    for note in law.raw.get("notes", []):
        ctx.note(note)
    if form.get("verified") != "V":
        ctx.unverified(f"tên mẫu, trích yếu và mã mẫu “{form['subject']}” ({law.raw['forms']['circular']}).")
    if not opts.issue_date:
        ctx.note(
            "Chưa có ngày ra quyết định: dự thảo dùng ngày lập dự thảo để chọn luật áp dụng và tính hạn."
        )

    points = []
    items = []
    for ob in obligations:
        enforcement, point = enforcement_of(law, ob, ctx.ex)
        state_comp, why = facts.state_compensation(ctx.ex, ob)
        if state_comp and enforcement == "ex_officio":
            ctx.warn(
                Notice(
                    "draft.state_compensation",
                    f"/obligations/{ctx.ob_index[ob.id]}",
                    {"article": law.raw["ex_officio_article"], "obligees": ",".join(ob.obligees)},
                ),
                obligees=why or "",
            )
        if (ob.model_extra or {}).get("enforcement_by_officer"):
            classified = classify(law, ob.kind, ob.obligors, ob.obligees).enforcement
            if classified != enforcement and not state_comp:
                ctx.warn(
                    Notice(
                        "draft.officer_type_differs",
                        f"/obligations/{ctx.ob_index[ob.id]}",
                        {"chosen": enforcement, "law": law.title},
                    )
                )
        elif ob.enforcement and ob.enforcement != enforcement:
            ctx.warn(
                Notice(
                    "draft.marked_type_differs",
                    f"/obligations/{ctx.ob_index[ob.id]}",
                    {"marked": ob.enforcement, "law": law.title, "rule": enforcement},
                )
            )
        if point:
            points.append(point)
        items.append(_item(ctx, ob, point))

    obligor_ids = _ordered({pid for ob in obligations for pid in ob.obligors})
    obligee_ids = _ordered({pid for ob in obligations for pid in ob.obligees})
    obligors = [ctx.party_block(pid, "Người phải thi hành án", True) for pid in obligor_ids]
    obligees = [ctx.party_block(pid, "Người được thi hành án", False) for pid in obligee_ids]

    bases = []
    for basis in law.raw["legal_bases"][kind]:
        text = basis["text"].replace("{points}", _points_text(points)).replace("  ", " ")
        ok = basis.get("verified") == "V"
        bases.append(LegalBasis(text=nfc(text), verified=ok, note=basis.get("note")))
        if not ok:
            ctx.unverified(f"câu chữ dòng căn cứ “{text[:60]}…” ({basis.get('note', '')}).")
    judgment_ref = _judgment_ref(ctx)
    bases.append(LegalBasis(text=f"Căn cứ {judgment_ref};", verified=True))

    request_ref = requester = None
    if kind == "on_request":
        requester = opts.requester_id or (obligee_ids[0] if obligee_ids else None)
        who = (
            ctx.party_name(requester, False)
            if requester
            else ctx.missing("request.requester", "người yêu cầu")
        )
        when = (
            date_vi(opts.request_date)
            if opts.request_date
            else ctx.mark("request.date", "officer_input", "ngày đơn yêu cầu thi hành án")
        )
        request_ref = nfc(f"Xét đơn yêu cầu thi hành án {when} của {who},")

    # joint liability, late interest, secured assets
    joint_obs = [ob for ob in obligations if ob.joint and len(ob.obligors) > 1]
    joint_text = None
    if joint_obs:
        joint_text = nfc(
            "; ".join(
                _cap(ctx.names(ob.obligors, True)) + f" liên đới chịu trách nhiệm thi hành khoản {k}"
                for k, ob in ((obligations.index(ob) + 1, ob) for ob in joint_obs)
            )
            + "."
        )
    late_text = _late_interest(ctx, [ob for ob in obligations if ob.late_interest])
    secured: list[AssetRef] = []
    for item in items:
        for a in item.secured_assets:
            if a.id not in {s.id for s in secured}:
                secured.append(a)

    # voluntary period
    vp = law.raw["voluntary_period"]
    payers = [pid for pid in obligor_ids if pid != STATE]
    needs_period = any(
        ob.kind not in vp.get("not_for_kinds", []) and STATE not in ob.obligors for ob in obligations
    )
    if needs_period and payers:
        who = ctx.names(payers, True)
        vp_text = nfc(f"{who} {vp['wording']} ({vp['article']}). {law.raw['coercion_wording']}")
        voluntary = VoluntaryPeriod(
            applicable=True,
            days=vp["days"],
            article=vp["article"],
            verified=vp.get("verified") == "V",
            text=vp_text,
        )
    else:
        if vp.get("not_for_kinds_verified") != "V":
            ctx.unverified("không áp dụng thời hạn tự nguyện cho khoản trả lại tiền, tài sản.")
        voluntary = VoluntaryPeriod(
            applicable=False,
            days=None,
            article=vp["article"],
            verified=vp.get("not_for_kinds_verified") == "V",
            text="Cơ quan thi hành án dân sự thông báo cho người được nhận để nhận lại tiền, tài sản theo quy định.",
        )

    payment = notification = None
    fields = law.raw["form_fields"]
    if fields.get("payment_instructions") and voluntary.applicable:
        payment = "Chỉ dẫn nộp tiền thi hành án: " + ctx.office_value(
            "payment_instructions", "chỉ dẫn nộp tiền (tài khoản, nơi nộp)"
        )
    if fields.get("notification_form"):
        notification = "Hình thức thông báo thi hành án: " + ctx.office_value(
            "notification_form", "hình thức thông báo quyết định"
        )

    wording = common()["article_wording"]
    if wording.get("verified") != "V":
        ctx.unverified("câu chữ Điều 1, Điều 2, Điều 3 của quyết định.")
    article_1 = wording["dieu_1_ex_officio" if kind == "ex_officio" else "dieu_1_on_request"]
    article_2 = "Điều 2. " + _cap(voluntary.text)
    executor = opts.executor
    article_3 = wording["dieu_3"]
    if executor:
        article_3 = article_3.replace("Chấp hành viên được phân công", f"Chấp hành viên {executor}")
    else:
        blank = ctx.mark("executor", "officer_input", "họ tên Chấp hành viên được phân công")
        article_3 = article_3.replace("Chấp hành viên được phân công", f"Chấp hành viên {blank}")

    # deadlines (ISO in data, Vietnamese in text)
    deadlines = []
    if kind == "ex_officio":
        deadlines.append(
            _deadline(
                ctx,
                "ex_officio_issue",
                opts.judgment_received_date,
                "judgment_received_date",
                "ngày nhận bản án",
            )
        )
    else:
        deadlines.append(
            _deadline(
                ctx,
                "request_limitation",
                _effective_date(ctx),
                "judgment_effective_date",
                "ngày bản án có hiệu lực",
            )
        )
        deadlines.append(
            _deadline(ctx, "on_request_issue", opts.request_date, "request_date", "ngày nhận đơn yêu cầu")
        )
    _check_deadlines(ctx, deadlines)
    deadlines.append(_deadline(ctx, "notify_parties", ctx.issue, "issue_date", "ngày ra quyết định"))
    deadlines.append(_deadline(ctx, "send_procuracy", ctx.issue, "issue_date", "ngày ra quyết định"))

    grouping = law.raw["grouping"]
    if opts.grouping == "law" and grouping.get("verified") != "V":
        ctx.unverified(grouping["wording"] + ".")

    # header, recipients, signer
    office_name = ctx.office_value("name", "tên cơ quan thi hành án dân sự")
    parent = ctx.office_value("parent", "tên cơ quan chủ quản")
    place = ctx.office_value("place", "địa danh")
    if office.signer_title:
        signer_title = nfc(office.signer_title)
    elif office.name:
        org = office.name.upper()
        if org.startswith("PHÒNG") and office.parent:
            # the provincial agency's head issues decisions (Law 106/2025 Art. 22(2)(a)), not the regional Phòng
            org = office.parent.upper()
            ctx.unverified(
                "người ký: Thủ trưởng cơ quan thi hành án dân sự tỉnh ban hành quyết định; việc Trưởng phòng Thi "
                "hành án dân sự khu vực ký theo ủy quyền chưa được kiểm chứng."
            )
        signer_title = f"{office.head_title} {'CƠ QUAN ' if org.startswith('THI HÀNH ÁN') else ''}{org}"
    else:
        signer_title = f"{office.head_title} {office_name}"
    signer_name = ctx.office_value("head_name", "họ tên người ký")
    symbol = office.number_symbol
    if opts.decision_number:
        number = f"Số: {opts.decision_number}/{symbol}"
    else:
        number = f"Số: ......../{symbol}"
        ctx.placeholders.append(
            Placeholder(field="decision_number", reason="officer_input", text=number, pointer=None)
        )
    recipients = [f"- {_cap(ctx.party_name(pid, True))};" for pid in obligor_ids if pid != STATE]
    recipients += [
        f"- {_cap(ctx.party_name(pid, False))};"
        for pid in obligee_ids
        if pid != STATE and pid not in obligor_ids
    ]
    recipients.append(f"- {ctx.office_value('procuracy', 'Viện kiểm sát nhân dân cùng cấp')};")
    recipients.append("- Lưu: VT, hồ sơ thi hành án.")
    if common().get("state_labels_verified") != "V" and STATE in obligor_ids + obligee_ids:
        ctx.unverified(
            "cách ghi Nhà nước là người phải/được thi hành án (“Ngân sách Nhà nước”, “Cơ quan thi hành án dân sự”)."
        )

    main = [pid for pid in obligor_ids if pid != STATE] or [pid for pid in obligee_ids if pid != STATE]
    who = join_vi([ctx.parties[pid][1].name for pid in main if pid in ctx.parties]) or "Nhà nước"
    title = nfc(f"QĐ thi hành án {'chủ động' if kind == 'ex_officio' else 'theo yêu cầu'} – {who}")
    return Draft(
        name=name,
        title=title,
        kind=kind,
        law_id=law.id,
        law_title=law.title,
        form_title=form["title"],
        form_subject=form["subject"],
        form_code=form.get("form_code"),
        office_parent=parent,
        office_name=office_name,
        signer_title=nfc(signer_title),
        signature_title=nfc(office.head_title),
        signer_name=signer_name,
        number=number,
        place=place,
        issue_date=ctx.issue.isoformat(),
        place_date=nfc(f"{place}, {date_vi(ctx.issue)}"),
        legal_bases=bases,
        judgment_ref=judgment_ref,
        request_ref=request_ref,
        requester_id=requester,
        obligors=obligors,
        obligees=obligees,
        items=items,
        joint_liability=joint_text,
        late_interest=late_text,
        secured_assets=secured,
        voluntary_period=voluntary,
        payment_instructions=payment,
        notification_form=notification,
        article_1=article_1,
        article_2=nfc(article_2),
        article_3=nfc(article_3),
        deadlines=deadlines,
        recipients=[nfc(r) for r in recipients],
        placeholders=ctx.placeholders,
        notes=ctx.notes,
        warnings=ctx.warnings,
        notices=ctx.notices,
    )


def _ordered(ids: set[str]) -> list[str]:
    """Party ids in numeric order, STATE last."""
    return sorted(ids, key=lambda p: (p == STATE, int(p[1:]) if p[1:].isdigit() else 0, p))


def _ctx(extraction: Extraction | dict, office: OfficeSettings | None, options: DraftOptions | None) -> _Ctx:
    options = options or DraftOptions()
    law, issue = _law(options)
    return _Ctx(as_extraction(extraction), office or OfficeSettings(), options, law, issue)


def _tag(ids: list[str] | set[str]) -> str:
    return "+".join(_ordered(set(ids))) or "none"


def _ex_officio_key(ob: Obligation) -> frozenset[str]:
    """Who the decision is 'for': the obligors, or, for what the state gives back, the recipients."""
    own = [p for p in ob.obligors if p != STATE]
    return frozenset(own or [p for p in ob.obligees if p != STATE] or [STATE])


# --- public API ----------------------------------------------------------------------------------


def draft_ex_officio(
    extraction: Extraction | dict,
    office: OfficeSettings | None = None,
    options: DraftOptions | None = None,
    *,
    party: str | None = None,
) -> Draft | None:
    """The ex officio decision: every obligation the law's table marks ex officio (court fees, fines,
    confiscation, refunds, ...), or only those of one decision group when `party` is given ("P2" or a
    joint group "P2+P3"). None when the judgment has nothing to enforce ex officio."""
    ctx = _ctx(extraction, office, options)
    obs = [ob for ob in ctx.ex.obligations if enforcement_of(ctx.law, ob, ctx.ex)[0] == "ex_officio"]
    if party is not None:
        obs = [ob for ob in obs if _tag(_ex_officio_key(ob)) == party]
    if not obs:
        return None
    name = "ex-officio" if party is None else f"ex-officio-{party}"
    return _build(ctx, "ex_officio", name, obs)


def draft_on_request(
    extraction: Extraction | dict,
    obligee_id: str,
    office: OfficeSettings | None = None,
    options: DraftOptions | None = None,
    *,
    obligors: str | None = None,
) -> Draft:
    """The decision for `obligee_id`'s request: the on-request obligations owed to that obligee (only
    those owed by the obligor group `obligors`, e.g. "P2" or "P2+P3", when given). With nothing owed,
    the draft has a visible placeholder instead of items."""
    ctx = _ctx(extraction, office, options)
    obs = [
        ob
        for ob in ctx.ex.obligations
        if obligee_id in ob.obligees and enforcement_of(ctx.law, ob, ctx.ex)[0] == "on_request"
    ]
    if obligors is not None:
        obs = [ob for ob in obs if _tag(ob.obligors) == obligors]
    name = f"on-request-{obligee_id}" + (f"-{obligors}" if obligors else "")
    return _on_request(ctx, obligee_id, name, obs)


def _on_request(ctx: _Ctx, obligee_id: str, name: str, obs: list[Obligation]) -> Draft:
    if ctx.options.requester_id is None:
        ctx.options = ctx.options.model_copy(update={"requester_id": obligee_id})
    draft = _build(ctx, "on_request", name, obs)
    if not obs:
        draft.placeholders.append(
            Placeholder(
                field="items",
                reason="missing",
                text=f"{PLACEHOLDER_PREFIX}không có khoản thi hành theo yêu cầu cho {ctx.party_name(obligee_id, False)}]",
            )
        )
    return draft


def drafts_for(
    extraction: Extraction | dict, office: OfficeSettings | None = None, options: DraftOptions | None = None
) -> list[Draft]:
    """Every draft the judgment calls for: ex officio and on-request decisions, split as the law's
    grouping rule says (or one ex officio + one per obligee with `grouping="combined"`)."""
    options = options or DraftOptions()
    ex = as_extraction(extraction)
    if ex.document.kind == "enforcement_decision":
        return []  # already an enforcement decision: nothing to draft from it
    law, _ = _law(options)
    kinds = {ob.id: enforcement_of(law, ob, ex)[0] for ob in ex.obligations}
    drafts: list[Draft] = []
    if options.grouping == "combined" or law.raw["grouping"]["rule"] != "per_obligor":
        d = draft_ex_officio(ex, office, options)
        if d:
            drafts.append(d)
        obligees = _ordered(
            {p for ob in ex.obligations if kinds[ob.id] == "on_request" for p in ob.obligees if p != STATE}
        )
        drafts += [draft_on_request(ex, p, office, options) for p in obligees]
        return drafts
    groups: list[str] = []
    for ob in ex.obligations:
        if kinds[ob.id] == "ex_officio":
            tag = _tag(_ex_officio_key(ob))
            if tag not in groups:
                groups.append(tag)
    for tag in sorted(groups, key=_tag_order):
        d = draft_ex_officio(ex, office, options, party=tag)
        if d:
            drafts.append(d)
    pairs: dict[tuple[str, str], list[Obligation]] = {}
    for ob in ex.obligations:
        if kinds[ob.id] != "on_request":
            continue
        # A right held by several obligees together is one request, filed under the first of them.
        first = next((p for p in _ordered(set(ob.obligees)) if p != STATE), None)
        if first is None:
            continue
        pairs.setdefault((first, _tag(ob.obligors)), []).append(ob)
    for (obligee, group), obs in sorted(
        pairs.items(), key=lambda kv: (_tag_order(kv[0][0]), _tag_order(kv[0][1]))
    ):
        ctx = _ctx(ex, office, options)
        drafts.append(_on_request(ctx, obligee, f"on-request-{obligee}-{group}", obs))
    return drafts


def _tag_order(tag: str) -> tuple:
    return tuple(int(p[1:]) if p[1:].isdigit() else 10**6 for p in tag.split("+"))
