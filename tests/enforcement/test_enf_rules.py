"""Each rule of the enforcement reader on short synthetic sentences (invented names and numbers)."""

from __future__ import annotations

import pytest

from docproc.extract.enforcement import basis as B
from docproc.extract.enforcement.header import agency_case, read_header, read_signature, vote_places


def _decision(subject: str, bases: str, article1: str, closing: str = "") -> str:
    return (
        "CỤC THI HÀNH ÁN DÂN SỰ TỈNH TUYÊN QUANG      CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
        "CHI CỤC THI HÀNH ÁN DÂN SỰ                  Độc lập - Tự do - Hạnh phúc\n"
        "HUYỆN YÊN SƠN\n\n"
        "Số:   17  /QĐ-CCTHADS                       Yên Sơn, ngày 04 tháng 12 năm 2018\n\n"
        "                         QUYẾT ĐỊNH\n"
        f"                    {subject}\n\n"
        "        CHI CỤC TRƯỞNG CHI CỤC THI HÀNH ÁN DÂN SỰ HUYỆN YÊN SƠN\n\n"
        f"{bases}\n\n                         QUYẾT ĐỊNH:\n\n{article1}\n"
        "Điều 3. Chấp hành viên Nông Thị Huyền, người phải thi hành án chịu trách nhiệm thi hành Quyết định này./.\n\n"
        + (
            closing
            or "Nơi nhận:                                   CHI CỤC TRƯỞNG\n- Như Điều 3;\n"
            "- Lưu: VT.                                  (Đã ký)\n                                            Ma Văn Quý\n"
        )
    )


BASES = (
    "Căn cứ khoản 1 Điều 23, khoản 2 Điều 36 Luật Thi hành án dân sự năm 2008;\n"
    "Căn cứ Bản án dân sự sơ thẩm số 40/2018/DS-ST ngày 03/8/2018 của Tòa án nhân dân huyện Yên Sơn, tỉnh Tuyên Quang;"
)


def test_header_agency_parent_number_date() -> None:
    h = read_header(
        _decision("Về việc thi hành án chủ động", BASES, "Điều 1. Cho thi hành án đối với: ông Lục Văn Tòng.")
    )
    assert h.agency and h.agency.value == "Chi cục Thi hành án dân sự huyện Yên Sơn"
    assert h.parent_agency and h.parent_agency.value == "Cục Thi hành án dân sự tỉnh Tuyên Quang"
    assert h.number and h.number.value == "17/QĐ-CCTHADS"
    assert h.date and h.date.value == "2018-12-04"


def test_header_read_through_ocr_joined_columns_and_a_misread_digit() -> None:
    ocr = (
        "CỤC QUẢN LÝ THI HÀNH ÁN DÂN SỰ CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM THI HÀNH ÁN DÂN SỰ Độc lập - Tự do - Hạnh phúc\n"
        "TỈNH TUYÊN QUANG\nSố: 905/QĐ-THADS Tuyên Quang, ngày 1! tháng 9 năm 2025\nQUYẾT ĐỊNH\n"
    )
    h = read_header(ocr)
    assert h.agency and h.agency.value == "Thi hành án dân sự tỉnh Tuyên Quang"
    assert h.parent_agency and h.parent_agency.value == "Cục Quản lý thi hành án dân sự"
    assert h.date and h.date.value == "2025-09-11" and h.date.conf < 0.9


def test_agency_case_keeps_normal_case_text() -> None:
    assert agency_case("CHI CỤC THADS THÀNH PHỐ VĨNH YÊN") == "Chi cục THADS thành phố Vĩnh Yên"
    assert agency_case("Phòng Thi hành án dân sự khu vực 5") == "Phòng Thi hành án dân sự khu vực 5"


def test_place_names_voted_across_mentions() -> None:
    text = "huyện Yên Sơn ... Chi cục Thi hành án dân sự huyện Yên Sơn ... HUYỆN YÊN SƠN"
    assert vote_places("Tòa án nhân dân huyện Yên Sờn, Tính Tuyên Quang", text) == (
        "Tòa án nhân dân huyện Yên Sơn, tỉnh Tuyên Quang"
    )


@pytest.mark.parametrize(
    ("closing", "signer", "title"),
    [
        (
            "Nơi nhận:                       KT. CHI CỤC TRƯỞNG\n- Như Điều 3;         PHÓ CHI CỤC TRƯỞNG\n"
            "- Lưu: VT.\n                                Hà Thị Lụa\n",
            "Hà Thị Lụa",
            "Phó Chi cục trưởng",
        ),
        (
            "Nơi nhận:                       KT. CỤC TRƯỞNG\n- Lưu: VT.\n                                Bế Văn Đức\n",
            "Bế Văn Đức",
            "Phó Cục trưởng",
        ),
        (
            "Nơi nhận: CHẤP HÀNH VIÊN\n- Như Điều 3; (Đã ký)\n- Lưu: HSTHA.\nNông Thị Huyền",
            "Nông Thị Huyền",
            "Chấp hành viên",
        ),
        (
            "Nơi nhận:                       TM. ỦY BAN\n                       TRƯỞNG\n- Lưu.\n              Lò Văn Sáng\n",
            "Lò Văn Sáng",
            "Trưởng",
        ),
    ],
)
def test_signature_block(closing: str, signer: str, title: str) -> None:
    name, t = read_signature(_decision("Về việc thi hành án", BASES, "Điều 1. Cho thi hành án.", closing))
    assert name and name.value == signer
    assert t and t.value == title


