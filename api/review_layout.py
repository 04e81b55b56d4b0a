"""Page words for the review page, from what the job (or the imported batch) kept: never OCR.

Boxes are in PDF points from the top-left of the page as read upright: a scan OCR had to turn
(`rotation`, degrees clockwise) is shown turned the same way by the page. Words have the one wire
shape {text, bbox, confidence} (pipelines.layout).

The job that processed the file stores its layout here as JSON beside the blobs (`save_layout`), and
so does the import of a batch that wrote it. A file without one (processed by an older version,
imported from an older batch, or its layout file lost) gets `pipelines.runner.layout_unread`: its
text and text-layer pages read from the file, its scanned pages without words, each flagged
`words_missing` for the page to say so. OCR is a job's work, never a request's.
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
    """The layout of a stored file without its kept words: no OCR (see the module docstring)."""
    from pipelines.runner import layout_unread

    return layout_unread(blob, filename, settings)


def _cached(cache_dir: Path, sha256: str) -> Path:
    return cache_dir / sha256[:2] / f"{sha256}.json"


def save_layout(cache_dir: Path, sha256: str, data: dict[str, Any]) -> None:
    """Store a file's layout (atomically: a reader never sees half of it)."""
    write_atomic(_cached(cache_dir, sha256), json.dumps(data, ensure_ascii=False, separators=(",", ":")))


def document_layout(
    blob: Path, sha256: str, filename: str, cache_dir: Path, settings: Settings
) -> dict[str, Any]:
    """{"pages": [{number, width, height, source, rotation, words: [{text, bbox, confidence}],
    words_missing?}], "text": the document text for a text upload (no pages), else None}."""
    cached = _cached(cache_dir, sha256)
    with _lock(sha256):
        if cached.exists():
            return json.loads(cached.read_text(encoding="utf-8"))
        data = _read(blob, filename, settings)
        save_layout(cache_dir, sha256, data)  # the file's text layer is read once
        return data


def page_words(layout: dict[str, Any], number: int) -> dict[str, Any]:
    """One page of a layout: its size, source, rotation, `words_missing`, and its words."""
    from pipelines.layout import page_words_json

    for p in layout["pages"]:
        if p["number"] == number:
            info = {k: p[k] for k in ("number", "width", "height", "source")}
            extra = {"rotation": p.get("rotation", 0), "words_missing": bool(p.get("words_missing"))}
            return info | extra | {"words": page_words_json(p)}
    raise NoSuchPage(f"no page {number}")
