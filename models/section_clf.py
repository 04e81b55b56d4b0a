"""Learned section classification: one label per line (header, parties, content, reasoning, decision,
closing), for OCR text whose headings the rules (docproc/extract/sections.py) may not recognise.

Gold files carry no sections, so the labels are the rules' segmentation of the clean texts; on the
OCR text of the same documents they are carried over by aligning the OCR words to the clean words
(`project_labels`). The classifier is a small spaCy text categoriser (hashed bag of words and word
pairs) over each line's words plus tokens for its position in the document and its look (upper
case, ends with ":", short); a monotone decoding then keeps the sections in their order, so one
misread line cannot open a section in the middle of another.

`cross_validate` measures what matters: on OCR text, how often each line's section agrees with the
sections of the clean text, learned against the rules run on the OCR text, by document folds.
"""

from __future__ import annotations

import difflib
import json
import math
import random
import re
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from models._text import fold

__all__ = [
    "SECTIONS",
    "Line",
    "lines",
    "rule_labels",
    "project_labels",
    "SectionClassifier",
    "train_sections",
    "load_sections",
    "labels_to_sections",
    "cross_validate",
]

SECTIONS = ("header", "parties", "content", "reasoning", "decision", "closing")
_WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class Line:
    start: int  # first non-space character
    end: int
    text: str


def lines(text: str) -> list[Line]:
    """The non-blank lines of `text` (a line is the unit that gets a section)."""
    out = []
    for m in re.finditer(r"[^\n]+", text):
        s = m.group(0)
        if s.strip():
            lead = len(s) - len(s.lstrip())
            out.append(Line(m.start() + lead, m.end(), s.strip()))
    return out


def _section_at(sec, pos: int) -> str:  # type: ignore[no-untyped-def]
    for name in reversed(SECTIONS):
        s, e = getattr(sec, name)
        if s <= pos < e:
            return name
    return "header"


def rule_labels(text: str) -> list[str]:
    """The rules' section of each line (the section holding the line's first character)."""
    from docproc.extract.sections import segment

    sec = segment(text)
    return [_section_at(sec, ln.start) for ln in lines(text)]


def _words(text: str) -> list[tuple[int, str]]:
    low = fold(text)
    return [(m.start(), m.group(0)) for m in _WORD.finditer(low)]


def project_labels(clean_text: str, other_text: str, clean_labels: Sequence[str] | None = None) -> list[str]:
    """The sections of `other_text`'s lines (an OCR reading of `clean_text`) carried over from the
    clean text's line labels: each line takes the section of the clean word its first aligned word
    matches; a line with no aligned word takes its neighbour's."""
    clean_lines = lines(clean_text)
    labels = list(clean_labels) if clean_labels is not None else rule_labels(clean_text)
    starts = [ln.start for ln in clean_lines]
    cw, ow = _words(clean_text), _words(other_text)
    import bisect

    def label_at(pos: int) -> str:
        i = bisect.bisect_right(starts, pos) - 1
        return labels[max(i, 0)] if labels else "header"

    matched: dict[int, str] = {}  # other word index -> section
    sm = difflib.SequenceMatcher(None, [w for _, w in cw], [w for _, w in ow], autojunk=False)
    for a, b, size in sm.get_matching_blocks():
        for k in range(size):
            matched[b + k] = label_at(cw[a + k][0])
    ostarts = [p for p, _ in ow]
    out: list[str | None] = []
    for ln in lines(other_text):
        lo, hi = bisect.bisect_left(ostarts, ln.start), bisect.bisect_left(ostarts, ln.end)
        out.append(next((matched[i] for i in range(lo, hi) if i in matched), None))
    # lines with nothing aligned take the previous line's section (else the next one's)
    prev = None
    for i, lab in enumerate(out):
        if lab is None:
            out[i] = prev
        prev = out[i]
    nxt = "header"
    for i in range(len(out) - 1, -1, -1):
        if out[i] is None:
            out[i] = nxt
        nxt = out[i]  # type: ignore[assignment]
    return [str(x) for x in out]


def _features(text: str, all_lines: Sequence[Line], i: int) -> str:
    """The classifier's input for line i: position, look and a few words of the line and of its
    neighbours as tokens, then the line's own words (at most 40)."""
    ln = all_lines[i]
    n = max(len(text), 1)
    letters = [c for c in ln.text if c.isalpha()]
    upper = bool(letters) and sum(c.isupper() for c in letters) / len(letters) > 0.7
    toks = [
        f"pos{int(20 * ln.start / n):02d}",
        f"idx{min(i, 30):02d}",
        "isupper" if upper else "islower",
        "colon" if ln.text.endswith(":") else "nocolon",
        f"len{min(len(ln.text) // 20, 8)}",
    ]
    for off, tag in ((-1, "prev"), (1, "next")):
        j = i + off
        if 0 <= j < len(all_lines):
            toks += [f"{tag}_{w}" for w in _WORD.findall(fold(all_lines[j].text))[:3]]
    body = _WORD.findall(fold(ln.text))[:40]
    return " ".join(toks + body)


