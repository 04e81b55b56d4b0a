"""Money, amounts and court fees read from OCR text: each class of damage a scan does to the operative
part, in a snippet written for the test (names and sums invented, no corpus text)."""

from __future__ import annotations

from docproc.document import Document
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
