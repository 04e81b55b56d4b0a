"""Signing in: the OAuth2 password flow for API clients, a session cookie for the browser.

Failed sign-ins are throttled per user name and per client address (api.throttle: 429 with
Retry-After and a Vietnamese message); signing out revokes the token on the server."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, HTTPException, Request, Response
from fastapi.concurrency import run_in_threadpool
from fastapi.security import OAuth2PasswordRequestForm
from sqlalchemy import select

from api.auth import SESSION_COOKIE, make_token, read_claims, verify_password
from api.deps import CurrentUser, SettingsDep, oauth2_scheme
from api.models import User
from api.schemas import ErrorOut, TokenOut, UserOut
from api.throttle import LoginThrottled, throttle_message

router = APIRouter(prefix="/auth", tags=["auth"])

FormDep = Annotated[OAuth2PasswordRequestForm, Depends()]
_RESPONSES = {
    401: {"model": ErrorOut, "description": "wrong credentials"},
    429: {"model": ErrorOut, "description": "too many failed sign-ins: wait Retry-After seconds"},
}


def _authenticate(request: Request, form: OAuth2PasswordRequestForm) -> User:
    """The user, or 401 / 429. Known and unknown user names cost the same: the same queries and one
    argon2 verification each (an unknown name against a fixed dummy hash)."""
    throttle = request.app.state.throttle
    address = request.client.host if request.client else ""
    try:
        throttle.begin(form.username, address)
    except LoginThrottled as exc:
        raise HTTPException(
            429, throttle_message(exc.retry_after), headers={"Retry-After": str(exc.retry_after)}
        ) from None
    with request.app.state.sessions() as session:
        user = session.scalars(select(User).where(User.username == form.username)).first()
        ok = verify_password(user.password_hash if user else None, form.password)
        if user is None or not ok or not user.active:
            raise HTTPException(401, "wrong user name or password", headers={"WWW-Authenticate": "Bearer"})
        session.expunge(user)
    throttle.succeeded(form.username)
    return user


@router.post("/token", response_model=TokenOut, responses=_RESPONSES)
def token(request: Request, settings: SettingsDep, form: FormDep) -> TokenOut:
    """OAuth2 password flow: a bearer token for `Authorization: Bearer ...`."""
    user = _authenticate(request, form)
    ttl = settings.token_ttl_minutes * 60
    return TokenOut(access_token=make_token(user.id, request.app.state.secret, ttl), expires_in=ttl)


@router.post("/login", response_model=UserOut, responses=_RESPONSES)
def login(request: Request, response: Response, settings: SettingsDep, form: FormDep) -> UserOut:
    """Browser sign-in: sets an HttpOnly, SameSite=Strict session cookie holding a signed token."""
    user = _authenticate(request, form)
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
async def logout(
    request: Request, response: Response, bearer: Annotated[str | None, Depends(oauth2_scheme)]
) -> Response:
    """Sign out: the token presented (bearer or session cookie) is revoked on the server, so a copy
    of it is refused from now on, and the cookie is cleared."""
    for tok in {t for t in (bearer, request.cookies.get(SESSION_COOKIE)) if t}:
        claims = read_claims(tok, request.app.state.secret)
        if claims is not None:
            await run_in_threadpool(request.app.state.revocations.revoke, tok, *claims)
    response.delete_cookie(SESSION_COOKIE)
    response.status_code = 204
    return response


@router.get("/me", response_model=UserOut, responses={401: {"description": "not signed in"}})
def me(user: CurrentUser) -> UserOut:
    return UserOut(id=user.id, username=user.username, office_id=user.office_id, role=user.role)  # type: ignore[arg-type]
