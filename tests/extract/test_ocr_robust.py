"""Extraction rules that tolerate OCR noise: consensus across occurrences, tone-tolerant keywords,
damaged list markers and plates. Snippets written for the rules, no corpus text."""

from __future__ import annotations

import re

from docproc.document import Document
from docproc.extract import assets as A
from docproc.extract import extract, header
from docproc.extract._consensus import clean_junk, consensus_name, trim_noise_tail, vote_words
from docproc.extract._reader_base import _one_digit_slip
from docproc.extract._tolerant import blank_specks, tone_tolerant
from docproc.extract.evidence import EvidenceBuilder
from docproc.extract.operative import extract_operative
from docproc.extract.parties import _MARKER, PartyResolver, extract_parties
from docproc.extract.sections import segment
from docproc.schema import Party


# -- consensus ------------------------------------------------------------------------------------
def test_vote_takes_the_spelling_the_document_repeats():
    assert vote_words("Lầm Thị Hồng", ["Lâm Thị Hồng", "Lâm Thị Hồng"]) == "Lâm Thị Hồng"


def test_vote_tie_keeps_the_reading_at_hand():
    assert vote_words("Lầm Thị Hồng", ["Lâm Thị Hồng"]) == "Lầm Thị Hồng"


def test_vote_ignores_other_letters_and_lengths():
    assert vote_words("Lê Văn Hải", ["Lý Văn Hài", "Lý Văn Hài", "Lê Văn"]) == "Lê Văn Hải"


def test_consensus_name_from_the_text():
    text = "Người liên quan: Bà Lầm Thị Hồng.\nvợ: Lâm Thị Hồng.\nBà Lâm Thị Hồng trình bày."
    assert consensus_name("Lầm Thị Hồng", text) == "Lâm Thị Hồng"


def test_consensus_never_turns_one_party_into_another():
    text = "Nguyễn Văn Hùng; Nguyễn Văn Hưng; Nguyễn Văn Hưng; Nguyễn Văn Hưng."
    assert consensus_name("Nguyễn Văn Hùng", text, avoid=["Nguyễn Văn Hưng"]) == "Nguyễn Văn Hùng"


def test_noisy_tail_the_document_never_repeats_is_trimmed():
    text = (
        "- Nguyên đơn: Ngân hàng Thương mại cổ phần C SG\nĐịa chỉ: phố T.\n"
        "Ngân hàng Thương mại cổ phần C trình bày. Buộc ông A trả cho Ngân hàng Thương mại cổ phần C số tiền."
        " Ngân hàng Thương mại cổ phần C phải chịu án phí."
    )
    assert trim_noise_tail("Ngân hàng Thương mại cổ phần C SG", text) == "Ngân hàng Thương mại cổ phần C"
    # an anonymised single letter is a name, and a tail written twice is the document's own
    assert trim_noise_tail("Ngân hàng Thương mại cổ phần C", text) == "Ngân hàng Thương mại cổ phần C"
    twice = text + " Ngân hàng Thương mại cổ phần C SG."
    assert trim_noise_tail("Ngân hàng Thương mại cổ phần C SG", twice) == "Ngân hàng Thương mại cổ phần C SG"


def test_one_digit_slip():
    assert _one_digit_slip(20_000_000, 30_000_000)
    assert not _one_digit_slip(1_342_600_000, 1_342_000_000)  # words cut short, not a slip
    assert not _one_digit_slip(20_000_000, 35_000_000)


def test_amount_words_win_over_one_slipped_digit():
    parties = [
        Party(id="P1", role="plaintiff", kind="person", name="Võ Thị Lan"),
        Party(id="P2", role="related_party", kind="person", name="Phạm Thị Ngọc"),
    ]
    text = (
        "NHẬN ĐỊNH CỦA TÒA ÁN:\nXét thấy.\nQUYẾT ĐỊNH:\n"
        "- Buộc chị Võ Thị Lan phải trả cho bà Phạm Thị Ngọc 20.000.000 đồng (Ba mươi triệu đồng).\n"
        "- Buộc chị Võ Thị Lan phải trả cho bà Phạm Thị Ngọc 1.342.600.000 đồng (Một tỷ ba trăm bốn mươi hai triệu).\n"
    )
    doc = Document.from_text(text, source="t.txt")
    obs, _ = extract_operative(
        doc, segment(doc.text), parties, PartyResolver(parties, doc.text), EvidenceBuilder(doc)
    )
    assert sorted(o.amount_vnd for o in obs if o.kind == "pay_money") == [30_000_000, 1_342_600_000]


def test_clean_junk_drops_ocr_specks():
    assert clean_junk("Cấp thoát nước và Môi ¡trường  Hải Long") == "Cấp thoát nước và Môi trường Hải Long"


