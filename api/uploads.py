"""Streamed multipart upload with a size limit. The request body is parsed as it arrives (python-
multipart), the file part written to a temp file while it is hashed and counted: an oversized upload
is refused as soon as it passes the limit, a cut-off or disconnected one is refused and leaves nothing
behind, and the whole body is never held in memory."""

from __future__ import annotations

import os
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from fastapi import HTTPException, Request
from python_multipart import MultipartParser
from python_multipart.multipart import parse_options_header
from starlette.requests import ClientDisconnect

from api.storage import BlobStore
from docproc._io import new_hash
from docproc.errors import TooLarge

__all__ = ["Upload", "receive_upload", "clean_filename", "HEAD_BYTES"]

HEAD_BYTES = 64 * 1024
_FIELD = b"file"
_OTHER_PARTS_MAX = 64 * 1024


@dataclass
class Upload:
    tmp: Path
    sha256: str
    size: int
    filename: str
    head: bytes


def clean_filename(name: str | None) -> str:
    name = unicodedata.normalize("NFC", (name or "").replace("\\", "/").rsplit("/", 1)[-1])
    name = "".join(c for c in name if c.isprintable()).strip()
    return name[:255] or "upload"


class _State:
    def __init__(self, fd: int, max_bytes: int) -> None:
        self.fd = fd
        self.max_bytes = max_bytes
        self.sha = new_hash()
        self.size = 0
        self.head = bytearray()
        self.header_field = b""
        self.headers: dict[bytes, bytes] = {}
        self.in_file = False
        self.seen_file = False
        self.filename: str | None = None
        self.other_bytes = 0
        self.ended = False

    # python-multipart callbacks
    def on_part_begin(self) -> None:
        self.headers, self.in_file = {}, False

    def on_header_field(self, data: bytes, start: int, end: int) -> None:
        self.header_field += data[start:end]

    def on_header_value(self, data: bytes, start: int, end: int) -> None:
        key = self.header_field.lower()
        self.headers[key] = self.headers.get(key, b"") + data[start:end]

    def on_header_end(self) -> None:
        self.header_field = b""

    def on_headers_finished(self) -> None:
        _, opts = parse_options_header(self.headers.get(b"content-disposition", b""))
        if opts.get(b"name") == _FIELD and not self.seen_file:
            self.in_file = self.seen_file = True
            raw = opts.get(b"filename", b"")
            self.filename = raw.decode("utf-8", "replace") if isinstance(raw, bytes) else str(raw)

    def on_part_data(self, data: bytes, start: int, end: int) -> None:
        chunk = data[start:end]
        if not self.in_file:
            self.other_bytes += len(chunk)
            if self.other_bytes > _OTHER_PARTS_MAX:
                raise HTTPException(413, "form fields too large")
            return
        self.size += len(chunk)
        if self.size > self.max_bytes:
            raise TooLarge(f"the file is larger than the limit of {self.max_bytes} bytes")
        self.sha.update(chunk)
        if len(self.head) < HEAD_BYTES:
            self.head += chunk[: HEAD_BYTES - len(self.head)]
        os.write(self.fd, chunk)

    def on_part_end(self) -> None:
        self.in_file = False

    def on_end(self) -> None:
        self.ended = True


async def receive_upload(request: Request, store: BlobStore, max_bytes: int) -> Upload:
    """Read the multipart body's `file` part into a temp file in the store. Raises HTTPException 400
    (cut off, malformed or no file), 415 (not multipart) or TooLarge (413)."""
    ctype, opts = parse_options_header(request.headers.get("content-type", ""))
    if ctype != b"multipart/form-data" or not opts.get(b"boundary"):
        raise HTTPException(415, "send the file as multipart/form-data in a field named 'file'")
    length = request.headers.get("content-length")
    if length and length.isdigit() and int(length) > max_bytes + _OTHER_PARTS_MAX:
        raise TooLarge(f"the file is larger than the limit of {max_bytes} bytes")
    fd, tmp = store.temp_file()
    state = _State(fd, max_bytes)
    callbacks = {
        name: getattr(state, name)
        for name in (
            "on_part_begin",
            "on_part_data",
            "on_part_end",
            "on_header_field",
            "on_header_value",
            "on_header_end",
            "on_headers_finished",
            "on_end",
        )
    }
    parser = MultipartParser(opts[b"boundary"], callbacks)  # type: ignore[arg-type]
    ok = False
    try:
        try:
            async for chunk in request.stream():
                if chunk:
                    parser.write(chunk)
        except ClientDisconnect:
            raise HTTPException(400, "the upload was cut off (client disconnected)") from None
        except (HTTPException, TooLarge):
            raise
        except Exception:  # noqa: BLE001 - python-multipart's own errors on a malformed body
            raise HTTPException(400, "malformed multipart body") from None
        parser.finalize()
        if not state.ended:
            raise HTTPException(400, "the upload was cut off (multipart body incomplete)")
        if not state.seen_file:
            raise HTTPException(400, "no file part named 'file' in the form")
        ok = True
    finally:
        os.close(fd)
        if not ok:
            tmp.unlink(missing_ok=True)
    return Upload(
        tmp=tmp,
        sha256=state.sha.hexdigest(),
        size=state.size,
        filename=clean_filename(state.filename),
        head=bytes(state.head),
    )
