"""Document kind and the case block (court, number, date, type code, instance, subject).

The header of a judgment is laid out in two columns: the court on the left, over two or three lines
in capitals ("TÒA ÁN NHÂN DÂN / QUẬN NGÔ QUYỀN / THÀNH PHỐ HẢI PHÒNG"), then "Bản án số: ...",
"Ngày: ...", "V/v: ...". Published copies put one title line instead ("BẢN ÁN 759/2017/LĐ-PT NGÀY
23/08/2017 VỀ ..."). The court's name comes back in normal case: a mention of the same court in the
body gives its casing when there is one; otherwise place names are title-cased and the unit words
(tỉnh, thành phố, quận, huyện, ...) lower-cased.
"""

from __future__ import annotations

import re
from datetime import date
from difflib import SequenceMatcher
from typing import Literal

from docproc.document import Document
from docproc.extract._case_date import agree, hearing_dates, read_date_pattern
from docproc.extract._case_symbol import context_code, rebuild_symbol, repair_symbol
from docproc.extract._consensus import vote_words
from docproc.extract._courts import court_shape, respell_provinces
from docproc.extract.evidence import EvidenceBuilder
from docproc.extract.sections import Sections, bare
from docproc.schema import Case
from docproc.text.places import fix_province_names
from docproc.text.syllables import is_syllable

__all__ = ["extract_case", "parse_symbol", "restore_court_case", "parse_vn_date"]

Kind = Literal["judgment", "decision", "other"]

_I = re.IGNORECASE
# A case symbol: "27/2021/KDTM-ST", "47/2022/QĐST-DS", "86/2021/HNGĐ-ST", "02/2018/HC-ST", "21/HCPT".
_SYMBOL = r"\d{1,5}[A-Za-z]?\s*/\s*(?:\d{4}\s*/\s*)?[A-ZĐa-zđ]{2,}(?:\s*[-–]\s*[A-ZĐa-zđ]{2,})*"
_NUMBER_RES = [
    (re.compile(r"B[ảa]n\s+[áa]n\s+(?:s[ốo]\s*)?:?\s*(" + _SYMBOL + ")", _I), 0.95),
    (
        re.compile(
            r"Quy[ếe]t\s+[đd][ịi]nh(?:\s+(?:gi[áa]m\s+[đd][ốo]c\s+th[ẩa]m|t[áa]i\s+th[ẩa]m))?\s+(?:s[ốo]\s*)?:?\s*("
            + _SYMBOL
            + ")",
            _I,
        ),
        0.9,
    ),
    (re.compile(r"(?:^|\n)\s*S[ốo]\s*:?\s*(" + _SYMBOL + ")", _I), 0.9),
    # the label's own letters damaged ("Đản án số:", "Bản ấn số:"), often mid-line where OCR joined
    # the header's columns: the colon and the symbol's shape keep it specific
    (re.compile(r"[BĐ][ảaạ]n\s+[áaấạà]n\s+s[ốoổ]\s*:\s*(" + _SYMBOL + ")", _I), 0.85),
    (re.compile(r"B[ảa]n\s+s[ốo]\s*:?\s*(" + _SYMBOL + ")", _I), 0.8),
]
_TYPES = {"DS": "DS", "KDTM": "KDTM", "HNGD": "HNGD", "LD": "LD", "HC": "HC", "HS": "HS", "PS": "PS"}
_INSTANCES = {"ST": "ST", "PT": "PT", "GDT": "GDT", "TT": "TT"}

_DATE_NUM = r"(\d{1,2})\s*[-/.]\s*(\d{1,2})\s*[-/.]\s*(\d{4})"
_DATE_WORDS = r"(\d{1,2})\s+th[áa]ng\s+(\d{1,2})\s+n[ăa]m\s+(\d{4})"


def parse_vn_date(text: str) -> str | None:
    """ "22-9-2021", "23/08/2017", "12 tháng 10 năm 2022" → ISO date, or None if not a date."""
    m = re.search(_DATE_NUM, text) or re.search(_DATE_WORDS, text, _I)
    if not m:
        return None
    d, mo, y = (int(g) for g in m.groups())
    try:
        return date(y, mo, d).isoformat()
    except ValueError:
        return None


def parse_symbol(number: str) -> tuple[str | None, str | None]:
    """Type code and instance from a case symbol: "47/2022/QĐST-DS" → ("DS", "ST").

    Stand-alone parts win over glued ones ("DSST-HNGĐ" is a family case). A decision recognising a
    settlement ("QĐCNHG-DS") is first instance when the symbol names no instance."""
    parts = [p for p in re.split(r"[/\-–\s]+", number.upper().replace("Đ", "D"))[1:] if p and not p.isdigit()]
    code = next((_TYPES[p] for p in parts if p in _TYPES), None)
    inst = next((_INSTANCES[p] for p in parts if p in _INSTANCES), None)
    for p in parts:
        q = p[2:] if p.startswith("QD") else p
        for t in sorted(_TYPES, key=len, reverse=True):
            if q.startswith(t) and q[len(t) :] in _INSTANCES:
                code = code or _TYPES[t]
                inst = inst or _INSTANCES[q[len(t) :]]
                break
        else:
            if q in _INSTANCES:
                inst = inst or _INSTANCES[q]
            elif q.endswith(("ST", "PT")) and p.startswith("QD"):  # "QĐXXST", "QĐCNST"
                inst = inst or _INSTANCES[q[-2:]]
    if inst is None and code is not None and any(p.startswith("QD") for p in parts):
        inst = "ST"
    return code, inst


