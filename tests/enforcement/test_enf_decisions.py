"""Whole synthetic decisions (enf_synthetic.py) through `docproc.extract.extract`: parties and
their roles, items with their payer and payee, the enforcement type of each item, assets."""

from __future__ import annotations

from types import ModuleType

from docproc.document import Document
from docproc.extract import extract
from docproc.validation import validate_extraction


def _run(samples: ModuleType, name: str) -> dict:
    ex = extract(Document.from_text(getattr(samples, name), source=f"{name}.txt"))
    data = ex.to_json_dict()
    assert validate_extraction(data) == []
    return data


def _names(data: dict, ids: list[str]) -> set[str]:
    by_id = {p["id"]: p["name"] for p in data["parties"]}
    return {by_id.get(i, i) for i in ids}


def _roles(data: dict) -> dict[str, str]:
    return {p["name"]: p["role"] for p in data["parties"]}


def test_not_enforceable(samples: ModuleType) -> None:
    d = _run(samples, "NOT_ENFORCEABLE")
    e = d["enforcement"]
    assert d["document"]["kind"] == "enforcement_decision" and all(v is None for v in d["case"].values())
    assert e["decision_type"] == "not_enforceable"
    assert e["judgment"]["number"] == "77/2024/DS-PT"  # the appeal, not the first instance
    assert [o["number"] for o in e["other_judgments"]] == ["31/2023/DS-ST"]
    assert e["prior_decision"]["number"] == "880/QĐ-CCTHADS"
    assert (e["signer"], e["signer_title"], e["executor"]) == (
        "Đoàn Minh Khôi",
        "Phó Trưởng",
        "Võ Thị Hồng Nhung",
    )
    assert _roles(d) == {"Trịnh Văn Quân": "obligor", "Mai Thị Yến": "obligee"}
    (ob,) = d["obligations"]
    assert (ob["kind"], ob["amount_vnd"], ob["enforcement"]) == ("pay_money", 150_000_000, "on_request")
    assert _names(d, ob["obligors"]) == {"Trịnh Văn Quân"} and _names(d, ob["obligees"]) == {"Mai Thị Yến"}


def test_entrust_names_the_obligor_only_before_the_item(samples: ModuleType) -> None:
    d = _run(samples, "ENTRUST")
    e = d["enforcement"]
    assert e["decision_type"] == "entrust"
    assert e["receiving_agency"] == "Chi cục Thi hành án dân sự huyện Đức Trọng, tỉnh Lâm Đồng"
    assert _roles(d) == {"Lò Văn Tiến": "obligor", "Đặng Thị Xuân": "obligee"}
    (ob,) = d["obligations"]
    assert ob["amount_vnd"] == 240_000_000 and _names(d, ob["obligors"]) == {"Lò Văn Tiến"}


def test_amendment_states_the_item_as_amended(samples: ModuleType) -> None:
    d = _run(samples, "REVOKE")
    e = d["enforcement"]
    assert e["decision_type"] == "revoke_or_amend" and e["prior_decision"]["number"] == "41/QĐ-CCTHADS"
    assert e["signer_title"] == "Phó Chi cục trưởng" and e["legal_basis_decree"] is None
    (ob,) = d["obligations"]
    assert (ob["kind"], ob["obligees"], ob["amount_vnd"], ob["enforcement"]) == (
        "court_fee",
        ["STATE"],
        18_400_000,
        "ex_officio",
    )


def test_ex_officio_items_without_a_payer_are_the_obligors(samples: ModuleType) -> None:
    d = _run(samples, "EXECUTE_2026")
    e = d["enforcement"]
    assert (e["legal_basis_law"], e["legal_basis_decree"], e["deadline_days"]) == (
        "106/2025/QH15",
        "152/2026/NĐ-CP",
        10,
    )
    assert e["judgment"]["court"] == "Tòa án nhân dân khu vực 3 - Lâm Đồng"
    assert "prior_decision" not in e
    kinds = [(o["kind"], o["amount_vnd"], o["enforcement"]) for o in d["obligations"]]
    assert kinds == [
        ("court_fee", 200_000, "ex_officio"),
        ("court_fee", 1_500_000, "ex_officio"),
        ("fine", 10_000_000, "ex_officio"),
    ]
    assert all(
        _names(d, o["obligors"]) == {"Hầu A Sử"} and o["obligees"] == ["STATE"] for o in d["obligations"]
    )


