"""The fixed legal phrases that introduce assets, security and fees, as OCR damages them, put back
before the operative part is read.

The asset, security and fee rules key on labels ("Giấy chứng nhận quyền sử dụng đất số", "thửa đất
số", "biển kiểm soát", "để bảo đảm thi hành án", "tạm ứng án phí"): when a phone photo turns one letter
into a speck ("Giấy chứ:ø nhận", "tài sản gắn liề: vứi đất") the label is not found and its fact is
lost although the identifier after it reads well. The table below holds those phrases, taken from the
rules' own patterns (`_patterns`, `_asset_rules`, `assets`, `_fee_rules`) and the guidelines' wording.

A phrase is found with a bounded edit cost on letters without their marks: a tone or vowel shape is
free, a speck (a character that is no Vietnamese letter) put for a letter or inserted, or a space
lost or added, costs half, a letter put for another, inserted or lost costs one. The cost is bounded
by the phrase's length (one in eight characters, at least one), letter-for-letter edits are allowed
only in phrases of 12 characters or more (one per 12), three quarters of the phrase must read exactly,
most of its words must be whole, and the match never crosses a digit or starts or ends inside a word.
Short phrases thus only take specks and marks: "thể chất" is never "thế chấp".

A match as long as its phrase is rewritten letter for letter (the whitespace as read); a longer one
(a speck inserted: "quyền sử dụt ø đất") is rewritten as the phrase followed by spaces, which the
rules read as whitespace. Either way the text keeps its length, so every span still points at the
document. A shorter match (a letter lost) is left alone. The reader lowers the confidence of a fact
read through a repaired phrase (`_confidence.PHRASE_REPAIRED`).
"""

from __future__ import annotations

import re
from functools import cache, lru_cache

from docproc.text.fold import base_letter

__all__ = ["PHRASES", "repair_legal_phrases"]

# The labels the rules read, longest first where one contains another.
PHRASES: tuple[str, ...] = (
    # assets: land and houses (assets._CERT_RE, PLOT_RE, SHEET_RE, _KIND_HEADS, _LAND_WORDS)
    "quyền sử dụng đất và tài sản gắn liền với đất",
    "Giấy chứng nhận quyền sử dụng đất",
    "Giấy chứng nhận quyền sở hữu",
    "Giấy chứng nhận đăng ký",
    "Giấy chứng nhận",
    "tài sản gắn liền với đất",
    "quyền sở hữu nhà ở",
    "quyền sử dụng đất",
    "tờ bản đồ địa chính",
    "tờ bản đồ số",
    "thửa đất số",
    "diện tích",
    "tọa lạc tại",
    # vehicles and vessels (PLATE_RE's context, _VESSEL_REG_RE)
    "biển kiểm soát",
    "số đăng ký",
    "số khung",
    # security (SEC_REQ_RE, SEC_PASSIVE_RE, SEC_CUT_RE, SEC_HOLD_RE, assets._CONTRACT_RE)
    "Hợp đồng thế chấp",
    "tài sản thế chấp",
    "tài sản bảo đảm",
    "bảo đảm thi hành án",
    "đảm bảo thi hành án",
    "để bảo đảm",
    "để đảm bảo",
    "thi hành án",
    "thế chấp",
    "bảo đảm",
    "đảm bảo",
    "kê biên",
    "tạm giữ",
    "phong tỏa",
    "phát mãi",
    "phát mại",
    "bán đấu giá",
    "duy trì",
    "giữ nguyên",
    # fees (_fee_rules, FEE_WORD_RE, ADVANCE_RE, REFUND_TO_RE)
    "tạm ứng án phí",
    "án phí dân sự sơ thẩm",
    "án phí hình sự sơ thẩm",
    "biên lai thu",
    "án phí",
    "hoàn trả",
)

_KNOWN = frozenset(p.lower() for p in PHRASES)
_LETTERS = set("abcdefghijklmnopqrstuvwxyzđ")


@lru_cache(maxsize=4096)
def _base(c: str) -> str:
    """A character without its marks, lower case ("ế" -> "e", "Đ" -> "d"); other characters as they are."""
    low = c.lower()
    if low == "đ":
        return "d"
    d = base_letter(low)
    return d if d.isascii() and d.isalpha() else low


def _is_letter(c: str) -> bool:
    return _base(c) in _LETTERS or c.lower() == "đ"


@lru_cache(maxsize=4096)
def _kind(c: str) -> str:
    """'l' a Vietnamese letter, 'd' a digit, 's' whitespace, 'j' anything else (a speck)."""
    if c.isspace():
        return "s"
    if c.isdigit():
        return "d"
    return "l" if _is_letter(c) else "j"


_INF = 1e9


