"""Document kind and the case block (court, number, date, type code, instance, subject)."""

from __future__ import annotations

from typing import Literal

from docproc.document import Document
from docproc.extract.evidence import EvidenceBuilder
from docproc.extract.sections import Sections
from docproc.schema import Case

__all__ = ["extract_case"]


def extract_case(
    document: Document, sections: Sections, ev: EvidenceBuilder
) -> tuple[Literal["judgment", "decision", "other"], Case]:
    raise NotImplementedError  # being written (issue 3)
