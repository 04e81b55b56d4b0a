"""Money, amounts and court fees read from OCR text: each class of damage a scan does to the operative
part, in a snippet written for the test (names and sums invented, no corpus text)."""

from __future__ import annotations

import pytest

from docproc.document import Document
from docproc.extract import _confidence as C
from docproc.extract import extract
from docproc.extract._clauses import segment_clauses
from docproc.extract.evidence import EvidenceBuilder
from docproc.extract.operative import extract_operative
from docproc.extract.parties import PartyResolver
from docproc.extract.sections import segment
from docproc.schema import Party

MAI = Party(id="P1", role="plaintiff", kind="person", name="Lương Thị Mai")
KHOA = Party(id="P2", role="defendant", kind="person", name="Đinh Văn Khoa")
TRUC = Party(id="P3", role="defendant", kind="person", name="Tạ Minh Trúc")
PARTIES = [MAI, KHOA, TRUC]


def run(operative: str, parties: list[Party] = PARTIES):
    text = "NHẬN ĐỊNH CỦA TÒA ÁN:\nXét thấy.\nQUYẾT ĐỊNH:\n" + operative + "\n\nNơi nhận:\n- Các đương sự."
    doc = Document.from_text(text, source="t.txt")
    ev = EvidenceBuilder(doc)
    obs, _ = extract_operative(doc, segment(doc.text), parties, PartyResolver(parties, doc.text), ev)
    return obs, ev


def _items(operative: str) -> list[str]:
    return [c.item for c in segment_clauses(operative, 0, len(operative))]


# -- clause numbering ----------------------------------------------------------------------------------
def test_item_number_whose_dot_was_read_as_a_comma_still_opens_the_fee_item():
    obs, _ = run(
        "1. Buộc ông Đinh Văn Khoa phải trả cho bà Lương Thị Mai 40.000.000 đồng.\n"
        "2. Về xử lý vật chứng: Tịch thu tiêu hủy 01 con dao.\n"
        "3, Về án phí:\n- Án phí dân sự sơ thẩm: ông Đinh Văn Khoa phải chịu 2.000.000 đồng; "
        "bà Tạ Minh Trúc phải chịu 300.000 đồng."
    )
    fees = sorted((o.obligors[0], o.amount_vnd) for o in obs if o.kind == "court_fee")
    assert fees == [("P2", 2_000_000), ("P3", 300_000)]


def test_comma_number_is_an_item_only_where_it_continues_the_numbering():
    text = "1. Về nợ gốc:\n2,1. Buộc ông A trả tiền.\n2, Về án phí: áp dụng khoản 1,\n3, Điều 26 luật.\n"
    # after "1" only "2" or "1.1" may follow, so "2,1." is text; "2," is item 2; "3, Điều 26" goes on
    # with the numbers of item 2's legal basis (its line ends with a comma), so it is no item 3
    assert list(dict.fromkeys(_items(text))) == ["1", "2"]


def test_sub_item_with_comma_follows_its_parent():
    text = "2. Về trách nhiệm dân sự:\n2,1. Buộc ông A trả tiền.\n2,2. Buộc bà B trả tiền.\n"
    assert _items(text) == ["2", "2.1", "2.2"]


def test_item_joined_to_the_line_before_is_cut_where_the_lettering_continues():
    obs, _ = run(
        "1. Về vật chứng:\na) Tịch thu tiêu hủy 02 chiếc điện thoại của bị cáo Đinh Văn Khoa.\n"
        "b) Tịch thu tiêu hủy 01 chiếc xe đạp của bị cáo Tạ Minh Trúc. c) Truy thu của bị cáo Đinh Văn Khoa số "
        "tiền 6.500.000 đồng (Sáu triệu năm trăm nghìn đồng) để sung ngân sách nhà nước."
    )
    cash = [o for o in obs if o.kind == "confiscation" and o.amount_vnd]
    assert [(o.obligors, o.amount_vnd) for o in cash] == [(["P2"], 6_500_000)]


def test_inline_letter_out_of_sequence_is_not_an_item():
    text = "1. Về vật chứng:\na) Tịch thu 01 xe. d) Nội dung khác.\n"
    assert _items(text) == ["1", "1.a"]


# -- digits broken apart -----------------------------------------------------------------------------
def test_speck_read_as_a_digit_before_the_unit_is_dropped_because_the_words_say_so():
    obs, ev = run(
        "1. Phạt tiền bị cáo Đinh Văn Khoa 25.000.000 4 đồng (Hai mươi lăm triệu đồng) sung ngân sách nhà nước."
    )
    fine = [o for o in obs if o.kind == "fine"]
    assert [o.amount_vnd for o in fine] == [25_000_000]
    assert ev.records["/obligations/0/amount_vnd"].confidence <= C.REPAIRED


