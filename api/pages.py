"""Page images for the review page: the same image OCR reads (docproc.ingest), scaled for a screen
and cached as PNG next to the blobs."""

from __future__ import annotations

import io
import os
from pathlib import Path

from docproc.config import Settings
from docproc.errors import DocprocError

__all__ = ["page_png", "NoPageImage", "PREVIEW_DPI", "MAX_WIDTH"]

PREVIEW_DPI = 110
MAX_WIDTH = 1400


class NoPageImage(LookupError):
    """The document has no such page image (a text or DOCX upload, or past the last page)."""


def _task(blob: Path, kind: str, number: int, settings: Settings):  # type: ignore[no-untyped-def]
    from docproc.ingest import ImagePageTask, load

    if kind == "pdf":
        import pypdfium2 as pdfium

        try:
            pdf = pdfium.PdfDocument(str(blob))
        except pdfium.PdfiumError as exc:
            raise NoPageImage("the PDF cannot be opened") from exc
        try:
            if not 1 <= number <= len(pdf):
                raise NoPageImage("no such page")
            w, h = pdf[number - 1].get_size()
        finally:
            pdf.close()
        return ImagePageTask(str(blob), "pdf", number - 1, number, float(w), float(h), dpi=PREVIEW_DPI)
    if kind in ("tiff", "png", "jpeg"):
        loaded = load(blob, settings=settings)
        tasks = [p for p in loaded.pages if isinstance(p, ImagePageTask) and p.number == number]
        if not tasks:
            raise NoPageImage("no such page")
        return tasks[0]
    raise NoPageImage("this document was uploaded as text: it has no page images")


def page_png(blob: Path, sha256: str, kind: str, number: int, cache_dir: Path, settings: Settings) -> bytes:
    cached = cache_dir / sha256[:2] / f"{sha256}-{number}.png"
    if cached.exists():
        return cached.read_bytes()
    from docproc.ingest import load_page_image

    try:
        image = load_page_image(_task(blob, kind, number, settings), settings=settings)
    except DocprocError as exc:
        raise NoPageImage(exc.message) from exc
    try:
        if image.width > MAX_WIDTH:
            image = image.resize((MAX_WIDTH, round(image.height * MAX_WIDTH / image.width)))
        buf = io.BytesIO()
        image.save(buf, format="PNG", optimize=False)
    finally:
        image.close()
    data = buf.getvalue()
    cached.parent.mkdir(parents=True, exist_ok=True)
    tmp = cached.with_suffix(f".{os.getpid()}.tmp")
    tmp.write_bytes(data)
    os.replace(tmp, cached)
    return data
