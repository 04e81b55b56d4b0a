"""The office profile in the service and drafts made on request: the profile is the office's own and
only its administrator edits it; drafts use it, follow the decision date's law on every request (no
cache), carry the readable title only in Content-Disposition, and lose the draft mark once approved."""

from __future__ import annotations

import io
from urllib.parse import unquote

from docx import Document

from api.admin import create_user

PASSWORD = "correct horse battery"  # tests/api/conftest.py
PROFILE = {
    "parent": "THI HÀNH ÁN DÂN SỰ TỈNH THỬ NGHIỆM",
    "name": "PHÒNG THI HÀNH ÁN DÂN SỰ KHU VỰC 9 - THỬ NGHIỆM",
    "place": "Thử Nghiệm",
    "head_name": "Phạm Văn Ký",
    "procuracy": "Viện kiểm sát nhân dân khu vực 9 - Thử Nghiệm",
    "payment_instructions": "chuyển khoản vào tài khoản tạm giữ số 0001 tại Kho bạc Nhà nước khu vực IX",
    "notification_form": "giao trực tiếp",
}


def _admin(api) -> dict[str, str]:  # type: ignore[no-untyped-def]
    create_user(
        api.client.app.state.sessions,
        "admin_a",
        office="Chi cục THADS A",
        password="pw-123456789",
        role="admin",
    )
    r = api.client.post("/auth/token", data={"username": "admin_a", "password": "pw-123456789"})
    return {"Authorization": f"Bearer {r.json()['access_token']}"}


def _text(data: bytes) -> str:
    return (
        "\n".join(p.text for p in Document(io.BytesIO(data)).paragraphs)
        + "\n"
        + "\n".join(
            p.text
            for t in Document(io.BytesIO(data)).tables
            for row in t.rows
            for c in row.cells
            for p in c.paragraphs
        )
    )


def test_profile_is_per_office_and_only_the_administrator_edits_it(fake_api) -> None:
    admin = _admin(fake_api)
    c = fake_api.client
    assert c.put("/office/profile", json=PROFILE, headers=fake_api.headers["officer_a"]).status_code == 403
    r = c.put("/office/profile", json=PROFILE, headers=admin)
    assert r.status_code == 200 and r.json()["place"] == "Thử Nghiệm"
    assert fake_api.get("officer_a", "/office/profile").json()["head_name"] == "Phạm Văn Ký"
    assert fake_api.get("officer_b", "/office/profile").json()["head_name"] is None
    assert c.put("/office/profile", json={"unknown": 1}, headers=admin).status_code == 422


def test_drafts_use_the_profile_the_date_and_the_approval_made_on_request(fake_api) -> None:
    admin = _admin(fake_api)
    fake_api.client.put("/office/profile", json=PROFILE, headers=admin)
    doc = fake_api.wait("officer_a", fake_api.upload("officer_a", "a.txt", b"judgment one").json()["id"])
    base = f"/documents/{doc['id']}/drafts"
    listed = fake_api.get("officer_a", base, params={"issue_date": "2026-06-30"}).json()
    assert listed["approved"] is False and listed["kinds"] == ["on-request-P1-P2"]
    (summary,) = listed["drafts"]
    assert summary["title"] == "QĐ thi hành án theo yêu cầu – Lê Văn Mẫu"
    assert summary["items"][0]["lines"][0].startswith("Ông Lê Văn Mẫu phải trả cho bà Trần Thị Thử")
    inputs = {"number": "77", "executor": "Đỗ Văn Hành", "request_date": "2026-06-25", "requester": "P1"}
    put = fake_api.client.put(
        f"/documents/{doc['id']}/decision-inputs", json=inputs, headers=fake_api.headers["officer_a"]
    )
    assert put.status_code == 200
    saved = fake_api.get("officer_a", f"/documents/{doc['id']}/decision-inputs").json()
    assert saved["executor"] == "Đỗ Văn Hành"
    assert fake_api.get("officer_b", f"/documents/{doc['id']}/decision-inputs").status_code == 404
    old = fake_api.get("officer_a", f"{base}/on-request-P1-P2.docx", params={"issue_date": "2026-06-30"})
    new = fake_api.get("officer_a", f"{base}/on-request-P1-P2.docx", params={"issue_date": "2026-07-02"})
    assert old.status_code == new.status_code == 200
    old_text, new_text = _text(old.content), _text(new.content)
    assert "26/2008/QH12" in old_text and "106/2025/QH15" not in old_text
    assert "106/2025/QH15" in new_text and "26/2008/QH12" not in new_text  # not the first request's law
    for value in (
        "PHÒNG THI HÀNH ÁN DÂN SỰ KHU VỰC 9 - THỬ NGHIỆM",
        "Thử Nghiệm, ngày 02 tháng 7 năm 2026",
        "Phạm Văn Ký",
        "Kho bạc Nhà nước khu vực IX",
        "Số: 77/QĐ-THADS",
        "Chấp hành viên Đỗ Văn Hành",
    ):
        assert value in new_text, value  # fmt: skip
    assert "BẢN NHÁP – CHƯA DUYỆT" in new_text
    disposition = unquote(new.headers["content-disposition"])
    assert "QĐ thi hành án theo yêu cầu – Lê Văn Mẫu.docx" in disposition
    assert "Mẫu" not in str(new.request.url) and "Hành" not in str(new.request.url)
    # approve the version: the mark goes
    assert fake_api.client.post(f"/documents/{doc['id']}/approve", headers={**fake_api.headers["reviewer_a"], "If-Match": '"0"'}).status_code in (200, 201)  # fmt: skip
    approved = fake_api.get("officer_a", f"{base}/on-request-P1-P2.docx")
    assert "BẢN NHÁP" not in _text(approved.content)
    assert fake_api.get("officer_a", base).json()["approved"] is True


