"""Consistency checks that become document warnings a reviewer sees.

Each is a Notice (docproc.notices): a code, the JSON Pointer of the value ("/obligations/2") and
params that are amounts or party ids, never names or ID numbers. Each check only speaks where its facts are known: the fee schedule is checked only for
judgments under a schedule we hold (data/court_fees.json) and for the kinds of case where the fee
follows from the amount ordered (civil and commercial money claims without counterclaims).
"""

from __future__ import annotations

import re

from docproc.document import Document
from docproc.extract import fees
from docproc.notices import Notice
from docproc.schema import Extraction, Obligation

__all__ = ["check"]

STATE = "STATE"
# Reimbursed procedural costs (inspection, valuation) are ordered but are not part of the claim value.
_COSTS_RE = re.compile(r"chi\s+phí\s+(?:tố\s+tụng|xem\s+xét|thẩm\s+định|định\s+giá|giám\s+định)", re.I)


def check(extraction: Extraction, document: Document) -> list[Notice]:
    """All warnings for one extraction, in a stable order."""
    out: list[Notice] = []
    out += _words_vs_digits(extraction)
    out += _digits_reread(extraction, document)
    out += _components(extraction)
    out += _parties(extraction)
    out += _court_fees(extraction, document)
    out += _unlinked_security(extraction)
    return out


def _words_vs_digits(ex: Extraction) -> list[Notice]:
    from docproc.text import words_to_amount

    out = []
    for i, ob in enumerate(ex.obligations):
        if ob.amount_words and ob.amount_vnd is not None:
            value = words_to_amount(ob.amount_words)
            if value is None:
                out.append(Notice("amount.words_unreadable", f"/obligations/{i}"))
            elif value != ob.amount_vnd:
                out.append(
                    Notice(
                        "amount.words_digits_differ",
                        f"/obligations/{i}",
                        {"digits": ob.amount_vnd, "words": value},
                    )
                )
    return out


def _digits_reread(ex: Extraction, document: Document) -> list[Notice]:
    """An amount whose digits, as read, say something else than the value kept: the digits were put
    back together or corrected because the words spell the value, or letters OCR put for digits were
    read as digits ("J12.128.476đ"). The reviewer is told what the digits said."""
    from docproc.extract._word_amounts import shadow_digits
    from docproc.text import parse_amount, words_to_amount

    out = []
    for i, ob in enumerate(ex.obligations):
        ev = ex.evidence.get(f"/obligations/{i}/amount_vnd")
        if ob.amount_vnd is None or ev is None or ev.span is None:
            continue
        s, e = ev.span
        if e > len(document.text):
            continue
        span = document.text[s:e]
        digits = parse_amount(span)
        if digits is None or digits == ob.amount_vnd:
            continue
        said = words_to_amount(ob.amount_words) if ob.amount_words else None
        if said == ob.amount_vnd or parse_amount(shadow_digits(span)) == ob.amount_vnd:
            out.append(
                Notice(
                    "amount.digits_reread", f"/obligations/{i}", {"digits": digits, "amount": ob.amount_vnd}
                )
            )
    return out


def _components(ex: Extraction) -> list[Notice]:
    out = []
    for i, ob in enumerate(ex.obligations):
        if not ob.components or ob.amount_vnd is None:
            continue
        total = sum(ob.components.values())
        paid = _int(getattr(ob, "already_paid", None)) or 0
        if total not in (ob.amount_vnd, ob.amount_vnd + paid):
            out.append(
                Notice(
                    "amount.components_sum", f"/obligations/{i}", {"total": total, "ordered": ob.amount_vnd}
                )
            )
    return out


def _parties(ex: Extraction) -> list[Notice]:
    ids = {p.id for p in ex.parties}
    out = []
    for i, ob in enumerate(ex.obligations):
        for role in ("obligors", "obligees"):
            for j, pid in enumerate(getattr(ob, role)):
                if pid != STATE and pid not in ids:
                    out.append(Notice("party.unknown", f"/obligations/{i}/{role}/{j}", {"party": pid}))
        if ob.kind in ("pay_money", "deliver_asset", "perform_act") and not ob.obligors:
            out.append(Notice("obligation.no_obligor", f"/obligations/{i}"))
        if ob.kind == "pay_money" and not ob.obligees:
            out.append(Notice("obligation.no_obligee", f"/obligations/{i}"))
    for j, a in enumerate(ex.assets):
        for k, pid in enumerate(a.owners):
            if pid not in ids:
                out.append(Notice("party.unknown", f"/assets/{j}/owners/{k}", {"party": pid}))
    return out


def _court_fees(ex: Extraction, document: Document) -> list[Notice]:
    case = ex.case
    schedule = fees.schedule_for(case.date)
    if schedule is None or case.type_code not in ("DS", "KDTM") or case.instance not in (None, "ST", "PT"):
        return []
    if re.search(r"phản\s+tố|yêu\s+cầu\s+độc\s+lập", document.text, re.I):
        return []  # fees on claims the court rejected are not derived from the orders
    if case.subject and not re.search(r"hợp\s+đồng", case.subject, re.I):
        return []  # inheritance, property division: fees follow asset values, not the orders
    table = "kdtm" if case.type_code == "KDTM" else "civil"
    money = [
        o
        for o in ex.obligations
        if o.kind == "pay_money"
        and STATE not in o.obligees
        and not _periodic(o)
        and not _COSTS_RE.search(o.text or "")
    ]
    out = []
    by_group: dict[frozenset[str], list[tuple[int, Obligation]]] = {}
    for i, ob in enumerate(ex.obligations):
        if ob.kind == "court_fee" and ob.amount_vnd and ob.obligors:
            by_group.setdefault(frozenset(ob.obligors), []).append((i, ob))
    for group, fee_obs in by_group.items():
        value = sum(o.amount_vnd or 0 for o in money if frozenset(o.obligors) == group)
        if value <= 0:
            continue
        expected = fees.valued_fee(value, table, schedule)
        if expected is None:
            continue
        candidates = [ob.amount_vnd for _, ob in fee_obs] + [
            v for _, ob in fee_obs for v in ob.components.values()
        ]
        if any(c and fees.fee_matches(c, expected, schedule) for c in candidates):
            continue
        i = fee_obs[0][0]
        out.append(
            Notice(
                "fee.off_schedule",
                f"/obligations/{i}",
                {
                    "fee": fee_obs[0][1].amount_vnd or 0,
                    "resolution": schedule.resolution,
                    "value": value,
                    "expected": expected,
                },
            )
        )
    return out


def _unlinked_security(ex: Extraction) -> list[Notice]:
    linked = {aid for ob in ex.obligations for aid in ob.secured_by}
    if not linked and not any(a.security_contract for a in ex.assets):
        return []  # no security in this judgment
    out = []
    for j, a in enumerate(ex.assets):
        if a.security_contract and a.id not in linked:
            out.append(Notice("asset.unlinked_security", f"/assets/{j}"))
    return out


def _periodic(ob: Obligation) -> bool:
    return bool(getattr(ob, "period", None))


def _int(v: object) -> int | None:
    return v if isinstance(v, int) else None
