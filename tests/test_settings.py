"""Each layer's settings: the library's hold no service or batch setting, the batch's and the service's
extend them under the same DOCPROC_ prefix, so one environment configures all three."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from api.settings import ServiceSettings, get_service_settings
from docproc.config import Settings, get_settings
from pipelines.settings import BatchSettings, get_batch_settings

BATCH_FIELDS = {"data_dir", "database_url", "scheduler", "batch_doc_timeout", "batch_page_timeout"}
SERVICE_FIELDS = {
    "secret_key",
    "token_ttl_minutes",
    "api_workers",
    "api_executor",
    "job_lease_seconds",
    "job_max_attempts",
    "job_poll_seconds",
}


def test_the_library_settings_hold_no_service_or_batch_setting() -> None:
    fields = set(Settings.model_fields)
    assert not fields & (BATCH_FIELDS | SERVICE_FIELDS)
    assert not [f for f in fields if f.startswith(("api_", "job_", "batch_", "db_", "database"))]
    assert not hasattr(Settings(), "db_url")


def test_each_layer_extends_the_one_below() -> None:
    lib, batch, service = (
        set(Settings.model_fields),
        set(BatchSettings.model_fields),
        set(ServiceSettings.model_fields),
    )
    assert batch == lib | BATCH_FIELDS
    assert service == batch | SERVICE_FIELDS
    assert issubclass(ServiceSettings, BatchSettings) and issubclass(BatchSettings, Settings)


def test_one_environment_configures_every_layer(monkeypatch: pytest.MonkeyPatch, tmp_path) -> None:
    monkeypatch.setenv("DOCPROC_OCR_DPI", "200")
    monkeypatch.setenv("DOCPROC_SCHEDULER", "tcp://127.0.0.1:8786")
    monkeypatch.setenv("DOCPROC_DATA_DIR", str(tmp_path))
    monkeypatch.setenv("DOCPROC_API_WORKERS", "3")
    assert Settings().ocr_dpi == 200  # the others' variables are there and not read
    batch = BatchSettings()
    assert (batch.ocr_dpi, batch.scheduler, batch.data_dir) == (200, "tcp://127.0.0.1:8786", tmp_path)
    assert batch.db_url == f"sqlite:///{(tmp_path / 'docproc.sqlite3').resolve()}"
    service = ServiceSettings()
    assert (service.ocr_dpi, service.scheduler, service.api_workers) == (200, "tcp://127.0.0.1:8786", 3)


def test_a_setting_of_another_layer_given_to_the_library_is_an_error() -> None:
    with pytest.raises(ValidationError):
        Settings(data_dir="/tmp/x")  # type: ignore[call-arg]
    with pytest.raises(ValidationError):
        BatchSettings(api_workers=2)  # type: ignore[call-arg]


def test_each_layer_reads_its_settings_once() -> None:
    assert get_settings() is get_settings()
    assert get_batch_settings() is get_batch_settings()
    assert get_service_settings() is get_service_settings()
    assert type(get_settings()) is Settings
    assert type(get_batch_settings()) is BatchSettings
    assert type(get_service_settings()) is ServiceSettings
