"""Conservative fixes for Tesseract's typical errors on judgments: a wrong or lost mark.

"thấm phán" → "thẩm phán", "bi đơn" → "bị đơn", "nguyên đon" → "nguyên đơn", "quyêt định" →
"quyết định", "Điêu 5" → "Điều 5", "5.600.000.000 đông" → "... đồng", "1.25O.000" → "1.250.000".

The resources are independent of any evaluation corpus (data/vocab.json: dictionaries and law texts,
built by data/build_vocab.py). A word is changed only when it is suspect: not a well-formed
syllable, or a form no dictionary or text knows. The replacement must have the same letters without
marks, and come from (1) a curated legal phrase or a word pair of the law texts that the word and its
neighbour then form, or (2) for a malformed word, the known word its neighbours and its frequency
favour, the fewest marks away. A known word is touched only where the context speaks against it:
inside a curated legal phrase when one tone mark makes the phrase ("phạt tiên" → "phạt tiền", "kê
biến" → "kê biên", "cố phần" → "cổ phần"), or when neither pair it forms with its neighbours was
ever seen while a word one mark away forms a frequent pair and is much commoner ("nghĩa vu" →
"nghĩa vụ"). Clean text comes back unchanged. Boxes never change: `correct_page` rewrites word texts
only and never merges or splits words.
"""

from __future__ import annotations

import json
import math
import re
import unicodedata
from functools import lru_cache
from pathlib import Path
from typing import Any

from docproc.document import Line, Page
from docproc.text.fold import strip_diacritics, tone_style
from docproc.text.normalize import nfc
from docproc.text.syllables import is_syllable, strip_tone

__all__ = ["correct_ocr_text", "correct_page", "correct_words"]

_DATA = Path(__file__).parent / "data"
_CORE_RE = re.compile(r"^(?P<pre>\W*)(?P<core>.*?)(?P<post>\W*)$", re.DOTALL)
_GROUPED_RE = re.compile(r"\d{1,3}(?:[.,]\d{3})+(?:,\d+)?")
_OCR_DIGITS = str.maketrans({"O": "0", "o": "0", "l": "1", "I": "1", "B": "8", "Q": "0", "D": "0", "S": "5"})
_CURRENCY_TAIL_RE = re.compile(r"(?P<num>.*?)(?P<unit>đ|đồng|VNĐ|VND|vnđ)?")
# Letters Vietnamese never writes, which Tesseract's vie model still emits ("Võ Thị NÑ", "ñn"): a tilde
# or diaeresis over a speck. Doubled with their base letter they are one letter.
_FOREIGN = str.maketrans("ñÑïÏöÖüÜëËäÄçÇåÅ", "nNiIoOuUeEaAcCaA")
_FOREIGN_DOUBLE_RE = re.compile(r"(?i)n[ñ]|[ñ]n")
_CURRENCY_OCR = {"đông", "dồng", "dông", "dong", "đòng", "đổng", "đống", "đồnq", "dòng"}
_NUMBERED = {"dieu": "điều", "khoan": "khoản"}  # "Điêu 5", "khoán 2" before a number
_NUMBERED_NEXT_RE = re.compile(r"^\d+[a-z]?[.,;:)]*$")
_STRAY_QUOTES = "'‘’`"
_HONORIFICS = frozenset("ông bà anh chị em cháu cô chú bác cụ".split())  # "ông ĐỨC": a name in capitals
# Tesseract reads a comma as a semicolon now and then, which cuts an address or an asset's
# description in two. Before these words (lower case: a part of the same noun phrase, never a new
# clause of a list) a semicolon is a comma. Not "thửa": "...; thửa đất số 2" may be a list.
_COMMA_BEFORE_RE = re.compile(
    r"^(?:phường|xã|thị trấn|thị xã|quận|huyện|thành phố|tỉnh|khu phố|ấp|thôn|"
    r"biển kiểm soát|biển số|số khung|số máy|tờ bản đồ)\b"
)
# "diện tích" continues a plot's description only after its number ("thửa đất số 12; diện tích"):
# after a word ("công chứng, chứng thực; diện tích ...") the semicolon may end a clause.
_COMMA_AFTER_NUMBER_RE = re.compile(r"^diện tích\b")

