"""Documents: upload, list, read, page images, corrections (JSON Patch with If-Match), drafts.

Every query is scoped to the caller's office: another office's document answers 404, exactly as a
document that does not exist."""

from __future__ import annotations

import logging
import re
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Body, Header, HTTPException, Query, Request, Response
from fastapi import Path as PathParam
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import JSONResponse
from pydantic import BaseModel, ConfigDict, Field
from sqlalchemy import func, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, defer

from api.corrections import PatchRejected, apply_patch
from api.db import session_scope
from api.deps import CurrentUser, Reviewer, SessionDep, SettingsDep, StoreDep, Uploader, WriteSessionDep
from api.models import Correction, Document, Job, User, utcnow
from api.review_text import warning_out
from api.schemas import (
    ConflictOut,
    CorrectionOut,
    DocumentOut,
    DocumentPage,
    DocumentSummary,
    ErrorOut,
    JobOut,
)
from api.uploads import Upload, receive_upload
from docproc.errors import DocprocError, UnsupportedFile

router = APIRouter(prefix="/documents", tags=["documents"])
log = logging.getLogger("api.documents")

Status = Literal["queued", "running", "done", "failed"]
_NOT_FOUND = {404: {"model": ErrorOut, "description": "no such document in your office"}}

_UPLOAD_BODY = {
    "requestBody": {
        "required": True,
        "content": {
            "multipart/form-data": {
                "schema": {
                    "type": "object",
                    "required": ["file"],
                    "properties": {"file": {"type": "string", "format": "binary"}},
                }
            }
        },
    }
}


def _find(session: Session, doc_id: str, office_id: int, *, lock: bool = False) -> Document:
    q = (
        select(Document)
        .where(Document.id == doc_id, Document.office_id == office_id)
        .options(defer(Document.original_extraction))
    )
    if lock:
        q = q.with_for_update()
    doc = session.scalars(q).first()
    if doc is None:
        raise HTTPException(404, "no such document")
    return doc


def _latest_job(session: Session, doc_id: str) -> Job | None:
    return session.scalars(
        select(Job).where(Job.document_id == doc_id).order_by(Job.created_at.desc()).limit(1)
    ).first()


def _out(doc: Document, job: Job | None, *, duplicate: bool = False) -> DocumentOut:
    return DocumentOut(
        **DocumentSummary.model_validate(doc, from_attributes=True).model_dump(),
        warnings=[warning_out(w) for w in (doc.warnings or [])],
        error={"code": doc.error_code, "message": doc.error_message or ""} if doc.error_code else None,
        extraction=doc.extraction,
        job=JobOut.model_validate(job, from_attributes=True) if job is not None else None,
        duplicate=duplicate,
    )


def _etag(version: int) -> str:
    return f'"{version}"'


# --- upload -------------------------------------------------------------------------------------


def _sniff(upload: Upload) -> str:
    from pipelines.pages import sniff_kind as sniff

    try:
        return sniff(upload.head)
    except UnsupportedFile:
        if upload.size <= len(upload.head) or not upload.head.startswith(b"PK"):
            raise
        return sniff(upload.tmp.read_bytes())  # a ZIP's member list is at its end: DOCX or not


def _register(
    request: Request, user_office: int, user_id: int, upload: Upload, kind: str
) -> tuple[Document, Job | None, bool]:
    sessions = request.app.state.sessions
    store = request.app.state.store
    with session_scope(sessions, write=True) as s:
        existing = s.scalars(
            select(Document).where(Document.office_id == user_office, Document.sha256 == upload.sha256)
        ).first()
        if existing is not None:
            upload.tmp.unlink(missing_ok=True)
            return existing, _latest_job(s, existing.id), True
        store.put_file(upload.tmp, upload.sha256)
        doc = Document(
            office_id=user_office,
            uploaded_by=user_id,
            filename=upload.filename,
            kind=kind,
            size=upload.size,
            sha256=upload.sha256,
            status="queued",
        )
        s.add(doc)
        try:
            s.flush()
        except IntegrityError:  # the same bytes uploaded at the same moment by a colleague (PostgreSQL)
            s.rollback()
            existing = s.scalars(
                select(Document).where(Document.office_id == user_office, Document.sha256 == upload.sha256)
            ).one()
            return existing, _latest_job(s, existing.id), True
        job = Job(document_id=doc.id)
        s.add(job)
    request.app.state.runner.wake()
    log.info(
        "document uploaded",
        extra={
            "document_id": doc.id,
            "office_id": user_office,
            "user_id": user_id,
            "size": upload.size,
            "kind": kind,
        },
    )
    return doc, job, False


