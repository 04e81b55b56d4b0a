"""Asset descriptions, identifiers, plates, and the links between assets and obligations."""

from __future__ import annotations

import pytest

from docproc.document import Document
from docproc.extract import assets as A
from docproc.extract.evidence import EvidenceBuilder
from docproc.extract.operative import extract_operative
from docproc.extract.parties import PartyResolver
from docproc.extract.sections import segment
from docproc.schema import Party

BANK = Party(id="P1", role="plaintiff", kind="organization", name="Ngân hàng Thương mại cổ phần Phú Xuân")
CO = Party(id="P2", role="defendant", kind="organization", name="Công ty TNHH Vận tải Hòa Bình")
AN = Party(id="P3", role="related_party", kind="person", name="Nguyễn Văn An")
BINH = Party(id="P4", role="related_party", kind="person", name="Trần Thị Bình")
PARTIES = [BANK, CO, AN, BINH]


def run(operative: str, parties: list[Party] = PARTIES):
    text = "NHẬN ĐỊNH CỦA TÒA ÁN:\nXét thấy.\nQUYẾT ĐỊNH:\n" + operative + "\n"
    doc = Document.from_text(text, source="t.txt")
    ev = EvidenceBuilder(doc)
    obs, assets = extract_operative(doc, segment(doc.text), parties, PartyResolver(parties, doc.text), ev)
    return obs, assets, ev, doc


# -- one description ------------------------------------------------------------------------------
def test_land_identifiers():
    f = A.read_asset(
        "quyền sử dụng đất thửa đất số 125, tờ bản đồ số 12, diện tích 150,5 m², tại xã Tân Phú, huyện Đức Hòa "
        "theo Giấy chứng nhận quyền sử dụng đất số BK 123456 do UBND huyện cấp ngày 01/02/2015"
    )
    assert f is not None and f.kind == "land_use_right"
    assert (f.plot_number, f.map_sheet, f.area_m2, f.certificate) == ("125", "12", 150.5, "BK 123456")
    assert f.address is not None and f.address.startswith("xã Tân Phú")


def test_certificate_written_without_space_and_book_number():
    f = A.read_asset(
        "căn hộ số 1203, diện tích sử dụng 70 m2, theo Giấy chứng nhận số CH00123 cấp ngày 5/5/2019"
    )
    assert f.kind == "apartment" and f.certificate == "CH00123" and f.area_m2 == 70.0


@pytest.mark.parametrize(
    ("text", "cert"),
    [
        (
            "quyền sử dụng đất theo Giấy chứng nhận quyền sử dụng đất, quyền sở hữu nhà ở và tài sản khác gắn liền "
            "với đất số phát hành CS 123456, số vào sổ cấp GCN: CS01234",
            "CS 123456",
        ),
        ("quyền sử dụng đất thửa số 45 tờ bản đồ số 9 theo Giấy CNQSDĐ số AĐ 765432", "AĐ 765432"),
        ("quyền sử dụng đất có Giấy chứng nhận số seri BX 112233", "BX 112233"),
    ],
)
def test_certificate_serial_as_introduced(text, cert):
    f = A.read_asset(text)
    assert f is not None and f.kind == "land_use_right" and f.certificate == cert


@pytest.mark.parametrize(
    ("text", "reg"),
    [
        ("01 tàu cá vỏ gỗ số đăng ký BĐ 91234 TS", "BĐ 91234 TS"),
        ("tàu vận tải số đăng ký HP-3456", "HP-3456"),
        ("phương tiện thủy nội địa số đăng ký SG-5678", "SG-5678"),
    ],
)
def test_vessel_registration_however_separated(text, reg):
    f = A.read_asset(text)
    assert f is not None and f.kind == "vessel" and f.plate == reg


def test_vehicle_registration_is_not_a_land_certificate():
    f = A.read_asset(
        "xe ô tô con nhãn hiệu Kia, biển kiểm soát 29A-123.45, Giấy chứng nhận đăng ký xe ô tô số 0345219 "
        "theo Hợp đồng thế chấp số 12/2022/HĐTC-PX ngày 02/3/2022"
    )
    assert f.kind == "vehicle" and f.plate == "29A-123.45" and f.certificate is None
    assert f.security_contract == "12/2022/HĐTC-PX"


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("căn nhà cấp 4, diện tích xây dựng 80 m2 trên thửa đất số 9", "house"),
        ("toàn bộ nhà xưởng và diện tích đất thuê tại thửa đất số 9", "land_use_right"),
        ("quyền sử dụng đất và nhà ở 03 tầng tại thửa đất số 9", "land_use_right"),
        ("01 xe mô tô nhãn hiệu Honda Wave, biển số 59X1-123.45", "vehicle"),
        ("01 tàu cá số hiệu BĐ-91234-TS", "vessel"),
        ("01 dây chuyền sản xuất gạch tuynel", "machinery"),
        ("50.000 cổ phần của Công ty cổ phần Minh Phát", "shares"),
        ("toàn bộ số cổ phần của ông A tại Công ty cổ phần Minh Phát", "shares"),
        ("số tiền 200.000.000 đồng gửi theo sổ tiết kiệm số 0081247", "deposit"),
        ("01 giấy phép lái xe hạng B2", None),
    ],
)
def test_kinds_by_head_noun(text, kind):
    assert A.asset_kind(text) == kind


