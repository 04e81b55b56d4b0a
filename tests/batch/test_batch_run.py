"""The batch runner on a real 2-worker LocalCluster: good documents done, bad ones failed with their
reasons, duplicates skipped, a rerun does nothing, a worker killed mid-run does not stop the batch."""

from __future__ import annotations

import csv
import json
import os
import signal
import time
from pathlib import Path
from typing import Any

import pytest

from docproc.validation import validate_extraction
from pipelines.batch import TABLE_NAME, batch_status, run_batch
from pipelines.manifest import Manifest
from pipelines.settings import BatchSettings


def settings_for(tmp_path: Path) -> BatchSettings:
    return BatchSettings(data_dir=tmp_path / "data")


def table(out: Path) -> dict[str, dict[str, str]]:
    with open(out / TABLE_NAME, encoding="utf-8-sig", newline="") as fh:
        return {Path(r["path"]).name: r for r in csv.DictReader(fh)}


def test_good_documents_done_bad_ones_failed_with_reasons(
    tmp_path: Path, mixed_dir: Path, client: Any
) -> None:
    settings = settings_for(tmp_path)
    out = tmp_path / "out"
    summary = run_batch([str(mixed_dir)], out, settings=settings, client=client)

    rows = table(out)
    assert set(rows) == {
        "c1-01.txt",
        "c1-02.txt",
        "c1-03.txt",
        "layer.pdf",
        "copy-of-first.txt",
        "corrupt.pdf",
        "empty.txt",
        "binary.png",
    }
    # c1-01 and its byte-identical copy: whichever a worker hashed first is read, the other skipped
    # (workers run in parallel, so which one is not fixed)
    first, copy = sorted(("c1-01.txt", "copy-of-first.txt"), key=lambda n: rows[n]["state"])
    assert (rows[first]["state"], rows[copy]["state"]) == ("done", "skipped"), (rows[first], rows[copy])
    assert rows[copy]["duplicate_of"] == rows[first]["id"]
    assert not (out / rows[copy]["output"]).exists()
    for name in ("c1-02.txt", "c1-03.txt", "layer.pdf", first):
        assert rows[name]["state"] == "done", rows[name]
        data = json.loads((out / rows[name]["output"]).read_text(encoding="utf-8"))
        assert validate_extraction(data) == []
        assert data["document"]["sha256"] == rows[name]["sha256"]
    assert rows["layer.pdf"]["output"] == "sub/layer.json"  # sub-folders mirrored in DEST
    assert rows["layer.pdf"]["file_kind"] == "pdf" and int(rows["layer.pdf"]["pages"]) == 1
    assert rows[first]["file_kind"] == "text"

    assert rows["corrupt.pdf"]["state"] == "failed" and rows["corrupt.pdf"]["reason"] == "corrupt_file"
    assert rows["empty.txt"]["state"] == "failed" and rows["empty.txt"]["reason"] == "empty_document"
    assert rows["binary.png"]["state"] == "failed"
    assert rows["binary.png"]["reason"] in {"unsupported_file", "corrupt_file"}
    for name in ("corrupt.pdf", "empty.txt", "binary.png"):
        assert rows[name]["message"], name
        assert not (out / rows[name]["output"]).exists()

    assert summary.complete
    assert summary.counts == {"done": 4, "failed": 3, "skipped": 1}
    assert sum(summary.failed_by_reason.values()) == 3
    assert summary.processed == 7
    assert not list(out.rglob("*.tmp"))

    # The same command again resumes: nothing left to do, outputs untouched.
    before = {p: p.stat().st_mtime_ns for p in out.rglob("*.json")}
    again = run_batch([str(mixed_dir)], out, settings=settings, client=client)
    assert again.processed == 0 and again.counts == summary.counts
    assert {p: p.stat().st_mtime_ns for p in out.rglob("*.json")} == before

    # --retry-failed runs the failed ones again (they fail again, for the same reasons).
    retried = run_batch([str(mixed_dir)], out, settings=settings, client=client, retry_failed=True)
    assert retried.processed == 3 and retried.counts == summary.counts
    assert int(table(out)["corrupt.pdf"]["attempts"]) == 2

    status = batch_status(out, settings=settings)
    assert status is not None and status.counts == summary.counts
    assert batch_status(tmp_path / "elsewhere", settings=settings) is None


def test_a_removed_output_is_made_again(tmp_path: Path, client: Any, text_variants: Any) -> None:
    settings = settings_for(tmp_path)
    src = tmp_path / "in"
    docs = text_variants(src, 2)
    out = tmp_path / "out"
    run_batch([str(src)], out, settings=settings, client=client)
    gone = out / f"{docs[0].stem}.json"
    kept = out / f"{docs[1].stem}.json"
    kept_mtime = kept.stat().st_mtime_ns
    gone.unlink()
    summary = run_batch([str(src)], out, settings=settings, client=client)
    assert summary.processed == 1 and gone.is_file() and kept.stat().st_mtime_ns == kept_mtime


@pytest.mark.slow
def test_a_worker_killed_mid_run_does_not_stop_the_batch(
    tmp_path: Path, client: Any, text_variants: Any
) -> None:
    settings = settings_for(tmp_path)
    src = tmp_path / "in"
    docs = text_variants(src, 24)
    out = tmp_path / "out"
    killed: list[int] = []
    events: list[str] = []

    def on_event(kind: str, info: dict[str, Any]) -> None:
        events.append(kind)
        if killed:
            return
        # kill a worker that is running a task now (SIGKILL: no chance to clean up)
        deadline = time.monotonic() + 5
        while time.monotonic() < deadline:
            busy = [addr for addr, keys in client.processing().items() if keys]
            if busy:
                pid = client.run(os.getpid, workers=[busy[0]])[busy[0]]
                os.kill(pid, signal.SIGKILL)
                killed.append(len(events))
                return
            time.sleep(0.01)

    summary = run_batch([str(src)], out, settings=settings, client=client, on_event=on_event)
    assert killed and killed[0] < len(docs), "the worker was not killed while the batch ran"
    assert summary.counts == {"done": len(docs)}
    assert len(list(out.glob("*.json"))) == len(docs)
    manifest = Manifest.open(settings.db_url, out)
    try:
        assert {r["attempts"] for r in manifest.rows()} == {1}  # the client submitted each once
    finally:
        manifest.close()
    client.wait_for_workers(2, timeout=60)  # the nanny brought a new worker up


@pytest.mark.ocr
def test_scanned_pages_are_ocred_on_the_cluster(tmp_path: Path, scans: dict[str, Path], client: Any) -> None:
    settings = settings_for(tmp_path)
    out = tmp_path / "out"
    summary = run_batch([str(scans["scan"]), str(scans["scan2"])], out, settings=settings, client=client)
    assert summary.counts == {"done": 2}, table(out)
    rows = table(out)
    one, two = rows[scans["scan"].name], rows[scans["scan2"].name]
    assert (int(one["pages"]), int(one["ocr_pages"])) == (1, 1)
    assert (int(two["pages"]), int(two["ocr_pages"])) == (2, 2)
    assert 0.5 < float(two["ocr_confidence"]) <= 1.0
    data = json.loads((out / two["output"]).read_text(encoding="utf-8"))
    assert validate_extraction(data) == []
    assert data["document"]["text_source"] == "ocr" and data["document"]["pages"] == 2
    assert summary.ocr_pages == 3 and summary.ocr_confidence is not None