def _sign_in(client, username: str, password: str) -> None:  # type: ignore[no-untyped-def]
    client.cookies.clear()
    r = client.post(
        "/auth/login",
        data={"username": username, "password": password, "next": "/review"},
        follow_redirects=False,
    )
    assert r.status_code == 200, r.text


def test_office_page_form(fake_api) -> None:

    _admin(fake_api)
    c = fake_api.client
    _sign_in(c, "admin_a", "pw-123456789")
    page = c.get("/review/office")
    assert page.status_code == 200 and 'name="procuracy"' in page.text
    r = c.post("/review/office", data=PROFILE, follow_redirects=False)
    assert r.status_code == 303
    assert fake_api.get("officer_a", "/office/profile").json()["procuracy"] == PROFILE["procuracy"]
    _sign_in(c, "officer_a", PASSWORD)
    readonly = c.get("/review/office")
    assert "readonly" in readonly.text and "office-save" not in readonly.text
    assert c.post("/review/office", data=PROFILE).status_code == 403
    c.cookies.clear()
    assert c.get("/review/office", follow_redirects=False).status_code == 303


def test_list_confidence_follows_corrections_times_are_vietnamese_and_no_offline_blank_docs(fake_api) -> None:
    doc = fake_api.wait("officer_a", fake_api.upload("officer_a", "b.txt", b"judgment two").json()["id"])
    low = {
        "op": "add",
        "path": "/evidence/~1parties~10~1name",
        "value": {"text": "Trần Thị Thử", "confidence": 0.3},
    }
    assert fake_api.patch("reviewer_a", doc["id"], [low], 0).status_code == 200
    c = fake_api.client
    _sign_in(c, "reviewer_a", PASSWORD)
    row = c.get("/review").text
    assert "30%" in row
    fix = {"op": "replace", "path": "/parties/0/name", "value": "Trần Thị Thử"}
    assert fake_api.patch("reviewer_a", doc["id"], [fix], 1).status_code == 200
    page = c.get("/review").text
    assert "30%" not in page  # the corrected field's extraction confidence no longer counts
    assert "giờ Việt Nam" in page
    assert c.get("/docs").status_code == 404 and c.get("/openapi.json").status_code == 200


def test_the_honorific_set_on_the_draft_view_is_used(fake_api) -> None:
    doc = fake_api.wait("officer_a", fake_api.upload("officer_a", "c.txt", b"judgment three").json()["id"])
    ops = [{"op": "add", "path": "/parties/1/honorific", "value": "bà"}]
    assert fake_api.patch("reviewer_a", doc["id"], ops, 0).status_code == 200
    (summary,) = fake_api.get("officer_a", f"/documents/{doc['id']}/drafts").json()["drafts"]
    assert summary["items"][0]["lines"][0].startswith("Bà Lê Văn Mẫu phải trả")
    assert summary["honorific_unknown"] == []
