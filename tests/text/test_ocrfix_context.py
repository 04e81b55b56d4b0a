"""Context fixes: a real syllable with the wrong tone inside a curated legal phrase."""

from __future__ import annotations

import pytest

from docproc.text import correct_ocr_text


@pytest.mark.parametrize(
    ("ocr", "fixed"),
    [
        ("phạt tiên bị cáo A 30.000.000 đồng", "phạt tiền bị cáo A 30.000.000 đồng"),
        ("duy trì Lệnh kê biến tài sản số 06", "duy trì Lệnh kê biên tài sản số 06"),
        ("xe ô tô biến kiếm soát 72A-215.68", "xe ô tô biển kiểm soát 72A-215.68"),
        ("Ngân hàng Thương mại cố phần Phương Đông", "Ngân hàng Thương mại cổ phần Phương Đông"),
        ("QUẬN NGÔ QUYỀN, THÀNH PHÔ HẢI PHÒNG", "QUẬN NGÔ QUYỀN, THÀNH PHỐ HẢI PHÒNG"),
        ("Hình phạt bố sung: phạt tiền", "Hình phạt bổ sung: phạt tiền"),
    ],
)
def test_wrong_tone_in_a_legal_phrase(ocr: str, fixed: str) -> None:
    assert correct_ocr_text(ocr) == fixed


@pytest.mark.parametrize(
    "clean",
    [
        "ông trao đổi với tổ chức đại diện",  # "đổi với" is not "đối với": not a curated phrase
        "nhà cho gia đình được ở",  # "gia đình" is seen: "đình" stays
        "trả hằng tháng 5.000.000 đồng",  # "hằng"/"hàng" differ in shape, not tone
        "người bố của bị cáo",  # "bố" alone, no phrase around it
    ],
)
def test_real_words_outside_the_phrases_kept(clean: str) -> None:
    assert correct_ocr_text(clean) == clean


@pytest.mark.parametrize(
    ("ocr", "fixed"),
    [
        ("Trả lại cho bà Võ Thị NÑ 01 xe", "Trả lại cho bà Võ Thị N 01 xe"),
        ("bà Phạm Thị ñn", "bà Phạm Thị n"),
    ],
)
def test_letters_vietnamese_never_writes(ocr: str, fixed: str) -> None:
    assert correct_ocr_text(ocr) == fixed


@pytest.mark.parametrize(
    ("ocr", "fixed"),
    [
        # a real word its two neighbours reject, one tone from a much commoner word they expect
        ("đối với tiên lãi chậm trả", "đối với tiền lãi chậm trả"),
        # before a number alone: "số" precedes numbers in the law texts, "sô" never does
        ("CCCD sô 027171004462", "CCCD số 027171004462"),
        # a word only a dictionary knows, against one a hundred times commoner that a neighbour expects
        ("thông báo thu hôi nợ trước hạn", "thông báo thu hồi nợ trước hạn"),
        # the bar of đ lost inside a curated phrase
        ("Người đại điện theo pháp luật: ông A", "Người đại diện theo pháp luật: ông A"),
        # the word before a province's name is "tỉnh"
        ("TÒA ÁN NHÂN DÂN TĨNH KHÁNH HÒA", "TÒA ÁN NHÂN DÂN TỈNH KHÁNH HÒA"),
        ("TĨNH BÀ RỊA - VŨNG TÀU", "TỈNH BÀ RỊA - VŨNG TÀU"),
        # one accented word in capitals among lower-case words: a case slip
        ("phải trả SỐ tiền cho", "phải trả số tiền cho"),
        ("1. BỊ đơn phải trả", "1. Bị đơn phải trả"),
        # a capital T read as I starts no syllable
        ("“Iranh chấp hợp đồng”", "“Tranh chấp hợp đồng”"),
    ],
)
def test_real_word_slips_the_context_rejects(ocr: str, fixed: str) -> None:
    assert correct_ocr_text(ocr) == fixed


@pytest.mark.parametrize(
    "clean",
    [
        "tỉnh Hà Tĩnh",  # the province's own name
        "HÀ TĨNH",
        "ông A trả lãi cho bà B",  # "trả lãi" is a pair of the texts: "lại" does not win
        "do cửa hàng kinh doanh thua lỗ",  # "cửa hàng" is a compound of the word lists
        "cán màu đỏ và 01 con dao",  # "đó và" is frequent, but "màu đó" is not a pair
        "diện tích sàn 240 m2",  # a number alone does not make "sàn" "sản"
        "Bản án số: 09/2026/KDTM-ST",  # one neighbour alone does not make "số" "sơ"
        "chia đôi tài sản",
        "ông ĐỨC có mặt",  # a name in capitals after an honorific
        "bị cáo NGUYỄN VĂN A",
        "Công ty TNHH MỘT THÀNH VIÊN",
        "In ấn tài liệu",
    ],
)
def test_real_words_their_context_accepts_are_kept(clean: str) -> None:
    assert correct_ocr_text(clean) == clean
