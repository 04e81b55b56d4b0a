"""The review page: server-rendered HTML (Jinja2) with ES modules (static/review.js and
static/review/, no build step) that call the API the rest of the service uses (GET /documents/{id},
PATCH .../extraction with If-Match, page images, corrections, drafts). Added here, for the page
only: the words of a page (what the job or the imported batch kept, api.review_layout: never OCR in a
request), the warnings in Vietnamese (the server's checks, run again after each correction) and
approval of a version.

Pages are behind the same login as the API (the session cookie set by POST /auth/login); a document
of another office answers 404, exactly as one that does not exist.
"""

from __future__ import annotations

import logging
import re
from pathlib import Path
from typing import Annotated, Any, Literal
from urllib.parse import quote

from fastapi import APIRouter, Form, Header, HTTPException, Request
from fastapi import Path as PathParam
from fastapi.responses import FileResponse, HTMLResponse, JSONResponse, RedirectResponse, Response
from fastapi.templating import Jinja2Templates
from pydantic import BaseModel
from sqlalchemy import select
from sqlalchemy.orm import Session

from api.deps import CurrentUser, Principal, Reviewer, SessionDep, SettingsDep, StoreDep, WriteSessionDep
from api.deps import get_current_user as _user_from_request
from api.models import Approval, Correction, Document, Office, User, utcnow
from api.review_text import LABELS, LOW_CONFIDENCE, STATUS_VI, sort_rows, summarize, warning_out
from api.schemas import ErrorOut, LayoutOut, PageInfo, PageWordsOut, WarningOut

__all__ = ["pages", "router"]

log = logging.getLogger("api.review")
_HERE = Path(__file__).resolve().parents[1]
templates = Jinja2Templates(directory=str(_HERE / "templates"))
STATIC = _HERE / "static"

pages = APIRouter(include_in_schema=False)
router = APIRouter(prefix="/documents", tags=["review"])
_NOT_FOUND = {404: {"model": ErrorOut, "description": "no such document in your office"}}
_NOT_DONE = {409: {"model": ErrorOut, "description": "the document has no extraction yet"}}
ListStatus = Literal["all", "todo", "done", "approved", "processing", "failed"]
ListSort = Literal["attention", "newest", "oldest", "confidence", "warnings", "name"]


def _find(session: Session, doc_id: str, office_id: int) -> Document | None:
    return session.scalars(
        select(Document).where(Document.id == doc_id, Document.office_id == office_id)
    ).first()


def _page_user(request: Request) -> Principal | None:
    """The signed-in user of a page request, or None (the page then redirects to the login form)."""
    try:
        return _user_from_request(request, None)
    except HTTPException:
        return None


def _to_login(request: Request) -> RedirectResponse:
    target = request.url.path + (f"?{request.url.query}" if request.url.query else "")
    return RedirectResponse(f"/review/login?next={quote(target, safe='')}", status_code=303)


def _latest_approvals(session: Session, doc_ids: list[str]) -> dict[str, int]:
    if not doc_ids:
        return {}
    rows = session.execute(
        select(Approval.document_id, Approval.version)
        .where(Approval.document_id.in_(doc_ids))
        .order_by(Approval.id)
    ).all()
    return {d: v for d, v in rows}  # the last approval per document wins


# --- pages -----------------------------------------------------------------------------------------


@pages.get("/review/static/{name:path}")
def static_file(name: str) -> FileResponse:
    """The pages' scripts and styles; the review page's ES modules are under review/."""
    if (
        not re.fullmatch(r"(?:review/(?:render/)?)?[a-z0-9_-]{1,40}\.(js|css)", name)
        or not (STATIC / name).is_file()
    ):
        raise HTTPException(404, "no such file")
    media = "text/javascript" if name.endswith(".js") else "text/css"
    return FileResponse(STATIC / name, media_type=media, headers={"Cache-Control": "no-cache"})


@pages.get("/review/login", response_class=HTMLResponse)
def login_page(request: Request, next: str = "/review") -> Response:
    safe_next = next if next.startswith("/review") and "//" not in next else "/review"
    return templates.TemplateResponse(request, "login.html", {"next": safe_next, "user": None})


