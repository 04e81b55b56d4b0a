"""Drafts from dev extractions: amounts in words, grouping, placeholders, notes, NFC, CLI."""

from __future__ import annotations

import copy
import json
import re
import unicodedata
from datetime import date
from pathlib import Path

import pytest
from typer.testing import CliRunner

from docproc.decisions import (
    PLACEHOLDER_PREFIX,
    DraftOptions,
    OfficeSettings,
    draft_ex_officio,
    draft_on_request,
    drafts_for,
)
from docproc.decisions.render import docx_text, render_docx
from docproc.text import words_to_amount

GOLD = Path(__file__).resolve().parents[2].parent / "shared" / "corpus" / "dev" / "gold"
GOLD_NAMES = sorted(p.stem for p in GOLD.glob("*.json"))
OPTS = DraftOptions(issue_date=date(2026, 7, 15))
MONEY_RE = re.compile(r"(\d{1,3}(?:\.\d{3})*) đồng \(([^()]+)\)")


def load_gold(name: str) -> dict:
    return json.loads((GOLD / f"{name}.json").read_text(encoding="utf-8"))


def _all_text(draft) -> list[str]:
    lines = [line for item in draft.items for line in item.lines]
    return lines + [draft.article_2, draft.judgment_ref] + [p.text for p in draft.obligors + draft.obligees]


@pytest.mark.parametrize("name", GOLD_NAMES)
def test_every_amount_in_words_parses_back(name, office):
    """Every '<digits> đồng (<words>)' in every draft of every dev document: words → same integer,
    and every dev amount (obligation, components, shares, instalments, fee advances) is there."""
    gold = load_gold(name)
    drafts = drafts_for(gold, office, OPTS)
    seen: set[int] = set()
    for d in drafts:
        for item in d.items:
            if item.amount_vnd is not None:
                assert words_to_amount(item.amount_words) == item.amount_vnd
                assert item.amount_digits.replace(".", "") == str(item.amount_vnd)
        for line in _all_text(d) + d.warnings:
            if line.startswith("(Trích bản án"):  # the judgment's own words, as printed
                continue
            for digits, words in MONEY_RE.findall(line):
                value = int(digits.replace(".", ""))
                assert words_to_amount(words) == value, (name, d.name, line)
                seen.add(value)
    expected: set[int] = set()
    for ob in gold["obligations"]:
        if ob.get("amount_vnd") is not None:
            expected.add(ob["amount_vnd"])
        expected.update(abs(v) for v in ob.get("components", {}).values())  # a deduction is "trừ N đồng"
        expected.update((ob.get("shares") or {}).values())
        expected.update(i["amount_vnd"] for i in ob.get("instalments") or [])
        for key in ("advance_credited", "already_paid"):
            if isinstance(ob.get(key), int):
                expected.add(ob[key])
    assert expected <= seen, sorted(expected - seen)


@pytest.mark.parametrize("name", GOLD_NAMES)
def test_every_obligation_is_in_exactly_one_draft(name, office):
    gold = load_gold(name)
    drafts = drafts_for(gold, office, OPTS)
    ids = [item.obligation_id for d in drafts for item in d.items]
    assert sorted(ids) == sorted(ob["id"] for ob in gold["obligations"])
    for d in drafts:
        assert len({d.name for d in drafts}) == len(drafts)
        kinds = {"ex_officio": "ex-officio-", "on_request": "on-request-"}
        assert d.name.startswith(kinds[d.kind])


def test_one_decision_per_obligor_under_the_law(office):
    """c2-01: fees of P1 and of P2 are separate ex officio decisions, the refund to P3 a third; P1's
    and P3's claims against P2 are two on-request decisions."""
    drafts = drafts_for(load_gold("c2-01"), office, OPTS)
    assert [(d.name, [i.obligation_id for i in d.items]) for d in drafts] == [
        ("ex-officio-P1", ["O4"]),
        ("ex-officio-P2", ["O5", "O6"]),
        ("ex-officio-P3", ["O7"]),
        ("on-request-P1-P2", ["O1", "O2"]),
        ("on-request-P3-P2", ["O3"]),
    ]
    # a joint fee is one common decision, apart from the co-obligor's own fee (c1-02)
    names = [d.name for d in drafts_for(load_gold("c1-02"), office, OPTS)]
    assert names == ["ex-officio-P1", "ex-officio-P2+P3", "on-request-P1-P2+P3"]