# ---------------------------------------------------------------------------------------------
# Court name
# ---------------------------------------------------------------------------------------------

_UNIT_WORDS = [
    "thành phố", "tỉnh", "quận", "huyện", "thị xã", "thị trấn", "phường", "xã", "khu vực", "cấp cao",
    "tại", "tối cao",
]  # fmt: skip
_COURT_HEAD = re.compile(r"(?:T[OÒ]\S{0,2}\s+[AÁ]N\s+NH[AÂ]N\s+D[AÂ]N|TAND)\b", _I)
_HEADER_STOP = re.compile(
    r"(C[ỘO]NG\s+H(?:[ÒO]A|OÀ)|[ĐD][ộo]c\s+l[ậa]p|B[ảa]n\s+[áa]n|S[ốo]\s*:|Quy[ếe]t\s+[đd][ịi]nh|Ng[àa]y\b|V/v|\|)",
    _I,
)


def _title_word(w: str) -> str:
    if not w:
        return w
    if "-" in w.strip("-"):
        return "-".join(_title_word(p) for p in w.split("-"))
    if re.fullmatch(r"[A-ZĐ]\d*|\d+\w*|[B-DF-HJ-NP-TV-XZĐ]{2,3}", w):
        return w  # anonymised or numbered: "C", "H3", "1", "ST" (no vowel: not a syllable)
    if "." in w:  # "TP.BUÔN" → "TP.Buôn"
        head, _, rest = w.partition(".")
        return head + "." + _title_word(rest) if rest else head + "."
    return w[0].upper() + w[1:].lower()


def restore_court_case(court: str) -> str:
    """ "TÒA ÁN NHÂN DÂN QUẬN NGÔ QUYỀN, THÀNH PHỐ HẢI PHÒNG" → "Tòa án nhân dân quận Ngô Quyền,
    thành phố Hải Phòng"; "Thành phố Hồ Chí Minh" keeps its capital, as published."""
    s = re.sub(r"\s+", " ", court).strip(" ,.-–")
    s = re.sub(r"[-–](?:\s*[-–])+", "-", s)  # "KHU VỰC 4-- ĐẮK LẮK": a doubled dash
    div = _DIVISION_RE.match(s)
    if div:  # "TÒA DÂN SỰ TÒA ÁN NHÂN DÂN TỐI CAO" → "Tòa dân sự Tòa án nhân dân tối cao"
        words = div.group("div").split()
        return "Tòa " + " ".join(words[1:]).lower() + " " + restore_court_case(s[div.end() :])
    s = _SPACED_DASH.sub(
        lambda m: f" {m.group(1) or m.group(2)} ", s
    )  # "khu vực 4- Đắk Lắk": a dash with a space on one side
    m = _COURT_HEAD.match(s)
    rest = s[m.end() :] if m else s
    head = "Tòa án nhân dân"
    words = rest.split(" ")
    out: list[str] = []
    i = 0
    while i < len(words):
        w = words[i]
        if not w:
            i += 1
            continue
        matched = False
        for unit in sorted(_UNIT_WORDS, key=len, reverse=True):
            n = unit.count(" ") + 1
            cand = " ".join(words[i : i + n])
            if cand.lower() == unit or (cand.isascii() and bare(cand) == bare(unit)):
                out.append(unit)
                i += n
                matched = True
                break
        if matched:
            continue
        tail = ""
        while w and w[-1] in ",;":
            tail = w[-1] + tail
            w = w[:-1]
        out.append(_title_word(w) + tail)
        i += 1
    body = " ".join(out)
    body = re.sub(
        r"(^|, |tại |- )thành phố Hồ Chí Minh", lambda mm: mm.group(1) + "Thành phố Hồ Chí Minh", body
    )
    return fix_province_names(f"{head} {body}".strip())


_SPACED_DASH = re.compile(r"(?<=\S) *([-–]) +(?=\S)|(?<=\S) +([-–]) *(?=\S)")


def _fold(s: str) -> str:
    return re.sub(r"\s+", " ", s.lower().replace("toà", "tòa")).strip(" ,.")


