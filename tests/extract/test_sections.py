"""Section splitting: headings in capitals, damaged headings, decisions without NỘI DUNG, appeals."""

from __future__ import annotations

from docproc.extract.sections import bare, segment


def _starts(text: str, span: tuple[int, int]) -> str:
    return text[span[0] : span[0] + 20]


JUDGMENT = """TÒA ÁN NHÂN DÂN HUYỆN AN LẠC
Bản án số: 05/2022/DS-ST

NHÂN DANH
NƯỚC CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM

Ngày 3 tháng 3 năm 2022 xét xử vụ án giữa các đương sự:
1. Nguyên đơn: Ông Lý Văn Tám, sinh năm 1970.
2. Bị đơn: Bà Mạc Thị Chín, sinh năm 1975.

NỘI DUNG VỤ ÁN:
Ông Tám trình bày.

NHẬN ĐỊNH CỦA TÒA ÁN:
Xét yêu cầu của nguyên đơn.

QUYẾT ĐỊNH:
Buộc bà Chín trả cho ông Tám 10.000.000 đồng.

Nơi nhận:
- Đương sự.
"""


def test_judgment_sections_in_order() -> None:
    s = segment(JUDGMENT)
    assert _starts(JUDGMENT, s.parties).startswith("giữa các đương sự")
    assert _starts(JUDGMENT, s.content).startswith("NỘI DUNG VỤ ÁN")
    assert _starts(JUDGMENT, s.reasoning).startswith("NHẬN ĐỊNH")
    assert _starts(JUDGMENT, s.decision).startswith("QUYẾT ĐỊNH:")
    assert _starts(JUDGMENT, s.closing).strip().startswith("Nơi nhận")
    assert "Buộc bà Chín" in s.get(JUDGMENT, "decision")
    assert "Nơi nhận" not in s.get(JUDGMENT, "decision")


def test_damaged_headings_still_found() -> None:
    noisy = (
        JUDGMENT.replace("NỘI DUNG VỤ ÁN:", "NOI DUNG VU AN:")
        .replace("NHẬN ĐỊNH CỦA TÒA ÁN:", "NHẬN ĐINH CỦA TOÀ AN")
        .replace("QUYẾT ĐỊNH:", "QUYET DlNH:")
    )
    s = segment(noisy)
    assert s.content[1] > s.content[0]
    assert _starts(noisy, s.reasoning).startswith("NHẬN ĐINH")
    assert "Buộc bà Chín" in s.get(noisy, "decision")


def test_settlement_decision_title_is_not_the_operative_part() -> None:
    text = """TÒA ÁN NHÂN DÂN HUYỆN AN LẠC
Số: 07/2023/QĐST-DS                     An Lạc, ngày 2 tháng 5 năm 2023

QUYẾT ĐỊNH
CÔNG NHẬN SỰ THỎA THUẬN CỦA CÁC ĐƯƠNG SỰ

Căn cứ vào Điều 212 của Bộ luật Tố tụng dân sự;

XÉT THẤY:
Các thỏa thuận là tự nguyện.

QUYẾT ĐỊNH:
1. Công nhận sự thỏa thuận của các đương sự:
- Nguyên đơn: Bà Hà Thị Mười, sinh năm 1980.
"""
    s = segment(text)
    assert _starts(text, s.reasoning).startswith("XÉT THẤY")
    assert _starts(text, s.decision).startswith("QUYẾT ĐỊNH:")
    assert "Công nhận sự thỏa thuận" in s.get(text, "decision")
    assert "CÔNG NHẬN SỰ" not in s.get(text, "decision")


def test_appeal_restating_first_instance_decision() -> None:
    text = """TÒA ÁN NHÂN DÂN TỈNH AN LẠC
NỘI DUNG VỤ ÁN:
Bản án sơ thẩm đã tuyên:
QUYẾT ĐỊNH:
Buộc ông A trả 5.000.000 đồng.

NHẬN ĐỊNH CỦA TÒA ÁN:
Kháng cáo không có cơ sở.

QUYẾT ĐỊNH:
Giữ nguyên bản án sơ thẩm.
"""
    s = segment(text)
    assert s.get(text, "decision").startswith("QUYẾT ĐỊNH:\nGiữ nguyên")
    assert "Buộc ông A" in s.get(text, "content")


def test_missing_headings_give_empty_spans() -> None:
    text = "Một văn bản không có đề mục nào."
    s = segment(text)
    assert s.content[0] == s.content[1]
    assert s.decision == (len(text), len(text))


def test_bare_letters() -> None:
    assert bare("Nhận định của Tòa án:") == "NHANDINHCUATOAAN"
    assert bare("ĐƯƠNG SỰ") == "DUONGSU"


def test_numbered_and_longer_headings() -> None:
    text = """TÒA ÁN NHÂN DÂN TỈNH AN LẠC
I. NỘI DUNG VỤ ÁN:
Nội dung.
II. NHẬN ĐỊNH CỦA TÒA ÁN CẤP PHÚC THẨM:
Nhận định.
III. QUYẾT ĐỊNH:
Giữ nguyên bản án sơ thẩm.
"""
    s = segment(text)
    assert s.get(text, "content").startswith("I. NỘI DUNG")
    assert s.get(text, "reasoning").startswith("II. NHẬN ĐỊNH")
    assert s.get(text, "decision").startswith("III. QUYẾT ĐỊNH")
