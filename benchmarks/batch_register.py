"""Start-up cost of a large batch: listing the inputs and registering them in the manifest.

    .venv/bin/python benchmarks/batch_register.py [--files 50000] [--size 16] [--json FILE]

Makes `--files` small files (`--size` bytes each, distinct contents) in a temp dir, then times, on a
fresh SQLite manifest: `collect_inputs` (the listing: one stat a file), the first `register` (new
rows), and both again as a re-run over the unchanged files. The files were just written, so they are
in the page cache: any cost of reading them is a lower bound of what an archive on disk or on
network storage would cost.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def make_files(root: Path, n: int, size: int) -> None:
    per_dir = 1000
    for i in range(n):
        d = root / f"box{i // per_dir:04d}"
        if i % per_dir == 0:
            d.mkdir(parents=True, exist_ok=True)
        head = f"{i:012d}".encode()
        with open(d / f"doc{i:07d}.txt", "wb") as fh:
            fh.write((head * (size // len(head) + 1))[:size])


def main() -> None:
    from pipelines.batch import collect_inputs
    from pipelines.manifest import Manifest

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--files", type=int, default=50_000)
    ap.add_argument("--size", type=int, default=16, help="bytes per file")
    ap.add_argument("--json", type=Path, help="write the figures here too")
    args = ap.parse_args()

    with tempfile.TemporaryDirectory(prefix="docproc-register-") as tmp:
        work = Path(tmp)
        src = work / "in"
        t0 = time.perf_counter()
        make_files(src, args.files, args.size)
        made_s = time.perf_counter() - t0
        manifest = Manifest.open(f"sqlite:///{work / 'm.sqlite3'}", work / "out")
        figures: dict[str, float | int] = {"files": args.files, "bytes_per_file": args.size}
        try:
            for run in ("first", "rerun"):
                t0 = time.perf_counter()
                files = collect_inputs([str(src)])
                listed = time.perf_counter() - t0
                t0 = time.perf_counter()
                n = manifest.register(files)
                registered = time.perf_counter() - t0
                figures[f"{run}_list_s"] = round(listed, 2)
                figures[f"{run}_register_s"] = round(registered, 2)
                figures[f"{run}_rows_changed"] = n
                print(
                    f"{run:5s}: listing {len(files)} files {listed:6.2f} s, "
                    f"register {registered:6.2f} s ({n} rows added or reset)"
                )
        finally:
            manifest.close()
    print(f"(making the files took {made_s:.1f} s; {os.cpu_count()} cores)")
    if args.json:
        args.json.write_text(json.dumps(figures, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
