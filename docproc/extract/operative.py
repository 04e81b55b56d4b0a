"""Obligations and assets of the operative part (QUYẾT ĐỊNH / Xử / Tuyên xử) and their links.

Only the court's own orders count: the text after the last "QUYẾT ĐỊNH" heading, without its legal
bases ("Căn cứ ...") and the closing clause on enforcement rights. The part is cut into clauses
(`_clauses`); each clause is read by the rules of `obligations` (who must pay or do what, to whom,
how much) and `assets` (what is secured, seized, allocated or handed over). Two statements apply to
orders made elsewhere in the text and are resolved at the end: the late-interest clause (Art. 357 /
468 Civil Code, or contract interest continuing after judgment) and the security clause (the
creditor may have the enforcement office sell the collateral).

Confidences: 0.95 for a value read from an explicit pattern and confirmed (digits = words), 0.85 for
an explicit pattern, 0.6-0.7 when a party or link is inferred from context (the custodial parent for
child support, the debtor named earlier in the item), 0.4 when it is a fallback guess (all accused
for an exhibit whose owner the text does not name).
"""

from __future__ import annotations

from docproc.document import Document
from docproc.extract._clauses import operative_span, segment_clauses
from docproc.extract.evidence import EvidenceBuilder
from docproc.extract.obligations import Reader
from docproc.extract.sections import Sections
from docproc.schema import Asset, Obligation, Party

__all__ = ["extract_operative"]


def extract_operative(
    document: Document, sections: Sections, parties: list[Party], resolver: object, ev: EvidenceBuilder
) -> tuple[list[Obligation], list[Asset]]:
    """Obligations and assets ordered by the operative part, with evidence recorded in `ev`."""
    text = document.text
    start, end = operative_span(text, sections)
    if start >= end:
        return [], []
    clauses = segment_clauses(text, start, end)
    reader = Reader(text, start, end, clauses, parties, resolver)
    reader.run()
    return reader.build(ev)
