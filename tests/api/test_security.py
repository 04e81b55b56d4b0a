"""Sign-in throttling, equal timing for unknown users, token revocation, security headers and the
request-body limit (issue 16)."""

from __future__ import annotations

import re
import statistics
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from fastapi.testclient import TestClient

from api.auth import SESSION_COOKIE
from api.limits import ServiceLimits

PASSWORD = "correct horse battery"
TEMPLATES = Path(__file__).resolve().parents[2] / "api" / "templates"


def _login(client: TestClient, name: str, password: str):  # type: ignore[no-untyped-def]
    return client.post("/auth/token", data={"username": name, "password": password})


# --- throttling --------------------------------------------------------------------------------------


def test_repeated_failed_logins_get_429_even_with_the_right_password(client: TestClient, users) -> None:
    for _ in range(5):
        assert _login(client, "officer_a", "wrong").status_code == 401
    r = _login(client, "officer_a", PASSWORD)
    assert r.status_code == 429
    assert 1 <= int(r.headers["retry-after"]) <= 900
    assert "Đăng nhập sai quá nhiều lần" in r.json()["detail"] and "phút" in r.json()["detail"]
    assert "access_token" not in r.json()
    # the same for the browser sign-in, and for the user name written another way
    assert client.post("/auth/login", data={"username": "officer_a", "password": PASSWORD}).status_code == 429
    assert _login(client, "OFFICER_A ", "wrong").status_code == 429
    # another user from the same address is not paused (the address limit is 20)
    assert _login(client, "reviewer_a", PASSWORD).status_code == 200


def test_unknown_users_are_throttled_alike_and_success_clears_the_count(client: TestClient, users) -> None:
    for _ in range(5):
        assert _login(client, "nobody", "x").status_code == 401
    assert _login(client, "nobody", "x").status_code == 429
    for _ in range(4):
        assert _login(client, "reviewer_a", "wrong").status_code == 401
    assert _login(client, "reviewer_a", PASSWORD).status_code == 200
    for _ in range(4):  # the earlier failures were forgotten by the success
        assert _login(client, "reviewer_a", "wrong").status_code == 401


def test_per_address_limit_and_the_pause_ends(make_client, settings) -> None:
    limits = ServiceLimits(
        login_failures_per_user=100, login_failures_per_address=6, login_window_seconds=1.5
    )
    client = make_client(limits=limits, run_jobs=False)
    from api.admin import create_office, create_user

    create_office(client.app.state.sessions, "Chi cục THADS A")
    create_user(client.app.state.sessions, "chv", office="Chi cục THADS A", password=PASSWORD, role="officer")
    for i in range(6):
        assert _login(client, f"guess{i}", "x").status_code == 401
    r = _login(client, "chv", PASSWORD)
    assert r.status_code == 429 and int(r.headers["retry-after"]) <= 2
    time.sleep(1.6)
    assert _login(client, "chv", PASSWORD).status_code == 200


def test_parallel_guesses_do_not_pass_the_limit(client: TestClient, users) -> None:
    with ThreadPoolExecutor(8) as pool:
        codes = list(pool.map(lambda _: _login(client, "officer_b", "wrong").status_code, range(24)))
    assert codes.count(401) == 5 and codes.count(429) == 19
    assert _login(client, "officer_b", PASSWORD).status_code == 429


# --- timing ------------------------------------------------------------------------------------------


def test_unknown_and_known_users_take_the_same_time(make_client, monkeypatch) -> None:
    """Production argon2 costs (the suite's cheap hasher would hide the difference): a wrong password
    for a known user and any password for an unknown one cost one verification each."""
    from argon2 import PasswordHasher

    import api.auth
    from api.admin import create_office, create_user

    monkeypatch.setattr(api.auth, "hasher", PasswordHasher(time_cost=2, memory_cost=19456, parallelism=1))
    limits = ServiceLimits(login_failures_per_user=10_000, login_failures_per_address=0)
    client = make_client(limits=limits, run_jobs=False)
    create_office(client.app.state.sessions, "Chi cục THADS A")
    create_user(client.app.state.sessions, "chv", office="Chi cục THADS A", password=PASSWORD, role="officer")
    known, unknown = [], []
    for i in range(24):  # interleaved, so load from other processes falls on both alike
        for name, out in (("chv", known), (f"khong-co-{i}", unknown)):
            t0 = time.perf_counter()
            assert _login(client, name, "wrong password").status_code == 401
            out.append(time.perf_counter() - t0)
    k, u = statistics.median(known[4:]), statistics.median(unknown[4:])
    assert 0.8 < u / k < 1.25, (k, u)


# --- revocation --------------------------------------------------------------------------------------


def test_logout_revokes_the_bearer_token(make_api) -> None:
    api = make_api()
    r = _login(api.client, "reviewer_a", PASSWORD)
    token = {"Authorization": f"Bearer {r.json()['access_token']}"}
    other = {"Authorization": f"Bearer {_login(api.client, 'reviewer_a', PASSWORD).json()['access_token']}"}
    assert api.client.get("/auth/me", headers=token).status_code == 200
    assert api.client.post("/auth/logout", headers=token).status_code == 204
    refused = api.client.get("/documents", headers=token)
    assert refused.status_code == 401 and refused.headers["www-authenticate"] == "Bearer"
    assert api.client.post("/auth/logout", headers=token).status_code == 204  # twice is harmless
    assert api.client.get("/auth/me", headers=other).status_code == 200  # other sessions go on
    again = make_api()  # a restart: the revocation is in the database
    assert again.client.get("/auth/me", headers=token).status_code == 401
    assert again.client.get("/auth/me", headers=other).status_code == 200