@pages.get("/review", response_class=HTMLResponse)
def review_list(
    request: Request, session: SessionDep, status: ListStatus = "all", sort: ListSort = "attention"
) -> Response:
    """The office's documents, those that need a reviewer first."""
    return _list_page(request, session, status, "", sort)


@pages.post("/review", response_class=HTMLResponse)
def review_search(
    request: Request,
    session: SessionDep,
    status: Annotated[ListStatus, Form()] = "all",
    q: Annotated[str, Form(max_length=200)] = "",
    sort: Annotated[ListSort, Form()] = "attention",
) -> Response:
    """The list filtered by a search term (file name or judgment number). The term comes in the
    POST body, never in the URL: URLs end up in access logs, proxies and browser history."""
    return _list_page(request, session, status, q, sort)


def _list_page(request: Request, session: Session, status: ListStatus, q: str, sort: ListSort) -> Response:
    user = _page_user(request)
    if user is None:
        return _to_login(request)
    docs = session.scalars(
        select(Document)
        .where(Document.office_id == user.office_id)
        .order_by(Document.created_at.desc())
        .limit(1000)
    ).all()
    approvals = _latest_approvals(session, [d.id for d in docs])
    corrected: dict[str, set[str]] = {}
    if docs:
        for doc_id, pointer in session.execute(
            select(Correction.document_id, Correction.pointer).where(
                Correction.document_id.in_([d.id for d in docs])
            )
        ):
            corrected.setdefault(doc_id, set()).add(pointer)
    rows = [summarize(d, approvals.get(d.id), frozenset(corrected.get(d.id, ()))) for d in docs]
    counts = {"all": len(rows)}
    for r in rows:
        counts[r["status"]] = counts.get(r["status"], 0) + 1
    wanted = {
        "all": None,
        "todo": {"done"},
        "done": {"done", "approved"},
        "approved": {"approved"},
        "processing": {"queued", "running"},
        "failed": {"failed"},
    }[status]
    needle = q.strip().casefold()
    rows = [
        r
        for r in rows
        if (wanted is None or r["status"] in wanted)
        and (not needle or needle in r["filename"].casefold() or needle in (r["number"] or "").casefold())
    ]
    office = session.get(Office, user.office_id)
    return templates.TemplateResponse(
        request,
        "list.html",
        {
            "user": user,
            "office": office.name if office else "",
            "rows": sort_rows(rows, sort),
            "counts": counts,
            "status": status,
            "q": q,
            "sort": sort,
            "low_threshold": LOW_CONFIDENCE,
            "status_vi": STATUS_VI,
        },
    )


@pages.get("/review/{doc_id}", response_class=HTMLResponse)
def review_document(request: Request, doc_id: str, session: SessionDep) -> Response:
    """The review view of one document: page images and words beside the fields."""
    user = _page_user(request)
    if user is None:
        return _to_login(request)
    doc = _find(session, doc_id, user.office_id)
    if doc is None:
        return templates.TemplateResponse(request, "not_found.html", {"user": user}, status_code=404)
    boot = {
        "id": doc.id,
        "filename": doc.filename,
        "kind": doc.kind,
        "status": doc.status,
        "canEdit": user.role in ("reviewer", "admin"),
        "user": user.username,
        "labels": LABELS,
        "low": LOW_CONFIDENCE,
        "warnings": [warning_out(w) for w in (doc.warnings or [])],
    }
    return templates.TemplateResponse(
        request, "review.html", {"user": user, "doc": doc, "boot": boot, "status_vi": STATUS_VI}
    )


# --- JSON for the page ----------------------------------------------------------------------------


def _done_doc(session: Session, doc_id: str, office_id: int) -> Document:
    doc = _find(session, doc_id, office_id)
    if doc is None:
        raise HTTPException(404, "no such document")
    if doc.status != "done":
        raise HTTPException(409, "the document has no extraction yet")
    return doc


def _layout(doc: Document, settings: Any, store: Any) -> dict[str, Any]:
    from api.review_layout import document_layout

    return document_layout(store.path(doc.sha256), doc.sha256, doc.filename, store.root / "layout", settings)


