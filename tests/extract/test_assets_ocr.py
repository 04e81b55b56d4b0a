"""Asset identifiers and security links read through OCR damage (issue 13): each test is one class of
damage on invented text, repaired only inside a slot whose format says letter or digit."""

from __future__ import annotations

import pytest

from docproc.document import Document
from docproc.extract import assets as A
from docproc.extract.evidence import EvidenceBuilder
from docproc.extract.operative import extract_operative
from docproc.extract.parties import PartyResolver
from docproc.extract.sections import segment
from docproc.schema import Party

BANK = Party(id="P1", role="plaintiff", kind="organization", name="Ngân hàng Thương mại cổ phần Bắc Sơn")
LOC = Party(id="P2", role="defendant", kind="person", name="Đinh Văn Lộc")
MAI = Party(id="P3", role="defendant", kind="person", name="Lương Thị Mai")
PARTIES = [BANK, LOC, MAI]


def run(facts: str, operative: str, parties: list[Party] = PARTIES):
    text = (
        "NỘI DUNG VỤ ÁN:\n" + facts + "\nNHẬN ĐỊNH CỦA TÒA ÁN:\nXét thấy.\nQUYẾT ĐỊNH:\n" + operative + "\n"
    )
    doc = Document.from_text(text, source="t.txt")
    ev = EvidenceBuilder(doc)
    obs, assets = extract_operative(doc, segment(doc.text), parties, PartyResolver(parties, doc.text), ev)
    return obs, assets, ev, doc


def _conf(ev: EvidenceBuilder, assets, asset_id: str, name: str) -> float:
    k = [a.id for a in assets].index(asset_id)
    return ev.records[f"/assets/{k}/{name}"].confidence


# -- vessel registrations ---------------------------------------------------------------------------
VESSEL_FACTS = (
    "Khoản vay được bảo đảm bằng tàu cá vỏ thép số hiệu BTh-97531-TS của ông Lộc, bà Mai. Theo biên bản "
    "định giá, tàu cá số hiệu BTh-97531-TS trị giá 1.200.000.000 đồng."
)


def test_vessel_code_with_a_foreign_letter_is_repaired_from_the_document():
    operative = (
        "1. Buộc ông Đinh Văn Lộc và bà Lương Thị Mai phải trả cho Ngân hàng Thương mại cổ phần Bắc Sơn số tiền "
        "900.000.000 đồng.\n"
        "2. Trường hợp ông Lộc, bà Mai không trả nợ thì Ngân hàng Thương mại cổ phần Bắc Sơn có quyền yêu cầu "
        "cơ quan thi hành án dân sự có thẩm quyền kê biên, phát mại tàu cá vỏ thép số hiệu BTø-97531-TS của "
        "ông Đinh Văn Lộc và bà Lương Thị Mai để thu hồi nợ."
    )
    obs, assets, ev, _ = run(VESSEL_FACTS, operative)
    (ship,) = [a for a in assets if a.kind == "vessel"]
    assert ship.plate == "BTh-97531-TS"
    assert _conf(ev, assets, ship.id, "plate") <= A.REPAIRED_BY_DOCUMENT
    pay = next(o for o in obs if o.kind == "pay_money")
    assert pay.secured_by == [ship.id]


def test_vessel_code_damaged_everywhere_takes_what_most_readings_leave():
    text = "tàu BTøh-97531-TS; tàu BTøh-97531-TS; tàu BTø-97531-TS"
    chunk = "tàu cá số hiệu BTø-97531-TS"
    assert A.repair_vessel(chunk, text)[2] == "BTh-97531-TS"
    # a look-alike in the serial's digits, an S of the suffix read as 5
    assert A.repair_vessel("tàu cá số hiệu BTh-9753l-T5", text)[2] == "BTh-97531-TS"
    # an undamaged registration needs no repair, and letters are no serial
    assert A.repair_vessel("tàu cá số hiệu BTh-97531-TS", text) is None
    assert A.repair_vessel("tàu cá số hiệu BTø-SOBIL-TS", text) is None