@pytest.mark.parametrize(
    ("text", "plate"),
    [
        ("biển kiểm soát 15C-268.47 đứng tên", "15C-268.47"),
        ("biển số 76C1-284.67.", "76C1-284.67"),
        ("biển kiểm soát 51LD-123.45", "51LD-123.45"),
        ("biển số 30E-1234 cũ", "30E-1234"),
        ("biển kiểm soát 29A 123.45", "29A 123.45"),
    ],
)
def test_plates(text, plate):
    assert [p for _, _, p in A.find_plates(text)] == [plate]


@pytest.mark.parametrize(
    "text",
    [
        "Hợp đồng số 0211/2019/HĐTC-PTGT",
        "Biên lai số AA/2019/0004127",
        "model VMC-850 và CK6150",
        "số máy JA39E-0104612",
        "Lệnh kê biên số 05/LKB-CSKT",
    ],
)
def test_plate_look_alikes(text):
    assert A.find_plates(text) == []


@pytest.mark.parametrize(("s", "v"), [("86,5", 86.5), ("2.150", 2150.0), ("33.726,5", 33726.5), ("96", 96.0)])
def test_area_numbers(s, v):
    assert A.parse_area(s) == v


def test_split_lists_of_exhibits_and_keep_parts_of_one_machine():
    text = "01 (một) kìm dài 60cm và 01 (một) đôi găng tay; 02 xe mô tô biển số 61B1-456.78"
    assert len(A.split_assets(text)) == 3
    one = "01 dây chuyền CNC gồm 04 máy phay và 02 máy tiện"
    assert len(A.split_assets(one)) == 1


# -- security and links ---------------------------------------------------------------------------
SECURED = (
    "1. Buộc Công ty TNHH Vận tải Hòa Bình phải trả cho Ngân hàng Thương mại cổ phần Phú Xuân số tiền "
    "2.000.000.000 đồng (Hai tỷ đồng).\n"
    "2. Trường hợp Công ty TNHH Vận tải Hòa Bình không trả hoặc trả không đủ số tiền trên thì Ngân hàng Thương "
    "mại cổ phần Phú Xuân có quyền yêu cầu cơ quan thi hành án dân sự có thẩm quyền kê biên, phát mại các tài sản "
    "thế chấp sau để thu hồi nợ:\n"
    "a) Quyền sử dụng đất thửa đất số 88, tờ bản đồ số 4, diện tích 120 m2, theo Giấy chứng nhận quyền sử dụng "
    "đất số CĐ 456789 do UBND thành phố cấp ngày 03/4/2016 mang tên ông Nguyễn Văn An và bà Trần Thị Bình, theo "
    "Hợp đồng thế chấp số 15/2020/HĐTC ngày 10/6/2020;\n"
    "b) 01 xe ô tô tải biển kiểm soát 43C-111.22 và 01 xe ô tô tải biển kiểm soát 43C-333.44 thuộc sở hữu của "
    "Công ty TNHH Vận tải Hòa Bình, theo Hợp đồng thế chấp số 16/2020/HĐTC ngày 10/6/2020.\n"
    "3. Về án phí: Công ty TNHH Vận tải Hòa Bình phải chịu 72.000.000 đồng án phí kinh doanh thương mại sơ thẩm."
)


def test_secured_assets_with_owners_contracts_and_links():
    obs, assets, ev, doc = run(SECURED)
    land = next(a for a in assets if a.kind == "land_use_right")
    trucks = [a for a in assets if a.kind == "vehicle"]
    assert land.certificate == "CĐ 456789" and land.owners == ["P3", "P4"]
    assert land.security_contract == "15/2020/HĐTC"
    assert [t.plate for t in trucks] == ["43C-111.22", "43C-333.44"]
    assert all(t.owners == ["P2"] and t.security_contract == "16/2020/HĐTC" for t in trucks)
    pay = next(o for o in obs if o.kind == "pay_money")
    assert sorted(pay.secured_by) == sorted(a.id for a in assets)
    fee = next(o for o in obs if o.kind == "court_fee")
    assert fee.secured_by == []
    k = [a.id for a in assets].index(land.id)
    assert doc.text[slice(*ev.records[f"/assets/{k}/certificate"].span)] == "CĐ 456789"
    assert doc.text[slice(*ev.records[f"/assets/{k}/plot_number"].span)] == "88"


