"""Sign-in throttling, per user name and per client address, kept in the database (shared by every
API process, kept across restarts).

An attempt is recorded *before* the password is checked and removed when it succeeds, so parallel
guesses see each other, and a user name or address with too many recent failures is refused (429)
without checking any password, whether the user exists or not. Refused attempts are not counted: the
pause ends when the window has passed over the earlier failures, even while someone keeps trying."""

from __future__ import annotations

import hashlib
import hmac
import math
import unicodedata
from dataclasses import dataclass
from datetime import timedelta

from sqlalchemy import delete, select, text
from sqlalchemy.orm import Session, sessionmaker

from api.db import session_scope
from api.limits import ServiceLimits
from api.models import LoginAttempt, utcnow

__all__ = ["LoginThrottle", "LoginThrottled", "throttle_message"]


class LoginThrottled(Exception):
    def __init__(self, retry_after: int) -> None:
        super().__init__(f"retry after {retry_after} s")
        self.retry_after = retry_after


def throttle_message(retry_after: int) -> str:
    minutes = max(1, math.ceil(retry_after / 60))
    return f"Đăng nhập sai quá nhiều lần. Vui lòng thử lại sau {minutes} phút."


@dataclass
class LoginThrottle:
    sessions: sessionmaker[Session]
    key: bytes
    limits: ServiceLimits

    def _hash(self, kind: str, value: str) -> str:
        value = unicodedata.normalize("NFC", value).strip().casefold()
        return hmac.new(self.key, f"{kind}:{value}".encode(), hashlib.sha256).hexdigest()

    def begin(self, username: str, address: str) -> int:
        """Record an attempt and return its id, or raise LoginThrottled (with the seconds to wait)."""
        lim = self.limits
        user_key, addr_key = self._hash("user", username), self._hash("addr", address)
        now = utcnow()
        since = now - timedelta(seconds=lim.login_window_seconds)
        with session_scope(self.sessions, write=True) as s:
            if s.get_bind().dialect.name == "postgresql":  # SQLite: BEGIN IMMEDIATE serialises already
                s.execute(text("SELECT pg_advisory_xact_lock(727402)"))  # count and insert as one
            s.execute(delete(LoginAttempt).where(LoginAttempt.at < since))
            waits = [
                self._wait(s, LoginAttempt.user_key == user_key, since, lim.login_failures_per_user),
                self._wait(s, LoginAttempt.addr_key == addr_key, since, lim.login_failures_per_address),
            ]
            wait = max(w for w in waits if w is not None) if any(w is not None for w in waits) else None
            if wait is not None:
                raise LoginThrottled(max(1, math.ceil(wait)))
            attempt = LoginAttempt(user_key=user_key, addr_key=addr_key, at=now)
            s.add(attempt)
            s.flush()
            return attempt.id

    def _wait(self, s: Session, where, since, limit: int) -> float | None:  # type: ignore[no-untyped-def]
        """Seconds until fewer than `limit` failures are left in the window, or None if fewer now."""
        if limit <= 0:
            return None
        times = s.scalars(
            select(LoginAttempt.at)
            .where(where, LoginAttempt.at >= since)
            .order_by(LoginAttempt.at.desc())
            .limit(limit)
        ).all()
        if len(times) < limit:
            return None
        return (times[-1] - since).total_seconds()

    def succeeded(self, username: str) -> None:
        """The right password: this user name's failures are forgotten (the address's others stay)."""
        with session_scope(self.sessions, write=True) as s:
            s.execute(delete(LoginAttempt).where(LoginAttempt.user_key == self._hash("user", username)))
