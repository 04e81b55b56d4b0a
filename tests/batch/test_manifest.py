"""The manifest alone (SQLite in a temp dir, no cluster): registration, duplicates, resume rules."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import update

from pipelines.batch import collect_inputs
from pipelines.manifest import DocOutcome, InputFile, Manifest, batch_runs, sha256_file


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """A fresh SQLite file, or the PostgreSQL server of DOCPROC_TEST_POSTGRES_URL (each test's run
    is its own: runs are keyed by output directory, and tmp_path is new for every test)."""
    if request.param == "postgres":
        pg = os.environ.get("DOCPROC_TEST_POSTGRES_URL")
        if not pg:
            pytest.skip("DOCPROC_TEST_POSTGRES_URL not set")
        return pg
    return f"sqlite:///{tmp_path / 'db' / 'm.sqlite3'}"


def states(m: Manifest) -> dict[str, str]:
    return {Path(r["path"]).name: r["state"] for r in m.rows()}


def test_register_reads_nothing_then_hashes_claim_duplicates(tmp_path: Path, url: str) -> None:
    src = tmp_path / "in"
    (src / "a").mkdir(parents=True)
    (src / "b").mkdir()
    (src / "a" / "x.txt").write_text("một", encoding="utf-8")
    (src / "b" / "x.txt").write_text("hai", encoding="utf-8")
    (src / "x.pdf").write_text("ba", encoding="utf-8")
    (src / "same.txt").write_text("một", encoding="utf-8")  # a copy of a/x.txt
    m = Manifest.open(url, tmp_path / "out")
    assert m.register(collect_inputs([str(src)])) == 4
    rows = {r["path"]: r for r in m.rows()}
    # registered by stat alone: no hash yet, all pending
    assert {r["sha256"] for r in rows.values()} == {None}
    assert {r["state"] for r in rows.values()} == {"pending"}
    a = rows[str((src / "a" / "x.txt").resolve())]
    same = rows[str((src / "same.txt").resolve())]
    assert a["output"] == "a/x.json" and a["size"] == len("một".encode())
    # x.pdf and a file x.txt beside it would both want x.json: the second gets a unique name
    assert len({r["output"] for r in rows.values()}) == 4
    # the worker's hashes come back: the first input hashed with given bytes goes on, copies skip
    assert m.claim_sha(a["id"], sha256_file(src / "a" / "x.txt")) is None
    assert m.claim_sha(same["id"], sha256_file(src / "same.txt")) == a["id"]
    rows = {r["path"]: r for r in m.rows()}
    same = rows[str((src / "same.txt").resolve())]
    assert same["state"] == "skipped" and same["duplicate_of"] == a["id"] and same["reason"] == "duplicate"
    assert rows[a["path"]]["sha256"] == sha256_file(src / "a" / "x.txt")
    assert m.claim_sha(a["id"], sha256_file(src / "a" / "x.txt")) is None  # itself is no duplicate
    # registering again reads nothing new and changes nothing
    assert m.register(collect_inputs([str(src)])) == 0
    assert m.counts() == {"pending": 3, "skipped": 1}


def test_register_does_not_read_the_files(tmp_path: Path, url: str) -> None:
    """A FIFO named like an input would block any read forever: registering it returns at once."""
    src = tmp_path / "in"
    src.mkdir()
    (src / "a.txt").write_text("a", encoding="utf-8")
    fifo = src / "b.txt"
    os.mkfifo(fifo)
    st = fifo.stat()
    m = Manifest.open(url, tmp_path / "out")
    files = [*collect_inputs([str(src)]), InputFile(str(fifo), st.st_size, st.st_mtime_ns, "b.json")]
    assert m.register(files) == 2
    assert m.counts() == {"pending": 2}


def test_output_name_collisions_get_the_hash(tmp_path: Path, url: str) -> None:
    (tmp_path / "x.txt").write_text("1", encoding="utf-8")
    (tmp_path / "x.pdf").write_text("2", encoding="utf-8")
    m = Manifest.open(url, tmp_path / "out")
    m.register(collect_inputs([str(tmp_path / "x.txt"), str(tmp_path / "x.pdf")]))
    first, second = (r["output"] for r in m.rows())  # in registration order
    assert first == "x.json" and second.startswith("x-") and second.endswith(".json")


def test_resume_rules(tmp_path: Path, url: str) -> None:
    src = tmp_path / "in"
    src.mkdir()
    for name in "abcd":
        (src / f"{name}.txt").write_text(name * 10, encoding="utf-8")
    m = Manifest.open(url, tmp_path / "out")
    m.register(collect_inputs([str(src)]))
    todo = list(m.todo())
    assert [Path(t.path).name for t in todo] == ["a.txt", "b.txt", "c.txt", "d.txt"]
    ids = {Path(t.path).name: t.id for t in todo}
    m.mark_running(list(ids.values()))
    m.finish(ids["a.txt"], DocOutcome(ok=True, pages=2, warnings=1, ocr_confidence=0.9))
    m.finish(ids["b.txt"], DocOutcome(ok=False, reason="corrupt_file", message="cut off"))
    # c and d were running when the client died
    m2 = Manifest.open(url, tmp_path / "out")  # the next run finds the same batch
    assert m2.run_id == m.run_id
    m2.reset_unfinished()
    assert states(m2) == {"a.txt": "done", "b.txt": "failed", "c.txt": "pending", "d.txt": "pending"}
    m2.reset_unfinished(retry_failed=True, missing_outputs=[ids["a.txt"]])
    assert set(states(m2).values()) == {"pending"}
    assert {r["attempts"] for r in m2.rows()} == {1}
    assert m.failed_by_reason() == {}


def test_changed_file_is_done_again(tmp_path: Path, url: str) -> None:
    f = tmp_path / "a.txt"
    copy = tmp_path / "b.txt"
    f.write_text("old", encoding="utf-8")
    copy.write_text("old", encoding="utf-8")
    m = Manifest.open(url, tmp_path / "out")
    m.register(collect_inputs([str(f), str(copy)]))
    t, c = m.todo()
    m.mark_running([t.id, c.id])
    assert m.claim_sha(t.id, sha256_file(f)) is None
    assert m.claim_sha(c.id, sha256_file(copy)) == t.id
    m.finish(t.id, DocOutcome(ok=True))
    assert m.register(collect_inputs([str(f), str(copy)])) == 0
    f.write_text("new content", encoding="utf-8")
    os.utime(f, ns=(1, 1))
    # the changed file, and the copy that was skipped as its duplicate (the bytes it matched are gone)
    assert m.register(collect_inputs([str(f), str(copy)])) == 1
    rows = {Path(r["path"]).name: r for r in m.rows()}
    assert rows["a.txt"]["state"] == "pending" and rows["a.txt"]["sha256"] is None
    assert rows["a.txt"]["size"] == len("new content") and rows["a.txt"]["mtime_ns"] == 1
    assert rows["b.txt"]["state"] == "pending" and rows["b.txt"]["duplicate_of"] is None


def test_a_live_owner_blocks_a_second_client(tmp_path: Path, url: str) -> None:
    m = Manifest.open(url, tmp_path / "out")
    m.acquire()
    other = subprocess.run(
        [
            sys.executable,
            "-c",
            "import sys; from pathlib import Path; from pipelines.manifest import Manifest;"
            "Manifest.open(sys.argv[1], Path(sys.argv[2])).acquire()",
            url,
            str(tmp_path / "out"),
        ],
        capture_output=True,
        text=True,
    )
    assert other.returncode != 0 and "being run by another process" in other.stderr
    m.release()
    m.acquire()  # a dead owner (a killed client) does not block


def test_an_owner_on_another_host_blocks_until_its_heartbeat_is_stale(tmp_path: Path, url: str) -> None:
    m = Manifest.open(url, tmp_path / "out")

    def set_owner(seconds_ago: float) -> None:
        seen = datetime.now(UTC) - timedelta(seconds=seconds_ago)
        with m.engine.begin() as conn:
            conn.execute(
                update(batch_runs)
                .where(batch_runs.c.id == m.run_id)
                .values(owner="elsewhere:1", updated_at=seen)
            )

    set_owner(10)
    with pytest.raises(RuntimeError, match="another process"):
        m.acquire()
    set_owner(3600)
    m.acquire()


def test_collect_inputs_globs_and_list_files(tmp_path: Path) -> None:
    (tmp_path / "d").mkdir()
    for name in ("a.pdf", "b.txt", "c.docx", "notes.md", ".hidden.pdf"):
        (tmp_path / "d" / name).write_text("x", encoding="utf-8")
    assert sorted(Path(f.path).name for f in collect_inputs([str(tmp_path / "d")])) == [
        "a.pdf",
        "b.txt",
        "c.docx",
    ]
    assert [Path(f.path).name for f in collect_inputs([str(tmp_path / "d" / "*.pdf")])] == ["a.pdf"]
    listing = tmp_path / "list.txt"
    listing.write_text("# inputs\nd/b.txt\n\nd/c.docx\nd/b.txt\n", encoding="utf-8")
    assert [Path(f.path).name for f in collect_inputs([f"@{listing}"])] == ["b.txt", "c.docx"]
    with pytest.raises(FileNotFoundError):
        collect_inputs([str(tmp_path / "missing.pdf")])