def _monotone(probs: Sequence[Sequence[float]]) -> list[int]:
    """The best label sequence that never goes back to an earlier section (Viterbi, log scores)."""
    k = len(SECTIONS)
    if not probs:
        return []
    lp = [[math.log(max(p, 1e-9)) for p in row] for row in probs]
    score = lp[0][:]
    back: list[list[int]] = []
    for row in lp[1:]:
        new, ptr = [], []
        best, arg = -math.inf, 0
        for j in range(k):
            if score[j] > best:
                best, arg = score[j], j
            new.append(best + row[j])
            ptr.append(arg)
        score = new
        back.append(ptr)
    j = max(range(k), key=lambda x: score[x])
    path = [j]
    for ptr in reversed(back):
        j = ptr[j]
        path.append(j)
    return path[::-1]


class SectionClassifier:
    """A trained spaCy text categoriser behind `predict(text)` → one section per line."""

    name = "section-clf"

    def __init__(self, nlp) -> None:  # type: ignore[no-untyped-def]
        self.nlp = nlp

    def line_probs(self, text: str) -> list[list[float]]:
        ls = lines(text)
        docs = self.nlp.pipe(_features(text, ls, i) for i in range(len(ls)))
        return [[d.cats.get(s, 0.0) for s in SECTIONS] for d in docs]

    def predict(self, text: str) -> list[str]:
        return [SECTIONS[j] for j in _monotone(self.line_probs(text))]

    def sections(self, text: str):  # type: ignore[no-untyped-def]
        """docproc.extract.sections.Sections built from the predicted line labels."""
        return labels_to_sections(text, self.predict(text))


def labels_to_sections(text: str, labels: Sequence[str]):  # type: ignore[no-untyped-def]
    """Contiguous section spans from monotone line labels: a section runs from its first line to
    the next section's first line (absent sections are empty, placed where they would be)."""
    from docproc.extract.sections import Sections

    n = len(text)
    ls = lines(text)
    first: dict[str, int] = {}
    for ln, lab in zip(ls, labels, strict=True):
        first.setdefault(lab, 0 if lab == "header" else ln.start)
    spans: dict[str, tuple[int, int]] = {}
    nxt = n
    for name in reversed(SECTIONS):
        if name in first:
            spans[name] = (first[name], nxt)
            nxt = first[name]
        else:
            spans[name] = (nxt, nxt)
    if "header" not in first:
        spans["header"] = (0, nxt)
    return Sections(n, *(spans[s] for s in SECTIONS))


def _blank():  # type: ignore[no-untyped-def]
    import spacy

    import models.spacy_ner  # noqa: F401  (registers docproc.word_tokenizer.v1)

    nlp = spacy.blank("vi", config={"nlp": {"tokenizer": {"@tokenizers": "docproc.word_tokenizer.v1"}}})
    nlp.add_pipe(
        "textcat",
        config={
            "model": {
                "@architectures": "spacy.TextCatBOW.v3",
                "exclusive_classes": True,
                "ngram_size": 2,
                "no_output_layer": False,
                "length": 2**16,
            }
        },
    )
    return nlp


def train_sections(
    docs: Sequence[tuple[str, Sequence[str]]],
    out: Path | None = None,
    *,
    epochs: int = 8,
    seed: int = 0,
    log: Callable[[str], None] | None = None,
) -> SectionClassifier:
    """Train on (text, label per line) pairs; save to `out` when given."""
    from spacy.training import Example as SpacyExample
    from spacy.util import fix_random_seed, minibatch

    fix_random_seed(seed)
    rng = random.Random(seed)
    nlp = _blank()
    textcat = nlp.get_pipe("textcat")
    for s in SECTIONS:
        textcat.add_label(s)
    data = []
    for text, labels in docs:
        ls = lines(text)
        for i, lab in enumerate(labels):
            doc = nlp.make_doc(_features(text, ls, i))
            data.append(SpacyExample.from_dict(doc, {"cats": {s: float(s == lab) for s in SECTIONS}}))
    opt = nlp.initialize(lambda: data[:500])
    for epoch in range(epochs):
        rng.shuffle(data)
        losses: dict[str, float] = {}
        t0 = time.perf_counter()
        for batch in minibatch(data, size=32):
            nlp.update(batch, sgd=opt, losses=losses, drop=0.1)
        if log:
            log(
                f"epoch {epoch + 1}/{epochs} loss {losses.get('textcat', 0):.2f} ({time.perf_counter() - t0:.1f} s)"
            )
    if out is not None:
        out = Path(out)
        nlp.to_disk(out)
        meta = {"task": "docproc section classification", "lines": len(data), "documents": len(docs)}
        (out / "docproc.json").write_text(json.dumps(meta) + "\n", encoding="utf-8")
    return SectionClassifier(nlp)


@lru_cache(maxsize=4)
def load_sections(path: Path) -> SectionClassifier:
    """A trained section classifier from a local directory."""
    import spacy

    import models.spacy_ner  # noqa: F401  (registers docproc.word_tokenizer.v1)

    path = Path(path)
    if not (path / "config.cfg").exists():
        from docproc.errors import DocprocError

        raise DocprocError(f"no section classifier in {path} (run `python -m models.section_clf train`)")
    return SectionClassifier(spacy.load(path))


