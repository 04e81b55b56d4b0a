"""The service's settings: sign-in, the job queue and its processing pool. They extend the batch's
(pipelines.settings: data directory, database, Dask scheduler), whose cluster the service uses when
`api_executor` is "dask", and so the library's, all under the DOCPROC_ prefix."""

from __future__ import annotations

import os
from functools import lru_cache
from typing import Literal

from pydantic import Field

from pipelines.settings import BatchSettings

__all__ = ["ServiceSettings", "get_service_settings"]


class ServiceSettings(BatchSettings):
    secret_key: str | None = Field(
        default=None, description="token signing key; default: a random key kept in data_dir"
    )
    token_ttl_minutes: int = Field(
        default=480, ge=1, description="lifetime of bearer tokens and session cookies"
    )
    api_workers: int = Field(
        default_factory=lambda: max(1, os.cpu_count() or 1),
        ge=0,
        description="processes of the service's processing pool; 0 = a thread of the API process",
    )
    api_executor: Literal["pool", "dask"] = Field(
        default="pool",
        description="pool: a local process pool; dask: the batch's Dask cluster (scheduler, else a LocalCluster)",
    )
    job_lease_seconds: float = Field(
        default=60.0,
        gt=0,
        description="a running job not renewed for this long is taken over (its worker died)",
    )
    job_max_attempts: int = Field(default=3, ge=1)
    job_poll_seconds: float = Field(default=0.5, gt=0)


@lru_cache(maxsize=1)
def get_service_settings() -> ServiceSettings:
    """The service's settings from the environment, read once."""
    return ServiceSettings()
