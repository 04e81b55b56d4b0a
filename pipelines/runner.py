"""One document, read and extracted the same way by the CLI, the batch and the service.

    result = run_document(path, settings=settings, mapper=pool_map)   # CLI: a local process pool

The stages are three picklable steps, so a scheduler can spread them: `prepare` (hash, sniff,
limits, text layer; a file with nothing to OCR is finished at once), `ocr_page` for each scanned page
(the batch submits them as Dask tasks, the service to its process pool, the CLI maps them over a
local pool) and `finish` (assemble, extract, layout). Every step returns a record, never raises: a
bad file is data. `DocResult` has one status:

- "ok": every page was read (a blank page is read: it has no ink, which is not an error);
- "partial": some pages could not be read; `page_errors` lists them, each page kept empty with a
  warning, and the rest is extracted;
- "failed": `code` (a docproc.errors code, or internal_error) and `message`; only when the file
  cannot be loaded, no page at all could be read, the time budget (DOCPROC_DOC_TIMEOUT_S) ran out,
  the text is over the limit, or the extractor broke.

A file with no readable text (a blank scan) is kept, not failed: its extraction is written with the
warning NO_TEXT_WARNING, and the extractor's own warning that it is not a judgment or decision.
"""

from __future__ import annotations

import logging
import os
import time
import traceback
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from docproc.budget import NO_DEADLINE, Deadline
from docproc.config import Settings, get_settings
from docproc.document import Document, Page
from docproc.errors import DocprocError, TimedOut, TooLarge
from docproc.ingest.types import ImagePageTask, LoadedFile
from docproc.notices import Notice

__all__ = [
    "BLANK_PAGE",
    "NO_TEXT_WARNING",
    "DocResult",
    "PageError",
    "PageOutcome",
    "PageMapper",
    "Prepared",
    "prepare",
    "ocr_page",
    "finish",
    "finish_task",
    "run_document",
    "layout_unread",
    "read",
    "read_pages",
    "extract_safely",
    "LocalPool",
    "error_of",
    "page_warning",
    "warm_up",
]

log = logging.getLogger("docproc.runner")

Status = Literal["ok", "partial", "failed"]
BLANK_PAGE = Notice("page.blank")
NO_TEXT_WARNING = Notice("document.no_text")  # "no readable text on any page: not a judgment or decision"

_WARM_UP_TEXT = (
    "TÒA ÁN NHÂN DÂN TỈNH A\nBản án số: 1/2026/DS-PT\nNgày 02-01-2026\n"
    "NHÂN DANH NƯỚC CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nQUYẾT ĐỊNH:\n"
    "Buộc bà A trả cho ông B số tiền 1.000.000 đồng.\n"
)


@dataclass
class PageError:
    """A page that could not be read: its number and why (a docproc.errors code, or internal_error)."""

    number: int
    code: str
    message: str


@dataclass
class PageOutcome:
    page: Page | None
    seconds: float
    error: PageError | None = None


@dataclass
class Prepared:
    """A loaded file that still has pages to OCR: `tasks` go out one by one, `loaded` stays where it
    was made (the batch passes the Dask future, not its value, to `finish`)."""

    loaded: LoadedFile
    tasks: list[ImagePageTask]
    seconds: float


@dataclass
class DocResult:
    """What one document came to. `extraction` and `layout` are JSON data (the same in the CLI's
    output file, the batch's and the service's database); `document` and `model` (the Document and
    the Extraction) only when asked for in this process (`keep`)."""

    status: Status
    extraction: dict[str, Any] | None = None
    layout: dict[str, Any] | None = None  # pipelines.layout.layout_of
    page_errors: list[PageError] = field(default_factory=list)
    code: str | None = None  # of a failed document
    message: str | None = None
    file_kind: str | None = None
    pages: int = 0
    ocr_pages: int = 0
    warnings: int = 0
    ocr_confidence: float | None = None
    seconds: float = 0.0
    ocr_seconds: float = 0.0
    sha256: str | None = None  # of the file, also of one that failed when it could be read
    document: Document | None = None
    model: Any = None  # docproc.schema.Extraction

    @property
    def ok(self) -> bool:
        return self.status != "failed"

    @classmethod
    def failure(cls, code: str, message: str, seconds: float = 0.0, sha256: str | None = None) -> DocResult:
        return cls(status="failed", code=code, message=message, seconds=seconds, sha256=sha256)


