"""The Dask worker plugin of the batch: warm every worker up as it joins the cluster.

Kept apart from `batch.py` because it subclasses a distributed class at import time; workers unpickle
it by this module's name.
"""

from __future__ import annotations

from typing import Any

from distributed.diagnostics.plugin import WorkerPlugin

from docproc.config import Settings
from pipelines.runner import warm_up

__all__ = ["WarmUp"]


class WarmUp(WorkerPlugin):
    """Runs `warm_up` on each worker when it starts (and on the replacement of a worker that died),
    so the pipeline and the OCR model are loaded before the first task, not inside it."""

    name = "docproc-warm-up"

    def __init__(self, settings: Settings) -> None:
        self.settings = settings

    def setup(self, worker: Any) -> None:
        warm_up(self.settings)