def _header_court(text: str, head_end: int) -> tuple[str, int, int] | None:
    """The court block at the top: "TÒA ÁN NHÂN DÂN" and the capital lines under it (left column)."""
    window = text[: max(head_end, 1)][:3000]
    # The header block's own line ("TÒA ÁN NHÂN DÂN" in capitals at a line's start) before any
    # mention in running text (a publisher's title line above it: "Bản án số ... của TAND tỉnh X").
    m = _COURT_HEAD_LINE.search(window) or _COURT_HEAD.search(window)
    if not m:
        return None
    start = m.start() + len(m.group(0)) - len(m.group(0).lstrip(_LEADING_NOISE))  # "'TÒA ÁN": speck
    lines = [ln for ln in window[start:].split("\n")[:8] if ln.strip()]  # blank lines between
    lines = [part for ln in lines for part in _split_columns(ln)]
    parts: list[str] = []
    first = True
    pos = start
    end = pos
    for line in lines[:4]:
        left = re.split(r"\s{3,}|\t", line.strip(), maxsplit=1)[0] if line.strip() else ""
        stop = _HEADER_STOP.search(left)
        if stop and stop.start() > 0:
            left = left[: stop.start()]
        elif stop:
            left = ""
        left = left.strip(" |")
        letters = [c for c in left if c.isascii() and c.isalpha()]  # legacy text lower-cases toned capitals
        if not left or not letters or sum(c.isupper() for c in letters) / len(letters) < 0.8:
            if first:
                first = False
                pos_line = line
                pos += len(pos_line) + 1
                continue
            break
        if not first and re.match(
            r"(NHÂN DANH|BẢN ÁN|QUYẾT ĐỊNH|SỐ|ỦY BAN|UỶ BAN|HỘI ĐỒNG|TÒA (?!ÁN)|TOÀ (?!ÁN))", left
        ):
            break
        offset = text.find(left, pos if not first else start)
        parts.append(left)
        if offset >= 0:
            end = offset + len(left)
        first = False
        pos += len(line) + 1
    if not parts:
        return None
    return _join_header_lines([p.strip(" ,") for p in parts]), start, end


# The national motto in the right column: "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" over "Độc lập - Tự do -
# Hạnh phúc". OCR that reads both columns' lines into one ("TÒA ÁN NHÂN DÂN KHU VỰC 2 CỘNG HÒA ...
# VIỆT NAM HÀ NỘI Độc lập ...") puts the left column's second line between the motto's two lines.
_MOTTO_FIRST = re.compile(r"C[ỘO]NG\W{0,2}H(?:[ÒO]A|OÀ)\W.{0,40}?\bNAM\b\W*", _I)
_MOTTO_SECOND = re.compile(r"\s*[ĐD][ộoÔO]c\s+l[ậaẬA]p\b")
_MOTTO_END = re.compile(r"H[ạaẠA]nh\s+ph[úuÚU]c\W*")


def _split_columns(line: str) -> list[str]:
    """One OCR line that holds both columns' lines, as the left column's lines in order."""
    first = _MOTTO_FIRST.search(line)
    if not first or first.start() == 0 or "  " in line[: first.start()].strip():
        return [line]
    rest = line[first.end() :]
    second = _MOTTO_SECOND.search(rest)
    between = (rest[: second.start()] if second else rest).strip(" |_-–")
    after = _MOTTO_END.search(rest, second.start()) if second else None
    tail = rest[after.end() :].strip(" |_-–") if after else ""  # left line 2 read after right line 2
    return [p for p in (line[: first.start()], between, tail) if p]


def _join_header_lines(parts: list[str]) -> str:
    """The court's name from its header lines: "TÒA ÁN NHÂN DÂN" + "TỈNH X" and "CẤP CAO" + "TẠI Y"
    run on; a regional court's province follows a dash ("KHU VỰC 2" + "HÀ NỘI" → "khu vực 2 - Hà Nội",
    as GUIDELINES name post-2025 courts); other lines are the court's place, after a comma."""
    court = parts[0] if parts else ""
    for p in parts[1:]:
        if _REGIONAL_END.search(court) and not re.match(r"(?i:t[aạ]i)\b", p):
            court += " - " + p
        elif re.search(r"(?i:nh[aâ]n\s+d[aâ]n)$", court) or re.match(r"(?i:t[aạ]i|c[aấ]p\s+cao)\b", p):
            court += " " + p
        else:
            court += ", " + p
    return court


_REGIONAL_END = re.compile(r"(?i:khu\s+v[ựu]c)\s+\d{1,2}$")
# A division of the Supreme People's Court issues in its own name ("TÒA DÂN SỰ TÒA ÁN NHÂN DÂN TỐI
# CAO"): the division is part of the issuing court as the header gives it. A council ("HỘI ĐỒNG
# THẨM PHÁN", "ỦY BAN THẨM PHÁN") is the court's bench, not a court: it is not kept.
_DIVISION = (
    r"T[OÒ]\S{0,2}\s+(?:D[AÂ]N\s+S[ỰU]|H[ÌI]NH\s+S[ỰU]|H[ÀA]NH\s+CH[ÍI]NH|KINH\s+T[ẾE]|LAO\s+[ĐD][ỘO]NG"
    r"|GIA\s+[ĐD][ÌI]NH\s+V[ÀA]\s+NG[ƯU][ỜO]I\s+CH[ƯU]A\s+TH[ÀA]NH\s+NI[ÊE]N)"
)
_DIVISION_RE = re.compile(rf"(?P<div>{_DIVISION})\s+(?=T[OÒ]\S{{0,2}}\s+[AÁ]N\s+NH[AÂ]N\s+D[AÂ]N)", _I)
_LEADING_NOISE = " \t|'‘’`\".,:;_~"  # specks OCR reads before the first word of a line
_COURT_HEAD_LINE = re.compile(
    rf"(?m)^[{re.escape(_LEADING_NOISE)}]*(?-i:(?:{_DIVISION}\s+)?T[OÒ]\S{{0,2}}\s+[AÁ]N\s+NH[AÂ]N\s+D[AÂ]N)\b"
)


