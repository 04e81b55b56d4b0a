"""Golden drafts of three dev documents, compared line by line from the DOCX text; PDF previews.

A credit contract with mortgage (c1-01, decided under the 2008 law), a divorce with child support
(c2-01) and a criminal case with joint compensation to a State enterprise and deductions (c3-05), both
under Law 106/2025. The expected lines live in tests/golden/drafts/NAME.json. They were generated with
    DOCPROC_GEN_GOLDEN=1 .venv/bin/pytest tests/decisions/test_decision_golden.py
and then reviewed by hand (amounts, parties, grouping, articles, dates, who paid what). Regenerate only
after a deliberate change of wording or rules, and review the diff; `test_golden_flag_is_off` keeps CI
honest.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import unicodedata
from datetime import date
from pathlib import Path

import pdfplumber
import pytest
from pypdf import PdfReader

from docproc.decisions import DraftOptions, OfficeSettings, drafts_for
from docproc.decisions.render import docx_text, render_docx, render_pdf

ROOT = Path(__file__).resolve().parents[2]
GOLD = ROOT.parent / "shared" / "corpus" / "dev" / "gold"
GOLDEN = ROOT / "tests" / "golden" / "drafts"
GEN = os.environ.get("DOCPROC_GEN_GOLDEN") == "1"

# credit contract with mortgage / divorce with child support / criminal case with fine and compensation
CASES = {
    "c1-01": {
        "issue_date": "2026-06-15",
        "judgment_received_date": "2026-06-10",
        "request_date": "2026-06-11",
        "decision_number": "215",
        "executor": "Nguyễn Văn Chấp",
    },
    "c2-01": {
        "issue_date": "2026-07-15",
        "request_date": "2026-07-13",
        "judgment_received_date": "2026-07-10",
        "judgment_effective_date": "2021-05-04",
        "decision_number": "316",
        "executor": "Nguyễn Văn Chấp",
    },
    "c3-05": {
        "issue_date": "2026-07-02",
        "judgment_received_date": "2026-06-26",
        "request_date": "2026-06-29",
        "decision_number": "402",
        "executor": "Nguyễn Văn Chấp",
    },
}


def _office() -> OfficeSettings:
    return OfficeSettings(
        parent="CỤC QUẢN LÝ THI HÀNH ÁN DÂN SỰ",
        name="THI HÀNH ÁN DÂN SỰ TỈNH BÀ RỊA - VŨNG TÀU",
        place="Bà Rịa - Vũng Tàu",
        head_name="Trần Văn Thủ",
        procuracy="Viện kiểm sát nhân dân tỉnh Bà Rịa - Vũng Tàu",
        payment_instructions="nộp tại trụ sở cơ quan thi hành án dân sự",
        notification_form="giao trực tiếp",
    )


def _drafts(name: str):
    extraction = json.loads((GOLD / f"{name}.json").read_text(encoding="utf-8"))
    opts = DraftOptions(
        **{k: (date.fromisoformat(v) if k.endswith("date") else v) for k, v in CASES[name].items()}
    )
    return drafts_for(extraction, _office(), opts)


def _render(name: str, tmp: Path) -> tuple[dict, dict[str, Path]]:
    """Every draft of a document: its DOCX lines, title, warnings for the review page, PDF preview."""
    out = {"options": CASES[name], "drafts": {}}
    pdfs = {}
    for d in _drafts(name):
        path = render_docx(d, tmp / f"{d.name}.docx")
        pdfs[d.name] = render_pdf(path, tmp / f"{d.name}.pdf")
        out["drafts"][d.name] = {
            "title": d.title,
            "lines": [ln for ln in docx_text(path) if ln.strip()],
            "warnings": d.warnings,
            "deadline_dates": {dl.name: dl.date for dl in d.deadlines},
            "obligations": [i.obligation_id for i in d.items],
            "pdf_pages": len(PdfReader(str(pdfs[d.name])).pages),
        }
    return out, pdfs


def test_golden_flag_is_off():
    assert not GEN, "DOCPROC_GEN_GOLDEN=1 rewrites the golden drafts: unset it after reviewing them"


@pytest.mark.parametrize("name", sorted(CASES))
def test_golden_drafts_field_by_field_and_pdf_preview(name, tmp_path):
    got, pdfs = _render(name, tmp_path)
    path = GOLDEN / f"{name}.json"
    if GEN:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(got, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    expected = json.loads(path.read_text(encoding="utf-8"))
    assert list(got["drafts"]) == list(expected["drafts"])
    for draft_name, fields in expected["drafts"].items():
        mine = got["drafts"][draft_name]
        for k, (want, have) in enumerate(zip(fields["lines"], mine["lines"], strict=False)):
            assert have == want, f"{name} {draft_name} line {k + 1}"
        assert len(mine["lines"]) == len(fields["lines"]), f"{name} {draft_name}: number of lines"
        for key, value in fields.items():
            assert mine[key] == value, f"{name} {draft_name} field {key}"
        _check_pdf(pdfs[draft_name], fields, tmp_path)


def _flat(s: str) -> str:
    return re.sub(r"\s+", " ", s.replace("\u00a0", " ")).strip()


def _check_pdf(pdf: Path, fields: dict, tmp_path: Path) -> None:
    """Fonts embedded; the text (pdfplumber) is NFC and holds the fields; pdftoppm renders every page."""
    reader = PdfReader(str(pdf))
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            desc = font.get_object()["/DescendantFonts"][0].get_object()["/FontDescriptor"].get_object()
            assert "/FontFile2" in desc, f"font not embedded in {pdf.name}"
    with pdfplumber.open(pdf) as doc:
        text = "\n".join(p.extract_text() or "" for p in doc.pages)
        # the header and signature tables put two columns on one line: read each column alone too
        # (column edges from the template: 30 mm margin + 65 mm header cell, + 80 mm footer cell)
        columns = []
        for p in doc.pages:
            for split_mm in (95, 110):
                x = split_mm * 72 / 25.4
                columns.append(p.crop((0, 0, x, p.height)).extract_text() or "")
                columns.append(p.crop((x, 0, p.width, p.height)).extract_text() or "")
        n_pages = len(doc.pages)
    assert n_pages == fields["pdf_pages"] >= 1
    assert text == unicodedata.normalize("NFC", text)
    flat = _flat(text) + " | " + " | ".join(_flat(c) for c in columns)
    for line in fields["lines"]:
        assert _flat(line) in flat, (pdf.name, line)
    if shutil.which("pdftoppm"):
        prefix = tmp_path / pdf.stem
        subprocess.run(["pdftoppm", "-r", "20", "-png", str(pdf), str(prefix)], check=True, timeout=60)
        pngs = sorted(tmp_path.glob(f"{pdf.stem}-*.png"))
        assert len(pngs) == n_pages
