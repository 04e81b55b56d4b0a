"""Generalisation by document family, rules frozen: one row per family, and the older documents beside
the newest (c4-*, od-*) and beside a held-out split, scored exactly like ../shared/eval/score.py.

    python benchmarks/family_eval.py [--corpus ../shared/corpus] [--sets dev openings-dev] [--json OUT]

Families come from the gold header, never from the text (so a misread header cannot move a document):
decisions (document kind decision), criminal (HS), family (HNGĐ), labour (LĐ), administrative (HC),
credit (a credit or loan dispute), civil (the other DS/KDTM disputes). Openings are also grouped by
court level: supreme, high (cấp cao), province, district or regional.

The held-out split (`--held-out`, default c4-21..c4-31 and od-010..od-017) is what the rules'
author does not look at while writing rules; its row says how the rules do on text they were not
fitted to.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import re
from collections import Counter, defaultdict
from pathlib import Path

SHARED = Path(__file__).resolve().parents[2] / "shared"
FACTS = ("parties", "money", "amounts", "court_fees", "assets", "security")
CASE_FIELDS = ("number", "date", "type_code", "instance", "court")
DEFAULT_HELD_OUT = "c4-2[13579],c4-3[01],od-01[0-7]"


def _load_scorer(path: Path):  # noqa: ANN202  (a module object)
    spec = importlib.util.spec_from_file_location("score", path)
    assert spec is not None and spec.loader is not None
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def family(gold: dict) -> str:
    """The document family from the gold header and subject."""
    case = gold.get("case") or {}
    kind = (gold.get("document") or {}).get("kind")
    code = (case.get("type_code") or "").upper().replace("Đ", "D")
    subject = (case.get("subject") or "").lower()
    if kind == "decision":
        return "decisions"
    if code == "HS":
        return "criminal"
    if code == "HNGD":
        return "family"
    if code == "LD":
        return "labour"
    if code == "HC":
        return "administrative"
    if "tín dụng" in subject or "vay" in subject:
        return "credit"
    return "civil"


def court_level(gold: dict) -> str:
    court = ((gold.get("case") or {}).get("court") or "").lower()
    if "tối cao" in court:
        return "court:supreme"
    if "cấp cao" in court:
        return "court:high"
    if re.search(r"khu vực|huyện|quận|thị xã|thành phố [^,]+, (tỉnh|thành phố)", court):
        return "court:district/regional"
    return "court:province"


class Tally:
    """Counts for one group of documents, summed the way score.py sums them."""

    def __init__(self) -> None:
        self.facts: dict[str, list[int]] = {k: [0, 0, 0] for k in FACTS}
        self.case: dict[str, list[int]] = {f: [0, 0] for f in CASE_FIELDS}
        self.docs = 0

    def add(self, scorer, gold: dict, pred: dict) -> None:  # noqa: ANN001
        self.docs += 1
        gf, pf = scorer.facts(gold), scorer.facts(pred)
        for key in FACTS:
            tp = sum((gf[key] & pf[key]).values())
            t = self.facts[key]
            t[0] += tp
            t[1] += sum(pf[key].values()) - tp
            t[2] += sum(gf[key].values()) - tp
        for f, (hit, n) in scorer.case_hits(gold, pred).items():
            self.case[f][0] += hit
            self.case[f][1] += n

    def row(self, scorer) -> dict[str, float | int | None]:  # noqa: ANN001
        out: dict[str, float | int | None] = {"n": self.docs}
        f1s = []
        for key, (tp, fp, fn) in self.facts.items():
            f1 = scorer.prf(tp, fp, fn)[2]
            f1s.append(f1)
            out[key] = round(f1, 3) if tp + fp + fn else None
        out["macro"] = round(sum(f1s) / len(f1s), 3)
        for f, (hit, n) in self.case.items():
            out[f"case.{f}"] = round(hit / n, 3) if n else None
        return out


def _extract_all(txt_dir: Path) -> dict[str, dict]:
    from docproc.document import Document
    from docproc.extract import extract

    out = {}
    for path in sorted(txt_dir.glob("*.txt")):
        doc = Document.from_text(path.read_text(encoding="utf-8"), source=path.name)
        out[path.stem] = extract(doc).to_json_dict()
    return out


def _print(rows: dict[str, dict], title: str) -> None:
    cols = ["n", "macro", *FACTS, *(f"case.{f}" for f in CASE_FIELDS)]
    short = {"court_fees": "fees", "case.type_code": "type", "case.instance": "inst", "case.number": "num"}
    print(f"\n{title}")
    print(f"{'group':<26}" + "".join(f"{short.get(c, c.removeprefix('case.')):>9}" for c in cols))
    for name, row in rows.items():
        cells = []
        for c in cols:
            v = row.get(c)
            cells.append(f"{'-':>9}" if v is None else (f"{v:>9d}" if c == "n" else f"{v:>9.3f}"))
        print(f"{name:<26}" + "".join(cells))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", type=Path, default=SHARED / "corpus")
    ap.add_argument("--sets", nargs="+", default=["dev", "openings-dev"])
    ap.add_argument("--held-out", default=DEFAULT_HELD_OUT, help="comma-separated regexes of stems")
    ap.add_argument("--json", type=Path)
    args = ap.parse_args(argv)
    scorer = _load_scorer(SHARED / "eval" / "score.py")
    held = [re.compile(p + r"$") for p in args.held_out.split(",") if p]
    report: dict[str, dict[str, dict]] = {}
    for name in args.sets:
        preds = _extract_all(args.corpus / name / "txt")
        groups: dict[str, Tally] = defaultdict(Tally)
        kinds: Counter[str] = Counter()
        for gpath in sorted((args.corpus / name / "gold").glob("*.json")):
            gold = json.loads(gpath.read_text(encoding="utf-8"))
            pred = preds.get(gpath.stem, {})
            newest = gpath.stem.startswith(("c4-", "od-"))
            keys = [
                "all",
                "newest (c4, od)" if newest else "older",
                "held-out split" if any(h.match(gpath.stem) for h in held) else "development split",
                family(gold),
            ]
            if name.startswith("openings"):
                keys.append(court_level(gold))
            for k in keys:
                groups[k].add(scorer, gold, pred)
            kinds[family(gold)] += 1
        order = ["all", "older", "newest (c4, od)", "development split", "held-out split"]
        rows = {k: groups[k].row(scorer) for k in order if k in groups}
        rows.update({k: groups[k].row(scorer) for k in sorted(groups) if k not in rows})
        report[name] = rows
        _print(rows, f"{name} (rules frozen; F1 per fact, accuracy per case field)")
    if args.json:
        args.json.write_text(json.dumps(report, ensure_ascii=False, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
