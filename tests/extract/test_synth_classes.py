"""Classes of wording found by the generated labour, administrative, inheritance, sale-of-goods, tort and
divorce judgments (benchmarks/synth_more.py). Snippets written for these tests, names invented."""

from __future__ import annotations

from docproc.document import Document
from docproc.extract.evidence import EvidenceBuilder
from docproc.extract.operative import extract_operative
from docproc.extract.parties import PartyResolver
from docproc.extract.sections import segment
from docproc.schema import Party

WORKER = Party(id="P1", role="plaintiff", kind="person", name="Phan Thị Mai K")
FIRM = Party(id="P2", role="defendant", kind="organization", name="Công ty TNHH Xây dựng Hưng Phát")
FUND = Party(id="P3", role="related_party", kind="organization", name="Bảo hiểm xã hội huyện Tân Châu")
HEIR = Party(id="P4", role="related_party", kind="person", name="Võ Minh Đ")
CHILD = Party(id="P5", role="related_party", kind="person", name="Chung Mỹ Nhung")
PEOPLE = [WORKER, FIRM, FUND, HEIR, CHILD]


def run(operative: str, parties: list[Party] = PEOPLE):
    text = (
        "NỘI DUNG VỤ ÁN:\nCác bên tranh chấp.\nNHẬN ĐỊNH CỦA TÒA ÁN:\nXét thấy.\n"
        "QUYẾT ĐỊNH:\n" + operative + "\n\nNơi nhận:\n- Các đương sự."
    )
    doc = Document.from_text(text, source="t.txt")
    return extract_operative(
        doc, segment(doc.text), parties, PartyResolver(parties, doc.text), EvidenceBuilder(doc)
    )


def pays(obs):
    return [(o.obligors, o.obligees, o.amount_vnd) for o in obs if o.kind == "pay_money"]


def test_the_person_whose_debt_is_paid_into_a_fund_is_not_paid():
    """ "đóng cho Bảo hiểm xã hội X ... còn nợ của bà A": the fund is paid, A only owns the debt."""
    obs, _ = run(
        "2. Buộc Công ty Hưng Phát phải đóng cho Bảo hiểm xã hội huyện Tân Châu số tiền bảo hiểm xã hội còn nợ "
        "của bà Phan Thị Mai K từ tháng 3/2021 đến tháng 6/2024 là 43.590.000 đồng.",
        PEOPLE,
    )
    assert pays(obs) == [(["P2"], ["P3"], 43_590_000)]
    obs, _ = run(
        "2. Buộc Công ty Hưng Phát phải đóng cho Bảo hiểm xã hội huyện Tân Châu số tiền bảo hiểm xã hội còn nợ "
        "của nguyên đơn bà Phan Thị Mai K là 43.590.000 đồng."
    )
    assert pays(obs) == [(["P2"], ["P3"], 43_590_000)]


def test_parts_listed_with_semicolons_make_one_payment():
    """ "các khoản sau: tiền lương X; tiền trợ cấp Y; tiền bồi thường Z. Tổng cộng: T": one payment of T."""
    obs, _ = run(
        "1. Công ty Hưng Phát có nghĩa vụ thanh toán cho bà Phan Thị Mai K các khoản sau: tiền lương còn nợ "
        "35.024.000 đồng; tiền trợ cấp thôi việc 13.852.000 đồng; tiền bồi thường 13.894.000 đồng. Tổng cộng: "
        "62.770.000 đồng."
    )
    assert pays(obs) == [(["P2"], ["P1"], 62_770_000)]


def test_payees_listed_after_a_colon_each_get_their_amount():
    """An heir paying the others the value of their shares: "cho: ông A X; cháu B Y"."""
    obs, _ = run(
        "3. Bà Phan Thị Mai K có nghĩa vụ thanh toán giá trị kỷ phần thừa kế cho: ông Võ Minh Đ Năm trăm tám "
        "mươi bốn triệu đồng (584.000.000 đồng); cháu Chung Mỹ Nhung 166.000.000đ."
    )
    assert pays(obs) == [(["P1"], ["P4"], 584_000_000), (["P1"], ["P5"], 166_000_000)]


