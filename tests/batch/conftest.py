"""Fixtures of the batch tests: a folder of dev documents (good and bad), scans made with the shared
make_scans.py, and one real 2-worker LocalCluster shared by the in-process tests."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

SHARED = Path(__file__).resolve().parents[3] / "shared"
DEV_TXT = SHARED / "corpus" / "dev" / "txt"
MAKE_SCANS = SHARED / "eval" / "make_scans.py"


def make_scan(src: Path, out: Path, fmt: str, max_pages: int = 1) -> Path:
    """Render `src` with make_scans.py (fmt: textpdf for a text-layer PDF, pdf for an image-only one)."""
    work = out / f"_{fmt}_{src.stem}"
    subprocess.run(
        [
            sys.executable,
            str(MAKE_SCANS),
            str(src),
            "--out",
            str(work),
            "--format",
            fmt,
            "--max-pages",
            str(max_pages),
        ],
        check=True,
        capture_output=True,
    )
    (made,) = work.rglob("*.pdf")
    return made


def text_variants(dst: Path, n: int) -> list[Path]:
    """`n` distinct text documents (dev judgments, each with its own number of trailing newlines so
    that no two are byte-identical duplicates)."""
    sources = sorted(DEV_TXT.glob("*.txt"))
    dst.mkdir(parents=True, exist_ok=True)
    paths = []
    for k in range(n):
        src = sources[k % len(sources)]
        p = dst / f"doc{k:03d}-{src.stem}.txt"
        p.write_text(src.read_text(encoding="utf-8") + "\n" * (k + 1), encoding="utf-8")
        paths.append(p)
    return paths


def failed_rows(db_url: str, out: Path) -> list[tuple[str, str, str]]:
    """(file, reason, message) of the failed documents: what an assertion shows when it fails."""
    from pipelines.manifest import Manifest

    manifest = Manifest.open(db_url, out)
    try:
        return [
            (Path(r["path"]).name, r["reason"], r["message"])
            for r in manifest.rows()
            if r["state"] == "failed"
        ]
    finally:
        manifest.close()


@pytest.fixture(name="failed_rows", scope="session")
def failed_rows_fixture() -> Any:
    return failed_rows


@pytest.fixture(name="text_variants", scope="session")
def text_variants_fixture() -> Any:
    return text_variants


@pytest.fixture(scope="session")
def scans(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    out = tmp_path_factory.mktemp("scans")
    txt = sorted(DEV_TXT.glob("*.txt"))
    return {
        "textpdf": make_scan(txt[3], out, "textpdf"),
        "scan": make_scan(txt[4], out, "pdf"),
        "scan2": make_scan(txt[0], out, "pdf", max_pages=2),
    }


@pytest.fixture(scope="session")
def mixed_dir(tmp_path_factory: pytest.TempPathFactory, scans: dict[str, Path]) -> Path:
    """Good inputs (3 dev texts, a text-layer PDF in a sub-folder), one byte-identical copy, and bad
    inputs: a cut-off PDF, an empty file, a file of an unsupported type."""
    d = tmp_path_factory.mktemp("mixed")
    txt = sorted(DEV_TXT.glob("*.txt"))
    for src in txt[:3]:
        shutil.copy(src, d / src.name)
    (d / "sub").mkdir()
    shutil.copy(scans["textpdf"], d / "sub" / "layer.pdf")
    shutil.copy(txt[0], d / "sub" / "copy-of-first.txt")
    data = scans["textpdf"].read_bytes()
    (d / "corrupt.pdf").write_bytes(data[: len(data) // 3])
    (d / "empty.txt").write_bytes(b"")
    (d / "binary.png").write_bytes(b"\x00\x01 not an image at all " * 50)
    return d


@pytest.fixture(scope="session")
def client() -> Iterator[Any]:
    """A real LocalCluster: 2 worker processes, one thread each (as `docproc batch` makes it)."""
    from pipelines.batch import open_client

    os.environ.setdefault("OMP_THREAD_LIMIT", "1")
    with open_client(workers=2) as cl:
        cl.wait_for_workers(2, timeout=60)
        yield cl