def test_number_split_over_a_line_is_joined_when_the_words_spell_it():
    obs, _ = run(
        "1. Buộc ông Đinh Văn Khoa phải trả cho bà Lương Thị Mai số tiền 312.450\n"
        "000 đồng (Ba trăm mười hai triệu bốn trăm năm mươi nghìn đồng)."
    )
    assert [o.amount_vnd for o in obs if o.kind == "pay_money"] == [312_450_000]


def test_digits_before_are_not_joined_when_nothing_spells_the_words():
    # the words disagree with every reading of the digits: the digits are kept and the mismatch flagged
    obs, ev = run(
        "1. Buộc ông Đinh Văn Khoa phải trả cho bà Lương Thị Mai số tiền 17.800.000 đồng "
        "(Mười chín triệu năm trăm nghìn đồng)."
    )
    assert [o.amount_vnd for o in obs if o.kind == "pay_money"] == [17_800_000]
    assert ev.records["/obligations/0/amount_vnd"].confidence <= C.WEAK


def _judgment(order: str):
    text = (
        "TÒA ÁN NHÂN DÂN HUYỆN AN PHÚ\nBẢN ÁN SỐ: 12/2024/DS-ST\nNGÀY 05/3/2024\n"
        "NHÂN DANH\nNƯỚC CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
        "- Nguyên đơn: Bà Lương Thị Mai, sinh năm 1970; địa chỉ: xã Tân Hòa.\n"
        "- Bị đơn: Ông Đinh Văn Khoa, sinh năm 1968; địa chỉ: xã Tân Hòa.\n"
        "NỘI DUNG VỤ ÁN:\nBà Mai cho ông Khoa vay tiền.\nNHẬN ĐỊNH CỦA TÒA ÁN:\nXét thấy.\nQUYẾT ĐỊNH:\n"
        + order
    )
    return extract(Document.from_text(text, source="t.txt"))


def test_digits_and_words_that_disagree_past_repair_keep_the_digits_and_warn():
    ex = _judgment(
        "1. Buộc ông Đinh Văn Khoa phải trả cho bà Lương Thị Mai số tiền 17.800.000 đồng "
        "(Mười chín triệu năm trăm nghìn đồng).\n"
    )
    pays = [(i, o) for i, o in enumerate(ex.obligations) if o.kind == "pay_money"]
    assert [o.amount_vnd for _, o in pays] == [17_800_000]
    notes = [(n.code, n.params) for n in ex.document.notices if n.pointer == f"/obligations/{pays[0][0]}"]
    assert ("amount.words_digits_differ", {"digits": 17_800_000, "words": 19_500_000}) in notes
    assert not any(code == "amount.digits_reread" for code, _ in notes)


def test_reread_digits_are_reported_to_the_reviewer():
    ex = _judgment(
        "1. Buộc ông Đinh Văn Khoa phải trả cho bà Lương Thị Mai số tiền 90.000.000 7 đồng "
        "(Chín mươi triệu đồng).\n"
    )
    pays = [(i, o) for i, o in enumerate(ex.obligations) if o.kind == "pay_money"]
    assert [o.amount_vnd for _, o in pays] == [90_000_000]
    codes = [(n.code, n.pointer, n.params) for n in ex.document.notices]
    assert (
        "amount.digits_reread",
        f"/obligations/{pays[0][0]}",
        {"digits": 7, "amount": 90_000_000},
    ) in codes


# -- the unit or the digits lost, the words kept -----------------------------------------------------
def test_unit_lost_before_the_words_the_words_confirm_the_digits():
    obs, ev = run(
        "1. Phạt tiền bị cáo Tạ Minh Trúc 35.000.000 (Ba mươi lăm triệu đồng) sung ngân sách nhà nước."
    )
    assert [o.amount_vnd for o in obs if o.kind == "fine"] == [35_000_000]
    assert ev.records["/obligations/0/amount_vnd"].confidence == C.STATED


def test_digits_cut_to_their_first_figure_are_read_from_the_words_with_lower_confidence():
    obs, ev = run(
        "1. Buộc ông Đinh Văn Khoa phải trả cho bà Lương Thị Mai tổng số tiền là 2. (Hai tỷ không trăm "
        "linh năm triệu ba trăm nghìn đông), gồm: nợ gốc 1.800.000.000 đồng, lãi 205.300.000 đồng."
    )
    assert [o.amount_vnd for o in obs if o.kind == "pay_money"] == [2_005_300_000]
    assert ev.records["/obligations/0/amount_vnd"].confidence <= C.REPAIRED


