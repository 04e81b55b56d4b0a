"""Load the results of a batch (`docproc batch`) into the service's database, so that reviewers of an
office open them like uploaded documents.

    report = import_batch(Path("out"), office="Chi cục THADS A", settings=settings)

Each document the batch has done becomes a document of the office: its input file stored by sha256
in the blob store (as an upload is), status done, its extraction as processed (version 0, no
corrections), and a finished job that says where it came from. A document whose bytes are in the
office already (uploaded, or imported before) is left alone, so importing the same batch again adds
nothing. The words of its pages (the layout the batch wrote under OUT/layout/) are stored with it, for
the review page. A done document whose input file has gone or changed since the batch (its bytes no longer
have the recorded sha256), or whose output JSON is missing, is not imported and is counted.

The batch's manifest and outputs are read through pipelines (this module is the api side of the
layering: pipelines never imports api).
"""

from __future__ import annotations

import json
import logging
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, sessionmaker

from api.db import session_scope
from api.models import Document, Job, Office, User, utcnow
from api.review_text import stored_warnings
from api.settings import ServiceSettings, get_service_settings
from api.storage import BlobStore
from api.uploads import clean_filename
from docproc._io import sha256_file

__all__ = ["ImportReport", "BatchImportError", "import_batch", "resolve_target"]

log = logging.getLogger("api.importer")


class BatchImportError(ValueError):
    """No such office, user or batch: nothing was imported."""


@dataclass
class ImportReport:
    imported: int = 0
    present: int = 0  # its bytes are in the office already
    unavailable: int = 0  # done in the batch, but its input or output is gone or changed since
    not_done: int = 0  # failed, skipped as a duplicate or unfinished in the batch: nothing to import

    def line(self) -> str:
        return (
            f"imported {self.imported} documents, {self.present} already in the office, "
            f"{self.unavailable} whose input or output has gone or changed, "
            f"{self.not_done} not done in the batch"
        )


def resolve_target(sessions: sessionmaker[Session], office: str, user: str | None = None) -> tuple[int, int]:
    """(office id, user id) the imported documents are recorded under: `user` of that office, by
    default the office's first admin, else its first user (a document always has an uploader)."""
    with session_scope(sessions) as s:
        off = s.scalars(select(Office).where(Office.name == office.strip())).first()
        if off is None:
            raise BatchImportError(f"no office {office!r}; create it first (docproc admin create-office)")
        if user is not None:
            u = s.scalars(select(User).where(User.username == user, User.office_id == off.id)).first()
            if u is None:
                raise BatchImportError(f"no user {user!r} in office {office!r}")
        else:
            users = s.scalars(select(User).where(User.office_id == off.id).order_by(User.id)).all()
            admins = [u for u in users if u.role == "admin"]
            if not users:
                raise BatchImportError(
                    f"office {office!r} has no user to record as the uploader; create one first"
                )
            u = (admins or users)[0]
        return off.id, u.id


def import_batch(
    out: Path,
    *,
    office: str,
    user: str | None = None,
    settings: ServiceSettings | None = None,
    sessions: sessionmaker[Session] | None = None,
) -> ImportReport:
    """Import the done documents of the batch writing to `out` into `office` (see the module
    docstring). `sessions`: the service's (a running app's, in tests); default: the database of
    `settings`, migrated. The batch's manifest is read from `settings.db_url`."""
    from pipelines.manifest import Manifest

    settings = settings or get_service_settings()
    out = Path(out)
    owned = None
    if sessions is None:
        from api.app import open_database

        owned = open_database(settings)
        sessions = owned.sessions
    manifest = Manifest.find(settings.db_url, out)
    try:
        if manifest is None:
            raise BatchImportError(f"no batch writes to {out}")
        office_id, user_id = resolve_target(sessions, office, user)
        store = BlobStore(settings.data_dir)
        report = ImportReport()
        for row in manifest.rows():
            if row["state"] != "done":
                report.not_done += 1
                continue
            outcome = _import_one(sessions, store, out, row, office_id, user_id)
            setattr(report, outcome, getattr(report, outcome) + 1)
    finally:
        if manifest is not None:
            manifest.close()
        if owned is not None:
            owned.engine.dispose()
    log.info(
        "batch imported",
        extra={
            "office_id": office_id,
            "imported": report.imported,
            "present": report.present,
            "unavailable": report.unavailable,
        },
    )
    return report


def _import_one(
    sessions: sessionmaker[Session],
    store: BlobStore,
    out: Path,
    row: dict[str, Any],
    office_id: int,
    user_id: int,
) -> str:
    """One done row: 'imported', 'present' or 'unavailable'."""
    sha = row.get("sha256")
    if not sha:
        return "unavailable"
    with session_scope(sessions) as s:
        if _present(s, office_id, sha):
            return "present"
    try:
        data = json.loads((out / row["output"]).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return "unavailable"
    if (data.get("document") or {}).get("sha256") != sha:  # the output is of other bytes
        return "unavailable"
    if not store.exists(sha) and not _store_file(store, Path(row["path"]), sha):
        return "unavailable"
    now = utcnow()
    with session_scope(sessions, write=True) as s:
        if _present(s, office_id, sha):
            return "present"  # imported or uploaded meanwhile
        doc = Document(
            office_id=office_id,
            uploaded_by=user_id,
            filename=clean_filename(Path(row["path"]).name),
            kind=row.get("file_kind") or "unknown",
            size=int(row.get("size") or 0),
            sha256=sha,
            status="done",
            pages=row.get("pages"),
            warnings=stored_warnings(data["document"]),
            original_extraction=data,
            extraction=data,
            version=0,
        )
        s.add(doc)
        try:
            s.flush()
        except IntegrityError:  # the same bytes added by someone else at this moment (PostgreSQL)
            s.rollback()
            return "present"
        s.add(
            Job(
                document_id=doc.id,
                status="done",
                stage="imported from batch",
                progress=1.0,
                attempts=0,
                worker="batch-import",
                started_at=now,
                finished_at=now,
            )
        )
    _store_layout(store, out, sha)
    return "imported"


def _store_layout(store: BlobStore, out: Path, sha: str) -> None:
    """Keep the words the batch read with the document, so that its review page runs no OCR; a batch
    that did not write them (an older version) leaves the page to show scans without words."""
    from api.review_layout import save_layout
    from pipelines.layout import read_layout

    layout = read_layout(out, sha)
    if layout is None:
        return
    try:
        save_layout(store.root / "layout", sha, layout)
    except OSError:
        log.warning("could not store the page layout of an imported document", exc_info=True)


def _present(s: Session, office_id: int, sha: str) -> bool:
    """The office has these bytes already (uploaded, or imported before)."""
    query = select(Document.id).where(Document.office_id == office_id, Document.sha256 == sha)
    return s.scalars(query).first() is not None


def _store_file(store: BlobStore, path: Path, sha: str) -> bool:
    """Copy the input into the store under its hash, if it still has the bytes the batch read."""
    fd, tmp = store.temp_file()
    try:
        with os.fdopen(fd, "wb") as dst:
            got = sha256_file(path, each=dst.write)
        if got != sha:
            tmp.unlink(missing_ok=True)
            return False
        store.put_file(tmp, sha)
        return True
    except OSError:
        tmp.unlink(missing_ok=True)
        return False
