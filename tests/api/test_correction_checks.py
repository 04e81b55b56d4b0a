"""A correction is checked by the server: a reference to a party or asset that is not there, an amount
or a date of the wrong kind, a result outside the schema are refused with 422 in Vietnamese, naming
the field (never a person), and nothing is kept. An accepted correction has the consistency checks
run again: the answer and GET carry their new warnings, the other stages' warnings stay."""

from __future__ import annotations

import copy
import re
from pathlib import Path
from typing import Any

from pipelines.review import recheck, rewarn

NAMES = ("Trần Thị Thử", "Lê Văn Mẫu")  # the synthetic extraction's made-up parties


def _done(fake_api) -> dict:  # type: ignore[no-untyped-def]
    r = fake_api.upload("officer_a", "a.txt", b"some judgment text")
    assert r.status_code == 201, r.text
    body = fake_api.wait("officer_a", r.json()["id"])
    assert body["status"] == "done", body
    return body


def _refused(fake_api, doc: dict, ops: list[dict[str, Any]]) -> dict[str, Any]:  # type: ignore[no-untyped-def]
    r = fake_api.patch("reviewer_a", doc["id"], ops, 0)
    assert r.status_code == 422, (ops, r.text)
    assert not any(name in r.text for name in NAMES), r.text
    detail = r.json()["detail"]
    assert detail["errors"] and all(e["field"] and e["msg"] for e in detail["errors"]), detail
    return detail


def _unchanged(fake_api, doc_id: str, before: dict) -> None:  # type: ignore[no-untyped-def]
    now = fake_api.get("reviewer_a", f"/documents/{doc_id}").json()
    assert now["version"] == before["version"] and now["extraction"] == before["extraction"]
    assert now["warnings"] == before["warnings"]
    assert fake_api.get("reviewer_a", f"/documents/{doc_id}/corrections").json() == []


def test_references_to_nothing_are_refused_naming_the_field(fake_api) -> None:
    doc = _done(fake_api)
    before = fake_api.get("reviewer_a", f"/documents/{doc['id']}").json()
    asset = {"id": "A1", "kind": "house", "owners": ["P2"]}
    cases = [
        ([{"op": "add", "path": "/obligations/0/obligors/-", "value": "P9"}], "Người phải thi hành 2", "P9"),
        (
            [{"op": "replace", "path": "/obligations/0/obligees/0", "value": "P7"}],
            "Người được thi hành 1",
            "P7",
        ),
        ([{"op": "add", "path": "/obligations/0/secured_by", "value": ["A4"]}], "Tài sản bảo đảm 1", "A4"),
        (
            [{"op": "add", "path": "/assets/-", "value": {**asset, "owners": ["P5"]}}],
            "Tài sản A1 › Chủ sở hữu 1",
            "P5",
        ),
        ([{"op": "add", "path": "/obligations/0/shares", "value": {"P8": 1000}}], "Kỷ phần › P8", "P8"),
        # a party removed while an obligation still names it
        ([{"op": "remove", "path": "/parties/1"}], "Nghĩa vụ O1 › Người phải thi hành 1", "P2"),
        # a name typed where an id belongs is refused without being repeated
        (
            [{"op": "replace", "path": "/obligations/0/obligors/0", "value": NAMES[1]}],
            "Người phải thi hành 1",
            "",
        ),
    ]
    for ops, field, ref in cases:
        detail = _refused(fake_api, doc, ops)
        first = detail["errors"][0]
        assert field in first["field"] and first["type"] in ("unknown_party", "unknown_asset"), detail
        assert ref in first["msg"] and "không phải là" in first["msg"], detail
        assert detail["message"].startswith(first["field"]), detail
    _unchanged(fake_api, doc["id"], before)
    # the same removal with the references to the party removed too is a correction like any other
    ops = [
        {"op": "remove", "path": "/obligations/0/obligors/0"},
        {"op": "remove", "path": "/parties/1"},
    ]
    assert fake_api.patch("reviewer_a", doc["id"], ops, 0).status_code == 200


def test_wrong_amounts_and_dates_are_refused_in_vietnamese(fake_api) -> None:
    doc = _done(fake_api)
    before = fake_api.get("reviewer_a", f"/documents/{doc['id']}").json()
    amount = "Nghĩa vụ O1 › Số tiền (đồng)"
    cases = [
        ([{"op": "replace", "path": "/obligations/0/amount_vnd", "value": "150000000"}], amount),
        ([{"op": "replace", "path": "/obligations/0/amount_vnd", "value": 1.5}], amount),
        ([{"op": "replace", "path": "/obligations/0/amount_vnd", "value": -5}], amount),
        ([{"op": "replace", "path": "/obligations/0/amount_vnd", "value": True}], amount),
        (
            [{"op": "add", "path": "/obligations/0/components", "value": {"principal": -1}}],
            "Nghĩa vụ O1 › Các khoản › Nợ gốc",
        ),
        ([{"op": "add", "path": "/obligations/0/already_paid", "value": "một triệu"}], "Số tiền đã thi hành"),
        ([{"op": "replace", "path": "/case/date", "value": "01/03/2024"}], "Vụ án › Ngày ban hành"),
        ([{"op": "replace", "path": "/case/date", "value": "2024-02-30"}], "Vụ án › Ngày ban hành"),
        (
            [{"op": "add", "path": "/obligations/0/start_date", "value": "tháng 3"}],
            "Nghĩa vụ O1 › Ngày bắt đầu",
        ),
        ([{"op": "replace", "path": "/parties/0/name", "value": "  "}], "Đương sự P1 › Họ tên"),
        ([{"op": "replace", "path": "/parties/0/role", "value": "judge"}], "Đương sự P1 › Tư cách tố tụng"),
        ([{"op": "replace", "path": "/parties", "value": {"not": "a list"}}], "Đương sự"),
        (
            [
                {
                    "op": "add",
                    "path": "/parties/-",
                    "value": {"id": "P2", "role": "other", "kind": "person", "name": "X"},
                }
            ],
            "Mã",
        ),
    ]
    for ops, field in cases:
        detail = _refused(fake_api, doc, ops)
        assert field in detail["errors"][0]["field"], (ops, detail)
        # Vietnamese words, not pydantic's English
        assert re.search("[àáảãạăâđèéêìíòóôơùúưỳý]", detail["errors"][0]["msg"]), detail
        assert "should" not in str(detail), detail
    _unchanged(fake_api, doc["id"], before)


