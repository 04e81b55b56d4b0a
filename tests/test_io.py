"""docproc._io: atomic writes with short temp names, output names that fit, names safe to print, file
hashes read in bounded blocks."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

import pytest

import docproc._io as io_mod
from docproc._io import (
    BLOCK,
    OverLimit,
    fit_name,
    printable,
    put_in_place,
    remove_stale_temps,
    sha256_file,
    sha256_text,
    write_atomic,
    write_with,
)
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


def test_an_atomic_write_is_fsynced_before_the_rename_and_its_directory_after(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    events: list[tuple[str, Path]] = []
    real_replace = os.replace

    def replace(a: Path, b: Path) -> None:
        events.append(("rename", Path(b)))
        real_replace(a, b)

    monkeypatch.setattr(io_mod, "fsync_file", lambda p: events.append(("file", Path(p))))
    monkeypatch.setattr(io_mod, "fsync_dir", lambda p: events.append(("dir", Path(p))))
    monkeypatch.setattr(io_mod.os, "replace", replace)
    write_atomic(tmp_path / "a.json", "{}", sync_dir=True)
    assert [k for k, _ in events] == ["file", "rename", "dir"] and events[2][1] == tmp_path
    assert (tmp_path / "a.json").read_text() == "{}"
    events.clear()
    src = tmp_path / "upload-1"
    src.write_bytes(b"x")
    put_in_place(src, tmp_path / "blob", sync_dirs=(tmp_path, tmp_path.parent))
    assert [k for k, _ in events] == ["file", "rename", "dir", "dir"]
    assert (tmp_path / "blob").read_bytes() == b"x" and not src.exists()


def test_a_failed_atomic_write_leaves_the_old_file(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("old")

    def broken(tmp: Path) -> None:
        tmp.write_text("half")
        raise RuntimeError("renderer died")

    with pytest.raises(RuntimeError):
        write_with(tmp_path / "a.txt", broken)
    assert [p.name for p in tmp_path.iterdir()] == ["a.txt"]
    assert (tmp_path / "a.txt").read_text() == "old"


def test_sha256_file_reads_in_blocks_and_sees_each_one(tmp_path: Path) -> None:
    data = os.urandom(2 * BLOCK + 17)
    f = tmp_path / "f.bin"
    f.write_bytes(data)
    blocks: list[bytes] = []
    assert sha256_file(f, each=blocks.append) == hashlib.sha256(data).hexdigest()
    assert [len(b) for b in blocks] == [BLOCK, BLOCK, 17] and b"".join(blocks) == data
    assert sha256_file(f, limit=len(data)) == hashlib.sha256(data).hexdigest()
    with pytest.raises(OverLimit):
        sha256_file(f, limit=BLOCK)  # a file that grew past the size checked before reading
    assert sha256_text("bản án") == hashlib.sha256("bản án".encode()).hexdigest()
    assert sha256_text("\udcff")  # an undecodable byte of a file name does not raise


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
