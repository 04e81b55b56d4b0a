"""Decisions already issued on a judgment: a new draft for the same obligor says so, not duplicates it.

    issued_decisions(judgment, decisions) -> list[Issued]    the execute decisions of a case, in the
                                                             judgment's terms (party and obligation ids)
    mark_issued(drafts, judgment, decisions, force_new=...)  each draft marked with what covers it

One decision per obligor (NĐ 152/2026 Art. 8, 11): when an execute decision of the same type (theo yêu
cầu / chủ động) already states a judgment obligation of a draft, for the same obligor (matched by ID
number, else by folded name), that draft is the decision already issued, not a new one. The officer
may still have it made anew (`force_new`). Items of the draft that the issued decision leaves out are
listed (`Draft.uncovered`): those call for an amend (bổ sung) draft, not a second decision.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from docproc.decisions._models import DecisionRef, Draft
from docproc.decisions._rules import common
from docproc.decisions._vi import date_vi
from docproc.text import nfc

__all__ = ["EXECUTE_TYPES", "Issued", "decision_ref", "issued_decisions", "mark_issued", "party_map"]

STATE = "STATE"
EXECUTE_TYPES = {"execute_on_request": "on_request", "execute_ex_officio": "ex_officio"}


@dataclass
class Issued:
    """One execute decision seen from the judgment: its kind, obligor and obligee groups (judgment
    party ids) and the judgment obligations it states."""

    ref: DecisionRef
    kind: str  # on_request | ex_officio
    obligors: frozenset[str]
    obligees: frozenset[str]
    obligations: set[str] = field(default_factory=set)
    items_read: bool = False


def _digits(text: str | None) -> str:
    return re.sub(r"\D", "", text or "")


def party_map(decision: dict[str, Any], judgment: dict[str, Any]) -> dict[str, str]:
    """Decision party id → judgment party id: by ID number (CCCD, CMND, mã số doanh nghiệp) when
    both carry one, else by folded name (docproc.audit.map_parties: a few damaged letters allowed)."""
    from docproc.audit import map_parties  # docproc.audit reads this package's rules: import late

    out = map_parties(decision, judgment)
    jparties = [p for p in judgment.get("parties") or [] if p.get("id")]
    by_id = {_digits(p.get("id_number")): p["id"] for p in jparties if len(_digits(p.get("id_number"))) >= 9}
    id_of = {p["id"]: _digits(p.get("id_number")) for p in jparties}
    for p in decision.get("parties") or []:
        num = _digits(p.get("id_number"))
        if len(num) < 9:
            continue
        if num in by_id:
            out[p["id"]] = by_id[num]
        elif len(id_of.get(out.get(p["id"], ""), "")) >= 9:
            out.pop(p["id"], None)  # the same name, another ID number: another person
    return out


def decision_ref(name: str, decision: dict[str, Any]) -> DecisionRef:
    """How a draft cites an existing decision: 'Quyết định thi hành án số 12/QĐ-THADS ngày ... của ...'."""
    enf = decision.get("enforcement") or {}
    dtype = enf.get("decision_type") or "other"
    word = common()["amend"]["decision_words"].get(dtype, "Quyết định")
    bits = [f"{word} số {enf.get('number') or '(không rõ số)'}"]
    day = enf.get("date")
    if day:
        try:
            bits.append(date_vi(date.fromisoformat(day)))
        except ValueError:
            bits.append(f"ngày {day}")
    if enf.get("agency"):
        bits.append(f"của {enf['agency']}")
    return DecisionRef(
        decision=name,
        number=enf.get("number"),
        date=day,
        agency=enf.get("agency"),
        decision_type=dtype,
        text=nfc(" ".join(bits)),
    )


def _group(ids: frozenset[str] | set[str], fallback: frozenset[str] | set[str]) -> frozenset[str]:
    """Whom a decision is for: its obligors, or (what the State gives back) its recipients."""
    own = frozenset(i for i in ids if i != STATE)
    return own or frozenset(i for i in fallback if i != STATE)


def issued_decisions(judgment: dict[str, Any], decisions: dict[str, dict[str, Any]]) -> list[Issued]:
    """The execute decisions among `decisions` (name → extraction, all enforcing `judgment`), each in
    the judgment's ids. Other decision types (coercion, postponement...) issue no new execute decision."""
    from docproc.audit import match_items

    out: list[Issued] = []
    for name in sorted(decisions):
        dec = decisions[name]
        kind = EXECUTE_TYPES.get((dec.get("enforcement") or {}).get("decision_type") or "")
        if kind is None:
            continue
        pmap = party_map(dec, judgment)
        obligors: set[str] = set()
        obligees: set[str] = set()
        covered: set[str] = set()
        items = dec.get("obligations") or []
        for item, jo in match_items(dec, judgment, pmap):
            io = {pmap[i] for i in item.get("obligors") or [] if i in pmap}
            ie = {pmap[i] for i in item.get("obligees") or [] if i in pmap}
            obligors |= io
            obligees |= ie
            if jo is None or not jo.get("id"):
                continue
            # the item stands for the obligation only for someone of the judgment's side of it
            if _group(io, ie) & _group(set(jo.get("obligors") or []), set(jo.get("obligees") or [])):
                covered.add(jo["id"])
        for p in dec.get("parties") or []:
            if p.get("id") in pmap and p.get("role") == "obligor":
                obligors.add(pmap[p["id"]])
            elif p.get("id") in pmap and p.get("role") == "obligee":
                obligees.add(pmap[p["id"]])
        ref = decision_ref(name, dec)
        ref.obligations = sorted(covered)
        out.append(
            Issued(ref, kind, frozenset(obligors), frozenset(obligees), covered, items_read=bool(items))
        )
    return out


