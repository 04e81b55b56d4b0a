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
        "2. Ông Võ Minh Đ phải hoàn trả cho bà Phan Thị Mai K chi phí thẩm định là Sáu triệu hai trăm nghìn đồng."
    )
    assert pays(obs) == [(["P2"], ["P1"], 6_200_000)]
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
        "Phan Thị Mai K tổng số tiền 1.460.000.000đ, gồm tiền gốc 1.300.000.000đ và tiền lãi 160.000.000đ."
    )
    assert pays(obs) == [(["P2"], ["P1"], 1_460_000_000)]


# -- identifiers ---------------------------------------------------------------------------------
def test_plate_with_a_space_and_vessel_registration_numbers():
    from docproc.extract.assets import find_plates

    assert [p for _, _, p in find_plates("xe ô tô biển kiểm soát 29H 50731, số khung ABC")] == ["29H 50731"]
    assert [p for _, _, p in find_plates("tàu cá vỏ gỗ số hiệu BSn-93052-TS, dài 15m")] == ["BSn-93052-TS"]
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
        "b) Trường hợp đến ngày 31/12/2026 ông Võ Minh Đ chưa trả đủ số tiền nêu tại điểm a, ông Lê Văn T tự "
        "nguyện trả nợ thay cho ông Võ Minh Đ trong phạm vi bảo lãnh là 200.000.000 đồng.",
        [*PARTIES, le],
    )
    assert pays(obs) == [(["P2"], ["P1"], 500_000_000), (["P3"], ["P1"], 200_000_000)]


# -- court names split over header lines ---------------------------------------------------------
def _court(head: str) -> tuple[str | None, str | None]:
    from docproc.extract.header import extract_case
    from docproc.extract.sections import segment

    text = (
        head
        + "\n\nNgày 05 tháng 3 năm 2025, tại trụ sở xét xử vụ án giữa các đương sự:\nNguyên đơn: Ông Hồ Văn A.\n"
    )
    doc = Document.from_text(text, source="t.txt")
    _, case = extract_case(doc, segment(doc.text), EvidenceBuilder(doc))
    return case.court, case.date


def test_regional_court_over_two_header_lines():
    head = (
        "TÒA ÁN NHÂN DÂN KHU VỰC 3              CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
        "       BẮC SƠN                               Độc lập - Tự do - Hạnh phúc\n\n"
        "Bản án số: 12/2025/DS-ST\nNgày: 05/3/2025"
    )
    assert _court(head)[0] == "Tòa án nhân dân khu vực 3 - Bắc Sơn"


def test_regional_court_with_its_province_after_a_dash_is_kept():
    head = "TÒA ÁN NHÂN DÂN KHU VỰC 3 - TỈNH BẮC SƠN\n\nBẢN ÁN 12/2025/DS-ST NGÀY 05/3/2025 VỀ TRANH CHẤP"
    assert _court(head)[0] == "Tòa án nhân dân khu vực 3 - tỉnh Bắc Sơn"


def test_high_court_over_two_header_lines():
    head = (
        "TÒA ÁN NHÂN DÂN CẤP CAO                 CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
        "      TẠI ĐÔNG HỒ                            Độc lập - Tự do - Hạnh phúc\n\n"
        "QUYẾT ĐỊNH GIÁM ĐỐC THẨM\nSố: 7/2023/DS-GĐT\nNgày 21-6-2023"
    )
    assert _court(head)[0] == "Tòa án nhân dân cấp cao tại Đông Hồ"


def test_header_block_below_a_publishers_title_and_blank_lines():
    head = (
        "Bản án số 8/2025/DS-PT ngày 04/04/2025 của TAND tỉnh Bắc Sơn về tranh chấp đất\n"
        "- Thuộc tính\n- Nội dung\n\n"
        "TÒA ÁN NHÂN DÂN CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n\n"
        "HUYỆN AN LẠC Độc lập - Tự do - Hạnh phúc\n\nTỈNH BẮC SƠN\n"
        "Bản án số: 8/2025/DS-PT\nNgày: 04-4-2025"
    )
    assert _court(head)[0] == "Tòa án nhân dân huyện An Lạc, tỉnh Bắc Sơn"