# A known word is replaced by a much commoner one a mark away only when its neighbours expect that
# word (see _real_word_fix).
_CTX_MIN_PAIR = 10
_CTX_MIN_BOTH = 5  # ... and a pair with the other neighbour seen this often
_CTX_STRONG = 20  # a pair seen this often may decide alone (before a number, at a sentence start,
# or for a word only a dictionary knows, against one _RARE_RATIO times commoner)
_RARE_RATIO = 100
_CTX_RATIO = 10
_RARE = 2  # a word seen this rarely in the texts (a dictionary's only) yields to a curated phrase
# A capitalised malformed word is a name more often than a sentence start: fixed only into a word
# at least this common.
_COMMON_WORD = 50


class _Lexicon:
    def __init__(self, vocab: dict[str, Any] | None = None) -> None:
        if vocab is None:
            vocab = json.loads((_DATA / "vocab.json").read_text(encoding="utf-8"))
        terms = json.loads((_DATA / "legal_terms.json").read_text(encoding="utf-8"))["phrases"]
        self.words: dict[str, int] = dict(vocab["words"])
        self.styles = {tone_style(w) for w in self.words}
        self.by_key: dict[str, list[str]] = {}
        for w in self.words:
            if is_syllable(w):  # candidates for a replacement are real syllables ("d", "vnd" are not)
                self.by_key.setdefault(strip_diacritics(w), []).append(w)
        # phrases: stripped key (tuple) → canonical lower-case words
        self.phrases: dict[tuple[str, ...], tuple[str, ...]] = {}
        self.bigrams: dict[str, int] = dict(vocab["bigrams"])  # seen lower-case pairs
        self.curated: set[tuple[str, ...]] = set()  # keys of the legal terms (others: dev bigrams)
        for bigram, n in vocab["bigrams"].items():
            if n >= 3:
                self._add_phrase(tuple(bigram.split()), n)
        for term in terms:
            words = tuple(nfc(term).lower().split())
            for w in words:
                self.words.setdefault(w, 1)
            if len(words) >= 2:
                key = tuple(strip_diacritics(w) for w in words)
                if key not in self.curated:  # a curated term wins over a pair of the texts ("có phần")
                    self.phrases[key] = words
                    self.curated.add(key)
        self.sizes: dict[str, list[int]] = {}  # first stripped word → phrase lengths, longest first
        for key in self.phrases:
            self.sizes.setdefault(key[0], []).append(len(key))
        for sizes in self.sizes.values():
            sizes[:] = sorted(set(sizes), reverse=True)

    def _add_phrase(self, words: tuple[str, ...], n: int = 0) -> None:
        key = tuple(strip_diacritics(w) for w in words)
        if key in self.phrases and self.phrases[key] != words:
            # two phrases differ only in marks: context cannot choose, keep the more common one
            old = self.phrases[key]
            if n:
                if self.bigrams.get(" ".join(old), 0) >= n:
                    return
            elif sum(self.words.get(w, 0) for w in old) >= sum(self.words.get(w, 0) for w in words):
                return
        self.phrases[key] = words

    def pair(self, a: str, b: str) -> int:
        return self.bigrams.get(f"{a} {b}", 0) if a and b else 0

    def known(self, word: str) -> bool:
        low = word.lower()
        return low in self.words or tone_style(low) in self.styles


@lru_cache(maxsize=1)
def _lexicon() -> _Lexicon:
    return _Lexicon()


def _match_case(template: str, word: str) -> str:
    if template.isupper() and len(template) > 1:
        return word.upper()
    if template[:1].isupper():
        return word[:1].upper() + word[1:]
    return word


def _mark_distance(a: str, b: str) -> int:
    """How many letters differ in their marks (a and b have the same letters without marks)."""
    return sum(x != y for x, y in zip(a.lower(), b.lower(), strict=False))


def _suspect(core: str, lex: _Lexicon, rare: bool = False) -> bool:
    """A word no dictionary knows; with `rare`, also one seen at most _RARE times in the texts ("đon",
    "điêu": a dictionary's word, where a curated phrase or "Điều 5" is far likelier). One letter
    ("đ" of a list, an initial) is never suspect."""
    if len(core) < 2 or core.isdigit():
        return False
    return not lex.known(core) or (rare and lex.words.get(core.lower(), 0) <= _RARE)


