"""Recall against the dev gold: every amount and date the annotators extracted is found in the text.

This checks recall only (the extraction stage chooses among what is found); values come from the
gold files at run time, none is written here. Amounts in digits (with their words either side) come
from the shared finder, amounts written in words alone from the extraction's `word_amounts`.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from docproc.extract._word_amounts import word_amounts
from docproc.text import AmountMatch, find_amounts, find_dates, find_foreign_amounts

_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def _walk(node: object, path: str = "") -> Iterator[tuple[str, object]]:
    if isinstance(node, dict):
        for k, v in node.items():
            yield from _walk(v, f"{path}/{k}")
    elif isinstance(node, list):
        for i, v in enumerate(node):
            yield from _walk(v, f"{path}/{i}")
    else:
        yield path, node


def _pairs(corpus: Path, kind: str) -> list[tuple[str, str, dict[str, object]]]:
    gold_dir = corpus / kind / "gold"
    out = []
    for g in sorted(gold_dir.glob("*.json")):
        text = (corpus / kind / "txt" / f"{g.stem}.txt").read_text(encoding="utf-8")
        out.append((g.stem, text, json.loads(g.read_text(encoding="utf-8"))))
    if not out:
        pytest.skip(f"no gold in {gold_dir}")
    return out


def _all_amounts(text: str) -> list[AmountMatch]:
    digits = find_amounts(text)
    return digits + word_amounts(text, 0, len(text), digits)


def _words(s: str) -> str:
    return " ".join(s.split()).removesuffix(" đồng").lower()


def test_gold_amounts_are_found(corpus: Path) -> None:
    missing, total = [], 0
    for name, text, gold in _pairs(corpus, "dev"):
        found = {a.value for a in _all_amounts(text)} | {int(a.amount) for a in find_foreign_amounts(text)}
        for path, value in _walk(gold):
            leaf = path.rsplit("/", 1)[-1]
            if (
                isinstance(value, int)
                and not isinstance(value, bool)
                and (leaf.endswith("_vnd") or leaf == "amount")
            ):
                total += 1
                if value not in found:
                    missing.append((name, path))
    assert total > 100
    assert missing == []


@pytest.mark.parametrize("kind", ["dev", "openings-dev"])
def test_gold_dates_are_found(corpus: Path, kind: str) -> None:
    missing, total = [], 0
    for name, text, gold in _pairs(corpus, kind):
        found = {d.value.isoformat() for d in find_dates(text)}
        for path, value in _walk(gold):
            if isinstance(value, str) and _ISO_DATE.fullmatch(value):
                total += 1
                if value not in found:
                    missing.append((name, path))
    assert total > 30
    assert missing == []


def test_gold_amount_words_are_found(corpus: Path) -> None:
    missing, total = [], 0
    for name, text, gold in _pairs(corpus, "dev"):
        found = {(a.value, _words(a.words)) for a in _all_amounts(text) if a.words}
        for k, ob in enumerate(gold.get("obligations") or []):  # type: ignore[union-attr]
            if ob.get("amount_words"):
                total += 1
                if (ob.get("amount_vnd"), _words(ob["amount_words"])) not in found:
                    missing.append((name, k))
    assert total > 30
    assert missing == []
