"""The issuing date read through OCR damage, by agreement between the places a judgment writes it.

A judgment gives its date in the header ("Ngày: 22-9-2021"), in its opening sentence (the last day
of the hearing, the day it is pronounced: "Trong các ngày 15 và 22 tháng 9 năm 2021, tại ...") and
in its number, whose year is the year it was issued ("27/2021/KDTM-ST"). OCR damages one of them at
a time: a letter for a digit ("I0" for 10), a digit for another ("3021"), a mark on a digit ("0ỗ").
The header's reading is kept where it is sound; a damaged digit is read as its usual confusion or
left open, and the other occurrences decide.
"""

from __future__ import annotations

import re
from datetime import date

from docproc.text.fold import fold

__all__ = ["DatePattern", "read_date_pattern", "hearing_dates", "agree"]

# Letters OCR reads for digits, on folded text (marks dropped: "Š" is read as "s").
_CONFUSIONS = str.maketrans({"o": "0", "q": "0", "i": "1", "l": "1", "|": "1", "!": "1", "¡": "1", "z": "2",
                             "s": "5", "b": "6", "g": "9"})  # fmt: skip

# Years a judgment of the courts of Viet Nam can carry (a plausibility bound, not a calendar).
_FIRST_YEAR, _LAST_YEAR = 1945, 2100
DatePattern = tuple[str, str, str]  # day, month, year: digits, "?" where a digit is unreadable


def _field(raw: str, width: int) -> tuple[str, str]:
    """A date field's digits as guessed (a letter read as the digit it is usually taken for: "I0"
    → "10") and as read for sure ("?" for every guessed or unreadable character: "?0")."""
    guess, sure = [], []
    for c in raw:
        if c.isdigit():
            guess.append(c)
            sure.append(c)
            continue
        f = fold(c).translate(_CONFUSIONS)
        guess.append(f if len(f) == 1 and f.isdigit() else "?")
        sure.append("?")
    return "".join(guess).rjust(width, "0"), "".join(sure).rjust(width, "0")


def read_date_pattern(day: str, month: str, year: str) -> tuple[DatePattern, DatePattern] | None:
    """The three fields of a damaged numeric date as guessed and as sure patterns ("0ỗ", "3",
    "2026" → ("00", "03", "2026"), ("0?", "03", "2026")); None when a field is too long to be one."""
    if len(day) > 2 or len(month) > 2 or len(year) != 4:
        return None
    fields = (_field(day, 2), _field(month, 2), _field(year, 4))
    return (fields[0][0], fields[1][0], fields[2][0]), (fields[0][1], fields[1][1], fields[2][1])


def as_iso(p: DatePattern) -> str | None:
    if any("?" in f for f in p):
        return None
    try:
        return date(int(p[2]), int(p[1]), int(p[0])).isoformat()
    except ValueError:
        return None


def _fits(p: DatePattern, iso: str) -> bool:
    y, m, d = iso.split("-")
    return all(
        a == "?" or a == b
        for pat, val in zip(p, (d, m, y), strict=True)
        for a, b in zip(pat, val, strict=True)
    )


def _one_digit_off(a: str, b: str) -> bool:
    return len(a) == len(b) and sum(x != y for x, y in zip(a, b, strict=True)) == 1


def _year_misread(year: str, number_year: str, others: list[str]) -> bool:
    """The header's year is a misreading of the number's: no other occurrence has it, and either one
    has the number's year or it is no year of a judgment at all ("3021")."""
    years = {o[:4] for o in others}
    if year in years:
        return False
    return number_year in years or not (year.isdigit() and _FIRST_YEAR <= int(year) <= _LAST_YEAR)


def agree(guess: DatePattern, sure: DatePattern, others: list[str], number_year: str | None) -> str | None:
    """The date the header reads once the other occurrences are heard:
    - a year the case number contradicts by one digit ("3021" in a judgment numbered "…/2021/…") is
      the number's, when nothing else has the header's year;
    - the one date among `others` that fits every digit read for sure ("0?" and "05") is taken;
    - else the guessed digits, when they make a date.
    None when nothing settles it."""
    if number_year and _one_digit_off(guess[2], number_year) and _year_misread(guess[2], number_year, others):
        guess, sure = (guess[0], guess[1], number_year), (sure[0], sure[1], number_year)
    fitting = {o for o in others if _fits(sure, o)}
    if len(fitting) == 1 and sure != guess:
        return fitting.pop()
    return as_iso(guess)


_DAY_MONTH = re.compile(r"(\d{1,2})\s+th[áa]ng\s+(\d{1,2})", re.IGNORECASE)
_YEAR = re.compile(r"n[ăa]m\s+(\d{4})", re.IGNORECASE)
_NUMERIC = re.compile(r"(\d{1,2})\s*[-/.]\s*(\d{1,2})\s*[-/.]\s*(\d{4})")


def hearing_dates(sentence: str) -> list[str]:
    """Every day a hearing sentence names ("Trong các ngày 15 và 22 tháng 9 năm 2021" → 15 and 22
    September 2021), in order; the days before "tháng" share its month and year."""
    out: list[str] = []
    for m in _NUMERIC.finditer(sentence):
        iso = as_iso((m.group(1).zfill(2), m.group(2).zfill(2), m.group(3)))
        if iso:
            out.append(iso)
    years = _YEAR.findall(sentence)
    pairs = list(_DAY_MONTH.finditer(sentence))
    if years and pairs:
        y = years[-1]
        last = pairs[-1]
        days = re.findall(r"\d{1,2}", sentence[: last.start(1)].split("tháng")[-1])  # "15 và 22"
        for d in [*days, last.group(1)]:
            iso = as_iso((d.zfill(2), last.group(2).zfill(2), y))
            if iso:
                out.append(iso)
    return out
