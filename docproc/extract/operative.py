"""Obligations and assets of the operative part (QUYẾT ĐỊNH / Xử / Tuyên xử) and their links.

Only the court's own orders count: the text after the last "QUYẾT ĐỊNH" heading, without its legal
bases ("Căn cứ ...") and the closing clause on enforcement rights. The part is cut into clauses
(`_clauses`); each clause is read by the rules of `obligations` (who must pay or do what, to whom,
how much) and `assets` (what is secured, seized, allocated or handed over). Two statements apply to
orders made elsewhere in the text and are resolved at the end: the late-interest clause (Art. 357 /
468 Civil Code, or contract interest continuing after judgment) and the security clause (the
creditor may have the enforcement office sell the collateral).

Modules: `_clauses` (the part cut into numbered items and sentences), `_patterns` (the language),
`obligations.Reader` with its rule mixins `_fee_rules`, `_asset_rules`, `_links`, and `assets` (one
asset description read into identifiers). `checks` and `fees` (the court-fee schedule as data) work
on the finished extraction.

Confidences are graded by how the value was found, so a reviewer can sort by them:
0.95 an amount whose digits and words agree; 0.85-0.9 a value read from an explicit pattern (the
payer before "phải trả", a plot number after "thửa đất số"); 0.7-0.8 a value carried over inside the
same order (a guarantor's creditor, a contract shared by a list of assets, a sum of labelled parts);
0.5-0.6 a party inferred from context (the custodial parent for child support, the owner of a house
from the plot it stands on, an exhibit's owner from the facts, the claimant in an administrative
case) or digits that disagree with the words; 0.4 a fallback guess (all accused when the text names
no owner, an order whose payer was not found).
"""

from __future__ import annotations

from docproc.document import Document
from docproc.extract import _confidence as C
from docproc.extract._clauses import operative_span, segment_clauses
from docproc.extract._legal_phrases import repair_legal_phrases
from docproc.extract._order_words import repair_order_words
from docproc.extract.evidence import EvidenceBuilder
from docproc.extract.obligations import Reader
from docproc.extract.sections import Sections
from docproc.schema import Asset, Obligation, Party

__all__ = ["extract_operative"]


def extract_operative(
    document: Document, sections: Sections, parties: list[Party], resolver: object, ev: EvidenceBuilder
) -> tuple[list[Obligation], list[Asset]]:
    """Obligations and assets ordered by the operative part, with evidence recorded in `ev`."""
    start, end = operative_span(document.text, sections)
    if start >= end:
        return [], []
    # the words of ordering and the legal labels OCR damaged, put back (same length: spans still point
    # at the document)
    text, repaired = repair_order_words(document.text, start, end)
    text, relabelled = repair_legal_phrases(text, start, end)
    clauses = segment_clauses(text, start, end)
    reader = Reader(text, start, end, clauses, parties, resolver)
    reader.run()
    for d in reader.obs:
        if _touches(d.span, repaired):
            d.conf = min(d.conf, C.ORDER_WORD_REPAIRED)
        if _touches(d.span, relabelled):
            d.conf = min(d.conf, C.PHRASE_REPAIRED)
        for k, (sp, conf) in list(d.sec_spans.items()):
            if _touches(sp, relabelled):
                d.sec_spans[k] = (sp, min(conf, C.PHRASE_REPAIRED))
    for a in reader.assets:
        if _touches(a.span, relabelled):
            # the asset and the identifiers read after its repaired label
            a.conf = min(a.conf, C.PHRASE_REPAIRED)
            for name in ("plot_number", "map_sheet", "area_m2", "address", "certificate", "plate"):
                if getattr(a.f, name) is not None:
                    a.f.repaired[name] = min(a.f.repaired.get(name, C.IDENTIFIED), C.PHRASE_REPAIRED)
            if a.f.security_contract is not None:
                a.f.repaired["security_contract"] = min(
                    a.f.repaired.get("security_contract", C.IDENTIFIED), C.PHRASE_REPAIRED
                )
    return reader.build(ev)


def _touches(span: tuple[int, int], positions: list[int]) -> bool:
    """Whether a repair starts inside `span`."""
    return any(span[0] <= r < span[1] for r in positions)
