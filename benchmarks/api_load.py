"""A bounded load run on loopback: N concurrent users uploading judgments and reading results for a
fixed time against `docproc serve` (SQLite, the embedded default), then a check that every upload
was kept and processed.

    .venv/bin/python benchmarks/api_load.py [--users 50] [--seconds 120] [--upload-share 0.1]
                                            [--think 1.0] [--workers 2] [--json FILE]

Each user loops: think (exponential, mean --think seconds), then either uploads a dev judgment made
unique by a first line (share --upload-share) or reads: the office's document list, one of its
documents, or that document's job. Reported: requests by kind, errors (any 5xx, connection error, or
an answer other than the expected one), p50/p95/p99 of read and upload latency, and after the run
(draining the queue) how many uploads are missing or not processed.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import sys
import tempfile
import time
from pathlib import Path

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parent))
from api_common import SHARED, percentile, running_server  # noqa: E402


async def user(
    k: int, client: httpx.AsyncClient, stop_at: float, args, texts, stats, uploaded: list[str]
) -> None:
    rng = random.Random(k)
    own: list[str] = []
    n = 0
    while time.monotonic() < stop_at:
        await asyncio.sleep(rng.expovariate(1 / args.think))
        if time.monotonic() >= stop_at:
            break
        try:
            if rng.random() < args.upload_share or not own:
                n += 1
                body = f"Bản sao số {k}-{n}\n".encode() + rng.choice(texts)
                t0 = time.perf_counter()
                r = await client.post("/documents", files={"file": (f"u{k}-{n}.txt", body, "text/plain")})
                stats["upload"].append(time.perf_counter() - t0)
                if r.status_code != 201:
                    stats["errors"].append(f"upload {r.status_code}")
                    continue
                own.append(r.json()["id"])
                uploaded.append(r.json()["id"])
            else:
                what = rng.choice(("list", "doc", "job"))
                doc = rng.choice(own)
                url = {"list": "/documents?limit=20", "doc": f"/documents/{doc}", "job": f"/documents/{doc}"}[
                    what
                ]
                t0 = time.perf_counter()
                r = await client.get(url)
                stats["read"].append(time.perf_counter() - t0)
                if r.status_code != 200:
                    stats["errors"].append(f"{what} {r.status_code}")
                elif what == "job":
                    t0 = time.perf_counter()
                    r2 = await client.get(f"/jobs/{r.json()['job']['id']}")
                    stats["read"].append(time.perf_counter() - t0)
                    if r2.status_code != 200:
                        stats["errors"].append(f"job {r2.status_code}")
        except httpx.HTTPError as exc:
            stats["errors"].append(type(exc).__name__)


async def run(server, args) -> dict:
    texts = [p.read_bytes() for p in sorted((SHARED / "corpus" / "dev" / "txt").glob("*.txt"))]
    stats: dict[str, list] = {"read": [], "upload": [], "errors": []}
    uploaded: list[str] = []
    limits = httpx.Limits(max_connections=args.users, max_keepalive_connections=args.users)
    async with httpx.AsyncClient(
        base_url=server.base, headers=server.auth, timeout=60, limits=limits
    ) as client:
        t0 = time.monotonic()
        stop_at = t0 + args.seconds
        await asyncio.gather(
            *(user(k, client, stop_at, args, texts, stats, uploaded) for k in range(args.users))
        )
        elapsed = time.monotonic() - t0
        # Drain: every upload must be there and end processed.
        deadline = time.monotonic() + args.drain
        pending = set(uploaded)
        states: dict[str, str] = {}
        while pending and time.monotonic() < deadline:
            for doc in list(pending):
                r = await client.get(f"/documents/{doc}")
                if r.status_code == 404:
                    states[doc] = "missing"
                    pending.discard(doc)
                elif r.json()["status"] in ("done", "failed"):
                    states[doc] = r.json()["status"]
                    pending.discard(doc)
            await asyncio.sleep(0.5)
        listed = (await client.get("/documents?limit=1")).json()["total"]
    ms = lambda v: round(1000 * v, 1)  # noqa: E731
    return {
        "users": args.users,
        "seconds": round(elapsed, 1),
        "workers": args.workers,
        "requests": {"read": len(stats["read"]), "upload": len(stats["upload"])},
        "errors": len(stats["errors"]),
        "error_kinds": sorted(set(stats["errors"]))[:10],
        "read_ms": {q: ms(percentile(stats["read"], q)) for q in (50, 95, 99)},
        "upload_ms": {q: ms(percentile(stats["upload"], q)) for q in (50, 95, 99)},
        "uploads_accepted": len(uploaded),
        "documents_listed": listed,
        "processed_done": sum(1 for s in states.values() if s == "done"),
        "processed_failed": sum(1 for s in states.values() if s == "failed"),
        "missing": sum(1 for s in states.values() if s == "missing"),
        "not_processed_after_drain": len(pending),
        "load_average_1m": round(os.getloadavg()[0], 1),
    }


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--users", type=int, default=50)
    ap.add_argument("--seconds", type=float, default=120)
    ap.add_argument("--upload-share", type=float, default=0.1)
    ap.add_argument("--think", type=float, default=1.0)
    ap.add_argument("--workers", type=int, default=2, help="DOCPROC_API_WORKERS")
    ap.add_argument("--drain", type=float, default=300, help="seconds to wait for the queue after the run")
    ap.add_argument("--json", type=Path)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory(prefix="docproc-api-load-") as tmp:
        env = {"DOCPROC_API_WORKERS": str(args.workers)}
        with running_server(Path(tmp), env=env) as server:
            result = asyncio.run(run(server, args))
    print(json.dumps(result, indent=2))
    if args.json:
        args.json.write_text(json.dumps(result, indent=2) + "\n")
    ok = result["errors"] == 0 and result["missing"] == 0 and result["not_processed_after_drain"] == 0
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
