"""Passwords (argon2) and signed, expiring tokens.

A token is `base64url(json payload) "." base64url(HMAC-SHA256)` with the user id and an expiry; the
same token serves as an OAuth2 bearer token and as the browser's session cookie. Forged, altered or
expired tokens are refused alike (401) without saying which.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import os
import secrets
import time
from pathlib import Path

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from api.settings import ServiceSettings

__all__ = [
    "hash_password",
    "verify_password",
    "dummy_hash",
    "make_token",
    "read_token",
    "read_claims",
    "secret_key",
    "SESSION_COOKIE",
]

SESSION_COOKIE = "docproc_session"
# OWASP's argon2id recommendation (19 MiB, 2 passes, 1 lane): ~0.1 s a hash on this class of machine.
hasher = PasswordHasher(time_cost=2, memory_cost=19456, parallelism=1)
_dummy: dict[tuple[object, ...], str] = {}


def hash_password(password: str) -> str:
    return hasher.hash(password)


def dummy_hash() -> str:
    """A fixed hash with the current hasher's costs, made once (the app makes it at start), that an
    unknown user's password is verified against: the same work as for a known user, and no more.
    (Hashing a fresh one on each request made unknown users twice as slow: 64 ms against 34.)"""
    params = (hasher.time_cost, hasher.memory_cost, hasher.parallelism, hasher.hash_len, hasher.type)
    found = _dummy.get(params)
    if found is None:
        found = _dummy[params] = hasher.hash(secrets.token_urlsafe(24))
    return found


def verify_password(password_hash: str | None, password: str) -> bool:
    """True if `password` matches. For an unknown user (no hash) the dummy hash is verified anyway, so
    the answer takes as long and timing does not reveal which user names exist."""
    known = password_hash is not None
    if password_hash is None:
        password_hash = dummy_hash()
    try:
        return hasher.verify(password_hash, password) and known
    except (VerificationError, InvalidHashError):
        return False


def secret_key(settings: ServiceSettings) -> bytes:
    """The signing key: the setting, else a random key created once in the data directory."""
    if settings.secret_key:
        return settings.secret_key.encode()
    path = Path(settings.data_dir) / "secret_key"
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(f".{os.getpid()}.tmp")
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "w") as fh:
            fh.write(secrets.token_urlsafe(48))
        try:
            os.link(tmp, path)  # first writer wins; others read its key
        except FileExistsError:
            pass
        finally:
            tmp.unlink(missing_ok=True)
    return path.read_text().strip().encode()


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def _unb64(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def make_token(user_id: int, key: bytes, ttl_seconds: float, *, now: float | None = None) -> str:
    now = time.time() if now is None else now
    payload = {"sub": user_id, "exp": int(now + ttl_seconds), "n": secrets.token_hex(4)}
    body = _b64(json.dumps(payload, separators=(",", ":")).encode())
    sig = hmac.new(key, body.encode(), hashlib.sha256).digest()
    return f"{body}.{_b64(sig)}"


def read_claims(token: str, key: bytes, *, now: float | None = None) -> tuple[int, float] | None:
    """(user id, expiry as epoch seconds) of a valid, unexpired token; None otherwise."""
    try:
        body, sig = token.split(".", 1)
        expected = hmac.new(key, body.encode(), hashlib.sha256).digest()
        if not hmac.compare_digest(expected, _unb64(sig)):
            return None
        payload = json.loads(_unb64(body))
        exp = float(payload["exp"])
        if exp <= (time.time() if now is None else now):
            return None
        return int(payload["sub"]), exp
    except (ValueError, KeyError, TypeError):
        return None


def read_token(token: str, key: bytes, *, now: float | None = None) -> int | None:
    """The user id of a valid, unexpired token; None otherwise (revocation is checked by api.deps)."""
    claims = read_claims(token, key, now=now)
    return claims[0] if claims else None
