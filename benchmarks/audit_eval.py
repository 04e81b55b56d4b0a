"""Link and audit enforcement decisions against judgments; write what score_enforcement.py scores.

    python benchmarks/audit_eval.py DECISIONS_DIR JUDGMENTS_DIR --out PRED [--gold GOLD] [--names e01-e16]
           [--perturb]

DECISIONS_DIR: decision extractions (eNN.json; *.audit.json there are ignored); JUDGMENTS_DIR: the
judgment extractions of the archive (gold or our own). PRED receives eNN.json (the decision copied, so
the extraction part scores what it is) and eNN.audit.json. With --gold, a gold subset for --names is
made beside PRED and scored with ../shared/eval/score_enforcement.py. --perturb damages the cited
judgment reference of every decision first (OCR digits, spaces, court abbreviations), to measure how
tolerant linking is; --perturb-dates also mistypes the cited date (the link must hold, and the audit
then reports a wrong judgment reference that the gold does not have).
"""

from __future__ import annotations

import argparse
import json
import random
import re
import shutil
import subprocess
import sys
from pathlib import Path

from docproc.audit import audit_archive

ROOT = Path(__file__).resolve().parents[1]
SCORER = ROOT.parent / "shared" / "eval" / "score_enforcement.py"


def _names(spec: str | None, available: list[str]) -> list[str]:
    if not spec:
        return available
    m = re.fullmatch(r"e(\d+)-e(\d+)", spec)
    if m:
        lo, hi = int(m.group(1)), int(m.group(2))
        return [n for n in available if n[1:].isdigit() and lo <= int(n[1:]) <= hi]
    return [n for n in spec.split(",") if n in available]


_OCR = {"1": "l", "0": "O", "5": "S", "8": "B"}


def perturb(doc: dict, rng: random.Random, dates: bool = False) -> dict:
    """Damage the cited judgment the way OCR and typing do: digit look-alikes, a space inside the
    symbol, 'Toà'/'TAND' for 'Tòa án nhân dân'."""
    doc = json.loads(json.dumps(doc))
    ref = (doc.get("enforcement") or {}).get("judgment") or {}
    if ref.get("number"):
        num = "".join(_OCR.get(c, c) if c in _OCR and rng.random() < 0.5 else c for c in ref["number"])
        k = rng.randrange(1, len(num))
        ref["number"] = num[:k] + " " + num[k:]
    if dates and ref.get("date"):  # a typed day or month (the audit then rightly reports the reference)
        y, m, d = ref["date"].split("-")
        ref["date"] = (
            f"{y}-{m}-{(int(d) % 28) + 1:02d}" if rng.random() < 0.5 else f"{y}-{(int(m) % 12) + 1:02d}-{d}"
        )
    if ref.get("court"):
        ref["court"] = rng.choice(
            [ref["court"].replace("Tòa án nhân dân", "TAND"), ref["court"].replace("Tòa", "Toà")]
        )
    return doc


def run(
    decisions_dir: Path,
    judgments_dir: Path,
    out: Path,
    names: list[str],
    do_perturb: bool,
    dates: bool = False,
) -> None:
    docs = {}
    for p in sorted(judgments_dir.glob("*.json")):
        if not p.name.endswith(".audit.json"):
            docs[p.stem] = json.loads(p.read_text(encoding="utf-8"))
    rng = random.Random(15)
    out.mkdir(parents=True, exist_ok=True)
    for n in names:
        d = json.loads((decisions_dir / f"{n}.json").read_text(encoding="utf-8"))
        docs[n] = perturb(d, rng, dates) if do_perturb else d
        shutil.copy(decisions_dir / f"{n}.json", out / f"{n}.json")
    audits, _, _ = audit_archive(docs)
    for n in names:
        (out / f"{n}.audit.json").write_text(
            json.dumps(audits[n], ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
        )


def _load(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("decisions", type=Path)
    ap.add_argument("judgments", type=Path)
    ap.add_argument("--out", type=Path, required=True)
    ap.add_argument("--gold", type=Path, help="gold dir (eNN.json + eNN.audit.json) to score against")
    ap.add_argument("--names", help="e01-e16 or e01,e02,...")
    ap.add_argument("--perturb", action="store_true")
    ap.add_argument(
        "--perturb-dates", action="store_true", help="with --perturb: also mistype the cited date"
    )
    ap.add_argument("--json", type=Path, help="write the scorer's summary here")
    args = ap.parse_args(argv)
    available = sorted(p.stem for p in args.decisions.glob("e*.json") if not p.name.endswith(".audit.json"))
    names = _names(args.names, available)
    run(args.decisions, args.judgments, args.out, names, args.perturb, args.perturb_dates)
    if not args.gold:
        return 0
    gold_sub = args.out.parent / (args.out.name + ".gold")
    shutil.rmtree(gold_sub, ignore_errors=True)
    gold_sub.mkdir(parents=True)
    for n in names:
        for suffix in (".json", ".audit.json"):
            shutil.copy(args.gold / f"{n}{suffix}", gold_sub / f"{n}{suffix}")
    cmd = [sys.executable, str(SCORER), str(gold_sub), str(args.out), "--show-errors"]
    if args.json:
        cmd += ["--json", str(args.json)]
    res = subprocess.run(cmd, capture_output=True, text=True)
    lines = [ln for ln in res.stdout.splitlines() if "\taudit\t" in ln or ln.startswith("audit")]
    print("\n".join(lines))
    clean = [n for n in names if not _load(args.gold / f"{n}.audit.json")["discrepancies"]]
    raised = [n for n in clean if _load(args.out / f"{n}.audit.json")["discrepancies"]]
    print(f"clean decisions with a discrepancy raised: {len(raised)} of {len(clean)} {raised or ''}")
    return res.returncode


if __name__ == "__main__":
    sys.exit(main())