def test_supreme_court_division_and_title_date():
    head = (
        "TÒA DÂN SỰ TÒA ÁN NHÂN DÂN TỐI CAO\n\n"
        "QUYẾT ĐỊNH GIÁM ĐỐC THẨM 52/2016/DS-GĐT NGÀY 12/05/2016 VỀ VỤ ÁN TRANH CHẤP THỪA KẾ"
    )
    assert _court(head) == ("Tòa dân sự Tòa án nhân dân tối cao", "2016-05-12")


# -- security held by the creditor, assets named again -------------------------------------------
def test_car_kept_by_the_creditor_secures_the_point_it_names():
    le = Party(id="P3", role="related_party", kind="person", name="Lê Văn T")
    obs, assets = run(
        "2. Sự thỏa thuận của các đương sự, cụ thể:\n"
        "a) Ông Võ Minh Đ có nghĩa vụ thanh toán cho bà Phan Thị Mai K số tiền 500.000.000 đồng.\n"
        "b) Trường hợp ông Võ Minh Đ chưa trả đủ số tiền nêu tại điểm a, ông Lê Văn T tự nguyện trả thay cho "
        "ông Võ Minh Đ trong phạm vi bảo lãnh là 200.000.000 đồng.\n"
        "c) Bà Phan Thị Mai K tiếp tục giữ 01 xe ô tô biển kiểm soát 29A 12345 đứng tên ông Võ Minh Đ để bảo "
        "đảm việc trả nợ nêu tại điểm a. Trường hợp ông Võ Minh Đ không trả thì bà Phan Thị Mai K có quyền yêu "
        "cầu cơ quan thi hành án xử lý chiếc xe ô tô trên để thi hành án.",
        [*PARTIES, le],
    )
    assert [(a.kind, a.plate) for a in assets] == [("vehicle", "29A 12345")]
    secured = {o.amount_vnd: o.secured_by for o in obs if o.kind == "pay_money"}
    assert secured == {500_000_000: [assets[0].id], 200_000_000: []}


def test_a_law_citation_is_not_a_point_reference():
    from docproc.extract._links import point_refs

    assert point_refs("nêu tại điểm a", "2") == ["2.a"]
    assert point_refs("theo điểm a khoản 1 Điều 468", "2") == []


# -- deposits, accounts and a second allocation in one sentence -----------------------------------
def test_frozen_account_is_the_holders_deposit_and_secures_the_item():
    bank = Party(id="P3", role="related_party", kind="organization", name="Ngân hàng Thương mại cổ phần Q")
    obs, assets = run(
        "1. Buộc ông Võ Minh Đ phải trả cho bà Phan Thị Mai K 900.000.000 đồng.\n"
        '2. Tiếp tục duy trì biện pháp khẩn cấp tạm thời "Phong tỏa tài khoản" theo Quyết định số '
        "11/2024/QĐ-BPKCTT ngày 03/6/2024 đối với tài khoản số 2207 1400 5531 của ông Võ Minh Đ tại Ngân hàng "
        "Thương mại cổ phần Q, số tiền bị phong tỏa 300.000.000 đồng, để bảo đảm thi hành khoản tiền nêu tại mục 1.",
        [*PARTIES, bank],
    )
    assert [(a.kind, a.owners) for a in assets] == [("deposit", ["P2"])]
    assert [o.secured_by for o in obs if o.kind == "pay_money"] == [[assets[0].id]]


def test_second_allocation_after_va_duoc_so_huu():
    _, assets = run(
        "3. Ông Võ Minh Đ được sở hữu xe ô tô con nhãn hiệu Kia, biển kiểm soát 29H-507.31 và được sở hữu toàn "
        "bộ số tiền gửi theo sổ tiết kiệm số 0072214503 tại Ngân hàng Thương mại cổ phần Q."
    )
    assert sorted(a.kind for a in assets) == ["deposit", "vehicle"]


# -- social insurance ----------------------------------------------------------------------------
def test_back_contributions_are_paid_to_the_insurance_agency():
    co = Party(id="P1", role="defendant", kind="organization", name="Công ty TNHH Dệt M")
    bhxh = Party(id="P3", role="related_party", kind="organization", name="Bảo hiểm xã hội thành phố Đông Hồ")
    obs, _ = run(
        "2.2. Công ty TNHH Dệt M có nghĩa vụ truy đóng cho ông Võ Minh Đ tại Bảo hiểm xã hội thành phố Đông Hồ "
        "số tiền bảo hiểm xã hội, bảo hiểm y tế từ tháng 03/2021 đến tháng 08/2022 là 41.280.000 đồng.",
        [co, DUC, bhxh],
    )
    assert pays(obs) == [(["P1"], ["P3"], 41_280_000)]


