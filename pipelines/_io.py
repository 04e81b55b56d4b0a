"""File output shared by the CLI and the batch runner: never leave a half-written file behind."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

__all__ = ["write_atomic", "TMP_SUFFIX", "remove_stale_temps"]

TMP_SUFFIX = ".tmp"


def write_atomic(path: Path, data: str) -> None:
    """Write via a temp file in the same directory, fsync, then rename over the target, so a crash
    (even kill -9) leaves either the old file or the new one, never a partial one."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=TMP_SUFFIX)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def remove_stale_temps(directory: Path) -> int:
    """Delete temp files that a killed writer left (`.NAME.xxxx.tmp`); returns how many."""
    n = 0
    if not directory.is_dir():
        return 0
    for p in directory.rglob(f".*{TMP_SUFFIX}"):
        if p.is_file():
            p.unlink(missing_ok=True)
            n += 1
    return n
