"""The review page's server side without a browser: login redirect, the list's order and filters,
page words / document text, approval with If-Match, the 404 for another office, the Vietnamese
wording of warnings and amounts."""

from __future__ import annotations

import json
import time
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from api import create_app
from api.admin import create_office, create_user
from api.review_text import attention_key, sort_rows, stored_warnings, vnd, warning_out
from api.settings import ServiceSettings

PASSWORD = "correct horse battery"


def _extraction(source: str, confidence: float) -> dict[str, Any]:
    from docproc.schema import Case, DocumentInfo, Evidence, Extraction, Obligation, Party

    return Extraction(
        document=DocumentInfo(source=source, pages=0, kind="judgment"),
        case=Case(court="Tòa án nhân dân huyện Thử", number="01/2024/DS-ST", date="2024-03-01"),
        parties=[Party(id="P1", role="plaintiff", kind="person", name="Trần Thị Thử")],
        obligations=[Obligation(id="O1", kind="pay_money", obligors=["P1"], amount_vnd=1_250_000_000)],
        evidence={
            "/obligations/0/amount_vnd": Evidence(
                text="1.250.000.000 đồng", span=(0, 5), confidence=confidence
            )
        },
    ).to_json_dict()


def _fake(spec: Any, settings: ServiceSettings) -> dict[str, Any]:
    """A stand-in pipeline: the file's first word says what to return (WARN, LOW or anything)."""
    data = Path(spec.blob).read_bytes()
    no_obligee = {"code": "obligation.no_obligee", "pointer": "/obligations/0", "params": {}}
    warnings = [no_obligee] if data.startswith(b"WARN") else []  # as the worker stores a job's notices
    conf = 0.5 if data.startswith(b"LOW") else 0.95
    return {"ok": True, "extraction": _extraction(spec.filename, conf), "warnings": warnings, "pages": 0}


@pytest.fixture
def client(tmp_path: Path) -> Iterator[TestClient]:
    from argon2 import PasswordHasher

    import api.auth

    saved, api.auth.hasher = api.auth.hasher, PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1)
    settings = ServiceSettings(
        data_dir=tmp_path / "data",
        database_url=f"sqlite:///{tmp_path / 't.sqlite3'}",
        secret_key="k",
        api_workers=0,
        job_poll_seconds=0.02,
    )
    with TestClient(create_app(settings, process=_fake), follow_redirects=False) as c:
        s = c.app.state.sessions  # type: ignore[attr-defined]
        create_office(s, "A")
        create_office(s, "B")
        for name, office, role in [
            ("rev", "A", "reviewer"),
            ("off", "A", "officer"),
            ("rev_b", "B", "reviewer"),
        ]:
            create_user(s, name, office=office, password=PASSWORD, role=role)
        yield c
    api.auth.hasher = saved


def _login(c: TestClient, user: str) -> None:
    c.cookies.clear()
    r = c.post("/auth/login", data={"username": user, "password": PASSWORD})
    assert r.status_code == 200, r.text


def _upload(c: TestClient, name: str, data: bytes) -> str:
    r = c.post("/documents", files={"file": (name, data, "text/plain")})
    assert r.status_code == 201, r.text
    doc_id = r.json()["id"]
    for _ in range(500):
        if c.get(f"/documents/{doc_id}").json()["status"] == "done":
            return doc_id
        time.sleep(0.02)
    raise AssertionError("not processed")


def test_pages_need_a_session_and_redirect_to_the_login_form(client: TestClient) -> None:
    r = client.get("/review/abc?x=1")
    assert r.status_code == 303 and r.headers["location"] == "/review/login?next=%2Freview%2Fabc%3Fx%3D1"
    page = client.get("/review/login?next=https://evil.example/")
    assert page.status_code == 200 and 'data-next="/review"' in page.text
    assert '<label for="username">Tên đăng nhập</label>' in page.text
    assert client.get("/review/static/review.js").headers["content-type"].startswith("text/javascript")
    assert client.get("/review/static/..%2Fapp.py").status_code == 404
    # the page's ES modules, one and two folders down, and nothing beside them
    assert client.get("/review/static/review/patch.js").headers["content-type"].startswith("text/javascript")
    assert client.get("/review/static/review/render/fields.js").status_code == 200
    for bad in ("review/..%2Freview.js", "review/render/..%2F..%2Fapp.py", "other/patch.js", "review/x.py"):
        assert client.get(f"/review/static/{bad}").status_code == 404, bad


def test_list_puts_warnings_and_low_confidence_first_and_filters(client: TestClient) -> None:
    _login(client, "off")
    plain = _upload(client, "plain.txt", b"PLAIN judgment")
    warn = _upload(client, "warn.txt", b"WARN judgment")
    low = _upload(client, "low.txt", b"LOW judgment")
    _login(client, "rev")
    page = client.get("/review").text
    order = [page.index(f'data-id="{d}"') for d in (warn, low, plain)]
    assert order == sorted(order)
    assert "Chờ duyệt" in page and "50%" in page
    assert 'title="Không tìm thấy người được thi hành"' in page  # the count says what it counts
    only = client.post("/review", data={"q": "low"}).text
    assert f'data-id="{low}"' in only and f'data-id="{plain}"' not in only
    assert f'data-id="{plain}"' not in client.get("/review", params={"status": "approved"}).text
    view = client.get(f"/review/{warn}")
    assert view.status_code == 200
    boot = _boot(view.text)
    assert boot["canEdit"] is True
    assert boot["warnings"] == [
        {
            "code": "obligation.no_obligee",
            "pointer": "/obligations/0",
            "params": {},
            "text": "Không tìm thấy người được thi hành",
        }
    ]
    api_view = client.get(f"/documents/{warn}").json()  # the API says what the page says
    assert api_view["warnings"] == boot["warnings"]


