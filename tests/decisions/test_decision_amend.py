"""Amend drafts (quyết định sửa đổi, bổ sung quyết định thi hành án) from a decision's audit: one
correction per amendable discrepancy, worded from the judgment; the law of the new decision's date;
a golden draft of one synthetic pair (tests/golden/drafts/amend-synthetic.json: generated with
DOCPROC_GEN_GOLDEN=1, then reviewed by hand: the amounts and parties are the judgment's, the decision
amended is cited by number, date and agency, the law is Law 106/2025's Art. 52 for a September 2026
draft)."""

from __future__ import annotations

import json
import os
from datetime import date
from pathlib import Path

from docproc.audit import audit_decision
from docproc.decisions import AMENDABLE, DraftOptions, OfficeSettings, draft_amend
from docproc.decisions.check import problems
from docproc.decisions.render import _MARK, DRAFT_MARK, TEMPLATES_DIR, docx_text, render_docx, render_pdf
from docproc.text import words_to_amount

from .synthetic_pair import AGENCY, decision, judgment, on_request_p2

ROOT = Path(__file__).resolve().parents[2]
GOLDEN = ROOT / "tests" / "golden" / "drafts" / "amend-synthetic.json"
GEN = os.environ.get("DOCPROC_GEN_GOLDEN") == "1"
OPTS = DraftOptions(issue_date=date(2026, 9, 1), decision_number="215", executor="Phan Văn Chấp")


def _audit(dec: dict) -> list[dict]:
    return audit_decision(dec, judgment(), decision_name="qd", judgment_name="ba")["discrepancies"]


def _amend(dec: dict, office: OfficeSettings, found: list[dict] | None = None, opts: DraftOptions = OPTS):
    return draft_amend(
        dec, judgment(), _audit(dec) if found is None else found, office, opts, decision_name="qd-a"
    )


def _wrong_amount_and_law() -> dict:
    """P1's request against P2 dated 10/8/2026 (Law 106 in force) citing the 2008 law, 150 million
    written 105 million, the 12 million of costs left out."""
    return on_request_p2(amount=105_000_000, law="26/2008/QH12", decree="62/2015/NĐ-CP")


def test_one_correction_per_amendable_discrepancy_from_the_judgment(office):
    found = _audit(_wrong_amount_and_law())
    assert sorted((d["kind"], d["obligation"]) for d in found) == [
        ("amount_mismatch", "O1"),
        ("missing_obligation", "O6"),
        ("wrong_law_for_date", None),
    ]
    d = _amend(_wrong_amount_and_law(), office)
    assert d.kind == "amend" and d.name == "qd-a.amend"
    # the legal basis first, then the items in the judgment's order
    assert [(c.kind, c.obligation) for c in d.corrections] == [
        ("wrong_law_for_date", None),
        ("amount_mismatch", "O1"),
        ("missing_obligation", "O6"),
    ]
    law, amount, missing = d.corrections
    assert "đã ghi 105.000.000 đồng" in amount.lines[0]
    assert "150.000.000 đồng (Một trăm năm mươi triệu đồng)" in amount.lines[0]
    assert missing.lines[0].startswith("Bổ sung khoản phải thi hành theo bản án:")
    assert "12.000.000 đồng (Mười hai triệu đồng)" in missing.lines[0] and "bà Lê Thị Cúc" in missing.lines[0]
    # the decision of 10/8/2026 should have cited Law 106/2025; its decree was already wrong too
    assert "thay “Luật Thi hành án dân sự số 26/2008/QH12”" in law.lines[0]
    assert "“Luật Thi hành án dân sự số 106/2025/QH15”" in law.lines[0]
    assert "Nghị định số 152/2026/NĐ-CP" in law.lines[0]
    assert d.amends.number == "101/QĐ-THADS" and d.amends.date == "2026-08-10" and d.amends.agency == AGENCY
    assert [p.id for p in d.obligors] == ["P2"] and [p.id for p in d.obligees] == ["P1"]
    assert d.law_id == "106/2025/QH15"
    assert "Điều 52 Luật Thi hành án dân sự số 106/2025/QH15" in d.legal_bases[0].text
    assert d.legal_bases[-1].text == (
        "Căn cứ Quyết định thi hành án số 101/QĐ-THADS ngày 10 tháng 8 năm 2026 của Thi hành án dân sự tỉnh Nghệ An;"
    )
    assert "Bản án số 12/2025/DS-ST ngày 10 tháng 4 năm 2025" in d.legal_bases[-2].text


def test_the_law_follows_the_new_decisions_date(office):
    early = decision(
        "execute_on_request",
        [("pay_money", ["P2"], ["P1"], 105_000_000), ("pay_money", ["P2"], ["P1"], 12_000_000)],
        day="2026-03-02",
        law="26/2008/QH12",
        decree="62/2015/NĐ-CP",
    )
    before = _amend(early, office, opts=OPTS.model_copy(update={"issue_date": date(2026, 4, 1)}))
    assert before.law_id == "26/2008/QH12" and "khoản 2 Điều 37" in before.legal_bases[0].text
    after = _amend(early, office)
    assert after.law_id == "106/2025/QH15" and [c.kind for c in after.corrections] == ["amount_mismatch"]


