"""The facts a decision's wording depends on, one class of error at a time, on invented sentences."""

from __future__ import annotations

from datetime import date

import pytest

from docproc.decisions import DraftOptions, OfficeSettings, drafts_for, enforcement_of, law_by_id
from docproc.decisions import _facts as facts
from docproc.decisions.render import docx_text, render_docx
from docproc.schema import Extraction

NEW, OLD = "106/2025/QH15", "26/2008/QH12"


def _ex(obligations: list[dict], parties: list[dict] | None = None, case: dict | None = None) -> Extraction:
    parties = parties or [
        {"id": "P1", "role": "accused", "kind": "person", "name": "Đỗ Thị Lan", "address": "xã A"},
        {"id": "P2", "role": "accused", "kind": "person", "name": "Vũ Minh Khang", "address": "xã B"},
        {"id": "P3", "role": "accused", "kind": "person", "name": "Lý Quốc Bảo", "address": "xã C"},
        {
            "id": "P4",
            "role": "victim",
            "kind": "organization",
            "name": "Công ty TNHH Một thành viên Điện lực Z",
        },
    ]
    return Extraction.model_validate(
        {
            "document": {"source": "x.pdf", "pages": 1, "kind": "judgment"},
            "case": case
            or {
                "number": "1/2025/HS-ST",
                "date": "2025-01-02",
                "type_code": "HS",
                "subject": "Tham ô tài sản",
            },
            "parties": parties,
            "obligations": obligations,
        }
    )


def _ob(**kw) -> dict:
    base = {"id": "O1", "kind": "pay_money", "obligors": ["P1"], "obligees": ["P4"], "amount_vnd": 70_000_000}
    return {**base, **kw}


# --- ex officio: compensation to the State ----------------------------------------------------------


@pytest.mark.parametrize(
    ("subject", "obligee_name", "expected"),
    [
        ("Tham ô tài sản", "Công ty TNHH Một thành viên Điện lực Z", "ex_officio"),
        ("Nhận hối lộ", "Ủy ban nhân dân xã K", "ex_officio"),
        (
            "Vi phạm quy định về quản lý, sử dụng tài sản nhà nước gây thất thoát, lãng phí",
            "Sở Y tế tỉnh M",
            "ex_officio",
        ),
        ("Trộm cắp tài sản", "Công ty TNHH Một thành viên Điện lực Z", "on_request"),  # not a corruption case
        ("Tham ô tài sản", "Công ty cổ phần Thương mại Q", "on_request"),  # not a State body or enterprise
    ],
)
def test_compensation_to_the_state_in_corruption_cases_is_ex_officio_under_both_laws(
    subject, obligee_name, expected
):
    parties = [
        {"id": "P1", "role": "accused", "kind": "person", "name": "Đỗ Thị Lan"},
        {"id": "P4", "role": "victim", "kind": "organization", "name": obligee_name},
    ]
    ex = _ex([_ob()], parties, {"type_code": "HS", "subject": subject})
    assert enforcement_of(law_by_id(NEW), ex.obligations[0], ex) == (
        expected,
        "c" if expected == "ex_officio" else None,
    )
    assert enforcement_of(law_by_id(OLD), ex.obligations[0], ex)[0] == expected


def test_the_officer_can_confirm_or_deny_state_ownership():
    ex = _ex([_ob()])
    ex.parties[3].state_owned = False  # type: ignore[attr-defined]
    assert enforcement_of(law_by_id(NEW), ex.obligations[0], ex)[0] == "on_request"
    ex = _ex([_ob()], case={"type_code": "HS", "subject": "Tham ô tài sản"})
    assert facts.state_compensation(ex, ex.obligations[0])[1].endswith("cần xác nhận")


def test_compensation_the_agency_already_collected_is_point_d_of_the_new_law():
    ex = _ex(
        [_ob(obligors=["STATE"], obligees=["P1"])],
        case={"type_code": "HS", "subject": "Cố ý gây thương tích"},
    )
    assert enforcement_of(law_by_id(NEW), ex.obligations[0], ex) == ("ex_officio", "d")
    assert enforcement_of(law_by_id(OLD), ex.obligations[0], ex) == ("ex_officio", "b")


