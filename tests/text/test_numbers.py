from __future__ import annotations

import random
import re
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from docproc.text import (
    AmountMatch,
    amount_to_words,
    find_amounts,
    find_foreign_amounts,
    parse_amount,
    words_to_amount,
)


@pytest.mark.parametrize(
    ("words", "value"),
    [
        ("Một tỷ hai trăm năm mươi triệu đồng", 1_250_000_000),
        ("Ba trăm linh năm nghìn đồng", 305_000),
        ("ba trăm lẻ năm ngàn đồng", 305_000),
        ("hai mươi mốt triệu năm trăm nghìn đồng chẵn", 21_500_000),
        ("Hai mươi mốt triệu không trăm linh năm nghìn đồng", 21_005_000),
        ("Năm trăm bốn mươi bảy triệu sáu trăm bốn mươi lăm nghìn một trăm ba mươi hai đồng", 547_645_132),
        ("hai mươi nhăm nghìn", 25_000),
        ("hai mươi tư triệu", 24_000_000),
        ("mười lăm triệu", 15_000_000),
        ("mười một", 11),
        ("một trăm mười", 110),
        ("Một tỉ không trăm bốn mươi lăm triệu đồng", 1_045_000_000),
        ("bảy mươi", 70),
        ("bẩy triệu", 7_000_000),
        ("hai nghìn tỷ", 2_000_000_000_000),
        ("một triệu rưỡi", 1_500_000),
        ("Không đồng", 0),
        ("bằng chữ: Mười một triệu đồng.", 11_000_000),
        ("(Bằng chữ: Ba triệu đồng)", 3_000_000),
        ("MỘT TRĂM NĂM MƯƠI TRIỆU ĐỒNG", 150_000_000),
        ("Một tỷ, hai trăm năm mươi triệu đồng;", 1_250_000_000),
        ("một trăm năm mươi triệu Việt Nam đồng", 150_000_000),
        # OCR without or with damaged diacritics
        ("mot ty hai tram nam muoi trieu dong", 1_250_000_000),
        ("Ba tram linh nam nghin dong", 305_000),
        ("hai mười mốt triệu", 21_000_000),  # mười after a digit is mươi
        ("hai mưoi lăm nghìn", 25_000),
    ],
)
def test_words_to_amount(words: str, value: int) -> None:
    assert words_to_amount(words) == value


@pytest.mark.parametrize(
    "text",
    [
        "",
        "đồng",
        "làm tròn",
        "nợ gốc 4.895.000.000 đồng",
        "hai ba",
        "trăm trăm",
        "triệu triệu",
        "Biên lai số 5",
    ],
)
def test_words_to_amount_rejects(text: str) -> None:
    assert words_to_amount(text) is None


@pytest.mark.parametrize(
    ("value", "words"),
    [
        (0, "Không đồng"),
        (5, "Năm đồng"),
        (15, "Mười lăm đồng"),
        (21, "Hai mươi mốt đồng"),
        (25, "Hai mươi lăm đồng"),
        (105, "Một trăm linh năm đồng"),
        (1_250_000_000, "Một tỷ hai trăm năm mươi triệu đồng"),
        (1_045_000_000, "Một tỷ không trăm bốn mươi lăm triệu đồng"),
        (21_005_000, "Hai mươi mốt triệu không trăm linh năm nghìn đồng"),
        (1_000_000_005, "Một tỷ không trăm linh năm đồng"),
        (1_500_000_000_000, "Một nghìn năm trăm tỷ đồng"),
    ],
)
def test_amount_to_words(value: int, words: str) -> None:
    assert amount_to_words(value) == words


@settings(max_examples=400, deadline=None)
@given(st.integers(min_value=0, max_value=10**15))
def test_words_round_trip(n: int) -> None:
    assert words_to_amount(amount_to_words(n)) == n


