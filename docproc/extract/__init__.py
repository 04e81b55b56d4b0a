"""Document → Extraction: the rules that read a judgment.

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


def extract(document: Document, *, config: Path | None = None) -> Extraction:
    from docproc.extract.components import build_pipeline, run_pipeline

    settings = get_settings()
    if config is None and settings.backend != "rules":
        import docproc.extract.learned  # noqa: F401  (registers the learned components)

        config = settings.models_dir / "learned.cfg"
    config = config or settings.models_dir / "rules.cfg"
    return run_pipeline(build_pipeline(Path(config)), document)
