"""Audit one enforcement decision against the judgment it enforces and the law on its date.

Kinds and scope follow shared/eval/GUIDELINES.md ("Audit gold"): missing_obligation (execute
decisions only, within their obligor group and enforcement type), amount_mismatch, party_mismatch,
wrong_enforcement_type, wrong_law_for_date, wrong_judgment_reference, other (voluntary period).
Details are Vietnamese sentences for the officer; `obligation` is the judgment's obligation id.
"""

from __future__ import annotations

from typing import Any

from docproc.audit._rules import expected_enforcement, guiding_decrees, law_on, rules, voluntary_days
from docproc.audit._text import fold_court, fold_name, name_score, norm_number, similarity
from docproc.audit.link import court_score

__all__ = ["SCHEMA", "audit_decision", "match_items", "map_parties"]

SCHEMA = "docproc/enforcement-audit/1"
STATE = "STATE"

_KIND_VI = {
    "pay_money": "khoản trả tiền",
    "deliver_asset": "nghĩa vụ giao tài sản",
    "perform_act": "nghĩa vụ thực hiện công việc",
    "court_fee": "khoản án phí",
    "fine": "khoản tiền phạt",
    "confiscation": "khoản tịch thu",
    "refund": "khoản trả lại tiền",
    "other": "nghĩa vụ",
}
_TYPE_VI = {"on_request": "theo yêu cầu", "ex_officio": "chủ động"}


def vnd(amount: int | None) -> str:
    return "không ghi số tiền" if amount is None else f"{amount:,}".replace(",", ".") + " đồng"


def map_parties(decision: dict[str, Any], judgment: dict[str, Any]) -> dict[str, str]:
    """Decision party id → judgment party id, by folded name (a few damaged letters allowed)."""
    jparties = [(p["id"], fold_name(p.get("name"))) for p in judgment.get("parties") or [] if p.get("id")]
    out: dict[str, str] = {STATE: STATE}
    for p in decision.get("parties") or []:
        name = fold_name(p.get("name"))
        if not name:
            continue
        best, best_s = None, 0.0
        for jid, jname in jparties:
            s = name_score(name, jname, 0.88)
            if s > best_s:
                best, best_s = jid, s
        if best is not None and best_s >= 0.88:
            out[p["id"]] = best
    return out


def _ids(ids: list[str] | None, pmap: dict[str, str]) -> frozenset[str]:
    """Judgment party ids of decision party ids; an unknown party stays as '?id' (someone added)."""
    return frozenset(pmap.get(i, f"?{i}") for i in ids or [])


def _closeness(a: int, b: int) -> float:
    """How alike two different amounts are (a mistyped digit scores high)."""
    return similarity(str(a), str(b))


def match_items(
    decision: dict[str, Any], judgment: dict[str, Any], pmap: dict[str, str]
) -> list[tuple[dict[str, Any], dict[str, Any] | None]]:
    """Pair each decision item with the judgment obligation it restates (None when none fits).

    First pass: same kind and amount, with obligors or obligees in common; second: same kind and
    parties, another amount (a mistyped amount); third: same kind and amount, other parties; last:
    another kind (a kind misread), same amount, parties in common."""
    items = list(decision.get("obligations") or [])
    jobs = list(judgment.get("obligations") or [])
    used: set[int] = set()
    pairs: dict[int, int] = {}

    def parties(o: dict[str, Any], mapped: bool) -> tuple[frozenset[str], frozenset[str]]:
        if mapped:
            return _ids(o.get("obligors"), pmap), _ids(o.get("obligees"), pmap)
        return frozenset(o.get("obligors") or []), frozenset(o.get("obligees") or [])

    def candidates(pass_no: int) -> list[tuple[float, int, int]]:
        out = []
        for i, it in enumerate(items):
            if i in pairs:
                continue
            io, ie = parties(it, True)
            for j, jo in enumerate(jobs):
                if j in used or (jo.get("kind") != it.get("kind")) != (pass_no == 4):
                    continue
                jo_o, jo_e = parties(jo, False)
                a, b = it.get("amount_vnd"), jo.get("amount_vnd")
                same_amount = a == b
                overlap = (len(io & jo_o) / max(len(io | jo_o), 1)) + (
                    len(ie & jo_e) / max(len(ie | jo_e), 1)
                )
                if pass_no == 1 and same_amount and overlap > 0:
                    out.append((overlap + 2, i, j))
                elif pass_no == 2 and not same_amount and io == jo_o and ie == jo_e:
                    out.append((_closeness(a, b) if a is not None and b is not None else 0.0, i, j))
                elif pass_no == 3 and same_amount and a is not None:
                    out.append((overlap, i, j))
                elif pass_no == 4 and same_amount and a is not None and overlap > 0:
                    out.append((overlap, i, j))
        return sorted(out, key=lambda t: (-t[0], t[1], t[2]))

    for pass_no in (1, 2, 3, 4):
        for _, i, j in candidates(pass_no):
            if i not in pairs and j not in used:
                pairs[i] = j
                used.add(j)
    return [(it, jobs[pairs[i]] if i in pairs else None) for i, it in enumerate(items)]


