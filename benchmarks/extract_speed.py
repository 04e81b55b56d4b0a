"""Extraction time alone (text already read), per document, on one core.

    python benchmarks/extract_speed.py [TXT_DIR] [--repeat 5]

Warms up once (the pipeline and its data load once per process), then times each document
`--repeat` times and reports the median of the per-document medians.
"""

from __future__ import annotations

import argparse
import os
import statistics
import time
from pathlib import Path

SHARED = Path(__file__).resolve().parents[2] / "shared"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("txt_dir", type=Path, nargs="?", default=SHARED / "corpus" / "dev" / "txt")
    ap.add_argument("--repeat", type=int, default=5)
    args = ap.parse_args(argv)
    os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})  # one core

    from docproc.document import Document
    from docproc.extract import extract

    docs = [
        Document.from_text(p.read_text(encoding="utf-8"), source=p.name)
        for p in sorted(args.txt_dir.glob("*.txt"))
    ]
    t0 = time.perf_counter()
    extract(docs[0])
    warm = time.perf_counter() - t0
    per_doc = []
    for d in docs:
        times = []
        for _ in range(args.repeat):
            t = time.perf_counter()
            extract(d)
            times.append(time.perf_counter() - t)
        per_doc.append(statistics.median(times))
    per_doc.sort()
    print(
        f"{len(docs)} documents, one core: median {statistics.median(per_doc) * 1000:.1f} ms, "
        f"p90 {per_doc[int(len(per_doc) * 0.9)] * 1000:.1f} ms, max {per_doc[-1] * 1000:.1f} ms "
        f"(first call incl. loading {warm:.2f} s)"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
