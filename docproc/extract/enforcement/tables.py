"""The enforcement tables (laws, decrees, decision types, signer titles) kept as data in
data/enforcement.json, and the folding their patterns are matched on.

The patterns are written lower case without diacritics, so a scan that lost its tone marks still
matches; `fold` maps text one character to one, so offsets found on the folded text are offsets
into the original.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from docproc.text.fold import fold_aligned

__all__ = ["Tables", "tables", "fold", "Rule"]


def fold(text: str) -> str:
    """Lower case without diacritics, same length as `text` ("Đình chỉ" → "dinh chi"): `fold_aligned`,
    and lower case also outside the Latin blocks."""
    return fold_aligned(text).lower()


@dataclass(frozen=True)
class Rule:
    value: str
    patterns: tuple[str, ...]
    in_force: tuple[str | None, str | None] = (None, None)

    def regex(self) -> re.Pattern[str]:
        """Each pattern with flexible spaces, not inside a longer word."""
        alts = [r"\s*".join(re.escape(w) for w in p.split(" ")) for p in self.patterns]
        alts = [
            a.replace(r"\s*", r"\s+") if " " in p else a for a, p in zip(alts, self.patterns, strict=True)
        ]
        return re.compile(r"(?<![a-z0-9])(?:" + "|".join(alts) + r")(?![a-z0-9])")


@dataclass(frozen=True)
class Tables:
    laws: tuple[Rule, ...]
    decrees: tuple[Rule, ...]
    decision_types: tuple[Rule, ...]
    execute_phrases: tuple[str, ...]
    request_phrases: tuple[str, ...]
    signer_titles: tuple[tuple[str, str], ...]


@lru_cache(maxsize=1)
def tables() -> Tables:
    raw = json.loads(
        resources.files("docproc.extract.enforcement")
        .joinpath("data/enforcement.json")
        .read_text(encoding="utf-8")
    )

    def rules(items: list[dict]) -> tuple[Rule, ...]:
        return tuple(
            Rule(i["number"], tuple(i["patterns"]), tuple(i.get("in_force") or (None, None)))  # type: ignore[arg-type]
            for i in items
        )

    return Tables(
        laws=rules(raw["laws"]),
        decrees=rules(raw["decrees"]),
        decision_types=tuple(Rule(t, tuple(p)) for t, p in raw["decision_types"]),
        execute_phrases=tuple(raw["execute_phrases"]),
        request_phrases=tuple(raw["request_phrases"]),
        signer_titles=tuple((k, v) for k, v in raw["signer_titles"]),
    )
