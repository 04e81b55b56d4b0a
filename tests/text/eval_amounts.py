"""Compare amount rules with vietnam-number and num2words(lang="vi") on the dev corpus.

Ground truth: every "<digits> đồng (<Words> đồng)" pair in ../shared/corpus/dev/txt (digits and
words agree in these texts). Run: .venv/bin/python tests/text/eval_amounts.py
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

from docproc.text import amount_to_words, find_amounts, words_to_amount

DEV = Path(__file__).resolve().parents[3] / "shared" / "corpus" / "dev" / "txt"  # ../shared beside the repo
PAIR_RE = re.compile(r"(\d{1,3}(?:\.\d{3})*)\s*(?:đồng|đ)\s*\(((?:[A-ZĐ]|bằng chữ)[^()]*?đồng[^()]*?)\)")


def pairs() -> list[tuple[str, int, str]]:
    out = []
    for p in sorted(DEV.glob("*.txt")):
        text = p.read_text(encoding="utf-8")
        for m in PAIR_RE.finditer(text):
            out.append((p.name, int(m.group(1).replace(".", "")), m.group(2)))
    return out


def _lib_words(fn, n: int) -> str | None:
    try:
        w = fn(n).strip()
    except Exception:
        return None
    w = w + " đồng"
    return w[0].upper() + w[1:]


def _lib_value(fn, words: str) -> int | None:
    w = words.lower().replace("đồng", "").replace("chẵn", "").strip()
    try:
        return int(fn(w))
    except Exception:
        return None


def main() -> int:
    from num2words import num2words
    from vietnam_number import n2w, w2n

    data = pairs()
    n = len(data)
    rows = {
        "words→number docproc": sum(words_to_amount(w) == v for _, v, w in data),
        "words→number vietnam-number w2n": sum(_lib_value(w2n, w) == v for _, v, w in data),
        "number→words docproc (exact)": sum(amount_to_words(v) == w for _, v, w in data),
        "number→words num2words vi (exact)": sum(
            _lib_words(lambda k: num2words(k, lang="vi"), v) == w for _, v, w in data
        ),
        "number→words vietnam-number n2w (exact)": sum(
            _lib_words(lambda k: n2w(str(k)), v) == w for _, v, w in data
        ),
    }
    from docproc.text import strip_diacritics

    rows["words→number, diacritics stripped, docproc"] = sum(
        words_to_amount(strip_diacritics(w)) == v for _, v, w in data
    )
    rows["words→number, diacritics stripped, w2n"] = sum(
        _lib_value(w2n, strip_diacritics(w)) == v for _, v, w in data
    )
    found = 0
    for p in sorted(DEV.glob("*.txt")):
        text = p.read_text(encoding="utf-8")
        expected = [(v, w) for f, v, w in data if f == p.name]
        got = [(a.value, a.words) for a in find_amounts(text) if a.words]
        for e in expected:
            if e in got:
                got.remove(e)
                found += 1
    rows["find_amounts digits+words pairs found"] = found
    print(f"{n} digit/word pairs in {DEV}")
    for k, v in rows.items():
        print(f"  {k:45s} {v}/{n}")
    if "-v" in sys.argv:
        for f, v, w in data:
            if amount_to_words(v) != w:
                print("MISMATCH", f, v, w, "|", amount_to_words(v))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
