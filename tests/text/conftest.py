"""Shared paths: the read-only corpus beside the repository (tests needing it skip without it)."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest

CORPUS = Path("/work/shared/corpus")
DEV_TXT = CORPUS / "dev" / "txt"
LEGACY = CORPUS / "legacy-dev"
OPENINGS_TXT = CORPUS / "openings-dev" / "txt"


def read_nfc(path: Path) -> str:
    return unicodedata.normalize("NFC", path.read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def dev_texts() -> dict[str, str]:
    if not DEV_TXT.is_dir():
        pytest.skip("shared corpus not available")
    return {p.stem: read_nfc(p) for p in sorted(DEV_TXT.glob("*.txt"))}
