"""kill -9 of the `docproc batch` client half-way, then the same command again: the outputs equal an
uninterrupted run's, no partial file is left, and no document is done more than once more."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

from pipelines.batch import run_batch
from pipelines.settings import BatchSettings

N_DOCS = 40


def batch_cmd(src: Path, out: Path) -> list[str]:
    return [sys.executable, "-m", "cli", "batch", str(src), "--out", str(out), "--workers", "2"]


def env_for(data: Path) -> dict[str, str]:
    env = dict(os.environ)
    env["DOCPROC_DATA_DIR"] = str(data)
    env.pop("DOCPROC_DATABASE_URL", None)
    env.pop("DOCPROC_SCHEDULER", None)
    return env


def rows(db: Path) -> dict[str, tuple[str, int, str | None]]:
    """path → (state, attempts, finished_at), read like any other reader while the batch writes."""
    with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=10) as conn:
        return {
            p: (s, a, f)
            for p, s, a, f in conn.execute("SELECT path, state, attempts, finished_at FROM batch_documents")
        }


def outputs(out: Path) -> dict[str, Any]:
    return {
        str(p.relative_to(out)): json.loads(p.read_text(encoding="utf-8"))
        for p in sorted(out.rglob("*.json"))
    }


def kill_group(proc: subprocess.Popen[bytes]) -> None:
    """Clean up what the killed client left (its worker processes), in its own process group."""
    try:
        os.killpg(proc.pid, signal.SIGKILL)
    except ProcessLookupError:
        pass


@pytest.mark.slow
def test_sigkill_half_way_then_rerun_equals_uninterrupted_run(
    tmp_path: Path, text_variants: Any, client: Any
) -> None:
    src = tmp_path / "in"
    text_variants(src, N_DOCS)
    (src / "bad.pdf").write_bytes(b"%PDF-1.7\n1 0 obj\n<<")

    # the uninterrupted reference, on the test session's cluster
    ref_out = tmp_path / "ref"
    ref = run_batch(
        [str(src)], ref_out, settings=BatchSettings(data_dir=tmp_path / "ref-data"), client=client
    )
    assert ref.counts == {"done": N_DOCS, "failed": 1}

    out, data = tmp_path / "out", tmp_path / "data"
    db = data / "docproc.sqlite3"
    proc = subprocess.Popen(
        batch_cmd(src, out),
        env=env_for(data),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        start_new_session=True,
    )
    try:
        deadline = time.monotonic() + 120
        at_kill: dict[str, tuple[str, int, str | None]] = {}
        while time.monotonic() < deadline and proc.poll() is None:
            if db.exists():
                try:
                    at_kill = rows(db)
                except sqlite3.OperationalError:  # tables not created yet
                    at_kill = {}
                if sum(s == "done" for s, _, _ in at_kill.values()) >= 5:
                    os.kill(proc.pid, signal.SIGKILL)
                    break
            time.sleep(0.005)
        proc.wait(timeout=30)
        assert proc.returncode == -signal.SIGKILL, "the batch ended before it could be killed half-way"
    finally:
        kill_group(proc)
    at_kill = rows(db)  # after the kill: what the manifest says now
    n_done = sum(s == "done" for s, _, _ in at_kill.values())
    assert 5 <= n_done < N_DOCS, n_done

    again = subprocess.run(batch_cmd(src, out), env=env_for(data), capture_output=True, timeout=300)
    assert again.returncode == 1, again.stderr.decode()
    assert b"not finished" in again.stderr and b"0 not finished" in again.stderr

    assert outputs(out) == outputs(ref_out)
    assert not [p for p in out.rglob("*") if p.name.endswith(".tmp")]
    after = rows(db)
    assert set(after) == set(at_kill)
    for path, (state, attempts, finished) in after.items():
        before_state, before_attempts, before_finished = at_kill[path]
        if before_state == "done":  # not done again
            assert (state, attempts, finished) == (before_state, before_attempts, before_finished)
        else:  # done once more at most
            assert attempts - before_attempts <= 1
        assert state == ("failed" if path.endswith("bad.pdf") else "done")
    ref_table = (ref_out / "documents.csv").read_text(encoding="utf-8-sig").splitlines()
    new_table = (out / "documents.csv").read_text(encoding="utf-8-sig").splitlines()
    assert len(ref_table) == len(new_table) == N_DOCS + 2
