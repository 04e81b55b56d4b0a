"""Vietnamese family names: the first word of a person's full name is nearly always one of about a
hundred, so a first word OCR read one tone mark away from one of them ("Đỉnh Thị Hường", "Định Thị
Hường" for Đinh) is that surname. Every mention of a name may carry the same slip, so voting across
the document cannot see it; this prior can."""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

from docproc.text.syllables import strip_tone

__all__ = ["surnames", "fix_surname"]

_DATA = Path(__file__).parent / "data" / "surnames.json"


@lru_cache(maxsize=1)
def surnames() -> frozenset[str]:
    return frozenset(json.loads(_DATA.read_text(encoding="utf-8"))["surnames"])


@lru_cache(maxsize=1)
def _by_shape() -> dict[str, str | None]:
    """Surname by its tone-less spelling; None where two surnames share it (no way to choose)."""
    out: dict[str, str | None] = {}
    for s in surnames():
        key = strip_tone(s)
        out[key] = None if key in out and out[key] != s else s
    return out


def fix_surname(name: str) -> str:
    """`name` with its first word set to the surname it differs from only by a tone mark, when that
    word is not a surname itself. Names in capitals or with one word are left as they are."""
    words = name.split(" ")
    first = words[0] if words else ""
    if (
        len(words) < 2
        or not first[:1].isupper()
        or (first.isupper() and len(first) > 1)
        or first in surnames()
    ):
        return name
    best = _by_shape().get(strip_tone(first))
    if best is None:
        return name
    return " ".join([best, *words[1:]])
