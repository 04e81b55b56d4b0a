"""Page images for the review page: the same image OCR reads (pipelines.pages), scaled for a screen
and cached as PNG next to the blobs."""

from __future__ import annotations

import io
from pathlib import Path

from docproc._io import write_atomic
from docproc.config import Settings
from pipelines.pages import NoPageImage, page_image

__all__ = ["page_png", "NoPageImage", "PREVIEW_DPI", "MAX_WIDTH"]

PREVIEW_DPI = 110
MAX_WIDTH = 1400


def page_png(blob: Path, sha256: str, kind: str, number: int, cache_dir: Path, settings: Settings) -> bytes:
    cached = cache_dir / sha256[:2] / f"{sha256}-{number}.png"
    if cached.exists():
        return cached.read_bytes()
    image = page_image(blob, kind, number, dpi=PREVIEW_DPI, settings=settings)
    try:
        if image.width > MAX_WIDTH:
            image = image.resize((MAX_WIDTH, round(image.height * MAX_WIDTH / image.width)))
        buf = io.BytesIO()
        image.save(buf, format="PNG", optimize=False)
    finally:
        image.close()
    data = buf.getvalue()
    write_atomic(cached, data)
    return data
