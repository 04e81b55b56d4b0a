"""The extraction runs as spaCy components assembled from models/rules.cfg."""

from __future__ import annotations

from pathlib import Path

import pytest
import spacy

from docproc.config import get_settings
from docproc.document import Document
from docproc.extract import extract
from docproc.extract.components import WhitespaceTokenizer, build_pipeline


@pytest.mark.parametrize("text", ["a b", "  a  b\n\nc ", "", "x\n", " ", "Tòa  án\tnhân\n dân"])
def test_tokenizer_keeps_text_exactly(text: str) -> None:
    assert WhitespaceTokenizer(spacy.blank("xx").vocab)(text).text == text


def test_pipeline_is_built_from_the_config() -> None:
    nlp = build_pipeline(get_settings().models_dir / "rules.cfg")
    assert nlp.pipe_names == [
        "docproc_sections",
        "docproc_header",
        "docproc_parties",
        "docproc_operative",
        "docproc_checks",
    ]


def test_a_config_without_a_stage_leaves_its_fields_empty(tmp_path: Path, dev_txt: Path) -> None:
    cfg = (get_settings().models_dir / "rules.cfg").read_text(encoding="utf-8")
    cfg = cfg.replace('"docproc_operative", ', "")
    path = tmp_path / "no-operative.cfg"
    path.write_text(cfg, encoding="utf-8")
    doc = Document.from_text((dev_txt / "c1-01.txt").read_text(encoding="utf-8"), source="c1-01.txt")
    ex = extract(doc, config=path)
    assert ex.parties and ex.case.number
    assert ex.obligations == [] and ex.assets == []
