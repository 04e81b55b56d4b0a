"""What a PDF's streams decode to, measured before pdfium or pdfminer decode them.

Both libraries inflate a stream whole into memory: a 1 MB Flate stream of zeros is a gigabyte, and a
page declaring a 60000 x 60000 image is ten. So every stream is inflated here first, in 1 MiB pieces
that are counted and dropped (bounded memory, time bounded by the limits), through as many Flate layers
as its dictionary names, and the declared pixel size of every image is checked. Refused before any work:
a non-image stream over `max_pdf_stream_bytes`, an image over its own pixel size (or the pixel limit),
all streams together over `max_pdf_decoded_bytes`.

Streams are found by their `stream` keyword (object streams cannot hold streams, so a scan of the file
finds them all); a stream that is not Flate, or is damaged, is left to the readers.
"""

from __future__ import annotations

import mmap
import re
import zlib
from pathlib import Path

from docproc.budget import NO_DEADLINE, Deadline
from docproc.config import Settings
from docproc.errors import TooLarge

__all__ = ["check_streams"]

_STREAM = re.compile(rb"stream(?:\r\n|\n|\r)")  # `endstream` skipped by hand: a lookbehind is 30x slower
_DICT_BACK = 8192  # bytes before `stream` searched for its object's dictionary
_PIECE = 1 << 20  # inflated bytes produced per call: memory per layer
_RAW = 1 << 16  # compressed bytes fed per call
_FLATE = re.compile(rb"/(?:FlateDecode|Fl)(?![A-Za-z])")
_WIDTH = re.compile(rb"/(?:Width|W)\s+(\d{1,12})(?!\s+\d+\s+R)(?![\d.])")
_HEIGHT = re.compile(rb"/(?:Height|H)\s+(\d{1,12})(?!\s+\d+\s+R)(?![\d.])")
_IMAGE = re.compile(rb"/Subtype\s*/Image(?![A-Za-z])")
_MAX_LAYERS = 4


class _Over(Exception):
    pass


def _dictionary(buf: mmap.mmap | bytes, pos: int) -> bytes:
    start = max(0, pos - _DICT_BACK)
    window = bytes(buf[start:pos])
    k = window.rfind(b"obj")
    return window[k:] if k >= 0 else window


def _inflated(buf: mmap.mmap | bytes, start: int, layers: int, cap: int) -> int:
    """Bytes the Flate data at `start` inflates to through `layers` layers, counting up to `cap`
    (raises _Over beyond). 0 when the data is not Flate at all."""
    decs = [zlib.decompressobj() for _ in range(layers)]
    total = 0
    depth = layers  # layers that really are Flate (an inner one that is not: its input is the output)

    def count(data: bytes) -> None:
        nonlocal total
        total += len(data)
        if total > cap:
            raise _Over

    def push(level: int, data: bytes) -> None:
        nonlocal depth
        if level >= depth:
            count(data)
            return
        d = decs[level]
        while data and not d.eof:
            try:
                out = d.decompress(data, _PIECE)
            except zlib.error:
                if level == 0:
                    raise
                depth = level
                count(data)
                return
            data = d.unconsumed_tail
            if out:
                push(level + 1, out)
            elif not data:
                break

    pos, end = start, len(buf)
    first = True
    while pos < end and not decs[0].eof:
        chunk = bytes(buf[pos : pos + _RAW])
        pos += len(chunk)
        try:
            push(0, chunk)
        except zlib.error:
            if first:
                return 0  # not Flate (DCT, CCITT, JBIG2, raw): the readers bound those themselves
            break  # damaged later on: what was counted stands, the readers will complain
        first = False
    return total


def check_streams(path: Path, settings: Settings, deadline: Deadline = NO_DEADLINE) -> int:
    """Refuse a PDF whose streams decode to more than the limits allow; the decoded total otherwise."""
    with open(path, "rb") as f:
        try:
            buf: mmap.mmap | bytes = mmap.mmap(f.fileno(), 0, access=mmap.ACCESS_READ)
        except (ValueError, OSError):  # empty or not mappable: read it (size already limited)
            buf = f.read()
    try:
        total = 0
        budget = settings.max_pdf_decoded_bytes
        for n, m in enumerate(_STREAM.finditer(buf)):
            if n % 64 == 0:
                deadline.check("reading the PDF's streams")
            if buf[max(0, m.start() - 3) : m.start()] == b"end":
                continue
            head = _dictionary(buf, m.start())
            image = bool(_IMAGE.search(head))
            if image:
                w, h = _WIDTH.search(head), _HEIGHT.search(head)
                if w and h and int(w.group(1)) * int(h.group(1)) > settings.max_image_pixels:
                    raise TooLarge(
                        f"the PDF holds an image of {int(w.group(1))} x {int(h.group(1))} pixels, over the "
                        f"limit of {settings.max_image_pixels:,} pixels"
                    )
                # 4 bytes a pixel (CMYK, 16-bit grey + alpha...) and a margin for row predictors
                cap = settings.max_image_pixels * 4 + (1 << 20)
                if w and h:
                    cap = min(cap, int(w.group(1)) * int(h.group(1)) * 8 + (1 << 20))
            else:
                cap = settings.max_pdf_stream_bytes
            layers = min(max(1, len(_FLATE.findall(head))), _MAX_LAYERS)
            try:
                size = _inflated(buf, m.end(), layers, min(cap, budget - total))
            except _Over:
                if budget - total < cap:
                    raise TooLarge(
                        f"the PDF's streams decode to more than {budget:,} bytes, the limit"
                    ) from None
                what = "an image stream" if image else "a stream"
                raise TooLarge(
                    f"the PDF holds {what} that decodes to more than {cap:,} bytes, the limit "
                    "(a compression bomb?)"
                ) from None
            total += size
        return total
    finally:
        if isinstance(buf, mmap.mmap):
            buf.close()
