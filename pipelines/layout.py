"""A Document's layout for the review page: pages with their words (text, box, confidence).

Made where the Document is made (the job's last task), so the review page never reads a file a
second time to show where a value came from.
"""

from __future__ import annotations

from typing import Any

from docproc.document import Document

__all__ = ["layout_of"]


def layout_of(doc: Document) -> dict[str, Any]:
    """{"pages": [{number, width, height, source, rotation, words: [[text, x0, y0, x1, y1, conf]]}],
    "text": the document text for a text file (no pages), else None}. Words as short lists: a
    scanned judgment has thousands of them."""
    pages = [
        {
            "number": p.number,
            "width": p.width,
            "height": p.height,
            "source": p.source,
            "rotation": p.rotation,
            "words": [[w.text, *(round(v, 2) for v in w.bbox), round(w.confidence, 3)] for w in p.words],
        }
        for p in doc.pages
    ]
    return {"pages": pages, "text": doc.text if not pages else None}
