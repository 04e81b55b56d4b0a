"""What a document is, by its content: a court judgment or decision, an enforcement decision of a
civil judgment enforcement agency, or not a legal document at all (a letter, a blank page).

Signals are looked for on the bare letters of the text (upper-case ASCII, no spaces, no marks:
"Thi hành án dân sự" → "THIHANHANDANSU"), so OCR that lost tone marks or split a word still
matches; the long keys also match one edit away. The header (the lines before the title) decides
who issued the document: a court names itself there ("TÒA ÁN NHÂN DÂN ..."), an enforcement agency
too ("CHI CỤC THI HÀNH ÁN DÂN SỰ ...", "Số: 12/QĐ-CCTHADS"); the body only confirms, because a
judgment's closing clause cites the Law on Civil Judgment Enforcement and a decision cites the
judgment it enforces.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from docproc.extract.sections import bare
from docproc.notices import Notice, render

__all__ = ["DocKind", "classify", "NOT_LEGAL", "NOT_LEGAL_WARNING"]

NOT_LEGAL = Notice("document.not_legal")
NOT_LEGAL_WARNING = render(NOT_LEGAL, "en")

# (bare key, weight); header keys count in the first lines, body keys anywhere
_AGENCY_HEAD = (("THIHANHANDANSU", 4), ("THADS", 3), ("CHAPHANHVIEN", 2))
_COURT_HEAD = (("TOAANNHANDAN", 4), ("TAND", 2), ("NHANDANHNUOC", 3), ("BANAN", 1))
_AGENCY_BODY = (
    ("NGUOIPHAITHIHANHAN", 1),
    ("NGUOIDUOCTHIHANHAN", 1),
    ("CHOTHIHANHANDOIVOI", 2),
    ("LUATTHIHANHANDANSU", 1),
    ("QUYETDINHTHIHANHAN", 1),
    ("TUNGUYENTHIHANHAN", 1),
)
_COURT_BODY = (
    ("HOIDONGXETXU", 2),
    ("THAMPHAN", 1),
    ("NGUYENDON", 1),
    ("BIDON", 1),
    ("BICAO", 1),
    ("NHANDINHCUATOAAN", 2),
    ("NOIDUNGVUAN", 2),
    ("THUKYTOAAN", 1),
    ("KIEMSATVIEN", 1),
)
_LEGAL = (("QUYETDINH", 1), ("CANCU", 1), ("DIEU", 1), ("CONGHOAXAHOICHUNGHIAVIETNAM", 2), ("DOCLAPTUDO", 1))
_SYMBOL = re.compile(
    r"\d\s*/\s*(?:\d{4}\s*/\s*)?[A-ZĐ]{0,6}[-–]?\s*[A-ZĐ]*(?:THADS|ST|PT|GĐT|GDT|TT)\b", re.I
)


@dataclass(frozen=True)
class DocKind:
    kind: str  # "enforcement_decision", "court" (judgment or court decision) or "other"
    confidence: float
    agency: int
    court: int


def _near(hay: str, key: str, fuzzy: bool) -> bool:
    """`key` in `hay`, or (`fuzzy`, keys of 8+ letters) one letter dropped, added or changed."""
    if key in hay:
        return True
    if not fuzzy or len(key) < 8:
        return False
    n = len(key)
    for i in range(len(hay) - n + 2):
        for w in (n - 1, n, n + 1):
            cand = hay[i : i + w]
            if len(cand) == w and _one_edit(cand, key):
                return True
    return False


def _one_edit(a: str, b: str) -> bool:
    if a == b:
        return True
    if abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b, strict=True)) == 1
    if len(a) > len(b):
        a, b = b, a
    i = 0
    while i < len(a) and a[i] == b[i]:
        i += 1
    return a[i:] == b[i + 1 :]


def _score(hay: str, keys: tuple[tuple[str, int], ...], *, fuzzy: bool = False) -> int:
    return sum(w for k, w in keys if _near(hay, k, fuzzy))


def _header(text: str) -> str:
    """The first lines, up to the title or ~900 characters."""
    lines = [ln for ln in text[:2500].split("\n") if ln.strip()]
    out: list[str] = []
    size = 0
    for ln in lines:
        b = bare(ln)
        if b.startswith(("CANCU", "XETDON", "XETTHAY")):
            break  # the bases cite the court a decision enforces: not its issuer
        if b in ("QUYETDINH", "BANAN") or b.startswith("BANANSO"):
            out.append(ln)
            break
        out.append(ln)
        size += len(ln)
        if size > 900:
            break
    return "\n".join(out)


def classify(text: str) -> DocKind:
    head = _header(text)
    hb, body = bare(head), bare(text[:60000])
    # the header is short: fuzzy there; the body only exactly (its keys are many, and repeated)
    agency = _score(hb, _AGENCY_HEAD, fuzzy=True) + _score(body, _AGENCY_BODY)
    court = _score(hb, _COURT_HEAD, fuzzy=True) + _score(body, _COURT_BODY)
    if re.search(r"Q[ĐD]\s*-\s*C?C?THADS", head, re.I):
        agency += 3
    legal = _score(body[:20000], _LEGAL) + (2 if _SYMBOL.search(text[:3000]) else 0)
    if "QUYETDINH" not in bare(text[:3000]):
        agency = min(agency, 3)  # an agency's letter or notice is not a decision
    if agency >= 5 and agency > court:
        return DocKind("enforcement_decision", min(1.0, 0.5 + 0.05 * agency), agency, court)
    if court >= 3 or (court >= 1 and legal >= 3):
        return DocKind("court", min(1.0, 0.5 + 0.05 * court), agency, court)
    if agency >= 4 and legal >= 2:
        return DocKind("enforcement_decision", 0.5, agency, court)
    return DocKind("other", 0.2, agency, court)
