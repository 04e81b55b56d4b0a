"""The transformers recogniser reads text at inference exactly as it was trained on it.

Pins the bug behind a held-out span F1 of 0.015: training fed word shapes as token types, inference
left them out (every word read as lower case), so a model that fitted its training windows still
labelled almost nothing right.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from models.data import LABELS, Example, bio_words, load_corpus
from models.metrics import span_scores

from .conftest import make_doc

pytest.importorskip("torch")
pytest.importorskip("transformers")

from models.hf_ner import (  # noqa: E402
    HfConfig,
    TransformersNer,
    _label_ids,
    build_tokenizer,
    encode_words,
    first_pieces,
    piece_labels,
    train_transformers,
)

TEXT = "Nguyên đơn: Ông Trần Văn An, sinh năm 1970; nợ 1.250.000.000 đồng."


def test_labels_sit_on_first_pieces_only() -> None:
    ex = Example("x", TEXT, [(16, 27, "PARTY_PLAINTIFF"), (47, 65, "AMOUNT")], missing=[(38, 42)])
    spans, tags = bio_words(ex)
    toks = [TEXT[s:e] for s, e in spans]
    # a vocabulary so small that most words are cut into several pieces
    tok = build_tokenizer([TEXT, "Nguyên đơn Ông năm"], vocab_size=80)
    enc = encode_words(tok, toks, max_len=200)
    label2id = _label_ids(LABELS)
    id2label = {i: t for t, i in label2id.items()}
    labels = piece_labels(enc, tags, label2id)
    assert len(labels) == len(enc.input_ids) == len(enc.type_ids) == len(enc.word_ids)
    firsts = dict(first_pieces(enc.word_ids))  # piece position -> word
    assert sorted(firsts.values()) == list(range(len(toks)))
    assert any(len([w for w in enc.word_ids if w == k]) > 1 for k in range(len(toks)))  # really cut
    for pos, lab in enumerate(labels):
        if pos not in firsts or tags[firsts[pos]] is None:
            assert lab == -100  # [CLS], [SEP], later pieces, missing words: not trained on
        else:
            assert id2label[lab] == tags[firsts[pos]]
    got = {toks[w]: id2label[labels[p]] for p, w in firsts.items() if labels[p] != -100}
    assert got["Trần"] == "B-PARTY_PLAINTIFF" and got["An"] == "I-PARTY_PLAINTIFF"
    assert got["1.250.000.000"] == "B-AMOUNT" and got["đồng"] == "I-AMOUNT"
    assert got["Ông"] == "O" and "1970" not in got  # missing: neither entity nor O
    # word shapes: Capitalised, lower, digits/punctuation; special tokens 3
    shape = {toks[w]: enc.type_ids[p] for p, w in firsts.items()}
    assert (shape["Trần"], shape["sinh"], shape["1970"], shape[":"]) == (1, 0, 3, 3)
    assert enc.type_ids[0] == 3 and enc.type_ids[-1] == 3


def test_inference_passes_the_word_shapes_it_was_trained_with(corpus: Path) -> None:
    cfg = HfConfig(vocab_size=300, hidden=16, layers=1, heads=2, intermediate=32, window=40, epochs=1)
    ner = train_transformers(load_corpus(corpus), None, cfg=cfg)
    seen = []
    forward = ner.model.forward

    def spy(*args, **kwargs):  # type: ignore[no-untyped-def]
        seen.append(kwargs.get("token_type_ids"))
        return forward(*args, **kwargs)

    ner.model.forward = spy  # type: ignore[method-assign]
    text, _ = make_doc(3)
    ner.predict(text)
    assert seen and all(t is not None for t in seen)
    assert int(seen[0].max()) >= 1  # capitalised words are not read as lower case


def test_tiny_model_recovers_the_spans_it_was_trained_on(corpus: Path, tmp_path: Path) -> None:
    """Measured on this set-up: span F1 0.99 with the token types passed at inference, 0.50 with
    them left out (as before the fix). Word dropout is off: this is about fitting the data."""
    from models.backends import load_backend

    examples = load_corpus(corpus)
    cfg = HfConfig(
        vocab_size=400,
        hidden=32,
        layers=1,
        heads=2,
        intermediate=64,
        window=40,
        epochs=60,
        batch_size=4,
        unk_rate=0.0,
    )
    ner = train_transformers(examples, tmp_path / "m", cfg=cfg)
    scores = span_scores([(ex, ner.predict(ex.text)) for ex in examples])
    assert scores["all"]["f1"] >= 0.8, scores
    # the same after a save and a load (label map, token types and window read back from disk)
    loaded = load_backend("transformers", tmp_path / "m")
    assert isinstance(loaded, TransformersNer) and loaded.shapes
    assert loaded.model.config.id2label == ner.model.config.id2label
    assert [loaded.predict(ex.text) for ex in examples] == [ner.predict(ex.text) for ex in examples]
