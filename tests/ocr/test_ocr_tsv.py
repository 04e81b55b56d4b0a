"""TSV parsing and pixel → point conversion: pure, no Tesseract needed."""

from __future__ import annotations

import unicodedata

import pytest

from docproc.document import Line, Word
from docproc.ocr import lines_to_points, parse_tsv
from docproc.ocr.engine import parse_osd

HEADER = "level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext"


def row(level, block, par, line, word, box, conf, text=""):
    left, top, width, height = box
    return f"{level}\t1\t{block}\t{par}\t{line}\t{word}\t{left}\t{top}\t{width}\t{height}\t{conf}\t{text}"


TSV = "\n".join(
    [
        HEADER,
        row(1, 0, 0, 0, 0, (0, 0, 2480, 3508), -1),
        row(2, 1, 0, 0, 0, (100, 200, 800, 100), -1),
        row(3, 1, 1, 0, 0, (100, 200, 800, 100), -1),
        row(4, 1, 1, 1, 0, (100, 200, 800, 40), -1),
        row(5, 1, 1, 1, 1, (100, 200, 150, 40), 96.5, "Bản"),
        row(5, 1, 1, 1, 2, (270, 200, 90, 40), 91, "án"),
        row(5, 1, 1, 1, 3, (380, 200, 60, 40), 95, " "),  # Tesseract emits empty words
        row(4, 1, 1, 2, 0, (100, 260, 800, 40), -1),
        row(5, 1, 1, 2, 1, (100, 260, 300, 40), 88.25, unicodedata.normalize("NFD", "đồng")),
        row(2, 2, 0, 0, 0, (100, 400, 500, 40), -1),
        row(5, 2, 1, 1, 1, (100, 400, 200, 40), -1, "x"),  # conf -1 on a word → 0
    ]
)


def test_words_grouped_into_lines_with_blocks() -> None:
    lines = parse_tsv(TSV, page_number=3)
    assert [line.text for line in lines] == ["Bản án", "đồng", "x"]
    assert [line.block for line in lines] == [1, 1, 2]
    assert all(w.page == 3 for line in lines for w in line.words)


def test_confidence_scaled_and_clipped() -> None:
    words = [w for line in parse_tsv(TSV, page_number=1) for w in line.words]
    assert [w.confidence for w in words] == pytest.approx([0.965, 0.91, 0.8825, 0.0])


def test_boxes_are_pixel_corners() -> None:
    first = parse_tsv(TSV, page_number=1)[0].words[0]
    assert first.bbox == (100.0, 200.0, 250.0, 240.0)


def test_text_is_nfc() -> None:
    word = parse_tsv(TSV, page_number=1)[1].words[0]
    assert word.text == unicodedata.normalize("NFC", "đồng")
    assert len(word.text) == 4


def test_empty_and_malformed_input() -> None:
    assert parse_tsv("", page_number=1) == []
    assert parse_tsv(HEADER + "\n5\t1\tbad\trow", page_number=1) == []


def test_pixels_to_points_at_300_dpi() -> None:
    # an A4 page scanned at 300 dpi: 2480 px wide for 595.28 pt, so 72/300 pt per pixel
    lines = [Line(words=[Word(text="a", bbox=(300, 600, 600, 900), confidence=0.9, page=1)], block=4)]
    out = lines_to_points(lines, sx=72 / 300, sy=72 / 300)
    assert out[0].words[0].bbox == pytest.approx((72.0, 144.0, 144.0, 216.0))
    assert out[0].block == 4
    assert out[0].words[0].confidence == 0.9
    assert lines[0].words[0].bbox == (300, 600, 600, 900)  # input untouched


def test_parse_osd() -> None:
    text = "Page number: 0\nOrientation in degrees: 180\nRotate: 180\nOrientation confidence: 11.52\nScript: Latin\n"
    o = parse_osd(text)
    assert (o.angle, o.confidence) == (180, pytest.approx(11.52))
    assert parse_osd("Too few characters. Skipping this page").angle == 0


@pytest.mark.parametrize(
    ("raw", "fixed"),
    [("Ð", "Đ"), ("ðồng", "đồng"), ("QĐÐĐXXST-DS", "QĐXXST-DS"), ("QÐST", "QĐST"), ("Đơn", "Đơn")],
)
def test_eth_read_for_d_with_stroke_is_fixed(raw: str, fixed: str) -> None:
    tsv = HEADER + "\n" + row(5, 1, 1, 1, 1, (0, 0, 10, 10), 90, raw)
    assert parse_tsv(tsv, page_number=1)[0].text == fixed
