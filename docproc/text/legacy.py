"""Legacy 8-bit Vietnamese encodings (TCVN3/ABC and VNI-Windows) to Unicode NFC.

Old archive files and PDF text layers typed in `.VnTime` (TCVN3) or `VNI-Times` (VNI) fonts read as
cp1252 mojibake ("Tßa ¸n nh©n d©n", "Toøa aùn nhaân daân"). The tables follow the public TCVN3 (VN3)
and VNI-Windows charts; they were checked byte for byte against the legacy-dev files and their
Unicode texts. TCVN3 has no codes for the 60 toned capitals: typists drew them with lower-case codes
in a capital font, so inside all-capital words they are restored ("TOµ" → "TOÀ"); at the start of a
sentence or name they cannot be and stay lower-case.

A word is converted only when its legacy reading is a valid Vietnamese syllable and its reading as
is is not, so Unicode text (and the Unicode parts of a mixed document) is left alone.
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from collections.abc import Callable
from functools import lru_cache
from typing import Literal

from docproc.text.fold import tone_marks
from docproc.text.normalize import nfc
from docproc.text.syllables import is_syllable

__all__ = [
    "LegacyEncoding",
    "detect_legacy",
    "convert_legacy",
    "encode_legacy",
    "decode_bytes",
    "convert_legacy_font_text",
]

LegacyEncoding = Literal["tcvn3", "vni"]

# -- TCVN3 (VN3) ------------------------------------------------------------------------------------
_TCVN3_CODES: dict[int, str] = {
    0xA1: "Ă", 0xA2: "Â", 0xA3: "Ê", 0xA4: "Ô", 0xA5: "Ơ", 0xA6: "Ư", 0xA7: "Đ",
    0xA8: "ă", 0xA9: "â", 0xAA: "ê", 0xAB: "ô", 0xAC: "ơ", 0xAD: "ư", 0xAE: "đ",
    0xB5: "à", 0xB6: "ả", 0xB7: "ã", 0xB8: "á", 0xB9: "ạ",
    0xBB: "ằ", 0xBC: "ẳ", 0xBD: "ẵ", 0xBE: "ắ", 0xC6: "ặ",
    0xC7: "ầ", 0xC8: "ẩ", 0xC9: "ẫ", 0xCA: "ấ", 0xCB: "ậ",
    0xCC: "è", 0xCE: "ẻ", 0xCF: "ẽ", 0xD0: "é", 0xD1: "ẹ",
    0xD2: "ề", 0xD3: "ể", 0xD4: "ễ", 0xD5: "ế", 0xD6: "ệ",
    0xD7: "ì", 0xD8: "ỉ", 0xDC: "ĩ", 0xDD: "í", 0xDE: "ị",
    0xDF: "ò", 0xE1: "ỏ", 0xE2: "õ", 0xE3: "ó", 0xE4: "ọ",
    0xE5: "ồ", 0xE6: "ổ", 0xE7: "ỗ", 0xE8: "ố", 0xE9: "ộ",
    0xEA: "ờ", 0xEB: "ở", 0xEC: "ỡ", 0xED: "ớ", 0xEE: "ợ",
    0xEF: "ù", 0xF1: "ủ", 0xF2: "ũ", 0xF3: "ú", 0xF4: "ụ",
    0xF5: "ừ", 0xF6: "ử", 0xF7: "ữ", 0xF8: "ứ", 0xF9: "ự",
    0xFA: "ỳ", 0xFB: "ỷ", 0xFC: "ỹ", 0xFD: "ý", 0xFE: "ỵ",
}  # fmt: skip
# Keyed by the character cp1252 (= Latin-1 above 0x9F) reads for the byte.
_TCVN3_DECODE = {chr(b): u for b, u in _TCVN3_CODES.items()}
_TCVN3_ENCODE = {u: chr(b) for b, u in _TCVN3_CODES.items()}
# The 60 toned vowels that TCVN3 can only write in lower case.
_TONED_LOWER = frozenset(u for u in _TCVN3_CODES.values() if tone_marks(u))

# -- VNI-Windows ----------------------------------------------------------------------------------
_GRAVE, _ACUTE, _HOOK, _TILDE, _DOT = "\u0300", "\u0301", "\u0309", "\u0303", "\u0323"
_VNI_TONE = {"ø": _GRAVE, "ù": _ACUTE, "û": _HOOK, "õ": _TILDE, "ï": _DOT}
_VNI_CIRC = {"â": "", "à": _GRAVE, "á": _ACUTE, "å": _HOOK, "ã": _TILDE, "ä": _DOT}  # â ê ô + tone
_VNI_BREVE = {"ê": "", "è": _GRAVE, "é": _ACUTE, "ú": _HOOK, "ü": _TILDE, "ë": _DOT}  # ă + tone
_VNI_SINGLE_LOWER = {
    "ô": "ơ", "ö": "ư", "ñ": "đ", "î": "ỵ",
    "ì": "ì", "í": "í", "æ": "ỉ", "ó": "ĩ", "ò": "ị",
}  # fmt: skip


def _build_vni() -> tuple[dict[str, str], dict[str, str]]:
    pairs: dict[str, str] = {}
    for base in "aeouy":
        for mark, tone in _VNI_TONE.items():
            pairs[base + mark] = unicodedata.normalize("NFC", base + tone)
    for base in "ôö":  # ơ ư + tone
        for mark, tone in _VNI_TONE.items():
            pairs[base + mark] = unicodedata.normalize("NFC", _VNI_SINGLE_LOWER[base] + tone)
    for base in "aeo":
        for mark, tone in _VNI_CIRC.items():
            pairs[base + mark] = unicodedata.normalize("NFC", base + "\u0302" + tone)
    for mark, tone in _VNI_BREVE.items():
        pairs["a" + mark] = unicodedata.normalize("NFC", "a\u0306" + tone)
    # Capitals: both bytes upper-case; real files also mix the cases (`Aù`), read by the base letter.
    full: dict[str, str] = {}
    for seq, letter in pairs.items():
        b, m = seq
        for bb in (b, b.upper()):
            for mm in (m, m.upper()):
                full[bb + mm] = letter.upper() if bb.isupper() else letter
    singles = dict(_VNI_SINGLE_LOWER)
    singles.update({k.upper(): v.upper() for k, v in _VNI_SINGLE_LOWER.items()})
    return full, singles


_VNI_PAIRS, _VNI_SINGLES = _build_vni()
_VNI_BASES = frozenset(k[0] for k in _VNI_PAIRS)
_VNI_ENCODE = {v: k for k, v in _VNI_SINGLES.items()}
for _seq, _letter in _VNI_PAIRS.items():
    if _seq[0].isupper() == _seq[1].isupper():
        _VNI_ENCODE.setdefault(_letter, _seq)

# cp1252 bytes 0x80-0x9F as characters; Latin-1 readings of the same bytes map to them.
_C1_TO_CP1252 = {}
for _b in range(0x80, 0xA0):
    try:
        _C1_TO_CP1252[_b] = bytes([_b]).decode("cp1252")
    except UnicodeDecodeError:
        pass


def _cp1252(data: bytes) -> str:
    """cp1252 that never fails: its 5 undefined bytes read as Latin-1."""
    return data.decode("latin-1").translate(_C1_TO_CP1252)


# -- conversion --------------------------------------------------------------------------------------


def _tcvn3_chars(s: str) -> str:
    return "".join(_TCVN3_DECODE.get(c, c) for c in s)


def _vni_chars(s: str) -> str:
    out: list[str] = []
    i, n = 0, len(s)
    while i < n:
        c = s[i]
        if c in _VNI_BASES and i + 1 < n and (letter := _VNI_PAIRS.get(s[i : i + 2])) is not None:
            out.append(letter)
            i += 2
            continue
        out.append(_VNI_SINGLES.get(c, c))
        i += 1
    return "".join(out)


_WORD_RE = re.compile(r"[^\W\d_]+", re.UNICODE)


def _restore_capitals(s: str, spans: list[tuple[int, int]] | None = None) -> str:
    """Upper-case the toned vowels TCVN3 wrote in lower case where the context says capital.

    Certain: inside all-capital words ("TOµ" → "TOÀ"); a word of one capital and toned vowels
    ("¸N", "Vô") in a heading, i.e. a segment of a line (columns split at 3+ spaces) with an
    all-capital word and no word with lower-case letters of its own ("TP Hà Nội" is no heading). Likely: the first letter of a sentence or line, "Á" alone after a
    capitalised name ("Đông Á"), "Ủy ban" and "Án lệ số" (always capitalised in court documents).
    Anything else stays lower-case. With `spans`, only words inside them are touched.
    """
    words = list(_WORD_RE.finditer(s))
    kinds: list[str] = []  # "caps": all-capital; "maybe": one capital + toned vowels; "other"
    for m in words:
        w = m.group()
        others = [c for c in w if c not in _TONED_LOWER]
        if others and all(c.isupper() for c in others) and len(others) < len(w):
            kinds.append("caps" if len(others) >= 2 else "maybe")
        elif len(w) >= 2 and w.isupper():
            kinds.append("caps")
        else:
            kinds.append("other")
    segment = []  # segment id of each word
    seg = 0
    for i, m in enumerate(words):
        if i and _SEGMENT_BREAK_RE.search(s, words[i - 1].end(), m.start()):
            seg += 1
        segment.append(seg)
    by_seg: dict[int, list[int]] = {}
    for i, g in enumerate(segment):
        by_seg.setdefault(g, []).append(i)
    for members in by_seg.values():
        if not any(kinds[i] == "maybe" for i in members):
            continue
        members = [i for i in members if not _in_code(s, words[i])]  # "52/2025/QĐST-DS" is no heading
        caps = sum(kinds[i] == "caps" for i in members)
        mixed = sum(kinds[i] == "other" and len(words[i].group()) > 1 for i in members)
        if caps and not mixed:  # a heading: no word in it has lower-case letters of its own
            for i in members:
                if kinds[i] == "maybe":
                    kinds[i] = "caps"
    inside = _span_test(spans)
    out = list(s)
    for i, m in enumerate(words):
        w = m.group()
        if not inside(m.start()):
            continue
        if kinds[i] == "caps":
            for k in range(m.start(), m.end()):
                out[k] = out[k].upper()
        elif w[0] in _TONED_LOWER and (
            _sentence_start(s, m.start())
            or (
                w in _ALONE_CAPITAL
                and i > 0
                and segment[i - 1] == segment[i]
                and words[i - 1].group()[0].isupper()
            )
            or _PROPER.match(s, m.start())
        ):
            out[m.start()] = w[0].upper()
    return "".join(out)


_SEGMENT_BREAK_RE = re.compile(r"\n| {3,}|\t")


def _in_code(s: str, m: re.Match[str]) -> bool:
    """Whether the word is part of a chunk with digits (a document number, a plate)."""
    a, b = m.start(), m.end()
    while a > 0 and not s[a - 1].isspace():
        a -= 1
    while b < len(s) and not s[b].isspace():
        b += 1
    return any(c.isdigit() for c in s[a:b])


def _span_test(spans: list[tuple[int, int]] | None) -> Callable[[int], bool]:
    if spans is None:
        return lambda pos: True
    starts = [a for a, _ in spans]

    def inside(pos: int) -> bool:
        k = bisect.bisect_right(starts, pos) - 1
        return k >= 0 and spans[k][0] <= pos < spans[k][1]

    return inside


_ALONE_CAPITAL = frozenset({"á"})  # "Đông Á", "Châu Á"
_PROPER = re.compile(r"(?:ủy ban|uỷ ban|án lệ số)(?!\w)")
_SENTENCE_END_RE = re.compile(r"(?:^|\n|[.!?]\s|\n\s*[-–•+]\s*|\n\s*\d+(?:\.\d+)*[.)]\s*)$")


def _sentence_start(s: str, pos: int) -> bool:
    return bool(_SENTENCE_END_RE.search(s[max(0, pos - 12) : pos])) if pos else True


def convert_legacy(s: str, encoding: LegacyEncoding) -> str:
    """Convert text read as cp1252 (or Latin-1) from a legacy encoding to Unicode NFC, all of it."""
    s = s.translate(_C1_TO_CP1252)
    if encoding == "tcvn3":
        return nfc(_restore_capitals(_tcvn3_chars(s)))
    if encoding == "vni":
        return nfc(_vni_chars(s))
    raise ValueError(f"unknown legacy encoding {encoding!r}")


def encode_legacy(s: str, encoding: LegacyEncoding) -> str:
    """Unicode text written in a legacy encoding, as cp1252 characters (for tests and fixtures).

    TCVN3 writes toned capitals with their lower-case codes, as a capital font would draw them."""
    s = nfc(s)
    if encoding == "tcvn3":
        return "".join(_TCVN3_ENCODE.get(c, _TCVN3_ENCODE.get(c.lower(), c)) for c in s)
    if encoding == "vni":
        return "".join(_VNI_ENCODE.get(c, c) for c in s)
    raise ValueError(f"unknown legacy encoding {encoding!r}")


# -- detection -------------------------------------------------------------------------------------

_TOKEN_RE = re.compile(r"[A-Za-z\u00a1-\u00ff\u0100-\u024f\u1e00-\u1eff]+")
_CONVERTERS: dict[str, Callable[[str], str]] = {"tcvn3": _tcvn3_chars, "vni": _vni_chars}


@lru_cache(maxsize=65536)
def _label(token: str, encoding: str) -> str:
    """ "L": only the legacy reading is Vietnamese; "U": only the reading as is (or the token has
    letters no legacy byte gives); "A": ambiguous (both or neither); "N": conversion changes nothing."""
    if any(ord(c) > 0xFF for c in token):
        return "U"
    conv = _CONVERTERS[encoding](token)
    if conv == token:
        return "N"
    as_is = token.isascii() or is_syllable(token)
    legacy = is_syllable(conv) or is_syllable(conv.lower())  # TCVN3 capitals come out lower-case
    if legacy != as_is:
        return "L" if legacy else "U"
    return "A"


# Legacy words must be at least this share of the words that read as Unicode Vietnamese: two stray
# symbols in a long Unicode judgment ("¹", which is "ạ" in TCVN3) do not make it a TCVN3 file.
MIN_LEGACY_SHARE = 0.05


def _votes(s: str) -> tuple[dict[str, int], dict[str, int]]:
    """Per encoding, how many non-ASCII words read as that legacy encoding, and how many as Unicode."""
    tokens = [t for t in _TOKEN_RE.findall(s.translate(_C1_TO_CP1252)) if not t.isascii()]
    labels = {enc: [_label(t, enc) for t in tokens] for enc in _CONVERTERS}
    return (
        {enc: labs.count("L") for enc, labs in labels.items()},
        {enc: labs.count("U") for enc, labs in labels.items()},
    )


def detect_legacy(s: str) -> LegacyEncoding | None:
    """ "tcvn3" or "vni" when `s` (bytes read as cp1252/Latin-1) holds words in that encoding."""
    votes, unicode = _votes(s)
    enc = max(votes, key=lambda k: votes[k])
    if votes[enc] < 2 or votes[enc] <= 2 * min(votes.values()):
        return None
    if votes[enc] < MIN_LEGACY_SHARE * unicode[enc]:
        return None
    return enc  # type: ignore[return-value]


def _convert_mixed(s: str, encoding: LegacyEncoding) -> str:
    """Convert the words that read as legacy; an ambiguous word follows its line's majority (or,
    on a line without decided words, the nearest line that has some)."""
    conv = _CONVERTERS[encoding]
    tokens = list(_TOKEN_RE.finditer(s))
    labels = [_label(m.group(), encoding) for m in tokens]
    newlines = [i for i, c in enumerate(s) if c == "\n"]
    line_of = [bisect.bisect_left(newlines, m.start()) for m in tokens]
    n_lines = s.count("\n") + 1
    votes = [0] * n_lines
    for lab, ln in zip(labels, line_of, strict=True):
        votes[ln] += 1 if lab == "L" else -1 if lab == "U" else 0
    line_label: list[str | None] = ["L" if v > 0 else "U" if v < 0 else None for v in votes]
    decided = [ln for ln in range(n_lines) if line_label[ln] is not None]
    for ln in range(n_lines):
        if line_label[ln] is None:
            k = bisect.bisect_left(decided, ln)
            near = [
                d
                for d in (decided[k - 1] if k else None, decided[k] if k < len(decided) else None)
                if d is not None
            ]
            best = min(near, key=lambda d: (abs(d - ln), d > ln), default=None)
            line_label[ln] = "L" if best is None else line_label[best]
    out: list[str] = []
    spans: list[tuple[int, int]] = []
    pos = 0
    shift = 0
    for m, lab, ln in zip(tokens, labels, line_of, strict=True):
        if lab == "A":
            lab = line_label[ln]  # type: ignore[assignment]
        if lab == "L":
            out.append(s[pos : m.start()])
            new = conv(m.group())
            start = m.start() + shift
            out.append(new)
            spans.append((start, start + len(new)))
            shift += len(new) - len(m.group())
            pos = m.end()
    out.append(s[pos:])
    text = "".join(out)
    return _restore_capitals(text, spans) if encoding == "tcvn3" else text


def _score(text: str) -> float:
    """Share of non-ASCII words that are Vietnamese syllables."""
    tokens = [t for t in _TOKEN_RE.findall(text) if not t.isascii()]
    if not tokens:
        return 0.0
    return sum(is_syllable(t) for t in tokens) / len(tokens)


def decode_bytes(data: bytes) -> tuple[str, str | None]:
    """Unicode NFC text of a text file, and the legacy encoding it was in (None for UTF-8/16).

    UTF-8 (with or without BOM) and UTF-16 with a BOM are read as such, and legacy words inside
    them (a document mixing fonts) converted. Otherwise the best of TCVN3, VNI and cp1258 by the
    share of Vietnamese syllables is taken; "cp1252" means no Vietnamese encoding was recognised.
    """
    if data.startswith(b"\xef\xbb\xbf"):
        text = data[3:].decode("utf-8", errors="replace")
    elif data.startswith((b"\xff\xfe", b"\xfe\xff")):
        text = data.decode("utf-16", errors="replace")
    else:
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            text = data.decode("utf-8", errors="replace")
            bad = text.count("\ufffd")
            multibyte = sum(1 for c in text if ord(c) > 0x7F) - bad
            if bad > max(2, multibyte // 200):  # not UTF-8 with a few damaged bytes (a cut file)
                return _decode_8bit(data)
    text = nfc(text)
    enc = detect_legacy(text)
    if enc is None:
        return text, None
    return nfc(_convert_mixed(text, enc)), enc


def _decode_8bit(data: bytes) -> tuple[str, str | None]:
    latin = _cp1252(data)
    candidates: dict[str, str] = {"cp1252": latin}
    enc = detect_legacy(latin)
    if enc is not None:
        candidates[enc] = convert_legacy(latin, enc)
    candidates["cp1258"] = nfc(data.decode("cp1258", errors="replace"))
    best = max(candidates, key=lambda k: (_score(candidates[k]), k != "cp1252"))
    return candidates[best], best


# -- PDF fonts -------------------------------------------------------------------------------------

_TCVN3_FONT_RE = re.compile(r"^\.?vn[a-z0-9]*?(?P<caps>h)?(?:[,\-_ ].*)?$", re.IGNORECASE)
_VNI_FONT_RE = re.compile(r"^vni[\-_ ]", re.IGNORECASE)


def convert_legacy_font_text(s: str, fontname: str) -> str:
    """Text drawn in a legacy font (PDF text layer), converted by what the font name says.

    ".VnTime", ".VnArial" → TCVN3; ".VnTimeH" (the capital font) → TCVN3 in capitals;
    "VNI-Times", "VNI-Helve" → VNI; any other font → unchanged. A subset prefix "ABCDEF+" is ignored.
    """
    name = fontname.split("+", 1)[-1].strip()
    if _VNI_FONT_RE.match(name):
        return convert_legacy(s, "vni")
    m = _TCVN3_FONT_RE.match(name)
    if m and name.lower().lstrip(".").startswith("vn"):
        out = convert_legacy(s, "tcvn3")
        return out.upper() if m.group("caps") else out
    return s
