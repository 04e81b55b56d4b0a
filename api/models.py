"""The service's tables: offices, users, documents, jobs and the correction audit trail.

A document's `extraction` is always `original_extraction` with its corrections applied in order
(`api.corrections.replay`); `version` counts the corrections saved, and is the ETag."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import JSON, DateTime, Float, ForeignKey, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

__all__ = [
    "Base",
    "Office",
    "OfficeProfile",
    "DecisionInputs",
    "User",
    "Document",
    "Job",
    "Correction",
    "Approval",
    "LoginAttempt",
    "RevokedToken",
    "CaseReview",
    "utcnow",
    "new_id",
    "ROLES",
]

ROLES = ("officer", "reviewer", "admin")
DOC_STATUSES = ("queued", "running", "done", "failed")


def utcnow() -> datetime:
    """Naive UTC: stored the same way on SQLite and PostgreSQL (API output adds the zone)."""
    return datetime.now(UTC).replace(tzinfo=None)


def new_id() -> str:
    return uuid.uuid4().hex


class Base(DeclarativeBase):
    type_annotation_map = {dict[str, Any]: JSON, list[Any]: JSON, datetime: DateTime()}


class Office(Base):
    __tablename__ = "offices"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class User(Base):
    __tablename__ = "users"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    username: Mapped[str] = mapped_column(String(100), unique=True)
    office_id: Mapped[int] = mapped_column(ForeignKey("offices.id"), index=True)
    role: Mapped[str] = mapped_column(String(20))
    password_hash: Mapped[str] = mapped_column(String(200))
    active: Mapped[bool] = mapped_column(default=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class Document(Base):
    __tablename__ = "documents"
    __table_args__ = (
        UniqueConstraint("office_id", "sha256", name="uq_documents_office_sha256"),
        Index("ix_documents_office_status_created", "office_id", "status", "created_at"),
    )
    id: Mapped[str] = mapped_column(String(32), primary_key=True, default=new_id)
    office_id: Mapped[int] = mapped_column(ForeignKey("offices.id"))
    uploaded_by: Mapped[int] = mapped_column(ForeignKey("users.id"))
    filename: Mapped[str] = mapped_column(String(255))
    kind: Mapped[str] = mapped_column(String(20))
    size: Mapped[int] = mapped_column(Integer)
    sha256: Mapped[str] = mapped_column(String(64))
    status: Mapped[str] = mapped_column(String(20), default="queued")
    error_code: Mapped[str | None] = mapped_column(String(50), default=None)
    error_message: Mapped[str | None] = mapped_column(Text, default=None)
    pages: Mapped[int | None] = mapped_column(Integer, default=None)
    warnings: Mapped[list[Any]] = mapped_column(default=list)
    original_extraction: Mapped[dict[str, Any] | None] = mapped_column(default=None)
    extraction: Mapped[dict[str, Any] | None] = mapped_column(default=None)
    version: Mapped[int] = mapped_column(Integer, default=0)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)


class Job(Base):
    __tablename__ = "jobs"
    __table_args__ = (Index("ix_jobs_status_created", "status", "created_at"),)
    id: Mapped[str] = mapped_column(String(32), primary_key=True, default=new_id)
    document_id: Mapped[str] = mapped_column(ForeignKey("documents.id"), index=True)
    status: Mapped[str] = mapped_column(String(20), default="queued")
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    progress: Mapped[float] = mapped_column(Float, default=0.0)
    stage: Mapped[str] = mapped_column(String(50), default="queued")
    error: Mapped[str | None] = mapped_column(Text, default=None)
    worker: Mapped[str | None] = mapped_column(String(100), default=None)
    lease_until: Mapped[datetime | None] = mapped_column(default=None)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    started_at: Mapped[datetime | None] = mapped_column(default=None)
    finished_at: Mapped[datetime | None] = mapped_column(default=None)


class Correction(Base):
    """One JSON Patch operation a reviewer saved, against document version `base_version`."""

    __tablename__ = "corrections"
    __table_args__ = (Index("ix_corrections_document", "document_id", "id"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    document_id: Mapped[str] = mapped_column(ForeignKey("documents.id"))
    base_version: Mapped[int] = mapped_column(Integer)
    op: Mapped[str] = mapped_column(String(10))
    pointer: Mapped[str] = mapped_column(Text)
    from_pointer: Mapped[str | None] = mapped_column(Text, default=None)
    old: Mapped[Any] = mapped_column(JSON, nullable=True, default=None)
    new: Mapped[Any] = mapped_column(JSON, nullable=True, default=None)
    reviewer_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    at: Mapped[datetime] = mapped_column(default=utcnow)


class Approval(Base):
    """A reviewer approved document version `version` (the review page); the latest row counts only
    while the document is still at that version."""

    __tablename__ = "approvals"
    __table_args__ = (Index("ix_approvals_document", "document_id", "id"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    document_id: Mapped[str] = mapped_column(ForeignKey("documents.id"))
    version: Mapped[int] = mapped_column(Integer)
    reviewer_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    at: Mapped[datetime] = mapped_column(default=utcnow)


class LoginAttempt(Base):
    """A sign-in attempt not (yet) known to have succeeded, for throttling (api.throttle). The user
    name and the client address are kept only as keyed hashes: a name typed in the wrong field (a
    password) is never stored."""

    __tablename__ = "login_attempts"
    __table_args__ = (
        Index("ix_login_attempts_user_at", "user_key", "at"),
        Index("ix_login_attempts_addr_at", "addr_key", "at"),
    )
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    user_key: Mapped[str] = mapped_column(String(64))
    addr_key: Mapped[str] = mapped_column(String(64))
    at: Mapped[datetime] = mapped_column(default=utcnow)


class RevokedToken(Base):
    """A signed token refused before its expiry (signed out); kept until it would have expired."""

    __tablename__ = "revoked_tokens"
    token_hash: Mapped[str] = mapped_column(String(64), primary_key=True)
    user_id: Mapped[int] = mapped_column(Integer)
    expires_at: Mapped[datetime] = mapped_column(index=True)


class OfficeProfile(Base):
    """The office's own details that its decisions print (docproc.decisions.OfficeSettings fields as a
    JSON object), edited by the office's administrator on /review/office."""

    __tablename__ = "office_profiles"
    office_id: Mapped[int] = mapped_column(ForeignKey("offices.id"), primary_key=True)
    data: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    updated_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"), default=None)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)


