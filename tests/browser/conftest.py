"""A live service for the review-page tests: uvicorn in a thread on a free localhost port, a temporary
data directory, two offices, and two dev judgments processed by the real pipeline (a text upload and
a two-page text-layer PDF made by the shared make_scans.py). Chromium is Debian's, driven by
Playwright; the browser tests are skipped when /usr/bin/chromium is missing."""

from __future__ import annotations

import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
import pytest

from api.settings import ServiceSettings

SHARED = Path(__file__).resolve().parents[3] / "shared"
if not SHARED.exists():
    SHARED = Path("/work/shared")
DEV_TXT = SHARED / "corpus" / "dev" / "txt"
CHROMIUM = Path("/usr/bin/chromium")
PASSWORD = "correct horse battery"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
USERS = {
    "reviewer_a": ("Chi cục THADS A", "reviewer"),
    "reviewer_a2": ("Chi cục THADS A", "reviewer"),
    "officer_a": ("Chi cục THADS A", "officer"),
    "reviewer_b": ("Chi cục THADS B", "reviewer"),
}


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    if CHROMIUM.exists():
        return
    skip = pytest.mark.skip(reason="Chromium not installed at /usr/bin/chromium (apt-get install chromium)")
    for item in items:
        if "browser" in item.keywords:
            item.add_marker(skip)


@pytest.fixture(autouse=True, scope="session")
def _cheap_password_hashing() -> Iterator[None]:
    """Argon2 with production costs takes ~0.1 s a hash; the tests sign in a dozen times."""
    from argon2 import PasswordHasher

    import api.auth

    saved = api.auth.hasher
    api.auth.hasher = PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1)
    yield
    api.auth.hasher = saved


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@dataclass
class LiveServer:
    url: str
    app: Any
    docs: dict[str, dict[str, Any]] = field(default_factory=dict)

    def token(self, user: str) -> dict[str, str]:
        r = httpx.post(f"{self.url}/auth/token", data={"username": user, "password": PASSWORD})
        r.raise_for_status()
        return {"Authorization": f"Bearer {r.json()['access_token']}"}

    def get(self, user: str, path: str) -> httpx.Response:
        return httpx.get(self.url + path, headers=self.token(user), timeout=60)

    def upload(self, user: str, path: Path, ctype: str) -> dict[str, Any]:
        headers = self.token(user)
        r = httpx.post(
            f"{self.url}/documents", headers=headers, files={"file": (path.name, path.read_bytes(), ctype)}
        )
        assert r.status_code in (200, 201), r.text
        doc_id = r.json()["id"]
        deadline = time.monotonic() + 90
        while time.monotonic() < deadline:
            body = httpx.get(f"{self.url}/documents/{doc_id}", headers=headers).json()
            if body["status"] in ("done", "failed"):
                assert body["status"] == "done", body
                return body
            time.sleep(0.1)
        raise AssertionError("processing took too long")


def start_server(data_dir: Path) -> tuple[Any, Any, threading.Thread, str]:
    import uvicorn

    from api import create_app

    settings = ServiceSettings(
        data_dir=data_dir,
        database_url=f"sqlite:///{data_dir / 'review.sqlite3'}",
        secret_key="browser-test-secret",
        api_workers=0,
        job_poll_seconds=0.05,
        ocr_workers=1,
    )
    app = create_app(settings)
    port = _free_port()
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("the test server did not start")
        time.sleep(0.05)
    return app, server, thread, f"http://127.0.0.1:{port}"


def make_users(app: Any) -> None:
    from api.admin import create_office, create_user

    for office in sorted({o for o, _ in USERS.values()}):
        create_office(app.state.sessions, office)
    for name, (office, role) in USERS.items():
        create_user(app.state.sessions, name, office=office, password=PASSWORD, role=role)


def make_textpdf(out: Path, name: str = "c1-01", pages: int = 2) -> Path:
    subprocess.run(
        [
            sys.executable,
            str(SHARED / "eval" / "make_scans.py"),
            str(DEV_TXT / f"{name}.txt"),
            "--out",
            str(out),
            "--format",
            "textpdf",
            "--max-pages",
            str(pages),
        ],
        check=True,
        capture_output=True,
    )
    return next(out.rglob(f"{name}.pdf"))


@pytest.fixture(scope="session")
def live(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveServer]:
    if not CHROMIUM.exists():
        pytest.skip("Chromium not installed at /usr/bin/chromium")
    tmp = tmp_path_factory.mktemp("review")
    app, server, thread, url = start_server(tmp / "data")
    try:
        make_users(app)
        live = LiveServer(url, app)
        pdf = make_textpdf(tmp / "scans")
        live.docs["txt"] = live.upload("officer_a", DEV_TXT / "c1-01.txt", "text/plain")
        live.docs["txt2"] = live.upload("officer_a", DEV_TXT / "c1-02.txt", "text/plain")
        live.docs["txt3"] = live.upload("officer_a", DEV_TXT / "c1-03.txt", "text/plain")
        live.docs["pdf"] = live.upload("officer_a", pdf, "application/pdf")
        yield live
    finally:
        server.should_exit = True
        thread.join(timeout=15)


@pytest.fixture(scope="session")
def chromium() -> Iterator[Any]:
    """Debian's Chromium through Playwright, for every browser test (with or without the server)."""
    if not CHROMIUM.exists():
        pytest.skip("Chromium not installed at /usr/bin/chromium")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS)
        yield b
        b.close()


@pytest.fixture(scope="session")
def browser(live: LiveServer, chromium: Any) -> Any:
    return chromium


@pytest.fixture
def signin(browser: Any, live: LiveServer) -> Any:
    """signin(user, path="/review") -> (context, page): a new browser context (1366×768) signed in
    as `user` through the login form."""
    return lambda user, path="/review": login(browser, live, user, path)


def login(browser: Any, live: LiveServer, user: str, path: str = "/review") -> tuple[Any, Any]:
    """A new browser context signed in as `user` through the login form, on `path`."""
    context = browser.new_context(viewport={"width": 1366, "height": 768}, locale="vi-VN")
    page = context.new_page()
    page.goto(f"{live.url}{path}")
    page.wait_for_url("**/review/login**")
    page.get_by_label("Tên đăng nhập").fill(user)
    page.get_by_label("Mật khẩu").fill(PASSWORD)
    page.get_by_role("button", name="Đăng nhập").click()
    page.wait_for_url(f"{live.url}{path}")
    return context, page
