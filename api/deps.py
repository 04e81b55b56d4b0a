"""Dependencies: settings, database sessions, the storage and the current user.

SettingsDep      the app's ServiceSettings (create_app(settings) or the cached get_service_settings())
SessionDep       a read session per request
WriteSessionDep  a session whose transaction is a writer (BEGIN IMMEDIATE on SQLite)
CurrentUser      the signed-in user, from a bearer token or the session cookie (401 otherwise)
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Annotated

from fastapi import Depends, HTTPException, Request
from fastapi.security import OAuth2PasswordBearer
from sqlalchemy.orm import Session

from api.auth import SESSION_COOKIE, read_token
from api.db import begin_write
from api.models import User
from api.revocation import TokenRevocations
from api.settings import ServiceSettings
from api.storage import BlobStore

__all__ = [
    "SettingsDep",
    "SessionDep",
    "WriteSessionDep",
    "CurrentUser",
    "StoreDep",
    "Principal",
    "require_role",
    "Reviewer",
    "Uploader",
]

oauth2_scheme = OAuth2PasswordBearer(tokenUrl="/auth/token", auto_error=False)


def get_app_settings(request: Request) -> ServiceSettings:
    return request.app.state.settings


def get_db(request: Request) -> Iterator[Session]:
    with request.app.state.sessions() as session:
        yield session


def get_write_db(request: Request) -> Iterator[Session]:
    with request.app.state.sessions() as session:
        begin_write(session)
        try:
            yield session
        except BaseException:
            session.rollback()
            raise


def get_store(request: Request) -> BlobStore:
    return request.app.state.store


SettingsDep = Annotated[ServiceSettings, Depends(get_app_settings)]
SessionDep = Annotated[Session, Depends(get_db)]
WriteSessionDep = Annotated[Session, Depends(get_write_db)]
StoreDep = Annotated[BlobStore, Depends(get_store)]


@dataclass(frozen=True)
class Principal:
    """The signed-in user, detached from any session."""

    id: int
    username: str
    office_id: int
    role: str


_UNAUTHORIZED = HTTPException(
    status_code=401, detail="not signed in, or the token expired", headers={"WWW-Authenticate": "Bearer"}
)


def get_current_user(request: Request, token: Annotated[str | None, Depends(oauth2_scheme)]) -> Principal:
    token = token or request.cookies.get(SESSION_COOKIE)
    if not token:
        raise _UNAUTHORIZED
    user_id = read_token(token, request.app.state.secret)
    if user_id is None:
        raise _UNAUTHORIZED
    with request.app.state.sessions() as s:
        if TokenRevocations.is_revoked(s, token):
            raise _UNAUTHORIZED
        user = s.get(User, user_id)
        if user is None or not user.active:
            raise _UNAUTHORIZED
        return Principal(user.id, user.username, user.office_id, user.role)


CurrentUser = Annotated[Principal, Depends(get_current_user)]


def require_role(*roles: str):  # type: ignore[no-untyped-def]
    def check(user: CurrentUser) -> Principal:
        if user.role not in roles:
            raise HTTPException(403, f"this needs the role {' or '.join(roles)}")
        return user

    return check


Reviewer = Annotated[Principal, Depends(require_role("reviewer", "admin"))]
Uploader = Annotated[Principal, Depends(require_role("officer", "reviewer", "admin"))]
