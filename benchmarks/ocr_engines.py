"""The command-line Tesseract engine: docproc's own stdin/stdout call against pytesseract's
`image_to_data` (temp files in and out) on the same preprocessed page images, one process, OCR only.

    python benchmarks/ocr_engines.py [--pages 6] [--rounds 2] [PDF_OR_TIFF ...]

Default input: samples/divorce-c2-04.tiff (a 300 dpi scan). Prints seconds per page for each engine
and whether their words agree (they run the same binary with the same options: they should).
"""

from __future__ import annotations

import argparse
import os
import statistics
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _images(paths: list[Path], pages: int) -> list:
    from docproc import ingest
    from docproc.config import get_settings
    from docproc.ingest.types import ImagePageTask
    from docproc.ocr._page import _as_array
    from docproc.ocr.preprocess import prepare

    settings = get_settings()
    out = []
    for p in paths:
        for task in ingest.load(p, settings=settings).pages:
            if isinstance(task, ImagePageTask) and len(out) < pages:
                img = ingest.load_page_image(task, settings=settings)
                out.append(prepare(_as_array(img), width_pt=task.width_pt).image)
    return out


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("files", nargs="*", type=Path, default=[ROOT / "samples" / "divorce-c2-04.tiff"])
    ap.add_argument("--pages", type=int, default=6)
    ap.add_argument("--rounds", type=int, default=2)
    args = ap.parse_args()

    os.environ["OMP_THREAD_LIMIT"] = "1"  # as docproc runs it: one thread per process, for both
    import pytesseract
    from PIL import Image

    from docproc.ocr.engine import TesseractEngine, _to_pil

    images = [_to_pil(i) if not isinstance(i, Image.Image) else i for i in _images(args.files, args.pages)]
    ours = TesseractEngine()
    times: dict[str, list[float]] = {"docproc stdin/stdout": [], "pytesseract image_to_data": []}
    agree = 0
    for _ in range(args.rounds):
        for img in images:
            t0 = time.perf_counter()
            lines = ours.recognize(img, page_number=1)
            times["docproc stdin/stdout"].append(time.perf_counter() - t0)
            t0 = time.perf_counter()
            data = pytesseract.image_to_data(img, lang="vie", config="--psm 3 --dpi 300")
            times["pytesseract image_to_data"].append(time.perf_counter() - t0)
            a = [w.text for ln in lines for w in ln.words]
            b = [w for w in (row.split("\t")[-1] for row in data.splitlines()[1:]) if w.strip()]
            agree += a == b
    for name, ts in times.items():
        print(
            f"{name:28s} {statistics.median(ts):.3f} s/page median, {sum(ts) / len(ts):.3f} mean (n={len(ts)})"
        )
    a, b = (statistics.median(ts) for ts in times.values())
    print(f"pytesseract / docproc: {b / a:.3f}; same words on {agree}/{len(images) * args.rounds} pages")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
