"""Typed inputs and outputs of the drafts: office settings, options, and the Draft itself.

A Draft holds every field of the form already worded in Vietnamese (what the DOCX shows) next to the
plain data it came from (ISO dates, integer amounts, party ids), so a reviewer or a test can check
either.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field
from pydantic_settings import BaseSettings, SettingsConfigDict

from docproc.notices import Notice

__all__ = [
    "OfficeSettings",
    "DraftOptions",
    "Placeholder",
    "LegalBasis",
    "Deadline",
    "PartyBlock",
    "AssetRef",
    "DraftItem",
    "VoluntaryPeriod",
    "Draft",
    "DraftKind",
    "PLACEHOLDER_PREFIX",
]

DraftKind = Literal["ex_officio", "on_request"]
PLACEHOLDER_PREFIX = "[cần kiểm tra: "


class OfficeSettings(BaseSettings):
    """The issuing enforcement office. Empty fields become visible placeholders in the draft.

    From the environment (`DOCPROC_OFFICE_NAME=...`) or a JSON file (`OfficeSettings.from_file`).
    """

    model_config = SettingsConfigDict(env_prefix="DOCPROC_OFFICE_", env_ignore_empty=True, extra="ignore")

    parent: str | None = Field(
        default=None, description="cơ quan cấp trên, e.g. 'CỤC QUẢN LÝ THI HÀNH ÁN DÂN SỰ'"
    )
    name: str | None = Field(default=None, description="e.g. 'THI HÀNH ÁN DÂN SỰ TỈNH NGHỆ AN'")
    place: str | None = Field(default=None, description="địa danh of the place-date line, e.g. 'Nghệ An'")
    head_name: str | None = None
    head_title: str = "THỦ TRƯỞNG"
    signer_title: str | None = Field(default=None, description="default: head_title + office name")
    number_symbol: str = "QĐ-THADS"
    procuracy: str | None = Field(default=None, description="Viện kiểm sát nhân dân cùng cấp")
    payment_instructions: str | None = Field(default=None, description="account / place to pay (Law 106)")
    notification_form: str | None = Field(default=None, description="hình thức thông báo (Law 106)")

    @classmethod
    def from_file(cls, path: Path) -> OfficeSettings:
        """Settings from a JSON object whose keys are the field names; the environment fills the rest."""
        data = json.loads(Path(path).read_text(encoding="utf-8"))
        return cls(**data)


class DraftOptions(BaseModel):
    """What the officer knows that the judgment does not; all optional (missing → placeholder)."""

    model_config = ConfigDict(extra="forbid")

    issue_date: date | None = Field(default=None, description="decision date; default today; picks the law")
    law_version: str | None = Field(default=None, description="override, e.g. '26/2008/QH12'")
    decision_number: str | None = None
    judgment_effective_date: date | None = None
    judgment_received_date: date | None = None
    request_date: date | None = None
    requester_id: str | None = Field(default=None, description="party id of who filed the request")
    executor: str | None = Field(default=None, description="Chấp hành viên assigned")
    grouping: Literal["law", "combined"] = Field(
        default="law",
        description="law: one decision per obligor as the law's data says; combined: one per kind",
    )
    min_confidence: float = 0.8


class Placeholder(BaseModel):
    field: str
    reason: Literal["missing", "low_confidence", "officer_input", "mismatch", "deadline_passed"]
    text: str
    pointer: str | None = None
    confidence: float | None = None


class LegalBasis(BaseModel):
    text: str
    verified: bool
    note: str | None = None


class Deadline(BaseModel):
    """A computed date with the rule behind it; `date` is None when an input date is missing."""

    name: str
    label: str
    date: str | None
    start: str | None
    start_field: str
    rule: str
    article: str
    verified: bool
    text: str


class PartyBlock(BaseModel):
    id: str
    name: str
    kind: str | None = None
    birth_year: int | None = None
    id_number: str | None = None
    address: str | None = None
    text: str


class AssetRef(BaseModel):
    id: str
    kind: str
    text: str


class DraftItem(BaseModel):
    obligation_id: str
    kind: str
    kind_label: str
    point: str | None = None
    obligors: list[str]
    obligees: list[str]
    amount_vnd: int | None = None
    amount_digits: str | None = None
    amount_words: str | None = None
    joint: bool = False
    late_interest: bool = False
    period: str | None = None
    secured_assets: list[AssetRef] = Field(default_factory=list)
    extra_amounts: dict[str, int] = Field(default_factory=dict)
    lines: list[str] = Field(default_factory=list, description="the item as worded in the draft")
    source_text: str | None = None


class VoluntaryPeriod(BaseModel):
    applicable: bool
    days: int | None
    article: str
    verified: bool
    text: str


class Draft(BaseModel):
    """One enforcement-decision draft: every field of the form, worded, plus its data."""

    name: str = Field(
        description="file stem, no personal data (used in URLs): ex-officio-P2, on-request-P1-P2"
    )
    title: str = Field(default="", description="readable name: 'QĐ thi hành án chủ động – Nguyễn Văn A'")
    kind: DraftKind
    law_id: str
    law_title: str
    form_title: str
    form_subject: str
    form_code: str | None
    office_parent: str
    office_name: str
    signer_title: str = Field(description="authority line above the decision: THỦ TRƯỞNG CƠ QUAN ...")
    signature_title: str = Field(description="title in the signature block, e.g. THỦ TRƯỞNG")
    signer_name: str
    number: str
    place: str
    issue_date: str
    place_date: str
    legal_bases: list[LegalBasis]
    judgment_ref: str
    request_ref: str | None = None
    requester_id: str | None = None
    obligors: list[PartyBlock]
    obligees: list[PartyBlock]
    items: list[DraftItem]
    joint_liability: str | None = None
    late_interest: str | None = None
    secured_assets: list[AssetRef] = Field(default_factory=list)
    voluntary_period: VoluntaryPeriod
    payment_instructions: str | None = None
    notification_form: str | None = None
    article_1: str
    article_2: str
    article_3: str
    deadlines: list[Deadline]
    recipients: list[str]
    placeholders: list[Placeholder] = Field(default_factory=list)
    notes: list[str] = Field(default_factory=list, description="legal notes for the officer (review page)")
    warnings: list[str] = Field(
        default_factory=list, description="checks to settle before download (review page, Vietnamese)"
    )
    notices: list[Notice] = Field(
        default_factory=list,
        description="the same checks as data (docproc.notices): codes, party ids, amounts",
    )

    def deadline(self, name: str) -> Deadline | None:
        return next((d for d in self.deadlines if d.name == name), None)
