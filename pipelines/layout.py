"""A Document's layout for the review page: pages with their words, in the one word shape of the
wire, the stored layout files and the API: {"text", "bbox": [x0, y0, x1, y1], "confidence"} (box in
PDF points from the page's top-left, as read upright).

Made where the Document is made (the runner's last step), so the review page never reads a file a
second time to show where a value came from. `pipelines.runner.layout_unread` is the layout of a file whose words
were not kept: its pages and text layer from the file, its scanned pages without words (no OCR).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from docproc.document import Document, Page, Word

__all__ = [
    "LAYOUT_DIR",
    "layout_of",
    "page_json",
    "word_json",
    "page_words_json",
    "layout_path",
    "write_layout",
    "read_layout",
]

LAYOUT_DIR = "layout"  # under a batch's output directory


def word_json(w: Word) -> dict[str, Any]:
    return {"text": w.text, "bbox": [round(v, 2) for v in w.bbox], "confidence": round(w.confidence, 3)}


def page_json(p: Page, *, words_missing: bool = False) -> dict[str, Any]:
    out = {
        "number": p.number,
        "width": p.width,
        "height": p.height,
        "source": p.source,
        "rotation": p.rotation,
        "words": [word_json(w) for w in p.words],
    }
    if words_missing:
        out["words_missing"] = True
    return out


def layout_of(doc: Document) -> dict[str, Any]:
    """{"pages": [{number, width, height, source, rotation, words: [{text, bbox, confidence}]}],
    "text": the document text for a text file (no pages), else None}."""
    pages = [page_json(p) for p in doc.pages]
    return {"pages": pages, "text": doc.text if not pages else None}


def page_words_json(page: dict[str, Any]) -> list[dict[str, Any]]:
    """A stored page's words in the wire shape; layout files written before it hold short lists
    [text, x0, y0, x1, y1, confidence], read here too."""
    return [
        w if isinstance(w, dict) else {"text": w[0], "bbox": list(w[1:5]), "confidence": w[5]}
        for w in page.get("words") or []
    ]


def layout_path(out: Path, sha256: str) -> Path:
    """Where a batch keeps a document's layout: `OUT/layout/ab/ab12….json.gz`, by the file's sha256
    as the service stores it. Not beside `NAME.json`: an input named `X.layout.pdf` would have its
    output overwritten by the layout of `X.pdf`, and `*.json` globs over OUT find extractions only."""
    return Path(out) / LAYOUT_DIR / sha256[:2] / f"{sha256}.json.gz"


def write_layout(out: Path, sha256: str, layout: dict[str, Any]) -> Path:
    """Write a layout into a batch's output directory, atomically (a scan's words compress ~8x)."""
    import gzip
    import json

    from docproc._io import write_atomic

    path = layout_path(out, sha256)
    raw = json.dumps(layout, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    write_atomic(path, gzip.compress(raw, compresslevel=6, mtime=0))
    return path


def read_layout(out: Path, sha256: str) -> dict[str, Any] | None:
    """The layout a batch wrote for these bytes, or None (an older batch, or the file is gone)."""
    import gzip
    import json

    try:
        return json.loads(gzip.decompress(layout_path(out, sha256).read_bytes()))
    except (OSError, EOFError, ValueError):
        return None
