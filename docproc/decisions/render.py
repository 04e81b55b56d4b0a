"""Draft → DOCX (fill a template kept in templates/) → PDF preview (fpdf2, embedded TTF fonts).

Template markers: `{{ name }}` inside a paragraph is replaced by a text field; a paragraph holding only
`{{ name }}` of a list field is repeated once per element (and removed when the list is empty). The
replaced paragraph keeps the formatting of its first run. The PDF is drawn from the filled DOCX, so it
previews exactly what the officer will open, template edits included.
"""

from __future__ import annotations

import copy
import re
from collections.abc import Iterator
from pathlib import Path

from docx import Document as open_docx
from docx.document import Document as DocxDocument
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.table import Table
from docx.text.paragraph import Paragraph

from docproc.decisions._models import Draft
from docproc.errors import DocprocError
from docproc.text import nfc

__all__ = [
    "TEMPLATES_DIR",
    "DRAFT_MARK",
    "ISSUED_MARK",
    "issued_mark",
    "FontNotFound",
    "template_context",
    "render_docx",
    "render_pdf",
    "docx_text",
    "find_fonts",
]

TEMPLATES_DIR = Path(__file__).resolve().parent / "templates"
_MARK = re.compile(r"\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}")

# Serif first (official documents use Times New Roman); each entry: regular, bold, italic, bold italic.
_FONT_SETS = [
    (
        "/usr/share/fonts/truetype/liberation2",
        "LiberationSerif-{}.ttf",
        ("Regular", "Bold", "Italic", "BoldItalic"),
    ),
    (
        "/usr/share/fonts/truetype/liberation",
        "LiberationSerif-{}.ttf",
        ("Regular", "Bold", "Italic", "BoldItalic"),
    ),
    ("/usr/share/fonts/truetype/dejavu", "DejaVuSerif{}.ttf", ("", "-Bold", "-Italic", "-BoldItalic")),
    ("/usr/share/fonts/truetype/dejavu", "DejaVuSans{}.ttf", ("", "-Bold", "-Oblique", "-BoldOblique")),
]


class FontNotFound(DocprocError):
    exit_code, http_status, code = 10, 500, "font_not_found"


def find_fonts(extra_dirs: list[Path] | None = None) -> dict[str, Path]:
    """Paths of a TTF family with Vietnamese glyphs: {"": regular, "B": bold, "I": italic, "BI": ...}."""
    sets = [(str(d), pat, styles) for d in extra_dirs or [] for (_, pat, styles) in _FONT_SETS] + _FONT_SETS
    for folder, pattern, styles in sets:
        paths = [Path(folder) / pattern.format(s) for s in styles]
        if paths[0].is_file():
            found = {"": paths[0]}
            for key, p in zip(("B", "I", "BI"), paths[1:], strict=True):
                found[key] = p if p.is_file() else paths[0]
            return found
    raise FontNotFound(
        "no TTF font with Vietnamese glyphs found for the PDF preview: install the Debian packages "
        "fonts-liberation2 or fonts-dejavu-core"
    )


# --- DOCX ----------------------------------------------------------------------------------------


DRAFT_MARK = "BẢN NHÁP – CHƯA DUYỆT"
ISSUED_MARK = "ĐÃ CÓ QUYẾT ĐỊNH"
TEMPLATES = {"ex_officio": "ex-officio.docx", "on_request": "on-request.docx", "amend": "amend.docx"}