# --- persons, fees ------------------------------------------------------------------------------------


def test_honorific_from_the_judgment_then_from_the_middle_name():
    ex = _ex([_ob(text="Buộc anh Vũ Minh Khang trả cho bà Đỗ Thị Lan 5.000.000 đồng.")])
    assert facts.person_name(ex, ex.parties[1]) == "ông Vũ Minh Khang"
    assert facts.person_name(ex, ex.parties[0]) == "bà Đỗ Thị Lan"
    assert facts.person_name(ex, ex.parties[2]) == "ông (bà) Lý Quốc Bảo"  # unknown: never a slash
    assert facts.person_name(ex, ex.parties[3]) == "Công ty TNHH Một thành viên Điện lực Z"


@pytest.mark.parametrize(
    ("text", "amount", "label"),
    [
        (
            "Bị cáo A phải chịu 200.000 đồng án phí hình sự sơ thẩm và 1.500.000 đồng án phí dân sự sơ thẩm.",
            1_500_000,
            "án phí dân sự sơ thẩm",
        ),
        (
            "Bị cáo A phải chịu 200.000 đồng án phí hình sự sơ thẩm và 1.500.000 đồng án phí dân sự sơ thẩm.",
            200_000,
            "án phí hình sự sơ thẩm",
        ),
        ("Ông B phải chịu 300.000 đồng án phí cấp dưỡng nuôi con.", 300_000, "án phí cấp dưỡng nuôi con"),
        (
            "Về án phí: Công ty C phải chịu án phí kinh doanh thương mại sơ thẩm là 9.000.000 đồng.",
            9_000_000,
            "án phí kinh doanh thương mại sơ thẩm",
        ),
    ],
)
def test_fee_lines_keep_their_type(text, amount, label):
    ob = _ex([_ob(kind="court_fee", obligees=["STATE"], amount_vnd=amount, text=text)]).obligations[0]
    assert facts.fee_label(ob) == label


# --- already paid ----------------------------------------------------------------------------------


JOINT = (
    "Buộc bị cáo Đỗ Thị Lan và bị cáo Lý Quốc Bảo liên đới bồi thường cho Công ty TNHH Một thành viên Điện lực Z "
    "số tiền 90.000.000 đồng; kỷ phần của bị cáo Lan là 70.000.000 đồng, của bị cáo Bảo là 20.000.000 đồng. "
    "Bị cáo Bảo đã nộp đủ 20.000.000 đồng nên được trừ. Bị cáo Đỗ Thị Lan còn phải bồi thường 70.000.000 đồng."
)


def test_a_payment_by_another_accused_is_not_written_under_this_obligor():
    ex = _ex([_ob(text=JOINT, already_paid=20_000_000)])
    assert facts.paid_by(ex, ex.obligations[0]) == ["P3"]
    assert facts.deduction_consistent(ex.obligations[0]) is True
    (draft,) = [
        d
        for d in drafts_for(ex, options=DraftOptions(issue_date=date(2026, 8, 3)))
        if d.items[0].kind == "pay_money"
    ]
    lines = [ln for item in draft.items for ln in item.lines if not ln.startswith("(Trích")]
    assert not any("20.000.000" in ln for ln in lines)
    assert any("Lý Quốc Bảo" in w and "không ghi vào quyết định" in w for w in draft.warnings)


def test_a_deduction_is_shown_as_already_made_under_the_payer():
    text = (
        "Buộc bị cáo Đỗ Thị Lan bồi thường cho Công ty TNHH Một thành viên Điện lực Z số tiền 90.000.000 đồng, "
        "được trừ 20.000.000 đồng bị cáo Lan đã nộp, bị cáo Lan còn phải bồi thường 70.000.000 đồng."
    )
    ex = _ex([_ob(text=text, already_paid=20_000_000)])
    draft = drafts_for(ex, options=DraftOptions(issue_date=date(2026, 8, 3)))[0]
    paid = [ln for ln in draft.items[0].lines if "đã trừ" in ln]
    assert paid == [
        "Số tiền trên là số tiền còn phải thi hành, đã trừ 20.000.000 đồng (Hai mươi triệu đồng) do bà Đỗ Thị Lan "
        "đã nộp theo bản án."
    ]


