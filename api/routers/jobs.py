"""Processing jobs: status and progress."""

from __future__ import annotations

from fastapi import APIRouter, HTTPException
from sqlalchemy import select

from api.deps import CurrentUser, SessionDep
from api.models import Document, Job
from api.schemas import JobOut

router = APIRouter(prefix="/jobs", tags=["jobs"])


@router.get(
    "/{job_id}", response_model=JobOut, responses={404: {"description": "no such job in your office"}}
)
def get_job(job_id: str, session: SessionDep, user: CurrentUser) -> JobOut:
    job = session.scalars(
        select(Job)
        .join(Document, Document.id == Job.document_id)
        .where(Job.id == job_id, Document.office_id == user.office_id)
    ).first()
    if job is None:
        raise HTTPException(404, "no such job")
    return JobOut.model_validate(job, from_attributes=True)
