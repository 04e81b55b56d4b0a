"""Case block: symbol parsing, court casing, dates, subject and kind on short synthetic headers."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from docproc.document import Document
from docproc.extract.evidence import EvidenceBuilder
from docproc.extract.header import extract_case, parse_symbol, parse_vn_date, restore_court_case
from docproc.extract.parties import fold
from docproc.extract.sections import segment


def _case(text: str):
    doc = Document.from_text(text, source="t.txt")
    ev = EvidenceBuilder(doc)
    kind, case = extract_case(doc, segment(doc.text), ev)
    return kind, case, ev


@pytest.mark.parametrize(
    ("symbol", "code", "instance"),
    [
        ("12/2020/KDTM-ST", "KDTM", "ST"),
        ("3/2019/QĐST-DS", "DS", "ST"),
        ("40/2021/HNGĐ-PT", "HNGD", "PT"),
        ("7/2018/LĐ-ST", "LD", "ST"),
        ("15/2022/DS-GĐT", "DS", "GDT"),
        ("9/2020/HS-PT", "HS", "PT"),
        ("21/HCPT", "HC", "PT"),
        ("2/2023/QĐPT-KDTM", "KDTM", "PT"),
    ],
)
def test_parse_symbol(symbol: str, code: str, instance: str) -> None:
    assert parse_symbol(symbol) == (code, instance)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("TÒA ÁN NHÂN DÂN HUYỆN AN LẠC, TỈNH BẮC SƠN", "Tòa án nhân dân huyện An Lạc, tỉnh Bắc Sơn"),
        ("TOÀ ÁN NHÂN DÂN THỊ XÃ ĐÔNG HỒ", "Tòa án nhân dân thị xã Đông Hồ"),
        ("TÒA ÁN NHÂN DÂN CẤP CAO TẠI ĐÀ NẴNG", "Tòa án nhân dân cấp cao tại Đà Nẵng"),
        ("TÒA ÁN NHÂN DÂN QUẬN 3, THÀNH PHỐ HỒ CHÍ MINH", "Tòa án nhân dân quận 3, Thành phố Hồ Chí Minh"),
        ("TÒA ÁN NHÂN DÂN TỈNH BÀ RỊA-VŨNG TÀU", "Tòa án nhân dân tỉnh Bà Rịa-Vũng Tàu"),
        ("TÒA ÁN NHÂN DÂN KHU VỰC 2 - ĐỒNG NAI", "Tòa án nhân dân khu vực 2 - Đồng Nai"),
        # OCR: a space lost on one side of the dash, a tone mark damaged in the province's name
        ("Tòa án nhân dân khu vực 4- Đắk Lắk", "Tòa án nhân dân khu vực 4 - Đắk Lắk"),
        ("TÒA ÁN NHÂN DÂN TỈNH BÀ RỊA - VỮNG TÀU", "Tòa án nhân dân tỉnh Bà Rịa - Vũng Tàu"),
        ("TÒA ÁN NHÂN DÂN TỈNH BÀ RỊA – VŨNG TÀU", "Tòa án nhân dân tỉnh Bà Rịa – Vũng Tàu"),
    ],
)
def test_restore_court_case(raw: str, expected: str) -> None:
    assert restore_court_case(raw) == expected


@pytest.mark.parametrize(
    ("raw", "iso"),
    [
        ("Ngày: 5-7-2021", "2021-07-05"),
        ("NGÀY 23/08/2017", "2017-08-23"),
        ("Hà Tiên, ngày 02 tháng 11 năm 2020", "2020-11-02"),
        ("ngày 31 tháng 2 năm 2020", None),
    ],
)
def test_parse_vn_date(raw: str, iso: str | None) -> None:
    assert parse_vn_date(raw) == iso


TWO_COLUMN = """TÒA ÁN NHÂN DÂN                          CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
HUYỆN AN LẠC                                 Độc lập - Tự do - Hạnh phúc
TỈNH BẮC SƠN

Bản án số: 14/2021/DS-ST
Ngày: 9-6-2021
V/v: “Tranh chấp hợp đồng vay tài sản”

