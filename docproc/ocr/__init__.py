"""OCR stage: page image → `Page` of words with boxes in PDF points and confidences.

    from docproc.ocr import ocr_image
    page = ocr_image(image, number=1, width_pt=595, height_pt=842, settings=get_settings())

Preprocessing lives in `docproc.ocr.preprocess` (pure numpy functions); engines behind `OcrEngine`
in `docproc.ocr.engine` (Tesseract CLI by default, tesserocr in process, a fake for tests).
"""

from docproc.ocr._page import UNREADABLE_CONFIDENCE, get_engine, ocr_image
from docproc.ocr._tsv import lines_to_points, parse_tsv
from docproc.ocr.engine import (
    FakeOcrEngine,
    OcrEngine,
    OcrTimeout,
    TesseractEngine,
    TesserocrEngine,
)

__all__ = [
    "ocr_image",
    "get_engine",
    "OcrEngine",
    "OcrTimeout",
    "TesseractEngine",
    "TesserocrEngine",
    "FakeOcrEngine",
    "parse_tsv",
    "lines_to_points",
    "UNREADABLE_CONFIDENCE",
]
