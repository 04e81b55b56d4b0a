"""An amend draft (quyết định sửa đổi, bổ sung quyết định thi hành án) from a decision's audit.

    draft_amend(decision, judgment, discrepancies, office, options, decision_name=) -> Draft | None

For each open discrepancy the audit found (docproc.audit) of a kind a decision can be amended for,
one correction worded from the judgment's extraction: the amount as the judgment orders it, the
obligation left out added, the parties named as in the judgment, an item of the wrong enforcement
type taken out, the legal basis of the law in force on the amended decision's date, the judgment cited
as its header reads. The new decision itself cites the law in force on ITS date (laws.json "amend":
Art. 37(2) of the 2008 law, Art. 52 of Law 106/2025). Discrepancies a reviewer dismissed are the
caller's to leave out.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from docproc.decisions._build import (
    STATE,
    _cap,
    _ctx,
    _item,
    _judgment_ref,
    _ordered,
    enforcement_of,
)
from docproc.decisions._models import Correction, Draft, DraftItem, DraftOptions, LegalBasis, OfficeSettings
from docproc.decisions._rules import common, law_for
from docproc.decisions._vi import date_vi, digits_vi
from docproc.decisions.existing import EXECUTE_TYPES, decision_ref, party_map
from docproc.schema import Obligation
from docproc.text import nfc

__all__ = ["AMENDABLE", "amendable", "draft_amend"]

AMENDABLE = (
    "amount_mismatch",
    "missing_obligation",
    "party_mismatch",
    "wrong_enforcement_type",
    "wrong_law_for_date",
    "wrong_judgment_reference",
)
_TYPE_VI = {"on_request": "theo yêu cầu", "ex_officio": "chủ động"}


def amendable(discrepancies: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The discrepancies an amend decision corrects (not `other`: e.g. a voluntary period, which the
    law fixes whatever the decision says)."""
    return [d for d in discrepancies if d.get("kind") in AMENDABLE]


def _decision_item(
    decision: dict[str, Any], judgment: dict[str, Any], oid: str | None
) -> dict[str, Any] | None:
    """The decision's item that restates judgment obligation `oid` (as the audit paired them)."""
    from docproc.audit import match_items

    if oid is None:
        return None
    pmap = party_map(decision, judgment)
    return next((it for it, jo in match_items(decision, judgment, pmap) if jo and jo.get("id") == oid), None)


def _names(decision: dict[str, Any], ids: list[str]) -> str:
    by_id = {p.get("id"): p.get("name") for p in decision.get("parties") or []}
    names = ["Nhà nước" if i == STATE else str(by_id.get(i) or "không rõ") for i in ids]
    return ", ".join(names)


def _inline(line: str) -> str:
    """An item's sentence continued after a colon: 'Bà Lê Thị C …' → 'bà Lê Thị C …' (a name keeps
    its capitals)."""
    if line.startswith(("Ông ", "Bà ", "Anh ", "Chị ", "Cháu ", "Cụ ")):
        return line[:1].lower() + line[1:]
    return line


def _body(item: DraftItem) -> list[str]:
    """The item's lines as the amended decision will read, the judgment's quotation last."""
    return list(item.lines)


def _quote(text: str) -> str:
    return f"“{nfc(text.strip().rstrip('.'))}”"