@pytest.mark.parametrize(
    ("subject", "article1", "bases_extra", "expected"),
    [
        (
            "Về việc thi hành án theo yêu cầu",
            "Điều 1. Cho thi hành án đối với: ông A.",
            "",
            "execute_on_request",
        ),
        ("Về việc thi hành án chủ động", "Điều 1. Cho thi hành án đối với: ông A.", "", "execute_ex_officio"),
        (
            "Về việc thi hành án",
            "Điều 1. Cho thi hành án đối với: ông A.",
            "\nXét đơn yêu cầu thi hành án ngày 20/11/2018 của bà Đàm Thị Xoan,",
            "execute_on_request",
        ),
        ("Về việc thi hành án", "Điều 1. Cho thi hành án đối với: ông A.", "", "execute_ex_officio"),
        ("Về việc cưỡng chế khấu trừ tiền trong tài khoản", "Điều 1. Khấu trừ ...", "", "coercion"),
        ("V/v kê biên, xử lý tài sản", "Điều 1. Kê biên ...", "", "coercion"),
        ("Về việc cưỡng chế trừ vào thu nhập", "Điều 1. Trừ vào thu nhập ...", "", "coercion"),
        ("Về việc hoãn thi hành án", "Điều 1. Hoãn thi hành án ...", "", "postpone"),
        ("Về việc tạm đình chỉ thi hành án", "Điều 1. Tạm đình chỉ ...", "", "suspend"),
        ("Về việc tiếp tục thi hành án", "Điều 1. Tiếp tục thi hành án ...", "", "resume"),
        ("Về việc đình chỉ thi hành án", "Điều 1. Đình chỉ thi hành án ...", "", "terminate"),
        ("Về việc chưa có điều kiện thi hành án", "Điều 1. Xác định ...", "", "not_enforceable"),
        ("Về việc ủy thác xử lý tài sản", "Điều 1. Ủy thác ...", "", "entrust"),
        ("Về việc thu hồi quyết định về thi hành án", "Điều 1. Thu hồi ...", "", "revoke_or_amend"),
        ("Về việc sửa đổi, bổ sung quyết định thi hành án", "Điều 1. Sửa đổi ...", "", "revoke_or_amend"),
        ("", "Điều 1. Đình chỉ thi hành án đối với khoản tiền ...", "", "terminate"),
    ],
)
def test_decision_type(subject: str, article1: str, bases_extra: str, expected: str) -> None:
    body = B.split_body(_decision(subject, BASES + bases_extra, article1))
    assert B.decision_type(body).value == expected


@pytest.mark.parametrize(
    ("citation", "law", "decree"),
    [
        ("Luật Thi hành án dân sự năm 2008 (được sửa đổi, bổ sung năm 2014, năm 2022)", "26/2008/QH12", None),
        (
            "Luật Thi hành án dân sự số 26/2008/QH12 được sửa đổi bởi Luật số 64/2014/QH13",
            "26/2008/QH12",
            None,
        ),
        ("Luật Thi hành án dân sự đã được sửa đổi, bổ sung theo Luật số 64/2014/QH13", "26/2008/QH12", None),
        (
            "Luật Thi hành án dân sự số 106/2025/QH15; Nghị định số 152/2026/NĐ-CP ngày 13/5/2026",
            "106/2025/QH15",
            "152/2026/NĐ-CP",
        ),
        (
            "Luật Thi hành án dân sự; Nghị định số 33/2020/NĐ-CP sửa đổi Nghị định 62/2015",
            None,
            "62/2015/NĐ-CP",
        ),
        ("Luật Thi hành án dân sự năm 2025", "106/2025/QH15", None),
    ],
)
def test_legal_basis(citation: str, law: str | None, decree: str | None) -> None:
    body = B.split_body(
        _decision("Về việc thi hành án", f"Căn cứ {citation};\n" + BASES.split("\n")[1], "Điều 1. X.")
    )
    got_law, got_decree = B.legal_basis(body)
    assert (got_law.value if got_law else None) == law
    assert (got_decree.value if got_decree else None) == decree


