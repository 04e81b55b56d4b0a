"""Inputs for the ingest tests, all generated here: born-digital and scanned PDFs from the dev corpus
with the shared make_scans tool, and bad files built byte by byte in tmp_path by each test."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from docproc.config import Settings


@pytest.fixture
def settings() -> Settings:
    return Settings(ocr_workers=1)


def _make_scans(shared: Path, out: Path, *args: str) -> None:
    tool = shared / "eval" / "make_scans.py"
    text = shared / "corpus" / "dev" / "txt" / "c1-01.txt"
    subprocess.run(
        [sys.executable, str(tool), str(text), "--out", str(out), *args], check=True, capture_output=True
    )


@pytest.fixture(scope="session")
def text_pdf(shared_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """c1-01 as a born-digital PDF (2 pages, text in an embedded font)."""
    out = tmp_path_factory.mktemp("textpdf")
    _make_scans(shared_dir, out, "--format", "textpdf", "--max-pages", "2")
    return out / "text" / "c1-01.pdf"


@pytest.fixture(scope="session")
def scan_pdf(shared_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """c1-01 page 1 as an image-only PDF, as a scanner makes it (one 300 dpi image a page)."""
    out = tmp_path_factory.mktemp("scanpdf")
    _make_scans(shared_dir, out, "--format", "pdf", "--level", "clean", "--max-pages", "1")
    return out / "clean" / "c1-01.pdf"
