"""Page words for the review page, derived from the stored file.

Boxes are in PDF points from the top-left of the page as read upright: a scan OCR had to turn
(`rotation`, degrees clockwise) is shown turned the same way by the page.

The job that processed the file stores its words (text, box, confidence) here as JSON beside the
blobs (`save_layout`). A file without them (processed by an older version, imported, or its layout
file lost) is read again with `pipelines.process.read_document`, the reader the job used, once. A text upload
has no pages: its layout is the document text, whose character offsets are the evidence spans.
"""

from __future__ import annotations

import json
import threading
from pathlib import Path
from typing import Any

from docproc._io import write_atomic
from docproc.config import Settings

__all__ = ["document_layout", "page_words", "save_layout", "NoSuchPage"]

_locks: dict[str, threading.Lock] = {}
_locks_guard = threading.Lock()


class NoSuchPage(LookupError):
    pass


def _lock(key: str) -> threading.Lock:
    with _locks_guard:
        return _locks.setdefault(key, threading.Lock())


def _read(blob: Path, filename: str, settings: Settings) -> dict[str, Any]:
    from pipelines.layout import layout_of
    from pipelines.process import read_document

    return layout_of(read_document(blob, settings=settings, source=filename))


def _cached(cache_dir: Path, sha256: str) -> Path:
    return cache_dir / sha256[:2] / f"{sha256}.json"


def save_layout(cache_dir: Path, sha256: str, data: dict[str, Any]) -> None:
    """Store a file's layout (atomically: a reader never sees half of it)."""
    write_atomic(_cached(cache_dir, sha256), json.dumps(data, ensure_ascii=False))


def document_layout(
    blob: Path, sha256: str, filename: str, cache_dir: Path, settings: Settings
) -> dict[str, Any]:
    """{"pages": [{number, width, height, source, rotation, words: [[text, x0, y0, x1, y1, conf]]}],
    "text": the document text for a text upload (no pages), else None}; cached per file."""
    cached = _cached(cache_dir, sha256)
    with _lock(sha256):
        if cached.exists():
            return json.loads(cached.read_text(encoding="utf-8"))
        data = _read(blob, filename, settings)
        save_layout(cache_dir, sha256, data)
        return data


def page_words(layout: dict[str, Any], number: int) -> dict[str, Any]:
    """One page of a layout, words as objects {text, bbox, confidence}."""
    for p in layout["pages"]:
        if p["number"] == number:
            words = [{"text": w[0], "bbox": w[1:5], "confidence": w[5]} for w in p["words"]]
            info = {k: p[k] for k in ("number", "width", "height", "source")}
            return info | {"rotation": p.get("rotation", 0), "words": words}
    raise NoSuchPage(f"no page {number}")