def _sub_cost(p: str, t: str) -> float:
    k = _kind(t)
    if k == "d":
        return _INF
    if (p == " " and k == "s") or (p != " " and _base(p) == _base(t)):
        return 0.0
    return 0.5 if k == "j" else 1.0


def _ins_cost(t: str) -> float:  # a text character the phrase does not have
    k = _kind(t)
    return _INF if k == "d" else 0.5 if k in "sj" else 1.0


def _del_cost(p: str) -> float:  # a phrase character the text does not have
    return 0.5 if p == " " else 1.0


@lru_cache(maxsize=16384)
def _align(phrase: str, window: str) -> tuple[float, int, int, tuple[tuple[str, str, str], ...]] | None:
    """The substring of `window` closest to `phrase`: (cost, start, end, operations)."""
    n, m = len(phrase), len(window)
    pb = [_base(c) if c != " " else " " for c in phrase]
    tb = [_base(c) if not c.isspace() else " " for c in window]
    tk = [_kind(c) for c in window]
    ins = [_INF if k == "d" else 0.5 if k in "sj" else 1.0 for k in tk]
    junk = [0.5 if k == "j" else _INF if k == "d" else 1.0 for k in tk]
    # D[i][j]: cost of phrase[:i] against a substring of window ending at j (free start)
    prev = [0.0] * (m + 1)
    B: list[list[str]] = [[""] * (m + 1) for _ in range(n + 1)]
    for i in range(1, n + 1):
        p = pb[i - 1]
        dl = 0.5 if p == " " else 1.0
        cur = [prev[0] + dl] + [0.0] * m
        row = B[i]
        row[0] = "d"
        for j in range(1, m + 1):
            best, op = prev[j - 1] + (0.0 if tb[j - 1] == p else junk[j - 1]), "m"
            c = cur[j - 1] + ins[j - 1]
            if c < best:
                best, op = c, "i"
            c = prev[j] + dl
            if c < best:
                best, op = c, "d"
            cur[j], row[j] = best, op
        prev = cur
    # the best end: lowest cost, then the length nearest the phrase's
    end = min(range(1, m + 1), key=lambda j: (prev[j], abs(j - n)))
    if prev[end] >= _INF:
        return None
    cost = prev[end]
    ops: list[tuple[str, str, str]] = []
    i, j = n, end
    while i > 0:
        op = B[i][j]
        if op == "m":
            ops.append(("m", phrase[i - 1], window[j - 1]))
            i, j = i - 1, j - 1
        elif op == "i":
            ops.append(("i", "", window[j - 1]))
            j -= 1
        else:
            ops.append(("d", phrase[i - 1], ""))
            i -= 1
    ops.reverse()
    return cost, j, end, tuple(ops)


@cache
def _phrase_words(phrase: str) -> tuple[str, ...]:
    return tuple("".join(_base(c) for c in w) for w in phrase.split())


def _is_letter_edit(op: str, p: str, t: str) -> bool:
    """A letter put for another, a letter inserted or lost (not a speck, a space or a mark)."""
    if op == "m":
        return _kind(t) in "ls" and _sub_cost(p, t) > 0
    return _kind(t) == "l" if op == "i" else p != " "


def _word_damage(phrase: str, ops: tuple[tuple[str, str, str], ...]) -> list[tuple[int, int]]:
    """(letter edits, other edits) in each word of the phrase."""
    word_of, w = [], 0
    for c in phrase:
        word_of.append(w if c != " " else -1)
        w += c == " "
    damage = [[0, 0] for _ in range(w + 1)]
    i = 0
    for op, p, t in ops:
        k = word_of[min(i, len(phrase) - 1)]
        if k < 0:  # on a space: the damage belongs to the word before
            k = word_of[i - 1] if i > 0 else 0
        cost = 0.0 if op == "m" and (p == " " and t.isspace() or _base(p) == _base(t)) else 1.0
        if cost:
            damage[k][0 if _is_letter_edit(op, p, t) else 1] += 1
        i += op != "i"
    return [(a, b) for a, b in damage]