def test_words_round_trip_random_magnitudes() -> None:
    rng = random.Random(7)
    for _ in range(3000):
        n = rng.randrange(10 ** rng.randint(1, 13))
        assert words_to_amount(amount_to_words(n)) == n
        assert words_to_amount(amount_to_words(n).lower().replace(" đồng", "")) == n


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("1.250.000.000 đồng", 1_250_000_000),
        ("1.250.000.000đ", 1_250_000_000),
        ("1,25 tỷ đồng", 1_250_000_000),
        ("150 triệu đồng", 150_000_000),
        ("5 tỷ", 5_000_000_000),
        ("2 tỷ 350 triệu đồng", 2_350_000_000),
        ("150,000đ", 150_000),
        ("1.000.000 VNĐ", 1_000_000),
        ("150tr", 150_000_000),
        ("547.645.132 đồng.", 547_645_132),
        ("1.250.000.000", 1_250_000_000),
        # OCR damage
        ("5. 600.000.000", 5_600_000_000),
        ("5.600.000.000 đông", 5_600_000_000),
        ("1.250.000.000 dồng", 1_250_000_000),
        ("1.250.000.000 dong", 1_250_000_000),
        ("2.000.000d", 2_000_000),
        ("1.250,000.000 đồng", 1_250_000_000),
        ("1 250 000 000 đồng", 1_250_000_000),
        ("1.250.000,5 đồng", None),
    ],
)
def test_parse_amount(text: str, value: int | None) -> None:
    assert parse_amount(text) == value


@pytest.mark.parametrize(
    "text", ["20%/năm", "357,3", "Điều 468", "năm 2021", "15/3/2024", "abc", "16 Đông Ngàn"]
)
def test_parse_amount_rejects(text: str) -> None:
    assert parse_amount(text) is None


def _values(text: str) -> list[int]:
    return [a.value for a in find_amounts(text)]


def test_find_amounts_arithmetic() -> None:
    text = "Tiền cấp dưỡng 830.000 đồng x 10 tháng = 8.300.000 đồng (Tám triệu ba trăm nghìn đồng)."
    found = find_amounts(text)
    assert [a.value for a in found] == [830_000, 8_300_000]
    assert text[found[0].start : found[0].end] == "830.000 đồng"
    assert found[1].words == "Tám triệu ba trăm nghìn đồng"
    ws, we = found[1].words_span  # type: ignore[misc]
    assert text[ws:we] == found[1].words


def test_find_amounts_sum_operands() -> None:
    text = "trả cho bà T: 31.200.000 + 93.600.000 + 5.200.000 = 130.000.000 đồng; 02 x 9 x 2.000.000 đồng = 36.000.000 đồng"
    assert _values(text) == [31_200_000, 93_600_000, 5_200_000, 130_000_000, 2_000_000, 36_000_000]


def test_find_amounts_words_forms() -> None:
    text = (
        "số tiền 1.000.000 đồng (bằng chữ: Một triệu đồng), án phí 300.000đ (Ba trăm nghìn đồng), "
        "tiền lãi 5.496.203.265 đồng (nợ gốc 4.895.000.000 đồng, lãi 601.203.265 đồng)"
    )
    found = find_amounts(text)
    assert found[0] == AmountMatch(
        found[0].start, found[0].end, 1_000_000, "Một triệu đồng", found[0].words_span
    )
    assert found[1].words == "Ba trăm nghìn đồng"
    assert found[2].value == 5_496_203_265 and found[2].words is None  # an explanation, not the words
    assert [a.value for a in found[3:]] == [4_895_000_000, 601_203_265]


def test_find_amounts_labelled_words_without_parentheses() -> None:
    text = "Buộc bị đơn trả 1.000.000 đồng, bằng chữ: Một triệu đồng. Án phí 300.000 đồng"
    found = find_amounts(text)
    assert found[0].words == "Một triệu đồng"
    assert text[found[0].words_span[0] : found[0].words_span[1]] == "Một triệu đồng"  # type: ignore[index]
    assert found[1].words is None


def test_find_amounts_ignores_non_money() -> None:
    text = (
        "Căn cứ Điều 468 Bộ luật Dân sự năm 2015; lãi suất 20%/năm, 1,75%/tháng; ngày 15/3/2024, 22-9-2021; "
        "thửa đất số 123, tờ bản đồ số 45, diện tích 1.020 m²; Căn cước công dân số 031072004512; "
        "Hợp đồng tín dụng số 215/2021/HĐTD-PĐA; 22.000 kg cà phê; Số 16 Đông Ngàn; 01 đồng hồ; "
        "chia theo 2 tỷ lệ; Địa chỉ: Số 07 Đ, phường T; phần Công ty đóng 21,5%; 246.500 USD; 100 triệu USD; 22 nghìn kg"
    )
    assert find_amounts(text) == []


