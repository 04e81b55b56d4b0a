"""Peak memory and time of `docproc process CASE good.txt` for every hostile case (issue 16), measured with
GNU time (`/usr/bin/time -v`: the largest resident set of the run or of any process it started).

    python benchmarks/hostile_measure.py --work /tmp/hostile [--cases pdf_flate_bomb,docx_zip_bomb]

Prints one row per case: exit code, peak MiB, seconds, and the error line docproc printed.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests" / "hostile"))

import make_hostile as mh  # noqa: E402


def measure(name: str, work: Path) -> tuple[int, float, float, str]:
    d = work / name
    shutil.rmtree(d, ignore_errors=True)
    path, case = mh.build(name, d / "case")
    good = mh.good_text(d)
    env = {**os.environ, "PYTHONPATH": str(ROOT), **dict(case.env)}
    cmd = ["/usr/bin/time", "-v", sys.executable, "-c", "from cli import main; main()"]
    cmd += ["process", str(path), str(good), "--out", str(d / "out")]
    proc = subprocess.run(cmd, capture_output=True, env=env, timeout=600)
    err = proc.stderr.decode("utf-8", "replace")
    rss = re.search(r"Maximum resident set size \(kbytes\): (\d+)", err)
    wall = re.search(r"Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (?:(\d+):)?(\d+):([\d.]+)", err)
    seconds = 0.0
    if wall:
        h, m, s = wall.groups()
        seconds = int(h or 0) * 3600 + int(m) * 60 + float(s)
    line = next((ln for ln in err.splitlines() if ln.startswith("error ")), "")
    return proc.returncode, int(rss.group(1)) / 1024 if rss else 0.0, seconds, line


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--work", type=Path, default=Path("/tmp/hostile-measure"))
    parser.add_argument("--cases", help="comma-separated case names (default: all)")
    args = parser.parse_args()
    names = args.cases.split(",") if args.cases else list(mh.CASES)
    print("| case | exit | peak MiB | seconds | message |\n|---|---|---|---|---|")
    for name in names:
        code, mib, seconds, line = measure(name, args.work)
        msg = line.split(": ", 1)[-1] if line else ""
        print(f"| {name} | {code} | {mib:.0f} | {seconds:.1f} | {msg[:90]} |", flush=True)


if __name__ == "__main__":
    main()