@router.post(
    "",
    status_code=201,
    response_model=DocumentOut,
    openapi_extra=_UPLOAD_BODY,
    responses={
        200: {"model": DocumentOut, "description": "the same file is already in your office (duplicate)"},
        400: {"model": ErrorOut, "description": "upload cut off or malformed"},
        413: {"model": ErrorOut, "description": "file over the size limit"},
        415: {"model": ErrorOut, "description": "not a PDF, TIFF, PNG, JPEG, DOCX or text file"},
    },
)
async def upload_document(
    request: Request, user: Uploader, settings: SettingsDep, store: StoreDep
) -> Response:
    """Upload a judgment (multipart field `file`). Its type is sniffed from its bytes; processing is
    queued (see `job`). The same bytes uploaded again in the same office return the existing document."""
    upload = await receive_upload(request, store, settings.max_file_bytes)
    try:
        kind = await run_in_threadpool(_sniff, upload)
    except DocprocError:
        upload.tmp.unlink(missing_ok=True)
        raise
    try:
        doc, job, duplicate = await run_in_threadpool(
            _register, request, user.office_id, user.id, upload, kind
        )
    finally:
        upload.tmp.unlink(missing_ok=True)
    body = _out(doc, job, duplicate=duplicate).model_dump(mode="json")
    return JSONResponse(
        body, status_code=200 if duplicate else 201, headers={"Location": f"/documents/{doc.id}"}
    )


# --- reading --------------------------------------------------------------------------------------


@router.get("", response_model=DocumentPage)
def list_documents(
    session: SessionDep,
    user: CurrentUser,
    status: Annotated[Status | None, Query(description="only documents in this state")] = None,
    limit: Annotated[int, Query(ge=1, le=100)] = 20,
    offset: Annotated[int, Query(ge=0, le=10_000_000)] = 0,
) -> DocumentPage:
    """Your office's documents, newest first."""
    where = [Document.office_id == user.office_id]
    if status:
        where.append(Document.status == status)
    total = session.scalar(select(func.count()).select_from(Document).where(*where)) or 0
    rows = session.scalars(
        select(Document)
        .options(defer(Document.extraction), defer(Document.original_extraction), defer(Document.warnings))
        .where(*where)
        .order_by(Document.created_at.desc(), Document.id)
        .offset(offset)
        .limit(limit)
    ).all()
    items = [DocumentSummary.model_validate(d, from_attributes=True) for d in rows]
    return DocumentPage(items=items, total=total, offset=offset, limit=limit)


@router.get("/{doc_id}", response_model=DocumentOut, responses=_NOT_FOUND)
def get_document(doc_id: str, session: SessionDep, user: CurrentUser) -> Response:
    """Status, extraction (once done), warnings and the processing job. The ETag is the extraction's
    version: send it back in If-Match when correcting."""
    doc = _find(session, doc_id, user.office_id)
    out = _out(doc, _latest_job(session, doc.id))
    headers = {"ETag": _etag(doc.version)} if doc.status == "done" else {}
    # Serialised once by pydantic-core (the most frequent read: skip FastAPI's re-validation).
    return Response(out.model_dump_json(), media_type="application/json", headers=headers)


@router.get(
    "/{doc_id}/pages/{number}",
    response_class=Response,
    responses={**_NOT_FOUND, 200: {"content": {"image/png": {}}, "description": "the page image"}},
)
def get_page(
    doc_id: str,
    number: Annotated[int, PathParam(ge=1, le=100_000)],
    session: SessionDep,
    user: CurrentUser,
    settings: SettingsDep,
    store: StoreDep,
) -> Response:
    """The image of page `number` (1-based) as PNG, as OCR saw it, scaled for the screen."""
    from api.pages import NoPageImage, page_png

    doc = _find(session, doc_id, user.office_id)
    session.close()
    try:
        png = page_png(store.path(doc.sha256), doc.sha256, doc.kind, number, store.root / "pages", settings)
    except NoPageImage as exc:
        raise HTTPException(404, str(exc)) from None
    return Response(png, media_type="image/png", headers={"Cache-Control": "private, max-age=3600"})


# --- corrections --------------------------------------------------------------------------------


class PatchOp(BaseModel):
    """One RFC 6902 operation; `path` and `from` are JSON Pointers into the extraction."""

    model_config = ConfigDict(populate_by_name=True, extra="forbid")
    op: Literal["add", "remove", "replace", "move", "copy", "test"]
    path: str
    value: Any = None
    from_: str | None = Field(default=None, alias="from")


