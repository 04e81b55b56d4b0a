"""`docproc batch` on an existing scheduler (as on a multi-machine cluster), and the status commands."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Any


def docproc(*args: str, data: Path) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, DOCPROC_DATA_DIR=str(data))
    env.pop("DOCPROC_SCHEDULER", None)
    env.pop("DOCPROC_DATABASE_URL", None)
    return subprocess.run(
        [sys.executable, "-m", "docproc.cli", *args], capture_output=True, text=True, env=env, timeout=300
    )


def test_batch_on_a_running_scheduler_then_status(tmp_path: Path, client: Any, text_variants: Any) -> None:
    src = tmp_path / "in"
    docs = text_variants(src, 3)
    (src / "empty.txt").write_bytes(b"")
    out, data = tmp_path / "out", tmp_path / "data"

    none = docproc("batch-status", "--out", str(out), data=data)
    assert none.returncode == 2 and "no batch" in none.stderr

    res = docproc("batch", str(src), "--out", str(out), "--scheduler", client.scheduler.address, data=data)
    assert res.returncode == 1, res.stderr  # one failed document
    assert "3 done, 1 failed" in res.stderr and "empty_document: 1" in res.stderr
    assert sorted(p.name for p in out.glob("*.json")) == sorted(f"{d.stem}.json" for d in docs)
    assert (out / "documents.csv").is_file()

    for args in (["batch", "status", "--out", str(out)], ["batch-status", "--out", str(out)]):
        st = docproc(*args, data=data)
        assert st.returncode == 1, st.stderr  # 1: the batch has failed documents
        assert "4 documents: 3 done, 1 failed" in st.stderr and "empty_document: 1" in st.stderr

    resumed = docproc("batch", "--out", str(out), "--scheduler", client.scheduler.address, data=data)
    assert resumed.returncode == 1 and "4 documents: 3 done, 1 failed" in resumed.stderr  # no SRC: resume
    assert "this run" not in resumed.stderr  # nothing was left to do

    (src / "empty.txt").write_text("not a judgment at all, but some text", encoding="utf-8")
    res = docproc("batch", str(src), "--out", str(out), "--scheduler", client.scheduler.address, data=data)
    assert "this run: 1 documents" in res.stderr, res.stderr  # the changed file, and only it


def test_missing_input_is_a_usage_error(tmp_path: Path) -> None:
    res = docproc("batch", str(tmp_path / "nope"), "--out", str(tmp_path / "out"), data=tmp_path / "data")
    assert res.returncode == 2 and "no such file" in res.stderr