# -- a list entry broken by a full stop OCR read for a comma ----------------------------------------
def test_list_entry_keeps_its_certificate_past_a_misread_full_stop():
    operative = (
        "1. Buộc ông Đinh Văn Lộc phải trả cho Ngân hàng Thương mại cổ phần Bắc Sơn số tiền 500.000.000 đồng.\n"
        "2. Trường hợp ông Lộc không trả nợ thì Ngân hàng Thương mại cổ phần Bắc Sơn có quyền yêu cầu cơ quan "
        "thi hành án dân sự có thẩm quyền phát mại các tài sản sau:\n"
        "- Quyền sử dụng đất tại thửa đất số 77. tờ bản đồ số 3, diện tích 210 m2 (đất ở 100 m2. đất trồng "
        "cây lâu năm 110 m2), tại thôn Đông. xã Hòa Bình. Giấy chứng nhận quyền sử dụng đất số CE 135790 do "
        "Ủy ban nhân dân huyện cấp cho ông Đinh Văn Lộc;\n"
        "- Xe ô tô tải biển kiểm soát 36C-246.80 của ông Đinh Văn Lộc."
    )
    obs, assets, *_ = run("Ông Lộc vay tiền của Ngân hàng.", operative)
    land = next(a for a in assets if a.kind == "land_use_right")
    assert (land.plot_number, land.map_sheet, land.certificate) == ("77", "3", "CE 135790")
    assert land.owners == ["P2"]
    pay = next(o for o in obs if o.kind == "pay_money")
    assert len(pay.secured_by) == 2


# -- plates damaged inside their slots --------------------------------------------------------------
def test_plate_with_a_look_alike_in_a_digit_slot_is_repaired_from_the_document():
    facts = "Tài sản bảo đảm là xe ô tô tải biển kiểm soát 36C1-407.52 của ông Lộc."
    operative = (
        "1. Buộc ông Đinh Văn Lộc phải trả cho Ngân hàng Thương mại cổ phần Bắc Sơn số tiền 400.000.000 đồng.\n"
        "2. Trường hợp ông Lộc không trả nợ thì Ngân hàng Thương mại cổ phần Bắc Sơn có quyền yêu cầu cơ quan "
        "thi hành án dân sự có thẩm quyền xử lý tài sản thế chấp là xe ô tô tải biển kiểm soát 36CI-4§7.52 "
        "thuộc sở hữu của ông Đinh Văn Lộc để thu hồi nợ."
    )
    obs, assets, ev, _ = run(facts, operative)
    (car,) = [a for a in assets if a.kind == "vehicle"]
    assert car.plate == "36C1-407.52" and car.owners == ["P2"]
    assert _conf(ev, assets, car.id, "plate") <= A.REPAIRED_BY_DOCUMENT
    assert next(o for o in obs if o.kind == "pay_money").secured_by == [car.id]


def test_plate_look_alike_defers_to_the_digit_the_document_writes():
    text = "xe tải biển kiểm soát 36C-418.52 và xe tải biển kiểm soát 36C-407.19"
    # "g" looks like a 9, but the document's plate has an 8 there and no other plate fits
    assert A.read_damaged_plate("xe tải biển kiểm soát 3GC-41g,52 của", text)[2] == "36C-418.52"


def test_plate_repaired_by_its_slots_alone():
    text = "không có biển số nào khác"
    # the serial's dot read as a space, an O in the province code, an S in the serial
    assert A.read_damaged_plate("xe biển kiểm soát 36C-407 52 của", text)[2] == "36C-407.52"
    assert A.read_damaged_plate("xe biển số 3O K-4O7.5S, màu đỏ", text)[2:] == (
        "30K-407.55",
        A.REPAIRED_BY_FORMAT,
    )
    # a character no slot allows is left alone without a document reading to match
    assert A.read_damaged_plate("xe biển số 36C-4§7.52 của", text) is None


