"""The batch manifest: every input of a batch, its content hash and where it stands.

A batch is identified by its output directory: running the same command again finds the same
`batch_runs` row and resumes it. Each input is one `batch_documents` row keyed by (run, path):

    pending ──submit──► running ──► done      (output JSON written atomically *before* the row says done)
                           │  │
                           │  └───► failed    (reason = DocprocError code, worker_died, timeout, internal_error)
                           └──────► skipped   a byte-identical copy (same sha256) of an input hashed before it

Inputs are registered by their stat (path, size, mtime_ns) without being read: an archive of 500,000
files is registered in seconds, and a re-run leaves rows of unchanged files alone (a changed size or
mtime puts a row back to pending). The sha256 is learnt when a worker loads the file (it reads it
anyway) and recorded by `claim_sha` before the document goes on to OCR: the first input hashed with
given bytes is processed, later ones are skipped as its duplicates.

A client killed at any moment leaves rows `running`; the next run puts them back to `pending`.
Because the output file is renamed into place before its row is committed as done, a kill between
the two only means that document is done once more, with the same result: nothing lost, nothing
duplicated. The tables live on their own `metadata` (the service's Alembic migrations include it);
the batch client is the only writer of its run's rows.
"""

from __future__ import annotations

import os
import socket
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import (
    BigInteger,
    Column,
    DateTime,
    Engine,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
    bindparam,
    create_engine,
    event,
    func,
    select,
    update,
)

from docproc._io import sha256_file, sha256_text

__all__ = [
    "metadata",
    "batch_runs",
    "batch_documents",
    "STATES",
    "InputFile",
    "DocOutcome",
    "Manifest",
    "sha256_file",
    "make_engine",
    "Todo",
    "HEARTBEAT_S",
]

STATES = ("pending", "running", "done", "failed", "skipped")

metadata = MetaData()

batch_runs = Table(
    "batch_runs",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("out_dir", String(1024), nullable=False, unique=True),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("updated_at", DateTime(timezone=True), nullable=False),
    Column("owner", String(255)),  # host:pid of the client driving it now (refuse a second one)
)

batch_documents = Table(
    "batch_documents",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("run_id", Integer, ForeignKey("batch_runs.id", ondelete="CASCADE"), nullable=False),
    Column("path", String(4096), nullable=False),
    Column("size", BigInteger),
    Column("mtime_ns", BigInteger),
    Column("sha256", String(64)),
    Column("state", String(16), nullable=False, default="pending"),
    Column("reason", String(64)),  # error code when failed
    Column("message", Text),
    Column("duplicate_of", Integer),
    Column("output", String(4096)),  # relative to the run's out_dir
    Column("file_kind", String(16)),
    Column("doc_kind", String(16)),
    Column("pages", Integer),
    Column("ocr_pages", Integer),
    Column("warnings", Integer),
    Column("ocr_confidence", Float),
    Column("court", String(512)),
    Column("case_number", String(255)),
    Column("case_date", String(10)),
    Column("type_code", String(16)),
    Column("parties", Integer),
    Column("obligations", Integer),
    Column("assets", Integer),
    Column("amount_vnd", BigInteger),  # sum of the obligations' amounts
    Column("attempts", Integer, nullable=False, default=0),
    Column("seconds", Float),  # worker time: load + OCR + extract
    Column("ocr_seconds", Float),
    Column("started_at", DateTime(timezone=True)),
    Column("finished_at", DateTime(timezone=True)),
    UniqueConstraint("run_id", "path", name="uq_batch_documents_run_path"),
    Index("ix_batch_documents_run_state", "run_id", "state"),
    Index("ix_batch_documents_run_sha", "run_id", "sha256"),
)


def _now() -> datetime:
    return datetime.now(UTC)


def make_engine(url: str) -> Engine:
    """An engine for the manifest. SQLite: WAL (readers never block the writer; `batch status`
    works during a run), NORMAL sync (a killed process loses no committed row), a busy timeout."""
    if url.startswith("sqlite"):
        path = url.split("///", 1)[-1]
        if path and path != ":memory:":
            Path(path).parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(url, connect_args={"timeout": 30})

        @event.listens_for(engine, "connect")
        def _pragmas(dbapi_conn: Any, _record: Any) -> None:
            cur = dbapi_conn.cursor()
            cur.execute("PRAGMA journal_mode=WAL")
            cur.execute("PRAGMA synchronous=NORMAL")
            cur.execute("PRAGMA foreign_keys=ON")
            cur.close()

        return engine
    return create_engine(url, pool_pre_ping=True)


