"""Rules of the operative part, one short snippet each (written for these tests, names invented)."""

from __future__ import annotations

import pytest

from docproc.document import Document
from docproc.extract.evidence import EvidenceBuilder
from docproc.extract.operative import extract_operative
from docproc.extract.parties import PartyResolver
from docproc.extract.sections import segment
from docproc.schema import Party

BANK = Party(id="P1", role="plaintiff", kind="organization", name="Ngân hàng Thương mại cổ phần Sông Hồng")
HAI = Party(id="P2", role="defendant", kind="person", name="Trần Văn Hải")
LAN = Party(id="P3", role="defendant", kind="person", name="Đỗ Thị Lan")
TUNG = Party(id="P4", role="related_party", kind="person", name="Lê Văn Tùng")
CIVIL = [BANK, HAI, LAN, TUNG]


def run(operative: str, parties: list[Party] = CIVIL, before: str = ""):
    text = (
        "NỘI DUNG VỤ ÁN:\nCác bên tranh chấp.\n" + before + "\nNHẬN ĐỊNH CỦA TÒA ÁN:\nXét thấy.\n"
        "QUYẾT ĐỊNH:\n" + operative + "\n\nNơi nhận:\n- Các đương sự."
    )
    doc = Document.from_text(text, source="t.txt")
    ev = EvidenceBuilder(doc)
    obs, assets = extract_operative(doc, segment(doc.text), parties, PartyResolver(parties, doc.text), ev)
    return obs, assets, ev, doc


def only(obs, kind):
    return [o for o in obs if o.kind == kind]


# -- payments -----------------------------------------------------------------------------------------
def test_pay_money_with_total_and_parts():
    obs, _, ev, doc = run(
        "1. Buộc ông Trần Văn Hải phải trả cho Ngân hàng Thương mại cổ phần Sông Hồng tổng số tiền "
        "1.250.000.000 đồng (Một tỷ hai trăm năm mươi triệu đồng), trong đó: nợ gốc 1.000.000.000 đồng; "
        "nợ lãi trong hạn 150.000.000 đồng; nợ lãi quá hạn 90.000.000 đồng; tiền phạt chậm trả 10.000.000 đồng."
    )
    (ob,) = only(obs, "pay_money")
    assert (ob.obligors, ob.obligees, ob.amount_vnd) == (["P2"], ["P1"], 1_250_000_000)
    assert ob.components == {
        "principal": 1_000_000_000,
        "interest_in_term": 150_000_000,
        "interest_overdue": 90_000_000,
        "penalty": 10_000_000,
    }
    assert ob.amount_words == "Một tỷ hai trăm năm mươi triệu đồng"
    assert ob.enforcement == "on_request" and not ob.joint
    rec = ev.records["/obligations/0/amount_vnd"]
    assert doc.text[rec.span[0] : rec.span[1]] == "1.250.000.000 đồng"
    assert rec.confidence >= 0.9  # digits and words agree


def test_total_written_after_its_parts():
    obs, *_ = run(
        "Buộc ông Trần Văn Hải phải trả cho Ngân hàng Thương mại cổ phần Sông Hồng số tiền gồm: nợ gốc: "
        "800.000.000 đồng, lãi trong hạn: 95.400.000 đồng, lãi quá hạn: 12.300.000 đồng; tổng cộng: 907.700.000 đồng."
    )
    (ob,) = only(obs, "pay_money")
    assert ob.amount_vnd == 907_700_000
    assert sum(ob.components.values()) == 907_700_000


def test_joint_liability():
    obs, *_ = run(
        "Buộc ông Trần Văn Hải và bà Đỗ Thị Lan có nghĩa vụ liên đới trả cho ông Lê Văn Tùng số tiền 300.000.000 đồng."
    )
    (ob,) = only(obs, "pay_money")
    assert ob.joint and sorted(ob.obligors) == ["P2", "P3"] and ob.obligees == ["P4"]


def test_two_payers_without_lien_doi_are_not_joint():
    obs, *_ = run("Buộc ông Trần Văn Hải và bà Đỗ Thị Lan phải trả cho ông Lê Văn Tùng 40.000.000 đồng.")
    (ob,) = only(obs, "pay_money")
    assert not ob.joint and sorted(ob.obligors) == ["P2", "P3"]


def test_each_person_pays_separately():
    obs, *_ = run(
        "Về chi phí tố tụng: Ông Trần Văn Hải, bà Đỗ Thị Lan mỗi người phải hoàn trả cho ông Lê Văn Tùng "
        "1.500.000 đồng chi phí định giá tài sản."
    )
    pays = only(obs, "pay_money")
    assert sorted(o.obligors[0] for o in pays) == ["P2", "P3"]
    assert all(o.amount_vnd == 1_500_000 and o.obligees == ["P4"] for o in pays)


