"""The time budget of one document (DOCPROC_DOC_TIMEOUT_S), shared by the CLI, the batch and the service.

A deadline is a wall-clock instant, so it travels in a pickled page task to another process and means
the same there. Readers call `check` between units of work (a page, a frame, a ZIP member, a PDF stream);
the unit itself is bounded by the size limits, so a document stops within one unit of its budget.
"""

from __future__ import annotations

import time
from dataclasses import dataclass

from docproc.errors import TimedOut

__all__ = ["Deadline", "NO_DEADLINE"]


@dataclass(frozen=True)
class Deadline:
    at: float | None = None  # time.time() by which the document must be read; None: no limit
    seconds: float = 0.0  # the budget it was made from, for the message

    @classmethod
    def after(cls, seconds: float | None) -> Deadline:
        """A deadline `seconds` from now; none for 0 or None (no limit)."""
        if not seconds or seconds <= 0:
            return cls()
        return cls(at=time.time() + seconds, seconds=float(seconds))

    def left(self) -> float | None:
        """Seconds left (may be negative), or None without a limit."""
        return None if self.at is None else self.at - time.time()

    def check(self, doing: str = "reading the document") -> None:
        """Raise TimedOut once the budget is spent."""
        left = self.left()
        if left is not None and left <= 0:
            raise TimedOut(
                f"{doing} took longer than the limit of {self.seconds:g} s (DOCPROC_DOC_TIMEOUT_S)"
            )


NO_DEADLINE = Deadline()
