"""Enforcement cases of an office: each judgment with the decisions that enforce it, their link and
audit (pipelines.cases.cases_of over the office's processed documents), and a reviewer's verdict on
each discrepancy.

    GET  /cases                                         the office's cases (JSON)
    GET  /cases/{doc_id}                                the case of one judgment or decision
    POST /cases/decisions/{doc_id}/discrepancies/{key}  confirm or dismiss one discrepancy
    GET  /cases/decisions/{doc_id}/reviews              every verdict given on a decision (audit trail)
    GET  /cases/decisions/{doc_id}/amend                the sửa đổi, bổ sung draft of a decision (JSON)
    GET  /cases/decisions/{doc_id}/amend.docx|.pdf      the same as DOCX to sign / PDF to preview
    GET  /review/cases                                  the page

Cases are derived on request from the documents' current extractions (corrections included), so a
corrected decision is audited again. A verdict is appended like a correction (who, when, which
decision version); the latest per discrepancy counts, and it is shown as long as the audit still finds
that discrepancy (pipelines.cases.discrepancy_key). Only documents of the user's office are read; a
document of another office answers 404 as one that does not exist. URLs and log lines carry document
ids and discrepancy keys only.

The amend draft corrects what the decision's audit finds now, except the discrepancies a reviewer
dismissed (their latest verdict); it is made through pipelines.cases.amend_draft on every request,
with the office profile and the decision inputs saved for the decision (date, number, executor), and
is marked "bản nháp – chưa duyệt" until the decision's current version is approved.
"""

from __future__ import annotations

import logging
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, HTTPException, Request
from fastapi import Path as PathParam
from fastapi.responses import HTMLResponse, Response
from pydantic import BaseModel, Field
from sqlalchemy import select
from sqlalchemy.orm import Session

from api.deps import CurrentUser, Reviewer, SessionDep, WriteSessionDep
from api.drafts import DecisionInputs, DecisionQuery, content_disposition, make_amend, render, summary
from api.models import Approval, CaseReview, Document, Office, User, utcnow
from api.models import DecisionInputs as SavedInputs
from api.office import office_settings
from api.routers.review import _page_user, _to_login, templates
from api.schemas import ErrorOut
from pipelines.cases import cases_of

__all__ = ["pages", "router"]

log = logging.getLogger("api.cases")
router = APIRouter(prefix="/cases", tags=["cases"])
pages = APIRouter(include_in_schema=False)
_NOT_FOUND = {404: {"model": ErrorOut, "description": "no such document (or case) in your office"}}
MAX_DOCUMENTS = 20_000
DocId = Annotated[str, PathParam(min_length=1, max_length=64)]
Key = Annotated[str, PathParam(pattern=r"^[0-9a-f]{16}$")]
TYPE_VI = {
    "execute_on_request": "Thi hành án theo yêu cầu",
    "execute_ex_officio": "Thi hành án chủ động",
    "coercion": "Cưỡng chế",
    "postpone": "Hoãn thi hành án",
    "suspend": "Tạm đình chỉ",
    "resume": "Tiếp tục thi hành án",
    "terminate": "Đình chỉ thi hành án",
    "not_enforceable": "Chưa có điều kiện thi hành án",
    "entrust": "Ủy thác thi hành án",
    "revoke_or_amend": "Thu hồi, sửa đổi, bổ sung, hủy",
    "other": "Khác",
}
KIND_VI = {
    "missing_obligation": "Bỏ sót nghĩa vụ",
    "amount_mismatch": "Sai số tiền",
    "party_mismatch": "Sai đương sự",
    "wrong_enforcement_type": "Nhầm chủ động / theo yêu cầu",
    "wrong_law_for_date": "Căn cứ luật không đúng thời điểm",
    "wrong_judgment_reference": "Sai số, ngày hoặc tòa án của bản án",
    "other": "Khác",
}
STATUS_VI = {
    "in_enforcement": "Đang thi hành",
    "coercion": "Cưỡng chế",
    "postponed": "Hoãn",
    "suspended": "Tạm đình chỉ",
    "terminated": "Đình chỉ",
    "not_enforceable": "Chưa có điều kiện",
    "entrusted": "Ủy thác",
    "judgment_missing": "Chưa có bản án",
    "no_decision": "Chưa có quyết định",
}


