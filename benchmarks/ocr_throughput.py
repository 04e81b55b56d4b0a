"""OCR throughput: docproc's page OCR (preprocessing + Tesseract + post-OCR correction) in N worker
processes against bare `tesseract` CLI runs in N parallel processes, over the same page images.

    .venv/bin/python benchmarks/ocr_throughput.py [--pages 12] [--workers 2]
        [--levels clean,photocopy,phone] [--scans /tmp/docproc-scans] [--engine tesseract|tesserocr]

Pages are synthetic scans of dev judgments (shared/eval/make_scans.py, rendered once into --scans),
taken round-robin over the levels. Prints pages per minute for both and their ratio (docproc / bare;
≥ 1.0 means preprocessing pays for itself). Worker start-up is excluded (a warm pool, as in a
long-running service); the machine's load average is printed, since other work skews the figures.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("DOCPROC_SHARED", ROOT.parent / "shared"))


def _warm(_: int) -> int:
    import docproc.ocr  # noqa: F401
    import docproc.text  # noqa: F401

    return os.getpid()


def docproc_page(path: str) -> int:
    from PIL import Image

    from docproc.config import get_settings
    from docproc.ocr import ocr_image

    with Image.open(path) as im:
        w_pt, h_pt = 595.0, 595.0 * im.height / im.width
        page = ocr_image(im, number=1, width_pt=w_pt, height_pt=h_pt, settings=get_settings())
    try:
        from docproc.text import correct_page
    except ImportError:
        return len(page.words)
    return len(correct_page(page).words)


def bare_page(path: str) -> int:
    env = dict(os.environ, OMP_THREAD_LIMIT="1")
    out = subprocess.run(["tesseract", path, "-", "-l", "vie"], capture_output=True, env=env, timeout=600)
    return len(out.stdout.split())


def pick_pages(scans: Path, levels: list[str], n: int) -> list[Path]:
    corpus = SHARED / "corpus" / "dev" / "txt"
    docs = sorted(corpus.glob("*.txt"))[:: max(len(list(corpus.glob("*.txt"))) // 6, 1)][:6]
    for level in levels:
        missing = [d for d in docs if not list((scans / level).glob(f"{d.stem}-p*.png"))]
        if missing:
            cmd = [
                sys.executable,
                str(SHARED / "eval" / "make_scans.py"),
                *map(str, missing),
                "--out",
                str(scans),
            ]
            cmd += ["--level", level, "--format", "png", "--max-pages", "3"]
            subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL)
    by_level = [sorted((scans / level).glob("*-p*.png")) for level in levels]
    pages: list[Path] = []
    i = 0
    while len(pages) < n and any(i < len(b) for b in by_level):
        pages += [b[i] for b in by_level if i < len(b)]
        i += 1
    return pages[:n]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--pages", type=int, default=12)
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--levels", default="clean,photocopy,phone")
    ap.add_argument("--scans", type=Path, default=Path("/tmp/docproc-scans"))
    ap.add_argument("--engine", choices=("tesseract", "tesserocr"), help="sets DOCPROC_OCR_ENGINE")
    args = ap.parse_args(argv)
    if args.engine:
        os.environ["DOCPROC_OCR_ENGINE"] = args.engine
    pages = [str(p) for p in pick_pages(args.scans, args.levels.split(","), args.pages)]
    print(f"{len(pages)} pages, {args.workers} workers, load average {os.getloadavg()[0]:.1f} before")

    with ProcessPoolExecutor(max_workers=args.workers) as pool:
        list(pool.map(_warm, range(args.workers * 2)))
        t = time.perf_counter()
        ours = list(pool.map(docproc_page, pages))
        t_ours = time.perf_counter() - t
    with ThreadPoolExecutor(max_workers=args.workers) as pool:  # each thread waits on one tesseract
        t = time.perf_counter()
        bare = list(pool.map(bare_page, pages))
        t_bare = time.perf_counter() - t

    ppm_ours, ppm_bare = 60 * len(pages) / t_ours, 60 * len(pages) / t_bare
    print(f"{'system':<10}{'seconds':>9}{'pages/min':>11}{'words':>8}")
    print(f"{'docproc':<10}{t_ours:9.1f}{ppm_ours:11.1f}{sum(ours):8d}")
    print(f"{'bare':<10}{t_bare:9.1f}{ppm_bare:11.1f}{sum(bare):8d}")
    print(f"ratio docproc/bare {ppm_ours / ppm_bare:.2f}  (load average {os.getloadavg()[0]:.1f} after)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
