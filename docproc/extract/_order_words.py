"""The words of ordering (and of the fee item) as OCR damages them, put back before the operative
part is read.

The rules match the verbs of ordering exactly where a tone changes the meaning ("trả" / "trà", "giao" /
"giáo": `_patterns`), so a scan's "Buôc ông A trả", "ông A phai tra cho B", "bồi thưởng", "liên đổi"
orders nothing. Here the few words that order money are found with any tone and vowel shape, each in
a context where no other word of that shape fits (no Vietnamese word is spelt "buôc"; "tra" before
"cho" is "trả"), and rewritten letter for letter: the text keeps its length, so every span still
points at the document. The reader lowers the confidence of an order read through such a repair
(`ORDER_WORD_REPAIRED`).
"""

from __future__ import annotations

import re
import unicodedata

__all__ = ["repair_order_words"]

_TONES = ("", "\u0300", "\u0301", "\u0309", "\u0303", "\u0323")
_SHAPES = {"a": "aăâ", "ă": "aăâ", "â": "aăâ", "e": "eê", "ê": "eê", "o": "oôơ", "ô": "oôơ", "ơ": "oôơ"}
_SHAPES |= {"u": "uư", "ư": "uư", "i": "i", "y": "y"}
_BASE = {unicodedata.normalize("NFC", b + t): b for b in _SHAPES for t in _TONES}


def _loose_char(c: str) -> str:
    low = c.lower()
    base = _BASE.get(low)
    if base is not None:
        variants = {unicodedata.normalize("NFC", s + t) for s in _SHAPES[base] for t in _TONES}
        variants |= {v.upper() for v in variants}
        return "[" + "".join(sorted(variants)) + "]"
    if low == "đ":
        return "[đĐdD]"
    if c == " ":
        return r"\s"
    return "[" + low + low.upper() + "]" if low.isalpha() else re.escape(c)


def _loose(phrase: str) -> str:
    """`phrase` with any tone and vowel shape, "đ" or "d", one whitespace between words."""
    return "".join(_loose_char(c) for c in phrase)


# Verbs that follow a modal in an order ("phải trả", "phải liên đới bồi thường", "phải chịu").
_VERBS = ("thanh toán", "bồi thường", "hoàn trả", "liên đới", "tiếp tục", "cấp dưỡng", "trả", "chịu", "nộp")
_VERB_AFTER = r"(?=\s+(?:" + "|".join(_loose(v) for v in _VERBS) + r")(?!\w))"

# (pattern, the word as written): each pattern matches exactly as many characters as the word has.
_REPAIRS: tuple[tuple[re.Pattern[str], str], ...] = (
    # "buộc": only the vowel varies ("bước" keeps its "ư" and is another word)
    (re.compile(r"(?<!\w)[Bb]u[oôơòóỏõọồốổỗộờớởỡợ]c(?=\s+\w)"), "buộc"),
    (re.compile(rf"(?<!\w){_loose('bồi thường')}(?!\w)"), "bồi thường"),
    (re.compile(rf"(?<!\w){_loose('thanh toán')}(?!\w)"), "thanh toán"),
    # the last letter read as dust before "cho": "bồi thườn: cho", "thanh toá' cho"
    (re.compile(rf"(?<!\w){_loose('bồi thườn')}[:;'’.,`](?=\s+{_loose('cho')}(?!\w))"), "bồi thường"),
    (re.compile(rf"(?<!\w){_loose('thanh toá')}[:;'’.,`](?=\s+{_loose('cho')}(?!\w))"), "thanh toán"),
    (re.compile(rf"(?<!\w){_loose('liên đới')}(?=\s+\w)"), "liên đới"),
    (re.compile(rf"(?<!\w){_loose('hoàn trả')}(?!\w)"), "hoàn trả"),
    (re.compile(rf"(?<!\w){_loose('có nghĩa vụ')}(?!\w)"), "có nghĩa vụ"),
    # the words of the fee item ("an phi", "tạm ửng", "khâu trừ", "mỗi ngưòi"): no other words of their shape
    (re.compile(rf"(?<!\w){_loose('án phí')}(?!\w)"), "án phí"),
    (re.compile(rf"(?<!\w){_loose('lệ phí')}(?!\w)"), "lệ phí"),
    (re.compile(rf"(?<!\w){_loose('tạm ứng')}(?!\w)"), "tạm ứng"),
    (re.compile(rf"(?<!\w){_loose('khấu trừ')}(?!\w)"), "khấu trừ"),
    (re.compile(rf"(?<!\w){_loose('mỗi người')}(?!\w)"), "mỗi người"),
    # "phải" only before a verb of ordering ("phái" is also a faction)
    (re.compile(rf"(?<!\w){_loose('phải')}{_VERB_AFTER}"), "phải"),
    # "trả" only where it pays someone: before "cho", "lại cho", "nợ" (not "điều tra", "kiểm tra")
    (
        re.compile(
            rf"(?<!\w)(?<!điều\s)(?<!kiểm\s)(?<!thanh\s)(?<!truy\s){_loose('trả')}"
            rf"(?=\s+(?:{_loose('lại')}\s+)?(?:{_loose('cho')}|{_loose('nợ')})(?!\w))"
        ),
        "trả",
    ),
)


def repair_order_words(text: str, start: int, end: int) -> tuple[str, list[int]]:
    """`text` with the damaged words of ordering in text[start:end] written as they should be, and the
    positions rewritten. Same length as `text`."""
    chars = list(text)
    fixed: list[int] = []
    for pattern, word in _REPAIRS:
        for m in pattern.finditer(text, start, end):
            if len(m.group()) != len(word) or re.sub(r"\s", " ", m.group().lower()) == word:
                continue
            if _in_name(text, m.start(), m.group()):
                continue
            for k, ch in enumerate(word):
                old = chars[m.start() + k]
                if ch != " ":  # the whitespace between words stays as read (a line break is one)
                    chars[m.start() + k] = ch.upper() if old.isupper() else ch
            fixed.append(m.start())
    return ("".join(chars), sorted(fixed)) if fixed else (text, [])


_PREV_WORD_RE = re.compile(r"(\w+)[ \t]+$")


def _in_name(text: str, at: int, found: str) -> bool:
    """Whether the words found are part of a name ("ông Nguyễn Thanh Toàn", "bà Lê Thị Trà cho ..."):
    a later word capitalised, or the first capitalised after a capitalised word."""
    words = found.split()
    if found.isupper():
        return False  # a heading in capitals ("VỀ AN PHÍ")
    if any(w[:1].isupper() for w in words[1:]):
        return True
    prev = _PREV_WORD_RE.search(text, max(0, at - 30), at)
    return words[0][:1].isupper() and prev is not None and prev.group(1)[:1].isupper()
