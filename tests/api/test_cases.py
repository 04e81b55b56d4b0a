"""The case view of the service: an office's judgment and the enforcement decisions on it, grouped into
a case, each discrepancy beside its two sentences, and a reviewer's verdict kept (and only there).

The documents are the shared gold extractions of a dev judgment and of the decision that enforces it
(PAIRS.tsv), imported as processed documents of office A; a second, later decision on the same
judgment is derived from the first (another number, date and type)."""

from __future__ import annotations

import copy
import csv
import json
from typing import Any

import pytest
from sqlalchemy import select

from api.models import CaseReview

from .conftest import PASSWORD, SHARED, Api

ENF = SHARED / "corpus" / "enforcement-dev"
DEV_GOLD = SHARED / "corpus" / "dev" / "gold"
pytestmark = pytest.mark.skipif(not (ENF / "PAIRS.tsv").exists(), reason="needs ../shared enforcement-dev")


def _pair_with_discrepancy() -> tuple[str, str]:
    """The first decision of PAIRS.tsv whose audit gold finds an amount mismatch, and its judgment."""
    with open(ENF / "PAIRS.tsv", encoding="utf-8") as fh:
        for row in csv.DictReader(fh, delimiter="\t"):
            if "amount_mismatch" in row["discrepancies"].split(","):
                return row["decision"], row["judgment"].removesuffix(".txt")
    raise AssertionError("no decision with an amount mismatch in PAIRS.tsv")


@pytest.fixture
def office_case(api: Api, store_done: Any) -> dict[str, Any]:
    dec_name, jud_name = _pair_with_discrepancy()
    decision = json.loads((ENF / "gold" / f"{dec_name}.json").read_text(encoding="utf-8"))
    judgment = json.loads((DEV_GOLD / f"{jud_name}.json").read_text(encoding="utf-8"))
    gold_audit = json.loads((ENF / "gold" / f"{dec_name}.audit.json").read_text(encoding="utf-8"))
    later = copy.deepcopy(decision)
    enf = later["enforcement"]
    year = int(enf["date"][:4]) + 1
    enf.update(number=f"7/QĐ-{year}", date=f"{year}{enf['date'][4:]}", decision_type="postpone")
    later["obligations"] = []
    ids = {
        "later": store_done(api.client.app, "officer_a", "x-later", later),
        "judgment": store_done(api.client.app, "officer_a", "x-judgment", judgment),
        "decision": store_done(api.client.app, "officer_a", "x-decision", decision),
    }
    return {"ids": ids, "gold_kinds": sorted(d["kind"] for d in gold_audit["discrepancies"])}


