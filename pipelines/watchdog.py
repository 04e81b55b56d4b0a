"""The batch watchdog: finds tasks that have run past their limit and restarts the workers stuck
with them.

A thread cannot be stopped from outside, and a task stuck in C code that holds the GIL (a regular
expression backtracking, a library looping on a pathological PDF) stops its whole worker process:
no heartbeat, no reply, and what the scheduler last heard of it is stale. So each batch task leaves
a marker file (its key and start time) for as long as it runs, and the watchdog asks every worker's
nanny (a separate process, which a stuck worker cannot block) which tasks its worker is running and
for how long. A stuck worker is killed by its nanny, which starts a fresh one at once; the scheduler
moves the worker's other tasks elsewhere. Nothing waits for the new worker, so the batch goes on.

Workers started without a nanny (`dask worker --no-nanny`) cannot be watched or restarted: the
watchdog says so once and the batch runs without it.
"""

from __future__ import annotations

import json
import logging
import os
import signal
import tempfile
import threading
import time
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any, TypeVar

__all__ = ["Watchdog", "watched", "running_on", "kill_worker", "MARKER_DIR"]

log = logging.getLogger("docproc.batch")

T = TypeVar("T")

# One directory per user of the machine: the markers of every worker on it, named PID-THREAD.
MARKER_DIR = Path(tempfile.gettempdir()) / f"docproc-running-{getattr(os, 'getuid', lambda: 0)()}"


def watched(fn: Callable[..., T], *args: Any) -> T:
    """Run the batch task `fn(*args)` with a marker saying which task runs in this thread since
    when. Outside a Dask worker it just runs `fn`."""
    try:
        from distributed import get_worker

        key = str(get_worker().get_current_task())
    except (ImportError, ValueError):
        return fn(*args)
    MARKER_DIR.mkdir(parents=True, exist_ok=True)
    marker = MARKER_DIR / f"{os.getpid()}-{threading.get_ident()}"
    marker.write_text(json.dumps({"key": key, "started": time.time()}), encoding="utf-8")
    try:
        return fn(*args)
    finally:
        marker.unlink(missing_ok=True)


def running_on(dask_worker: Any) -> dict[str, float]:
    """Run by a nanny (`client.run(..., nanny=True)`): the batch tasks its worker process is
    running, key → seconds. Markers left by dead processes are removed on the way."""
    pid = dask_worker.pid
    now = time.time()
    out: dict[str, float] = {}
    for marker in MARKER_DIR.glob("*-*") if MARKER_DIR.is_dir() else ():
        try:
            owner = int(marker.name.split("-", 1)[0])
        except ValueError:
            continue
        if owner == pid:
            try:
                data = json.loads(marker.read_text(encoding="utf-8"))
                out[str(data["key"])] = max(0.0, now - float(data["started"]))
            except (OSError, ValueError, KeyError, TypeError):  # just finished, or half-written
                continue
        elif not _alive(owner):
            marker.unlink(missing_ok=True)
    return out


def kill_worker(dask_worker: Any) -> int | None:
    """Run by a nanny: kill its worker process (a stuck thread ignores anything gentler). The
    nanny notices the exit and starts a new worker."""
    pid = dask_worker.pid
    if pid:
        os.kill(pid, getattr(signal, "SIGKILL", signal.SIGTERM))
    return pid


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # alive, another user's
        return True
    return True


class Watchdog:
    """Asks the nannies, every `every` seconds, which tasks run for how long. `stuck` names the
    documents with a task past its limit; `restart` kills the workers running any of their tasks
    (the pages of a stuck document may be on several)."""

    def __init__(self, client: Any, *limits: float) -> None:
        self.client = client
        limits_on = [t for t in limits if t > 0]
        self.enabled = bool(limits_on)
        self.every = min(5.0, max(0.25, min(limits_on) / 4)) if limits_on else 0.0
        self.next_at = time.monotonic() + self.every
        self._warned = False

    def due(self) -> bool:
        return self.enabled and time.monotonic() >= self.next_at

    def running(self) -> dict[str, tuple[str, float]]:
        """Task key → (worker address, seconds it has run), over all workers with a nanny."""
        self.next_at = time.monotonic() + self.every
        try:
            answers = self.client.run(running_on, nanny=True, on_error="return")
        except Exception as exc:  # noqa: BLE001 - a hiccup of the cluster must not stop the batch
            log.warning("watchdog: could not ask the nannies (%s)", type(exc).__name__)
            return {}
        if not answers and not self._warned and self.client.nthreads():
            log.warning("watchdog: the workers have no nanny; stuck tasks cannot be found or stopped")
            self._warned = True
        out: dict[str, tuple[str, float]] = {}
        for worker, tasks in answers.items():
            if isinstance(tasks, BaseException):
                log.warning("watchdog: a nanny did not answer (%s)", type(tasks).__name__)
                continue
            for key, ran in tasks.items():
                out[key] = (worker, ran)
        return out

    def stuck(self, docs: Mapping[Any, Mapping[str, float]]) -> list[tuple[Any, str, set[str], float]]:
        """(document, task key past its limit, workers running any of its tasks, seconds run) for
        each document of `docs` (document → its task keys → their limits in seconds, 0: none)."""
        running = self.running()
        found = []
        for doc, keys in docs.items():
            for key, limit in keys.items():
                if limit > 0 and key in running and running[key][1] > limit:
                    workers = {running[k][0] for k in keys if k in running}
                    found.append((doc, key, workers, running[key][1]))
                    break
        return found

    def restart(self, workers: list[str]) -> None:
        try:
            answers = self.client.run(kill_worker, workers=workers, nanny=True, on_error="return")
        except Exception as exc:  # noqa: BLE001
            answers = {w: exc for w in workers}
        failed = {w: type(a).__name__ for w, a in answers.items() if isinstance(a, BaseException)}
        if failed:
            log.warning("watchdog: could not restart stuck workers (%s): they keep busy slots", failed)