def _parse_if_match(value: str | None) -> int:
    if value is None:
        raise HTTPException(428, "send If-Match with the document's ETag (its version)")
    m = re.fullmatch(r'\s*(?:W/)?"?(\d{1,9})"?\s*', value)
    if not m:
        raise HTTPException(412, "If-Match must be the ETag of GET /documents/{id}")
    return int(m.group(1))


@router.patch(
    "/{doc_id}/extraction",
    response_model=DocumentOut,
    responses={
        **_NOT_FOUND,
        409: {
            "model": ConflictOut,
            "description": "stale version (someone saved first) or not processed yet",
        },
        412: {"model": ErrorOut, "description": "If-Match is not a version"},
        422: {
            "model": ErrorOut,
            "description": "a pointer that does not exist, a value of the wrong type, a reference to a "
            "party or asset that is not there: {message, errors: [{path, type, field, msg}]} in Vietnamese",
        },
        428: {"model": ErrorOut, "description": "If-Match missing"},
    },
)
def patch_extraction(
    doc_id: str,
    ops: Annotated[
        list[PatchOp], Body(media_type="application/json-patch+json", min_length=1, max_length=500)
    ],
    session: WriteSessionDep,
    user: Reviewer,
    response: Response,
    if_match: Annotated[str | None, Header()] = None,
) -> Any:
    """Correct the extraction with a JSON Patch (RFC 6902). The patch applies whole or not at all;
    the result must fit the extraction schema and bring no reference to a party or asset that is
    not there, no amount or date of the wrong kind (422, in Vietnamese, naming the field; nothing
    is kept). Each operation is kept in the audit trail. The consistency checks run again on the
    result: `warnings` in the answer (and in GET) are theirs, with the other stages' warnings kept."""
    from pipelines.review import rewarn

    expected = _parse_if_match(if_match)
    doc = _find(session, doc_id, user.office_id, lock=True)
    if doc.status != "done" or doc.extraction is None:
        raise HTTPException(409, "the document has no extraction yet")
    if doc.version != expected:
        conflict = ConflictOut(
            detail=f"version {expected} is stale: the document is at version {doc.version}",
            version=doc.version,
            extraction=doc.extraction,
        )
        return JSONResponse(
            conflict.model_dump(mode="json"), status_code=409, headers={"ETag": _etag(doc.version)}
        )
    raw = [op.model_dump(by_alias=True, exclude_unset=True) for op in ops]
    try:
        corrected, records = apply_patch(doc.extraction, raw)
    except PatchRejected as exc:
        raise HTTPException(422, {"message": str(exc), "errors": exc.errors}) from None
    warnings = rewarn(doc.warnings or [], doc.extraction, corrected)
    now = utcnow()
    done = session.execute(
        update(Document)
        .where(Document.id == doc.id, Document.version == expected)
        .values(extraction=corrected, version=expected + 1, updated_at=now, warnings=warnings)
        .execution_options(synchronize_session=False)
    )
    if done.rowcount != 1:  # cannot happen under the row lock / write transaction; be safe anyway
        session.rollback()
        raise HTTPException(409, "someone saved first; reload")
    for r in records:
        session.add(Correction(document_id=doc.id, base_version=expected, reviewer_id=user.id, **r))
    # The answer is what this request wrote, built before the commit: reloading the row after it
    # could return a colleague's save committed in between (their ETag and body under our "saved").
    out = _out(doc, _latest_job(session, doc.id))
    out = out.model_copy(
        update={"extraction": corrected, "version": expected + 1, "updated_at": now, "warnings": warnings}
    )
    session.commit()
    log.info(
        "extraction corrected", extra={"document_id": doc.id, "user_id": user.id, "version": out.version}
    )
    response.headers["ETag"] = _etag(out.version)
    return out


@router.get("/{doc_id}/corrections", response_model=list[CorrectionOut], responses=_NOT_FOUND)
def list_corrections(doc_id: str, session: SessionDep, user: CurrentUser) -> list[CorrectionOut]:
    """The audit trail, oldest first: replaying it on the original extraction gives the current one."""
    doc = _find(session, doc_id, user.office_id)
    rows = session.execute(
        select(Correction, User.username)
        .join(User, User.id == Correction.reviewer_id)
        .where(Correction.document_id == doc.id)
        .order_by(Correction.id)
    ).all()
    return [
        CorrectionOut(
            id=c.id,
            base_version=c.base_version,
            op=c.op,
            pointer=c.pointer,
            from_pointer=c.from_pointer,
            old=c.old,
            new=c.new,
            reviewer=name,
            at=c.at,
        )
        for c, name in rows
    ]