def _context(word: str, caps: bool) -> str:
    """A neighbour as the pairs of the texts know it: lower case ("#" for a number), or "" for a
    word in another case (a name beside a common word, a capital beside a heading)."""
    if word[:1].isdigit():
        return "#"
    if word.isalpha() and (word.isupper() if caps else word.islower()):
        return word.lower()
    return ""


def _score(word: str, prev: str, nxt: str, lex: _Lexicon) -> float:
    """How well `word` fits between its lower-case neighbours: its frequency and the pairs it forms."""
    return math.log1p(lex.words.get(word, 0)) + 2 * (
        math.log1p(lex.pair(prev, word)) + math.log1p(lex.pair(word, nxt))
    )


def _nearest_word(core: str, lex: _Lexicon, prev: str = "", nxt: str = "") -> str | None:
    """For a malformed word, the known syllable with the same letters that its frequency, the pairs
    it forms with its neighbours and the fewest changed marks favour; None without a clear winner."""
    cands = lex.by_key.get(strip_diacritics(core.lower()))
    if not cands:
        return None
    low = core.lower()
    scored = sorted(
        ((_score(w, prev, nxt, lex) - 3 * _mark_distance(low, w), w) for w in cands), reverse=True
    )
    if len(scored) > 1 and scored[0][0] - scored[1][0] < 1.0:
        return None  # no clear winner
    return scored[0][1]


def _rare_support(prev: str, nxt: str, left: int, right: int, cand: str, lex: _Lexicon) -> bool:
    """For a word only a dictionary knows: one neighbour forms a pair with `cand` seen _CTX_STRONG
    times, and the other (a word) forms one too, unless the strong pair is a word pair that makes up
    a tenth of the candidate's uses ("thu hồi"): "màu đỏ và" is not "đó và", "sàn 240" not "sản 240"."""
    for strong, other, other_pair, is_word in (
        (left, nxt, right, prev != "#"),
        (right, prev, left, nxt != "#"),
    ):
        if strong < _CTX_STRONG:
            continue
        if not other or other == "#" or other_pair >= 1:
            return True
        if is_word and strong * 10 >= lex.words.get(cand, 0):
            return True
    return False


def _real_word_fix(low: str, prev: str, nxt: str, lex: _Lexicon, start: bool = False) -> str | None:
    """A known word that its context rejects, one mark from a much commoner word the context
    expects ("đối với tiên lãi chậm" → "tiền", "CCCD sô 0271..." → "số", "01/2022 đên tháng" →
    "đến"). The candidate must be _CTX_RATIO times commoner, no pair as read may be known to the
    texts or dictionaries, and:
    - with two neighbours (one may be a number): it forms pairs with both, seen _CTX_MIN_BOTH times
      and with one seen _CTX_MIN_PAIR times;
    - before a number alone, or first in a sentence before a word: it forms that pair
      _CTX_STRONG times;
    - for a word the texts hardly use (_RARE) against one _RARE_RATIO times commoner: one pair
      seen _CTX_STRONG times ("thu hôi nợ" → "hồi").
    None otherwise: the pairs of the law texts are sparse, and one neighbour alone misleads
    ("trả lãi" / "trả lại", "Bản án số:" / "án sơ")."""
    if lex.pair(prev, low) or lex.pair(low, nxt) or (prev == nxt == "#"):
        return None  # a neighbour that knows the word as read ("trả lãi", "cửa hàng")
    mine = lex.words.get(low, 0)
    rare = mine <= _RARE  # a dictionary's word the texts hardly use: one good neighbour suffices
    if not (prev and nxt) and not (nxt == "#" or (start and nxt) or rare):
        return None
    best, best_score = None, 0.0
    for cand in lex.by_key.get(strip_diacritics(low), ()):
        if (
            cand == low
            or _mark_distance(low, cand) != 1
            or lex.words.get(cand, 0) < _CTX_RATIO * max(mine, 1)
        ):
            continue
        left, right = lex.pair(prev, cand), lex.pair(cand, nxt)
        if (
            rare
            and lex.words.get(cand, 0) >= _RARE_RATIO * max(mine, 1)
            and _rare_support(prev, nxt, left, right, cand, lex)
        ):
            pass  # "thu hôi nợ" → "thu hồi", "01/2022 đên tháng" → "đến"
        elif prev and nxt:
            if min(left, right) < _CTX_MIN_BOTH or max(left, right) < _CTX_MIN_PAIR:
                continue
        elif right < _CTX_STRONG:
            continue
        score = _score(cand, prev, nxt, lex)
        if best is None or score > best_score:
            best, best_score = cand, score
    return best


