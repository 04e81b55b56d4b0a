"""Enforcement-decision drafts (quyết định thi hành án) from an Extraction.

    drafts_for(extraction, office, options) -> list[Draft]     every draft the judgment calls for
    draft_ex_officio(extraction, office, options) -> Draft | None
    draft_on_request(extraction, obligee_id, office, options) -> Draft
    render_docx(draft, path) / render_pdf(docx_path, pdf_path)

The law is data (data/laws.json, keyed by law version and effective date); the DOCX layout is a
template (templates/*.docx) that an office can edit in Word or LibreOffice.
"""

from docproc.decisions._build import draft_ex_officio, draft_on_request, drafts_for, enforcement_of
from docproc.decisions._models import (
    PLACEHOLDER_PREFIX,
    Deadline,
    Draft,
    DraftItem,
    DraftOptions,
    LegalBasis,
    OfficeSettings,
    Placeholder,
)
from docproc.decisions._rules import RulesError, add_working_days, classify, law_by_id, law_for, load_laws

__all__ = [
    "PLACEHOLDER_PREFIX",
    "Deadline",
    "Draft",
    "DraftItem",
    "DraftOptions",
    "LegalBasis",
    "OfficeSettings",
    "Placeholder",
    "RulesError",
    "add_working_days",
    "classify",
    "draft_ex_officio",
    "draft_on_request",
    "drafts_for",
    "enforcement_of",
    "law_by_id",
    "law_for",
    "load_laws",
]