def _covers(issued: Issued, draft: Draft) -> set[str] | None:
    """The draft's obligations that `issued` states (None: it does not stand for this draft)."""
    if issued.kind != draft.kind:
        return None
    mine = {item.obligation_id for item in draft.items}
    if issued.items_read:
        cover = mine & issued.obligations
        return cover or None
    # items not read (a damaged scan): the same obligor (and, on request, the same obligee) decides
    draft_obligors = {o for item in draft.items for o in item.obligors}
    draft_obligees = {o for item in draft.items for o in item.obligees}
    if _group(issued.obligors, issued.obligees) != _group(draft_obligors, draft_obligees):
        return None
    if draft.kind == "on_request" and issued.obligees and not (issued.obligees & draft_obligees):
        return None
    return mine if draft.items else None


def _cap(s: str) -> str:
    return s[:1].upper() + s[1:]


def _type_changed(judgment: dict[str, Any], ids: list[str], refs: list[DecisionRef], kind: str) -> set[str]:
    """Of the obligation ids left out of the issued decisions, those enforced another way under the
    law in force on every one of those decisions' dates, as the audit judges it (a decision of 2020
    rightly left out what Law 106/2025 now makes ex officio): not an error of that decision."""
    from docproc.audit._rules import expected_enforcement, law_on  # the audit's own reading of the law

    if not ids:
        return set()
    obs = {ob.get("id"): ob for ob in judgment.get("obligations") or []}
    laws = [law_on(ref.date) for ref in refs]
    if any(law is None for law in laws):
        return set()  # a decision without a readable date: no opinion
    return {
        oid for oid in ids if oid in obs and all(expected_enforcement(obs[oid], law) != kind for law in laws)
    }


def mark_issued(
    drafts: list[Draft],
    judgment: dict[str, Any],
    decisions: dict[str, dict[str, Any]],
    *,
    force_new: list[str] | tuple[str, ...] = (),
) -> list[Draft]:
    """Mark each draft (in place; also returned) that a decision in `decisions` already issues:
    `already_issued` names the decision(s), `uncovered` the items none of them states. A draft named
    in `force_new` (or all with "*") is made anew, with a warning instead."""
    if not decisions:
        return drafts
    issued = issued_decisions(judgment, decisions)
    for draft in drafts:
        if draft.kind == "amend":
            continue
        covered: set[str] = set()
        for dec in issued:
            cover = _covers(dec, draft)
            if cover is None:
                continue
            covered |= cover
            draft.already_issued.append(dec.ref)
        if not draft.already_issued:
            continue
        refs = "; ".join(r.text for r in draft.already_issued)
        left = [i.obligation_id for i in draft.items if i.obligation_id not in covered]
        changed = _type_changed(judgment, left, draft.already_issued, draft.kind)
        draft.uncovered = [o for o in left if o not in changed]
        draft.forced = "*" in force_new or draft.name in force_new
        if draft.forced:
            draft.warnings.insert(
                0,
                nfc(
                    f"Đã có {refs} cho người phải thi hành án này; bản nháp này được lập mới theo yêu cầu của "
                    "cán bộ: kiểm tra để không ban hành trùng (mỗi người phải thi hành án một quyết định)."
                ),
            )
        else:
            draft.warnings.insert(
                0,
                nfc(
                    f"Đã ban hành: {refs}. Không lập quyết định mới cho các khoản đã có trong quyết định đó; "
                    "nếu cần vẫn có thể lập mới (“Lập mới dù đã có quyết định”)."
                ),
            )
        if changed:
            labels = [f"khoản {k}" for k, i in enumerate(draft.items, start=1) if i.obligation_id in changed]
            draft.warnings.insert(
                1,
                nfc(
                    f"{_cap(', '.join(labels))} của bản nháp không có trong quyết định đã ban hành vì theo luật "
                    "có hiệu lực vào ngày của quyết định đó, khoản này không thuộc loại thi hành án của quyết "
                    "định; theo luật hiện hành thì thuộc: xem xét ra quyết định riêng cho khoản này."
                ),
            )
        if draft.uncovered:
            labels = [
                f"khoản {k}" for k, i in enumerate(draft.items, start=1) if i.obligation_id in draft.uncovered
            ]
            draft.warnings.insert(
                1,
                nfc(
                    f"Quyết định đã ban hành chưa có {', '.join(labels)} của bản nháp: bổ sung bằng quyết định "
                    "sửa đổi, bổ sung quyết định thi hành án."
                ),
            )
    return drafts