NHÂN DANH
NƯỚC CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
TÒA ÁN NHÂN DÂN HUYỆN AN LẠC, TỈNH BẮC SƠN

Ngày 9 tháng 6 năm 2021 xét xử vụ án giữa các đương sự:
1. Nguyên đơn: Ông Lý Văn Tám, sinh năm 1970.
"""


def test_two_column_judgment_header() -> None:
    kind, case, ev = _case(TWO_COLUMN)
    assert kind == "judgment"
    assert case.court == "Tòa án nhân dân huyện An Lạc, tỉnh Bắc Sơn"
    assert case.number == "14/2021/DS-ST"
    assert case.date == "2021-06-09"
    assert (case.type_code, case.instance) == ("DS", "ST")
    assert case.subject == "Tranh chấp hợp đồng vay tài sản"
    span = ev.records["/case/number"].span
    assert TWO_COLUMN[span[0] : span[1]] == "14/2021/DS-ST"
    assert ev.records["/case/date"].confidence >= 0.9


def test_court_from_left_column_without_nhan_danh() -> None:
    text = TWO_COLUMN.split("NHÂN DANH")[0]
    _, case, _ = _case(text)
    assert case.court == "Tòa án nhân dân huyện An Lạc, tỉnh Bắc Sơn"


def test_published_title_line() -> None:
    text = """Bản án 88/2019/HNGĐ-PT ngày 04/10/2019 về ly hôn, tranh chấp nuôi con

TÒA ÁN NHÂN DÂN TỈNH BẮC SƠN

BẢN ÁN 88/2019/HNGĐ-PT NGÀY 04/10/2019 VỀ LY HÔN, TRANH CHẤP NUÔI CON

Ngày 04 tháng 10 năm 2019, tại trụ sở Tòa án nhân dân tỉnh Bắc Sơn xét xử phúc thẩm vụ án về việc “Ly hôn, tranh chấp nuôi con” giữa các đương sự:
Nguyên đơn: Bà Hà Thị Mười, sinh năm 1980.
"""
    kind, case, _ = _case(text)
    assert kind == "judgment"
    assert case.number == "88/2019/HNGĐ-PT"
    assert (case.type_code, case.instance) == ("HNGD", "PT")
    assert case.date == "2019-10-04"
    assert case.court == "Tòa án nhân dân tỉnh Bắc Sơn"
    assert case.subject == "Ly hôn, tranh chấp nuôi con"


def test_settlement_decision_header() -> None:
    text = """TÒA ÁN NHÂN DÂN                              CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
THÀNH PHỐ ĐÔNG HỒ                               Độc lập - Tự do - Hạnh phúc
TỈNH BẮC SƠN
Số: 31/2024/QĐST-KDTM                        Đông Hồ, ngày 15 tháng 3 năm 2024

QUYẾT ĐỊNH
CÔNG NHẬN SỰ THỎA THUẬN CỦA CÁC ĐƯƠNG SỰ

Căn cứ vào biên bản hòa giải thành về việc “Tranh chấp hợp đồng mua bán hàng hóa”.

XÉT THẤY:
Tự nguyện.