def test_two_amounts_joined_by_va_make_one_payment():
    obs, *_ = run(
        "Buộc ông Trần Văn Hải phải trả cho ông Lê Văn Tùng 100.000.000 đồng tiền gốc và 20.000.000 đồng tiền lãi."
    )
    (ob,) = only(obs, "pay_money")
    assert ob.amount_vnd == 120_000_000
    assert ob.components == {"principal": 100_000_000, "interest": 20_000_000}


def test_arithmetic_takes_the_result():
    obs, *_ = run(
        "Buộc ông Trần Văn Hải phải bồi thường cho ông Lê Văn Tùng tổn thất tinh thần là 1.800.000 đồng x 10 "
        "tháng = 18.000.000 đồng."
    )
    (ob,) = only(obs, "pay_money")
    assert ob.amount_vnd == 18_000_000


def test_rejected_claims_and_recited_claims_are_not_orders():
    obs, *_ = run(
        "1. Không chấp nhận yêu cầu của ông Lê Văn Tùng về việc buộc ông Trần Văn Hải trả 50.000.000 đồng.\n"
        "2. Đình chỉ giải quyết yêu cầu buộc bà Đỗ Thị Lan trả tiền lãi 7.000.000 đồng.\n"
        "3. Tại đơn khởi kiện, ông Tùng yêu cầu Tòa án buộc ông Hải trả 90.000.000 đồng."
    )
    assert only(obs, "pay_money") == []


def test_guarantor_pays_in_place_of_debtor_to_the_creditor():
    obs, *_ = run(
        "1. Buộc ông Trần Văn Hải phải trả cho Ngân hàng Thương mại cổ phần Sông Hồng số tiền 900.000.000 đồng.\n"
        "2. Trường hợp ông Trần Văn Hải không trả nợ thì ông Lê Văn Tùng phải trả nợ thay cho ông Trần Văn Hải "
        "trong phạm vi bảo lãnh là 500.000.000 đồng."
    )
    pays = only(obs, "pay_money")
    guar = next(o for o in pays if o.amount_vnd == 500_000_000)
    assert guar.obligors == ["P4"] and guar.obligees == ["P1"]


def test_deduction_keeps_what_remains():
    obs, *_ = run(
        "Buộc ông Trần Văn Hải bồi thường cho ông Lê Văn Tùng số tiền 60.000.000 đồng, được trừ số tiền "
        "15.000.000 đồng ông Hải đã nộp tại Chi cục Thi hành án dân sự; ông Hải còn phải bồi thường tiếp "
        "45.000.000 đồng."
    )
    (ob,) = only(obs, "pay_money")
    assert ob.amount_vnd == 45_000_000
    assert ob.already_paid == 15_000_000


def test_instalments_attach_to_the_payment():
    obs, *_ = run(
        "2.1. Ông Trần Văn Hải có nghĩa vụ trả cho ông Lê Văn Tùng số tiền 200.000.000 đồng, chia làm 02 đợt như sau:\n"
        "- Đợt 1: Trả 120.000.000 đồng chậm nhất ngày 31/3/2024;\n"
        "- Đợt 2: Trả 80.000.000 đồng chậm nhất ngày 30/6/2024."
    )
    (ob,) = only(obs, "pay_money")
    assert ob.amount_vnd == 200_000_000
    assert ob.instalments == [
        {"amount_vnd": 120_000_000, "due_date": "2024-03-31"},
        {"amount_vnd": 80_000_000, "due_date": "2024-06-30"},
    ]


def test_sub_items_of_an_order_without_amount_are_payments():
    obs, *_ = run(
        "2. Buộc ông Trần Văn Hải phải trả cho Ngân hàng Thương mại cổ phần Sông Hồng các khoản nợ như sau:\n"
        "2.1. Theo Hợp đồng tín dụng số 01/2020/HĐTD: số tiền 300.000.000 đồng, gồm nợ gốc 250.000.000 đồng, "
        "lãi 50.000.000 đồng.\n"
        "2.2. Theo Hợp đồng tín dụng số 02/2021/HĐTD: số tiền 120.000.000 đồng."
    )
    pays = only(obs, "pay_money")
    assert sorted(o.amount_vnd for o in pays) == [120_000_000, 300_000_000]
    assert all(o.obligors == ["P2"] and o.obligees == ["P1"] for o in pays)


# -- late interest ----------------------------------------------------------------------------------
def test_statutory_late_interest_applies_to_all_payments():
    obs, *_ = run(
        "1. Buộc ông Trần Văn Hải phải trả cho ông Lê Văn Tùng 70.000.000 đồng.\n"
        "Kể từ ngày bản án có hiệu lực pháp luật và người được thi hành án có đơn yêu cầu thi hành án, nếu người "
        "phải thi hành án chậm thi hành thì còn phải chịu lãi đối với số tiền chậm trả theo quy định tại Điều 357, "
        "Điều 468 Bộ luật Dân sự năm 2015.\n"
        "2. Về án phí: Ông Trần Văn Hải phải chịu 3.500.000 đồng án phí dân sự sơ thẩm."
    )
    assert only(obs, "pay_money")[0].late_interest
    assert not only(obs, "court_fee")[0].late_interest


