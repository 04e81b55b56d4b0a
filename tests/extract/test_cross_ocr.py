"""OCR damage classes that cross the rule modules: sentence ends and margin dashes in the clause
reader, damaged item references, glued section headings, owners and obligors read through damage.
Invented names and text."""

from __future__ import annotations

from docproc.document import Document
from docproc.extract._clauses import segment_clauses
from docproc.extract._links import item_refs
from docproc.extract.evidence import EvidenceBuilder
from docproc.extract.operative import extract_operative
from docproc.extract.parties import PartyResolver
from docproc.extract.sections import segment
from docproc.schema import Party

BANK = Party(id="P1", role="plaintiff", kind="organization", name="Ngân hàng Thương mại cổ phần Đồi Thông")
HAI = Party(id="P2", role="defendant", kind="person", name="Kiều Văn Hải")
PARTIES = [BANK, HAI]


def run(facts: str, operative: str, parties: list[Party] = PARTIES):
    text = (
        "NỘI DUNG VỤ ÁN:\n" + facts + "\nNHẬN ĐỊNH CỦA TÒA ÁN:\nXét thấy.\nQUYẾT ĐỊNH:\n" + operative + "\n"
    )
    doc = Document.from_text(text, source="t.txt")
    ev = EvidenceBuilder(doc)
    obs, assets = extract_operative(doc, segment(doc.text), parties, PartyResolver(parties, doc.text), ev)
    return obs, assets, ev


def _clauses(text: str) -> list[tuple[str, str]]:
    return [(c.item, text[c.start : c.end]) for c in segment_clauses(text, 0, len(text))]


# -- sentence ends and margin dashes ----------------------------------------------------------------
def test_a_sentence_ends_only_before_a_capital():
    one = "1. Giao cho bà Hồ Thị Lan diện tích 120 m2. đất ở tại thửa số 7, tờ bản đồ số 2."
    assert len(_clauses(one)) == 1
    two = "1. Giao cho bà Hồ Thị Lan diện tích 120 m2. Ông Vũ Đức Toàn phải trả 1.000.000 đồng."
    assert [t for _i, t in _clauses(two)][1].startswith("Ông Vũ Đức Toàn")
    accented = "1. Giao cho bà Hồ Thị Lan diện tích 120 m2. Ông Vũ trả tiền. Ủy ban nhân dân xã giữ."
    assert len(_clauses(accented)) == 3


def test_a_dash_before_a_lower_case_word_mid_sentence_is_margin_noise():
    text = (
        "1. Buộc ông Vũ Đức Toàn phải giao cho bà Hồ Thị Lan quyền sử dụng\n"
        "- đất ở có diện tích 80 m2 tại thửa số 7.\n"
        "2. Về án phí: ông Vũ Đức Toàn phải chịu 300.000 đồng."
    )
    cl = _clauses(text)
    assert cl[0][0] == "1" and "đất ở có diện tích 80 m2" in cl[0][1] and "quyền sử dụng" in cl[0][1]
    assert [i for i, _t in cl] == ["1", "2"]


def test_a_real_dashed_list_stays_a_list():
    text = (
        "1. Tài sản bảo đảm gồm:\n- quyền sử dụng đất thửa số 7;\n- nhà ở trên thửa số 8.\n"
        "2. Buộc ông Vũ Đức Toàn phải trả 5.000.000 đồng\n- Nhà ở tại thửa số 9."
    )
    texts = [t for _i, t in _clauses(text)]
    assert any(t.startswith("quyền sử dụng đất") for t in texts)
    assert any(t.startswith("nhà ở trên") for t in texts)
    assert any(t.startswith("Nhà ở tại thửa số 9") for t in texts)


# -- a sub-item reference OCR damaged -----------------------------------------------------------------
def test_a_sub_item_number_with_a_comma_or_an_l_for_its_parts_is_one_item():
    assert item_refs("khoản nợ nêu tại mục 2,1 thì", "3") == ["2.1", "~2.1"]
    assert item_refs("khoản nợ nêu tại mục 2.l thì", "3")[0] == "2.1"
    assert item_refs("nêu tại các mục 2,1, 2,2 và 2,3;", "3")[:3] == ["2.1", "2.2", "2.3"]
    assert item_refs("nêu tại các mục 1, 2 và 3;", "4") == ["1", "2", "3"]


def test_security_for_a_damaged_sub_item_secures_that_order_only():
    for ref in ("2,1", "2.l"):
        operative = (
            "1. Chấp nhận yêu cầu khởi kiện.\n2. Buộc ông Kiều Văn Hải phải trả cho Ngân hàng Thương mại cổ "
            "phần Đồi Thông:\n2.1. Theo Hợp đồng tín dụng số 05/2022: 400.000.000 đồng.\n"
            "2.2. Theo Hợp đồng tín dụng số 06/2022: 90.000.000 đồng.\n"
            f"3. Trường hợp ông Hải không trả khoản nợ nêu tại mục {ref} thì Ngân hàng Thương mại cổ phần Đồi "
            "Thông có quyền yêu cầu cơ quan thi hành án dân sự có thẩm quyền phát mại xe ô tô biển kiểm soát "
            "51K-246.80 của ông Kiều Văn Hải để thu hồi nợ."
        )
        obs, _assets, _ev = run("Ông Hải vay tiền.", operative)
        secured = {o.amount_vnd: o.secured_by for o in obs if o.kind == "pay_money"}
        assert secured == {400_000_000: ["A1"], 90_000_000: []}, ref


