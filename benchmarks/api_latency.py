"""Service latency: upload a 3-page scanned judgment → extraction done → a draft decision (DOCX)
downloaded, over HTTP on loopback against `docproc serve` (SQLite, the embedded default).

    .venv/bin/python benchmarks/api_latency.py [--docs 8] [--pages 3] [--workers 1] [--json FILE]

Inputs: image-only PDFs (300 dpi, `clean` level) made fresh from the dev judgments with
../shared/eval/make_scans.py, cut to --pages pages; each is uploaded once, one at a time (an officer
waiting for a result, the service otherwise idle). Prints the median and p95 of the end-to-end time
and of its parts (upload, processing, draft), and for reference the same files through
`pipelines.process.process_file` in this process (its own pool of `ocr_workers`), measured in the same
run: the difference is the service's overhead, whatever the machine's load.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parent))
from api_common import SHARED, percentile, running_server  # noqa: E402


def make_scans(out: Path, docs: int, pages: int) -> list[Path]:
    txts = sorted((SHARED / "corpus" / "dev" / "txt").glob("*.txt"))[:docs]
    subprocess.run(
        [
            sys.executable,
            str(SHARED / "eval" / "make_scans.py"),
            *map(str, txts),
            "--out",
            str(out),
            "--format",
            "pdf",
            "--level",
            "clean",
            "--max-pages",
            str(pages),
        ],
        check=True,
        stdout=subprocess.DEVNULL,
    )
    return sorted(out.rglob("*.pdf"))


def one(client: httpx.Client, server, path: Path) -> dict[str, float]:
    t0 = time.perf_counter()
    r = client.post("/documents", files={"file": (path.name, path.read_bytes(), "application/pdf")})
    r.raise_for_status()
    doc = r.json()
    t1 = time.perf_counter()
    while True:
        body = client.get(f"/documents/{doc['id']}").json()
        if body["status"] in ("done", "failed"):
            break
        time.sleep(0.02)
    t2 = time.perf_counter()
    if body["status"] != "done":
        raise RuntimeError(f"{path.name}: {body['error']}")
    kinds = client.get(f"/documents/{doc['id']}/drafts").raise_for_status().json()["kinds"]
    if kinds:
        client.get(f"/documents/{doc['id']}/drafts/{kinds[0]}.docx").raise_for_status()
    t3 = time.perf_counter()
    return {
        "total": t3 - t0,
        "upload": t1 - t0,
        "processing": t2 - t1,
        "draft": t3 - t2,
        "pages": body["pages"],
        "drafts": len(kinds),
    }


def draft_times(client: httpx.Client, docs: int) -> list[float]:
    """The first pages of a judgment rarely call for a decision (the operative part is at the end):
    draft timing is also measured on whole judgments uploaded as text (list, DOCX and PDF of one)."""
    times = []
    for txt in sorted((SHARED / "corpus" / "dev" / "txt").glob("*.txt"))[:docs]:
        doc = client.post("/documents", files={"file": (txt.name, txt.read_bytes(), "text/plain")}).json()
        while client.get(f"/documents/{doc['id']}").json()["status"] not in ("done", "failed"):
            time.sleep(0.02)
        t0 = time.perf_counter()
        kinds = client.get(f"/documents/{doc['id']}/drafts").raise_for_status().json()["kinds"]
        if not kinds:
            continue
        client.get(f"/documents/{doc['id']}/drafts/{kinds[0]}.docx").raise_for_status()
        client.get(f"/documents/{doc['id']}/drafts/{kinds[0]}.pdf").raise_for_status()
        times.append(time.perf_counter() - t0)
    return times


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--docs", type=int, default=8)
    ap.add_argument("--pages", type=int, default=3)
    ap.add_argument("--workers", type=int, default=1, help="DOCPROC_API_WORKERS")
    ap.add_argument("--json", type=Path)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory(prefix="docproc-api-latency-") as tmp:
        work = Path(tmp)
        files = make_scans(work / "scans", args.docs, args.pages)
        env = {"DOCPROC_API_WORKERS": str(args.workers), "DOCPROC_JOB_POLL_SECONDS": "0.05"}
        with running_server(work, env=env) as server:
            with httpx.Client(base_url=server.base, headers=server.auth, timeout=120) as client:
                one(client, server, files[0])  # warm-up (pool process start, imports): not counted
                runs = [one(client, server, f) for f in files[1:]]
                drafts = draft_times(client, args.docs)
        direct = []
        from pipelines.process import process_file

        for f in files[1:]:
            t0 = time.perf_counter()
            process_file(f)
            direct.append(time.perf_counter() - t0)
    result = {
        "docs": len(runs),
        "pages_per_doc": [r["pages"] for r in runs],
        "drafts_per_doc": [r["drafts"] for r in runs],
        "workers": args.workers,
    }
    for key in ("total", "upload", "processing", "draft"):
        vals = [r[key] for r in runs]
        result[key] = {"median_s": round(statistics.median(vals), 2), "p95_s": round(percentile(vals, 95), 2)}
    result["direct_process_file"] = {
        "median_s": round(statistics.median(direct), 2),
        "p95_s": round(percentile(direct, 95), 2),
    }
    if drafts:
        result["drafts_of_whole_text_judgment_docx_and_pdf"] = {
            "docs": len(drafts),
            "median_s": round(statistics.median(drafts), 2),
            "p95_s": round(percentile(drafts, 95), 2),
        }
    result["load_average_1m"] = round(os.getloadavg()[0], 1)
    print(json.dumps(result, indent=2))
    if args.json:
        args.json.write_text(json.dumps(result, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
