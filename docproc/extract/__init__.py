"""Document → Extraction: the rules that read a judgment, and the dispatch by document kind.

`extract` first tells by content what the document is (`enforcement.kind`): an enforcement decision
goes to `enforcement` (its own reader, the `enforcement` object of the enforcement contract); a
court judgment or decision to the stages below; anything else (a letter, a blank page) is still
read as a judgment but comes back with a warning and every confidence capped, never as a clean
extraction.

Stages, each a module of its own: `sections` (split the text), `header` (document kind and case
block), `parties` (the đương sự and their representatives; a resolver from later mentions to party
ids), `operative` (obligations and assets of the QUYẾT ĐỊNH part, and their links), `checks`
(consistency warnings a reviewer sees). They run as spaCy components (`components.py`) in the order
the config `models/rules.cfg` gives.
"""

from __future__ import annotations

from pathlib import Path

from docproc.config import get_settings
from docproc.document import Document
from docproc.extract.sections import Sections, segment
from docproc.schema import Extraction

__all__ = ["extract", "segment", "Sections"]


_NOT_LEGAL_CONFIDENCE = 0.3


def extract(document: Document, *, config: Path | None = None) -> Extraction:
    from docproc.extract.enforcement.kind import NOT_LEGAL, classify

    kind = classify(document.text)
    if kind.kind == "enforcement_decision":
        from docproc.extract.enforcement import extract_enforcement

        return extract_enforcement(document)
    extraction = _extract_judgment(document, config=config)
    if kind.kind == "other":
        extraction.document.kind = "other"
        extraction.document.warn(NOT_LEGAL, first=True)
        for ev in extraction.evidence.values():
            ev.confidence = min(ev.confidence if ev.confidence is not None else 1.0, _NOT_LEGAL_CONFIDENCE)
    return extraction


def _extract_judgment(document: Document, *, config: Path | None = None) -> Extraction:
    from docproc.extract.components import build_pipeline, run_pipeline

    settings = get_settings()
    if config is None and settings.backend != "rules":
        import docproc.extract.learned  # noqa: F401  (registers the learned components)

        config = settings.models_dir / "learned.cfg"
    config = config or settings.models_dir / "rules.cfg"
    return run_pipeline(build_pipeline(Path(config)), document)
