"""`ocr_image` around a fake engine: coordinates, warnings, timeouts, orientation retries, and the
engine failures that must become OcrFailed. No Tesseract needed."""

from __future__ import annotations

import numpy as np
import pytest
from PIL import Image

from docproc.config import Settings
from docproc.document import Line, Word
from docproc.errors import OcrFailed
from docproc.notices import texts
from docproc.ocr import FakeOcrEngine, OcrEngine, OcrTimeout, TesseractEngine, ocr_image

DPI = 300


def pt(px: float) -> float:
    return px * 72 / DPI


def settings(**kw) -> Settings:
    return Settings(**kw)


def test_pixel_boxes_become_points(text_page: Image.Image) -> None:
    w, h = text_page.size
    engine = FakeOcrEngine({2: [[("Bản", (300, 60, 600, 120)), ("án", (660, 60, 780, 120))]]})
    page = ocr_image(text_page, number=2, width_pt=pt(w), height_pt=pt(h), settings=settings(), engine=engine)
    assert page.source == "ocr" and page.number == 2
    assert (page.width, page.height) == (pytest.approx(pt(w)), pytest.approx(pt(h)))
    assert page.lines[0].words[0].bbox == pytest.approx((72.0, 14.4, 144.0, 28.8))
    assert page.text == "Bản án"
    assert texts(page.warnings) == []
    assert engine.calls == [2]


def test_boxes_follow_the_page_size_not_the_dpi(text_page: Image.Image) -> None:
    # the same pixels declared as a page twice as large in points (150 dpi): boxes double. Without
    # preprocessing, so that the page is not upscaled to 300 dpi before the (fake) recognition.
    w, h = text_page.size
    engine = FakeOcrEngine({1: [[("x", (300, 60, 600, 120))]]})
    s = settings(ocr_preprocess=False)
    page = ocr_image(text_page, number=1, width_pt=pt(w) * 2, height_pt=pt(h) * 2, settings=s, engine=engine)
    assert page.lines[0].words[0].bbox == pytest.approx((144.0, 28.8, 288.0, 57.6))


def test_blank_page_skips_recognition() -> None:
    engine = FakeOcrEngine({1: [[("ghost", (0, 0, 10, 10))]]})
    blank = Image.new("L", (1200, 1600), 255)
    page = ocr_image(blank, number=1, width_pt=288, height_pt=384, settings=settings(), engine=engine)
    assert page.lines == [] and texts(page.warnings) == ["blank page"]
    assert engine.calls == []


def test_low_confidence_page_is_flagged(text_page: Image.Image) -> None:
    engine = FakeOcrEngine({1: [[("xq", (10, 10, 50, 50)), ("zz", (60, 10, 90, 50))]]}, confidence=0.3)
    w, h = text_page.size
    page = ocr_image(text_page, number=1, width_pt=pt(w), height_pt=pt(h), settings=settings(), engine=engine)
    assert texts(page.warnings) == ["unreadable page (mean confidence 0.30)"]
    assert page.text == "xq zz"  # what was read is kept


def test_timeout_gives_an_empty_page_with_a_warning(text_page: Image.Image) -> None:
    engine = FakeOcrEngine({1: [[("a", (0, 0, 1, 1))]]}, delay=5.0)
    w, h = text_page.size
    page = ocr_image(
        text_page,
        number=1,
        width_pt=pt(w),
        height_pt=pt(h),
        settings=settings(ocr_timeout_s=2),
        engine=engine,
    )
    assert page.lines == []
    assert texts(page.warnings) == ["OCR timed out after 2 s"]


class UpsideDown(OcrEngine):
    """Reads well only when given the image turned by 180°."""

    def __init__(self, original: np.ndarray) -> None:
        self.original = original

    def recognize(self, image, *, page_number, timeout=None, dpi=None):
        upright = np.array_equal(np.asarray(image), np.rot90(self.original, 2))
        conf = 0.95 if upright else 0.2
        words = [
            Word(text=f"w{i}", bbox=(10 * i, 5, 10 * i + 8, 15), confidence=conf, page=page_number)
            for i in range(20)
        ]
        return [Line(words=words)]

    def orientation(self, image, *, timeout=None):
        return 180


def test_page_read_badly_is_turned_when_osd_says_so(text_page: Image.Image) -> None:
    from docproc.ocr import preprocess

    arr = np.asarray(text_page)
    prepared = preprocess.prepare(arr, width_pt=pt(arr.shape[1])).image
    w, h = text_page.size
    page = ocr_image(
        text_page, number=1, width_pt=pt(w), height_pt=pt(h), settings=settings(), engine=UpsideDown(prepared)
    )
    assert page.rotation == 180
    assert "rotated 180°" in texts(page.warnings)
    assert page.mean_confidence == pytest.approx(0.95)


def test_missing_binary_raises_ocr_failed(text_page: Image.Image) -> None:
    engine = TesseractEngine(binary="tesseract-not-installed-here")
    with pytest.raises(OcrFailed, match="not installed"):
        engine.recognize(np.asarray(text_page), page_number=1)
    with pytest.raises(OcrFailed, match="not installed"):
        engine.check()


def test_fake_engine_accepts_finished_lines() -> None:
    line = Line(words=[Word(text="a", bbox=(1, 2, 3, 4), page=1)], block=7)
    assert FakeOcrEngine({1: [line]}).recognize(np.zeros((2, 2), np.uint8), page_number=1) == [line]
    assert FakeOcrEngine({}).recognize(np.zeros((2, 2), np.uint8), page_number=5) == []


@pytest.mark.parametrize("mode", ["1", "L", "RGB", "RGBA", "P", "I;16"])
def test_any_image_mode_is_read(text_page: Image.Image, mode: str) -> None:
    from docproc.ocr._page import _as_array

    if mode == "RGBA":  # text on a transparent background: must not turn black
        img = Image.new("RGBA", text_page.size, (0, 0, 0, 0))
        img.putalpha(Image.eval(text_page, lambda v: 255 - v))
    elif mode == "I;16":
        img = Image.fromarray(np.asarray(text_page).astype(np.uint16) * 257)
    else:
        img = text_page.convert(mode)
    arr = _as_array(img)
    assert arr.dtype == np.uint8
    grey = arr if arr.ndim == 2 else arr.mean(axis=2)
    ref = np.asarray(text_page)
    assert np.abs(grey.astype(float) - ref).mean() < 8  # same picture: black text on white


class SlowOsd(FakeOcrEngine):
    def orientation(self, image, *, timeout=None):
        raise OcrTimeout(timeout or 0)


def test_timeout_during_orientation_check_keeps_the_first_reading(text_page: Image.Image) -> None:
    engine = SlowOsd({1: [[("mờ", (10, 10, 50, 50))]]}, confidence=0.6)
    w, h = text_page.size
    page = ocr_image(
        text_page,
        number=1,
        width_pt=pt(w),
        height_pt=pt(h),
        settings=settings(ocr_timeout_s=5),
        engine=engine,
    )
    assert page.text == "mờ"
    assert texts(page.warnings) == ["OCR timed out after 5 s (orientation not checked)"]
