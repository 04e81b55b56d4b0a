"""The trained models ship in the wheel: every file of each model directory, extension or not."""

from __future__ import annotations

import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
MODEL_DIRS = ("spacy-ner", "transformers-ner", "section-clf")


@pytest.mark.slow
def test_wheel_contains_every_model_file(tmp_path: Path) -> None:
    expected = {
        p.relative_to(ROOT).as_posix()
        for d in MODEL_DIRS
        for p in (ROOT / "models" / d).rglob("*")
        if p.is_file() and "__pycache__" not in p.parts
    }
    if not expected:
        pytest.skip("no trained model in models/")
    # build from a copy: an in-tree build would leave build/ and egg-info in the working tree
    src = tmp_path / "src"
    src.mkdir()
    for name in ("pyproject.toml", "README.md"):
        shutil.copy2(ROOT / name, src / name)
    for pkg in ("docproc", "pipelines", "api", "models"):
        shutil.copytree(ROOT / pkg, src / pkg, ignore=shutil.ignore_patterns("__pycache__", "*.prev"))
    out = tmp_path / "wheel"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "-q",
            "-w",
            str(out),
            str(src),
        ],
        check=True,
        timeout=300,
    )
    (wheel,) = out.glob("docproc-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    assert expected - names == set()
    # the extension-less weights the old package-data globs left out, by name
    for must in ("models/spacy-ner/tok2vec/model", "models/spacy-ner/tagger/model"):
        if (ROOT / must).exists():
            assert must in names
    if (ROOT / "models/transformers-ner/model.safetensors").exists():
        assert "models/transformers-ner/model.safetensors" in names