class Sentence(BaseModel):
    pointer: str = Field(description="JSON pointer of the value in its document's extraction")
    text: str
    source: Literal["evidence", "text", "value"] = Field(
        description="evidence: the sentence read; text: the order as restated; value: the values written out"
    )
    page: int | None = None
    span: list[int] | None = None


class VerdictOut(BaseModel):
    verdict: Literal["confirmed", "dismissed"]
    note: str | None = None
    reviewer: str
    at: str
    version: int = Field(description="the decision's version the verdict was given on")


class DiscrepancyOut(BaseModel):
    key: str
    kind: str
    detail: str
    obligation: str | None = None
    decision: Sentence | None = Field(default=None, description="what the decision says")
    judgment: Sentence | None = Field(default=None, description="what the judgment says")
    amendable: bool = Field(default=False, description="a sửa đổi, bổ sung decision corrects this kind")
    review: VerdictOut | None = None


class DecisionOut(BaseModel):
    id: str
    filename: str
    version: int
    number: str | None = None
    date: str | None = None
    decision_type: str | None = None
    link: dict[str, Any] | None = Field(default=None, description="score and reason of the judgment link")
    prior_decision: dict[str, Any] | None = None
    discrepancies: list[DiscrepancyOut]
    amend_available: bool = Field(
        default=False,
        description="an amend draft corrects at least one of its discrepancies not dismissed (GET .../amend)",
    )


class CaseOut(BaseModel):
    case_id: str
    judgment: str | None = Field(description="the judgment's document id (None: not in the office)")
    judgment_filename: str | None = None
    judgment_number: str | None = None
    judgment_date: str | None = None
    court: str | None = None
    status: str
    n_obligations: int
    amount_ordered_vnd: int
    amount_covered_vnd: int
    open_discrepancies: int = Field(description="discrepancies with no verdict yet")
    confirmed: int
    dismissed: int
    decisions: list[DecisionOut] = Field(description="in date order")


class CaseList(BaseModel):
    count: int
    cases: list[CaseOut]


class VerdictIn(BaseModel):
    verdict: Literal["confirmed", "dismissed"]
    note: str | None = Field(default=None, max_length=2000)


class ReviewOut(VerdictOut):
    key: str
    kind: str
    detail: str


def _office_cases(session: Session, office_id: int) -> tuple[list[dict[str, Any]], dict[str, Document]]:
    docs = session.scalars(
        select(Document)
        .where(Document.office_id == office_id, Document.status == "done")
        .order_by(Document.created_at)
        .limit(MAX_DOCUMENTS)
    ).all()
    by_id = {d.id: d for d in docs if isinstance(d.extraction, dict)}
    return cases_of({i: d.extraction for i, d in by_id.items()}), by_id  # type: ignore[misc]


def _latest_reviews(session: Session, doc_ids: list[str]) -> dict[tuple[str, str], tuple[CaseReview, str]]:
    if not doc_ids:
        return {}
    rows = session.execute(
        select(CaseReview, User.username)
        .join(User, User.id == CaseReview.reviewer_id)
        .where(CaseReview.document_id.in_(doc_ids))
        .order_by(CaseReview.id)
    ).all()
    return {(r.document_id, r.key): (r, name) for r, name in rows}  # the last one wins


def _verdict(r: CaseReview, name: str) -> dict[str, Any]:
    return {
        "verdict": r.verdict,
        "note": r.note,
        "reviewer": name,
        "at": r.at.isoformat() + "+00:00",
        "version": r.version,
    }


