"""The post-OCR corrector alone: CER of docproc's OCR before and after `correct_page`, per document
family, with the OCR done once and cached, so resources and corrector versions compare on the very
same raw pages (the corrector is cheap, OCR is not).

    .venv/bin/python benchmarks/ocrfix_eval.py ocr --names c1-03,c4-11 --levels photocopy,phone \
        [--max-pages 3] [--work /tmp/ocrfix] [--workers 1]
    .venv/bin/python benchmarks/ocrfix_eval.py score [--work /tmp/ocrfix] [--json OUT] [--data DIR]

`ocr` renders image PDFs' pages with shared/eval/make_scans.py (PNG, ground truth beside them), reads
each page with `docproc.ocr.ocr_image` and stores the uncorrected Page as JSON. `score` corrects the
cached pages with the resources in docproc/text/data and prints CER (scored like
shared/eval/ocr_score.py: whole texts, NFC, whitespace collapsed) per level and family (c1 credit,
c2 family/civil, c3 criminal/administrative, c4 newest), and the corrector's time per page.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from collections import defaultdict
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("DOCPROC_SHARED", ROOT.parent / "shared"))
sys.path.insert(0, str(ROOT / "benchmarks"))

from ocr_quality import score  # noqa: E402


def _ocr_one(job: tuple[str, str, float, float]) -> str:
    from PIL import Image

    from docproc.config import get_settings
    from docproc.ocr import ocr_image

    png, out, w, h = job
    os.environ["OMP_THREAD_LIMIT"] = "1"
    with Image.open(png) as im:
        page = ocr_image(im, number=1, width_pt=w, height_pt=h, settings=get_settings())
    Path(out).write_text(page.model_dump_json(), encoding="utf-8")
    return out


def cmd_ocr(args: argparse.Namespace) -> None:
    corpus = SHARED / "corpus" / "dev" / "txt"
    names = args.names.split(",")
    jobs = []
    for level in args.levels.split(","):
        missing = [n for n in names if not (args.work / level / f"{n}.gt.json").exists()]
        if missing:
            cmd = [
                sys.executable,
                str(SHARED / "eval" / "make_scans.py"),
                *(str(corpus / f"{n}.txt") for n in missing),
            ]
            cmd += [
                "--out",
                str(args.work),
                "--level",
                level,
                "--format",
                "png",
                "--max-pages",
                str(args.max_pages),
            ]
            subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL)
        for n in names:
            gt = json.loads((args.work / level / f"{n}.gt.json").read_text(encoding="utf-8"))
            for k, png in enumerate(sorted((args.work / level).glob(f"{n}-p*.png"))):
                out = png.with_suffix(".raw.json")
                if not out.exists():
                    p = gt["pages"][k]
                    jobs.append((str(png), str(out), p["width"], p["height"]))
    t = time.perf_counter()
    with ProcessPoolExecutor(max_workers=args.workers) as pool:
        for i, out in enumerate(pool.map(_ocr_one, jobs), 1):
            print(f"{i}/{len(jobs)} {Path(out).name}", file=sys.stderr, flush=True)
    print(f"{len(jobs)} pages OCR'd in {time.perf_counter() - t:.0f} s", file=sys.stderr)


def cmd_score(args: argparse.Namespace) -> dict[str, dict[str, dict[str, float]]]:
    import docproc.text.ocrfix as ocrfix
    from docproc.document import Page
    from docproc.text import correct_page

    if args.data:  # another set of vocab.json / legal_terms.json, to compare resources
        ocrfix._DATA = args.data
        ocrfix._lexicon.cache_clear()
    correct_page(Page(number=1, width=1, height=1, source="ocr", lines=[]))  # load the resources
    results: dict[str, dict[str, dict[str, float]]] = {}
    spent, pages_n = 0.0, 0
    for level_dir in sorted(p for p in args.work.iterdir() if p.is_dir()):
        groups: dict[str, list[tuple[str, str, str]]] = defaultdict(list)
        for gt_path in sorted(level_dir.glob("*.gt.json")):
            name = gt_path.name.removesuffix(".gt.json")
            raws = sorted(level_dir.glob(f"{name}-p*.raw.json"))
            if not raws:
                continue
            gt = json.loads(gt_path.read_text(encoding="utf-8"))
            truth = " ".join(line["text"] for p in gt["pages"][: len(raws)] for line in p["lines"])
            raw_texts, fixed_texts = [], []
            for r in raws:
                page = Page.model_validate_json(r.read_text(encoding="utf-8"))
                t = time.perf_counter()
                fixed = correct_page(page)
                spent += time.perf_counter() - t
                pages_n += 1
                raw_texts.append(page.text)
                fixed_texts.append(fixed.text)
            row = (truth, "\n".join(raw_texts), "\n".join(fixed_texts))
            groups[name[:2]].append(row)
            groups["all"].append(row)
            if name[:2] != "c4":
                groups["c1-c3"].append(row)
        for fam, rows in sorted(groups.items()):
            raw = score([(t, r) for t, r, _ in rows])
            fixed = score([(t, f) for t, _, f in rows])
            results[f"{level_dir.name}/{fam}"] = {"raw": raw, "fixed": fixed, "docs": len(rows)}  # type: ignore[dict-item]
    print(f"{'level/family':<20}{'docs':>5}{'CER raw':>9}{'CER fix':>9}{'WER fix':>9}{'amounts':>9}")
    for key, r in results.items():
        print(
            f"{key:<20}{r['docs']:>5}{r['raw']['cer']:9.4f}{r['fixed']['cer']:9.4f}"
            f"{r['fixed']['wer']:9.4f}{r['fixed']['amounts']:9.3f}"
        )
    print(f"corrector: {1000 * spent / max(pages_n, 1):.1f} ms per page over {pages_n} pages")
    if args.json:
        args.json.write_text(json.dumps(results, indent=2), encoding="utf-8")
    return results


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = ap.add_subparsers(dest="cmd", required=True)
    o = sub.add_parser("ocr")
    o.add_argument("--names", required=True)
    o.add_argument("--levels", default="photocopy,phone")
    o.add_argument("--max-pages", type=int, default=3)
    o.add_argument("--workers", type=int, default=1)
    s = sub.add_parser("score")
    s.add_argument("--json", type=Path)
    s.add_argument("--data", type=Path, help="folder with vocab.json and legal_terms.json to use instead")
    for p in (o, s):
        p.add_argument("--work", type=Path, default=Path("/tmp/ocrfix"))
    args = ap.parse_args(argv)
    if args.cmd == "ocr":
        cmd_ocr(args)
    else:
        cmd_score(args)
    return 0


if __name__ == "__main__":
    sys.exit(main())
