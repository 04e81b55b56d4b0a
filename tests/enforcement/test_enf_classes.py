"""The classes of errors the generated decisions (synthetic.py) found, one short case each (invented
names and numbers): the voluntary period in words, a coercion measure and its purpose in one
sentence, table rows of fees and confiscations, the current address over the judgment's, a
company's mã số doanh nghiệp, names that run into what follows them, a court's name before what it
did, and OCR slips in a decision's code, amounts and agency names."""

from __future__ import annotations

import pytest

from docproc.document import Document
from docproc.extract import extract
from docproc.extract.enforcement import basis as B
from docproc.extract.enforcement.header import fix_symbol, vote_places
from docproc.text import correct_ocr_text

HEAD = (
    "CỤC THI HÀNH ÁN DÂN SỰ TỈNH NINH BÌNH          CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
    "CHI CỤC THI HÀNH ÁN DÂN SỰ                      Độc lập - Tự do - Hạnh phúc\n"
    "HUYỆN KIM SƠN\n\n"
    "Số: 311/QĐ-CCTHADS                          Kim Sơn, ngày 12 tháng 5 năm 2024\n\n"
    "                         QUYẾT ĐỊNH\n"
    "                    {subject}\n\n"
    "        CHI CỤC TRƯỞNG CHI CỤC THI HÀNH ÁN DÂN SỰ HUYỆN KIM SƠN\n\n"
    "Căn cứ Điều 23, Điều 36 Luật Thi hành án dân sự năm 2008 (được sửa đổi, bổ sung năm 2014);\n"
    "Căn cứ Bản án dân sự sơ thẩm số 21/2023/DS-ST ngày 09/11/2023 của Tòa án nhân dân huyện Kim Sơn, tỉnh Ninh Bình;\n"
    "{extra}\n"
    "                         QUYẾT ĐỊNH:\n\n"
    "{body}\n"
    "Điều 3. Chấp hành viên Tạ Thị Ngân, người phải thi hành án chịu trách nhiệm thi hành Quyết định này./.\n\n"
    "Nơi nhận:                                   CHI CỤC TRƯỞNG\n- Như Điều 3;\n"
    "- Lưu: VT.                                  (Đã ký)\n                                            Mai Văn Cường\n"
)


def _run(subject: str, body: str, extra: str = "") -> dict:
    text = HEAD.format(subject=subject, body=body, extra=extra)
    return extract(Document.from_text(text, source="x.txt")).to_json_dict()


def _items(d: dict) -> set[tuple]:
    names = {p["id"]: p["name"] for p in d["parties"]}
    return {
        (
            o["kind"],
            tuple(names.get(i, i) for i in o["obligors"]),
            tuple(names.get(i, i) for i in o["obligees"]),
            o["amount_vnd"],
        )
        for o in d["obligations"]
    }


@pytest.mark.parametrize(
    ("words", "days"), [("mười ngày", 10), ("mười lăm ngày", 15), ("10 (mười) ngày", 10)]
)
def test_voluntary_period_in_words(words: str, days: int) -> None:
    body = (
        "Điều 1. Cho thi hành án đối với: ông Vi Văn Chiến.\n"
        f"Điều 2. Người phải thi hành án có thời hạn {words}, kể từ ngày nhận được Quyết định này để tự nguyện thi hành án."
    )
    text = HEAD.format(subject="Về việc thi hành án theo yêu cầu", body=body, extra="")
    assert B.deadline_days(B.split_body(text)).value == days


def test_coercion_measure_and_its_purpose_in_one_sentence() -> None:
    d = _run(
        "Về việc cưỡng chế khấu trừ tiền trong tài khoản",
        "Điều 1. Cưỡng chế thi hành án đối với: ông Vi Văn Chiến.\n"
        "Người phải thi hành án: ông Vi Văn Chiến, sinh năm 1980; địa chỉ: xóm 2, xã Kim Chính, huyện Kim Sơn, tỉnh Ninh Bình.\n"
        "Biện pháp cưỡng chế: Khấu trừ số tiền 64.000.000 đồng trong tài khoản số 1234567890123 của ông Vi Văn Chiến "
        "tại Ngân hàng Thương mại cổ phần Á Đông, để bảo đảm thi hành khoản: trả cho bà Lò Thị Dung số tiền 64.000.000 đồng.\n"
        "Người được thi hành án: bà Lò Thị Dung; địa chỉ: xóm 5, xã Kim Chính, huyện Kim Sơn, tỉnh Ninh Bình.",
    )
    assert _items(d) == {("pay_money", ("Vi Văn Chiến",), ("Lò Thị Dung",), 64_000_000)}
    assert [(a["kind"], a["owners"]) for a in d["assets"]] == [("deposit", ["P1"])]