# -- orders that do not start with "Buộc" --------------------------------------------------------
def test_order_without_buoc_or_modal_words_before_digits():
    office = Party(
        id="P3", role="respondent", kind="organization", name="Sở Tài nguyên và Môi trường tỉnh Bắc Sơn"
    )
    obs, _ = run(
        "3. Sở Tài nguyên và Môi trường tỉnh Bắc Sơn bồi thường cho ông Võ Minh Đ Bốn mươi hai triệu đồng "
        "(42.000.000 đồng), gồm tiền thuê nhà 30.000.000 đồng và chi phí di chuyển 12.000.000 đồng.",
        [*PARTIES, office],
    )
    assert pays(obs) == [(["P3"], ["P2"], 42_000_000)]


def test_a_recited_payment_is_not_an_order():
    obs, _ = run("2. Ghi nhận ông Võ Minh Đ đã trả cho bà Phan Thị Mai K 5.000.000 đồng.")
    assert pays(obs) == []


def test_a_given_name_that_is_also_a_label_word():
    from docproc.extract.parties import _person_name

    text = "Ông Hà Văn Sinh, sinh năm 1990"
    assert _person_name(text, 4, len(text))[0] == "Hà Văn Sinh"
    text = "Ông Hà Văn Tâm Sinh năm 1990"
    assert _person_name(text, 4, len(text))[0] == "Hà Văn Tâm"


# -- criminal: sums given up; land by its area ---------------------------------------------------
def test_truy_thu_with_the_accused_before_the_sum():
    acc = Party(id="P1", role="accused", kind="person", name="Hồ Quốc V")
    obs, assets = run(
        "d) Truy thu của bị cáo Hồ Quốc V số tiền 12.500.000 đồng (Mười hai triệu năm trăm nghìn đồng) là tiền thu lợi bất "
        "chính để sung ngân sách nhà nước.",
        [acc],
    )
    assert [(o.kind, o.obligors, o.obligees, o.amount_vnd) for o in obs] == [
        ("confiscation", ["P1"], ["STATE"], 12_500_000)
    ]
    assert assets == []


def test_land_handed_over_by_its_area_is_an_asset():
    obs, assets = run(
        "3. Ông Võ Minh Đ có nghĩa vụ giao trả cho bà Phan Thị Mai K diện tích 1.500 m2 đất thuộc một phần thửa "
        "đất số 64, tờ bản đồ số 12 (theo Giấy chứng nhận quyền sử dụng đất số CH 03926 do Ủy ban nhân dân huyện "
        "C cấp)."
    )
    assert [(a.kind, a.certificate) for a in assets] == [("land_use_right", "CH 03926")]


# -- organisation names --------------------------------------------------------------------------
def test_org_name_keeps_its_initials_and_drops_its_short_form():
    from docproc.extract._consensus import trim_noise_tail
    from docproc.extract.parties import _org_name

    text = "Công ty cổ phần HK kiện. Công ty cổ phần. Công ty cổ phần. Công ty cổ phần."
    assert trim_noise_tail("Công ty cổ phần HK", text) == "Công ty cổ phần HK"
    t = "Tổng Công ty Cổ phần bảo hiểm QM (QM\n\nCông ty khác"
    assert _org_name(t, 0, len(t))[0] == "Tổng Công ty Cổ phần bảo hiểm QM"
    t = "Công ty TNHH Hải Minh (HM), địa chỉ: số 5"
    assert _org_name(t, 0, len(t))[0] == "Công ty TNHH Hải Minh"


# -- assets held for enforcement in criminal cases; shares; machinery ----------------------------
ACC_A = Party(id="P1", role="accused", kind="person", name="Trịnh Văn A")
ACC_B = Party(id="P2", role="accused", kind="person", name="Lê Thị B")
VIC = Party(id="P3", role="victim", kind="person", name="Phạm Văn C")


