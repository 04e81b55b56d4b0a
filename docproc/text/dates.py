"""Dates as judgments write them: "ngày 15 tháng 3 năm 2024", "15/3/2024", "22-9-2021", "15.3.2024".

A date followed by "(ÂL)" or "âm lịch" is marked lunar (and not converted). Only real calendar
days are returned (31/2 is rejected); a date followed by "/" is part of a document
number and is skipped. Years outside 1900-2100 are not dates here.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from docproc.text.normalize import nfc

__all__ = ["DateMatch", "parse_date", "find_dates"]


@dataclass(frozen=True)
class DateMatch:
    """A date at text[start:end] ("ngày 15 tháng 3 năm 2024" from "ngày"; "15/3/2024" digits only)."""

    start: int
    end: int
    value: dt.date
    lunar: bool = False  # followed by "(ÂL)" / "âm lịch": a lunar date, kept as written, not converted


# Diacritics may be lost or damaged by OCR: "ngay", "thang", "nam", "tháng" with a wrong mark.
_NGAY = r"ng[aàáảãạ]y"
_THANG = r"th[aàáảãạ]ng"
_NAM = r"n[aăắằẳẵặâấầẩẫậ]m"
_LUNAR_RE = re.compile(r"\s*\(?\s*(?:ÂL|AL|âm\s+lịch|am\s+lich)(?!\w)", re.IGNORECASE)
_WORDS_RE = re.compile(
    rf"(?:(?<!\w){_NGAY}\s*:?\s*)?(?<![\d/.\-])(?P<d>\d{{1,2}})\s+{_THANG}\s*(?P<m>\d{{1,2}})\s+{_NAM}\s*"
    rf"(?P<y>\d{{4}})(?![\d/])",
    re.IGNORECASE,
)
_NUMERIC_RE = re.compile(
    r"(?<![\w/.\-])(?P<d>\d{1,2})(?P<sep>[/.\-])(?P<m>\d{1,2})(?P=sep)(?P<y>\d{4})(?![\d/]|[.\-]\d)"
)


def _date(d: str, m: str, y: str) -> dt.date | None:
    year = int(y)
    if not 1900 <= year <= 2100:
        return None
    try:
        return dt.date(year, int(m), int(d))
    except ValueError:
        return None


def find_dates(text: str) -> list[DateMatch]:
    """Every valid date in `text`, in order of position."""
    found: list[DateMatch] = []
    for rx in (_WORDS_RE, _NUMERIC_RE):
        for m in rx.finditer(text):
            value = _date(m.group("d"), m.group("m"), m.group("y"))
            if value is not None:
                lunar = bool(_LUNAR_RE.match(text, m.end()))
                found.append(DateMatch(m.start(), m.end(), value, lunar))
    found.sort(key=lambda x: x.start)
    return found


def parse_date(s: str) -> dt.date | None:
    """The first valid date in `s` ("Ngày: 22-9-2021" → 2021-09-22), or None."""
    found = find_dates(nfc(s))
    return found[0].value if found else None
