"""Server-side token revocation: signing out refuses the token from then on, although its signature
and expiry are still good. Only a hash of the token is kept, until the token would have expired."""

from __future__ import annotations

import hashlib
from datetime import UTC, datetime

from sqlalchemy import delete
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session, sessionmaker

from api.db import session_scope
from api.models import RevokedToken, utcnow

__all__ = ["TokenRevocations"]


def _hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


class TokenRevocations:
    def __init__(self, sessions: sessionmaker[Session]) -> None:
        self.sessions = sessions

    def revoke(self, token: str, user_id: int, expires: float) -> None:
        """Refuse `token` (of `user_id`, expiring at the epoch time `expires`) from now on."""
        exp = datetime.fromtimestamp(expires, UTC).replace(tzinfo=None)
        with session_scope(self.sessions, write=True) as s:
            s.execute(delete(RevokedToken).where(RevokedToken.expires_at < utcnow()))
            dialect = s.get_bind().dialect.name
            insert = pg_insert if dialect == "postgresql" else sqlite_insert
            s.execute(
                insert(RevokedToken)
                .values(token_hash=_hash(token), user_id=user_id, expires_at=exp)
                .on_conflict_do_nothing()
            )

    @staticmethod
    def is_revoked(session: Session, token: str) -> bool:
        return session.get(RevokedToken, _hash(token)) is not None
