"""Assets named in the operative part: what they are and how the judgment identifies them.

An asset description ("Quyền sử dụng đất tại thửa đất số 215, tờ bản đồ số 08, diện tích 86,5 m2 ...
theo Giấy chứng nhận ... số BY 386512 ..., theo Hợp đồng thế chấp số 0156/2019/HĐTC-PĐA.HP") is read
into the identifiers the enforcement office needs: plot and map sheet, area, certificate, plate,
security contract, address. Rules here work on one chunk of text (one asset); `operative` decides
which chunks are assets (secured, seized, allocated or handed over) and who owns them.

Plates: the `biensoxe` package (0.8.5) was measured against the regex below (one-off comparison, 2026-11; see
the issue-4 report): on the 13 plates of the dev gold plus 7 written variants ("51LD-123.45", "29A 123.45",
"37C-12345", ...) both accept 20/20; on 12 look-alikes from the same texts (contract, receipt,
engine, frame and machine-model numbers) the regex accepts 0, biensoxe 1 ("CK6150"). biensoxe also
only validates a string already cut out (it does not find plates in running text) and pins
pydantic<2, which the project cannot take. The regex is kept.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from docproc.extract import _confidence as C
from docproc.extract._tolerant import compile_tolerant

__all__ = [
    "AssetFields",
    "read_asset",
    "asset_kind",
    "find_plates",
    "repair_plate",
    "split_assets",
    "parse_area",
    "PLATE_RE",
    "REPAIRED_BY_DOCUMENT",
    "REPAIRED_BY_FORMAT",
    "repair_vessel",
    "read_damaged_plate",
    "certificate_damaged",
    "PLOT_RE",
    "SHEET_RE",
    "repair_certificate",
]

# Plates: "15C-268.47", "76C1-284.67", "51LD-123.45", "29A-1234", "30K 999.99"; OCR may drop the dot.
# The series may also be set off by a space alone ("29H 50731"). Fishing vessels carry a registration
# number "province code - serial - TS" (Thông tư 23/2018/TT-BNNPTNT: "KG-91234-TS", "ĐNa-90815-TS"),
# which goes where the plate goes.
PLATE_RE = re.compile(
    r"(?<![\w.\-])(?P<plate>\d{2}\s?[A-Z]{1,2}\d?\s?[-–]\s?(?:\d{3}[.,]\d{2}|\d{4,5})"
    r"|\d{2}[A-Z]{1,2}\d?\s(?:\d{3}[.,]\d{2}|\d{4,5}(?![.,]\d))"
    r"|(?-i:[A-ZĐ][A-ZĐa-zđ]{0,2})\s?[-–]\s?\d{4,5}\s?[-–]\s?TS)(?![\w])"
)
# A vessel's registration as introduced in its description, however separated ("số đăng ký BĐ 91234 TS",
# "số hiệu HP-3456" for an inland-waterway vessel); it goes where the plate goes.
_VESSEL_REG_RE = re.compile(
    r"\bsố(?:\s+(?:đăng\s+ký|hiệu|đăng\s+kiểm))?\s*:?\s*"
    r"(?P<v>(?-i:[A-ZĐ][A-ZĐa-zđ]{0,2})(?:\s?[-–]\s?|\s)\d{3,5}(?:(?:\s?[-–]\s?|\s)TS)?)(?![\w/])",
    re.I,
)
PLOT_RE = re.compile(r"\bthửa(?:\s+đất)?(?:\s+số)?\s*:?\s*(?P<v>\d+[a-zA-Z]?)\b", re.I)
SHEET_RE = re.compile(r"\btờ\s+bản\s+đồ(?:\s+địa\s+chính)?(?:\s+số)?\s*:?\s*(?P<v>\d+[a-zA-Z]?)\b", re.I)
_AREA_RE = re.compile(
    r"\bdiện\s+tích(?:\s+(?:sử\s+dụng|xây\s+dựng|sàn|đất|đo\s+đạc\s+thực\s+tế|thực\s+tế|là))*\s*:?\s*"
    r"(?P<v>\d[\d.,]*)\s*(?:m2|m²|m\s2|mét\s+vuông)",
    re.I,
)
_CERT_RE = re.compile(
    r"\b(?:Giấy\s+chứng\s+nhận|Giấy\s+CN(?:QSDĐ|QSD|QSH)?|GCN(?:QSDĐ|QSD)?|sổ\s+đỏ|sổ\s+hồng)(?P<gap>[^;]{0,260}?)"
    # the serial may be introduced as such: "số phát hành CS 123456", "số seri BX 112233"
    r"\bsố(?:\s+(?:phát\s+hành|seri|sê-ri|serial))?\s*:?\s*"
    r"(?P<v>[A-ZĐ]{1,3}\s?\d{4,8})(?![\w/])",
    re.I,
)
_CERT_BOOK_RE = re.compile(r"\bsố\s+vào\s+sổ(?:\s+cấp\s+GCN)?\s*:?\s*(?P<v>(?:CH|CS|CT|VP)\s?\d{3,8})\b")
_CONTRACT_RE = re.compile(
    r"\bHợp\s+đồng\s+(?:thế\s+chấp|cầm\s+cố|bảo\s+đảm|bảo\s+lãnh)(?P<gap>[^;()]{0,80}?)\bsố\s*:?\s*"
    r"(?P<v>[0-9A-ZĐ][\w./\-]*[\w])",
    re.I,
)
_ADDRESS_RE = re.compile(
    r"(?:\bđịa\s+chỉ\s*:?|\btọa\s+lạc\s+tại|\btoạ\s+lạc\s+tại)\s*(?P<v>[^;()]+?)"
    r"(?=,?\s+theo\b|,?\s+do\b|,\s+diện\s+tích|,?\s+loại\s+đất|\s*\(|;|\.\s|\.$|$)",
    re.I,
)
_PLACE_RE = re.compile(
    r"\btại\s+(?P<v>(?:số\s+\d|thôn|ấp|xã|phường|khóm|khu\s+phố|tổ|xóm|khối)[^;()]+?)"
    r"(?=,?\s+theo\b|,?\s+do\b|,\s+diện\s+tích|\s*\(|;|\.\s|\.$|$)",
    re.I,
)
_PART_RE = re.compile(r"\bký\s+hiệu\s*\(?(?P<v>[A-Z0-9]{1,3})\)?", re.I)
# a count with its words: "02 (hai)", "350.000 (ba trăm năm mươi nghìn)"
_COUNT_RE = re.compile(r"^\s*(?:\d{1,3}(?:\.\d{3})*\s*(?:\([^\d)]{1,40}\)\s*)?)?", re.I)
_LEAD_RE = re.compile(
    r"^\s*(?:(?:là|gồm|toàn\s+bộ|các|tài\s+sản\s+(?:thế\s+chấp|bảo\s+đảm|cầm\s+cố)\s+(?:là\s+)?|"
    r"được\s+|(?:quyền\s+)?sở\s+hữu\s+(?=xe|căn|tàu|máy|dây|cổ|toàn|số\s+tiền)|sau\s*:?)\s*)+",
    re.I,
)

# Kinds by the head noun of the description (first words after a count), most specific first.
_KIND_HEADS: tuple[tuple[str, str], ...] = (
    (r"căn\s+hộ|căn\s+hộ\s+chung\s+cư", "apartment"),
    (
        r"quyền\s+sử\s+dụng|thửa\s+đất|phần\s+đất|diện\s+tích\s+(?:[\d.,]+\s*(?:m2|m²|mét\s+vuông)\s+)?đất|lô\s+đất"
        r"|đất\b",
        "land_use_right",
    ),
    (r"(?:căn\s+|ngôi\s+|toàn\s+bộ\s+)?nhà|công\s+trình|nhà\s+xưởng", "house"),
    (r"xe|ô\s*tô|mô\s*tô|rơ\s*moóc", "vehicle"),
    (r"tàu|thuyền|sà\s+lan|ghe|xuồng|phương\s+tiện\s+thủy", "vessel"),
    # machines of production; a computer, phone or camera is an "other" object
    (
        r"dây\s+chuyền|máy\s+móc|thiết\s+bị|hệ\s+thống\s+máy"
        r"|máy(?!\s+(?:tính|vi\s+tính|điện\s+thoại|ảnh|chụp\s+ảnh|tính\s+bảng))",
        "machinery",
    ),
    (r"(?:số\s+)?(?:cổ\s+phần|cổ\s+phiếu)|phần\s+vốn\s+góp", "shares"),
    (r"sổ\s+tiết\s+kiệm|tiền\s+gửi|tài\s+khoản", "deposit"),
)
_LAND_WORDS = re.compile(
    r"quyền\s+sử\s+dụng\s+(?:thửa\s+)?đất|(?<!trên\s)(?:và|,)\s+(?:diện\s+tích\s+)?đất\b", re.I
)
_DEPOSIT_WORDS = re.compile(
    r"sổ\s+tiết\s+kiệm|tiền\s+gửi\s+tiết\s+kiệm|tài\s+khoản\s+(?:tiền\s+gửi|số)|\bgửi\s+(?:tại|ở)\s+Ngân\s+hàng",
    re.I,
)
_DESC_END = re.compile(
    r",?\s+(?:địa\s+chỉ|theo\s+Giấy|theo\s+GCN|theo\s+Hợp\s+đồng|do\s+\S+\s+cấp|thuộc\s+(?:quyền\s+)?sở\s+hữu|"
    r"thu\s+giữ\s+của|của\s+bị\s+cáo|"
    r"đứng\s+tên|mang\s+tên|số\s+khung|tọa\s+lạc|toạ\s+lạc|diện\s+tích\s+sử\s+dụng)\b|\s*\((?:Hợp\s+đồng|Vật)|;",
    re.I,
)


@dataclass
class AssetFields:
    """What one description says; `spans` maps a field to its (start, end) in the chunk's text."""

    kind: str
    description: str
    plot_number: str | None = None
    map_sheet: str | None = None
    area_m2: float | None = None
    address: str | None = None
    certificate: str | None = None
    plate: str | None = None
    security_contract: str | None = None
    part: str | None = None  # "(A)", "(B)": a part of a plot divided by the judgment
    spans: dict[str, tuple[int, int]] = field(default_factory=dict)
    # identifiers OCR damaged and a rule repaired: field -> the lowered confidence of its evidence
    repaired: dict[str, float] = field(default_factory=dict)

    @property
    def identified(self) -> bool:
        return bool(self.certificate or self.plot_number or self.plate)


