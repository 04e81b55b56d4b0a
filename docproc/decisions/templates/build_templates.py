"""Build the starting DOCX templates of the decisions (run once; then edit the .docx in Word).

    python -m docproc.decisions.templates.build_templates

The templates are the source of truth after that: an office edits ex-officio.docx / on-request.docx
in Word or LibreOffice (fonts, spacing, fixed wording) and keeps the {{ field }} markers. Re-running
this script overwrites such edits, so it exists only to make the first version reproducible.
Markers are listed in README.md next to the templates.
"""

from __future__ import annotations

from pathlib import Path

from docx import Document
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt

HERE = Path(__file__).resolve().parent
FONT = "Times New Roman"


def _no_borders(table) -> None:
    tbl_pr = table._tbl.tblPr
    borders = OxmlElement("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        el = OxmlElement(f"w:{edge}")
        el.set(qn("w:val"), "nil")
        borders.append(el)
    tbl_pr.append(borders)


def _para(
    container, text: str, *, align=None, bold=False, italic=False, size=13, indent=False, space_after=3
):
    p = container.add_paragraph()
    if align is not None:
        p.alignment = align
    fmt = p.paragraph_format
    fmt.space_after = Pt(space_after)
    fmt.space_before = Pt(0)
    if indent:
        fmt.first_line_indent = Cm(1)
    run = p.add_run(text)
    run.bold, run.italic = bold, italic
    run.font.size = Pt(size)
    run.font.name = FONT
    return p


def _cell_para(cell, text: str, **kw):
    p = _para(cell, text, **kw)
    return p


def build(kind: str, path: Path) -> None:
    doc = Document()
    section = doc.sections[0]
    section.page_height, section.page_width = Cm(29.7), Cm(21.0)
    section.top_margin, section.bottom_margin = Cm(2), Cm(2)
    section.left_margin, section.right_margin = Cm(3), Cm(2)
    style = doc.styles["Normal"]
    style.font.name = FONT
    style.font.size = Pt(13)
    style.element.rPr.rFonts.set(qn("w:eastAsia"), FONT)

    C, J = WD_ALIGN_PARAGRAPH.CENTER, WD_ALIGN_PARAGRAPH.JUSTIFY
    _para(doc, "{{ draft_mark }}", align=C, bold=True, size=12, space_after=6)
    header = doc.add_table(rows=1, cols=2)
    header.alignment = WD_TABLE_ALIGNMENT.CENTER
    _no_borders(header)
    left, right = header.rows[0].cells
    left.width, right.width = Cm(6.5), Cm(9.5)
    for cell in (left, right):
        cell._tc.remove(cell.paragraphs[0]._p)
    _cell_para(left, "{{ office_parent }}", align=C, size=12)
    _cell_para(left, "{{ office_name }}", align=C, bold=True, size=12)
    _cell_para(left, "{{ number }}", align=C, size=13)
    _cell_para(right, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", align=C, bold=True, size=12)
    _cell_para(right, "Độc lập - Tự do - Hạnh phúc", align=C, bold=True, size=13)
    _cell_para(right, "{{ place_date }}", align=C, italic=True, size=13)

    _para(doc, "", space_after=6)
    _para(doc, "{{ form_title }}", align=C, bold=True, size=14, space_after=0)
    _para(doc, "{{ form_subject }}", align=C, bold=True, size=14, space_after=12)
    _para(doc, "{{ signer_title }}", align=C, bold=True, size=13, space_after=6)
    _para(doc, "{{ legal_bases }}", align=J, italic=True, indent=True)
    if kind == "amend":
        # Căn cứ ..., Xét thấy ...; Điều 1 lists the corrections, then the parties as the judgment names them
        _para(doc, "{{ request_ref }}", align=J, italic=True, indent=True)
        _para(doc, "QUYẾT ĐỊNH:", align=C, bold=True, size=14, space_after=6)
        _para(doc, "{{ article_1 }}", align=J, bold=True, indent=True)
        _para(doc, "{{ items }}", align=J, indent=True)
        _para(doc, "{{ parties }}", align=J, indent=True)
        _para(doc, "{{ article_2 }}", align=J, indent=True)
        _para(doc, "{{ article_3 }}", align=J, indent=True)
        _footer(doc, kind, C, path)
        return
    if kind == "on_request":
        _para(doc, "{{ request_ref }}", align=J, italic=True, indent=True)
    _para(doc, "QUYẾT ĐỊNH:", align=C, bold=True, size=14, space_after=6)
    _para(doc, "{{ article_1 }}", align=J, bold=True, indent=True)
    _para(doc, "{{ parties }}", align=J, indent=True)
    _para(doc, "Các khoản phải thi hành:", align=J, indent=True)
    _para(doc, "{{ items }}", align=J, indent=True)
    _para(doc, "{{ joint_liability }}", align=J, indent=True)
    _para(doc, "{{ late_interest }}", align=J, indent=True)
    _para(doc, "{{ article_2 }}", align=J, indent=True)
    _para(doc, "{{ payment }}", align=J, indent=True)
    _para(doc, "{{ article_3 }}", align=J, indent=True)
    _footer(doc, kind, C, path)


def _footer(doc, kind: str, C, path: Path) -> None:
    _para(doc, "", space_after=6)
    footer = doc.add_table(rows=1, cols=2)
    _no_borders(footer)
    left, right = footer.rows[0].cells
    left.width, right.width = Cm(8), Cm(8)
    for cell in (left, right):
        cell._tc.remove(cell.paragraphs[0]._p)
    _cell_para(left, "Nơi nhận:", bold=True, italic=True, size=12, space_after=0)
    _cell_para(left, "{{ recipients }}", size=11, space_after=0)
    _cell_para(right, "{{ signature_title }}", align=C, bold=True, size=13, space_after=48)
    _cell_para(right, "{{ signer_name }}", align=C, bold=True, size=13)

    doc.core_properties.title = f"Mẫu dự thảo quyết định thi hành án ({kind})"
    doc.core_properties.author = ""
    doc.save(path)


def main() -> None:
    build("ex_officio", HERE / "ex-officio.docx")
    build("on_request", HERE / "on-request.docx")
    build("amend", HERE / "amend.docx")


if __name__ == "__main__":
    main()