def template_context(draft: Draft, *, approved: bool = False) -> dict[str, str | list[str]]:
    """The template fields of a draft (text, or lists of paragraphs). Only what the decision says:
    the officer's notes and warnings belong on the review page (Draft.notes, Draft.warnings), not in
    the document; until approved the document is marked as a draft."""
    items: list[str] = []
    if draft.kind == "amend":
        for k, c in enumerate(draft.corrections, start=1):
            items.append(f"{k}. {c.lines[0]}")
            items.extend(c.lines[1:])
    for k, item in enumerate(draft.items if draft.kind != "amend" else [], start=1):
        items.append(f"{k}. {item.lines[0]}")
        items.extend(item.lines[1:])
    if not items:
        items.append(
            next((p.text for p in draft.placeholders if p.field == "items"), "[cần kiểm tra: không có khoản]")
        )
    return {
        "office_parent": draft.office_parent,
        "office_name": draft.office_name,
        "number": draft.number,
        "place_date": draft.place_date,
        "form_title": draft.form_title,
        "form_subject": draft.form_subject,
        "signer_title": draft.signer_title,
        "legal_bases": [b.text for b in draft.legal_bases],
        "request_ref": [draft.request_ref] if draft.request_ref else [],
        "article_1": draft.article_1,
        "parties": [p.text + ";" for p in draft.obligors + draft.obligees],
        "items": items,
        "joint_liability": [draft.joint_liability] if draft.joint_liability else [],
        "late_interest": [draft.late_interest] if draft.late_interest else [],
        "article_2": draft.article_2,
        "payment": [x for x in (draft.payment_instructions, draft.notification_form) if x],
        "article_3": draft.article_3,
        "recipients": draft.recipients,
        "signature_title": draft.signature_title,
        "signer_name": draft.signer_name,
        "draft_mark": ([] if approved else [DRAFT_MARK]) + issued_mark(draft),
        "officer_notes": [],  # templates made before notes moved to the review page
    }


def issued_mark(draft: Draft) -> list[str]:
    """The banner of a draft whose decision is already issued (kept after approval: not to be signed
    twice); empty for a new decision or one the officer had made anew."""
    if not draft.issued:
        return []
    refs = "; ".join(r.text for r in draft.already_issued)
    return [nfc(f"{ISSUED_MARK}: {refs} – không ban hành trùng")]


def _paragraphs(doc: DocxDocument) -> Iterator[Paragraph]:
    yield from list(doc.paragraphs)
    for table in doc.tables:
        for row in table.rows:
            for cell in row.cells:
                yield from list(cell.paragraphs)


def _set_text(p: Paragraph, text: str) -> None:
    runs = p.runs
    if not runs:
        p.add_run(text)
        return
    runs[0].text = text
    for r in runs[1:]:
        r._r.getparent().remove(r._r)


def _fill(p: Paragraph, ctx: dict[str, str | list[str]], template: str) -> None:
    full = "".join(r.text for r in p.runs)
    if "{{" not in full:
        return
    only = _MARK.fullmatch(full.strip())
    if only and isinstance(ctx.get(only.group(1)), list):
        for line in ctx[only.group(1)]:
            clone = copy.deepcopy(p._p)
            p._p.addprevious(clone)
            _set_text(Paragraph(clone, p._parent), nfc(line))
        p._p.getparent().remove(p._p)
        return

    def sub(m: re.Match[str]) -> str:
        name = m.group(1)
        if name not in ctx:
            raise DocprocError(f"template {template}: unknown field {{{{ {name} }}}}")
        val = ctx[name]
        return "\n".join(val) if isinstance(val, list) else val

    _set_text(p, nfc(_MARK.sub(sub, full)))


def render_docx(draft: Draft, path: Path, *, template: Path | None = None, approved: bool = False) -> Path:
    """Fill the draft's template and save it at `path` (marked "bản nháp – chưa duyệt" unless approved)."""
    template = template or TEMPLATES_DIR / TEMPLATES[draft.kind]
    doc = open_docx(str(template))
    ctx = template_context(draft, approved=approved)
    for p in _paragraphs(doc):
        _fill(p, ctx, template.name)
    doc.core_properties.title = nfc(draft.title or f"{draft.form_title} {draft.form_subject}")
    doc.core_properties.author = ""
    doc.core_properties.comments = ""
    path.parent.mkdir(parents=True, exist_ok=True)
    doc.save(str(path))
    return path


def docx_text(path: Path) -> list[str]:
    """The text of a DOCX, one string per paragraph in reading order (tables cell by cell)."""
    doc = open_docx(str(path))
    out: list[str] = []
    for block in _blocks(doc):
        if isinstance(block, Paragraph):
            out.append(block.text)
        else:
            for row in block.rows:
                for cell in row.cells:
                    out.extend(p.text for p in cell.paragraphs)
    return out