# map(function, tasks) -> outcomes, in order: a process pool's map, or the builtin one.
PageMapper = Callable[
    [Callable[[ImagePageTask], PageOutcome], Sequence[ImagePageTask]], Iterable[PageOutcome]
]


# -- the failure rule, in one place ----------------------------------------------------------------


def page_warning(error: PageError) -> Notice:
    """The notice an unreadable page leaves on its (empty) page; the document shows it as
    "page N: OCR failed (code: message)" like every page notice."""
    return Notice("page.ocr_failed", params={"reason": f"{error.code}: {error.message}"})


def _unreadable(task: ImagePageTask, error: PageError) -> Page:
    return Page(
        number=task.number,
        width=task.width_pt,
        height=task.height_pt,
        source="ocr",
        warnings=[page_warning(error)],
    )


def _page_error(number: int, exc: BaseException) -> PageError:
    if isinstance(exc, DocprocError):
        return PageError(number, exc.code, exc.message)
    return PageError(number, "internal_error", _brief(exc))


def _none_read(errors: list[PageError], source: str) -> DocprocError:
    """The document's error when no page could be read: the page's own error for one page (a cut-off
    PNG is corrupt, not "OCR failed"), the pages' common code for several, else ocr_failed."""
    codes = {e.code for e in errors}
    code = codes.pop() if len(codes) == 1 else "ocr_failed"
    if code == "internal_error":
        code = "ocr_failed"
    if len(errors) == 1:
        e = errors[0]
        message = e.message if e.code != "internal_error" else f"the page could not be read ({e.message})"
    else:
        reasons = "; ".join(sorted({f"{e.code}: {e.message}" for e in errors}))
        message = f"no page could be read ({reasons})"
    return error_of(code, message, source)


def read(
    prepared: Prepared, outcomes: Sequence[PageOutcome], settings: Settings
) -> tuple[Document, list[PageError]]:
    """The Document of a loaded file and its OCRed pages, and the pages that could not be read.
    Raises the document's error (see the module docstring) when there is no document to extract."""
    loaded = prepared.loaded
    done: dict[int, Page] = {}
    errors: list[PageError] = []
    for task, o in zip(prepared.tasks, outcomes, strict=True):
        if o.page is not None:
            done[task.number] = o.page
            continue
        error = o.error or PageError(task.number, "internal_error", "no result")
        if error.code == TimedOut.code:  # the budget is the document's: it ends the document
            raise TimedOut(error.message, source=loaded.source)
        errors.append(error)
        done[task.number] = _unreadable(task, error)
    pages = [p if isinstance(p, Page) else done[p.number] for p in loaded.pages]
    if errors and len(errors) == len(pages):
        raise _none_read(errors, loaded.source)
    return _assemble(loaded, pages, settings), errors


def _assemble(loaded: LoadedFile, pages: Sequence[Page] | None, settings: Settings) -> Document:
    if loaded.text is not None:
        doc = Document.from_text(
            loaded.text, source=loaded.source, sha256=loaded.sha256, encoding=loaded.encoding
        )
    else:
        pages = list(pages or [])
        doc = Document.from_pages(pages, source=loaded.source, sha256=loaded.sha256, encoding=loaded.encoding)
        for p in pages:
            doc.warnings.extend(w.on_page(p.number) for w in p.warnings)
    doc.warnings[:0] = loaded.warnings
    limit = settings.max_text_chars
    if len(doc.text) > limit:  # the pages of a long scan or text-layer PDF, not only a text file
        raise TooLarge(
            f"the document's text has {len(doc.text):,} characters, over the limit of {limit:,}",
            source=loaded.source,
        )
    if not doc.text.strip():  # a blank scan: kept, and said (issue 13), not an error
        doc.warnings.append(NO_TEXT_WARNING)
    return doc


