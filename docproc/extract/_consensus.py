"""Consensus across occurrences: a name the judgment repeats is read several times.

OCR damages one occurrence at a time ("Lầm Thị Hồng" once, "Lâm Thị Hồng" twice; "THÀNH PHÔ" in one
court line, "thành phố" in the others). Occurrences with the same letters (marks aside) are lined up
word by word and each word takes the spelling the document repeats most; ties keep the reading at
hand, so clean text, where every occurrence agrees, comes back unchanged.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Sequence

from docproc.extract._fuzzy_names import MARGIN, MARK_COST, NameIndex, damaged, distance, letters
from docproc.extract.sections import bare
from docproc.text.fold import fold_aligned
from docproc.text.names import fix_surname
from docproc.text.ocrfix import _lexicon
from docproc.text.syllables import is_syllable

__all__ = [
    "clean_junk",
    "vote_words",
    "name_occurrences",
    "consensus_name",
    "trim_noise_tail",
    "repair_name",
    "extend_cut_name",
    "complete_cut_name",
    "vote_org_words",
    "REPAIRED_NAME_CONFIDENCE",
]

# Characters that are never part of a name: OCR specks glued to a word ("mối ¡trường", "|Hải").
_JUNK_RE = re.compile(r"[¡¿|~^`°¦¬«»‹›•·_+*#=<>]+")


def clean_junk(name: str) -> str:
    """`name` without OCR specks; spaces collapsed."""
    return re.sub(r"\s+", " ", _JUNK_RE.sub("", name)).strip()


def _fold(word: str) -> str:
    return unicodedata.normalize("NFC", word).lower()


def _match_case(template: str, word: str) -> str:
    """`word`'s letters in `template`'s case, letter by letter (same length in NFC)."""
    if len(template) != len(word):
        return word
    return "".join(w.upper() if t.isupper() else w.lower() for t, w in zip(template, word, strict=True))


def _mark_diff(a: str, b: str) -> int:
    return sum(x != y for x, y in zip(a.lower(), b.lower(), strict=False))


def _malformed(word: str) -> bool:
    """A word with letters that is no Vietnamese syllable ("Xuyêền": two marks on one vowel)."""
    core = word.strip(".,;:-–()")
    return bool(core) and core.isalpha() and not core.isascii() and not is_syllable(core)


def _one_edit(a: str, b: str) -> bool:
    if abs(len(a) - len(b)) > 1 or a == b:
        return a == b
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b, strict=True)) == 1
    short, long_ = (a, b) if len(a) < len(b) else (b, a)
    return any(long_[:i] + long_[i + 1 :] == short for i in range(len(long_)))


def vote_words(base: str, variants: Iterable[str], *, max_marks: int = 2) -> str:
    """`base` with each word replaced by the spelling most variants give at that position.

    A variant votes only if it has as many words as `base` and the same letters word by word
    (`bare`; a malformed word of `base`, "Xuyêền", may differ by one letter); a word changes only
    to a strictly more frequent spelling, at most `max_marks` letters away in their marks (any
    well-formed spelling two variants agree on, for a malformed word), and keeps `base`'s case.
    `base` counts as one vote itself.
    """
    words = base.split(" ")
    keys = [bare(w) for w in words]
    bad = [_malformed(w) for w in words]
    votes: list[Counter[str]] = [Counter({_fold(w): 1}) for w in words]
    for v in variants:
        vw = v.split(" ")
        if len(vw) != len(words):
            continue
        vk = [bare(w) for w in vw]
        if any(a != b and not (m and _one_edit(a, b)) for a, b, m in zip(vk, keys, bad, strict=True)):
            continue
        for i, w in enumerate(vw):
            votes[i][_fold(w)] += 1
    out = []
    for w, c, m in zip(words, votes, bad, strict=True):
        best, n = c.most_common(1)[0]
        own = c[_fold(w)]
        if best != _fold(w) and n > own:
            if m and n >= 2 and not _malformed(best):
                out.append(best if w.islower() else best[:1].upper() + best[1:])
                continue
            if len(best) == len(w) and _mark_diff(best, w) <= max_marks:
                out.append(_match_case(w, best))
                continue
        out.append(w)
    return " ".join(out)


def name_occurrences(name: str, text: str, folded: str | None = None) -> list[str]:
    """Every place `text` writes `name`'s words with the same letters, marks aside, as written there.

    `folded` is `text` lower-cased without marks, aligned one to one (`fold_aligned`)."""
    words = name.split()
    if not words:
        return []
    folded = folded if folded is not None else fold_aligned(text)
    pat = r"(?<!\w)" + r"\s+".join(re.escape(fold_aligned(w)) for w in words) + r"(?!\w)"
    return [" ".join(text[m.start() : m.end()].split()) for m in re.finditer(pat, folded)]


def consensus_name(
    name: str,
    text: str,
    folded: str | None = None,
    avoid: Sequence[str] = (),
    *,
    person: bool = False,
    surname_prior: bool = True,
) -> str:
    """The spelling of `name` the document repeats most (one mark per word at most), unless that
    spelling is another party's name (`avoid`): "Hùng" and "Hưng" may be two people. For a person,
    "ông Thắng" mentions vote for the given name too."""
    occ = name_occurrences(name, text, folded)
    if name in occ:
        occ.remove(name)  # the entry itself: `vote_words` counts it once already
    words = name.split()
    best = vote_words(name, occ, max_marks=1) if len(occ) >= 2 else name
    if person and len(words) >= 2:
        # "ông Thắng", "bà Hằng": the given name as the document says it, with the full mentions
        said = [o.split()[-1] for o in occ] + _given_mentions(name, text, folded)
        if len(said) >= 2:
            last = vote_words(words[-1], said, max_marks=1)
            best = " ".join([*best.split()[:-1], last])
    if person and surname_prior:
        best = fix_surname(best)  # a slip every mention repeats: "Đỉnh Thị Hường" for Đinh
    others = {_fold(a) for a in avoid}
    if best != name and (
        _fold(best) in others or _fold(best.split()[-1]) in {o.split()[-1] for o in others if o}
    ):
        return name  # the spelling is another party's name, or another party's given name
    return best


_HON_MENTION = r"(?<!\w)(?:ong|ba|anh|chi|em|chau|co|chu|bac)\s+"


# Words that fold onto an honorific but are none: "có quyền" is not "cô Quyên", "chỉ" not "chị".
_NOT_HONORIFIC = {"có", "cố", "cổ", "cỡ", "cớ", "cơ", "chỉ", "chí", "chì", "bá", "bả", "bạ", "ống"}


def _is_honorific(word: str) -> bool:
    """The word before a given-name mention may be an honorific (OCR may have lost its marks)."""
    return unicodedata.normalize("NFC", word).strip().lower() not in _NOT_HONORIFIC


def _more_name(after: str) -> bool:
    """`after` goes on with a capitalised word on the same line: the mention is longer than a given name."""
    return after[:1] in (" ", "\t") and after.strip()[:1].isupper()


def _given_mentions(name: str, text: str, folded: str | None) -> list[str]:
    """For a person, the given name as "ông Thắng", "bà Hằng" write it across the document."""
    words = name.split()
    if len(words) < 2:
        return []
    folded = folded if folded is not None else fold_aligned(text)
    pat = _HON_MENTION + "(" + re.escape(fold_aligned(words[-1])) + r")(?!\w)"
    # "bà Văn Thùy N" is another person whose surname is spelt like this given name, not "bà Vân"
    return [
        text[m.start(1) : m.end(1)]
        for m in re.finditer(pat, folded)
        if not _more_name(text[m.end(1) : m.end(1) + 3]) and _is_honorific(text[m.start() : m.start(1)])
    ]


def _noise_token(tok: str) -> bool:
    """A short token OCR makes of specks at a line's end ("SG", "cc", "TNG"); a single capital is
    not one: anonymised names end in one ("Nguyễn Văn A", "Ngân hàng C")."""
    core = tok.strip(".,;:")
    return 2 <= len(core) <= 3 and core.isalpha()


# An organisation's head or legal form: what is left when a distinctive short name is cut off.
_LEGAL_FORM_END = re.compile(
    r"(?i:\b(?:công\s+ty|tổng\s+công\s+ty|cổ\s+phần|tnhh|trách\s+nhiệm\s+hữu\s+hạn|một\s+thành\s+viên|"
    r"hai\s+thành\s+viên|hợp\s+danh|tư\s+nhân|ngân\s+hàng|thương\s+mại|hợp\s+tác\s+xã|doanh\s+nghiệp))$"
)


def trim_noise_tail(name: str, text: str, folded: str | None = None) -> str:
    """`name` without a noisy tail the rest of the document never writes: the entry reads
    "Ngân hàng Thương mại cổ phần C SG" once, the judgment says "Ngân hàng Thương mại cổ phần C"
    everywhere else. Needs 3+ words left and the shorter name written 2+ times besides."""
    words = name.split()
    for cut in (1, 2):
        if len(words) - cut < 3 or not all(_noise_token(w) for w in words[-cut:]):
            break
        if len(name_occurrences(name, text, folded)) > 1:
            break
        short = " ".join(words[:-cut])
        if _LEGAL_FORM_END.search(short):
            break  # "Công ty cổ phần HK": the rest would be a legal form, not a name
        if len(name_occurrences(short, text, folded)) >= 3:
            return short
    return name


# A party name taken from another occurrence (the party line read with damage) is less sure than one
# read as written: its evidence stays the party line, its confidence this.
REPAIRED_NAME_CONFIDENCE = 0.7


def _written(s: str) -> str:
    return " ".join(s.split())


def repair_name(
    name: str,
    text: str,
    index: NameIndex,
    avoid: Sequence[str] = (),
    *,
    damage_seen: bool = False,
) -> str | None:
    """The spelling of `name` the document writes most, when the party line's reading is damaged and
    the document repeats a close reading: "Phah Quốc Dũng" once, "Phan Quốc Dũng" ten times;
    "Thiết'bị" once, "Thiết bị" elsewhere. None when nothing better is written.

    The replacement is a reading the text has at least twice (never a made-up name), more often than
    `name` itself, within `max_distance(name)`, and clearly closer (`MARGIN`) to `name` than to any
    other party's name (`avoid`). `name` must show damage (`damaged`) or differ only in spacing and
    punctuation: two well-formed names ("Nguyễn Văn An", "Nguyễn Văn Anh") are two people.
    `damage_seen`: the caller saw damage the words do not show ("Công E cổ phần" for "Công ty").
    A difference in marks alone follows the majority: OCR may misread one glyph the same way all
    through a page, and then the majority is wrong ("Hãng" for "Hằng" in every line but the party
    line); on the scans measured it was right three times out of four."""
    if len(letters(name)) < 6:
        return None
    counts: Counter[str] = Counter()
    spelled: dict[str, Counter[str]] = {}
    for w in index.windows(name, same_first=False):
        form = _written(w.text)
        key = form.lower()
        counts[key] += 1
        spelled.setdefault(key, Counter())[form] += 1
    own = counts.get(_written(name).lower(), 0)
    others = [a for a in avoid if a and a != name]
    best: tuple[int, float, str] | None = None
    for key, n in counts.items():
        if key == _written(name).lower() or n < 2 or n <= own:
            continue
        d = distance(key, name)
        marks_only = d < 1
        if not (damage_seen or damaged(name) or marks_only):  # damage, spacing or marks explain it
            continue
        if damaged(spelled[key].most_common(1)[0][0]):
            continue
        if any(distance(key, o) < d + MARGIN for o in others):
            continue
        cand = (n, -d, key)
        if best is None or cand > best:
            best = cand
    if best is None:
        return None
    forms = spelled[best[2]]
    # the spelling most often written, preferring normal case over a heading in capitals
    form = max(forms, key=lambda f: (not f.isupper(), forms[f]))
    if form.isupper() and not name.isupper():
        return None
    return form


_LINE_END = re.compile(r"[ \t]*(?:-[ \t]*)?\n[ \t]*")


_NOT_NAME = re.compile(
    r"(?i:sinh|năm|địa|trụ|trú|có|vắng|do|là|số|mã|người|đại|cư|nơi|chức|giám|tổng\s+giám)\b"
)


def extend_cut_name(
    name: str, end: int, text: str, index: NameIndex, *, person: bool = False
) -> tuple[str, int] | None:
    """A party line whose name runs on to the next line ("Công ty TNHH Một thành viên Cấp" /
    "thoát nước Hải Long; trụ sở ...") read as the first line only: the name with the words of the
    next line that the document writes after it elsewhere, and the new end. None when the name
    does not end its line or no longer reading is written elsewhere."""
    m = _LINE_END.match(text, end)
    if not m:
        return None
    nxt = re.match(r"[^\n;:,.()]{1,120}", text[m.end() :])
    if not nxt:
        return None
    words = nxt.group(0).split()
    for k in range(min(len(words), 10), 0, -1):
        tail = " ".join(words[:k])
        if tail[-1:] in "-–" or not (tail[:1].isalpha() or tail[:1].isdigit()) or _NOT_NAME.match(tail):
            continue
        if person and not all(w[:1].isupper() for w in words[:k]):
            continue
        joined = name + ("" if m.group(0).strip() == "-" else " ") + tail
        if m.group(0).strip() == "-":  # "Tr-" / "ung": one word broken by a hyphen
            joined = name.rstrip("-") + tail
        key = letters(joined)
        hits = [
            w
            for w in index.windows(joined, bound=0.0)
            if not (w.start <= end <= w.end) and letters(w.text) == key
        ]
        if hits:
            form = _written(hits[0].text)
            last = text.find(words[k - 1], m.end())
            return (form if not form.isupper() else joined), last + len(words[k - 1])
    return None


_NEXT_WORD = re.compile(r"[ \t]*(?:\n[ \t]*)?([^\W\d_]\w*)")


def complete_cut_name(
    name: str, text: str, index: NameIndex, avoid: Sequence[str] = (), *, organisation: bool = False
) -> str | None:
    """A party line whose name lost its last words ("Ngân hàng Thương mại cổ phần Miền" / "Huỳnh
    Văn: Bảy"): the name with the words the document writes after it everywhere else. A word is
    added when 2+ other occurrences continue with it, three quarters of them at least, one at most
    with another word (the party line's next line), and the longer name is not another party's
    (`avoid`). An organisation's name goes on through lower-case words ("Cấp" / "thoát nước và Môi
    trường Hải Long") but ends on a capitalised one. None when the document does not say more."""
    if len(name.split()) < 2 or len(letters(name)) < 5:
        return None
    others = [letters(a) for a in avoid if a and a != name]
    cur = name
    for _ in range(10 if organisation else 3):
        occ = index.windows(cur, bound=MARK_COST)
        nexts: Counter[str] = Counter()
        forms: dict[str, Counter[str]] = {}
        for w in occ:
            m = _NEXT_WORD.match(text, w.end)
            word = m.group(1) if m else ""
            if word[:1].isupper() or (organisation and word):
                nexts[letters(word)] += 1
                forms.setdefault(letters(word), Counter())[word] += 1
        if not nexts:
            break
        key, n = nexts.most_common(1)[0]
        if n < 2 or n * 4 < (len(occ) - 1) * 3 or sum(nexts.values()) - n > 1:
            break  # too few, or another word goes on the name too ("Văn Tám", "Văn Bảy")
        longer = cur + " " + forms[key].most_common(1)[0][0]
        if any(o.startswith(letters(longer)) or letters(longer).startswith(o) for o in others):
            break
        cur = longer
    words = cur.split()
    while len(words) > len(name.split()) and not words[-1][:1].isupper():
        words.pop()  # "... Hải Long có": a name ends on a capitalised word
    cur = " ".join(words)
    return cur if cur != name else None


_FUNCTION_WORDS = frozenset({"và", "của", "cho", "tại", "với", "các", "những", "-", "–", "&"})


def vote_org_words(name: str, text: str, folded: str | None = None) -> str:
    """An organisation's name with each word's marks as the document writes that word beside the
    same neighbour: "Chỉ cục Kiểm lâm" once, "Chi cục" in every other line. The words of an
    organisation's name are common words, so the text repeats them even when it never repeats the
    whole name. Where the language's word pairs (the post-OCR lexicon) know another spelling beside
    these neighbours and never this one, they decide: OCR may misread a glyph the same way all
    through a page ("Chỉ cục" nine times, "Chi cục" six). Otherwise a word changes when its other spelling is
    written 3+ times and half as often again as its own at least; people's names are left alone (two people may differ by a mark)."""
    words = name.split()
    if len(words) < 2:
        return name
    folded = folded if folded is not None else fold_aligned(text)
    lex = _lexicon()
    out = list(words)
    for i, w in enumerate(words):
        core = w.strip(".,;:()")
        if len(core) < 2 or not core.isalpha() or core.isupper() or core != w:
            continue
        j = i + 1 if i + 1 < len(words) else i - 1
        pair = (words[i], words[j]) if j > i else (words[j], words[i])
        pat = r"(?<!\w)" + r"\s+".join(re.escape(fold_aligned(p)) for p in pair) + r"(?!\w)"
        seen: Counter[str] = Counter()
        for m in re.finditer(pat, folded):
            toks = text[m.start() : m.end()].split()
            if len(toks) == 2:
                seen[_fold(toks[0] if j > i else toks[1])] += 1
        if not seen:
            continue
        prev = _fold(words[i - 1]) if i > 0 else ""
        nxt = _fold(words[i + 1]) if i + 1 < len(words) else ""
        prev, nxt = ("" if x in _FUNCTION_WORDS else x for x in (prev, nxt))  # "lập và" says nothing
        known = {f: lex.pair(prev, f) + lex.pair(f, nxt) for f in seen}
        if max(known.values()) > 0 and known.get(_fold(w), 0) == 0:
            # the language pairs another spelling with these neighbours, never this one: it decides
            best = max(known, key=lambda f: (known[f], seen[f]))
            if len(best) == len(w):
                out[i] = _match_case(w, best)
            continue
        best, n = seen.most_common(1)[0]
        own = seen[_fold(w)]
        if known[best] < known.get(_fold(w), 0):
            continue  # the majority is a spelling the language does not pair so: a glyph misread
        if best != _fold(w) and n >= 3 and 2 * n >= 3 * own and len(best) == len(w):
            out[i] = _match_case(w, best)
    return " ".join(out)
