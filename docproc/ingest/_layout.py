"""Words with boxes → lines in reading order, with blocks for the two-column parts of a judgment.

A Vietnamese judgment opens with two columns side by side (court name on the left, the national
motto on the right) and closes with two more (recipients, signature). Read row by row they
interleave ("TÒA ÁN NHÂN DÂN CỘNG HÒA XÃ HỘI ..."); read column by column each keeps its meaning.
So a run of rows split by one consistent wide gap becomes two blocks, left column first.
"""

from __future__ import annotations

import statistics
from collections.abc import Sequence

from docproc.document import Line, Word

__all__ = ["group_lines"]

_GAP_FACTOR = 2.5  # a gap wider than this many text heights separates columns
_MIN_GAP_PT = 20.0
_PARAGRAPH_FACTOR = 2.0  # a vertical gap wider than this many heights starts a new block


def group_lines(words: Sequence[Word]) -> list[Line]:
    """Group words into lines (same row, sorted by x), two-column runs split into column blocks."""
    if not words:
        return []
    height = statistics.median(max(w.bbox[3] - w.bbox[1], 0.1) for w in words)
    rows = _rows(words)
    big_gap = max(_GAP_FACTOR * height, _MIN_GAP_PT)
    segs = [_split(row, big_gap) for row in rows]

    out: list[Line] = []
    block = -1
    prev_bottom: float | None = None
    new_block = True
    i = 0
    while i < len(rows):
        region = _column_region(rows, segs, i, height) if len(segs[i]) == 2 else None
        if region is not None:
            end, left, right = region
            block += 1
            out.extend(Line(words=seg, block=block) for seg in left)
            block += 1
            out.extend(Line(words=seg, block=block) for seg in right)
            prev_bottom = max(w.bbox[3] for r in rows[i:end] for w in r)
            new_block = True
            i = end
            continue
        row = rows[i]
        top = min(w.bbox[1] for w in row)
        if new_block or prev_bottom is None or top - prev_bottom > _PARAGRAPH_FACTOR * height:
            block += 1
            new_block = False
        out.append(Line(words=list(row), block=block))
        prev_bottom = max(w.bbox[3] for w in row)
        i += 1
    return out


def _rows(words: Sequence[Word]) -> list[list[Word]]:
    """Words on the same row: vertical centres within half a text height of the row's."""
    ordered = sorted(words, key=lambda w: ((w.bbox[1] + w.bbox[3]) / 2, w.bbox[0]))
    rows: list[list[Word]] = []
    centre = 0.0
    for w in ordered:
        c = (w.bbox[1] + w.bbox[3]) / 2
        h = max(w.bbox[3] - w.bbox[1], 0.1)
        if rows:
            row_h = statistics.median(max(x.bbox[3] - x.bbox[1], 0.1) for x in rows[-1])
            if abs(c - centre) <= 0.5 * min(h, row_h):
                rows[-1].append(w)
                centre = statistics.fmean((x.bbox[1] + x.bbox[3]) / 2 for x in rows[-1])
                continue
        rows.append([w])
        centre = c
    for row in rows:
        row.sort(key=lambda w: w.bbox[0])
    return rows


def _split(row: list[Word], big_gap: float) -> list[list[Word]]:
    segs: list[list[Word]] = [[row[0]]]
    for prev, w in zip(row, row[1:], strict=False):
        if w.bbox[0] - prev.bbox[2] > big_gap:
            segs.append([w])
        else:
            segs[-1].append(w)
    return segs


def _column_region(
    rows: list[list[Word]], segs: list[list[list[Word]]], start: int, height: float
) -> tuple[int, list[list[Word]], list[list[Word]]] | None:
    """From a row split in two, the run of rows that keep that split: (end, left lines, right lines).

    None unless at least two rows take part (one wide gap alone is more likely a justified line).
    """
    left_end = segs[start][0][-1].bbox[2]  # right edge of the left column so far
    right_start = segs[start][1][0].bbox[0]  # left edge of the right column so far
    left: list[list[Word]] = [segs[start][0]]
    right: list[list[Word]] = [segs[start][1]]
    j = start + 1
    while j < len(rows):
        gap = min(w.bbox[1] for w in rows[j]) - max(w.bbox[3] for w in rows[j - 1])
        if gap > _PARAGRAPH_FACTOR * height:
            break
        s = segs[j]
        if len(s) == 2:
            lo, hi = max(left_end, s[0][-1].bbox[2]), min(right_start, s[1][0].bbox[0])
            if lo >= hi:
                break
            left_end, right_start = lo, hi
            left.append(s[0])
            right.append(s[1])
        elif len(s) == 1:
            x0, x1 = s[0][0].bbox[0], s[0][-1].bbox[2]
            fits_left, fits_right = x1 < right_start, x0 > left_end
            if fits_left and (not fits_right or (x0 + x1) / 2 < (left_end + right_start) / 2):
                left.append(s[0])
                left_end = max(left_end, x1)
            elif fits_right:
                right.append(s[0])
                right_start = min(right_start, x0)
            else:
                break
        else:
            break
        j += 1
    if j - start < 2:
        return None
    return j, left, right
