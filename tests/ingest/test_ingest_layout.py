"""Words → lines: rows by vertical position, columns of the header and signature kept apart."""

from __future__ import annotations

from docproc.document import Word
from docproc.ingest._layout import group_lines


def _row(y: float, *cells: tuple[float, str], h: float = 13.0) -> list[Word]:
    """Words of one row: each cell is (x where it starts, its text); 7 pt a character."""
    words = []
    for x, text in cells:
        for token in text.split():
            words.append(Word(text=token, bbox=(x, y, x + 7 * len(token), y + h), page=1))
            x += 7 * len(token) + 3
    return words


def test_rows_sorted_top_to_bottom_and_left_to_right() -> None:
    # the second half of the first row sits 0.8 pt lower (another font size, a scanner's skew)
    words = _row(100, (70, "thứ hai")) + _row(80, (70, "dòng đầu")) + _row(80.8, (135, "cùng dòng"))
    lines = group_lines(list(reversed(words)))
    assert [line.text for line in lines] == ["dòng đầu cùng dòng", "thứ hai"]
    assert lines[0].block == lines[1].block


def test_single_wide_gap_is_not_a_column() -> None:
    """One justified line with a wide gap, among full lines: no columns."""
    text = "Trong các ngày 15 và 22 tháng 9 năm 2021 tại trụ sở"
    words = _row(100, (70, text)) + _row(116, (70, "Buộc"), (200, "trả")) + _row(132, (70, text))
    lines = group_lines(words)
    assert [line.text for line in lines] == [text, "Buộc trả", text]
    assert len({line.block for line in lines}) == 1


def test_header_columns_read_column_by_column() -> None:
    words = (
        _row(60, (70, "TÒA ÁN NHÂN DÂN"), (320, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"))
        + _row(76, (70, "TỈNH BẮC NINH"), (340, "Độc lập - Tự do - Hạnh phúc"))
        + _row(96, (70, "Số: 05/2022/DS-PT"), (330, "Bắc Ninh, ngày 3 tháng 3 năm 2022"))
        + _row(140, (240, "NHÂN DANH"))
        + _row(156, (70, "NƯỚC CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM VÀ CÁC NỘI DUNG KHÁC DÀI"))
    )
    lines = group_lines(words)
    assert [line.text for line in lines] == [
        "TÒA ÁN NHÂN DÂN",
        "TỈNH BẮC NINH",
        "Số: 05/2022/DS-PT",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "Bắc Ninh, ngày 3 tháng 3 năm 2022",
        "NHÂN DANH",
        "NƯỚC CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM VÀ CÁC NỘI DUNG KHÁC DÀI",
    ]
    blocks = [line.block for line in lines]
    assert blocks[0] == blocks[1] == blocks[2]
    assert blocks[3] == blocks[4] == blocks[5] != blocks[0]
    assert blocks[6] not in blocks[:6]


def test_signature_block_with_lone_right_lines() -> None:
    words = (
        _row(600, (70, "Nơi nhận:"), (330, "TM. HỘI ĐỒNG XÉT XỬ"))
        + _row(616, (70, "- Các đương sự;"), (340, "THẨM PHÁN"))
        + _row(632, (70, "- Lưu hồ sơ."))
        + _row(700, (345, "(Đã ký)"))
    )
    lines = group_lines(words)
    assert [line.text for line in lines] == [
        "Nơi nhận:",
        "- Các đương sự;",
        "- Lưu hồ sơ.",
        "TM. HỘI ĐỒNG XÉT XỬ",
        "THẨM PHÁN",
        "(Đã ký)",
    ]


def test_empty() -> None:
    assert group_lines([]) == []
