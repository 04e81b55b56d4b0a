"""The extraction stages as spaCy components, registered by name and wired by models/rules.cfg.

A spaCy `Doc` over the document text carries the extraction state in `doc._.docproc`; every span a
component finds is a character span into `Document.text` (the tokenizer keeps the text exactly).
Components stay thin: the rules live in the stage modules and are plain functions.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc
from spacy.util import get_lang_class, load_config, registry
from spacy.vocab import Vocab

from docproc.config import get_settings
from docproc.document import Document
from docproc.extract import checks, header, operative, parties
from docproc.extract._tolerant import blank_specks
from docproc.extract.evidence import EvidenceBuilder
from docproc.extract.sections import Sections, segment
from docproc.schema import Asset, Case, DocumentInfo, Extraction, Obligation, Party

__all__ = ["ExtractState", "build_pipeline", "run_pipeline"]

if not Doc.has_extension("docproc"):
    Doc.set_extension("docproc", default=None)

_SECTION_NAMES = ("header", "parties", "content", "reasoning", "decision", "closing")


@dataclass
class ExtractState:
    document: Document
    ev: EvidenceBuilder
    sections: Sections | None = None
    kind: str = "other"
    case: Case = field(default_factory=Case)
    parties: list[Party] = field(default_factory=list)
    resolver: parties.PartyResolver | None = None
    obligations: list[Obligation] = field(default_factory=list)
    assets: list[Asset] = field(default_factory=list)
    extraction: Extraction | None = None


class WhitespaceTokenizer:
    """Tokens are runs of non-space characters; `doc.text` equals the input exactly."""

    _token = re.compile(r"\S+")

    def __init__(self, vocab: Vocab) -> None:
        self.vocab = vocab

    def __call__(self, text: str) -> Doc:
        words: list[str] = []
        spaces: list[bool] = []
        pos = 0
        for m in self._token.finditer(text):
            if m.start() > pos:  # leading or extra whitespace becomes its own token, as spaCy does
                gap = text[pos : m.start()]
                if words and gap == " ":
                    spaces[-1] = True
                else:
                    if words and gap.startswith(" "):
                        spaces[-1], gap = True, gap[1:]
                    words.append(gap)
                    spaces.append(False)
            words.append(m.group())
            spaces.append(False)
            pos = m.end()
        if pos < len(text):
            gap = text[pos:]
            if words and gap.startswith(" "):
                spaces[-1], gap = True, gap[1:]
            if gap:
                words.append(gap)
                spaces.append(False)
        return Doc(self.vocab, words=words, spaces=spaces)


@registry.tokenizers("docproc.whitespace_tokenizer.v1")
def _whitespace_tokenizer():  # noqa: ANN202 - spaCy's registry convention
    def create(nlp: Language) -> WhitespaceTokenizer:
        return WhitespaceTokenizer(nlp.vocab)

    return create


def _state(doc: Doc) -> ExtractState:
    state = doc._.docproc
    if state is None:
        raise ValueError("doc._.docproc is not set: run the pipeline through run_pipeline()")
    return state


@Language.component("docproc_sections")
def sections_component(doc: Doc) -> Doc:
    set_sections(doc, segment(doc.text))
    return doc


def set_sections(doc: Doc, sections: Sections) -> None:
    """Keep `sections` for the later stages, and as spans `section_<name>` for a reader of the Doc."""
    _state(doc).sections = sections
    for name in _SECTION_NAMES:
        start, end = getattr(sections, name)
        span = doc.char_span(start, end, label=name, alignment_mode="expand") if end > start else None
        doc.spans[f"section_{name}"] = [span] if span is not None else []


@Language.component("docproc_header")
def header_component(doc: Doc) -> Doc:
    state = _state(doc)
    state.kind, state.case = header.extract_case(state.document, state.sections, state.ev)
    return doc


@Language.component("docproc_parties")
def parties_component(doc: Doc) -> Doc:
    state = _state(doc)
    state.parties = parties.extract_parties(state.document, state.sections, state.ev)
    state.resolver = parties.PartyResolver(state.parties, doc.text)
    return doc


@Language.component("docproc_operative")
def operative_component(doc: Doc) -> Doc:
    state = _state(doc)
    state.obligations, state.assets = operative.extract_operative(
        state.document, state.sections, state.parties, state.resolver, state.ev
    )
    return doc


@Language.component("docproc_checks")
def checks_component(doc: Doc) -> Doc:
    state = _state(doc)
    d = state.document
    info = DocumentInfo(
        source=d.source,
        sha256=d.sha256,
        pages=len(d.pages),
        kind=state.kind,
        text_source=d.text_source,
        ocr_mean_confidence=d.ocr_mean_confidence,
    )
    info.warn(*d.warnings)
    extraction = Extraction(
        document=info,
        case=state.case,
        parties=state.parties,
        obligations=state.obligations,
        assets=state.assets,
        evidence=state.ev.records,
    )
    extraction.document.warn(*checks.check(extraction, d))
    state.extraction = extraction
    return doc


@lru_cache(maxsize=4)
def build_pipeline(config_path: Path) -> Language:
    """The pipeline a config describes (cached: building it costs ~0.1 s)."""
    config = load_config(config_path)
    return get_lang_class(config["nlp"]["lang"]).from_config(config)


def run_pipeline(nlp: Language, document: Document) -> Extraction:
    cleaned = blank_specks(document.text)  # same length: spans and word offsets stay valid
    if cleaned != document.text:
        document = document.model_copy(update={"text": cleaned})
    # spaCy's max_length (1,000,000) guards its parser's memory; docproc's own limit on the text
    # (max_text_chars, checked when the document is read) is the one that applies to this pipeline
    limit = get_settings().max_text_chars
    if nlp.max_length <= max(limit, len(document.text)):
        nlp.max_length = max(limit, len(document.text)) + 1
    doc = nlp.make_doc(document.text)
    doc._.docproc = ExtractState(document=document, ev=EvidenceBuilder(document))
    for _name, proc in nlp.pipeline:
        doc = proc(doc)
    extraction = _state(doc).extraction
    if extraction is None:
        raise ValueError("the pipeline has no docproc_checks component to assemble the extraction")
    return extraction