def test_words_that_are_no_money_do_not_make_an_amount_of_a_number():
    obs, _ = run(
        "1. Giao cho bà Lương Thị Mai được quyền sử dụng thửa đất diện tích 1.250 (Một nghìn hai trăm năm "
        "mươi) m2. Xử phạt bị cáo Đinh Văn Khoa 05 (năm) năm tù."
    )
    assert not [o for o in obs if o.amount_vnd]


def test_words_alone_with_a_misread_currency_word():
    obs, _ = run("1. Buộc ông Đinh Văn Khoa phải trả cho bà Lương Thị Mai số tiền Bảy mươi hai triệu đông.")
    assert [o.amount_vnd for o in obs if o.kind == "pay_money"] == [72_000_000]


# -- letters read for digits -------------------------------------------------------------------------
def test_letters_read_for_digits_inside_a_grouped_amount():
    obs, ev = run(
        "1. Về án phí: Ông Đinh Văn Khoa phải chịu J8.420.5O0đ án phí dân sự sơ thẩm; "
        "bà Tạ Minh Trúc phải chịu 55. I10 đồng án phí."
    )
    fees = [(o.obligors, o.amount_vnd) for o in obs if o.kind == "court_fee"]
    assert fees == [(["P2"], 18_420_500), (["P3"], 55_110)]
    assert ev.records["/obligations/0/amount_vnd"].confidence <= C.REPAIRED


def test_letters_outside_a_grouped_number_stay_letters():
    from docproc.extract._word_amounts import lookalike_digits

    for text in ("Giấy chứng nhận số BĐ 512.846 đ", "số lO đồng", "biển số 51D-123.45 đ"):
        assert lookalike_digits(text) == text
    assert lookalike_digits("chịu l.2O0.000 đồng") == "chịu 1.200.000 đồng"


def test_first_item_number_read_with_a_comma_when_the_ones_before_were_lost():
    text = "Chấp nhận yêu cầu khởi kiện.\n2, Ông A có nghĩa vụ trả tiền.\n3. Về án phí: ông A chịu án phí.\n"
    assert list(dict.fromkeys(_items(text))) == ["", "2", "3"]


# -- the words of ordering damaged ---------------------------------------------------------------------
@pytest.mark.parametrize(
    "order",
    [
        "1. Buôc ông Đinh Văn Khoa trả cho bà Lương Thị Mai 40.000.000 đồng.",
        "1. Buoc ông Đinh Văn Khoa tra cho bà Lương Thị Mai 40.000.000 đồng.",
        "1. Ông Đinh Văn Khoa phai tra cho bà Lương Thị Mai 40.000.000 đồng.",
        "1. Ông Đinh Văn Khoa phái trà cho bà Lương Thị Mai 40.000.000 đồng.",
        "1. Ông Đinh Văn Khoa có nghĩa vụ thanh toan cho bà Lương Thị Mai 40.000.000 đồng.",
        "1. Buộc ông Đinh Văn Khoa phải bồi thưởng cho bà Lương Thị Mai 40.000.000 đồng.",
        "1. Ông Đinh Văn Khoa và bà Tạ Minh Trúc liên đổi trả cho bà Lương Thị Mai 40.000.000 đồng.",
        "1. Buộc ông Đinh Văn Khoa bồi thườn: cho bà Lương Thị Mai 40.000.000 đồng.",
    ],
)
def test_order_read_through_a_damaged_word_of_ordering(order):
    obs, ev = run(order)
    pays = [o for o in obs if o.kind == "pay_money"]
    assert [(o.obligees, o.amount_vnd) for o in pays] == [(["P1"], 40_000_000)]
    assert "P2" in pays[0].obligors
    assert ev.records["/obligations/0"].confidence <= C.ORDER_WORD_REPAIRED


def test_words_of_other_meaning_are_left_as_they_are():
    from docproc.extract._order_words import repair_order_words

    for text in (
        "Cơ quan Cảnh sát điều tra cho biết. Ông Nguyễn Thanh Toàn có mặt.",
        "Buộc bà Đỗ Thị Trà cho ông Khoa nhận lại xe. Từng bước thực hiện.",
        "Đảng phái chính trị; bà Lê Thị Liên đổi nơi cư trú.",
    ):
        assert repair_order_words(text, 0, len(text)) == (text, [])


