"""Evidence for extracted values: JSON Pointer → where in the document the value was read."""

from __future__ import annotations

from docproc.document import Document
from docproc.schema import Evidence

__all__ = ["EvidenceBuilder"]


class EvidenceBuilder:
    """Collects evidence records while rules run; spans are offsets into `document.text`."""

    def __init__(self, document: Document) -> None:
        self.document = document
        self.records: dict[str, Evidence] = {}

    def add(self, pointer: str, start: int, end: int, confidence: float) -> None:
        """Record where the value at `pointer` came from. The confidence of a rule is capped by the
        OCR confidence of the words it read, so a shaky scan never yields a confident field."""
        page, bbox, ocr_conf = self.document.locate(start, end)
        conf = confidence if ocr_conf is None else min(confidence, _ocr_factor(ocr_conf) * confidence)
        self.records[pointer] = Evidence(
            page=page,
            bbox=tuple(round(v, 2) for v in bbox) if bbox else None,
            span=(start, end),
            text=self.document.text[start:end],
            confidence=round(max(0.0, min(1.0, conf)), 3),
        )


def _ocr_factor(ocr_conf: float) -> float:
    # Tesseract word confidences above ~0.9 are reliable; below, the reading may be wrong.
    return 1.0 if ocr_conf >= 0.9 else max(0.3, ocr_conf / 0.9)
