"""Parties (đương sự) with roles, identifiers, addresses and representatives."""

from __future__ import annotations

from docproc.document import Document
from docproc.extract.evidence import EvidenceBuilder
from docproc.extract.sections import Sections
from docproc.schema import Party

__all__ = ["extract_parties", "PartyResolver"]


def extract_parties(document: Document, sections: Sections, ev: EvidenceBuilder) -> list[Party]:
    return []  # being written (issue 4)


class PartyResolver:
    """Maps a mention in the operative part ("Ngân hàng", "ông H", "Công ty Hải Minh") to a party id."""

    def __init__(self, parties: list[Party], text: str) -> None:
        self.parties = parties

    def resolve(self, mention: str) -> str | None:
        return None
