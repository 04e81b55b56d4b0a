"""Enforcement-decision extraction accuracy: run `docproc.extract.extract` over a folder of decision
texts (and optionally over scans of them, read by the normal path `pipelines.process.process_file`),
write NAME.json per decision, and score with ../shared/eval/score_enforcement.py.

    python benchmarks/enforcement_eval.py TXT_DIR GOLD_DIR [--names e01,e02] [--out DIR]
                                          [--scans LEVEL ...] [--show-errors]

GOLD_DIR may hold more decisions than are run: only the chosen ones (--names, else every NAME.txt)
are copied to OUT/gold and scored, so a held-out part of a folder stays out of a development run.
With --scans photocopy (or clean, phone, ...), each text is rendered by make_scans.py as an image-only
PDF (OUT/scans/LEVEL/NAME.pdf), OCR'd and extracted; OUT/LEVEL holds those predictions.
Audit files (NAME.audit.json) are not written here.
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

SHARED = Path(__file__).resolve().parents[2] / "shared"


def _names(txt_dir: Path, names: str | None) -> list[str]:
    stems = sorted(p.stem for p in txt_dir.glob("*.txt"))
    if not names:
        return stems
    wanted = [n.strip() for n in names.split(",") if n.strip()]
    return [n for n in wanted if n in stems]


def _score(gold: Path, pred: Path, show_errors: bool) -> int:
    cmd = [sys.executable, str(SHARED / "eval" / "score_enforcement.py"), str(gold), str(pred)]
    if show_errors:
        cmd.append("--show-errors")
    cmd += ["--json", str(pred / "summary.json")]
    return subprocess.call(cmd)


def run_text(txt_dir: Path, names: list[str], out: Path) -> list[float]:
    from docproc.document import Document
    from docproc.extract import extract
    from docproc.text import decode_bytes

    out.mkdir(parents=True, exist_ok=True)
    times = []
    for n in names:
        text, encoding = decode_bytes((txt_dir / f"{n}.txt").read_bytes())
        doc = Document.from_text(text, source=f"{n}.txt", encoding=encoding)
        t0 = time.perf_counter()
        ex = extract(doc)
        times.append(time.perf_counter() - t0)
        (out / f"{n}.json").write_text(
            json.dumps(ex.to_json_dict(), ensure_ascii=False, indent=1), encoding="utf-8"
        )
    return times


def run_scans(txt_dir: Path, names: list[str], level: str, work: Path) -> Path:
    from pipelines.process import process_file

    scans = work / "scans"
    missing = [n for n in names if not (scans / level / f"{n}.pdf").exists()]
    if missing:
        cmd = [
            sys.executable,
            str(SHARED / "eval" / "make_scans.py"),
            *[str(txt_dir / f"{n}.txt") for n in missing],
        ]
        subprocess.check_call(cmd + ["--out", str(scans), "--format", "pdf", "--level", level])
    out = work / level
    out.mkdir(parents=True, exist_ok=True)
    for n in names:
        t0 = time.perf_counter()
        res = process_file(scans / level / f"{n}.pdf", source=f"{n}.pdf")
        data = res.extraction.to_json_dict()
        (out / f"{n}.json").write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")
        (out / f"{n}.ocr.txt").write_text(res.document.text, encoding="utf-8")
        print(f"{level} {n}: {len(res.document.pages)} pages, {time.perf_counter() - t0:.1f} s", flush=True)
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("txt_dir", type=Path)
    ap.add_argument("gold_dir", type=Path)
    ap.add_argument("--names", help="comma-separated decision names (default: every NAME.txt)")
    ap.add_argument("--out", type=Path, default=Path("benchmarks/out/enforcement"))
    ap.add_argument("--scans", nargs="*", default=[], help="make_scans.py levels to run through OCR too")
    ap.add_argument("--show-errors", action="store_true")
    args = ap.parse_args(argv)

    names = _names(args.txt_dir, args.names)
    if not names:
        ap.error("no decision texts chosen")
    gold = args.out / "gold"
    shutil.rmtree(gold, ignore_errors=True)
    gold.mkdir(parents=True)
    for n in names:
        for suffix in (".json", ".audit.json"):
            src = args.gold_dir / f"{n}{suffix}"
            if src.exists():
                shutil.copy(src, gold / src.name)
    pred = args.out / "text"
    times = run_text(args.txt_dir, names, pred)
    print(f"{len(times)} decisions; extraction median {statistics.median(times) * 1000:.1f} ms")
    rc = _score(gold, pred, args.show_errors)
    for level in args.scans:
        print(f"--- through {level} scans (make_scans.py, OCR, pipelines.process.process_file)")
        rc |= _score(gold, run_scans(args.txt_dir, names, level, args.out), args.show_errors)
    return rc


if __name__ == "__main__":
    raise SystemExit(main())
