"""docproc._io: atomic writes with short temp names, output names that fit, names safe to print."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from docproc._io import fit_name, printable, remove_stale_temps, write_atomic
from docproc.budget import Deadline
from docproc.errors import TimedOut


def test_write_atomic_to_a_255_byte_name(tmp_path: Path) -> None:
    """The temp name never repeats the target's: a 255-byte name plus a prefix was ENAMETOOLONG."""
    name = fit_name("đ" * 123 + "abcde.json")  # 256 bytes: cut to fit
    assert name.endswith(".json")
    assert len(os.fsencode(name)) <= 255
    write_atomic(tmp_path / name, "{}")
    assert (tmp_path / name).read_text() == "{}"
    assert [p.name for p in tmp_path.iterdir()] == [name]


def test_fit_name_keeps_short_names_and_separates_long_ones() -> None:
    assert fit_name("bản án.json") == "bản án.json"
    a, b = fit_name("Bản án " * 40 + "A.json"), fit_name("Bản án " * 40 + "B.json")
    assert a != b and a.endswith(".json") and b.endswith(".json")
    assert all(len(os.fsencode(n)) <= 255 for n in (a, b))
    a.encode("utf-8")  # cut on a character boundary


def test_stale_temps_are_removed(tmp_path: Path) -> None:
    (tmp_path / ".docproc-1234-abcd.tmp").write_text("partial")
    (tmp_path / "keep.json").write_text("{}")
    assert remove_stale_temps(tmp_path) == 1
    assert [p.name for p in tmp_path.iterdir()] == ["keep.json"]


@pytest.mark.parametrize(
    ("raw", "shown"),
    [
        ("\x1b[2J\x1b[Hname.pdf", "\\x1b[2J\\x1b[Hname.pdf"),
        ("a\rb\x07", "a\\x0db\\x07"),
        ("\u202eevil.pdf", "\\u202eevil.pdf"),
        ("Bản án [/] số 1.pdf", "Bản án [/] số 1.pdf"),
        (os.fsdecode(b"caf\xe9.pdf"), "caf\\xe9.pdf"),
    ],
)
def test_printable(raw: str, shown: str) -> None:
    assert printable(raw) == shown


def test_deadline() -> None:
    Deadline.after(0).check()  # no limit
    Deadline.after(100).check()
    with pytest.raises(TimedOut):
        Deadline(at=1.0, seconds=5).check()


def test_enforced_interrupts_python_code() -> None:
    """In a process of its own: pytest-timeout's SIGALRM timer here rightly makes `enforced` stand aside."""
    import subprocess
    import sys

    code = (
        "import time\nfrom docproc.budget import Deadline\nfrom docproc.errors import TimedOut\n"
        "t0 = time.monotonic()\ntry:\n    with Deadline.after(0.3).enforced():\n        while True:\n"
        "            sum(range(1000))\nexcept TimedOut:\n    print(round(time.monotonic() - t0))\n"
    )
    root = Path(__file__).resolve().parents[1]
    out = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, "PYTHONPATH": str(root)},
    )
    assert out.stdout.strip() in ("0", "1"), out.stderr