# -- the steps ---------------------------------------------------------------------------------------


def _load(path: Path, source: str | None, settings: Settings, deadline: Deadline) -> Prepared:
    from docproc import ingest

    t0 = time.perf_counter()
    loaded = ingest.load(Path(path), settings=settings, source=source, deadline=deadline)
    tasks = [] if loaded.text is not None else [p for p in loaded.pages if isinstance(p, ImagePageTask)]
    return Prepared(loaded=loaded, tasks=tasks, seconds=time.perf_counter() - t0)


def prepare(path: str, source: str, settings: Settings) -> Prepared | DocResult:
    """Load the file within its budget; finish it at once when no page needs OCR (text, DOCX,
    text-layer PDF). Never raises."""
    t0 = time.perf_counter()
    try:
        prepared = _load(Path(path), source, settings, Deadline.after(settings.doc_timeout_s))
    except Exception as exc:  # noqa: BLE001 - isolate every failure to its document
        failed = _failed(exc, time.perf_counter() - t0)
        failed.sha256 = _sha256_or_none(Path(path), settings)
        return failed
    if not prepared.tasks:
        return finish(prepared, settings=settings)
    return prepared


def ocr_page(task: ImagePageTask, settings: Settings, deadline: Deadline = NO_DEADLINE) -> PageOutcome:
    """OCR one page (its image lives only inside this call); an error is the page's, in the record."""
    t0 = time.perf_counter()
    try:
        page = _ocr(task, settings, deadline)
        return PageOutcome(page=page, seconds=time.perf_counter() - t0)
    except Exception as exc:  # noqa: BLE001 - a decoder's or OCR error on this page only
        return PageOutcome(page=None, seconds=time.perf_counter() - t0, error=_page_error(task.number, exc))


def _ocr(task: ImagePageTask, settings: Settings, deadline: Deadline) -> Page:
    """Load the page's image, skip it if it has no ink, else recognise and correct. With a deadline,
    Tesseract gets at most what is left of the document's budget."""
    from docproc import ingest, ocr, text

    deadline.check("reading the document's pages")
    left = deadline.left()
    if left is not None and left < settings.ocr_timeout_s:
        settings = settings.model_copy(update={"ocr_timeout_s": max(left, 0.1)})
    os.environ["OMP_THREAD_LIMIT"] = "1"
    image = ingest.load_page_image(task, settings=settings)
    try:
        deadline.check("reading the document's pages")
        if _plainly_blank(image):  # 1,000 white frames: ~5 ms each instead of preprocessing them
            return Page(
                number=task.number,
                width=task.width_pt,
                height=task.height_pt,
                source="ocr",
                warnings=[BLANK_PAGE],
            )
        page = ocr.ocr_image(
            image, number=task.number, width_pt=task.width_pt, height_pt=task.height_pt, settings=settings
        )
    finally:
        image.close()
    return text.correct_page(page)


def _plainly_blank(image: Any) -> bool:
    """Nothing on the page darker than light grey, even where 4 x 4 pixels are averaged (a 2-pixel pen
    stroke averages to mid grey): no ink to read, so no preprocessing or Tesseract."""
    small = image.reduce(4) if min(image.size) >= 64 else image
    return small.convert("L").getextrema()[0] >= 224