def _case_out(
    case: dict[str, Any], docs: dict[str, Document], reviews: dict[tuple[str, str], tuple[CaseReview, str]]
) -> CaseOut:
    decisions = []
    counts = {"open": 0, "confirmed": 0, "dismissed": 0}
    for d in case["decisions"]:
        found = []
        for x in d["discrepancies"]:
            got = reviews.get((d["id"], x["key"]))
            review = _verdict(*got) if got else None
            counts[review["verdict"] if review else "open"] += 1
            found.append(DiscrepancyOut(**{**x, "review": review}))
        doc = docs[d["id"]]
        decisions.append(
            DecisionOut(
                **{k: d[k] for k in ("id", "number", "date", "decision_type", "link", "prior_decision")},
                filename=doc.filename,
                version=doc.version,
                discrepancies=found,
                amend_available=bool(case["judgment"])
                and any(x.amendable and not (x.review and x.review.verdict == "dismissed") for x in found),
            )
        )
    judgment = docs.get(case["judgment"]) if case["judgment"] else None
    return CaseOut(
        **{
            k: case[k]
            for k in (
                "case_id",
                "judgment",
                "judgment_number",
                "judgment_date",
                "court",
                "status",
                "n_obligations",
                "amount_ordered_vnd",
                "amount_covered_vnd",
            )
        },
        judgment_filename=judgment.filename if judgment else None,
        open_discrepancies=counts["open"],
        confirmed=counts["confirmed"],
        dismissed=counts["dismissed"],
        decisions=decisions,
    )


def _cases(session: Session, office_id: int, *, everything: bool = False) -> list[CaseOut]:
    cases, docs = _office_cases(session, office_id)
    if not everything:
        cases = [c for c in cases if c["decisions"]]
    ids = [d["id"] for c in cases for d in c["decisions"]]
    reviews = _latest_reviews(session, ids)
    return [_case_out(c, docs, reviews) for c in cases]


@router.get("", response_model=CaseList)
def list_cases(session: SessionDep, user: CurrentUser, all: bool = False) -> CaseList:
    """The office's enforcement cases: those with at least one decision (all=true: every judgment
    too), each with its decisions in date order and their discrepancies."""
    cases = _cases(session, user.office_id, everything=all)
    return CaseList(count=len(cases), cases=cases)


@router.get("/{doc_id}", response_model=CaseOut, responses=_NOT_FOUND)
def get_case(doc_id: DocId, session: SessionDep, user: CurrentUser) -> CaseOut:
    """The case that document `doc_id` (a judgment or one of its decisions) belongs to."""
    for case in _cases(session, user.office_id, everything=True):
        if case.judgment == doc_id or any(d.id == doc_id for d in case.decisions):
            return case
    raise HTTPException(404, "no such document in a case of your office")


@router.post(
    "/decisions/{doc_id}/discrepancies/{key}",
    response_model=ReviewOut,
    responses={**_NOT_FOUND, 403: {"model": ErrorOut, "description": "reviewers only"}},
)
def review_discrepancy(
    doc_id: DocId, key: Key, body: VerdictIn, session: WriteSessionDep, user: Reviewer
) -> ReviewOut:
    """Confirm or dismiss one discrepancy the audit of decision `doc_id` finds now."""
    cases, docs = _office_cases(session, user.office_id)
    for case in cases:
        for d in case["decisions"]:
            if d["id"] != doc_id:
                continue
            found = next((x for x in d["discrepancies"] if x["key"] == key), None)
            if found is None:
                raise HTTPException(404, "the decision's audit has no such discrepancy (any more)")
            row = CaseReview(
                document_id=doc_id,
                key=key,
                kind=found["kind"],
                detail=found["detail"],
                judgment_id=case["judgment"],
                version=docs[doc_id].version,
                verdict=body.verdict,
                note=body.note,
                reviewer_id=user.id,
                at=utcnow(),
            )
            session.add(row)
            session.commit()
            log.info(
                "discrepancy reviewed",
                extra={
                    "document_id": doc_id,
                    "user_id": user.id,
                    "kind": found["kind"],
                    "verdict": body.verdict,
                },
            )
            return ReviewOut(key=key, kind=row.kind, detail=row.detail, **_verdict(row, user.username))
    raise HTTPException(404, "no such enforcement decision in your office")


@router.get("/decisions/{doc_id}/reviews", response_model=list[ReviewOut], responses=_NOT_FOUND)
def list_reviews(doc_id: DocId, session: SessionDep, user: CurrentUser) -> list[ReviewOut]:
    """Every verdict given on the decision's discrepancies, oldest first (the audit trail)."""
    doc = session.scalars(
        select(Document).where(Document.id == doc_id, Document.office_id == user.office_id)
    ).first()
    if doc is None:
        raise HTTPException(404, "no such document")
    rows = session.execute(
        select(CaseReview, User.username)
        .join(User, User.id == CaseReview.reviewer_id)
        .where(CaseReview.document_id == doc.id)
        .order_by(CaseReview.id)
    ).all()
    return [ReviewOut(key=r.key, kind=r.kind, detail=r.detail, **_verdict(r, name)) for r, name in rows]


