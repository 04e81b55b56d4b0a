"""Learned proposals merged into the rules' extraction (DOCPROC_BACKEND=spacy|transformers).

The rules stay in charge; a learned recogniser (models/: a spaCy pipeline or a transformers token
classifier, loaded from models_dir) only fills what they left empty:
  - `docproc_learned_parties` (after docproc_parties): a party name the model finds in the parties
    list that no rules party or representative covers is added, with the role the model gives it,
    before the operative part is read (so obligations can attach to it);
  - `docproc_learned_fill` (after docproc_operative): an obligation without an amount takes the
    AMOUNT/FEE the model finds inside its clause; an asset without certificate, plate or plot number
    takes the CERT/PLATE/PLOT found inside its clause;
  - `docproc_learned_sections` (after docproc_sections): the sections from a line classifier
    (models/section_clf.py, models_dir/section-clf) instead of the rules' headings.
Each is switched on or off in models/learned.cfg; the measurement (benchmarks/models_eval.py, the
figures in models/README.md) says where filling helps. Learned values carry evidence with a lower
confidence (0.6) than rules, so a reviewer sees them first.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc

from docproc.schema import Party

__all__ = ["learned_config", "build_learned_pipeline", "predictions", "LearnedSections"]

LEARNED_CONFIDENCE = 0.6
_ORG_START = re.compile(
    r"^(công ty|tổng công ty|ngân hàng|chi nhánh|ủy ban|uỷ ban|hợp tác xã|doanh nghiệp|văn phòng|"
    r"cơ quan|sở |phòng |trường|bệnh viện|quỹ|ban |chi cục|cục |tập đoàn|hộ kinh doanh)",
    re.IGNORECASE,
)


def learned_config(models_dir: Path | None = None) -> Path:
    """The config of the rules pipeline with the learned components (models/learned.cfg)."""
    if models_dir is None:
        from docproc.config import get_settings

        models_dir = get_settings().models_dir
    return Path(models_dir) / "learned.cfg"


def build_learned_pipeline(
    backend: str,
    model: Path | str = "",
    config: Path | None = None,
    *,
    parties: bool | None = True,
    fill: bool | None = True,
    sections: bool | None = None,
    sections_model: Path | str | None = None,
) -> Language:
    """The learned pipeline for an explicit backend and model directory (benchmarks, tests), with
    the merges switched on or off (None: as the config says)."""
    from spacy.util import get_lang_class, load_config

    import docproc.extract.components  # noqa: F401  (registers the rules components)

    overrides = {
        "components.docproc_learned_parties.backend": backend,
        "components.docproc_learned_parties.model": str(model),
        "components.docproc_learned_fill.backend": backend,
        "components.docproc_learned_fill.model": str(model),
    }
    if parties is not None:
        overrides["components.docproc_learned_parties.enabled"] = parties
    if fill is not None:
        overrides["components.docproc_learned_fill.enabled"] = fill
    if sections is not None:
        overrides["components.docproc_learned_sections.enabled"] = sections
    if sections_model is not None:
        overrides["components.docproc_learned_sections.model"] = str(sections_model)
    cfg = load_config(config or learned_config(), overrides=overrides)
    return get_lang_class(cfg["nlp"]["lang"]).from_config(cfg)


# The library names no model package: a learned component is found through the entry points its
# package declares (pyproject.toml), the way pluggy plugins are found by OCRmyPDF.
RECOGNISERS = "docproc.recognisers"  # name -> loader(path | None) -> object with predict(text) -> spans
SECTION_MODELS = "docproc.section_models"  # "default" -> loader(path) -> object with sections(text)


def _plugin(group: str, name: str):  # type: ignore[no-untyped-def]
    from importlib.metadata import entry_points

    found = entry_points(group=group, name=name)
    if not found:
        raise ValueError(f"no learned component {name!r} is installed (entry point group {group})")
    return next(iter(found)).load()


@lru_cache(maxsize=8)
def _backend(backend: str, model: str):  # type: ignore[no-untyped-def]
    from docproc.config import get_settings

    if backend in ("", "settings"):
        backend = get_settings().backend
    if backend == "rules":
        return None
    return _plugin(RECOGNISERS, backend)(Path(model) if model else None)


def predictions(doc: Doc, backend: str, model: str) -> list[tuple[int, int, str]]:
    """The learned spans of the document (computed once per Doc, shared by both components)."""
    key = ("docproc_learned", backend, model)
    if key not in doc.user_data:
        ner = _backend(backend, model)
        doc.user_data[key] = ner.predict(doc.text) if ner is not None else []
    return doc.user_data[key]


def _fold(s: str) -> str:
    s = re.sub(r"\s+", " ", s).strip(" .,;:").lower()
    return re.sub(r"^(ông|bà|anh|chị|cụ|em|cháu) ", "", s)


class _Base:
    def __init__(self, backend: str, model: str, enabled: bool) -> None:
        self.backend, self.model, self.enabled = backend, model, enabled

    def _state(self, doc: Doc):  # type: ignore[no-untyped-def]
        return doc._.docproc


class LearnedParties(_Base):
    def __call__(self, doc: Doc) -> Doc:
        state = self._state(doc)
        if not self.enabled or state is None:
            return doc
        from docproc.extract import parties as rules_parties

        known = {_fold(p.name) for p in state.parties}
        known |= {_fold(r.name) for p in state.parties for r in p.representatives}
        sec = state.sections
        limit = sec.parties[1] if sec is not None and sec.parties[1] > sec.parties[0] else len(doc.text)
        added = False
        for s, e, label in predictions(doc, self.backend, self.model):
            if not label.startswith("PARTY_") or s >= limit:
                continue
            name = re.sub(r"\s+", " ", doc.text[s:e]).strip(" .,;:")
            f = _fold(name)
            if len(f) < 3 or any(f in k or k in f for k in known if k):
                continue
            role = label[len("PARTY_") :].lower()
            i = len(state.parties)
            kind = "organization" if _ORG_START.match(name) else "person"
            state.parties.append(Party(id=f"P{i + 1}", role=role, kind=kind, name=name))  # type: ignore[arg-type]
            state.ev.add(f"/parties/{i}/name", s, e, LEARNED_CONFIDENCE)
            known.add(f)
            added = True
        if added:
            state.resolver = rules_parties.PartyResolver(state.parties, doc.text)
        return doc


class LearnedFill(_Base):
    def __call__(self, doc: Doc) -> Doc:
        state = self._state(doc)
        if not self.enabled or state is None:
            return doc
        from docproc.text import find_amounts

        ents = predictions(doc, self.backend, self.model)
        for i, o in enumerate(state.obligations):
            if o.amount_vnd is not None or o.kind not in ("pay_money", "fine", "confiscation", "court_fee"):
                continue
            ev = state.ev.records.get(f"/obligations/{i}")
            want = "FEE" if o.kind == "court_fee" else "AMOUNT"
            for s, e, label in ents:
                if label == want and ev is not None and ev.span and ev.span[0] <= s < ev.span[1]:
                    found = find_amounts(doc.text[s:e])
                    if found:
                        o.amount_vnd = found[0].value
                        state.ev.add(f"/obligations/{i}/amount_vnd", s, e, LEARNED_CONFIDENCE)
                        break
        for i, a in enumerate(state.assets):
            ev = state.ev.records.get(f"/assets/{i}")
            if ev is None or not ev.span or a.certificate or a.plate or a.plot_number:
                continue
            for s, e, label in ents:
                if not ev.span[0] <= s < ev.span[1]:
                    continue
                field = {"CERT": "certificate", "PLATE": "plate", "PLOT": "plot_number"}.get(label)
                if field and getattr(a, field) is None:
                    setattr(a, field, doc.text[s:e])
                    state.ev.add(f"/assets/{i}/{field}", s, e, LEARNED_CONFIDENCE)
        return doc


class LearnedSections:
    """Replaces the rules' sections with the line classifier's (monotone: header → ... → closing)."""

    def __init__(self, model: str, enabled: bool) -> None:
        self.model, self.enabled = model, enabled

    def __call__(self, doc: Doc) -> Doc:
        state = doc._.docproc
        if not self.enabled or state is None or not doc.text.strip():
            return doc
        from docproc.extract.components import set_sections

        set_sections(doc, _section_model(self.model).sections(doc.text))
        return doc


@lru_cache(maxsize=4)
def _section_model(model: str):  # type: ignore[no-untyped-def]
    load_sections = _plugin(SECTION_MODELS, "default")
    if not model:
        from docproc.config import get_settings

        model = str(get_settings().models_dir / "section-clf")
    return load_sections(Path(model).resolve())


_DEFAULTS = {"backend": "settings", "model": "", "enabled": True}


@Language.factory("docproc_learned_parties", default_config=_DEFAULTS)
def make_learned_parties(nlp: Language, name: str, backend: str, model: str, enabled: bool) -> LearnedParties:
    return LearnedParties(backend, model, enabled)


@Language.factory("docproc_learned_fill", default_config=_DEFAULTS)
def make_learned_fill(nlp: Language, name: str, backend: str, model: str, enabled: bool) -> LearnedFill:
    return LearnedFill(backend, model, enabled)


@Language.factory("docproc_learned_sections", default_config={"model": "", "enabled": True})
def make_learned_sections(nlp: Language, name: str, model: str, enabled: bool) -> LearnedSections:
    return LearnedSections(model, enabled)
