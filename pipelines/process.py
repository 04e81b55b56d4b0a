"""One document end to end: ingest → (OCR per page) → post-OCR correction → Document → Extraction.

Stages are called here, never from each other. Page OCR is a picklable function of a picklable task
(`ocr_task`), so the same code runs in a local process pool (CLI), or on Dask workers (batch).
"""

from __future__ import annotations

import functools
import os
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import Executor, ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from PIL import Image

from docproc import ingest, ocr, text
from docproc.budget import NO_DEADLINE, Deadline
from docproc.config import Settings, get_settings
from docproc.document import Document, Page
from docproc.errors import DocprocError, EmptyDocument, ExtractionFailed, OcrFailed, TimedOut, TooLarge
from docproc.extract import extract
from docproc.ingest.types import ImagePageTask, LoadedFile
from docproc.notices import Notice
from docproc.schema import Extraction

__all__ = [
    "ProcessResult",
    "ocr_task",
    "read_document",
    "assemble",
    "process_file",
    "extract_safely",
    "PageMapper",
]

# map(function, tasks) -> pages, in order; a process pool's or a Dask client's map fits.
PageMapper = Callable[[Callable[[ImagePageTask], Page], Sequence[ImagePageTask]], Iterable[Page]]


@dataclass
class ProcessResult:
    document: Document
    extraction: Extraction


def ocr_task(task: ImagePageTask, settings: Settings | None = None, deadline: Deadline = NO_DEADLINE) -> Page:
    """OCR one page: load its image, preprocess, recognise, correct. Runs in a worker process.
    With a deadline, Tesseract gets at most what is left of the document's budget."""
    settings = settings or get_settings()
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
                warnings=[Notice("page.blank")],
            )
        page = ocr.ocr_image(
            image, number=task.number, width_pt=task.width_pt, height_pt=task.height_pt, settings=settings
        )
    finally:
        image.close()
    return text.correct_page(page)


def _plainly_blank(image: Image.Image) -> bool:
    """Nothing on the page darker than light grey, even where 4 x 4 pixels are averaged (a 2-pixel pen
    stroke averages to mid grey): no ink to read, so no preprocessing or Tesseract."""
    small = image.reduce(4) if min(image.size) >= 64 else image
    grey = small.convert("L")
    return grey.getextrema()[0] >= 224


def _single_page(task: ImagePageTask, settings: Settings, deadline: Deadline) -> Page:
    try:
        return ocr_task(task, settings, deadline)
    except DocprocError:
        raise
    except Exception as exc:  # noqa: BLE001 - OCR or image library failure: documented, not a traceback
        raise OcrFailed(f"the page could not be read ({type(exc).__name__})") from exc


def _page_or_warning(task: ImagePageTask, settings: Settings, deadline: Deadline) -> Page:
    """`ocr_task`, with a page that cannot be read becoming an empty page with a warning (as the batch
    does): one bad page of a long scan does not lose the others. The budget still ends the document."""
    try:
        return ocr_task(task, settings, deadline)
    except TimedOut:
        raise
    except Exception as exc:  # noqa: BLE001 - a decoder's or OCR error on this page only
        if isinstance(exc, DocprocError):
            why = f"{exc.code}: {exc.message}"
        else:
            why = f"internal_error: {type(exc).__name__}"
        return Page(
            number=task.number,
            width=task.width_pt,
            height=task.height_pt,
            source="ocr",
            warnings=[Notice("page.ocr_failed", params={"reason": why})],
        )


def assemble(loaded: LoadedFile, pages: Sequence[Page] | None, settings: Settings | None = None) -> Document:
    """Build the Document from a loaded file and its finished pages (text layer or OCR)."""
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
    limit = (settings or get_settings()).max_text_chars
    if len(doc.text) > limit:  # the pages of a long scan or text-layer PDF, not only a text file
        raise TooLarge(
            f"the document's text has {len(doc.text):,} characters, over the limit of {limit:,}",
            source=loaded.source,
        )
    if not doc.text.strip():
        raise EmptyDocument("no readable text on any page", source=loaded.source)
    return doc


def read_document(
    path: Path,
    *,
    settings: Settings | None = None,
    source: str | None = None,
    mapper: PageMapper | None = None,
    deadline: Deadline | None = None,
) -> Document:
    """Read a file into a Document. Scanned pages are OCRed with `mapper` (default: a process pool of
    `settings.ocr_workers` when there is more than one page to OCR, else in this process).

    The whole read (load and every page) has `settings.doc_timeout_s` (or `deadline`): past it the
    document fails as TimedOut; pages still queued give up at once, a page being read within its
    Tesseract timeout, which is cut to what is left."""
    settings = settings or get_settings()
    deadline = deadline or Deadline.after(settings.doc_timeout_s)
    loaded = ingest.load(Path(path), settings=settings, source=source, deadline=deadline)
    if loaded.text is not None:
        return assemble(loaded, None, settings)
    tasks = [p for p in loaded.pages if isinstance(p, ImagePageTask)]
    done: dict[int, Page] = {}
    if tasks:
        fn = functools.partial(_page_or_warning, settings=settings, deadline=deadline)  # picklable
        try:
            if mapper is not None:
                results = list(mapper(fn, tasks))
            elif len(tasks) > 1 and settings.ocr_workers > 1:
                with _pool(min(settings.ocr_workers, len(tasks))) as pool:
                    results = list(pool.map(fn, tasks))
            elif len(tasks) > 1:
                results = [fn(t) for t in tasks]
            else:  # one page: its own error is the document's (a cut-off PNG is corrupt, not "OCR failed")
                results = [_single_page(tasks[0], settings, deadline)]
        except TimedOut as exc:
            exc.source = loaded.source
            raise
        done = {p.number: p for p in results}
        if all(not p.lines for p in results) and all(p.warnings for p in results):
            reasons = "; ".join(sorted({str(w) for p in results for w in p.warnings}))
            if reasons != "blank page" and not any(isinstance(p, Page) and p.lines for p in loaded.pages):
                raise OcrFailed(f"no page could be read ({reasons})", source=loaded.source)
    pages = [p if isinstance(p, Page) else done[p.number] for p in loaded.pages]
    return assemble(loaded, pages, settings)


def process_file(
    path: Path,
    *,
    settings: Settings | None = None,
    source: str | None = None,
    mapper: PageMapper | None = None,
) -> ProcessResult:
    """Read and extract one file within its time budget (DOCPROC_DOC_TIMEOUT_S), which covers the
    extraction too: a text that makes the extractor slow fails as TimedOut, not after an hour."""
    settings = settings or get_settings()
    deadline = Deadline.after(settings.doc_timeout_s)
    with deadline.enforced():
        document = read_document(path, settings=settings, source=source, mapper=mapper, deadline=deadline)
        extraction = extract_safely(document)
    return ProcessResult(document=document, extraction=extraction)


def extract_safely(document: Document) -> Extraction:
    """Run the extractor; a bug in a rule becomes ExtractionFailed for this document, not a crash of
    the run. The message names the exception type only: its text may quote the judgment."""
    try:
        return extract(document)
    except DocprocError:
        raise
    except Exception as exc:
        raise ExtractionFailed(
            f"extraction failed ({type(exc).__name__}); please report it with the document id",
            source=document.source,
        ) from exc


def _pool(workers: int) -> Executor:
    import multiprocessing as mp

    return ProcessPoolExecutor(max_workers=workers, mp_context=mp.get_context("spawn"))