def test_repair_keeps_the_length_and_the_line_breaks():
    from docproc.extract._order_words import repair_order_words

    text = "Buôc ông A phai\ntra cho bà B."
    fixed, at = repair_order_words(text, 0, len(text))
    assert fixed == "Buộc ông A phải\ntrả cho bà B." and len(at) == 3


# -- the unit garbled, a separator displaced, a digit too many -----------------------------------------
@pytest.mark.parametrize("unit", ["đổng", "đồug", "dòng", "đồn"])
def test_unit_garbled_after_a_grouped_number(unit):
    obs, ev = run(f"1. Buộc ông Đinh Văn Khoa trả cho bà Lương Thị Mai 63.250.000 {unit}.")
    assert [o.amount_vnd for o in obs if o.kind == "pay_money"] == [63_250_000]
    assert ev.records["/obligations/0/amount_vnd"].confidence <= C.REPAIRED


def test_a_word_that_is_no_unit_after_a_number_stays_no_amount():
    from docproc.extract._word_amounts import shadow_digits

    for text in ("diện tích 1.250 dài 30m", "số 12.345 đường Lê Lợi", "thửa 1.024 đất ở"):
        assert shadow_digits(text) == text


def test_space_before_a_separator():
    obs, _ = run("1. Buộc ông Đinh Văn Khoa trả cho bà Lương Thị Mai 63.250 .000 đồng.")
    assert [o.amount_vnd for o in obs if o.kind == "pay_money"] == [63_250_000]


@pytest.mark.parametrize("digits", ["63.250.0000", "632.50.000", "63250.000"])
def test_digits_one_off_are_read_from_the_words_that_spell_them(digits):
    obs, ev = run(
        f"1. Buộc ông Đinh Văn Khoa trả cho bà Lương Thị Mai {digits} đồng (Sáu mươi ba triệu hai trăm năm mươi"
        " nghìn đồng)."
    )
    assert [o.amount_vnd for o in obs if o.kind == "pay_money"] == [63_250_000]
    assert ev.records["/obligations/0/amount_vnd"].confidence <= C.REPAIRED


# -- the fee item damaged ----------------------------------------------------------------------------
def test_fee_heading_without_its_marks_still_makes_a_fee_item():
    obs, ev = run(
        "1. Buộc ông Đinh Văn Khoa trả cho bà Lương Thị Mai 9.000.000 đồng.\n2. Về an phi:\n"
        "Ông Đinh Văn Khoa chịu 450.000 đồng."
    )
    assert [(o.obligors, o.amount_vnd) for o in obs if o.kind == "court_fee"] == [(["P2"], 450_000)]


def test_chain_of_fees_whose_first_name_ocr_garbled_and_a_blank_line_between():
    obs, _ = run(
        "2. Về án phí:\n- Bị cáo Đinh Văn Khoa phải chịu 200.000 đồng án jp hình sự sơ thẩm và\n\n"
        "512.300 đồng án phí dân sự sơ thẩm."
    )
    assert [o.amount_vnd for o in obs if o.kind == "court_fee"] == [200_000, 512_300]


def test_each_person_pays_a_fee_though_the_horn_of_nguoi_was_lost():
    obs, _ = run(
        "2. Về án phí: Ông Đinh Văn Khoa và bà Tạ Minh Trúc mỗi ngưòi phải chịu 300.000 đồng án phí."
    )
    assert sorted((o.obligors[0], o.amount_vnd) for o in obs if o.kind == "court_fee") == [
        ("P2", 300_000),
        ("P3", 300_000),
    ]


def test_advance_credited_though_the_words_lost_their_marks():
    obs, _ = run(
        "2. Về án phí: Ông Đinh Văn Khoa phải chịu 2.000.000 đồng án phí dân sự sơ thẩm, được khau tru vao so"
        " tien 300.000 đồng tam ung an phi đã nộp, ông Khoa còn phải nộp 1.700.000 đồng."
    )
    fees = [o for o in obs if o.kind == "court_fee"]
    assert [(f.amount_vnd, f.advance_credited) for f in fees] == [(2_000_000, 300_000)]


def test_amount_broken_at_the_end_of_a_line_after_its_separator():
    from docproc.extract._word_amounts import shadow_digits

    obs, _ = run(
        "1. Buộc ông Đinh Văn Khoa trả cho bà Lương Thị Mai số tiền 1.512.907.\n"
        "300 đồng.\n2. Về án phí: Ông Đinh Văn Khoa phải chịu 300.000 đồng án phí."
    )
    assert [(o.kind, o.amount_vnd) for o in obs] == [("pay_money", 1_512_907_300), ("court_fee", 300_000)]
    # one group before the break is an item number as often as an amount: nothing is joined
    assert shadow_digits("mục 2.\n300.000 đồng") == "mục 2.\n300.000 đồng"


