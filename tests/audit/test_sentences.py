"""The two sentences shown beside a discrepancy: each document's own evidence for the value."""

from __future__ import annotations

from docproc.audit import audit_decision
from docproc.audit.sentences import sides

from .conftest import BANK, COMPANY, make_decision, make_judgment


def _evidence(text: str) -> dict:
    return {"page": 1, "bbox": None, "span": [0, len(text)], "text": text, "confidence": 0.9}


def test_an_amount_mismatch_shows_each_documents_sentence_evidence_first() -> None:
    judgment = make_judgment()
    decision = make_decision(
        "execute_on_request",
        [("pay_money", [COMPANY], [BANK], 1_250_000_000), ("pay_money", [COMPANY], [BANK], 300_000_000)],
    )
    judgment["evidence"]["/obligations/0"] = _evidence("Công ty phải trả 1.200.000.000 đồng.")
    decision["obligations"][0]["text"] = "Công ty phải trả 1.250.000.000 đồng."
    audit = audit_decision(decision, judgment, decision_name="d", judgment_name="j")
    found = next(d for d in audit["discrepancies"] if d["kind"] == "amount_mismatch")
    got = sides(found, decision, judgment)
    assert got["judgment"]["source"] == "evidence" and got["judgment"]["pointer"] == "/obligations/0"
    assert "1.200.000.000" in got["judgment"]["text"]
    assert got["decision"]["source"] == "text" and "1.250.000.000" in got["decision"]["text"]
    decision["evidence"]["/obligations/0/amount_vnd"] = _evidence("1.250.000.000 đồng")
    assert sides(found, decision, judgment)["decision"]["source"] == "evidence"


def test_a_missing_obligation_has_only_the_judgments_sentence() -> None:
    judgment = make_judgment()
    judgment["obligations"][1]["text"] = "Công ty còn phải trả 300.000.000 đồng."
    decision = make_decision("execute_on_request", [("pay_money", [COMPANY], [BANK], 1_200_000_000)])
    audit = audit_decision(decision, judgment, decision_name="d", judgment_name="j")
    found = next(
        d for d in audit["discrepancies"] if d["kind"] == "missing_obligation" and d["obligation"] == "O2"
    )
    got = sides(found, decision, judgment)
    assert got["decision"] is None and got["judgment"]["text"].endswith("300.000.000 đồng.")


def test_a_wrong_reference_sets_the_cited_reference_against_the_judgments_header() -> None:
    judgment = make_judgment()
    decision = make_decision(
        "execute_on_request",
        [("pay_money", [COMPANY], [BANK], 1_200_000_000)],
        ref={"number": "15/2023/KDTM-ST", "date": "2024-03-15", "court": "Tòa án nhân dân tỉnh Nghệ An"},
    )
    found = {"kind": "wrong_judgment_reference", "detail": "", "obligation": None}
    got = sides(found, decision, judgment)
    assert "15/2023/KDTM-ST" in got["decision"]["text"] and "15/2024/KDTM-ST" in got["judgment"]["text"]
    assert got["decision"]["source"] == got["judgment"]["source"] == "value"