def test_a_sentence_after_a_semicolon_is_not_a_listed_payee():
    obs, _ = run(
        "3. Bà Phan Thị Mai K có nghĩa vụ thanh toán cho ông Võ Minh Đ 584.000.000 đồng; cháu Chung Mỹ Nhung "
        "được nhận 01 xe mô tô."
    )
    assert pays(obs) == [(["P1"], ["P4"], 584_000_000)]


WIFE = Party(id="P1", role="plaintiff", kind="person", name="Phan Thị Mai K")
HUSBAND = Party(id="P2", role="defendant", kind="person", name="Võ Minh Đ")


def test_support_for_each_child_and_arrears_are_separate_obligations():
    """Two monthly sums for two children are two obligations; arrears written after them ("còn phải trả
    ... tiền cấp dưỡng còn thiếu") are a lump sum, not what remains of the monthly amount."""
    obs, _ = run(
        "2. Về con chung: Ông Võ Minh Đ có nghĩa vụ cấp dưỡng nuôi cháu Mã Thu T mỗi tháng 4.500.000 đồng (bằng "
        "chữ: Bốn triệu năm trăm nghìn đồng) và cấp dưỡng nuôi cháu Đoàn Xuân H mỗi tháng 3,5 triệu đồng, kể từ "
        "tháng 9/2025 cho đến khi các cháu đủ 18 tuổi. Ông Võ Minh Đ còn phải trả cho bà Phan Thị Mai K tiền cấp "
        "dưỡng nuôi con còn thiếu từ tháng 01/2024 đến tháng 8/2025 là 19.000.000 đồng.",
        [WIFE, HUSBAND],
    )
    assert pays(obs) == [
        (["P2"], ["P1"], 4_500_000),
        (["P2"], ["P1"], 3_500_000),
        (["P2"], ["P1"], 19_000_000),
    ]
    monthly = [o for o in obs if o.kind == "pay_money" and o.amount_vnd < 10_000_000]
    assert all(o.period == "monthly" and str(o.start_date) == "2025-09-01" for o in monthly)


def test_a_monthly_amount_written_in_words_first_is_periodic():
    obs, _ = run(
        "2. Ông Võ Minh Đ có nghĩa vụ cấp dưỡng nuôi cháu Đào Bích T mỗi tháng Ba triệu năm trăm nghìn đồng "
        "(3.500.000 đồng) và cấp dưỡng nuôi cháu Đặng Thành L mỗi tháng 4.500.000đ, kể từ tháng 9/2025.",
        [WIFE, HUSBAND],
    )
    ob = [o for o in obs if o.kind == "pay_money"]
    assert [(o.amount_vnd, o.period) for o in ob] == [(3_500_000, "monthly"), (4_500_000, "monthly")]


def test_a_listed_payee_after_an_amount_in_round_dong():
    """ "498.000.000 đồng chẵn; cháu B Hai trăm ... đồng (...)": "chẵn" closes the amount, the list goes on."""
    obs, _ = run(
        "3. Bà Phan Thị Mai K có nghĩa vụ thanh toán giá trị kỷ phần thừa kế cho: ông Võ Minh Đ 498.000.000 đồng "
        "chẵn; cháu Chung Mỹ Nhung Hai trăm sáu mươi tám triệu đồng (268.000.000 đồng)."
    )
    assert pays(obs) == [(["P1"], ["P4"], 498_000_000), (["P1"], ["P5"], 268_000_000)]


def test_a_counterclaim_set_off_orders_the_net_the_other_way():
    """GUIDELINES: a counterclaim set off against the claim: only the net is ordered, by whoever owes it."""
    obs, _ = run(
        "1. Chấp nhận một phần yêu cầu phản tố của bà Phan Thị Mai K: ông Võ Minh Đ phải bồi thường cho bà Phan "
        "Thị Mai K thiệt hại do hàng kém chất lượng 112.209.000 đồng. Đối trừ nghĩa vụ giữa các bên, bà Phan Thị "
        "Mai K còn phải thanh toán cho ông Võ Minh Đ số tiền 909.955.000 đồng.",
        [WIFE, HUSBAND],
    )
    assert pays(obs) == [(["P1"], ["P2"], 909_955_000)]