def test_security_limited_to_the_debt_it_names():
    obs, assets, *_ = run(
        "1.1. Buộc Công ty TNHH Vận tải Hòa Bình phải trả cho Ngân hàng Thương mại cổ phần Phú Xuân số tiền "
        "500.000.000 đồng.\n"
        "1.2. Buộc Công ty TNHH Vận tải Hòa Bình phải trả cho Ngân hàng Thương mại cổ phần Phú Xuân số tiền "
        "300.000.000 đồng.\n"
        "1.3. Trường hợp Công ty TNHH Vận tải Hòa Bình không trả số nợ nêu tại mục 1.2 thì Ngân hàng Thương mại cổ "
        "phần Phú Xuân có quyền yêu cầu cơ quan thi hành án dân sự xử lý tài sản thế chấp là xe ô tô biển kiểm soát "
        "43C-555.66 để thu hồi nợ."
    )
    by_amount = {o.amount_vnd: o.secured_by for o in obs}
    assert by_amount[500_000_000] == [] and by_amount[300_000_000] == [assets[0].id]


def test_security_follows_the_creditor_not_every_debt_of_the_debtor():
    obs, assets, *_ = run(
        "1. Ông Nguyễn Văn An có nghĩa vụ thanh toán cho bà Trần Thị Bình 400.000.000 đồng.\n"
        "2. Ông Nguyễn Văn An có nghĩa vụ trả cho Ngân hàng Thương mại cổ phần Phú Xuân khoản nợ gốc còn lại là "
        "250.000.000 đồng. Trường hợp ông An không trả nợ thì Ngân hàng Thương mại cổ phần Phú Xuân có quyền yêu "
        "cầu cơ quan thi hành án dân sự xử lý quyền sử dụng đất thửa đất số 12, tờ bản đồ số 3 để thu hồi nợ."
    )
    by_amount = {o.amount_vnd: o.secured_by for o in obs}
    assert by_amount[400_000_000] == [] and by_amount[250_000_000] == [assets[0].id]


def test_seizure_kept_to_secure_one_accused_compensation():
    parties = [
        Party(id="P1", role="accused", kind="person", name="Hồ Văn Phát"),
        Party(id="P2", role="accused", kind="person", name="Lý Văn Tài"),
        Party(id="P3", role="victim", kind="organization", name="Công ty TNHH Thủy sản Biển Xanh"),
    ]
    obs, assets, *_ = run(
        "2.1. Buộc bị cáo Hồ Văn Phát bồi thường cho Công ty TNHH Thủy sản Biển Xanh số tiền 900.000.000 đồng.\n"
        "2.2. Buộc bị cáo Lý Văn Tài bồi thường cho Công ty TNHH Thủy sản Biển Xanh số tiền 100.000.000 đồng.\n"
        "2.3. Tiếp tục duy trì Lệnh kê biên tài sản số 07/LKB ngày 01/3/2020 đối với quyền sử dụng đất tại thửa đất "
        "số 45, tờ bản đồ số 9 đứng tên Hồ Văn Phát, để bảo đảm thi hành khoản bồi thường của bị cáo Hồ Văn Phát.",
        parties,
    )
    by_amount = {o.amount_vnd: o.secured_by for o in obs}
    (land,) = assets
    assert land.owners == ["P1"]
    assert by_amount[900_000_000] == [land.id] and by_amount[100_000_000] == []


def test_allocated_assets_belong_to_the_recipient_and_are_merged_by_identifier():
    obs, assets, *_ = run(
        "3.1. Giao cho bà Trần Thị Bình được quyền sở hữu căn hộ số 804, diện tích sử dụng 75 m2 theo Giấy chứng "
        "nhận số DB 765432 và được quyền sở hữu xe ô tô con biển kiểm soát 92A-246.80.\n"
        "3.2. Ông Nguyễn Văn An có nghĩa vụ giao cho bà Trần Thị Bình xe ô tô biển kiểm soát 92A-246.80 cùng giấy "
        "chứng nhận đăng ký xe."
    )
    kinds = sorted(a.kind for a in assets)
    assert kinds == ["apartment", "vehicle"]
    assert all(a.owners == ["P4"] for a in assets)
    (give,) = [o for o in obs if o.kind == "deliver_asset"]
    car = next(a for a in assets if a.kind == "vehicle")
    assert give.assets_delivered == [car.id] and give.obligors == ["P3"] and give.obligees == ["P4"]


def test_parts_of_one_plot_stay_apart_and_inherit_the_certificate():
    obs, assets, *_ = run(
        "1. Xác định di sản là quyền sử dụng đất thửa đất số 523, tờ bản đồ số 11, diện tích 1.020 m² theo Giấy "
        "chứng nhận quyền sử dụng đất số AH 068412.\n"
        "2.1. Giao cho ông Nguyễn Văn An được quyền sử dụng phần đất ký hiệu (A), diện tích 720 m² thuộc thửa đất "
        "số 523, tờ bản đồ số 11.\n"
        "2.2. Giao cho bà Trần Thị Bình được quyền sử dụng phần đất ký hiệu (B), diện tích 300 m² thuộc thửa đất số "
        "523, tờ bản đồ số 11."
    )
    assert sorted((a.owners[0], a.area_m2) for a in assets) == [("P3", 720.0), ("P4", 300.0)]
    assert all(a.certificate == "AH 068412" for a in assets)


