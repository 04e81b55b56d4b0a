"""The two sentences that disagree in a discrepancy: the decision's and the judgment's.

    sides(discrepancy, decision, judgment) -> {"decision": Sentence | None, "judgment": Sentence | None}

A reviewer judges a discrepancy by reading what each document says, not the audit's summary of it.
The sentence is the extraction's evidence for the value in question (evidence is keyed by JSON
pointer, the most specific pointer first); without evidence, the restated order text an obligation
carries (`text`); without that, the values themselves written out. `source` says which it is, so the
page can tell a quoted sentence from a reconstructed one.
"""

from __future__ import annotations

from typing import Any

from docproc.audit.audit import _date_vi, map_parties, match_items

__all__ = ["sides"]

Sentence = dict[str, Any]  # {pointer, text, source: evidence|text|value, page, span}


def _evidence(doc: dict[str, Any], pointers: list[str]) -> Sentence | None:
    ev = doc.get("evidence") or {}
    for p in pointers:
        rec = ev.get(p)
        if isinstance(rec, dict) and rec.get("text"):
            return {
                "pointer": p,
                "text": rec["text"],
                "source": "evidence",
                "page": rec.get("page"),
                "span": rec.get("span"),
            }
    return None


def _obligation(doc: dict[str, Any], index: int, field: str | None) -> Sentence | None:
    base = f"/obligations/{index}"
    pointers = [base] + ([f"{base}/{field}"] if field else []) + [f"{base}/amount_vnd", f"{base}/text"]
    found = _evidence(doc, pointers)
    if found:
        return found
    ob = (doc.get("obligations") or [])[index]
    if ob.get("text"):
        return {"pointer": base, "text": ob["text"], "source": "text", "page": None, "span": None}
    return None


def _value(pointer: str, text: str) -> Sentence:
    return {"pointer": pointer, "text": text, "source": "value", "page": None, "span": None}


def _reference_sentence(doc: dict[str, Any], base: str, ref: dict[str, Any]) -> Sentence:
    """Number, date and court written out as a reference (their evidence holds the values alone),
    placed where the number was read."""
    text = f"Bản án số {ref.get('number')} ngày {_date_vi(ref.get('date'))} của {ref.get('court')}"
    where = _evidence(doc, [base, f"{base}/number", f"{base}/date", f"{base}/court"])
    out = _value(base, text)
    if where is not None:
        out.update(pointer=where["pointer"], page=where["page"], span=where["span"])
    return out


def _reference(decision: dict[str, Any], judgment: dict[str, Any] | None) -> dict[str, Sentence | None]:
    ref = (decision.get("enforcement") or {}).get("judgment") or {}
    dec = _reference_sentence(decision, "/enforcement/judgment", ref) if ref else None
    jud = None
    if judgment is not None:
        jud = _reference_sentence(judgment, "/case", judgment.get("case") or {})
    return {"decision": dec, "judgment": jud}


def _law(decision: dict[str, Any]) -> dict[str, Sentence | None]:
    """The law and decree the decision cites, as read (both when both were)."""
    enf = decision.get("enforcement") or {}
    read = [_evidence(decision, [f"/enforcement/{k}"]) for k in ("legal_basis_law", "legal_basis_decree")]
    found = [r for r in read if r is not None]
    if found:
        return {"decision": {**found[0], "text": "; ".join(r["text"] for r in found)}, "judgment": None}
    cited = [f"Luật số {enf['legal_basis_law']}"] if enf.get("legal_basis_law") else []
    cited += [f"Nghị định số {enf['legal_basis_decree']}"] if enf.get("legal_basis_decree") else []
    dec = _value("/enforcement/legal_basis_law", "Căn cứ " + ", ".join(cited)) if cited else None
    return {"decision": dec, "judgment": None}


_FIELD = {
    "amount_mismatch": "amount_vnd",
    "party_mismatch": "obligors",
    "wrong_enforcement_type": "enforcement",
}


def sides(
    discrepancy: dict[str, Any], decision: dict[str, Any], judgment: dict[str, Any] | None
) -> dict[str, Sentence | None]:
    """The decision's and the judgment's sentence behind one discrepancy of the decision's audit."""
    kind = discrepancy.get("kind")
    if kind == "wrong_judgment_reference":
        return _reference(decision, judgment)
    if kind == "wrong_law_for_date":
        return _law(decision)
    oid = discrepancy.get("obligation")
    out: dict[str, Sentence | None] = {"decision": None, "judgment": None}
    if judgment is None or not oid:
        return out
    jobs = judgment.get("obligations") or []
    j = next((k for k, o in enumerate(jobs) if o.get("id") == oid), None)
    if j is None:
        return out
    field = _FIELD.get(kind or "")
    out["judgment"] = _obligation(judgment, j, field)
    if kind == "missing_obligation":
        return out  # the decision has no sentence for it: that is the finding
    items = decision.get("obligations") or []
    i = next((k for k, o in enumerate(items) if o.get("judgment_obligation") == oid), None)
    if i is None:
        pairs = match_items(decision, judgment, map_parties(decision, judgment))
        i = next((k for k, (_, jo) in enumerate(pairs) if jo is not None and jo.get("id") == oid), None)
    if i is not None:
        out["decision"] = _obligation(decision, i, field)
    return out