def test_suspension(samples: ModuleType) -> None:
    d = _run(samples, "SUSPEND")
    assert d["enforcement"]["decision_type"] == "suspend"
    (ob,) = d["obligations"]
    assert _names(d, ob["obligors"]) == {"Tôn Nữ Minh Châu"} and _names(d, ob["obligees"]) == {"Lê Khắc Vĩnh"}


def test_on_request_decision_type_wins_over_item_kind() -> None:
    """An execute decision's items take the decision's own type, even a fee in a theo yêu cầu one."""
    text = (
        "CHI CỤC THI HÀNH ÁN DÂN SỰ HUYỆN TRIỆU SƠN      CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
        "Số: 9/QĐ-CCTHADS                                Triệu Sơn, ngày 06 tháng 6 năm 2017\n"
        "QUYẾT ĐỊNH\nVề việc thi hành án theo yêu cầu\n"
        "Căn cứ Luật Thi hành án dân sự năm 2008;\n"
        "Căn cứ Bản án số 02/2017/DS-ST ngày 10/3/2017 của Tòa án nhân dân huyện Triệu Sơn, tỉnh Thanh Hóa;\n"
        "Xét đơn yêu cầu thi hành án ngày 01/6/2017 của bà Lê Thị Hoa,\nQUYẾT ĐỊNH:\n"
        "Điều 1. Cho thi hành án đối với: ông Vi Văn Nam; địa chỉ: thôn 1, xã Dân Lực, huyện Triệu Sơn.\n"
        "Các khoản phải thi hành:\n- Trả cho bà Lê Thị Hoa số tiền 35.000.000 đồng;\n"
        "- Nộp 1.750.000 đồng án phí dân sự sơ thẩm.\n"
        "Người được thi hành án: bà Lê Thị Hoa; địa chỉ: thôn 2, xã Dân Lực, huyện Triệu Sơn.\n"
        "Điều 2. Người phải thi hành án có thời hạn 10 ngày để tự nguyện thi hành án.\n"
        "Nơi nhận:                      CHI CỤC TRƯỞNG\n                               Lê Văn Ba\n"
    )
    d = extract(Document.from_text(text, source="x.txt")).to_json_dict()
    assert d["enforcement"]["request_date"] == "2017-06-01"
    got = [
        (o["kind"], o["obligees"] == ["STATE"], o["amount_vnd"], o["enforcement"]) for o in d["obligations"]
    ]
    assert got == [
        ("pay_money", False, 35_000_000, "on_request"),
        ("court_fee", True, 1_750_000, "on_request"),
    ]