def test_late_interest_limited_to_the_items_it_names():
    obs, *_ = run(
        "1. Ông Trần Văn Hải có nghĩa vụ cấp dưỡng nuôi con chung mỗi tháng 2.000.000 đồng.\n"
        "2. Ông Trần Văn Hải có nghĩa vụ thanh toán cho bà Đỗ Thị Lan 150.000.000 đồng.\n"
        "Kể từ ngày có đơn yêu cầu thi hành án, ông Hải còn phải chịu khoản tiền lãi của số tiền còn phải thi "
        "hành án đối với khoản tiền tại mục 2 theo mức lãi suất quy định tại khoản 2 Điều 468 Bộ luật Dân sự."
    )
    support, pay = only(obs, "pay_money")
    assert pay.late_interest and not support.late_interest


def test_contract_interest_continuing_after_judgment():
    obs, *_ = run(
        "Buộc ông Trần Văn Hải phải trả cho Ngân hàng Thương mại cổ phần Sông Hồng 500.000.000 đồng.\n"
        "Kể từ ngày tiếp theo của ngày xét xử sơ thẩm, ông Trần Văn Hải còn phải tiếp tục chịu khoản tiền lãi quá "
        "hạn của số tiền nợ gốc chưa thanh toán theo mức lãi suất các bên thỏa thuận trong hợp đồng tín dụng."
    )
    assert only(obs, "pay_money")[0].late_interest


def test_late_payment_penalty_inside_a_total_is_a_component_not_the_clause():
    obs, *_ = run(
        "Buộc ông Trần Văn Hải phải trả cho ông Lê Văn Tùng 55.000.000 đồng, trong đó tiền gốc 50.000.000 đồng "
        "và tiền lãi chậm trả 5.000.000 đồng."
    )
    (ob,) = only(obs, "pay_money")
    assert not ob.late_interest
    assert ob.components == {"principal": 50_000_000, "interest_overdue": 5_000_000}


# -- child support ----------------------------------------------------------------------------------
def test_child_support_is_periodic_to_the_custodial_parent():
    obs, *_ = run(
        "2. Về con chung: Giao cháu Trần Minh Khang, sinh ngày 01/01/2018 cho bà Đỗ Thị Lan trực tiếp nuôi dưỡng. "
        "Ông Trần Văn Hải có nghĩa vụ cấp dưỡng nuôi con chung mỗi tháng 2.000.000 đồng (Hai triệu đồng), kể "
        "từ tháng 4/2024 cho đến khi cháu Khang đủ 18 tuổi."
    )
    (ob,) = only(obs, "pay_money")
    assert ob.obligors == ["P2"] and ob.obligees == ["P3"]
    assert ob.period == "monthly" and ob.start_date == "2024-04-01"
    assert ob.amount_vnd == 2_000_000


def test_support_per_month_written_after_the_amount():
    obs, *_ = run(
        "Giao cháu Trần Minh Khang cho bà Đỗ Thị Lan trực tiếp nuôi dưỡng. Ông Trần Văn Hải có nghĩa vụ cấp "
        "dưỡng nuôi con 1.500.000 đồng/tháng (Một triệu năm trăm nghìn đồng), kể từ ngày 01/8/2020."
    )
    (ob,) = only(obs, "pay_money")
    assert ob.period == "monthly" and ob.start_date == "2020-08-01"
    assert ob.amount_words == "Một triệu năm trăm nghìn đồng"


# -- court fees -------------------------------------------------------------------------------------
def test_fee_phrasings_exemption_and_refund():
    obs, *_ = run(
        "3. Về án phí:\n"
        "- Ông Trần Văn Hải phải chịu 49.500.000 đồng án phí dân sự sơ thẩm.\n"
        "- Bà Đỗ Thị Lan chịu án phí dân sự sơ thẩm là 2.000.000 đồng.\n"
        "- Ông Lê Văn Tùng được miễn toàn bộ án phí dân sự sơ thẩm.\n"
        "- Nguyên đơn được hoàn trả (nhận lại) số tiền tạm ứng án phí đã nộp là 24.750.000 đồng theo biên lai "
        "thu tiền tạm ứng án phí số 0001234 ngày 10/01/2024 tại Chi cục Thi hành án dân sự huyện X."
    )
    fees = {tuple(o.obligors): o.amount_vnd for o in only(obs, "court_fee")}
    assert fees == {("P2",): 49_500_000, ("P3",): 2_000_000}
    (ref,) = only(obs, "refund")
    assert ref.obligors == ["STATE"] and ref.obligees == ["P1"] and ref.amount_vnd == 24_750_000
    assert all(o.enforcement == "ex_officio" and o.obligees[0] for o in only(obs, "court_fee"))
    assert all(o.obligees == ["STATE"] for o in only(obs, "court_fee"))