def draft_amend(
    decision: dict[str, Any],
    judgment: dict[str, Any],
    discrepancies: list[dict[str, Any]],
    office: OfficeSettings | None = None,
    options: DraftOptions | None = None,
    *,
    decision_name: str = "decision",
) -> Draft | None:
    """The amend draft for `decision` (an enforcement-decision extraction) correcting `discrepancies`
    (its audit's, against `judgment`); None when none of them is of an amendable kind."""
    found = amendable(discrepancies)
    if not found:
        return None
    ctx = _ctx(judgment, office, options)
    law, opts = ctx.law, ctx.options
    spec = law.raw["amend"]
    enf = decision.get("enforcement") or {}
    dtype = enf.get("decision_type") or "other"
    amended = decision_ref(decision_name, decision)
    if not enf.get("number"):
        ctx.missing("amends.number", "số quyết định được sửa đổi, bổ sung")
    obs = {ob.id: ob for ob in ctx.ex.obligations}
    labels = common()["kind_labels"]

    corrections: list[Correction] = []
    items: list[DraftItem] = []
    concerned: list[Obligation] = []
    for d in found:
        kind, oid = d["kind"], d.get("obligation")
        ob = obs.get(oid) if oid else None
        was_item = _decision_item(decision, judgment, oid)
        was_text = (was_item or {}).get("text")
        if kind in ("amount_mismatch", "missing_obligation", "party_mismatch", "wrong_enforcement_type"):
            if ob is None:
                ctx.warn(f"Không tìm thấy trong bản án nghĩa vụ được nêu ở sai lệch: {d.get('detail', '')}")
                continue
            enforcement, point = enforcement_of(law, ob, ctx.ex)
            item = _item(ctx, ob, point)
            label = labels.get(ob.kind, "nghĩa vụ").lower()
            if kind == "amount_mismatch":
                a = (was_item or {}).get("amount_vnd")
                was = f"{digits_vi(a)} đồng" if isinstance(a, int) else None
                head = f"Sửa đổi số tiền của khoản {label}" + (f": đã ghi {was}" if was else "")
                lines = [
                    f"{head}; nay sửa lại theo bản án như sau: {_inline(item.lines[0])}",
                    *_body(item)[1:],
                ]
            elif kind == "missing_obligation":
                lines = [
                    f"Bổ sung khoản phải thi hành theo bản án: {_inline(item.lines[0])}",
                    *_body(item)[1:],
                ]
            elif kind == "party_mismatch":
                was = None
                if was_item:
                    was = (
                        f"người phải thi hành án {_names(decision, was_item.get('obligors') or [])}, "
                        f"người được thi hành án {_names(decision, was_item.get('obligees') or [])}"
                    )
                head = f"Sửa đổi đương sự của khoản {label}" + (f": đã ghi {was}" if was else "")
                lines = [
                    f"{head}; nay sửa lại theo bản án như sau: {_inline(item.lines[0])}",
                    *_body(item)[1:],
                ]
                was = was or was_text
            else:
                execute_as = EXECUTE_TYPES.get(dtype)
                want = _TYPE_VI.get(enforcement, enforcement)
                said = _TYPE_VI.get(execute_as or "", "")
                lines = [
                    f"Bỏ khoản {label} sau đây khỏi nội dung phải thi hành của quyết định: {_inline(item.lines[0])}",
                    f"Khoản này thuộc diện thi hành án {want}, không thuộc quyết định thi hành án {said}; việc "
                    f"thi hành khoản này theo quyết định thi hành án {want} riêng.",
                    *[ln for ln in item.lines[1:] if ln.startswith("(Trích bản án")],
                ]
                was = was_text
            if ob not in concerned:
                concerned.append(ob)
            if kind != "wrong_enforcement_type":
                items.append(item)
            corrections.append(
                Correction(
                    kind=kind,
                    obligation=oid,
                    detail=d.get("detail", ""),
                    was=was if kind != "missing_obligation" else None,
                    lines=[nfc(x) for x in lines],
                )
            )
        elif kind == "wrong_law_for_date":
            corrections.append(_law_correction(ctx, enf, d))
        elif kind == "wrong_judgment_reference":
            ref = enf.get("judgment") or {}
            was = " ".join(
                x
                for x in (
                    f"số {ref['number']}" if ref.get("number") else "",
                    _day(ref.get("date")),
                    f"của {ref['court']}" if ref.get("court") else "",
                )
                if x
            )
            right = _judgment_ref(ctx)
            corrections.append(
                Correction(
                    kind=kind,
                    obligation=None,
                    detail=d.get("detail", ""),
                    was=was or None,
                    lines=[
                        nfc(
                            "Sửa đổi bản án, quyết định được thi hành"
                            + (f": đã ghi {_quote(was)}" if was else "")
                            + f"; nay sửa lại là: {right}."
                        )
                    ],
                )
            )
    if not corrections:
        return None
    # the "Căn cứ" first (law, judgment), then the items in the judgment's order
    order = {ob.id: k for k, ob in enumerate(ctx.ex.obligations)}
    first = {"wrong_law_for_date": 0, "wrong_judgment_reference": 1}
    corrections.sort(key=lambda c: (first.get(c.kind, 2), order.get(c.obligation or "", -1)))
    items.sort(key=lambda i: order.get(i.obligation_id, 0))

    # parties: the obligors and obligees of the items concerned, as the judgment names them
    pmap = party_map(decision, judgment)
    obligor_ids = _ordered({p for ob in concerned for p in ob.obligors})
    obligee_ids = _ordered({p for ob in concerned for p in ob.obligees})
    if not obligor_ids:
        obligor_ids = _ordered(
            {
                pmap[p["id"]]
                for p in decision.get("parties") or []
                if p.get("role") == "obligor" and p.get("id") in pmap
            }
        )
    if not obligee_ids:
        obligee_ids = _ordered(
            {
                pmap[p["id"]]
                for p in decision.get("parties") or []
                if p.get("role") == "obligee" and p.get("id") in pmap
            }
        )
    obligor_ids = [p for p in obligor_ids if p in ctx.parties or p == STATE]
    obligee_ids = [p for p in obligee_ids if (p in ctx.parties or p == STATE) and p not in obligor_ids]
    obligors = [ctx.party_block(p, "Người phải thi hành án", True) for p in obligor_ids if p != STATE]
    obligees = [ctx.party_block(p, "Người được thi hành án", False) for p in obligee_ids if p != STATE]

    # legal basis: the law in force on the new decision's date; the judgment; the decision amended
    bases = []
    for basis in spec["legal_bases"]:
        ok = basis.get("verified") == "V"
        bases.append(LegalBasis(text=nfc(basis["text"]), verified=ok, note=basis.get("note")))
        if not ok:
            ctx.unverified(f"câu chữ dòng căn cứ “{basis['text'][:60]}…” ({basis.get('note', '')}).")
    judgment_ref = _judgment_ref(ctx)
    bases.append(LegalBasis(text=f"Căn cứ {judgment_ref};", verified=True))
    bases.append(LegalBasis(text=nfc(f"Căn cứ {amended.text};"), verified=True))
    aspects_vi = common()["amend"]["aspects"]
    aspects = []
    for c in corrections:
        if aspects_vi[c.kind] not in aspects:
            aspects.append(aspects_vi[c.kind])
    if spec.get("condition_verified") != "V":
        ctx.unverified(f"điều kiện sửa đổi, bổ sung quyết định ({spec.get('condition_source', '')}).")
    reason = nfc(f"Xét thấy {amended.text} {spec['condition']} ({'; '.join(aspects)}),")
    wording = common()["amend"]
    if wording.get("verified") != "V":
        ctx.unverified(wording["note"])
    form = spec["form"]
    if form.get("verified") != "V":
        ctx.unverified(f"tên mẫu, trích yếu và mã mẫu “{form['subject']}” ({law.raw['forms']['circular']}).")
    for note in law.raw.get("notes", []):
        ctx.note(note)
    short = amended.text.split(" của ")[0]
    article_1 = wording["article_1"].format(decision=amended.text)
    article_2 = wording["article_2"].format(decision=short)
    article_3 = common()["article_wording"]["dieu_3"]
    if opts.executor:
        article_3 = article_3.replace("Chấp hành viên được phân công", f"Chấp hành viên {opts.executor}")
    else:
        blank = ctx.mark("executor", "officer_input", "họ tên Chấp hành viên được phân công")
        article_3 = article_3.replace("Chấp hành viên được phân công", f"Chấp hành viên {blank}")
    if enf.get("date") and opts.issue_date and enf["date"] > opts.issue_date.isoformat():
        ctx.warn("Ngày ra quyết định sửa đổi, bổ sung trước ngày của quyết định được sửa đổi: kiểm tra ngày.")

    head = _header(ctx)
    recipients = [f"- {_cap(ctx.party_name(p, True))};" for p in obligor_ids if p != STATE]
    recipients += [f"- {_cap(ctx.party_name(p, False))};" for p in obligee_ids if p != STATE]
    recipients.append(f"- {ctx.office_value('procuracy', 'Viện kiểm sát nhân dân cùng cấp')};")
    recipients.append("- Lưu: VT, hồ sơ thi hành án.")
    from docproc.decisions._build import _deadline

    deadlines = [
        _deadline(ctx, "notify_parties", ctx.issue, "issue_date", "ngày ra quyết định"),
        _deadline(ctx, "send_procuracy", ctx.issue, "issue_date", "ngày ra quyết định"),
    ]
    return Draft(
        name=f"{_safe(decision_name)}.amend",
        title=nfc(f"QĐ sửa đổi, bổ sung – {short}"),
        kind="amend",
        law_id=law.id,
        law_title=law.title,
        form_title=form["title"],
        form_subject=form["subject"],
        form_code=form.get("form_code"),
        legal_bases=bases,
        judgment_ref=judgment_ref,
        request_ref=reason,
        obligors=obligors,
        obligees=obligees,
        items=items,
        voluntary_period={
            "applicable": False,
            "days": None,
            "article": law.raw["voluntary_period"]["article"],
            "verified": True,
            "text": "",
        },
        article_1=nfc(article_1),
        article_2=nfc(article_2),
        article_3=nfc(article_3),
        deadlines=deadlines,
        recipients=[nfc(r) for r in recipients],
        placeholders=ctx.placeholders,
        notes=ctx.notes,
        warnings=ctx.warnings,
        amends=amended,
        corrections=corrections,
        **head,
    )