def find_plates(text: str) -> list[tuple[int, int, str]]:
    """Licence plates in `text` as (start, end, plate); a comma OCR read for the dot of the
    serial ("79A-312,45") is put back, as plates are always written with a dot."""
    return [
        (m.start("plate"), m.end("plate"), re.sub(r"(\d{3}),(\d{2})$", r"\1.\2", m.group("plate")))
        for m in PLATE_RE.finditer(text)
    ]


# A plate OCR damaged by one character ("79A-312.435", "72A-215.6"): found loosely, then repaired
# from the plates the document writes well elsewhere.
_LOOSE_PLATE_RE = re.compile(r"(?<![\w.\-])\d{2}\s?[A-Z]{1,2}\d?\s?[-–]\s?\d{2,4}[.,]\d{1,3}(?![\w])")


def _one_edit(a: str, b: str) -> bool:
    if a == b or abs(len(a) - len(b)) > 1:
        return a == b
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b, strict=True)) == 1
    short, long_ = (a, b) if len(a) < len(b) else (b, a)
    return any(long_[:i] + long_[i + 1 :] == short for i in range(len(long_)))


def repair_plate(chunk: str, text: str) -> tuple[int, int, str] | None:
    """A damaged plate in `chunk` as (start, end, plate the document repeats), when one plate
    written well in `text` is one character away from it and no other is."""
    m = _LOOSE_PLATE_RE.search(chunk)
    if m is None:
        return None
    key = re.sub(r"[\s.,\-–]", "", m.group())
    votes: dict[str, int] = {}
    for _s, _e, p in find_plates(text):
        if _one_edit(key, re.sub(r"[\s.,\-–]", "", p)):
            votes[p] = votes.get(p, 0) + 1
    if len({re.sub(r"[\s.,\-–]", "", p) for p in votes}) != 1:
        return None
    return m.start(), m.end(), max(votes, key=lambda p: votes[p])


