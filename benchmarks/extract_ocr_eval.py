"""Extraction accuracy through the OCR path: dev judgments rendered as scanned PDFs at several
degradation levels (../shared/eval/make_scans.py), read by docproc (OCR), extracted and scored against
gold (../shared/eval/score.py). Also writes the OCR text per document, scored with ocr_score.py.

    python benchmarks/extract_ocr_eval.py [--levels clean photocopy phone] [--docs c1-01 c3-03 ...]
                                          [--work /tmp/docproc-ocr-eval] [--max-pages N] [--seed N]

`--seed` renders with another noise seed than make_scans.py's default (fresh scans of the same texts,
to check that preprocessing was not fitted to one rendering); scans already in WORK are reused.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from pathlib import Path

SHARED = Path(__file__).resolve().parents[2] / "shared"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--levels", nargs="+", default=["clean", "photocopy", "phone"])
    ap.add_argument("--docs", nargs="*", help="dev document names (default: all)")
    ap.add_argument("--work", type=Path, default=Path("/tmp/docproc-ocr-eval"))
    ap.add_argument("--max-pages", type=int, default=None)
    ap.add_argument("--seed", type=int, default=None, help="make_scans.py noise seed")
    args = ap.parse_args(argv)

    from docproc.document import Document  # noqa: F401  (import cost outside the timings)
    from pipelines.process import extract_safely, read_document

    txt_dir, gold_dir = SHARED / "corpus" / "dev" / "txt", SHARED / "corpus" / "dev" / "gold"
    names = args.docs or sorted(p.stem for p in txt_dir.glob("*.txt"))
    for level in args.levels:
        scans = args.work / "scans"
        missing = [n for n in names if not (scans / level / f"{n}.pdf").exists()]
        if missing:
            cmd = [
                sys.executable,
                str(SHARED / "eval" / "make_scans.py"),
                *[str(txt_dir / f"{n}.txt") for n in missing],
                "--out",
                str(scans),
                "--format",
                "pdf",
                "--level",
                level,
            ]
            if args.max_pages:
                cmd += ["--max-pages", str(args.max_pages)]
            if args.seed is not None:
                cmd += ["--seed", str(args.seed)]
            subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL)
        out, text_out, gold_sub = (args.work / d / level for d in ("extract", "text", "gold"))
        for d in (out, text_out, gold_sub):
            d.mkdir(parents=True, exist_ok=True)
        t0, pages = time.perf_counter(), 0
        for n in names:
            doc = read_document(scans / level / f"{n}.pdf")
            pages += len(doc.pages)
            (text_out / f"{n}.txt").write_text(doc.text, encoding="utf-8")
            data = extract_safely(doc).to_json_dict()
            (out / f"{n}.json").write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")
            (gold_sub / f"{n}.json").write_text(
                (gold_dir / f"{n}.json").read_text(encoding="utf-8"), encoding="utf-8"
            )
        dt = time.perf_counter() - t0
        print(
            f"\n## level {level}: {len(names)} documents, {pages} pages, {dt:.0f} s ({pages / dt * 60:.1f} pages/min)"
        )
        subprocess.run(
            [sys.executable, str(SHARED / "eval" / "ocr_score.py"), str(scans / level), str(text_out)],
            check=False,
        )
        subprocess.run(
            [sys.executable, str(SHARED / "eval" / "score.py"), str(gold_sub), str(out)], check=False
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
