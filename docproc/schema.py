"""The output contract (../shared/schema/extraction.schema.json, version "1") as pydantic models.

Extensions are added properties only (`period`, `start_date`, `instalments`, ...), never changes to
existing ones; `extra="allow"` keeps any property a later stage or a reviewer adds.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

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
]
ObligationKind = Literal[
    "pay_money", "deliver_asset", "perform_act", "court_fee", "fine", "confiscation", "refund", "other"
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
    kind: Literal["judgment", "decision", "other"] = "other"
    text_source: Literal["text_layer", "ocr", "mixed"] | None = None
    ocr_mean_confidence: float | None = Field(default=None, ge=0, le=1)
    warnings: list[str] = Field(default_factory=list)


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


class Extraction(_Model):
    schema_version: Literal["1"] = SCHEMA_VERSION
    document: DocumentInfo
    case: Case = Field(default_factory=Case)
    parties: list[Party] = Field(default_factory=list)
    obligations: list[Obligation] = Field(default_factory=list)
    assets: list[Asset] = Field(default_factory=list)
    evidence: dict[str, Evidence] = Field(default_factory=dict)

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
        return data
