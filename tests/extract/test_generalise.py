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