def test_a_document_handed_back_is_not_an_asset():
    obs, assets, *_ = run(
        "Bà Trần Thị Bình có nghĩa vụ trả lại cho ông Nguyễn Văn An bản chính Giấy chứng nhận quyền sử dụng đất "
        "số CS 718234 trong thời hạn 07 ngày kể từ ngày nhận đủ số tiền 480.000.000 đồng."
    )
    assert assets == []
    assert [o.kind for o in obs] == ["perform_act"]


def test_two_allocations_in_one_sentence():
    _, assets, *_ = run(
        "Giao cho ông Nguyễn Văn An quyền sở hữu xe ô tô biển kiểm soát 29H-456.78 và giao cho bà Trần Thị Bình "
        "quyền sử dụng thửa đất số 12, tờ bản đồ số 4, diện tích 100 m2 theo Giấy chứng nhận số CD 123123."
    )
    got = sorted((a.kind, a.owners[0], a.plate or a.certificate) for a in assets)
    assert got == [("land_use_right", "P4", "CD 123123"), ("vehicle", "P3", "29H-456.78")]


def test_inheritance_share_in_kind():
    _, assets, *_ = run(
        "Ông Nguyễn Văn An được hưởng kỷ phần bằng hiện vật là quyền sử dụng đất thửa đất số 55, tờ bản đồ số 9, "
        "diện tích 300 m2."
    )
    (land,) = assets
    assert (land.kind, land.owners, land.plot_number, land.area_m2) == ("land_use_right", ["P3"], "55", 300.0)


def test_description_evidence_points_at_the_description():
    _, assets, ev, doc = run(
        "Giao cho bà Trần Thị Bình được quyền sở hữu xe ô tô con nhãn hiệu Kia, biển kiểm soát 92A-246.80."
    )
    rec = ev.records["/assets/0/description"]
    assert doc.text[slice(*rec.span)].lower() == assets[0].description.lower()


# -- an asset the creditor holds and hands back once paid (GUIDELINES, Conventions) --------------------
@pytest.mark.parametrize(
    "operative",
    [
        "1. Buộc ông Nguyễn Văn An phải trả cho bà Trần Thị Bình số tiền 150.000.000 đồng. Bà Trần Thị Bình có "
        "trách nhiệm giao trả cho ông Nguyễn Văn An xe ô tô biển kiểm soát 30G-456.78 sau khi nhận đủ số tiền trên.",
        "1. Buộc ông Nguyễn Văn An phải trả cho bà Trần Thị Bình số tiền 150.000.000 đồng.\n"
        "2. Sau khi ông Nguyễn Văn An trả đủ số tiền trên, bà Trần Thị Bình phải trả lại cho ông Nguyễn Văn An "
        "01 xe ô tô biển kiểm soát 30G-456.78 mà bà Bình đang cầm giữ.",
        "1. Buộc ông Nguyễn Văn An phải trả cho bà Trần Thị Bình số tiền 150.000.000 đồng.\n"
        "2. Bà Trần Thị Bình được tiếp tục giữ xe ô tô biển kiểm soát 30G-456.78 để bảo đảm việc trả nợ của ông "
        "Nguyễn Văn An và phải giao trả xe cho ông Nguyễn Văn An sau khi nhận đủ số tiền trên.",
    ],
)
def test_asset_held_until_paid_secures_the_debt_and_is_handed_back(operative):
    obs, assets, *_ = run(operative)
    (car,) = assets
    assert car.plate == "30G-456.78" and car.owners == ["P3"]
    (debt,) = [o for o in obs if o.kind == "pay_money"]
    assert debt.amount_vnd == 150_000_000 and debt.secured_by == [car.id]
    (back,) = [o for o in obs if o.kind == "deliver_asset"]
    assert back.obligors == ["P4"] and back.obligees == ["P3"] and back.assets_delivered == [car.id]


def test_restitution_after_a_void_contract_is_not_security():
    obs, assets, *_ = run(
        "1. Tuyên bố hợp đồng chuyển nhượng quyền sử dụng đất giữa ông Nguyễn Văn An và bà Trần Thị Bình vô hiệu.\n"
        "2. Buộc bà Trần Thị Bình phải trả cho ông Nguyễn Văn An số tiền 400.000.000 đồng.\n"
        "3. Ông Nguyễn Văn An có nghĩa vụ giao trả cho bà Trần Thị Bình quyền sử dụng đất thửa đất số 31, tờ bản "
        "đồ số 7 sau khi nhận đủ số tiền nêu tại mục 2."
    )
    (debt,) = [o for o in obs if o.kind == "pay_money"]
    assert debt.secured_by == []
    (back,) = [o for o in obs if o.kind == "deliver_asset"]
    assert back.assets_delivered == [assets[0].id]


