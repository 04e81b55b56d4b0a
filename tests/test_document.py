"""Reflow of OCR lines into paragraphs: a line wrapped at the right margin continues on the next."""

from __future__ import annotations

from docproc.document import Document, Line, Page, Word

LEFT, RIGHT, HEIGHT = 50.0, 550.0, 12.0


def _line(text: str, y: float, *, right: float = RIGHT) -> Line:
    """Words spread evenly from the left margin to `right`."""
    parts = text.split()
    step = (right - LEFT) / len(parts)
    words = [
        Word(text=t, bbox=(LEFT + k * step, y, LEFT + (k + 1) * step - 4, y + HEIGHT), page=1)
        for k, t in enumerate(parts)
    ]
    return Line(words=words)


def _text(*lines: tuple[str, float]) -> str:
    page = Page(
        number=1,
        source="ocr",
        width=600,
        height=800,
        lines=[_line(t, 100 + 16 * i, right=r) for i, (t, r) in enumerate(lines)],
    )
    return Document.from_pages([page], source="t").text


def test_a_wrapped_line_joins_the_next() -> None:
    text = _text(
        ("Buộc ông A trả cho bà B số tiền", RIGHT), ("một trăm triệu đồng.", 250), ("Kết thúc.", 150)
    )
    assert text.splitlines()[0] == "Buộc ông A trả cho bà B số tiền một trăm triệu đồng."


def test_a_wrapped_colon_before_lower_case_continues() -> None:
    text = _text(
        ("b) Quyền sử dụng đất tại thửa đất số 1047, diện tích 250 m2, địa chỉ:", RIGHT),
        ("khu phố Đông Chiêu, phường Đông Hòa theo Giấy chứng nhận số CX 215478.", 400),
        ("Kết thúc.", 150),
    )
    assert "địa chỉ: khu phố Đông Chiêu" in text


def test_a_heading_with_a_colon_stays_its_own_line() -> None:
    text = _text(
        ("Căn cứ các điều luật nêu trên, Hội đồng xét xử tuyên xử như sau, QUYẾT ĐỊNH:", RIGHT),
        ("Chấp nhận yêu cầu khởi kiện của nguyên đơn.", 400),
        ("Kết thúc.", 150),
    )
    assert text.splitlines()[1] == "Chấp nhận yêu cầu khởi kiện của nguyên đơn."


def test_a_dash_that_wrapping_put_first_continues_the_sentence() -> None:
    text = _text(
        ("Người bảo vệ quyền và lợi ích hợp pháp của nguyên đơn: Luật sư Nguyễn Hữu Thắng", RIGHT),
        ("- Văn phòng Luật sư Hữu Thắng thuộc Đoàn Luật sư tỉnh Bắc Ninh. Có mặt.", 450),
        ("Kết thúc.", 150),
    )
    assert "Luật sư Nguyễn Hữu Thắng - Văn phòng Luật sư" in text


def test_list_items_stay_lines() -> None:
    text = _text(
        ("- Nguyên đơn: Ngân hàng Thương mại cổ phần Kỹ Thương Bắc Hà; địa chỉ trụ sở chính;", RIGHT),
        ("- Bị đơn: Công ty cổ phần Minh An.", 300),
        ("Kết thúc.", 150),
    )
    assert text.splitlines()[1] == "- Bị đơn: Công ty cổ phần Minh An."


def test_lower_case_after_a_line_that_ends_mid_phrase_near_the_margin_continues() -> None:
    text = _text(
        ("1. Chấp nhận yêu cầu khởi kiện của ông Phạm Văn Hùng và bà Phạm Thị Hoa về việc", RIGHT - 60),
        ("chia di sản thừa kế của cụ Phạm Văn Lực.", 300),
        ("Kết thúc.", 150),
    )
    assert "về việc chia di sản" in text


def test_a_short_line_is_not_joined_to_lower_case() -> None:
    text = _text(
        ("Bản án này được gửi cho các đương sự và cơ quan thi hành án dân sự có thẩm quyền.", RIGHT),
        ("Nơi nhận", 200),
        ("các đương sự;", 200),
        ("Kết thúc.", 150),
    )
    assert "Nơi nhận\ncác đương sự;" in text


def _page(*rows: tuple[str, float, float]) -> Page:
    """Lines given as (text, x0, x1): words spread evenly between the two, 16 pt apart."""
    lines = []
    for i, (text, x0, x1) in enumerate(rows):
        parts = text.split()
        step = (x1 - x0) / len(parts)
        y = 100 + 16 * i
        lines.append(
            Line(
                words=[
                    Word(text=t, bbox=(x0 + k * step, y, x0 + (k + 1) * step - 4, y + HEIGHT), page=1)
                    for k, t in enumerate(parts)
                ]
            )
        )
    return Page(number=1, source="ocr", width=600, height=800, lines=lines)