# An identifier OCR damaged, repaired from the document's undamaged readings of the same identifier (it is
# what the document says, but not where it was read) or from its format alone (a guess about a character).
REPAIRED_BY_DOCUMENT = C.INFERRED
REPAIRED_BY_FORMAT = C.WEAK

# A vessel registration as OCR reads it: the province code slot holds letters (one capital, then up to
# three letters of any script, so that a non-Vietnamese letter OCR put there is caught: "QNø-90123-TS"),
# the serial digits (an O, I, l, S or B there is a digit's look-alike), the suffix "TS" (its S read as 5).
_VESSEL_LOOSE_RE = re.compile(
    r"(?<![\w.\-])(?P<code>[A-ZĐ][^\W\d_]{0,3})\s?[-–]\s?(?P<num>[\dOoIlSB]{4,5})\s?[-–]\s?(?P<ts>T[S5])(?!\w)"
)
_VN_CODE_CHARS = re.compile(r"[^A-Za-zĐđ]")


def _vessel_readings(text: str) -> list[tuple[int, int, str, str, bool]]:
    """Every vessel registration in `text` as (start, end, code with non-letters dropped, serial,
    damaged), damaged when the code or suffix held a character its slot does not allow."""
    out = []
    for m in _VESSEL_LOOSE_RE.finditer(text):
        code, raw = m.group("code"), m.group("num")
        if sum(ch.isdigit() for ch in raw) < 3:
            continue  # a word, not a serial with a look-alike or two
        clean, num = _VN_CODE_CHARS.sub("", code), raw.translate(_TO_DIGIT)
        out.append((m.start(), m.end(), clean, num, clean != code or num != raw or m.group("ts") != "TS"))
    return out


