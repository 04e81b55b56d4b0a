"""Shared by the service benchmarks: a throwaway `docproc serve` on loopback with its own data
directory, an office and a user, and a bearer token."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
PASSWORD = "benchmark-password"


@dataclass
class Server:
    base: str
    token: str
    data_dir: Path

    @property
    def auth(self) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.token}"}


def percentile(values: list[float], q: float) -> float:
    """Nearest-rank percentile (q in 0..100)."""
    if not values:
        return float("nan")
    ordered = sorted(values)
    k = max(0, min(len(ordered) - 1, int(round(q / 100 * len(ordered) + 0.5)) - 1))
    return ordered[k]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def running_server(workdir: Path, *, env: dict[str, str] | None = None) -> Iterator[Server]:
    from api import open_database
    from api.admin import create_office, create_user
    from api.settings import ServiceSettings

    data = workdir / "data"
    full_env = {
        **os.environ,
        "DOCPROC_DATA_DIR": str(data),
        "DOCPROC_SECRET_KEY": "benchmark",
        "DOCPROC_LOG_LEVEL": "WARNING",
        **(env or {}),
    }
    settings = ServiceSettings(data_dir=data, database_url=full_env.get("DOCPROC_DATABASE_URL"))
    db = open_database(settings)
    create_office(db.sessions, "Benchmark office")
    create_user(db.sessions, "bench", office="Benchmark office", password=PASSWORD, role="reviewer")
    db.engine.dispose()
    port = _free_port()
    base = f"http://127.0.0.1:{port}"
    log = open(workdir / "server.log", "wb")  # noqa: SIM115
    proc = subprocess.Popen(
        [sys.executable, "-m", "cli", "serve", "--port", str(port)],
        env=full_env,
        start_new_session=True,
        stdout=log,
        stderr=log,
    )
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                if httpx.get(f"{base}/health", timeout=1).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            if time.monotonic() > deadline or proc.poll() is not None:
                raise RuntimeError(f"server did not start; see {workdir / 'server.log'}")
            time.sleep(0.2)
        token = httpx.post(f"{base}/auth/token", data={"username": "bench", "password": PASSWORD}).json()
        yield Server(base, token["access_token"], data)
    finally:
        try:
            os.killpg(proc.pid, signal.SIGTERM)
            proc.wait(timeout=20)
        except (ProcessLookupError, subprocess.TimeoutExpired):
            os.killpg(proc.pid, signal.SIGKILL)
        log.close()