def test_numbers_that_are_not_plates_are_not_repaired_into_plates():
    for chunk in (
        "giấy đăng ký xe biển số 0127436 mang tên ông Lộc",
        "biển kiểm soát số 1234/2020/HĐ",
        "xe biển số 2 chiếc",
        "biển số 12 34 56 78",
    ):
        assert A.read_damaged_plate(chunk, chunk) is None, chunk


# -- a security request cut by a misread full stop --------------------------------------------------
def test_security_request_keeps_its_condition_and_measures_across_misread_full_stops():
    operative = (
        "1. Buộc ông Đinh Văn Lộc phải trả cho Ngân hàng Thương mại cổ phần Bắc Sơn:\n"
        "a) Theo Hợp đồng tín dụng số 11/2020/HĐTD: 300.000.000 đồng;\n"
        "b) Theo Hợp đồng tín dụng số 12/2021/HĐTD: 200.000.000 đồng.\n"
        "2. Trường hợp ông Lộc không trả khoản nợ nêu tại điểm b mục 1. Ngân hàng Thương mại cổ phần Bắc Sơn có "
        "quyền yêu cầu cơ quan thi hành án dân sự có thẩm quyền kê biên. phát mại tàu cá số hiệu BTh-97531-TS "
        "của ông Đinh Văn Lộc để thu hồi nợ."
    )
    obs, assets, *_ = run(VESSEL_FACTS, operative)
    (ship,) = [a for a in assets if a.kind == "vessel"]
    secured = {o.amount_vnd: o.secured_by for o in obs if o.kind == "pay_money"}
    assert secured == {300_000_000: [], 200_000_000: [ship.id]}


# -- certificates whose serial OCR damaged ---------------------------------------------------------
CERT_FACTS = (
    "Ông Lộc thế chấp quyền sử dụng đất thửa đất số 52, tờ bản đồ số 6 theo Giấy chứng nhận quyền sử dụng đất "
    "số CE 246813, số vào sổ cấp GCN: CH 01357, và thửa đất số 53, tờ bản đồ số 6 theo Giấy chứng nhận số "
    "CE 246814."
)


def _secured_land(certificate_as_read: str):
    operative = (
        "1. Buộc ông Đinh Văn Lộc phải trả cho Ngân hàng Thương mại cổ phần Bắc Sơn số tiền 700.000.000 đồng.\n"
        "2. Trường hợp ông Lộc không trả nợ thì Ngân hàng Thương mại cổ phần Bắc Sơn có quyền yêu cầu cơ quan "
        "thi hành án dân sự có thẩm quyền phát mại quyền sử dụng đất tại thửa đất số 52, tờ bản đồ số 6 theo "
        f"Giấy chứng nhận quyền sử dụng đất số {certificate_as_read} của ông Đinh Văn Lộc để thu hồi nợ."
    )
    obs, assets, ev, _ = run(CERT_FACTS, operative)
    (land,) = [a for a in assets if a.kind == "land_use_right"]
    return land, _conf(ev, assets, land.id, "certificate")


def test_certificate_with_lower_case_letters_or_a_lost_digit_is_repaired_from_the_document():
    for as_read in ("ce 246813", "CE 24613", "CE 2468213"):
        land, conf = _secured_land(as_read)
        assert land.certificate == "CE 246813", as_read
        assert conf <= A.REPAIRED_BY_DOCUMENT


def test_certificate_repair_never_picks_between_two_neighbours_or_touches_a_well_formed_serial():
    text = CERT_FACTS
    assert A.repair_certificate("CE 24681", text) is None  # one digit from both 246813 and 246814
    assert not A.certificate_damaged("CE 246815")  # well formed: another certificate, not a misreading
    assert not A.certificate_damaged("CH 01357")  # a book number
    assert A.repair_certificate("ce 975310", text) == ("CE 975310", A.REPAIRED_BY_FORMAT)


