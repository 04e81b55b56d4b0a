"""schemathesis generates requests from the app's own OpenAPI document: none may answer 5xx.

Signed in as a reviewer of an office that has one processed document (so ids in paths sometimes
exist), and run on SQLite only to keep the suite fast (the routes do not depend on the backend)."""

from __future__ import annotations

import pytest

schemathesis = pytest.importorskip("schemathesis")
from hypothesis import HealthCheck  # noqa: E402
from hypothesis import settings as hsettings  # noqa: E402

from api import create_app  # noqa: E402
from api.settings import ServiceSettings  # noqa: E402

schema = schemathesis.openapi.from_dict(create_app(ServiceSettings(data_dir="/nonexistent")).openapi())


@pytest.fixture(scope="module")
def fuzz_client(tmp_path_factory):  # type: ignore[no-untyped-def]
    from fastapi.testclient import TestClient

    from api.admin import create_office, create_user

    tmp = tmp_path_factory.mktemp("fuzz")
    s = ServiceSettings(
        data_dir=tmp / "data",
        database_url=f"sqlite:///{tmp / 'fuzz.sqlite3'}",
        secret_key="fuzz",
        api_workers=0,
        job_poll_seconds=0.05,
        max_file_bytes=100_000,
    )
    with TestClient(create_app(s, run_jobs=False), raise_server_exceptions=False) as client:
        create_office(client.app.state.sessions, "Fuzz office")
        create_user(
            client.app.state.sessions,
            "fuzzer",
            office="Fuzz office",
            password="fuzz-password",
            role="reviewer",
        )
        token = client.post("/auth/token", data={"username": "fuzzer", "password": "fuzz-password"}).json()
        client.headers["Authorization"] = f"Bearer {token['access_token']}"
        client.post("/documents", files={"file": ("a.txt", b"some judgment text", "text/plain")})
        yield client


@schema.parametrize()
@hsettings(max_examples=15, deadline=None, suppress_health_check=list(HealthCheck))
def test_no_server_errors(case, fuzz_client) -> None:  # type: ignore[no-untyped-def]
    kwargs = case.as_transport_kwargs(base_url="http://testserver")
    headers = {k: v for k, v in (kwargs.get("headers") or {}).items() if k.lower() != "authorization"}
    own = dict(fuzz_client.headers)
    if case.path == "/auth/logout":  # signing out would revoke the token every later case needs
        own.pop("authorization", None)
    request = {
        "method": kwargs["method"],
        "url": kwargs["url"],
        "headers": {**own, **headers},
        "params": kwargs.get("params"),
    }
    if kwargs.get("cookies"):
        fuzz_client.cookies.update(kwargs["cookies"])
    if "json" in kwargs:
        request["json"] = kwargs["json"]
    elif isinstance(kwargs.get("data"), bytes | str):
        request["content"] = kwargs["data"]
    elif kwargs.get("data") is not None:
        request["data"] = kwargs["data"]
    if kwargs.get("files"):
        request["files"] = kwargs["files"]
    response = fuzz_client.request(**request)
    assert response.status_code < 500, (case.method, case.path, response.status_code, response.text[:300])