def finish(
    prepared: Prepared,
    *outcomes: PageOutcome,
    settings: Settings | None = None,
    deadline: Deadline | None = None,
    keep: bool = False,
) -> DocResult:
    """Apply the failure rule, assemble the document, extract, and make its layout. Never raises.
    The extraction runs under `deadline` (default: a fresh DOCPROC_DOC_TIMEOUT_S; in a process's main
    thread it interrupts a pathological extraction, in a Dask worker thread the batch watchdog does)."""
    from pipelines.layout import layout_of

    settings = settings or get_settings()
    t0 = time.perf_counter()
    ocr_seconds = sum(o.seconds for o in outcomes)
    loaded = prepared.loaded
    try:
        with (deadline or Deadline.after(settings.doc_timeout_s)).enforced("extracting the document"):
            document, errors = read(prepared, outcomes, settings)
            model = extract_safely(document)
            data = model.to_json_dict()
    except Exception as exc:  # noqa: BLE001
        failed = _failed(exc, prepared.seconds + ocr_seconds + time.perf_counter() - t0)
        failed.sha256 = loaded.sha256
        return failed
    info = data["document"]
    return DocResult(
        status="partial" if errors else "ok",
        extraction=data,
        layout=layout_of(document),
        page_errors=errors,
        file_kind=loaded.kind,
        pages=len(document.pages),
        ocr_pages=sum(1 for p in document.pages if p.source == "ocr"),
        warnings=len(info.get("warnings") or []),
        ocr_confidence=info.get("ocr_mean_confidence"),
        seconds=prepared.seconds + ocr_seconds + time.perf_counter() - t0,
        ocr_seconds=ocr_seconds,
        sha256=loaded.sha256,
        document=document if keep else None,
        model=model if keep else None,
    )


def finish_task(settings: Settings, prepared: Prepared, *outcomes: PageOutcome) -> DocResult:
    """`finish` with the caller's settings, its arguments positional (a scheduler's task)."""
    return finish(prepared, *outcomes, settings=settings)


def extract_safely(document: Document) -> Any:
    """The Extraction of a document. A bug in a rule becomes ExtractionFailed for this document, not a crash of the run. The message
    names the exception type only: its text may quote the judgment."""
    from docproc.errors import ExtractionFailed
    from docproc.extract import extract

    try:
        return extract(document)
    except DocprocError:
        raise
    except Exception as exc:
        raise ExtractionFailed(
            f"extraction failed ({type(exc).__name__}); please report it with the document id",
            source=document.source,
        ) from exc


# -- the whole document in this process ----------------------------------------------------------


def _builtin_map(
    fn: Callable[[ImagePageTask], PageOutcome], tasks: Sequence[ImagePageTask]
) -> list[PageOutcome]:
    return [fn(t) for t in tasks]


class LocalPool:
    """The CLI's PageMapper: pages over a local pool of `workers` spawned processes, made when a
    document first has more than one page to OCR and kept for the next ones (a run over a folder of
    scans starts its processes once). One page, or one worker: in this process."""

    def __init__(self, workers: int) -> None:
        self.workers = workers
        self._pool: Any = None

    def __call__(
        self, fn: Callable[[ImagePageTask], PageOutcome], tasks: Sequence[ImagePageTask]
    ) -> list[PageOutcome]:
        if len(tasks) <= 1 or self.workers <= 1:
            return _builtin_map(fn, tasks)
        if self._pool is None:
            import multiprocessing as mp
            from concurrent.futures import ProcessPoolExecutor

            self._pool = ProcessPoolExecutor(max_workers=self.workers, mp_context=mp.get_context("spawn"))
        try:
            return list(self._pool.map(fn, tasks))
        except BaseException:
            self.close(wait=False)  # a broken pool, or the budget's alarm: the next document gets a fresh one
            raise

    def close(self, wait: bool = True) -> None:
        if self._pool is not None:
            pool, self._pool = self._pool, None
            pool.shutdown(wait=wait, cancel_futures=True)

    def __enter__(self) -> LocalPool:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def run_document(
    path: Path,
    *,
    settings: Settings | None = None,
    source: str | None = None,
    mapper: PageMapper | None = None,
    keep: bool = False,
) -> DocResult:
    """Read, OCR (pages through `mapper`, default one after another here) and extract one file within
    its time budget (DOCPROC_DOC_TIMEOUT_S), which covers all three. Never raises."""
    import functools

    settings = settings or get_settings()
    deadline = Deadline.after(settings.doc_timeout_s)
    t0 = time.perf_counter()
    prepared: Prepared | None = None
    try:
        with deadline.enforced():
            prepared = _load(Path(path), source, settings, deadline)
            outcomes: list[PageOutcome] = []
            if prepared.tasks:
                fn = functools.partial(ocr_page, settings=settings, deadline=deadline)  # picklable
                outcomes = list((mapper or _builtin_map)(fn, prepared.tasks))
            return finish(prepared, *outcomes, settings=settings, deadline=deadline, keep=keep)
    except Exception as exc:  # noqa: BLE001 - the budget's alarm, a broken pool, a failed load
        failed = _failed(exc, time.perf_counter() - t0)
        failed.sha256 = prepared.loaded.sha256 if prepared else _sha256_or_none(Path(path), settings)
        return failed


