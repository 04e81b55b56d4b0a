"""The functions the batch runs on Dask workers, and the records they return.

A document is one `prepare` task (hash, sniff, limits, text layer: every record it returns carries
the file's sha256, which the client uses to skip duplicates before any OCR); if some pages are scans, one
`ocr_page` task per page (spread over workers; each loads its own image and lets it go when done)
and a `finish` task that depends on them (assemble, extract). Every task catches its own errors
and returns them as a `Failed` record: a bad file is data, not an exception, so Dask never retries
a deterministic failure. Only a worker dying (out of memory, segfault, kill) reaches the client as
an exception, after Dask has rescheduled the task on other workers.
"""

from __future__ import annotations

import logging
import time
import traceback
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from docproc.config import Settings
from docproc.document import Page
from docproc.errors import DocprocError, OcrFailed
from docproc.ingest.types import ImagePageTask, LoadedFile
from docproc.notices import Notice

__all__ = [
    "Prepared",
    "Finished",
    "Failed",
    "PageOutcome",
    "prepare",
    "ocr_page",
    "finish",
    "run_whole",
    "warm_up",
]

log = logging.getLogger("docproc.batch")

_WARM_UP_TEXT = (
    "TÒA ÁN NHÂN DÂN TỈNH A\nBản án số: 1/2026/DS-PT\nNgày 02-01-2026\n"
    "NHÂN DANH NƯỚC CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nQUYẾT ĐỊNH:\n"
    "Buộc bà A trả cho ông B số tiền 1.000.000 đồng.\n"
)


@dataclass
class Failed:
    reason: str  # DocprocError.code, or internal_error
    message: str
    seconds: float = 0.0
    sha256: str | None = None  # of the file, when it could be read (the client finds duplicates by it)


@dataclass
class Finished:
    """A finished document: its extraction as JSON data and the figures the manifest keeps."""

    extraction: dict[str, Any]
    file_kind: str
    pages: int
    ocr_pages: int
    warnings: int
    ocr_confidence: float | None
    seconds: float
    ocr_seconds: float = 0.0
    sha256: str | None = None
    layout: dict[str, Any] | None = None  # pipelines.layout.layout_of, when prepare was asked for it


@dataclass
class Prepared:
    """A loaded file that still has pages to OCR: `tasks` go out one by one, `loaded` stays on the
    worker that made it (the client passes this future, not its value, to `finish`)."""

    loaded: LoadedFile
    tasks: list[ImagePageTask]
    seconds: float
    layout: bool = False


@dataclass
class PageOutcome:
    page: Page | None
    seconds: float
    error: str | None = None  # code: message of a page that could not be read at all


def prepare(
    path: str, source: str, settings: Settings, *, layout: bool = False
) -> Prepared | Finished | Failed:
    """Load the file; finish it at once when no page needs OCR (text, DOCX, text-layer PDF).
    `layout` asks for the words of the pages in the result too (the service's review page)."""
    t0 = time.perf_counter()
    try:
        from docproc import ingest
        from docproc.budget import Deadline

        deadline = Deadline.after(settings.doc_timeout_s)  # the load's budget; pages are tasks of their own
        loaded = ingest.load(Path(path), settings=settings, source=source, deadline=deadline)
        tasks = [p for p in loaded.pages if isinstance(p, ImagePageTask)]
        if loaded.text is not None or not tasks:
            pages = [p for p in loaded.pages if isinstance(p, Page)]
            return _finish(loaded, pages, time.perf_counter() - t0, 0.0, layout=layout)
        return Prepared(loaded=loaded, tasks=tasks, seconds=time.perf_counter() - t0, layout=layout)
    except Exception as exc:  # noqa: BLE001 - isolate every failure to its document
        failed = _failed(exc, time.perf_counter() - t0)
        failed.sha256 = _sha256_or_none(Path(path), settings)
        return failed


def ocr_page(task: ImagePageTask, settings: Settings) -> PageOutcome:
    """OCR one page; its image lives only inside this call."""
    t0 = time.perf_counter()
    try:
        from pipelines.process import ocr_task

        return PageOutcome(page=ocr_task(task, settings), seconds=time.perf_counter() - t0)
    except DocprocError as exc:
        return PageOutcome(page=None, seconds=time.perf_counter() - t0, error=f"{exc.code}: {exc.message}")
    except Exception as exc:  # noqa: BLE001
        return PageOutcome(
            page=None, seconds=time.perf_counter() - t0, error=f"internal_error: {_brief(exc)}"
        )


