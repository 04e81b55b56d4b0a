"""The shape of a Vietnamese court's name, from the law that organises the courts.

After "Tòa án nhân dân" comes one of (Luật Tổ chức Tòa án nhân dân 2014, as amended in 2025, and
the 2025 merger into 34 provinces):

- "tối cao" (the Supreme People's Court);
- "cấp cao tại" one of the three seats (Hà Nội, Đà Nẵng, Thành phố Hồ Chí Minh);
- "khu vực N - P", a regional court, P one of the 34 provinces (since 1 July 2025);
- "tỉnh P" / "thành phố P", a provincial court;
- "quận / huyện / thị xã / thành phố X" then the province's unit and name, a district court (before
  1 July 2025).

`court_shape` reads that grammar over a name as OCR gave it and says where the name ends (what
follows the province cannot belong to it: a heading glued on the same line) and whether it is
whole (a regional court without its province, a high court without its seat, is not).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from docproc.text.fold import fold
from docproc.text.places import current_provinces, provinces

__all__ = ["CourtShape", "court_shape", "HIGH_COURT_SEATS"]

# The three high courts sit in these cities (Luật Tổ chức TAND 2014, Điều 29; Nghị quyết 957/2015).
HIGH_COURT_SEATS = ("Hà Nội", "Đà Nẵng", "Thành phố Hồ Chí Minh")

_TOKEN = re.compile(r"[^\W_]+", re.UNICODE)
_DISTRICT_UNITS = (("quan",), ("huyen",), ("thi", "xa"), ("thanh", "pho"), ("tp",))
_PROVINCE_UNITS = (("tinh",), ("thanh", "pho"), ("tp",))
# A district's own name: at most this many words before its province's unit.
_MAX_DISTRICT_WORDS = 4


@dataclass(frozen=True)
class CourtShape:
    """`end`: offset in the name where the court's name ends; `whole`: its place is complete and
    known (province or seat found); `level`: supreme, high, regional, province, district, or ''."""

    end: int
    whole: bool
    level: str
    province_at: int = -1  # a district court: where its province's unit begins


@lru_cache(maxsize=2)
def _province_keys(current_only: bool) -> tuple[tuple[str, ...], ...]:
    names = current_provinces() if current_only else provinces()
    keys = {tuple(_TOKEN.findall(fold(n))) for n in names}
    keys |= {("ho", "chi", "minh")}
    return tuple(sorted(keys, key=len, reverse=True))


@lru_cache(maxsize=1)
def _seat_keys() -> frozenset[tuple[str, ...]]:
    return frozenset(tuple(_TOKEN.findall(fold(s.removeprefix("Thành phố ")))) for s in HIGH_COURT_SEATS)


def _match(toks: list[str], i: int, seq: tuple[str, ...]) -> bool:
    return tuple(toks[i : i + len(seq)]) == seq


def _unit(toks: list[str], i: int, units: tuple[tuple[str, ...], ...]) -> int:
    for u in units:
        if _match(toks, i, u):
            return len(u)
    return 0


def _province(toks: list[str], i: int, current_only: bool) -> int:
    """Words a province name takes at `i` ("thành phố" before Hồ Chí Minh allowed), or 0."""
    j = i + _unit(toks, i, _PROVINCE_UNITS)
    for key in _province_keys(current_only):
        if _match(toks, j, key):
            return j - i + len(key)
    return 0


def court_shape(name: str) -> CourtShape:
    """Where the court named by `name` ("TÒA ÁN NHÂN DÂN KHU VỰC 3 - CẦN THƠ Thành phần ...", or
    the part after "Tòa án nhân dân") ends and whether its place is whole."""
    spans = [(m.start(), m.end()) for m in _TOKEN.finditer(name)]
    toks = [fold(name[a:b]) for a, b in spans]
    i = 4 if toks[:4] == ["toa", "an", "nhan", "dan"] else 0

    def at(k: int, whole: bool, level: str, province_at: int = -1) -> CourtShape:
        if not whole:  # nothing says where an incomplete name ends: all of it is kept
            return CourtShape(len(name.rstrip()), False, level)
        return CourtShape(spans[k - 1][1] if k > 0 else 0, True, level, province_at)

    if _match(toks, i, ("toi", "cao")):
        return at(i + 2, True, "supreme")
    if _match(toks, i, ("cap", "cao")):
        j = i + 2 + _match(toks, i + 2, ("tai",))
        n = _province(toks, j, True)
        if n and tuple(toks[j + _unit(toks, j, _PROVINCE_UNITS) : j + n]) in _seat_keys():
            return at(j + n, True, "high")
        return at(i + 2, False, "high")
    if _match(toks, i, ("khu", "vuc")) and i + 2 < len(toks) and toks[i + 2].isdigit():
        n = _province(toks, i + 3, True)
        return at(i + 3 + n, bool(n), "regional")
    n = _province(toks, i, False)
    if n and _unit(toks, i, _PROVINCE_UNITS):
        # "thành phố Nam Định, tỉnh Nam Định": a city of a province, the province after it
        m = _province(toks, i + n, False)
        if m and _unit(toks, i + n, _PROVINCE_UNITS):
            return at(i + n + m, True, "district", spans[i + n][0])
        return at(i + n, True, "province")
    k = _unit(toks, i, _DISTRICT_UNITS)
    if k:
        for j in range(i + k + 1, min(len(toks), i + k + 1 + _MAX_DISTRICT_WORDS)):
            m = _province(toks, j, False)
            if m and _unit(toks, j, _PROVINCE_UNITS):
                return at(j + m, True, "district", spans[j][0])
    return at(0, False, "district" if k else "")


@lru_cache(maxsize=1)
def _canonical() -> dict[tuple[str, ...], str]:
    return {tuple(_TOKEN.findall(fold(n))): n for n in provinces()}


def respell_provinces(name: str) -> str:
    """A province's words that OCR split with a speck ("HÀ. NỘI", "Cần, Thơ") written as the
    province's name; the words themselves must be the province's, letter for letter."""
    spans = [(m.start(), m.end()) for m in _TOKEN.finditer(name)]
    toks = [fold(name[a:b]) for a, b in spans]
    out, last, i = [], 0, 0
    while i < len(toks):
        for key, canon in sorted(_canonical().items(), key=lambda kv: -len(kv[0])):
            if len(key) > 1 and _match(toks, i, key):
                a, b = spans[i][0], spans[i + len(key) - 1][1]
                if re.search(r"[^\w\s\-–]", name[a:b]):
                    upper = sum(c.isupper() for c in name[a:b]) * 2 > sum(c.isalpha() for c in name[a:b])
                    out += [name[last:a], canon.upper() if upper else canon]
                    last = b
                i += len(key) - 1
                break
        i += 1
    return "".join(out) + name[last:] if out else name