def test_court_vote_repairs_one_damaged_line():
    forms = ["Tòa án nhân dân tỉnh Bà Rịa - Vũng Tàu", "Tòa án nhân dân tỉnh Bà Rịa - Vũng Tàu"]
    assert header._vote_court("Tòa án nhân dân tỉnh Bà Rịa - Vững Tàu", forms) == (
        "Tòa án nhân dân tỉnh Bà Rịa - Vũng Tàu"
    )


def test_court_from_header_nhan_danh_and_body_by_vote():
    text = (
        "TÒA ÁN NHÂN DÂN\nQUẬN NGÔ QUYỀN\nTHÀNH PHỐ HẢI PHÒNG\nBản án số: 27/2021/KDTM-ST\nNgày: 22-9-2021\n"
        "NHÂN DANH\nNƯỚC CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nTÒA ÁN NHÂN DÂN QUẬN NGÔ QUYỀN; THÀNH PHÔ HẢI PHÒNG\n"
        "- Thư ký phiên tòa: Ông A - Thư ký Tòa án nhân dân quận Ngô Quyền, thành phố Hải Phòng.\n"
        "NỘI DUNG VỤ ÁN:\nXét thấy.\n"
    )
    doc = Document.from_text(text, source="t.txt")
    ev = EvidenceBuilder(doc)
    _kind, case = header.extract_case(doc, segment(doc.text), ev)
    assert case.court == "Tòa án nhân dân quận Ngô Quyền, thành phố Hải Phòng"
    assert ev.records["/case/court"].confidence <= 0.8  # the readings disagreed
    clean = text.replace("QUYỀN; THÀNH PHÔ", "QUYỀN, THÀNH PHỐ")
    doc = Document.from_text(clean, source="t.txt")
    ev = EvidenceBuilder(doc)
    header.extract_case(doc, segment(doc.text), ev)
    assert ev.records["/case/court"].confidence >= 0.9


# -- tone-tolerant patterns -----------------------------------------------------------------------
def test_tone_tolerant_pattern_matches_a_wrong_tone_and_keeps_syntax():
    rx = re.compile(tone_tolerant(r"(?P<v>\bđối\s+với)\s+(?-i:[A-Z])"), re.I)
    m = rx.search("20/3/2020 đôi với Xe")
    assert m is not None and m.group("v") == "đôi với"
    assert rx.search("đổi với Xe") is not None  # tone only: shapes (ô, ơ) stay
    assert rx.search("đơi với Xe") is None


def test_resolver_reads_a_name_with_a_wrong_tone():
    parties = [
        Party(id="P1", role="defendant", kind="person", name="Cao Thị Hằng"),
        Party(id="P2", role="plaintiff", kind="person", name="Hồ Thị Thanh Xuân"),
    ]
    text = "Bà Cao Thị Hăng trả cho bà Hô Thị Thanh Xuân số tiền."
    ids = [pid for _s, _e, pid in PartyResolver(parties, text).find_mentions()]
    assert ids == ["P1", "P2"]


# -- damaged markers and identifiers --------------------------------------------------------------
def test_list_marker_read_as_a_short_word():
    for line, rest in [
        ("lộ Ông Thái Văn Lộc, sinh năm 1978", "Ông Thái Văn Lộc, sinh năm 1978"),
        ("sa, Ủy ban nhân dân thị xã Tân Uyên", "Ủy ban nhân dân thị xã Tân Uyên"),
        ("và Bà Cao Thị Hằng", "và Bà Cao Thị Hằng"),  # a real word stays
    ]:
        assert line[_MARKER.match(line).end() :] == rest


def test_party_entry_after_a_damaged_marker():
    text = (
        "QUYẾT ĐỊNH:\n1. Công nhận sự thỏa thuận của các đương sự:\n- Nguyên đơn: Bà Hồ Thị Thanh Xuân, sinh năm 1969.\n"
        "- Bị đơn:\nlộ Ông Thái Văn Lộc, sinh năm 1978;\n2. Bà Cao Thị Hằng, sinh năm 1981.\n"
        "2. Các đương sự thỏa thuận: ông Lộc trả cho bà Xuân.\n"
    )
    doc = Document.from_text(text, source="t.txt")
    names = [p.name for p in extract_parties(doc, segment(doc.text), EvidenceBuilder(doc))]
    assert "Thái Văn Lộc" in names and "Cao Thị Hằng" in names


def test_plate_comma_read_for_the_dot():
    assert A.find_plates("biển kiểm soát 79A-312,45 cùng") == [(15, 25, "79A-312.45")]


def test_damaged_plate_repaired_from_the_document():
    text = "xe biển kiểm soát 79A-312.45; xe ô tô biển kiểm soát 79A-312.45 trị giá"
    assert A.repair_plate("xe ô tô con biển kiểm soát 79A-312.435.", text) == (27, 38, "79A-312.45")
    assert A.repair_plate("biển số 51F-999.99", text) is None  # far from every plate written


