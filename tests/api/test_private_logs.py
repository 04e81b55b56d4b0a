"""No name or ID number in any log line, whichever handler writes it (issue 16).

In process: a session of uploads, searches and corrections with the service's logging set up, a
plain handler attached to the root beside it (as logging.basicConfig or a library would) and
uvicorn's access records; then end to end: `docproc serve` in its own process, its whole stderr."""

from __future__ import annotations

import io
import json
import logging
import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from api.logging_config import LogScrubber, configure_logging

ROOT = Path(__file__).resolve().parents[2]
PASSWORD = "correct horse battery"
# A made-up judgment: the names and ID numbers below belong to no one.
PLAINTIFF, DEFENDANT = "Trịnh Thị Hoà Mẫn", "Đoàn Văn Khảo"
PLAINTIFF_ID, DEFENDANT_ID = "079180009911", "001075008822"
CORRECTED_NAME, CORRECTED_ID = "Lâm Quốc Sửa", "038090007733"
SECRETS = (PLAINTIFF, DEFENDANT, PLAINTIFF_ID, DEFENDANT_ID, CORRECTED_NAME, CORRECTED_ID)
JUDGMENT = f"""TÒA ÁN NHÂN DÂN HUYỆN THỬ NGHIỆM
TỈNH BÌNH DƯƠNG

Bản án số: 12/2024/DS-ST
Ngày: 05/3/2024
V/v: Tranh chấp hợp đồng vay tài sản

NHÂN DANH
NƯỚC CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM

TÒA ÁN NHÂN DÂN HUYỆN THỬ NGHIỆM, TỈNH BÌNH DƯƠNG

Ngày 05 tháng 3 năm 2024, tại trụ sở Tòa án nhân dân huyện Thử Nghiệm xét xử sơ thẩm công khai vụ án dân sự thụ lý số 40/2023/TLST-DS ngày 10 tháng 10 năm 2023 về việc tranh chấp hợp đồng vay tài sản, giữa các đương sự:

1. Nguyên đơn: Bà {PLAINTIFF}, sinh năm 1980; Căn cước công dân số {PLAINTIFF_ID}.
Địa chỉ: ấp 3, xã An Thử, huyện Thử Nghiệm, tỉnh Bình Dương. Có mặt.

2. Bị đơn: Ông {DEFENDANT}, sinh năm 1975; Căn cước công dân số {DEFENDANT_ID}.
Địa chỉ: ấp 5, xã An Thử, huyện Thử Nghiệm, tỉnh Bình Dương. Có mặt.

NỘI DUNG VỤ ÁN:
Nguyên đơn trình bày: bị đơn vay 150.000.000 đồng, hẹn trả trong năm 2023 nhưng không trả.

QUYẾT ĐỊNH:
1. Chấp nhận yêu cầu khởi kiện của nguyên đơn.
Buộc ông {DEFENDANT} phải trả cho bà {PLAINTIFF} số tiền 150.000.000 đồng (một trăm năm mươi triệu đồng).
2. Về án phí: ông {DEFENDANT} phải chịu 7.500.000 đồng án phí dân sự sơ thẩm.
"""


def _assert_clean(text: str) -> None:
    for secret in SECRETS:
        assert secret not in text, secret
        assert secret.casefold() not in text.casefold(), secret


@pytest.fixture
def logs() -> Iterator[tuple[io.StringIO, io.StringIO]]:
    """(the service's JSON log, a plain handler's log); the root's handlers are restored after."""
    root = logging.getLogger()
    saved_handlers, saved_level = list(root.handlers), root.level
    leftover = io.StringIO()
    stale = logging.StreamHandler(leftover)  # what logging.basicConfig leaves on the root
    root.addHandler(stale)
    json_log, plain = io.StringIO(), io.StringIO()
    configure_logging("DEBUG", stream=json_log)
    late = logging.StreamHandler(plain)  # attached after, with a plain format: must see scrubbed records
    late.setFormatter(logging.Formatter("%(levelname)s %(name)s %(message)s"))
    root.addHandler(late)
    try:
        yield json_log, plain
    finally:
        LogScrubber.uninstall()
        for h in list(root.handlers):
            root.removeHandler(h)
        for h in saved_handlers:
            root.addHandler(h)
        root.setLevel(saved_level)
    assert leftover.getvalue() == ""  # configure_logging removed it: no second, unscrubbed copy


