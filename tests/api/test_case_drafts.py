"""Drafts that know the office's enforcement decisions: the amend (sửa đổi, bổ sung) draft of a decision
from the case view (dismissed discrepancies left out), and a judgment's draft list naming the decision
already issued for an obligor, with a link, and made anew only on request. Synthetic judgment and
decisions (tests/decisions/synthetic_pair.py), imported as processed documents of office A."""

from __future__ import annotations

import importlib.util
import io
from pathlib import Path
from typing import Any

import pytest
from docx import Document as open_docx

from .conftest import Api

ROOT = Path(__file__).resolve().parents[2]
_spec = importlib.util.spec_from_file_location(
    "synthetic_pair", ROOT / "tests" / "decisions" / "synthetic_pair.py"
)
pair = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(pair)  # type: ignore[union-attr]
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def _text(body: bytes) -> list[str]:
    doc = open_docx(io.BytesIO(body))
    lines = [p.text for p in doc.paragraphs]
    lines += [p.text for t in doc.tables for row in t.rows for c in row.cells for p in c.paragraphs]
    return lines


@pytest.fixture
def archive(api: Api, store_done: Any) -> dict[str, str]:
    wrong = pair.on_request_p2(amount=105_000_000, law="26/2008/QH12", decree="62/2015/NĐ-CP")
    return {
        "judgment": store_done(api.client.app, "officer_a", "ban-an", pair.judgment()),
        "wrong": store_done(api.client.app, "officer_a", "qd-101", wrong),
        "right": store_done(api.client.app, "officer_a", "qd-102", pair.ex_officio_p3()),
    }


def test_amend_draft_of_a_decision_leaves_dismissed_discrepancies_out(
    api: Api, archive: dict[str, str]
) -> None:
    case = api.get("reviewer_a", f"/cases/{archive['wrong']}").json()
    by_id = {d["id"]: d for d in case["decisions"]}
    assert by_id[archive["wrong"]]["amend_available"] and not by_id[archive["right"]]["amend_available"]
    found = {x["kind"]: x for x in by_id[archive["wrong"]]["discrepancies"]}
    assert set(found) == {"amount_mismatch", "missing_obligation", "wrong_law_for_date"}
    assert all(x["amendable"] for x in found.values())

    url = f"/cases/decisions/{archive['wrong']}/amend"
    r = api.get("officer_a", url, params={"issue_date": "2026-09-01", "number": "215"})
    assert r.status_code == 200, r.text
    draft = r.json()
    assert draft["kind"] == "amend" and draft["name"] == f"{archive['wrong']}.amend"
    assert (
        draft["amends"]["number"] == "101/QĐ-THADS"
        and draft["amends"]["link"] == f"/review/{archive['wrong']}"
    )
    assert [c["kind"] for c in draft["corrections"]] == [
        "wrong_law_for_date",
        "amount_mismatch",
        "missing_obligation",
    ]

    r = api.get("officer_a", f"{url}.docx", params={"issue_date": "2026-09-01", "number": "215"})
    assert r.status_code == 200 and r.headers["content-type"] == DOCX
    assert "Lê Thị Cúc" not in r.headers["content-disposition"].split("filename*")[0]
    lines = _text(r.content)
    assert lines[0] == "BẢN NHÁP – CHƯA DUYỆT" and "Số: 215/QĐ-THADS" in lines
    assert any("150.000.000 đồng (Một trăm năm mươi triệu đồng)" in ln for ln in lines)
    assert api.get("officer_a", f"{url}.pdf").content[:4] == b"%PDF"

    # the reviewer dismisses the amount mismatch: the draft no longer corrects it
    key = found["amount_mismatch"]["key"]
    r = api.client.post(
        f"/cases/decisions/{archive['wrong']}/discrepancies/{key}",
        headers=api.headers["reviewer_a"],
        json={"verdict": "dismissed"},
    )
    assert r.status_code == 200
    draft = api.get("officer_a", url, params={"issue_date": "2026-09-01"}).json()
    assert [c["kind"] for c in draft["corrections"]] == ["wrong_law_for_date", "missing_obligation"]
    assert not any("105.000.000" in ln for ln in _text(api.get("officer_a", f"{url}.docx").content))
    for kind in ("missing_obligation", "wrong_law_for_date"):
        api.client.post(
            f"/cases/decisions/{archive['wrong']}/discrepancies/{found[kind]['key']}",
            headers=api.headers["reviewer_a"],
            json={"verdict": "dismissed"},
        )
    assert api.get("officer_a", url).status_code == 404  # nothing left to amend
    case = api.get("reviewer_a", f"/cases/{archive['wrong']}").json()
    assert not next(d for d in case["decisions"] if d["id"] == archive["wrong"])["amend_available"]
    # a decision without discrepancies, another office's user
    assert api.get("officer_a", f"/cases/decisions/{archive['right']}/amend").status_code == 404
    assert api.get("officer_b", url).status_code == 404
    assert api.get("officer_b", f"{url}.docx").status_code == 404


def test_judgment_drafts_name_the_decision_already_issued(api: Api, archive: dict[str, str]) -> None:
    base = f"/documents/{archive['judgment']}/drafts"
    r = api.get("officer_a", base, params={"issue_date": "2026-09-01"})
    assert r.status_code == 200, r.text
    drafts = {d["name"]: d for d in r.json()["drafts"]}
    p2 = drafts["on-request-P1-P2"]
    assert p2["issued"] and not p2["forced"]
    assert [(x["decision"], x["number"], x["link"]) for x in p2["already_issued"]] == [
        (archive["wrong"], "101/QĐ-THADS", f"/review/{archive['wrong']}")
    ]
    assert p2["uncovered"] == [1]  # the mistyped amount still states O1 (item 0); O6 (item 1) is missing
    assert [x["decision"] for x in drafts["ex-officio-P3"]["already_issued"]] == [archive["right"]]
    assert not drafts["ex-officio-P2"]["already_issued"] and not drafts["on-request-P1-P3"]["already_issued"]

    lines = _text(api.get("officer_a", f"{base}/on-request-P1-P2.docx").content)
    assert lines[1].startswith("ĐÃ CÓ QUYẾT ĐỊNH: Quyết định thi hành án số 101/QĐ-THADS")
    forced = api.get("officer_a", base, params={"force": "on-request-P1-P2"}).json()["drafts"]
    forced = {d["name"]: d for d in forced}
    assert forced["on-request-P1-P2"]["forced"] and not forced["on-request-P1-P2"]["issued"]
    assert forced["ex-officio-P3"]["issued"]  # only the draft named is made anew
    lines = _text(
        api.get("officer_a", f"{base}/on-request-P1-P2.docx", params={"force": "on-request-P1-P2"}).content
    )
    assert not any(ln.startswith("ĐÃ CÓ QUYẾT ĐỊNH") for ln in lines)
    assert api.get("officer_a", base, params={"force": "<script>"}).status_code == 422
    # a decision's own draft list is empty; its decisions are not looked for
    assert api.get("officer_a", f"/documents/{archive['wrong']}/drafts").json()["drafts"] == []


def test_the_case_page_offers_the_amend_draft(api: Api, archive: dict[str, str]) -> None:
    from .conftest import PASSWORD

    assert (
        api.client.post("/auth/login", data={"username": "reviewer_a", "password": PASSWORD}).status_code
        == 200
    )
    page = api.client.get("/review/cases").text
    assert f'href="/cases/decisions/{archive["wrong"]}/amend.docx"' in page
    assert f"/cases/decisions/{archive['right']}/amend" not in page
    api.client.cookies.clear()
