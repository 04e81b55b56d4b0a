"""Processing off the request path. Queued work lives in the `jobs` table, so it survives a restart of
the API; a runner thread started with the app claims jobs (FOR UPDATE SKIP LOCKED on PostgreSQL, a
write transaction on SQLite), runs them, renews a lease while they run, records progress, and writes
the result back. A job whose lease lapses (its API process was killed) is claimed again, up to
`job_max_attempts` times; then the document fails with that reason.

A job runs as the steps of the one document runner (pipelines.runner: prepare → ocr_page per scanned
page → finish, the batch's Dask tasks too), here on a local ProcessPoolExecutor of `api_workers` spawned processes (pages of one document
spread over them); `api_workers=0` runs them in a thread of the API process (tests, tiny set-ups).
The batch runs the same tasks on Dask; the service does not start a Dask cluster of its own.
"""

from __future__ import annotations

import logging
import os
import socket
import threading
import time
import uuid
from collections.abc import Callable
from concurrent.futures import Executor, ProcessPoolExecutor, ThreadPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import and_, or_, select, update
from sqlalchemy.orm import Session, sessionmaker

from api.db import session_scope
from api.models import Document, Job, utcnow
from api.review_text import stored_warnings
from api.settings import ServiceSettings
from docproc.config import Settings

__all__ = ["JobRunner", "enqueue", "JobSpec"]

log = logging.getLogger("api.worker")
_POOL_NICENESS = 10


@dataclass(frozen=True)
class JobSpec:
    """What a pool process needs to run one job (picklable)."""

    job_id: str
    document_id: str
    blob: str
    filename: str
    worker: str
    db_url: str


def enqueue(session: Session, document_id: str) -> Job:
    job = Job(document_id=document_id)
    session.add(job)
    return job


# --- in the pool processes --------------------------------------------------------------------------


def _warm_up() -> None:
    """Import the pipeline once in each pool process, so the first document does not pay for it."""
    import pipelines.process  # noqa: F401  (the runner and the extraction rules)


def _init_pool_process(level: str) -> None:
    from api.logging_config import configure_logging

    os.environ["OMP_THREAD_LIMIT"] = "1"
    os.umask(0o077)  # caches written by the pool are the service's alone
    # Background work yields the CPU to request handling (Tesseract inherits the niceness).
    try:
        os.nice(_POOL_NICENESS)
    except OSError:
        pass
    configure_logging(level)


def _result(outcome: Any) -> dict[str, Any]:
    """The runner's DocResult as the job's result dict (status ok, partial or failed)."""
    if not outcome.ok:
        return {"ok": False, "status": "failed", "code": outcome.code, "message": outcome.message}
    data = outcome.extraction
    return {
        "ok": True,
        "status": outcome.status,
        "extraction": data,
        "warnings": stored_warnings(data["document"]),
        "pages": outcome.pages,
        "layout": outcome.layout,
    }


# --- in the API process ----------------------------------------------------------------------------


class _WorkerDied(Exception):
    """A Dask worker died running the task (Dask's KilledWorker): like a broken process pool."""


class _DaskFuture:
    def __init__(self, fut: Any) -> None:
        self._fut = fut

    def done(self) -> bool:
        return bool(self._fut.done())

    def result(self) -> Any:
        try:
            return self._fut.result()
        except Exception as exc:
            if type(exc).__name__ == "KilledWorker":
                raise _WorkerDied() from exc
            raise


class _DaskExecutor:
    """The batch's executor (pipelines.batch.open_client): DOCPROC_SCHEDULER's cluster, or a
    LocalCluster of `api_workers` processes. Used when `api_executor` is "dask"."""

    def __init__(self, settings: ServiceSettings) -> None:
        from pipelines.batch import open_client

        self._cm = open_client(workers=max(1, settings.api_workers), settings=settings)
        self.client = self._cm.__enter__()

    def submit(self, fn: Callable[..., Any], *args: Any) -> _DaskFuture:
        return _DaskFuture(self.client.submit(fn, *args, pure=False))

    def shutdown(self, wait: bool = False, cancel_futures: bool = True) -> None:
        self._cm.__exit__(None, None, None)


@dataclass
class _Running:
    """A claimed job and the pool tasks in flight for it: prepare → ocr_page × n → finish, the
    same steps the batch runs on Dask (pipelines.runner), so pages of one document spread over
    the pool's processes."""

    spec: JobSpec
    stage: str  # "prepare", "ocr", "finish", or "whole" (an injected process function)
    futures: list[Any]  # concurrent.futures or Dask futures: done() and result()
    prepared: Any = None
    pages_done: int = 0


