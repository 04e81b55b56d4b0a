"""Durability and file permissions (issue 16): what an acknowledged save relies on is set, crashed
uploads leave nothing behind after a restart, and nothing the service writes is readable by others."""

from __future__ import annotations

import fcntl
import os
import stat
import time
from pathlib import Path

from api.db import make_engine
from api.durability import check_durability, sweep_orphans
from api.storage import BlobStore

ROOT = Path(__file__).resolve().parents[2]


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_database_settings_keep_acknowledged_writes(database_url: str) -> None:
    engine = make_engine(database_url)
    try:
        with engine.connect() as conn:
            if conn.dialect.name == "sqlite":
                assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
                assert conn.exec_driver_sql("PRAGMA synchronous").scalar() == 2  # FULL
            else:  # the server .ci/postgres.sh starts
                for name in ("fsync", "synchronous_commit", "full_page_writes"):
                    assert conn.exec_driver_sql(f"SHOW {name}").scalar() == "on", name
        assert check_durability(engine) == []
    finally:
        engine.dispose()


def test_ci_postgres_keeps_fsync_on() -> None:
    script = (ROOT / ".ci" / "postgres.sh").read_text()
    for setting in ("fsync=off", "synchronous_commit=off", "full_page_writes=off"):
        assert setting not in script


def test_unsafe_postgres_settings_are_reported(caplog) -> None:
    class FakeConn:
        class dialect:  # noqa: N801 - mimics SQLAlchemy's attribute
            name = "postgresql"

        def exec_driver_sql(self, sql: str):  # type: ignore[no-untyped-def]
            value = "off" if sql in ("SHOW fsync", "SHOW synchronous_commit") else "on"
            return type("R", (), {"scalar": lambda self: value})()

        def __enter__(self):  # type: ignore[no-untyped-def]
            return self

        def __exit__(self, *a: object) -> None:
            pass

    engine = type("E", (), {"connect": lambda self: FakeConn()})()
    assert check_durability(engine) == ["fsync", "synchronous_commit"]  # type: ignore[arg-type]
    assert "fsync off" in caplog.text


def _age(path: Path, seconds: float = 3600) -> None:
    t = time.time() - seconds
    os.utime(path, (t, t))


def test_orphaned_partial_uploads_are_removed_at_start(fake_api, settings, make_client) -> None:
    store = BlobStore(settings.data_dir)
    orphan = store.tmp / "upload-crashed"
    orphan.write_bytes(b"half a judgment")
    _age(orphan)
    fresh = store.tmp / "upload-just-now"
    fresh.write_bytes(b"being written")
    fd, live = store.temp_file()  # a live writer (another process's upload) holds its lock
    os.write(fd, b"in progress")
    _age(live)
    page_tmp = store.root / "pages" / "ab" / "x.png.123.tmp"
    page_tmp.parent.mkdir(parents=True)
    page_tmp.write_bytes(b"png")
    _age(page_tmp)
    draft_tmp = store.root / "drafts" / "doc1" / ".v1.abcd"
    draft_tmp.mkdir(parents=True)
    (draft_tmp / "a.docx").write_bytes(b"PK")
    _age(draft_tmp)
    try:
        restarted = make_client()  # starting the app sweeps
        assert not orphan.exists() and not page_tmp.exists() and not draft_tmp.exists()
        assert fresh.exists() and live.exists()
        assert restarted.get("/health").status_code == 200
    finally:
        os.close(fd)
    assert sweep_orphans(store, min_age=3000) == 1  # the writer is gone: its file is an orphan now
    assert not live.exists() and fresh.exists()


def test_temp_files_are_locked_while_written(tmp_path: Path) -> None:
    store = BlobStore(tmp_path / "d")
    fd, path = store.temp_file()
    other = os.open(path, os.O_RDONLY)
    try:
        try:
            fcntl.flock(other, fcntl.LOCK_EX | fcntl.LOCK_NB)
            raise AssertionError("the temp file was not locked")
        except BlockingIOError:
            pass
    finally:
        os.close(other)
        os.close(fd)
    assert _mode(path) == 0o600


def test_uploads_are_fsynced_before_they_are_acknowledged(fake_api, monkeypatch) -> None:
    import docproc._io

    synced: list[Path] = []
    monkeypatch.setattr(docproc._io, "fsync_file", lambda p: synced.append(Path(p)))
    monkeypatch.setattr(docproc._io, "fsync_dir", lambda p: synced.append(Path(p)))
    r = fake_api.upload("officer_a", "a.txt", b"some judgment text")
    assert r.status_code == 201
    blob = fake_api.client.app.state.store.path(r.json()["sha256"])  # type: ignore[attr-defined]
    assert synced[0].parent.name == "tmp"  # the file's bytes, before the rename
    assert blob.parent in synced  # the rename


def test_nothing_the_service_writes_is_readable_by_others(fake_api, settings, make_client) -> None:
    old = os.umask(0o022)  # a usual umask: the service must not rely on a stricter one
    try:
        r = fake_api.upload("officer_a", "a.txt", b"some judgment text")
        doc = fake_api.wait("officer_a", r.json()["id"])
        fake_api.get("officer_a", f"/documents/{doc['id']}/drafts")
        data = settings.data_dir
        assert _mode(data) == 0o700
        store = fake_api.client.app.state.store  # type: ignore[attr-defined]
        blob = store.path(doc["sha256"])
        assert _mode(blob) & 0o077 == 0 and _mode(blob.parent) == 0o700
        for sub in ("blobs", "tmp", "pages", "layout", "drafts"):
            assert _mode(data / sub) == 0o700, sub
        if settings.db_url.startswith("sqlite"):
            db = data / "docproc.sqlite3" if settings.database_url is None else Path(settings.db_url[10:])
            for p in (db, db.with_name(db.name + "-wal"), db.with_name(db.name + "-shm")):
                assert p.exists() and _mode(p) == 0o600, p
        # an existing data directory that others could read is closed at start
        os.chmod(data, 0o755)
        make_client()
        assert _mode(data) == 0o700
    finally:
        os.umask(old)
