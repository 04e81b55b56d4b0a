"""Accuracy of the enforcement reader on generated decisions (tests/enforcement/synthetic.py): each
decision is written from invented parameters, and the reader is checked against those parameters.

    python benchmarks/enforcement_synthetic.py [--n 200] [--seed0 0] [--show 5] [--scans DIR]

Prints accuracy per enforcement field, parties and obligations P/R/F1 (obligations as kind, payer
names, payee names, amount; fees and fines are owed to STATE), and the first errors of each field.
With --scans DIR, the first few decisions are rendered as photocopy PDFs by make_scans.py and read
through pipelines.process.process_file instead of from text.
"""

from __future__ import annotations

import argparse
import importlib.util
import subprocess
import sys
import unicodedata
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"


def _load_synthetic():
    spec = importlib.util.spec_from_file_location(
        "synthetic", ROOT / "tests" / "enforcement" / "synthetic.py"
    )
    mod = importlib.util.module_from_spec(spec)
    sys.modules["synthetic"] = mod
    spec.loader.exec_module(mod)
    return mod


def fold(v: object) -> object:
    if not isinstance(v, str):
        return v
    t = unicodedata.normalize("NFC", v).lower()
    t = t.replace("thads", "thi hành án dân sự")
    return " ".join(t.split())


def _get(enf: dict, path: str) -> object:
    cur: object = enf
    for part in path.split("."):
        cur = cur.get(part) if isinstance(cur, dict) else None
    return cur


def _obligations(data: dict) -> Counter:
    names = {p["id"]: fold(p["name"]) for p in data["parties"]}
    out: Counter = Counter()
    for o in data["obligations"]:
        ors = tuple(sorted(names.get(i, "state" if i == "STATE" else i) for i in o["obligors"]))
        oes = tuple(sorted(names.get(i, "state" if i == "STATE" else i) for i in o["obligees"]))
        out[(o["kind"], ors, oes, o["amount_vnd"])] += 1
    return out


def _expected_obligations(sample) -> Counter:
    out: Counter = Counter()
    for it in sample.items:
        oes = tuple(sorted(fold(n) for n in it.obligees)) or ("state",)
        out[(it.kind, tuple(sorted(fold(n) for n in it.obligors)), oes, it.amount)] += 1
    return out


def _prf(tp: int, fp: int, fn: int) -> str:
    p = tp / (tp + fp) if tp + fp else 1.0
    rc = tp / (tp + fn) if tp + fn else 1.0
    f = 2 * p * rc / (p + rc) if p + rc else 0.0
    return f"P {p:.3f} R {rc:.3f} F1 {f:.3f}"


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, default=200)
    ap.add_argument("--seed0", type=int, default=0)
    ap.add_argument("--show", type=int, default=3)
    ap.add_argument("--scans", help="render as photocopy scans here and read them through OCR")
    args = ap.parse_args()
    syn = _load_synthetic()
    from docproc.document import Document
    from docproc.extract import extract

    hits: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    errors: dict[str, list[str]] = defaultdict(list)
    counts = {"parties": [0, 0, 0], "obligations": [0, 0, 0]}
    for seed in range(args.seed0, args.seed0 + args.n):
        s = syn.make(seed)
        if args.scans:
            out = Path(args.scans)
            out.mkdir(parents=True, exist_ok=True)
            txt = out / f"s{seed}.txt"
            same = (
                txt.exists() and txt.read_text(encoding="utf-8") == s.text and any(out.rglob(f"s{seed}.pdf"))
            )
            txt.write_text(s.text, encoding="utf-8")
            if not same:  # a scan of this very text is reused (before/after runs read the same images)
                subprocess.run(
                    [
                        sys.executable,
                        str(SHARED / "eval" / "make_scans.py"),
                        str(txt),
                        "--out",
                        str(out),
                        "--format",
                        "pdf",
                        "--level",
                        "photocopy",
                    ],
                    check=True,
                    capture_output=True,
                )
            from pipelines.process import process_file

            pdf = next(out.rglob(f"s{seed}.pdf"))  # make_scans.py writes OUT/LEVEL/NAME.pdf
            res = process_file(pdf, source=pdf.name)
            data = res.extraction.to_json_dict()
            (out / f"s{seed}.ocr.txt").write_text(res.document.text, encoding="utf-8")
        else:
            data = extract(Document.from_text(s.text, source=f"s{seed}.txt")).to_json_dict()
        enf = data.get("enforcement") or {}
        for key, want in s.enforcement.items():
            got = _get(enf, key)
            if want is None and got is None:
                continue
            ok = fold(got) == fold(want)
            hits[key][0] += ok
            hits[key][1] += 1
            if not ok:
                errors[key].append(f"seed {seed} ({s.enforcement['decision_type']}): {got!r} != {want!r}")
        got_p = {fold(p["name"]): p for p in data["parties"]}
        for p in s.parties:
            g = got_p.get(fold(p.name))
            if g is None:
                continue
            for key, want in (
                ("address", p.address),
                ("id_number", p.id_number),
                ("birth_year", p.birth_year),
            ):
                ok = fold(g.get(key)) == fold(want)
                hits[f"party.{key}"][0] += ok
                hits[f"party.{key}"][1] += 1
                if not ok:
                    errors[f"party.{key}"].append(f"seed {seed}: {g.get(key)!r} != {want!r}")
        ga = Counter(s.assets)
        pa: Counter = Counter()
        names = {p["id"]: p["name"] for p in data["parties"]}
        for a in data["assets"]:
            ident = a.get("certificate") or a.get("plate") or "|".join(names.get(i, i) for i in a["owners"])
            pa[(a["kind"], ident)] += 1
        counts.setdefault("assets", [0, 0, 0])
        tp = sum((ga & pa).values())
        counts["assets"][0] += tp
        counts["assets"][1] += sum(pa.values()) - tp
        counts["assets"][2] += sum(ga.values()) - tp
        if ga != pa:
            errors["assets"].append(f"seed {seed}: missed {dict(ga - pa)} extra {dict(pa - ga)}")
        gp = Counter((p.role, fold(p.name)) for p in s.parties)
        pp = Counter((p["role"], fold(p["name"])) for p in data["parties"])
        go, po = _expected_obligations(s), _obligations(data)
        for name, g, p in (("parties", gp, pp), ("obligations", go, po)):
            tp = sum((g & p).values())
            c = counts[name]
            c[0] += tp
            c[1] += sum(p.values()) - tp
            c[2] += sum(g.values()) - tp
            if g != p:
                errors[name].append(
                    f"seed {seed} ({s.enforcement['decision_type']}): missed {dict(g - p)} extra {dict(p - g)}"
                )
    for key, (ok, n) in hits.items():
        print(f"{key:24s} {ok / n:.3f}  ({ok}/{n})")
    for name, (tp, fp, fn) in counts.items():
        print(f"{name:24s} {_prf(tp, fp, fn)}")
    for key, errs in errors.items():
        for e in errs[: args.show]:
            print(f"  {key}: {e}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
