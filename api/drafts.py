"""Draft decisions made when asked, from the document's current extraction, the office's profile and
the decision inputs of the request (date, number, request, executor): nothing is cached, so a draft
never carries the date or the law of an earlier request.

A draft is named in URLs by its stem (no personal data: "ex-officio-P2"); its readable title ("QĐ thi
hành án chủ động – Nguyễn Văn A") goes only into the download's Content-Disposition.
"""

from __future__ import annotations

import unicodedata
from datetime import date
from typing import Any
from urllib.parse import quote

from pydantic import BaseModel, Field

__all__ = [
    "DecisionInputs",
    "DecisionQuery",
    "DraftNotFound",
    "FORCE_PATTERN",
    "existing_decisions",
    "make_amend",
    "make_drafts",
    "ref_out",
    "render",
    "summary",
    "content_disposition",
]


class DraftNotFound(LookupError):
    pass


class DecisionQuery(BaseModel):
    """Decision inputs that may travel in a URL (no personal data): query parameters of the draft
    endpoints, overriding the saved inputs for one request."""

    issue_date: date | None = Field(default=None, description="decision date (picks the law); default today")
    number: str | None = Field(default=None, max_length=30, description="decision number, e.g. 46")
    request_date: date | None = Field(default=None, description="date of the enforcement request")
    requester: str | None = Field(
        default=None, pattern=r"^P[0-9]{1,4}$", description="party id of the requester"
    )
    received_date: date | None = Field(default=None, description="date the judgment was received")
    effective_date: date | None = Field(default=None, description="date the judgment took legal effect")


class DecisionInputs(DecisionQuery):
    """What the officer knows that the judgment does not, saved per document (PUT decision-inputs):
    the executor is a person's name, so it is never a query parameter."""

    executor: str | None = Field(default=None, max_length=120, description="Chấp hành viên assigned")

    def merged(self, query: DecisionQuery) -> DecisionInputs:
        given = {k: v for k, v in query.model_dump().items() if v not in (None, "")}
        return self.model_copy(update=given)

    def options(self):  # type: ignore[no-untyped-def]
        from pipelines.drafts import DraftOptions

        return DraftOptions(
            issue_date=self.issue_date,
            decision_number=self.number or None,
            request_date=self.request_date,
            requester_id=self.requester,
            executor=self.executor or None,
            judgment_received_date=self.received_date,
            judgment_effective_date=self.effective_date,
        )


FORCE_PATTERN = r"^(\*|[\w.+-]{1,100})$"


def make_drafts(
    extraction: dict[str, Any],
    office: Any,
    inputs: DecisionInputs,
    *,
    existing: dict[str, dict[str, Any]] | None = None,
    force: str | None = None,
) -> list[Any]:
    """The drafts made now; those a decision in `existing` already issues are marked so, unless the
    officer asked for them anew (`force`: a draft's name, or "*")."""
    from pipelines.drafts import make_drafts as drafts_now

    options = inputs.options()
    if force:
        options = options.model_copy(update={"force_new": [force]})
    return drafts_now(extraction, office, options, existing=existing)


def make_amend(
    extractions: dict[str, dict[str, Any]],
    decision_id: str,
    office: Any,
    inputs: DecisionInputs,
    dismissed: set[str],
) -> tuple[Any, bool]:
    """(the sửa đổi, bổ sung draft of decision `decision_id` or None, whether it is linked to a
    judgment), from its audit now, the dismissed discrepancies left out."""
    from pipelines.cases import amend_draft

    return amend_draft(extractions, decision_id, office, inputs.options(), dismissed=dismissed)


def existing_decisions(extractions: dict[str, dict[str, Any]], judgment_id: str) -> dict[str, dict[str, Any]]:
    """The enforcement decisions of the office on this judgment's case (pipelines.cases)."""
    from pipelines.cases import decisions_of

    return decisions_of(extractions, judgment_id)


def ref_out(ref: Any) -> dict[str, Any]:
    """An issued decision as the review page links it (ids only in the URL)."""
    return {
        "decision": ref.decision,
        "number": ref.number,
        "date": ref.date,
        "agency": ref.agency,
        "text": ref.text,
        "link": f"/review/{ref.decision}",
    }


def render(draft: Any, fmt: str, *, approved: bool) -> bytes:
    """The DOCX (or its PDF preview) of one draft, made now."""
    from pipelines.drafts import render_draft

    return render_draft(draft, fmt, approved=approved)


def summary(draft: Any, extraction: dict[str, Any]) -> dict[str, Any]:
    """What the review page shows of a draft: each line beside the judgment sentence it comes from and
    the pointers of the values that feed it, warnings and notes in Vietnamese."""
    index = {ob.get("id"): i for i, ob in enumerate(extraction.get("obligations", []))}
    items = []
    for item in draft.items:
        i = index.get(item.obligation_id)
        ob = extraction["obligations"][i] if i is not None else {}
        items.append(
            {
                "obligation": i,
                "lines": [ln for ln in item.lines if not ln.startswith("(Trích bản án")],
                "source": item.source_text,
                "kind": item.kind,
                "draft_kind": draft.kind,
                "values": {
                    k: ob.get(k)
                    for k in (
                        "amount_vnd",
                        "already_paid",
                        "shares",
                        "period",
                        "start_date",
                        "end_date",
                        "enforcement",
                    )
                    if k in ob or k in ("already_paid", "enforcement")
                }
                | {"enforcement_used": draft.kind},
            }
        )
    pindex = {pt.get("id"): i for i, pt in enumerate(extraction.get("parties", []))}
    unknown = [
        {"party": pindex[b.id], "name": b.name.removeprefix("ông (bà) ")}
        for b in draft.obligors + draft.obligees
        if b.id in pindex and b.name.startswith("ông (bà) ")
    ]
    uncovered = set(draft.uncovered)
    return {
        "name": draft.name,
        "title": draft.title,
        "already_issued": [ref_out(r) for r in draft.already_issued],
        "issued": draft.issued,
        "forced": draft.forced,
        "uncovered": [k for k, item in enumerate(draft.items) if item.obligation_id in uncovered],
        "amends": ref_out(draft.amends) if draft.amends else None,
        "corrections": [
            {"kind": c.kind, "obligation": c.obligation, "detail": c.detail, "was": c.was, "lines": c.lines}
            for c in draft.corrections
        ],
        "honorific_unknown": unknown,
        "kind": draft.kind,
        "law": draft.law_title,
        "issue_date": draft.issue_date,
        "items": items,
        "late_interest": draft.late_interest,
        "warnings": draft.warnings,
        "placeholders": [p.text for p in draft.placeholders],
        "notes": draft.notes,
        "deadlines": [{"label": d.label, "date": d.date, "text": d.text} for d in draft.deadlines],
    }


def content_disposition(title: str, fmt: str) -> str:
    """attachment; filename="quyet-dinh.docx"; filename*=UTF-8''<the readable title>.docx"""
    safe = (
        "".join(c for c in unicodedata.normalize("NFC", title) if c not in '\\/:*?"<>|\r\n').strip()
        or "quyet-dinh"
    )
    return f"attachment; filename=\"quyet-dinh.{fmt}\"; filename*=UTF-8''{quote(safe + '.' + fmt)}"
