"""How many variants of each judgment change its extraction: the perturbations of
tests/extract/perturbations.py (honorific, numbering, spacing, tone placement, amount format, header
layout) applied to every text of a corpus folder, the scored facts (score.py's `facts` and case fields)
compared with those of the unperturbed text.

    python benchmarks/perturbation_eval.py [TXT_DIR] [--show]
"""

from __future__ import annotations

import argparse
import importlib.util
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"


def _load(path: Path, name: str):  # noqa: ANN202  (a module object)
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec is not None and spec.loader is not None
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def scored(scorer, ex: dict) -> dict:  # noqa: ANN001
    """The facts the scorer compares, and the case fields, as one comparable value."""
    out = {k: sorted(map(repr, v.elements())) for k, v in scorer.facts(ex).items()}
    case = ex.get("case") or {}
    out["case"] = [case.get(f) if f != "court" else scorer.fold(case.get(f)) for f in scorer.CASE_FIELDS]
    return out


def diff(a: dict, b: dict) -> list[str]:
    return [k for k in a if a[k] != b[k]]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("txt_dir", type=Path, nargs="?", default=SHARED / "corpus" / "dev" / "txt")
    ap.add_argument("--show", action="store_true", help="print which facts change per variant")
    args = ap.parse_args(argv)
    from docproc.document import Document
    from docproc.extract import extract

    scorer = _load(SHARED / "eval" / "score.py", "score")
    pert = _load(ROOT / "tests" / "extract" / "perturbations.py", "perturbations")
    changed: Counter[str] = Counter()
    total: Counter[str] = Counter()
    for path in sorted(args.txt_dir.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        base = scored(scorer, extract(Document.from_text(text, source=path.name)).to_json_dict())
        for name, variant in pert.variants(text).items():
            total[name] += 1
            got = scored(scorer, extract(Document.from_text(variant, source=path.name)).to_json_dict())
            d = diff(base, got)
            if d:
                changed[name] += 1
                if args.show:
                    print(f"{path.stem}\t{name}\t{','.join(d)}")
    print(f"{'perturbation':<20}{'changed':>9}{'variants':>9}")
    for name in total:
        print(f"{name:<20}{changed[name]:>9}{total[name]:>9}")
    print(f"{'all':<20}{sum(changed.values()):>9}{sum(total.values()):>9}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