class DecisionInputs(Base):
    """What the officer knows about a document's decisions that the judgment does not (decision date,
    number, request, executor): kept here, not in URLs, since the executor is a person's name."""

    __tablename__ = "decision_inputs"
    document_id: Mapped[str] = mapped_column(ForeignKey("documents.id"), primary_key=True)
    data: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    updated_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"), default=None)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)


class CaseReview(Base):
    """A reviewer's verdict on one discrepancy of an enforcement decision's audit (the case view),
    appended like a correction: the latest row per (decision, key) counts. `key` is
    pipelines.cases.discrepancy_key; `kind` and `detail` keep what the reviewer saw."""

    __tablename__ = "case_reviews"
    __table_args__ = (Index("ix_case_reviews_document", "document_id", "id"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    document_id: Mapped[str] = mapped_column(ForeignKey("documents.id"))
    key: Mapped[str] = mapped_column(String(32))
    kind: Mapped[str] = mapped_column(String(40))
    detail: Mapped[str] = mapped_column(Text)
    judgment_id: Mapped[str | None] = mapped_column(String(32), default=None)
    version: Mapped[int] = mapped_column(Integer)
    verdict: Mapped[str] = mapped_column(String(20))
    note: Mapped[str | None] = mapped_column(Text, default=None)
    reviewer_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    at: Mapped[datetime] = mapped_column(default=utcnow)