def _day(iso: str | None) -> str:
    if not iso:
        return ""
    try:
        return date_vi(date.fromisoformat(iso))
    except ValueError:
        return f"ngày {iso}"


def _safe(name: str) -> str:
    """A draft name usable in URLs and file names: the decision's id or file stem, folders flattened."""
    return "".join(c if c.isalnum() or c in "-_." else "-" for c in name.replace("/", "__"))


def _header(ctx) -> dict[str, str]:  # type: ignore[no-untyped-def]
    """Office, number, place and date, signer: as every draft of this office."""
    office, opts = ctx.office, ctx.options
    office_name = ctx.office_value("name", "tên cơ quan thi hành án dân sự")
    parent = ctx.office_value("parent", "tên cơ quan chủ quản")
    place = ctx.office_value("place", "địa danh")
    if office.signer_title:
        signer_title = office.signer_title
    elif office.name:
        org = office.name.upper()
        if org.startswith("PHÒNG") and office.parent:
            org = office.parent.upper()
        signer_title = f"{office.head_title} {'CƠ QUAN ' if org.startswith('THI HÀNH ÁN') else ''}{org}"
    else:
        signer_title = f"{office.head_title} {office_name}"
    if opts.decision_number:
        number = f"Số: {opts.decision_number}/{office.number_symbol}"
    else:
        number = f"Số: ......../{office.number_symbol}"
        from docproc.decisions._models import Placeholder

        ctx.placeholders.append(Placeholder(field="decision_number", reason="officer_input", text=number))
    if not opts.issue_date:
        ctx.note("Chưa có ngày ra quyết định: dự thảo dùng ngày lập dự thảo để chọn luật áp dụng.")
    return {
        "office_parent": parent,
        "office_name": office_name,
        "signer_title": nfc(signer_title),
        "signature_title": nfc(office.head_title),
        "signer_name": ctx.office_value("head_name", "họ tên người ký"),
        "number": number,
        "place": place,
        "issue_date": ctx.issue.isoformat(),
        "place_date": nfc(f"{place}, {date_vi(ctx.issue)}"),
    }