_MEDIA = {
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "pdf": "application/pdf",
}


def _amend(session: Session, doc_id: str, office_id: int, query: DecisionQuery) -> tuple[Any, bool, dict]:
    """(the amend draft of decision `doc_id`, whether its version is approved, its extraction)."""
    cases, docs = _office_cases(session, office_id)
    doc = docs.get(doc_id)
    if doc is None or not any(d["id"] == doc_id for c in cases for d in c["decisions"]):
        raise HTTPException(404, "no such enforcement decision in your office")
    reviews = _latest_reviews(session, [doc_id])
    dismissed = {key for (_, key), (r, _) in reviews.items() if r.verdict == "dismissed"}
    row = session.get(SavedInputs, doc_id)
    inputs = DecisionInputs.model_validate(row.data if row is not None else {}).merged(query)
    office = session.get(Office, office_id)
    settings = office_settings(session, office_id, office.name if office else None)
    last = session.scalars(
        select(Approval.version).where(Approval.document_id == doc_id).order_by(Approval.id.desc()).limit(1)
    ).first()
    approved = last is not None and last == doc.version
    extractions = {i: d.extraction for i, d in docs.items()}
    session.close()
    draft, linked = make_amend(extractions, doc_id, settings, inputs, dismissed)
    if not linked:
        raise HTTPException(
            409, "the decision is not linked to a judgment of your office: nothing to amend from"
        )
    if draft is None:
        raise HTTPException(
            404, "the decision's audit finds nothing an amend decision corrects (or all dismissed)"
        )
    return draft, approved, extractions[doc_id]


_AMEND_ERRORS = {
    **_NOT_FOUND,
    409: {"model": ErrorOut, "description": "the decision is not linked to a judgment of the office"},
}


@router.get("/decisions/{doc_id}/amend", responses=_AMEND_ERRORS)
def amend_summary(
    doc_id: DocId, session: SessionDep, user: CurrentUser, query: Annotated[DecisionQuery, Depends()]
) -> dict[str, Any]:
    """The sửa đổi, bổ sung draft of decision `doc_id`: what it corrects (each open discrepancy of an
    amendable kind, dismissed ones left out), its lines, warnings and notes."""
    draft, approved, _ = _amend(session, doc_id, user.office_id, query)
    return {**summary(draft, {}), "approved": approved}


@router.get(
    "/decisions/{doc_id}/amend.{fmt}",
    response_class=Response,
    responses={
        **_AMEND_ERRORS,
        200: {"content": {m: {} for m in _MEDIA.values()}, "description": "the draft"},
    },
)
def amend_file(
    doc_id: DocId,
    fmt: Literal["docx", "pdf"],
    session: SessionDep,
    user: CurrentUser,
    query: Annotated[DecisionQuery, Depends()],
) -> Response:
    """The sửa đổi, bổ sung draft as DOCX (to edit and sign) or PDF (preview)."""
    draft, approved, _ = _amend(session, doc_id, user.office_id, query)
    data = render(draft, fmt, approved=approved)
    log.info("amend draft made", extra={"document_id": doc_id, "user_id": user.id, "approved": approved})
    return Response(
        data,
        media_type=_MEDIA[fmt],
        headers={"Content-Disposition": content_disposition(draft.title, fmt), "Cache-Control": "no-store"},
    )


@pages.get("/review/cases", response_class=HTMLResponse)
def cases_page(request: Request, session: SessionDep) -> Response:
    """The office's cases: judgment, decisions on a timeline, each discrepancy beside its sentences."""
    user = _page_user(request)
    if user is None:
        return _to_login(request)
    office = session.get(Office, user.office_id)
    return templates.TemplateResponse(
        request,
        "cases.html",
        {
            "user": user,
            "office": office.name if office else "",
            # those with discrepancies still to review first
            "cases": sorted(_cases(session, user.office_id), key=lambda c: -c.open_discrepancies),
            "can_review": user.role in ("reviewer", "admin"),
            "type_vi": TYPE_VI,
            "kind_vi": KIND_VI,
            "status_vi": STATUS_VI,
        },
    )