def test_assets_held_for_enforcement_secure_their_owners_orders():
    obs, assets = run(
        "2. Về trách nhiệm dân sự: Buộc bị cáo Trịnh Văn A phải bồi thường cho ông Phạm Văn C số tiền "
        "1.020.000.000 đồng. Buộc bị cáo Lê Thị B phải bồi thường cho ông Phạm Văn C số tiền 275.000.000 đồng.\n"
        "3. Về biện pháp bảo đảm thi hành án:\n"
        "- Tiếp tục tạm giữ xe ô tô nhãn hiệu Toyota, biển kiểm soát 29H-507.31 của bị cáo Trịnh Văn A để đảm "
        "bảo thi hành án.\n"
        "- Tiếp tục phong tỏa tài khoản số 0052719804 của bị cáo Lê Thị B tại Ngân hàng Thương mại cổ phần K để "
        "bảo đảm thi hành án.",
        [ACC_A, ACC_B, VIC],
    )
    by_plate = {a.kind: a for a in assets}
    assert by_plate["vehicle"].owners == ["P1"] and by_plate["deposit"].owners == ["P2"]
    secured = {o.amount_vnd: o.secured_by for o in obs if o.kind == "pay_money"}
    assert secured == {1_020_000_000: [by_plate["vehicle"].id], 275_000_000: [by_plate["deposit"].id]}


def test_pledged_shares_belong_to_who_owns_them_not_the_custodian():
    broker = Party(id="P4", role="related_party", kind="organization", name="Công ty cổ phần Chứng khoán S")
    obs, assets = run(
        "1. Buộc ông Võ Minh Đ phải trả cho bà Phan Thị Mai K số tiền 1.870.000.000 đồng.\n"
        "2. Trường hợp ông Võ Minh Đ không trả nợ thì bà Phan Thị Mai K có quyền yêu cầu xử lý tài sản cầm cố là "
        "120.000 cổ phần của Công ty cổ phần Nhựa M do ông Võ Minh Đ sở hữu, đang lưu ký tại Công ty cổ phần "
        "Chứng khoán S theo Hợp đồng cầm cố số 08/2022/HĐCC để thu hồi nợ.",
        [*PARTIES, broker],
    )
    assert [(a.kind, a.owners) for a in assets] == [("shares", ["P2"])]


def test_a_laptop_is_not_machinery():
    from docproc.extract.assets import asset_kind

    assert asset_kind("01 máy tính xách tay hiệu Dell") is None
    assert asset_kind("toàn bộ máy móc, thiết bị của dây chuyền sản xuất") == "machinery"
    assert asset_kind("02 máy in offset") == "machinery"


# -- a whole appeal judgment: former names, shared address lines, bullets, "Sửa ... như sau: Buộc" ---
APPEAL = """TÒA ÁN NHÂN DÂN TỈNH BẮC SƠN            CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
                                             Độc lập - Tự do - Hạnh phúc
Bản án số: 15/2024/DS-PT
Ngày: 12-3-2024

Ngày 12 tháng 3 năm 2024, tại trụ sở Tòa án nhân dân tỉnh Bắc Sơn xét xử phúc thẩm công khai vụ án dân sự \
thụ lý số 3/2024/TLPT-DS giữa các đương sự:
- Nguyên đơn: Ông Hoàng Văn Tư, sinh năm 1960 và bà Lý Thị Năm, sinh năm 1962; cùng trú tại: thôn Đông, xã \
An Phú, huyện Yên Hà, tỉnh Bắc Sơn.
- Bị đơn: Công ty TNHH Thương mại Hà Phong (nay là Công ty cổ phần Hà Phong); địa chỉ: số 5 đường Lê Lợi, \
thành phố Bắc Sơn. Người đại diện theo pháp luật: Ông Đinh Văn Khải - Giám đốc.
- Người có quyền lợi, nghĩa vụ liên quan:
• Bà Trần Thị Mơ, sinh năm 1970;
• Ông Trần Văn Mận, sinh năm 1972;
Cùng trú tại: xóm 3, xã An Phú, huyện Yên Hà, tỉnh Bắc Sơn.

NỘI DUNG VỤ ÁN:
Các bên tranh chấp hợp đồng.

NHẬN ĐỊNH CỦA TÒA ÁN:
Xét thấy kháng cáo có căn cứ.

QUYẾT ĐỊNH:
Căn cứ khoản 2 Điều 308 Bộ luật Tố tụng dân sự.
1. Chấp nhận kháng cáo của bị đơn. Sửa Bản án dân sự sơ thẩm số 20/2023/DS-ST ngày 10/11/2023 của Tòa án \
nhân dân huyện Yên Hà như sau: Buộc Công ty cổ phần Hà Phong phải trả cho ông Hoàng Văn Tư và bà Lý Thị Năm \
số tiền 320.000.000 đồng.
2. Về án phí: Công ty cổ phần Hà Phong phải chịu 16.000.000 đồng án phí dân sự sơ thẩm.

Nơi nhận:
- Các đương sự.
"""


