"""The court-fee schedule (án phí), kept as data, to cross-check the fees a judgment orders.

The schedule in force is chosen by the judgment's date (data/court_fees.json, one entry per
resolution). Only verified figures are kept (shared/domain/court-fees.md): judgments dated before
the first entry are not checked at all rather than checked against half-remembered old tariffs.
The court's figure always governs; a mismatch is a warning for a reviewer, never a correction.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

__all__ = ["Schedule", "schedule_for", "valued_fee", "fee_matches"]

_DATA = Path(__file__).with_name("data") / "court_fees.json"


@dataclass(frozen=True)
class Schedule:
    resolution: str
    in_force_from: dt.date
    in_force_until: dt.date | None
    fixed: dict[str, int]
    valued: dict[str, list[dict]]
    reductions: dict[str, float]


@lru_cache(maxsize=1)
def _schedules() -> tuple[Schedule, ...]:
    raw = json.loads(_DATA.read_text(encoding="utf-8"))
    out = []
    for s in raw["schedules"]:
        until = s.get("in_force_until")
        out.append(
            Schedule(
                resolution=s["resolution"],
                in_force_from=dt.date.fromisoformat(s["in_force_from"]),
                in_force_until=dt.date.fromisoformat(until) if until else None,
                fixed=dict(s["fixed"]),
                valued={k: list(v) for k, v in s["valued"].items()},
                reductions=dict(s.get("reductions", {})),
            )
        )
    return tuple(out)


def schedule_for(date: dt.date | str | None) -> Schedule | None:
    """The schedule in force on `date`; None when unknown or older than the data we hold."""
    if date is None:
        return None
    if isinstance(date, str):
        try:
            date = dt.date.fromisoformat(date)
        except ValueError:
            return None
    for s in _schedules():
        if s.in_force_from <= date and (s.in_force_until is None or date < s.in_force_until):
            return s
    return None


def valued_fee(value: int, table: str, schedule: Schedule) -> int | None:
    """First-instance fee for a claim worth `value` đồng ("civil" or "kdtm" table), rounded to đồng."""
    tiers = schedule.valued.get(table)
    if not tiers or value < 0:
        return None
    for tier in tiers:
        if tier["up_to"] is None or value <= tier["up_to"]:
            if "fixed" in tier:
                return int(tier["fixed"])
            return round(tier.get("base", 0) + tier["rate"] * (value - tier.get("over", 0)))
    return None


def fee_matches(fee: int, expected: int, schedule: Schedule) -> bool:
    """Whether a fee equals the schedule's, in full or reduced (settlement, simplified procedure),
    within rounding (courts round to the đồng or the thousand)."""
    candidates = {expected} | {round(expected * r) for r in schedule.reductions.values()}
    return any(abs(fee - c) <= 1000 for c in candidates)