def test_tone_tolerant_seizure_links_the_vehicle():
    parties = [
        Party(id="P1", role="accused", kind="person", name="Châu Minh Tuấn"),
        Party(id="P2", role="victim", kind="organization", name="Công ty TNHH Hải Long"),
    ]
    text = (
        "NHẬN ĐỊNH CỦA TÒA ÁN:\nXét thấy.\nQUYẾT ĐỊNH:\n"
        "2.1. Buộc bị cáo Châu Minh Tuấn bồi thường cho Công ty TNHH Hải Long số tiền 330.000.000 đồng.\n"
        "2.2. Tiếp tục duy trì Lệnh kê biên tài sản số 06/LKB ngày 20/3/2020 đôi với xe ô tô nhãn hiệu Mazda, "
        "biển kiểm soát 72A-215.68 đứng tên Châu Minh Tuấn, để bảo đảm thi hành khoản bồi thường của bị cáo "
        "Châu Minh Tuấn.\n"
    )
    doc = Document.from_text(text, source="t.txt")
    obs, assets = extract_operative(
        doc, segment(doc.text), parties, PartyResolver(parties, doc.text), EvidenceBuilder(doc)
    )
    (car,) = [a for a in assets if a.plate]
    assert car.plate == "72A-215.68"
    assert any(car.id in (o.secured_by or []) for o in obs if o.amount_vnd == 330_000_000)


def test_specks_blanked_and_glued_semicolon_read_as_comma():
    text = "bảo đảm để thu hồi nợ, gồm: '\n- thửa đất số 96;tờ bản đồ số 21; Bà Rơ Mah H'Bin, Môi ¡trường"
    out = blank_specks(text)
    assert len(out) == len(text)
    assert "gồm:  \n" in out and "96,tờ" in out and "số 21; Bà" in out
    assert "H'Bin" in out and "Môi  trường" in out


def test_asset_list_after_a_speck_and_a_glued_semicolon():
    """Whole pipeline: `run_pipeline` reads a speck-free view of the text."""
    text = (
        "NHẬN ĐỊNH CỦA TÒA ÁN:\nXét thấy.\nQUYẾT ĐỊNH:\n"
        "1. Buộc ông Vũ Văn M phải trả cho Ngân hàng Thương mại cổ phần Q số tiền 698.051.500đ.\n"
        "2. Trường hợp ông Vũ Văn M không trả nợ thì Ngân hàng Thương mại cổ phần Q có quyền yêu cầu cơ quan "
        "thi hành án dân sự phát mại tài sản bảo đảm để thu hồi nợ, gồm: '\n"
        "- Quyền sử dụng đất tại thửa đất số 96;tờ bản đồ số 21, theo Giấy chứng nhận số CA 726154 do Ủy ban "
        "nhân dân thành phố cấp.\n"
    )
    ex = extract(Document.from_text(text, source="t.txt"))
    (land,) = ex.assets
    assert (land.plot_number, land.map_sheet, land.certificate) == ("96", "21", "CA 726154")
    assert any(land.id in (o.secured_by or []) for o in ex.obligations)


def test_given_name_mentions_outvote_a_repeated_misreading():
    text = "Nguyễn Đức Thăng; Nguyễn Đức Thăng; ông Thắng nói; của ông Thắng; cho ông Thắng; nhà ông Thắng."
    assert consensus_name("Nguyễn Đức Thắng", text, person=True) == "Nguyễn Đức Thắng"
    assert consensus_name("Nguyễn Đức Thắng", text) == "Nguyễn Đức Thăng"  # no given-name votes


def test_malformed_court_word_repaired_by_the_other_readings():
    forms = ["Tòa án nhân dân thành phố Long Xuyên, tỉnh An Giang"] * 2
    court = "Tòa án nhân dân thành phố Long Xuyêền, tỉnh An Giang"
    assert header._vote_court(court, forms) == "Tòa án nhân dân thành phố Long Xuyên, tỉnh An Giang"


def test_item_number_comma_and_toned_honorific():
    assert blank_specks("x\n1.5, Trường hợp") == "x\n1.5. Trường hợp"
    text = "NỘI DUNG:\n- Bị đơn:\n1. Ống Nguyễn Văn A, sinh năm 1980.\n2. Bà Trần Thị B, sinh năm 1982.\nNỘI DUNG VỤ ÁN:\nx.\n"
    doc = Document.from_text(text, source="t.txt")
    names = [p.name for p in extract_parties(doc, segment(doc.text), EvidenceBuilder(doc))]
    assert "Nguyễn Văn A" in names