def test_appeal_with_a_former_name_and_shared_address_lines():
    from docproc.extract import extract

    ex = extract(Document.from_text(APPEAL, source="t.txt"))
    assert [(p.role, p.name) for p in ex.parties] == [
        ("plaintiff", "Hoàng Văn Tư"),
        ("plaintiff", "Lý Thị Năm"),
        ("defendant", "Công ty TNHH Thương mại Hà Phong"),
        ("related_party", "Trần Thị Mơ"),
        ("related_party", "Trần Văn Mận"),
    ]
    assert ex.parties[4].address == "xóm 3, xã An Phú, huyện Yên Hà, tỉnh Bắc Sơn"
    assert [(o.kind, o.obligors, o.obligees, o.amount_vnd) for o in ex.obligations] == [
        ("pay_money", ["P3"], ["P1", "P2"], 320_000_000),
        ("court_fee", ["P3"], ["STATE"], 16_000_000),
    ]


def test_people_s_committee_in_capitals_with_the_old_tone():
    from docproc.extract.parties import _ORG_START

    assert _ORG_START.match("UỶ BAN NHÂN DÂN HUYỆN T, thành phố Hà Nội")
    assert _ORG_START.match("ỦY BAN NHÂN DÂN HUYỆN T")


def test_security_for_the_fine_and_the_compensation_it_names():
    obs, assets = run(
        "1. Hình phạt bổ sung: Phạt tiền bị cáo Trịnh Văn A 30.000.000 đồng để sung ngân sách nhà nước.\n"
        "2. Về trách nhiệm dân sự: Buộc bị cáo Trịnh Văn A phải bồi thường cho ông Phạm Văn C số tiền "
        "200.000.000 đồng.\n"
        "3. Tiếp tục tạm giữ sổ tiết kiệm số 0012345 do bị cáo Trịnh Văn A đứng tên tại Ngân hàng Thương mại cổ "
        "phần K để bảo đảm thi hành án phần bồi thường và tiền phạt nêu trên.\n"
        "4. Tiếp tục duy trì biện pháp khẩn cấp tạm thời kê biên quyền sử dụng đất thửa đất số 45, tờ bản đồ số "
        "7 tại xã An Phú của bị cáo Lê Thị B để bảo đảm thi hành án.",
        [ACC_A, ACC_B, VIC],
    )
    book = next(a for a in assets if a.kind == "deposit")
    land = next(a for a in assets if a.kind == "land_use_right")
    assert book.owners == ["P1"] and land.owners == ["P2"]
    assert {o.kind: book.id in o.secured_by for o in obs} == {"fine": True, "pay_money": True}


# -- security links named by a list of points --------------------------------------------------------
_ACCUSED = [
    Party(id="P1", role="accused", kind="person", name="Hà Minh Khoa"),
    Party(id="P2", role="accused", kind="person", name="Tôn Thị Yến"),
    Party(id="P3", role="victim", kind="person", name="Mạc Văn Lộc"),
    Party(id="P4", role="victim", kind="person", name="Ninh Thị Quyên"),
]


def test_points_listed_after_one_point_word_are_all_secured():
    """ "tại các điểm a, b" names two orders, "điểm a và điểm c" two; the next lettered point ends a list."""
    obs, assets = run(
        "2. Về trách nhiệm dân sự:\n"
        "a) Các bị cáo Hà Minh Khoa và Tôn Thị Yến liên đới bồi thường cho ông Mạc Văn Lộc 400.000.000 đồng.\n"
        "b) Bị cáo Hà Minh Khoa phải bồi thường cho bà Ninh Thị Quyên 90.000.000 đồng.\n"
        "c) Bị cáo Tôn Thị Yến phải bồi thường cho bà Ninh Thị Quyên 30.000.000 đồng.\n"
        "d) Tiếp tục kê biên các tài sản sau để bảo đảm thi hành các khoản bồi thường của bị cáo Hà Minh Khoa "
        "tại các điểm a, b:\n"
        "- Xe ô tô biển kiểm soát 29A-111.22 đứng tên Hà Minh Khoa;\n"
        "- Quyền sử dụng đất thửa đất số 77, tờ bản đồ số 5 đứng tên Hà Minh Khoa.\n"
        "đ) Tiếp tục phong tỏa tài khoản số 0123 4567 đứng tên Tôn Thị Yến tại Ngân hàng Thương mại cổ phần "
        "Đông Dương để bảo đảm thi hành các khoản bồi thường của bị cáo Yến tại điểm a và điểm c.",
        _ACCUSED,
    )
    by_amount = {o.amount_vnd: o for o in obs if o.kind == "pay_money"}
    kinds = {a.id: a.kind for a in assets}
    assert sorted(kinds[k] for k in by_amount[90_000_000].secured_by) == ["land_use_right", "vehicle"]
    assert sorted(kinds[k] for k in by_amount[400_000_000].secured_by) == [
        "deposit",
        "land_use_right",
        "vehicle",
    ]
    assert [kinds[k] for k in by_amount[30_000_000].secured_by] == ["deposit"]