def test_arrears_owed_to_a_payee_whose_name_reads_like_a_word():
    """A payee called "Dung" (like "dùng", the verb of a security clause) still gets the arrears."""
    dung = Party(id="P1", role="plaintiff", kind="person", name="Tiêu Thu Dung")
    obs, _ = run(
        "- Về con chung: Ông Võ Minh Đ cấp dưỡng nuôi hai con chung mỗi tháng 5.500.000 đồng, kể từ ngày "
        "01/10/2025. Ông Võ Minh Đ còn phải trả cho chị Dung tiền cấp dưỡng nuôi con còn thiếu là 36.000.000 đồng.",
        [dung, HUSBAND],
    )
    assert pays(obs) == [(["P2"], ["P1"], 5_500_000), (["P2"], ["P1"], 36_000_000)]


def test_the_person_a_fund_already_paid_is_not_paid_again():
    """Reimbursing the insurance fund for treatment "đã chi trả cho bà A": the fund is the payee."""
    obs, _ = run(
        "4. Buộc Công ty Hưng Phát phải hoàn trả cho Bảo hiểm xã hội huyện Tân Châu chi phí khám, chữa bệnh bảo "
        "hiểm y tế đã chi trả cho bà Phan Thị Mai K là 4.333.000 đồng."
    )
    assert pays(obs) == [(["P2"], ["P3"], 4_333_000)]


def test_an_exchange_rate_is_not_the_sum_ordered():
    """GUIDELINES: a foreign-currency debt converted by the judgment is ordered in đồng; the rate is not it."""
    obs, _ = run(
        "1. Buộc Công ty Hưng Phát phải thanh toán cho bà Phan Thị Mai K tiền hàng còn nợ là 44.229 USD, quy đổi "
        "theo tỷ giá 25.300 đồng/USD tương đương 1.118.993.700 đồng."
    )
    assert pays(obs) == [(["P2"], ["P1"], 1_118_993_700)]
    ob = next(o for o in obs if o.kind == "pay_money")
    assert ob.foreign_currency and ob.foreign_currency["amount"] == 44_229


def test_monthly_support_in_round_dong_per_month():
    obs, _ = run(
        "2. Buộc anh Võ Minh Đ cấp dưỡng nuôi con 3.500.000 đồng chẵn/tháng, kể từ ngày 15/8/2025.",
        [WIFE, HUSBAND],
    )
    ob = next(o for o in obs if o.kind == "pay_money")
    assert (ob.amount_vnd, ob.period) == (3_500_000, "monthly")


def test_arrears_after_support_paid_at_once():
    obs, _ = run(
        "2. Anh Võ Minh Đ có nghĩa vụ cấp dưỡng nuôi con một lần số tiền 155.000.000 đồng. Anh Võ Minh Đ còn phải "
        "trả cho chị K tiền cấp dưỡng nuôi con còn thiếu từ tháng 01/2024 đến tháng 8/2025 là 40.000.000 đồng.",
        [WIFE, HUSBAND],
    )
    assert pays(obs) == [(["P2"], ["P1"], 155_000_000), (["P2"], ["P1"], 40_000_000)]
    assert all(getattr(o, "period", None) is None for o in obs)


def test_a_name_ending_like_phat_before_tien_is_not_a_fine():
    """ "Công ty Hưng Phát tiền hàng": tone-tolerant "phạt tiền" must not match inside a party's name."""
    obs, _ = run(
        "1. Buộc bà Phan Thị Mai K phải thanh toán cho Công ty Hưng Phát tiền hàng còn nợ là 50.000.000 đồng."
    )
    assert pays(obs) == [(["P1"], ["P2"], 50_000_000)]
    assert not [o for o in obs if o.kind == "fine"]


