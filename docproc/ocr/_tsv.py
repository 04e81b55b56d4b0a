"""Tesseract TSV → lines of words, in the pixel space of the image Tesseract read.

TSV has one row per layout element: level 1 page, 2 block, 3 paragraph, 4 line, 5 word, with
`block_num par_num line_num word_num left top width height conf text`. Only word rows carry text;
their (block, par, line) numbers group them into lines. `conf` is 0..100 (-1 on non-word rows).
"""

from __future__ import annotations

import re
import unicodedata

from docproc.document import BBox, Line, Word

__all__ = ["parse_tsv", "lines_to_points", "scale_bbox", "fix_glyphs"]


# The vie model sometimes writes Icelandic eth (U+00D0/U+00F0) for Vietnamese đ (U+0110/U+0111), or
# both for one glyph ("QĐÐ"); eth never occurs in Vietnamese.
_ETH_RUN = re.compile("[\u0110\u00d0]*(?:\u0110\u00d0|\u00d0\u0110)[\u0110\u00d0]*")
_ETH = str.maketrans({"\u00d0": "\u0110", "\u00f0": "\u0111"})


def fix_glyphs(text: str) -> str:
    """Engine-level glyph fixes that are right in any Vietnamese text (see _ETH_RUN)."""
    return _ETH_RUN.sub("\u0110", text).translate(_ETH)


def parse_tsv(tsv: str, *, page_number: int) -> list[Line]:
    """Words grouped into lines in reading order; boxes in pixels, confidence 0..1."""
    lines: dict[tuple[int, int, int], list[Word]] = {}
    rows = tsv.splitlines()
    if rows and rows[0].startswith("level"):
        rows = rows[1:]
    for row in rows:
        cols = row.split("\t")
        if len(cols) < 12 or cols[0] != "5":
            continue
        text = fix_glyphs(unicodedata.normalize("NFC", "\t".join(cols[11:]).strip()))
        if not text:
            continue
        try:
            block, par, line = int(cols[2]), int(cols[3]), int(cols[4])
            left, top, width, height = (int(c) for c in cols[6:10])
            conf = float(cols[10])
        except ValueError:
            continue
        conf = min(max(conf / 100.0, 0.0), 1.0)
        bbox = (float(left), float(top), float(left + width), float(top + height))
        lines.setdefault((block, par, line), []).append(
            Word(text=text, bbox=bbox, confidence=conf, page=page_number)
        )
    return [Line(words=words, block=key[0]) for key, words in lines.items()]


def scale_bbox(bbox: BBox, sx: float, sy: float) -> BBox:
    return (round(bbox[0] * sx, 2), round(bbox[1] * sy, 2), round(bbox[2] * sx, 2), round(bbox[3] * sy, 2))


def lines_to_points(lines: list[Line], *, sx: float, sy: float) -> list[Line]:
    """Convert pixel boxes to PDF points (sx, sy: points per pixel), once, at the end of OCR."""
    return [
        Line(
            words=[w.model_copy(update={"bbox": scale_bbox(w.bbox, sx, sy)}) for w in line.words],
            block=line.block,
        )
        for line in lines
    ]
