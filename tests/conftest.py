from __future__ import annotations

import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"


def pytest_configure(config: pytest.Config) -> None:
    if not SHARED.is_dir():
        raise pytest.UsageError(f"../shared not found beside the repository (looked in {SHARED})")


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    if shutil.which("tesseract"):
        return
    skip = pytest.mark.skip(
        reason="tesseract binary not installed (apt-get install tesseract-ocr tesseract-ocr-vie)"
    )
    for item in items:
        if "ocr" in item.keywords:
            item.add_marker(skip)


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    return SHARED


@pytest.fixture(scope="session")
def dev_txt() -> Path:
    return SHARED / "corpus" / "dev" / "txt"


@pytest.fixture(scope="session")
def dev_gold() -> Path:
    return SHARED / "corpus" / "dev" / "gold"