# -- assets kept under seizure to secure enforcement (GUIDELINES, Conventions) ------------------------
CRIMINAL = [
    Party(id="P1", role="accused", kind="person", name="Đoàn Văn Khải"),
    Party(id="P2", role="accused", kind="person", name="Mạc Thị Duyên"),
    Party(id="P3", role="victim", kind="person", name="Tạ Văn Lực"),
]


@pytest.mark.parametrize(
    ("held", "kind"),
    [
        (
            "Giữ nguyên biện pháp kê biên tài sản là xe ô tô biển kiểm soát 36A-555.12 của bị cáo Đoàn Văn Khải",
            "vehicle",
        ),
        (
            "Tiếp tục duy trì biện pháp khẩn cấp tạm thời phong tỏa tài khoản số 1122334455 của bị cáo Đoàn Văn Khải "
            "tại Ngân hàng Thương mại cổ phần Phú Xuân theo Quyết định áp dụng biện pháp khẩn cấp tạm thời số "
            "05/2024/QĐ-BPKCTT",
            "deposit",
        ),
        (
            "Duy trì việc kê biên quyền sử dụng đất thửa đất số 12, tờ bản đồ số 4 của bị cáo Đoàn Văn Khải",
            "land_use_right",
        ),
        (
            "Tiếp tục duy trì việc kê biên tài sản theo Biên bản kê biên ngày 01/02/2024 đối với quyền sử dụng đất "
            "thửa đất số 12, tờ bản đồ số 4 của bị cáo Đoàn Văn Khải",
            "land_use_right",
        ),
        (
            "Giao Chi cục Thi hành án dân sự tiếp tục quản lý 01 sổ tiết kiệm số 0099 của bị cáo Đoàn Văn Khải",
            "deposit",
        ),
        (
            "Tiếp tục duy trì lệnh phong tỏa tài khoản số 1234567 của bị cáo Đoàn Văn Khải tại Ngân hàng Thương mại cổ "
            "phần Phú Xuân",
            "deposit",
        ),
    ],
)
def test_measure_kept_in_force_names_its_object(held, kind):
    obs, assets, *_ = run(
        "1. Buộc bị cáo Đoàn Văn Khải bồi thường cho ông Tạ Văn Lực số tiền 60.000.000 đồng.\n"
        "2. Buộc bị cáo Mạc Thị Duyên bồi thường cho ông Tạ Văn Lực số tiền 20.000.000 đồng.\n"
        f"3. {held} để đảm bảo thi hành án.",
        CRIMINAL,
    )
    (asset,) = assets
    assert asset.kind == kind and asset.owners == ["P1"]
    by_amount = {o.amount_vnd: o.secured_by for o in obs}
    assert by_amount[60_000_000] == [asset.id] and by_amount[20_000_000] == []


@pytest.mark.parametrize(
    "held",
    [
        "Tiếp tục tạm giữ số tiền 5.000.000 đồng bị cáo Mạc Thị Duyên đã nộp tại Chi cục Thi hành án dân sự",
        "Tiếp tục tạm giữ số tiền 5.000.000 đồng do bị cáo Mạc Thị Duyên tự nguyện nộp theo biên lai thu tiền số 0042",
        "Bị cáo Mạc Thị Duyên đã nộp số tiền 5.000.000 đồng tại Chi cục Thi hành án dân sự, được tiếp tục tạm giữ",
        "Tiếp tục phong tỏa số tiền 5.000.000 đồng bị cáo Mạc Thị Duyên gửi tại Ngân hàng Thương mại cổ phần Phú Xuân",
    ],
)
def test_money_paid_in_and_held_belongs_to_the_payer(held):
    obs, assets, *_ = run(
        "1. Buộc bị cáo Đoàn Văn Khải bồi thường cho ông Tạ Văn Lực số tiền 60.000.000 đồng.\n"
        "2. Buộc bị cáo Mạc Thị Duyên bồi thường cho ông Tạ Văn Lực số tiền 20.000.000 đồng.\n"
        f"3. {held} để đảm bảo thi hành án.",
        CRIMINAL,
    )
    (money,) = assets
    # cash paid in is "other"; a sum deposited at a bank is a deposit
    assert money.kind == ("deposit" if "Ngân hàng" in held else "other") and money.owners == ["P2"]
    assert money.description.startswith("Số tiền 5.000.000 đồng")
    by_amount = {o.amount_vnd: o.secured_by for o in obs}
    assert by_amount[20_000_000] == [money.id] and by_amount[60_000_000] == []


