"""The watchdog's eyes and hands without a cluster: the marker a task leaves, what a nanny reads
from the markers, and the kill. (test_batch_watchdog.py runs it all on a real cluster.)"""

from __future__ import annotations

import json
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import pytest

import pipelines.watchdog as wd


@dataclass
class FakeNanny:
    pid: int | None


@pytest.fixture(autouse=True)
def marker_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    d = tmp_path / "markers"
    monkeypatch.setattr(wd, "MARKER_DIR", d)
    return d


def dead_pid() -> int:
    p = subprocess.Popen([sys.executable, "-c", "pass"])
    p.wait()
    return p.pid


def test_outside_a_worker_a_task_just_runs_and_leaves_no_marker(marker_dir: Path) -> None:
    assert wd.watched(lambda a, b: a + b, 2, 3) == 5
    assert not marker_dir.exists()


def test_a_nanny_reads_its_own_workers_markers_and_clears_those_of_dead_processes(marker_dir: Path) -> None:
    marker_dir.mkdir()
    now = time.time()
    (marker_dir / "4242-1").write_text(json.dumps({"key": "prepare-a", "started": now - 7}))
    (marker_dir / "4242-2").write_text(json.dumps({"key": "ocr_page-b", "started": now - 1}))
    (marker_dir / "4242-3").write_text('{"key": "half-wr')  # being written: skipped, kept
    stale = marker_dir / f"{dead_pid()}-1"
    stale.write_text(json.dumps({"key": "finish-c", "started": now - 99}))
    (marker_dir / "not-a-marker").write_text("x")

    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(wd, "_alive", lambda pid: pid == 4242)
        running = wd.running_on(FakeNanny(pid=4242))

    assert set(running) == {"prepare-a", "ocr_page-b"}
    assert 7 <= running["prepare-a"] < 60 and 1 <= running["ocr_page-b"] < 60
    assert not stale.exists()
    assert (marker_dir / "4242-3").exists()
    assert wd.running_on(FakeNanny(pid=None)) == {}  # a nanny between two workers


def test_a_nanny_without_markers_reports_nothing() -> None:
    assert wd.running_on(FakeNanny(pid=12345)) == {}


def test_the_kill_stops_a_process_that_ignores_gentler_signals() -> None:
    code = "import signal, time; signal.signal(signal.SIGTERM, signal.SIG_IGN); time.sleep(600)"
    p = subprocess.Popen([sys.executable, "-c", code])
    try:
        assert wd.kill_worker(FakeNanny(pid=p.pid)) == p.pid
        assert p.wait(timeout=10) != 0
    finally:
        p.kill()
    assert wd.kill_worker(FakeNanny(pid=None)) is None