QUYẾT ĐỊNH:
1. Công nhận sự thỏa thuận của các đương sự:
"""
    kind, case, _ = _case(text)
    assert kind == "decision"
    assert case.number == "31/2024/QĐST-KDTM"
    assert case.date == "2024-03-15"
    assert (case.type_code, case.instance) == ("KDTM", "ST")
    assert case.court == "Tòa án nhân dân thành phố Đông Hồ, tỉnh Bắc Sơn"


def test_publisher_suffix_after_dash_is_dropped() -> None:
    text = "TÒA ÁN NHÂN DÂN HUYỆN AN LẠC - TP. ĐÔNG HỒ\n\nBẢN ÁN 1/2020/HC-ST NGÀY 02/01/2020 VỀ KHIẾU KIỆN\n"
    _, case, _ = _case(text)
    assert case.court == "Tòa án nhân dân huyện An Lạc"


def test_damaged_header_repaired_from_body() -> None:
    text = (
        "TÒA ÁN NHÂN DÂN CẤP CAO TẠI THÀNH PH H CHÍ MINH\n\n"
        "BẢN ÁN 5/2020/HC-PT NGÀY 02/01/2020 VỀ KHIẾU KIỆN\n\n"
        "Ngày 02 tháng 01 năm 2020, tại trụ sở Tòa án nhân dân cấp cao tại Thành phố Hồ Chí Minh xét xử.\n"
    )
    _, case, ev = _case(text)
    assert case.court == "Tòa án nhân dân cấp cao tại Thành phố Hồ Chí Minh"
    assert ev.records["/case/court"].confidence < 0.9


def test_hearing_date_is_a_low_confidence_fallback() -> None:
    text = (
        "TÒA ÁN NHÂN DÂN TỈNH BẮC SƠN\n\nBản án số 3/2020/DS-PT\n\n"
        "Trong các ngày 10 và 17 tháng 3 năm 2020, tại trụ sở Tòa án nhân dân tỉnh Bắc Sơn xét xử.\n"
    )
    _, case, ev = _case(text)
    assert case.date == "2020-03-17"
    assert ev.records["/case/date"].confidence < 0.9


@pytest.mark.parametrize(
    ("symbol", "code", "instance"),
    [("5/2024/DSST-HNGĐ", "HNGD", "ST"), ("8/2024/QĐCNHG-DS", "DS", "ST"), ("11/2020/DS-GĐT", "DS", "GDT")],
)
def test_parse_symbol_glued_and_settlement(symbol: str, code: str, instance: str) -> None:
    assert parse_symbol(symbol) == (code, instance)


def test_cassation_decision_kind_and_number() -> None:
    text = """TÒA ÁN NHÂN DÂN CẤP CAO TẠI ĐÀ NẴNG
ỦY BAN THẨM PHÁN

QUYẾT ĐỊNH GIÁM ĐỐC THẨM
Số: 12/2021/DS-GĐT
Ngày 20-4-2021

Đối với Bản án dân sự phúc thẩm số 30/2020/DS-PT ngày 5-5-2020 của Tòa án nhân dân tỉnh Bắc Sơn.
"""
    kind, case, _ = _case(text)
    assert kind == "decision"
    assert case.number == "12/2021/DS-GĐT"
    assert (case.type_code, case.instance) == ("DS", "GDT")
    assert case.court == "Tòa án nhân dân cấp cao tại Đà Nẵng"
    assert case.date == "2021-04-20"


@pytest.mark.parametrize("name", ["dev", "openings-dev"])
def test_case_fields_on_shared_corpus(name: str) -> None:
    txt, gold = Path("/work/shared/corpus") / name / "txt", Path("/work/shared/corpus") / name / "gold"
    if not txt.is_dir():
        pytest.skip("shared corpus not available")
    hits = total = 0
    for path in sorted(txt.glob("*.txt")):
        _, case, _ = _case(path.read_text(encoding="utf-8"))
        want = json.loads((gold / f"{path.stem}.json").read_text(encoding="utf-8"))["case"]
        for field in ("number", "date", "type_code", "instance", "court"):
            got, exp = getattr(case, field), want.get(field)
            if field == "court":
                got, exp = fold(got or ""), fold(exp or "")
            hits += got == exp
            total += 1
    assert hits / total >= 0.95


@pytest.mark.parametrize(
    "damaged", ["HUYỆN AN L4C, TỈNH BẮC SƠN", "HUYỆN AN LẠC, TỈNH BẮC Srn;", "HUYỆN AN LẠC, TlNH BẮC SƠN"]
)
def test_header_block_wins_over_a_damaged_nhan_danh_line(damaged: str) -> None:
    """The same court read twice (header block and the line under NHÂN DANH) with as many words: the
    reading whose words are Vietnamese syllables is kept, wherever the OCR damage fell."""
    text = TWO_COLUMN.replace("TÒA ÁN NHÂN DÂN HUYỆN AN LẠC, TỈNH BẮC SƠN", f"TÒA ÁN NHÂN DÂN {damaged}")
    assert damaged in text
    _, case, _ = _case(text)
    assert case.court == "Tòa án nhân dân huyện An Lạc, tỉnh Bắc Sơn"