def test_certificate_lost_digit_repaired_from_the_plot_when_neighbours_are_ambiguous():
    # the damaged reading is one digit from both certificates; the plot and sheet say which one it is
    land, conf = _secured_land("CE 24681")
    assert land.certificate == "CE 246813" and conf <= A.REPAIRED_BY_DOCUMENT


# -- a list whose dash OCR read as a speck ----------------------------------------------------------
def test_dash_list_entry_whose_dash_ocr_read_as_a_speck():
    operative = (
        "1. Buộc ông Đinh Văn Lộc phải trả cho Ngân hàng Thương mại cổ phần Bắc Sơn số tiền 500.000.000 đồng.\n"
        "2. Trường hợp ông Lộc không trả nợ thì Ngân hàng Thương mại cổ phần Bắc Sơn có quyền yêu cầu cơ quan "
        "thi hành án dân sự có thẩm quyền phát mại các tài sản sau:\n"
        "- Quyền sử dụng đất tại thửa đất số 52, tờ bản đồ số 6 của ông Đinh Văn Lộc;\n"
        "~ Quyền sử dụng đất tại thửa đất số 53, tờ bản đồ số 6 của ông Đinh Văn Lộc.\n"
        "3. Về án phí: ông Đinh Văn Lộc phải chịu 24.000.000 đồng án phí."
    )
    obs, assets, *_ = run("Ông Lộc vay tiền.", operative)
    plots = sorted(a.plot_number for a in assets if a.kind == "land_use_right")
    assert plots == ["52", "53"]
    assert len(next(o for o in obs if o.kind == "pay_money").secured_by) == 2


# -- a capital glued onto a plot or sheet number ----------------------------------------------------
def test_capital_glued_onto_a_sheet_number_is_dropped_when_the_document_writes_it_bare():
    facts = "Ông Lộc thế chấp thửa đất số 236, tờ bản đồ số 7 tại xã Hòa Bình."
    operative = (
        "1. Buộc ông Đinh Văn Lộc phải trả cho Ngân hàng Thương mại cổ phần Bắc Sơn số tiền 300.000.000 đồng.\n"
        "2. Trường hợp ông Lộc không trả nợ thì Ngân hàng Thương mại cổ phần Bắc Sơn có quyền yêu cầu cơ quan "
        "thi hành án dân sự có thẩm quyền phát mại quyền sử dụng đất tại thửa đất số 236, tờ bản đồ số 7G diện "
        "tích 90 m2 của ông Đinh Văn Lộc để thu hồi nợ."
    )
    obs, assets, ev, _ = run(facts, operative)
    (land,) = [a for a in assets if a.kind == "land_use_right"]
    assert (land.plot_number, land.map_sheet) == ("236", "7")
    assert _conf(ev, assets, land.id, "map_sheet") <= A.REPAIRED_BY_DOCUMENT
    # a sub-plot the document always writes with its letter keeps it
    obs, assets, *_ = run(facts.replace("236", "236A"), operative.replace("236", "236A").replace("7G", "7"))
    assert next(a for a in assets if a.kind == "land_use_right").plot_number == "236A"


# -- a secured debt named by a contract number OCR damaged ------------------------------------------
def test_each_collateral_follows_its_contract_when_ocr_damaged_the_contract_number():
    operative = (
        "1. Buộc ông Đinh Văn Lộc phải trả cho Ngân hàng Thương mại cổ phần Bắc Sơn:\n"
        "- Theo Hợp đồng tín dụng số 1l/2020/HĐTD-BS: 300.000.000 đồng;\n"
        "- Theo Hợp đồng tín dụng số 12/2021/HĐTD-BS: 200.000.000 đồng.\n"
        "2. Trường hợp ông Lộc không trả nợ thì Ngân hàng Thương mại cổ phần Bắc Sơn có quyền yêu cầu cơ quan "
        "thi hành án dân sự có thẩm quyền phát mại tàu cá số hiệu BTh-97531-TS để thu hồi khoản nợ theo Hợp đồng "
        "tín dụng số 11/2020/HĐTD-BS và xe ô tô tải biển kiểm soát 36C-407.52 để thu hồi khoản nợ theo Hợp "
        "đồng tín dụng số 12/2021/HĐTD-BS."
    )
    obs, assets, *_ = run(VESSEL_FACTS, operative)
    kind = {a.id: a.kind for a in assets}
    secured = {o.amount_vnd: [kind[k] for k in o.secured_by] for o in obs if o.kind == "pay_money"}
    assert secured == {300_000_000: ["vessel"], 200_000_000: ["vehicle"]}


