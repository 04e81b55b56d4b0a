"""Variants of one judgment's text that a court, a typist or a publisher could have written instead:
the same facts, another surface. The extraction's scored facts must not change under any of them.

Each perturbation is a function text → text, deterministic, written from the language and the
judgment format (honorifics by age, list numbering, spacing, old/new tone placement, the ways an
amount is written, a two-column header read column by column), never from one document's wording.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable

Perturbation = Callable[[str], str]

# -- honorifics ---------------------------------------------------------------------------------
# "Ông"/"Bà" and "Anh"/"Chị" are the same person named with another honorific (by age); the
# scorer drops them, so the extraction must not depend on which one is written.
_HON_SWAP = {"Ông": "Anh", "ông": "anh", "Bà": "Chị", "bà": "chị"}
# Not in place or street names ("tỉnh Bà Rịa", "đường Bà Triệu"): after a place word, "Bà" is a name.
_HON_RE = re.compile(
    r"(?<!tỉnh )(?<!huyện )(?<!xã )(?<!phường )(?<!đường )(?<!phố )(?<!Tỉnh )(?<!Đường )(?<!Phố )"
    r"\b(Ông|ông|Bà|bà)(?= [A-ZĐÂĂÊÔƠƯÁÀẢÃẠÉÈẺẼẸÍÌỈĨỊÓÒỎÕỌÚÙỦŨỤÝỲỶỸỴ])(?! Rịa)"
)


def honorific_age(text: str) -> str:
    return _HON_RE.sub(lambda m: _HON_SWAP[m.group(1)], text)


# -- list numbering -----------------------------------------------------------------------------
_DASH_ITEM = re.compile(r"(?m)^([ \t]*)[-–+•*]\s+(?=\S)")
_NUM_ITEM = re.compile(r"(?m)^([ \t]*)(\d{1,2})[.)]\s+(?=\D)")


def numbering_dash_to_letters(text: str) -> str:
    """ "- Ông A ..." → "a) Ông A ...": dashed items become lettered sub-items, counted within each
    run of consecutive items (a blank line or a line of another kind ends the run)."""
    out, n = [], 0
    for line in text.split("\n"):
        m = _DASH_ITEM.match(line)
        if m and n < 26:
            out.append(f"{m.group(1)}{'abcdefghiklmnopqrstuvxyz'[n]}) {line[m.end() :]}")
            n += 1
        else:
            n = 0
            out.append(line)
    return "\n".join(out)


def numbering_to_bullets(text: str) -> str:
    """ "- Nguyên đơn:" → "• Nguyên đơn:" (numbered items keep their numbers: the operative part
    refers to them, "khoản tiền nêu tại mục 1")."""
    return _DASH_ITEM.sub(lambda m: f"{m.group(1)}• ", text)


# -- spacing ------------------------------------------------------------------------------------
def spacing_loose(text: str) -> str:
    """A space before colons and semicolons, two after commas, trailing blanks: a typist's spacing."""
    text = re.sub(r"(?<=\w):(?=\s)", " :", text)
    text = re.sub(r"(?<=\w);", " ;", text)
    text = re.sub(r", (?=\S)", ",  ", text)
    return re.sub(r"(?m)(\S)$", r"\1  ", text)


def spacing_tight(text: str) -> str:
    """No space after a label's colon ("Số:12/2024", "địa chỉ:Số 5") and single spaces."""
    text = re.sub(r"(?<=[^\W\d_]):[ \t]+(?=\S)", ":", text)
    return re.sub(r"(?<=\S)[ \t]{2,}(?=\S)", lambda m: m.group(0) if len(m.group(0)) >= 3 else " ", text)


# -- tone placement -----------------------------------------------------------------------------
_NEW_TO_OLD = {"òa": "oà", "óa": "oá", "ỏa": "oả", "õa": "oã", "ọa": "oạ", "òe": "oè", "óe": "oé",
               "ỏe": "oẻ", "ọe": "oẹ", "ùy": "uỳ", "úy": "uý", "ủy": "uỷ", "ũy": "uỹ", "ụy": "uỵ"}  # fmt: skip
_NEW_TO_OLD.update({k.upper(): v.upper() for k, v in list(_NEW_TO_OLD.items())})
_TONE_RE = re.compile(r"(?<![qQ])(" + "|".join(_NEW_TO_OLD) + r")(?!\w)")


def old_tones(text: str) -> str:
    """ "Tòa", "hòa", "ủy" → "Toà", "hoà", "uỷ": the older placement many courts still print."""
    return _TONE_RE.sub(lambda m: _NEW_TO_OLD[m.group(1)], text)


# -- amounts ------------------------------------------------------------------------------------
_AMOUNT = re.compile(r"(?<![\d.,])(\d{1,3}(?:\.\d{3})+)(\s*)(đồng|VNĐ|VND|đ\b)")

_DIGITS = ["không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín"]


