"""The case header as OCR gives it: columns read into one line, headings glued onto the court's line,
damaged or cut readings, regional and high courts without their place. Invented headers only."""

from __future__ import annotations

import pytest

from docproc.document import Document
from docproc.extract._case_date import agree, hearing_dates, read_date_pattern
from docproc.extract._case_symbol import context_code, repair_symbol
from docproc.extract._courts import HIGH_COURT_SEATS, court_shape
from docproc.extract.evidence import EvidenceBuilder
from docproc.extract.header import extract_case
from docproc.extract.parties import fold
from docproc.extract.sections import segment
from docproc.text.places import current_provinces, provinces

MOTTO = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
MOTTO2 = "Độc lập - Tự do - Hạnh phúc"
BODY = (
    "Thẩm phán - Chủ tọa phiên tòa: Ông Nguyễn Văn A.\n"
    "Ngày 03 tháng 4 năm 2026, tại trụ sở Tòa án xét xử sơ thẩm công khai vụ án dân sự thụ lý số "
    "11/2026/TLST-DS ngày 02 tháng 01 năm 2026 về việc tranh chấp hợp đồng vay tài sản, giữa:\n"
    "1. Nguyên đơn: Ông Trần Văn B, địa chỉ: xã Y.\n2. Bị đơn: Bà Lê Thị C, địa chỉ: xã Y.\n"
)


def _case(text: str):
    doc = Document.from_text(text, source="t.txt")
    ev = EvidenceBuilder(doc)
    return extract_case(doc, segment(doc.text), ev)[1], ev


@pytest.mark.parametrize(
    ("name", "cut", "whole", "level"),
    [
        (
            "TÒA ÁN NHÂN DÂN KHU VỰC 3 - CẦN THƠ Thành phần Hội đồng",
            "TÒA ÁN NHÂN DÂN KHU VỰC 3 - CẦN THƠ",
            True,
            "regional",
        ),
        (
            "Tòa án nhân dân khu vực 7 - Thành phố Hồ Chí Minh xét xử",
            "Tòa án nhân dân khu vực 7 - Thành phố Hồ Chí Minh",
            True,
            "regional",
        ),
        ("TÒA ÁN NHÂN DÂN KHU VỰC 3 - CẦN", "TÒA ÁN NHÂN DÂN KHU VỰC 3 - CẦN", False, "regional"),
        ("TÒA ÁN NHÂN DÂN CẤP CAO", "TÒA ÁN NHÂN DÂN CẤP CAO", False, "high"),
        ("Tòa án nhân dân cấp cao tại Hà Nội. Thư ký", "Tòa án nhân dân cấp cao tại Hà Nội", True, "high"),
        ("TÒA ÁN NHÂN DÂN TỐI CAO HỘI ĐỒNG", "TÒA ÁN NHÂN DÂN TỐI CAO", True, "supreme"),
        ("TÒA ÁN NHÂN DÂN TỈNH TÂY NINH - Thành phần", "TÒA ÁN NHÂN DÂN TỈNH TÂY NINH", True, "province"),
        ("HUYỆN ĐỨC HÒA, TỈNH LONG AN gồm", "HUYỆN ĐỨC HÒA, TỈNH LONG AN", True, "district"),
        ("THÀNH PHỐ VINH TỈNH NGHỆ AN", "THÀNH PHỐ VINH TỈNH NGHỆ AN", True, "district"),
        ("thành phố Hà Tĩnh, tỉnh Hà Tĩnh", "thành phố Hà Tĩnh, tỉnh Hà Tĩnh", True, "district"),
        ("HUYỆN ĐỨC HÒA, TỈ#H LO:G AN", "HUYỆN ĐỨC HÒA, TỈ#H LO:G AN", False, "district"),
    ],
)
def test_court_shape(name: str, cut: str, whole: bool, level: str) -> None:
    shape = court_shape(name)
    assert (name[: shape.end], shape.whole, shape.level) == (cut, whole, level)