def test_point_list_refs_and_citations():
    from docproc.extract._links import item_refs

    assert item_refs("để bảo đảm thi hành tại các điểm a, b và c.", "2") == ["2.a", "2.b", "2.c"]
    assert item_refs("nêu tại các mục 1.1, 1.2 và mục 1.3;", "3") == ["1.1", "1.2", "1.3"]
    assert item_refs("Căn cứ điểm a, b khoản 1 Điều 51 Bộ luật Hình sự", "2") == []


def test_order_after_a_granting_ruling_and_colon():
    """ "Chấp nhận yêu cầu ... của bà K: ông Đ phải trả ..." orders without "Buộc"; a refusal's colon does not."""
    obs, _ = run(
        "1. Chấp nhận yêu cầu khởi kiện của bà Phan Thị Mai K: ông Võ Minh Đ phải trả cho bà Phan Thị Mai K "
        "Ba trăm triệu đồng (300.000.000 đồng).\n"
        "2. Không chấp nhận yêu cầu phản tố của ông Võ Minh Đ: bà Phan Thị Mai K phải trả 50.000.000 đồng."
    )
    assert pays(obs) == [(["P2"], ["P1"], 300_000_000)]


def test_fees_written_words_first():
    """ "phải chịu Hai trăm nghìn đồng (200.000 đồng) án phí ... và Mười triệu đồng (10.000.000 đồng) án phí ...":
    each fee is read whichever way round the amount is written."""
    obs, _ = run(
        "3. Về án phí: Ông Võ Minh Đ phải chịu Hai trăm nghìn đồng (200.000 đồng) án phí hình sự sơ thẩm và "
        "Mười triệu năm trăm nghìn đồng (10.500.000 đồng) án phí dân sự sơ thẩm và 3.000.000 đồng (Ba triệu "
        "đồng) án phí dân sự sơ thẩm. Bà Phan Thị Mai K phải chịu Ba trăm nghìn đồng (300.000 đồng) án phí."
    )
    fees = [(o.obligors, o.amount_vnd) for o in obs if o.kind == "court_fee"]
    assert fees == [(["P2"], 200_000), (["P2"], 10_500_000), (["P2"], 3_000_000), (["P1"], 300_000)]


_BANK = [
    Party(id="P1", role="plaintiff", kind="organization", name="Ngân hàng Thương mại cổ phần Hải Đăng"),
    Party(id="P2", role="defendant", kind="organization", name="Công ty TNHH Vận tải Gió Bấc"),
]


def test_bank_head_before_an_amount_in_words_is_the_bank():
    """ "trả cho Ngân hàng Hai tỷ ... đồng": the capitalised word after "Ngân hàng" is the amount, not
    another bank's name."""
    obs, _ = run(
        "1. Công ty TNHH Vận tải Gió Bấc phải thanh toán cho Ngân hàng Hai tỷ ba trăm triệu đồng "
        "(2.300.000.000 đồng).",
        _BANK,
    )
    assert pays(obs) == [(["P2"], ["P1"], 2_300_000_000)]


