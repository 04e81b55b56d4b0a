"""The time budget of one document (DOCPROC_DOC_TIMEOUT_S), shared by the CLI, the batch and the service.

A deadline is a wall-clock instant, so it travels in a pickled page task to another process and means
the same there. Readers call `check` between units of work (a page, a frame, a ZIP member, a PDF stream);
the unit itself is bounded by the size limits, so a document stops within one unit of its budget.
"""

from __future__ import annotations

import signal
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from types import FrameType

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

    @contextmanager
    def enforced(self, doing: str = "processing the document") -> Iterator[None]:
        """Interrupt the Python code inside (a parser's loop, the extractor on a pathological text) with
        TimedOut once the budget is spent, by SIGALRM, repeated every second until the block is left
        (code that swallows one exception gets the next). Only in the main thread of a process with no
        timer of its own running (pytest-timeout's); elsewhere the `check` calls are what applies."""
        left = self.left()
        if (
            left is None
            or not hasattr(signal, "setitimer")
            or threading.current_thread() is not threading.main_thread()
            or signal.getitimer(signal.ITIMER_REAL)[0] > 0
        ):
            yield
            return
        self.check(doing)

        def on_alarm(signum: int, frame: FrameType | None) -> None:
            if _importing(frame):  # never leave a module half-imported: try again in a second
                return
            raise TimedOut(
                f"{doing} took longer than the limit of {self.seconds:g} s (DOCPROC_DOC_TIMEOUT_S)"
            )

        previous = signal.signal(signal.SIGALRM, on_alarm)
        signal.setitimer(signal.ITIMER_REAL, max(left, 0.001), 1.0)
        try:
            yield
        finally:
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, previous)


def _importing(frame: FrameType | None) -> bool:
    while frame is not None:
        if frame.f_code.co_filename.startswith("<frozen importlib"):
            return True
        frame = frame.f_back
    return False


NO_DEADLINE = Deadline()
