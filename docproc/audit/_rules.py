"""The audit's rule data (data/audit_rules.json) and the law in force, read from docproc.decisions."""

from __future__ import annotations

import json
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any

from docproc.decisions._rules import Law, classify, law_for

__all__ = ["rules", "law_on", "expected_enforcement", "guiding_decrees", "voluntary_days"]

_DATA = Path(__file__).resolve().parent / "data" / "audit_rules.json"


@lru_cache(maxsize=1)
def rules() -> dict[str, Any]:
    return json.loads(_DATA.read_text(encoding="utf-8"))


def law_on(iso: str | None) -> Law | None:
    """The enforcement law in force on an ISO date (None when the date is unknown or uncovered)."""
    if not iso:
        return None
    try:
        return law_for(date.fromisoformat(iso))
    except (ValueError, Exception):  # a damaged date or a date before any law: no opinion
        return None


def guiding_decrees(law: Law) -> list[str]:
    return list(rules()["guiding_decrees"].get(law.id, []))


def voluntary_days(law: Law) -> int | None:
    vp = law.raw.get("voluntary_period") or {}
    return vp.get("days")


def expected_enforcement(ob: dict[str, Any], law: Law | None) -> str:
    """How a judgment obligation is enforced under the law in force on the decision's date.

    The law's table (kind, State as obligor or obligee) decides; the judgment extraction's own
    `enforcement` is followed beyond the table only where that law makes more sums ex officio than
    the table can see (Law 106/2025 Art. 33(2)(c), NĐ 152/2026 Art. 8(2): compensation to a State
    body or a wholly State-owned enterprise in a corruption case), since the extraction records
    the law of today, not of the decision's date."""
    if law is None:
        from docproc.decisions._rules import load_laws

        law = load_laws()[-1]
    base = classify(
        law, ob.get("kind") or "other", ob.get("obligors") or [], ob.get("obligees") or []
    ).enforcement
    beyond = rules()["judgment_ex_officio_beyond_table"].get(law.id, False)
    if beyond and ob.get("enforcement") == "ex_officio":
        return "ex_officio"
    return base