def finish(prepared: Prepared, *outcomes: PageOutcome) -> Finished | Failed:
    """Assemble the document from its text-layer pages and OCRed pages, then extract."""
    t0 = time.perf_counter()
    ocr_seconds = sum(o.seconds for o in outcomes)
    try:
        loaded = prepared.loaded
        done: dict[int, Page] = {}
        for task, o in zip(prepared.tasks, outcomes, strict=True):
            if o.page is not None:
                done[task.number] = o.page
            else:
                done[task.number] = Page(
                    number=task.number,
                    width=task.width_pt,
                    height=task.height_pt,
                    source="ocr",
                    warnings=[Notice("page.ocr_failed", params={"reason": o.error or ""})],
                )
        ocred = list(done.values())
        text_pages = [p for p in loaded.pages if isinstance(p, Page) and p.lines]
        if not text_pages and all(not p.lines and p.warnings for p in ocred):  # as read_document does
            reasons = "; ".join(sorted({str(w) for p in ocred for w in p.warnings}))
            raise OcrFailed(f"no page could be read ({reasons})", source=loaded.source)
        pages = [p if isinstance(p, Page) else done[p.number] for p in loaded.pages]
        seconds = prepared.seconds + ocr_seconds + time.perf_counter() - t0
        return _finish(loaded, pages, seconds, ocr_seconds, layout=prepared.layout)
    except Exception as exc:  # noqa: BLE001
        return _failed(exc, prepared.seconds + ocr_seconds + time.perf_counter() - t0)


def run_whole(path: str, source: str, settings: Settings) -> Finished | Failed:
    """A whole document in one task, pages OCRed one after another (for callers without a cluster)."""
    got = prepare(path, source, settings)
    if not isinstance(got, Prepared):
        return got
    return finish(got, *(ocr_page(t, settings) for t in got.tasks))


def _finish(
    loaded: LoadedFile, pages: list[Page], seconds: float, ocr_seconds: float, *, layout: bool = False
) -> Finished:
    from docproc.budget import Deadline
    from docproc.config import get_settings
    from docproc.extract import extract
    from pipelines.layout import layout_of
    from pipelines.process import assemble

    t0 = time.perf_counter()
    # a process pool's worker (the service) runs this in its main thread: the budget interrupts a
    # pathological extraction there; in a Dask worker thread the batch watchdog does
    with Deadline.after(get_settings().doc_timeout_s).enforced("extracting the document"):
        document = assemble(loaded, pages)
        data = extract(document).to_json_dict()
    info = data["document"]
    return Finished(
        extraction=data,
        file_kind=loaded.kind,
        pages=len(document.pages),
        ocr_pages=sum(1 for p in document.pages if p.source == "ocr"),
        warnings=len(info.get("warnings") or []),
        ocr_confidence=info.get("ocr_mean_confidence"),
        seconds=seconds + time.perf_counter() - t0,
        ocr_seconds=ocr_seconds,
        sha256=loaded.sha256,
        layout=layout_of(document) if layout else None,
    )


def _sha256_or_none(path: Path, settings: Settings) -> str | None:
    """The hash of a file that failed to load (ingest hashes first, but its error carries no hash),
    so that copies of a bad file are skipped as duplicates too. None over the size limit or when
    the file cannot be read."""
    import stat

    from docproc._io import OverLimit, sha256_file

    try:
        st = path.stat()
        if not stat.S_ISREG(st.st_mode) or st.st_size > settings.max_file_bytes:
            return None  # a FIFO would block the read forever
        return sha256_file(path, limit=settings.max_file_bytes)
    except (OSError, OverLimit):
        return None


def _failed(exc: Exception, seconds: float) -> Failed:
    if isinstance(exc, DocprocError):
        return Failed(reason=exc.code, message=exc.message, seconds=seconds)
    return Failed(reason="internal_error", message=_brief(exc), seconds=seconds)


def _brief(exc: BaseException) -> str:
    """Type and location of an unexpected error, without its message (it may quote document text)."""
    tb = traceback.extract_tb(exc.__traceback__)
    where = f" at {Path(tb[-1].filename).name}:{tb[-1].lineno}" if tb else ""
    return f"{type(exc).__name__}{where}"


def warm_up(settings: Settings) -> float:
    """Load what every task needs (imports, the extraction pipeline, the OCR model) before work
    arrives, so a fresh worker's first document does not stall the batch; seconds taken."""
    t0 = time.perf_counter()
    try:
        from docproc.document import Document
        from docproc.extract import extract
        from docproc.ocr import get_engine

        extract(Document.from_text(_WARM_UP_TEXT, source="warm-up"))
        get_engine(settings).load()
    except Exception as exc:  # noqa: BLE001 - the tasks will report the real error with its document
        log.warning("worker warm-up failed: %s", _brief(exc))
    return time.perf_counter() - t0