def test_table_rows_of_fees_and_a_confiscation() -> None:
    d = _run(
        "Về việc thi hành án chủ động",
        "Điều 1. Cho thi hành án đối với: anh Hà Văn Lực.\n"
        "Người phải thi hành án: anh Hà Văn Lực, sinh năm 1995; địa chỉ: xóm 1, xã Kim Mỹ, huyện Kim Sơn, tỉnh Ninh Bình.\n"
        "Các khoản phải thi hành:\n"
        "STT   Khoản phải thi hành                Số tiền\n"
        "1     Án phí hình sự sơ thẩm             200.000 đồng\n"
        "2     Tịch thu sung ngân sách Nhà nước   4.500.000 đồng",
    )
    assert _items(d) == {
        ("court_fee", ("Hà Văn Lực",), ("STATE",), 200_000),
        ("confiscation", ("Hà Văn Lực",), ("STATE",), 4_500_000),
    }


def test_current_address_company_id_and_payee_name() -> None:
    d = _run(
        "Về việc thi hành án theo yêu cầu",
        "Điều 1. Cho thi hành án đối với: bà Đinh Thị Hảo.\n"
        "Người phải thi hành án: bà Đinh Thị Hảo; sinh năm 1984; địa chỉ theo bản án: xóm 9, xã Kim Tân, huyện Kim Sơn; "
        "địa chỉ hiện nay: số 4 phố Vân Giang, phường Vân Giang, thành phố Ninh Bình, tỉnh Ninh Bình.\n"
        "Khoản phải thi hành:\n"
        "- Trả cho Công ty cổ phần Vật tư Hoa Lư chi phí thẩm định giá 3.000.000 đồng.\n"
        "Người được thi hành án: Công ty cổ phần Vật tư Hoa Lư; mã số doanh nghiệp 2700123456; địa chỉ trụ sở: số 8 "
        "đường Trần Hưng Đạo, thành phố Ninh Bình, tỉnh Ninh Bình.",
        extra="Xét đơn yêu cầu thi hành án ngày 02/5/2024 của Công ty cổ phần Vật tư Hoa Lư,",
    )
    by = {p["name"]: p for p in d["parties"]}
    assert set(by) == {"Đinh Thị Hảo", "Công ty cổ phần Vật tư Hoa Lư"}
    assert by["Đinh Thị Hảo"]["address"].startswith("số 4 phố Vân Giang")
    assert by["Công ty cổ phần Vật tư Hoa Lư"]["id_number"] == "2700123456"
    assert _items(d) == {("pay_money", ("Đinh Thị Hảo",), ("Công ty cổ phần Vật tư Hoa Lư",), 3_000_000)}


def test_court_name_stops_before_what_the_court_did() -> None:
    text = HEAD.format(
        subject="Về việc đình chỉ thi hành án",
        body="Điều 1. Đình chỉ thi hành án đối với khoản: ông Vi Văn Chiến phải trả cho bà Lò Thị Dung số tiền 9.000.000 đồng.",
        extra="Căn cứ Quyết định giám đốc thẩm số 14/2024/DS-GĐT ngày 02/4/2024 của Tòa án nhân dân cấp cao tại Hà Nội "
        "hủy bản án nêu trên;",
    )
    judgment, _others = B.choose_judgment(B.court_refs(B.split_body(text)))
    assert (judgment.number, judgment.issuer) == ("14/2024/DS-GĐT", "Tòa án nhân dân cấp cao tại Hà Nội")


@pytest.mark.parametrize(
    ("ocr", "fixed"),
    [("685/aĐ-CTHADS", "685/QĐ-CTHADS"), ("12/QD-THADS", "12/QĐ-THADS"), ("3/2024/DS-ST", "3/2024/DS-ST")],
)
def test_decision_code_read_by_ocr(ocr: str, fixed: str) -> None:
    assert fix_symbol(ocr) == fixed


def test_agency_words_and_provinces_as_published() -> None:
    assert vote_places("Tống cục Thi hành án dân sự", "") == "Tổng cục Thi hành án dân sự"
    assert vote_places("Cục THADS tỉnh Hái Dương", "") == "Cục THADS tỉnh Hải Dương"
    assert vote_places("Cục Quản lý thi hành án dân sự", "") == "Cục Quản lý thi hành án dân sự"


