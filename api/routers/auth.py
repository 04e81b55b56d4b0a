"""Signing in: the OAuth2 password flow for API clients, a session cookie for the browser."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, HTTPException, Request, Response
from fastapi.security import OAuth2PasswordRequestForm
from sqlalchemy import select

from api.auth import SESSION_COOKIE, make_token, verify_password
from api.deps import CurrentUser, SessionDep, SettingsDep
from api.models import User
from api.schemas import TokenOut, UserOut

router = APIRouter(prefix="/auth", tags=["auth"])

FormDep = Annotated[OAuth2PasswordRequestForm, Depends()]


def _authenticate(session: SessionDep, form: OAuth2PasswordRequestForm) -> User:
    user = session.scalars(select(User).where(User.username == form.username)).first()
    ok = verify_password(user.password_hash if user else None, form.password)
    if user is None or not ok or not user.active:
        raise HTTPException(401, "wrong user name or password", headers={"WWW-Authenticate": "Bearer"})
    return user


@router.post("/token", response_model=TokenOut, responses={401: {"description": "wrong credentials"}})
def token(request: Request, session: SessionDep, settings: SettingsDep, form: FormDep) -> TokenOut:
    """OAuth2 password flow: a bearer token for `Authorization: Bearer ...`."""
    user = _authenticate(session, form)
    ttl = settings.token_ttl_minutes * 60
    return TokenOut(access_token=make_token(user.id, request.app.state.secret, ttl), expires_in=ttl)


@router.post("/login", response_model=UserOut, responses={401: {"description": "wrong credentials"}})
def login(
    request: Request, response: Response, session: SessionDep, settings: SettingsDep, form: FormDep
) -> UserOut:
    """Browser sign-in: sets an HttpOnly, SameSite=Strict session cookie holding a signed token."""
    user = _authenticate(session, form)
    ttl = settings.token_ttl_minutes * 60
    response.set_cookie(
        SESSION_COOKIE,
        make_token(user.id, request.app.state.secret, ttl),
        max_age=ttl,
        httponly=True,
        samesite="strict",
        secure=request.url.scheme == "https",
    )
    return UserOut(id=user.id, username=user.username, office_id=user.office_id, role=user.role)  # type: ignore[arg-type]


@router.post("/logout", status_code=204)
def logout(response: Response) -> Response:
    response.delete_cookie(SESSION_COOKIE)
    response.status_code = 204
    return response


@router.get("/me", response_model=UserOut, responses={401: {"description": "not signed in"}})
def me(user: CurrentUser) -> UserOut:
    return UserOut(id=user.id, username=user.username, office_id=user.office_id, role=user.role)  # type: ignore[arg-type]
