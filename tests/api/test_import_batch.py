"""A batch's results imported into an office (api.importer, `docproc admin import-batch`): its users
list and open them with their extraction, another office's users get 404, a second import adds
nothing."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from api.importer import BatchImportError, import_batch
from api.settings import ServiceSettings
from api.storage import BlobStore
from pipelines.batch import run_batch

SHARED = Path(__file__).resolve().parents[3] / "shared"
if not SHARED.exists():
    SHARED = Path("/work/shared")
DEV_TXT = SHARED / "corpus" / "dev" / "txt"
OFFICE_A, OFFICE_B = "Chi cục THADS A", "Chi cục THADS B"


@pytest.fixture
def dask() -> Iterator[Any]:
    """A small in-process Dask cluster (threads): enough for a batch of a few text documents."""
    from distributed import Client

    with Client(processes=False, n_workers=1, threads_per_worker=1, dashboard_address=":0") as client:
        yield client


def test_imported_batch_is_open_to_its_office_alone_and_import_is_idempotent(
    api: Any, settings: ServiceSettings, tmp_path: Path, dask: Any
) -> None:
    src = tmp_path / "in"
    src.mkdir()
    for name in ("c1-01", "c1-02"):
        shutil.copy(DEV_TXT / f"{name}.txt", src / f"{name}.txt")
    shutil.copy(DEV_TXT / "c1-01.txt", src / "copy.txt")  # skipped by the batch as a duplicate
    (src / "empty.txt").write_bytes(b"")  # failed in the batch
    out = tmp_path / "out"
    summary = run_batch([str(src)], out, settings=settings, client=dask)
    assert summary.counts == {"done": 2, "skipped": 1, "failed": 1}

    env = dict(os.environ, DOCPROC_DATA_DIR=str(settings.data_dir), DOCPROC_DATABASE_URL=settings.db_url)
    cli = [sys.executable, "-m", "cli", "admin", "import-batch", str(out)]
    res = subprocess.run([*cli, "--office", OFFICE_A], capture_output=True, text=True, env=env, timeout=120)
    assert res.returncode == 0, res.stderr
    assert "imported 2 documents, 0 already in the office" in res.stderr

    listed = api.get("officer_a", "/documents").json()
    assert listed["total"] == 2
    store = BlobStore(settings.data_dir)
    for item in listed["items"]:
        name = item["filename"]
        assert name in {"c1-01.txt", "c1-02.txt"}
        assert (item["status"], item["kind"], item["version"]) == ("done", "text", 0)
        r = api.get("reviewer_a", f"/documents/{item['id']}")
        assert r.status_code == 200 and r.headers["ETag"] == '"0"'
        body = r.json()
        assert body["extraction"] == json.loads((out / f"{Path(name).stem}.json").read_text(encoding="utf-8"))
        assert body["job"]["status"] == "done" and body["job"]["stage"] == "imported from batch"
        assert store.path(item["sha256"]).read_bytes() == (src / name).read_bytes()
        layout = api.get("reviewer_a", f"/documents/{item['id']}/layout")  # what the review page reads
        assert layout.status_code == 200 and layout.json()["text"]
        assert api.get("officer_b", f"/documents/{item['id']}").status_code == 404
    assert api.get("officer_b", "/documents").json()["total"] == 0

    # again: nothing added
    sessions = api.client.app.state.sessions
    again = import_batch(out, office=OFFICE_A, settings=settings, sessions=sessions)
    assert (again.imported, again.present, again.unavailable, again.not_done) == (0, 2, 0, 2)
    res = subprocess.run([*cli, "--office", OFFICE_A], capture_output=True, text=True, env=env, timeout=120)
    assert res.returncode == 0 and "imported 0 documents, 2 already in the office" in res.stderr
    assert api.get("officer_a", "/documents").json()["total"] == 2

    # the same batch imported into another office is that office's own copy
    other = import_batch(out, office=OFFICE_B, settings=settings, sessions=sessions)
    assert other.imported == 2
    assert api.get("officer_b", "/documents").json()["total"] == 2
    assert api.get("officer_a", "/documents").json()["total"] == 2

    with pytest.raises(BatchImportError, match="no office"):
        import_batch(out, office="Chi cục không có", settings=settings, sessions=sessions)
    with pytest.raises(BatchImportError, match="no batch"):
        import_batch(tmp_path / "elsewhere", office=OFFICE_A, settings=settings, sessions=sessions)


def test_a_changed_input_is_not_imported(
    api: Any, settings: ServiceSettings, tmp_path: Path, dask: Any
) -> None:
    src = tmp_path / "in"
    src.mkdir()
    for name in ("c1-01", "c1-02"):
        shutil.copy(DEV_TXT / f"{name}.txt", src / f"{name}.txt")
    out = tmp_path / "out"
    assert run_batch([str(src)], out, settings=settings, client=dask).counts == {"done": 2}
    with open(src / "c1-02.txt", "a", encoding="utf-8") as fh:  # edited after the batch read it
        fh.write("\nthêm một dòng\n")
    report = import_batch(out, office=OFFICE_A, settings=settings, sessions=api.client.app.state.sessions)
    assert (report.imported, report.unavailable) == (1, 1)
    assert [i["filename"] for i in api.get("officer_a", "/documents").json()["items"]] == ["c1-01.txt"]