def repair_vessel(chunk: str, text: str) -> tuple[int, int, str] | None:
    """A vessel registration in `chunk` whose province code OCR damaged, as (start, end, registration):
    the code the document gives the same serial where it reads it undamaged, else the code most of its
    damaged readings leave once the foreign characters are dropped."""
    found = [r for r in _vessel_readings(chunk) if r[4]]
    if not found:
        return None
    s, e, code, num, _ = found[0]
    same = [r for r in _vessel_readings(text) if r[3] == num and r[2]]
    clean = Counter(r[2] for r in same if not r[4])
    votes = clean or Counter(r[2] for r in same)
    if votes:
        code = max(votes, key=lambda c: (votes[c], len(c)))
    return (s, e, f"{code}-{num}-TS") if code else None


# A plate OCR damaged inside its slots ("30K-458 21", "76CI-2§4.67"): read after the words that introduce a
# plate, then each character is put back by what its slot allows. Slots (Thông tư 24/2023/TT-BCA):
# province code two digits; series a letter (as read: a digit there is no plate), then optionally a
# letter or a digit; serial four or five digits ("123.45"). Series letters never include I, J, O, Q, R or W, so an I or O after the first letter
# is a digit.
_PLATE_INTRO_RE = compile_tolerant(r"\b(?:biển\s+(?:kiểm\s+\w{3,6}|số)|BKS|BS)\s*:?\s*", re.I)
_PLATE_RAW_RE = re.compile(r"[0-9A-Za-z§$|!][0-9A-Za-z§$|!~.,\-– ]{5,14}")
_TO_DIGIT = str.maketrans("OoQDIl|!iZzSs$GbBgq", "0000111112255566899")
_NO_SERIES = set("IJOQRW")
_SEPS = re.compile(r"[\s.,\-–~]")


def _plate_slots(raw: str) -> tuple[tuple[str, str, str], str] | None:
    """(province, series, serial) of a raw reading with each slot's look-alikes put back ("?" where a
    character fits no slot: "§"), and a pattern of the plate with every character that was not already
    what its slot holds left open; None when the reading has not a plate's shape."""
    if not re.search(r"[A-Za-z]\S{0,2}[\s\-–~]", raw):
        return None  # a plate sets its serial off its series: "0127436" is some other number
    dotted = re.search(r"[.,\s]\S{2}$", raw.strip()) is not None
    if re.search(r"[.,]\S*$", raw) and not re.search(r"\S{3}[.,]\S{2}$", raw):
        return None  # the serial's dot stands between three digits and two: a digit was lost or added
    c = _SEPS.sub("", raw)
    n = len(c)
    if n == 9 or (n == 8 and not dotted and not c[3].isdigit()):
        prov, series, serial = c[:2], c[2:4], c[4:]
    elif n in (7, 8):
        prov, series, serial = c[:2], c[2], c[3:]
    else:
        return None
    digit = lambda x: x.translate(_TO_DIGIT) if x.isalnum() or x in "|!$" else "?"  # noqa: E731
    loose = lambda x: x if x.isdigit() else r"\d"  # noqa: E731
    pattern = "".join(map(loose, prov)) + re.escape(series[0].upper())
    first = series[0].upper()
    second = ""
    if len(series) == 2:
        second = series[1].upper()
        if second in _NO_SERIES or not second.isalnum():
            second = digit(series[1])
        pattern += re.escape(second) if second.isalpha() else loose(series[1])
    pattern += "".join(map(loose, serial))
    prov, serial = "".join(map(digit, prov)), "".join(map(digit, serial))
    if not re.fullmatch(r"[\d?]{2}", prov) or not re.fullmatch(r"[\d?]+", serial):
        return None
    if not (first.isalpha() and first not in _NO_SERIES) or "??" in prov + serial:
        return None
    return (prov, first + second, serial), pattern