# The court's line under "NHÂN DANH / NƯỚC CỘNG HÒA ...", a council's line ("ỦY BAN THẨM PHÁN") or a
# speck's line between them allowed.
_NHAN_DANH = re.compile(
    r"NH[AÂ]N\s+DANH\s*\n(?:[^\n]*\n){1,2}?\s*(T[OÒ]\S{0,2}\s+[AÁ]N\s+NH[AÂ]N\s+D[AÂ]N[^\n]*)", _I
)
_BODY_COURT = re.compile(r"T[oòó]\S{0,2}\s+[áa]n\s+nh[âa]n\s+d[âa]n\s+((?:[^\s,.;:()“”\"]+[ ,]{0,2}){1,12})")


def _body_mentions(text: str, start: int) -> list[tuple[str, int, int]]:
    out = []
    for m in _BODY_COURT.finditer(text, start, min(len(text), start + 20000)):
        out.append((m.group(0), m.start(), m.end()))
    return out


def _best_body_form(upper: str, text: str, start: int, threshold: float) -> tuple[str, int, int] | None:
    """A normal-case mention of the same court in the body ("tại trụ sở Tòa án nhân dân quận Ngô
    Quyền, thành phou Hải Phòng"), trimmed to the header's length: its casing is the document's own."""
    target = bare(upper)
    best: tuple[float, str, int, int] | None = None
    for mention, s, _e in _body_mentions(text, start):
        if mention.isupper():
            continue
        # Trim the mention word by word to the header's letters.
        words = mention.split(" ")
        for k in range(len(words), 3, -1):
            cand = " ".join(words[:k]).rstrip(" ,")
            ratio = SequenceMatcher(None, bare(cand), target).ratio()
            if ratio >= threshold and (best is None or ratio > best[0]):
                best = (ratio, cand, s, s + len(cand))
            if bare(cand) == target:
                break
    if best is None:
        return None
    return best[1], best[2], best[3]


def _extract_court(text: str, sections: Sections) -> tuple[str, int, int, float] | None:
    head_end = max(sections.header[1], sections.parties[0], 400)
    top = _header_court(text, head_end)
    nd = _NHAN_DANH.search(text, 0, head_end + 200)
    upper: tuple[str, int, int] | None = None
    conf = 0.9
    if nd:
        line = _cut_court(
            _wrapped_court(text, nd.start(1), re.split(r"\s{3,}", nd.group(1).strip())[0].strip())
        )
        if top is None or len(bare(line)) >= len(bare(top[0])) or not bare(top[0]).startswith(bare(line)):
            upper = (line, nd.start(1), nd.start(1) + len(line))
        if (
            upper is not None
            and top is not None
            and (_worse_reading(line, top[0]) or _less_whole(line, top[0]))
        ):
            upper = top  # the same court, read whole in the header block and damaged under NHÂN DANH
        conf = 0.95
    if upper is None and top is not None:
        upper = top
    if upper is None:
        # No header block: the first court mention in the text, a fallback.
        mentions = _body_mentions(text, 0)
        if not mentions:
            return None
        whole = [m for m in mentions if court_shape(m[0]).whole]  # "khu vực 6= W": OCR damage
        m0 = whole[0] if whole else mentions[0]
        name = _cut_court(m0[0])
        return restore_court_case(name), m0[1], m0[1] + len(name), 0.5
    court_upper = upper[0]
    # "HUYỆN THANH TRÌ - THÀNH PHỐ HÀ NỘI": the part after a dash is the publisher's addition.
    cut = re.search(r"\s*[-–]\s*(?=(TP\.|THÀNH PHỐ\b|TỈNH\b))", court_upper, _I)
    if cut and "," not in court_upper[: cut.start()] and not _REGIONAL_END.search(court_upper[: cut.start()]):
        court_upper = court_upper[: cut.start()]
    court_upper = _comma_before_province(respell_provinces(court_upper))
    if _damaged(court_upper):
        # "THÀNH PH H CHÍ MINH": a close normal-case mention of the court in the body repairs it.
        body = _best_body_form(court_upper, text, upper[2], 0.8)
        if body is not None:
            return restore_court_case(body[0]), body[1], body[2], 0.6
        conf = 0.5
    if not court_shape(court_upper).whole:
        whole = _completed_court(text, court_upper)
        if whole is not None:
            return restore_court_case(whole[0]), whole[1], whole[2], COMPLETED_COURT_CONF
    forms = _court_forms(text, court_upper, top, nd.group(1) if nd else None, upper[2])
    court = _vote_court(restore_court_case(court_upper), forms)
    if any(bare(f) == bare(court) and _fold(f) != _fold(court) for f in forms):
        conf = min(conf, 0.8)  # the readings disagree: the vote may have picked the damaged one
    return court, upper[1], upper[2], conf


