"""Write every enforcement-decision draft of one extraction: NAME.docx and its NAME.pdf preview.

Composition only: drafting (docproc.decisions) and rendering (docproc.decisions.render) are separate
pure-ish steps; this module names the files and writes them atomically.
"""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

from docproc.decisions import DraftOptions, OfficeSettings, drafts_for
from docproc.decisions.render import render_docx, render_pdf
from pipelines._io import write_atomic, write_with

__all__ = ["write_drafts", "make_drafts", "render_draft", "OfficeSettings", "DraftOptions"]


def write_drafts(
    extraction: dict,
    out_dir: Path,
    office: OfficeSettings | None = None,
    options: DraftOptions | None = None,
    *,
    pdf: bool = True,
    json_data: bool = True,
) -> list[Path]:
    """Draft every decision the judgment calls for and write NAME.docx, NAME.pdf (and NAME.json, the
    Draft's data with its placeholders and notes) into `out_dir`. Returns the paths written."""
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    for draft in drafts_for(extraction, office, options):
        docx_path = out_dir / f"{draft.name}.docx"
        write_with(docx_path, lambda tmp, d=draft: render_docx(d, tmp))
        written.append(docx_path)
        if pdf:
            pdf_path = out_dir / f"{draft.name}.pdf"
            write_with(pdf_path, lambda tmp, src=docx_path: render_pdf(src, tmp))
            written.append(pdf_path)
        if json_data:
            json_path = out_dir / f"{draft.name}.json"
            data = json.dumps(draft.model_dump(mode="json"), ensure_ascii=False, indent=2) + "\n"
            write_atomic(json_path, data)
            written.append(json_path)
    return written


def make_drafts(extraction: dict, office: OfficeSettings | None, options: DraftOptions | None) -> list:
    """The drafts of one extraction, made now (the service never caches them: the law follows the
    decision date of each request)."""
    return drafts_for(extraction, office, options)


def render_draft(draft, fmt: str, *, approved: bool) -> bytes:  # type: ignore[no-untyped-def]
    """One draft's DOCX (or its PDF preview) as bytes, rendered in a temporary directory."""
    with tempfile.TemporaryDirectory(prefix="draft-") as tmp:
        docx = render_docx(draft, Path(tmp) / "d.docx", approved=approved)
        if fmt == "docx":
            return docx.read_bytes()
        return render_pdf(docx, Path(tmp) / "d.pdf").read_bytes()
