"""Does a confidence mean something? For every evidence record of predicted extractions, decide
whether the value it supports is right (against gold, with score.py's folding), and report the share
right per confidence bin. Target (issue 4): of fields with confidence ≥ 0.9, at least 90% right.

    python benchmarks/calibration.py GOLD_DIR PRED_DIR
(PRED_DIR as written by benchmarks/extract_eval.py or extract_ocr_eval.py)
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import re
from collections import defaultdict
from pathlib import Path

SHARED = Path(__file__).resolve().parents[2] / "shared"
_spec = importlib.util.spec_from_file_location("shared_score", SHARED / "eval" / "score.py")
score = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(score)

BINS = ((0.9, 1.01), (0.7, 0.9), (0.5, 0.7), (0.0, 0.5))


def _party_facts(doc: dict) -> dict[str, dict]:
    return {score.fold(p.get("name")): p for p in doc.get("parties", [])}


def judge(pointer: str, pred: dict, gold: dict) -> bool | None:
    """Whether the value at `pointer` is right; None when it cannot be judged."""
    parts = pointer.strip("/").split("/")
    if parts[0] == "case" and len(parts) == 2:
        f = parts[1]
        g, p = (gold.get("case") or {}).get(f), (pred.get("case") or {}).get(f)
        if g in (None, "") and p in (None, ""):
            return None
        return score.fold(str(g)) == score.fold(str(p)) if f in ("court", "subject") else g == p
    if parts[0] == "parties" and len(parts) >= 3:
        party = pred["parties"][int(parts[1])]
        gp = _party_facts(gold).get(score.fold(party.get("name")))
        if parts[2] in ("name", "role"):
            return gp is not None and gp.get("role") == party.get("role")
        if gp is None:
            return False
        if parts[2] in ("birth_year", "id_number"):
            return gp.get(parts[2]) == party.get(parts[2])
        if parts[2] == "address":
            return score.fold(gp.get("address")) == score.fold(party.get("address"))
        return None
    if parts[0] == "obligations" and len(parts) >= 2:
        ob = pred["obligations"][int(parts[1])]
        one = {"parties": pred.get("parties", []), "obligations": [ob], "assets": pred.get("assets", [])}
        pf, gf = score.facts(one), score.facts(gold)
        keys = [k for k in ("money", "court_fees") if pf[k]]
        if not keys:  # kinds score.py does not compare (refund, deliver_asset, perform_act)
            return None
        return all(not (pf[k] - gf[k]) for k in keys)
    if parts[0] == "assets" and len(parts) >= 2:
        asset = pred["assets"][int(parts[1])]
        return score.asset_key(asset, pred) in score.facts(gold)["assets"]
    return None


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("gold", type=Path)
    ap.add_argument("pred", type=Path)
    args = ap.parse_args(argv)
    tally: dict[tuple[float, float], list[int]] = defaultdict(lambda: [0, 0])
    by_field: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for gpath in sorted(args.gold.glob("*.json")):
        ppath = args.pred / gpath.name
        if not ppath.exists():
            continue
        gold, pred = (json.loads(p.read_text(encoding="utf-8")) for p in (gpath, ppath))
        for pointer, ev in pred.get("evidence", {}).items():
            conf = ev.get("confidence")
            if conf is None:
                continue
            ok = judge(pointer, pred, gold)
            if ok is None:
                continue
            b = next(b for b in BINS if b[0] <= conf < b[1])
            tally[b][0] += ok
            tally[b][1] += 1
            if conf >= 0.9:
                field = re.sub(r"/\d+", "/*", pointer)
                by_field[field][0] += ok
                by_field[field][1] += 1
    print(f"{'confidence':<12}{'fields':>8}{'right':>8}")
    for b in BINS:
        right, n = tally[b]
        print(f"[{b[0]:.1f}, {min(b[1], 1):.1f}) {n:8d}{(right / n if n else float('nan')):8.3f}")
    worst = sorted(((r / n, f, n) for f, (r, n) in by_field.items() if n), key=lambda x: x[0])[:8]
    print(
        "least reliable fields at confidence ≥ 0.9:", ", ".join(f"{f} {p:.2f} (n={n})" for p, f, n in worst)
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
