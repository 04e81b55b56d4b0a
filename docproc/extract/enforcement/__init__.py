"""Enforcement decisions (quyết định về thi hành án) → Extraction with an `enforcement` object.

Modules: `tables` (laws, decrees, decision types, signer titles as data), `header` (agency, number,
date, signature block), `basis` (decision type, legal bases, the judgment and earlier decision acted
on, request date, executor, voluntary period, agency entrusted), `parties` (obligors, obligees,
related parties) and `items` (obligations and assets through the judgment reader). `kind` tells a
judgment, an enforcement decision and anything else apart by content; `docproc.extract.extract`
dispatches on it.

Confidences follow the judgment rules: 0.9-0.95 a value read from its own label or line ("Số:",
the header date, a law number), 0.85 a value read from a pattern in running text (executor, a
reference's court), 0.75 a value implied (a deputy signing "KT.", an item's payer taken from the
decision's obligor), lower when the decision type came only from the text of Điều 1.
"""

from __future__ import annotations

from docproc.document import Document
from docproc.extract._consensus import consensus_name
from docproc.extract._tolerant import blank_specks
from docproc.extract.enforcement import basis as B
from docproc.extract.enforcement.header import Span, read_header, read_signature, vote_places
from docproc.extract.enforcement.items import extract_items
from docproc.extract.enforcement.parties import extract_parties
from docproc.extract.evidence import EvidenceBuilder
from docproc.notices import Notice
from docproc.schema import Case, DecisionRef, DocumentInfo, Enforcement, Extraction, JudgmentRef

__all__ = ["extract_enforcement"]

_EXECUTE = ("execute_on_request", "execute_ex_officio")
_PLACES = ("agency", "parent_agency", "receiving_agency")
_PEOPLE = ("executor", "signer")


def extract_enforcement(document: Document) -> Extraction:
    cleaned = blank_specks(document.text)  # OCR specks blanked, same length: spans stay valid
    if cleaned != document.text:
        document = document.model_copy(update={"text": cleaned})
    text = document.text
    ocr = document.text_source in ("ocr", "mixed")  # typed text: names are taken as written
    ev = EvidenceBuilder(document)
    body = B.split_body(text)
    head = read_header(text)
    signer, title = read_signature(text)
    dtype = B.decision_type(body)
    law, decree = B.legal_basis(body)
    judgment, others = B.choose_judgment(B.court_refs(body))
    prior = B.choose_prior(body, B.decision_refs(body)) if dtype.value not in _EXECUTE else None
    executor = B.executor(body)
    if title is not None and title.value == "Chấp hành viên" and signer is not None:
        executor = Span(signer.value, signer.start, signer.end, signer.conf)  # the executor's own decision
    request = B.request_date(body)
    deadline = B.deadline_days(body)
    receiving = B.receiving_agency(body) if dtype.value == "entrust" else None

    def put(name: str, span: Span | None) -> object:
        if span is None:
            return None
        ev.add(f"/enforcement/{name}", span.start, span.end, span.conf)
        if name in _PLACES:
            return vote_places(str(span.value), text)
        if name in _PEOPLE:
            return consensus_name(str(span.value), text, person=True, surname_prior=ocr)
        return span.value

    enf = Enforcement(
        agency=put("agency", head.agency),  # type: ignore[arg-type]
        parent_agency=put("parent_agency", head.parent_agency),  # type: ignore[arg-type]
        number=put("number", head.number),  # type: ignore[arg-type]
        date=put("date", head.date),  # type: ignore[arg-type]
        decision_type=put("decision_type", dtype),  # type: ignore[arg-type]
        legal_basis_law=put("legal_basis_law", law),  # type: ignore[arg-type]
        legal_basis_decree=put("legal_basis_decree", decree),  # type: ignore[arg-type]
        request_date=put("request_date", request),  # type: ignore[arg-type]
        executor=put("executor", executor),  # type: ignore[arg-type]
        signer=put("signer", signer),  # type: ignore[arg-type]
        signer_title=put("signer_title", title),  # type: ignore[arg-type]
        deadline_days=put("deadline_days", deadline),  # type: ignore[arg-type]
        receiving_agency=put("receiving_agency", receiving),  # type: ignore[arg-type]
    )
    if judgment is not None:
        judgment = B.complete(judgment, B.court_refs(body))
        enf.judgment = _judgment_ref(judgment, "/enforcement/judgment", ev, text)
    enf.other_judgments = [
        _judgment_ref(r, f"/enforcement/other_judgments/{i}", ev, text) for i, r in enumerate(others)
    ]
    if prior is not None:
        enf.prior_decision = DecisionRef(
            number=prior.number,
            date=prior.date,
            agency=vote_places(B.issuer_agency(prior.issuer) or "", text) or None if prior.issuer else None,
        )
        ev.add("/enforcement/prior_decision/number", *prior.num_span, 0.9)
        if prior.date_span:
            ev.add("/enforcement/prior_decision/date", *prior.date_span, 0.9)
        if prior.issuer_span and enf.prior_decision.agency:
            ev.add("/enforcement/prior_decision/agency", *prior.issuer_span, 0.85)
    parties, primary = extract_parties(body, ev, ocr=ocr)
    obligations, assets = extract_items(body, parties, primary, enf.decision_type, ev)
    info = DocumentInfo(
        source=document.source,
        sha256=document.sha256,
        pages=len(document.pages),
        kind="enforcement_decision",
        text_source=document.text_source,
        ocr_mean_confidence=document.ocr_mean_confidence,
    )
    info.warn(*document.warnings, *_warnings(enf, parties, obligations))
    return Extraction(
        document=info,
        case=Case(),
        parties=parties,
        obligations=obligations,
        assets=assets,
        evidence=ev.records,
        enforcement=enf,
    )


def _judgment_ref(r: B.Ref, ptr: str, ev: EvidenceBuilder, text: str) -> JudgmentRef:
    ev.add(f"{ptr}/number", *r.num_span, 0.9)
    if r.date_span:
        ev.add(f"{ptr}/date", *r.date_span, 0.9)
    if r.issuer_span:
        ev.add(f"{ptr}/court", *r.issuer_span, 0.85)
    return JudgmentRef(number=r.number, date=r.date, court=vote_places(r.issuer, text) if r.issuer else None)


def _warnings(enf: Enforcement, parties: list, obligations: list) -> list[Notice]:
    """What a reviewer should look at: the fields every decision has that were not found."""
    out = []
    if enf.agency is None:
        out.append(Notice("enforcement.no_agency"))
    if enf.number is None:
        out.append(Notice("enforcement.no_number"))
    if enf.date is None:
        out.append(Notice("enforcement.no_date"))
    if enf.judgment.number is None:
        out.append(Notice("enforcement.no_judgment"))
    if enf.decision_type == "other":
        out.append(Notice("enforcement.unknown_type"))
    if not any(p.role == "obligor" for p in parties):
        out.append(Notice("enforcement.no_obligor"))
    if enf.decision_type in _EXECUTE and not obligations:
        out.append(Notice("enforcement.no_items"))
    return out
