"""The service's protective limits, read from the environment (prefix DOCPROC_) like docproc's
Settings: sign-in throttling and the size of request bodies other than uploads (uploads keep
DOCPROC_MAX_FILE_BYTES)."""

from __future__ import annotations

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict

__all__ = ["ServiceLimits"]


class ServiceLimits(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="DOCPROC_", env_ignore_empty=True, extra="ignore")

    login_failures_per_user: int = Field(
        default=5, ge=1, description="failed sign-ins for one user name within the window before a pause"
    )
    login_failures_per_address: int = Field(
        default=20,
        ge=0,
        description="failed sign-ins from one client address within the window (0: no per-address "
        "limit, e.g. behind a proxy that hides client addresses)",
    )
    login_window_seconds: float = Field(default=900.0, gt=0, description="the throttling window")
    max_body_bytes: int = Field(
        default=1_000_000,
        ge=1024,
        description="largest request body other than a multipart upload (JSON Patch, forms)",
    )
