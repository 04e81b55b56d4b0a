"""A column piece read as garbage beside good text is read again alone (docproc.ocr._reread)."""

from __future__ import annotations

import numpy as np

from docproc.document import Line, Word
from docproc.ocr._reread import reread_weak_pieces
from docproc.ocr.engine import OcrEngine

H = 40


def _words(*items: tuple[str, float, float], conf: float) -> list[Word]:
    return [Word(text=t, bbox=(x, y, x + 20 * len(t), y + H), confidence=conf, page=1) for t, x, y in items]


class CropEngine(OcrEngine):
    """Reads any crop as one confident line of two words placed in the crop; records crop sizes."""

    name = "crop"

    def __init__(self, conf: float = 0.93) -> None:
        self.conf = conf
        self.crops: list[tuple[int, int]] = []

    def recognize(self, image, *, page_number, timeout=None, dpi=None):  # noqa: ANN001, ANN201
        self.crops.append(image.shape[:2])
        h, w = image.shape[:2]
        words = [
            Word(text="Độc", bbox=(10, 10, 10 + w / 3, h - 10), confidence=self.conf, page=page_number),
            Word(text="lập", bbox=(w / 2, 10, w - 10, h - 10), confidence=self.conf, page=page_number),
        ]
        return [Line(words=words)]

    def orientation(self, image, *, timeout=None) -> int:  # noqa: ANN001
        return 0


def _page() -> list[Line]:
    good = _words(("Bản", 100, 300), ("án", 200, 300), ("số:", 270, 300), ("5/2024", 360, 300), conf=0.95)
    bad = _words(("ĐU", 1300, 305), ("NGNG", 1400, 305), ("lu", 1540, 305), conf=0.05)
    body = _words(("Nội", 100, 500), ("dung", 200, 500), conf=0.95)
    return [Line(words=good + bad), Line(words=body)]


def test_a_garbage_piece_beside_good_text_is_read_again_alone() -> None:
    engine = CropEngine()
    img = np.full((1000, 2000), 255, np.uint8)
    out = reread_weak_pieces(img, _page(), engine, page_number=1, dpi=300, time_left=lambda: 60.0)
    assert len(engine.crops) == 1
    ch, cw = engine.crops[0]
    assert cw < 600 and ch < 3 * H  # only the piece, not the line or the page
    assert [ln.text for ln in out] == ["Bản án số: 5/2024", "Độc lập", "Nội dung"]
    new = out[1].words[0].bbox
    assert 1250 <= new[0] <= 1320 and 280 <= new[1] <= 330  # boxes back in the page's pixels


def test_a_second_reading_no_better_is_not_taken() -> None:
    engine = CropEngine(conf=0.2)
    img = np.full((1000, 2000), 255, np.uint8)
    out = reread_weak_pieces(img, _page(), engine, page_number=1, dpi=300, time_left=lambda: 60.0)
    assert [ln.text for ln in out] == ["Bản án số: 5/2024 ĐU NGNG lu", "Nội dung"]


def test_lines_without_a_weak_piece_cost_no_second_call() -> None:
    engine = CropEngine()
    lines = [Line(words=_words(("Một", 100, 100), ("hai", 1300, 100), conf=0.9))]
    out = reread_weak_pieces(
        np.full((500, 2000), 255, np.uint8), lines, engine, page_number=1, dpi=300, time_left=lambda: 60.0
    )
    assert engine.crops == [] and [ln.text for ln in out] == ["Một hai"]
