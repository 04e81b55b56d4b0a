"""Issue 17: one document runner for the CLI, the batch and the service.

- A file with one unreadable page gets the same status (partial) and the same extraction from all
  three callers.
- Importing a batch and opening its documents on the review page starts no OCR: the words come
  from the layout the batch wrote; a batch that wrote none shows the scan's pages without words.

The OCR engine is replaced by a counter that "reads" made-up text (fictitious names), and fails on
page 2 when asked to: the scans are real image-only PDFs (ingest renders their pages).
"""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from api.importer import import_batch
from docproc.config import Settings
from docproc.document import Line, Page, Word
from docproc.errors import OcrFailed
from pipelines.batch import run_batch

OFFICE = "Chi cục THADS A"
PAGE_TEXT = {
    1: "TÒA ÁN NHÂN DÂN HUYỆN THỬ\nBản án số: 12/2025/DS-ST\nNgày 05-03-2025\nNHÂN DANH NƯỚC CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
    2: "Nguyên đơn: bà Trần Thị Thử\nBị đơn: ông Lê Văn Mẫu",
    3: "QUYẾT ĐỊNH:\nBuộc ông Lê Văn Mẫu trả cho bà Trần Thị Thử số tiền 150.000.000 đồng.",
}


class FakeEngine:
    """Stands in for docproc.ocr.ocr_image: counts calls, reads PAGE_TEXT, fails on `failing` pages."""

    def __init__(self) -> None:
        self.calls: list[int] = []
        self.failing: set[int] = set()

    def __call__(self, image: Any, *, number: int, width_pt: float, height_pt: float, **kw: Any) -> Page:
        self.calls.append(number)
        if number in self.failing:
            raise OcrFailed("tesseract crashed on this page")
        lines = []
        for k, text in enumerate(PAGE_TEXT[number].splitlines()):
            y = 60.0 + 16 * k
            words = [
                Word(text=w, bbox=(50 + 30 * i, y, 78 + 30 * i, y + 12), confidence=0.93, page=number)
                for i, w in enumerate(text.split())
            ]
            lines.append(Line(words=words))
        return Page(number=number, width=width_pt, height=height_pt, source="ocr", lines=lines)


@pytest.fixture
def engine(monkeypatch: pytest.MonkeyPatch) -> FakeEngine:
    fake = FakeEngine()
    monkeypatch.setattr("docproc.ocr.ocr_image", fake)
    return fake


def scanned_pdf(path: Path, pages: int = 3) -> Path:
    """An image-only PDF: each page a grey sheet with dark bars (ink, so no page is skipped as blank)."""
    from PIL import Image, ImageDraw

    images = []
    for n in range(pages):
        im = Image.new("L", (420, 595), 250)
        draw = ImageDraw.Draw(im)
        for k in range(6 + n):
            draw.rectangle((40, 40 + 30 * k, 360, 52 + 30 * k), fill=30)
        images.append(im)
    images[0].save(path, "PDF", save_all=True, append_images=images[1:], resolution=72)
    return path


@pytest.fixture
def dask() -> Iterator[Any]:
    """An in-process Dask cluster (threads), so the replaced engine is the one its tasks call."""
    from distributed import Client

    with Client(processes=False, n_workers=1, threads_per_worker=1, dashboard_address=":0") as client:
        yield client


def _comparable(data: dict[str, Any]) -> dict[str, Any]:
    """The extraction without what depends on where it ran (none today: timings would go here)."""
    return json.loads(json.dumps(data))