def test_collateral_listed_after_gom_colon_with_a_counted_machine():
    obs, assets, *_ = run(
        "1. Buộc Công ty TNHH Vận tải Hòa Bình phải trả cho Ngân hàng Thương mại cổ phần Phú Xuân số tiền "
        "700.000.000 đồng.\n"
        "2. Trường hợp Công ty TNHH Vận tải Hòa Bình không trả nợ, Ngân hàng Thương mại cổ phần Phú Xuân được quyền "
        "yêu cầu cơ quan thi hành án dân sự có thẩm quyền phát mại các tài sản thế chấp gồm: quyền sử dụng đất thửa "
        "đất số 10, tờ bản đồ số 2 và xe ô tô biển kiểm soát 29C-111.22, 01 máy xúc nhãn hiệu Komatsu."
    )
    assert [a.kind for a in assets] == ["land_use_right", "vehicle", "machinery"]
    (debt,) = [o for o in obs if o.kind == "pay_money"]
    assert debt.secured_by == [a.id for a in assets]


def test_split_a_counted_object_after_a_comma():
    text = "xe ô tô biển kiểm soát 29C-111.22, 01 máy xúc nhãn hiệu Komatsu, 02 điện thoại di động"
    parts = [text[s:e] for s, e in A.split_assets(text)]
    assert parts == [
        "xe ô tô biển kiểm soát 29C-111.22",
        "01 máy xúc nhãn hiệu Komatsu",
        "02 điện thoại di động",
    ]


def test_held_assets_listed_on_the_lines_after_the_hold():
    obs, assets, *_ = run(
        "1. Buộc bị cáo Đoàn Văn Khải bồi thường cho ông Tạ Văn Lực số tiền 60.000.000 đồng.\n"
        "2. Tiếp tục tạm giữ các tài sản sau của bị cáo Đoàn Văn Khải để đảm bảo thi hành án:\n"
        "- 01 xe ô tô biển kiểm soát 36A-555.12;\n"
        "- 01 điện thoại di động nhãn hiệu Samsung.",
        CRIMINAL,
    )
    assert [a.kind for a in assets] == ["vehicle", "other"]
    assert all(a.owners == ["P1"] for a in assets)
    (debt,) = [o for o in obs if o.kind == "pay_money"]
    assert debt.secured_by == [a.id for a in assets]


def test_hold_naming_compensation_and_court_fees_secures_both():
    obs, assets, *_ = run(
        "1. Buộc bị cáo Đoàn Văn Khải bồi thường cho ông Tạ Văn Lực số tiền 60.000.000 đồng.\n"
        "2. Bị cáo Đoàn Văn Khải phải chịu 200.000 đồng án phí hình sự sơ thẩm và 3.000.000 đồng án phí dân sự sơ "
        "thẩm. Bị cáo Mạc Thị Duyên phải chịu 200.000 đồng án phí hình sự sơ thẩm.\n"
        "3. Tiếp tục tạm giữ 01 xe ô tô biển kiểm soát 36A-555.12 của bị cáo Đoàn Văn Khải để đảm bảo thi hành án "
        "bồi thường và án phí.",
        CRIMINAL,
    )
    (car,) = assets
    secured = sorted((o.kind, o.amount_vnd) for o in obs if car.id in o.secured_by)
    assert secured == [("court_fee", 200_000), ("court_fee", 3_000_000), ("pay_money", 60_000_000)]


def test_hold_for_one_named_accused():
    obs, assets, *_ = run(
        "1. Buộc bị cáo Đoàn Văn Khải bồi thường cho ông Tạ Văn Lực số tiền 60.000.000 đồng.\n"
        "2. Buộc bị cáo Mạc Thị Duyên bồi thường cho ông Tạ Văn Lực số tiền 20.000.000 đồng.\n"
        "3. Tiếp tục kê biên xe mô tô biển số 29X1-234.56 để đảm bảo thi hành án đối với bị cáo Mạc Thị Duyên.",
        CRIMINAL,
    )
    by_amount = {o.amount_vnd: o.secured_by for o in obs}
    assert by_amount[20_000_000] == [assets[0].id] and by_amount[60_000_000] == []


_PER_CONTRACT_DEBTS = (
    "1. Buộc Công ty TNHH Vận tải Hòa Bình phải trả cho Ngân hàng Thương mại cổ phần Phú Xuân các khoản nợ sau:\n"
    "1.1. Theo Hợp đồng tín dụng số 01/2020/HĐTD: số tiền 1.000.000.000 đồng.\n"
    "1.2. Theo Hợp đồng tín dụng số 02/2021/HĐTD: số tiền 500.000.000 đồng.\n"
    "2. Trường hợp Công ty TNHH Vận tải Hòa Bình không trả được nợ thì Ngân hàng Thương mại cổ phần Phú Xuân có "
    "quyền yêu cầu cơ quan thi hành án dân sự xử lý tài sản bảo đảm là quyền sử dụng đất thửa đất số 10, tờ bản đồ "
    "số 2 theo Hợp đồng thế chấp số 01/2020/HĐTC "
)


