"""What the API answers (In/Out models): kept apart from the tables so the wire format is explicit."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any, Literal

from pydantic import BaseModel, Field, field_serializer

__all__ = [
    "TokenOut",
    "UserOut",
    "DocumentOut",
    "DocumentPage",
    "JobOut",
    "CorrectionOut",
    "ErrorOut",
    "PageInfo",
    "LayoutOut",
    "WordOut",
    "PageWordsOut",
]


class _Out(BaseModel):
    @field_serializer("*", when_used="json")
    def _utc(self, v: Any) -> Any:
        if isinstance(v, datetime) and v.tzinfo is None:
            return v.replace(tzinfo=UTC).isoformat()
        return v


class ErrorOut(BaseModel):
    error: str
    detail: Any = None


class TokenOut(BaseModel):
    access_token: str
    token_type: Literal["bearer"] = "bearer"
    expires_in: int = Field(description="seconds")


class UserOut(_Out):
    id: int
    username: str
    office_id: int
    role: Literal["officer", "reviewer", "admin"]


class WarningOut(BaseModel):
    """One warning: the notice as data (docproc.notices) and its Vietnamese text from the catalogue;
    a warning stored before notices existed has only its text."""

    code: str | None = None
    pointer: str | None = None
    params: dict[str, str | int | float] = Field(default_factory=dict)
    text: str


class ErrorInfo(BaseModel):
    code: str
    message: str


class JobOut(_Out):
    id: str
    document_id: str
    status: Literal["queued", "running", "done", "failed"]
    progress: float = Field(ge=0, le=1)
    stage: str
    attempts: int
    error: str | None = None
    created_at: datetime
    started_at: datetime | None = None
    finished_at: datetime | None = None


class DocumentSummary(_Out):
    id: str
    filename: str
    kind: str
    size: int
    sha256: str
    status: Literal["queued", "running", "done", "failed"]
    version: int
    pages: int | None = None
    created_at: datetime
    updated_at: datetime


class DocumentOut(DocumentSummary):
    warnings: list[WarningOut] = Field(default_factory=list)
    error: ErrorInfo | None = None
    extraction: dict[str, Any] | None = Field(
        default=None, description="the corrected extraction (schema v1)"
    )
    job: JobOut | None = None
    duplicate: bool = Field(
        default=False, description="true when the upload matched a document already there"
    )


class DocumentPage(BaseModel):
    items: list[DocumentSummary]
    total: int
    offset: int
    limit: int


class CorrectionOut(_Out):
    id: int
    base_version: int
    op: str
    pointer: str
    from_pointer: str | None = None
    old: Any = None
    new: Any = None
    reviewer: str
    at: datetime


class ConflictOut(BaseModel):
    error: Literal["version_conflict"] = "version_conflict"
    detail: str
    version: int
    extraction: dict[str, Any] | None


# --- the review page's layout: the one word shape of pipelines.layout ----------------------------------


class PageInfo(BaseModel):
    number: int
    width: float = Field(description="points, as read upright")
    height: float = Field(description="points, as read upright")
    source: str = Field(description="text_layer or ocr")
    rotation: int = Field(default=0, description="degrees clockwise OCR turned the scan to read it")
    words_missing: bool = Field(
        default=False,
        description="a scanned page whose words were not kept (imported from an older batch): shown without them",
    )


class LayoutOut(BaseModel):
    pages: list[PageInfo]
    text: str | None = None


class WordOut(BaseModel):
    text: str
    bbox: list[float] = Field(description="x0, y0, x1, y1 in PDF points from the page's top-left")
    confidence: float


class PageWordsOut(PageInfo):
    words: list[WordOut]
