"""Issue 16: every hostile file through `docproc process CASE good.txt`, in a subprocess with an address
space limit (2 GiB) and a wall-clock limit: a documented exit code, one clear stderr line naming the
case, no traceback, and good.txt still written.

The cases are built at test time by make_hostile.py (a 1 GiB bomb is 1 MB on disk and built in pieces).
"""

from __future__ import annotations

import os
import resource
import subprocess
import sys
import time
from pathlib import Path

import pytest

from docproc._io import printable

from .make_hostile import CASES, build, good_text

ROOT = Path(__file__).resolve().parents[2]
MEMORY = 2 * 1024**3  # RLIMIT_AS of the run and of every process it starts
WALL = 120.0
DOCUMENTED = {0, 1, 3, 4, 5, 6, 7, 8, 9, 10}

pytestmark = pytest.mark.slow


def _limits() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY, MEMORY))


def _run(case_path: Path, good: Path, out: Path, env: dict[str, str]) -> subprocess.CompletedProcess[bytes]:
    code = "from cli import main; main()"
    cmd = [sys.executable, "-c", code, "process", str(case_path), str(good), "--out", str(out)]
    full_env = {**os.environ, "PYTHONPATH": str(ROOT), "DOCPROC_OCR_WORKERS": "2", **env}
    full_env.pop("DOCPROC_LOG_LEVEL", None)
    return subprocess.run(
        cmd, capture_output=True, timeout=WALL, env=full_env, preexec_fn=_limits, cwd=case_path.parent
    )


@pytest.mark.parametrize("name", sorted(CASES))
def test_hostile_case(name: str, tmp_path: Path) -> None:
    if name == "unreadable_file" and os.geteuid() == 0:
        pytest.skip("root reads a file without read permission")
    case_path, case = build(name, tmp_path / "case")
    good = good_text(tmp_path)
    out = tmp_path / "out"
    t0 = time.monotonic()
    proc = _run(case_path, good, out, dict(case.env))
    seconds = time.monotonic() - t0
    stderr = proc.stderr.decode("utf-8", "replace")
    assert "Traceback" not in stderr, stderr
    assert proc.returncode in DOCUMENTED, (proc.returncode, stderr)
    assert proc.returncode in case.codes, (proc.returncode, stderr)
    assert (out / "good.json").is_file(), stderr
    lines = [ln for ln in stderr.splitlines() if ln.strip()]
    summary = [ln for ln in lines if " documents written to " in ln]
    assert len(summary) == 1, stderr
    about = [ln for ln in lines if ln not in summary]
    shown = printable(case_path)
    if proc.returncode == 0:
        assert all(ln.startswith("warning ") for ln in about), stderr
        assert summary[0].startswith("2 of 2"), stderr
    else:
        assert len(about) == 1 and about[0].startswith("error "), stderr
        assert shown in about[0], (shown, stderr)
        assert summary[0].startswith("1 of 2"), stderr
    assert "\x1b" not in stderr and "\x07" not in stderr
    assert seconds < WALL
