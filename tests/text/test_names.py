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
    # "Hà" and "Lê" are surnames of the list: their tone neighbours ("Hạ", "Lệ") must not win
    [
        "Đinh Thị Hường",
        "Hà Văn An",
        "Lê Thị B",
        "Nguyễn Văn Định",
        "HOÀNG VĂN A",
        "Minh",
        "Ngân hàng Thương mại",
    ],
)
def test_other_names_are_left_alone(name: str) -> None:
    assert fix_surname(name) == name


def test_a_rare_surname_no_list_names_reads_as_the_common_one() -> None:
    """ "Nguyên" is not in the public lists (sources/surnames.tsv): at the head of a name it is read as
    Nguyễn with its tilde lost, by far the likelier."""
    assert fix_surname("Nguyên Đạt N") == "Nguyễn Đạt N"
