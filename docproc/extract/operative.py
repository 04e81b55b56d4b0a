"""Obligations and assets of the operative part (QUYẾT ĐỊNH / Xử / Tuyên xử) and their links."""

from __future__ import annotations

from docproc.document import Document
from docproc.extract.evidence import EvidenceBuilder
from docproc.extract.sections import Sections
from docproc.schema import Asset, Obligation, Party

__all__ = ["extract_operative"]


def extract_operative(
    document: Document, sections: Sections, parties: list[Party], resolver: object, ev: EvidenceBuilder
) -> tuple[list[Obligation], list[Asset]]:
    return [], []  # being written (issue 4)