def _acceptable(phrase: str, ops: tuple[tuple[str, str, str], ...], cost: float) -> bool:
    """Within the damage a scan does to a label, and far from any other words."""
    n = len(phrase)
    if cost > max(1.0, n / 8):
        return False
    if sum(_is_letter_edit(op, p, t) for op, p, t in ops) > n // 12:
        return False
    exact = sum(1 for op, p, t in ops if op == "m" and (p.lower() == t.lower() or (p == " " and t.isspace())))
    if exact < 0.75 * n:
        return False
    # at least one word whole, most of them whole or one speck away
    damage = _word_damage(phrase, ops)
    whole = sum(1 for le, other in damage if le == 0 and other == 0)
    near = sum(1 for le, other in damage if le == 0 and other <= 1)
    return whole >= max(1, len(damage) // 2) and near >= len(damage) - max(1, len(damage) // 3)


def _enough_words(window: str, phrase: str) -> bool:
    """Enough of the phrase's words in the window whole (marks ignored) to try aligning it."""
    words = _phrase_words(phrase)
    read = set(re.findall(r"[a-z]+", window))
    return sum(1 for w in words if w in read) >= max(1, len(words) // 2)


def _compact(s: str) -> str:
    return "".join(_base(c) for c in s if not c.isspace())


def _boundary(text: str, start: int, end: int) -> bool:
    """The match neither starts nor ends inside a word or a number."""
    before = text[start - 1] if start > 0 else " "
    after = text[end] if end < len(text) else " "
    return not (before.isalnum() or after.isalnum())


def _in_name(found: str, phrase: str) -> bool:
    """A later word capitalised where the phrase has it in lower case: a name ("bà Diện Tích Thảo")."""
    if found.isupper():
        return False
    return any(
        w[:1].isupper() and not c[:1].isupper()
        for w, c in zip(found.split()[1:], phrase.split()[1:], strict=False)
    )


def _candidates(index: dict[str, list[int]], phrase: str) -> list[int]:
    """Where the phrase may start: around every whole word of it found in the text (marks ignored)."""
    words = _phrase_words(phrase)
    offsets, at = [], 0
    for w in phrase.split():
        at = phrase.index(w, at)
        offsets.append(at)
        at += len(w)
    starts: set[int] = set()
    # any word may be the one left whole; one letter alone anchors nothing ("ở")
    for w, off in zip(words, offsets, strict=True):
        if len(w) < 2 and len(words) > 1:
            continue
        starts.update(p - off for p in index.get(w, ()))
    out: list[int] = []
    for s in sorted(starts):
        if not out or s - out[-1] > 3:
            out.append(s)
    return out


def repair_legal_phrases(text: str, start: int, end: int) -> tuple[str, list[int]]:
    """`text` with the damaged legal phrases in text[start:end] written as they should be, and the
    positions rewritten. Same length as `text`."""
    skel = text[:start] + "".join(_base(c) if not c.isspace() else " " for c in text[start:end]) + text[end:]
    chars = list(text)
    taken = [False] * len(text)
    fixed: list[int] = []
    index: dict[str, list[int]] = {}
    for m in re.finditer(r"[a-z]+", skel[start:end]):
        index.setdefault(m.group(), []).append(start + m.start())
    for phrase in PHRASES:
        n, slack = len(phrase), 3
        for cs in _candidates(index, phrase):
            w0, w1 = max(start, cs - slack), min(end, cs + n + slack)
            if w1 - w0 < n // 2:
                continue
            window = text[w0:w1]
            if phrase.lower() in window.lower() or not _enough_words(skel[w0:w1], phrase):
                continue  # written well, or too few of its words to be this phrase
            if n < 12 and not any(_kind(c) == "j" for c in window):
                # no speck and no letter edit allowed: only marks and spaces can differ
                if _compact(phrase) not in _compact(skel[w0:w1]):
                    continue
            found = _align(phrase, text[w0:w1])
            if found is None:
                continue
            cost, s, e, ops = found
            s, e = w0 + s, w0 + e
            got = text[s:e]
            if " ".join(got.lower().split()) in _KNOWN:
                continue  # written well (or as another phrase of the table: "phát mại" / "phát mãi")
            if e - s < n or any(taken[s:e]) or "\n" in got and e - s != n:
                continue
            if not got[:1].strip() or not got[-1:].strip() or not _boundary(text, s, e):
                continue
            if _in_name(got, phrase) or not _acceptable(phrase, ops, cost):
                continue
            if all(_base(p) == _base(t) for op, p, t in ops if op == "m") and cost == 0:
                if sum(p != t.lower() for _op, p, t in ops) > max(1, n // 6):
                    continue  # marks alone, too many of them: another word, not damage
            new = _cased(phrase, got)
            if e - s == n:
                for k, ch in enumerate(new):
                    if ch != " " or not chars[s + k].isspace():  # a line break stays one
                        chars[s + k] = ch
            else:
                chars[s:e] = list(new + " " * (e - s - n))
            for k in range(s, e):
                taken[k] = True
            fixed.append(s)
    return ("".join(chars), sorted(fixed)) if fixed else (text, [])


def _cased(phrase: str, found: str) -> str:
    """The phrase in the case the text writes it: all capitals, or its first letter's case."""
    if found.isupper() and len(found) > 3:
        return phrase.upper()
    if found[:1].isupper():
        return phrase[:1].upper() + phrase[1:]
    if found[:1].islower() and phrase[:1].isupper():
        return phrase[:1].lower() + phrase[1:]
    return phrase
