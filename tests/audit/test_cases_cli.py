"""`docproc cases` end to end on a small mixed folder (dev judgments as text, decisions as extraction
JSON and as text), and resuming: deleted outputs are redone, the rest is not, the table is the same."""

from __future__ import annotations

import csv
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from pipelines.cases import run_cases

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT.parent / "shared" / "corpus"
PAIRS = {"e01": "c1-01", "e02": "c1-02"}


def _pairs_from_tsv() -> dict[str, str]:
    lines = (CORPUS / "enforcement-dev" / "PAIRS.tsv").read_text(encoding="utf-8").splitlines()[1:]
    return {ln.split("\t")[0]: Path(ln.split("\t")[1]).stem for ln in lines}


@pytest.fixture()
def archive(tmp_path: Path) -> Path:
    if not (CORPUS / "enforcement-dev" / "gold").is_dir():
        pytest.skip("shared/corpus/enforcement-dev not present")
    src = tmp_path / "archive"
    (src / "sub").mkdir(parents=True)
    for e, c in PAIRS.items():
        shutil.copy(CORPUS / "dev" / "txt" / f"{c}.txt", src / f"{c}.txt")
        shutil.copy(CORPUS / "enforcement-dev" / "gold" / f"{e}.json", src / "sub" / f"{e}.json")
    shutil.copy(CORPUS / "dev" / "txt" / "c2-01.txt", src / "c2-01.txt")  # a judgment without a decision
    return src


def _table(out: Path) -> list[dict[str, str]]:
    with open(out / "cases.csv", encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


def test_cases_command_end_to_end(archive: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    res = subprocess.run(
        [sys.executable, "-m", "cli", "cases", str(archive), "--out", str(out)],
        capture_output=True,
        text=True,
        timeout=300,
        cwd=ROOT,
    )
    assert res.returncode == 0, res.stderr
    for name in ("c1-01", "c1-02", "c2-01", "e01", "e02"):
        assert (out / f"{name}.json").is_file()
    gold_pairs = _pairs_from_tsv()
    for e in PAIRS:
        audit = json.loads((out / f"{e}.audit.json").read_text(encoding="utf-8"))
        gold = json.loads(
            (CORPUS / "enforcement-dev" / "gold" / f"{e}.audit.json").read_text(encoding="utf-8")
        )
        assert audit["judgment"] == gold_pairs[e]
        assert sorted((d["kind"], d["obligation"]) for d in audit["discrepancies"]) == sorted(
            (d["kind"], d["obligation"]) for d in gold["discrepancies"]
        )
    assert not (out / "c1-01.audit.json").exists()  # judgments get no audit
    rows = _table(out)
    assert {r["judgment"] for r in rows} == {"c1-01", "c1-02", "c2-01"}
    by = {r["judgment"]: r for r in rows}
    assert by["c2-01"]["status"] == "no_decision" and by["c1-01"]["n_decisions"] == "1"
    assert int(by["c1-01"]["amount_covered_vnd"]) <= int(by["c1-01"]["amount_ordered_vnd"])
    parquet = pq.read_table(out / "cases.parquet").to_pylist()
    assert [r["case_id"] for r in parquet] == [r["case_id"] for r in rows]
    stats = json.loads((out / "cases_stats.json").read_text(encoding="utf-8"))
    assert stats["cases"] == 3 and stats["decisions"] == 2
    assert "Ngân hàng" not in res.stderr  # no personal data in what the command prints


def test_resume_redoes_only_what_is_missing_and_gives_the_same_table(archive: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    first = run_cases([archive], out)
    assert first.processed == 5 and not first.failed
    table = _table(out)
    parquet = pq.read_table(out / "cases.parquet").to_pylist()
    kept = out / "c1-02.json"
    mtime = kept.stat().st_mtime_ns
    # as if killed part-way: one extraction, one audit and the table are gone
    for name in ("c1-01.json", "e02.audit.json", "cases.csv", "cases.parquet", "cases_stats.json"):
        (out / name).unlink()
    again = run_cases([archive], out)
    assert again.processed == 1 and again.skipped == 4
    assert kept.stat().st_mtime_ns == mtime  # not redone
    assert _table(out) == table
    assert pq.read_table(out / "cases.parquet").to_pylist() == parquet
    assert (out / "e02.audit.json").is_file()


def test_changed_input_is_redone(archive: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    run_cases([archive], out)
    text = (archive / "c2-01.txt").read_text(encoding="utf-8")
    (archive / "c2-01.txt").write_text(text + "\n", encoding="utf-8")
    os.utime(archive / "c2-01.txt")
    again = run_cases([archive], out)
    assert again.processed == 1 and again.skipped == 4
