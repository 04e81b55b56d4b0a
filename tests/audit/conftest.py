"""Small synthetic judgment and decision extractions (fictitious names), in the shapes of
schema/enforcement.schema.json, for the audit tests."""

from __future__ import annotations

import copy
from typing import Any

BANK, COMPANY, OWNER, OTHER = (
    "Ngân hàng Thương mại cổ phần Sông Lam",
    "Công ty cổ phần Gạch Men Bình Minh",
    "Đỗ Văn Khánh",
    "Lưu Thị Mận",
)


def make_judgment(
    number: str = "15/2024/KDTM-ST",
    court: str = "Tòa án nhân dân tỉnh Nghệ An",
    day: str = "2024-03-15",
    names: tuple[str, ...] = (BANK, COMPANY, OWNER),
) -> dict[str, Any]:
    bank, company, owner = names
    return {
        "schema_version": "1",
        "document": {"source": "j.txt", "pages": 0, "kind": "judgment"},
        "case": {"court": court, "number": number, "date": day, "type_code": "KDTM", "instance": "ST"},
        "parties": [
            {"id": "P1", "role": "plaintiff", "name": bank, "kind": "organization"},
            {"id": "P2", "role": "defendant", "name": company, "kind": "organization"},
            {"id": "P3", "role": "related_party", "name": owner, "kind": "person"},
        ],
        "obligations": [
            {
                "id": "O1",
                "kind": "pay_money",
                "obligors": ["P2"],
                "obligees": ["P1"],
                "amount_vnd": 1_200_000_000,
                "secured_by": ["A1"],
                "enforcement": "on_request",
            },
            {
                "id": "O2",
                "kind": "pay_money",
                "obligors": ["P2"],
                "obligees": ["P1"],
                "amount_vnd": 300_000_000,
                "enforcement": "on_request",
            },
            {
                "id": "O3",
                "kind": "court_fee",
                "obligors": ["P2"],
                "obligees": ["STATE"],
                "amount_vnd": 45_000_000,
                "enforcement": "ex_officio",
            },
            {
                "id": "O4",
                "kind": "court_fee",
                "obligors": ["P1"],
                "obligees": ["STATE"],
                "amount_vnd": 2_000_000,
                "enforcement": "ex_officio",
            },
            {
                "id": "O5",
                "kind": "refund",
                "obligors": ["STATE"],
                "obligees": ["P1"],
                "amount_vnd": 20_000_000,
                "enforcement": "ex_officio",
            },
        ],
        "assets": [{"id": "A1", "kind": "land_use_right", "owners": ["P3"], "plot_number": "125"}],
        "evidence": {},
    }


def make_decision(
    dtype: str,
    items: list[tuple[str, list[str], list[str], int]],
    *,
    day: str = "2024-06-10",
    law: str | None = "26/2008/QH12",
    decree: str | None = "62/2015/NĐ-CP",
    deadline: int | None = 10,
    ref: dict[str, Any] | None = None,
    extra: dict[str, Any] | None = None,
) -> dict[str, Any]:
    """items: (kind, obligor names, obligee names, amount); names become obligor/obligee parties."""
    parties: dict[str, dict[str, Any]] = {}

    def pid(name: str, role: str) -> str:
        if name == "STATE":
            return "STATE"
        if name not in parties:
            parties[name] = {"id": f"P{len(parties) + 1}", "role": role, "name": name, "kind": "person"}
        return parties[name]["id"]

    obligations = []
    for k, (kind, obligors, obligees, amount) in enumerate(items, start=1):
        obligations.append(
            {
                "id": f"O{k}",
                "kind": kind,
                "obligors": [pid(n, "obligor") for n in obligors],
                "obligees": [pid(n, "obligee") for n in obligees],
                "amount_vnd": amount,
                "secured_by": [],
            }
        )
    enf = {
        "agency": "Thi hành án dân sự tỉnh Nghệ An",
        "number": "101/QĐ-THADS",
        "date": day,
        "decision_type": dtype,
        "legal_basis_law": law,
        "legal_basis_decree": decree,
        "deadline_days": deadline,
        "judgment": ref
        or {"number": "15/2024/KDTM-ST", "date": "2024-03-15", "court": "Tòa án nhân dân tỉnh Nghệ An"},
    }
    doc = {
        "schema_version": "1",
        "document": {"source": "d.txt", "pages": 0, "kind": "enforcement_decision"},
        "case": {"court": None, "number": None, "date": None},
        "parties": list(parties.values()),
        "obligations": obligations,
        "assets": [],
        "evidence": {},
        "enforcement": enf,
    }
    if extra:
        doc = copy.deepcopy(doc)
        doc["enforcement"].update(extra)
    return doc
