"""`load`: sniff, check limits, hash, and split a file into pages; `load_page_image` for workers."""

from __future__ import annotations

import logging
import stat
from pathlib import Path

from PIL import Image

from docproc._io import OverLimit, sha256_file
from docproc.budget import NO_DEADLINE, Deadline
from docproc.config import Settings
from docproc.errors import CorruptFile, DocprocError, EmptyDocument, TooLarge, UnsupportedFile
from docproc.ingest import _docs, _images, _pdf
from docproc.ingest._sniff import HEAD_BYTES, sniff
from docproc.ingest.types import ImagePageTask, LoadedFile
from docproc.notices import Notice

__all__ = ["load", "load_page_image"]

log = logging.getLogger(__name__)

_IMAGE_HEAD = 4 * 1024 * 1024  # a JPEG's frame header can sit after large EXIF/ICC segments
_KIND_BY_SUFFIX = {
    ".pdf": "pdf",
    ".tif": "tiff",
    ".tiff": "tiff",
    ".png": "png",
    ".jpg": "jpeg",
    ".jpeg": "jpeg",
    ".docx": "docx",
    ".txt": "text",
}


def name_warning(source: str, kind: str) -> Notice | None:
    """A warning when the file's name says one kind and its bytes another: the bytes win (a scan saved
    as .txt is still read as a scan), and the reviewer learns that the archive's name is wrong."""
    named = _KIND_BY_SUFFIX.get(Path(source).suffix.lower())
    if named is None or named == kind:
        return None
    return Notice("ingest.misnamed", params={"named": named.upper(), "kind": kind.upper()})


def load(
    path: Path, *, settings: Settings, source: str | None = None, deadline: Deadline = NO_DEADLINE
) -> LoadedFile:
    """Read and check one input file: its kind (from the bytes), hash, and text or pages.

    Raises a DocprocError subclass (UnsupportedFile, CorruptFile, EncryptedFile, TooLarge,
    EmptyDocument, TimedOut) with a message naming the problem, never a parser's own exception.
    """
    path = Path(path)
    source = source or path.name
    try:
        return _load(path, settings, source, deadline)
    except DocprocError as e:
        if e.source is None:
            e.source = source
        raise
    except Exception as e:  # noqa: BLE001 - whatever a parser raises is a file it cannot read
        raise mapped(e, source) from e


def mapped(exc: BaseException, source: str | None, what: str = "the file") -> DocprocError:
    """The documented error for an exception a parser library raised (its message is not kept: it
    may quote the document)."""
    log.debug("reader failure on %s", type(exc).__name__, exc_info=exc)
    if isinstance(exc, DocprocError):
        return exc
    if isinstance(exc, MemoryError):
        return TooLarge(f"{what} needs more memory to read than is available", source=source)
    if isinstance(exc, RecursionError):
        return CorruptFile(f"{what} is nested too deeply to be read", source=source)
    return CorruptFile(f"{what} is damaged and cannot be read ({type(exc).__name__})", source=source)


def _load(path: Path, settings: Settings, source: str, deadline: Deadline) -> LoadedFile:
    try:
        st = path.stat()
    except FileNotFoundError as e:
        raise DocprocError("file not found") from e
    except OSError as e:
        raise DocprocError(f"the file cannot be read ({e.strerror or type(e).__name__})") from e
    if stat.S_ISDIR(st.st_mode):
        raise UnsupportedFile("a directory, not a file")
    if not stat.S_ISREG(st.st_mode):  # a FIFO would block the read, a device never ends
        raise UnsupportedFile("not a regular file (a device, pipe or socket)")
    size = st.st_size
    if size == 0:
        raise EmptyDocument("the file is empty (0 bytes)")
    if size > settings.max_file_bytes:
        raise TooLarge(f"the file is {size:,} bytes, over the limit of {settings.max_file_bytes:,}")
    head = bytearray()

    def keep_head(block: bytes) -> None:
        if len(head) < _IMAGE_HEAD:
            head.extend(block[: _IMAGE_HEAD - len(head)])

    try:
        sha256 = sha256_file(path, limit=settings.max_file_bytes, each=keep_head)
    except OverLimit as e:  # it grew after stat
        raise TooLarge(f"the file is over the limit of {settings.max_file_bytes:,} bytes") from e
    except OSError as e:
        raise DocprocError(f"the file cannot be read ({e.strerror or type(e).__name__})") from e
    head = bytes(head)
    kind = sniff(path.read_bytes() if head.startswith(b"PK") else head[:HEAD_BYTES])
    loaded = LoadedFile(source=source, path=path, kind=kind, sha256=sha256)
    deadline.check()
    renamed = name_warning(source, kind)
    if kind == "text":
        if size > settings.max_text_bytes:  # before decoding: a str costs up to 4 bytes a character
            raise TooLarge(
                f"the text file is {size:,} bytes, over the limit of {settings.max_text_bytes:,} for text"
            )
        loaded.text, encoding = _docs.read_text_file(path.read_bytes(), settings)
        if encoding == "cp1252":  # 8-bit text in no Vietnamese encoding docproc.text knows
            loaded.warnings.append(Notice("ingest.unknown_8bit"))
            encoding = None
        loaded.encoding = encoding
    elif kind == "docx":
        loaded.text, loaded.encoding = _docs.read_docx(path, settings, deadline)
    elif kind == "pdf":  # tasks carry an absolute path: workers may run in another directory
        result = _pdf.read_pdf(path.resolve(), settings, deadline)
        loaded.pages, loaded.encoding, loaded.warnings = result.pages, result.encoding, result.warnings
    else:
        loaded.pages = list(_images.image_tasks(path.resolve(), kind, settings, head=head, deadline=deadline))
    if renamed:
        loaded.warnings.insert(0, renamed)
    log.info(
        "loaded %s: kind=%s pages=%d ocr_pages=%d encoding=%s",
        sha256[:12],
        kind,
        len(loaded.pages),
        sum(isinstance(p, ImagePageTask) for p in loaded.pages),
        loaded.encoding,
    )
    return loaded


def load_page_image(task: ImagePageTask, *, settings: Settings) -> Image.Image:
    """The image of one page to OCR (RGB or L, upright, colour kept). Runs in a worker process."""
    try:
        if task.kind == "pdf":
            return _pdf.page_image(task, settings)
        return _images.load_frame(Path(task.path), task.kind, task.index, settings)
    except DocprocError as e:
        if e.source is None:
            e.source = Path(task.path).name
        raise
    except Exception as e:  # noqa: BLE001 - a page its library cannot decode
        raise mapped(e, Path(task.path).name, what=f"page {task.number}") from e