def test_fee_credited_from_advance_is_the_whole_fee_and_balance_is_refunded():
    obs, *_ = run(
        "4. Về án phí: Ngân hàng Thương mại cổ phần Sông Hồng phải chịu 3.000.000 đồng án phí kinh doanh thương "
        "mại sơ thẩm, được trừ vào số tiền tạm ứng án phí 20.000.000 đồng đã nộp; hoàn trả cho Ngân hàng Thương "
        "mại cổ phần Sông Hồng số tiền 17.000.000 đồng.\n"
        "Ông Trần Văn Hải phải chịu 30.000.000 đồng án phí kinh doanh thương mại sơ thẩm, được khấu trừ vào số "
        "tiền tạm ứng án phí 5.000.000 đồng; ông Hải còn phải nộp tiếp 25.000.000 đồng."
    )
    fees = sorted((o.obligors[0], o.amount_vnd) for o in only(obs, "court_fee"))
    assert fees == [("P1", 3_000_000), ("P2", 30_000_000)]
    assert [o.amount_vnd for o in only(obs, "refund")] == [17_000_000]
    hai = next(o for o in only(obs, "court_fee") if o.obligors == ["P2"])
    assert hai.advance_credited == 5_000_000


def test_criminal_and_civil_fee_in_one_sentence_are_two_fees():
    accused = [Party(id="P1", role="accused", kind="person", name="Nguyễn Văn Dũng")]
    obs, *_ = run(
        "4. Về án phí: Bị cáo Nguyễn Văn Dũng phải chịu 200.000 đồng án phí hình sự sơ thẩm và 1.250.000 đồng án "
        "phí dân sự sơ thẩm.",
        accused,
    )
    assert sorted(o.amount_vnd for o in only(obs, "court_fee")) == [200_000, 1_250_000]


def test_fee_with_total_and_parts_is_one_fee():
    obs, *_ = run(
        "5. Về án phí: Bà Đỗ Thị Lan phải chịu 300.000 đồng án phí ly hôn sơ thẩm và 20.000.000 đồng án phí "
        "đối với phần tài sản được chia, tổng cộng 20.300.000 đồng."
    )
    (fee,) = only(obs, "court_fee")
    assert fee.amount_vnd == 20_300_000
    assert fee.components == {"divorce_fee": 300_000, "property_fee": 20_000_000}


def test_joint_fee_and_not_payable():
    obs, *_ = run(
        "Về án phí: Ông Trần Văn Hải và bà Đỗ Thị Lan phải liên đới chịu 10.400.000 đồng án phí dân sự sơ thẩm. "
        "Ông Lê Văn Tùng không phải chịu án phí."
    )
    (fee,) = only(obs, "court_fee")
    assert fee.joint and sorted(fee.obligors) == ["P2", "P3"]


def test_each_person_bears_a_fee():
    obs, *_ = run(
        "Về án phí: Ông Trần Văn Hải và bà Đỗ Thị Lan mỗi người phải chịu 1.625.000 đồng án phí dân sự sơ thẩm."
    )
    assert sorted(o.obligors[0] for o in only(obs, "court_fee")) == ["P2", "P3"]


def test_costs_are_not_fees():
    obs, *_ = run("Ông Trần Văn Hải phải chịu 2.000.000 đồng chi phí xem xét, thẩm định tại chỗ.")
    assert only(obs, "court_fee") == []


# -- criminal ---------------------------------------------------------------------------------------
ACCUSED = [
    Party(id="P1", role="accused", kind="person", name="Nguyễn Văn Dũng"),
    Party(id="P2", role="accused", kind="person", name="Lê Văn Minh"),
    Party(id="P3", role="victim", kind="person", name="Phạm Thị Hoa"),
]


