"""The one document runner's status rule (pipelines.runner), on its steps alone: no OCR, no cluster.

ok: every page read (a blank page is read); partial: some pages unreadable, listed, the rest
extracted; failed: nothing could be read, the budget ran out, or the file cannot be loaded.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from docproc.budget import Deadline
from docproc.config import Settings
from docproc.document import Line, Page, Word
from docproc.errors import CorruptFile, EmptyDocument, OcrFailed, TimedOut
from docproc.ingest.types import ImagePageTask, LoadedFile
from pipelines import runner
from pipelines.runner import (
    NO_TEXT_WARNING,
    DocResult,
    PageError,
    PageOutcome,
    Prepared,
    error_of,
    finish,
    ocr_page,
    prepare,
    run_document,
)

SETTINGS = Settings()
HEADER = "TÒA ÁN NHÂN DÂN HUYỆN THỬ Bản án số: 12/2025/DS-ST"


def scan(n_pages: int) -> tuple[LoadedFile, list[ImagePageTask]]:
    tasks = [
        ImagePageTask(path="x.pdf", kind="pdf", index=i, number=i + 1, width_pt=595, height_pt=842)
        for i in range(n_pages)
    ]
    loaded = LoadedFile(source="x.pdf", path=Path("x.pdf"), kind="pdf", sha256="0" * 64, pages=list(tasks))
    return loaded, tasks


def read_page(text: str, number: int) -> Page:
    words = [
        Word(text=w, bbox=(72 + 40 * i, 100, 100 + 40 * i, 112), confidence=0.9, page=number)
        for i, w in enumerate(text.split())
    ]
    return Page(number=number, width=595, height=842, source="ocr", lines=[Line(words=words)])


def blank(number: int) -> Page:
    return Page(number=number, width=595, height=842, source="ocr", warnings=[runner.BLANK_PAGE])


def unreadable(number: int, code: str = "ocr_failed", message: str = "tesseract crashed") -> PageOutcome:
    return PageOutcome(None, 1.0, PageError(number, code, message))


def test_every_page_read_is_ok_with_its_layout() -> None:
    loaded, tasks = scan(2)
    got = finish(
        Prepared(loaded, tasks, 0.1), PageOutcome(read_page(HEADER, 1), 1.0), PageOutcome(blank(2), 0.1)
    )
    assert got.status == "ok" and got.page_errors == [] and got.ok
    assert got.pages == 2 and got.ocr_pages == 2 and got.ocr_seconds == pytest.approx(1.1)
    words = got.layout["pages"][0]["words"]
    assert words[0] == {"text": "TÒA", "bbox": [72.0, 100.0, 100.0, 112.0], "confidence": 0.9}
    assert got.layout["pages"][1]["words"] == []


def test_one_page_unreadable_is_partial_the_page_listed_and_warned() -> None:
    loaded, tasks = scan(3)
    outcomes = [
        PageOutcome(read_page(HEADER, 1), 1.0),
        unreadable(2),
        PageOutcome(read_page("QUYẾT ĐỊNH", 3), 1.0),
    ]
    got = finish(Prepared(loaded, tasks, 0.1), *outcomes)
    assert got.status == "partial" and got.ok
    assert got.page_errors == [PageError(2, "ocr_failed", "tesseract crashed")]
    warnings = got.extraction["document"]["warnings"]
    assert "page 2: OCR failed (ocr_failed: tesseract crashed)" in warnings
    assert got.extraction["document"]["pages"] == 3


def test_no_page_read_fails_with_the_pages_common_code_or_ocr_failed() -> None:
    loaded, tasks = scan(2)
    got = finish(Prepared(loaded, tasks, 0.1), unreadable(1), unreadable(2, "internal_error", "X at y.py:1"))
    assert got.status == "failed" and got.code == "ocr_failed" and not got.ok
    assert "no page could be read" in got.message and "tesseract crashed" in got.message
    assert got.seconds >= 2.0 and got.sha256 == "0" * 64
    corrupt = finish(
        Prepared(loaded, tasks, 0.1),
        unreadable(1, "corrupt_file", "cut off"),
        unreadable(2, "corrupt_file", "cut off"),
    )
    assert (corrupt.status, corrupt.code) == ("failed", "corrupt_file")


def test_a_single_unreadable_page_fails_with_its_own_error() -> None:
    loaded, tasks = scan(1)
    got = finish(Prepared(loaded, tasks, 0.0), unreadable(1, "corrupt_file", "the PNG is cut off"))
    assert (got.status, got.code, got.message) == ("failed", "corrupt_file", "the PNG is cut off")
    crash = finish(Prepared(loaded, tasks, 0.0), unreadable(1, "internal_error", "KeyError at x.py:3"))
    assert crash.code == "ocr_failed" and "KeyError" in crash.message


def test_blank_and_unreadable_page_is_partial_not_failed() -> None:
    """The blank page was read (no ink is not an error): the document is kept, and says it has no text."""
    loaded, tasks = scan(2)
    got = finish(Prepared(loaded, tasks, 0.0), PageOutcome(blank(1), 0.1), unreadable(2))
    assert got.status == "partial" and [e.number for e in got.page_errors] == [2]
    assert str(NO_TEXT_WARNING) in got.extraction["document"]["warnings"]


def test_blank_scan_is_kept_with_a_warning_not_an_error() -> None:
    loaded, tasks = scan(2)
    got = finish(Prepared(loaded, tasks, 0.0), PageOutcome(blank(1), 0.1), PageOutcome(blank(2), 0.1))
    assert got.status == "ok"
    info = got.extraction["document"]
    assert str(NO_TEXT_WARNING) in info["warnings"]
    assert info["kind"] == "other"  # the extractor's own "not a judgment or decision"
    assert any("does not look like a court judgment" in w for w in info["warnings"])


def test_a_page_out_of_budget_ends_the_document_as_timeout() -> None:
    loaded, tasks = scan(2)
    late = unreadable(2, "timeout", "reading the document's pages took longer than the limit of 1 s")
    got = finish(Prepared(loaded, tasks, 0.0), PageOutcome(read_page(HEADER, 1), 1.0), late)
    assert (got.status, got.code) == ("failed", "timeout")


def test_ocr_page_returns_errors_as_records(monkeypatch: pytest.MonkeyPatch) -> None:
    _, tasks = scan(1)

    def boom(*args: object, **kwargs: object) -> None:
        raise CorruptFile("the image stream is cut off")

    monkeypatch.setattr("docproc.ingest.load_page_image", boom)
    got = ocr_page(tasks[0], SETTINGS)
    assert got.page is None and got.error == PageError(1, "corrupt_file", "the image stream is cut off")
    spent = Deadline(at=1.0, seconds=5.0)  # long past
    late = ocr_page(tasks[0], SETTINGS, spent)
    assert late.error is not None and late.error.code == "timeout"


def test_prepare_turns_errors_into_records(tmp_path: Path) -> None:
    empty = tmp_path / "empty.pdf"
    empty.write_bytes(b"")
    got = prepare(str(empty), "empty.pdf", Settings())
    assert isinstance(got, DocResult) and (got.status, got.code) == ("failed", "empty_document")
    assert got.sha256 is not None  # copies of a bad file are still found as duplicates
    missing = prepare(str(tmp_path / "nope.pdf"), "nope.pdf", Settings())
    assert isinstance(missing, DocResult) and missing.status == "failed" and missing.code and missing.message


def test_text_file_is_finished_by_prepare(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text(HEADER + "\n", encoding="utf-8")
    got = prepare(str(path), "a.txt", SETTINGS)
    assert isinstance(got, DocResult) and got.status == "ok"
    assert got.layout == {"pages": [], "text": HEADER + "\n"}


def test_run_document_mapper_and_budget(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The caller's mapper reads the pages; the budget covers the whole run."""
    path = tmp_path / "a.txt"
    path.write_text(HEADER + "\n", encoding="utf-8")
    got = run_document(path, settings=SETTINGS, keep=True)
    assert got.status == "ok" and got.document is not None and got.model is not None

    loaded, tasks = scan(2)
    monkeypatch.setattr(runner, "_load", lambda *a: Prepared(loaded, tasks, 0.0))
    seen: list[int] = []

    def mapper(fn, items):  # type: ignore[no-untyped-def]
        seen.extend(t.number for t in items)
        return [PageOutcome(read_page(HEADER, 1), 0.5), unreadable(2)]

    got = run_document(Path("x.pdf"), settings=SETTINGS, mapper=mapper)
    assert seen == [1, 2] and got.status == "partial"

    def slow(fn, items):  # type: ignore[no-untyped-def]
        raise TimedOut("reading the document took longer than the limit of 1 s")

    assert run_document(Path("x.pdf"), settings=SETTINGS, mapper=slow).code == "timeout"


def test_error_of_maps_codes_to_exit_codes() -> None:
    assert type(error_of("corrupt_file", "x")) is CorruptFile and error_of("corrupt_file", "x").exit_code == 4
    assert type(error_of("ocr_failed", "x")) is OcrFailed
    assert type(error_of("empty_document", "x")) is EmptyDocument
    assert error_of("internal_error", "x").exit_code == 1