@router.get("/{doc_id}/layout", response_model=LayoutOut, responses={**_NOT_FOUND, **_NOT_DONE})
def get_layout(
    doc_id: str,
    session: SessionDep,
    user: CurrentUser,
    settings: SettingsDep,
    store: StoreDep,
) -> LayoutOut:
    """The pages of the document (size in PDF points, text layer or OCR); for a text upload, which
    has no pages, the document text that evidence spans index."""
    doc = _done_doc(session, doc_id, user.office_id)
    session.close()
    layout = _layout(doc, settings, store)
    return LayoutOut(
        pages=[PageInfo(**{k: v for k, v in p.items() if k != "words"}) for p in layout["pages"]],
        text=layout["text"],
    )


@router.get(
    "/{doc_id}/pages/{number}/words",
    response_model=PageWordsOut,
    responses={**_NOT_FOUND, **_NOT_DONE},
)
def get_page_words(
    doc_id: str,
    number: Annotated[int, PathParam(ge=1, le=100_000)],
    session: SessionDep,
    user: CurrentUser,
    settings: SettingsDep,
    store: StoreDep,
) -> PageWordsOut:
    """The words of page `number`: text, box (PDF points from the page's top-left), confidence, as
    the job read them; a scanned page whose words were not kept has none and says so (words_missing)."""
    from api.review_layout import NoSuchPage, page_words

    doc = _done_doc(session, doc_id, user.office_id)
    session.close()
    try:
        return PageWordsOut(**page_words(_layout(doc, settings, store), number))
    except NoSuchPage as exc:
        raise HTTPException(404, str(exc)) from None


@router.get("/{doc_id}/warnings", response_model=list[WarningOut], responses=_NOT_FOUND)
def list_warnings(doc_id: str, session: SessionDep, user: CurrentUser) -> list[dict[str, Any]]:
    """The document's warnings in Vietnamese: after a correction the review page shows these, the
    server's re-run of the checks (PATCH .../extraction), never checks of its own."""
    doc = _find(session, doc_id, user.office_id)
    if doc is None:
        raise HTTPException(404, "no such document")
    return [warning_out(w) for w in (doc.warnings or [])]


class ApprovalOut(BaseModel):
    version: int
    reviewer: str
    at: str
    current: bool


def _approval_out(a: Approval, name: str, doc_version: int) -> ApprovalOut:
    return ApprovalOut(
        version=a.version, reviewer=name, at=a.at.isoformat() + "+00:00", current=a.version == doc_version
    )


@router.get("/{doc_id}/approvals", response_model=list[ApprovalOut], responses=_NOT_FOUND)
def list_approvals(doc_id: str, session: SessionDep, user: CurrentUser) -> list[ApprovalOut]:
    """Approvals of this document, oldest first; `current` when it is still at the approved version."""
    doc = _find(session, doc_id, user.office_id)
    if doc is None:
        raise HTTPException(404, "no such document")
    rows = session.execute(
        select(Approval, User.username)
        .join(User, User.id == Approval.reviewer_id)
        .where(Approval.document_id == doc.id)
        .order_by(Approval.id)
    ).all()
    return [_approval_out(a, name, doc.version) for a, name in rows]


@router.post(
    "/{doc_id}/approve",
    response_model=ApprovalOut,
    responses={
        **_NOT_FOUND,
        409: {"model": ErrorOut, "description": "stale version (someone saved first) or not processed yet"},
        412: {"model": ErrorOut, "description": "If-Match is not a version"},
        428: {"model": ErrorOut, "description": "If-Match missing"},
    },
)
def approve(
    doc_id: str,
    session: WriteSessionDep,
    user: Reviewer,
    if_match: Annotated[str | None, Header()] = None,
) -> Any:
    """Approve the extraction at the version named by If-Match (the ETag of GET /documents/{id}):
    a reviewer approves what they saw, never a version saved meanwhile by someone else."""
    from api.routers.documents import _parse_if_match

    expected = _parse_if_match(if_match)
    doc = _done_doc(session, doc_id, user.office_id)
    if doc.version != expected:
        return JSONResponse(
            {"error": "version_conflict", "detail": f"the document is at version {doc.version}"},
            status_code=409,
            headers={"ETag": f'"{doc.version}"'},
        )
    approval = Approval(document_id=doc.id, version=doc.version, reviewer_id=user.id, at=utcnow())
    session.add(approval)
    session.commit()
    log.info("extraction approved", extra={"document_id": doc.id, "user_id": user.id, "version": doc.version})
    return _approval_out(approval, user.username, doc.version)