class JobRunner:
    """Claims queued jobs and runs them on its executor (a local process pool, or Dask); one per API
    process."""

    def __init__(
        self,
        settings: ServiceSettings,
        sessions: sessionmaker[Session],
        db_url: str,
        blobs_root: Path,
        *,
        process: Callable[[JobSpec, Settings], dict[str, Any]] | None = None,
    ):
        self.settings = settings
        self.process = process  # replaces the pipeline tasks (tests inject faults with it)
        self.sessions = sessions
        self.db_url = db_url
        self.blobs_root = blobs_root
        self.worker_id = f"{socket.gethostname()}:{os.getpid()}:{uuid.uuid4().hex[:6]}"
        self.slots = max(1, settings.api_workers)
        self._executor: Executor | _DaskExecutor | None = None
        self._running: dict[str, _Running] = {}
        self._wake = threading.Event()
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._last_renew = 0.0

    # lifecycle
    def start(self) -> None:
        self._thread = threading.Thread(target=self._loop, name="docproc-jobs", daemon=True)
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        self._wake.set()
        if self._thread is not None:
            self._thread.join(timeout=30)  # the loop thread shuts its executor down
        # Jobs still running here go back to the queue at once rather than after their lease.
        if self._running:
            self._requeue(*self._running)
            self._running.clear()

    def wake(self) -> None:
        """New work was queued: claim it now rather than at the next poll."""
        self._wake.set()

    def _make_executor(self) -> Executor | _DaskExecutor:
        if self.settings.api_executor == "dask" and self.process is None:
            return _DaskExecutor(self.settings)
        if self.settings.api_workers == 0:
            return ThreadPoolExecutor(max_workers=1, thread_name_prefix="docproc-job")
        import multiprocessing as mp

        pool = ProcessPoolExecutor(
            max_workers=self.settings.api_workers,
            mp_context=mp.get_context("spawn"),
            initializer=_init_pool_process,
            initargs=(self.settings.log_level,),
        )
        if self.process is None:
            for _ in range(self.settings.api_workers):
                pool.submit(_warm_up)
        return pool

    def _submit(self, fn: Callable[..., Any], *args: Any) -> Any:
        assert self._executor is not None
        try:
            return self._executor.submit(fn, *args)
        except (BrokenProcessPool, RuntimeError):
            self._executor = self._make_executor()
            return self._executor.submit(fn, *args)

    # the loop
    def _loop(self) -> None:
        try:
            self._executor = self._make_executor()
        except Exception:  # noqa: BLE001
            log.exception("no executor: jobs stay queued")
            return
        while not self._stop.is_set():
            try:
                self._collect()
                while len(self._running) < self.slots and not self._stop.is_set():
                    spec = self.claim()
                    if spec is None:
                        break
                    self._start_job(spec)
                self._renew()
            except Exception:  # noqa: BLE001 - the loop must survive a database hiccup
                log.exception("job loop error")
                time.sleep(1)
            self._wake.wait(self.settings.job_poll_seconds)
            self._wake.clear()
        # Made and ended in this thread (a Dask client must be closed where it was entered).
        try:
            self._executor.shutdown(wait=False, cancel_futures=True)
        except Exception:  # noqa: BLE001
            log.warning("executor shutdown failed")

    def _start_job(self, spec: JobSpec) -> None:
        if self.process is not None:
            run = _Running(spec, "whole", [self._submit(self.process, spec, self.settings)])
        else:
            from pipelines.runner import prepare

            # the result carries the words of the pages too, for the review page (no second read)
            run = _Running(spec, "prepare", [self._submit(prepare, spec.blob, spec.filename, self.settings)])
        self._running[spec.job_id] = run
        log.info("job started", extra={"job_id": spec.job_id, "document_id": spec.document_id})

    def _collect(self) -> None:
        for job_id, run in list(self._running.items()):
            try:
                result = self._advance(run)
            except (BrokenProcessPool, _WorkerDied):
                log.error("worker process died", extra={"job_id": job_id})
                del self._running[job_id]
                self._executor = self._make_executor()
                self._requeue(job_id)
                continue
            except Exception as exc:  # noqa: BLE001
                log.error("job crashed", exc_info=exc, extra={"job_id": job_id})
                result = {"ok": False, "code": "internal_error", "message": "processing failed unexpectedly"}
            if result is not None:
                del self._running[job_id]
                self.finish(job_id, result)

    def _advance(self, run: _Running) -> dict[str, Any] | None:
        """Move a job on when its tasks are done; its result dict once it is finished."""
        from pipelines.runner import Prepared, finish_task, ocr_page

        if run.stage == "ocr":
            done = sum(f.done() for f in run.futures)
            if done != run.pages_done:
                run.pages_done = done
                n = len(run.futures)
                self._progress(run.spec, 0.1 + 0.8 * done / n, f"ocr page {done}/{n}")
            if done < len(run.futures):
                return None
            outcomes = [f.result() for f in run.futures]
            run.stage, run.futures = (
                "finish",
                [self._submit(finish_task, self.settings, run.prepared, *outcomes)],
            )
            self._progress(run.spec, 0.9, "extracting")
            return None
        if not run.futures[0].done():
            return None
        got = run.futures[0].result()
        if run.stage == "whole":
            return got
        if run.stage == "prepare" and isinstance(got, Prepared):
            run.prepared, run.stage = got, "ocr"
            run.futures = [self._submit(ocr_page, t, self.settings) for t in got.tasks]
            self._progress(run.spec, 0.1, f"ocr page 0/{len(got.tasks)}")
            return None
        return _result(got)

    def _progress(self, spec: JobSpec, progress: float, stage: str) -> None:
        with session_scope(self.sessions, write=True) as s:
            s.execute(
                update(Job)
                .where(Job.id == spec.job_id, Job.worker == self.worker_id)
                .values(progress=round(progress, 3), stage=stage)
            )

    def _renew(self) -> None:
        now = time.monotonic()
        if not self._running or now - self._last_renew < self.settings.job_lease_seconds / 4:
            return
        self._last_renew = now
        with session_scope(self.sessions, write=True) as s:
            s.execute(
                update(Job)
                .where(Job.id.in_(list(self._running)), Job.worker == self.worker_id)
                .values(lease_until=utcnow() + timedelta(seconds=self.settings.job_lease_seconds))
            )

    # database steps (public for tests)
    def claim(self) -> JobSpec | None:
        """Take the oldest queued job, or a running one whose lease lapsed; None if there is none."""
        from api.storage import BlobStore

        store = BlobStore(self.blobs_root)
        while True:
            with session_scope(self.sessions, write=True) as s:
                now = utcnow()
                q = (
                    select(Job)
                    .where(or_(Job.status == "queued", and_(Job.status == "running", Job.lease_until < now)))
                    .order_by(Job.created_at)
                    .limit(1)
                )
                if s.get_bind().dialect.name == "postgresql":
                    q = q.with_for_update(skip_locked=True)
                job = s.scalars(q).first()
                if job is None:
                    return None
                doc = s.get(Document, job.document_id)
                assert doc is not None
                if job.attempts >= self.settings.job_max_attempts:
                    job.status, job.finished_at = "failed", now
                    job.error = f"processing was interrupted {job.attempts} times"
                    doc.status, doc.error_code, doc.error_message = "failed", "interrupted", job.error
                    log.warning("job abandoned", extra={"job_id": job.id, "document_id": doc.id})
                    continue
                job.status, job.worker, job.attempts = "running", self.worker_id, job.attempts + 1
                job.lease_until = now + timedelta(seconds=self.settings.job_lease_seconds)
                job.started_at = job.started_at or now
                job.stage, job.progress = "claimed", 0.0
                doc.status = "running"
                return JobSpec(
                    job_id=job.id,
                    document_id=doc.id,
                    blob=str(store.path(doc.sha256)),
                    filename=doc.filename,
                    worker=self.worker_id,
                    db_url=self.db_url,
                )

    def finish(self, job_id: str, result: dict[str, Any]) -> None:
        with session_scope(self.sessions, write=True) as s:
            job = s.get(Job, job_id)
            if job is None or job.worker != self.worker_id or job.status != "running":
                return  # another worker took it over; its result wins
            doc = s.get(Document, job.document_id)
            assert doc is not None
            now = utcnow()
            job.finished_at, job.lease_until, job.progress = now, None, 1.0
            if result["ok"]:
                # "partial": some pages could not be read (the document's warnings name them)
                job.status = "done"
                job.stage = "partial" if result.get("status") == "partial" else "done"
                doc.status = "done"
                doc.original_extraction = result["extraction"]
                doc.extraction = result["extraction"]
                doc.warnings, doc.pages, doc.version = result["warnings"], result["pages"], 0
                doc.error_code = doc.error_message = None
                if result.get("layout") is not None:
                    self._save_layout(doc.sha256, result["layout"])
            else:
                job.status, job.stage, job.error = "failed", "failed", result["message"]
                doc.status, doc.error_code, doc.error_message = "failed", result["code"], result["message"]
        log.info("job finished", extra={"job_id": job_id, "status": "done" if result["ok"] else "failed"})

    def _save_layout(self, sha256: str, layout: dict[str, Any]) -> None:
        """Keep the words the job read for the review page; losing them only costs a re-read."""
        from api.review_layout import save_layout

        try:
            save_layout(self.blobs_root / "layout", sha256, layout)
        except OSError:
            log.warning("could not store the page layout", exc_info=True)

    def _requeue(self, *job_ids: str) -> None:
        """Hand jobs of this runner back to the queue (their document shows queued again)."""
        with session_scope(self.sessions, write=True) as s:
            mine = select(Job.id).where(
                Job.id.in_(job_ids), Job.worker == self.worker_id, Job.status == "running"
            )
            ids = list(s.scalars(mine))
            if ids:
                s.execute(
                    update(Job)
                    .where(Job.id.in_(ids))
                    .values(status="queued", worker=None, lease_until=None, stage="requeued")
                )
                docs = select(Job.document_id).where(Job.id.in_(ids))
                s.execute(update(Document).where(Document.id.in_(docs)).values(status="queued"))
        self._wake.set()
