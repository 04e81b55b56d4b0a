"""The reading and extraction of one file as functions that raise, for benchmarks and tools:
thin wrappers of the one document runner (pipelines.runner), which the CLI, the batch and the
service call. Pages are OCRed over a local process pool of `settings.ocr_workers`."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from docproc.budget import Deadline
from docproc.config import Settings, get_settings
from docproc.document import Document
from docproc.schema import Extraction
from pipelines.runner import (
    DocResult,
    LocalPool,
    PageMapper,
    error_of,
    extract_safely,
    read_pages,
    run_document,
)

__all__ = ["ProcessResult", "read_document", "process_file", "extract_safely", "PageMapper"]


@dataclass
class ProcessResult:
    document: Document
    extraction: Extraction
    result: DocResult  # status (ok or partial), page errors, layout


def process_file(
    path: Path,
    *,
    settings: Settings | None = None,
    source: str | None = None,
    mapper: PageMapper | None = None,
) -> ProcessResult:
    """`run_document` for one file, its failure raised as its DocprocError (exit code, HTTP status)."""
    settings = settings or get_settings()
    with LocalPool(settings.ocr_workers) as pool:
        got = run_document(Path(path), settings=settings, source=source, mapper=mapper or pool, keep=True)
    if not got.ok:
        raise error_of(got.code or "internal_error", got.message or "", source or Path(path).name)
    assert got.document is not None and got.model is not None
    return ProcessResult(document=got.document, extraction=got.model, result=got)


def read_document(
    path: Path,
    *,
    settings: Settings | None = None,
    source: str | None = None,
    mapper: PageMapper | None = None,
    deadline: Deadline | None = None,
) -> Document:
    """Read a file into a Document (no extraction), with the runner's rule for unreadable pages."""
    settings = settings or get_settings()
    with LocalPool(settings.ocr_workers) as pool:
        document, _ = read_pages(
            Path(path), settings=settings, source=source, mapper=mapper or pool, deadline=deadline
        )
    return document
