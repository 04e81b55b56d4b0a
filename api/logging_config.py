"""Structured JSON logs, one object per line. Log lines carry ids (document, job, office, user) and
never names, ID numbers or addresses: messages are fixed phrases, only whitelisted extra fields are
written, and an exception is logged by its type and stack frames, not its message (which may quote a
document)."""

from __future__ import annotations

import json
import logging
import sys
import traceback
from datetime import UTC, datetime

__all__ = ["JsonFormatter", "configure_logging", "SAFE_FIELDS"]

SAFE_FIELDS = (
    "document_id",
    "job_id",
    "office_id",
    "user_id",
    "status",
    "stage",
    "code",
    "attempt",
    "pages",
    "size",
    "kind",
    "duration_ms",
    "method",
    "path",
    "status_code",
    "worker",
    "version",
)


def _message(record: logging.LogRecord) -> str:
    """Our own and uvicorn's messages in full; other libraries' only when every argument is a number
    (their string arguments may be file names or document text), else the bare template."""
    if record.name.startswith(("api", "uvicorn")) or not record.args:
        return record.getMessage()
    args = record.args if isinstance(record.args, tuple) else (record.args,)
    if all(isinstance(a, int | float | bool) or a is None for a in args):
        return record.getMessage()
    return str(record.msg)


class JsonFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        out: dict[str, object] = {
            "ts": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname.lower(),
            "logger": record.name,
            "msg": _message(record),
        }
        for key in SAFE_FIELDS:
            if key in record.__dict__:
                out[key] = record.__dict__[key]
        if record.exc_info and record.exc_info[0] is not None:
            out["exc_type"] = record.exc_info[0].__name__
            frames = traceback.extract_tb(record.exc_info[2])
            out["stack"] = [f"{f.filename}:{f.lineno} {f.name}" for f in frames[-8:]]
        return json.dumps(out, ensure_ascii=False, default=str)


def configure_logging(level: str = "INFO", stream=None) -> None:  # type: ignore[no-untyped-def]
    """Route all logging (ours, the library's, uvicorn's) through one JSON handler on stderr."""
    handler = logging.StreamHandler(stream or sys.stderr)
    handler.setFormatter(JsonFormatter())
    root = logging.getLogger()
    for h in list(root.handlers):
        if getattr(h, "_docproc_json", False):
            root.removeHandler(h)
    handler._docproc_json = True  # type: ignore[attr-defined]
    root.addHandler(handler)
    root.setLevel(level.upper())
    for name in ("uvicorn", "uvicorn.error", "uvicorn.access"):
        lg = logging.getLogger(name)
        lg.handlers.clear()
        lg.propagate = True
