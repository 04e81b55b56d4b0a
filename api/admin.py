"""Offices and users, for `docproc admin` and for tests."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from api.auth import hash_password
from api.db import session_scope
from api.models import ROLES, Office, User

__all__ = ["create_office", "create_user", "AdminError"]


class AdminError(ValueError):
    pass


def create_office(sessions: sessionmaker[Session], name: str) -> int:
    name = name.strip()
    if not name:
        raise AdminError("the office name is empty")
    with session_scope(sessions, write=True) as s:
        if s.scalars(select(Office).where(Office.name == name)).first() is not None:
            raise AdminError(f"office {name!r} exists already")
        office = Office(name=name)
        s.add(office)
        s.flush()
        return office.id


def create_user(
    sessions: sessionmaker[Session], username: str, *, office: str, password: str, role: str
) -> int:
    if role not in ROLES:
        raise AdminError(f"role must be one of {', '.join(ROLES)}")
    if len(password) < 8:
        raise AdminError("the password must have at least 8 characters")
    username = username.strip()
    if not username:
        raise AdminError("the user name is empty")
    with session_scope(sessions, write=True) as s:
        off = s.scalars(select(Office).where(Office.name == office)).first()
        if off is None:
            raise AdminError(f"no office {office!r}; create it first")
        if s.scalars(select(User).where(User.username == username)).first() is not None:
            raise AdminError(f"user {username!r} exists already")
        user = User(username=username, office_id=off.id, role=role, password_hash=hash_password(password))
        s.add(user)
        s.flush()
        return user.id
