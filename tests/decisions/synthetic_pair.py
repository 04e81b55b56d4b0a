"""A fictitious judgment and enforcement decisions on it, built here (not from the corpus), for the
tests of drafts that know what was already issued and of amend drafts.

The judgment (a loan case at a district court of Nghệ An, 2025): P2 owes P1 150.000.000 đồng and
12.000.000 đồng of costs, P3 owes P1 40.000.000 đồng; court fees for P2 and P3; the advance refunded
to P1. Decisions restate items of it, right or with the errors inspections find.
"""

from __future__ import annotations

import copy
from typing import Any

COURT = "Tòa án nhân dân huyện Yên Thành, tỉnh Nghệ An"
NUMBER = "12/2025/DS-ST"
DAY = "2025-04-10"
AGENCY = "Thi hành án dân sự tỉnh Nghệ An"

PEOPLE = {
    "P1": ("Hoàng Văn Bình", 1975, "040075001234", "xóm 3, xã Hợp Thành, tỉnh Nghệ An"),
    "P2": ("Lê Thị Cúc", 1982, "040182005678", "xóm 7, xã Hợp Thành, tỉnh Nghệ An"),
    "P3": ("Nguyễn Văn Đạt", 1979, "040079009012", "xóm 1, xã Công Thành, tỉnh Nghệ An"),
}


def judgment() -> dict[str, Any]:
    roles = {"P1": "plaintiff", "P2": "defendant", "P3": "defendant"}
    honor = {"P1": "ông", "P2": "bà", "P3": "ông"}
    parties = [
        {
            "id": pid,
            "role": roles[pid],
            "name": name,
            "kind": "person",
            "honorific": honor[pid],
            "birth_year": year,
            "id_number": idn,
            "address": addr,
        }
        for pid, (name, year, idn, addr) in PEOPLE.items()
    ]

    def ob(oid, kind, obligors, obligees, amount, enforcement, text, **extra):  # type: ignore[no-untyped-def]
        return {
            "id": oid,
            "kind": kind,
            "obligors": obligors,
            "obligees": obligees,
            "amount_vnd": amount,
            "enforcement": enforcement,
            "text": text,
            **extra,
        }

    return {
        "schema_version": "1",
        "document": {"source": "ban-an.txt", "pages": 3, "kind": "judgment"},
        "case": {"court": COURT, "number": NUMBER, "date": DAY, "type_code": "DS", "instance": "ST"},
        "parties": parties,
        "obligations": [
            ob(
                "O1",
                "pay_money",
                ["P2"],
                ["P1"],
                150_000_000,
                "on_request",
                "Buộc bà Lê Thị Cúc phải trả cho ông Hoàng Văn Bình số tiền 150.000.000 đồng.",
            ),
            ob(
                "O2",
                "pay_money",
                ["P3"],
                ["P1"],
                40_000_000,
                "on_request",
                "Buộc ông Nguyễn Văn Đạt phải trả cho ông Hoàng Văn Bình số tiền 40.000.000 đồng.",
            ),
            ob(
                "O3",
                "court_fee",
                ["P2"],
                ["STATE"],
                7_500_000,
                "ex_officio",
                "Bà Lê Thị Cúc phải chịu 7.500.000 đồng án phí dân sự sơ thẩm.",
            ),
            ob(
                "O4",
                "court_fee",
                ["P3"],
                ["STATE"],
                2_000_000,
                "ex_officio",
                "Ông Nguyễn Văn Đạt phải chịu 2.000.000 đồng án phí dân sự sơ thẩm.",
            ),
            ob(
                "O5",
                "refund",
                ["STATE"],
                ["P1"],
                3_750_000,
                "ex_officio",
                "Trả lại cho ông Hoàng Văn Bình 3.750.000 đồng tiền tạm ứng án phí đã nộp.",
            ),
            ob(
                "O6",
                "pay_money",
                ["P2"],
                ["P1"],
                12_000_000,
                "on_request",
                "Bà Lê Thị Cúc phải hoàn trả cho ông Hoàng Văn Bình 12.000.000 đồng chi phí thẩm định.",
            ),
        ],
        "assets": [],
        "evidence": {},
    }


def decision(
    dtype: str,
    items: list[tuple[str, list[str], list[str], int]],
    *,
    number: str = "101/QĐ-THADS",
    day: str = "2026-08-10",
    law: str | None = "106/2025/QH15",
    decree: str | None = "152/2026/NĐ-CP",
    ref: dict[str, Any] | None = None,
    names: dict[str, str] | None = None,
    ids: dict[str, str | None] | None = None,
) -> dict[str, Any]:
    """An enforcement-decision extraction. items: (kind, obligor pids, obligee pids, amount), the pids
    of the judgment; the decision numbers its own parties. `names` / `ids` override how the decision
    writes a party (a typo, another person)."""
    names, ids = names or {}, ids or {}
    parties: dict[str, dict[str, Any]] = {}

    def pid(p: str, role: str) -> str:
        if p == "STATE":
            return "STATE"
        if p not in parties:
            name, year, idn, addr = PEOPLE[p]
            parties[p] = {
                "id": f"P{len(parties) + 1}",
                "role": role,
                "name": names.get(p, name),
                "kind": "person",
                "birth_year": year,
                "id_number": ids.get(p, idn),
                "address": addr,
            }
        return parties[p]["id"]

    obligations = []
    for k, (kind, obligors, obligees, amount) in enumerate(items, start=1):
        obligations.append(
            {
                "id": f"O{k}",
                "kind": kind,
                "obligors": [pid(p, "obligor") for p in obligors],
                "obligees": [pid(p, "obligee") for p in obligees],
                "amount_vnd": amount,
                "secured_by": [],
                "text": f"khoản {k}: {amount} đồng",
            }
        )
    return {
        "schema_version": "1",
        "document": {"source": "qd.txt", "pages": 1, "kind": "enforcement_decision"},
        "case": {"court": None, "number": None, "date": None},
        "parties": list(parties.values()),
        "obligations": obligations,
        "assets": [],
        "evidence": {},
        "enforcement": {
            "agency": AGENCY,
            "number": number,
            "date": day,
            "decision_type": dtype,
            "legal_basis_law": law,
            "legal_basis_decree": decree,
            "deadline_days": 10,
            "judgment": copy.deepcopy(ref) or {"number": NUMBER, "date": DAY, "court": COURT},
        },
    }


def on_request_p2(amount: int = 150_000_000, **kw: Any) -> dict[str, Any]:
    """P1's request against P2: O1 only (O6 left out), with the amount given."""
    return decision("execute_on_request", [("pay_money", ["P2"], ["P1"], amount)], **kw)


def ex_officio_p3(**kw: Any) -> dict[str, Any]:
    """P3's court fee, ex officio, right."""
    return decision(
        "execute_ex_officio", [("court_fee", ["P3"], ["STATE"], 2_000_000)], number="102/QĐ-THADS", **kw
    )
