"""Loading and inference of both learned backends, with tiny models trained inside the tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from docproc.errors import DocprocError
from models.backends import load_backend, model_path
from models.data import load_corpus

from .conftest import make_doc


def _check_spans(text: str, spans: list[tuple[int, int, str]]) -> None:
    for s, e, label in spans:
        assert 0 <= s < e <= len(text)
        assert text[s:e] == text[s:e].strip() and label


def test_spacy_backend_trains_saves_and_loads(corpus: Path, tmp_path: Path) -> None:
    from models.spacy_ner import train_spacy

    out = tmp_path / "spacy-ner"
    train_spacy(load_corpus(corpus), out, epochs=12)
    assert (out / "config.cfg").exists()
    ner = load_backend("spacy", out)
    text, _ = make_doc(5)
    spans = ner.predict(text)
    _check_spans(text, spans)
    labels = {lab for *_, lab in spans}
    # a few epochs on six near-identical documents learn the obvious cues
    assert labels & {"PARTY_PLAINTIFF", "PARTY_DEFENDANT", "AMOUNT", "FEE", "CERT", "REP"}
    size = sum(p.stat().st_size for p in out.rglob("*") if p.is_file())
    assert size < 5_000_000


def test_transformers_backend_tiny_model_loads_locally(corpus: Path, tmp_path: Path) -> None:
    pytest.importorskip("torch")
    pytest.importorskip("transformers")
    from models.hf_ner import HfConfig, train_transformers

    cfg = HfConfig(
        vocab_size=300, hidden=16, layers=1, heads=2, intermediate=32, window=40, epochs=2, threads=1
    )
    out = tmp_path / "transformers-ner"
    trained = train_transformers(load_corpus(corpus), out, cfg=cfg)
    assert (out / "config.json").exists() and (out / "tokenizer.json").exists()
    ner = load_backend("transformers", out)  # from_pretrained(local_files_only=True)
    assert ner.window == 40
    text, _ = make_doc(5)
    assert ner.predict(text) == trained.predict(text)
    _check_spans(text, ner.predict(text))
    assert ner.predict("") == []


def test_transformers_long_text_is_read_in_windows(corpus: Path, tmp_path: Path) -> None:
    pytest.importorskip("torch")
    from models.hf_ner import HfConfig, TransformersNer, train_transformers

    cfg = HfConfig(
        vocab_size=300, hidden=16, layers=1, heads=2, intermediate=32, window=40, epochs=1, threads=1
    )
    trained = train_transformers(load_corpus(corpus), None, cfg=cfg)
    text = "\n".join(make_doc(k)[0] for k in range(6))  # ~600 words: many windows
    ner = TransformersNer(trained.model, trained.tokenizer, window=40)
    _check_spans(text, ner.predict(text))


def test_missing_model_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(DocprocError, match="docproc train spacy"):
        load_backend("spacy", tmp_path / "nothing")
    with pytest.raises(ValueError):
        model_path("crf", tmp_path)
    assert model_path("transformers", tmp_path) == tmp_path / "transformers-ner"