@dataclass(frozen=True)
class InputFile:
    """One input as found on disk; `output` is the wished output name (relative), made unique later."""

    path: str
    size: int
    mtime_ns: int
    output: str


@dataclass
class DocOutcome:
    """What the client records when a document finishes (numbers only: no document content)."""

    ok: bool
    reason: str | None = None
    message: str | None = None
    file_kind: str | None = None
    doc_kind: str | None = None
    pages: int | None = None
    ocr_pages: int | None = None
    warnings: int | None = None
    ocr_confidence: float | None = None
    court: str | None = None
    case_number: str | None = None
    case_date: str | None = None
    type_code: str | None = None
    parties: int | None = None
    obligations: int | None = None
    assets: int | None = None
    amount_vnd: int | None = None
    seconds: float | None = None
    ocr_seconds: float | None = None


_OUTCOME_FIELDS = [f for f in DocOutcome.__dataclass_fields__ if f != "ok"]


@dataclass(frozen=True)
class Todo:
    id: int
    path: str
    output: str


class Manifest:
    """Reads and writes one run's rows. Not thread-safe: the batch client is its only writer."""

    def __init__(self, engine: Engine, out_dir: Path) -> None:
        self.engine = engine
        self.out_dir = str(Path(out_dir).resolve())
        metadata.create_all(engine, checkfirst=True)
        with engine.begin() as conn:
            row = conn.execute(select(batch_runs.c.id).where(batch_runs.c.out_dir == self.out_dir)).first()
            if row is None:
                now = _now()
                res = conn.execute(
                    batch_runs.insert().values(out_dir=self.out_dir, created_at=now, updated_at=now)
                )
                self.run_id = int(res.inserted_primary_key[0])
            else:
                self.run_id = int(row[0])

    @classmethod
    def open(cls, url: str, out_dir: Path) -> Manifest:
        return cls(make_engine(url), out_dir)

    @classmethod
    def find(cls, url: str, out_dir: Path) -> Manifest | None:
        """The manifest of an existing run, or None (for `batch status`: never creates one)."""
        engine = make_engine(url)
        metadata.create_all(engine, checkfirst=True)
        with engine.connect() as conn:
            found = conn.execute(
                select(batch_runs.c.id).where(batch_runs.c.out_dir == str(Path(out_dir).resolve()))
            ).first()
        return cls(engine, out_dir) if found else None

    # -- ownership: one client per run ---------------------------------------------------------
    def acquire(self) -> None:
        """Claim the run for this process; refuse if another live client holds it (a process alive
        on this host, or a client on another host that showed a heartbeat in the last minutes)."""
        me = f"{socket.gethostname()}:{os.getpid()}"
        with self.engine.begin() as conn:
            owner, seen = conn.execute(
                select(batch_runs.c.owner, batch_runs.c.updated_at).where(batch_runs.c.id == self.run_id)
            ).one()
            if owner and owner != me and _alive(owner, seen):
                raise RuntimeError(f"this batch is being run by another process ({owner})")
            conn.execute(
                update(batch_runs).where(batch_runs.c.id == self.run_id).values(owner=me, updated_at=_now())
            )

    def heartbeat(self) -> None:
        """Say the owner is still alive (a client on another host checks this before taking over)."""
        with self.engine.begin() as conn:
            conn.execute(update(batch_runs).where(batch_runs.c.id == self.run_id).values(updated_at=_now()))

    def release(self) -> None:
        with self.engine.begin() as conn:
            conn.execute(
                update(batch_runs).where(batch_runs.c.id == self.run_id).values(owner=None, updated_at=_now())
            )

    # -- registration -------------------------------------------------------------------------
    def register(self, files: Iterable[InputFile], *, chunk: int = 5000) -> int:
        """Add new inputs and reset changed ones (size or mtime differ from the row's), by their stat
        alone: nothing is read here, so a batch of 500,000 files starts in seconds. The content hash
        is learnt when a worker loads the file (`claim_sha`). Unchanged files are left as they are.
        Returns how many rows were added or reset."""
        c = batch_documents.c
        with self.engine.connect() as conn:
            known = {
                r.path: (r.id, r.size, r.mtime_ns)
                for r in conn.execute(select(c.id, c.path, c.size, c.mtime_ns).where(c.run_id == self.run_id))
            }
            outputs = set(
                conn.execute(select(c.output).where(c.run_id == self.run_id, c.output.is_not(None))).scalars()
            )
        added: list[dict[str, Any]] = []
        reset: list[dict[str, Any]] = []
        n = 0
        with self.engine.connect() as conn:

            def flush() -> None:
                if not added and not reset:
                    return
                with conn.begin():
                    if added:
                        conn.execute(batch_documents.insert(), added)
                    if reset:
                        _reset_rows(conn, [r["b_id"] for r in reset], reset)
                added.clear()
                reset.clear()

            for f in files:
                old = known.get(f.path)
                if old is None:
                    name = _unique_output(f.output, _path_tag(f.path), outputs)
                    outputs.add(name)
                    added.append(
                        {
                            "run_id": self.run_id,
                            "path": f.path,
                            "size": f.size,
                            "mtime_ns": f.mtime_ns,
                            "output": name,
                            "state": "pending",
                            "attempts": 0,
                        }
                    )
                elif old[1] != f.size or old[2] != f.mtime_ns:  # changed since registered: do it again
                    reset.append({"b_id": old[0], "b_size": f.size, "b_mtime_ns": f.mtime_ns})
                else:
                    continue
                n += 1
                if len(added) + len(reset) >= chunk:
                    flush()
            flush()
        return n

    def claim_sha(self, doc_id: int, sha256: str) -> int | None:
        """Record the content hash a worker computed for `doc_id`. If an earlier-hashed input of the
        batch has the same bytes, `doc_id` becomes a skipped duplicate of it and its id is returned
        (the caller drops the work); else None and the document goes on."""
        c = batch_documents.c
        with self.engine.begin() as conn:
            first = conn.execute(
                select(c.id)
                .where(c.run_id == self.run_id, c.sha256 == sha256, c.id != doc_id, c.state != "skipped")
                .order_by(c.id)
                .limit(1)
            ).scalar()
            values: dict[str, Any] = {"sha256": sha256}
            if first is not None:
                values.update(
                    state="skipped", reason="duplicate", message=None, duplicate_of=first, finished_at=_now()
                )
            conn.execute(update(batch_documents).where(c.id == doc_id).values(**values))
        return first

    # -- state transitions --------------------------------------------------------------------
    def reset_unfinished(self, *, retry_failed: bool = False, missing_outputs: Sequence[int] = ()) -> int:
        """Put back to pending what a previous client left running (killed), failed ones on
        request, and done ones whose output file has gone."""
        c = batch_documents.c
        states = ["running", "failed"] if retry_failed else ["running"]
        with self.engine.begin() as conn:
            n = conn.execute(
                update(batch_documents)
                .where(c.run_id == self.run_id, c.state.in_(states))
                .values(state="pending", reason=None, message=None)
            ).rowcount
            for i in range(0, len(missing_outputs), 500):
                ids = list(missing_outputs[i : i + 500])
                n += conn.execute(
                    update(batch_documents).where(c.id.in_(ids)).values(state="pending")
                ).rowcount
        return n

    def done_outputs(self) -> Iterator[tuple[int, str]]:
        c = batch_documents.c
        with self.engine.connect() as conn:
            yield from (
                (r.id, r.output)
                for r in conn.execute(
                    select(c.id, c.output).where(c.run_id == self.run_id, c.state == "done")
                )
            )

    def todo(self) -> Iterator[Todo]:
        """Pending documents in registration order, read in pages so 500k rows never sit in memory."""
        c = batch_documents.c
        last = 0
        while True:
            with self.engine.connect() as conn:
                rows = conn.execute(
                    select(c.id, c.path, c.output)
                    .where(c.run_id == self.run_id, c.state == "pending", c.id > last)
                    .order_by(c.id)
                    .limit(1000)
                ).all()
            if not rows:
                return
            for r in rows:
                yield Todo(r.id, r.path, r.output)
            last = rows[-1].id

    def mark_running(self, ids: Sequence[int]) -> None:
        if not ids:
            return
        c = batch_documents.c
        with self.engine.begin() as conn:
            conn.execute(
                update(batch_documents)
                .where(c.id.in_(list(ids)))
                .values(state="running", attempts=c.attempts + 1, started_at=_now(), finished_at=None)
            )

    def finish(self, doc_id: int, outcome: DocOutcome) -> None:
        values: dict[str, Any] = {k: getattr(outcome, k) for k in _OUTCOME_FIELDS}
        values.update(state="done" if outcome.ok else "failed", finished_at=_now())
        with self.engine.begin() as conn:
            conn.execute(update(batch_documents).where(batch_documents.c.id == doc_id).values(**values))

    # -- reading ------------------------------------------------------------------------------
    def counts(self) -> dict[str, int]:
        c = batch_documents.c
        with self.engine.connect() as conn:
            rows = conn.execute(
                select(c.state, func.count()).where(c.run_id == self.run_id).group_by(c.state)
            ).all()
        return {state: n for state, n in rows}

    def failed_by_reason(self) -> dict[str, int]:
        c = batch_documents.c
        with self.engine.connect() as conn:
            rows = conn.execute(
                select(c.reason, func.count())
                .where(c.run_id == self.run_id, c.state == "failed")
                .group_by(c.reason)
            ).all()
        return {str(reason): n for reason, n in rows}

    def totals(self) -> dict[str, float | int | None]:
        """Pages, warnings and the mean OCR confidence (over documents that had OCR) of done rows."""
        c = batch_documents.c
        with self.engine.connect() as conn:
            row = conn.execute(
                select(
                    func.coalesce(func.sum(c.pages), 0),
                    func.coalesce(func.sum(c.ocr_pages), 0),
                    func.coalesce(func.sum(c.warnings), 0),
                    func.avg(c.ocr_confidence),
                ).where(c.run_id == self.run_id, c.state == "done")
            ).one()
        return {
            "pages": int(row[0]),
            "ocr_pages": int(row[1]),
            "warnings": int(row[2]),
            "ocr_confidence": row[3],
        }

    def rows(self) -> Iterator[dict[str, Any]]:
        c = batch_documents.c
        cols = [col for col in batch_documents.columns if col.name not in ("run_id",)]
        with self.engine.connect() as conn:
            for r in conn.execute(select(*cols).where(c.run_id == self.run_id).order_by(c.id)):
                yield dict(r._mapping)

    def close(self) -> None:
        self.engine.dispose()