def _plate_text(prov: str, series: str, serial: str) -> str:
    return f"{prov}{series}-{serial[:3]}.{serial[3:]}" if len(serial) == 5 else f"{prov}{series}-{serial}"


def read_damaged_plate(chunk: str, text: str) -> tuple[int, int, str, float] | None:
    """A plate OCR damaged inside its slots in `chunk`, as (start, end, plate, confidence): the plate
    the document writes well elsewhere that fits the reading (every misread character left open; the
    look-alike's own digit first), else the reading repaired by its slots alone (none when a character
    fits no slot)."""
    for intro in _PLATE_INTRO_RE.finditer(chunk):
        m = _PLATE_RAW_RE.match(chunk, intro.end())
        if m is None:
            continue
        raw = re.split(r"\s+(?=[^\W\d_]{2,}|[a-zđà-ỹ])|[;(]", m.group())[0].rstrip(" .,-–")
        read = _plate_slots(raw)
        s, e = m.start(), m.start() + len(raw)
        well = {re.sub(r"[\s.,\-–]", "", p): p for _s, _e, p in find_plates(text)}
        if read is None:
            # a character lost or added ("8A-123.45" for "18A-123.45"): the one plate of the document
            # one character away
            near = [p for k, p in well.items() if _one_edit(_SEPS.sub("", raw).upper(), k)]
            if len(near) == 1 and re.search(r"\d$", raw):
                return s, e, near[0], REPAIRED_BY_DOCUMENT
            continue
        slots, pattern = read
        mapped = "".join(slots)
        if mapped in well:
            return s, e, well[mapped], REPAIRED_BY_DOCUMENT
        fits = [p for k, p in well.items() if re.fullmatch(pattern, k)]
        if len(fits) == 1:
            return s, e, fits[0], REPAIRED_BY_DOCUMENT
        if "?" not in mapped:
            return s, e, _plate_text(*slots), REPAIRED_BY_FORMAT
    return None


# Certificate serials (GCN, Thông tư 23/2014/TT-BTNMT): two capital letters and six digits ("BK 123456");
# a book number (số vào sổ) is CH/CS/CT/VP and digits ("CS 04512"). A reading in lower case ("gy 386512")
# or with a digit lost ("CK 21564") is not in either form.
_CERT_SERIAL_RE = re.compile(r"[A-ZĐ]{2}\s?\d{6}")
_CERT_BOOK_FORM_RE = re.compile(r"(?:CH|CS|CT|VP)\s?\d{3,8}")
_CERT_ANY_RE = re.compile(r"(?<![\w/])[A-Za-zĐđ]{2}\s?\d{4,8}(?![\w/])")


def certificate_damaged(cert: str) -> bool:
    """Whether a two-letter certificate reading fits neither the serial's nor the book number's form."""
    if not re.fullmatch(r"[A-Za-zĐđ]{2}\s?\d+", cert):
        return False  # one or three letters: an older form, kept as written
    return not (_CERT_SERIAL_RE.fullmatch(cert) or _CERT_BOOK_FORM_RE.fullmatch(cert))


def _fold_cert(cert: str) -> str:
    return re.sub(r"\s", "", cert).upper()