def test_combined_grouping_and_public_functions(office):
    gold = load_gold("c2-01")
    opts = OPTS.model_copy(update={"grouping": "combined"})
    drafts = drafts_for(gold, office, opts)
    assert [d.name for d in drafts] == ["ex-officio", "on-request-P1", "on-request-P3"]
    ex = draft_ex_officio(gold, office, OPTS)
    assert [i.obligation_id for i in ex.items] == ["O4", "O5", "O6", "O7"]
    assert {i.point for i in ex.items} == {"a", "b"}
    assert "điểm a, b khoản 2 và khoản 3 Điều 33" in ex.legal_bases[0].text
    req = draft_on_request(gold, "P1", office, OPTS)
    assert [i.obligation_id for i in req.items] == ["O1", "O2"]
    assert req.request_ref.endswith("của bà Lê Thị Thu Hằng,")
    assert draft_ex_officio({**gold, "obligations": gold["obligations"][:3]}, office, OPTS) is None
    empty = draft_on_request(gold, "P2", office, OPTS)
    assert not empty.items and any(p.field == "items" for p in empty.placeholders)


def test_low_confidence_and_missing_inputs_become_visible_placeholders(office, tmp_path):
    gold = copy.deepcopy(load_gold("c2-01"))
    gold["evidence"] = {
        "/obligations/2/amount_vnd": {"text": "150.000.000", "confidence": 0.55},
        "/parties/1/name": {"text": "Phan Quốc Dũng", "confidence": 0.95},
        "/case/number": {"text": "86/2021/HNGĐ-ST", "confidence": 0.7},
    }
    gold["parties"][2]["address"] = None
    draft = draft_on_request(gold, "P3", office, OPTS)
    by_field = {p.field: p for p in draft.placeholders}
    amount = by_field["obligations.O3.amount_vnd"]
    assert amount.reason == "low_confidence" and amount.confidence == 0.55
    assert amount.text == f"{PLACEHOLDER_PREFIX}150.000.000 đồng (Một trăm năm mươi triệu đồng)]"
    assert by_field["case.number"].reason == "low_confidence"
    assert by_field["parties.P3.address"].reason == "missing"
    assert "parties.P2.name" not in by_field  # confidence 0.95 is fine
    assert any("Thiếu địa chỉ của bà Trần Thị Kim Oanh" in w for w in draft.warnings)
    text = "\n".join(docx_text(render_docx(draft, tmp_path / "d.docx")))
    for p in draft.placeholders:
        assert p.text in text, p.field
    assert "obligations." not in text and "parties." not in text and "P3" not in text
    assert "Bản án số [cần kiểm tra: 86/2021/HNGĐ-ST]" in text


def test_no_silent_blanks_without_office_settings(tmp_path):
    bare = OfficeSettings(parent=None, name=None, place=None, head_name=None, procuracy=None)
    draft = draft_ex_officio(load_gold("c3-05"), bare, OPTS.model_copy(update={"grouping": "combined"}))
    fields = {p.field for p in draft.placeholders}
    assert {
        "office.name",
        "office.place",
        "office.head_name",
        "office.procuracy",
        "decision_number",
    } <= fields
    assert "executor" in fields
    assert any("Chưa có ngày nhận bản án" in w for w in draft.warnings)  # a warning, not DOCX text
    lines = docx_text(render_docx(draft, tmp_path / "d.docx"))
    # no paragraph is a bare label or an unfilled marker
    assert not any("{{" in line for line in lines)
    assert not any(re.search(r":\s*;|:\s+$|\(\s*\)", line) for line in lines)


def test_unverified_rules_are_notes_for_the_officer(office):
    draft = draft_on_request(load_gold("c2-01"), "P1", office, DraftOptions(issue_date=date(2026, 3, 2)))
    assert draft.law_id == "26/2008/QH12"
    unverified = [n for n in draft.notes if n.startswith("Chưa kiểm chứng")]
    assert any("lãi chậm thi hành án" in n for n in unverified)
    assert any("Thời hạn gửi quyết định cho Viện kiểm sát" in n for n in unverified)
    assert any("mỗi người phải thi hành án" in n for n in unverified)
    assert all(not b.verified for b in draft.legal_bases[:2]) and draft.legal_bases[-1].verified
    new = draft_on_request(load_gold("c2-01"), "P1", office, OPTS)
    assert not any("lãi chậm" in n for n in new.notes if n.startswith("Chưa kiểm chứng"))


