"""Names read with OCR damage: a bounded, weighted edit distance between two readings of a name, and
the places a text writes something close to a name.

OCR damages one occurrence of a name at a time ("Phah Quốc Dũng" once, "Phan Quốc Dũng" ten times;
"Thiết'bị"; "Công E cổ phần" for "Công ty cổ phần"). Readings are compared on their letters only
(spacing and punctuation ignored, lower case), a difference in marks alone (tone, vowel shape, đ)
costing less than a wrong letter; the distance allowed grows with the name's length. Two parties
with close names ("Nguyễn Văn An", "Nguyễn Văn Anh") are kept apart by a margin: a reading counts for
a name only when it is clearly closer to it than to any other party's (see `mentions`).
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

from rapidfuzz.distance import Levenshtein

from docproc.text.fold import fold, fold_aligned
from docproc.text.syllables import is_syllable

__all__ = [
    "MARK_COST",
    "MARGIN",
    "letters",
    "distance",
    "max_distance",
    "damaged",
    "NameIndex",
    "Window",
]

# A difference in marks only ("Hãng"/"Hằng") costs this much; a wrong, missing or extra letter 1.
MARK_COST = 0.3
# A reading resolves to the closest party only when the next party is at least this much farther.
MARGIN = 1.0
# Letters of a name (marks aside) per unit of distance allowed, and the most ever allowed.
LETTERS_PER_EDIT = 8
MAX_EDITS = 4.0


_NOT_LETTER = re.compile(r"[\W_]+")


def letters(s: str) -> str:
    """The letters and digits of `s`, lower case, NFC: spacing and punctuation are not the name."""
    return "".join(c for c in unicodedata.normalize("NFC", s).lower() if c.isalnum())


def distance(a: str, b: str) -> float:
    """Weighted edit distance between two readings: letters (marks aside) count 1, marks alone
    `MARK_COST`; spacing, punctuation and case are free."""
    la, lb = letters(a), letters(b)
    return _distance(la, fold(la), lb, fold(lb))


def _distance(la: str, fa: str, lb: str, fb: str, cutoff: float | None = None) -> float:
    """`distance` on letters already taken (`la`, `lb`) and folded (`fa`, `fb`); above `cutoff`
    any value above it."""
    if cutoff is not None:
        d_bare = Levenshtein.distance(fa, fb, score_cutoff=int(cutoff) + 1)
        if d_bare > cutoff:
            return d_bare
    else:
        d_bare = Levenshtein.distance(fa, fb)
    if la == lb:
        return 0.0
    d_full = Levenshtein.distance(la, lb)
    return d_bare + MARK_COST * max(0, d_full - d_bare)


def max_distance(name: str) -> float:
    """The distance a reading may be from `name`: one letter per `LETTERS_PER_EDIT` letters (at
    most `MAX_EDITS`); a short name only a slip in its marks."""
    n = len(fold(letters(name)))
    if n >= 5 and " " not in name.strip() and sum(c.isupper() for c in name) >= 2:
        return 1.0  # a short name the judgment introduced ("STBank"): one letter
    return min(MAX_EDITS, max(MARK_COST, float(n // LETTERS_PER_EDIT)))


_ABBREV = re.compile(r"^[A-ZĐ]{2,6}$")  # "TNHH", "MTV", "TMCP": legal forms written as capitals
_INNER_JUNK = re.compile(r"\w[^\w\s,.;:()\-–/&]+\w|[^\w\s,.;:()\-–/&\"“”'’]")


def damaged(name: str) -> bool:
    """`name` shows OCR damage: a character no name has ("Thiết'bị", "?hố", "\\ø"), or a word that is
    no Vietnamese syllable, an abbreviation in capitals or an initial ("Phah", "trịrzi", "KiEk").
    Foreign words ("Sunrise") count as damage too: they only widen what a reading may match."""
    if _INNER_JUNK.search(name) or re.search(r"[:;!?*]\s*\S", name.strip()):
        return True  # "Thiết'bị", "Than:: Dung": no name has these inside
    for tok in name.split():
        core = tok.strip(".,;:()\"“”'’-–")
        if not core:
            continue
        if not core.isalpha():
            if any(c.isalpha() for c in core) and any(c.isdigit() for c in core):
                return True  # "I972", "Ph4n"
            if re.search(r"[^\W\d_][.,;:][^\W\d_]", core) and not core.isupper():
                return True  # "i.ương", "Thương,mại": a speck inside a word
            continue
        if len(core) == 1:
            if core in "Il1|!":
                return True  # "Phan Văn I": an initial OCR reads for "l", "L", "1" as often as not
            continue
        if _ABBREV.match(core):
            continue
        if not is_syllable(core):
            return True
    return False


@dataclass(frozen=True)
class Window:
    """A run of words in the text: `start`, `end` offsets, the text, its distance from the name."""

    start: int
    end: int
    text: str
    dist: float


_TOKEN = re.compile(r"\S+")
_EDGE = ".,;:()\"“”'’!?"


class NameIndex:
    """The words of a text with their letters, to find the runs of words close to a name."""

    def __init__(self, text: str) -> None:
        self.text = text
        folded = fold_aligned(text)
        self.tokens: list[tuple[int, int, str]] = []  # (start, end, letters) of each word
        self.bare: list[str] = []  # the letters of each word without marks
        for m in _TOKEN.finditer(text):
            s, e = m.start(), m.end()
            while e > s and text[e - 1] in _EDGE:
                e -= 1
            while s < e and text[s] in _EDGE:
                s += 1
            if s < e:
                self.tokens.append((s, e, _NOT_LETTER.sub("", text[s:e].lower())))
                self.bare.append(_NOT_LETTER.sub("", folded[s:e]))
        self.starts = [t[0] for t in self.tokens]

    def windows(
        self,
        name: str,
        start: int = 0,
        end: int | None = None,
        *,
        bound: float | None = None,
        capital: bool = True,
        same_first: bool = True,
    ) -> list[Window]:
        """Runs of words in text[start:end] within `bound` (default `max_distance(name)`) of `name`,
        best first, none overlapping a better one; from one word, the closest run (the shorter of
        two as close: a word after a name is seldom part of it). `capital`: the run starts with a capital letter
        or a digit (names are written so); `same_first`: with the name's first letter (marks aside),
        which OCR seldom loses in a name written in full (a damaged name searched for its other
        readings may have lost it: False)."""
        end = len(self.text) if end is None else end
        key = letters(name)
        if not key:
            return []
        key_bare = fold(key)
        bound = max_distance(name) if bound is None else bound
        n = len(key)
        lo_len, hi_len = n - int(bound), n + int(bound)
        found: list[Window] = []
        toks = self.tokens
        first_tok = bisect.bisect_left(self.starts, start)
        for i in range(first_tok, len(toks)):
            s, _e, _k = toks[i]
            if s >= end:
                break
            first = self.text[s]
            if capital and not (first.isupper() or first.isdigit()):
                continue
            if not _k or ((same_first or bound < 1) and self.bare[i][:1] != key_bare[:1]):
                continue
            acc = acc_bare = ""
            here: Window | None = None  # the closest run from this word; a tie keeps the shorter
            for j in range(i, len(toks)):
                if toks[j][1] > end:
                    break
                acc += toks[j][2]
                acc_bare += self.bare[j]
                if len(acc) > hi_len:
                    break
                if len(acc) < lo_len:
                    continue
                d = _distance(acc, acc_bare, key, key_bare, cutoff=bound)
                if d <= bound and (here is None or d < here.dist):
                    here = Window(s, toks[j][1], self.text[s : toks[j][1]], d)
            if here is not None:
                found.append(here)
        found.sort(key=lambda w: (w.dist, w.start))
        out: list[Window] = []
        for w in found:
            if all(w.end <= o.start or w.start >= o.end for o in out):
                out.append(w)
        return out


def best_with_margin(reading: str, names: Iterable[tuple[str, str]]) -> tuple[str, float] | None:
    """The id whose name `reading` is closest to, and that distance, when it is within that name's
    bound and every other id's names are at least `MARGIN` farther; else None.

    `names`: (id, name) pairs, several names per id allowed (its aliases)."""
    best: dict[str, float] = {}
    within: dict[str, bool] = {}
    for pid, nm in names:
        d = distance(reading, nm)
        if d < best.get(pid, float("inf")):
            best[pid] = d
            within[pid] = d <= max_distance(nm)
    if not best:
        return None
    ranked = sorted(best.items(), key=lambda kv: kv[1])
    pid, d = ranked[0]
    if not within[pid]:
        return None
    if len(ranked) > 1 and ranked[1][1] - d < MARGIN and not (d == 0 < ranked[1][1]):
        return None  # as close to another party (a reading exactly one party's name is that party)
    return pid, d
