from __future__ import annotations

import datetime as dt

import pytest

from docproc.text import find_dates, parse_date


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("ngày 15 tháng 3 năm 2024", dt.date(2024, 3, 15)),
        ("Ngày 10 tháng 11 năm 2021", dt.date(2021, 11, 10)),
        ("ngày 03 tháng 09 năm 2019", dt.date(2019, 9, 3)),
        ("Hà Nội, ngày 19 tháng 10 năm 2015", dt.date(2015, 10, 19)),
        ("15/3/2024", dt.date(2024, 3, 15)),
        ("15-3-2024", dt.date(2024, 3, 15)),
        ("15.3.2024", dt.date(2024, 3, 15)),
        ("Ngày: 22-9-2021", dt.date(2021, 9, 22)),
        ("ngày 05/8/2020", dt.date(2020, 8, 5)),
        ("NGÀY 30/09/2019", dt.date(2019, 9, 30)),
        ("sinh ngày 01/01/2018", dt.date(2018, 1, 1)),
        ("ngay 1 thang 2 nam 2020", dt.date(2020, 2, 1)),  # OCR lost the marks
        ("29/2/2024", dt.date(2024, 2, 29)),
    ],
)
def test_parse_date(text: str, value: dt.date) -> None:
    assert parse_date(text) == value


@pytest.mark.parametrize(
    "text",
    [
        "31/2/2024",
        "29/2/2023",
        "ngày 32 tháng 1 năm 2020",
        "ngày 1 tháng 13 năm 2020",
        "số 05/01/2021/QĐ-ST",
        "1.020.000",
        "tháng 4/2024",
        "sinh năm 1966",
        "1/1/1800",
    ],
)
def test_parse_date_rejects(text: str) -> None:
    assert parse_date(text) is None


def test_find_dates_spans() -> None:
    text = (
        "Trong các ngày 15 và 22 tháng 9 năm 2021, thụ lý ngày 20 tháng 8 năm 2020; vắng mặt ngày 22/9/2021."
    )
    found = find_dates(text)
    assert [d.value for d in found] == [dt.date(2021, 9, 22), dt.date(2020, 8, 20), dt.date(2021, 9, 22)]
    assert [text[d.start : d.end] for d in found] == [
        "22 tháng 9 năm 2021",
        "ngày 20 tháng 8 năm 2020",
        "22/9/2021",
    ]


def test_find_dates_in_dev(dev_texts: dict[str, str]) -> None:
    """Every date-looking token of the dev texts parses; no date comes from a document number."""
    total = 0
    for text in dev_texts.values():
        for d in find_dates(text):
            total += 1
            # the end of a periodic payment ("đến ngày 14/02/2032", when a child turns 18) may lie
            # two decades after the judgment; a year past that is a number misread as a date
            assert 1950 <= d.value.year <= 2050
            assert text[d.end : d.end + 1] != "/"
    assert total > 300


def test_lunar_marker() -> None:
    found = find_dates(
        "Hụi mở ngày 05/8/2018 (DL), khui ngày 15/7/2018 (ÂL) và ngày 10 tháng 1 năm 2019 âm lịch"
    )
    assert [(d.value, d.lunar) for d in found] == [
        (dt.date(2018, 8, 5), False),
        (dt.date(2018, 7, 15), True),
        (dt.date(2019, 1, 10), True),
    ]
