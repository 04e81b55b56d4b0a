"""Issue 14's bar on the dev gold: with office settings and every decision input, each DOCX draft has no
placeholder but "thiếu …", no developer term, every ordered amount in digits and words, the enforcement
type of the guideline, and no "already paid" line naming someone who is not its obligor."""

from __future__ import annotations

import json
import sys
from datetime import date
from pathlib import Path

import pytest

from docproc.decisions import DraftOptions, drafts_for
from docproc.decisions.check import problems

ROOT = Path(__file__).resolve().parents[2]
GOLD = ROOT.parent / "shared" / "corpus" / "dev" / "gold"
sys.path.insert(0, str(ROOT / "benchmarks"))

from drafts_check import check_one  # noqa: E402


@pytest.mark.parametrize("name", sorted(p.stem for p in GOLD.glob("*.json")))
def test_every_dev_draft_can_be_signed(name, tmp_path):
    extraction = json.loads((GOLD / f"{name}.json").read_text(encoding="utf-8"))
    found, n_drafts, wrong_type = check_one(extraction, date(2026, 12, 7), tmp_path)
    assert n_drafts >= 1 or not extraction["obligations"]
    assert found == [] and wrong_type == 0


def test_the_check_catches_what_it_is_for(office):
    extraction = json.loads((GOLD / "c2-01.json").read_text(encoding="utf-8"))
    draft = drafts_for(extraction, office, DraftOptions(issue_date=date(2026, 12, 7)))[0]
    lines = [
        "Số: ......../QĐ-THADS",
        "1. Bà A phải nộp án phí: 300.000 đồng (Ba trăm đồng).",
        "Ghi chú: obligations.O4.amount_vnd thấp; xem c2-01.json",
        "Chấp hành viên [cần kiểm tra: họ tên Chấp hành viên được phân công]",
        "Số tiền trên là số tiền còn phải thi hành, đã trừ 1.000 đồng (Một nghìn đồng) do ông Người Khác đã nộp.",
    ]
    kinds = [p.kind for p in problems(draft, lines)]
    assert kinds.count("placeholder") == 2
    assert "developer_term" in kinds and "already_paid" in kinds
    assert "amount" in kinds  # wrong words, and the ordered 58.050.000 đồng missing