def test_letters_read_for_digits_in_an_amount() -> None:
    assert correct_ocr_text("số tiền 7.B00.000đ") == "số tiền 7.800.000đ"


def test_ocr_lost_unit_and_misread_marks_after_a_payee() -> None:
    d = _run(
        "Về việc thi hành án theo yêu cầu",
        "Điều 1. Cho thi hành án đối với: bà Đinh Thị Hảo.\n"
        "Người phải thi hành án: bà Đinh Thị Hảo; sinh năm 1984; địa chỉ: xóm 9, xã Kim Tân, huyện Kim Sơn, tỉnh Ninh Bình.\n"
        "Nội dung phải thi hành:\n"
        "a) Trả cho Ngân hàng Nông nghiệp và Phát triển Nông thôn Việt Nam số tiền 1.250.000.000.\n"
        "b) Trả cho Ngân hàng Nông nghiệp và Phát triển Nông thôn Việt Nam chỉ phí thấm định 2 triệu đồng.\n"
        "Người được thi hành án: Ngân hàng Nông nghiệp và Phát triển Nông thôn Việt Nam; địa chỉ trụ sở: số 2 Láng Hạ, "
        "quận Ba Đình, thành phố Hà Nội.",
    )
    bank = "Ngân hàng Nông nghiệp và Phát triển Nông thôn Việt Nam"
    assert [p["name"] for p in d["parties"] if p["role"] == "obligee"] == [bank]
    assert _items(d) == {
        ("pay_money", ("Đinh Thị Hảo",), (bank,), 1_250_000_000),
        ("pay_money", ("Đinh Thị Hảo",), (bank,), 2_000_000),
    }


def test_signer_title_joined_into_the_recipients_line() -> None:
    from docproc.extract.enforcement.header import read_signature

    signer, title = read_signature(
        "Điều 3. Chấp hành viên Tạ Thị Ngân chịu trách nhiệm thi hành Quyết định này./.\n\n"
        "Nơi nhận: CHẤP HÀNH VIÊN - Như Điều 3;\n- Lưu: VT, HSTHA. (Đã ký)\nTạ Thị Ngân\n"
    )
    assert (signer.value, title.value) == ("Tạ Thị Ngân", "Chấp hành viên")


@pytest.mark.parametrize(
    "cite",
    [
        "Luật Thi hành án dân sự ngày 14 tháng 11 năm 2008, được sửa đổi, bổ sung năm 2014, năm 2022",
        "Luật Thi hành án dân sự (sửa đổi, bổ sung năm 2014)",
    ],
)
def test_the_2008_law_by_its_date_or_as_amended(cite: str) -> None:
    text = HEAD.replace("Luật Thi hành án dân sự năm 2008 (được sửa đổi, bổ sung năm 2014)", cite).format(
        subject="Về việc thi hành án theo yêu cầu",
        body="Điều 1. Cho thi hành án đối với: ông Vi Văn Chiến.",
        extra="",
    )
    law, _decree = B.legal_basis(B.split_body(text))
    assert law.value == "26/2008/QH12"


def test_delivery_on_request_is_the_obligors() -> None:
    d = _run(
        "Về việc thi hành án theo yêu cầu",
        "Điều 1. Cho thi hành án đối với: Công ty TNHH Cơ khí Tam Điệp.\n"
        "Người phải thi hành án: Công ty TNHH Cơ khí Tam Điệp; địa chỉ trụ sở: số 3 đường Quang Trung, thành phố Tam "
        "Điệp, tỉnh Ninh Bình.\n"
        "Nội dung phải thi hành:\n"
        "+ Giao trả cho bà Lò Thị Dung 01 xe mô tô nhãn hiệu Honda Wave, biển số 35B1-123.45.\n"
        "Người được thi hành án: bà Lò Thị Dung; địa chỉ: xóm 5, xã Kim Chính, huyện Kim Sơn, tỉnh Ninh Bình.",
        extra="Xét đơn yêu cầu thi hành án ngày 02/5/2024 của bà Lò Thị Dung,",
    )
    assert _items(d) == {("deliver_asset", ("Công ty TNHH Cơ khí Tam Điệp",), ("Lò Thị Dung",), None)}
    assert [a["plate"] for a in d["assets"]] == ["35B1-123.45"]


def test_decision_number_after_an_ocr_speck() -> None:
    from docproc.extract.enforcement.header import read_header

    text = HEAD.format(subject="Về việc hoãn thi hành án", body="Điều 1. Hoãn thi hành án.", extra="")
    assert read_header(text.replace("Số: 311", "'Số: 311")).number.value == "311/QĐ-CCTHADS"
