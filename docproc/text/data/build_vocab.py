"""Build vocab.json (word counts and lower-case word-pair counts) from the dev judgments.

    .venv/bin/python docproc/text/data/build_vocab.py [DEV_TXT_DIR, default ../shared/corpus/dev/txt]

The OCR corrector (docproc.text.ocrfix) treats a word seen here as a real word and never changes it;
frequent lower-case bigrams (no names: those are capitalised) give the context for fixing a word
whose tone or shape mark OCR got wrong. Only words and counts are kept, no sentences.
"""

from __future__ import annotations

import json
import re
import sys
import unicodedata
from collections import Counter
from collections.abc import Iterable
from pathlib import Path

HERE = Path(__file__).parent
WORD_RE = re.compile(r"[^\W\d_]+")
MIN_BIGRAM = 3


def count(texts: Iterable[str], about: str = "") -> dict[str, object]:
    """Word and bigram counts of `texts`, in the vocab.json layout."""
    words: Counter[str] = Counter()
    bigrams: Counter[tuple[str, str]] = Counter()
    for text in texts:
        for line in unicodedata.normalize("NFC", text).splitlines():
            tokens = WORD_RE.findall(line)
            words.update(t.lower() for t in tokens)
            for a, b in zip(tokens, tokens[1:], strict=False):
                if a.islower() and b.islower():
                    bigrams[(a, b)] += 1
    return {
        "about": about,
        "words": dict(sorted(words.items(), key=lambda x: (-x[1], x[0]))),
        "bigrams": {
            f"{a} {b}": n
            for (a, b), n in sorted(bigrams.items(), key=lambda x: (-x[1], x[0]))
            if n >= MIN_BIGRAM
        },
    }


def main(argv: list[str]) -> int:
    src = Path(argv[0]) if argv else HERE.parents[3] / "shared" / "corpus" / "dev" / "txt"
    texts = [p.read_text(encoding="utf-8") for p in sorted(src.glob("*.txt"))]
    data = count(texts, f"word and lower-case bigram counts of the texts in {src.name}/, by build_vocab.py")
    with open(HERE / "vocab.json", "w", encoding="utf-8") as f:
        json.dump(data, f, ensure_ascii=False, indent=0)
        f.write("\n")
    print(f"{len(data['words'])} words, {len(data['bigrams'])} bigrams from {src}")  # type: ignore[arg-type]
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
