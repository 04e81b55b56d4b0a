"""Structured JSON logs, one object per line. Log lines carry ids (document, job, office, user) and
never names, ID numbers or addresses: messages are fixed phrases, only whitelisted extra fields are
written, an exception is logged by its type and stack frames, not its message (which may quote a
document), and URLs lose their query strings.

The scrubbing is done once, where records are made (`LogScrubber.install`, a LogRecord factory), so a
handler anyone attaches later (logging.basicConfig, a library's own StreamHandler, pytest's capture)
sees the scrubbed record too: no handler can bypass it. `configure_logging` also replaces every root
handler by the one JSON handler: `docproc` calls logging.basicConfig before `serve`, and keeping that
handler beside ours wrote every record twice, the plain copy unscrubbed."""

from __future__ import annotations

import json
import logging
import sys
import traceback
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

__all__ = ["JsonFormatter", "LogScrubber", "configure_logging", "SAFE_FIELDS"]

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
_DONE = "_docproc_scrubbed"


def _numeric(args: Any) -> bool:
    args = args if isinstance(args, tuple) else (args,)
    return all(isinstance(a, int | float | bool) or a is None for a in args)


def _strip_query(value: Any) -> Any:
    return value.split("?", 1)[0] if isinstance(value, str) else value


class LogScrubber(logging.Filter):
    """Makes a record safe to write, in place (and only once):

    - our own (`api.*`) and uvicorn's messages are kept whole, except that uvicorn's access log loses
      the query string of the path (a search term, a name typed into a URL);
    - other libraries' messages keep their arguments only when every one is a number (their string
      arguments may be file names or document text), else the bare template;
    - an exception keeps its type and frames; its message is dropped (`exc_text` is preset, so every
      standard formatter prints the scrubbed traceback)."""

    def filter(self, record: logging.LogRecord) -> bool:
        self.scrub(record)
        return True

    @staticmethod
    def scrub(record: logging.LogRecord) -> logging.LogRecord:
        if record.__dict__.get(_DONE):
            return record
        record.__dict__[_DONE] = True
        if not isinstance(record.msg, str):
            record.msg, record.args = f"<{type(record.msg).__name__}>", ()
        if record.name == "uvicorn.access" and isinstance(record.args, tuple):
            record.args = tuple(_strip_query(a) for a in record.args)
        elif not record.name.startswith(("api", "uvicorn")) and record.args and not _numeric(record.args):
            record.args = ()
        if record.exc_info and record.exc_info[0] is not None:
            frames = traceback.format_tb(record.exc_info[2])
            record.exc_text = (
                "Traceback (most recent call last):\n" + "".join(frames) + record.exc_info[0].__name__
            )
        return record

    _installed: Callable[..., logging.LogRecord] | None = None

    @classmethod
    def install(cls) -> None:
        """Scrub every record the process makes, whoever makes and whoever handles it. Idempotent."""
        if cls._installed is not None:
            return
        previous = logging.getLogRecordFactory()

        def factory(*args: Any, **kwargs: Any) -> logging.LogRecord:
            return cls.scrub(previous(*args, **kwargs))

        factory.previous = previous  # type: ignore[attr-defined]
        cls._installed = factory
        logging.setLogRecordFactory(factory)

    @classmethod
    def uninstall(cls) -> None:
        if cls._installed is not None and logging.getLogRecordFactory() is cls._installed:
            logging.setLogRecordFactory(cls._installed.previous)  # type: ignore[attr-defined]
        cls._installed = None


class JsonFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        LogScrubber.scrub(record)
        out: dict[str, object] = {
            "ts": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname.lower(),
            "logger": record.name,
            "msg": record.getMessage(),
        }
        for key in SAFE_FIELDS:
            if key in record.__dict__:
                out[key] = _strip_query(record.__dict__[key]) if key == "path" else record.__dict__[key]
        if record.exc_info and record.exc_info[0] is not None:
            out["exc_type"] = record.exc_info[0].__name__
            frames = traceback.extract_tb(record.exc_info[2])
            out["stack"] = [f"{f.filename}:{f.lineno} {f.name}" for f in frames[-8:]]
        return json.dumps(out, ensure_ascii=False, default=str)


def configure_logging(level: str = "INFO", stream=None) -> logging.Handler:  # type: ignore[no-untyped-def]
    """Route all logging (ours, the library's, uvicorn's) through one JSON handler on stderr, and
    scrub every record (LogScrubber). Returns the handler."""
    LogScrubber.install()
    handler = logging.StreamHandler(stream or sys.stderr)
    handler.setFormatter(JsonFormatter())
    handler.addFilter(LogScrubber())
    root = logging.getLogger()
    for h in list(root.handlers):  # basicConfig's plain handler too: one record, one line
        root.removeHandler(h)
    handler._docproc_json = True  # type: ignore[attr-defined]
    root.addHandler(handler)
    root.setLevel(level.upper())
    for name in ("uvicorn", "uvicorn.error", "uvicorn.access"):
        lg = logging.getLogger(name)
        lg.handlers.clear()
        lg.propagate = True
    return handler