def test_find_amounts_through_ocr_specks() -> None:
    """Phone-camera OCR: a speck read as a colon before the unit, "đồng" read as "đống", separators
    followed by a space. Each needs a clearly grouped number."""
    text = (
        "tổng số tiền 3.723.209. 450: đồng (Ba tỷ), lãi chậm trả là 379. 395, 530 đống; "
        "Điều 357: đồng thời; số 2026: đồng ý; có 3 đống cát; 12: đống"
    )
    assert _values(text) == [3_723_209_450, 379_395_530]


def test_find_amounts_space_groups() -> None:
    assert _values("phạt 20 000 000 đồng; khoản 2 500.000 đồng") == [20_000_000, 500_000]


def test_find_amounts_scaled_and_units() -> None:
    assert _values("vay 150 triệu đồng, sau đó thêm 1,5 tỷ và 2 tỷ 350 triệu đồng, giá 40.500 đồng/kg") == [
        150_000_000,
        1_500_000_000,
        2_350_000_000,
        40_500,
    ]


def test_dev_corpus_pairs_agree(dev_texts: dict[str, str]) -> None:
    """Every amount with words in the dev judgments is found, and the two agree."""
    pair_re = re.compile(r"\d{1,3}(?:\.\d{3})+\s*(?:đồng|đ)\s*\((?:[A-ZĐ])[^()]*?đồng\)")
    expected = found = 0
    for text in dev_texts.values():
        expected += len(pair_re.findall(text))
        for a in find_amounts(text):
            if a.words is not None:
                found += 1
                assert words_to_amount(a.words) == a.value, text[a.start : a.words_span[1]]  # type: ignore[index]
    assert expected >= 50
    assert found >= expected


def test_find_amounts_unit_before_a_word() -> None:
    assert _values("Hoàn trả cho ông T 300.000đ tiền tạm ứng án phí") == [300_000]


def test_find_foreign_amounts() -> None:
    text = (
        "còn nợ 132.200 USD, tỷ giá 23.420 đồng/USD: 132.200 USD x 23.420 đồng; 1.250,5 EUR; 50.000 đô la Mỹ"
    )
    found = find_foreign_amounts(text)
    assert [(f.amount, f.currency) for f in found] == [
        (Decimal(132200), "USD"),
        (Decimal(132200), "USD"),
        (Decimal("1250.5"), "EUR"),
        (Decimal(50000), "USD"),
    ]
    assert text[found[0].start : found[0].end] == "132.200 USD"
    assert find_foreign_amounts("1.000.000 đồng, lãi 20%/năm") == []


def test_find_amounts_words_after_a_per_unit() -> None:
    text = "cấp dưỡng 2.500.000 đồng/tháng (Hai triệu năm trăm nghìn đồng), giá 1.000.000đ/01 tháng (Một triệu đồng)"
    assert [(a.value, a.words) for a in find_amounts(text)] == [
        (2_500_000, "Hai triệu năm trăm nghìn đồng"),
        (1_000_000, "Một triệu đồng"),
    ]


@pytest.mark.parametrize(
    ("text", "value", "words"),
    [
        ("cấp dưỡng mỗi tháng Hai triệu đồng (2.000.000 đồng), từ tháng", 2_000_000, "Hai triệu đồng"),
        (
            "giá trị chênh lệch là Bảy trăm linh năm triệu đồng (705.000.000 đồng).",
            705_000_000,
            "Bảy trăm linh năm triệu đồng",
        ),
        (
            "tiền cấp dưỡng là Một triệu năm trăm nghìn đồng (1.500.000 đồng/tháng)",
            1_500_000,
            "Một triệu năm trăm nghìn đồng",
        ),
        ("phải trả Hai triệu đồng (3.000.000 đồng)", 3_000_000, None),  # the words spell another sum
        ("phải trả số tiền (4.000.000 đồng)", 4_000_000, None),
    ],
)
def test_words_before_the_digits_in_parentheses(text: str, value: int, words: str | None) -> None:
    (a,) = find_amounts(text)
    assert (a.value, a.words) == (value, words)
    if words:
        assert text[a.words_span[0] : a.words_span[1]] == words
