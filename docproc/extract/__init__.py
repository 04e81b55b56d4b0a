"""Document → Extraction: the rules that read a judgment.

Stages, each a module of its own: `sections` (split the text), `header` (document kind and case
block), `parties` (the đương sự and their representatives; a resolver from later mentions to party
ids), `operative` (obligations and assets of the QUYẾT ĐỊNH part, and their links), `checks`
(consistency warnings a reviewer sees). `extract()` runs them in order; `models/` wires the same
stages as spaCy components from a config.
"""

from __future__ import annotations

from docproc.document import Document
from docproc.extract import checks, header, operative, parties
from docproc.extract.evidence import EvidenceBuilder
from docproc.extract.sections import Sections, segment
from docproc.schema import DocumentInfo, Extraction

__all__ = ["extract", "segment", "Sections"]


def extract(document: Document) -> Extraction:
    text = document.text
    sections = segment(text)
    ev = EvidenceBuilder(document)
    kind, case = header.extract_case(document, sections, ev)
    party_list = parties.extract_parties(document, sections, ev)
    resolver = parties.PartyResolver(party_list, text)
    obligations, assets = operative.extract_operative(document, sections, party_list, resolver, ev)
    info = DocumentInfo(
        source=document.source,
        sha256=document.sha256,
        pages=len(document.pages),
        kind=kind,
        text_source=document.text_source,
        ocr_mean_confidence=document.ocr_mean_confidence,
        warnings=list(document.warnings),
    )
    extraction = Extraction(
        document=info,
        case=case,
        parties=party_list,
        obligations=obligations,
        assets=assets,
        evidence=ev.records,
    )
    extraction.document.warnings.extend(checks.check(extraction, document))
    return extraction
