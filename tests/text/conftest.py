"""Corpus fixtures for the text tests: the read-only ../shared beside the repository."""

from __future__ import annotations

import unicodedata
from collections.abc import Callable
from pathlib import Path

import pytest


def _read_nfc(path: Path) -> str:
    return unicodedata.normalize("NFC", path.read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def corpus(shared_dir: Path) -> Path:
    path = shared_dir / "corpus"
    if not path.is_dir():
        pytest.skip("shared corpus not available")
    return path


@pytest.fixture(scope="session")
def read_nfc() -> Callable[[Path], str]:
    return _read_nfc


@pytest.fixture(scope="session")
def dev_texts(corpus: Path) -> dict[str, str]:
    return {p.stem: _read_nfc(p) for p in sorted((corpus / "dev" / "txt").glob("*.txt"))}
