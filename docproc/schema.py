"""The output contract (../shared/schema/extraction.schema.json, version "1") as pydantic models.

Extensions are added properties only (`period`, `start_date`, `instalments`, ...), never changes to
existing ones; `extra="allow"` keeps any property a later stage or a reviewer adds.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from docproc.notices import Notice, render

__all__ = [
    "SCHEMA_VERSION",
    "Evidence",
    "DocumentInfo",
    "Case",
    "Representative",
    "Party",
    "Obligation",
    "Asset",
    "Extraction",
    "TypeCode",
    "Instance",
    "Role",
    "ObligationKind",
    "AssetKind",
    "DocumentKind",
    "DecisionType",
    "JudgmentRef",
    "DecisionRef",
    "Enforcement",
]

SCHEMA_VERSION = "1"

TypeCode = Literal["DS", "KDTM", "HNGD", "LD", "HC", "HS", "PS", "QDST", "QDPT", "other"]
Instance = Literal["ST", "PT", "GDT", "TT"]
Role = Literal[
    "plaintiff",
    "defendant",
    "related_party",
    "accused",
    "victim",
    "civil_plaintiff",
    "civil_defendant",
    "claimant",
    "respondent",
    "petitioner",
    "other",
    "obligor",
    "obligee",
]
ObligationKind = Literal[
    "pay_money", "deliver_asset", "perform_act", "court_fee", "fine", "confiscation", "refund", "other"
]
DocumentKind = Literal["judgment", "decision", "other", "enforcement_decision"]
DecisionType = Literal[
    "execute_on_request",
    "execute_ex_officio",
    "coercion",
    "postpone",
    "suspend",
    "resume",
    "terminate",
    "not_enforceable",
    "entrust",
    "revoke_or_amend",
    "other",
]
AssetKind = Literal[
    "land_use_right", "house", "apartment", "vehicle", "vessel", "machinery", "shares", "deposit", "other"
]


class _Model(BaseModel):
    model_config = ConfigDict(extra="allow", populate_by_name=True)


class Evidence(_Model):
    page: int | None = Field(default=None, ge=1)
    bbox: tuple[float, float, float, float] | None = None
    span: tuple[int, int] | None = None
    text: str
    confidence: float | None = Field(default=None, ge=0, le=1)


class DocumentInfo(_Model):
    source: str
    sha256: str | None = None
    pages: int = Field(ge=0)
    kind: DocumentKind = "other"
    text_source: Literal["text_layer", "ocr", "mixed"] | None = None
    ocr_mean_confidence: float | None = Field(default=None, ge=0, le=1)
    warnings: list[str] = Field(default_factory=list, description="the notices in English (the contract's)")
    notices: list[Notice] = Field(
        default_factory=list,
        description="added property: each warning as data {code, pointer, params} (docproc.notices)",
    )

    def warn(self, *notices: Notice, first: bool = False) -> None:
        """Add notices, and their English wording to `warnings`, which stays the contract's list."""
        at = 0 if first else len(self.notices)
        self.notices[at:at] = notices
        at = 0 if first else len(self.warnings)
        self.warnings[at:at] = [render(n, "en") for n in notices]


class Case(_Model):
    court: str | None = None
    number: str | None = None
    date: str | None = Field(default=None, json_schema_extra={"format": "date"})
    type_code: TypeCode | None = None
    instance: Instance | None = None
    subject: str | None = None


class Representative(_Model):
    name: str
    capacity: Literal["legal", "authorized", "other"] | None = None


class Party(_Model):
    id: str = Field(pattern=r"^P[0-9]+$")
    role: Role
    kind: Literal["person", "organization"]
    name: str
    birth_year: int | None = None
    id_number: str | None = None
    address: str | None = None
    representatives: list[Representative] = Field(default_factory=list)


