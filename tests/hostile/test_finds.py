"""Every input the fuzzer (benchmarks/fuzz_ingest.py) found, read as the fuzzer reads it: only the
documented errors may come out, and fast."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from docproc.config import Settings
from docproc.errors import DocprocError
from docproc.ingest import ImagePageTask, load, load_page_image

FINDS = sorted(p for p in (Path(__file__).parent / "finds").glob("*") if p.is_file() and p.name != "README")


@pytest.mark.parametrize("path", FINDS, ids=[p.name for p in FINDS])
def test_find_gives_a_documented_error_or_reads(path: Path, tmp_path: Path) -> None:
    settings = Settings(max_pages=20, max_image_pixels=4_000_000, doc_timeout_s=20)
    t0 = time.monotonic()
    try:
        loaded = load(path, settings=settings)
        tasks = [p for p in loaded.pages if isinstance(p, ImagePageTask)]
        if tasks:
            load_page_image(tasks[0], settings=settings).close()
    except DocprocError as exc:
        assert exc.exit_code in (1, 3, 4, 5, 6, 7, 10) and exc.message
    assert time.monotonic() - t0 < 20
