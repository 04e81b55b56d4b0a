"""The watchdog: a document whose task hangs (a parser looping on a pathological file, a stuck C
library) is failed as `timeout` after its limit, the worker stuck with it is restarted, and the rest
of the batch is done. The hang is real: the task's thread sleeps and never returns."""

from __future__ import annotations

import os
import time
from pathlib import Path
from typing import Any

import pytest

import pipelines.batch
from docproc.config import Settings
from pipelines.batch import run_batch
from pipelines.manifest import Manifest
from pipelines.runner import prepare
from pipelines.settings import BatchSettings


def make_hanging_tasks() -> tuple[Any, Any]:
    """`prepare`, except that it hangs on a file named hang*, and an `ocr_page` that hangs on every
    page. Local functions, so that Dask ships them by value (workers cannot import this module)."""

    def hanging_prepare(path: str, source: str, settings: Settings) -> Any:
        if Path(path).name.startswith("hang"):
            time.sleep(3600)
        return prepare(path, source, settings)

    def hanging_ocr_page(task: Any, settings: Settings) -> Any:
        time.sleep(3600)

    return hanging_prepare, hanging_ocr_page


def make_gil_holding_prepare() -> Any:
    """`prepare`, except that on a file named hang* it runs a regular expression that backtracks for
    ages inside the C regex engine, holding the GIL: the worker's event loop stops too (no heartbeat,
    its finished results cannot be fetched), as with a C library stuck without releasing it."""

    def gil_prepare(path: str, source: str, settings: Settings) -> Any:
        if Path(path).name.startswith("hang"):
            import re

            re.fullmatch(r"(a+)+$", "a" * 60 + "b")
        return prepare(path, source, settings)

    return gil_prepare


@pytest.mark.slow
def test_a_hanging_document_times_out_and_the_batch_goes_on(
    tmp_path: Path,
    client: Any,
    text_variants: Any,
    scans: dict[str, Path],
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
    failed_rows: Any,
) -> None:
    hanging_prepare, hanging_ocr_page = make_hanging_tasks()
    monkeypatch.setattr(pipelines.batch, "prepare", hanging_prepare)
    monkeypatch.setattr(pipelines.batch, "ocr_page", hanging_ocr_page)
    src = tmp_path / "in"
    docs = text_variants(src, 6)
    (src / "hang.txt").write_text("một văn bản bình thường", encoding="utf-8")
    scan = src / "scan.pdf"  # its page goes to OCR, which hangs
    scan.write_bytes(scans["scan"].read_bytes())
    settings = BatchSettings(data_dir=tmp_path / "data", batch_doc_timeout=3, batch_page_timeout=4)
    pids_before = set(client.run(os.getpid).values())

    t0 = time.monotonic()
    summary = run_batch([str(src)], tmp_path / "out", settings=settings, client=client)
    elapsed = time.monotonic() - t0

    assert summary.counts == {"done": len(docs), "failed": 2}, failed_rows(settings.db_url, tmp_path / "out")
    assert summary.failed_by_reason == {"timeout": 2}
    assert elapsed < 90, elapsed  # not the hour the tasks would sleep
    manifest = Manifest.open(settings.db_url, tmp_path / "out")
    try:
        rows = {Path(r["path"]).name: r for r in manifest.rows()}
    finally:
        manifest.close()
    assert rows["hang.txt"]["message"] == "prepare ran for more than 3 s"
    assert rows["scan.pdf"]["message"] == "OCR of a page ran for more than 4 s"
    assert rows["hang.txt"]["seconds"] >= 3 and rows["scan.pdf"]["seconds"] >= 4
    assert not (tmp_path / "out" / "hang.json").exists()

    # the stuck workers were restarted (by their nannies, not waited for): new processes, and
    # nothing of the hung tasks runs any more
    deadline = time.monotonic() + 60
    while True:
        client.wait_for_workers(2, timeout=60)
        try:
            pids_after = set(client.run(os.getpid).values())
        except OSError:  # a killed worker the scheduler has not yet seen go
            pids_after = pids_before
        if not pids_after <= pids_before or time.monotonic() > deadline:
            break
        time.sleep(0.5)
    assert not pids_after <= pids_before, (pids_before, pids_after, caplog.text[-3000:])
    deadline = time.monotonic() + 30
    while any(client.processing().values()) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert not any(client.processing().values())


@pytest.mark.slow
def test_a_task_holding_the_gil_times_out_too(
    tmp_path: Path, client: Any, text_variants: Any, monkeypatch: pytest.MonkeyPatch, failed_rows: Any
) -> None:
    monkeypatch.setattr(pipelines.batch, "prepare", make_gil_holding_prepare())
    src = tmp_path / "in"
    docs = text_variants(src, 4)
    (src / "hang.txt").write_text("một văn bản bình thường", encoding="utf-8")
    settings = BatchSettings(data_dir=tmp_path / "data", batch_doc_timeout=3)
    t0 = time.monotonic()
    summary = run_batch([str(src)], tmp_path / "out", settings=settings, client=client)
    # the worker is silent (no heartbeat, no reply): its nanny tells which task it is stuck in
    assert time.monotonic() - t0 < 90
    assert summary.counts == {"done": len(docs), "failed": 1}, failed_rows(settings.db_url, tmp_path / "out")
    assert summary.failed_by_reason == {"timeout": 1}
    client.wait_for_workers(2, timeout=60)
