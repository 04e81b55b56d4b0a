"""Consistency checks that become document warnings a reviewer sees."""

from __future__ import annotations

from docproc.document import Document
from docproc.schema import Extraction

__all__ = ["check"]


def check(extraction: Extraction, document: Document) -> list[str]:
    return []  # being written (issue 4)