def test_dust_read_as_a_colon_inside_the_payers_names_does_not_end_the_subject():
    obs, _ = run(
        "1. Buộc bị cáo Đinh Văn Khoa và bị cáo Tạ Minh Trúc:.. liên đới trả cho bà Lương Thị Mai số tiền "
        "8.400.000 đồng (Tám triệu bốn trăm nghìn đồng)."
    )
    assert [(sorted(o.obligors), o.amount_vnd) for o in obs if o.kind == "pay_money"] == [
        (["P2", "P3"], 8_400_000)
    ]


# -- the digits repair the words ------------------------------------------------------------------------
def test_words_with_dust_in_them_still_confirm_the_digits():
    from docproc.extract._word_amounts import words_support

    assert words_support("Bảy tỷ hai trăm mười lăm triệu Ề bốn trăm nghìn đồng", 7_215_400_000)
    assert words_support("Bảy tỷ hai trăm mười lăm triệu bốn trăm nghìn đổn'", 7_215_400_000)
    assert words_support("Bảy tỷ hai trăm mười lăm triệu bốn trăm ngh~n đồng", 7_215_400_000)
    # words that read as another amount disagree; words that are too short say nothing
    assert not words_support("Bảy tỷ hai trăm mười sáu triệu bốn trăm nghìn đồng", 7_215_400_000)
    assert not words_support("Bảy ~ đồng", 7_000)


def test_damaged_words_that_spell_the_digits_keep_the_digits_at_a_repaired_confidence():
    obs, ev = run(
        "1. Buộc ông Đinh Văn Khoa trả cho bà Lương Thị Mai 7.215.400.000 đồng (bằng chữ: Bảy tỷ hai trăm mười"
        " lăm triệu Ề\nbốn trăm nghìn đồng)."
    )
    assert [o.amount_vnd for o in obs if o.kind == "pay_money"] == [7_215_400_000]
    assert C.WEAK < ev.records["/obligations/0/amount_vnd"].confidence <= C.REPAIRED


@pytest.mark.parametrize("unit", [" d", " Đ", " ₫"])
def test_the_unit_d_read_as_another_letter_after_a_grouped_number(unit):
    obs, _ = run(f"2. Về án phí: Ông Đinh Văn Khoa phải chịu 1.250.000{unit} án phí dân sự sơ thẩm.")
    assert [o.amount_vnd for o in obs if o.kind == "court_fee"] == [1_250_000]


def test_fees_listed_with_a_semicolon_read_as_a_colon():
    obs, _ = run(
        "2. Về án phí:\n- Án phí dân sự sơ thẩm: ông Đinh Văn Khoa phải chịu 4.200.000 đồng: bà Tạ Minh Trúc phải"
        " chịu 1.500.000 đồng."
    )
    assert [(o.obligors, o.amount_vnd) for o in obs if o.kind == "court_fee"] == [
        (["P2"], 4_200_000),
        (["P3"], 1_500_000),
    ]


def test_fee_with_parts_after_gom_keeps_its_parts():
    obs, _ = run(
        "2. Về án phí: Ông Đinh Văn Khoa phải chịu 2.300.000 đồng, gồm: án phí dân sự sơ thẩm 2.000.000 đồng và "
        "án phí phúc thẩm 300.000 đồng."
    )
    fees = [o for o in obs if o.kind == "court_fee"]
    assert [o.amount_vnd for o in fees] == [2_300_000]
    assert sum(fees[0].components.values()) == 2_300_000


def test_sub_item_whose_one_was_read_as_a_letter():
    text = "2. Về trách nhiệm dân sự:\n2.l. Buộc ông A trả tiền.\n2.2. Buộc bà B trả tiền.\n"
    assert list(dict.fromkeys(_items(text))) == ["2", "2.1", "2.2"]


def test_order_on_the_line_after_a_ruling_that_lost_its_full_stop():
    obs, _ = run(
        "1. Chấp nhận yêu cầu khởi kiện của bà Lương Thị Mai về việc “Tranh chấp hợp đồng vay tài sản”\n"
        "Buộc ông Đinh Văn Khoa phải trả cho bà Lương Thị Mai số tiền 75.000.000 đồng."
    )
    assert [(o.obligors, o.obligees, o.amount_vnd) for o in obs if o.kind == "pay_money"] == [
        (["P2"], ["P1"], 75_000_000)
    ]