def test_a_dash_line_granting_a_counterclaim_is_a_new_order():
    """Dash-listed items share no number: "- Chấp nhận ... phản tố ...: buộc A ..." is not the previous
    order's continuation."""
    obs, _ = run(
        "- Buộc Công ty Hưng Phát trả cho bà Phan Thị Mai K tiền trợ cấp thôi việc là 83.295.000 đồng.\n"
        "- Chấp nhận một phần yêu cầu phản tố của Công ty TNHH Xây dựng Hưng Phát: buộc bà Phan Thị Mai K phải "
        "hoàn trả cho Công ty Hưng Phát chi phí đào tạo là 13.745.000 đồng."
    )
    assert pays(obs) == [(["P2"], ["P1"], 83_295_000), (["P1"], ["P2"], 13_745_000)]


def test_a_fee_total_written_in_words_first_is_the_fee():
    """GUIDELINES: several fees with a stated total are one court_fee of the total, here spelled first."""
    obs, _ = run(
        "3. Về án phí: Bà Phan Thị Mai K phải chịu án phí dân sự sơ thẩm đối với phần di sản được chia là "
        "32.404.000 đồng và án phí đối với yêu cầu không được chấp nhận là 2.205.000 đồng, tổng cộng Ba mươi tư "
        "triệu sáu trăm linh chín nghìn đồng (34.609.000 đồng)."
    )
    assert [(o.obligors, o.amount_vnd) for o in obs if o.kind == "court_fee"] == [(["P1"], 34_609_000)]


def test_a_branch_named_party_is_found_by_its_company_short_name():
    """ "Công ty TNHH X - Chi nhánh Y" as the party's name; the orders say "Công ty X"."""
    branch = Party(
        id="P2",
        role="defendant",
        kind="organization",
        name="Công ty TNHH Vận tải Tân Tiến - Chi nhánh Đồng Nai",
    )
    obs, _ = run(
        "1. Buộc Công ty Tân Tiến phải trả cho bà Phan Thị Mai K tiền trợ cấp thôi việc là 15.000.000 đồng.",
        [WORKER, branch],
    )
    assert pays(obs) == [(["P2"], ["P1"], 15_000_000)]


def test_a_computed_sum_written_in_words_first_is_the_amount():
    """ "X đồng x 12 tháng = <words> (digits)": the result after "=" is the amount (amounts-and-dates.md)."""
    obs, _ = run(
        "1. Buộc Công ty Hưng Phát phải trả cho bà Phan Thị Mai K tiền lương: 15.500.000 đồng x 12 tháng = Một "
        "trăm tám mươi sáu triệu đồng (186.000.000 đồng)."
    )
    assert pays(obs) == [(["P2"], ["P1"], 186_000_000)]


def test_a_given_name_is_not_outvoted_by_another_partys_surname():
    """ "Bà Hà Thanh Vân" once, "bà Văn Thùy N" (surname Văn) twice: "Vân" stays."""
    from docproc.extract._consensus import consensus_name

    text = (
        "1. Người khởi kiện: Bà Văn Thùy N, sinh năm 1962.\n2. Người có quyền lợi, nghĩa vụ liên quan: Bà Hà "
        "Thanh Vân, sinh năm 1970.\nQUYẾT ĐỊNH: Bác yêu cầu của bà Văn Thùy N. Bà Văn Thùy N phải chịu án phí."
    )
    assert consensus_name("Hà Thanh Vân", text, person=True) == "Hà Thanh Vân"


def test_support_for_a_second_child_after_an_amount_in_round_dong():
    obs, _ = run(
        "2. Ông Võ Minh Đ có nghĩa vụ cấp dưỡng nuôi cháu Đàm Thu D mỗi tháng 2.000.000 đồng chẵn và cấp dưỡng "
        "nuôi cháu Quách Trọng K mỗi tháng Bốn triệu năm trăm nghìn đồng, kể từ tháng 9/2025.",
        [WIFE, HUSBAND],
    )
    assert pays(obs) == [(["P2"], ["P1"], 2_000_000), (["P2"], ["P1"], 4_500_000)]