def test_coercion_debits_an_account_owned_by_the_obligor() -> None:
    text = (
        "THI HÀNH ÁN DÂN SỰ TỈNH NINH BÌNH             CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
        "Số: 77/QĐ-THADS                                 Ninh Bình, ngày 15 tháng 9 năm 2025\n"
        "QUYẾT ĐỊNH\nVề việc cưỡng chế khấu trừ tiền trong tài khoản\n"
        "CHẤP HÀNH VIÊN THI HÀNH ÁN DÂN SỰ TỈNH NINH BÌNH\n"
        "Căn cứ Điều 71, Điều 76 Luật Thi hành án dân sự năm 2008;\n"
        "Căn cứ Bản án số 14/2024/DS-PT ngày 02/4/2024 của Tòa án nhân dân tỉnh Ninh Bình;\n"
        "Căn cứ Quyết định thi hành án số 310/QĐ-CCTHADS ngày 20/5/2024 của Chi cục trưởng Chi cục Thi hành án dân sự "
        "thành phố Tam Điệp;\nQUYẾT ĐỊNH:\n"
        "Điều 1. Khấu trừ số tiền 52.000.000 đồng trong tài khoản số 4711002233 mang tên Quách Văn Định mở tại "
        "Ngân hàng Thương mại cổ phần Sông Vân - Chi nhánh Ninh Bình để thi hành án.\n"
        "Người phải thi hành án: ông Quách Văn Định; địa chỉ: phường Bắc Sơn, thành phố Tam Điệp.\n"
        "Nghĩa vụ thi hành án: ông Quách Văn Định phải trả cho bà Đinh Thị Thoa số tiền 52.000.000 đồng.\n"
        "Người được thi hành án: bà Đinh Thị Thoa; địa chỉ: xã Yên Sơn, thành phố Tam Điệp.\n"
        "Điều 2. Ngân hàng thực hiện việc khấu trừ ngay khi nhận được Quyết định này.\n"
        "Nơi nhận:                      CHẤP HÀNH VIÊN\n                               Trương Thị Lan\n"
    )
    d = extract(Document.from_text(text, source="x.txt")).to_json_dict()
    e = d["enforcement"]
    assert (e["decision_type"], e["signer_title"], e["executor"]) == (
        "coercion",
        "Chấp hành viên",
        "Trương Thị Lan",
    )
    assert e["prior_decision"]["agency"] == "Chi cục Thi hành án dân sự thành phố Tam Điệp"
    assert _roles(d) == {"Quách Văn Định": "obligor", "Đinh Thị Thoa": "obligee"}  # the bank is no party
    (asset,) = d["assets"]
    assert asset["kind"] == "deposit" and _names(d, asset["owners"]) == {"Quách Văn Định"}
    (ob,) = d["obligations"]
    assert (
        ob["amount_vnd"] == 52_000_000
        and ob["secured_by"] == [asset["id"]]
        and ob["enforcement"] == "on_request"
    )


def test_owner_of_the_security_is_a_related_party_unless_named_obligor_in_scope() -> None:
    base = (
        "CHI CỤC THI HÀNH ÁN DÂN SỰ QUẬN HẢI AN        CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
        "Số: 50/QĐ-CCTHADS                                Hải An, ngày 06 tháng 6 năm 2022\n"
        "QUYẾT ĐỊNH\nVề việc cưỡng chế kê biên tài sản\n"
        "Căn cứ Bản án số 12/2021/KDTM-ST ngày 10/3/2021 của Tòa án nhân dân quận Hải An, thành phố Hải Phòng;\n"
        "QUYẾT ĐỊNH:\n"
        "Điều 1. Kê biên quyền sử dụng đất tại thửa đất số 77, tờ bản đồ số 5 theo Giấy chứng nhận số CE 100200 "
        "mang tên ông Phí Văn Long và bà Cù Thị Nga.\n"
        "Người phải thi hành án: Công ty TNHH Vận tải Biển Đông Hải; địa chỉ: số 3 đường Lê Hồng Phong.\n"
        "{owner_line}"
        "Để bảo đảm thi hành khoản: Công ty TNHH Vận tải Biển Đông Hải phải trả cho Ngân hàng Thương mại cổ phần "
        "Bến Bính số tiền 900.000.000 đồng.\n"
        "Điều 2. Thời gian kê biên: 08 giờ ngày 20/6/2022.\n"
    )
    d = extract(Document.from_text(base.format(owner_line=""), source="x.txt")).to_json_dict()
    roles = _roles(d)
    assert roles["Phí Văn Long"] == roles["Cù Thị Nga"] == "related_party"
    assert roles["Ngân hàng Thương mại cổ phần Bến Bính"] == "obligee"
    line = (
        "Người có tài sản bảo đảm (người phải thi hành án trong phạm vi tài sản bảo đảm): ông Phí Văn Long "
        "và bà Cù Thị Nga; cùng địa chỉ: số 9 phố Văn Cao.\n"
    )
    d = extract(Document.from_text(base.format(owner_line=line), source="x.txt")).to_json_dict()
    roles = _roles(d)
    assert roles["Phí Văn Long"] == roles["Cù Thị Nga"] == "obligor"
    (ob,) = d["obligations"]
    assert _names(d, ob["obligors"]) == {
        "Công ty TNHH Vận tải Biển Đông Hải"
    }  # the owners answer only within the security
    assert len(ob["secured_by"]) == 1


