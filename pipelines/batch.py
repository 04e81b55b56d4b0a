"""Batch digitisation of an archive on Dask distributed: resumable, one machine or many.

    summary = run_batch(["archive/", "more/*.pdf", "@list.txt"], Path("out"), workers=2)

The client (this process) registers every input in the manifest by its stat (path, size, mtime:
nothing is read, so 500,000 files are registered in seconds), then keeps a bounded window of
documents in flight on the cluster: a LocalCluster of worker processes (one thread each: Tesseract
is fastest that way) or an existing scheduler (`scheduler=` or DOCPROC_SCHEDULER), whose workers
must see the input paths. The worker that loads a file hashes it; the client records the sha256 and
skips a byte-identical copy of an input hashed before it, before any OCR. Scanned pages are separate
tasks, so the pages of one document spread over workers. Each finished extraction comes back to the
client, which writes the layout of its pages (words with boxes, for the service's review page) under
`out/layout/` by sha256 and `out/NAME.json`, atomically, and only then marks the document done (a
document whose pages could not all be read is done with reason `partial`, the pages named); at the end
it writes `out/documents.csv`, one row per input, for statistics. A watchdog fails (as `timeout`) a
document whose task runs past its limit (settings `batch_doc_timeout`, `batch_page_timeout`) and
has the worker stuck with it restarted by its nanny (pipelines/watchdog.py).

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
import uuid
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pipelines._io import fit_name, remove_stale_temps, write_atomic
from pipelines.layout import write_layout
from pipelines.manifest import HEARTBEAT_S, DocOutcome, InputFile, Manifest, Todo
from pipelines.runner import DocResult, Prepared, finish_task, ocr_page, prepare
from pipelines.settings import BatchSettings, get_batch_settings
from pipelines.watchdog import Watchdog, watched

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


def _json_name(rel: Path) -> str:
    """The output path of an input: its path with `.json`, the file name cut to the 255-byte limit."""
    out = rel.with_suffix(".json")
    return str(out.with_name(fit_name(out.name)))


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
            found[key] = InputFile(key, st.st_size, st.st_mtime_ns, _json_name(rel))

    def add_tree(top: Path) -> None:
        """One scandir per directory and one stat per file (no per-file `resolve`, which costs a
        syscall per path component): what makes listing 500,000 files take seconds, not minutes.
        Symbolic links to directories are not followed (as `rglob`); links to files are resolved."""
        root = str(top.resolve())
        entries: list[tuple[tuple[str, ...], os.DirEntry[str]]] = []
        stack: list[tuple[str, tuple[str, ...]]] = [(root, ())]
        while stack:
            folder, parts = stack.pop()
            try:
                with os.scandir(folder) as it:
                    for e in it:
                        try:
                            if e.is_dir(follow_symlinks=False):
                                stack.append((e.path, (*parts, e.name)))
                            elif (
                                not e.name.startswith(".")
                                and os.path.splitext(e.name)[1].lower() in INPUT_SUFFIXES
                                and e.is_file()
                            ):
                                entries.append(((*parts, e.name), e))
                        except OSError:
                            continue
            except OSError:
                continue
        entries.sort(key=lambda pe: pe[0])  # the order of sorted(rglob): by path components
        for parts, e in entries:
            try:
                st = e.stat()
            except OSError:
                continue
            key = os.path.realpath(e.path) if e.is_symlink() else e.path
            if key not in found:
                found[key] = InputFile(key, st.st_size, st.st_mtime_ns, _json_name(Path(*parts)))

    def add_any(item: str, base: Path | None = None) -> None:
        p = Path(item) if base is None or os.path.isabs(item) else base / item
        if p.is_dir():
            add_tree(p)
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
    *, workers: int | None = None, scheduler: str | None = None, settings: BatchSettings | None = None
) -> Iterator[Any]:
    """A Dask client: on `scheduler` (or settings.scheduler) if given, else on a LocalCluster of
    `workers` processes (default: one per core), one thread each, memory shared out evenly. Every
    worker, and any that joins later, is warmed up (pipeline and OCR model loaded) before work."""
    import dask
    from distributed import Client, LocalCluster

    from pipelines.batch_plugin import WarmUp

    settings = settings or get_batch_settings()
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
        dask.config.set(
            {
                # A worker the watchdog killed comes back under the same name once it has started
                # and warmed up; the cluster would give it up for lost after 15 s on a busy machine.
                "distributed.deploy.lost-worker-timeout": "10 minutes",
                # Dask's statistical profiler samples every worker's stack 100 times a second: CPU
                # taken from OCR when the workers fill the cores (the dashboard's profile is empty).
                "distributed.worker.profile.enabled": False,
            }
        ),
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


def batch_status(out: Path, *, settings: BatchSettings | None = None) -> BatchSummary | None:
    """The state of the batch writing to `out`, from the manifest (None if there is none)."""
    settings = settings or get_batch_settings()
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
    settings: BatchSettings | None = None,
    client: Any = None,
    progress: bool = False,
    on_event: OnEvent | None = None,
) -> BatchSummary:
    """Register `sources`, run what is not done yet on the cluster, write the table; see the module
    docstring. `client` reuses an existing Dask client; `on_event(kind, info)` is called in this
    thread as documents finish (kind "done", "failed" or "skipped"), for tests and tools."""
    settings = settings or get_batch_settings()
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
    skipped: int = 0  # found to be duplicates when their worker hashed them


@dataclass
class _InFlight:
    todo: Todo
    seq: int
    stage: str  # prepare | finish
    keys: dict[str, float] = field(default_factory=dict)  # its tasks' keys → their run-time limits (s)


def _drive(
    client: Any,
    manifest: Manifest,
    out: Path,
    settings: BatchSettings,
    stats: _RunStats,
    total: int,
    progress: bool,
    on_event: OnEvent | None,
) -> None:
    """Keep a window of documents in flight, record each as it finishes, and fail (as `timeout`)
    a document whose task has run past its limit, restarting the worker that is stuck with it."""
    from distributed import as_completed

    todo = manifest.todo()
    inflight: dict[Any, _InFlight] = {}
    docs_in_flight = 0
    seq = 0
    ac = as_completed(with_results=True, raise_errors=False)
    t0 = time.perf_counter()
    last_beat = time.monotonic()
    window, sized_at = 4, -1e9
    watchdog = Watchdog(client, settings.batch_doc_timeout, settings.batch_page_timeout)

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
            fut = _submit(client, prepare, t.path, Path(t.path).name, settings, priority=-seq)
            inflight[fut] = _InFlight(t, seq, "prepare", {fut.key: settings.batch_doc_timeout})
            ac.add(fut)
        docs_in_flight += len(batch)

    def finished(todo_: Todo, result: DocResult | None, duplicate_of: int | None = None) -> None:
        nonlocal docs_in_flight
        if duplicate_of is not None:
            _record_duplicate(out, todo_, duplicate_of, stats, on_event)
        else:
            assert result is not None
            _record(manifest, out, todo_, result, stats, on_event)
        docs_in_flight -= 1
        bar(stats, time.perf_counter() - t0)

    def step(fut: Any, got: Any) -> None:
        item = inflight.pop(fut, None)
        if item is None:  # cancelled by the watchdog: its document is recorded already
            return
        result = _result(fut, got)
        if item.stage == "prepare":
            digest = result.loaded.sha256 if isinstance(result, Prepared) else result.sha256
            if digest:
                dup = manifest.claim_sha(item.todo.id, digest)
                if dup is not None:  # a copy of an input hashed earlier: no OCR, no output
                    client.cancel([fut])
                    finished(item.todo, None, duplicate_of=dup)
                    return
        if isinstance(result, Prepared):
            pages = [_submit(client, ocr_page, task, settings, priority=-item.seq) for task in result.tasks]
            done = _submit(client, finish_task, settings, fut, *pages, priority=-item.seq)
            keys = {p.key: settings.batch_page_timeout for p in pages}
            keys[done.key] = settings.batch_doc_timeout
            inflight[done] = _InFlight(item.todo, item.seq, "finish", keys)
            ac.add(done)
            del pages
            return
        finished(item.todo, result)

    def check_watchdog() -> None:
        stuck_workers: set[str] = set()
        for fut, key, workers, ran in watchdog.stuck({f: i.keys for f, i in inflight.items()}):
            item = inflight.pop(fut)
            client.cancel([fut])
            stuck_workers.update(workers)
            what = "OCR of a page" if key != fut.key and item.stage == "finish" else item.stage
            log.warning("document %d: %s ran for %.0f s; failed as timeout", item.todo.id, what, ran)
            finished(
                item.todo,
                DocResult.failure("timeout", f"{what} ran for more than {item.keys[key]:g} s", ran),
            )
        if stuck_workers:
            watchdog.restart(sorted(stuck_workers))

    with _progress(progress, total) as bar:
        submit_more()
        # Until every document is recorded: a future the watchdog cancelled may never come out of
        # `ac`, and must not keep the batch waiting for it.
        while inflight:
            if watchdog.due():  # also while results stream in: a stuck slot hides among busy ones
                check_watchdog()
            if ac.has_ready():
                step(*next(ac))
            else:
                time.sleep(0.05)  # pages go worker to worker: the client is not on their path
            if time.monotonic() - last_beat > HEARTBEAT_S:  # also while every document is slow
                manifest.heartbeat()
                last_beat = time.monotonic()
            submit_more()


def _submit(client: Any, fn: Callable[..., Any], *args: Any, priority: int) -> Any:
    """Submit a batch task under the watchdog's eye, keyed by its function's name (as Dask does)."""
    key = f"{getattr(fn, '__name__', 'task')}-{uuid.uuid4().hex}"
    return client.submit(watched, fn, *args, key=key, pure=False, priority=priority)


def _result(fut: Any, got: Any) -> Prepared | DocResult:
    """The record of a future that as_completed has gathered (`got`: its value, or for an error the
    (type, exception, traceback) triple, or the CancelledError). Gathered in the client's event-loop
    thread, not here: a worker whose task holds the GIL cannot hand over results it kept, and waiting
    for them in this thread would stop the watchdog that restarts it."""
    from concurrent.futures import CancelledError

    from distributed import KilledWorker

    if isinstance(got, (Prepared, DocResult)):
        # every batch task returns one of these: once gathered it is the result, even if the future's
        # status has moved on since (a worker holding its value died, and Dask computes it again)
        return got
    exc = got[1] if isinstance(got, tuple) and len(got) == 3 else got
    if isinstance(exc, KilledWorker):
        log.warning("a task killed the workers that ran it; its document is marked failed")
        return DocResult.failure("worker_died", f"worker died running it repeatedly ({exc.last_worker})")
    if fut.status == "cancelled" or isinstance(exc, CancelledError):
        raise RuntimeError("the Dask cluster went away; run the same command again to resume")
    return DocResult.failure("internal_error", type(exc).__name__)


def _record(
    manifest: Manifest,
    out: Path,
    todo: Todo,
    result: DocResult | Prepared,
    stats: _RunStats,
    on_event: OnEvent | None,
) -> None:
    """Output file first (atomically), then the manifest row: a kill between them redoes the
    document, with the same output."""
    target = out / todo.output
    assert isinstance(result, DocResult)
    if result.ok:
        if result.layout is not None and result.sha256:  # for the review page of an imported batch
            write_layout(out, result.sha256, result.layout)
        write_atomic(target, json.dumps(result.extraction, ensure_ascii=False, indent=2) + "\n")
        manifest.finish(todo.id, _outcome(result))
        stats.docs += 1
        stats.pages += result.pages
        kind = "done"
    else:
        target.unlink(missing_ok=True)  # a stale output of an earlier version of this file
        manifest.finish(
            todo.id,
            DocOutcome(ok=False, reason=result.code, message=result.message, seconds=result.seconds),
        )
        log.info("document %d failed: %s", todo.id, result.code)
        stats.docs += 1
        stats.failed += 1
        kind = "failed"
    if on_event is not None:
        on_event(kind, {"id": todo.id, "path": todo.path, "output": todo.output})


def _record_duplicate(
    out: Path, todo: Todo, duplicate_of: int, stats: _RunStats, on_event: OnEvent | None
) -> None:
    """The manifest row is skipped already (`claim_sha`); an output of an earlier version of the
    file, when it was not a copy, goes."""
    (out / todo.output).unlink(missing_ok=True)
    stats.skipped += 1
    log.info("document %d is a duplicate of %d: skipped", todo.id, duplicate_of)
    if on_event is not None:
        on_event("skipped", {"id": todo.id, "path": todo.path, "output": todo.output})


def _outcome(r: DocResult) -> DocOutcome:
    data = r.extraction
    case = data.get("case") or {}
    amounts = [o.get("amount_vnd") for o in data.get("obligations", []) if o.get("amount_vnd") is not None]
    unread = [e.number for e in r.page_errors]
    return DocOutcome(
        ok=True,
        # a partial document is done, its unreadable pages named (the warnings say why)
        reason="partial" if r.status == "partial" else None,
        message=f"pages that could not be read: {', '.join(map(str, unread))}" if unread else None,
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
            bar.update(task, completed=stats.docs + stats.skipped, rates=rates)

        yield update