def test_fines_confiscation_and_returned_exhibits():
    obs, assets, *_ = run(
        "1. Xử phạt bị cáo Nguyễn Văn Dũng 02 (hai) năm tù.\n"
        "Phạt bổ sung bị cáo Nguyễn Văn Dũng 20.000.000 đồng (Hai mươi triệu đồng) sung quỹ Nhà nước; phạt tiền bị "
        "cáo Lê Văn Minh 10.000.000 đồng.\n"
        "3. Về xử lý vật chứng:\n"
        "- Tịch thu sung quỹ Nhà nước: 01 xe mô tô biển kiểm soát 37B1-123.45 thu giữ của bị cáo Lê Văn Minh.\n"
        "- Truy thu sung ngân sách Nhà nước số tiền thu lợi bất chính 15.000.000 đồng của bị cáo Nguyễn Văn Dũng.\n"
        "- Trả lại cho bà Phạm Thị Hoa 01 (một) điện thoại di động nhãn hiệu Nokia.",
        ACCUSED,
    )
    fines = sorted((o.obligors[0], o.amount_vnd) for o in only(obs, "fine"))
    assert fines == [("P1", 20_000_000), ("P2", 10_000_000)]
    conf = only(obs, "confiscation")
    vehicle = next(o for o in conf if o.amount_vnd is None)
    money = next(o for o in conf if o.amount_vnd is not None)
    assert vehicle.obligors == ["P2"] and vehicle.obligees == ["STATE"]
    assert money.amount_vnd == 15_000_000 and money.obligors == ["P1"]
    plate = next(a for a in assets if a.plate)
    assert plate.kind == "vehicle" and plate.plate == "37B1-123.45" and plate.owners == ["P2"]
    assert vehicle.assets_confiscated == [plate.id]
    (ret,) = only(obs, "deliver_asset")
    assert ret.obligors == ["STATE"] and ret.obligees == ["P3"] and ret.enforcement == "ex_officio"
    phone = next(a for a in assets if a.id in ret.assets_delivered)
    assert phone.kind == "other" and phone.owners == ["P3"]
    assert all(o.enforcement == "ex_officio" for o in obs if o.kind in ("fine", "confiscation"))


def test_prison_sentence_is_not_an_obligation():
    obs, *_ = run(
        "Xử phạt bị cáo Nguyễn Văn Dũng 03 (ba) năm tù, thời hạn tù tính từ ngày 20/10/2021.", ACCUSED
    )
    assert obs == []


def test_joint_compensation_with_shares_and_held_money_as_security():
    obs, assets, *_ = run(
        "2. Về trách nhiệm dân sự:\n"
        "- Buộc các bị cáo Nguyễn Văn Dũng và Lê Văn Minh liên đới bồi thường cho bà Phạm Thị Hoa số tiền "
        "12.000.000 đồng (Mười hai triệu đồng); chia theo phần mỗi bị cáo phải bồi thường 6.000.000 đồng.\n"
        "- Tiếp tục tạm giữ số tiền 3.000.000 đồng thu giữ của bị cáo Lê Văn Minh để đảm bảo thi hành khoản "
        "bồi thường cho bà Phạm Thị Hoa.",
        ACCUSED,
    )
    (ob,) = only(obs, "pay_money")
    assert ob.joint and ob.amount_vnd == 12_000_000 and ob.obligees == ["P3"]
    assert ob.shares == {"P1": 6_000_000, "P2": 6_000_000}
    (held,) = assets
    assert held.kind == "other" and held.owners == ["P2"]
    assert ob.secured_by == [held.id]


def test_exhibit_owner_from_the_facts():
    obs, assets, *_ = run(
        "3. Về xử lý vật chứng: Tịch thu tiêu hủy 01 (một) con dao dài 30cm và 01 (một) gậy gỗ dài 1m.",
        ACCUSED,
        before="Dũng lấy 01 con dao dài 30cm, còn Minh cầm 01 gậy gỗ rồi đi tìm bị hại.",
    )
    owners = {a.description.split()[2]: a.owners for a in assets}
    assert owners == {"con": ["P1"], "gậy": ["P2"]}
    (conf,) = only(obs, "confiscation")
    assert sorted(conf.obligors) == ["P1", "P2"]


# -- appeals and settlements ----------------------------------------------------------------------------
def test_only_the_last_decision_heading_counts():
    text = (
        "QUYẾT ĐỊNH\nCÔNG NHẬN SỰ THỎA THUẬN CỦA CÁC ĐƯƠNG SỰ\nXÉT THẤY:\nÔng Trần Văn Hải phải trả cho ông Lê Văn "
        "Tùng 99.000.000 đồng theo yêu cầu khởi kiện.\nQUYẾT ĐỊNH:\n1. Công nhận sự thỏa thuận của các đương sự.\n"
        "2. Ông Trần Văn Hải có nghĩa vụ trả cho ông Lê Văn Tùng số tiền 60.000.000 đồng.\n"
    )
    doc = Document.from_text(text, source="t.txt")
    ev = EvidenceBuilder(doc)
    obs, _ = extract_operative(doc, segment(doc.text), CIVIL, PartyResolver(CIVIL, doc.text), ev)
    assert [o.amount_vnd for o in obs] == [60_000_000]


def test_legal_bases_and_closing_clause_are_skipped():
    obs, *_ = run(
        "Căn cứ Điều 26 Nghị quyết số 326/2016/UBTVQH14, mức án phí 300.000 đồng.\n"
        "Trường hợp bản án được thi hành theo quy định tại Điều 2 Luật Thi hành án dân sự thì người phải thi hành "
        "án có nghĩa vụ trả 1.000.000 đồng."
    )
    assert obs == []


