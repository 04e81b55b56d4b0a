"""What `docproc batch` and `docproc batch-status` do, kept out of cli/main.py (which must not
import Dask or SQLAlchemy at module level).

Exit codes: 0 every input done or skipped as a duplicate; 1 some documents failed (see the summary
and DEST/documents.csv); 2 bad arguments or no batch to show; 10 the run stopped before the end
(cluster lost, interrupted): run the same command again to resume.
"""

from __future__ import annotations

import logging
import sys
from pathlib import Path

from rich.console import Console

__all__ = ["batch_command"]


def batch_command(
    sources: list[str],
    out: Path,
    *,
    workers: int | None = None,
    scheduler: str | None = None,
    retry_failed: bool = False,
    status: bool = False,
) -> int:
    import distributed  # noqa: F401 - it sets its loggers to INFO when imported

    from pipelines.batch import batch_status, run_batch

    if logging.getLogger().getEffectiveLevel() > logging.INFO:
        logging.getLogger("distributed").setLevel(logging.WARNING)  # its INFO chatter hides the summary
    console = Console(stderr=True, highlight=False)
    if status:
        summary = batch_status(out)
        if summary is None:
            console.print(f"no batch writes to {out}")
            return 2
        for line in summary.lines():
            console.print(line)
        return 0 if summary.complete and not summary.counts.get("failed") else 1
    if not sources and batch_status(out) is None:  # no inputs: resume the batch of `out`, if any
        console.print(f"error: no inputs given, and no batch writes to {out}")
        return 2
    try:
        summary = run_batch(
            sources,
            out,
            workers=workers,
            scheduler=scheduler,
            retry_failed=retry_failed,
            progress=sys.stderr.isatty(),
        )
    except FileNotFoundError as exc:
        console.print(f"error: {exc}")
        return 2
    except KeyboardInterrupt:
        console.print("interrupted: run the same command again to resume")
        return 10
    except RuntimeError as exc:
        console.print(f"error: {exc}")
        return 10
    for line in summary.lines():
        console.print(line)
    if not summary.complete:
        return 10
    return 1 if summary.counts.get("failed") else 0