# A court's place taken from another mention of the same court: the header's own reading lost it.
COMPLETED_COURT_CONF = 0.7


def _completed_court(text: str, partial: str) -> tuple[str, int, int] | None:
    """A regional court without its province ("KHU VỰC 2"), a high court without its seat ("CẤP
    CAO"): the first mention in the text of a court whose name is whole and begins
    with the same words ("Tòa án nhân dân khu vực 2 - Hà Nội" names the same court in the body)."""
    shape = court_shape(partial)
    target = bare(partial[: shape.end])
    if not target or shape.level not in {"regional", "high"}:  # a district court may go without its province
        return None
    for m in re.finditer(r"T[OÒ]\S{0,2}\s+[ÁA]N\s+NH[ÂA]N\s+D[ÂA]N\s", text, _I):
        tail = text[m.start() : m.start() + 160].split("\n")[0]
        found = court_shape(tail)
        if not found.whole or found.level != shape.level:
            continue
        name = tail[: found.end]
        if bare(name).startswith(target) and (shape.level != "regional" or _same_region(partial, name)):
            return name, m.start(), m.start() + found.end
    return None


def _same_region(a: str, b: str) -> bool:
    """Two regional courts with the same number ("khu vực 2" is not "khu vực 12")."""
    na, nb = re.search(r"\d+", a), re.search(r"\d+", b)
    return bool(na and nb and na.group(0) == nb.group(0))


def _court_forms(
    text: str, court_upper: str, top: tuple[str, int, int] | None, nd: str | None, start: int
) -> list[str]:
    """Every other place the document names this court (header block, the line under NHÂN DANH,
    normal-case body mentions trimmed to its letters), restored to normal case."""
    forms = []
    if top is not None:
        forms.append(top[0])
    if nd:
        forms.append(re.split(r"\s{3,}", nd.strip())[0].strip())
    target = bare(court_upper)
    for mention, _s, _e in _body_mentions(text, start):
        words = mention.split(" ")
        for k in range(len(words), 3, -1):
            cand = " ".join(words[:k]).rstrip(" ,;")
            if bare(cand) == target:
                forms.append(cand)
                break
    return [restore_court_case(_comma_before_province(respell_provinces(f))) for f in forms]


def _vote_court(court: str, forms: list[str]) -> str:
    """OCR damages one reading at a time ("THÀNH PHÔ", "Vững Tàu", "Quyền;"): each word takes the
    spelling most readings of the same court give; ties keep the chosen line's."""
    forms = list(forms)
    if court in forms:
        forms.remove(court)  # the chosen line itself: `vote_words` counts it once already
    voted = vote_words(court, forms)
    return court if voted == court else restore_court_case(voted)


def _wrapped_court(text: str, start: int, line: str) -> str:
    """The court's line under NHÂN DANH and, when its place is not whole, the next line that makes
    it whole ("TÒA ÁN NHÂN DÂN HUYỆN X" / "Y, TỈNH Z": the name wrapped)."""
    if court_shape(line).whole:
        return line
    first_end = text.find("\n", start)
    if first_end < 0:
        return line
    second_end = text.find("\n", first_end + 1)
    both = text[start : second_end if second_end > 0 else len(text)].replace("\n", " ")
    shape = court_shape(both)
    return both[: shape.end] if shape.whole else line


def _cut_court(name: str) -> str:
    """The court's name without what follows its province ("... KHU VỰC 3 - CẦN THƠ Thành phần Hội
    đồng xét xử": a heading OCR put on the same line); a name whose place is not whole stays."""
    shape = court_shape(name)
    return name[: shape.end] if shape.whole else name


def _comma_before_province(name: str) -> str:
    """ "HUYỆN X TỈNH Y" → "HUYỆN X, TỈNH Y": a district court's name puts a comma before its
    province, as every header that breaks it over two lines is joined; OCR drops the comma."""
    shape = court_shape(name)
    if shape.level != "district" or shape.province_at <= 0:
        return name
    head = name[: shape.province_at].rstrip()
    if head.endswith((",", "-", "–")):
        return name
    return head.rstrip(".;:") + ", " + name[shape.province_at :]  # "QUYỀN. THÀNH PHỐ": a speck for the comma


def _less_whole(line: str, top: str) -> bool:
    """The line under NHÂN DANH names no known place (damaged, cut short) where the header block does."""
    return not court_shape(line).whole and court_shape(top).whole