def test_columns_read_into_one_line() -> None:
    """Both columns on one OCR line: the left column's second line sits between the motto's lines."""
    text = (
        f"TÒA ÁN NHÂN DÂN KHU VỰC 3 {MOTTO} CẦN THƠ {MOTTO2}\n"
        "Bản án số: 15/2026/DS-ST\nNgày: 03-4-2026\nV/v tranh chấp hợp đồng vay tài sản\n"
        f"NHÂN DANH\nNƯỚC {MOTTO}\nHỘI ĐỒNG XÉT XỬ\n{BODY}"
    )
    case, _ = _case(text)
    assert fold(case.court) == fold("Tòa án nhân dân khu vực 3 - Cần Thơ")


def test_high_court_seat_on_the_motto_line() -> None:
    text = (
        f"TÒA ÁN NHÂN DÂN CẤP CAO {MOTTO} TẠI HÀ NỘI {MOTTO2}\nQUYẾT ĐỊNH GIÁM ĐỐC THẨM\n"
        f"Số: 40/2025/DS-GĐT\nNgày 10-6-2025\nNHÂN DANH\nNƯỚC {MOTTO}\nỦY BAN THẨM PHÁN\n{BODY}"
    )
    case, _ = _case(text)
    assert fold(case.court) == fold("Tòa án nhân dân cấp cao tại Hà Nội")


def test_heading_glued_to_the_court_line_is_cut() -> None:
    text = (
        f"TÒA ÁN NHÂN DÂN {MOTTO}\nKHU VỰC 3 - CẦN THƠ {MOTTO2}\nBản án số: 15/2026/DS-ST\n"
        f"Ngày: 03-4-2026\nNHÂN DANH\nNƯỚC {MOTTO}\n"
        f"TÒA ÁN NHÂN DÂN KHU VỰC 3 - CẦN THƠ Thành phần Hội đồng xét xử sơ thẩm gồm có:\n{BODY}"
    )
    case, _ = _case(text)
    assert fold(case.court) == fold("Tòa án nhân dân khu vực 3 - Cần Thơ")


@pytest.mark.parametrize(
    "damaged",
    [
        "TÒA ÁN NHÂN DÂN HUYỆN ĐỨC HÒA,.tIN:' LONG AN",
        "TÒA ÁN NHÂN DÂN HUYỆN ĐỨC HÒA, TỈNH LONG A {",
        "TÒA ÁN NHÂN DÂN HUYỆN ĐỨC HÒA, TỈNH",
    ],
)
def test_damaged_line_under_nhan_danh_loses_to_the_whole_header(damaged: str) -> None:
    text = (
        f"TÒA ÁN NHÂN DÂN {MOTTO}\nHUYỆN ĐỨC HÒA {MOTTO2}\nTỈNH LONG AN\nBản án số: 15/2026/DS-ST\n"
        f"Ngày: 03-4-2026\nNHÂN DANH\nNƯỚC {MOTTO}\n{damaged}\n{BODY}"
    )
    case, _ = _case(text)
    assert fold(case.court) == fold("Tòa án nhân dân huyện Đức Hòa, tỉnh Long An")


def test_comma_restored_before_the_province() -> None:
    text = (
        f"TÒA ÁN NHÂN DÂN {MOTTO}\nBản án số: 15/2020/DS-ST\nNgày: 03-4-2020\nNHÂN DANH\nNƯỚC {MOTTO}\n"
        f"TÒA ÁN NHÂN DÂN THÀNH PHỐ VINH TỈNH NGHỆ AN\n{BODY}"
    )
    case, _ = _case(text)
    assert fold(case.court) == fold("Tòa án nhân dân thành phố Vinh, tỉnh Nghệ An")