def _law_correction(ctx, enf: dict[str, Any], d: dict[str, Any]) -> Correction:  # type: ignore[no-untyped-def]
    """The legal basis the amended decision should have cited: the law and decree in force on its date."""
    try:
        then = law_for(date.fromisoformat(enf["date"]))
    except (KeyError, TypeError, ValueError, Exception):
        then = None
    law, decree = enf.get("legal_basis_law"), enf.get("legal_basis_decree")
    if then is None:
        right = [ctx.missing("amends.date", "ngày của quyết định được sửa đổi (để xác định luật áp dụng)")]
        cited = []
    else:
        spec = then.raw["amend"]
        cited, right = [], []
        if law and law != then.id:  # only what is wrong is replaced
            cited.append(f"Luật Thi hành án dân sự số {law}")
            right.append(spec["law_citation"])
        if decree and decree != spec["decree"]:
            cited.append(f"Nghị định số {decree}")
            right.append(spec["decree_citation"])
        if not right:  # the audit saw what this extraction does not: cite both in force
            right = [spec["law_citation"], spec["decree_citation"]]
    line = "Sửa đổi căn cứ pháp lý của quyết định"
    if cited:
        line += f": thay {', '.join(_quote(c) for c in cited)} bằng: {', '.join(_quote(r) for r in right)}"
    else:
        line += f": căn cứ {'; '.join(right)}"
    if then is not None and enf.get("date"):
        line += f" (văn bản có hiệu lực vào {date_vi(date.fromisoformat(enf['date']))}, ngày ra quyết định)"
    return Correction(
        kind="wrong_law_for_date",
        obligation=None,
        detail=d.get("detail", ""),
        was="; ".join(cited) or None,
        lines=[nfc(line + ".")],
    )
