"""Batch digitisation of an archive on Dask distributed: resumable, one machine or many.

    summary = run_batch(["archive/", "more/*.pdf", "@list.txt"], Path("out"), workers=2)

The client (this process) registers every input in the manifest (path, sha256, state), then keeps a
bounded window of documents in flight on the cluster: a LocalCluster of worker processes (one
thread each: Tesseract is fastest that way) or an existing scheduler (`scheduler=` or
DOCPROC_SCHEDULER), whose workers must see the input paths. Scanned pages are separate tasks,
so the pages of one document spread over workers. Each finished extraction comes back to the client,
which writes `out/NAME.json` atomically and only then marks the document done; at the end it writes
`out/documents.csv`, one row per input, for statistics.

Running the same command again resumes (the output directory names the batch): done documents are
skipped, documents left running by a killed client are redone, failed ones are retried only with
`retry_failed`. Workers that die are replaced by their nanny and their tasks rescheduled; a task
that kills workers repeatedly fails its document as `worker_died`, and the batch goes on.
"""

from __future__ import annotations

import csv
import glob
import io
import json
import logging
import os
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from docproc.config import Settings, get_settings
from pipelines._io import remove_stale_temps, write_atomic
from pipelines.batch_tasks import Failed, Finished, Prepared, finish, ocr_page, prepare
from pipelines.manifest import HEARTBEAT_S, DocOutcome, InputFile, Manifest, Todo

__all__ = [
    "INPUT_SUFFIXES",
    "BatchSummary",
    "collect_inputs",
    "open_client",
    "run_batch",
    "batch_status",
    "write_table",
    "TABLE_NAME",
]

log = logging.getLogger("docproc.batch")

INPUT_SUFFIXES = {".pdf", ".tif", ".tiff", ".png", ".jpg", ".jpeg", ".txt", ".docx"}
TABLE_NAME = "documents.csv"
TABLE_COLUMNS = [
    "id",
    "path",
    "output",
    "state",
    "reason",
    "message",
    "duplicate_of",
    "sha256",
    "size",
    "file_kind",
    "doc_kind",
    "pages",
    "ocr_pages",
    "warnings",
    "ocr_confidence",
    "court",
    "case_number",
    "case_date",
    "type_code",
    "parties",
    "obligations",
    "assets",
    "amount_vnd",
    "attempts",
    "seconds",
    "ocr_seconds",
    "started_at",
    "finished_at",
]


# -- inputs --------------------------------------------------------------------------------------
def collect_inputs(sources: Sequence[str]) -> list[InputFile]:
    """Expand directories (recursively, known suffixes), globs and `@list` files (one path a line)
    into input files, in a stable order. Output names mirror the path under a directory argument."""
    found: dict[str, InputFile] = {}

    def add(path: Path, rel: Path) -> None:
        try:
            st = path.stat()
        except OSError:
            return
        key = str(path.resolve())
        if key not in found:
            found[key] = InputFile(key, st.st_size, st.st_mtime_ns, str(rel.with_suffix(".json")))

    def add_any(item: str, base: Path | None = None) -> None:
        p = Path(item) if base is None or os.path.isabs(item) else base / item
        if p.is_dir():
            for f in sorted(p.rglob("*")):
                if f.is_file() and f.suffix.lower() in INPUT_SUFFIXES and not f.name.startswith("."):
                    add(f, f.relative_to(p))
        elif p.is_file():
            add(p, Path(p.name))
        elif glob.has_magic(str(p)):
            for m in sorted(glob.glob(str(p), recursive=True)):
                if Path(m).is_file():
                    add(Path(m), Path(Path(m).name))
        else:
            raise FileNotFoundError(f"no such file, directory or match: {item}")

    for src in sources:
        if src.startswith("@"):
            listing = Path(src[1:])
            for line in listing.read_text(encoding="utf-8").splitlines():
                line = line.strip()
                if line and not line.startswith("#"):
                    add_any(line, listing.parent)
        else:
            add_any(src)
    return list(found.values())


