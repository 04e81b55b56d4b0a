"""Ingest: sniff a file by its bytes, enforce the limits, split it into pages.

A page with a usable text layer comes back finished (words from pdfplumber); a scanned page comes
back as an `ImagePageTask` that a worker turns into an image with `load_page_image`. Text and DOCX
inputs come back as Unicode text (legacy TCVN3/VNI converted).

    loaded = load(Path("ban-an.pdf"), settings=get_settings())
    for p in loaded.pages: ...  # Page (text layer) or ImagePageTask (to OCR)
"""

from docproc.ingest._load import load, load_page_image
from docproc.ingest._sniff import sniff
from docproc.ingest.types import FileKind, ImagePageTask, LoadedFile

__all__ = ["load", "load_page_image", "sniff", "FileKind", "ImagePageTask", "LoadedFile"]