def test_speck_before_the_court_line() -> None:
    text = (
        f"'TÒA ÁN NHÂN DÂN {MOTTO}\nKHU VỰC 3-- CẦN THƠ {MOTTO2}\nSố: 20/2026/QĐST-DS\n"
        f"QUYẾT ĐỊNH\nCÔNG NHẬN SỰ THỎA THUẬN CỦA CÁC ĐƯƠNG SỰ\nTÒA ÁN NHÂN DÂN KHU VỰC 3 - CẦ\n{BODY}"
    )
    case, _ = _case(text)
    assert fold(case.court) == fold("Tòa án nhân dân khu vực 3 - Cần Thơ")


@pytest.mark.parametrize(
    ("header", "mention", "want"),
    [
        ("KHU VỰC 3", "Tòa án nhân dân khu vực 3 - Cần Thơ", "Tòa án nhân dân khu vực 3 - Cần Thơ"),
        ("CẤP CAO", "Tòa án nhân dân cấp cao tại Đà Nẵng", "Tòa án nhân dân cấp cao tại Đà Nẵng"),
    ],
)
def test_place_completed_from_a_mention_of_the_same_court(header: str, mention: str, want: str) -> None:
    text = (
        f"TÒA ÁN NHÂN DÂN {header}\nBản án số: 15/2026/DS-ST\nNgày: 03-4-2026\nNHÂN DANH\nNƯỚC {MOTTO}\n"
        f"HỘI ĐỒNG XÉT XỬ\n- Thư ký phiên tòa: Bà Phạm Thị D - Thư ký {mention}.\n{BODY}"
    )
    case, ev = _case(text)
    assert fold(case.court) == fold(want)
    assert ev.records["/case/court"].confidence < 0.9


def test_regional_court_of_another_number_does_not_complete() -> None:
    text = (
        f"TÒA ÁN NHÂN DÂN KHU VỰC 2\nBản án số: 15/2026/DS-ST\nNgày: 03-4-2026\nNHÂN DANH\nNƯỚC {MOTTO}\n"
        f"HỘI ĐỒNG XÉT XỬ\n- Vụ án do Tòa án nhân dân khu vực 12 - Cần Thơ chuyển đến.\n{BODY}"
    )
    case, _ = _case(text)
    assert fold(case.court) == fold("Tòa án nhân dân khu vực 2")


def test_court_name_wrapped_under_nhan_danh_and_specks_in_the_province() -> None:
    text = (
        f"TÒA ÁN NHÂN DÂN {MOTTO}\nHUYỆN ĐỨC\nBản án số: 15/2020/DS-ST\nNgày: 03-4-2020\nNHÂN DANH\n"
        f"NƯỚC {MOTTO}\nTÒA ÁN NHÂN DÂN HUYỆN ĐỨC\nHÒA. TỈNH LONG, AN\n{BODY}"
    )
    case, _ = _case(text)
    assert fold(case.court) == fold("Tòa án nhân dân huyện Đức Hòa, tỉnh Long An")


def test_without_a_header_block_the_first_whole_mention_is_taken() -> None:
    text = (
        "TÓN ÁN NHÂN DÂN KHU VỰC\nBản án số: 15/2026/DS-ST\nNgày: 03-4-2026\nNHÂN DANH\n"
        "- Thư ký phiên tòa: Bà Phạm Thị D - Thư ký Tòa án nhân dân khu vực 3= W a\n"
        f"Ngày 03 tháng 4 năm 2026, tại trụ sở Tòa án nhân dân khu vực 3 - Cần Thơ xét xử.\n{BODY}"
    )
    case, _ = _case(text)
    assert fold(case.court) == fold("Tòa án nhân dân khu vực 3 - Cần Thơ")