def test_logout_revokes_a_copied_session_cookie(client: TestClient, users) -> None:
    r = client.post("/auth/login", data={"username": "reviewer_a", "password": PASSWORD})
    cookie = r.cookies.get(SESSION_COOKIE)
    assert cookie and client.get("/auth/me").status_code == 200
    client.post("/auth/logout")
    client.cookies.clear()
    stolen = TestClient(client.app, cookies={SESSION_COOKIE: cookie})
    assert stolen.get("/auth/me").status_code == 401
    assert stolen.get("/review", follow_redirects=False).status_code == 303  # to the login form


# --- headers -----------------------------------------------------------------------------------------


def _assert_security_headers(r) -> None:  # type: ignore[no-untyped-def]
    h = r.headers
    assert h["x-frame-options"] == "DENY"
    assert h["x-content-type-options"] == "nosniff"
    assert h["referrer-policy"] == "no-referrer"
    csp = h["content-security-policy"]
    assert "frame-ancestors 'none'" in csp
    if not r.url.path.startswith(("/docs", "/redoc")):
        assert "script-src 'self';" in csp and "'unsafe-inline'" not in csp


def test_security_headers_on_every_response(api) -> None:
    body = api.processed()
    doc = body["id"]
    responses = [
        api.get("reviewer_a", "/health"),
        api.get("reviewer_a", f"/documents/{doc}"),
        api.get("reviewer_a", "/documents"),
        api.get("reviewer_a", f"/documents/{doc}/corrections"),
        api.get("officer_b", f"/documents/{doc}"),  # 404
        api.client.get("/documents"),  # 401
        api.client.get("/review/login"),
        api.client.get("/review/static/review.js"),
        api.client.get("/openapi.json"),
    ]
    for r in responses:
        _assert_security_headers(r)
    for r in responses[:6]:  # JSON with (or about) personal data: never stored by a browser or proxy
        assert r.headers["cache-control"] == "no-store", r.url
    assert responses[7].headers["cache-control"] == "no-cache"  # static files keep their own
    docs = api.client.get("/docs")
    _assert_security_headers(docs)
    assert "https://cdn.jsdelivr.net" in docs.headers["content-security-policy"]


def test_pages_fit_the_csp_no_inline_script_style_or_handlers(api) -> None:
    """The CSP allows scripts and styles from the service only: the pages must have no inline code."""
    body = api.processed()
    r = api.client.post("/auth/login", data={"username": "reviewer_a", "password": PASSWORD})
    assert r.status_code == 200
    pages = [
        api.client.get("/review/login").text,
        api.client.get("/review").text,
        api.client.post("/review", data={"q": "c1"}).text,
        api.client.get(f"/review/{body['id']}").text,
    ]
    pages += [p.read_text(encoding="utf-8") for p in TEMPLATES.glob("*.html")]
    for html in pages:
        for tag in re.findall(r"<script\b[^>]*>", html):
            assert "src=" in tag or 'type="application/json"' in tag, tag
        assert not re.search(r"<style\b", html)
        assert not re.search(r"\sstyle\s*=", html)
        assert not re.search(r"\son[a-z]+\s*=", html)
        assert "javascript:" not in html
    scripts = sorted((TEMPLATES.parent / "static").rglob("review*.js"))
    scripts += sorted((TEMPLATES.parent / "static" / "review").rglob("*.js"))
    assert len(scripts) > 10  # review.js and its modules
    for path in scripts:
        js = path.read_text(encoding="utf-8")
        assert not re.search(r"setAttribute\(\s*['\"]style", js) and "eval(" not in js, path
        assert "new Function" not in js and "innerHTML" not in js, path


# --- body size ---------------------------------------------------------------------------------------


def test_a_60_mb_correction_is_refused_before_it_is_read(fake_api) -> None:
    body = fake_api.processed()
    value = "A" * (60 * 1024 * 1024)
    ops = [{"op": "replace", "path": "/parties/0/name", "value": value}]
    t0 = time.perf_counter()
    r = fake_api.patch("reviewer_a", body["id"], ops, 0)
    assert r.status_code == 413 and r.json()["error"] == "too_large"
    _assert_security_headers(r)
    assert fake_api.get("reviewer_a", f"/documents/{body['id']}").json()["version"] == 0
    assert time.perf_counter() - t0 < 20


def test_a_streamed_body_without_length_is_cut_at_the_limit(fake_api) -> None:
    body = fake_api.processed()
    chunk = b'{"op": "replace", "path": "/parties/0/name", "value": "' + b"A" * 100_000

    def stream():  # type: ignore[no-untyped-def]
        yield b"["
        for _ in range(30):  # 3 MB, no Content-Length: the limit holds on the bytes received
            yield chunk
        yield b'"}]'

    headers = {
        **fake_api.headers["reviewer_a"],
        "Content-Type": "application/json-patch+json",
        "If-Match": '"0"',
    }
    r = fake_api.client.patch(f"/documents/{body['id']}/extraction", headers=headers, content=stream())
    assert r.status_code == 413
    assert fake_api.get("reviewer_a", f"/documents/{body['id']}").json()["version"] == 0


def test_uploads_keep_their_own_limit(fake_api, settings) -> None:
    big = b"SLOW 0\n" + b"x" * 1_500_000  # over the 1 MB body limit, under the 2 MB upload limit
    assert fake_api.upload("officer_a", "big.txt", big).status_code == 201
    r = fake_api.upload("officer_a", "huge.txt", b"y" * (settings.max_file_bytes + 10))
    assert r.status_code == 413 and r.json()["error"] == "too_large"


def test_ordinary_corrections_pass_the_limit(fake_api) -> None:
    body = fake_api.processed()
    ops = [{"op": "replace", "path": "/parties/0/name", "value": "Tên Mới"}]
    assert fake_api.patch("reviewer_a", body["id"], ops, 0).status_code == 200