def test_dismissed_or_unamendable_discrepancies_make_no_correction(office):
    found = _audit(_wrong_amount_and_law())
    kept = [x for x in found if x["kind"] != "amount_mismatch"]  # the reviewer dismissed it
    d = _amend(_wrong_amount_and_law(), office, kept)
    assert [c.kind for c in d.corrections] == ["wrong_law_for_date", "missing_obligation"]
    assert not any("105.000.000" in ln for c in d.corrections for ln in c.lines)
    voluntary = [{"kind": "other", "detail": "thời hạn tự nguyện 15 ngày", "obligation": None}]
    assert _amend(_wrong_amount_and_law(), office, voluntary) is None
    assert _amend(on_request_p2(), office, []) is None
    assert "other" not in AMENDABLE


def test_wrong_party_type_and_reference(office):
    # P3 named obligor of P2's debt; the judgment number mistyped
    wrong = decision(
        "execute_on_request",
        [("pay_money", ["P2", "P3"], ["P1"], 150_000_000), ("pay_money", ["P2"], ["P1"], 12_000_000)],
        ref={
            "number": "21/2025/DS-ST",
            "date": "2025-04-10",
            "court": "Tòa án nhân dân huyện Yên Thành, tỉnh Nghệ An",
        },
    )
    d = _amend(wrong, office)
    kinds = {c.kind: c for c in d.corrections}
    assert set(kinds) == {"party_mismatch", "wrong_judgment_reference"}
    party = kinds["party_mismatch"]
    assert "đã ghi người phải thi hành án Lê Thị Cúc, Nguyễn Văn Đạt" in party.lines[0]
    assert "nay sửa lại theo bản án như sau: bà Lê Thị Cúc phải trả cho ông Hoàng Văn Bình" in party.lines[0]
    ref = kinds["wrong_judgment_reference"].lines[0]
    assert "“số 21/2025/DS-ST ngày 10 tháng 4 năm 2025" in ref and "Bản án số 12/2025/DS-ST" in ref
    # an ex officio decision that puts P3's debt to P1 beside P3's court fee
    mixed = decision(
        "execute_ex_officio",
        [("court_fee", ["P3"], ["STATE"], 2_000_000), ("pay_money", ["P3"], ["P1"], 40_000_000)],
    )
    (c,) = _amend(mixed, office).corrections
    assert c.kind == "wrong_enforcement_type" and c.obligation == "O2"
    assert c.lines[0].startswith("Bỏ khoản trả tiền sau đây") and "40.000.000 đồng" in c.lines[0]
    assert "thi hành án theo yêu cầu" in c.lines[1]


def test_rendered_amend_is_a_clean_draft_until_approved(office, tmp_path):
    d = _amend(_wrong_amount_and_law(), office)
    path = render_docx(d, tmp_path / "a.docx")
    lines = [ln for ln in docx_text(path) if ln.strip()]
    assert lines[0] == DRAFT_MARK
    assert "Về việc sửa đổi, bổ sung quyết định thi hành án" in lines
    assert problems(d, lines) == []
    for ln in lines:  # every amount in words spells its digits
        for digits, words in __import__("re").findall(r"(\d{1,3}(?:\.\d{3})*) đồng \(([^()]+)\)", ln):
            assert words_to_amount(words) == int(digits.replace(".", ""))
    assert DRAFT_MARK not in docx_text(render_docx(d, tmp_path / "ok.docx", approved=True))
    assert render_pdf(path, tmp_path / "a.pdf").stat().st_size > 1000


def test_amend_template_markers_are_draft_fields(office):
    from docx import Document

    from docproc.decisions.render import template_context

    d = _amend(_wrong_amount_and_law(), office)
    doc = Document(str(TEMPLATES_DIR / "amend.docx"))
    texts = [p.text for p in doc.paragraphs]
    texts += [p.text for t in doc.tables for row in t.rows for c in row.cells for p in c.paragraphs]
    markers = {m for t in texts for m in _MARK.findall(t)}
    assert markers <= set(template_context(d))
    assert {"items", "request_ref", "article_1", "legal_bases", "draft_mark", "parties"} <= markers


def test_golden_amend_draft(office, tmp_path):
    fixed = OfficeSettings(
        parent="CỤC QUẢN LÝ THI HÀNH ÁN DÂN SỰ",
        name="THI HÀNH ÁN DÂN SỰ TỈNH NGHỆ AN",
        place="Nghệ An",
        head_name="Trần Văn Thủ",
        procuracy="Viện kiểm sát nhân dân tỉnh Nghệ An",
    )
    d = _amend(_wrong_amount_and_law(), fixed)
    got = {
        "title": d.title,
        "lines": [ln for ln in docx_text(render_docx(d, tmp_path / "g.docx")) if ln.strip()],
        "corrections": [[c.kind, c.obligation] for c in d.corrections],
        "warnings": d.warnings,
    }
    if GEN:
        GOLDEN.parent.mkdir(parents=True, exist_ok=True)
        GOLDEN.write_text(json.dumps(got, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    want = json.loads(GOLDEN.read_text(encoding="utf-8"))
    for k, (w, h) in enumerate(zip(want["lines"], got["lines"], strict=False)):
        assert h == w, f"line {k + 1}"
    assert got == want