def test_a_centred_title_as_wide_as_the_text_is_not_joined_to_the_next_paragraph() -> None:
    text = Document.from_pages(
        [
            _page(
                ("NHÂN DANH", 250, 350),
                ("TÒA ÁN NHÂN DÂN KHU VỰC 9 - TỈNH ĐỒNG NAI", LEFT + 20, RIGHT - 20),
                ("Thành phần Hội đồng xét xử sơ thẩm gồm có:", LEFT + 30, 350),
                ("- Thẩm phán - Chủ tọa phiên tòa: Bà Lâm Thị Hạnh.", LEFT + 30, 400),
                ("Ngày 12 tháng 4 năm 2026, tại trụ sở Tòa án xét xử sơ thẩm công khai vụ", LEFT + 30, RIGHT),
                ("án thụ lý số 5/2026/TLST-DS.", LEFT, 300),
            )
        ],
        source="t",
    ).text
    lines = text.splitlines()
    assert lines[1] == "TÒA ÁN NHÂN DÂN KHU VỰC 9 - TỈNH ĐỒNG NAI"
    assert lines[2] == "Thành phần Hội đồng xét xử sơ thẩm gồm có:"
    assert lines[-1].endswith("công khai vụ án thụ lý số 5/2026/TLST-DS.")


def test_an_indented_line_starts_a_new_paragraph_after_a_full_line() -> None:
    text = Document.from_pages(
        [
            _page(
                (
                    "Ông Trần Văn Bình cho rằng khoản vay đã được trả đủ nên không đồng ý với",
                    LEFT + 30,
                    RIGHT,
                ),
                ("yêu cầu của nguyên đơn và đề nghị Tòa án xem xét lại toàn bộ chứng cứ", LEFT, RIGHT),
                ("Tại phiên tòa, nguyên đơn giữ nguyên yêu cầu khởi kiện đối với bị đơn.", LEFT + 30, RIGHT),
                ("Kết thúc.", LEFT, 150),
            )
        ],
        source="t",
    ).text
    lines = text.splitlines()
    assert lines[0].endswith("toàn bộ chứng cứ")
    assert lines[1].startswith("Tại phiên tòa")


def test_a_title_in_capitals_is_not_joined_to_a_line_in_lower_case_letters() -> None:
    text = Document.from_pages(
        [
            _page(
                ("Căn cứ vào kết quả tranh tụng tại phiên tòa, Hội đồng xét xử nhận định:", LEFT, RIGHT),
                ("QUYẾT ĐỊNH CỦA HỘI ĐỒNG XÉT XỬ VỀ YÊU CẦU CỦA CÁC ĐƯƠNG SỰ", LEFT, RIGHT),
                ("Chấp nhận một phần yêu cầu khởi kiện.", LEFT, 300),
                ("Kết thúc.", LEFT, 150),
            )
        ],
        source="t",
    ).text
    assert "ĐƯƠNG SỰ\nChấp nhận" in text


def test_a_sentence_ending_short_of_the_margin_ends_its_paragraph() -> None:
    text = Document.from_pages(
        [
            _page(
                ("thời hiệu thi hành án được thực hiện theo quy định của Luật Thi hành án dân", LEFT, RIGHT),
                (
                    "sự và các văn bản hướng dẫn thi hành có liên quan đến việc thi hành bản án này.",
                    LEFT,
                    RIGHT - 30,
                ),
                ("Nơi nhận:", LEFT, 120),
                ("- Các đương sự;", LEFT, 160),
            )
        ],
        source="t",
    ).text
    assert "bản án này.\nNơi nhận:" in text


def test_an_abbreviation_that_ends_a_wrapped_line_still_joins() -> None:
    text = Document.from_pages(
        [
            _page(
                (
                    "Nguyên đơn: Công ty trách nhiệm hữu hạn Minh Tâm; trụ sở tại quận 3, TP.",
                    LEFT,
                    RIGHT - 30,
                ),
                ("Hồ Chí Minh. Người đại diện theo pháp luật: ông Lê Văn Phúc.", LEFT, 400),
                ("Kết thúc.", LEFT, 150),
            )
        ],
        source="t",
    ).text
    assert "quận 3, TP. Hồ Chí Minh." in text