def test_a_total_that_does_not_deduct_the_payment_is_a_warning_not_a_line():
    text = "Buộc bị cáo Đỗ Thị Lan bồi thường 70.000.000 đồng. Bị cáo Lan đã nộp 20.000.000 đồng."
    ex = _ex([_ob(text=text, already_paid=20_000_000)])
    assert facts.deduction_consistent(ex.obligations[0]) is False
    draft = drafts_for(ex, options=DraftOptions(issue_date=date(2026, 8, 3)))[0]
    assert not any("đã trừ" in ln for ln in draft.items[0].lines)
    assert any("có thể chưa trừ" in w for w in draft.warnings)


# --- child support, seized assets, interest -----------------------------------------------------------


def test_child_support_reads_as_the_judgment_orders_it():
    text = (
        "Ông Vũ Minh Khang có nghĩa vụ cấp dưỡng nuôi con chung là cháu Vũ Ngọc An, sinh ngày 02/3/2020, "
        "mỗi tháng 2.500.000 đồng, kể từ tháng 9/2025 cho đến khi cháu An đủ 18 tuổi."
    )
    parties = [
        {"id": "P1", "role": "plaintiff", "kind": "person", "name": "Đỗ Thị Lan", "address": "xã A"},
        {"id": "P2", "role": "defendant", "kind": "person", "name": "Vũ Minh Khang", "address": "xã B"},
    ]
    ob = _ob(
        obligors=["P2"],
        obligees=["P1"],
        amount_vnd=2_500_000,
        text=text,
        period="monthly",
        start_date="2025-09-01",
    )
    ex = _ex([ob], parties, {"type_code": "HNGD", "subject": "Ly hôn"})
    draft = drafts_for(ex, options=DraftOptions(issue_date=date(2026, 8, 3), request_date=date(2026, 8, 1)))[
        0
    ]
    assert draft.items[0].lines[0] == (
        "Ông Vũ Minh Khang phải cấp dưỡng nuôi con là cháu Vũ Ngọc An cho bà Đỗ Thị Lan mỗi tháng số tiền: "
        "2.500.000 đồng (Hai triệu năm trăm nghìn đồng), kể từ ngày 01 tháng 9 năm 2025 cho đến khi cháu An đủ 18 tuổi."
    )


def test_seized_assets_are_not_collateral_and_keep_their_co_owners():
    parties = [
        {"id": "P1", "role": "accused", "kind": "person", "name": "Đỗ Thị Lan"},
        {"id": "P2", "role": "related_party", "kind": "person", "name": "Vũ Văn Khang"},
        {"id": "P4", "role": "victim", "kind": "person", "name": "Lý Thị Hoa"},
    ]
    ex = _ex(
        [_ob(obligees=["P4"], secured_by=["A1"], text="Tiếp tục kê biên xe ô tô để đảm bảo thi hành án.")],
        parties,
        {"type_code": "HS", "subject": "Lừa đảo chiếm đoạt tài sản"},
    )
    ex = Extraction.model_validate(
        {
            **ex.model_dump(),
            "assets": [
                {
                    "id": "A1",
                    "kind": "vehicle",
                    "description": "xe ô tô biển số 30A-000.01",
                    "owners": ["P1", "P2"],
                }
            ],
        }
    )
    draft = drafts_for(ex, options=DraftOptions(issue_date=date(2026, 8, 3)))[0]
    text = "\n".join(draft.items[0].lines)
    assert "kê biên, phong tỏa, tạm giữ để bảo đảm thi hành án" in text
    assert "Tài sản bảo đảm" not in text
    assert "của bà Đỗ Thị Lan và ông Vũ Văn Khang" in text and "/" not in text.replace("(Trích", "")


