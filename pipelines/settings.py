"""The batch's settings: where its state lives (data directory, manifest database), which Dask
cluster runs it and the watchdog's limits; the library's settings (docproc.config) are inherited,
under the same DOCPROC_ prefix."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from pydantic import Field

from docproc.config import Settings

__all__ = ["BatchSettings", "get_batch_settings"]


class BatchSettings(Settings):
    data_dir: Path = Field(default=Path("./docproc-data"), description="root of all embedded state")
    database_url: str | None = Field(default=None, description="SQLAlchemy URL; default SQLite in data_dir")
    scheduler: str | None = Field(default=None, description="Dask scheduler address; default LocalCluster")

    # The watchdog that keeps one stuck document from stalling a batch (pipelines/batch.py)
    batch_doc_timeout: float = Field(
        default=900.0,
        ge=0,
        description="seconds a batch task may run to load or to extract one document (queue time not "
        "counted); longer: the document fails as `timeout` and its worker is restarted. 0: no limit",
    )
    batch_page_timeout: float = Field(
        default=300.0,
        ge=0,
        description="the same limit for the OCR of one scanned page (a document's pages are separate "
        "tasks, so its allowance grows with its page count). 0: no limit",
    )

    @property
    def sqlite_url(self) -> str:
        return f"sqlite:///{(self.data_dir / 'docproc.sqlite3').resolve()}"

    @property
    def db_url(self) -> str:
        return self.database_url or self.sqlite_url


@lru_cache(maxsize=1)
def get_batch_settings() -> BatchSettings:
    """The batch's settings from the environment, read once."""
    return BatchSettings()
