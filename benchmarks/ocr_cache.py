"""OCR once, extract many times: a development loop for the extraction rules on OCR text.

Reading a scanned judgment takes seconds a page; extracting it takes milliseconds. When the work is on
the rules that read OCR text (not on the OCR itself), the pages can be read once and kept:

    python benchmarks/ocr_cache.py build PDF_DIR CACHE_DIR [--workers 2] [--docs c1-01 ...]
    python benchmarks/ocr_cache.py score CACHE_DIR [--gold ../shared/corpus/dev/gold] [--docs ...]
                                         [--show-errors] [--json OUT.json]

`build` runs docproc's reader (preprocessing, OCR, post-OCR correction) on every PDF and keeps each
document's pages as gzipped JSON (NAME.pages.json.gz), with the sha256 of the PDF. `score` rebuilds each
document from its pages with today's assembly code (so reflow changes count), extracts it and scores
the extraction with ../shared/eval/score.py. A cache says nothing about OCR changes made after it was
built: re-run `build` for those, and report figures from benchmarks/extract_ocr_eval.py or
benchmarks/realistic_eval.py, which read the scans again.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import subprocess
import sys
import tempfile
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("DOCPROC_SHARED", ROOT.parent / "shared"))
sys.path.insert(0, str(ROOT))


def _read_one(pdf: str, out: str) -> str:
    from docproc._io import sha256_file
    from docproc.config import get_settings
    from pipelines.process import read_document

    # one page at a time, and no per-document time limit: a busy machine must not lose a cache entry
    settings = get_settings().model_copy(update={"ocr_workers": 1, "doc_timeout_s": 3600})
    try:
        doc = read_document(Path(pdf), settings=settings)
    except Exception as exc:  # noqa: BLE001 - one unreadable scan must not stop the others
        return f"{Path(pdf).stem}: not read ({type(exc).__name__})"
    record = {
        "source": Path(pdf).name,
        "pdf_sha256": sha256_file(Path(pdf)),
        "pages": [p.model_dump(mode="json") for p in doc.pages],
        "encoding": doc.encoding,
    }
    with gzip.open(out, "wt", encoding="utf-8") as fh:
        json.dump(record, fh, ensure_ascii=False)
    return Path(pdf).stem


def build(pdf_dir: Path, cache: Path, docs: list[str] | None, workers: int) -> int:
    cache.mkdir(parents=True, exist_ok=True)
    pdfs = sorted(p for p in pdf_dir.glob("*.pdf") if not docs or p.stem in docs)
    todo = [(str(p), str(cache / f"{p.stem}.pages.json.gz")) for p in pdfs]
    todo = [t for t in todo if not Path(t[1]).exists()]
    with ProcessPoolExecutor(max_workers=workers) as pool:
        for name in pool.map(_read_one, *zip(*todo, strict=True)) if todo else []:
            print("read", name, flush=True)
    print(f"{len(pdfs)} documents in {cache} ({len(todo)} read now)")
    return 0


def load(path: Path):
    """The Document of one cache entry, assembled by today's code."""
    from docproc.document import Document, Page

    with gzip.open(path, "rt", encoding="utf-8") as fh:
        record = json.load(fh)
    pages = [Page.model_validate(p) for p in record["pages"]]
    return Document.from_pages(pages, source=record["source"], encoding=record.get("encoding"))


def score(cache: Path, gold: Path, docs: list[str] | None, show_errors: bool, json_out: str | None) -> int:
    from pipelines.process import extract_safely

    entries = sorted(cache.glob("*.pages.json.gz"))
    entries = [e for e in entries if not docs or e.name.split(".")[0] in docs]
    with tempfile.TemporaryDirectory() as tmp:
        g, p = Path(tmp, "gold"), Path(tmp, "pred")
        g.mkdir()
        p.mkdir()
        for e in entries:
            name = e.name.split(".")[0]
            if not (gold / f"{name}.json").exists():
                continue
            data = extract_safely(load(e)).to_json_dict()
            (p / f"{name}.json").write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
            (g / f"{name}.json").write_bytes((gold / f"{name}.json").read_bytes())
        cmd = [sys.executable, str(SHARED / "eval" / "score.py"), str(g), str(p)]
        if show_errors:
            cmd.append("--show-errors")
        if json_out:
            cmd += ["--json", json_out]
        return subprocess.run(cmd, check=False).returncode


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = ap.add_subparsers(dest="cmd", required=True)
    b = sub.add_parser("build")
    b.add_argument("pdf_dir", type=Path)
    b.add_argument("cache", type=Path)
    b.add_argument("--docs", nargs="*")
    b.add_argument("--workers", type=int, default=2)
    s = sub.add_parser("score")
    s.add_argument("cache", type=Path)
    s.add_argument("--gold", type=Path, default=SHARED / "corpus" / "dev" / "gold")
    s.add_argument("--docs", nargs="*")
    s.add_argument("--show-errors", action="store_true")
    s.add_argument("--json")
    args = ap.parse_args(argv)
    if args.cmd == "build":
        return build(args.pdf_dir, args.cache, args.docs, args.workers)
    return score(args.cache, args.gold, args.docs, args.show_errors, args.json)


if __name__ == "__main__":
    raise SystemExit(main())
