"""Read again, on its own, a column piece that Tesseract read as garbage beside good text.

Tesseract reads a two-column row of a judgment's header as one line. When the two sides differ in
size or baseline (a small "Bản án số: ..." on the left, the bold, underlined "Độc lập - Tự do - Hạnh
phúc" on the right), it fits one baseline to the whole line and the side that does not fit comes out
as near-zero-confidence garbage ("ĐU NGNG lu lập Su"), which the layout then drops as a mark: the
motto, or a court's province, is lost. Cut on its own, the same piece reads cleanly. So a piece a
column gap apart from confident text on its line, and itself read at low confidence, is cropped and
recognised alone; the new reading replaces it when it is clearly better. Only such pieces pay for a
second call, a few on a page that has them, none on most pages.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

from docproc.document import Line, Word
from docproc.ocr._layout import COLUMN_GAP, _cut, _text_height
from docproc.ocr.engine import OcrEngine, OcrTimeout

__all__ = ["reread_weak_pieces"]

WEAK = 0.5  # a piece read at this mean confidence or below is worth a second look...
GOOD = 0.8  # ...when another piece of its line reads at least this well
BETTER = 0.3  # the new reading replaces it when its mean confidence is this much higher
MAX_PIECES = 4  # at most this many second reads on one page
MIN_LETTERS = 4  # a piece smaller than this is a speck or a mark, not a column of text
PAD = 0.4  # crop margin around the piece, in text heights


def _mean(words: list[Word]) -> float:
    return sum(w.confidence for w in words) / len(words)


def reread_weak_pieces(
    image: np.ndarray,
    lines: list[Line],
    engine: OcrEngine,
    *,
    page_number: int,
    dpi: int,
    time_left: Callable[[], float],
) -> list[Line]:
    """`lines` (pixel boxes of `image`) with weak column pieces read again alone (module doc)."""
    if not lines:
        return lines
    height = _text_height(lines)
    gap = COLUMN_GAP * height
    out: list[Line] = []
    budget = MAX_PIECES
    for line in lines:
        words = sorted(line.words, key=lambda w: w.bbox[0])
        pieces = _cut(words, gap) if len(words) > 1 else [words]
        if budget <= 0 or len(pieces) < 2 or max(_mean(p) for p in pieces) < GOOD:
            out.append(line)
            continue
        kept: list[Word] = []
        extra: list[Line] = []
        for piece in pieces:
            letters = sum(ch.isalnum() for w in piece for ch in w.text)
            if budget <= 0 or _mean(piece) > WEAK or letters < MIN_LETTERS:
                kept.extend(piece)
                continue
            budget -= 1
            again = _read_alone(image, piece, engine, page_number, dpi, height, time_left)
            new_words = [w for ln in again for w in ln.words]
            if new_words and _mean(new_words) >= _mean(piece) + BETTER:
                extra.extend(Line(words=ln.words, block=line.block) for ln in again if ln.words)
            else:
                kept.extend(piece)
        if kept:
            out.append(Line(words=sorted(kept, key=lambda w: w.bbox[0]), block=line.block))
        out.extend(extra)
    return out


def _read_alone(
    image: np.ndarray,
    piece: list[Word],
    engine: OcrEngine,
    page_number: int,
    dpi: int,
    height: float,
    time_left: Callable[[], float],
) -> list[Line]:
    """The piece's box (with a margin) recognised on its own, boxes back in the page's pixels."""
    pad = PAD * height
    x0 = max(int(min(w.bbox[0] for w in piece) - pad), 0)
    y0 = max(int(min(w.bbox[1] for w in piece) - pad), 0)
    x1 = min(int(max(w.bbox[2] for w in piece) + pad) + 1, image.shape[1])
    y1 = min(int(max(w.bbox[3] for w in piece) + pad) + 1, image.shape[0])
    if x1 - x0 < 4 or y1 - y0 < 4 or time_left() <= 1.0:
        return []
    crop = np.ascontiguousarray(image[y0:y1, x0:x1])
    try:
        found = engine.recognize(crop, page_number=page_number, timeout=time_left(), dpi=dpi)
    except OcrTimeout:
        return []
    return [
        Line(
            words=[
                w.model_copy(
                    update={"bbox": (w.bbox[0] + x0, w.bbox[1] + y0, w.bbox[2] + x0, w.bbox[3] + y0)}
                )
                for w in ln.words
            ],
            block=ln.block,
        )
        for ln in found
    ]
