"""Draft decisions of a document, made on request (api.drafts): the list with each draft's lines,
warnings and notes for the review page, and the DOCX / PDF of one draft. The decision inputs
(date, number, request, executor) are saved per document (PUT decision-inputs; query parameters may
override those without personal data for one request); the office profile comes from the database.

A judgment's draft that an enforcement decision of the office already issues (same obligor, same
items, same type: pipelines.cases.decisions_of) is listed as "already issued" with a link to that
decision, and its DOCX carries "ĐÃ CÓ QUYẾT ĐỊNH …"; `?force=NAME` makes it anew on purpose."""

from __future__ import annotations

import logging
import re
from typing import Annotated, Any

from fastapi import APIRouter, Depends, HTTPException, Query, Response
from pydantic import BaseModel, Field
from sqlalchemy import select
from sqlalchemy.orm import Session, defer

from api.deps import CurrentUser, SessionDep, Uploader, WriteSessionDep
from api.drafts import (
    FORCE_PATTERN,
    DecisionInputs,
    DecisionQuery,
    content_disposition,
    existing_decisions,
    make_drafts,
    render,
    summary,
)
from api.models import Approval, Document, Office
from api.models import DecisionInputs as SavedInputs
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


def _doc(session: Session, doc_id: str, office_id: int) -> Document:
    doc = session.scalars(
        select(Document)
        .where(Document.id == doc_id, Document.office_id == office_id)
        .options(defer(Document.original_extraction))
    ).first()
    if doc is None:
        raise HTTPException(404, "no such document")
    return doc


MAX_DOCUMENTS = 20_000
Force = Annotated[
    str | None,
    Query(pattern=FORCE_PATTERN, description="a draft's name (or *) to make anew although already issued"),
]


def _existing(session: Session, doc: Document) -> dict[str, dict[str, Any]]:
    """The office's enforcement decisions in this judgment's case (none for a decision itself)."""
    if ((doc.extraction or {}).get("document") or {}).get("kind") == "enforcement_decision":
        return {}
    rows = session.execute(
        select(Document.id, Document.extraction)
        .where(Document.office_id == doc.office_id, Document.status == "done")
        .order_by(Document.created_at)
        .limit(MAX_DOCUMENTS)
    ).all()
    docs = {i: ex for i, ex in rows if isinstance(ex, dict)}
    if not any(((ex.get("document") or {}).get("kind")) == "enforcement_decision" for ex in docs.values()):
        return {}
    return existing_decisions(docs, doc.id)


def _saved(session: Session, doc_id: str) -> DecisionInputs:
    row = session.get(SavedInputs, doc_id)
    return DecisionInputs.model_validate(row.data if row is not None else {})


def _source(
    session: Session, doc_id: str, office_id: int, query: DecisionQuery
) -> tuple[Document, dict[str, Any], Any, bool, DecisionInputs]:
    doc = _doc(session, doc_id, office_id)
    if doc.status != "done" or doc.extraction is None:
        raise HTTPException(409, "the document has no extraction yet")
    office = session.get(Office, doc.office_id)
    settings = office_settings(session, doc.office_id, office.name if office else None)
    last = session.scalars(
        select(Approval.version).where(Approval.document_id == doc.id).order_by(Approval.id.desc()).limit(1)
    ).first()
    inputs = _saved(session, doc.id).merged(query)
    return doc, doc.extraction, settings, last is not None and last == doc.version, inputs


@router.get("/{doc_id}/decision-inputs", response_model=DecisionInputs, responses=_ERRORS)
def get_inputs(doc_id: str, session: SessionDep, user: CurrentUser) -> DecisionInputs:
    """The decision inputs saved for this document (date, number, request, executor)."""
    return _saved(session, _doc(session, doc_id, user.office_id).id)


@router.put("/{doc_id}/decision-inputs", response_model=DecisionInputs, responses=_ERRORS)
def put_inputs(doc_id: str, body: DecisionInputs, session: WriteSessionDep, user: Uploader) -> DecisionInputs:
    """Save the decision inputs of this document's drafts (replaces what was saved)."""
    doc = _doc(session, doc_id, user.office_id)
    row = session.get(SavedInputs, doc.id)
    data = body.model_dump(mode="json", exclude_none=True)
    if row is None:
        session.add(SavedInputs(document_id=doc.id, data=data, updated_by=user.id))
    else:
        row.data, row.updated_by = data, user.id
    session.commit()
    log.info("decision inputs saved", extra={"document_id": doc.id, "user_id": user.id})
    return DecisionInputs.model_validate(data)


class DraftList(BaseModel):
    version: int = Field(description="the extraction version the drafts are made from")
    approved: bool = Field(description="that version is approved (drafts carry no 'bản nháp' mark)")
    kinds: list[str] = Field(description="GET drafts/{kind}.docx or drafts/{kind}.pdf")
    drafts: list[dict[str, Any]] = Field(description="each draft's title, lines, warnings and notes")


@router.get("/{doc_id}/drafts", response_model=DraftList, responses=_ERRORS)
def list_drafts(
    doc_id: str,
    session: SessionDep,
    user: CurrentUser,
    query: Annotated[DecisionQuery, Depends()],
    force: Force = None,
) -> DraftList:
    """The draft decisions the current extraction calls for, made now with the office profile and the
    decision inputs given; those already issued by a decision of the office are marked so."""
    doc, extraction, office, approved, inputs = _source(session, doc_id, user.office_id, query)
    version = doc.version
    existing = _existing(session, doc)
    session.close()
    drafts = make_drafts(extraction, office, inputs, existing=existing, force=force)
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
    query: Annotated[DecisionQuery, Depends()],
    force: Force = None,
) -> Response:
    """One draft decision made now from the current (corrected) extraction: `{kind}.docx` to edit and
    sign, `{kind}.pdf` to preview. Marked "bản nháp – chưa duyệt" until the version is approved, and
    "đã có quyết định …" when a decision already issues it (unless `force` names it)."""
    m = re.fullmatch(r"([\w.+-]{1,100})\.(docx|pdf)", name)
    if not m:
        raise HTTPException(404, "drafts are named {kind}.docx or {kind}.pdf")
    doc, extraction, office, approved, inputs = _source(session, doc_id, user.office_id, query)
    existing = _existing(session, doc)
    session.close()
    made = make_drafts(extraction, office, inputs, existing=existing, force=force)
    drafts = {d.name: d for d in made}
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