@pytest.mark.parametrize(
    "purposes",
    [
        "để thu hồi khoản nợ tại mục 1.1 và xe ô tô biển kiểm soát 29C-111.22 theo Hợp đồng thế chấp số "
        "02/2021/HĐTC để thu hồi khoản nợ tại mục 1.2.",
        "để thu hồi nợ theo Hợp đồng tín dụng số 01/2020/HĐTD; xe ô tô biển kiểm soát 29C-111.22 để thu hồi nợ "
        "theo Hợp đồng tín dụng số 02/2021/HĐTD.",
    ],
)
def test_each_collateral_secures_the_debt_its_own_purpose_names(purposes):
    obs, assets, *_ = run(_PER_CONTRACT_DEBTS + purposes)
    land, car = assets
    assert land.kind == "land_use_right" and car.plate == "29C-111.22"
    by_amount = {o.amount_vnd: o.secured_by for o in obs if o.kind == "pay_money"}
    assert by_amount == {1_000_000_000: [land.id], 500_000_000: [car.id]}


@pytest.mark.parametrize(
    ("text", "parts"),
    [
        (
            "01 con dao dài 25cm, 02 vỏ chai thủy tinh, 01 túi nilon màu đen",
            ["01 con dao dài 25cm", "02 vỏ chai thủy tinh", "01 túi nilon màu đen"],
        ),
        ("3 con dao, 2 cái kéo", ["3 con dao", "2 cái kéo"]),
        ("01 bộ bài tú lơ khơ và 01 chiếc chiếu", ["01 bộ bài tú lơ khơ", "01 chiếc chiếu"]),
        # a count describing the object before it is no new object
        ("01 xe ô tô con, 05 chỗ ngồi, biển kiểm soát 30A-123.45", None),
        ("nhà ở, 03 tầng, diện tích 86,5 m²", None),
    ],
)
def test_each_listed_exhibit_is_one_asset(text, parts):
    got = [text[s:e] for s, e in A.split_assets(text)]
    assert got == (parts or [text])


@pytest.mark.parametrize(
    ("lead", "owners", "contract"),
    [
        ("tài sản thế chấp theo Hợp đồng thế chấp số 01/2019/HĐTC, gồm:", [], "01/2019/HĐTC"),
        ("tài sản bảo đảm của bên thứ ba là bà Trần Thị Bình gồm", ["P4"], None),
    ],
)
def test_request_lead_then_the_assets_it_lists(lead, owners, contract):
    obs, assets, *_ = run(
        "1. Buộc ông Nguyễn Văn An phải trả cho Ngân hàng Thương mại cổ phần Phú Xuân số tiền 700.000.000 đồng.\n"
        "2. Trường hợp ông Nguyễn Văn An không trả nợ thì Ngân hàng Thương mại cổ phần Phú Xuân có quyền yêu cầu cơ "
        f"quan thi hành án dân sự kê biên, phát mại {lead} quyền sử dụng đất thửa đất số 10, tờ bản đồ số 2 và xe ô "
        "tô biển kiểm soát 29C-111.22 để thu hồi nợ."
    )
    assert [a.kind for a in assets] == ["land_use_right", "vehicle"]
    assert all(a.owners == owners and a.security_contract == contract for a in assets)
    (debt,) = [o for o in obs if o.kind == "pay_money"]
    assert debt.secured_by == [a.id for a in assets]


def test_allocations_by_chia_cho_and_a_run_of_rights():
    obs, assets, *_ = run(
        "1. Chia cho bà Trần Thị Bình được quyền sở hữu xe ô tô biển kiểm soát 30A-123.45; chia cho ông Nguyễn Văn "
        "An được quyền sử dụng quyền sử dụng đất thửa đất số 10, tờ bản đồ số 2.\n"
        "2. Giao cho ông Nguyễn Văn An quản lý, sử dụng và sở hữu căn hộ số 1203 theo Giấy chứng nhận số CH 00777."
    )
    got = sorted((a.kind, tuple(a.owners)) for a in assets)
    assert got == [("apartment", ("P3",)), ("land_use_right", ("P3",)), ("vehicle", ("P4",))]
    assert obs == []


def test_payment_in_the_sentence_of_an_allocation():
    obs, assets, *_ = run(
        "1. Bà Trần Thị Bình được nhận hiện vật là quyền sử dụng đất thửa đất số 20, tờ bản đồ số 3 và có nghĩa vụ "
        "thanh toán cho ông Nguyễn Văn An 150.000.000 đồng."
    )
    (land,) = assets
    assert land.owners == ["P4"] and land.plot_number == "20"
    (pay,) = obs
    assert (pay.kind, pay.obligors, pay.obligees, pay.amount_vnd) == (
        "pay_money",
        ["P4"],
        ["P3"],
        150_000_000,
    )


