"""The library's settings (input limits, timeouts, OCR, extraction), read from the environment with
the DOCPROC_ prefix.

The batch's settings (pipelines.settings.BatchSettings: the data directory, the database, the Dask
scheduler, the watchdog) and the service's (api.settings.ServiceSettings: auth, jobs, its pool) extend
these under the same prefix, so one environment configures every layer; the library never sees them.
"""

from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path
from typing import Literal

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict

__all__ = ["Settings", "get_settings"]


class Settings(BaseSettings):
    # Other layers' DOCPROC_ variables in the environment are not read here (only fields are); a
    # keyword that is not a field is an error, so `Settings(data_dir=...)` cannot pass unnoticed.
    model_config = SettingsConfigDict(env_prefix="DOCPROC_", env_ignore_empty=True, extra="forbid")

    # Input limits: a bad file must fail fast and clearly, never exhaust memory.
    max_file_bytes: int = 200 * 1024 * 1024
    max_pages: int = 1000
    # an A1 sheet at 300 dpi is ~70 MP (A0: 140 MP). A page costs ~14 bytes a pixel through rendering and
    # preprocessing: 72 MP is ~1.3 GB, 150 MP went past 2 GB (issue 16)
    max_image_pixels: int = 72_000_000
    max_text_chars: int = Field(
        default=5_000_000, ge=1, description="characters of a document's text (text file, DOCX, all pages)"
    )
    # Limits on what a file declares or decodes to, checked before the work (issue 16: a 2 MB DOCX that
    # inflates to gigabytes, a PDF Flate bomb, a 570-byte PDF with a 200-inch page).
    max_text_bytes: int = Field(
        default=32 * 1024 * 1024, ge=1, description="bytes of a plain-text file (read before decoding)"
    )
    max_archive_bytes: int = Field(
        default=256 * 1024 * 1024, ge=1, description="inflated bytes of all members of a DOCX (ZIP)"
    )
    max_archive_xml_bytes: int = Field(
        default=32 * 1024 * 1024, ge=1, description="inflated bytes of the XML parts of a DOCX (parsed whole)"
    )
    max_archive_members: int = Field(default=10_000, ge=1, description="members of a DOCX (ZIP)")
    max_pdf_stream_bytes: int = Field(
        default=32 * 1024 * 1024,
        ge=1,
        description="decoded bytes of one PDF stream that is not an image (content, fonts, metadata)",
    )
    max_pdf_decoded_bytes: int = Field(
        default=4 * 1024 * 1024 * 1024,
        ge=1,
        description="decoded bytes of all streams of a PDF (images included), summed",
    )
    max_page_points: float = Field(
        default=14_400.0, gt=0, description="width or height of a page in points (PDF's own limit: 200 in)"
    )
    doc_timeout_s: float = Field(
        default=100.0,
        ge=0,
        description="seconds to read one document (load, and OCR of all its pages in `docproc process` "
        "and read_document; the load in batch and service, whose pages are tasks of their own); "
        "longer: the document fails as `timeout` (exit 10). 0: no limit",
    )

    # OCR
    # auto: tesserocr (in process, ~25% less CPU per page) when installed, else the tesseract command
    ocr_engine: Literal["auto", "tesseract", "tesserocr"] = "auto"
    ocr_lang: str = "vie"
    ocr_dpi: int = 300
    ocr_timeout_s: float = 180.0
    ocr_workers: int = Field(default_factory=lambda: max(1, os.cpu_count() or 1))
    ocr_preprocess: bool = True
    text_layer_min_chars: int = 20

    # Extraction
    backend: Literal["rules", "spacy", "transformers"] = "rules"
    models_dir: Path = Field(default=Path(__file__).resolve().parent.parent / "models")

    log_level: str = "INFO"


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    """The library's settings from the environment, read once."""
    return Settings()