def test_perform_act_and_handover():
    obs, assets, *_ = run(
        "3. Buộc ông Trần Văn Hải phải trả lại cho ông Lê Văn Tùng toàn bộ nhà xưởng và diện tích đất thuê tại "
        "thửa đất số 77, tờ bản đồ số 5, diện tích 500 m2, xã An Phú.\n"
        "Ông Trần Văn Hải có nghĩa vụ tháo dỡ, di dời máy móc của mình ra khỏi nhà xưởng trong thời hạn 30 ngày."
    )
    deliver = only(obs, "deliver_asset")[0]
    act = only(obs, "perform_act")[0]
    (land,) = assets
    assert land.kind == "land_use_right" and (land.plot_number, land.map_sheet, land.area_m2) == (
        "77",
        "5",
        500.0,
    )
    assert deliver.assets_delivered == [land.id] and deliver.obligees == ["P4"] and land.owners == ["P4"]
    assert act.obligors == ["P2"] and act.obligees == ["P4"]


def test_evidence_pointers_have_exact_spans():
    obs, _, ev, doc = run("Buộc ông Trần Văn Hải phải trả cho ông Lê Văn Tùng 40.000.000 đồng.")
    assert doc.text[slice(*ev.records["/obligations/0/obligors/0"].span)].endswith("Trần Văn Hải")
    assert doc.text[slice(*ev.records["/obligations/0/obligees/0"].span)].endswith("Lê Văn Tùng")
    assert doc.text[slice(*ev.records["/obligations/0/amount_vnd"].span)] == "40.000.000 đồng"
    assert ev.records["/obligations/0"].text.startswith("Buộc")


def test_same_payer_two_payees_in_one_sentence():
    obs, *_ = run(
        "Buộc ông Trần Văn Hải phải trả cho bà Đỗ Thị Lan 100.000.000 đồng và trả cho ông Lê Văn Tùng 50.000.000 đồng."
    )
    pays = sorted((o.obligees[0], o.amount_vnd) for o in only(obs, "pay_money"))
    assert pays == [("P3", 100_000_000), ("P4", 50_000_000)]
    assert all(o.obligors == ["P2"] for o in only(obs, "pay_money"))


def test_total_in_the_middle_confirmed_by_its_parts():
    obs, *_ = run(
        "Buộc ông Trần Văn Hải phải trả cho ông Lê Văn Tùng tiền gốc 100.000.000 đồng, tiền lãi 20.000.000 đồng, "
        "tổng cộng 120.000.000 đồng."
    )
    (ob,) = only(obs, "pay_money")
    assert ob.amount_vnd == 120_000_000 and ob.components == {
        "principal": 100_000_000,
        "interest": 20_000_000,
    }


def test_fee_paid_with_nop_and_remaining_balance_is_not_a_second_fee():
    obs, *_ = run(
        "Về án phí: Ông Trần Văn Hải phải nộp 5.000.000 đồng án phí dân sự sơ thẩm, được trừ vào tạm ứng án phí "
        "2.000.000 đồng đã nộp, ông Hải còn phải nộp tiếp 3.000.000 đồng."
    )
    assert [(o.obligors, o.amount_vnd) for o in only(obs, "court_fee")] == [(["P2"], 5_000_000)]


def test_fine_with_the_accused_before_the_verb():
    obs, *_ = run(
        "Hình phạt bổ sung: Bị cáo Lê Văn Minh bị phạt tiền 15.000.000 đồng sung ngân sách Nhà nước.", ACCUSED
    )
    assert [(o.obligors, o.amount_vnd) for o in only(obs, "fine")] == [(["P2"], 15_000_000)]


def test_settlement_wording_agreed_and_recorded_voluntary_payment():
    obs, *_ = run(
        "2. Sự thỏa thuận của các đương sự cụ thể như sau: Ông Trần Văn Hải đồng ý trả cho ông Lê Văn Tùng số tiền "
        "80.000.000 đồng.\n"
        "3. Ghi nhận sự tự nguyện của bà Đỗ Thị Lan bồi thường cho ông Lê Văn Tùng số tiền 5.000.000 đồng.\n"
        "4. Ghi nhận ông Trần Văn Hải đã bồi thường cho ông Lê Văn Tùng số tiền 3.000.000 đồng."
    )
    pays = sorted((o.obligors[0], o.amount_vnd) for o in only(obs, "pay_money"))
    assert pays == [("P2", 80_000_000), ("P3", 5_000_000)]


def test_illicit_gains_paid_to_the_state_are_confiscation():
    obs, *_ = run(
        "Buộc bị cáo Nguyễn Văn Dũng phải nộp lại số tiền 5.000.000 đồng thu lợi bất chính để sung ngân sách Nhà nước.",
        ACCUSED,
    )
    (ob,) = obs
    assert ob.kind == "confiscation" and ob.obligors == ["P1"] and ob.obligees == ["STATE"]
    assert ob.amount_vnd == 5_000_000 and ob.enforcement == "ex_officio"


