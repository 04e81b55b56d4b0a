"""Fixtures for the service tests: every test that takes `settings` runs against SQLite and, when
DOCPROC_TEST_POSTGRES_URL points at a server (.ci/postgres.sh starts one), against a fresh
PostgreSQL database too."""

from __future__ import annotations

import os
import time
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from api import create_app
from api.admin import create_office, create_user
from api.settings import ServiceSettings

SHARED = Path(__file__).resolve().parents[3] / "shared"
if not SHARED.exists():
    SHARED = Path("/work/shared")
DEV_TXT = SHARED / "corpus" / "dev" / "txt"
DEV_GOLD = SHARED / "corpus" / "dev" / "gold"
PASSWORD = "correct horse battery"
PG_ENV = "DOCPROC_TEST_POSTGRES_URL"


@pytest.fixture(autouse=True, scope="session")
def _cheap_password_hashing() -> Iterator[None]:
    """Argon2 with production costs takes ~0.1 s a hash; tests hash dozens of passwords."""
    from argon2 import PasswordHasher

    import api.auth

    saved = api.auth.hasher
    api.auth.hasher = PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1)
    yield
    api.auth.hasher = saved


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'test.sqlite3'}"
        return
    server = os.environ.get(PG_ENV)
    if not server:
        pytest.skip(f'PostgreSQL tests need {PG_ENV} (run: eval "$(bash .ci/postgres.sh)")')
    import psycopg

    name = f"docproc_test_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(server, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    base = server.rsplit("/", 1)[0]
    try:
        yield f"{base}/{name}"
    finally:
        with psycopg.connect(server, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture
def settings(tmp_path: Path, database_url: str) -> ServiceSettings:
    return ServiceSettings(
        data_dir=tmp_path / "data",
        database_url=database_url,
        secret_key="test-secret-key",
        api_workers=0,
        job_poll_seconds=0.05,
        ocr_workers=1,
        max_file_bytes=2_000_000,
    )


@pytest.fixture
def make_client(settings: ServiceSettings) -> Iterator[Callable[..., TestClient]]:
    """make_client(**create_app_kwargs) -> a started TestClient (stopped at the end of the test)."""
    opened: list[TestClient] = []

    def make(settings_: ServiceSettings | None = None, **kwargs: Any) -> TestClient:
        client = TestClient(create_app(settings_ or settings, **kwargs))
        client.__enter__()
        opened.append(client)
        return client

    yield make
    for c in reversed(opened):
        c.__exit__(None, None, None)


@pytest.fixture
def client(make_client: Callable[..., TestClient]) -> TestClient:
    return make_client()


@pytest.fixture
def users(client: TestClient) -> dict[str, dict[str, str]]:
    return _make_users(client)


def _make_users(client: TestClient) -> dict[str, dict[str, str]]:
    """Two offices; in office A an officer and two reviewers, in office B an officer. Returns auth
    headers by user name."""
    sessions = client.app.state.sessions  # type: ignore[attr-defined]
    create_office(sessions, "Chi cục THADS A")
    create_office(sessions, "Chi cục THADS B")
    spec = {
        "officer_a": ("Chi cục THADS A", "officer"),
        "reviewer_a": ("Chi cục THADS A", "reviewer"),
        "reviewer_a2": ("Chi cục THADS A", "reviewer"),
        "officer_b": ("Chi cục THADS B", "officer"),
    }
    headers = {}
    for name, (office, role) in spec.items():
        create_user(sessions, name, office=office, password=PASSWORD, role=role)
        r = client.post("/auth/token", data={"username": name, "password": PASSWORD})
        assert r.status_code == 200, r.text
        headers[name] = {"Authorization": f"Bearer {r.json()['access_token']}"}
    return headers


class Api:
    """Small helpers over a started client (a fixture: test modules cannot import each other)."""

    def __init__(self, client: TestClient, headers: dict[str, dict[str, str]]) -> None:
        self.client = client
        self.headers = headers

    def upload(self, user: str, name: str, data: bytes, ctype: str = "text/plain"):  # type: ignore[no-untyped-def]
        return self.client.post("/documents", headers=self.headers[user], files={"file": (name, data, ctype)})

    def get(self, user: str, url: str, **kw: Any):  # type: ignore[no-untyped-def]
        return self.client.get(url, headers=self.headers[user], **kw)

    def wait(self, user: str, doc_id: str, timeout: float = 60) -> dict[str, Any]:
        deadline = time.monotonic() + timeout
        while True:
            r = self.get(user, f"/documents/{doc_id}")
            assert r.status_code == 200, r.text
            body = r.json()
            if body["status"] in ("done", "failed") or time.monotonic() > deadline:
                return body
            time.sleep(0.05)

    def patch(self, user: str, doc_id: str, ops: Any, version: int | str | None):  # type: ignore[no-untyped-def]
        headers = {**self.headers[user], "Content-Type": "application/json-patch+json"}
        if version is not None:
            headers["If-Match"] = f'"{version}"' if isinstance(version, int) else version
        return self.client.patch(f"/documents/{doc_id}/extraction", headers=headers, json=ops)

    def processed(self, user: str = "officer_a", name: str = "c1-01") -> dict[str, Any]:
        r = self.upload(user, f"{name}.txt", dev_text(name))
        assert r.status_code == 201, r.text
        body = self.wait(user, r.json()["id"])
        assert body["status"] == "done", body
        return body


@pytest.fixture
def api(client: TestClient, users: dict[str, dict[str, str]]) -> Api:
    return Api(client, users)


def dev_text(name: str = "c1-01") -> bytes:
    return (DEV_TXT / f"{name}.txt").read_bytes()


def synthetic_extraction(source: str) -> dict[str, Any]:
    """A small valid extraction, made up (no real person), for tests of the correction machinery."""
    from docproc.schema import Case, DocumentInfo, Extraction, Obligation, Party

    return Extraction(
        document=DocumentInfo(source=source, pages=1, kind="judgment"),
        case=Case(
            court="Tòa án nhân dân huyện Thử", number="01/2024/DS-ST", date="2024-03-01", type_code="DS"
        ),
        parties=[
            Party(id="P1", role="plaintiff", kind="person", name="Trần Thị Thử"),
            Party(id="P2", role="defendant", kind="person", name="Lê Văn Mẫu", birth_year=1970),
        ],
        obligations=[
            Obligation(id="O1", kind="pay_money", obligors=["P2"], obligees=["P1"], amount_vnd=150_000_000)
        ],
    ).to_json_dict()


def fake_process(spec: Any, settings: ServiceSettings) -> dict[str, Any]:
    """Stands in for the pipeline: a synthetic extraction, or a fault named by the file's first bytes."""
    data = Path(spec.blob).read_bytes()
    if data.startswith(b"CRASH"):
        raise RuntimeError("injected fault")
    if data.startswith(b"SLOW"):
        time.sleep(float(data.split()[1]))
    return {
        "ok": True,
        "extraction": synthetic_extraction(spec.filename),
        "warnings": ["synthetic"],
        "pages": 1,
    }


@pytest.fixture
def make_api(make_client: Callable[..., TestClient]) -> Callable[..., Api]:
    """make_api(fake=True, **create_app_kwargs) -> Api on a newly started app over the same database
    and data directory (a restart); users are made on the first call. fake=True uses fake_process."""
    headers: dict[str, dict[str, str]] = {}

    def make(fake: bool = True, **kwargs: Any) -> Api:
        if fake:
            kwargs.setdefault("process", fake_process)
        client = make_client(**kwargs)
        if not headers:
            headers.update(_make_users(client))
        return Api(client, headers)

    return make


@pytest.fixture
def fake_api(make_api: Callable[..., Api]) -> Api:
    """Like `api`, with the pipeline replaced by `fake_process`."""
    return make_api()