@lru_cache(maxsize=1)
def _provinces() -> frozenset[str]:
    from docproc.text.places import provinces

    return frozenset(p.lower() for p in provinces())


def _is_province(name: str) -> bool:
    return re.sub(r"\s*[-–]\s*", " - ", name.lower()) in _provinces()


def _province_follows(out: list[str], post: list[str], i: int) -> bool:
    """The words after `i` (up to five, a dash between them allowed) spell a province's name."""
    words: list[str] = []
    for k in range(i + 1, min(i + 7, len(out))):
        if out[k]:
            words.append(out[k])
            if _is_province(" ".join(words).replace(" - ", "-").replace("-", " - ")):
                return True
        if post[k].strip("-–"):
            return False  # a comma or a full stop ends the name
        if "-" in post[k] or "–" in post[k] or not out[k]:
            words.append("-")  # "BÀ RỊA -", or a dash on its own
    return False


def _no_d(word: str) -> str:
    return word.replace("đ", "d")


def _context_fix(
    window: list[str],
    target: tuple[str, ...],
    key: tuple[str, ...],
    diff: list[int],
    lex: _Lexicon,
    around: tuple[str, str] = ("", ""),
) -> bool:
    """Known words in an unseen pair that a curated phrase explains: "phạt tiên" → "phạt tiền",
    "kê biến" → "kê biên", "cố phần" → "cổ phần". Every word is a real syllable, so only the
    context can tell: the phrase must be a curated legal term, each changed word one tone mark (or
    the bar of đ: "đại điện" → "đại diện") away, and no pair as read (with the words either side too: "gia đình được" is not "định
    được") may be a pair the texts or dictionaries know. Word frequencies of the law texts do not
    decide here: "cố" (cố ý) is commoner there than "cổ", judgments say "cổ phần"."""
    if key not in lex.curated:
        return False  # pairs of the texts are too sparse to say a pair is wrong ("trao đổi" → "đối với")
    for k in diff:
        low = window[k].lower()
        if _mark_distance(low, target[k]) > 1 or _no_d(strip_tone(low)) != _no_d(strip_tone(target[k])):
            return False  # one tone mark or the bar of đ, the commonest slips; "hằng"/"hàng" differ in shape
    lower = [w.lower() for w in (around[0], *window, around[1])]
    changed = {k + 1 for k in diff}  # indices in `lower`
    return not any(
        f"{lower[j]} {lower[j + 1]}" in lex.bigrams for j in range(len(lower) - 1) if {j, j + 1} & changed
    )


