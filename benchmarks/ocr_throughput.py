"""OCR throughput: docproc's page OCR (preprocessing + Tesseract + post-OCR correction) in N worker
processes against bare `tesseract` CLI runs in N parallel processes, over the same page images.

    .venv/bin/python benchmarks/ocr_throughput.py [--pages 12] [--workers 2]
        [--levels clean,photocopy,phone] [--scans /tmp/docproc-scans] [--engine tesseract|tesserocr]

Pages are synthetic scans of dev judgments (shared/eval/make_scans.py, rendered once into --scans),
taken round-robin over the levels. Prints pages per minute for both and their ratio (docproc / bare;
≥ 1.0 means preprocessing pays for itself), and the same ratio in CPU seconds per page (worker plus
its tesseract children), which other work on a shared machine skews far less than wall time.
Worker start-up is excluded (a warm pool, as in a long-running service).
"""

from __future__ import annotations

import argparse
import os
import resource
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


def _children_cpu() -> float:
    ru = resource.getrusage(resource.RUSAGE_CHILDREN)
    return ru.ru_utime + ru.ru_stime


def docproc_page(path: str) -> tuple[int, float]:
    """Words read and CPU seconds spent (this worker plus the tesseract processes it ran)."""
    from PIL import Image

    from docproc.config import get_settings
    from docproc.ocr import ocr_image

    cpu0, child0 = time.process_time(), _children_cpu()
    with Image.open(path) as im:
        w_pt, h_pt = 595.0, 595.0 * im.height / im.width
        page = ocr_image(im, number=1, width_pt=w_pt, height_pt=h_pt, settings=get_settings())
    try:
        from docproc.text import correct_page

        page = correct_page(page)
    except ImportError:
        pass
    return len(page.words), time.process_time() - cpu0 + _children_cpu() - child0


def bare_page(path: str) -> tuple[int, float]:
    env = dict(os.environ, OMP_THREAD_LIMIT="1")
    proc = subprocess.Popen(
        ["tesseract", path, "-", "-l", "vie"], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env=env
    )
    out = proc.stdout.read() if proc.stdout else b""
    _, _, ru = os.wait4(proc.pid, 0)
    proc.returncode = 0  # reaped above
    return len(out.split()), ru.ru_utime + ru.ru_stime


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

    n = len(pages)
    ppm_ours, ppm_bare = 60 * n / t_ours, 60 * n / t_bare
    cpu_ours, cpu_bare = sum(c for _, c in ours) / n, sum(c for _, c in bare) / n
    print(f"{'system':<10}{'wall s':>8}{'pages/min':>11}{'CPU s/page':>12}{'words':>8}")
    print(f"{'docproc':<10}{t_ours:8.1f}{ppm_ours:11.1f}{cpu_ours:12.2f}{sum(w for w, _ in ours):8d}")
    print(f"{'bare':<10}{t_bare:8.1f}{ppm_bare:11.1f}{cpu_bare:12.2f}{sum(w for w, _ in bare):8d}")
    print(
        f"ratio docproc/bare: wall {ppm_ours / ppm_bare:.2f}, CPU {cpu_bare / cpu_ours:.2f}"
        f"  (load average {os.getloadavg()[0]:.1f} after; on a shared machine trust the CPU ratio)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
