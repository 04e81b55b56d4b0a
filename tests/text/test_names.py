"""Surnames: a first word one tone mark from a known family name is that name; nothing else moves."""

from __future__ import annotations

import pytest

from docproc.text.names import fix_surname


@pytest.mark.parametrize(
    ("ocr", "fixed"),
    [
        ("Đỉnh Thị Hường", "Đinh Thị Hường"),
        ("Định Thị Hường", "Đinh Thị Hường"),
        ("Bủi Văn C", "Bùi Văn C"),
        ("Tổng Văn A", "Tống Văn A"),
    ],
)
def test_tone_slip_on_the_surname_is_repaired(ocr: str, fixed: str) -> None:
    assert fix_surname(ocr) == fixed


@pytest.mark.parametrize(
    "name",
    ["Đinh Thị Hường", "Nguyên Đạt N", "Nguyễn Văn Định", "HOÀNG VĂN A", "Minh", "Ngân hàng Thương mại"],
)
def test_other_names_are_left_alone(name: str) -> None:
    assert fix_surname(name) == name
