"""Measure correct_ocr_text on Tesseract output against its ground truth (word errors before/after).

    .venv/bin/python tests/text/eval_ocrfix.py OCR_DIR
OCR_DIR holds NAME.txt (Tesseract output) next to NAME.gt.json (make_scans.py) or NAME.gt.txt.
Words are aligned with difflib; a "fix" is a changed word now equal to the truth, a "harm" a word
that was right and no longer is. The corrector's resources come from dictionaries and law texts
(docproc/text/data/build_vocab.py), not from any corpus, so every scored document is unseen.
"""

from __future__ import annotations

import difflib
import json
import sys
import unicodedata
from pathlib import Path

from docproc.text import correct_ocr_text


def _truth(ocr: Path) -> str | None:
    stem = ocr.name.removesuffix(".txt")
    gt_txt = ocr.with_name(stem + ".gt.txt")
    if gt_txt.exists():
        return gt_txt.read_text(encoding="utf-8")
    doc, _, page = stem.rpartition("-p")
    gt_json = ocr.with_name(doc + ".gt.json")
    if not gt_json.exists():
        return None
    gt = json.loads(gt_json.read_text(encoding="utf-8"))
    pages = gt["pages"] if isinstance(gt, dict) else gt
    p = pages[int(page) - 1]
    return "\n".join(line["text"] for line in p["lines"])


def _distance(a: list[str], b: list[str]) -> int:
    """Word-level Levenshtein distance."""
    prev = list(range(len(b) + 1))
    for i, x in enumerate(a, 1):
        cur = [i] + [0] * len(b)
        for j, y in enumerate(b, 1):
            cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (x != y))
        prev = cur
    return prev[-1]


def _errors(truth: list[str], hyp: list[str]) -> tuple[int, dict[int, str]]:
    """Word errors (edit distance), and for each truth word the hypothesis word aligned to it."""
    sm = difflib.SequenceMatcher(a=truth, b=hyp, autojunk=False)
    aligned: dict[int, str] = {}
    for op, a0, a1, b0, b1 in sm.get_opcodes():
        if op == "equal" or (op == "replace" and a1 - a0 == b1 - b0):
            aligned.update({a0 + k: hyp[b0 + k] for k in range(a1 - a0)})
    return _distance(truth, hyp), aligned


def main(argv: list[str]) -> int:
    root = Path(argv[0])
    tot_words = tot_before = tot_after = fixes = harms = 0
    for ocr in sorted(root.rglob("*.txt")):
        if ocr.name.endswith(".gt.txt"):
            continue
        truth_text = _truth(ocr)
        if truth_text is None:
            continue
        truth = unicodedata.normalize("NFC", truth_text).split()
        hyp_text = unicodedata.normalize("NFC", ocr.read_text(encoding="utf-8"))
        fixed_text = correct_ocr_text(hyp_text)
        before, al_b = _errors(truth, hyp_text.split())
        after, al_a = _errors(truth, fixed_text.split())
        for k, w in al_b.items():
            if k in al_a and al_a[k] != w:
                if al_a[k] == truth[k]:
                    fixes += 1
                elif w == truth[k]:
                    harms += 1
                    print(f"HARM {ocr.name}: {w!r} -> {al_a[k]!r}")
        tot_words += len(truth)
        tot_before += before
        tot_after += after
    print(f"{root}: {tot_words} words, word errors {tot_before} -> {tot_after}; fixes {fixes}, harms {harms}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