def test_heading_with_text_on_the_same_line():
    text = (
        "NHẬN ĐỊNH CỦA TÒA ÁN:\nXét thấy.\nQUYẾT ĐỊNH: Buộc ông Trần Văn Hải phải trả cho ông Lê Văn Tùng "
        "12.000.000 đồng.\n"
    )
    doc = Document.from_text(text, source="t.txt")
    ev = EvidenceBuilder(doc)
    obs, _ = extract_operative(doc, segment(doc.text), CIVIL, PartyResolver(CIVIL, doc.text), ev)
    assert [(o.obligors, o.amount_vnd) for o in obs] == [(["P2"], 12_000_000)]


def test_roman_numbered_fee_heading_applies_to_its_lines():
    obs, *_ = run(
        "I. Buộc ông Trần Văn Hải phải trả cho ông Lê Văn Tùng 30.000.000 đồng.\n"
        "II. Về án phí dân sự sơ thẩm:\n- Ông Trần Văn Hải phải chịu 1.500.000 đồng."
    )
    assert [(o.obligors, o.amount_vnd) for o in only(obs, "court_fee")] == [(["P2"], 1_500_000)]


def test_order_after_its_legal_basis_in_one_sentence():
    obs, *_ = run(
        "2. Áp dụng Điều 48 Bộ luật Hình sự; các Điều 584, 585 Bộ luật Dân sự: Buộc bị cáo Nguyễn Văn Dũng bồi "
        "thường cho bà Phạm Thị Hoa số tiền 9.000.000 đồng.",
        ACCUSED,
    )
    assert [(o.obligors, o.obligees, o.amount_vnd) for o in obs] == [(["P1"], ["P3"], 9_000_000)]


def test_one_payer_each_payee_the_same_amount():
    obs, *_ = run(
        "Ông Trần Văn Hải có nghĩa vụ thanh toán cho bà Đỗ Thị Lan và ông Lê Văn Tùng mỗi người 120.000.000 đồng."
    )
    assert sorted((o.obligees[0], o.amount_vnd) for o in only(obs, "pay_money")) == [
        ("P3", 120_000_000),
        ("P4", 120_000_000),
    ]


def test_labelled_amounts_without_total_are_summed():
    obs, *_ = run(
        "Buộc ông Trần Văn Hải phải thanh toán cho ông Lê Văn Tùng tiền hàng còn nợ 250.000.000 đồng và tiền lãi "
        "chậm thanh toán 18.000.000 đồng."
    )
    (ob,) = only(obs, "pay_money")
    assert ob.amount_vnd == 268_000_000
    assert ob.components == {"principal": 250_000_000, "interest_overdue": 18_000_000}


def test_parts_in_the_next_sentence():
    obs, *_ = run(
        "Buộc ông Trần Văn Hải phải trả cho Ngân hàng Thương mại cổ phần Sông Hồng số tiền 330.000.000 đồng. "
        "Trong đó: nợ gốc 300.000.000 đồng, nợ lãi 30.000.000 đồng."
    )
    (ob,) = only(obs, "pay_money")
    assert ob.components == {"principal": 300_000_000, "interest": 30_000_000}


def test_joint_and_late_interest_have_evidence():
    obs, _, ev, doc = run(
        "Buộc ông Trần Văn Hải và bà Đỗ Thị Lan phải liên đới trả cho ông Lê Văn Tùng 40.000.000 đồng.\n"
        "Kể từ ngày có đơn yêu cầu thi hành án, bên phải thi hành án còn phải chịu khoản tiền lãi của số tiền còn "
        "phải thi hành án theo khoản 2 Điều 468 Bộ luật Dân sự."
    )
    assert doc.text[slice(*ev.records["/obligations/0/joint"].span)] == "liên đới"
    assert ev.records["/obligations/0/late_interest"].text.startswith("Kể từ ngày")


def test_administrative_order_favours_the_claimant():
    parties = [
        Party(id="P1", role="claimant", kind="person", name="Bế Văn Dương"),
        Party(id="P2", role="respondent", kind="organization", name="Ủy ban nhân dân huyện Na Rì"),
    ]
    obs, *_ = run(
        "Hủy Quyết định số 123/QĐ-UBND ngày 01/02/2020 của Ủy ban nhân dân huyện Na Rì.\n"
        "Buộc Ủy ban nhân dân huyện Na Rì có trách nhiệm thực hiện nhiệm vụ, công vụ theo quy định của pháp luật.",
        parties,
    )
    (act,) = obs
    assert act.kind == "perform_act" and act.obligors == ["P2"] and act.obligees == ["P1"]


def test_confiscation_with_comma_and_money_of_the_only_accused():
    accused = [Party(id="P1", role="accused", kind="person", name="Đào Văn Lực")]
    obs, assets, *_ = run(
        "3. Về xử lý vật chứng: Tịch thu, tiêu hủy 01 con dao bấm. Tịch thu sung công quỹ Nhà nước số tiền "
        "2.000.000 đồng là tiền do phạm tội mà có.",
        accused,
    )
    conf = only(obs, "confiscation")
    assert [(o.obligors, o.amount_vnd) for o in conf] == [(["P1"], None), (["P1"], 2_000_000)]
    assert [a.description for a in assets] == ["01 con dao bấm"]


