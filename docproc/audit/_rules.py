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
    """How a judgment obligation is enforced: the judgment extraction's own `enforcement` (it knows
    the special cases, e.g. compensation to the State), else the law's table by kind and parties."""
    value = ob.get("enforcement")
    if value in ("ex_officio", "on_request"):
        return value
    if law is None:
        from docproc.decisions._rules import load_laws

        law = load_laws()[-1]
    return classify(
        law, ob.get("kind") or "other", ob.get("obligors") or [], ob.get("obligees") or []
    ).enforcement
