"""Write every enforcement-decision draft of one extraction: NAME.docx and its NAME.pdf preview.

Composition only: drafting (docproc.decisions) and rendering (docproc.decisions.render) are separate
pure-ish steps; this module names the files and writes them atomically. With the decisions already
issued on the judgment (`existing`: name → extraction, e.g. from pipelines.cases.decisions_of), a
draft those decisions already cover is marked so (docproc.decisions.mark_issued) instead of standing
as a second decision; `make_amend_draft` drafts the amendment of a decision whose audit found errors.
"""

from __future__ import annotations

import json
import tempfile
from pathlib import Path
from typing import Any

from docproc.decisions import (
    AMENDABLE,
    Draft,
    DraftOptions,
    OfficeSettings,
    draft_amend,
    drafts_for,
    mark_issued,
)
from docproc.decisions.render import render_docx, render_pdf
from pipelines._io import write_atomic, write_with

__all__ = [
    "AMENDABLE",
    "write_drafts",
    "write_draft",
    "make_drafts",
    "make_amend_draft",
    "render_draft",
    "OfficeSettings",
    "DraftOptions",
]


def write_drafts(
    extraction: dict,
    out_dir: Path,
    office: OfficeSettings | None = None,
    options: DraftOptions | None = None,
    *,
    pdf: bool = True,
    json_data: bool = True,
    existing: dict[str, dict[str, Any]] | None = None,
) -> list[Path]:
    """Draft every decision the judgment calls for and write NAME.docx, NAME.pdf (and NAME.json, the
    Draft's data with its placeholders and notes) into `out_dir`. Returns the paths written."""
    written: list[Path] = []
    for draft in make_drafts(extraction, office, options, existing=existing):
        written += write_draft(draft, Path(out_dir), pdf=pdf, json_data=json_data)
    return written


def write_draft(draft: Draft, out_dir: Path, *, pdf: bool = True, json_data: bool = True) -> list[Path]:
    """One draft as OUT_DIR/NAME.docx (+ .pdf preview, + .json data), each written atomically."""
    out_dir.mkdir(parents=True, exist_ok=True)
    docx_path = out_dir / f"{draft.name}.docx"
    write_with(docx_path, lambda tmp: render_docx(draft, tmp))
    written = [docx_path]
    if pdf:
        pdf_path = out_dir / f"{draft.name}.pdf"
        write_with(pdf_path, lambda tmp: render_pdf(docx_path, tmp))
        written.append(pdf_path)
    if json_data:
        json_path = out_dir / f"{draft.name}.json"
        data = json.dumps(draft.model_dump(mode="json"), ensure_ascii=False, indent=2) + "\n"
        write_atomic(json_path, data)
        written.append(json_path)
    return written


def make_drafts(
    extraction: dict,
    office: OfficeSettings | None,
    options: DraftOptions | None,
    *,
    existing: dict[str, dict[str, Any]] | None = None,
) -> list[Draft]:
    """The drafts of one extraction, made now (the service never caches them: the law follows the
    decision date of each request); those the `existing` decisions already issue are marked so."""
    drafts = drafts_for(extraction, office, options)
    if existing:
        force = (options.force_new if options else None) or []
        mark_issued(drafts, extraction, existing, force_new=force)
    return drafts


def make_amend_draft(
    decision: dict[str, Any],
    judgment: dict[str, Any],
    discrepancies: list[dict[str, Any]],
    office: OfficeSettings | None,
    options: DraftOptions | None,
    *,
    decision_name: str,
) -> Draft | None:
    """The sửa đổi, bổ sung draft of one decision for the discrepancies given (the caller leaves out
    those a reviewer dismissed); None when none is of a kind a decision is amended for."""
    return draft_amend(decision, judgment, discrepancies, office, options, decision_name=decision_name)


def render_draft(draft, fmt: str, *, approved: bool) -> bytes:  # type: ignore[no-untyped-def]
    """One draft's DOCX (or its PDF preview) as bytes, rendered in a temporary directory."""
    with tempfile.TemporaryDirectory(prefix="draft-") as tmp:
        docx = render_docx(draft, Path(tmp) / "d.docx", approved=approved)
        if fmt == "docx":
            return docx.read_bytes()
        return render_pdf(docx, Path(tmp) / "d.pdf").read_bytes()
