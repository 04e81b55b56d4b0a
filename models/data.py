"""Training data: gold or corrected extractions → labelled character spans in the document text.

An `Example` is a document text with labelled spans (party names by role, representatives, money
amounts, court fees, certificates, plates, plot numbers) and `missing` spans: other mentions of the
same values, which are neither positive nor negative (a name in the parties list is a PARTY; the
same name in the reasoning is not labelled either way). From examples: spaCy DocBin files and word-
level BIO data for token classification, both on the same word tokens (`models._text.words`).

Sources: a corpus folder (txt/NAME.txt + gold/NAME.json, as ../shared/corpus/dev), a folder of OCR
texts with the gold folder of their originals (approximate alignment), or a JSONL of corrections
exported from the service: one {"text" | "path", "extraction"} object a line, the extraction being
the corrected JSON of the output contract.
"""

from __future__ import annotations

import json
import unicodedata
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from models._text import fold, words
from models.align import find_exact, find_fuzzy

TextReader = Callable[[Path], str]  # a scan or PDF -> its text (the caller's pipeline)

__all__ = [
    "LABELS",
    "Example",
    "example_from_extraction",
    "load_corpus",
    "load_corrections",
    "load_data",
    "read_jsonl",
    "write_jsonl",
    "to_docbin",
    "bio_words",
    "as_negatives",
    "chunks",
]

ROLES = (
    "plaintiff", "defendant", "related_party", "accused", "victim", "civil_plaintiff",
    "civil_defendant", "claimant", "respondent", "petitioner", "other",
)  # fmt: skip
PARTY_LABELS = tuple(f"PARTY_{r.upper()}" for r in ROLES)
LABELS = (*PARTY_LABELS, "REP", "AMOUNT", "FEE", "CERT", "PLATE", "PLOT")
MONEY_KINDS = {"pay_money", "fine", "confiscation"}

Span = tuple[int, int, str]


@dataclass
class Example:
    id: str
    text: str
    spans: list[Span] = field(default_factory=list)
    missing: list[tuple[int, int]] = field(default_factory=list)
    unaligned: list[str] = field(default_factory=list)  # gold values not found in the text

    def to_json(self) -> dict:
        return {
            "id": self.id,
            "text": self.text,
            "spans": [list(s) for s in self.spans],
            "missing": [list(m) for m in self.missing],
        }

    @classmethod
    def from_json(cls, d: dict) -> Example:
        return cls(
            id=d["id"],
            text=d["text"],
            spans=[(int(s), int(e), str(lab)) for s, e, lab in d.get("spans", [])],
            missing=[(int(s), int(e)) for s, e in d.get("missing", [])],
        )


class _Claims:
    """Spans taken so far; a value's first free occurrence is labelled, the rest are missing."""

    def __init__(self, text: str, fuzzy: bool) -> None:
        self.text, self.folded, self.fuzzy = text, fold(text), fuzzy
        self.spans: list[Span] = []
        self.missing: list[tuple[int, int]] = []

    def _free(self, s: int, e: int) -> bool:
        return all(e <= a or s >= b for a, b, _ in self.spans)

    def occurrences(self, value: str) -> list[tuple[int, int]]:
        found = find_exact(self.folded, value)
        if not found and self.fuzzy:
            found = [(s, e) for s, e, _ in find_fuzzy(self.folded, value)]
        return found

    def claim(self, occ: list[tuple[int, int]], label: str, lo: int = 0, hi: int | None = None) -> bool:
        """Label the first free occurrence inside [lo, hi) (else anywhere); others become missing."""
        hi = len(self.text) if hi is None else hi
        free = [o for o in occ if self._free(*o)]
        pick = next((o for o in free if lo <= o[0] < hi), None) or (free[0] if free else None)
        if pick is None:
            return False
        self.spans.append((pick[0], pick[1], label))
        self.missing.extend(o for o in occ if o != pick)
        return True


def _plot_occurrences(c: _Claims, plot: str) -> list[tuple[int, int]]:
    """A plot number is a short number: only where "thửa" is written just before it."""
    out = []
    for s, e in find_exact(c.folded, plot):
        if "thửa" in c.folded[max(0, s - 20) : s] or "thua" in c.folded[max(0, s - 20) : s]:
            out.append((s, e))
    return out