def _ex_officio(items: str) -> dict:
    text = (
        "CHI CỤC THI HÀNH ÁN DÂN SỰ HUYỆN QUẾ SƠN       CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
        "Số: 31/QĐ-CCTHADS                                Quế Sơn, ngày 02 tháng 4 năm 2019\n"
        "QUYẾT ĐỊNH\nVề việc thi hành án chủ động\n"
        "Căn cứ Luật Thi hành án dân sự năm 2008;\n"
        "Căn cứ Bản án số 19/2019/HS-ST ngày 01/3/2019 của Tòa án nhân dân huyện Quế Sơn, tỉnh Quảng Nam;\n"
        "QUYẾT ĐỊNH:\n"
        "Điều 1. Cho thi hành án đối với: Phan Văn Tú, sinh năm 1990; nơi cư trú: thôn 5, xã Quế Xuân.\n"
        f"{items}\n"
        "Điều 2. Người phải thi hành án có thời hạn 10 ngày để tự nguyện thi hành án.\n"
    )
    return extract(Document.from_text(text, source="x.txt")).to_json_dict()


def test_fees_and_fines_stated_as_labels() -> None:
    """Form 2 of decision-forms.md states the items as "Án phí dân sự sơ thẩm: 300.000 đồng"."""
    d = _ex_officio(
        "Các khoản phải thi hành để nộp ngân sách nhà nước:\n- Tiền phạt: 5.000.000 đồng;\n"
        "- Án phí hình sự sơ thẩm: 200.000 đồng (Hai trăm nghìn đồng);\n- Án phí dân sự sơ thẩm là 650.000đ.\n"
        "Tổng cộng: 5.850.000 đồng."
    )
    got = [(o["kind"], o["amount_vnd"], o["obligees"]) for o in d["obligations"]]
    assert got == [
        ("fine", 5_000_000, ["STATE"]),
        ("court_fee", 200_000, ["STATE"]),
        ("court_fee", 650_000, ["STATE"]),
    ]
    assert all(_names(d, o["obligors"]) == {"Phan Văn Tú"} for o in d["obligations"])


def test_assets_listed_under_an_entrust_lead() -> None:
    text = (
        "CHI CỤC THI HÀNH ÁN DÂN SỰ HUYỆN CẦN GIỜ       CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
        "Số: 64/QĐ-CCTHADS                                Cần Giờ, ngày 09 tháng 9 năm 2022\n"
        "QUYẾT ĐỊNH\nVề việc ủy thác xử lý tài sản\n"
        "Căn cứ Luật Thi hành án dân sự năm 2008;\n"
        "Căn cứ Bản án số 30/2021/KDTM-ST ngày 01/11/2021 của Tòa án nhân dân huyện Cần Giờ;\nQUYẾT ĐỊNH:\n"
        "Điều 1. Ủy thác cho Chi cục Thi hành án dân sự huyện Nhà Bè xử lý tài sản sau đây:\n"
        "Quyền sử dụng đất tại thửa đất số 310, tờ bản đồ số 4, xã Phước Kiển, huyện Nhà Bè theo Giấy chứng nhận "
        "số DA 445566 cấp ngày 02/01/2015 cho bà Văng Thị Tư, theo Hợp đồng thế chấp số 08/2020/HĐTC.\n"
        "Để bảo đảm thi hành khoản: Công ty TNHH Hải Sản Rạng Đông phải trả cho Ngân hàng Thương mại cổ phần "
        "Duyên Hải số tiền 2.400.000.000 đồng.\n"
        "Người phải thi hành án: Công ty TNHH Hải Sản Rạng Đông; địa chỉ: xã Long Hòa, huyện Cần Giờ.\n"
        "Điều 2. Chi cục Thi hành án dân sự huyện Nhà Bè tổ chức xử lý tài sản ủy thác.\n"
    )
    d = extract(Document.from_text(text, source="x.txt")).to_json_dict()
    assert d["enforcement"]["receiving_agency"] == "Chi cục Thi hành án dân sự huyện Nhà Bè"
    assert _roles(d)["Văng Thị Tư"] == "related_party"
    (asset,) = d["assets"]
    assert (asset["kind"], asset["certificate"]) == ("land_use_right", "DA 445566")
    (ob,) = d["obligations"]
    assert ob["secured_by"] == [asset["id"]] and ob["amount_vnd"] == 2_400_000_000