def test_passive_security_over_an_object_with_dotted_numbers():
    """ "tài sản thế chấp là ... 65.000 cổ phần ... sẽ bị phát mại": a dot inside a number ends no sentence."""
    obs, assets = run(
        "1. Buộc Công ty TNHH Vận tải Gió Bấc phải trả cho Ngân hàng Thương mại cổ phần Hải Đăng 900.000.000 đồng.\n"
        "2. Nếu không trả được nợ thì tài sản thế chấp là quyền sử dụng đất thửa đất số 12, tờ bản đồ số 3 theo "
        "Giấy chứng nhận số CH 123456 mang tên Công ty TNHH Vận tải Gió Bấc; 65.000 cổ phần của Công ty TNHH "
        "Vận tải Gió Bấc tại Công ty cổ phần Sao Khuê sẽ bị phát mại để thu hồi nợ.",
        _BANK,
    )
    assert sorted(a.kind for a in assets) == ["land_use_right", "shares"]
    debt = next(o for o in obs if o.kind == "pay_money")
    assert len(debt.secured_by) == 2


def test_a_surname_that_is_another_partys_given_name():
    """ "ông Diệp Quốc Đạt" is Đạt, not "ông Diệp" (bà Vũ Ngọc Diệp's given name) followed by more words."""
    people = [
        Party(id="P1", role="plaintiff", kind="person", name="Phạm Xuân Cường"),
        Party(id="P2", role="defendant", kind="person", name="Diệp Quốc Đạt"),
        Party(id="P3", role="defendant", kind="person", name="Vũ Ngọc Diệp"),
    ]
    obs, _ = run(
        "1. Buộc ông Diệp Quốc Đạt và bà Diệp liên đới trả cho ông Phạm Xuân Cường 120.000.000 đồng.\n"
        "2. Về án phí: Bị cáo Diệp Quốc Đạt phải chịu 3.000.000 đồng án phí dân sự sơ thẩm.",
        people,
    )
    assert pays(obs) == [(["P2", "P3"], ["P1"], 120_000_000)]
    assert [(o.obligors, o.amount_vnd) for o in obs if o.kind == "court_fee"] == [(["P2"], 3_000_000)]


def test_allocation_with_a_run_of_rights():
    """ "được quyền sở hữu, sử dụng quyền sử dụng đất ...": the asset after the whole run of rights."""
    _, assets = run(
        "3. Về tài sản chung: Bà Phan Thị Mai K được quyền sở hữu, sử dụng quyền sử dụng đất tại thửa đất số 81, "
        "tờ bản đồ số 5, diện tích 120 m2 tại xã Tân Lập.\nÔng Võ Minh Đ được sở hữu xe ô tô biển kiểm soát 51K-123.45."
    )
    assert sorted((a.kind, a.owners) for a in assets) == [("land_use_right", ["P1"]), ("vehicle", ["P2"])]


def test_shares_holder_whose_name_has_van_tai():
    """ "cổ phần của Công ty TNHH Vận tải Gió Bấc tại Công ty ...": "tải" in the name is not "tại"."""
    _, assets = run(
        "1. Buộc Công ty TNHH Vận tải Gió Bấc phải trả cho Ngân hàng Thương mại cổ phần Hải Đăng 900.000.000 đồng.\n"
        "2. Nếu không trả được nợ thì tài sản thế chấp là 74.000 cổ phần của Công ty TNHH Vận tải Gió Bấc tại "
        "Công ty cổ phần Sao Khuê sẽ bị phát mại để thu hồi nợ.",
        _BANK,
    )
    assert [(a.kind, a.owners) for a in assets] == [("shares", ["P2"])]


def test_shares_in_custody_with_a_spelled_count():
    """ "350.000 (ba trăm năm mươi nghìn) cổ phiếu ... thuộc sở hữu của X, lưu ký tại tài khoản ... mở tại Công ty
    Chứng khoán Y": shares (not a deposit), owned by X (not the broker that keeps the account)."""
    people = [
        *_BANK,
        Party(id="P3", role="related_party", kind="organization", name="Công ty cổ phần Chứng khoán Sao Mai"),
    ]
    _, assets = run(
        "1. Buộc Công ty TNHH Vận tải Gió Bấc phải trả cho Ngân hàng Thương mại cổ phần Hải Đăng 900.000.000 đồng.\n"
        "2. Trường hợp Công ty TNHH Vận tải Gió Bấc không trả nợ, Ngân hàng Thương mại cổ phần Hải Đăng có quyền yêu cầu "
        "cơ quan thi hành án xử lý tài sản cầm cố là 350.000 (ba trăm năm mươi nghìn) cổ phiếu mã chứng khoán HPX "
        "thuộc sở hữu của Công ty TNHH Vận tải Gió Bấc, lưu ký tại tài khoản số 058C112233 mở tại Công ty cổ phần "
        "Chứng khoán Sao Mai để thu hồi nợ.",
        people,
    )
    assert [(a.kind, a.owners) for a in assets] == [("shares", ["P2"])]


