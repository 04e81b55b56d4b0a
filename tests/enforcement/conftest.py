from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

import pytest


@pytest.fixture(scope="session")
def samples() -> ModuleType:
    """The synthetic decisions of enf_synthetic.py (written for these tests, not from the corpus)."""
    spec = importlib.util.spec_from_file_location(
        "enf_synthetic", Path(__file__).with_name("enf_synthetic.py")
    )
    assert spec is not None and spec.loader is not None
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


@pytest.fixture(scope="session")
def enforcement_dev(shared_dir: Path) -> Path:
    return shared_dir / "corpus" / "enforcement-dev"
