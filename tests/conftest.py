from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

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


@pytest.fixture
def store_done():
    """`store_done(app, user, name, extraction) -> id`: a processed document of the user's office, as
    `docproc admin import-batch` stores one (status done, version 0, no file needed), for tests that
    need documents in the service without running the pipeline."""
    from sqlalchemy import select

    from api.db import session_scope
    from api.models import Document, User

    def store(app: Any, user: str, name: str, extraction: dict[str, Any]) -> str:
        with session_scope(app.state.sessions, write=True) as s:
            u = s.scalars(select(User).where(User.username == user)).one()
            doc = Document(
                office_id=u.office_id,
                uploaded_by=u.id,
                filename=f"{name}.json",
                kind="txt",
                size=1,
                sha256=f"{name:0>64}"[-64:],
                status="done",
                warnings=[],
                original_extraction=extraction,
                extraction=extraction,
            )
            s.add(doc)
            s.flush()
            return doc.id

    return store
