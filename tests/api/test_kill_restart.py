"""The API process killed (SIGKILL) while a scanned page is being OCRed: after a restart the job is
taken over once its lease lapses, and the document is processed; the upload is not lost."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

from api import open_database
from api.admin import create_office, create_user
from api.settings import ServiceSettings

pytestmark = [pytest.mark.ocr, pytest.mark.slow]
FONT = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")


def _scan_png() -> bytes:
    """A clean synthetic 'scan' (one A5-ish page of Vietnamese text at 200 dpi): OCR takes seconds."""
    import io

    from PIL import Image, ImageDraw, ImageFont

    if not FONT.exists():
        pytest.skip("DejaVuSans.ttf not installed")
    img = Image.new("L", (1200, 1600), 255)
    draw = ImageDraw.Draw(img)
    font = ImageFont.truetype(str(FONT), 30)
    lines = ["TÒA ÁN NHÂN DÂN HUYỆN THỬ", "BẢN ÁN SỐ 01/2024/DS-ST", "Ngày 01 tháng 3 năm 2024"]
    lines += ["Buộc bị đơn trả cho nguyên đơn số tiền 150.000.000 đồng."] * 25
    for k, line in enumerate(lines):
        draw.text((80, 80 + k * 52), line, fill=0, font=font)
    buf = io.BytesIO()
    img.save(buf, format="PNG", dpi=(200, 200))
    return buf.getvalue()


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _start(env: dict[str, str], port: int) -> subprocess.Popen:
    proc = subprocess.Popen(
        [sys.executable, "-m", "cli", "serve", "--port", str(port)],
        env=env,
        start_new_session=True,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"http://127.0.0.1:{port}/health", timeout=1).status_code == 200:
                return proc
        except httpx.HTTPError:
            time.sleep(0.2)
    os.killpg(proc.pid, signal.SIGKILL)
    raise AssertionError("server did not start")


def _kill(proc: subprocess.Popen) -> None:
    try:
        os.killpg(proc.pid, signal.SIGKILL)
    except ProcessLookupError:
        pass
    proc.wait(timeout=10)


def test_api_killed_during_processing_resumes_after_restart(tmp_path: Path) -> None:
    data = tmp_path / "data"
    env = {
        **os.environ,
        "DOCPROC_DATA_DIR": str(data),
        "DOCPROC_DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}",
        "DOCPROC_SECRET_KEY": "kill-test",
        "DOCPROC_API_WORKERS": "1",
        "DOCPROC_JOB_LEASE_SECONDS": "3",
        "DOCPROC_JOB_POLL_SECONDS": "0.1",
        "DOCPROC_LOG_LEVEL": "WARNING",
    }
    settings = ServiceSettings(data_dir=data, database_url=env["DOCPROC_DATABASE_URL"])
    db = open_database(settings)
    create_office(db.sessions, "Office K")
    create_user(db.sessions, "k", office="Office K", password="kill-test-pw", role="officer")
    db.engine.dispose()

    port = _free_port()
    base = f"http://127.0.0.1:{port}"
    proc = _start(env, port)
    try:
        token = httpx.post(f"{base}/auth/token", data={"username": "k", "password": "kill-test-pw"}).json()
        auth = {"Authorization": f"Bearer {token['access_token']}"}
        r = httpx.post(
            f"{base}/documents", headers=auth, files={"file": ("scan.png", _scan_png(), "image/png")}
        )
        assert r.status_code == 201, r.text
        doc = r.json()
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            job = httpx.get(f"{base}/jobs/{doc['job']['id']}", headers=auth).json()
            if job["status"] != "queued":
                break
            time.sleep(0.02)
        assert job["status"] == "running", job  # caught mid-way
    finally:
        _kill(proc)  # the API and its pool process, at once

    blob = data / "blobs" / doc["sha256"][:2] / doc["sha256"]
    assert blob.exists()  # the upload is not lost

    proc = _start(env, port)
    try:
        deadline = time.monotonic() + 90
        while time.monotonic() < deadline:
            body = httpx.get(f"{base}/documents/{doc['id']}", headers=auth).json()
            if body["status"] in ("done", "failed"):
                break
            time.sleep(0.2)
        assert body["status"] == "done", body
        assert body["job"]["attempts"] == 2
        info = body["extraction"]["document"]
        assert info["pages"] == 1 and info["text_source"] == "ocr"
    finally:
        _kill(proc)