# -- an item reference OCR read with a look-alike ---------------------------------------------------
def test_reference_to_item_one_read_as_a_capital_i_still_names_item_one():
    operative = (
        "1. Buộc ông Đinh Văn Lộc phải trả cho Ngân hàng Thương mại cổ phần Bắc Sơn số tiền 600.000.000 đồng.\n"
        "2. Buộc ông Đinh Văn Lộc phải trả cho Ngân hàng Thương mại cổ phần Bắc Sơn tiền phạt vi phạm hợp đồng "
        "80.000.000 đồng.\n"
        "3. Trường hợp ông Lộc không trả khoản nợ nêu tại mục I thì Ngân hàng Thương mại cổ phần Bắc Sơn có quyền "
        "yêu cầu cơ quan thi hành án dân sự có thẩm quyền phát mại xe ô tô tải biển kiểm soát 36C-407.52 của ông "
        "Đinh Văn Lộc để thu hồi nợ."
    )
    obs, assets, *_ = run("Ông Lộc vay tiền.", operative)
    secured = {o.amount_vnd: o.secured_by for o in obs if o.kind == "pay_money"}
    assert secured == {600_000_000: ["A1"], 80_000_000: []}


def test_plate_with_a_digit_lost_and_its_label_misread_is_the_documents_plate():
    text = "Tài sản bảo đảm là xe ô tô con biển kiểm soát 36A-582.19 của ông Lộc."
    # "biển kiểm soát" read "biển kiểm soiit", the province code's first digit lost
    assert A.read_damaged_plate("xe ô tô con, biển kiểm soiit : 6A-582.19, đứng tên", text)[2:] == (
        "36A-582.19",
        A.REPAIRED_BY_DOCUMENT,
    )
    # the serial's last digit lost: never a four-digit serial made up from it
    assert A.read_damaged_plate("xe ô tô con biển kiểm soát 36A-582.1 của", text)[2] == "36A-582.19"
    assert A.read_damaged_plate("xe ô tô con biển kiểm soát 36A-582.1 của", "không có biển khác") is None


# -- a kept seizure whose object OCR specks separate from the measure --------------------------------
def test_kept_seizure_reads_its_object_past_a_line_of_specks_with_dots():
    operative = (
        "1. Buộc ông Đinh Văn Lộc phải bồi thường cho bà Lương Thị Mai số tiền 150.000.000 đồng.\n"
        "2. Tiếp tục duy trì Lệnh kê biên tài sản số 07/LKB ngày 02/3/2021 của Cơ quan Cảnh sát điều tra "
        "ớ.ằ._.ƒ—., đối với quyền sử dụng đất tại thửa đất số 61, tờ bản đồ số 4 theo Giấy chứng nhận quyền sử "
        "dụng đất số CE 246813 của ông Đinh Văn Lộc, để bảo đảm thi hành án."
    )
    obs, assets, *_ = run("Ông Lộc gây thương tích cho bà Mai.", operative)
    (land,) = assets
    assert (land.kind, land.plot_number, land.certificate) == ("land_use_right", "61", "CE 246813")
    assert next(o for o in obs if o.kind == "pay_money").secured_by == [land.id]


