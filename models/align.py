"""Find where a gold value is written in a document's text (exactly, or approximately on OCR text).

Gold gives values ("Nguyễn Văn Hùng", 1250000000, "BK 123456"), not offsets; training data needs
character spans. Exact search folds case and tone placement and lets any whitespace (a line break)
stand for a space; approximate search (edit distance, for OCR text) runs the Sellers dynamic
programme one pattern character at a time over the whole text with numpy.
"""

from __future__ import annotations

import re

import numpy as np

from models._text import fold

__all__ = ["find_exact", "find_fuzzy"]


def _pattern(value: str) -> re.Pattern[str]:
    parts = [re.escape(p) for p in fold(value).split()]
    return re.compile(r"(?<!\w)" + r"\s+".join(parts) + r"(?!\w)")


def find_exact(folded_text: str, value: str) -> list[tuple[int, int]]:
    """Every occurrence of `value` in `folded_text` (the output of `fold`), as (start, end)."""
    if not value.strip():
        return []
    return [m.span() for m in _pattern(value).finditer(folded_text)]


def _codes(s: str) -> np.ndarray:
    return np.frombuffer(s.encode("utf-32-le"), dtype=np.uint32)


def _last_row(text: np.ndarray, pattern: np.ndarray) -> np.ndarray:
    """D[m][j]: least edits to match the whole pattern ending at text position j (free start)."""
    n = len(text)
    idx = np.arange(n + 1, dtype=np.int32)
    prev = np.zeros(n + 1, dtype=np.int32)
    for i, c in enumerate(pattern, start=1):
        e = np.empty(n + 1, dtype=np.int32)
        e[0] = i
        e[1:] = np.minimum(prev[:-1] + (text != c), prev[1:] + 1)
        prev = np.minimum.accumulate(e - idx) + idx
    return prev


def find_fuzzy(folded_text: str, value: str, max_ratio: float = 0.2) -> list[tuple[int, int, int]]:
    """Approximate occurrences of `value` (at most `max_ratio` edits per character), best first
    within each stretch of text, in text order: (start, end, edits)."""
    pat = " ".join(fold(value).split())
    m = len(pat)
    if m < 4 or not folded_text:
        return []
    text = re.sub(r"\s", " ", folded_text)  # same length: offsets are kept
    limit = int(max_ratio * m)
    row = _last_row(_codes(text), _codes(pat))
    ends = np.flatnonzero(row <= limit)
    found: list[tuple[int, int, int]] = []
    rev_pat = _codes(pat[::-1])
    k = 0
    while k < len(ends):
        group = [int(ends[k])]
        while k + 1 < len(ends) and ends[k + 1] - group[-1] <= max(2, m // 2):
            k += 1
            group.append(int(ends[k]))
        k += 1
        # fewest edits; among equals, one that ends a word, then the earliest
        end = min(group, key=lambda j: (row[j], j < len(text) and text[j].isalnum(), j))
        lo = max(0, end - 2 * m - limit)
        window = text[lo:end][::-1]
        rrow = _last_row(_codes(window), rev_pat)
        best = int(np.argmin(rrow))
        start = end - best
        # trim spaces the alignment may have taken in at either side
        while start < end and text[start] == " ":
            start += 1
        e2 = end
        while e2 > start and text[e2 - 1] == " ":
            e2 -= 1
        if e2 > start:
            found.append((start, e2, int(row[end])))
    return found