# -- a section heading OCR glued onto the line before -------------------------------------------------
def _glued_judgment(reasoning_tail: str, decision_tail: str) -> str:
    return (
        "NỘI DUNG VỤ ÁN:\nÔng Hải vay của ngân hàng 300.000.000 đồng và không trả.\n"
        f"Ngân hàng khởi kiện yêu cầu ông Hải trả nợ.{reasoning_tail}\n"
        f"Xét yêu cầu khởi kiện là có căn cứ.{decision_tail}\n"
        "1. Buộc ông Kiều Văn Hải phải trả cho Ngân hàng Thương mại cổ phần Đồi Thông số tiền 300.000.000 "
        "đồng.\n\nNơi nhận:\n- Các đương sự."
    )


def test_headings_glued_onto_the_line_before_are_found():
    text = _glued_judgment(" NHẬN ĐỊNH CỦA TÒA ÁN:", " QUYẾT ĐỊNH:")
    sec = segment(text)
    assert sec.get(text, "reasoning").startswith("NHẬN ĐỊNH CỦA TÒA ÁN:")
    assert sec.get(text, "decision").startswith("QUYẾT ĐỊNH:")
    assert "Ngân hàng khởi kiện" in sec.get(text, "content")
    doc = Document.from_text(text, source="t.txt")
    obs, _a = extract_operative(
        doc, segment(doc.text), PARTIES, PartyResolver(PARTIES, doc.text), EvidenceBuilder(doc)
    )
    assert [(o.obligors, o.obligees, o.amount_vnd) for o in obs if o.kind == "pay_money"] == [
        (["P2"], ["P1"], 300_000_000)
    ]
    assert segment(_glued_judgment(" XÉT THẤY:", " QUYẾT ĐỊNH:")).reasoning[0] > 0


def test_capitals_or_its_colon_are_needed_for_a_glued_heading():
    lower = _glued_judgment(" Nhận định của Tòa án:", " quyết định:")
    assert segment(lower).decision[0] == segment(lower).text_len  # no heading in lower case
    named = "Ủy ban nhân dân xã đã ban hành QUYẾT ĐỊNH\nsố 12 về việc thu hồi đất."
    assert segment(named).decision == (len(named), len(named))


# -- an owner label OCR damaged -----------------------------------------------------------------------
OANH = Party(id="P3", role="related_party", kind="person", name="Đặng Thị Oanh")


def _security_owners(owner_phrase: str) -> dict[str, list[str]]:
    operative = (
        "1. Buộc ông Kiều Văn Hải phải trả cho Ngân hàng Thương mại cổ phần Đồi Thông số tiền 700.000.000 đồng.\n"
        "2. Trường hợp ông Hải không trả nợ thì Ngân hàng Thương mại cổ phần Đồi Thông có quyền yêu cầu cơ quan "
        "thi hành án dân sự có thẩm quyền phát mại tài sản bảo đảm để thu hồi nợ:\n"
        "- Quyền sử dụng đất tại thửa đất số 31, tờ bản đồ số 6, diện tích 75 m2 theo Giấy chứng nhận quyền sử "
        f"dụng đất số CD 123456 cấp ngày 02/3/2015 {owner_phrase} (Hợp đồng thế chấp số 08/2020);\n"
        "- Xe ô tô biển kiểm soát 29A-135.79 của ông Kiều Văn Hải."
    )
    _obs, assets, _ev = run("Ông Hải vay tiền.", operative, [BANK, HAI, OANH])
    return {a.kind: a.owners for a in assets}


def test_an_owner_label_ocr_damaged_still_names_the_owners():
    for phrase in (
        "mang “ẻn bà Đặng Thị Oanh",
        "đứng tèn bà Đặng Thị Oanh",
        "thuộc sớ hữu của bà Đặng Thị Oanh",
    ):
        assert _security_owners(phrase) == {"land_use_right": ["P3"], "vehicle": ["P2"]}, phrase


def test_a_word_after_mang_that_is_no_owner_label_names_no_owner():
    owners = _security_owners("mang lên bà Đặng Thị Oanh")
    assert owners["land_use_right"] != ["P3"]


# -- a colon OCR read inside the subject of an order ---------------------------------------------------
def test_a_colon_read_for_a_clipped_letter_does_not_cut_the_obligors_off():
    operative = (
        "1. Ông Kiều Văn Hải và bà Đặng Thị Oanh phả: tiên đới chi trả cho Ngân hàng Thương mại cổ phần Đồi "
        "Thông số tiền 120.000.000 đồng."
    )
    obs, _a, ev = run("Ông Hải vay tiền.", operative, [BANK, HAI, OANH])
    pays = [(o.obligors, o.obligees, o.amount_vnd) for o in obs if o.kind == "pay_money"]
    assert pays == [(["P2", "P3"], ["P1"], 120_000_000)]
    assert ev.records["/obligations/0/obligors/0"].confidence < 0.85  # read through the damage


def test_a_real_colon_before_the_subject_still_decides():
    operative = "1. Xử: bà Đặng Thị Oanh phải trả cho ông Kiều Văn Hải số tiền 30.000.000 đồng."
    obs, _a, _ev = run("Bà Oanh vay tiền.", operative, [BANK, HAI, OANH])
    assert [(o.obligors, o.obligees) for o in obs if o.kind == "pay_money"] == [(["P3"], ["P2"])]