def test_a_problem_the_extraction_already_had_does_not_block_other_corrections(make_api) -> None:
    def process(spec: Any, settings: Any) -> dict[str, Any]:
        ex = _synthetic(Path(spec.blob).name)
        ex["obligations"][0]["obligees"] = ["P6"]  # the reading named a party it did not list
        return {"ok": True, "extraction": ex, "warnings": [], "pages": 1}

    api = make_api(process=process)
    doc = _done(api)
    r = api.patch("reviewer_a", doc["id"], [{"op": "replace", "path": "/case/number", "value": "2/2024"}], 0)
    assert r.status_code == 200, r.text
    # ... but a second reference to nothing is refused
    r = api.patch(
        "reviewer_a", doc["id"], [{"op": "add", "path": "/obligations/0/obligors/-", "value": "P6"}], 1
    )
    assert r.status_code == 422 and r.json()["detail"]["errors"][0]["path"] == "/obligations/0/obligors/1"


def _synthetic(source: str) -> dict[str, Any]:
    from docproc.schema import Case, DocumentInfo, Extraction, Obligation, Party

    return Extraction(
        document=DocumentInfo(source=source, pages=1, kind="judgment"),
        case=Case(
            court="Tòa án nhân dân huyện Thử", number="01/2024/DS-ST", date="2024-03-01", type_code="DS"
        ),
        parties=[
            Party(id="P1", role="plaintiff", kind="person", name=NAMES[0]),
            Party(id="P2", role="defendant", kind="person", name=NAMES[1]),
        ],
        obligations=[
            Obligation(id="O1", kind="pay_money", obligors=["P2"], obligees=["P1"], amount_vnd=150_000_000)
        ],
    ).to_json_dict()


def test_checks_run_again_after_each_correction(fake_api) -> None:
    doc = _done(fake_api)
    start = fake_api.get("reviewer_a", f"/documents/{doc['id']}").json()
    assert recheck(start["extraction"]) == [] and start["warnings"] == ["synthetic"]

    # digits and words that disagree, and a payment to nobody: the checks say so at once
    ops = [
        {"op": "add", "path": "/obligations/0/amount_words", "value": "Một trăm triệu đồng"},
        {"op": "remove", "path": "/obligations/0/obligees/0"},
    ]
    r = fake_api.patch("reviewer_a", doc["id"], ops, 0)
    assert r.status_code == 200, r.text
    found = recheck(r.json()["extraction"])
    assert len(found) == 2 and all("/obligations/0" in str(w) for w in found)
    assert r.json()["warnings"] == ["synthetic", *found]  # another stage's warning is kept
    assert fake_api.get("reviewer_a", f"/documents/{doc['id']}").json()["warnings"] == r.json()["warnings"]

    # corrected again: the warnings go; the review page shows what the server says
    ops = [
        {"op": "replace", "path": "/obligations/0/amount_words", "value": "Một trăm năm mươi triệu đồng"},
        {"op": "add", "path": "/obligations/0/obligees/-", "value": "P1"},
    ]
    r = fake_api.patch("reviewer_a", doc["id"], ops, 1)
    assert r.status_code == 200 and r.json()["warnings"] == ["synthetic"], r.text
    page = fake_api.get("reviewer_a", f"/documents/{doc['id']}/warnings").json()
    assert [w["raw"] for w in page] == ["synthetic"]


def test_rewarn_keeps_what_the_file_silenced_silent() -> None:
    before = _synthetic("a.txt")
    before["obligations"][0]["obligees"] = []
    after = copy.deepcopy(before)
    after["case"]["number"] = "02/2024/DS-ST"
    said = recheck(before)
    assert said  # "no obligee"
    # stored without it (the original reading knew better): it stays away after an unrelated correction
    assert rewarn(["page 2: blank page"], before, after) == ["page 2: blank page"]
    # stored with it: it stays while still true, and goes when corrected
    assert rewarn(["page 2: blank page", *said], before, after) == ["page 2: blank page", *said]
    fixed = copy.deepcopy(after)
    fixed["obligations"][0]["obligees"] = ["P1"]
    assert rewarn(["page 2: blank page", *said], after, fixed) == ["page 2: blank page"]
