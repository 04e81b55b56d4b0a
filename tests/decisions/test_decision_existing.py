"""A draft for an obligor whose decision is already issued says so (and names it) instead of standing as
a second decision; the officer can still have it made anew. Synthetic judgment and decisions
(tests/decisions/synthetic_pair.py), never the corpus."""

from __future__ import annotations

from datetime import date

from docproc.decisions import DraftOptions, drafts_for, issued_decisions, mark_issued
from docproc.decisions.check import problems
from docproc.decisions.render import DRAFT_MARK, ISSUED_MARK, docx_text, render_docx

from .synthetic_pair import decision, ex_officio_p3, judgment, on_request_p2

OPTS = DraftOptions(
    issue_date=date(2026, 9, 1), request_date=date(2026, 8, 25), decision_number="7", executor="Phan Văn Chấp"
)


def _drafts(existing, office, **kw):
    j = judgment()
    opts = OPTS.model_copy(update=kw)
    return {
        d.name: d for d in mark_issued(drafts_for(j, office, opts), j, existing, force_new=opts.force_new)
    }


def test_drafts_covered_by_an_issued_decision_name_it(office):
    drafts = _drafts({"qd-a": on_request_p2(), "qd-b": ex_officio_p3()}, office)
    assert set(drafts) == {
        "ex-officio-P1",
        "ex-officio-P2",
        "ex-officio-P3",
        "on-request-P1-P2",
        "on-request-P1-P3",
    }
    p2 = drafts["on-request-P1-P2"]
    assert [r.decision for r in p2.already_issued] == ["qd-a"] and p2.issued and not p2.forced
    ref = p2.already_issued[0]
    assert ref.number == "101/QĐ-THADS" and ref.date == "2026-08-10" and ref.obligations == ["O1"]
    assert (
        "101/QĐ-THADS ngày 10 tháng 8 năm 2026" in ref.text and "Thi hành án dân sự tỉnh Nghệ An" in ref.text
    )
    assert "Đã ban hành" in p2.warnings[0] and "101/QĐ-THADS" in p2.warnings[0]
    assert [r.decision for r in drafts["ex-officio-P3"].already_issued] == ["qd-b"]
    # other obligors, other types, the State's refund: still decisions to issue
    for name in ("ex-officio-P1", "ex-officio-P2", "on-request-P1-P3"):
        assert not drafts[name].already_issued and not drafts[name].issued, name


def test_an_item_the_issued_decision_left_out_is_an_amendment_not_a_second_decision(office):
    p2 = _drafts({"qd-a": on_request_p2()}, office)["on-request-P1-P2"]
    assert [i.obligation_id for i in p2.items] == ["O1", "O6"]
    assert p2.uncovered == ["O6"]
    assert any("chưa có khoản 2" in w and "sửa đổi, bổ sung" in w for w in p2.warnings)


def test_the_same_obligor_by_id_number_despite_a_damaged_name_and_not_a_namesake(office):
    typo = on_request_p2(names={"P2": "Lê Thi Cuc"}, ids={"P2": "040 182 005 678"})
    assert _drafts({"qd": typo}, office)["on-request-P1-P2"].issued
    twisted = on_request_p2(names={"P2": "Lê Thị Cức"}, ids={"P2": "040182005678"})
    assert _drafts({"qd": twisted}, office)["on-request-P1-P2"].issued
    # the same name with another person's ID number: not this obligor's decision
    namesake = on_request_p2(ids={"P2": "001190123456"})
    assert not _drafts({"qd": namesake}, office)["on-request-P1-P2"].already_issued


def test_only_execute_decisions_of_the_same_type_count(office):
    postponed = decision("postpone", [("pay_money", ["P2"], ["P1"], 150_000_000)])
    ex_officio_for_p2 = decision("execute_ex_officio", [("court_fee", ["P2"], ["STATE"], 7_500_000)])
    drafts = _drafts({"hoan": postponed, "cd": ex_officio_for_p2}, office)
    assert not drafts["on-request-P1-P2"].already_issued
    assert [r.decision for r in drafts["ex-officio-P2"].already_issued] == ["cd"]


def test_a_decision_whose_items_were_not_read_counts_by_its_obligor(office):
    unread = ex_officio_p3()
    unread["obligations"] = []
    drafts = _drafts({"scan": unread}, office)
    assert drafts["ex-officio-P3"].issued and drafts["ex-officio-P3"].uncovered == []
    assert not drafts["ex-officio-P2"].already_issued


def test_issued_decisions_in_the_judgments_terms():
    (a,) = issued_decisions(judgment(), {"qd-a": on_request_p2(amount=105_000_000)})
    assert a.kind == "on_request" and a.obligors == {"P2"} and a.obligees == {"P1"}
    assert a.obligations == {"O1"}  # a mistyped amount still restates O1


def test_the_officer_can_make_it_anew_and_the_document_says_which(office, tmp_path):
    kept = _drafts({"qd-a": on_request_p2()}, office)["on-request-P1-P2"]
    path = render_docx(kept, tmp_path / "kept.docx")
    lines = docx_text(path)
    assert lines[0] == DRAFT_MARK
    assert lines[1].startswith(f"{ISSUED_MARK}: Quyết định thi hành án số 101/QĐ-THADS")
    assert "không ban hành trùng" in lines[1]
    approved = docx_text(render_docx(kept, tmp_path / "approved.docx", approved=True))
    assert approved[0].startswith(ISSUED_MARK)  # approving the judgment does not make it a new decision
    forced = _drafts({"qd-a": on_request_p2()}, office, force_new=["on-request-P1-P2"])["on-request-P1-P2"]
    assert forced.forced and not forced.issued and forced.already_issued
    assert "lập mới theo yêu cầu" in forced.warnings[0]
    lines = docx_text(render_docx(forced, tmp_path / "forced.docx"))
    assert not any(ISSUED_MARK in ln for ln in lines)
    assert problems(forced, lines) == []
    every = _drafts({"qd-a": on_request_p2(), "qd-b": ex_officio_p3()}, office, force_new=["*"])
    assert all(not d.issued for d in every.values())


def test_no_decisions_no_marks(office):
    assert all(not d.already_issued for d in _drafts({}, office).values())