def _owners_of_security(decision: dict[str, Any], item: dict[str, Any], pmap: dict[str, str]) -> set[str]:
    """Judgment ids of the owners of the assets the item is secured by (or the decision seizes)."""
    assets = {a.get("id"): a for a in decision.get("assets") or []}
    ids = item.get("secured_by") or list(assets)
    return {pmap.get(o, f"?{o}") for a in ids for o in (assets.get(a) or {}).get("owners") or []}


def _names(
    doc: dict[str, Any], ids: frozenset[str] | list[str], decision: dict[str, Any] | None = None
) -> str:
    """Names of judgment party ids; '?Pn' ids (not in the judgment) by the decision's names."""
    by_id = {p.get("id"): p.get("name") for p in doc.get("parties") or []}
    in_decision = {f"?{p.get('id')}": p.get("name") for p in (decision or {}).get("parties") or []}
    by_id.update(in_decision)
    return ", ".join(sorted("Nhà nước" if i == STATE else str(by_id.get(i, i.lstrip("?"))) for i in ids))


def _date_vi(iso: str | None) -> str:
    """ISO date as dd/mm/yyyy, the way a decision writes it."""
    if not iso or len(iso) != 10:
        return str(iso)
    y, m, d = iso.split("-")
    return f"{d}/{m}/{y}"


def _d(kind: str, detail: str, obligation: str | None) -> dict[str, Any]:
    return {"kind": kind, "detail": detail, "obligation": obligation}


def audit_decision(
    decision: dict[str, Any],
    judgment: dict[str, Any] | None,
    *,
    decision_name: str,
    judgment_name: str | None,
    matched_ref: dict[str, Any] | None = None,
    link_score: float | None = None,
) -> dict[str, Any]:
    """The audit record (schema $defs.audit) of one decision against its judgment (None: unlinked)."""
    enf = decision.get("enforcement") or {}
    dtype = enf.get("decision_type")
    law = law_on(enf.get("date"))
    found: list[dict[str, Any]] = []
    found += _law_findings(enf, law)
    if dtype in rules()["voluntary_period_types"] and law is not None:
        days = voluntary_days(law)
        if enf.get("deadline_days") is not None and days is not None and enf["deadline_days"] != days:
            found.append(
                _d(
                    "other",
                    f"thời hạn tự nguyện thi hành án ghi {enf['deadline_days']} ngày; luật quy định {days} ngày",
                    None,
                )
            )
    if judgment is not None:
        found += _reference_findings(enf, judgment, matched_ref, link_score)
        found += _item_findings(decision, judgment, dtype, law)
    out: dict[str, Any] = {"schema": SCHEMA, "decision": decision_name, "judgment": judgment_name}
    out["discrepancies"] = found
    return out


def _law_findings(enf: dict[str, Any], law: Any) -> list[dict[str, Any]]:
    if law is None:
        return []
    cited_law, cited_decree = enf.get("legal_basis_law"), enf.get("legal_basis_decree")
    wrong = []
    if cited_law and cited_law != law.id:
        wrong.append(f"Luật số {cited_law}")
    if cited_decree and cited_decree not in guiding_decrees(law):
        wrong.append(f"Nghị định số {cited_decree}")
    if not wrong:
        return []
    in_force = ", ".join([f"Luật số {law.id}", *(f"Nghị định số {d}" for d in guiding_decrees(law))])
    return [
        _d(
            "wrong_law_for_date",
            f"quyết định ngày {_date_vi(enf.get('date'))} căn cứ {' và '.join(wrong)}, không có hiệu lực vào ngày đó "
            f"(đang có hiệu lực: {in_force})",
            None,
        )
    ]


def _reference_findings(
    enf: dict[str, Any], judgment: dict[str, Any], ref: dict[str, Any] | None, link_score: float | None
) -> list[dict[str, Any]]:
    """The cited number, date or court differs from the judgment's header (a confident link only)."""
    ref = ref or enf.get("judgment") or {}
    case = judgment.get("case") or {}
    if link_score is not None and link_score < rules()["link"]["reference_min_score"]:
        return []
    wrong = []
    if ref.get("number") and case.get("number") and norm_number(ref["number"]) != norm_number(case["number"]):
        wrong.append(f"số bản án ghi {ref['number']}")
    if ref.get("date") and case.get("date") and ref["date"] != case["date"]:
        wrong.append(f"ngày bản án ghi {_date_vi(ref['date'])}")
    if ref.get("court") and case.get("court") and court_score(ref["court"], case["court"]) < 0.85:
        if fold_court(ref["court"]) != fold_court(case["court"]):
            wrong.append(f"tòa án ghi {ref['court']}")
    if not wrong:
        return []
    right = f"Bản án số {case.get('number')} ngày {_date_vi(case.get('date'))} của {case.get('court')}"
    return [_d("wrong_judgment_reference", f"{'; '.join(wrong)}; đúng là {right}", None)]


