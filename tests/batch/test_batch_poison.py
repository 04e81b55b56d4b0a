"""A document that kills every worker that touches it (as a memory bomb or a crashing library would):
Dask gives up on it after its allowed failures, the document is failed as `worker_died`, and the
rest of the batch is done."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest

import pipelines.batch
from docproc.config import Settings
from pipelines.batch import run_batch
from pipelines.runner import prepare
from pipelines.settings import BatchSettings


def make_killing_prepare() -> Any:
    """`prepare`, except that a file named poison* kills the worker. A local function, so that Dask
    ships it by value (cloudpickle): the workers cannot import this test module."""

    def killing_prepare(path: str, source: str, settings: Settings) -> Any:
        if "poison" in Path(path).name:
            os._exit(1)  # the worker process dies on the spot
        return prepare(path, source, settings)

    return killing_prepare


@pytest.mark.slow
def test_a_document_that_kills_workers_fails_alone(
    tmp_path: Path, client: Any, text_variants: Any, monkeypatch: pytest.MonkeyPatch, failed_rows: Any
) -> None:
    monkeypatch.setattr(pipelines.batch, "prepare", make_killing_prepare())
    src = tmp_path / "in"
    docs = text_variants(src, 6)
    (src / "poison.txt").write_text("một văn bản bình thường", encoding="utf-8")
    out = tmp_path / "out"
    settings = BatchSettings(data_dir=tmp_path / "data")
    summary = run_batch([str(src)], out, settings=settings, client=client)
    assert summary.counts == {"done": len(docs), "failed": 1}, failed_rows(settings.db_url, out)
    assert summary.failed_by_reason == {"worker_died": 1}
    assert not (out / "poison.json").exists()
    client.wait_for_workers(2, timeout=60)