def _malformed_words(s: str) -> int:
    """Words that are no Vietnamese syllable ("PrfÕỐ", "1À", "Tỉi1h"): OCR damage in a court's name,
    whose every word is a syllable (numbered regional courts aside)."""
    toks = [t for t in re.split(r"[\s,;:.\-–]+", s) if t and not t.isdigit()]
    return sum(not is_syllable(t) for t in toks)


def _worse_reading(line: str, top: str) -> bool:
    """The line under NHÂN DANH and the header block name the court with as many words, and the line
    has more damaged words: the header block is the better reading of the same name."""
    words = lambda s: [t for t in re.split(r"[\s,;:.\-–]+", s) if t]  # noqa: E731
    return len(words(line)) == len(words(top)) and _malformed_words(line) > _malformed_words(top)


def _damaged(court_upper: str) -> bool:
    """Two short fragments in a row ("PH H") are OCR or transcription damage, not anonymisation."""
    toks = court_upper.split()
    return any(
        len(a) <= 2 and len(b) <= 2 and not a.isdigit() and not b.isdigit()
        for a, b in zip(toks, toks[1:], strict=False)
    )


# ---------------------------------------------------------------------------------------------
# Number, date, subject, kind
# ---------------------------------------------------------------------------------------------


def _extract_number(text: str, head: str, base: int) -> tuple[str, int, int, float] | None:
    """The first symbol introduced as the document's own ("Bản án số:", "Số:", "QUYẾT ĐỊNH GIÁM ĐỐC
    THẨM SỐ"): the earliest in the header wins, so a judgment cited later does not."""
    best: tuple[int, re.Match[str], float] | None = None
    for rx, conf in _NUMBER_RES:
        m = rx.search(head)
        if m and (best is None or m.start(1) < best[0]):
            best = (m.start(1), m, conf)
    if best is None:
        return None
    m, conf = best[1], best[2]
    num = re.sub(r"\s+", "", m.group(1)).replace("–", "-")
    return num, base + m.start(1), base + m.end(1), conf


# A symbol read through OCR damage by its grammar ("B7/2021/HS-PT"), or rebuilt from the type and
# instance the opening states when its code is unreadable: less sure than one read as printed.
REPAIRED_NUMBER_CONF = 0.7
REBUILT_NUMBER_CONF = 0.5
_LOOSE_NUMBER = re.compile(
    r"(?:B[ảa]n\s+[áa]n\s+s[ốo]|(?:^|\n)\s*S[ốo])\s*:?\s*(\S{1,6}\s*/\s*\S{4}\s*/\s*[^\s,]+)", _I
)
_RAW_SYMBOL = re.compile(r"[^\s/]+(?:\s*/\s*[^\s/]+){1,2}")


def _checked_number(
    text: str, head: str, num: tuple[str, int, int, float] | None
) -> tuple[str, int, int, float] | None:
    """The number checked against the symbol's grammar (`_case_symbol`): the whole printed token is
    read (a speck inside the code cut the plain reading short: "09/2026/KIšTM-ST"), letters read for
    digits or a bar added are put right, and a judgment's code too damaged to read is rebuilt from the
    type and instance its opening states."""
    if num is None:
        m = _LOOSE_NUMBER.search(head)
        if not m or repair_symbol(m.group(1)) is None:
            return None
        num = (m.group(1), m.start(1), m.end(1), REPAIRED_NUMBER_CONF)
    raw_m = _RAW_SYMBOL.match(text, num[1], num[1] + 60)
    raw = raw_m.group(0).rstrip(" .,;:") if raw_m else num[0]
    fixed = repair_symbol(raw)
    if fixed is not None:
        if not fixed[1]:
            return num if raw.replace(" ", "") == num[0] else (fixed[0], num[1], num[1] + len(raw), num[3])
        return fixed[0], num[1], num[1] + len(raw), min(num[3], REPAIRED_NUMBER_CONF)
    code, inst = parse_symbol(raw)
    if (code is not None and inst is not None) or _kind(text, head, num[0]) != "judgment":
        return num
    ctx_code, ctx_inst = context_code(text[: len(head) + 3000])
    rebuilt = rebuild_symbol(raw, code or ctx_code, inst or ctx_inst) if (code or ctx_code) else None
    return (rebuilt, num[1], num[1] + len(raw), REBUILT_NUMBER_CONF) if rebuilt else num


_DATE_LINE = re.compile(r"(?:(?:^|\n|\|)\s*Ng[àa]y\s*:?|\bNg[àa]y\s*:)\s*" + _DATE_NUM, _I)
_TITLE_DATE = re.compile(
    # "BẢN ÁN SỐ 12/2020/DS-PT NGÀY ...", "QUYẾT ĐỊNH GIÁM ĐỐC THẨM 52/2016/DS-GĐT NGÀY ...": the
    # kind's words (up to four) before the symbol
    r"(?:B[ẢA]N\s+[ÁA]N|QUY[ẾE]T\s+[ĐD][ỊI]NH)(?:\s+[^\W\d]+){0,4}?\s+(?:S[ỐO]\s*:?\s*)?\S*\d\S*\s+NG[ÀA]Y\s+"
    + _DATE_NUM,
    _I,
)
_PLACE_DATE = re.compile(r"[^\n,]{2,40},\s*ng[àa]y\s+" + _DATE_WORDS, _I)
_HEARING_SENTENCE = re.compile(
    r"(?:^|\n)\s*((?:Trong\s+c[áa]c\s+ng[àa]y|Trong\s+ng[àa]y|V[àa]o\s+ng[àa]y|C[áa]c\s+ng[àa]y|Ng[àa]y)\s+[^\n]{0,160}?)"
    r"\s*,?\s*(?:t[ạa]i|ở)\s",
    _I,
)


