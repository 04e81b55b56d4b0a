"""The command line end to end on the samples: every JSON it writes keeps to the contract."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from docproc.validation import validate_extraction

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "samples"


def run(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "cli", *args], capture_output=True, text=True, cwd=cwd, timeout=900
    )


def test_process_text_sample_writes_valid_json(tmp_path: Path) -> None:
    res = run("process", str(SAMPLES / "settlement-c2-12.txt"), "--out", str(tmp_path))
    assert res.returncode == 0, res.stderr
    data = json.loads((tmp_path / "settlement-c2-12.json").read_text(encoding="utf-8"))
    assert validate_extraction(data) == []
    assert data["document"]["kind"] == "decision"
    assert data["case"]["number"]


@pytest.mark.ocr
@pytest.mark.slow
def test_process_all_samples(tmp_path: Path) -> None:
    res = run("process", str(SAMPLES), "--out", str(tmp_path))
    assert res.returncode == 0, res.stderr
    outputs = sorted(tmp_path.glob("*.json"))
    expected = sorted(p.name for p in (SAMPLES / "expected").glob("*.json"))
    assert [p.name for p in outputs] == expected
    for path in outputs:
        data = json.loads(path.read_text(encoding="utf-8"))
        assert validate_extraction(data) == [], path.name
        gold = json.loads((SAMPLES / "expected" / path.name).read_text(encoding="utf-8"))
        assert data["case"]["number"] == gold["case"]["number"], path.name
        assert data["case"]["date"] == gold["case"]["date"], path.name
        for pointer, ev in data["evidence"].items():
            if data["document"]["pages"]:
                assert "page" in ev, pointer
    scan = json.loads((tmp_path / "criminal-c3-03-scan.json").read_text(encoding="utf-8"))
    assert scan["document"]["text_source"] == "ocr"
    assert scan["document"]["ocr_mean_confidence"] > 0.8
    pdf = json.loads((tmp_path / "credit-c1-01.json").read_text(encoding="utf-8"))
    assert pdf["document"]["text_source"] == "text_layer"


def test_bad_file_gets_one_line_and_does_not_stop_the_run(tmp_path: Path) -> None:
    src = tmp_path / "in"
    src.mkdir()
    (src / "broken.pdf").write_bytes(b"%PDF-1.7\n1 0 obj <<>> garbage")
    shutil.copy(SAMPLES / "settlement-c2-12.txt", src / "good.txt")
    out = tmp_path / "out"
    res = run("process", str(src), "--out", str(out))
    assert res.returncode == 4  # CorruptFile
    assert (out / "good.json").exists()
    errors = [line for line in res.stderr.splitlines() if line.startswith("error")]
    assert len(errors) == 1 and "broken.pdf" in errors[0]
    assert "Traceback" not in res.stderr


def test_validate_command(tmp_path: Path) -> None:
    good = tmp_path / "good.json"
    good.write_text(
        (SAMPLES / "expected" / "credit-c1-01.json").read_text(encoding="utf-8"), encoding="utf-8"
    )
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps({"schema_version": "2"}), encoding="utf-8")
    assert run("validate", str(good)).returncode == 0
    res = run("validate", str(bad))
    assert res.returncode == 1 and "schema_version" in res.stderr


def test_text_command_prints_pages(tmp_path: Path) -> None:
    res = run("text", str(SAMPLES / "credit-c1-01.pdf"))
    assert res.returncode == 0, res.stderr
    assert "=== page 1 (text_layer) ===" in res.stdout
    assert "Tranh chấp hợp đồng tín dụng" in res.stdout