def correct_words(words: list[str]) -> list[str]:
    """Corrected texts of a sequence of OCR words (same length, same order; punctuation kept)."""
    lex = _lexicon()
    parts = [_CORE_RE.match(w) for w in words]
    pre = [m.group("pre") if m else "" for m in parts]
    core = [m.group("core") if m else w for m, w in zip(parts, words, strict=True)]
    post = [m.group("post") if m else "" for m in parts]
    out = list(core)
    n = len(core)

    # Foreign letters: "NÑ" → "N", "ñ" → "n".
    for i, c in enumerate(out):
        if c and not c.isascii() and c != c.translate(_FOREIGN):
            out[i] = _FOREIGN_DOUBLE_RE.sub(
                lambda m: m.group()[0] if m.group()[0] in "nN" else m.group()[1], c
            )
            out[i] = out[i].translate(_FOREIGN)

    # Digits read as letters inside a grouped number: "1.25O.000".
    for i, c in enumerate(core):
        if any(ch.isdigit() for ch in c) and not c.isdigit() and sum(ch.isdigit() for ch in c) >= 4:
            parts = _CURRENCY_TAIL_RE.fullmatch(c)  # "7.B00.000đ": the unit stays as written
            num, unit = (parts.group("num"), parts.group("unit") or "") if parts else (c, "")
            fixed = num.translate(_OCR_DIGITS)
            if fixed != num and _GROUPED_RE.fullmatch(fixed):
                out[i] = fixed + unit

    # Phrases: legal terms and frequent bigrams, longest first.
    fixed_at = [False] * n
    keys = [strip_diacritics(w.lower()) if w.isalpha() else "" for w in out]
    for i in range(n):
        for size in lex.sizes.get(keys[i], ()) if keys[i] else ():
            if i + size > n:
                continue
            window = out[i : i + size]
            if any(fixed_at[i : i + size]) or not all(keys[i : i + size]):
                continue
            key = tuple(keys[i : i + size])
            target = lex.phrases.get(key)
            if target is None:
                continue
            lower = tuple(w.lower() for w in window)
            diff = [k for k in range(size) if tone_style(lower[k]) != tone_style(target[k])]
            if not diff:
                break  # already right; its words are known, so no other phrase will change them
            if key not in lex.curated and not all(w.islower() for w in window):
                continue  # dev bigrams are lower-case: "Khổng Thị" is a name, not "không thi"
            if all(_suspect(window[k], lex, key in lex.curated) for k in diff) or _context_fix(
                window,
                target,
                key,
                diff,
                lex,
                (out[i - 1] if i else "", out[i + size] if i + size < n else ""),
            ):
                for k in diff:
                    out[i + k] = _match_case(window[k], target[k])
                fixed_at[i : i + size] = [True] * size
                break

    for i in range(n):
        c = out[i]
        if fixed_at[i] or not c:
            continue
        low = c.lower()
        key = strip_diacritics(low)
        prev_core = out[i - 1] if i else ""
        next_word = words[i + 1] if i + 1 < n else ""
        # "đông" after an amount is the currency.
        if low in _CURRENCY_OCR and (
            _GROUPED_RE.fullmatch(prev_core) or prev_core.lower() in ("triệu", "tỷ")
        ):
            out[i] = _match_case(c, "đồng")
            continue
        # "Điêu 5", "khoán 2": the article and clause words before a number.
        if key in _NUMBERED and _suspect(c, lex, rare=True) and _NUMBERED_NEXT_RE.match(next_word):
            out[i] = _match_case(c, _NUMBERED[key])
            continue
        if len(c) < 2 or not c.isalpha():
            continue  # "Đ", "đ)": initials and list letters are not words
        # "TĨNH KHÁNH HÒA", "tinh Bình Dương": the word before a province's name is "tỉnh"
        # (not in "Hà Tĩnh": that is the name itself).
        if (
            strip_tone(low) == "tinh"
            and low != "tỉnh"
            and _province_follows(out, post, i)
            and not (i and _is_province(f"{out[i - 1]} {c}"))
        ):
            out[i] = _match_case(c, "tỉnh")
            continue
        # "Iranh", "irung": a capital T read as I starts no Vietnamese syllable; "Tranh", "trung" do.
        if c[0] in "Ii" and not is_syllable(c) and lex.words.get("t" + low[1:], 0) >= _COMMON_WORD:
            out[i] = ("T" if c[0] == "I" else "t") + c[1:]
            continue
        # "phải trả SỐ tiền", "BỊ đơn phải": one word in capitals among lower-case words is a case
        # slip (an accented word cannot be an abbreviation).
        if (
            c.isupper()
            and not c.isascii()
            and low in lex.words
            and is_syllable(c)
            and prev_core.lower() not in _HONORIFICS
        ):
            nxt = out[i + 1] if i + 1 < n else ""
            before = prev_core.isalpha() and prev_core.islower() or (i == 0 or bool(post[i - 1].strip()))
            if before and nxt.isalpha() and nxt.islower() and not post[i]:
                out[i] = low if prev_core.islower() and not post[i - 1] else low[0].upper() + low[1:]
                c = out[i]
                low = c.lower()
        # the neighbours in the same case (lower case, or capitals in a heading), not across
        # punctuation ("...đồng. Tiền"): what the pairs of the texts can speak for
        caps = c.isupper()
        nxt = out[i + 1] if i + 1 < n else ""
        prev_low = _context(prev_core, caps) if i and not pre[i] and not post[i - 1] else ""
        next_low = _context(nxt, caps) if nxt and not post[i] and not pre[i + 1] else ""
        # A malformed word: the likeliest known word with the same letters.
        if _suspect(c, lex) and not c.isascii() and not is_syllable(c):
            best = _nearest_word(c, lex, prev_low, next_low)
            if best is not None and (
                not c[:1].isupper() or c.isupper() or lex.words.get(best, 0) >= _COMMON_WORD
            ):
                out[i] = _match_case(c, best)
            continue
        # A real word its neighbours reject, one mark from a word they expect; a capitalised word
        # only at the start of a sentence (elsewhere it is a name).
        starts = not i or (post[i - 1][-1:] or "x") in ".:;!?" or (pre[i][-1:] or "x") in '("“'
        if c.islower() or caps or (starts and c[1:].islower()):
            best = _real_word_fix(low, prev_low, next_low, lex, starts and not prev_low)
            if best is not None:
                out[i] = _match_case(c, best)
    # "1.020 m?": the superscript of m² read as a question mark.
    for i in range(1, n):
        if out[i] == "m" and post[i][:1] == "?" and any(ch.isdigit() for ch in out[i - 1]):
            post[i] = "²" + post[i][1:]
    # A speck read as a quote inside a name: "Huỳnh 'Thị Ngọc Trâm", "anh Trương Công 'T".
    for i in range(1, n):
        if (
            pre[i] in _STRAY_QUOTES
            and out[i][:1].isupper()
            and out[i - 1][:1].isupper()
            and not post[i - 1]
            and not any(q in post[i] for q in _STRAY_QUOTES + '"”')
        ):
            pre[i] = ""
    for i in range(n - 1):
        after = " ".join(out[i + 1 : i + 4])
        if (
            post[i] == ";"
            and not pre[i + 1]
            and (
                _COMMA_BEFORE_RE.match(after)
                or (out[i][-1:].isdigit() and _COMMA_AFTER_NUMBER_RE.match(after))
            )
        ):
            post[i] = ","
    return [p + c + q for p, c, q in zip(pre, out, post, strict=True)]