def example_from_extraction(doc_id: str, text: str, extraction: dict, *, fuzzy: bool = False) -> Example:
    """Align the values of one (gold or corrected) extraction to `text`."""
    from docproc.extract.sections import segment
    from docproc.text import find_amounts

    text = unicodedata.normalize("NFC", text)
    sec = segment(text)
    head_lo = 0
    dec_lo, dec_hi = sec.decision if sec.decision[1] > sec.decision[0] else (0, len(text))
    c = _Claims(text, fuzzy)
    unaligned: list[str] = []

    # parties and their representatives, in the order the parties list gives them
    cursor = head_lo
    for p in extraction.get("parties", []) or []:
        items = [(p.get("name") or "", f"PARTY_{(p.get('role') or 'other').upper()}")]
        items += [(r.get("name") or "", "REP") for r in p.get("representatives", []) or []]
        for name, label in items:
            if label not in LABELS or not name.strip():
                continue
            occ = c.occurrences(name)
            if c.claim(occ, label, lo=cursor):
                cursor = c.spans[-1][1]
            else:
                unaligned.append(label)
    # amounts of the operative part
    amounts = find_amounts(text)
    for o in extraction.get("obligations", []) or []:
        value, kind = o.get("amount_vnd"), o.get("kind")
        if value is None or (kind not in MONEY_KINDS and kind != "court_fee"):
            continue
        occ = [(a.start, a.end) for a in amounts if a.value == value]
        if not c.claim(occ, "FEE" if kind == "court_fee" else "AMOUNT", lo=dec_lo, hi=dec_hi):
            unaligned.append("AMOUNT")
    # asset identifiers
    for a in extraction.get("assets", []) or []:
        for key, label in (("certificate", "CERT"), ("plate", "PLATE"), ("plot_number", "PLOT")):
            value = a.get(key)
            if not value:
                continue
            occ = _plot_occurrences(c, value) if label == "PLOT" else c.occurrences(value)
            if not c.claim(occ, label, lo=dec_lo, hi=dec_hi):
                unaligned.append(label)
    spans = sorted(set(c.spans))
    missing = sorted({m for m in c.missing if all(m[1] <= s or m[0] >= e for s, e, _ in spans)})
    return Example(doc_id, text, spans, missing, unaligned)


def load_corpus(folder: Path, *, text_dir: Path | None = None, fuzzy: bool = False) -> list[Example]:
    """Examples of a corpus folder (txt/ + gold/); `text_dir` replaces txt/ (e.g. OCR texts)."""
    from docproc.text import decode_bytes

    folder = Path(folder)
    texts = Path(text_dir) if text_dir else folder / "txt"
    out = []
    for gold in sorted((folder / "gold").glob("*.json")):
        path = texts / f"{gold.stem}.txt"
        if not path.exists():
            continue
        text, _ = decode_bytes(path.read_bytes())
        out.append(
            example_from_extraction(
                gold.stem, text, json.loads(gold.read_text(encoding="utf-8")), fuzzy=fuzzy
            )
        )
    return out


def load_corrections(path: Path, read_text: TextReader | None = None) -> list[Example]:
    """Examples from a JSONL of {"id"?, "text" | "path", "extraction"} (the service's corrections).

    models/ takes text, not files: a record that names a scan or PDF is read by `read_text`, which the
    caller supplies (the CLI passes the pipeline's reader); plain text files are decoded here."""
    from docproc.text import decode_bytes

    out = []
    for k, rec in enumerate(read_jsonl(path)):
        text = rec.get("text")
        if text is None:
            p = Path(rec["path"])
            if p.suffix.lower() == ".txt":
                text, _ = decode_bytes(p.read_bytes())
            elif read_text is None:
                raise ValueError(f"record {k + 1} of {Path(path).name} names a scan: give a reader for it")
            else:
                text = read_text(p)
        doc_id = str(rec.get("id") or f"{Path(path).stem}-{k}")
        out.append(example_from_extraction(doc_id, text, rec["extraction"], fuzzy=bool(rec.get("ocr"))))
    return out


def load_data(sources: Iterable[Path], read_text: TextReader | None = None) -> list[Example]:
    """Examples from each source: a corpus folder, a corrections JSONL, or examples JSONL."""
    out: list[Example] = []
    for src in sources:
        src = Path(src)
        if src.is_dir():
            out += load_corpus(src)
        elif src.suffix == ".spacy":
            raise ValueError(f"{src}: give the corpus or JSONL the DocBin was made from")
        else:
            recs = list(read_jsonl(src))
            if recs and "extraction" in recs[0]:
                out += load_corrections(src, read_text)
            else:
                out += [Example.from_json(r) for r in recs]
    return out


def read_jsonl(path: Path) -> Iterator[dict]:
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                yield json.loads(line)