# -- the cluster ---------------------------------------------------------------------------------
@contextmanager
def open_client(
    *, workers: int | None = None, scheduler: str | None = None, settings: Settings | None = None
) -> Iterator[Any]:
    """A Dask client: on `scheduler` (or settings.scheduler) if given, else on a LocalCluster of
    `workers` processes (default: one per core), one thread each, memory shared out evenly. Every
    worker, and any that joins later, is warmed up (pipeline and OCR model loaded) before work."""
    from distributed import Client, LocalCluster

    from pipelines.batch_plugin import WarmUp

    settings = settings or get_settings()
    address = scheduler or settings.scheduler
    if address:
        with Client(address) as client:
            client.register_plugin(WarmUp(settings))
            yield client
        return
    import psutil

    n = workers or settings.ocr_workers or (os.cpu_count() or 1)
    memory_limit = int(psutil.virtual_memory().total * 0.8 / n)
    with (
        LocalCluster(
            n_workers=n,
            threads_per_worker=1,
            processes=True,
            memory_limit=memory_limit,
            dashboard_address=":0",  # a free port: never collide with another cluster
            worker_dashboard_address=None,
            silence_logs=logging.ERROR,
        ) as cluster,
        Client(cluster) as client,
    ):
        client.register_plugin(WarmUp(settings))
        yield client


# -- the run -------------------------------------------------------------------------------------
@dataclass
class BatchSummary:
    out: Path
    counts: dict[str, int]
    failed_by_reason: dict[str, int]
    pages: int = 0
    ocr_pages: int = 0
    warnings: int = 0
    ocr_confidence: float | None = None
    elapsed_s: float = 0.0
    processed: int = 0  # documents finished (done or failed) in this run
    processed_pages: int = 0
    registered: int = 0  # inputs added or changed in this run
    events: list[str] = field(default_factory=list)

    @property
    def total(self) -> int:
        return sum(self.counts.values())

    @property
    def complete(self) -> bool:
        return not self.counts.get("pending") and not self.counts.get("running")

    def lines(self) -> list[str]:
        c = self.counts
        out = [
            f"{self.total} documents: {c.get('done', 0)} done, {c.get('failed', 0)} failed, "
            f"{c.get('skipped', 0)} skipped as duplicates, "
            f"{c.get('pending', 0) + c.get('running', 0)} not finished"
        ]
        for reason, n in sorted(self.failed_by_reason.items(), key=lambda kv: -kv[1]):
            out.append(f"  failed, {reason}: {n}")
        conf = f"{self.ocr_confidence:.2f}" if self.ocr_confidence is not None else "n/a"
        out.append(
            f"{self.pages} pages ({self.ocr_pages} OCRed), {self.warnings} warnings, mean OCR confidence {conf}"
        )
        if self.elapsed_s and self.processed:
            minutes = self.elapsed_s / 60
            out.append(
                f"this run: {self.processed} documents in {self.elapsed_s:.1f} s "
                f"({self.processed / minutes:.1f} documents/min, {self.processed_pages / minutes:.1f} pages/min)"
            )
        out.append(f"outputs in {self.out}, table {self.out / TABLE_NAME}")
        return out


def batch_status(out: Path, *, settings: Settings | None = None) -> BatchSummary | None:
    """The state of the batch writing to `out`, from the manifest (None if there is none)."""
    settings = settings or get_settings()
    manifest = Manifest.find(settings.db_url, out)
    if manifest is None:
        return None
    try:
        return _summary(manifest, Path(out))
    finally:
        manifest.close()


OnEvent = Callable[[str, dict[str, Any]], None]


