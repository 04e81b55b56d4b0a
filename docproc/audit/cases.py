"""An archive (judgments and enforcement decisions mixed) as enforcement cases.

A case is one judgment with the decisions that enforce it, in date order; decisions whose judgment is
not in the archive form a case of the judgment they cite. Everything here is derived from the
per-document extractions, so the table of an archive is the same however the documents were read.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from docproc.audit._text import norm_number
from docproc.audit.audit import audit_decision, map_parties, match_items
from docproc.audit.link import Link, is_decision, link_judgments, link_priors

__all__ = ["CASE_COLUMNS", "STATUS_BY_DECISION", "audit_archive", "build_cases"]

CASE_COLUMNS = (
    "case_id",
    "judgment",
    "judgment_number",
    "judgment_date",
    "court",
    "status",
    "n_decisions",
    "decisions",
    "decision_types",
    "last_decision_date",
    "obligors",
    "n_obligations",
    "amount_ordered_vnd",
    "amount_covered_vnd",
    "open_discrepancies",
    "discrepancy_kinds",
)

# the state of a case after its latest decision
STATUS_BY_DECISION = {
    "execute_on_request": "in_enforcement",
    "execute_ex_officio": "in_enforcement",
    "resume": "in_enforcement",
    "revoke_or_amend": "in_enforcement",
    "coercion": "coercion",
    "postpone": "postponed",
    "suspend": "suspended",
    "terminate": "terminated",
    "not_enforceable": "not_enforceable",
    "entrust": "entrusted",
    "other": "in_enforcement",
}


def audit_archive(
    docs: dict[str, dict[str, Any]],
) -> tuple[dict[str, dict[str, Any]], dict[str, Link], dict[str, Link]]:
    """(audit per decision, judgment link per decision, prior-decision link per decision)."""
    decisions = {n: d for n, d in docs.items() if is_decision(d)}
    judgments = {n: d for n, d in docs.items() if not is_decision(d)}
    links = link_judgments(decisions, judgments)
    priors = link_priors(decisions)
    audits = {}
    for name in sorted(decisions):
        link = links[name]
        audits[name] = audit_decision(
            decisions[name],
            judgments.get(link.target) if link.target else None,
            decision_name=name,
            judgment_name=link.target,
            matched_ref=link.ref,
            link_score=link.score,
        )
        audits[name]["link"] = {"score": link.score, "reason": link.reason}
        prior = priors.get(name)
        if prior is not None:
            audits[name]["prior_decision"] = {
                "decision": prior.target,
                "score": prior.score,
                "reason": prior.reason,
            }
    return audits, links, priors


def _case_judgment(name: str, audits: dict[str, dict[str, Any]]) -> str | None:
    """The decision's judgment, else that of the prior decision it acts on (up the chain)."""
    seen = set()
    while name and name not in seen:
        seen.add(name)
        audit = audits.get(name) or {}
        if audit.get("judgment"):
            return audit["judgment"]
        name = (audit.get("prior_decision") or {}).get("decision")
    return None


def _party_names(doc: dict[str, Any], ids: list[str]) -> list[str]:
    by_id = {p.get("id"): p.get("name") for p in doc.get("parties") or []}
    return [str(by_id.get(i, i)) for i in ids if i != "STATE"]


def _decision_key(doc: dict[str, Any], name: str) -> tuple[str, str, str]:
    enf = doc.get("enforcement") or {}
    return (enf.get("date") or "9999-99-99", norm_number(enf.get("number")), name)


def build_cases(
    docs: dict[str, dict[str, Any]], audits: dict[str, dict[str, Any]]
) -> tuple[list[dict[str, Any]], dict[str, Any]]:
    """(rows of the cases table, statistics by status and by decision type)."""
    judgments = {n: d for n, d in docs.items() if not is_decision(d)}
    by_case: dict[str, list[str]] = defaultdict(list)
    cited: dict[str, dict[str, Any]] = {}
    for name, doc in docs.items():
        if not is_decision(doc):
            continue
        target = _case_judgment(name, audits)
        if target in judgments:
            by_case[target].append(name)
        else:
            ref = (doc.get("enforcement") or {}).get("judgment") or {}
            key = "?" + (norm_number(ref.get("number")) or name)
            by_case[key].append(name)
            cited.setdefault(key, ref)
    rows = []
    for key in sorted(set(judgments) | set(by_case)):
        decs = sorted(by_case.get(key, []), key=lambda n: _decision_key(docs[n], n))
        jdoc = judgments.get(key)
        rows.append(_row(key, jdoc, cited.get(key) or {}, [(n, docs[n]) for n in decs], audits))
    return rows, statistics(rows, docs)