def test_hold_whose_purpose_is_followed_by_a_later_return():
    obs, assets, *_ = run(
        "1. Buộc bị cáo Đoàn Văn Khải bồi thường cho ông Tạ Văn Lực số tiền 60.000.000 đồng.\n"
        "2. Tiếp tục tạm giữ 01 xe mô tô biển số 29X1-234.56 của bị cáo Đoàn Văn Khải để đảm bảo thi hành án; sau "
        "khi bị cáo thi hành xong khoản bồi thường thì trả lại xe cho bị cáo.",
        CRIMINAL,
    )
    (bike,) = assets
    (debt,) = [o for o in obs if o.kind == "pay_money"]
    assert debt.secured_by == [bike.id]


@pytest.mark.parametrize(
    "clause",
    [
        "Trường hợp ông Nguyễn Văn An không trả nợ thì tài sản thế chấp là quyền sử dụng đất thửa đất số 10, tờ bản "
        "đồ số 2 sẽ bị xử lý theo quy định của pháp luật để thu hồi nợ cho Ngân hàng Thương mại cổ phần Phú Xuân.",
        "Nếu ông Nguyễn Văn An không trả được nợ thì Ngân hàng Thương mại cổ phần Phú Xuân được quyền xử lý tài sản "
        "thế chấp là quyền sử dụng đất thửa đất số 10, tờ bản đồ số 2 để thu hồi nợ.",
        "Trường hợp ông Nguyễn Văn An không trả nợ, Ngân hàng Thương mại cổ phần Phú Xuân có quyền phát mại tài sản "
        "thế chấp là quyền sử dụng đất thửa đất số 10, tờ bản đồ số 2 để thu hồi nợ.",
    ],
)
def test_collateral_sold_by_the_creditor_or_in_the_passive(clause):
    obs, assets, *_ = run(
        "1. Buộc ông Nguyễn Văn An phải trả cho Ngân hàng Thương mại cổ phần Phú Xuân số tiền 700.000.000 đồng.\n"
        "2. Buộc ông Nguyễn Văn An phải trả cho bà Trần Thị Bình số tiền 50.000.000 đồng.\n"
        f"3. {clause}"
    )
    (land,) = assets
    assert land.plot_number == "10"
    by_amount = {o.amount_vnd: o.secured_by for o in obs}
    assert by_amount == {700_000_000: [land.id], 50_000_000: []}


def test_one_asset_per_plot_sharing_the_map_sheet_written_once():
    obs, assets, *_ = run(
        "1. Buộc ông Nguyễn Văn An phải trả cho Ngân hàng Thương mại cổ phần Phú Xuân số tiền 700.000.000 đồng.\n"
        "2. Trường hợp ông Nguyễn Văn An không trả nợ thì Ngân hàng Thương mại cổ phần Phú Xuân có quyền yêu cầu cơ "
        "quan thi hành án dân sự xử lý tài sản thế chấp là quyền sử dụng đất thửa đất số 10 và thửa đất số 11, tờ bản "
        "đồ số 2 theo Hợp đồng thế chấp số 05/2020/HĐTC để thu hồi nợ."
    )
    assert [(a.plot_number, a.map_sheet, a.security_contract) for a in assets] == [
        ("10", "2", "05/2020/HĐTC"),
        ("11", "2", "05/2020/HĐTC"),
    ]
    (debt,) = obs
    assert debt.secured_by == [a.id for a in assets]


def test_money_held_from_an_accused_who_owes_only_a_fine_secures_the_fine():
    obs, assets, *_ = run(
        "1. Phạt bị cáo Đoàn Văn Khải 20.000.000 đồng sung ngân sách nhà nước.\n"
        "2. Buộc bị cáo Mạc Thị Duyên bồi thường cho ông Tạ Văn Lực số tiền 8.000.000 đồng.\n"
        "3. Bị cáo Đoàn Văn Khải phải chịu 200.000 đồng án phí hình sự sơ thẩm.\n"
        "4. Tiếp tục tạm giữ số tiền 5.000.000 đồng của bị cáo Đoàn Văn Khải để đảm bảo thi hành án.",
        CRIMINAL,
    )
    (held,) = assets
    assert [(o.kind, o.amount_vnd) for o in obs if held.id in o.secured_by] == [("fine", 20_000_000)]


def test_exhibit_seized_on_an_accused_belongs_to_that_accused():
    obs, assets, *_ = run(
        "1. Tịch thu tiêu hủy 01 con dao thu giữ trong người bị cáo Mạc Thị Duyên.", CRIMINAL
    )
    (knife,) = assets
    assert knife.owners == ["P2"]
    (conf,) = obs
    assert conf.obligors == ["P2"] and conf.assets_confiscated == [knife.id]