def test_parts_on_dash_lines_with_a_total_line_are_one_payment():
    obs, _ = run(
        "2. Buộc Công ty Hưng Phát phải trả cho bà Phan Thị Mai K các khoản sau:\n"
        "- Tiền lương trong thời gian không được làm việc: 63.412.000 đồng;\n- Tiền bồi thường: 17.489.000 đồng;\n"
        "- Trợ cấp thôi việc: 62.135.000 đồng.\nTổng cộng: 143.036.000 đồng.\n"
        "3. Buộc Công ty Hưng Phát phải đóng cho Bảo hiểm xã hội huyện Tân Châu 1.000.000 đồng."
    )
    assert pays(obs) == [(["P2"], ["P1"], 143_036_000), (["P2"], ["P3"], 1_000_000)]
    assert sum(obs[0].components.values()) == 143_036_000


def test_dash_lines_without_a_matching_total_stay_separate_payments():
    obs, _ = run(
        "2. Buộc Công ty Hưng Phát phải trả cho bà Phan Thị Mai K các khoản sau:\n"
        "- Tiền lương: 63.412.000 đồng;\n- Trợ cấp thôi việc: 62.135.000 đồng."
    )
    assert pays(obs) == [(["P2"], ["P1"], 63_412_000), (["P2"], ["P1"], 62_135_000)]


def fees_of(obs):
    return [(o.obligors, o.amount_vnd) for o in obs if o.kind == "court_fee"]


def test_fees_listed_one_party_a_line_under_a_fee_heading():
    obs, _ = run(
        "3. Về án phí: Án phí dân sự sơ thẩm:\n+ Bà Phan Thị Mai K: 5.000.000 đồng;\n"
        "+ Ông Võ Minh Đ: Ba triệu đồng (3.000.000 đồng).\n"
        "Hoàn trả cho bà Phan Thị Mai K số tiền tạm ứng án phí 2.000.000 đồng."
    )
    assert fees_of(obs) == [(["P1"], 5_000_000), (["P4"], 3_000_000)]


def test_a_party_line_outside_the_fee_part_is_no_fee():
    obs, _ = run("2. Về nợ: + Bà Phan Thị Mai K: 5.000.000 đồng.")
    assert fees_of(obs) == []


def test_co_quyen_loi_is_not_a_mention_of_a_given_name():
    """ "Người có quyền lợi, nghĩa vụ liên quan" folds like "cô Quyên": it must not vote "Quyên" into "Quyền"."""
    from docproc.extract._consensus import consensus_name

    text = (
        "3. Người có quyền lợi, nghĩa vụ liên quan: Bà Hồ Thu Quyên, sinh năm 1970.\n4. Người có quyền lợi, "
        "nghĩa vụ liên quan: Ông Lê Văn B.\nQUYẾT ĐỊNH: Người có quyền lợi, nghĩa vụ liên quan không phải chịu án phí."
    )
    assert consensus_name("Hồ Thu Quyên", text, person=True) == "Hồ Thu Quyên"


def test_a_state_body_named_with_its_province_is_found_without_it():
    dept = Party(
        id="P2", role="respondent", kind="organization", name="Sở Tài nguyên và Môi trường tỉnh Lào Cai"
    )
    claimant = Party(id="P1", role="claimant", kind="person", name="Trang Công T")
    obs, _ = run(
        "3. Buộc Sở Tài nguyên và Môi trường phải bồi thường cho ông Trang Công T số tiền 373.276.000 đồng.\n"
        "4. Về án phí: Sở Tài nguyên và Môi trường phải chịu 300.000 đồng án phí hành chính sơ thẩm.",
        [claimant, dept],
    )
    assert pays(obs) == [(["P2"], ["P1"], 373_276_000)]
    assert fees_of(obs) == [(["P2"], 300_000)]


def test_a_second_payer_with_its_own_verb_after_a_separator():
    """ "A thanh toán cho B X đồng; C thanh toán cho B Y đồng": two orders in one sentence."""
    obs, _ = run(
        "3. Bà Phan Thị Mai K có nghĩa vụ thanh toán cho ông Võ Minh Đ 100.000.000 đồng; cháu Chung Mỹ Nhung thanh "
        "toán cho ông Võ Minh Đ 50.000.000 đồng."
    )
    assert pays(obs) == [(["P1"], ["P4"], 100_000_000), (["P5"], ["P4"], 50_000_000)]
