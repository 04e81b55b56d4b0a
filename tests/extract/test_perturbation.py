"""The same judgment written another way gives the same extraction: honorifics by age, list
numbering, spacing, old/new tone placement, the ways an amount is written (1.250.000.000 đồng,
1,250,000,000 đồng, 1 250 000 000 đồng, 1,25 tỷ đồng, words) and a two-column header read column
by column. The variants are generated at test time (tests/extract/perturbations.py) from dev texts
of several families; what is compared is what ../shared/eval/score.py scores."""

from __future__ import annotations

import importlib.util
from functools import cache
from pathlib import Path

import pytest

from docproc.document import Document
from docproc.extract import extract

HERE = Path(__file__).resolve().parent
# One document per family: credit, family, criminal, administrative, settlement decision, and one of
# the newest (a regional court after 2025, a guarantor, instalments, a vehicle held as security).
DOCS = ("c1-01", "c2-01", "c3-03", "c3-08", "c2-12", "c4-15")


def _load(path: Path, name: str):  # noqa: ANN202  (a module)
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec is not None and spec.loader is not None
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


PERT = _load(HERE / "perturbations.py", "perturbations")


@cache
def _scorer():  # noqa: ANN202
    return _load(HERE.parents[1].parent / "shared" / "eval" / "score.py", "score")


def _scored(text: str) -> dict:
    sc = _scorer()
    ex = extract(Document.from_text(text, source="t.txt")).to_json_dict()
    out = {k: sorted(map(repr, v.elements())) for k, v in sc.facts(ex).items()}
    case = ex.get("case") or {}
    out["case"] = [sc.fold(case.get(f)) if f == "court" else case.get(f) for f in sc.CASE_FIELDS]
    return out


@cache
def _base(name: str, dev: Path) -> tuple[str, dict]:
    text = (dev / f"{name}.txt").read_text(encoding="utf-8")
    return text, _scored(text)


def test_generator_writes_amounts_the_ways_the_guideline_lists():
    t = "phải trả 1.250.000.000 đồng và 6.500.000 đồng."
    assert PERT.amounts_comma(t) == "phải trả 1,250,000,000 đồng và 6,500,000 đồng."
    assert PERT.amounts_space(t) == "phải trả 1 250 000 000 đồng và 6 500 000 đồng."
    assert PERT.amounts_scaled(t) == "phải trả 1,25 tỷ đồng và 6,5 triệu đồng."
    assert PERT.vn_words(1_250_000_000) == "một tỷ hai trăm năm mươi triệu"
    assert PERT.vn_words(1_050_000_000) == "một tỷ không trăm năm mươi triệu"
    assert PERT.vn_words(7_505_000) == "bảy triệu năm trăm linh năm nghìn"
    assert PERT.old_tones("Tòa án, hòa giải, ủy quyền, quyết") == "Toà án, hoà giải, uỷ quyền, quyết"


@pytest.mark.parametrize("name", DOCS)
def test_variants_give_the_same_extraction(name: str, dev_txt: Path) -> None:
    text, base = _base(name, dev_txt)
    changed = {}
    for pert, variant in PERT.variants(text).items():
        got = _scored(variant)
        diff = [k for k in base if base[k] != got[k]]
        if diff:
            changed[pert] = diff
    assert changed == {}
