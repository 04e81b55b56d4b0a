"""A stored document's page as an image for a screen: the same image OCR reads (docproc.ingest), at a
preview resolution. The service scales and caches it; it never calls ingest itself."""

from __future__ import annotations

from pathlib import Path

from PIL import Image

from docproc.config import Settings
from docproc.errors import DocprocError

__all__ = ["NoPageImage", "page_image", "sniff_kind"]


class NoPageImage(LookupError):
    """The document has no such page image (a text or DOCX upload, or past the last page)."""


def sniff_kind(head: bytes) -> str:
    """The file type from its first bytes (docproc.ingest.sniff); raises UnsupportedFile."""
    from docproc.ingest import sniff

    return sniff(head)


def _task(blob: Path, kind: str, number: int, dpi: int, settings: Settings):  # type: ignore[no-untyped-def]
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
        return ImagePageTask(str(blob), "pdf", number - 1, number, float(w), float(h), dpi=dpi)
    if kind in ("tiff", "png", "jpeg"):
        loaded = load(blob, settings=settings)
        tasks = [p for p in loaded.pages if isinstance(p, ImagePageTask) and p.number == number]
        if not tasks:
            raise NoPageImage("no such page")
        return tasks[0]
    raise NoPageImage("this document was uploaded as text: it has no page images")


def page_image(blob: Path, kind: str, number: int, *, dpi: int, settings: Settings) -> Image.Image:
    """Page `number` (1-based) of a stored file; the caller closes it."""
    from docproc.ingest import load_page_image

    try:
        return load_page_image(_task(blob, kind, number, dpi, settings), settings=settings)
    except DocprocError as exc:
        raise NoPageImage(exc.message) from exc