def test_cli_batch_and_service_agree_on_a_file_with_an_unreadable_page(
    api: Any,
    settings: Settings,
    engine: FakeEngine,
    dask: Any,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    engine.failing = {2}
    src = tmp_path / "in"
    src.mkdir()
    pdf = scanned_pdf(src / "ba-trang.pdf")

    # the CLI's process command, in this process (one OCR worker: the pages run here)
    from typer.testing import CliRunner

    from cli.main import app

    monkeypatch.setattr("docproc.config.get_settings", lambda: settings)
    res = CliRunner().invoke(app, ["process", str(pdf), "--out", str(tmp_path / "cli")])
    assert res.exit_code == 0, res.output  # partial is written, not failed
    assert "page 2: OCR failed (ocr_failed: tesseract crashed on this page)" in res.output
    by_cli = json.loads((tmp_path / "cli" / "ba-trang.json").read_text(encoding="utf-8"))

    # the batch (Dask tasks per page)
    summary = run_batch([str(src)], tmp_path / "batch", settings=settings, client=dask)
    assert summary.counts == {"done": 1}
    by_batch = json.loads((tmp_path / "batch" / "ba-trang.json").read_text(encoding="utf-8"))
    from pipelines.manifest import Manifest

    manifest = Manifest.find(settings.db_url, tmp_path / "batch")
    assert manifest is not None
    try:
        (row,) = manifest.rows()
    finally:
        manifest.close()
    assert (row["state"], row["reason"]) == ("done", "partial")
    assert row["message"] == "pages that could not be read: 2"

    # the service (its pool: here a thread of this process)
    r = api.upload("officer_a", "ba-trang.pdf", pdf.read_bytes(), "application/pdf")
    body = api.wait("officer_a", r.json()["id"])
    assert (body["status"], body["job"]["stage"]) == ("done", "partial"), body
    by_service = body["extraction"]

    assert _comparable(by_cli) == _comparable(by_batch) == _comparable(by_service)
    info = by_cli["document"]
    assert info["pages"] == 3 and info["text_source"] == "ocr"
    assert by_cli["case"]["number"] == "12/2025/DS-ST"
    assert engine.calls.count(2) == 3  # each caller tried page 2 once


def test_imported_batch_opens_on_the_review_page_without_ocr(
    api: Any, settings: Settings, engine: FakeEngine, dask: Any, tmp_path: Path
) -> None:
    src = tmp_path / "in"
    src.mkdir()
    scanned_pdf(src / "ban-an.pdf")
    out = tmp_path / "out"
    assert run_batch([str(src)], out, settings=settings, client=dask).counts == {"done": 1}
    assert sorted(engine.calls) == [1, 2, 3]
    assert list((out / "layout").rglob("*.json.gz"))  # written beside the outputs, by sha256
    assert sorted(p.name for p in out.glob("*.json")) == ["ban-an.json"]

    engine.calls.clear()
    report = import_batch(out, office=OFFICE, settings=settings, sessions=api.client.app.state.sessions)
    assert report.imported == 1
    (item,) = api.get("reviewer_a", "/documents").json()["items"]
    layout = api.get("reviewer_a", f"/documents/{item['id']}/layout")
    assert layout.status_code == 200 and [p["number"] for p in layout.json()["pages"]] == [1, 2, 3]
    assert not any(p["words_missing"] for p in layout.json()["pages"])
    got = api.get("reviewer_a", f"/documents/{item['id']}/pages/1/words")
    assert got.status_code == 200, got.text
    words = got.json()["words"]
    assert words[0] == {"text": "TÒA", "bbox": [50.0, 60.0, 78.0, 72.0], "confidence": 0.93}
    assert got.json()["words_missing"] is False
    page = api.get("reviewer_a", f"/documents/{item['id']}/pages/1")  # the page image: a render, not OCR
    assert page.status_code == 200
    assert engine.calls == []  # no OCR in any request


def test_a_batch_without_layouts_shows_its_scans_without_words_and_runs_no_ocr(
    api: Any, settings: Settings, engine: FakeEngine, dask: Any, tmp_path: Path
) -> None:
    src = tmp_path / "in"
    src.mkdir()
    scanned_pdf(src / "cu.pdf", pages=2)
    out = tmp_path / "out"
    assert run_batch([str(src)], out, settings=settings, client=dask).counts == {"done": 1}
    shutil.rmtree(out / "layout")  # as an older batch wrote it
    engine.calls.clear()
    import_batch(out, office=OFFICE, settings=settings, sessions=api.client.app.state.sessions)
    (item,) = api.get("reviewer_a", "/documents").json()["items"]
    pages = api.get("reviewer_a", f"/documents/{item['id']}/layout").json()["pages"]
    assert [(p["number"], p["words_missing"]) for p in pages] == [(1, True), (2, True)]
    got = api.get("reviewer_a", f"/documents/{item['id']}/pages/2/words").json()
    assert got["words"] == [] and got["words_missing"] is True and got["width"] > 0
    assert engine.calls == []


def test_stored_layouts_of_the_older_list_shape_are_still_read(tmp_path: Path) -> None:
    from api.review_layout import page_words

    old = {
        "pages": [
            {"number": 1, "width": 595, "height": 842, "source": "ocr", "words": [["Tòa", 1, 2, 3, 4, 0.5]]}
        ]
    }
    got = page_words(old, 1)
    assert got["words"] == [{"text": "Tòa", "bbox": [1, 2, 3, 4], "confidence": 0.5}]
    assert got["rotation"] == 0 and got["words_missing"] is False