def _boot(html: str) -> dict[str, Any]:
    return json.loads(html.split('id="boot">', 1)[1].split("</script>", 1)[0])


def test_an_officer_sees_the_review_page_read_only(client: TestClient) -> None:
    _login(client, "off")
    doc = _upload(client, "plain.txt", b"PLAIN judgment")
    assert _boot(client.get(f"/review/{doc}").text)["canEdit"] is False


def test_text_upload_layout_is_its_text_and_has_no_page_words(client: TestClient) -> None:
    _login(client, "rev")
    doc = _upload(client, "plain.txt", "PLAIN Tòa án nhân dân".encode())
    layout = client.get(f"/documents/{doc}/layout").json()
    assert layout == {"pages": [], "text": "PLAIN Tòa án nhân dân"}
    assert client.get(f"/documents/{doc}/pages/1/words").status_code == 404


def test_approval_needs_the_current_version_and_a_reviewer(client: TestClient) -> None:
    _login(client, "off")
    doc = _upload(client, "plain.txt", b"PLAIN judgment")
    assert client.post(f"/documents/{doc}/approve", headers={"If-Match": '"0"'}).status_code == 403
    _login(client, "rev")
    assert client.post(f"/documents/{doc}/approve").status_code == 428
    assert client.post(f"/documents/{doc}/approve", headers={"If-Match": '"7"'}).status_code == 409
    r = client.post(f"/documents/{doc}/approve", headers={"If-Match": '"0"'})
    assert r.status_code == 200 and r.json()["current"] and r.json()["reviewer"] == "rev"
    patch = [{"op": "replace", "path": "/obligations/0/amount_vnd", "value": 1_300_000_000}]
    r = client.patch(
        f"/documents/{doc}/extraction",
        json=patch,
        headers={"If-Match": '"0"', "Content-Type": "application/json-patch+json"},
    )
    assert r.status_code == 200, r.text
    approvals = client.get(f"/documents/{doc}/approvals").json()
    assert [(a["version"], a["current"]) for a in approvals] == [(0, False)]
    assert "s-approved" not in client.get("/review").text


def test_another_office_gets_404_everywhere(client: TestClient) -> None:
    _login(client, "off")
    doc = _upload(client, "plain.txt", b"PLAIN judgment")
    _login(client, "rev_b")
    view = client.get(f"/review/{doc}")
    assert view.status_code == 404 and "Không tìm thấy văn bản" in view.text
    for path in ("layout", "pages/1/words", "approvals"):
        assert client.get(f"/documents/{doc}/{path}").status_code == 404
    assert client.post(f"/documents/{doc}/approve", headers={"If-Match": '"0"'}).status_code == 404
    assert f'data-id="{doc}"' not in client.get("/review").text


def test_vietnamese_amounts_and_warnings() -> None:
    assert vnd(1_250_000_000) == "1.250.000.000" and vnd(0) == "0" and vnd(None) == ""
    stored = {
        "code": "amount.words_digits_differ",
        "pointer": "/obligations/2",
        "params": {"digits": 1_250_000, "words": 1_205_000},
    }
    assert warning_out(stored) == {
        **stored,
        "text": "Số tiền bằng số (1.250.000 đ) và bằng chữ (1.205.000 đ) không khớp",
    }
    fee = warning_out(
        {
            "code": "fee.off_schedule",
            "pointer": "/obligations/1",
            "params": {
                "fee": 5_000_000,
                "resolution": "326/2016/UBTVQH14",
                "value": 100_000_000,
                "expected": 5_000_000,
            },
        }
    )
    assert fee["pointer"] == "/obligations/1" and fee["text"].startswith("Án phí 5.000.000 đ khác mức")
    unknown = {"code": "party.unknown", "pointer": "/assets/0/owners/1", "params": {"party": "P9"}}
    assert warning_out(unknown)["text"].startswith("P9 không phải")
    old = warning_out("/obligations/0: stored before notices")  # a document processed before the change
    assert old == {
        "code": None,
        "pointer": None,
        "params": {},
        "text": "/obligations/0: stored before notices",
    }
    # what the database keeps: the notices when the extraction has them, else its English strings
    assert stored_warnings({"warnings": ["x"], "notices": [unknown]}) == [unknown]
    assert stored_warnings({"warnings": ["x"]}) == ["x"]


def test_attention_order() -> None:
    t = datetime(2026, 1, 1)
    rows = [
        {"status": "approved", "warnings": 3, "lowest": 0.1, "low": True, "created_at": t, "filename": "a"},
        {"status": "done", "warnings": 0, "lowest": 0.95, "low": False, "created_at": t, "filename": "b"},
        {"status": "done", "warnings": 0, "lowest": 0.6, "low": True, "created_at": t, "filename": "c"},
        {"status": "failed", "warnings": 0, "lowest": None, "low": False, "created_at": t, "filename": "d"},
        {"status": "done", "warnings": 2, "lowest": 0.9, "low": False, "created_at": t, "filename": "e"},
    ]
    assert [r["filename"] for r in sorted(rows, key=attention_key)] == ["e", "c", "b", "d", "a"]
    assert [r["filename"] for r in sort_rows(rows, "confidence")] == ["a", "c", "e", "b", "d"]
