"""End to end through the real Tesseract binary (`@pytest.mark.ocr`), on small pages drawn with PIL
at 300 dpi so that the whole file stays well under a minute on two shared cores."""

from __future__ import annotations

import difflib

import numpy as np
import pytest
from PIL import Image, ImageFilter

from docproc.config import Settings
from docproc.errors import OcrFailed
from docproc.notices import texts
from docproc.ocr import OcrTimeout, TesseractEngine, ocr_image

pytestmark = pytest.mark.ocr

TEXT = [
    "TÒA ÁN NHÂN DÂN THÀNH PHỐ NAM ĐỊNH",
    "Buộc bị đơn phải trả cho nguyên đơn số tiền",
    "1.250.000.000 đồng (một tỷ hai trăm năm mươi triệu đồng).",
    "Án phí dân sự sơ thẩm: 300.000 đồng.",
    "Thời hạn kháng cáo là 15 ngày kể từ ngày tuyên án.",
]


def read(img: Image.Image, **kw):
    return ocr_image(
        img, number=1, width_pt=img.width * 72 / 300, height_pt=img.height * 72 / 300, settings=Settings(**kw)
    )


def similarity(a: str, b: str) -> float:
    return difflib.SequenceMatcher(None, " ".join(a.split()), " ".join(b.split()), autojunk=False).ratio()


@pytest.fixture(scope="module")
def page_img(render) -> Image.Image:
    return render(TEXT, size=(1500, 620))


def test_reads_vietnamese_text(page_img: Image.Image) -> None:
    page = read(page_img)
    assert texts(page.warnings) == []
    assert similarity(page.text, "\n".join(TEXT)) > 0.97
    assert "1.250.000.000" in page.text and "300.000" in page.text
    assert "nguyên đơn" in page.text
    assert len(page.lines) == len(TEXT)
    assert page.mean_confidence is not None and page.mean_confidence > 0.8
    for w in page.words:  # boxes in points, inside the page, on the right page
        x0, y0, x1, y1 = w.bbox
        assert 0 <= x0 < x1 <= page.width and 0 <= y0 < y1 <= page.height
        assert w.page == 1
    first = page.lines[0].bbox
    assert first is not None and first[0] == pytest.approx(60 * 72 / 300, abs=2)  # drawn at x=60 px


def test_upside_down_page_is_read_upright(page_img: Image.Image) -> None:
    page = read(page_img.rotate(180))
    assert page.rotation == 180
    assert "rotated 180°" in texts(page.warnings)
    assert "1.250.000.000" in page.text
    assert similarity(page.text, "\n".join(TEXT)) > 0.95


def test_blank_page_warns() -> None:
    page = read(Image.new("L", (1200, 800), 250))
    assert page.lines == [] and texts(page.warnings) == ["blank page"]


def test_noise_page_is_unreadable() -> None:
    rng = np.random.default_rng(0)
    noise = Image.fromarray((rng.random((400, 700)) * 255).astype(np.uint8)).filter(
        ImageFilter.GaussianBlur(3)
    )
    noise = noise.point(lambda v: 0 if v < 125 else 255)
    page = read(noise)
    assert len(page.warnings) == 1 and texts(page.warnings)[0].startswith("unreadable page (mean confidence ")
    assert page.mean_confidence is None or page.mean_confidence < 0.5


def test_tiny_timeout_gives_a_warning(page_img: Image.Image) -> None:
    page = read(page_img, ocr_timeout_s=0.01)
    assert page.lines == [] and texts(page.warnings) == ["OCR timed out after 0.01 s"]


def test_engine_kills_tesseract_on_timeout(page_img: Image.Image) -> None:
    with pytest.raises(OcrTimeout):
        TesseractEngine().recognize(np.asarray(page_img), page_number=1, timeout=0.05)


def test_missing_language_raises_ocr_failed(page_img: Image.Image) -> None:
    with pytest.raises(OcrFailed, match="language"):
        TesseractEngine(lang="xyz").recognize(np.asarray(page_img), page_number=1)


def test_tesserocr_engine_reads_like_the_cli(page_img: Image.Image) -> None:
    pytest.importorskip("tesserocr")
    from docproc.ocr import TesserocrEngine

    arr = np.asarray(page_img)
    ours = " ".join(line.text for line in TesserocrEngine().recognize(arr, page_number=1))
    cli = " ".join(line.text for line in TesseractEngine().recognize(arr, page_number=1))
    assert similarity(ours, cli) > 0.97
    assert "1.250.000.000" in ours
    page = read(page_img, ocr_engine="tesserocr")
    assert texts(page.warnings) == [] and similarity(page.text, "\n".join(TEXT)) > 0.97


def test_photocopy_reads_once_softened(damage, render, monkeypatch) -> None:
    """A copy of a copy (ragged, broken strokes, streaks, toner specks): the softened page reads
    nearly right, and better than the despeckled binary page handed on before."""
    from docproc.ocr import preprocess

    lines = [
        "Buộc bị đơn phải trả cho nguyên đơn số tiền còn nợ",
        "là 1.250.000.000 đồng (một tỷ hai trăm năm mươi triệu).",
        "Án phí dân sự sơ thẩm bị đơn phải chịu là 300.000 đồng.",
        "Thời hạn kháng cáo là 15 ngày kể từ ngày tuyên án.",
    ]
    truth = "\n".join(lines)
    copy = Image.fromarray(damage(np.asarray(render(lines, size=(1500, 560))), seed=1))
    soft = similarity(read(copy).text, truth)
    monkeypatch.setattr(
        preprocess, "soften_copy", lambda gray, cleaned=None, dpi=300: gray if cleaned is None else cleaned
    )
    before = similarity(read(copy).text, truth)
    assert soft > 0.95
    assert soft > before + 0.015