def test_mismatching_words_in_the_extraction_are_flagged(office):
    gold = copy.deepcopy(load_gold("c2-01"))
    gold["obligations"][1]["amount_words"] = "Một tỷ ba trăm triệu đồng"
    draft = draft_on_request(gold, "P1", office, OPTS)
    flagged = [p for p in draft.placeholders if p.reason == "mismatch"]
    assert len(flagged) == 1 and "1.325.000.000" in flagged[0].text


@pytest.mark.parametrize("name", ["c1-01", "c2-01", "c3-05"])
def test_draft_text_is_nfc(name, office):
    for d in drafts_for(load_gold(name), office, OPTS):
        dumped = json.dumps(d.model_dump(), ensure_ascii=False)
        assert dumped == unicodedata.normalize("NFC", dumped)


def test_cli_draft_writes_docx_pdf_json(tmp_path, monkeypatch):
    from cli import app

    monkeypatch.setenv("DOCPROC_OFFICE_NAME", "THI HÀNH ÁN DÂN SỰ TỈNH NGHỆ AN")
    office = tmp_path / "office.json"
    office.write_text(json.dumps({"place": "Nghệ An", "head_name": "Lê Văn Ký"}, ensure_ascii=False), "utf-8")
    out = tmp_path / "out"
    args = ["draft", str(GOLD / "c2-12.json"), "--out", str(out), "--office", str(office)]
    result = CliRunner().invoke(app, [*args, "--issue-date", "2026-07-15", "--combined"])
    assert result.exit_code == 0, result.output
    names = sorted(p.name for p in out.iterdir())
    assert names == [
        "ex-officio.docx", "ex-officio.json", "ex-officio.pdf",
        "on-request-P1.docx", "on-request-P1.json", "on-request-P1.pdf",
    ]  # fmt: skip
    text = "\n".join(docx_text(out / "ex-officio.docx"))
    assert "THI HÀNH ÁN DÂN SỰ TỈNH NGHỆ AN" in text and "Nghệ An, ngày 15 tháng 7 năm 2026" in text
    full = CliRunner().invoke(
        app, [*args, "--out", str(tmp_path / "full"), "--issue-date", "2026-07-15", "--number", "46",
              "--executor", "Nguyễn Văn Chấp", "--request-date", "2026-07-10"],
    )  # fmt: skip
    assert full.exit_code == 0, full.output
    (on_request,) = sorted((tmp_path / "full").glob("on-request-*.docx"))
    text = "\n".join(docx_text(on_request))
    assert "Số: 46/QĐ-THADS" in text and "Chấp hành viên Nguyễn Văn Chấp" in text
    assert "ngày 10 tháng 7 năm 2026" in text
    bad = CliRunner().invoke(app, [*args, "--issue-date", "15/07/2026"])
    assert bad.exit_code == 2


def test_templates_use_exactly_the_draft_fields(office):
    """Every marker in the kept templates is a field the drafts fill, and every field has a marker."""
    from docx import Document

    from docproc.decisions.render import _MARK, TEMPLATES_DIR, template_context

    fields = set(template_context(draft_on_request(load_gold("c2-01"), "P1", office, OPTS))) - {
        "officer_notes"
    }
    for name, only_ex_officio in (("ex-officio.docx", {"request_ref"}), ("on-request.docx", set())):
        doc = Document(str(TEMPLATES_DIR / name))
        texts = [p.text for p in doc.paragraphs]
        texts += [p.text for t in doc.tables for row in t.rows for c in row.cells for p in c.paragraphs]
        markers = {m for t in texts for m in _MARK.findall(t)}
        assert markers == fields - only_ex_officio, name


def test_missing_fonts_fail_clearly(monkeypatch, tmp_path):
    from docproc.decisions import render

    monkeypatch.setattr(render, "_FONT_SETS", [(str(tmp_path), "None-{}.ttf", ("R", "B", "I", "BI"))])
    with pytest.raises(render.FontNotFound, match="fonts-liberation2"):
        render.find_fonts()


def test_office_settings_from_environment(monkeypatch):
    monkeypatch.setenv("DOCPROC_OFFICE_PLACE", "Nghệ An")
    monkeypatch.setenv("DOCPROC_OFFICE_NUMBER_SYMBOL", "QĐ-CTHADS")
    draft = draft_ex_officio(load_gold("c2-12"), OfficeSettings(), OPTS)
    assert draft.place_date == "Nghệ An, ngày 15 tháng 7 năm 2026"
    assert draft.number == "Số: ......../QĐ-CTHADS"