def test_interest_prints_what_the_judgment_orders(tmp_path):
    credit = _ex(
        [
            _ob(
                obligees=["P4"],
                late_interest=True,
                components={"principal": 60_000_000, "interest_overdue": 10_000_000},
            )
        ],
        case={"type_code": "KDTM", "subject": "Tranh chấp hợp đồng tín dụng"},
    )
    loan = _ex(
        [_ob(obligees=["P4"], late_interest=True)],
        case={"type_code": "DS", "subject": "Tranh chấp hợp đồng mua bán"},
    )
    quoted = _ex(
        [
            _ob(
                obligees=["P4"],
                late_interest=True,
                late_interest_text="Kể từ ngày có đơn yêu cầu thi hành án, bên phải thi hành án còn phải chịu lãi theo khoản 2 Điều 468 Bộ luật Dân sự.",
            )
        ],
        case={"type_code": "DS", "subject": "Tranh chấp hợp đồng vay"},
    )
    opts = DraftOptions(issue_date=date(2026, 8, 3), request_date=date(2026, 8, 1))
    texts = {}
    for name, ex in (("credit", credit), ("loan", loan), ("quoted", quoted)):
        d = drafts_for(ex, OfficeSettings(), opts)[0]
        texts[name] = d.late_interest
        assert d.late_interest in docx_text(render_docx(d, tmp_path / f"{name}.docx"))
    assert "lãi suất các bên thỏa thuận trong hợp đồng" in texts["credit"] and "357" not in texts["credit"]
    assert "Điều 357, Điều 468" in texts["loan"]
    assert texts["quoted"].startswith("Về lãi chậm thi hành án, theo bản án: “Kể từ ngày có đơn")
    no_interest = _ex(
        [_ob(obligees=["P4"])], case={"type_code": "DS", "subject": "Tranh chấp hợp đồng tín dụng"}
    )
    assert drafts_for(no_interest, options=opts)[0].late_interest is None


def test_the_officers_choice_of_enforcement_type_is_followed_with_a_warning():
    ex = _ex([_ob(enforcement="on_request", enforcement_by_officer=True)])
    (draft,) = drafts_for(ex, options=DraftOptions(issue_date=date(2026, 8, 3)))
    assert draft.kind == "on_request"
    assert (
        any("do cán bộ chọn" in w for w in draft.warnings) is False
    )  # the officer overrides the State-compensation rule
    ex = _ex(
        [_ob(enforcement="ex_officio", enforcement_by_officer=True)],
        case={"type_code": "HS", "subject": "Trộm cắp tài sản"},
    )
    (draft,) = drafts_for(ex, options=DraftOptions(issue_date=date(2026, 8, 3)))
    assert draft.kind == "ex_officio" and any("do cán bộ chọn" in w for w in draft.warnings)


def test_an_amount_paid_into_the_agency_is_paid_out_ex_officio_under_the_new_law():
    text = (
        "Buộc bị cáo Đỗ Thị Lan bồi thường cho Công ty TNHH Một thành viên Điện lực Z số tiền 90.000.000 đồng, "
        "được trừ 20.000.000 đồng bị cáo Lan đã nộp theo Biên lai thu tiền số 01 của Chi cục Thi hành án dân sự "
        "huyện K, bị cáo Lan còn phải bồi thường 70.000.000 đồng."
    )
    ex = _ex(
        [_ob(text=text, already_paid=20_000_000)], case={"type_code": "HS", "subject": "Trộm cắp tài sản"}
    )
    new = drafts_for(ex, options=DraftOptions(issue_date=date(2026, 8, 3)))[0]
    old = drafts_for(ex, options=DraftOptions(issue_date=date(2026, 6, 3)))[0]
    assert any("theo điểm d khoản 2 Điều 33" in w for w in new.warnings)
    assert not any("đã nộp tại cơ quan thi hành án" in w for w in old.warnings)


def test_a_regional_office_drafts_for_the_provincial_head():
    office = OfficeSettings(
        parent="THI HÀNH ÁN DÂN SỰ TỈNH KHÁNH HÒA", name="PHÒNG THI HÀNH ÁN DÂN SỰ KHU VỰC 2"
    )
    draft = drafts_for(_ex([_ob()]), office, DraftOptions(issue_date=date(2026, 8, 3)))[0]
    assert draft.signer_title == "THỦ TRƯỞNG CƠ QUAN THI HÀNH ÁN DÂN SỰ TỈNH KHÁNH HÒA"
    assert draft.office_name == "PHÒNG THI HÀNH ÁN DÂN SỰ KHU VỰC 2"