def _path_tag(path: str) -> str:
    """A short tag that makes an output name unique, stable for the path (nothing read)."""
    return sha256_text(path)[:12]


def _reset_rows(conn: Any, ids: Sequence[int], stats: Sequence[dict[str, Any]]) -> None:
    """Changed files back to pending with their new size and mtime, hash unknown; inputs that were
    skipped as their copies are re-examined too (the bytes they matched are gone)."""
    c = batch_documents.c
    fresh = {"sha256": None, "state": "pending", "reason": None, "message": None, "duplicate_of": None}
    conn.execute(
        update(batch_documents)
        .where(c.id == bindparam("b_id"))
        .values(size=bindparam("b_size"), mtime_ns=bindparam("b_mtime_ns"), **fresh),
        list(stats),
    )
    conn.execute(update(batch_documents).where(c.duplicate_of.in_(list(ids))).values(**fresh))


def _unique_output(wanted: str, digest: str | None, taken: set[str]) -> str:
    if wanted not in taken:
        return wanted
    stem, suffix = os.path.splitext(wanted)
    tag = (digest or "x" * 12)[:12]
    name = f"{stem}-{tag}{suffix}"
    k = 2
    while name in taken:
        name = f"{stem}-{tag}-{k}{suffix}"
        k += 1
    return name


HEARTBEAT_S = 30.0
STALE_AFTER_S = 300.0


def _alive(owner: str, seen: datetime | None) -> bool:
    host, _, pid = owner.rpartition(":")
    if host != socket.gethostname():  # cannot look at another machine's processes: go by heartbeat
        if seen is None:
            return False
        if seen.tzinfo is None:  # SQLite gives naive datetimes back
            seen = seen.replace(tzinfo=UTC)
        return (_now() - seen).total_seconds() < STALE_AFTER_S
    try:
        os.kill(int(pid), 0)
    except (ValueError, ProcessLookupError):
        return False
    except PermissionError:
        return True
    return True