def agreement(pred: Sequence[str], ref: Sequence[str]) -> tuple[int, int]:
    return sum(p == r for p, r in zip(pred, ref, strict=True)), len(ref)


def cross_validate(
    clean: dict[str, str],
    ocr: dict[str, str],
    *,
    folds: int = 3,
    epochs: int = 8,
    extra: Sequence[tuple[str, Sequence[str]]] = (),
    log: Callable[[str], None] | None = None,
) -> dict:
    """Per-line agreement with the clean text's sections, on the OCR text of held-out documents:
    the rules run on the OCR text against the classifier trained on the other folds (their clean
    and OCR texts with the clean sections, plus `extra`). Documents are split round robin."""
    ids = sorted(set(clean) & set(ocr))
    ref = {d: project_labels(clean[d], ocr[d]) for d in ids}
    clean_lab = {d: rule_labels(clean[d]) for d in ids}
    tot = {"rules": [0, 0], "learned": [0, 0], "learned_clean": [0, 0]}
    per_section = {s: {"rules": [0, 0], "learned": [0, 0]} for s in SECTIONS}
    docs_out = {}
    for k in range(folds):
        test = [d for i, d in enumerate(ids) if i % folds == k]
        train = [d for i, d in enumerate(ids) if i % folds != k]
        data = [(clean[d], clean_lab[d]) for d in train] + [(ocr[d], ref[d]) for d in train] + list(extra)
        t0 = time.perf_counter()
        clf = train_sections(data, None, epochs=epochs)
        if log:
            log(f"sections fold {k}: {len(train)} documents, {time.perf_counter() - t0:.0f} s")
        for d in test:
            r = rule_labels(ocr[d])
            p = clf.predict(ocr[d])
            pc = clf.predict(clean[d])
            for name, pred, gold in (
                ("rules", r, ref[d]),
                ("learned", p, ref[d]),
                ("learned_clean", pc, clean_lab[d]),
            ):
                hit, n = agreement(pred, gold)
                tot[name][0] += hit
                tot[name][1] += n
            for pr, pl, g in zip(r, p, ref[d], strict=True):
                per_section[g]["rules"][0] += pr == g
                per_section[g]["rules"][1] += 1
                per_section[g]["learned"][0] += pl == g
                per_section[g]["learned"][1] += 1
            docs_out[d] = {
                "lines": len(ref[d]),
                "rules": agreement(r, ref[d])[0],
                "learned": agreement(p, ref[d])[0],
            }
    rate = {k: round(h / n, 4) if n else None for k, (h, n) in tot.items()}
    return {
        "folds": folds,
        "documents": len(ids),
        "lines": tot["rules"][1],
        "agreement": rate,
        "per_section": {
            s: {k: (round(h / n, 4) if n else None, n) for k, (h, n) in v.items()}
            for s, v in per_section.items()
        },
        "per_document": docs_out,
    }


def _read_dir(folder: Path) -> dict[str, str]:
    from docproc.text import decode_bytes

    return {p.stem: decode_bytes(p.read_bytes())[0] for p in sorted(Path(folder).glob("*.txt"))}


def main(argv: Sequence[str] | None = None) -> int:
    """python -m models.section_clf train|eval --clean DIR [--clean DIR] [--ocr DIR] [--out DIR]

    --clean: folders of clean texts (NAME.txt; a corpus folder's txt/); --ocr: OCR texts of the
    same documents (NAME.txt), labelled by alignment to the first --clean folder's text."""
    import argparse

    ap = argparse.ArgumentParser(prog="python -m models.section_clf", description=main.__doc__)
    ap.add_argument("command", choices=["train", "eval"])
    ap.add_argument("--clean", type=Path, action="append", required=True)
    ap.add_argument("--ocr", type=Path, default=None)
    ap.add_argument("--out", type=Path, default=None)
    ap.add_argument("--epochs", type=int, default=8)
    ap.add_argument("--folds", type=int, default=3)
    args = ap.parse_args(argv)
    clean = _read_dir(args.clean[0])
    others = [t for d in args.clean[1:] for t in _read_dir(d).values()]
    ocr = _read_dir(args.ocr) if args.ocr else {}
    if args.command == "eval":
        extra = [(t, rule_labels(t)) for t in others]
        res = cross_validate(clean, ocr, folds=args.folds, epochs=args.epochs, extra=extra, log=print)
        res.pop("per_document")
        print(json.dumps(res, indent=1))
        return 0
    if args.out is None:
        ap.error("train needs --out")
    data = [(t, rule_labels(t)) for t in [*clean.values(), *others]]
    data += [(ocr[d], project_labels(clean[d], ocr[d])) for d in sorted(set(ocr) & set(clean))]
    train_sections(data, args.out, epochs=args.epochs, log=print)
    print(f"section classifier written to {args.out} ({len(data)} texts)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
