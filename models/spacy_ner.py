"""The learned spaCy NER: training from examples, loading by path, predicting character spans.

The config is models/spacy/config.cfg; the tokenizer (registered here) cuts the same word tokens as
the transformers backend, and `doc.text` stays the input text, so entity offsets are offsets into
`Document.text`.
"""

from __future__ import annotations

import random
import time
from collections.abc import Callable, Sequence
from functools import lru_cache
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc
from spacy.util import registry
from spacy.vocab import Vocab

from models._text import WORD_RE, decode_bio
from models.data import Example, as_negatives, chunks, to_docs

__all__ = ["CONFIG", "SpacyNer", "train_spacy", "load_spacy"]

CONFIG = Path(__file__).resolve().parent / "spacy" / "config.cfg"


class WordTokenizer:
    """Tokens of models._text.WORD_RE; the text between them becomes spaces (doc.text is exact)."""

    def __init__(self, vocab: Vocab) -> None:
        self.vocab = vocab

    def __call__(self, text: str) -> Doc:
        from spacy.util import get_words_and_spaces

        toks = WORD_RE.findall(text)
        if not toks:
            return Doc(self.vocab, words=[text] if text else [], spaces=[False] if text else [])
        words, spaces = get_words_and_spaces(toks, text)
        return Doc(self.vocab, words=words, spaces=spaces)

    def to_disk(self, path: Path, **kw: object) -> None:  # nothing to save: the rule is the regex
        pass

    def from_disk(self, path: Path, **kw: object) -> WordTokenizer:
        return self

    def to_bytes(self, **kw: object) -> bytes:
        return b""

    def from_bytes(self, data: bytes, **kw: object) -> WordTokenizer:
        return self


@registry.tokenizers("docproc.word_tokenizer.v1")
def _word_tokenizer():  # noqa: ANN202 - spaCy's registry convention
    def create(nlp: Language) -> WordTokenizer:
        return WordTokenizer(nlp.vocab)

    return create


@Language.component("docproc_bio_ents", requires=["token.tag"], assigns=["doc.ents"])
def bio_ents(doc: Doc) -> Doc:
    """doc.ents from the tagger's BIO tags (whitespace tokens never start or end an entity)."""
    toks = [t for t in doc if not t.is_space]
    found = decode_bio([(t.idx, t.idx + len(t)) for t in toks], [t.tag_ or "O" for t in toks])
    ents = [doc.char_span(s, e, label=lab) for s, e, lab in found]
    doc.set_ents([sp for sp in ents if sp is not None], default="outside")
    return doc


class SpacyNer:
    """A trained pipeline behind the backend interface: `predict(text)` → [(start, end, label)]."""

    name = "spacy"

    def __init__(self, nlp: Language) -> None:
        self.nlp = nlp

    def predict(self, text: str) -> list[tuple[int, int, str]]:
        doc = self.nlp(text)
        return [(e.start_char, e.end_char, e.label_) for e in doc.ents]


def _config(overrides: dict | None = None):  # type: ignore[no-untyped-def]
    from spacy.util import load_config

    return load_config(CONFIG, overrides=overrides or {}, interpolate=False)


def train_spacy(
    examples: Sequence[Example],
    out: Path | None = None,
    *,
    epochs: int | None = None,
    config: Path | None = None,
    seed: int = 0,
    log: Callable[[str], None] | None = None,
) -> SpacyNer:
    """Train the NER of the config on `examples`; save to `out` when given."""
    from spacy.training import Example as SpacyExample
    from spacy.util import fix_random_seed, load_config, load_model_from_config, minibatch

    cfg = load_config(config or CONFIG)
    tcfg = cfg["training"]
    epochs = int(epochs if epochs is not None else tcfg["max_epochs"])
    fix_random_seed(seed)
    nlp = load_model_from_config(cfg, auto_fill=True, validate=True)
    pieces = chunks(
        as_negatives(examples),
        max_chars=int(tcfg["chunk_chars"]),
        keep_empty=float(tcfg["keep_empty"]),
        seed=seed,
    )
    refs = to_docs(nlp, pieces)
    train = [SpacyExample(nlp.make_doc(d.text), d) for d in refs]
    optimizer = nlp.initialize(lambda: train)
    rng = random.Random(seed)
    for epoch in range(epochs):
        rng.shuffle(train)
        losses: dict[str, float] = {}
        t0 = time.perf_counter()
        for batch in minibatch(train, size=int(tcfg["batch_size"])):
            nlp.update(batch, drop=float(tcfg["dropout"]), sgd=optimizer, losses=losses)
        if log:
            log(
                f"epoch {epoch + 1}/{epochs} loss {losses.get('tagger', 0.0):.1f} ({time.perf_counter() - t0:.1f} s)"
            )
    if out is not None:
        out = Path(out)
        out.mkdir(parents=True, exist_ok=True)
        nlp.to_disk(out)
    return SpacyNer(nlp)


@lru_cache(maxsize=4)
def load_spacy(path: Path) -> SpacyNer:
    """A trained pipeline from a local directory (cached per path)."""
    import spacy

    path = Path(path)
    if not (path / "config.cfg").exists():
        from docproc.errors import DocprocError

        raise DocprocError(f"no trained spaCy model in {path} (run `docproc train spacy`)")
    return SpacyNer(spacy.load(path))
