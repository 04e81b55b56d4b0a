"""Generated decisions (synthetic.py) through `docproc.extract.extract`, checked against the
parameters each was written from: every enforcement field, the parties with their roles, current
addresses and ids, and the items as (kind, payers, payees, amount). Each decision type, every era of
agency and law, and the archive's variations (numbering, bullets, tables of items, amounts in
millions, periods in words, coercion measures with their purpose in one sentence) occur among the
seeds below."""

from __future__ import annotations

import importlib.util
import sys
import unicodedata
from collections import Counter
from pathlib import Path
from types import ModuleType

import pytest

from docproc.document import Document
from docproc.extract import extract
from docproc.validation import validate_extraction


def _load() -> ModuleType:
    spec = importlib.util.spec_from_file_location("enf_generated", Path(__file__).with_name("synthetic.py"))
    assert spec is not None and spec.loader is not None
    mod = importlib.util.module_from_spec(spec)
    sys.modules["enf_generated"] = mod  # dataclasses look their module up
    spec.loader.exec_module(mod)
    return mod


syn = _load()
SEEDS = range(60)


def _fold(v: object) -> object:
    """As the scorer compares: NFC, lower case, spaces; "THADS" read as the words it stands for."""
    if not isinstance(v, str):
        return v
    return " ".join(unicodedata.normalize("NFC", v).lower().replace("thads", "thi hành án dân sự").split())


def _get(enf: dict, path: str) -> object:
    cur: object = enf
    for part in path.split("."):
        cur = cur.get(part) if isinstance(cur, dict) else None
    return cur


@pytest.fixture(scope="module")
def runs() -> dict[int, tuple[object, dict]]:
    out = {}
    for seed in SEEDS:
        s = syn.make(seed)
        out[seed] = (s, extract(Document.from_text(s.text, source=f"g{seed}.txt")).to_json_dict())
    return out


def test_every_type_and_era_is_generated() -> None:
    samples = [syn.make(seed) for seed in SEEDS]
    assert {s.enforcement["decision_type"] for s in samples} == set(syn.TYPES)
    assert {s.enforcement["legal_basis_law"] for s in samples} == {"26/2008/QH12", "106/2025/QH15"}
    parents = {s.enforcement["parent_agency"] for s in samples}
    assert "Tổng cục Thi hành án dân sự" in parents and "Cục Quản lý thi hành án dân sự" in parents


@pytest.mark.parametrize("seed", SEEDS)
def test_fields(runs: dict, seed: int) -> None:
    s, data = runs[seed]
    assert validate_extraction(data) == []
    assert data["document"]["kind"] == "enforcement_decision"
    enf = data["enforcement"]
    wrong = {k: (_get(enf, k), v) for k, v in s.enforcement.items() if _fold(_get(enf, k)) != _fold(v)}
    assert wrong == {}


@pytest.mark.parametrize("seed", SEEDS)
def test_parties(runs: dict, seed: int) -> None:
    s, data = runs[seed]
    got = {_fold(p["name"]): p for p in data["parties"]}
    assert sorted(got) == sorted(_fold(p.name) for p in s.parties)
    for p in s.parties:
        g = got[_fold(p.name)]
        assert (g["role"], g["id_number"], g["birth_year"]) == (p.role, p.id_number, p.birth_year)
        assert _fold(g["address"]) == _fold(p.address)  # the current address, not the judgment's


@pytest.mark.parametrize("seed", SEEDS)
def test_items(runs: dict, seed: int) -> None:
    s, data = runs[seed]
    names = {p["id"]: _fold(p["name"]) for p in data["parties"]}

    def who(ids: list[str]) -> tuple:
        return tuple(sorted("state" if i == "STATE" else names[i] for i in ids))

    got = Counter(
        (o["kind"], who(o["obligors"]), who(o["obligees"]), o["amount_vnd"]) for o in data["obligations"]
    )
    want = Counter(
        (
            it.kind,
            tuple(sorted(_fold(n) for n in it.obligors)),
            tuple(sorted(_fold(n) for n in it.obligees)) or ("state",),
            it.amount,
        )
        for it in s.items
    )
    assert got == want
    ex = s.enforcement["decision_type"]
    if ex in ("execute_on_request", "execute_ex_officio"):  # the decision's own type on every item
        assert {o["enforcement"] for o in data["obligations"]} == {ex.split("_", 1)[1]}
