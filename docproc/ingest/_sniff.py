"""What a file is, from its bytes: file names and extensions lie (a `.pdf` that is a ZIP, a `.txt`
that is a scan), and a clear refusal beats a parser's traceback."""

from __future__ import annotations

import io
import zipfile

from docproc.errors import EmptyDocument, UnsupportedFile
from docproc.ingest.types import FileKind

__all__ = ["sniff", "zip_kind", "HEAD_BYTES"]

HEAD_BYTES = 64 * 1024  # enough to tell text from binary; ZIPs are checked on the whole file

_ZIP_MAGIC = (b"PK\x03\x04", b"PK\x05\x06", b"PK\x07\x08")

# Formats we recognise only to name them in the refusal.
_KNOWN_OTHER: tuple[tuple[bytes, str], ...] = (
    (
        b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1",
        "a Word 97-2003 (.doc) or other Office binary file; save it as DOCX or PDF",
    ),
    (b"{\\rtf", "an RTF document; save it as DOCX or PDF"),
    (b"GIF87a", "a GIF image; convert it to PNG"),
    (b"GIF89a", "a GIF image; convert it to PNG"),
    (b"BM", "a BMP image; convert it to PNG"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"Rar!\x1a\x07", "a RAR archive"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"),
    (b"%!PS", "a PostScript file; print it to PDF"),
    (b"AT&TFORM", "a DjVu document; convert it to PDF"),
    (b"\x00\x00\x00\x0cjP  ", "a JPEG 2000 image; convert it to PNG or TIFF"),
)


def sniff(head: bytes) -> FileKind:
    """The kind of a file from its first bytes (or all of them).

    PDF (`%PDF-` within the first 1024 bytes, as readers accept), TIFF, PNG, JPEG, DOCX (a ZIP that
    holds `word/document.xml`: pass the whole file for ZIPs, the member list may lie beyond a short
    head; `load` does), or text (UTF-8, UTF-16 with a BOM, or 8-bit text without NULs such as legacy
    TCVN3/VNI files). Anything else raises UnsupportedFile naming what the bytes are.
    """
    if not head:
        raise EmptyDocument("the file is empty (0 bytes)")
    if b"%PDF-" in head[:1024]:
        return "pdf"
    if head.startswith((b"II*\x00", b"MM\x00*")):
        return "tiff"
    if head.startswith((b"II+\x00", b"MM\x00+")):
        raise UnsupportedFile("a BigTIFF image; save it as a standard TIFF or PDF")
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return "png"
    if head.startswith(b"\xff\xd8\xff"):
        return "jpeg"
    if head.startswith(_ZIP_MAGIC):
        what = zip_kind(head)
        if what == "docx":
            return "docx"
        raise UnsupportedFile(f"{what}, not a PDF, image, DOCX or text document")
    if head.startswith(b"RIFF") and head[8:12] == b"WEBP":
        raise UnsupportedFile("a WebP image; convert it to PNG or JPEG")
    if head[4:12] in (b"ftypheic", b"ftypheix", b"ftypmif1", b"ftypavif"):
        raise UnsupportedFile("a HEIC/AVIF photo; convert it to JPEG")
    for magic, what in _KNOWN_OTHER:
        if head.startswith(magic):
            raise UnsupportedFile(what)
    if _looks_like_text(head):
        return "text"
    raise UnsupportedFile("binary data of an unknown format, not a PDF, image, DOCX or text document")


def zip_kind(data: bytes) -> str:
    """'docx' for a Word document, else a phrase naming the archive (for the refusal message)."""
    names: list[str]
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            names = zf.namelist()
    except (zipfile.BadZipFile, OSError, ValueError):
        # A head too short for the central directory: the local headers still carry the names.
        if b"word/document.xml" in data:
            return "docx"
        return "a ZIP archive (damaged or cut off)"
    if "word/document.xml" in names:
        return "docx"
    if "xl/workbook.xml" in names:
        return "an Excel workbook (XLSX)"
    if "ppt/presentation.xml" in names:
        return "a PowerPoint presentation (PPTX)"
    if "mimetype" in names and "content.xml" in names:
        return "an OpenDocument file; save it as DOCX or PDF"
    return "a ZIP archive"


def _looks_like_text(head: bytes) -> bool:
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):  # UTF-16 with a BOM
        return len(head) % 2 == 0 or len(head) >= 1024
    if b"\x00" in head:
        return False
    try:
        head.decode("utf-8")
        valid_utf8 = True
    except UnicodeDecodeError as e:
        # A head cut inside a multi-byte character is still UTF-8.
        valid_utf8 = e.start >= len(head) - 3 and e.reason == "unexpected end of data"
    controls = sum(1 for b in head if b < 0x20 and b not in (0x09, 0x0A, 0x0C, 0x0D)) + head.count(0x7F)
    if controls > max(2, len(head) // 100):
        return False
    if valid_utf8:
        return True
    # 8-bit text (TCVN3, VNI, cp1258): Vietnamese keeps most letters in ASCII.
    ascii_printable = sum(1 for b in head if 0x20 <= b < 0x7F or b in (0x09, 0x0A, 0x0D))
    return ascii_printable >= 0.6 * len(head)
