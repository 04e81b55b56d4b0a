"""Sign-in: OAuth2 password flow, session cookie, expired and forged tokens, roles, the admin CLI."""

from __future__ import annotations

import time

from fastapi.testclient import TestClient
from typer.testing import CliRunner

from api.auth import SESSION_COOKIE, make_token, read_token

PASSWORD = "correct horse battery"


def test_token_flow_and_me(api) -> None:
    r = api.get("reviewer_a", "/auth/me")
    assert r.status_code == 200
    assert r.json()["username"] == "reviewer_a" and r.json()["role"] == "reviewer"


def test_wrong_password_and_unknown_user_are_401(client: TestClient, users) -> None:
    for name, pw in (("officer_a", "wrong password"), ("nobody", PASSWORD)):
        r = client.post("/auth/token", data={"username": name, "password": pw})
        assert r.status_code == 401
        assert "access_token" not in r.json()


def test_no_token_expired_and_forged_tokens_are_401(client: TestClient, users) -> None:
    assert client.get("/documents").status_code == 401
    good = users["officer_a"]["Authorization"].split()[1]
    secret = client.app.state.secret  # type: ignore[attr-defined]
    user_id = read_token(good, secret)
    assert user_id is not None
    expired = make_token(user_id, secret, 60, now=time.time() - 3600)
    forged = make_token(user_id, b"another key", 3600)
    body, sig = good.split(".")
    tampered = make_token(user_id + 1, secret, 3600).split(".")[0] + "." + sig  # other payload, old signature
    for token in (expired, forged, tampered, "garbage", body):
        r = client.get("/documents", headers={"Authorization": f"Bearer {token}"})
        assert r.status_code == 401, token
        assert r.headers.get("www-authenticate") == "Bearer"


def test_session_cookie_login_and_logout(client: TestClient, users) -> None:
    r = client.post("/auth/login", data={"username": "reviewer_a", "password": PASSWORD})
    assert r.status_code == 200
    cookie = r.cookies.get(SESSION_COOKIE)
    assert cookie
    set_cookie = r.headers["set-cookie"].lower()
    assert "httponly" in set_cookie and "samesite=strict" in set_cookie and "max-age=" in set_cookie
    assert client.get("/auth/me").json()["username"] == "reviewer_a"
    assert client.get("/documents").status_code == 200
    client.post("/auth/logout")
    client.cookies.clear()
    assert client.get("/auth/me").status_code == 401


def test_officer_cannot_correct(api) -> None:
    r = api.patch("officer_a", "0" * 32, [{"op": "test", "path": "/case", "value": {}}], 0)
    assert r.status_code == 403


def test_admin_cli_creates_office_and_user(tmp_path, monkeypatch, settings) -> None:
    import cli
    from api.settings import get_service_settings

    monkeypatch.setenv("DOCPROC_DATA_DIR", str(settings.data_dir))
    monkeypatch.setenv("DOCPROC_DATABASE_URL", settings.db_url)
    get_service_settings.cache_clear()
    try:
        runner = CliRunner()
        r = runner.invoke(cli.app, ["admin", "create-office", "Cục THADS Hà Nội"])
        assert r.exit_code == 0, r.output
        r = runner.invoke(
            cli.app,
            [
                "admin",
                "create-user",
                "chv1",
                "--office",
                "Cục THADS Hà Nội",
                "--password",
                PASSWORD,
                "--role",
                "officer",
            ],
        )
        assert r.exit_code == 0, r.output
        r = runner.invoke(
            cli.app, ["admin", "create-user", "chv2", "--office", "nowhere", "--password", PASSWORD]
        )
        assert r.exit_code == 1 and "no office" in r.output
        r = runner.invoke(cli.app, ["admin", "create-office", "Cục THADS Hà Nội"])
        assert r.exit_code == 1
        client = TestClient(__import__("api").create_app(get_service_settings(), run_jobs=False))
        with client:
            r = client.post("/auth/token", data={"username": "chv1", "password": PASSWORD})
            assert r.status_code == 200
            assert (
                client.get(
                    "/auth/me", headers={"Authorization": f"Bearer {r.json()['access_token']}"}
                ).json()["role"]
                == "officer"
            )
    finally:
        get_service_settings.cache_clear()