def write_jsonl(path: Path, examples: Iterable[Example]) -> None:
    Path(path).parent.mkdir(parents=True, exist_ok=True)
    with open(path, "w", encoding="utf-8") as fh:
        for ex in examples:
            fh.write(json.dumps(ex.to_json(), ensure_ascii=False) + "\n")


def to_docs(nlp, examples: Iterable[Example]):  # type: ignore[no-untyped-def]
    """spaCy Docs with entities set and unlabelled mentions marked missing."""
    docs = []
    for ex in examples:
        doc = nlp.make_doc(ex.text)
        ents = [doc.char_span(s, e, label=lab, alignment_mode="expand") for s, e, lab in ex.spans]
        ents = [sp for sp in ents if sp is not None]
        ents = _no_overlap(ents)
        missing = [doc.char_span(s, e, alignment_mode="expand") for s, e in ex.missing]
        taken = {i for sp in ents for i in range(sp.start, sp.end)}
        missing = [sp for sp in missing if sp is not None and not taken.intersection(range(sp.start, sp.end))]
        doc.set_ents(ents, missing=_no_overlap(missing), default="outside")
        # the same annotation as BIO tags ("" = missing), for the tagger-based recogniser
        for t in doc:
            if t.is_space:
                t.tag_ = "O"
            elif t.ent_iob_ in ("B", "I"):
                t.tag_ = f"{t.ent_iob_}-{t.ent_type_}"
            elif t.ent_iob_ == "O":
                t.tag_ = "O"
        docs.append(doc)
    return docs


def _no_overlap(spans):  # type: ignore[no-untyped-def]
    from spacy.util import filter_spans

    return filter_spans(spans)


def to_docbin(nlp, examples: Iterable[Example], path: Path) -> None:  # type: ignore[no-untyped-def]
    from spacy.tokens import DocBin

    db = DocBin(docs=to_docs(nlp, examples), store_user_data=False)
    Path(path).parent.mkdir(parents=True, exist_ok=True)
    db.to_disk(path)


def bio_words(ex: Example) -> tuple[list[tuple[int, int]], list[str | None]]:
    """Word spans and BIO tags (None: missing, not trained on) of one example."""
    spans = words(ex.text)
    tags: list[str | None] = ["O"] * len(spans)
    starts = [s for s, _ in spans]
    import bisect

    def covered(s: int, e: int) -> range:
        i = bisect.bisect_right(starts, s) - 1
        if i < 0 or spans[i][1] <= s:
            i += 1
        j = bisect.bisect_left(starts, e)
        return range(max(i, 0), j)

    for s, e in ex.missing:
        for i in covered(s, e):
            tags[i] = None
    for s, e, lab in ex.spans:
        for k, i in enumerate(covered(s, e)):
            tags[i] = ("B-" if k == 0 else "I-") + lab
    return spans, tags


def as_negatives(examples: Iterable[Example]) -> list[Example]:
    """Copies whose unannotated repeats count as not-entities. Measured (3-fold, spaCy): held-out
    span F1 0.31 with repeats left missing, 0.36 with them as O; the merge only wants the listed
    mention of a party, so a repeat is a true negative for it."""
    return [Example(ex.id, ex.text, list(ex.spans), [], list(ex.unaligned)) for ex in examples]


def chunks(
    examples: Iterable[Example], *, max_chars: int = 1500, keep_empty: float = 1.0, seed: int = 0
) -> list[Example]:
    """Examples cut at line breaks into pieces of about `max_chars` (never inside a span); pieces
    without any labelled span are kept with probability `keep_empty` (they are most of a judgment)."""
    import random

    rng = random.Random(seed)
    out: list[Example] = []
    for ex in examples:
        inside = [(s, e) for s, e, _ in ex.spans] + list(ex.missing)
        cuts = [0]
        pos = 0
        while pos < len(ex.text):
            nxt = ex.text.find("\n", pos + max_chars)
            while nxt != -1 and any(s < nxt < e for s, e in inside):
                nxt = ex.text.find("\n", nxt + 1)
            if nxt == -1:
                break
            cuts.append(nxt + 1)
            pos = nxt + 1
        cuts.append(len(ex.text))
        for k, (a, b) in enumerate(zip(cuts, cuts[1:], strict=False)):
            if b <= a:
                continue
            spans = [(s - a, e - a, lab) for s, e, lab in ex.spans if a <= s and e <= b]
            if not spans and rng.random() >= keep_empty:
                continue
            missing = [(s - a, e - a) for s, e in ex.missing if a <= s and e <= b]
            out.append(Example(f"{ex.id}#{k}", ex.text[a:b], spans, missing))
    return out
