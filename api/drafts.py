"""Draft decisions for a document version, made by pipelines.drafts (docx, and the pdf preview only
when asked for) and cached per version and format: a correction makes a new version, hence new drafts."""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path
from typing import Any

__all__ = ["draft_file", "draft_kinds", "DraftNotFound"]


class DraftNotFound(LookupError):
    pass


def _ensure(extraction: dict[str, Any], target: Path, fmt: str, office_name: str | None) -> None:
    if target.exists():
        return
    from pipelines.drafts import OfficeSettings, write_drafts

    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(dir=target.parent, prefix=f".{target.name}."))
    try:
        office = OfficeSettings(name=office_name) if office_name else None
        write_drafts(extraction, tmp, office, pdf=fmt == "pdf", json_data=False)
        try:
            tmp.rename(target)
        except OSError:  # made meanwhile by another request
            pass
    finally:
        if tmp.exists():
            shutil.rmtree(tmp, ignore_errors=True)


def draft_kinds(extraction: dict[str, Any], cache_dir: Path, *, office_name: str | None = None) -> list[str]:
    """The names of the drafts this extraction calls for (e.g. one decision per obligation type)."""
    target = cache_dir.with_name(f"{cache_dir.name}-docx")
    _ensure(extraction, target, "docx", office_name)
    return sorted(p.stem for p in target.glob("*.docx"))


def draft_file(
    extraction: dict[str, Any], cache_dir: Path, kind: str, fmt: str, *, office_name: str | None = None
) -> Path:
    """The path of draft `kind` in format `fmt` ("docx" or "pdf"), writing the drafts once."""
    target = cache_dir.with_name(f"{cache_dir.name}-{fmt}")
    _ensure(extraction, target, fmt, office_name)
    found = target / f"{kind}.{fmt}"
    if not found.is_file():
        kinds = sorted(p.stem for p in target.glob(f"*.{fmt}"))
        raise DraftNotFound(f"no draft {kind}.{fmt} for this document; drafts: {', '.join(kinds) or 'none'}")
    return found
