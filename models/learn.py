"""`docproc train` and `docproc learn`: training a backend, and retraining from reviewers' corrections.

`learn` keeps a model only when it is better: it cross-validates on dev the current recipe (the base
corpora) and the recipe with the corrections added, each fold's model trained without the held-out
dev documents, and compares the recognisers' span F1 on them. If the corrections help, the model is
retrained on everything and replaces the one in models_dir (the old one is kept as NAME.prev);
either way models_dir/NAME.learn.json records the comparison.
"""

from __future__ import annotations

import datetime as dt
import json
import shutil
import tempfile
from collections import Counter
from collections.abc import Callable, Sequence
from pathlib import Path

from models.data import Example, TextReader, load_corpus, load_data, write_jsonl

__all__ = ["default_corpora", "train_command", "write_training_data", "cross_validate", "learn"]

Log = Callable[[str], None]


def default_corpora() -> list[Path]:
    """The shared corpora the shipped models are trained on (dev and openings-dev), if present."""
    root = Path(__file__).resolve().parents[2] / "shared" / "corpus"
    return [p for p in (root / "dev", root / "openings-dev") if (p / "gold").is_dir()]


def write_training_data(examples: Sequence[Example], out: Path) -> dict[str, int]:
    """examples.jsonl (text + labelled spans), train.spacy (DocBin) and token_classification.jsonl
    (words and BIO tags; null = not annotated) in `out`."""
    from spacy.util import load_config, load_model_from_config

    from models.data import bio_words, to_docbin
    from models.spacy_ner import CONFIG

    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    write_jsonl(out / "examples.jsonl", examples)
    nlp = load_model_from_config(load_config(CONFIG), auto_fill=True)
    to_docbin(nlp, examples, out / "train.spacy")
    with open(out / "token_classification.jsonl", "w", encoding="utf-8") as fh:
        for ex in examples:
            spans, tags = bio_words(ex)
            rec = {"id": ex.id, "tokens": [ex.text[s:e] for s, e in spans], "offsets": spans, "tags": tags}
            fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
    return dict(Counter(lab for ex in examples for *_, lab in ex.spans))


def train_command(
    backend: str,
    data: Sequence[Path],
    out: Path,
    *,
    epochs: int | None,
    log: Log,
    read_text: TextReader | None = None,
) -> int:
    examples = load_data(data, read_text)
    if not examples:
        log("no training documents found in --data")
        return 2
    counts = Counter(lab for ex in examples for *_, lab in ex.spans)
    log(f"{len(examples)} documents, {sum(counts.values())} labelled spans: {dict(sorted(counts.items()))}")
    if backend == "data":
        write_training_data(examples, out)
        log(f"training data written to {out}")
        return 0
    from models.backends import train_backend

    train_backend(backend, examples, out, epochs=epochs, log=log)
    meta = {"backend": backend, "documents": len(examples), "labels": dict(counts), "epochs": epochs}
    (Path(out) / "docproc_training.json").write_text(json.dumps(meta, indent=1) + "\n", encoding="utf-8")
    log(f"{backend} model written to {out}")
    return 0


def cross_validate(
    backend: str,
    dev: Sequence[Example],
    extra: Sequence[Example],
    *,
    folds: int,
    epochs: int | None,
    log: Log,
) -> dict[str, dict[str, float]]:
    """Span scores on held-out dev folds of models trained on the other folds plus `extra`
    (examples of dev documents in `extra` are left out with their fold)."""
    from models.backends import train_backend
    from models.metrics import span_scores

    held = {ex.id: i % folds for i, ex in enumerate(dev)}
    pairs = []
    for k in range(folds):
        test = [ex for ex in dev if held[ex.id] == k]
        train = [ex for ex in dev if held[ex.id] != k] + [ex for ex in extra if held.get(ex.id, -1) != k]
        ner = train_backend(backend, train, None, epochs=epochs)
        pairs += [(ex, ner.predict(ex.text)) for ex in test]
        log(f"  fold {k + 1}/{folds}: trained on {len(train)}, tested on {len(test)}")
    return span_scores(pairs)


def learn(
    backend: str,
    corrections: Sequence[Path],
    *,
    model_dir: Path,
    dev_dir: Path,
    base: Sequence[Path],
    folds: int = 3,
    epochs: int | None = None,
    dry_run: bool = False,
    log: Log = print,
    read_text: TextReader | None = None,
) -> dict:
    """Retrain `backend` with corrections if cross-validation on dev says it helps."""
    dev = load_corpus(dev_dir)
    dev_ids = {ex.id for ex in dev}
    base_extra = load_data([b for b in base if Path(b).resolve() != Path(dev_dir).resolve()], read_text)
    new = load_data(corrections, read_text)
    if not new:
        raise ValueError("no corrected documents in the given files")
    log(f"{len(new)} corrected documents; dev {len(dev)} documents, {folds}-fold cross-validation")
    log("before (base corpora only):")
    before = cross_validate(backend, dev, base_extra, folds=folds, epochs=epochs, log=log)
    log(f"  span F1 {before['all']['f1']:.4f}")
    log("after (base corpora + corrections):")
    after = cross_validate(backend, dev, base_extra + new, folds=folds, epochs=epochs, log=log)
    log(f"  span F1 {after['all']['f1']:.4f}")
    better = after["all"]["f1"] > before["all"]["f1"]
    record = {
        "at": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "backend": backend,
        "corrections": len(new),
        "folds": folds,
        "before": before,
        "after": after,
        "kept_new_model": bool(better and not dry_run),
    }
    if better and not dry_run:
        from models.backends import train_backend

        everything = dev + [ex for ex in base_extra if ex.id not in dev_ids] + new
        model_dir = Path(model_dir)
        model_dir.parent.mkdir(parents=True, exist_ok=True)
        tmp = Path(tempfile.mkdtemp(prefix=f".{model_dir.name}.", dir=model_dir.parent))
        train_backend(backend, everything, tmp, epochs=epochs)
        prev = model_dir.with_name(model_dir.name + ".prev")
        if model_dir.exists():
            shutil.rmtree(prev, ignore_errors=True)
            model_dir.rename(prev)
        tmp.rename(model_dir)
        log(f"better: new model in {model_dir} (previous one in {prev.name})")
    else:
        log("not better: the current model is kept" if not better else "dry run: nothing replaced")
    (Path(model_dir).parent / f"{Path(model_dir).name}.learn.json").write_text(
        json.dumps(record, indent=1) + "\n", encoding="utf-8"
    )
    return record