_SPLIT_RE = re.compile(r"(\s+)")


def correct_ocr_text(s: str) -> str:
    """`s` with OCR slips fixed word by word; whitespace and line breaks are kept as they are.

    A paragraph (lines up to a blank line) is one word sequence, so a phrase wrapped over two
    lines ("Người có quyên" / "lợi") is still recognised.
    """
    pieces = _SPLIT_RE.split(nfc(s))
    out = list(pieces)
    start = 0  # index in `pieces` of the paragraph's first word
    for k in range(1, len(pieces) + 1, 2):
        if k == len(pieces) or pieces[k].count("\n") >= 2:
            idx = list(range(start, k, 2))
            for i, t in zip(idx, correct_words([pieces[i] for i in idx]), strict=True):
                out[i] = t
            start = k + 1
    return "".join(out)


def correct_page(page: Page) -> Page:
    """A new Page with corrected word texts; boxes, confidences and word count unchanged.

    Consecutive lines of one layout block are read as one word sequence (a phrase may wrap), but
    only word texts change: an amount split by OCR ("5." + "600.000.000") stays two words, and
    `find_amounts` reads it whole.
    """
    groups: list[list[int]] = []  # runs of line indices in the same block
    for i, line in enumerate(page.lines):
        if groups and page.lines[groups[-1][-1]].block == line.block:
            groups[-1].append(i)
        else:
            groups.append([i])
    lines = list(page.lines)
    for group in groups:
        words = [w for i in group for w in page.lines[i].words]
        texts = iter(correct_words([unicodedata.normalize("NFC", w.text) for w in words]))
        for i in group:
            new_words = []
            for w in page.lines[i].words:
                t = next(texts)
                new_words.append(w if w.text == t else w.model_copy(update={"text": t}))
            lines[i] = Line(words=new_words, block=page.lines[i].block)
    return page.model_copy(update={"lines": lines})
