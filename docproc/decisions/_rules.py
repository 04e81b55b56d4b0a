"""The law as data: which law version applies on a date, which obligations are ex officio, deadlines.

Everything a lawyer may need to correct lives in data/laws.json and data/holidays.json; this module
only reads and applies it (rules are first-match tables, deadlines are "N units from a start date").
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache
from pathlib import Path
from typing import Any

from docproc.errors import DocprocError

__all__ = [
    "DATA_DIR",
    "Law",
    "Classification",
    "RulesError",
    "load_laws",
    "law_for",
    "law_by_id",
    "classify",
    "add_working_days",
    "add_years",
    "compute_deadline",
    "common",
    "holidays",
]

DATA_DIR = Path(__file__).resolve().parent / "data"


class RulesError(DocprocError):
    """The rule data files are missing, malformed, or cover no law for the date asked."""

    code = "rules_error"


@dataclass(frozen=True)
class Law:
    """One law version with its rules, read from laws.json (`raw` keeps the whole entry)."""

    id: str
    title: str
    effective_from: date
    effective_until: date | None
    raw: dict[str, Any]

    def applies_on(self, day: date) -> bool:
        return self.effective_from <= day and (self.effective_until is None or day < self.effective_until)

    @property
    def deadlines(self) -> dict[str, dict[str, Any]]:
        return self.raw["deadlines"]


@dataclass(frozen=True)
class Classification:
    enforcement: str  # "ex_officio" | "on_request"
    point: str | None
    verified: bool


def _read(name: str) -> dict[str, Any]:
    path = DATA_DIR / name
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        raise RulesError(f"cannot read rule data {name}: {exc}") from exc


@lru_cache(maxsize=1)
def _laws_file() -> dict[str, Any]:
    return _read("laws.json")


@lru_cache(maxsize=1)
def load_laws() -> tuple[Law, ...]:
    """All law versions, oldest first."""
    laws = []
    for entry in _laws_file()["laws"]:
        until = entry.get("effective_until")
        laws.append(
            Law(
                id=entry["id"],
                title=entry["title"],
                effective_from=date.fromisoformat(entry["effective_from"]),
                effective_until=date.fromisoformat(until) if until else None,
                raw=entry,
            )
        )
    return tuple(sorted(laws, key=lambda law: law.effective_from))


def common() -> dict[str, Any]:
    return _laws_file()["common"]


@lru_cache(maxsize=1)
def holidays() -> dict[str, Any]:
    return _read("holidays.json")


def law_by_id(law_id: str) -> Law:
    for law in load_laws():
        if law.id == law_id:
            return law
    known = ", ".join(law.id for law in load_laws())
    raise RulesError(f"unknown law version {law_id!r} (known: {known})")


def law_for(day: date) -> Law:
    """The law in force on `day` (the decision's issue date: the transition rule of Law 106 Art. 116)."""
    for law in load_laws():
        if law.applies_on(day):
            return law
    raise RulesError(f"no law version in laws.json covers {day.isoformat()}")


def _matches(
    match: dict[str, Any], kind: str, obligors: list[str], obligees: list[str], flags: frozenset[str]
) -> bool:
    if "flag" in match and match["flag"] not in flags:
        return False
    if "kind" in match and match["kind"] != kind:
        return False
    if "obligor" in match and match["obligor"] not in obligors:
        return False
    return not ("obligee" in match and match["obligee"] not in obligees)


def classify(
    law: Law, kind: str, obligors: list[str], obligees: list[str], flags: frozenset[str] = frozenset()
) -> Classification:
    """Ex officio or on request, by the first rule of the law's table that matches. `flags` are facts
    of the case the table may test (e.g. "state_compensation": see docproc.decisions._facts)."""
    for rule in law.raw["ex_officio_rules"]:
        if _matches(rule.get("match", {}), kind, obligors, obligees, flags):
            return Classification(rule["enforcement"], rule.get("point"), rule.get("verified") == "V")
    return Classification("on_request", None, False)


@lru_cache(maxsize=64)
def _public_holidays(year: int) -> frozenset[date]:
    """Vietnam's public holidays of `year` from python-holidays: Tết and Hùng Kings' day by the lunar
    calendar, the substitute and observed days the Labour Code gives."""
    import holidays as ph

    return frozenset(ph.country_holidays("VN", years=year))


def _is_holiday(day: date) -> bool:
    """A public holiday, or a one-off day off the government announces (holidays.json "dates")."""
    return day in _public_holidays(day.year) or day.isoformat() in holidays().get("dates", [])


def add_working_days(start: date, n: int) -> date:
    """The n-th working day after `start` (Saturdays, Sundays, public holidays and announced days off
    skipped)."""
    day, left = start, n
    while left > 0:
        day += timedelta(days=1)
        if day.weekday() < 5 and not _is_holiday(day):
            left -= 1
    return day


def add_years(start: date, n: int) -> date:
    """Same day n years later; 29 February becomes 28 February."""
    try:
        return start.replace(year=start.year + n)
    except ValueError:
        return start.replace(year=start.year + n, day=28)


def compute_deadline(rule: dict[str, Any], start: date | None) -> date | None:
    """Apply one deadline rule of laws.json ({amount, unit}) to its start date."""
    if start is None:
        return None
    unit, amount = rule["unit"], int(rule["amount"])
    if unit == "working_days":
        return add_working_days(start, amount)
    if unit == "days":
        return start + timedelta(days=amount)
    if unit == "years":
        return add_years(start, amount)
    raise RulesError(f"unknown deadline unit {unit!r} in laws.json")