def run_batch(
    sources: Sequence[str],
    out: Path,
    *,
    workers: int | None = None,
    scheduler: str | None = None,
    retry_failed: bool = False,
    settings: Settings | None = None,
    client: Any = None,
    progress: bool = False,
    on_event: OnEvent | None = None,
) -> BatchSummary:
    """Register `sources`, run what is not done yet on the cluster, write the table; see the module
    docstring. `client` reuses an existing Dask client; `on_event(kind, info)` is called in this
    thread as documents finish (kind "done" or "failed"), for tests and tools."""
    settings = settings or get_settings()
    out = Path(out)
    files = collect_inputs(sources)
    out.mkdir(parents=True, exist_ok=True)
    manifest = Manifest.open(settings.db_url, out)
    try:
        manifest.acquire()
    except BaseException:
        manifest.close()
        raise
    try:
        stale = remove_stale_temps(out)
        if stale:
            log.info("removed %d partial output files left by a killed run", stale)
        registered = manifest.register(files)
        missing = [i for i, name in manifest.done_outputs() if not (out / name).is_file()]
        manifest.reset_unfinished(retry_failed=retry_failed, missing_outputs=missing)
        t0 = time.perf_counter()
        stats = _RunStats()
        todo_count = manifest.counts().get("pending", 0)
        if todo_count:
            if client is not None:
                _drive(client, manifest, out, settings, stats, todo_count, progress, on_event)
            else:
                with open_client(workers=workers, scheduler=scheduler, settings=settings) as cl:
                    _drive(cl, manifest, out, settings, stats, todo_count, progress, on_event)
        write_table(manifest, out)
        summary = _summary(manifest, out)
        summary.elapsed_s = time.perf_counter() - t0
        summary.processed, summary.processed_pages = stats.docs, stats.pages
        summary.registered = registered
        return summary
    finally:
        try:
            manifest.release()
        finally:
            manifest.close()


@dataclass
class _RunStats:
    docs: int = 0
    pages: int = 0
    failed: int = 0


@dataclass
class _InFlight:
    todo: Todo
    seq: int
    stage: str  # prepare | finish


def _drive(
    client: Any,
    manifest: Manifest,
    out: Path,
    settings: Settings,
    stats: _RunStats,
    total: int,
    progress: bool,
    on_event: OnEvent | None,
) -> None:
    """Keep a window of documents in flight and record each as it finishes."""
    from distributed import as_completed

    todo = manifest.todo()
    inflight: dict[Any, _InFlight] = {}
    docs_in_flight = 0
    seq = 0
    ac = as_completed()
    t0 = time.perf_counter()
    last_beat = time.monotonic()
    window, sized_at = 4, -1e9

    def submit_more() -> None:
        nonlocal docs_in_flight, seq, window, sized_at
        if time.monotonic() - sized_at > 10:  # workers may join (or leave) a running cluster
            window = max(4, 3 * sum(client.nthreads().values()))
            sized_at = time.monotonic()
        batch: list[Todo] = []
        while docs_in_flight + len(batch) < window:
            t = next(todo, None)
            if t is None:
                break
            batch.append(t)
        if not batch:
            return
        manifest.mark_running([t.id for t in batch])
        for t in batch:
            seq += 1
            fut = client.submit(prepare, t.path, Path(t.path).name, settings, pure=False, priority=-seq)
            inflight[fut] = _InFlight(t, seq, "prepare")
            ac.add(fut)
        docs_in_flight += len(batch)

    with _progress(progress, total) as bar:
        submit_more()
        for fut in ac:
            item = inflight.pop(fut)
            result = _result(fut)
            if isinstance(result, Prepared):
                pages = [
                    client.submit(ocr_page, task, settings, pure=False, priority=-item.seq)
                    for task in result.tasks
                ]
                done = client.submit(finish, fut, *pages, pure=False, priority=-item.seq)
                inflight[done] = _InFlight(item.todo, item.seq, "finish")
                ac.add(done)
                del pages
                continue
            _record(manifest, out, item.todo, result, stats, on_event)
            docs_in_flight -= 1
            if time.monotonic() - last_beat > HEARTBEAT_S:
                manifest.heartbeat()
                last_beat = time.monotonic()
            bar(stats, time.perf_counter() - t0)
            submit_more()


def _result(fut: Any) -> Prepared | Finished | Failed:
    from distributed import KilledWorker

    try:
        return fut.result()
    except KilledWorker as exc:
        log.warning("a task killed the workers that ran it; its document is marked failed")
        return Failed(reason="worker_died", message=f"worker died running it repeatedly ({exc.last_worker})")
    except Exception as exc:  # noqa: BLE001
        from concurrent.futures import CancelledError

        if isinstance(exc, CancelledError):
            raise RuntimeError("the Dask cluster went away; run the same command again to resume") from exc
        return Failed(reason="internal_error", message=type(exc).__name__)