class Obligation(_Model):
    id: str = Field(pattern=r"^O[0-9]+$")
    kind: ObligationKind
    obligors: list[str] = Field(default_factory=list)
    obligees: list[str] = Field(default_factory=list)
    joint: bool = False
    amount_vnd: int | None = Field(default=None, ge=0)
    amount_words: str | None = None
    components: dict[str, int] = Field(default_factory=dict)
    late_interest: bool = False
    secured_by: list[str] = Field(default_factory=list)
    enforcement: Literal["ex_officio", "on_request"] | None = None
    text: str | None = None


class Asset(_Model):
    id: str = Field(pattern=r"^A[0-9]+$")
    kind: AssetKind
    description: str | None = None
    owners: list[str] = Field(default_factory=list)
    plot_number: str | None = None
    map_sheet: str | None = None
    area_m2: float | None = None
    address: str | None = None
    certificate: str | None = None
    plate: str | None = None
    security_contract: str | None = None


class JudgmentRef(_Model):
    """The court judgment or decision an enforcement decision acts on (enforcement.schema.json)."""

    number: str | None = None
    date: str | None = Field(default=None, json_schema_extra={"format": "date"})
    court: str | None = None


class DecisionRef(_Model):
    """An earlier enforcement decision that this one coerces, postpones, revokes ..."""

    number: str | None = None
    date: str | None = Field(default=None, json_schema_extra={"format": "date"})
    agency: str | None = None


class Enforcement(_Model):
    """What an enforcement decision (quyết định về thi hành án) says about itself; present only when
    `document.kind` is "enforcement_decision" (../shared/schema/enforcement.schema.json)."""

    agency: str | None = None
    parent_agency: str | None = None
    number: str | None = None
    date: str | None = Field(default=None, json_schema_extra={"format": "date"})
    decision_type: DecisionType = "other"
    legal_basis_law: Literal["26/2008/QH12", "106/2025/QH15"] | None = None
    legal_basis_decree: Literal["62/2015/NĐ-CP", "152/2026/NĐ-CP"] | None = None
    judgment: JudgmentRef = Field(default_factory=JudgmentRef)
    other_judgments: list[JudgmentRef] = Field(default_factory=list)
    prior_decision: DecisionRef | None = None
    request_date: str | None = Field(default=None, json_schema_extra={"format": "date"})
    executor: str | None = None
    signer: str | None = None
    signer_title: str | None = None
    deadline_days: int | None = Field(default=None, ge=0)
    receiving_agency: str | None = None


class Extraction(_Model):
    schema_version: Literal["1"] = SCHEMA_VERSION
    document: DocumentInfo
    case: Case = Field(default_factory=Case)
    parties: list[Party] = Field(default_factory=list)
    obligations: list[Obligation] = Field(default_factory=list)
    assets: list[Asset] = Field(default_factory=list)
    evidence: dict[str, Evidence] = Field(default_factory=dict)
    enforcement: Enforcement | None = None

    def to_json_dict(self) -> dict:
        """Plain JSON data as the contract wants it: unset optional keys with None are dropped where
        the shared schema does not allow null (`enforcement`, `text`, evidence fields)."""
        data = self.model_dump(mode="json", exclude_none=False)
        for ob in data["obligations"]:
            for key in ("enforcement", "text"):
                if ob.get(key) is None:
                    ob.pop(key, None)
        for party in data["parties"]:
            for rep in party.get("representatives", []):
                if rep.get("capacity") is None:
                    rep.pop("capacity", None)
        for ev in data["evidence"].values():
            for key in ("page", "bbox", "span", "confidence"):
                if ev.get(key) is None:
                    ev.pop(key, None)
        if data["document"].get("text_source") is None:
            data["document"].pop("text_source", None)
        if data["document"].get("sha256") is None:
            data["document"].pop("sha256", None)
        if data.get("enforcement") is None:
            data.pop("enforcement", None)  # judgments: the extraction contract has no such key
        elif data["enforcement"].get("prior_decision") is None:
            data["enforcement"].pop("prior_decision")  # the contract wants an object when present
        return data
