"""Batch throughput on Dask: docproc against bare `tesseract`, with 1 and 2 workers, in the same run.

    .venv/bin/python benchmarks/batch_throughput.py [--scan-docs 4] [--scan-pages 2] [--text-docs 20]
                                                    [--text-rounds 3] [--workers 1,2] [--keep DIR] [--json FILE]

Inputs are made fresh from the dev judgments with ../shared/eval/make_scans.py: image-only PDFs
(300 dpi, `clean` level) and text-layer PDFs. For each worker count N it measures, on one
LocalCluster of N processes (cluster start-up and the workers' warm-up, which loads the pipeline
and the OCR model, not counted, nor an untimed first batch of three documents: this is the steady
state of a long batch):

- docproc pages/minute on the scans: the whole batch (ingest, preprocessing, OCR, extraction,
  outputs and manifest), and bare Tesseract pages/minute on the same pages, rendered once to PNG at
  300 dpi beforehand (rendering not counted: in Tesseract's favour), N `tesseract ... tsv` processes
  at a time with OMP_THREAD_LIMIT=1, once before and once after docproc (mean);
- docproc documents/second on the text-layer PDFs;
- peak memory per worker: RSS of the worker process plus its tesseract child, sampled every 100 ms
  (short peaks can be missed), and the worker process's own high-water mark (ru_maxrss).
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
SHARED = ROOT.parent / "shared"
DEV_TXT = SHARED / "corpus" / "dev" / "txt"
MAKE_SCANS = SHARED / "eval" / "make_scans.py"


def make_inputs(work: Path, scan_docs: int, scan_pages: int, text_docs: int) -> tuple[Path, Path]:
    txt = sorted(DEV_TXT.glob("*.txt"))
    scans, layers = work / "scans", work / "textpdf"
    for d, fmt, n, pages in ((scans, "pdf", scan_docs, scan_pages), (layers, "textpdf", text_docs, 2)):
        d.mkdir(parents=True)
        for src in txt[:n]:
            tmp = work / f"_{fmt}"
            subprocess.run(
                [
                    sys.executable,
                    str(MAKE_SCANS),
                    str(src),
                    "--out",
                    str(tmp),
                    "--format",
                    fmt,
                    "--max-pages",
                    str(pages),
                ],
                check=True,
                capture_output=True,
            )
            for pdf in tmp.rglob("*.pdf"):
                shutil.move(str(pdf), d / pdf.name)
            shutil.rmtree(tmp)
    return scans, layers


def render_pngs(scans: Path, dst: Path, dpi: int = 300) -> list[Path]:
    dst.mkdir(parents=True)
    for pdf in sorted(scans.glob("*.pdf")):
        subprocess.run(
            ["pdftoppm", "-r", str(dpi), "-png", "-gray", str(pdf), str(dst / pdf.stem)], check=True
        )
    return sorted(dst.glob("*.png"))


def children_cpu() -> float:
    ru = resource.getrusage(resource.RUSAGE_CHILDREN)
    return ru.ru_utime + ru.ru_stime


def self_cpu() -> float:
    ru = resource.getrusage(resource.RUSAGE_SELF)
    return ru.ru_utime + ru.ru_stime


def workers_cpu(pids: list[int]) -> float:
    """CPU seconds used so far by the worker processes and their finished children (tesseract)."""
    import psutil

    total = 0.0
    for pid in pids:
        t = psutil.Process(pid).cpu_times()
        total += t.user + t.system + t.children_user + t.children_system
    return total


def bare_tesseract(pngs: list[Path], workers: int, lang: str = "vie") -> float:
    """Seconds to OCR `pngs` with `workers` tesseract processes at a time (TSV, like docproc)."""
    env = dict(os.environ, OMP_THREAD_LIMIT="1")

    def one(png: Path) -> None:
        subprocess.run(
            ["tesseract", str(png), "stdout", "-l", lang, "--psm", "3", "tsv"],
            check=True,
            capture_output=True,
            env=env,
        )

    t0 = time.perf_counter()
    with ThreadPoolExecutor(workers) as pool:
        list(pool.map(one, pngs))
    return time.perf_counter() - t0


class MemorySampler:
    """Peak memory per worker: RSS of the worker process plus its children (tesseract), sampled every
    100 ms from outside (ru_maxrss of a child is useless here: it keeps the forking parent's RSS)."""

    def __init__(self, pids: list[int]) -> None:
        import psutil

        self.procs = [psutil.Process(p) for p in pids]
        self.peak_total = dict.fromkeys(pids, 0)
        self.peak_child = dict.fromkeys(pids, 0)
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        import psutil

        while not self._stop.is_set():
            for p in self.procs:
                try:
                    own = p.memory_info().rss
                    kids = sum(c.memory_info().rss for c in p.children(recursive=True))
                except psutil.Error:
                    continue
                self.peak_total[p.pid] = max(self.peak_total[p.pid], own + kids)
                self.peak_child[p.pid] = max(self.peak_child[p.pid], kids)
            time.sleep(0.1)  # light: on 2 cores the sampler itself competes with the workers

    def __enter__(self) -> MemorySampler:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()


def _maxrss_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def run_docproc(client: Any, src: Path, out: Path, data: Path) -> tuple[float, Any]:
    from pipelines.batch import run_batch
    from pipelines.settings import BatchSettings

    t0 = time.perf_counter()
    summary = run_batch([str(src)], out, settings=BatchSettings(data_dir=data), client=client)
    return time.perf_counter() - t0, summary


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--scan-docs", type=int, default=4)
    ap.add_argument("--scan-pages", type=int, default=2, help="pages per scanned document")
    ap.add_argument("--text-docs", type=int, default=20)
    ap.add_argument("--text-rounds", type=int, default=3, help="times the text-layer PDFs are processed")
    ap.add_argument("--workers", default="1,2")
    ap.add_argument("--keep", type=Path, help="work in this directory and keep it")
    ap.add_argument("--json", type=Path, help="also write the figures here")
    args = ap.parse_args()

    from pipelines.batch import open_client

    work = args.keep or Path(tempfile.mkdtemp(prefix="batch-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    scans, layers = make_inputs(work, args.scan_docs, args.scan_pages, args.text_docs)
    pngs = render_pngs(scans, work / "png")
    n_text = len(list(layers.glob("*.pdf")))
    warm = work / "warm"
    warm.mkdir()
    for pdf in [*sorted(scans.glob("*.pdf"))[:1], *sorted(layers.glob("*.pdf"))[:2]]:
        shutil.copy(pdf, warm / pdf.name)
    results: list[dict[str, Any]] = []
    for n in [int(x) for x in args.workers.split(",")]:
        bare_before = bare_tesseract(pngs, n)
        with open_client(workers=n) as client:
            client.wait_for_workers(n, timeout=120)
            pids = list(client.run(os.getpid).values())
            # untimed: each worker's first documents pay for lazy imports and caches that warm-up
            # does not reach; a long batch pays them once
            run_docproc(client, warm, work / f"out-warm-{n}", work / f"data-warm-{n}")
            cpu0, own0 = workers_cpu(pids), self_cpu()
            with MemorySampler(pids) as mem:
                scan_s, scan_sum = run_docproc(client, scans, work / f"out-scan-{n}", work / f"data-scan-{n}")
            worker_cpu = workers_cpu(pids) - cpu0
            maxrss = client.run(_maxrss_mib)  # the worker processes' own high-water marks
            client_cpu = self_cpu() - own0  # client, scheduler, nannies, and the memory sampler
            text_s = 0.0
            for k in range(args.text_rounds):  # text-layer PDFs go fast: several rounds, fresh outputs
                s_k, text_sum = run_docproc(
                    client, layers, work / f"out-text-{n}-{k}", work / f"data-text-{n}-{k}"
                )
                text_s += s_k
        c0 = children_cpu()
        bare_s = (bare_before + bare_tesseract(pngs, n)) / 2  # before and after: the machine is shared
        bare_cpu = children_cpu() - c0  # the second bare run only
        row = {
            "workers": n,
            "scan_pages": scan_sum.ocr_pages,
            "scan_docs_done": scan_sum.counts.get("done", 0),
            "docproc_pages_per_min": 60 * scan_sum.ocr_pages / scan_s,
            "tesseract_pages_per_min": 60 * len(pngs) / bare_s,
            "text_docs": n_text,
            "text_docs_done": text_sum.counts.get("done", 0),
            "docproc_text_docs_per_s": args.text_rounds * n_text / text_s,
            "peak_worker_mib": max(mem.peak_total.values()) / 2**20,
            "worker_maxrss_mib": max(maxrss.values()),
            "peak_tesseract_mib": max(mem.peak_child.values()) / 2**20,
            "ocr_confidence": scan_sum.ocr_confidence,
            "docproc_cpu_s_per_page": worker_cpu / max(scan_sum.ocr_pages, 1),
            "client_cpu_s_per_page": client_cpu / max(scan_sum.ocr_pages, 1),
            "tesseract_cpu_s_per_page": bare_cpu / len(pngs),
            "load_average": os.getloadavg()[0],
        }
        row["ratio_to_tesseract"] = row["docproc_pages_per_min"] / row["tesseract_pages_per_min"]
        results.append(row)
        print(json.dumps(row), flush=True)
    if len(results) >= 2:
        base = results[0]
        for r in results[1:]:
            r["scan_speedup_vs_first"] = r["docproc_pages_per_min"] / base["docproc_pages_per_min"]
            r["text_speedup_vs_first"] = r["docproc_text_docs_per_s"] / base["docproc_text_docs_per_s"]
    print()
    print(
        "| workers | docproc pages/min | tesseract pages/min | ratio | CPU s/page docproc workers (client) | CPU s/page tesseract"
        " | text-layer docs/s | peak worker+child MiB (sampled) | worker maxrss MiB | peak tesseract MiB | load avg |"
    )
    print("|---|---|---|---|---|---|---|---|---|---|---|")
    for r in results:
        print(
            f"| {r['workers']} | {r['docproc_pages_per_min']:.1f} | {r['tesseract_pages_per_min']:.1f} | "
            f"{r['ratio_to_tesseract']:.2f} | {r['docproc_cpu_s_per_page']:.2f} ({r['client_cpu_s_per_page']:.2f}) | {r['tesseract_cpu_s_per_page']:.2f} | "
            f"{r['docproc_text_docs_per_s']:.2f} | {r['peak_worker_mib']:.0f} | {r['worker_maxrss_mib']:.0f} | {r['peak_tesseract_mib']:.0f} | "
            f"{r['load_average']:.1f} |"
        )
    for r in results[1:]:
        print(
            f"{r['workers']} workers vs {results[0]['workers']}: scans ×{r['scan_speedup_vs_first']:.2f}, "
            f"text-layer ×{r['text_speedup_vs_first']:.2f}"
        )
    if args.json:
        args.json.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    if not args.keep:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
