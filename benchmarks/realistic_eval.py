"""OCR and extraction on ../shared/corpus/realistic: judgments laid out as courts print them (two-column
header, seal, signature, page numbers) and scanned three ways (office, copy = photocopy, phone).

    python benchmarks/realistic_eval.py [--levels office copy phone] [--docs c1-01 ...]
        [--work /tmp/realistic-eval] [--workers 2] [--no-extract]

Per level, on the same page images (the JPEGs inside each scanned PDF, taken out with poppler's
`pdfimages`): bare `tesseract PAGE - -l vie --psm 3` (kept in WORK/bare, it never changes) against
docproc's `read_document` on the PDF (preprocessing, reading order, post-OCR correction). Both texts
are scored with ../shared/eval/ocr_score.py against truth/LEVEL; docproc's extraction with
../shared/eval/score.py against ../shared/corpus/dev/gold. Figures are printed for the two halves of
the ten documents, split by family so that one half can be developed on and the other held out:

    dev  (credit, criminal; newest credit): c1-01 c1-04 c3-03 c3-05 c4-01
    held (family, newest criminal, administrative, sale of goods): c2-01 c2-04 c4-05 c4-13 c4-19
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("DOCPROC_SHARED", ROOT.parent / "shared"))
REALISTIC = SHARED / "corpus" / "realistic"
HALVES = {
    "dev": ["c1-01", "c1-04", "c3-03", "c3-05", "c4-01"],
    "held": ["c2-01", "c2-04", "c4-05", "c4-13", "c4-19"],
}


def bare_page(path: str) -> tuple[str, float]:
    """Bare Tesseract on one page image: its text and the CPU seconds it took."""
    env = dict(os.environ, OMP_THREAD_LIMIT="1")
    before = os.times()
    out = subprocess.run(
        ["tesseract", path, "-", "-l", "vie", "--psm", "3"], capture_output=True, env=env, timeout=600
    )
    after = os.times()
    return out.stdout.decode("utf-8", "replace"), after.children_user - before.children_user


def docproc_doc(pdf: str) -> tuple[str, dict, int, float]:
    """docproc on one scanned PDF, pages one after another in this process: text, extraction, pages,
    CPU seconds."""
    from docproc.config import get_settings
    from pipelines.process import extract_safely, read_document

    settings = get_settings().model_copy(update={"ocr_workers": 1})
    t = time.process_time()
    doc = read_document(Path(pdf), settings=settings)
    cpu = time.process_time() - t
    return doc.text, extract_safely(doc).to_json_dict(), len(doc.pages), cpu


def pages_of(pdf: Path, out: Path) -> list[Path]:
    """The page images inside a scanned PDF (one image per page), extracted once."""
    out.mkdir(parents=True, exist_ok=True)
    found = sorted(out.glob(f"{pdf.stem}-*"))
    if not found:
        subprocess.run(["pdfimages", "-all", str(pdf), str(out / pdf.stem)], check=True)
        found = sorted(out.glob(f"{pdf.stem}-*"))
    return found


def ocr_score(truth: Path, hyp: Path, names: list[str], tmp: Path) -> dict:
    """ocr_score.py on the named documents only (it scores every truth file of a folder)."""
    if tmp.exists():
        shutil.rmtree(tmp)
    tmp.mkdir(parents=True)
    for n in names:
        (tmp / f"{n}.gt.json").symlink_to(truth / f"{n}.gt.json")
    summary = tmp / "summary.json"
    subprocess.run(
        [sys.executable, str(SHARED / "eval" / "ocr_score.py"), str(tmp), str(hyp), "--json", str(summary)],
        check=True,
        stdout=subprocess.DEVNULL,
    )
    return json.loads(summary.read_text(encoding="utf-8"))


def extraction_score(pred: Path, names: list[str], tmp: Path) -> float | None:
    """Macro F1 of score.py over the named documents (its last 'macro' figure)."""
    gold = tmp / "gold"
    if tmp.exists():
        shutil.rmtree(tmp)
    gold.mkdir(parents=True)
    sub = tmp / "pred"
    sub.mkdir()
    for n in names:
        (gold / f"{n}.json").symlink_to(SHARED / "corpus" / "dev" / "gold" / f"{n}.json")
        (sub / f"{n}.json").symlink_to(pred / f"{n}.json")
    res = subprocess.run(
        [sys.executable, str(SHARED / "eval" / "score.py"), str(gold), str(sub)],
        capture_output=True,
        text=True,
        check=False,
    )
    (tmp / "score.txt").write_text(res.stdout, encoding="utf-8")
    m = re.search(r"macro_f1\s+([0-9.]+)", res.stdout)
    return float(m.group(1)) if m else None


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--levels", nargs="+", default=["office", "copy", "phone"])
    ap.add_argument("--docs", nargs="*", help="document names (default: all ten)")
    ap.add_argument("--work", type=Path, default=Path("/tmp/realistic-eval"))
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--no-extract", action="store_true", help="OCR scores only")
    ap.add_argument("--json", type=Path, help="write the figures here")
    args = ap.parse_args(argv)

    names = args.docs or HALVES["dev"] + HALVES["held"]
    results: dict[str, dict] = {}
    with ProcessPoolExecutor(max_workers=args.workers) as pool:
        for level in args.levels:
            work = args.work
            bare_dir, ours_dir, ext_dir = (work / d / level for d in ("bare", "docproc", "extract"))
            for d in (bare_dir, ours_dir, ext_dir):
                d.mkdir(parents=True, exist_ok=True)
            pdfs = [REALISTIC / level / f"{n}.pdf" for n in names]
            # bare: once per page, kept
            todo = {n: pages_of(p, work / "pages" / level) for n, p in zip(names, pdfs, strict=True)}
            bare_cpu, bare_pages = 0.0, 0
            for n, pages in todo.items():
                if (bare_dir / f"{n}.txt").exists():
                    continue
                texts = list(pool.map(bare_page, map(str, pages)))
                bare_cpu += sum(c for _, c in texts)
                bare_pages += len(texts)
                (bare_dir / f"{n}.txt").write_text("\n".join(t for t, _ in texts), encoding="utf-8")
            t0 = time.perf_counter()
            ours = list(pool.map(docproc_doc, map(str, pdfs)))
            wall = time.perf_counter() - t0
            pages = sum(o[2] for o in ours)
            for n, (text, data, _, _) in zip(names, ours, strict=True):
                (ours_dir / f"{n}.txt").write_text(text, encoding="utf-8")
                (ext_dir / f"{n}.json").write_text(
                    json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8"
                )
            row: dict = {
                "pages": pages,
                "docproc_cpu_s_per_page": round(sum(o[3] for o in ours) / max(pages, 1), 2),
                "docproc_pages_per_min": round(pages / wall * 60, 1),
            }
            if bare_pages:
                row["bare_cpu_s_per_page"] = round(bare_cpu / bare_pages, 2)
            truth = REALISTIC / "truth" / level
            for half, members in HALVES.items():
                sel = [n for n in names if n in members]
                if not sel:
                    continue
                b = ocr_score(truth, bare_dir, sel, work / "tmp")
                o = ocr_score(truth, ours_dir, sel, work / "tmp")
                row[half] = {
                    "bare_cer": b["cer"],
                    "docproc_cer": o["cer"],
                    "docproc_amounts": o["amounts_exact"],
                }
                if not args.no_extract:
                    row[half]["macro_f1"] = extraction_score(ext_dir, sel, work / "tmp_ext")
            results[level] = row
            print(f"[{level}] {json.dumps(row)}", file=sys.stderr, flush=True)

    print(
        f"{'level':<8}{'half':<6}{'bare CER':>10}{'docproc CER':>13}{'ratio':>7}{'amounts':>9}{'macro F1':>10}"
    )
    for level, row in results.items():
        for half in HALVES:
            if half not in row:
                continue
            r = row[half]
            ratio = r["docproc_cer"] / r["bare_cer"] if r["bare_cer"] else float("nan")
            f1 = r.get("macro_f1")
            amounts = r["docproc_amounts"]
            print(
                f"{level:<8}{half:<6}{r['bare_cer']:10.4f}{r['docproc_cer']:13.4f}{ratio:7.2f}"
                f"{'' if amounts is None else format(amounts, '9.3f'):>9}{'' if f1 is None else format(f1, '10.3f'):>10}"
            )
    if args.json:
        args.json.write_text(json.dumps(results, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
