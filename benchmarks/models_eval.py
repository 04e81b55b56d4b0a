"""Cross-validated accuracy of the learned backends against the rules, per fact class.

    python benchmarks/models_eval.py [--backends spacy transformers] [--folds 3] [--epochs N]
                                     [--ocr-dir DIR] [--sections] [--json OUT.json] [--work DIR]

Documents of ../shared/corpus/dev and openings-dev are split into k folds (round robin within each
set). For each fold a model is trained on the other folds (clean text, plus the OCR text of the
training documents when --ocr-dir holds OCR texts of dev: DIR/NAME.txt, e.g. made by rendering dev
with ../shared/eval/make_scans.py --format pdf and reading it with pipelines.process.read_document),
and the held-out documents are extracted by the rules alone and by rules + the learned backend
(docproc/extract/learned.py, models/learned.cfg). Scores use ../shared/eval/score.py's comparison:
F1 per fact class for each set (dev text, openings-dev text, dev OCR text), the learned recogniser's
own span F1 per label on held-out documents, and CPU time per document.

--sections (needs --ocr-dir) adds the section classifier (models/section_clf.py): per-line agreement
with the clean text's sections on the OCR text of held-out dev documents, the classifier (trained on
the other folds' clean and OCR texts, labelled by the rules' segmentation of the clean text) against
the rules run on the OCR text. `--backends` with no name runs only that.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import statistics
import sys
import time
from collections import Counter
from pathlib import Path

SHARED = Path(__file__).resolve().parents[2] / "shared"
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))


def _scorer():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("docproc_score", SHARED / "eval" / "score.py")
    mod = importlib.util.module_from_spec(spec)  # type: ignore[arg-type]
    spec.loader.exec_module(mod)  # type: ignore[union-attr]
    return mod


def score_set(sc, pairs: list[tuple[dict, dict]]) -> dict[str, float]:  # type: ignore[no-untyped-def]
    """F1 per fact class and case accuracy over (gold, predicted) pairs, as score.py computes them."""
    totals: dict[str, list[int]] = {}
    case = {f: [0, 0] for f in sc.CASE_FIELDS}
    for gold, pred in pairs:
        gf, pf = sc.facts(gold), sc.facts(pred)
        for key in gf:
            tp = sum((gf[key] & pf[key]).values())
            t = totals.setdefault(key, [0, 0, 0])
            t[0] += tp
            t[1] += sum(pf[key].values()) - tp
            t[2] += sum(gf[key].values()) - tp
        for f, (hit, n) in sc.case_hits(gold, pred).items():
            case[f][0] += hit
            case[f][1] += n
    out: dict[str, float] = {}
    f1s = []
    for key, (tp, fp, fn) in totals.items():
        f = sc.prf(tp, fp, fn)[2]
        if tp + fn or fp:
            out[key] = round(f, 4)
            f1s.append(f)
    for f, (hit, n) in case.items():
        if n:
            out[f"case.{f}"] = round(hit / n, 4)
    out["macro_f1"] = round(sum(f1s) / len(f1s), 4) if f1s else 0.0
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--backends", nargs="*", default=["spacy", "transformers"])
    ap.add_argument("--folds", type=int, default=3)
    ap.add_argument("--epochs", type=int, default=None, help="default: each backend's own")
    ap.add_argument("--ocr-dir", type=Path, default=None, help="OCR texts of dev (NAME.txt)")
    ap.add_argument("--sections", action="store_true", help="also the section classifier (--ocr-dir)")
    ap.add_argument("--work", type=Path, default=Path("/tmp/docproc-models-eval"))
    ap.add_argument("--json", type=Path, default=None)
    args = ap.parse_args(argv)

    from docproc.config import get_settings
    from docproc.document import Document
    from docproc.extract import extract
    from docproc.extract.components import build_pipeline, run_pipeline
    from docproc.extract.learned import build_learned_pipeline
    from models.backends import load_backend, train_backend
    from models.data import load_corpus
    from models.metrics import span_scores

    sc = _scorer()
    corpus = SHARED / "corpus"
    sets: dict[str, list] = {
        "dev": load_corpus(corpus / "dev"),
        "openings": load_corpus(corpus / "openings-dev"),
    }
    golds = {
        ex.id: json.loads((corpus / d / "gold" / f"{ex.id}.json").read_text(encoding="utf-8"))
        for d, key in (("dev", "dev"), ("openings-dev", "openings"))
        for ex in sets[key]
    }
    if args.ocr_dir and any(args.ocr_dir.glob("*.txt")):
        sets["dev_ocr"] = load_corpus(corpus / "dev", text_dir=args.ocr_dir, fuzzy=True)
        for ex in sets["dev_ocr"]:
            ex.id = f"{ex.id}@ocr"
    fold_of = {ex.id: i % args.folds for exs in sets.values() for i, ex in enumerate(exs)}

    def gold_of(doc_id: str) -> dict:
        return golds[doc_id.removesuffix("@ocr")]

    rules_nlp = build_pipeline(get_settings().models_dir / "rules.cfg")
    results: dict = {"folds": args.folds, "documents": {k: len(v) for k, v in sets.items()}}
    preds: dict[str, dict[str, dict]] = {"rules": {}}
    times: dict[str, list[float]] = {"rules": []}
    for exs in sets.values():
        for ex in exs:
            doc = Document.from_text(ex.text, source=ex.id)
            t0 = time.perf_counter()
            preds["rules"][ex.id] = run_pipeline(rules_nlp, doc).to_json_dict()
            times["rules"].append(time.perf_counter() - t0)
    del extract
    spans: dict[str, dict[str, dict]] = {}
    for backend in args.backends:
        preds[backend], times[backend], ner_pairs = {}, [], {k: [] for k in sets}
        times[f"{backend} (recogniser only)"] = []
        for k in range(args.folds):
            train = [ex for exs in sets.values() for ex in exs if fold_of[ex.id] != k]
            out = args.work / backend / f"fold{k}"
            t0 = time.perf_counter()
            train_backend(
                backend, train, out, epochs=args.epochs, log=lambda m: print(f"  {m}", file=sys.stderr)
            )
            print(
                f"{backend} fold {k}: trained on {len(train)} documents in {time.perf_counter() - t0:.0f} s",
                file=sys.stderr,
            )
            ner = load_backend(backend, out)
            nlp = build_learned_pipeline(backend, out)
            # each merge alone, to see which one helps or hurts
            partial = {
                f"{backend}:parties": build_learned_pipeline(backend, out, fill=False),
                f"{backend}:fill": build_learned_pipeline(backend, out, parties=False),
            }
            for name, exs in sets.items():
                for ex in exs:
                    if fold_of[ex.id] != k:
                        continue
                    t0 = time.perf_counter()
                    pred = ner.predict(ex.text)
                    times[f"{backend} (recogniser only)"].append(time.perf_counter() - t0)
                    ner_pairs[name].append((ex, pred))
                    doc = Document.from_text(ex.text, source=ex.id)
                    t0 = time.perf_counter()
                    preds[backend][ex.id] = run_pipeline(nlp, doc).to_json_dict()
                    times[backend].append(time.perf_counter() - t0)
                    for system, pipe in partial.items():
                        preds.setdefault(system, {})[ex.id] = run_pipeline(pipe, doc).to_json_dict()
        spans[backend] = {name: span_scores(pairs) for name, pairs in ner_pairs.items()}
    if args.sections and "dev_ocr" in sets:
        from docproc.text import decode_bytes
        from models.section_clf import cross_validate as sections_cv

        read = lambda p: decode_bytes(p.read_bytes())[0]  # noqa: E731
        t0 = time.perf_counter()
        res = sections_cv(
            {p.stem: read(p) for p in sorted((corpus / "dev" / "txt").glob("*.txt"))},
            {p.stem: read(p) for p in sorted(args.ocr_dir.glob("*.txt"))},
            folds=args.folds,
            log=lambda m: print(f"  {m}", file=sys.stderr),
        )
        res["seconds"] = round(time.perf_counter() - t0, 1)
        results["sections"] = res
    table: dict[str, dict[str, dict[str, float]]] = {}
    for name, exs in sets.items():
        table[name] = {
            system: score_set(sc, [(gold_of(ex.id), preds[system][ex.id]) for ex in exs]) for system in preds
        }
    results["facts"] = table
    results["spans"] = spans
    results["ms_per_document"] = {
        s: {"median": round(statistics.median(v) * 1000, 1), "mean": round(statistics.mean(v) * 1000, 1)}
        for s, v in times.items()
        if v
    }
    results["unaligned_gold_values"] = {
        name: dict(Counter(lab for ex in exs for lab in ex.unaligned)) for name, exs in sets.items()
    }
    _print(results)
    if args.json:
        args.json.write_text(json.dumps(results, ensure_ascii=False, indent=1), encoding="utf-8")
    return 0


def _print(results: dict) -> None:
    for name, systems in results["facts"].items():
        keys = sorted(
            {k for s in systems.values() for k in s}, key=lambda k: (k.startswith("case"), k == "macro_f1", k)
        )
        print(f"\n### {name} ({results['documents'][name]} documents, {results['folds']}-fold CV)\n")
        print("| fact | " + " | ".join(systems) + " |")
        print("|---|" + "---:|" * len(systems))
        for k in keys:
            print(f"| {k} | " + " | ".join(f"{systems[s].get(k, float('nan')):.3f}" for s in systems) + " |")
    for backend, by_set in results["spans"].items():
        print(f"\n### {backend} recogniser alone: span F1 on held-out documents\n")
        labels = sorted({lab for s in by_set.values() for lab in s})
        print("| label | " + " | ".join(by_set) + " |")
        print("|---|" + "---:|" * len(by_set))
        for lab in labels:
            cells = []
            for s in by_set.values():
                v = s.get(lab)
                cells.append(f"{v['f1']:.3f} ({v['gold']})" if v else "-")
            print(f"| {lab} | " + " | ".join(cells) + " |")
    if "sections" in results:
        sec = results["sections"]
        print(
            f"\n### sections: per-line agreement with the clean text's sections, OCR text "
            f"({sec['documents']} documents, {sec['lines']} lines, {sec['folds']}-fold CV)\n"
        )
        print("| section | lines | rules on OCR | classifier on OCR |")
        print("|---|---:|---:|---:|")
        for name, v in sec["per_section"].items():
            if v["rules"][1]:
                print(f"| {name} | {v['rules'][1]} | {v['rules'][0]:.4f} | {v['learned'][0]:.4f} |")
        a = sec["agreement"]
        print(f"| all | {sec['lines']} | {a['rules']:.4f} | {a['learned']:.4f} |")
        print(f"\n(classifier on the clean text against the rules there: {a['learned_clean']:.4f})")
    print("\n### CPU time per document (ms)\n")
    for s, v in results["ms_per_document"].items():
        print(f"- {s}: median {v['median']}, mean {v['mean']}")


if __name__ == "__main__":
    raise SystemExit(main())