@pytest.mark.parametrize(
    ("raw", "want"),
    [
        ("B7/2019/DS-PT", ("87/2019/DS-PT", True)),  # a letter read for a digit
        ("12/2O23/HC-ST", ("12/2023/HC-ST", True)),
        ("5/2024/KD;TM-ST", ("5/2024/KDTM-ST", True)),  # a speck inside the code
        ("30/2025/QĐ4ST-DS", ("30/2025/QĐST-DS", True)),
        ("7/2022/ĐS-PT", ("7/2022/DS-PT", True)),  # a bar the print does not have
        ("7/2022/LĐ-PT", ("7/2022/LĐ-PT", False)),
        ("3/2019/QĐ-BPKCTT", None),  # a code the grammar does not list: left alone
        ("14/HCPT", None),
    ],
)
def test_repair_symbol(raw: str, want: tuple[str, bool] | None) -> None:
    assert repair_symbol(raw) == want


@pytest.mark.parametrize(
    ("opening", "want"),
    [
        ("xét xử sơ thẩm công khai vụ án thụ lý số 4/2025/TLST-LĐ ngày 2/1/2025", ("LĐ", "ST")),
        ("xét xử phúc thẩm công khai vụ án hôn nhân và gia đình thụ lý số 9/2025/TL.PT", ("HNGĐ", "PT")),
        ("xét xử sơ thẩm vụ án kinh doanh, thương mại", ("KDTM", "ST")),
    ],
)
def test_context_code(opening: str, want: tuple[str, str]) -> None:
    assert context_code(opening) == want


def test_unreadable_code_rebuilt_from_the_opening() -> None:
    text = (
        f"TÒA ÁN NHÂN DÂN TỈNH TÂY NINH {MOTTO}\nBản án số: 33/2026/KIVIM-ST\nNgày: 03-4-2026\n"
        f"NHÂN DANH\nNƯỚC {MOTTO}\nTÒA ÁN NHÂN DÂN TỈNH TÂY NINH\n- Thẩm phán: Ông Nguyễn Văn A.\n"
        "Ngày 03 tháng 4 năm 2026, tại trụ sở Tòa án xét xử sơ thẩm công khai vụ án kinh doanh thương "
        "mại thụ lý số 11/2025/TLST-KDTM ngày 02 tháng 01 năm 2026 về việc tranh chấp hợp đồng, giữa:\n"
        "1. Nguyên đơn: Ông Trần Văn B.\n2. Bị đơn: Công ty C.\n"
    )
    case, ev = _case(text)
    assert (case.number, case.type_code, case.instance) == ("33/2026/KDTM-ST", "KDTM", "ST")
    assert ev.records["/case/number"].confidence <= 0.5


def test_speck_in_the_code_and_letter_in_the_serial() -> None:
    text = f"TÒA ÁN NHÂN DÂN TỈNH TÂY NINH\nBản án số: B3/2026/KD;TM-PT\nNgày: 03-4-2026\nNHÂN DANH\n{BODY}"
    case, ev = _case(text)
    assert (case.number, case.type_code, case.instance) == ("83/2026/KDTM-PT", "KDTM", "PT")
    assert ev.records["/case/number"].confidence < 0.9


@pytest.mark.parametrize(
    ("fields", "guess", "sure"),
    [
        (("2l", "7", "2024"), ("21", "07", "2024"), ("2?", "07", "2024")),
        (("0ỗ", "3", "2026"), ("00", "03", "2026"), ("0?", "03", "2026")),
        (("0#", "3", "2026"), ("0?", "03", "2026"), ("0?", "03", "2026")),
        (("5", "6", "2020"), ("05", "06", "2020"), ("05", "06", "2020")),
    ],
)
def test_read_date_pattern(fields: tuple[str, str, str], guess: tuple, sure: tuple) -> None:
    assert read_date_pattern(*fields) == (guess, sure)