def _iso(d: str, m: str, y: str) -> str | None:
    try:
        return date(int(y), int(m), int(d)).isoformat()
    except ValueError:
        return None


# A header date read through OCR damage: a letter read as its digit, an open digit filled by the
# opening sentence's date that fits, a year put right by the case number's (see `_case_date`).
DATE_REPAIRED_CONF = 0.7
_FIELD = r"([^\s\-/._]{1,2})\s*[-/._]\s*([^\s\-/._]{1,2})\s*[-/._]\s*([^\s\-/._]{4})"
# "Hà Nội, ngày O6 tháng 1O năm 2025": a decision's place and date, its digits damaged
_PLACE_DATE_LOOSE = re.compile(
    r"[^\n,]{2,40},\s*ng[àa]y\s+(\S{1,2})\s+th[áa]ng\s+(\S{1,2})\s+n[ăa]m\s+(\S{4})(?!\S)", _I
)
_DATE_LINE_LOOSE = re.compile(r"(?:(?:^|\n|\|)\s*Ng[àa]y\s*:?|\bNg[àa]y\s*:)\s*" + _FIELD, _I)


def _extract_date(text: str, head_end: int, number: str | None = None) -> tuple[str, int, int, float] | None:
    head = text[: max(head_end, 600)]
    year_m = re.search(r"/\s*(\d{4})\s*/", number or "")
    number_year = year_m.group(1) if year_m else None
    hearing = _HEARING_SENTENCE.search(text[: head_end + 3000])
    others = hearing_dates(hearing.group(1)) if hearing else []
    for rx, conf in ((_DATE_LINE, 0.95), (_TITLE_DATE, 0.95), (_PLACE_DATE, 0.9)):
        m = rx.search(head)
        if m:
            iso = _iso(*m.groups()[-3:])
            if iso:
                read = read_date_pattern(*m.groups()[-3:])
                fixed = agree(*read, others, number_year) if read else None
                if fixed and fixed != iso:
                    return fixed, m.start(), m.end(), DATE_REPAIRED_CONF
                return iso, m.start(), m.end(), conf
    for rx in (_DATE_LINE_LOOSE, _PLACE_DATE_LOOSE):
        m = rx.search(head)
        read = read_date_pattern(*m.groups()[-3:]) if m else None
        fixed = agree(*read, others, number_year) if read else None
        if m and fixed:
            return fixed, m.start(), m.end(), DATE_REPAIRED_CONF
    # Fallback: the last day of the hearing in the opening sentence ("Trong các ngày 15 và 22
    # tháng 9 năm 2021, tại trụ sở ..." → 22/9/2021): the judgment is pronounced on that day.
    zone = text[: head_end + 3000]
    m = _HEARING_SENTENCE.search(zone)
    if m:
        sent = m.group(1)
        base = m.start(1)
        nums = list(re.finditer(_DATE_NUM, sent))
        pairs = list(re.finditer(r"(\d{1,2})\s+th[áa]ng\s+(\d{1,2})", sent, _I))
        year = list(re.finditer(r"n[ăa]m\s+(\d{4})", sent, _I))
        if nums:
            iso = _iso(*nums[-1].groups())
            if iso:
                return iso, base + nums[-1].start(), base + nums[-1].end(), 0.6
        if pairs and year:
            iso = _iso(pairs[-1].group(1), pairs[-1].group(2), year[-1].group(1))
            if iso:
                return iso, base + pairs[-1].start(), base + year[-1].end(), 0.6
    return None


_SUBJECT_RES = [
    (re.compile(r"V/v\s*:?\s*[“\"]([^”\"|]{3,300}?)[”\"]", _I), 0.9),
    (re.compile(r"[“\"]V/v\s*:?\s*([^”\"|]{3,300}?)[”\"]", _I), 0.9),
    (re.compile(r"V/v\s*:?\s*([^”\"\n|]+?)\s*(?:\||\n|$)", _I), 0.85),
    (re.compile(r"v[ềe]\s+vi[ệe]c\s*:?\s*[“\"]([^”\"]{5,300})[”\"]", _I), 0.85),
    (re.compile(r"v[ềe]\s+[“\"]([^”\"]{5,300})[”\"]", _I), 0.8),
]
_TITLE_SUBJECT = re.compile(r"B[ẢA]N\s+[ÁA]N\s+\S+\s+NG[ÀA]Y\s+\S+\s+V[ỀE]\s+(?:VI[ỆE]C\s+)?([^\n]+)")


