"""The learned components fill what the rules leave empty, and only that."""

from __future__ import annotations

from docproc.document import Document
from docproc.extract import learned
from docproc.extract.components import run_pipeline
from docproc.extract.learned import build_learned_pipeline

from .conftest import make_doc


class FakeNer:
    """A recogniser that proposes given strings with given labels wherever they occur first."""

    name = "fake"

    def __init__(self, proposals: list[tuple[str, str]]) -> None:
        self.proposals = proposals

    def predict(self, text: str) -> list[tuple[int, int, str]]:
        out = []
        for value, label in self.proposals:
            i = text.find(value)
            if i >= 0:
                out.append((i, i + len(value), label))
        return out


def _run(monkeypatch, text: str, proposals: list[tuple[str, str]]):  # type: ignore[no-untyped-def]
    monkeypatch.setattr(learned, "_backend", lambda backend, model: FakeNer(proposals))
    nlp = build_learned_pipeline("fake", "")
    return run_pipeline(nlp, Document.from_text(text, source="t.txt"))


def test_learned_party_is_added_when_rules_miss_it(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    text, _ = make_doc(0)
    text = text.replace("3. ", "")
    # a party listed in a way the rules do not read as a role label
    text = text.replace(
        "NỘI DUNG VỤ ÁN:", "Người làm chứng kiêm bên thứ ba Quỹ Tín dụng Nhân dân Đông Anh.\nNỘI DUNG VỤ ÁN:"
    )
    base = _run(monkeypatch, text, [])
    names = {p.name for p in base.parties}
    got = _run(monkeypatch, text, [("Quỹ Tín dụng Nhân dân Đông Anh", "PARTY_RELATED_PARTY")])
    added = [p for p in got.parties if p.name not in names]
    assert [(p.name, p.role, p.kind) for p in added] == [
        ("Quỹ Tín dụng Nhân dân Đông Anh", "related_party", "organization")
    ]
    pid = int(added[0].id[1:]) - 1
    assert got.evidence[f"/parties/{pid}/name"].confidence == learned.LEARNED_CONFIDENCE


def test_known_parties_and_representatives_are_not_duplicated(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    text, _ = make_doc(1)
    base = _run(monkeypatch, text, [])
    got = _run(
        monkeypatch,
        text,
        [
            ("Lê Thị Bình", "PARTY_PLAINTIFF"),
            ("Hoàng Thị Dung", "PARTY_DEFENDANT"),
            ("Sao Mai", "PARTY_OTHER"),
        ],
    )
    assert [p.name for p in got.parties] == [p.name for p in base.parties]


def test_disabled_components_change_nothing(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from spacy.util import get_lang_class, load_config

    text, _ = make_doc(0)
    text += "Bên liên quan: Quỹ Tín dụng Nhân dân Đông Anh.\n"
    monkeypatch.setattr(learned, "_backend", lambda b, m: FakeNer([("Quỹ Tín dụng", "PARTY_OTHER")]))
    cfg = load_config(
        learned.learned_config(),
        overrides={
            "components.docproc_learned_parties.enabled": False,
            "components.docproc_learned_fill.enabled": False,
        },
    )
    nlp = get_lang_class("vi").from_config(cfg)
    got = run_pipeline(nlp, Document.from_text(text, source="t.txt"))
    assert "Quỹ Tín dụng" not in {p.name for p in got.parties}


def test_backend_from_settings_end_to_end(tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """DOCPROC_BACKEND=spacy with a model in DOCPROC_MODELS_DIR: extract() through learned.cfg."""
    from pathlib import Path

    from docproc.config import get_settings
    from docproc.extract import extract
    from models.data import example_from_extraction
    from models.spacy_ner import train_spacy

    from .conftest import make_doc

    models_dir = tmp_path / "models"
    models_dir.mkdir()
    shipped = Path(learned.__file__).resolve().parents[2] / "models" / "learned.cfg"
    cfg_text = shipped.read_text(encoding="utf-8").replace("enabled = false", "enabled = true")
    # the merges on; the section classifier stays off (its own tests cover it)
    sections_on = 'factory = "docproc_learned_sections"\nmodel = ""\nenabled = true'
    assert sections_on in cfg_text
    cfg_text = cfg_text.replace(sections_on, sections_on.replace("true", "false"))
    (models_dir / "learned.cfg").write_text(cfg_text, encoding="utf-8")
    train_spacy(
        [example_from_extraction(f"d{k}", *make_doc(k)) for k in range(4)], models_dir / "spacy-ner", epochs=2
    )
    monkeypatch.setenv("DOCPROC_BACKEND", "spacy")
    monkeypatch.setenv("DOCPROC_MODELS_DIR", str(models_dir))
    get_settings.cache_clear()
    learned._backend.cache_clear()
    try:
        text, gold = make_doc(5)
        doc = Document.from_text(text, source="t.txt")
        got = extract(doc, config=learned.learned_config())
        rules = extract(doc, config=Path(learned.__file__).resolve().parents[2] / "models" / "rules.cfg")
        assert {p.name for p in rules.parties} <= {p.name for p in got.parties}
        assert [o.amount_vnd for o in got.obligations] == [o.amount_vnd for o in rules.obligations]
    finally:
        get_settings.cache_clear()
        learned._backend.cache_clear()
