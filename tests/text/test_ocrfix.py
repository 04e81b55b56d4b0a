from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from docproc.document import Line, Page, Word
from docproc.text import correct_ocr_text, correct_page, find_amounts


@pytest.mark.parametrize(
    ("ocr", "fixed"),
    [
        ("Thấm phán - Chủ tọa phiên tòa", "Thẩm phán - Chủ tọa phiên tòa"),
        ("THẤM PHÁN", "THẨM PHÁN"),
        ("Các Hội thấm nhân dân:", "Các Hội thẩm nhân dân:"),
        ("buộc bi đơn phải trả", "buộc bị đơn phải trả"),
        ("1. Nguyên đon: Ngân hàng", "1. Nguyên đơn: Ngân hàng"),
        ("Căn cứ quyêt định số 19", "Căn cứ quyết định số 19"),
        ("Căn cứ Điêu 5 Luật", "Căn cứ Điều 5 Luật"),
        ("theo điêu 26, khoản 1", "theo điều 26, khoản 1"),
        ("trả 5.600.000.000 đông (Năm tỷ)", "trả 5.600.000.000 đồng (Năm tỷ)"),
        ("trả 1.250.000.000 dồng", "trả 1.250.000.000 đồng"),
        ("số tiền 1.25O.000 đồng", "số tiền 1.250.000 đồng"),
        ("số tiền 7.B00.000 đồng", "số tiền 7.800.000 đồng"),
        ("350.000.00Q đồng", "350.000.000 đồng"),
        ("án phí 45.0O0.000đ", "án phí 45.000.000đ"),
        ("câp giấy chứng nhận", "cấp giấy chứng nhận"),
    ],
)
def test_typical_tesseract_errors(ocr: str, fixed: str) -> None:
    assert correct_ocr_text(ocr) == fixed


@pytest.mark.parametrize(
    ("ocr", "fixed"),
    [
        ("Bà Huỳnh 'Thị Ngọc Trâm có nghĩa vụ", "Bà Huỳnh Thị Ngọc Trâm có nghĩa vụ"),
        ("cho anh Trương Công 'T 12.500.000 đồng", "cho anh Trương Công T 12.500.000 đồng"),
        # a real quotation keeps its marks
        ("tên gọi khác là 'Tí' và", "tên gọi khác là 'Tí' và"),
        ("Nguyễn Văn 'Tí'", "Nguyễn Văn 'Tí'"),
        ("diện tích 1.020 m? tại thôn", "diện tích 1.020 m² tại thôn"),
        ("có phải m? Không", "có phải m? Không"),
    ],
)
def test_specks_read_as_punctuation(ocr: str, fixed: str) -> None:
    assert correct_ocr_text(ocr) == fixed


@pytest.mark.parametrize(
    ("ocr", "fixed"),
    [
        (
            "Số 12 ngõ 85 đường T; phường N, thành phố Nam Định",
            "Số 12 ngõ 85 đường T, phường N, thành phố Nam Định",
        ),
        (
            "nhãn hiệu FORD TRANSIT; biển kiểm soát 30K-458.21",
            "nhãn hiệu FORD TRANSIT, biển kiểm soát 30K-458.21",
        ),
        # a list of plots, a new clause, or a heading in capitals keeps its semicolon
        ("thửa đất số 96; thửa đất số 97", "thửa đất số 96; thửa đất số 97"),
        ("trả nợ cho ông A; buộc bà B", "trả nợ cho ông A; buộc bà B"),
        ("QUẬN 1; THÀNH PHỐ HỒ CHÍ MINH", "QUẬN 1; THÀNH PHỐ HỒ CHÍ MINH"),
    ],
)
def test_semicolon_read_for_a_comma_inside_an_address(ocr: str, fixed: str) -> None:
    assert correct_ocr_text(ocr) == fixed


@pytest.mark.parametrize(
    "clean",
    [
        "Toà án nhân dân",
        "Tòa án nhân dân",
        "Uỷ ban nhân dân",
        "phường Đông Ngàn",
        "phía đông giáp",
        "Số 16 Đông Hải",
        "Điều 5",
        "công ty Sunrise Logistics",
        "đồng hồ",
        "Thư ký phiên tòa: Bà Khổng Thị Mai",  # a name, though "không thi" is a frequent bigram
    ],
)
def test_valid_words_kept(clean: str) -> None:
    assert correct_ocr_text(clean) == clean


def test_clean_dev_texts_unchanged(dev_texts: dict[str, str]) -> None:
    for name, text in dev_texts.items():
        assert correct_ocr_text(text) == text, name


def test_clean_unseen_texts_unchanged(corpus: Path, read_nfc: Callable[[Path], str]) -> None:
    """Real published openings come back unchanged, except their own typos: a word changed must be
    one that neither the dictionaries nor the law texts know ("sinh nãm", "cổ phẩn" as printed)."""
    from docproc.text.ocrfix import _lexicon

    paths = sorted((corpus / "openings-dev" / "txt").glob("*.txt"))
    if not paths:
        pytest.skip("openings-dev not available")
    lex = _lexicon()
    for path in paths:
        text = read_nfc(path)
        fixed = correct_ocr_text(text)
        before, after = text.split(), fixed.split()
        assert len(before) == len(after), path.name
        for was, now in zip(before, after, strict=True):
            if was != now:
                core = was.strip(".,;:()\"“”'")
                assert lex.words.get(core.lower(), 0) <= 2, (path.name, was, now)


def _page(*texts: str) -> Page:
    words = [
        Word(text=t, bbox=(10.0 + 40 * i, 20.0, 45.0 + 40 * i, 32.0), confidence=0.7, page=1)
        for i, t in enumerate(texts)
    ]
    return Page(number=1, width=595, height=842, source="ocr", lines=[Line(words=words, block=2)])


def test_correct_page_keeps_boxes_and_words() -> None:
    page = _page("Thấm", "phán:", "trả", "5.", "600.000.000", "đông.")
    fixed = correct_page(page)
    assert [w.text for w in fixed.words] == ["Thẩm", "phán:", "trả", "5.", "600.000.000", "đồng."]
    assert [w.bbox for w in fixed.words] == [w.bbox for w in page.words]
    assert [w.confidence for w in fixed.words] == [w.confidence for w in page.words]
    assert fixed.lines[0].block == 2 and fixed.source == "ocr"
    assert page.words[0].text == "Thấm"  # the input page is not modified
    # the split amount stays two words, and reads whole in the page text
    assert [a.value for a in find_amounts(fixed.text)] == [5_600_000_000]


def test_correct_page_reads_a_wrapped_phrase_within_a_block() -> None:
    def line(block: int, y: float, *texts: str) -> Line:
        words = [
            Word(text=t, bbox=(10.0 + 40 * i, y, 45.0 + 40 * i, y + 12), page=1) for i, t in enumerate(texts)
        ]
        return Line(words=words, block=block)

    page = Page(
        number=1,
        width=595,
        height=842,
        source="ocr",
        lines=[
            line(1, 20, "3.", "Người", "có", "quyên"),
            line(1, 34, "lợi,", "nghĩa", "vụ"),
            line(2, 60, "quyên"),
        ],
    )
    fixed = correct_page(page)
    assert [w.text for w in fixed.lines[0].words] == ["3.", "Người", "có", "quyền"]
    assert [w.text for w in fixed.lines[2].words] == ["quyên"]  # another block: no context, left alone