_PUBLISHED_LINE = re.compile(
    r"\s*B[ảa]n(?:\s+[áa]n)?(?:\s+(?:s[ốo]\s*)?\S+\s+ng[àa]y\s+\S+)?\s+v[ềe]\s+([^\n]+?)(?:\s+s[ốo]\s+\S+)?\s*(?:\n|$)"
)
_CHARGE = re.compile(r"ph[ạa]m\s+(?:c[áa]c\s+)?t[ộo]i\s*:?\s*[“\"]([^”\"]{3,200})[”\"]", _I)
_INDICTED = re.compile(r"truy\s+t[ốo][^.]{0,200}?v[ềe]\s+t[ộo]i\s*[“\"]([^”\"]{3,200})[”\"]", _I)


def _extract_subject(
    text: str, head_end: int, sections: Sections | None = None
) -> tuple[str, int, int, float] | None:
    zone = text[: head_end + 1500]
    if sections is not None and re.search(r"/HS-|/HS\b|HSST|HSPT", text[:head_end]):
        # Criminal: the charge the court convicts of, else the charge of the indictment.
        d0, d1 = sections.decision
        m = (
            _CHARGE.search(text, d0, d1)
            or _INDICTED.search(text, sections.content[0], sections.content[1])
            or _CHARGE.search(text, head_end)
        )
        if m:
            return re.sub(r"\s+", " ", m.group(1)).strip(), m.start(1), m.end(1), 0.8
    # A published copy opens with its own summary line: "Bản án 12/2020/DS-PT ngày ... về tranh chấp X".
    m = _PUBLISHED_LINE.match(text)
    if m:
        val = m.group(1).strip(" .")
        return val[0].upper() + val[1:], m.start(1), m.start(1) + len(val), 0.85
    for rx, conf in _SUBJECT_RES:
        m = rx.search(zone)
        if m:
            end = m.end(1)
            # an unquoted V/v wrapped over two lines: "V/v: Tranh chấp về ...\nlao động, tiền lương"
            nxt = re.match(r"\n([a-zà-ỹđ][^\n]{0,200})", text[end : end + 202])
            if nxt and m.group(0).lstrip().lower().startswith("v/v") and '"' not in m.group(0):
                end += nxt.end()
            val = re.sub(r"\s+", " ", text[m.start(1) : end]).strip(' .,:;“”"')
            if val:
                return val, m.start(1), end, conf
    m = _TITLE_SUBJECT.search(zone)
    if m:
        val = m.group(1).strip()
        return val[0] + val[1:].lower(), m.start(1), m.end(1), 0.6
    return None


_JUDGMENT_TITLE = re.compile(r"(?:^|\n|\|)\s*(?:B[ẢA]N\s+[ÁA]N\b|B[ảa]n\s+[áa]n\s+(?:s[ốo]|\d))", _I)
_DECISION_TITLE = re.compile(r"(?:^|\n)\s*(?:QUY[ẾE]T\s+[ĐD][ỊI]NH\b(?!\s*:)|Quy[ếe]t\s+[đd][ịi]nh\s+s[ốo])")


def _kind(text: str, head: str, number: str | None) -> Kind:
    """The title that comes first: "BẢN ÁN" / "Bản án số" or "QUYẾT ĐỊNH" (a decision's title)."""
    j = _JUDGMENT_TITLE.search(head)
    d = _DECISION_TITLE.search(head)
    if j and (d is None or j.start() < d.start()):
        return "judgment"
    if d:
        return "decision"
    if number and re.search(r"Q[ĐD]", number.upper()):
        return "decision"
    if re.search(r"NH[ÂA]N\s+DANH", head, _I):
        return "judgment"
    return "other"


def extract_case(document: Document, sections: Sections, ev: EvidenceBuilder) -> tuple[Kind, Case]:
    text = document.text
    head_end = max(sections.header[1], min(len(text), 1500))
    head = text[:head_end]
    case = Case()
    num = _checked_number(text, head, _extract_number(text, head, 0))
    if num:
        case.number = num[0]
        ev.add("/case/number", num[1], num[2], num[3])
        code, inst = parse_symbol(num[0])
        if code:
            case.type_code = code  # type: ignore[assignment]
            ev.add("/case/type_code", num[1], num[2], num[3])
        if inst:
            case.instance = inst  # type: ignore[assignment]
            ev.add("/case/instance", num[1], num[2], num[3])
    court = _extract_court(text, sections)
    if court:
        case.court = court[0]
        ev.add("/case/court", court[1], court[2], court[3])
    dt = _extract_date(text, sections.header[1] if sections.header[1] > 0 else head_end, case.number)
    if dt:
        case.date = dt[0]
        ev.add("/case/date", dt[1], dt[2], dt[3])
    subj = _extract_subject(text, sections.header[1], sections)
    if subj:
        case.subject = subj[0]
        ev.add("/case/subject", subj[1], subj[2], subj[3])
    return _kind(text, head, case.number), case
