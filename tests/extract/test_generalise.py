"""Classes of wording the rules must read however a court writes them (issue 13): amounts in words
alone, an order after a ruling in the same item, ... Snippets written for these tests, names invented."""

from __future__ import annotations

from docproc.document import Document
from docproc.extract.evidence import EvidenceBuilder
from docproc.extract.operative import extract_operative
from docproc.extract.parties import PartyResolver
from docproc.extract.sections import segment
from docproc.schema import Party

MAI = Party(id="P1", role="plaintiff", kind="person", name="Phan Thị Mai K")
DUC = Party(id="P2", role="defendant", kind="person", name="Võ Minh Đ")
PARTIES = [MAI, DUC]


def run(operative: str, parties: list[Party] = PARTIES):
    text = (
        "NỘI DUNG VỤ ÁN:\nCác bên tranh chấp.\nNHẬN ĐỊNH CỦA TÒA ÁN:\nXét thấy.\n"
        "QUYẾT ĐỊNH:\n" + operative + "\n\nNơi nhận:\n- Các đương sự."
    )
    doc = Document.from_text(text, source="t.txt")
    ev = EvidenceBuilder(doc)
    obs, assets = extract_operative(doc, segment(doc.text), parties, PartyResolver(parties, doc.text), ev)
    return obs, assets


def pays(obs):
    return [(o.obligors, o.obligees, o.amount_vnd) for o in obs if o.kind == "pay_money"]


def test_amount_written_only_in_words():
    obs, _ = run(
        "2. Ông Võ Minh Đ phải hoàn trả cho bà Phan Thị Mai K chi phí thẩm định là Bảy triệu năm trăm nghìn đồng."
    )
    assert pays(obs) == [(["P2"], ["P1"], 7_500_000)]
    ob = next(o for o in obs if o.kind == "pay_money")
    assert ob.amount_words and "triệu" in ob.amount_words


def test_words_glossing_digits_are_not_a_second_amount():
    obs, _ = run(
        "1. Buộc ông Võ Minh Đ phải trả cho bà Phan Thị Mai K 12.000.000 đồng (Mười hai triệu đồng)."
    )
    assert pays(obs) == [(["P2"], ["P1"], 12_000_000)]


def test_dong_y_is_not_an_amount():
    obs, _ = run("1. Ông Võ Minh Đ không đồng ý trả cho bà Phan Thị Mai K.")
    assert pays(obs) == []


def test_order_after_a_ruling_that_ends_with_an_initial():
    """An anonymised name ends the ruling's sentence with its initial ("... của bà Phan Thị Mai K.")."""
    obs, _ = run(
        "1. Chấp nhận một phần yêu cầu khởi kiện của bà Phan Thị Mai K. Ông Võ Minh Đ phải trả cho bà "
        "Phan Thị Mai K tổng số tiền 1.995.000.000đ, gồm tiền gốc 1.800.000.000đ và tiền lãi 195.000.000đ."
    )
    assert pays(obs) == [(["P2"], ["P1"], 1_995_000_000)]


# -- identifiers ---------------------------------------------------------------------------------
def test_plate_with_a_space_and_vessel_registration_numbers():
    from docproc.extract.assets import find_plates

    assert [p for _, _, p in find_plates("xe ô tô biển kiểm soát 30G 58214, số khung ABC")] == ["30G 58214"]
    assert [p for _, _, p in find_plates("tàu cá vỏ gỗ số hiệu BĐ-92417-TS, dài 15m")] == ["BĐ-92417-TS"]
    assert [p for _, _, p in find_plates("tàu cá số hiệu KG - 91234 - TS;")] == ["KG - 91234 - TS"]
    assert find_plates("Điều 30 năm 2015 khoản 12345") == []


def test_vessel_asset_gets_its_registration_number():
    obs, assets = run(
        "1. Buộc ông Võ Minh Đ phải trả cho bà Phan Thị Mai K 900.000.000 đồng.\n"
        "2. Trường hợp ông Võ Minh Đ không trả nợ thì bà Phan Thị Mai K có quyền yêu cầu cơ quan thi hành án "
        "xử lý tài sản bảo đảm là tàu cá vỏ gỗ số hiệu ĐNa-90815-TS của ông Võ Minh Đ để thu hồi nợ."
    )
    assert [(a.kind, a.plate) for a in assets] == [("vessel", "ĐNa-90815-TS")]


# -- guarantors ----------------------------------------------------------------------------------
def test_guarantor_after_a_condition_pays_the_creditor():
    le = Party(id="P3", role="related_party", kind="person", name="Lê Văn T")
    obs, _ = run(
        "a) Ông Võ Minh Đ có nghĩa vụ thanh toán cho bà Phan Thị Mai K số tiền 500.000.000 đồng.\n"
        "b) Trường hợp đến ngày 30/6/2026 ông Võ Minh Đ chưa trả đủ số tiền nêu tại điểm a, ông Lê Văn T tự "
        "nguyện trả thay cho ông Võ Minh Đ số tiền còn thiếu nhưng không vượt quá 200.000.000 đồng.",
        [*PARTIES, le],
    )
    assert pays(obs) == [(["P2"], ["P1"], 500_000_000), (["P3"], ["P1"], 200_000_000)]
