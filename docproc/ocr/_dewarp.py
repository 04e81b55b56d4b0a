"""Page curl: text lines that bend up or down towards the edge of a photographed page.

Tesseract follows a straight or slightly skewed baseline; where a curled line rises by more than
half a line, it cuts the line in two and reads the end as a line of its own (or as junk). Here the
page is cut into vertical strips and horizontal bands; within a band, each strip's row profile of
ink is matched against its neighbour's (a few pixels of lag at most, so a strip never jumps a whole
line), the lags add up into a vertical offset per strip, and the image is remapped so that every
strip lines up with the page's middle. A flat page measures no offset and is left alone.

Costs a few row sums and one remap (tens of milliseconds), nothing when the page is flat.
"""

from __future__ import annotations

import cv2
import numpy as np

__all__ = ["curl_offsets", "uncurl"]

STRIPS = 24  # vertical strips across the page
BANDS = 4  # horizontal bands down the page (curl changes from top to bottom)
MAX_STEP = 0.004  # largest offset between neighbouring strips, as a share of the page height
MIN_CURL = 0.0015  # offsets (share of page height) below this everywhere: the page is flat
MIN_INK = 0.01  # share of a cell's pixels that must be ink for its profile to count


def _lag(a: np.ndarray, b: np.ndarray, max_lag: int) -> int:
    """Shift of profile `b` against `a` (positive: b's rows sit lower) with the best overlap."""
    best, arg = -1.0, 0
    n = len(a)
    for lag in range(-max_lag, max_lag + 1):
        if lag >= 0:
            s = float(np.dot(a[: n - lag], b[lag:]))
        else:
            s = float(np.dot(a[-lag:], b[: n + lag]))
        if s > best:
            best, arg = s, lag
    return arg


def curl_offsets(binary: np.ndarray) -> np.ndarray | None:
    """Vertical offset (pixels, BANDS × STRIPS) of each cell's text against the page's middle
    strip, or None when the page is flat. `binary` has ink 0 on paper 255."""
    h, w = binary.shape
    ink = (binary < 128).astype(np.float32)
    xs = np.linspace(0, w, STRIPS + 1).astype(int)
    ys = np.linspace(0, h, BANDS + 1).astype(int)
    max_lag = max(int(MAX_STEP * h), 1)
    offsets = np.zeros((BANDS, STRIPS), np.float32)
    mid = STRIPS // 2
    for b in range(BANDS):
        y0, y1 = ys[b], ys[b + 1]
        profiles = []
        for s in range(STRIPS):
            cell = ink[y0:y1, xs[s] : xs[s + 1]]
            prof = cell.sum(axis=1)
            prof = cv2.GaussianBlur(prof.reshape(-1, 1), (1, 5), 0).ravel()
            ok = cell.size and cell.mean() >= MIN_INK
            profiles.append(prof - prof.mean() if ok else None)
        for direction in (1, -1):
            prev, off = mid, 0.0
            for s in range(mid + direction, STRIPS if direction > 0 else -1, direction):
                if profiles[s] is not None and profiles[prev] is not None:
                    off += _lag(profiles[prev], profiles[s], max_lag)
                    prev = s
                offsets[b, s] = off
    offsets -= np.median(offsets)
    if np.abs(offsets).max() < MIN_CURL * h:
        return None
    return offsets


def uncurl(gray: np.ndarray, offsets: np.ndarray) -> np.ndarray:
    """`gray` remapped so that each cell moves by minus its offset (text lines made straight)."""
    h, w = gray.shape
    field = cv2.resize(offsets, (w, h), interpolation=cv2.INTER_LINEAR)
    map_x = np.tile(np.arange(w, dtype=np.float32), (h, 1))
    map_y = np.arange(h, dtype=np.float32)[:, None] + field
    return cv2.remap(gray, map_x, map_y, cv2.INTER_LINEAR, borderValue=255)
