"""`docproc train` and `docproc learn` end to end on the synthetic corpus (a few seconds of training)."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from cli import app
from docproc.config import get_settings

from .conftest import make_doc

runner = CliRunner()


def test_train_data_writes_docbin_and_token_data(corpus: Path, tmp_path: Path) -> None:
    out = tmp_path / "data"
    res = runner.invoke(app, ["train", "data", "--data", str(corpus), "--out", str(out)])
    assert res.exit_code == 0, res.output
    from spacy.tokens import DocBin
    from spacy.util import load_config, load_model_from_config

    from models.spacy_ner import CONFIG

    nlp = load_model_from_config(load_config(CONFIG), auto_fill=True)
    docs = list(DocBin().from_disk(out / "train.spacy").get_docs(nlp.vocab))
    assert len(docs) == 6
    assert {"PARTY_PLAINTIFF", "REP", "AMOUNT", "FEE", "CERT"} <= {e.label_ for d in docs for e in d.ents}
    rec = json.loads((out / "token_classification.jsonl").read_text(encoding="utf-8").splitlines()[0])
    assert len(rec["tokens"]) == len(rec["tags"]) == len(rec["offsets"])
    assert "B-PARTY_PLAINTIFF" in rec["tags"]


def test_train_rejects_unknown_backend(corpus: Path, tmp_path: Path) -> None:
    res = runner.invoke(app, ["train", "crf", "--data", str(corpus), "--out", str(tmp_path / "m")])
    assert res.exit_code == 2


def test_learn_keeps_a_model_only_when_cross_validation_improves(
    corpus: Path, tmp_path: Path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    models_dir = tmp_path / "models"
    models_dir.mkdir()
    monkeypatch.setenv("DOCPROC_MODELS_DIR", str(models_dir))
    get_settings.cache_clear()
    corrections = tmp_path / "corrections.jsonl"
    with open(corrections, "w", encoding="utf-8") as fh:
        for k in range(6, 9):
            text, gold = make_doc(k)
            fh.write(json.dumps({"id": f"c{k}", "text": text, "extraction": gold}, ensure_ascii=False) + "\n")
    args = ["learn", str(corrections), "--backend", "spacy", "--dev", str(corpus), "--base", str(corpus)]
    res = runner.invoke(app, [*args, "--epochs", "2"])
    get_settings.cache_clear()
    assert res.exit_code == 0, res.output
    record = json.loads((models_dir / "spacy-ner.learn.json").read_text(encoding="utf-8"))
    assert record["corrections"] == 3
    assert set(record) >= {"before", "after", "kept_new_model"}
    assert (models_dir / "spacy-ner").exists() == record["kept_new_model"]
    assert record["kept_new_model"] == (record["after"]["all"]["f1"] > record["before"]["all"]["f1"])
