"""Province names, spelt as published: OCR damages a tone mark ("Bà Rịa - Vững Tàu") where a
gazetteer knows the answer. The 63 provinces before the 2025 merger and the 34 after it
(data/provinces.json, built by data/build_provinces.py)."""

from __future__ import annotations

import json
import re
from functools import lru_cache
from pathlib import Path
from typing import Any

from docproc.text.fold import fold

__all__ = ["provinces", "current_provinces", "fix_province_names"]

_DATA = Path(__file__).parent / "data" / "provinces.json"


@lru_cache(maxsize=1)
def _data() -> dict[str, Any]:
    return json.loads(_DATA.read_text(encoding="utf-8"))


@lru_cache(maxsize=1)
def provinces() -> tuple[str, ...]:
    data = _data()
    return tuple(dict.fromkeys([*data["legacy"], *data["current"]]))


@lru_cache(maxsize=1)
def current_provinces() -> tuple[str, ...]:
    """The 34 province-level units since the 2025 merger (what a regional court is named after)."""
    return tuple(_data()["current"])


@lru_cache(maxsize=1)
def _variants() -> frozenset[str]:
    return frozenset(_plain(v) for vs in _data().get("variants", {}).values() for v in vs)


def _plain(s: str) -> str:
    return re.sub(r"\s*[-–]\s*", " - ", re.sub(r"\s+", " ", s.lower())).strip()


@lru_cache(maxsize=1)
def _pattern() -> tuple[re.Pattern[str], dict[str, str]]:
    """One regex over diacritic-free lower-case text; its keys map back to the published names."""
    canon: dict[str, str] = {}
    for name in provinces():
        canon[_key(name)] = name
    alts = [
        r"\s*-\s*".join(r"\s+".join(map(re.escape, part.split())) for part in key.split(" - "))
        for key in sorted(canon, key=len, reverse=True)
    ]
    body = "|".join(alts)
    return re.compile(rf"(?<!\w)(?:{body})(?!\w)"), canon


def _key(s: str) -> str:
    return re.sub(r"\s*-\s*", " - ", re.sub(r"\s+", " ", fold(s))).strip()


_SEP = re.compile(r"(\s*[-–]\s*|\s+)")


def _respell(found: str, name: str) -> str:
    """The words of `name` (in `found`'s case) with the spaces and dashes of `found`, as printed."""
    parts, words = _SEP.split(found), [w for w in _SEP.split(name)[::2]]
    if len(parts[::2]) != len(words):
        return found
    if found.isupper():
        words = [w.upper() for w in words]
    parts[::2] = words
    return "".join(parts)


def fix_province_names(text: str) -> str:
    """`text` with each province name whose letters match a known one but whose tone or shape marks
    differ written with the marks as published (spaces and dashes stay as printed). Only capitalised words count: "bình định" (to pacify)
    is not "Bình Định"."""
    folded = fold(text)
    if len(folded) != len(text):  # not precomposed (NFC) text: offsets would not line up
        return text
    rx, canon = _pattern()
    out, last = [], 0
    for m in rx.finditer(folded):
        found = text[m.start() : m.end()]
        words = [w for w in re.split(r"[\s-]+", found) if w]
        if not all(w[0].isupper() for w in words):
            continue
        if _plain(found) in _variants():
            continue  # "Đăk Lăk": a spelling in use, printed so
        name = _respell(found, canon[_key(found)])
        if found != name:
            out += [text[last : m.start()], name]
            last = m.end()
    return "".join(out) + text[last:] if out else text
