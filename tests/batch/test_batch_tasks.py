"""The worker-side functions alone (no cluster): failures come back as records, never as exceptions."""

from __future__ import annotations

from pathlib import Path

from docproc.config import Settings
from docproc.document import Line, Page, Word
from docproc.ingest.types import ImagePageTask, LoadedFile
from pipelines.batch_tasks import Failed, Finished, PageOutcome, Prepared, finish, prepare


def scan(n_pages: int) -> tuple[LoadedFile, list[ImagePageTask]]:
    tasks = [
        ImagePageTask(path="x.pdf", kind="pdf", index=i, number=i + 1, width_pt=595, height_pt=842)
        for i in range(n_pages)
    ]
    loaded = LoadedFile(source="x.pdf", path=Path("x.pdf"), kind="pdf", sha256="0" * 64, pages=list(tasks))
    return loaded, tasks


def ocr_page_with(text: str, number: int) -> Page:
    words = [
        Word(text=w, bbox=(72 + 40 * i, 100, 100 + 40 * i, 112), confidence=0.9, page=number)
        for i, w in enumerate(text.split())
    ]
    return Page(number=number, width=595, height=842, source="ocr", lines=[Line(words=words)])


def test_every_page_failing_fails_the_document_as_ocr_failed() -> None:
    loaded, tasks = scan(2)
    outcomes = [
        PageOutcome(None, 1.0, "ocr_failed: tesseract crashed"),
        PageOutcome(None, 1.0, "internal_error: X"),
    ]
    got = finish(Prepared(loaded, tasks, 0.1), *outcomes)
    assert isinstance(got, Failed) and got.reason == "ocr_failed"
    assert "tesseract crashed" in got.message and got.seconds >= 2.0


def test_one_page_failing_leaves_a_warning_and_the_rest_is_read() -> None:
    loaded, tasks = scan(2)
    good = ocr_page_with("TÒA ÁN NHÂN DÂN HUYỆN X", 1)
    got = finish(
        Prepared(loaded, tasks, 0.1), PageOutcome(good, 1.0), PageOutcome(None, 1.0, "ocr_failed: boom")
    )
    assert isinstance(got, Finished), got
    assert got.pages == 2 and got.ocr_pages == 2 and got.ocr_seconds == 2.0
    assert any("page 2" in w and "boom" in w for w in got.extraction["document"]["warnings"])


def test_prepare_turns_errors_into_records(tmp_path: Path) -> None:
    empty = tmp_path / "empty.pdf"
    empty.write_bytes(b"")
    got = prepare(str(empty), "empty.pdf", Settings())
    assert isinstance(got, Failed) and got.reason == "empty_document"
    missing = prepare(str(tmp_path / "nope.pdf"), "nope.pdf", Settings())
    assert isinstance(missing, Failed) and missing.reason and missing.message