def _blocks(doc: DocxDocument) -> Iterator[Paragraph | Table]:
    for child in doc.element.body.iterchildren():
        if child.tag.endswith("}p"):
            yield Paragraph(child, doc)
        elif child.tag.endswith("}tbl"):
            yield Table(child, doc)


# --- PDF -----------------------------------------------------------------------------------------

_ALIGN = {
    WD_ALIGN_PARAGRAPH.CENTER: "C",
    WD_ALIGN_PARAGRAPH.RIGHT: "R",
    WD_ALIGN_PARAGRAPH.JUSTIFY: "J",
}
_EMU_PER_MM = 36000


def _style(p: Paragraph) -> tuple[str, float]:
    runs = [r for r in p.runs if r.text.strip()]
    bold = bool(runs) and all(r.bold for r in runs)
    italic = bool(runs) and all(r.italic for r in runs)
    size = next((r.font.size.pt for r in runs if r.font.size), 13.0)
    return ("B" if bold else "") + ("I" if italic else ""), size


def _has_page_break(p: Paragraph) -> bool:
    return any(
        br.get("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}type") == "page"
        for br in p._p.iter("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}br")
    )


def render_pdf(docx_path: Path, pdf_path: Path, *, font_dirs: list[Path] | None = None) -> Path:
    """A PDF preview of a filled DOCX: same paragraphs, alignment, bold/italic, sizes; fonts embedded."""
    from fpdf import FPDF

    fonts = find_fonts(font_dirs)
    doc = open_docx(str(docx_path))
    sec = doc.sections[0]
    mm = lambda emu: (emu or 0) / _EMU_PER_MM  # noqa: E731
    pdf = FPDF(unit="mm", format=(mm(sec.page_width) or 210, mm(sec.page_height) or 297))
    pdf.set_margins(mm(sec.left_margin) or 30, mm(sec.top_margin) or 20, mm(sec.right_margin) or 20)
    pdf.set_auto_page_break(True, margin=mm(sec.bottom_margin) or 20)
    for style, path in fonts.items():
        pdf.add_font("doc", style, str(path))
    pdf.set_title(doc.core_properties.title or "")
    pdf.set_creator("docproc")
    pdf.add_page()
    width = pdf.w - pdf.l_margin - pdf.r_margin

    def para(p: Paragraph, x: float, w: float) -> None:
        if _has_page_break(p):
            pdf.add_page()
            return
        style, size = _style(p)
        pdf.set_font("doc", style, size)
        line_h = size * 0.3528 * 1.25
        fmt = p.paragraph_format
        before = fmt.space_before.pt * 0.3528 if fmt.space_before else 0
        after = fmt.space_after.pt * 0.3528 if fmt.space_after else 0
        indent = mm(fmt.first_line_indent) if fmt.first_line_indent else 0
        pdf.set_y(pdf.get_y() + before)
        text = nfc(p.text)
        align = _ALIGN.get(p.alignment, "L")
        if indent and align in ("J", "L") and text:
            # no-break spaces: justification stretches ordinary spaces, which would move the indent
            text = "\u00a0" * max(1, round(indent / max(pdf.get_string_width("\u00a0"), 0.1))) + text
        pdf.set_x(x)
        pdf.multi_cell(w, line_h, text if text else "", align=align, new_x="LEFT", new_y="NEXT")
        pdf.set_y(pdf.get_y() + after)

    for block in _blocks(doc):
        if isinstance(block, Paragraph):
            para(block, pdf.l_margin, width)
            continue
        for row in block.rows:
            cells = row.cells
            widths = [mm(c.width) if c.width else width / len(cells) for c in cells]
            scale = width / sum(widths) if sum(widths) > width else 1
            top, page, x = pdf.get_y(), pdf.page, pdf.l_margin
            end = (page, top)
            for cell, w in zip(cells, widths, strict=True):
                pdf.page = page
                pdf.set_y(top)
                for p in cell.paragraphs:
                    para(p, x, w * scale)
                end = max(end, (pdf.page, pdf.get_y()))
                x += w * scale
            pdf.page = end[0]
            pdf.set_y(end[1])
    pdf_path.parent.mkdir(parents=True, exist_ok=True)
    pdf.output(str(pdf_path))
    return pdf_path
