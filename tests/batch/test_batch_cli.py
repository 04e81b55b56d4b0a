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
        [sys.executable, "-m", "cli", *args], capture_output=True, text=True, env=env, timeout=300
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


def test_batch_with_office_imports_its_documents_at_the_end(
    tmp_path: Path, client: Any, text_variants: Any
) -> None:
    from sqlalchemy import func, select

    from api import open_database
    from api.admin import create_office, create_user
    from api.models import Document
    from pipelines.settings import BatchSettings

    src = tmp_path / "in"
    text_variants(src, 2)
    out, data = tmp_path / "out", tmp_path / "data"
    args = ["batch", str(src), "--out", str(out), "--scheduler", client.scheduler.address]

    res = docproc(*args, "--office", "Chi cục THADS X", data=data)
    assert res.returncode == 2 and "no office" in res.stderr  # refused before any work
    assert not out.exists()

    db = open_database(BatchSettings(data_dir=data))
    try:
        office_id = create_office(db.sessions, "Chi cục THADS X")
        create_user(db.sessions, "can_bo_x", office="Chi cục THADS X", password="mat khau dai", role="admin")
        res = docproc(*args, "--office", "Chi cục THADS X", data=data)
        assert res.returncode == 0, res.stderr
        assert "2 done" in res.stderr and "imported 2 documents" in res.stderr
        with db.sessions() as s:
            n = s.scalar(select(func.count()).select_from(Document).where(Document.office_id == office_id))
        assert n == 2
    finally:
        db.engine.dispose()