def test_a_case_shows_the_judgment_its_decisions_in_order_and_a_kept_verdict(
    api: Api, office_case: dict[str, Any]
) -> None:
    ids = office_case["ids"]
    r = api.get("reviewer_a", "/cases")
    assert r.status_code == 200, r.text
    cases = r.json()["cases"]
    assert len(cases) == 1  # the judgment's case; judgments without a decision are left out
    case = cases[0]
    assert case["judgment"] == ids["judgment"]
    assert [d["id"] for d in case["decisions"]] == [ids["decision"], ids["later"]]  # by date
    first = case["decisions"][0]
    assert first["link"]["score"] >= 0.8
    assert sorted(x["kind"] for x in first["discrepancies"]) == office_case["gold_kinds"]
    mismatch = next(x for x in first["discrepancies"] if x["kind"] == "amount_mismatch")
    # the two sentences that disagree: each holds its own document's amount
    ob = mismatch["obligation"]
    by_judgment = api.get("reviewer_a", f"/cases/{ids['judgment']}").json()
    assert [d["id"] for d in by_judgment["decisions"]] == [ids["decision"], ids["later"]]
    assert mismatch["decision"]["text"] and mismatch["judgment"]["text"]
    assert mismatch["decision"]["text"] != mismatch["judgment"]["text"]
    assert mismatch["judgment"]["pointer"].startswith("/obligations/") and ob
    assert mismatch["review"] is None and case["open_discrepancies"] == len(first["discrepancies"])

    url = f"/cases/decisions/{ids['decision']}/discrepancies/{mismatch['key']}"
    assert (
        api.client.post(url, headers=api.headers["officer_a"], json={"verdict": "confirmed"}).status_code
        == 403
    )
    r = api.client.post(url, headers=api.headers["reviewer_a"], json={"verdict": "confirmed", "note": "đúng"})
    assert r.status_code == 200, r.text
    assert r.json()["verdict"] == "confirmed" and r.json()["reviewer"] == "reviewer_a"
    bad = api.client.post(
        f"/cases/decisions/{ids['decision']}/discrepancies/{'0' * 16}",
        headers=api.headers["reviewer_a"],
        json={"verdict": "confirmed"},
    )
    assert bad.status_code == 404

    case = api.get("reviewer_a2", f"/cases/{ids['decision']}").json()
    kept = next(x for x in case["decisions"][0]["discrepancies"] if x["key"] == mismatch["key"])
    assert kept["review"]["verdict"] == "confirmed" and kept["review"]["note"] == "đúng"
    assert case["confirmed"] == 1 and case["open_discrepancies"] == len(first["discrepancies"]) - 1

    # a second verdict is appended to the trail; the latest counts
    r = api.client.post(url, headers=api.headers["reviewer_a2"], json={"verdict": "dismissed"})
    assert r.status_code == 200
    trail = api.get("reviewer_a", f"/cases/decisions/{ids['decision']}/reviews").json()
    assert [(t["verdict"], t["reviewer"]) for t in trail] == [
        ("confirmed", "reviewer_a"),
        ("dismissed", "reviewer_a2"),
    ]
    with api.client.app.state.sessions() as s:  # type: ignore[attr-defined]
        assert s.scalars(select(CaseReview)).all()[-1].document_id == ids["decision"]
    again = api.get("reviewer_a", f"/cases/{ids['later']}").json()
    assert (
        next(x for x in again["decisions"][0]["discrepancies"] if x["key"] == mismatch["key"])["review"][
            "verdict"
        ]
        == "dismissed"
    )


def test_another_office_sees_no_case_and_cannot_review(api: Api, office_case: dict[str, Any]) -> None:
    ids = office_case["ids"]
    r = api.get("officer_b", "/cases")
    assert r.status_code == 200 and r.json() == {"count": 0, "cases": []}
    for doc in ids.values():
        assert api.get("officer_b", f"/cases/{doc}").status_code == 404
        assert api.get("officer_b", f"/cases/decisions/{doc}/reviews").status_code == 404
    key = api.get("reviewer_a", f"/cases/{ids['decision']}").json()["decisions"][0]["discrepancies"][0]["key"]
    r = api.client.post(
        f"/cases/decisions/{ids['decision']}/discrepancies/{key}",
        headers=api.headers["officer_b"],
        json={"verdict": "dismissed"},
    )
    assert r.status_code in (403, 404)
    assert api.get("reviewer_a", f"/cases/decisions/{ids['decision']}/reviews").json() == []


def test_the_case_page_lists_the_case_with_both_sentences(api: Api, office_case: dict[str, Any]) -> None:
    r = api.client.get("/review/cases", follow_redirects=False)
    assert r.status_code == 303 and r.headers["location"].startswith("/review/login")
    assert (
        api.client.post("/auth/login", data={"username": "reviewer_a", "password": PASSWORD}).status_code
        == 200
    )
    page = api.client.get("/review/cases")
    assert page.status_code == 200
    case = api.get("reviewer_a", "/cases").json()["cases"][0]
    mismatch = next(x for x in case["decisions"][0]["discrepancies"] if x["kind"] == "amount_mismatch")
    assert f'data-key="{mismatch["key"]}"' in page.text
    assert mismatch["decision"]["text"] in page.text and mismatch["judgment"]["text"] in page.text
    assert page.text.index(office_case["ids"]["decision"]) < page.text.index(office_case["ids"]["later"])
    api.client.cookies.clear()