def repair_certificate(cert: str, text: str) -> tuple[str, float] | None:
    """A damaged certificate reading repaired, with its confidence: the one well-formed serial of the
    document one character away from it; else, when only the letters' case was lost, the reading in
    capitals. None when neither holds (the reading is kept as written)."""
    key = _fold_cert(cert)
    near = {
        _fold_cert(m.group()): m.group()
        for m in _CERT_ANY_RE.finditer(text)
        if not certificate_damaged(m.group()) and m.group()[:2].isupper()
    }
    if key in near:  # only the case was lost: the document writes the same serial in capitals
        return near[key], REPAIRED_BY_DOCUMENT
    near = {k: v for k, v in near.items() if _one_edit(key, k)}
    if len(near) == 1:
        return next(iter(near.values())), REPAIRED_BY_DOCUMENT
    upper = cert[:2].upper() + cert[2:]
    if not certificate_damaged(upper):
        return upper, REPAIRED_BY_FORMAT
    return None


def parse_area(s: str) -> float | None:
    """ "86,5" → 86.5, "2.150" → 2150, "33.726,5" → 33726.5, "96.4" → 96.4."""
    s = s.strip().rstrip(".,")
    if not s:
        return None
    try:
        if "," in s:
            return float(s.replace(".", "").replace(",", "."))
        if "." in s:
            groups = s.split(".")
            if all(len(g) == 3 for g in groups[1:]) and 1 <= len(groups[0]) <= 3:
                return float("".join(groups))
            return float(s)
        return float(s)
    except ValueError:
        return None


def asset_kind(chunk: str) -> str | None:
    """The kind of asset a description names by its head noun; None when it names no known kind."""
    head = _LEAD_RE.sub("", _COUNT_RE.sub("", chunk, count=1), count=1)
    head = _COUNT_RE.sub("", head, count=1).lstrip()
    if PLATE_RE.search(chunk) and re.match(r"(?:chiếc\s+)?(?:xe|ô\s*tô|mô\s*tô)", head, re.I):
        return "vehicle"
    for pattern, kind in _KIND_HEADS:
        if re.match(rf"(?:chiếc\s+|cái\s+|bộ\s+|toàn\s+bộ\s+)?(?:{pattern})", head, re.I):
            if kind == "house" and _LAND_WORDS.search(chunk):
                return "land_use_right"
            return kind
    if _DEPOSIT_WORDS.search(chunk):
        return "deposit"
    return None


def read_asset(chunk: str, *, default_kind: str | None = None) -> AssetFields | None:
    """Identifiers of the asset described by `chunk`; None when it is not an asset description."""
    kind = asset_kind(chunk) or default_kind
    if kind is None:
        return None
    desc_m = _DESC_END.search(chunk)
    desc = chunk[: desc_m.start()] if desc_m else chunk
    desc = _LEAD_RE.sub("", desc, count=1).strip(" ,.;:-")
    if len(desc) > 220:
        desc = desc[:220].rsplit(" ", 1)[0]
    lead = max(chunk.find(desc), 0)
    f = AssetFields(kind=kind, description=desc[:1].upper() + desc[1:] if desc else chunk.strip())
    f.spans["description"] = (lead, lead + len(desc))
    for name, rx in (("plot_number", PLOT_RE), ("map_sheet", SHEET_RE)):
        m = rx.search(chunk)
        if m:
            setattr(f, name, m.group("v"))
            f.spans[name] = m.span("v")
    m = _AREA_RE.search(chunk)
    if m:
        f.area_m2 = parse_area(m.group("v"))
        f.spans["area_m2"] = m.span("v")
    m = _CERT_RE.search(chunk)
    if m and not re.search(r"đăng\s+ký\s+(?:xe|phương\s+tiện)", m.group("gap"), re.I):
        f.certificate = m.group("v")
        f.spans["certificate"] = m.span("v")
    else:
        m = _CERT_BOOK_RE.search(chunk)
        if m:
            f.certificate = m.group("v")
            f.spans["certificate"] = m.span("v")
    plates = find_plates(chunk)
    if plates:
        s, e, p = plates[0]
        f.plate = p
        f.spans["plate"] = (s, e)
        if f.kind == "other":
            f.kind = "vehicle"
    if f.kind == "vessel" and not f.plate:
        m = _VESSEL_REG_RE.search(chunk)
        if m:
            f.plate = m.group("v")
            f.spans["plate"] = m.span("v")
    m = _CONTRACT_RE.search(chunk)
    if m:
        f.security_contract = m.group("v").rstrip(".")
        f.spans["security_contract"] = (m.start("v"), m.start("v") + len(f.security_contract))
    m = _ADDRESS_RE.search(chunk) or _PLACE_RE.search(chunk)
    if m and kind in ("land_use_right", "house", "apartment"):
        f.address = m.group("v").strip(" ,.")
        f.spans["address"] = (m.start("v"), m.start("v") + len(f.address))
    m = _PART_RE.search(chunk)
    if m:
        f.part = m.group("v").upper()
    return f