def _row(
    key: str,
    jdoc: dict[str, Any] | None,
    ref: dict[str, Any],
    decs: list[tuple[str, dict[str, Any]]],
    audits: dict[str, dict[str, Any]],
) -> dict[str, Any]:
    case = (jdoc or {}).get("case") or ref
    obligations = (jdoc or {}).get("obligations") or []
    covered: set[str] = set()
    if jdoc is not None:
        for _, d in decs:
            pmap = map_parties(d, jdoc)
            covered |= {jo["id"] for _, jo in match_items(d, jdoc, pmap) if jo is not None and jo.get("id")}
    obligors: list[str] = []
    for o in obligations:
        for n in _party_names(jdoc or {}, o.get("obligors") or []):
            if n not in obligors:
                obligors.append(n)
    if jdoc is None:
        for _, d in decs:
            for p in d.get("parties") or []:
                if p.get("role") == "obligor" and p.get("name") not in obligors:
                    obligors.append(p.get("name"))
    kinds: list[str] = []
    n_open = 0
    for name, _ in decs:
        for f in (audits.get(name) or {}).get("discrepancies") or []:
            n_open += 1
            if f["kind"] not in kinds:
                kinds.append(f["kind"])
    types = [(d.get("enforcement") or {}).get("decision_type") or "other" for _, d in decs]
    if jdoc is None:
        status = "judgment_missing"
    elif not decs:
        status = "no_decision"
    else:
        status = STATUS_BY_DECISION.get(types[-1], "in_enforcement")
    return {
        "case_id": f"case:{key}",
        "judgment": key if jdoc is not None else None,
        "judgment_number": case.get("number"),
        "judgment_date": case.get("date"),
        "court": case.get("court"),
        "status": status,
        "n_decisions": len(decs),
        "decision_ids": [n for n, _ in decs],  # in date order; not a table column
        "decisions": "; ".join(
            f"{(d.get('enforcement') or {}).get('number')} {(d.get('enforcement') or {}).get('date')} {t}"
            for (_, d), t in zip(decs, types, strict=True)
        ),
        "decision_types": "; ".join(types),
        "last_decision_date": (decs[-1][1].get("enforcement") or {}).get("date") if decs else None,
        "obligors": "; ".join(obligors),
        "n_obligations": len(obligations),
        "amount_ordered_vnd": sum(o.get("amount_vnd") or 0 for o in obligations),
        "amount_covered_vnd": sum(o.get("amount_vnd") or 0 for o in obligations if o.get("id") in covered),
        "open_discrepancies": n_open,
        "discrepancy_kinds": "; ".join(kinds),
    }


def statistics(rows: list[dict[str, Any]], docs: dict[str, dict[str, Any]]) -> dict[str, Any]:
    """Cases and money by status, decisions and money by decision type: what an office reports."""
    by_status: dict[str, dict[str, int]] = {}
    for r in rows:
        s = by_status.setdefault(
            r["status"],
            {"cases": 0, "amount_ordered_vnd": 0, "amount_covered_vnd": 0, "open_discrepancies": 0},
        )
        s["cases"] += 1
        s["amount_ordered_vnd"] += r["amount_ordered_vnd"]
        s["amount_covered_vnd"] += r["amount_covered_vnd"]
        s["open_discrepancies"] += r["open_discrepancies"]
    by_type: dict[str, dict[str, int]] = {}
    for d in docs.values():
        if not is_decision(d):
            continue
        t = (d.get("enforcement") or {}).get("decision_type") or "other"
        s = by_type.setdefault(t, {"decisions": 0, "amount_vnd": 0})
        s["decisions"] += 1
        s["amount_vnd"] += sum(o.get("amount_vnd") or 0 for o in d.get("obligations") or [])
    return {
        "cases": len(rows),
        "decisions": sum(r["n_decisions"] for r in rows),
        "amount_ordered_vnd": sum(r["amount_ordered_vnd"] for r in rows),
        "amount_covered_vnd": sum(r["amount_covered_vnd"] for r in rows),
        "by_status": dict(sorted(by_status.items())),
        "by_decision_type": dict(sorted(by_type.items())),
    }
