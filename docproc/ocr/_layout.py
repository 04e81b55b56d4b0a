"""Tesseract lines → lines in the reading order of a printed judgment.

Tesseract reads a judgment's two-column parts row by row: the court name and the national motto
come out as one line ("TÒA ÁN NHÂN DÂN CỘNG HÒA XÃ HỘI ..."), "Nơi nhận:" and "TM. HỘI ĐỒNG XÉT XỬ"
too. On a curled or shadowed photo it also cuts one body line into fragments that it puts in
different blocks, so their pieces come out lines apart. Here, on the recognised words:

1. every line is cut where two words are further apart than a column gap (a few text heights), and
   a piece that stands apart and is no text (punctuation alone, or words all but rejected) dropped;
2. the pieces are put back into rows by their vertical position (pieces side by side on one row);
3. a run of rows that keep one consistent gap becomes two columns, left column first, then right
   (the order of the printed page: court, motto; recipients, signature);
4. the other rows join their pieces into one line; blocks change at column runs and at wide vertical
   gaps (paragraph joins downstream never cross a block).

Only boxes are used (no pixels), so it costs next to nothing next to recognition.
"""

from __future__ import annotations

import math
import re
import statistics
from collections.abc import Sequence
from dataclasses import dataclass, field

from docproc.document import Line, Word

__all__ = ["reading_order", "drop_folios", "is_folio"]

COLUMN_GAP = 2.2  # a gap between words wider than this many text heights separates columns
ROW_OVERLAP = 0.5  # pieces whose centres are within this many text heights share a row
PARAGRAPH_GAP = 1.8  # a vertical gap wider than this many text heights starts a new block
REGION_GAP = 2.5  # a column run ends at a vertical gap wider than this many text heights
FOLIO_GAP = 1.0  # a page number stands this many text heights apart from the text next to it
FOLIO_CENTRE = 0.1  # a misread page number is centred within this share of the text width
_FOLIO = re.compile(r"^[-–—\s]*(?:Trang\s*)?\d{1,3}(?:\s*/\s*\d{1,3})?[-–—\s]*$", re.IGNORECASE)
SCRAP_LETTERS = 3  # a segment of at most this many letters and numbers...
SCRAP_CONFIDENCE = 0.5  # ...read below this confidence, beside other text, is a scrap
GUTTER = 0.5  # the white channel between two header columns is at least this many text heights wide
STANDOUT = 1.7  # ...and, where a row has text on both sides, this many times its usual word space
MARK_CONFIDENCE = 0.2
MARGIN_SPECK = 1.0  # a letter or two this many text heights outside the text block is a speck  # a piece apart whose best word is below this is a mark, not text


@dataclass
class _Piece:
    words: list[Word]
    x0: float = field(init=False)
    y0: float = field(init=False)
    x1: float = field(init=False)
    y1: float = field(init=False)
    cy: float = field(init=False)  # median centre and height of the words: one tall speck box
    h: float = field(init=False)  # (a word box spanning two lines) does not move the piece

    def __post_init__(self) -> None:
        self.update()

    def update(self) -> None:
        self.x0 = min(w.bbox[0] for w in self.words)
        self.y0 = min(w.bbox[1] for w in self.words)
        self.x1 = max(w.bbox[2] for w in self.words)
        self.y1 = max(w.bbox[3] for w in self.words)
        self.cy = statistics.median((w.bbox[1] + w.bbox[3]) / 2 for w in self.words)
        self.h = max(statistics.median(w.bbox[3] - w.bbox[1] for w in self.words), 0.1)


def _text_height(lines: Sequence[Line]) -> float:
    heights = [w.bbox[3] - w.bbox[1] for line in lines for w in line.words if w.bbox[3] > w.bbox[1]]
    return statistics.median(heights) if heights else 1.0


def _cut(words: list[Word], gap: float) -> list[list[Word]]:
    """Words of one line (sorted by x) cut at gaps wider than `gap`."""
    out: list[list[Word]] = [[words[0]]]
    for prev, w in zip(words, words[1:], strict=False):
        if w.bbox[0] - prev.bbox[2] > gap:
            out.append([w])
        else:
            out[-1].append(w)
    return out


