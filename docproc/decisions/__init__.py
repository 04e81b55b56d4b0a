"""Enforcement-decision drafts (quyết định thi hành án) from an Extraction.

    drafts_for(extraction, office, options) -> list[Draft]     every draft the judgment calls for
    draft_ex_officio(extraction, office, options) -> Draft | None
    draft_on_request(extraction, obligee_id, office, options) -> Draft
    mark_issued(drafts, judgment, decisions) -> drafts      those a decision already issues, marked
    draft_amend(decision, judgment, discrepancies, ...)    sửa đổi, bổ sung from a decision's audit
    render_docx(draft, path) / render_pdf(docx_path, pdf_path)

The law is data (data/laws.json, keyed by law version and effective date); the DOCX layout is a
template (templates/*.docx) that an office can edit in Word or LibreOffice.
"""

from docproc.decisions._build import draft_ex_officio, draft_on_request, drafts_for, enforcement_of
from docproc.decisions._models import (
    PLACEHOLDER_PREFIX,
    Correction,
    Deadline,
    DecisionRef,
    Draft,
    DraftItem,
    DraftOptions,
    LegalBasis,
    OfficeSettings,
    Placeholder,
)
from docproc.decisions._rules import RulesError, add_working_days, classify, law_by_id, law_for, load_laws
from docproc.decisions.amend import AMENDABLE, amendable, draft_amend
from docproc.decisions.existing import decision_ref, issued_decisions, mark_issued

__all__ = [
    "AMENDABLE",
    "PLACEHOLDER_PREFIX",
    "Correction",
    "DecisionRef",
    "amendable",
    "decision_ref",
    "draft_amend",
    "issued_decisions",
    "mark_issued",
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