def test_agree() -> None:
    open_day = (("00", "03", "2026"), ("0?", "03", "2026"))
    assert agree(*open_day, ["2026-03-02", "2026-03-07"], None) is None  # two fit, no guess: open
    assert agree(*open_day, ["2026-02-27", "2026-03-07"], None) == "2026-03-07"
    letter = (("21", "07", "2024"), ("2?", "07", "2024"))
    assert agree(*letter, [], None) == "2024-07-21"  # the letter read as its digit
    assert agree(*letter, ["2024-07-23"], None) == "2024-07-23"  # the opening's day fits: it wins
    year = (("14", "09", "3024"), ("14", "09", "3024"))
    assert agree(*year, [], "2024") == "2024-09-14"  # the number's year, one digit off
    far = (("14", "09", "2019"), ("14", "09", "2019"))
    assert agree(*far, [], "2024") == "2019-09-14"  # two digits off: not a misreading
    near = (("14", "09", "2023"), ("14", "09", "2023"))
    assert agree(*near, [], "2024") == "2023-09-14"  # a real year, nothing says otherwise
    assert agree(*near, ["2024-09-14"], "2024") == "2024-09-14"  # the opening has the number's year


def test_hearing_dates() -> None:
    assert hearing_dates("Trong các ngày 04 và 11 tháng 5 năm 2023") == ["2023-05-04", "2023-05-11"]
    assert hearing_dates("Ngày 17/8/2022") == ["2022-08-17"]


@pytest.mark.parametrize(
    ("line", "opening", "want"),
    [
        ("Ngày: 1I - 4 - 2026", "Ngày 11 tháng 4 năm 2026", "2026-04-11"),  # a letter for a digit
        ("Ngày: 0ỗ - 4 - 2026", "Trong các ngày 02 và 07 tháng 4 năm 2026", "2026-04-07"),  # open digit
        ("Ngày: 03-4-3026", "Ngày 03 tháng 4 năm 2026", "2026-04-03"),  # the number's year
    ],
)
def test_damaged_header_date(line: str, opening: str, want: str) -> None:
    text = (
        f"TÒA ÁN NHÂN DÂN TỈNH TÂY NINH {MOTTO}\nBản án số: 15/2026/DS-ST\n{line}\nNHÂN DANH\n"
        f"NƯỚC {MOTTO}\nTÒA ÁN NHÂN DÂN TỈNH TÂY NINH\n- Thẩm phán: Ông Nguyễn Văn A.\n"
        f"{opening}, tại trụ sở Tòa án xét xử sơ thẩm vụ án dân sự, giữa:\n"
        "1. Nguyên đơn: Ông Trần Văn B.\n2. Bị đơn: Bà Lê Thị C.\n"
    )
    case, ev = _case(text)
    assert case.date == want
    assert ev.records["/case/date"].confidence < 0.9


def test_damaged_number_label_mid_line_and_underscore_in_the_date() -> None:
    text = (
        f"TÒA ÁN NHÂN DÂN TỈNH TÂY NINH {MOTTO} Đản ấn số: 15/2026/DS-ST {MOTTO2} Ngày: 1I _ ¡2- 2025\n"
        f"NHÂN DANH\nNƯỚC {MOTTO}\nTÒA ÁN NHÂN DÂN TỈNH TÂY NINH\n- Thẩm phán: Ông Nguyễn Văn A.\n"
        "Trong các ngày 04 và 11 tháng 12 năm 2025, tại trụ sở Tòa án xét xử sơ thẩm vụ án dân sự, giữa:\n"
        "1. Nguyên đơn: Ông Trần Văn B.\n2. Bị đơn: Bà Lê Thị C.\n"
    )
    case, _ = _case(text)
    assert (case.number, case.date) == ("15/2026/DS-ST", "2025-12-11")


def test_left_line_read_after_the_whole_motto() -> None:
    text = (
        f"TÒA ÁN NHÂN DÂN KHU VỰC 3 {MOTTO} {MOTTO2} CẦN THƠ\nBản án số: 15/2026/DS-ST\nNgày: 03-4-2026\n"
        f"NHÂN DANH\nNƯỚC {MOTTO}\nHỘI ĐỒNG XÉT XỬ\n{BODY}"
    )
    case, _ = _case(text)
    assert fold(case.court) == fold("Tòa án nhân dân khu vực 3 - Cần Thơ")


