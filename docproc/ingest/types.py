"""What ingest hands to the next stages. Everything here is picklable: page tasks travel to worker
processes or Dask workers, which load the page image themselves (memory stays per worker)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from docproc.document import Page
from docproc.notices import Notice

__all__ = ["FileKind", "ImagePageTask", "LoadedFile"]

FileKind = Literal["pdf", "tiff", "png", "jpeg", "text", "docx"]


@dataclass(frozen=True)
class ImagePageTask:
    """A page that must be OCRed: where its image is, and its size in PDF points."""

    path: str  # the input file (read again by the worker)
    kind: FileKind  # pdf: page `index` of the PDF; tiff: frame `index`; png/jpeg: the image
    index: int  # 0-based page/frame index in the file
    number: int  # 1-based page number in the document
    width_pt: float
    height_pt: float
    dpi: int = 300  # render resolution for PDF pages that are not one embedded image


@dataclass
class LoadedFile:
    """A sniffed and checked input. Either `text` (text/DOCX inputs, already Unicode NFC) or `pages`,
    in page order, each a finished text-layer `Page` or an `ImagePageTask` for OCR."""

    source: str  # file name as given
    path: Path
    kind: FileKind
    sha256: str
    text: str | None = None
    pages: list[Page | ImagePageTask] = field(default_factory=list)
    encoding: str | None = None  # legacy encoding converted from (tcvn3, vni), if any
    warnings: list[Notice] = field(default_factory=list)