# Where one description ends and the next begins inside a list written in one sentence:
# "01 (một) kìm ... và 01 (một) đôi găng tay", "... căn hộ ... và được quyền sở hữu xe ô tô ...".
_SPLIT_RE = re.compile(
    r"(?:;\s*|,\s*(?=\d{1,3}\s*\(\s*[^\W\d]+(?:\s+[^\W\d]+){0,7}\s*\)\s)"
    # ", 01 máy xúc ...", ", 02 điện thoại ...": a counted object after a comma starts the next one
    r"|,\s*(?=\d{1,3}\s+(?:chiếc\s+|cái\s+|bộ\s+)?(?:xe|ô\s*tô|máy|tàu|thuyền|sà\s+lan|căn\s+hộ|điện\s+thoại"
    r"|sổ\s+tiết\s+kiệm|dây\s+chuyền)\b)"
    # a list of exhibits: ", 02 vỏ chai, 01 túi ..." (counts written "01", "02", or a classifier after the count);
    # not ", 05 chỗ ngồi" or ", 03 tầng", which describe the object before them
    r"|,\s+(?=(?:0\d\s+(?!(?:chỗ|tầng|tấn|năm|tháng|ngày|giờ|phòng|người|m|m2|m²|cm|mm|kg|g|lít|ha|km)(?!\w))[^\W\d]"
    r"|\d{1,3}\s+(?:con|cái|chiếc|bộ|đôi|gói|túi|hộp|bao|viên|khẩu|thanh|đoạn|quyển|cuốn|sợi|cây)\b))"
    # "thửa đất số 10 và thửa đất số 11, tờ bản đồ số 2": one asset per plot
    r"|(?:,|\s+và)\s+(?=(?:quyền\s+sử\s+dụng\s+đất\s+(?:tại\s+)?)?thửa\s+(?:đất\s+)?số\s+\d)"
    r"|\s+(?:và|cùng\s+với)\s+"
    # "... và được (quyền) sở hữu / nhận / sử dụng ...": a second allocation in the same sentence
    r"(?=(?:được\s+)?(?:quyền\s+)?(?:sở\s+hữu|nhận|sử\s+dụng)\s+(?:toàn\s+bộ\s+)?(?:số\s+)?(?:tiền|cổ|phần)"
    r"|\d{1,3}\s*\(\s*[^\W\d]+(?:\s+[^\W\d]+){0,7}\s*\)\s"  # "41 (bốn mươi mốt) sim": a count in words
    r"|0\d\s+(?!(?:chỗ|tầng|tấn|năm|tháng|ngày|giờ|phòng|người|m|m2|m²|cm|mm|kg|g|lít|ha|km)(?!\w))[^\W\d]"
    r"|(?:được\s+)?(?:quyền\s+sở\s+hữu\s+)?(?:\d{1,3}\s*(?:\([^)]{1,12}\)\s*)?(?:chiếc\s+)?"
    r"(?:xe|căn\s+hộ|tàu|thuyền|máy|dây\s+chuyền|con|đôi|đoạn|cái|bộ|điện\s+thoại|sổ)|xe\s|căn\s+hộ\s)))",
    re.I,
)


def split_assets(text: str, start: int = 0) -> list[tuple[int, int]]:
    """Spans (absolute, from `start`) of the single descriptions in a list written as one text."""
    out: list[tuple[int, int]] = []
    pos = 0
    for m in _SPLIT_RE.finditer(text):
        if m.start() > pos:
            out.append((start + pos, start + m.start()))
        pos = m.end()
    if pos < len(text):
        out.append((start + pos, start + len(text)))
    out = [(s, e) for s, e in out if text[s - start : e - start].strip(" ,.;:-")]
    # "01 dây chuyền ... gồm 04 máy phay ... và 02 máy tiện": the parts of one asset, not two.
    merged: list[tuple[int, int]] = []
    for s, e in out:
        if merged and re.search(r"\bgồm\b", text[merged[-1][0] - start : merged[-1][1] - start], re.I):
            merged[-1] = (merged[-1][0], e)
        else:
            merged.append((s, e))
    return merged