def test_a_session_leaves_no_personal_data_in_any_log_line(api, logs) -> None:
    json_log, plain = logs
    r = api.upload("officer_a", f"{DEFENDANT}.txt", JUDGMENT.encode())
    assert r.status_code == 201, r.text
    doc = api.wait("officer_a", r.json()["id"])
    assert doc["status"] == "done", doc
    assert any(p.get("name") == DEFENDANT for p in doc["extraction"]["parties"])  # it was read
    login = api.client.post("/auth/login", data={"username": "reviewer_a", "password": PASSWORD})
    assert login.status_code == 200
    page = api.client.post("/review", data={"q": DEFENDANT, "status": "all", "sort": "attention"})
    assert page.status_code == 200
    api.client.post("/review", data={"q": PLAINTIFF_ID})
    api.client.get("/review", params={"q": DEFENDANT})  # a careless URL: ignored, and never logged
    ops = [
        {"op": "replace", "path": "/parties/0/name", "value": CORRECTED_NAME},
        {"op": "test", "path": "/parties/1/name", "value": DEFENDANT},
    ]
    saved = api.patch("reviewer_a", doc["id"], ops, doc["version"])
    assert saved.status_code in (200, 409, 422), saved.text
    api.patch("reviewer_a", doc["id"], [{"op": "test", "path": "/parties/0/name", "value": CORRECTED_ID}], 0)
    api.get("reviewer_a", f"/documents/{doc['id']}/corrections")
    # uvicorn's access log line of such a request, and a library logging a file name or raising
    access = logging.getLogger("uvicorn.access")
    access.info('%s - "%s %s HTTP/%s" %d', "127.0.0.1:5000", "GET", f"/review?q={DEFENDANT}", "1.1", 200)
    logging.getLogger("pdfminer.x").warning("cannot read %s", f"{PLAINTIFF}.pdf")
    logging.getLogger("some.lib").info({"name": PLAINTIFF})
    try:
        raise ValueError(f"bad value {DEFENDANT_ID} for {DEFENDANT}")
    except ValueError:
        logging.getLogger("api.test").exception("job crashed")
        logging.getLogger("other.lib").exception("failed on %s", DEFENDANT)
    lines = json_log.getvalue().splitlines()
    assert len(lines) >= 5
    records = [json.loads(line) for line in lines]  # every line of the service's log is JSON
    assert any(r.get("document_id") == doc["id"] for r in records)
    assert any(
        r["logger"] == "uvicorn.access" and r["msg"].endswith('"GET /review HTTP/1.1" 200') for r in records
    )
    assert any(r.get("exc_type") == "ValueError" for r in records)
    _assert_clean(json_log.getvalue())
    assert "GET /review HTTP/1.1" in plain.getvalue() and "ValueError" in plain.getvalue()
    _assert_clean(plain.getvalue())


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.mark.slow
def test_docproc_serve_writes_one_scrubbed_json_line_per_record(tmp_path: Path) -> None:
    """The real thing: `docproc serve` (the CLI's logging.basicConfig, then the service's set-up, uvicorn's
    access log, a processing pool process), driven over HTTP; every line of its stderr is checked."""
    from api import open_database
    from api.admin import create_office, create_user
    from api.settings import ServiceSettings

    data = tmp_path / "data"
    env = {
        **os.environ,
        "PYTHONPATH": str(ROOT),
        "DOCPROC_DATA_DIR": str(data),
        "DOCPROC_SECRET_KEY": "log-test",
        "DOCPROC_API_WORKERS": "1",
        "DOCPROC_JOB_POLL_SECONDS": "0.1",
        "DOCPROC_LOG_LEVEL": "INFO",
    }
    env.pop("DOCPROC_DATABASE_URL", None)
    db = open_database(ServiceSettings(data_dir=data))
    create_office(db.sessions, "Chi cục THADS A")
    create_user(db.sessions, "chv", office="Chi cục THADS A", password=PASSWORD, role="reviewer")
    db.engine.dispose()
    port = _free_port()
    stderr = tmp_path / "stderr.log"
    code = "from cli import main; main()"
    with stderr.open("wb") as err:
        proc = subprocess.Popen(
            [sys.executable, "-c", code, "serve", "--port", str(port)],
            env=env,
            cwd=tmp_path,
            stdout=err,
            stderr=err,
        )
        try:
            base = f"http://127.0.0.1:{port}"
            with httpx.Client(base_url=base, timeout=30) as c:
                deadline = time.monotonic() + 60
                while True:
                    try:
                        if c.get("/health").status_code == 200:
                            break
                    except httpx.TransportError:
                        pass
                    assert proc.poll() is None and time.monotonic() < deadline, stderr.read_text()
                    time.sleep(0.2)
                assert c.post("/auth/login", data={"username": DEFENDANT, "password": "x"}).status_code == 401
                assert (
                    c.post("/auth/login", data={"username": "chv", "password": PASSWORD}).status_code == 200
                )
                up = c.post(
                    "/documents", files={"file": (f"{PLAINTIFF}.txt", JUDGMENT.encode(), "text/plain")}
                )
                assert up.status_code == 201, up.text
                doc_id = up.json()["id"]
                while (body := c.get(f"/documents/{doc_id}").json())["status"] not in ("done", "failed"):
                    assert time.monotonic() < deadline + 120
                    time.sleep(0.2)
                assert body["status"] == "done", body
                c.post("/review", data={"q": DEFENDANT})
                c.get(f"/review?q={PLAINTIFF_ID}")
                ops = [{"op": "replace", "path": "/parties/0/name", "value": CORRECTED_NAME}]
                headers = {"Content-Type": "application/json-patch+json", "If-Match": f'"{body["version"]}"'}
                assert (
                    c.patch(f"/documents/{doc_id}/extraction", json=ops, headers=headers).status_code == 200
                )
                c.get(f"/documents/{doc_id}/corrections")
                c.post("/auth/logout")
        finally:
            proc.terminate()
            proc.wait(timeout=30)
    text = stderr.read_text(encoding="utf-8")
    lines = [line for line in text.splitlines() if line.strip()]
    records = [json.loads(line) for line in lines]  # one handler: JSON only, no plain duplicate
    _assert_clean(text)
    access = [r["msg"] for r in records if r["logger"] == "uvicorn.access"]
    assert any('"PATCH /documents/' in m for m in access) and any(
        '"GET /review HTTP/1.1"' in m for m in access
    )
    assert sum(r["msg"] == "extraction corrected" for r in records) == 1
    assert sum(r["msg"] == "document uploaded" for r in records) == 1