def _header_with_court(left1: str, left2: str, nd_line: str) -> str:
    return (
        f"TÒA ÁN NHÂN DÂN {left1} {MOTTO} {left2} {MOTTO2}\nBản án số: 15/2026/DS-ST\nNgày: 03-4-2026\n"
        f"NHÂN DANH\nNƯỚC {MOTTO}\n{nd_line} Thành phần Hội đồng xét xử sơ thẩm gồm có:\n{BODY}"
    )


@pytest.mark.parametrize("province", current_provinces())
def test_every_regional_court_read_through_joined_columns(province: str) -> None:
    """Every province since the 2025 merger: a regional court whose header OCR read into one line and
    whose line under NHÂN DANH has the next heading glued on."""
    seat = "Thành phố Hồ Chí Minh" if province == "Hồ Chí Minh" else province
    text = _header_with_court("KHU VỰC 4", seat.upper(), f"TÒA ÁN NHÂN DÂN KHU VỰC 4 - {seat.upper()}")
    case, _ = _case(text)
    assert fold(case.court) == fold(f"Tòa án nhân dân khu vực 4 - {seat}")


@pytest.mark.parametrize("seat", HIGH_COURT_SEATS)
def test_every_high_court(seat: str) -> None:
    text = _header_with_court("CẤP CAO", f"TẠI {seat.upper()}", "TÒA ÁN NHÂN DÂN CẤP CAO")
    case, _ = _case(text)
    assert fold(case.court) == fold(f"Tòa án nhân dân cấp cao tại {seat}")


@pytest.mark.parametrize("province", provinces())
def test_every_district_court_before_the_merger(province: str) -> None:
    unit = "THÀNH PHỐ" if province in {"Hà Nội", "Hải Phòng", "Đà Nẵng", "Cần Thơ", "Hồ Chí Minh"} else "TỈNH"
    name = ("Thành phố Hồ Chí Minh" if province == "Hồ Chí Minh" else f"{unit.lower()} {province}").upper()
    text = _header_with_court("HUYỆN ĐÔNG SƠN", name, f"TÒA ÁN NHÂN DÂN HUYỆN ĐÔNG SƠN {name}")
    case, _ = _case(text)
    assert fold(case.court) == fold(f"Tòa án nhân dân huyện Đông Sơn, {name}")


@pytest.mark.parametrize("province", provinces())
def test_every_provincial_court_with_a_heading_glued_on(province: str) -> None:
    cities = {"Hà Nội", "Hải Phòng", "Đà Nẵng", "Cần Thơ", "Huế"}
    name = (
        "Thành phố Hồ Chí Minh"
        if province == "Hồ Chí Minh"
        else (f"thành phố {province}" if province in cities else f"tỉnh {province}")
    )
    text = _header_with_court(name.upper(), "", f"TÒA ÁN NHÂN DÂN {name.upper()}")
    case, _ = _case(text)
    assert fold(case.court) == fold(f"Tòa án nhân dân {name}")


def test_decision_place_date_with_damaged_digits() -> None:
    text = (
        f"TÒA ÁN NHÂN DÂN KHU VỰC 3 {MOTTO} CẦN THƠ {MOTTO2}\n"
        "Số: 20/2026/QĐST-DS Cần Thơ, ngày O9 tháng 1l năm 2026\nQUYẾT ĐỊNH\n"
        "CÔNG NHẬN SỰ THỎA THUẬN CỦA CÁC ĐƯƠNG SỰ\nCăn cứ vào Điều 212 và Điều 213 của Bộ luật Tố tụng dân sự;\n"
    )
    case, ev = _case(text)
    assert case.date == "2026-11-09"
    assert ev.records["/case/date"].confidence < 0.9
