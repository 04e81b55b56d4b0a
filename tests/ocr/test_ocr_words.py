"""Word-level repairs of misread marks (docproc.ocr._words), on invented lines."""

from __future__ import annotations

from docproc.document import Line, Word
from docproc.ocr._words import clean_words


def _line(text: str) -> Line:
    """Words 10 points a character wide, one space apart."""
    words, x = [], 50.0
    for t in text.split():
        words.append(Word(text=t, bbox=(x, 100.0, x + 10 * len(t), 112.0), confidence=0.9, page=1))
        x += 10 * len(t) + 10
    return Line(words=words)


def _clean(text: str) -> str:
    return " ".join(ln.text for ln in clean_words([_line(text)]))


def test_a_mark_glued_between_two_words_is_a_word_space() -> None:
    assert _clean("Công ty cổ phần Thương mại và Vận'tải Hòa Bình") == (
        "Công ty cổ phần Thương mại và Vận tải Hòa Bình"
    )
    assert (
        _clean("bà Hoa phải liên.đới trả nợ:gốc cho ông Tư") == "bà Hoa phải liên đới trả nợ gốc cho ông Tư"
    )
    assert _clean("đề nghị.xử.phạt bị cáo") == "đề nghị xử phạt bị cáo"
    assert _clean("CỘNG HÒA`XÃ HỘI") == "CỘNG HÒA XÃ HỘI"


def test_a_printed_mark_keeps_its_place_and_gets_its_space() -> None:
    assert _clean("phường Bến Thành,:Quận 1") == "phường Bến Thành, Quận 1"
    assert _clean("Nguyên đơn:Công ty Minh Phát") == "Nguyên đơn: Công ty Minh Phát"


def test_abbreviations_codes_and_numbers_are_left_alone() -> None:
    text = "TP.Hồ Chí Minh, v.v. số 12.500.000 đồng, biển số 51F-123.45, 10:30, P.Tân Định"
    assert _clean(text) == text


def test_split_words_keep_boxes_within_the_old_one() -> None:
    (line,) = clean_words([_line("ký:hợp")])
    a, b = line.words
    assert (a.text, b.text) == ("ký", "hợp")
    assert a.bbox[0] == 50.0 and b.bbox[2] == 110.0 and a.bbox[2] == b.bbox[0]


def test_marks_alone_and_on_word_edges_go() -> None:
    assert _clean("NỘI DUNG: _Theo đơn ˆ khởi kiện | ngày 6_") == "NỘI DUNG: Theo đơn khởi kiện ngày 6"
    assert _clean("quan hệ ”có quyền .Ông Bảy") == "quan hệ có quyền Ông Bảy"
    assert _clean("Tòa án. : - Bà Lan") == "Tòa án. - Bà Lan"
    assert _clean("theo Hợp : đồng") == "theo Hợp đồng"
    assert _clean("Nơi nhận :") == "Nơi nhận :"  # before nothing, or a capital, a colon may be printed


def test_letters_inside_numbers_are_the_digits_they_look_like() -> None:
    assert _clean("sinh năm I972; ngày l5/O3/2020, lãi I0,5%/năm, Điều 3l7") == (
        "sinh năm 1972; ngày 15/03/2020, lãi 10,5%/năm, Điều 317"
    )
    assert _clean("Ông Lê Văn I, lô II, phòng Il") == "Ông Lê Văn I, lô II, phòng Il"  # no digit: letters


def test_a_grouped_amount_broken_by_a_space_is_joined() -> None:
    assert _clean("trả 120.000. 000 đồng và 7. 450.300đ; lãi 41.500 .000d") == (
        "trả 120.000.000 đồng và 7.450.300đ; lãi 41.500.000đ"
    )
    assert _clean("gồm 3.6 10.865.500đ; và 2.480.000 000 đồng") == "gồm 3.610.865.500đ; và 2.480.000.000 đồng"
    assert _clean("lãi 55.364. !20d.") == "lãi 55.364.120đ."
    assert _clean("3. 100 người làm chứng") == "3. 100 người làm chứng"  # an item number stays
    assert _clean("mục 2.1 và 12 người") == "mục 2.1 và 12 người"


def test_d_after_an_amount_is_the_currency_sign() -> None:
    assert _clean("nợ gốc 2.600.000d, lãi 15.000d.") == "nợ gốc 2.600.000đ, lãi 15.000đ."
    assert _clean("số 1d") == "số 1d"


def test_a_numbered_point_with_misread_brackets() -> None:
    assert _clean("[2l Về án phí: (3| Về lãi; [6| Về") == "[2] Về án phí: [3] Về lãi; [6] Về"
    assert _clean("(3) Về chi phí") == "(3) Về chi phí"


def test_a_tilde_that_starts_a_line_is_a_list_dash() -> None:
    lines = clean_words([_line("Nơi nhận:"), _line("~ Viện kiểm sát nhân dân tỉnh;"), _line("~ Lưu hồ sơ.")])
    assert [ln.text for ln in lines] == ["Nơi nhận:", "- Viện kiểm sát nhân dân tỉnh;", "- Lưu hồ sơ."]
    assert _clean("khoảng 5 ~ 7 ngày") == "khoảng 5 7 ngày"  # inside a line a tilde is no dash


def test_a_full_stop_before_lower_case_is_a_comma() -> None:
    assert _clean("Ông Trần Văn Bình. sinh năm 1970; phường Tân Định. quận 1") == (
        "Ông Trần Văn Bình, sinh năm 1970; phường Tân Định, quận 1"
    )
    kept = "trụ sở tại TP. Hồ Chí Minh, các khoản v.v. Có mặt. Bà Lan vắng mặt."
    assert _clean(kept) == kept
