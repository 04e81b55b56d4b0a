"""Checks of a rendered decision before an officer signs it: what the DOCX itself must never hold.

    problems(draft, lines) -> list[Problem]

- a placeholder "[cần kiểm tra: …]" other than data the judgment itself lacks ("thiếu …");
- a developer term: field paths, party/obligation ids, source tags, file names, template markers;
- an ordered amount missing in digits and in words, or words that do not spell the digits;
- an "already paid" line naming someone who is not an obligor of this decision (unless paid "thay").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from docproc.decisions._models import PLACEHOLDER_PREFIX, Draft
from docproc.decisions._vi import digits_vi
from docproc.text import amount_to_words, nfc, words_to_amount

__all__ = ["Problem", "problems", "DEVELOPER_TERMS"]

DEVELOPER_TERMS = re.compile(
    r"\{\{|\}\}"  # template markers
    r"|\b[a-z]+_[a-z_]+\b"  # snake_case field names (amount_vnd, ex_officio, late_interest)
    r"|\b[PO]\d+\b|tài sản A\d+\b"  # party, obligation, asset ids (a phone "Galaxy A12" is no id)
    r"|/(?:obligations|parties|assets|case|evidence)\b"  # JSON pointers
    r"|\b(?:obligations|parties|assets|office|deadline)\.[a-z]"  # dotted field paths
    r"|\.(?:json|docx|pdf|py|txt)\b"  # file names
    r"|\b(?:STATE|None|null|true|false|NaN)\b"
)
_MONEY = re.compile(r"(\d{1,3}(?:\.\d{3})*) đồng \(([^()]+)\)")
_PAID = re.compile(r"đã trừ .*? do (.+?) đã nộp( thay)?")


@dataclass(frozen=True)
class Problem:
    kind: str  # placeholder | developer_term | amount | already_paid
    detail: str


def problems(draft: Draft, lines: list[str]) -> list[Problem]:
    """Everything wrong with the DOCX text `lines` of `draft` (empty when it can be signed)."""
    found: list[Problem] = []
    body = [nfc(ln) for ln in lines if ln.strip()]
    own = [ln for ln in body if not ln.startswith("(Trích bản án")]  # the judgment's words are quoted as is
    text = "\n".join(body)
    for m in re.finditer(re.escape(PLACEHOLDER_PREFIX) + r"([^\]]*)\]", text):
        if not m.group(1).startswith("thiếu"):
            found.append(Problem("placeholder", m.group(0)))
    if "......../" in text:
        found.append(Problem("placeholder", "số quyết định để trống"))
    for ln in own:
        for m in DEVELOPER_TERMS.finditer(ln):
            found.append(Problem("developer_term", f"{m.group(0)!r} in {ln[:80]!r}"))
    for ln in own:
        for digits, words in _MONEY.findall(ln):
            if words_to_amount(words) != int(digits.replace(".", "")):
                found.append(Problem("amount", f"{digits} đồng spelled {words!r}"))
    for item in draft.items:
        if item.amount_vnd is None:
            continue
        want = f"{digits_vi(item.amount_vnd)} đồng ({amount_to_words(item.amount_vnd)})"
        if not any(want in ln or (PLACEHOLDER_PREFIX + want) in ln for ln in own):
            found.append(Problem("amount", f"{want} not in the decision"))
    names = [p.name for p in draft.obligors]
    for ln in own:
        m = _PAID.search(ln)
        if m and not m.group(2):
            payers = re.split(r",\s*|\s+và\s+", m.group(1))
            for payer in payers:
                if payer.strip() and payer.strip() not in names:
                    found.append(
                        Problem("already_paid", f"{payer.strip()} is not an obligor of this decision")
                    )
    return found