def _record(
    manifest: Manifest,
    out: Path,
    todo: Todo,
    result: Finished | Failed | Prepared,
    stats: _RunStats,
    on_event: OnEvent | None,
) -> None:
    """Output file first (atomically), then the manifest row: a kill between them redoes the
    document, with the same output."""
    target = out / todo.output
    if isinstance(result, Finished):
        write_atomic(target, json.dumps(result.extraction, ensure_ascii=False, indent=2) + "\n")
        manifest.finish(todo.id, _outcome(result))
        stats.docs += 1
        stats.pages += result.pages
        kind = "done"
    else:
        assert isinstance(result, Failed)
        target.unlink(missing_ok=True)  # a stale output of an earlier version of this file
        manifest.finish(
            todo.id,
            DocOutcome(ok=False, reason=result.reason, message=result.message, seconds=result.seconds),
        )
        log.info("document %d failed: %s", todo.id, result.reason)
        stats.docs += 1
        stats.failed += 1
        kind = "failed"
    if on_event is not None:
        on_event(kind, {"id": todo.id, "path": todo.path, "output": todo.output})


def _outcome(r: Finished) -> DocOutcome:
    data = r.extraction
    case = data.get("case") or {}
    amounts = [o.get("amount_vnd") for o in data.get("obligations", []) if o.get("amount_vnd") is not None]
    return DocOutcome(
        ok=True,
        file_kind=r.file_kind,
        doc_kind=(data.get("document") or {}).get("kind"),
        pages=r.pages,
        ocr_pages=r.ocr_pages,
        warnings=r.warnings,
        ocr_confidence=r.ocr_confidence,
        court=case.get("court"),
        case_number=case.get("number"),
        case_date=case.get("date"),
        type_code=case.get("type_code"),
        parties=len(data.get("parties", [])),
        obligations=len(data.get("obligations", [])),
        assets=len(data.get("assets", [])),
        amount_vnd=sum(amounts) if amounts else None,
        seconds=round(r.seconds, 3),
        ocr_seconds=round(r.ocr_seconds, 3),
    )


def write_table(manifest: Manifest, out: Path) -> Path:
    """`out/documents.csv`: one row per input, UTF-8 with a BOM so spreadsheet programs read the
    Vietnamese court names right. Written atomically, rebuilt from the manifest each run."""
    buf = io.StringIO()
    buf.write("\ufeff")
    writer = csv.DictWriter(buf, fieldnames=TABLE_COLUMNS, extrasaction="ignore", lineterminator="\n")
    writer.writeheader()
    for row in manifest.rows():
        for key in ("started_at", "finished_at"):
            if row.get(key) is not None:
                row[key] = row[key].isoformat(timespec="seconds")
        if row.get("ocr_confidence") is not None:
            row["ocr_confidence"] = round(row["ocr_confidence"], 4)
        writer.writerow(row)
    path = out / TABLE_NAME
    write_atomic(path, buf.getvalue())
    return path


def _summary(manifest: Manifest, out: Path) -> BatchSummary:
    totals = manifest.totals()
    return BatchSummary(
        out=out,
        counts=manifest.counts(),
        failed_by_reason=manifest.failed_by_reason(),
        pages=int(totals["pages"] or 0),
        ocr_pages=int(totals["ocr_pages"] or 0),
        warnings=int(totals["warnings"] or 0),
        ocr_confidence=totals["ocr_confidence"],
    )


@contextmanager
def _progress(enabled: bool, total: int) -> Iterator[Callable[[_RunStats, float], None]]:
    """A rich progress bar (documents, documents and pages per minute, ETA) or a no-op."""
    if not enabled:
        yield lambda stats, elapsed: None
        return
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        TextColumn,
        TimeElapsedColumn,
        TimeRemainingColumn,
    )

    columns = (
        TextColumn("documents"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("{task.fields[rates]}"),
        TimeElapsedColumn(),
        TextColumn("ETA"),
        TimeRemainingColumn(),
    )
    with Progress(*columns, transient=False) as bar:
        task = bar.add_task("documents", total=total, rates="")

        def update(stats: _RunStats, elapsed: float) -> None:
            minutes = max(elapsed, 1e-6) / 60
            rates = f"{stats.docs / minutes:.1f} docs/min · {stats.pages / minutes:.1f} pages/min" + (
                f" · {stats.failed} failed" if stats.failed else ""
            )
            bar.update(task, completed=stats.docs, rates=rates)

        yield update
