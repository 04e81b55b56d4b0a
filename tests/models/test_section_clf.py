"""The learned section classifier: labels from the rules, carried over to OCR text, monotone decoding."""

from __future__ import annotations

from pathlib import Path

import pytest

from docproc.extract.sections import segment
from models.section_clf import (
    SECTIONS,
    _monotone,
    labels_to_sections,
    lines,
    load_sections,
    project_labels,
    rule_labels,
    train_sections,
)

from .conftest import make_doc


def _damaged(text: str) -> str:
    """An OCR-like copy: some words lose tone marks, a letter changes, a line is wrapped in two."""
    out = text.replace("Buộc", "Buoc").replace("phải trả", "phai tra").replace("đồng", "dồng")
    out = out.replace("NỘI DUNG VỤ ÁN:", "NOI DUNG VU AN:")
    return out.replace("sinh năm 1970; ", "sinh năm 1970;\n")


def test_rule_labels_follow_the_segmentation() -> None:
    text, _ = make_doc(2)
    labels = rule_labels(text)
    ls = lines(text)
    assert len(labels) == len(ls)
    sec = segment(text)
    for ln, lab in zip(ls, labels, strict=True):
        s, e = getattr(sec, lab)
        assert s <= ln.start < e
    assert labels[0] == "header" and "decision" in labels
    # in order: never back to an earlier section
    idx = [SECTIONS.index(lab) for lab in labels]
    assert idx == sorted(idx)


def test_labels_carry_over_to_a_damaged_copy() -> None:
    text, _ = make_doc(4)
    ocr = _damaged(text)
    got = project_labels(text, ocr)
    assert len(got) == len(lines(ocr)) == len(lines(text)) + 1
    by_line = {ln.text: lab for ln, lab in zip(lines(text), rule_labels(text), strict=True)}
    for ln, lab in zip(lines(ocr), got, strict=True):
        if ln.text in by_line:
            assert lab == by_line[ln.text], ln.text
    # the wrapped-off half of a parties line stays in the parties
    tail = next(i for i, ln in enumerate(lines(ocr)) if ln.text.startswith("địa chỉ: thôn"))
    assert got[tail] == "parties"


def test_monotone_decoding_never_goes_back() -> None:
    k = len(SECTIONS)
    one = [[0.9 if j == c else 0.1 / (k - 1) for j in range(k)] for c in (0, 1, 4, 2, 4, 5)]
    path = _monotone(one)
    assert path == sorted(path) and path[0] == 0 and path[-1] == 5
    assert _monotone([]) == []


def test_sections_from_labels_are_contiguous() -> None:
    text, _ = make_doc(1)
    sec = labels_to_sections(text, rule_labels(text))
    spans = [getattr(sec, s) for s in SECTIONS]
    assert spans[0][0] == 0 and spans[-1][1] == len(text)
    assert all(a[1] == b[0] for a, b in zip(spans, spans[1:], strict=False))
    rules = segment(text)
    assert sec.decision == rules.decision  # headings start lines: the same boundaries


def test_classifier_learns_sections_and_loads(tmp_path: Path) -> None:
    pytest.importorskip("spacy")
    docs = [make_doc(k)[0] for k in range(6)]
    data = [(t, rule_labels(t)) for t in docs[:5]] + [
        (_damaged(docs[k]), project_labels(docs[k], _damaged(docs[k]))) for k in range(5)
    ]
    out = tmp_path / "section-clf"
    train_sections(data, out, epochs=10)
    clf = load_sections(out)
    held = _damaged(docs[5])
    ref = project_labels(docs[5], held)
    pred = clf.predict(held)
    assert len(pred) == len(ref)
    assert sum(p == r for p, r in zip(pred, ref, strict=True)) / len(ref) >= 0.8
    size = sum(p.stat().st_size for p in out.rglob("*") if p.is_file())
    assert size < 3_000_000


def test_learned_sections_component_replaces_the_rules_sections(tmp_path: Path) -> None:
    from docproc.document import Document
    from docproc.extract.components import run_pipeline
    from docproc.extract.learned import build_learned_pipeline

    docs = [make_doc(k)[0] for k in range(6)]
    out = tmp_path / "section-clf"
    train_sections([(t, rule_labels(t)) for t in docs], out, epochs=10)
    text = docs[2]
    nlp = build_learned_pipeline("spacy", "", parties=False, fill=False, sections=True, sections_model=out)
    assert "docproc_learned_sections" in nlp.pipe_names
    got = run_pipeline(nlp, Document.from_text(text, source="t")).to_json_dict()
    off = build_learned_pipeline("spacy", "", parties=False, fill=False)
    base = run_pipeline(off, Document.from_text(text, source="t")).to_json_dict()
    # the operative part is found in the classifier's decision section as in the rules' one
    assert got["obligations"] and got["obligations"] == base["obligations"]
    assert got["parties"] == base["parties"]
    # off by default in models/learned.cfg (it does not beat the rules on OCR text)
    assert off.get_pipe("docproc_learned_sections").enabled is False


def test_missing_section_model_is_a_clear_error(tmp_path: Path) -> None:
    from docproc.errors import DocprocError

    with pytest.raises(DocprocError, match="section_clf train"):
        load_sections(tmp_path / "nothing")