def test_deduction_without_a_written_remainder():
    obs, *_ = run(
        "Buộc ông Trần Văn Hải phải bồi thường cho ông Lê Văn Tùng số tiền 50.000.000 đồng, được trừ số tiền "
        "20.000.000 đồng gia đình ông Hải đã bồi thường."
    )
    (ob,) = only(obs, "pay_money")
    assert ob.amount_vnd == 30_000_000 and ob.already_paid == 20_000_000


def test_exhibit_returned_but_held_for_enforcement():
    obs, assets, *_ = run(
        "2. Buộc bị cáo Nguyễn Văn Dũng bồi thường cho bà Phạm Thị Hoa số tiền 4.000.000 đồng.\n"
        "3. Trả lại 01 điện thoại di động hiệu Iphone cho bị cáo Nguyễn Văn Dũng, nhưng tạm giữ để đảm bảo cho việc "
        "thi hành án.",
        ACCUSED,
    )
    (ret,) = only(obs, "deliver_asset")
    (phone,) = assets
    assert ret.obligees == ["P1"] and ret.assets_delivered == [phone.id]
    assert only(obs, "pay_money")[0].secured_by == [phone.id]


def test_seized_cash_confiscated_per_person():
    obs, assets, *_ = run(
        "1. Tịch thu sung ngân sách nhà nước số tiền 2.000.000 đồng thu giữ của bị cáo Nguyễn Văn Dũng và số tiền "
        "1.500.000 đồng thu giữ của bị cáo Lê Văn Minh.",
        ACCUSED,
    )
    got = sorted((o.obligors[0], o.amount_vnd) for o in only(obs, "confiscation"))
    assert got == [("P1", 2_000_000), ("P2", 1_500_000)] and assets == []
    assert all(len(o.obligors) == 1 and o.obligees == ["STATE"] for o in obs)


@pytest.mark.parametrize(
    ("purpose", "kind"),
    [("nghĩa vụ nộp phạt", "fine"), ("khoản tiền thu lợi bất chính", "confiscation")],
)
def test_held_money_secures_exactly_the_kind_named(purpose, kind):
    obs, assets, *_ = run(
        "1. Buộc bị cáo Nguyễn Văn Dũng bồi thường cho bà Phạm Thị Hoa số tiền 60.000.000 đồng.\n"
        "2. Phạt bị cáo Nguyễn Văn Dũng 20.000.000 đồng sung ngân sách nhà nước.\n"
        "3. Buộc bị cáo Nguyễn Văn Dũng nộp lại số tiền thu lợi bất chính 15.000.000 đồng để sung ngân sách nhà "
        "nước.\n"
        f"4. Tiếp tục tạm giữ số tiền 9.000.000 đồng của bị cáo Nguyễn Văn Dũng để đảm bảo thi hành {purpose}.",
        ACCUSED,
    )
    (held,) = assets
    assert [o.kind for o in obs if held.id in o.secured_by] == [kind]


def test_guarantor_pays_the_creditor_named_after_the_amount():
    parties = [
        Party(id="P1", role="plaintiff", kind="organization", name="Ngân hàng Thương mại cổ phần Sông Hồng"),
        Party(id="P2", role="defendant", kind="person", name="Lương Văn Tài"),
        Party(id="P3", role="related_party", kind="person", name="Đinh Văn Quý"),
    ]
    obs, *_ = run(
        "1. Ông Đinh Văn Quý có nghĩa vụ trả nợ thay cho ông Lương Văn Tài trong phạm vi bảo lãnh là 300.000.000 "
        "đồng cho Ngân hàng Thương mại cổ phần Sông Hồng.",
        parties,
    )
    (pay,) = obs
    assert (pay.obligors, pay.obligees, pay.amount_vnd) == (["P3"], ["P1"], 300_000_000)


def test_paying_in_place_to_a_named_creditor_keeps_the_creditor():
    obs, *_ = run(
        "1. Trường hợp ông Lương Văn Tài không trả thì ông Đinh Văn Quý có nghĩa vụ trả thay cho bà Hà Thị Nguyệt số "
        "tiền 110.000.000 đồng.",
        [
            Party(id="P1", role="plaintiff", kind="person", name="Hà Thị Nguyệt"),
            Party(id="P2", role="defendant", kind="person", name="Lương Văn Tài"),
            Party(id="P3", role="related_party", kind="person", name="Đinh Văn Quý"),
        ],
    )
    (pay,) = obs
    assert (pay.obligors, pay.obligees, pay.amount_vnd) == (["P3"], ["P1"], 110_000_000)
