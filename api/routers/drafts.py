"""Draft decisions of a document, made on request (api.drafts): the list with each draft's lines,
warnings and notes for the review page, and the DOCX / PDF of one draft. The decision inputs
(date, number, request, executor) are query parameters; the office profile comes from the database."""

from __future__ import annotations

import logging
import re
from typing import Annotated, Any

from fastapi import APIRouter, Depends, HTTPException, Response
from pydantic import BaseModel, Field
from sqlalchemy import select
from sqlalchemy.orm import Session, defer

from api.deps import CurrentUser, SessionDep
from api.drafts import DecisionInputs, content_disposition, make_drafts, render, summary
from api.models import Approval, Document, Office
from api.office import office_settings
from api.schemas import ErrorOut

router = APIRouter(prefix="/documents", tags=["drafts"])
log = logging.getLogger("api.drafts")
_ERRORS = {
    404: {"model": ErrorOut, "description": "no such document in your office"},
    409: {"model": ErrorOut, "description": "the document has no extraction yet"},
}
_MEDIA = {
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "pdf": "application/pdf",
}


def _source(session: Session, doc_id: str, office_id: int) -> tuple[Document, dict[str, Any], Any, bool]:
    doc = session.scalars(
        select(Document)
        .where(Document.id == doc_id, Document.office_id == office_id)
        .options(defer(Document.original_extraction))
    ).first()
    if doc is None:
        raise HTTPException(404, "no such document")
    if doc.status != "done" or doc.extraction is None:
        raise HTTPException(409, "the document has no extraction yet")
    office = session.get(Office, doc.office_id)
    settings = office_settings(session, doc.office_id, office.name if office else None)
    last = session.scalars(
        select(Approval.version).where(Approval.document_id == doc.id).order_by(Approval.id.desc()).limit(1)
    ).first()
    return doc, doc.extraction, settings, last is not None and last == doc.version


class DraftList(BaseModel):
    version: int = Field(description="the extraction version the drafts are made from")
    approved: bool = Field(description="that version is approved (drafts carry no 'bản nháp' mark)")
    kinds: list[str] = Field(description="GET drafts/{kind}.docx or drafts/{kind}.pdf")
    drafts: list[dict[str, Any]] = Field(description="each draft's title, lines, warnings and notes")


@router.get("/{doc_id}/drafts", response_model=DraftList, responses=_ERRORS)
def list_drafts(
    doc_id: str, session: SessionDep, user: CurrentUser, inputs: Annotated[DecisionInputs, Depends()]
) -> DraftList:
    """The draft decisions the current extraction calls for, made now with the office profile and the
    decision inputs given."""
    doc, extraction, office, approved = _source(session, doc_id, user.office_id)
    version = doc.version
    session.close()
    drafts = make_drafts(extraction, office, inputs)
    return DraftList(
        version=version,
        approved=approved,
        kinds=[d.name for d in drafts],
        drafts=[summary(d, extraction) for d in drafts],
    )


@router.get(
    "/{doc_id}/drafts/{name}",
    response_class=Response,
    responses={
        **_ERRORS,
        200: {"content": {m: {} for m in _MEDIA.values()}, "description": "the draft decision"},
    },
)
def get_draft(
    doc_id: str,
    name: str,
    session: SessionDep,
    user: CurrentUser,
    inputs: Annotated[DecisionInputs, Depends()],
) -> Response:
    """One draft decision made now from the current (corrected) extraction: `{kind}.docx` to edit and
    sign, `{kind}.pdf` to preview. Marked "bản nháp – chưa duyệt" until the version is approved."""
    m = re.fullmatch(r"([\w.+-]{1,100})\.(docx|pdf)", name)
    if not m:
        raise HTTPException(404, "drafts are named {kind}.docx or {kind}.pdf")
    doc, extraction, office, approved = _source(session, doc_id, user.office_id)
    session.close()
    drafts = {d.name: d for d in make_drafts(extraction, office, inputs)}
    draft = drafts.get(m.group(1))
    if draft is None:
        raise HTTPException(404, f"no draft {name} for this document; drafts: {', '.join(drafts) or 'none'}")
    data = render(draft, m.group(2), approved=approved)
    log.info("draft made", extra={"document_id": doc.id, "user_id": user.id, "approved": approved})
    return Response(
        data,
        media_type=_MEDIA[m.group(2)],
        headers={
            "Content-Disposition": content_disposition(draft.title, m.group(2)),
            "Cache-Control": "no-store",
        },
    )