def _not_enforced_by_agency(judgment: dict[str, Any], ob: dict[str, Any]) -> bool:
    code = (judgment.get("case") or {}).get("type_code")
    return any(
        code == r["type_code"] and ob.get("kind") in r["kinds"] for r in rules()["not_enforced_by_agency"]
    )


def _item_findings(
    decision: dict[str, Any], judgment: dict[str, Any], dtype: str | None, law: Any
) -> list[dict[str, Any]]:
    pmap = map_parties(decision, judgment)
    execute_as = rules()["execute_types"].get(dtype or "")
    owner_ok = law is not None and rules()["asset_owner_may_be_obligor"].get(law.id, False)
    found: list[dict[str, Any]] = []
    matched: set[str] = set()
    groups: set[frozenset[str]] = set()
    requesters: set[str] = set()
    for item, jo in match_items(decision, judgment, pmap):
        io, ie = _ids(item.get("obligors"), pmap), _ids(item.get("obligees"), pmap)
        if io:
            groups.add(io)
        requesters |= ie
        if jo is None:
            continue
        oid = jo.get("id")
        matched.add(oid)
        label = _KIND_VI.get(jo.get("kind") or "other", "nghĩa vụ")
        a, b = item.get("amount_vnd"), jo.get("amount_vnd")
        if a is not None and b is not None and a != b:
            found.append(_d("amount_mismatch", f"{label} ghi {vnd(a)} bằng số; bản án tuyên {vnd(b)}", oid))
        jo_o, jo_e = frozenset(jo.get("obligors") or []), frozenset(jo.get("obligees") or [])
        extra_o = io - jo_o
        if owner_ok:
            extra_o -= _owners_of_security(decision, item, pmap)
        # a side the item does not name (not read) says nothing about it
        if io and (extra_o or (jo_o - io)) or ie and ie != jo_e:
            found.append(
                _d(
                    "party_mismatch",
                    f"{label}: quyết định ghi người phải thi hành án {_names(judgment, io, decision)}, "
                    f"người được thi hành án {_names(judgment, ie, decision)}; bản án tuyên "
                    f"{_names(judgment, jo_o)} phải thi hành cho {_names(judgment, jo_e)}",
                    oid,
                )
            )
        if execute_as and expected_enforcement(jo, law) != execute_as:
            want = expected_enforcement(jo, law)
            found.append(
                _d(
                    "wrong_enforcement_type",
                    f"{label} {vnd(b)} chỉ thi hành {_TYPE_VI[want]} nhưng được đưa vào quyết định thi hành "
                    f"án {_TYPE_VI[execute_as]}",
                    oid,
                )
            )
    if execute_as:
        found += _missing(decision, judgment, pmap, execute_as, law, matched, groups, requesters)
    return found


def _missing(
    decision: dict[str, Any],
    judgment: dict[str, Any],
    pmap: dict[str, str],
    execute_as: str,
    law: Any,
    matched: set[str],
    groups: set[frozenset[str]],
    requesters: set[str],
) -> list[dict[str, Any]]:
    """Judgment obligations within the execute decision's scope that it does not state."""
    groups = {g for g in groups if not any(i.startswith("?") for i in g)}
    if not groups:  # no item read: the obligor parties of the decision form the group
        role = frozenset(
            pmap[p["id"]]
            for p in decision.get("parties") or []
            if p.get("role") == "obligor" and p.get("id") in pmap
        )
        groups = {role} if role else set()
    requesters = {r for r in requesters if not r.startswith("?")}
    requesters |= {
        pmap[p["id"]]
        for p in decision.get("parties") or []
        if p.get("role") == "obligee" and p.get("id") in pmap
    }
    out = []
    for jo in judgment.get("obligations") or []:
        if jo.get("id") in matched or _not_enforced_by_agency(judgment, jo):
            continue
        jo_o, jo_e = frozenset(jo.get("obligors") or []), frozenset(jo.get("obligees") or [])
        if jo_o not in groups or expected_enforcement(jo, law) != execute_as:
            continue
        if (execute_as == "on_request" or jo_o == {STATE}) and not (jo_e & requesters):
            continue  # owed to someone else: another decision
        label = _KIND_VI.get(jo.get("kind") or "other", "nghĩa vụ")
        out.append(
            _d(
                "missing_obligation",
                f"bỏ sót {label} {vnd(jo.get('amount_vnd'))} ({jo.get('id')} của bản án) của người phải thi hành án "
                f"{_names(judgment, jo_o)}",
                jo.get("id"),
            )
        )
    return out