def test_delivery_by_head_noun_hands_over_the_asset_already_named():
    """ "B được sở hữu xe ô tô BKS X. A có nghĩa vụ giao xe ô tô ... cho B": one vehicle, delivered."""
    obs, assets = run(
        "3. Về tài sản chung: Ông Võ Minh Đ được sở hữu xe ô tô nhãn hiệu Mazda 3, biển kiểm soát 49A-418.25. "
        "Bà Phan Thị Mai K có nghĩa vụ giao xe ô tô và bản chính giấy chứng nhận đăng ký xe cho ông Võ Minh Đ."
    )
    assert [(a.kind, a.plate, a.owners) for a in assets] == [("vehicle", "49A-418.25", ["P2"])]
    give = [o for o in obs if o.kind == "deliver_asset"]
    assert [(o.obligors, o.model_dump().get("assets_delivered")) for o in give] == [(["P1"], [assets[0].id])]


def test_exhibits_counted_in_words_of_any_length():
    """ "23 (hai mươi ba) thẻ ngân hàng và 41 (bốn mươi mốt) sim điện thoại": two exhibits, two assets."""
    from docproc.extract.assets import split_assets

    t = "23 (hai mươi ba) thẻ ngân hàng và 41 (bốn mươi mốt) sim điện thoại thu giữ của bị cáo A"
    assert len(split_assets(t)) == 2
    t = "01 (một) máy tính xách tay, 121 (một trăm hai mươi mốt) vỏ bao thu giữ của bị cáo A"
    assert len(split_assets(t)) == 2


def test_guarantor_paying_in_place_without_a_named_creditor():
    """ "Trường hợp ông Đ không trả được nợ thì bà Q (người bảo lãnh) có nghĩa vụ trả nợ thay trong phạm vi bảo lãnh
    là X": pay_money from the guarantor to the creditor of Đ's debt, the cap as amount."""
    people = [*PARTIES, Party(id="P3", role="related_party", kind="person", name="Lò Thị Q")]
    obs, _ = run(
        "1. Buộc ông Võ Minh Đ trả cho bà Phan Thị Mai K số tiền 400.000.000 đồng.\n"
        "2. Trường hợp ông Võ Minh Đ không trả được nợ thì bà Lò Thị Q (người bảo lãnh) có nghĩa vụ trả nợ thay "
        "trong phạm vi bảo lãnh là Hai trăm triệu đồng (200.000.000 đồng).",
        people,
    )
    assert pays(obs) == [(["P2"], ["P1"], 400_000_000), (["P3"], ["P1"], 200_000_000)]


def test_asset_list_ends_at_the_next_heading_or_order():
    """ "- Tiếp tục tạm giữ các tài sản sau ...: - A; - B." then "- Về vật chứng: Tịch thu ...": the list has two
    entries; the confiscation is its own order."""
    people = [
        Party(id="P1", role="accused", kind="person", name="Hà Minh Khoa"),
        Party(id="P2", role="victim", kind="person", name="Mạc Văn Lộc"),
    ]
    obs, assets = run(
        "- Buộc bị cáo Hà Minh Khoa phải bồi thường cho ông Mạc Văn Lộc 150.000.000 đồng.\n"
        "- Tiếp tục tạm giữ các tài sản sau để đảm bảo thi hành khoản bồi thường của bị cáo Hà Minh Khoa:\n"
        "- Sổ tiết kiệm số 3369658 đứng tên Hà Minh Khoa;\n"
        "- Xe ô tô biển kiểm soát 30K-111.22 đứng tên Hà Minh Khoa.\n"
        "- Về vật chứng: Tịch thu sung ngân sách Nhà nước 01 xe mô tô biển kiểm soát 25B1-424.41 của bị cáo Hà Minh Khoa.",
        people,
    )
    debt = next(o for o in obs if o.kind == "pay_money")
    kinds = {a.id: (a.kind, a.plate) for a in assets}
    assert sorted(kinds[k][0] for k in debt.secured_by) == ["deposit", "vehicle"]
    conf = [o for o in obs if o.kind == "confiscation"]
    assert len(conf) == 1 and ("vehicle", "25B1-424.41") in kinds.values()