def _drop_margin_specks(pieces: list[_Piece], height: float) -> list[_Piece]:
    """Pieces without a speck read as a letter or two out in the page margin, clear of the text
    block (a phone photo's page edge or fold read "L", "ì"): print puts nothing there but text."""
    if len(pieces) < 5:
        return pieces
    x0s = sorted(p.x0 for p in pieces)
    x1s = sorted(p.x1 for p in pieces)
    left, right = x0s[len(x0s) // 4], x1s[-1 - len(x1s) // 4]  # most lines run margin to margin
    return [
        p
        for p in pieces
        if sum(ch.isalnum() for w in p.words for ch in w.text) > 2
        or left - MARGIN_SPECK * height <= p.x1
        and p.x0 <= right + MARGIN_SPECK * height
    ]


def _is_mark(words: list[Word]) -> bool:
    """A piece standing apart from any text that is no text itself: only punctuation (an underline,
    a speck, the edge of a seal read as "_", "`", "$ #"), or words the engine all but rejects (a
    signature read as "⁄⁄VWÙ")."""
    if not any(ch.isalnum() for w in words for ch in w.text):
        return True
    return max(w.confidence for w in words) < MARK_CONFIDENCE


def _rows(pieces: list[_Piece]) -> list[list[_Piece]]:
    """Pieces side by side (centres within half a text height, not overlapping horizontally) share
    a row, the nearest of the rows just above; rows top to bottom."""
    rows: list[list[_Piece]] = []
    for p in sorted(pieces, key=lambda p: (p.cy, p.x0)):
        home, best = None, None
        for row in rows[-4:]:  # rows are built top down: only the last few can be level with p
            if any(q.x0 < p.x1 and p.x0 < q.x1 for q in row):
                continue
            cy = statistics.median(q.cy for q in row)
            h = min(p.h, statistics.median(q.h for q in row))
            off = abs(p.cy - cy)
            if off <= ROW_OVERLAP * h and (best is None or off < best):
                home, best = row, off
        if home is None:
            rows.append([p])
        else:
            home.append(p)
    for row in rows:
        row.sort(key=lambda p: p.x0)
    rows.sort(key=lambda r: statistics.median(p.cy for p in r))
    return rows


def _segments(row: list[_Piece], gap: float) -> list[_Piece]:
    """The row's pieces merged where they are closer than a column gap."""
    out = [_Piece(list(row[0].words))]
    for p in row[1:]:
        if p.x0 - out[-1].x1 > gap:
            out.append(_Piece(list(p.words)))
        else:
            out[-1].words.extend(p.words)
            out[-1].update()
    return out


def _drop_weak(row: list[_Piece]) -> list[_Piece]:
    """A row's segments without those that are a scrap beside real text: a word or two of at most
    three letters read at low confidence, a column gap away from the rest (a smudge from a dirty
    drum before a centred title, read "bộ", which hid the heading "NỘI DUNG VỤ ÁN")."""
    if len(row) < 2:
        return row
    kept = [p for p in row if not _is_scrap(p)]
    return kept or row


def _is_scrap(p: _Piece) -> bool:
    letters = sum(ch.isalnum() for w in p.words for ch in w.text)
    return letters <= SCRAP_LETTERS and max(w.confidence for w in p.words) < SCRAP_CONFIDENCE


def _region(
    rows: list[list[_Piece]], start: int, height: float
) -> tuple[int, list[_Piece], list[_Piece]] | None:
    """From a row in two segments, the run of rows keeping that split: (end, left, right), or None
    unless two rows or more have text on both sides (one wide gap alone, even followed by a short
    last line, is more likely a justified line stretched wide)."""
    first = rows[start]
    left, right = [first[0]], [first[1]]
    left_end, right_start = first[0].x1, first[1].x0
    bottom = max(p.y1 for p in first)
    paired = 1  # rows with text in both columns
    j = start + 1
    while j < len(rows):
        row = rows[j]
        if min(p.y0 for p in row) - bottom > REGION_GAP * height:
            break
        if len(row) == 2:
            lo, hi = max(left_end, row[0].x1), min(right_start, row[1].x0)
            if lo >= hi:
                break
            left_end, right_start = lo, hi
            left.append(row[0])
            right.append(row[1])
            paired += 1
        elif len(row) == 1:
            p = row[0]
            fits_left, fits_right = p.x1 < right_start, p.x0 > left_end
            if fits_left and (not fits_right or (p.x0 + p.x1) / 2 < (left_end + right_start) / 2):
                left.append(p)
                left_end = max(left_end, p.x1)
            elif fits_right:
                right.append(p)
                right_start = min(right_start, p.x0)
            else:
                break
        else:
            break
        bottom = max(bottom, max(p.y1 for p in row))
        j += 1
    if paired < 2:
        return None
    return j, left, right


def _free(row: list[_Piece], height: float) -> list[tuple[float, float]]:
    """The x intervals a row leaves free: before its first word, between words at least
    GUTTER text heights apart, after its last word."""
    words = sorted((w for p in row for w in p.words), key=lambda w: w.bbox[0])
    out = [(float("-inf"), words[0].bbox[0])]
    reach = words[0].bbox[2]
    for w in words[1:]:
        if w.bbox[0] - reach >= GUTTER * height:
            out.append((reach, w.bbox[0]))
        reach = max(reach, w.bbox[2])
    out.append((reach, float("inf")))
    return out


def _meet(
    a: list[tuple[float, float]], b: list[tuple[float, float]], least: float
) -> list[tuple[float, float]]:
    return [(max(x0, y0), min(x1, y1)) for x0, x1 in a for y0, y1 in b if min(x1, y1) - max(x0, y0) >= least]


def _gutter_region(
    rows: list[list[_Piece]], start: int, height: float
) -> tuple[int, list[_Piece], list[_Piece]] | None:
    """The header's two columns at the top of a page, found by the channel of white between them
    rather than by a column gap in each row: the court's name and the national motto may nearly
    touch ("... KHU VỰC 12 CỘNG HÒA XÃ HỘI ..."), but the rows under them leave the same channel
    free. From row `start`, rows are taken while a channel at least GUTTER text heights wide runs
    through all of them near the middle of the text; (end, left, right) when at least three rows
    share it, one with text on both sides and each side with text of its own."""
    if is_folio(" ".join(w.text for p in rows[start] for w in p.words)):
        return None  # a page number above the header is no part of it
    words = [w for r in rows for p in r for w in p.words]
    lo, hi = min(w.bbox[0] for w in words), max(w.bbox[2] for w in words)
    mid_lo, mid_hi = lo + 0.3 * (hi - lo), lo + 0.7 * (hi - lo)
    free: list[tuple[float, float]] | None = None
    bottom: float | None = None

    def channel(ab: tuple[float, float]) -> tuple[bool, float]:
        """Text on both sides first (not the white beyond every row's end), then the widest."""
        return (math.isfinite(ab[0]) and math.isfinite(ab[1]), min(ab[1], mid_hi) - max(ab[0], mid_lo))

    j = start
    while j < len(rows):
        row = rows[j]
        if bottom is not None and min(p.y0 for p in row) - bottom > REGION_GAP * height:
            break
        meet = _free(row, height) if free is None else _meet(free, _free(row, height), GUTTER * height)
        meet = [(a, b) for a, b in meet if a < mid_hi and b > mid_lo]
        if not meet:
            break
        if free is not None:  # from the second row on, follow the widest channel only
            meet = [max(meet, key=channel)]
            if j > start + 1 and not _splits(row, sum(meet[0]) / 2, height):
                break  # a title's word space that happens to fall in the channel
        free, bottom = meet, max(p.y1 for p in row)
        j += 1
    if free is None or j - start < 3:
        return None
    a, b = max(free, key=channel)
    cut = (max(a, mid_lo) + min(b, mid_hi)) / 2
    left: list[_Piece] = []
    right: list[_Piece] = []
    paired = 0
    for row in rows[start:j]:
        if not _splits(row, cut, height):
            return None
        lw = [w for p in row for w in p.words if (w.bbox[0] + w.bbox[2]) / 2 < cut]
        rw = [w for p in row for w in p.words if (w.bbox[0] + w.bbox[2]) / 2 >= cut]
        paired += bool(lw and rw)
        left.extend([_Piece(lw)] if lw else [])
        right.extend([_Piece(rw)] if rw else [])
    if not paired or (paired < 2 and len(left) == paired and len(right) == paired):
        return None
    if start > 1 and (paired < 2 or not (left and right and _same_row(left[0], right[0]))):
        return None  # below the header (the closing block): it starts with a row of both columns
    return j, left, right


def _same_row(a: _Piece, b: _Piece) -> bool:
    return a.y0 < b.y1 and b.y0 < a.y1


def _splits(row: list[_Piece], x: float, height: float) -> bool:
    """Whether cutting the row at `x` parts columns: it has words on one side only, or the gap at `x`
    is a column gap wide or STANDOUT times the row's usual word space (a justified line stretches all its
    spaces alike)."""
    words = sorted((w for p in row for w in p.words), key=lambda w: w.bbox[0])
    k = sum((w.bbox[0] + w.bbox[2]) / 2 < x for w in words)
    if k in (0, len(words)):
        return True
    gaps = [b.bbox[0] - a.bbox[2] for a, b in zip(words, words[1:], strict=False)]
    cut = gaps.pop(k - 1)
    if cut >= COLUMN_GAP * height:
        return True
    return cut >= max(STANDOUT * (statistics.median(gaps) if gaps else GUTTER * height), GUTTER * height)


def reading_order(lines: Sequence[Line]) -> list[Line]:
    """The page's lines in reading order, two-column runs column by column (see the module doc).

    Works in any unit (pixels or points) as long as the boxes of all lines share it.
    """
    lines = [line for line in lines if line.words]
    if len(lines) < 2:
        return list(lines)
    height = _text_height(lines)
    gap = COLUMN_GAP * height
    pieces = [
        _Piece(ws)
        for line in lines
        for ws in _cut(sorted(line.words, key=lambda w: w.bbox[0]), gap)
        if not _is_mark(ws)
    ]
    pieces = _drop_margin_specks(pieces, height)
    if not pieces:
        return []
    rows = [_drop_weak(_segments(r, gap)) for r in _rows(pieces)]

    out: list[Line] = []
    block = -1
    prev_bottom: float | None = None
    fresh = True  # the next row starts a block
    i = 0
    while i < len(rows):
        region = _gutter_region(rows, i, height)
        if region is None and len(rows[i]) == 2:
            region = _region(rows, i, height)
        if region is not None:
            end, left, right = region
            for column in (left, right):
                block += 1
                out.extend(Line(words=p.words, block=block) for p in column)
            prev_bottom = max(p.y1 for r in rows[i:end] for p in r)
            fresh = True
            i = end
            continue
        row = rows[i]
        top = min(p.y0 for p in row)
        if fresh or prev_bottom is None or top - prev_bottom > PARAGRAPH_GAP * height:
            block += 1
            fresh = False
        words = [w for p in row for w in p.words]
        out.append(Line(words=words, block=block))
        prev_bottom = max(p.y1 for p in row)
        i += 1
    return out


def is_folio(text: str) -> bool:
    """A page number as printed: "7", "- 7 -", "Trang 7", "7/12"."""
    return bool(_FOLIO.match(text))


def drop_folios(lines: Sequence[Line]) -> list[Line]:
    """The page's lines without its page number (the first or last line, a number alone, standing
    apart from the text). Left in, it lands inside the sentence that runs over the page break
    ("... hai mươi ba / 7 / nghìn ...") and breaks amounts in words, names and obligations. A centred
    scrap of one or two characters there is a page number misread ("S" for 8) and goes too."""
    out = [line for line in lines if line.words]
    if len(out) < 2:
        return out
    height = _text_height(out)
    boxes = [b for b in (line.bbox for line in out) if b is not None]
    left, right = min(b[0] for b in boxes), max(b[2] for b in boxes)
    for idx, neighbour in ((0, 1), (-1, -2)):
        if len(out) < 2:
            break
        line, other = out[idx], out[neighbour]
        box, obox = line.bbox, other.bbox
        if box is None or obox is None:
            continue
        gap = obox[1] - box[3] if idx == 0 else box[1] - obox[3]
        if gap < FOLIO_GAP * height:
            continue
        text = line.text.strip()
        centred = abs((box[0] + box[2]) / 2 - (left + right) / 2) <= FOLIO_CENTRE * (right - left)
        misread = len(line.words) == 1 and sum(ch.isalnum() for ch in text) <= 2 and centred
        if is_folio(text) or misread:
            del out[idx]
    return out