def read_pages(
    path: Path,
    *,
    settings: Settings | None = None,
    source: str | None = None,
    mapper: PageMapper | None = None,
    deadline: Deadline | None = None,
) -> tuple[Document, list[PageError]]:
    """Only the reading (no extraction), with the same rule; raises the document's error."""
    import functools

    settings = settings or get_settings()
    deadline = deadline or Deadline.after(settings.doc_timeout_s)
    prepared = _load(Path(path), source, settings, deadline)
    outcomes: list[PageOutcome] = []
    if prepared.tasks:
        fn = functools.partial(ocr_page, settings=settings, deadline=deadline)
        try:
            outcomes = list((mapper or _builtin_map)(fn, prepared.tasks))
        except TimedOut as exc:
            exc.source = prepared.loaded.source
            raise
    return read(prepared, outcomes, settings)


# -- errors as records and back --------------------------------------------------------------------


def _error_classes() -> dict[str, type[DocprocError]]:
    found: dict[str, type[DocprocError]] = {}
    todo: list[type[DocprocError]] = [DocprocError]
    while todo:
        cls = todo.pop()
        found.setdefault(cls.code, cls)
        todo.extend(cls.__subclasses__())
    return found


def error_of(code: str, message: str, source: str | None = None) -> DocprocError:
    """The DocprocError of a failed result's code (its exit code and HTTP status); internal_error and
    unknown codes are the base class (exit 1)."""
    cls = _error_classes().get(code, DocprocError)
    return cls(message, source=source)


def _failed(exc: BaseException, seconds: float) -> DocResult:
    if isinstance(exc, DocprocError):
        return DocResult.failure(exc.code, exc.message, seconds)
    return DocResult.failure("internal_error", _brief(exc), seconds)


def _brief(exc: BaseException) -> str:
    """Type and location of an unexpected error, without its message (it may quote document text)."""
    tb = traceback.extract_tb(exc.__traceback__)
    where = f" at {Path(tb[-1].filename).name}:{tb[-1].lineno}" if tb else ""
    return f"{type(exc).__name__}{where}"


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


def warm_up(settings: Settings) -> float:
    """Load what every step needs (imports, the extraction pipeline, the OCR model) before work
    arrives, so a fresh worker's first document does not stall; seconds taken."""
    t0 = time.perf_counter()
    try:
        from docproc.extract import extract
        from docproc.ocr import get_engine

        extract(Document.from_text(_WARM_UP_TEXT, source="warm-up"))
        get_engine(settings).load()
    except Exception as exc:  # noqa: BLE001 - the steps will report the real error with its document
        log.warning("worker warm-up failed: %s", _brief(exc))
    return time.perf_counter() - t0


def layout_unread(path: Path, source: str, settings: Settings) -> dict[str, Any]:
    """The layout of a stored file without OCR: a text file's text, a PDF's text-layer pages with
    their words, and every scanned page with its size and no words (`words_missing`). For a document
    whose words were not kept (imported from a batch that did not write them)."""
    from docproc.ingest import load
    from pipelines.layout import layout_of, page_json

    loaded = load(Path(path), settings=settings, source=source)
    if loaded.text is not None:
        document, _ = read(Prepared(loaded, [], 0.0), [], settings)
        return layout_of(document)
    pages = []
    for p in loaded.pages:
        if isinstance(p, Page):
            pages.append(page_json(p))
        else:  # a scan: its size, no words (reading them is OCR, a job's work, not a request's)
            blank = Page(number=p.number, width=p.width_pt, height=p.height_pt, source="ocr")
            pages.append(page_json(blank, words_missing=True))
    return {"pages": pages, "text": None}
