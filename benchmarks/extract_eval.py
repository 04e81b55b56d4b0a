"""Extraction accuracy on text inputs: run the extractor over a folder of .txt files, write one JSON per
document, and score against gold with ../shared/eval/score.py.

    python benchmarks/extract_eval.py ../shared/corpus/dev/txt ../shared/corpus/dev/gold [--out DIR] [--show-errors]
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import time
from pathlib import Path

from docproc.document import Document
from docproc.extract import extract


def _read(path: Path) -> tuple[str, str | None]:
    try:
        from docproc.text import decode_bytes
    except ImportError:  # text stage not importable: plain UTF-8
        return path.read_text(encoding="utf-8"), None
    return decode_bytes(path.read_bytes())


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("txt_dir", type=Path)
    ap.add_argument("gold_dir", type=Path)
    ap.add_argument("--out", type=Path, default=Path("benchmarks/out/extract"))
    ap.add_argument("--show-errors", action="store_true")
    args = ap.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    times = []
    for path in sorted(args.txt_dir.glob("*.txt")):
        text, encoding = _read(path)
        doc = Document.from_text(text, source=path.name, encoding=encoding)
        t0 = time.perf_counter()
        ex = extract(doc)
        times.append(time.perf_counter() - t0)
        (args.out / f"{path.stem}.json").write_text(
            json.dumps(ex.to_json_dict(), ensure_ascii=False, indent=1), encoding="utf-8"
        )
    print(
        f"{len(times)} documents; extraction median {statistics.median(times) * 1000:.1f} ms, "
        f"max {max(times) * 1000:.1f} ms"
    )
    score = Path(__file__).resolve().parents[2] / "shared" / "eval" / "score.py"
    cmd = [sys.executable, str(score), str(args.gold_dir), str(args.out)]
    if args.show_errors:
        cmd.append("--show-errors")
    return subprocess.call(cmd)


if __name__ == "__main__":
    raise SystemExit(main())
