"""One page image → one `Page`: preprocess, recognise, check orientation when the text reads badly,
convert pixel boxes to points, and say in `Page.warnings` what a reviewer must know."""

from __future__ import annotations

import time

import numpy as np
from PIL import Image

from docproc.config import Settings
from docproc.document import Line, Page
from docproc.notices import Notice
from docproc.ocr import preprocess
from docproc.ocr._layout import drop_folios, reading_order
from docproc.ocr._noise import drop_noise_words
from docproc.ocr._reread import reread_weak_pieces
from docproc.ocr._tsv import lines_to_points
from docproc.ocr._words import clean_words
from docproc.ocr.engine import OcrEngine, OcrTimeout, TesseractEngine, TesserocrEngine

__all__ = ["ocr_image", "get_engine", "UNREADABLE_CONFIDENCE"]

UNREADABLE_CONFIDENCE = 0.5  # mean word confidence below which a page is flagged unreadable
RECHECK_CONFIDENCE = 0.75  # below this (or with few words) the orientation is checked and retried

_ENGINES: dict[tuple[str, str], OcrEngine] = {}


def get_engine(settings: Settings) -> OcrEngine:
    """The engine named by `settings.ocr_engine`, one per process (tesserocr keeps a loaded model)."""
    key = (settings.ocr_engine, settings.ocr_lang)
    engine = _ENGINES.get(key)
    if engine is None:
        if settings.ocr_engine == "tesserocr" or (settings.ocr_engine == "auto" and _has_tesserocr()):
            engine = TesserocrEngine(lang=settings.ocr_lang)
        else:
            engine = TesseractEngine(lang=settings.ocr_lang)
        _ENGINES[key] = engine
    return engine


def _has_tesserocr() -> bool:
    try:
        import tesserocr  # noqa: F401
    except ImportError:
        return False
    return True


def _as_array(image: Image.Image) -> np.ndarray:
    """uint8 grey or RGB, whatever the mode: 16-bit scans scaled down, transparency on white."""
    mode = image.mode
    if mode in ("I;16", "I;16B", "I;16L", "I", "F"):
        a = np.asarray(image, dtype=np.float64)
        top = a.max() if a.size else 0.0
        return (a * (255.0 / top) if top > 255 else a).clip(0, 255).astype(np.uint8)
    if mode == "P":
        image = image.convert("RGBA")
        mode = "RGBA"
    if mode in ("LA", "RGBA", "PA"):
        white = Image.new("RGBA", image.size, (255, 255, 255, 255))
        image = Image.alpha_composite(white, image.convert("RGBA"))
        return np.asarray(image.convert("RGB"))
    if mode in ("1", "L"):
        return np.asarray(image.convert("L"))
    return np.asarray(image.convert("RGB"))


def _quality(lines: list[Line]) -> tuple[float, int]:
    words = [w for line in lines for w in line.words]
    if not words:
        return 0.0, 0
    return sum(w.confidence for w in words) / len(words), len(words)


def _better(a: list[Line], b: list[Line]) -> bool:
    """Whether reading `b` is better than reading `a` (confidence weighted by how much was read)."""
    ca, na = _quality(a)
    cb, nb = _quality(b)
    return cb * min(nb, 200) > ca * min(na, 200) * 1.1


def _turn(image: np.ndarray, clockwise: int) -> np.ndarray:
    return np.ascontiguousarray(np.rot90(image, k=-(clockwise // 90) % 4))


def ocr_image(
    image: Image.Image,
    *,
    number: int,
    width_pt: float,
    height_pt: float,
    settings: Settings,
    engine: OcrEngine | None = None,
) -> Page:
    """OCR one page image whose page measures `width_pt` × `height_pt` points.

    Boxes come back in points from the top-left of the page as read upright: when the scan had to be
    turned by 90° or 270°, `Page.width`/`height` are swapped accordingly and `Page.rotation` says by
    how much. A small deskew angle is not reported (boxes are those of the straightened page).
    """
    engine = engine or get_engine(settings)
    timeout = float(settings.ocr_timeout_s)
    deadline = time.monotonic() + timeout
    warnings: list[Notice] = []

    def left() -> float:
        return deadline - time.monotonic()

    def page(
        lines: list[Line], rotation: int = 0, warn: list[Notice] | None = None, px: tuple[int, int] = (1, 1)
    ) -> Page:
        w_pt, h_pt = (height_pt, width_pt) if rotation in (90, 270) else (width_pt, height_pt)
        pts = lines_to_points(lines, sx=w_pt / px[0], sy=h_pt / px[1]) if lines else []
        return Page(
            number=number,
            width=w_pt,
            height=h_pt,
            source="ocr",
            lines=pts,
            rotation=rotation,
            warnings=warnings + (warn or []),
        )

    arr = _as_array(image)
    if settings.ocr_preprocess:
        prep = preprocess.prepare(arr, width_pt=width_pt, max_pixels=settings.max_image_pixels)
    else:
        gray = preprocess.to_gray(arr)
        dpi0 = gray.shape[1] / (width_pt / 72.0)
        prep = preprocess.Prepared(image=gray, blank=preprocess.is_blank(preprocess.binarize(gray), dpi=dpi0))
    img = prep.image
    if prep.blank:
        return page([], warn=[Notice("page.blank")])
    dpi = max(round(img.shape[1] / (width_pt / 72.0)), 70)

    rotation = 0
    try:
        lines = engine.recognize(img, page_number=number, timeout=left(), dpi=dpi)
    except OcrTimeout:
        return page([], warn=[Notice("page.ocr_timeout", params={"seconds": timeout})])
    conf, n = _quality(lines)
    if conf < RECHECK_CONFIDENCE or n < 3:
        # Upside-down or sideways text reads as low-confidence garbage: ask OSD, read again if it
        # is sure, keep the better reading. Upright pages (nearly all) never pay for OSD.
        try:
            angle = engine.orientation(img, timeout=left())
            if angle:
                turned = _turn(img, angle)
                w_t = height_pt if angle in (90, 270) else width_pt
                dpi_t = max(round(turned.shape[1] / (w_t / 72.0)), 70)
                again = engine.recognize(turned, page_number=number, timeout=left(), dpi=dpi_t)
                if _better(lines, again):
                    lines, rotation, img = again, angle, turned
        except OcrTimeout:
            warnings.append(Notice("page.ocr_timeout_orientation", params={"seconds": timeout}))

    if rotation:
        warnings.append(Notice("page.rotated", params={"degrees": int(rotation)}))
    conf, n = _quality(lines)
    if n == 0:
        return page([], rotation, warn=[Notice("page.unreadable", params={"confidence": 0.0})])
    if conf < UNREADABLE_CONFIDENCE:
        warnings.append(Notice("page.unreadable", params={"confidence": float(conf)}))
    w_img = height_pt if rotation in (90, 270) else width_pt
    dpi_img = max(round(img.shape[1] / (w_img / 72.0)), 70)
    lines = reread_weak_pieces(img, lines, engine, page_number=number, dpi=dpi_img, time_left=left)
    if "soften" in prep.steps:  # a photocopy: words of toner dust (on office scans and photos the
        # filter cost CER: realistic office 1.02% → 1.11%, phone 1.59% → 1.87% on the dev half)
        lines = drop_noise_words(lines)
    lines = clean_words(drop_folios(reading_order(lines)))
    return page(lines, rotation, px=(img.shape[1], img.shape[0]))
