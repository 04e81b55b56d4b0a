"""The consistency checks again after a reviewer's correction, for the service.

The service may not call a stage (the layer contract): it asks here. A correction changes the
extraction, not the file, so only the checks run again (docproc.extract.checks); the warnings of
the other stages (reading, OCR, the document kind) stay as they were.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from typing import Any

from docproc.document import Document
from docproc.extract import checks
from docproc.schema import Extraction

__all__ = ["recheck", "rewarn"]


def recheck(extraction: Mapping[str, Any], text: str = "") -> list[Any]:
    """The checks' warnings for an extraction (a dict as stored). `text` is the document text where
    the caller has it: one check (court fees) stays silent when the text mentions a counterclaim."""
    ex = Extraction.model_validate(dict(extraction))
    return list(checks.check(ex, Document(source=ex.document.source, text=text)))


def _key(warning: Any) -> str:
    return json.dumps(warning, ensure_ascii=False, sort_keys=True)


def rewarn(stored: Iterable[Any], before: Mapping[str, Any], after: Mapping[str, Any]) -> list[Any]:
    """The document's warnings once `before` was corrected into `after`: the stored warnings without
    those the checks gave for `before`, then the checks' warnings for `after`.

    The stored ones were made with the whole file at hand; a re-run here has only the extraction. A
    warning the re-run gives for `before` that the stored list does not hold was silenced by what the
    file says (a counterclaim), so the same warning stays silent for `after` too."""
    stored = list(stored)
    old = {_key(w) for w in _safe_recheck(before)}
    kept = [w for w in stored if _key(w) not in old]
    silenced = old - {_key(w) for w in stored}
    new = [w for w in recheck(after) if _key(w) not in silenced]
    seen = {_key(w) for w in kept}
    return kept + [w for w in new if _key(w) not in seen]


def _safe_recheck(extraction: Mapping[str, Any]) -> list[Any]:
    """Checks of an extraction stored before this correction; one that no longer fits the schema
    (written by an older version) has no check warnings to replace."""
    try:
        return recheck(extraction)
    except ValueError:  # pydantic's ValidationError is a ValueError
        return []
