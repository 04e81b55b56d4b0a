"""Whole documents: the extraction of each golden dev document has exactly the expected facts."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

from docproc.document import Document
from docproc.extract import extract
from docproc.validation import validate_extraction

HERE = Path(__file__).resolve().parent
SHARED = HERE.parents[2] / "shared"
GOLDEN = sorted(HERE.glob("*.json"))


def _score_module():
    spec = importlib.util.spec_from_file_location("shared_score", SHARED / "eval" / "score.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


score = _score_module()


@pytest.mark.parametrize("golden", GOLDEN, ids=[p.stem for p in GOLDEN])
def test_golden_document(golden: Path) -> None:
    expected = json.loads(golden.read_text(encoding="utf-8"))
    text = (SHARED / "corpus" / "dev" / "txt" / f"{golden.stem}.txt").read_text(encoding="utf-8")
    got = extract(Document.from_text(text, source=f"{golden.stem}.txt")).to_json_dict()
    assert validate_extraction(got) == []
    for field, (hit, _n) in score.case_hits(expected, got).items():
        assert hit, f"case.{field}: {got['case'].get(field)!r} != {expected['case'].get(field)!r}"
    want, have = score.facts(expected), score.facts(got)
    for key in want:
        assert sorted(map(repr, have[key].elements())) == sorted(map(repr, want[key].elements())), key
    # every value the reviewer sees points back into the text
    for pointer, ev in got["evidence"].items():
        s, e = ev["span"]
        assert text[s:e] == ev["text"], pointer