def test_judgment_appeal_over_first_instance_and_prior_decision() -> None:
    bases = (
        "Căn cứ Điều 46 Luật Thi hành án dân sự năm 2008;\n"
        "Căn cứ Bản án dân sự sơ thẩm số 40/2018/DS-ST ngày 03/8/2018 của Tòa án nhân dân huyện Yên Sơn, "
        "tỉnh Tuyên Quang và Bản án dân sự phúc thẩm số 09/2019/DS-PT ngày 21/3/2019 của Tòa án nhân dân tỉnh Tuyên Quang;\n"
        "Căn cứ Quyết định thi hành án số 301/QĐ-CCTHADS ngày 02/5/2019 của Chi cục trưởng Chi cục Thi hành án "
        "dân sự huyện Yên Sơn;"
    )
    body = B.split_body(_decision("Về việc cưỡng chế kê biên tài sản", bases, "Điều 1. Kê biên ..."))
    j, others = B.choose_judgment(B.court_refs(body))
    assert j is not None and (j.number, j.date, j.issuer) == (
        "09/2019/DS-PT",
        "2019-03-21",
        "Tòa án nhân dân tỉnh Tuyên Quang",
    )
    assert [o.number for o in others] == ["40/2018/DS-ST"]
    assert others[0].issuer == "Tòa án nhân dân huyện Yên Sơn, tỉnh Tuyên Quang"
    prior = B.choose_prior(body, B.decision_refs(body))
    assert prior is not None and (prior.number, prior.date) == ("301/QĐ-CCTHADS", "2019-05-02")
    assert B.issuer_agency(prior.issuer or "") == "Chi cục Thi hành án dân sự huyện Yên Sơn"


def test_cassation_decision_wins() -> None:
    bases = (
        "Căn cứ Bản án số 11/2017/KDTM-PT ngày 09/6/2017 của Tòa án nhân dân tỉnh Tuyên Quang;\n"
        "Căn cứ Quyết định giám đốc thẩm số 03/2018/KDTM-GĐT ngày 15/5/2018 của Tòa án nhân dân cấp cao tại Hà Nội;"
    )
    j, _ = B.choose_judgment(
        B.court_refs(B.split_body(_decision("Về việc đình chỉ thi hành án", bases, "Điều 1. X.")))
    )
    assert j is not None and j.number == "03/2018/KDTM-GĐT"


def test_request_date_deadline_executor() -> None:
    bases = BASES + "\nXét đơn yêu cầu thi hành án đề ngày 20 tháng 11 năm 2018 của bà Đàm Thị Xoan,"
    art = (
        "Điều 1. Cho thi hành án đối với: ông Lục Văn Tòng.\n"
        "Điều 2. Trong thời hạn 05 ngày làm việc, Chấp hành viên xác minh điều kiện thi hành án. "
        "Người phải thi hành án có thời hạn 10 (mười) ngày kể từ ngày nhận được Quyết định để tự nguyện thi hành án."
    )
    body = B.split_body(_decision("Về việc thi hành án theo yêu cầu", bases, art))
    assert B.request_date(body).value == "2018-11-20"
    assert B.deadline_days(body).value == 10
    assert B.executor(body).value == "Nông Thị Huyền"


def test_no_executor_when_only_the_office_is_named() -> None:
    text = _decision("Về việc thi hành án", BASES, "Điều 1. X.").replace(
        "Chấp hành viên Nông Thị Huyền,", "Chấp hành viên Phòng Thi hành án dân sự khu vực 2,"
    )
    assert B.executor(B.split_body(text)) is None


def test_receiving_agency_of_an_entrust_decision() -> None:
    art = "Điều 1. Ủy thác cho Chi cục Thi hành án dân sự huyện Hàm Yên, tỉnh Tuyên Quang tổ chức thi hành các khoản sau:"
    body = B.split_body(_decision("Về việc ủy thác thi hành án", BASES, art))
    assert B.receiving_agency(body).value == "Chi cục Thi hành án dân sự huyện Hàm Yên, tỉnh Tuyên Quang"


def test_symbol_letters_read_as_digits_are_restored() -> None:
    from docproc.extract.enforcement.header import fix_symbol

    assert fix_symbol("7/2016/QĐ5T-KDTM") == "7/2016/QĐST-KDTM"
    assert fix_symbol("33/2019/HS-P8T") == "33/2019/HS-PBT"
    assert fix_symbol("2/QĐKNGĐT-VC1-DS") == "2/QĐKNGĐT-VC1-DS"  # a digit at the end is a number
    assert fix_symbol("415/QĐ-CCTHADS") == "415/QĐ-CCTHADS"


def test_number_line_read_by_ocr_and_law_by_year_and_legislature() -> None:
    text = _decision(
        "Về việc thi hành án", "Căn cứ Luật Thi hành án dân sự số 16/2025/QH15;\n" + BASES, "Điều 1. X."
    )
    text = text.replace("Số:   17  /QĐ-CCTHADS", "Sô: 17/QĐ-CCTHADS")
    assert read_header(text).number.value == "17/QĐ-CCTHADS"
    law, _ = B.legal_basis(B.split_body(text))
    assert law is not None and law.value == "106/2025/QH15"
