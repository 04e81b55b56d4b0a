"""Golden drafts of three dev documents, compared field by field from the DOCX text; PDF previews.

The expected fields live in tests/golden/drafts/NAME.json. They were generated once with
    DOCPROC_GEN_GOLDEN=1 .venv/bin/pytest tests/decisions/test_decision_golden.py
and then reviewed by hand (amounts, parties, grouping, articles, dates). Regenerate only after a
deliberate change of wording or rules, and review the diff; `test_golden_flag_is_off` keeps CI honest.
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
    "c1-01": {"issue_date": "2026-06-15", "judgment_received_date": "2026-06-10"},
    "c2-01": {
        "issue_date": "2026-07-15",
        "request_date": "2026-07-13",
        "judgment_effective_date": "2021-05-04",
    },
    "c3-05": {
        "issue_date": "2026-07-02",
        "judgment_received_date": "2026-06-26",
        "request_date": "2026-06-29",
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
    opts = DraftOptions(**{k: date.fromisoformat(v) for k, v in CASES[name].items()})
    return drafts_for(extraction, _office(), opts)


def parse_decision(lines: list[str]) -> dict:
    """Fields of a filled decision DOCX, read back from its paragraph text by the form's layout."""
    lines = [ln for ln in lines if ln.strip()]
    f: dict = {
        "office_parent": lines[0],
        "office_name": lines[1],
        "number": lines[2],
        "motto": lines[3:5],
        "place_date": lines[5],
        "title": lines[6],
        "subject": lines[7],
        "signer_title": lines[8],
    }
    body_end = lines.index("Nơi nhận:")
    body = lines[9:body_end]
    f["legal_bases"] = [ln for ln in body if ln.startswith("Căn cứ")]
    f["request_ref"] = next((ln for ln in body if ln.startswith("Xét đơn")), None)
    f["article_1"] = next(ln for ln in body if ln.startswith("Điều 1."))
    f["obligors"] = [ln for ln in body if ln.startswith("Người phải thi hành án:")]
    f["obligees"] = [ln for ln in body if ln.startswith("Người được thi hành án:")]
    start = body.index("Các khoản phải thi hành:") + 1
    end = next(k for k, ln in enumerate(body) if ln.startswith("Điều 2."))
    tail = body[start:end]
    f["joint_liability"] = [ln for ln in tail if "liên đới chịu trách nhiệm thi hành khoản" in ln]
    f["late_interest"] = [ln for ln in tail if ln.startswith("Người phải thi hành án còn phải chịu tiền lãi")]
    f["items"] = [ln for ln in tail if ln not in f["joint_liability"] + f["late_interest"]]
    f["article_2"] = body[end]
    f["payment"] = [ln for ln in body[end:] if ln.startswith(("Chỉ dẫn nộp tiền", "Hình thức thông báo"))]
    f["article_3"] = next(ln for ln in body if ln.startswith("Điều 3."))
    notes_at = next(k for k, ln in enumerate(lines) if ln.startswith("GHI CHÚ CHO CÁN BỘ"))
    f["recipients"] = [ln for ln in lines[body_end + 1 : notes_at] if ln.startswith("- ")]
    f["signature_title"], f["signer_name"] = [
        ln for ln in lines[body_end + 1 : notes_at] if not ln.startswith("- ")
    ]
    notes = lines[notes_at + 1 :]
    f["law"] = notes[0]
    f["deadlines"] = [ln for ln in notes if ln.startswith("- Thời h")]
    f["placeholders"] = [ln for ln in notes if re.match(r"- [A-Za-z0-9_.+]+: ", ln)]
    return f


def _render(name: str, tmp: Path) -> tuple[dict, dict[str, Path]]:
    """Golden fields of every draft of a document (from its DOCX text) and the PDF previews."""
    out = {"options": CASES[name], "drafts": {}}
    pdfs = {}
    for d in _drafts(name):
        path = render_docx(d, tmp / f"{d.name}.docx")
        fields = parse_decision(docx_text(path))
        fields["deadline_dates"] = {dl.name: dl.date for dl in d.deadlines}
        fields["obligations"] = [i.obligation_id for i in d.items]
        pdfs[d.name] = render_pdf(path, tmp / f"{d.name}.pdf")
        fields["pdf_pages"] = len(PdfReader(str(pdfs[d.name])).pages)
        out["drafts"][d.name] = fields
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
        for key, value in fields.items():
            assert got["drafts"][draft_name][key] == value, f"{name} {draft_name} field {key}"
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
    assert n_pages == fields["pdf_pages"] >= 2  # the decision, then the officer's notes
    assert text == unicodedata.normalize("NFC", text)
    flat = _flat(text) + " | " + " | ".join(_flat(c) for c in columns)
    for key in ("office_name", "number", "place_date", "subject", "signer_title", "signer_name"):
        assert _flat(fields[key]) in flat, (pdf.name, key)
    for key in ("legal_bases", "obligors", "obligees", "items", "recipients", "deadlines"):
        for line in fields[key]:
            assert _flat(line) in flat, (pdf.name, key, line)
    if shutil.which("pdftoppm"):
        prefix = tmp_path / pdf.stem
        subprocess.run(["pdftoppm", "-r", "20", "-png", str(pdf), str(prefix)], check=True, timeout=60)
        pngs = sorted(tmp_path.glob(f"{pdf.stem}-*.png"))
        assert len(pngs) == n_pages
