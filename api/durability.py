"""What the service keeps on power loss, and who may read it.

Promise: an upload or a correction the service has answered with success is on disk. The blob is
fsynced (file and directory) before its row is committed; SQLite commits with synchronous=FULL in WAL
mode (api.db); a PostgreSQL server must run with fsync and synchronous_commit on (a warning at start
says when it does not). Work not yet acknowledged (an upload cut off, a job running) is either
finished again (jobs are leased and retried) or cleaned away at the next start (`sweep_orphans`).

The data directory is 0700 and the SQLite file (with its -wal and -shm, which SQLite creates with the
database file's mode) 0600, so judgments, drafts and caches are not readable by other local users."""

from __future__ import annotations

import fcntl
import logging
import os
import shutil
import time
from pathlib import Path

from sqlalchemy import Engine

from docproc._io import fsync_dir, fsync_file

__all__ = [
    "private_data_dir",
    "private_sqlite_file",
    "sweep_orphans",
    "check_durability",
    "fsync_file",
    "fsync_dir",
    "ORPHAN_AGE_S",
]

log = logging.getLogger("api.durability")
ORPHAN_AGE_S = 60.0  # an unlocked temp file untouched this long belongs to no live request


def _chmod(path: Path, mode: int) -> None:
    try:
        os.chmod(path, mode)
    except PermissionError:  # not ours (a shared mount): say so, do not fail
        log.warning("cannot restrict the permissions of a data path")


def private_data_dir(path: Path) -> None:
    """Create the data directory readable by the service's user only (and restrict an existing one)."""
    path.mkdir(parents=True, exist_ok=True, mode=0o700)
    _chmod(path, 0o700)


def private_sqlite_file(url: str) -> None:
    """For a SQLite URL: create the database file 0600 before SQLite does (its -wal and -shm files
    then get the same mode), or restrict an existing one."""
    if not url.startswith("sqlite:///") or ":memory:" in url:
        return
    path = Path(url.removeprefix("sqlite:///").split("?", 1)[0])
    if not path.name:
        return
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    if not path.exists():
        os.close(os.open(path, os.O_CREAT | os.O_WRONLY, 0o600))
    for p in (path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")):
        if p.exists():
            _chmod(p, 0o600)


def _in_use(path: Path) -> bool:
    """True while a live process holds the file's lock (BlobStore.temp_file takes it)."""
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:
        return True
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        return True
    finally:
        os.close(fd)  # closing releases the lock we may have taken
    return False


def _stale(path: Path, now: float, min_age: float) -> bool:
    try:
        return now - path.stat().st_mtime >= min_age
    except OSError:
        return False


def sweep_orphans(store, min_age: float = ORPHAN_AGE_S) -> int:  # type: ignore[no-untyped-def]
    """Remove what crashed requests left: partial uploads in tmp/ (not locked by a live writer, not
    written to for `min_age` seconds), half-written cache files (*.tmp) and draft folders. Returns
    how many were removed."""
    now = time.time()
    removed = 0
    for p in store.tmp.iterdir():
        if p.is_file() and _stale(p, now, min_age) and not _in_use(p):
            p.unlink(missing_ok=True)
            removed += 1
    for cache in ("pages", "layout"):
        for p in (store.root / cache).rglob("*.tmp"):
            if _stale(p, now, min_age):
                p.unlink(missing_ok=True)
                removed += 1
    for p in (store.root / "drafts").glob("*/.*"):
        if p.is_dir() and _stale(p, now, min_age):
            shutil.rmtree(p, ignore_errors=True)
            removed += 1
    if removed:
        log.info("removed %d orphaned temporary files", removed)
    return removed


def check_durability(engine: Engine) -> list[str]:
    """The database settings that break the promise above (logged as a warning); [] when none."""
    bad: list[str] = []
    with engine.connect() as conn:
        if conn.dialect.name == "sqlite":
            if conn.exec_driver_sql("PRAGMA synchronous").scalar() != 2:
                bad.append("synchronous")
        elif conn.dialect.name == "postgresql":
            for name in ("fsync", "synchronous_commit", "full_page_writes"):
                if conn.exec_driver_sql(f"SHOW {name}").scalar() == "off":
                    bad.append(name)
    for name in bad:
        log.warning("the database runs with %s off: a power loss can lose acknowledged writes", name)
    return bad