# -- an exhibit's owner told by a taking verb OCR read with a wrong tone ----------------------------
def test_exhibit_owner_from_the_facts_when_the_taking_verb_lost_its_tone():
    accused = [
        Party(id="P1", role="accused", kind="person", name="Kha Văn Tín"),
        Party(id="P2", role="accused", kind="person", name="Mạc Văn Thái"),
    ]
    facts = "Tín lấy 01 thanh kiếm dài 70cm, còn Thái lẫy 01 cây gậy sắt rồi cả hai đi tìm bị hại."
    operative = (
        "1. Về xử lý vật chứng: Tịch thu tiêu hủy 01 (một) thanh kiếm dài 70cm và 01 (một) cây gậy sắt."
    )
    _, assets, *_ = run(facts, operative, accused)
    owners = {a.description.split()[2]: a.owners for a in assets}
    assert owners == {"thanh": ["P1"], "cây": ["P2"]}


@pytest.mark.parametrize(
    "request_words",
    ["có quyền yu cầu cơ quan thi hành án dân sự có thẩm quyền phát mại", "có quyền yêu cầu xử Ìý"],
)
def test_security_request_whose_verb_ocr_damaged_is_still_read(request_words):
    operative = (
        "1. Buộc ông Đinh Văn Lộc phải trả cho Ngân hàng Thương mại cổ phần Bắc Sơn số tiền 400.000.000 đồng.\n"
        f"2. Trường hợp ông Lộc không trả nợ thì Ngân hàng Thương mại cổ phần Bắc Sơn {request_words} xe ô tô tải "
        "biển kiểm soát 36C-407.52 của ông Đinh Văn Lộc để thu hồi nợ."
    )
    obs, assets, *_ = run("Ông Lộc vay tiền.", operative)
    (car,) = assets
    assert car.plate == "36C-407.52"
    assert next(o for o in obs if o.kind == "pay_money").secured_by == [car.id]


def test_security_request_whose_condition_ocr_cut_at_an_abbreviated_title():
    parties = PARTIES + [Party(id="P4", role="related_party", kind="person", name="Đinh Văn Phúc")]
    operative = (
        "1. Ông Đinh Văn Lộc và bà Lương Thị Mai có nghĩa vụ liên đới trả cho Ngân hàng Thương mại cổ phần Bắc "
        "Sơn số tiền 500.000.000 đồng.\n"
        "2. Ông Đinh Văn Phúc trả thay cho ông Lộc, bà Mai số tiền không vượt quá 100.000.000 đồng.\n"
        "3. Trường hợp ông Lộc, b. Mai không trả hoặc trả không đủ thì Ngân hàng Thương mại cổ phần Bắc Sơn có "
        "quyền yêu cầu cơ quan thi hành án dân sự có thẩm quyền xử lý xe ô tô tải biển kiểm soát 36C-407.52 để "
        "thu hồi nợ."
    )
    obs, assets, *_ = run("Ông Lộc vay tiền, ông Phúc bảo lãnh.", operative, parties)
    secured = {o.amount_vnd: o.secured_by for o in obs if o.kind == "pay_money"}
    assert secured == {500_000_000: ["A1"], 100_000_000: []}


def test_indented_order_after_a_dash_list_is_not_taken_for_an_entry():
    operative = (
        "1. Buộc ông Đinh Văn Lộc phải trả cho Ngân hàng Thương mại cổ phần Bắc Sơn số tiền 500.000.000 đồng.\n"
        "2. Trường hợp ông Lộc không trả nợ thì Ngân hàng Thương mại cổ phần Bắc Sơn có quyền yêu cầu cơ quan "
        "thi hành án dân sự có thẩm quyền phát mại các tài sản sau:\n"
        "- Quyền sử dụng đất tại thửa đất số 52, tờ bản đồ số 6 của ông Đinh Văn Lộc.\n"
        "   Bà Lương Thị Mai phải trả cho Ngân hàng Thương mại cổ phần Bắc Sơn số tiền 90.000.000 đồng."
    )
    obs, assets, *_ = run("Ông Lộc vay tiền.", operative)
    assert [a.plot_number for a in assets] == ["52"]
    assert sorted(o.amount_vnd for o in obs if o.kind == "pay_money") == [90_000_000, 500_000_000]