def _three(n: int, full: bool) -> str:
    h, t, u = n // 100, n // 10 % 10, n % 10
    words: list[str] = []
    if full or h:
        words += [_DIGITS[h], "trăm"]
    if t == 0 and u:
        if words:
            words.append("linh")
        words.append(_DIGITS[u])
    elif t == 1:
        words.append("mười")
        if u:
            words.append("lăm" if u == 5 else _DIGITS[u])
    elif t > 1:
        words += [_DIGITS[t], "mươi"]
        if u:
            words.append({1: "mốt", 5: "lăm", 4: "tư"}.get(u, _DIGITS[u]))
    return " ".join(words)


def vn_words(n: int) -> str:
    """An amount read out the usual way: 1.250.000.000 → "một tỷ hai trăm năm mươi triệu"."""
    if n == 0:
        return "không"
    if n >= 10**9:
        head, rest = divmod(n, 10**9)
        tail = vn_words(rest) if rest else ""
        if 10**6 <= rest < 10**8:  # "một tỷ không trăm năm mươi triệu"
            tail = "không trăm " + tail
        return f"{vn_words(head)} tỷ" + (f" {tail}" if tail else "")
    parts = []
    for unit, name in ((10**6, "triệu"), (10**3, "nghìn"), (1, "")):
        g = n // unit % 1000
        if g:
            parts.append((_three(g, full=bool(parts)) + (f" {name}" if name else "")).strip())
    return " ".join(parts)


def _fmt(n: int, sep: str) -> str:
    return f"{n:,}".replace(",", sep)


def amounts_comma(text: str) -> str:
    return _AMOUNT.sub(lambda m: _fmt(int(m.group(1).replace(".", "")), ",") + m.group(2) + m.group(3), text)


def amounts_space(text: str) -> str:
    return _AMOUNT.sub(lambda m: _fmt(int(m.group(1).replace(".", "")), " ") + m.group(2) + m.group(3), text)


def _scaled(n: int) -> str | None:
    """1.250.000.000 → "1,25 tỷ"; 6.500.000 → "6,5 triệu"; None when it needs more than 3 decimals."""
    for unit, name in ((10**9, "tỷ"), (10**6, "triệu")):
        if n >= unit and n % (unit // 1000) == 0:
            whole, frac = divmod(n, unit)
            dec = f"{frac * 1000 // unit:03d}".rstrip("0")
            return f"{whole}" + (f",{dec}" if dec else "") + f" {name}"
    return None


def amounts_scaled(text: str) -> str:
    def sub(m: re.Match[str]) -> str:
        s = _scaled(int(m.group(1).replace(".", "")))
        return m.group(0) if s is None else f"{s} đồng"

    return _AMOUNT.sub(sub, text)


def amounts_words(text: str) -> str:
    """Digits replaced by the amount in words (a judgment may write an amount only in words)."""
    return _AMOUNT.sub(lambda m: vn_words(int(m.group(1).replace(".", ""))) + " đồng", text)


# -- header layout ------------------------------------------------------------------------------
_COLUMNS = re.compile(r"^(\S.*?\S)[ \t]{3,}(\S.*)$")


def header_columns_linear(text: str) -> str:
    """The two-column header read column by column (left block, then right block), as OCR of a
    printed header returns it."""
    lines = text.split("\n")
    left, right, i = [], [], 0
    while i < min(len(lines), 12):
        m = _COLUMNS.match(lines[i].strip())
        if not m and left and lines[i].strip().isupper() and len(lines[i].strip()) < 60:
            left.append(lines[i].strip())  # a third line of the left column alone ("TỈNH X")
            i += 1
            continue
        if not m:
            if left or not lines[i].strip():
                if left and lines[i].strip():
                    break
                i += 1
                if left:
                    break
                continue
            break
        left.append(m.group(1))
        right.append(m.group(2))
        i += 1
    if not left:
        return text
    return "\n".join([*left, "", *right, *lines[i:]])


def header_columns_tabbed(text: str) -> str:
    """Columns separated by a tab instead of runs of spaces, each column line trimmed."""
    return "\n".join(
        re.sub(r"(?<=\S)[ ]{3,}(?=\S)", "\t", ln.strip()) if i < 12 else ln
        for i, ln in enumerate(text.split("\n"))
    )


PERTURBATIONS: dict[str, Perturbation] = {
    "honorific_age": honorific_age,
    "numbering_letters": numbering_dash_to_letters,
    "numbering_bullets": numbering_to_bullets,
    "spacing_loose": spacing_loose,
    "spacing_tight": spacing_tight,
    "old_tones": old_tones,
    "amounts_comma": amounts_comma,
    "amounts_space": amounts_space,
    "amounts_scaled": amounts_scaled,
    "amounts_words": amounts_words,
    "header_linear": header_columns_linear,
    "header_tabbed": header_columns_tabbed,
}


def variants(text: str) -> dict[str, str]:
    """Every perturbation of the text that changes it (NFC kept)."""
    out = {}
    for name, fn in PERTURBATIONS.items():
        v = unicodedata.normalize("NFC", fn(text))
        if v != text:
            out[name] = v
    return out
