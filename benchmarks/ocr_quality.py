"""OCR quality: docproc's OCR (preprocessing + Tesseract, then post-OCR correction when
`docproc.text.correct_page` exists) against bare Tesseract, on synthetic scans of dev judgments.

    .venv/bin/python benchmarks/ocr_quality.py [--docs 4] [--max-pages 3]
        [--levels clean,photocopy,phone] [--scans /tmp/docproc-scans] [--workers 2]
        [--real /work/shared/corpus/real-scans] [--no-bare]

Renders the scans with shared/eval/make_scans.py (PNG pages plus ground truth) once into --scans
(outside the repository), OCRs every page both ways, and prints CER, WER and the share of dotted
amounts ("1.250.000") found exactly, per degradation level, scored like shared/eval/ocr_score.py
(whole texts, NFC, whitespace collapsed). With --real, also scores the real scans that have a
NNN.gt.txt transcription.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import re
import subprocess
import sys
import time
import unicodedata
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("DOCPROC_SHARED", ROOT.parent / "shared"))
AMOUNT = re.compile(r"\d{1,3}(?:\.\d{3})+")


def _distance():
    try:
        from rapidfuzz.distance import Levenshtein

        return Levenshtein.distance
    except ImportError:
        spec = importlib.util.spec_from_file_location("ocr_score", SHARED / "eval" / "ocr_score.py")
        mod = importlib.util.module_from_spec(spec)  # type: ignore[arg-type]
        spec.loader.exec_module(mod)  # type: ignore[union-attr]
        return mod.distance


def norm(text: str) -> str:
    return re.sub(r"\s+", " ", unicodedata.normalize("NFC", text)).strip()


def score(pairs: list[tuple[str, str]]) -> dict[str, float]:
    """(truth, hypothesis) texts → CER, WER, amounts exact, summed over documents."""
    dist = _distance()
    chars = ce = words = we = amounts = found = 0
    for truth, hyp in pairs:
        truth, hyp = norm(truth), norm(hyp)
        ce += dist(truth, hyp)
        chars += len(truth)
        tw, hw = truth.split(" "), hyp.split(" ")
        we += dist(tw, hw)
        words += len(tw)
        a, h = AMOUNT.findall(truth), AMOUNT.findall(hyp)
        amounts += len(a)
        found += sum(min(a.count(x), h.count(x)) for x in set(a))
    return {
        "cer": ce / max(chars, 1),
        "wer": we / max(words, 1),
        "amounts": found / amounts if amounts else float("nan"),
    }


# -- workers (module level, so they pickle) ---------------------------------------------------------
def bare_page(path: str) -> tuple[str, float]:
    t = time.perf_counter()
    env = dict(os.environ, OMP_THREAD_LIMIT="1")
    out = subprocess.run(["tesseract", path, "-", "-l", "vie"], capture_output=True, env=env, timeout=600)
    return out.stdout.decode("utf-8", "replace"), time.perf_counter() - t


def docproc_page(job: tuple[str, float, float]) -> tuple[str, str, float, list[str]]:
    from PIL import Image

    from docproc.config import get_settings
    from docproc.ocr import ocr_image

    path, width_pt, height_pt = job
    t = time.perf_counter()
    with Image.open(path) as im:
        page = ocr_image(im, number=1, width_pt=width_pt, height_pt=height_pt, settings=get_settings())
    raw = page.text
    fixed = raw
    try:
        from docproc.text import correct_page  # written by the text stage; optional here
    except ImportError:
        correct_page = None
    if correct_page is not None:
        fixed = correct_page(page).text
    return raw, fixed, time.perf_counter() - t, page.warnings


def render(docs: list[Path], levels: list[str], out: Path, max_pages: int) -> None:
    for level in levels:
        missing = [d for d in docs if not (out / level / f"{d.stem}.gt.json").exists()]
        if missing:
            cmd = [sys.executable, str(SHARED / "eval" / "make_scans.py"), *map(str, missing)]
            cmd += ["--out", str(out), "--level", level, "--format", "png", "--max-pages", str(max_pages)]
            subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", type=Path, default=SHARED / "corpus" / "dev" / "txt")
    ap.add_argument("--docs", type=int, default=4)
    ap.add_argument("--names", help="comma-separated document names instead of the first --docs")
    ap.add_argument("--max-pages", type=int, default=3)
    ap.add_argument("--levels", default="clean,photocopy,phone")
    ap.add_argument("--scans", type=Path, default=Path("/tmp/docproc-scans"))
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--real", type=Path, help="folder of real scans with NNN.gt.txt")
    ap.add_argument("--no-bare", action="store_true", help="skip bare Tesseract")
    ap.add_argument("--json", type=Path, help="write the figures here")
    args = ap.parse_args(argv)

    files = sorted(args.corpus.glob("*.txt"))
    if args.names:
        wanted = set(args.names.split(","))
        files = [f for f in files if f.stem in wanted]
    else:
        step = max(len(files) // max(args.docs, 1), 1)
        files = files[::step][: args.docs]
    levels = [x for x in args.levels.split(",") if x]
    render(files, levels, args.scans, args.max_pages)

    sets: list[tuple[str, list[tuple[str, list[Path], float, float]]]] = []  # (level, [(truth, pages, w, h)])
    for level in levels:
        docs = []
        for f in files:
            gt = json.loads((args.scans / level / f"{f.stem}.gt.json").read_text(encoding="utf-8"))
            truth = " ".join(line["text"] for p in gt["pages"] for line in p["lines"])
            pages = sorted((args.scans / level).glob(f"{f.stem}-p*.png"))
            docs.append((truth, pages, gt["pages"][0]["width"], gt["pages"][0]["height"]))
        sets.append((level, docs))
    if args.real:
        from PIL import Image

        docs = []
        for gt in sorted(args.real.glob("*.gt.txt")):
            img = next(
                p for p in args.real.glob(gt.name.replace(".gt.txt", ".*")) if not p.name.endswith(".txt")
            )
            with Image.open(img) as im:
                w, h = im.size
            # page size unknown: assume A4 width, keep the aspect ratio
            docs.append((gt.read_text(encoding="utf-8"), [img], 595.0, 595.0 * h / w))
        sets.append(("real", docs))

    results: dict[str, dict[str, dict[str, float]]] = {}
    with ProcessPoolExecutor(max_workers=args.workers) as pool:
        for level, docs in sets:
            jobs = [(str(p), w, h) for _, pages, w, h in docs for p in pages]
            t = time.perf_counter()
            ours = list(pool.map(docproc_page, jobs))
            t_ours = time.perf_counter() - t
            k, raw_pairs, fixed_pairs = 0, [], []
            for truth, pages, _, _ in docs:
                chunk = ours[k : k + len(pages)]
                k += len(pages)
                raw_pairs.append((truth, "\n".join(c[0] for c in chunk)))
                fixed_pairs.append((truth, "\n".join(c[1] for c in chunk)))
            row = {"docproc": score(raw_pairs), "docproc+fix": score(fixed_pairs)}
            row["docproc"]["s_per_page"] = sum(c[2] for c in ours) / max(len(ours), 1)
            row["docproc"]["wall_s"] = t_ours
            if not args.no_bare:
                t = time.perf_counter()
                bare = list(pool.map(bare_page, [j[0] for j in jobs]))
                k, pairs = 0, []
                for truth, pages, _, _ in docs:
                    pairs.append((truth, "\n".join(b[0] for b in bare[k : k + len(pages)])))
                    k += len(pages)
                row["bare"] = score(pairs)
                row["bare"]["s_per_page"] = sum(b[1] for b in bare) / max(len(bare), 1)
                row["bare"]["wall_s"] = time.perf_counter() - t
            warns = sorted({str(w) for c in ours for w in c[3]})
            results[level] = row
            print(f"[{level}] {len(jobs)} pages; warnings: {warns[:6]}", file=sys.stderr, flush=True)

    print(f"{len(files)} documents, up to {args.max_pages} pages each")
    print(f"{'level':<10}{'system':<13}{'CER':>8}{'WER':>8}{'amounts':>9}{'s/page':>8}")
    for level, row in results.items():
        for system in ("bare", "docproc", "docproc+fix"):
            if system not in row:
                continue
            r = row[system]
            spp = f"{r['s_per_page']:8.2f}" if "s_per_page" in r else " " * 8
            print(f"{level:<10}{system:<13}{r['cer']:8.4f}{r['wer']:8.4f}{r['amounts']:9.3f}{spp}")
    if args.json:
        args.json.write_text(json.dumps(results, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
