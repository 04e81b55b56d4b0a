"""Split a judgment's text into its conventional sections.

header (court, number, date, subject) → parties (the đương sự list) → content (NỘI DUNG VỤ ÁN) →
reasoning (NHẬN ĐỊNH CỦA TÒA ÁN) → decision (QUYẾT ĐỊNH / Xử / Tuyên xử: the operative part) →
closing (Nơi nhận, signatures). Headings may be missing or damaged by OCR; each section is a
character span into the text, empty when absent.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["Sections", "segment"]

_FLAGS = re.IGNORECASE | re.MULTILINE

_CONTENT = re.compile(r"^\s*N[OỘ]I\s+DUNG\s+(V[UỤ]\s+[AÁ]N|V[UỤ]\s+VI[EỆ]C)\b.*$", _FLAGS)
_REASONING = re.compile(r"^\s*NH[AẬ]N\s+[DĐ][IỊ]NH\s+C[UỦ]A\s+T[OÒ]A\s+[AÁ]N\b.*$", _FLAGS)
_DECISION = re.compile(r"^\s*(QUY[EẾ]T\s+[DĐ][IỊ]NH|TUY[EÊ]N\s+X[UỬ]|X[UỬ])\s*[:.]?\s*$", _FLAGS)
_CLOSING = re.compile(r"^\s*N[oơ]i\s+nh[aậ]n\s*:", _FLAGS)
_PARTIES_START = re.compile(
    r"(gi[uữ]a\s+c[aá]c\s+[dđ][uư][oơ]ng\s+s[uự]\s*:|^\s*(1\.\s*)?(Nguy[eê]n\s+[dđ][oơ]n|B[iị]\s+c[aá]o|"
    r"Ng[uư][oờ]i\s+(y[eê]u\s+c[aầ]u|kh[oở]i\s+ki[eệ]n))\b)",
    _FLAGS,
)


@dataclass(frozen=True)
class Sections:
    text_len: int
    header: tuple[int, int]
    parties: tuple[int, int]
    content: tuple[int, int]
    reasoning: tuple[int, int]
    decision: tuple[int, int]
    closing: tuple[int, int]

    def get(self, text: str, name: str) -> str:
        s, e = getattr(self, name)
        return text[s:e]


def segment(text: str) -> Sections:
    n = len(text)
    content = _CONTENT.search(text)
    reasoning = _REASONING.search(text, content.end() if content else 0)
    after = max(m.end() for m in (content, reasoning) if m) if (content or reasoning) else 0
    # The operative part: the last "QUYẾT ĐỊNH" heading after the reasoning (the title of a decision
    # is also "QUYẾT ĐỊNH", so take the last one that is not followed by the parties list).
    decisions = [m for m in _DECISION.finditer(text, after)]
    decision = decisions[0] if decisions else None
    closing = _CLOSING.search(text, decision.end() if decision else after)

    head_end = content.start() if content else (decision.start() if decision else n)
    parties_m = _PARTIES_START.search(text, 0, head_end)
    parties_start = parties_m.start() if parties_m else head_end
    header = (0, parties_start)
    parties = (parties_start, head_end)
    c_end = reasoning.start() if reasoning else (decision.start() if decision else n)
    content_span = (content.start(), c_end) if content else (head_end, head_end)
    r_end = decision.start() if decision else n
    reasoning_span = (reasoning.start(), r_end) if reasoning else (c_end, c_end)
    d_end = closing.start() if closing else n
    decision_span = (decision.start(), d_end) if decision else (n, n)
    closing_span = (closing.start(), n) if closing else (n, n)
    return Sections(n, header, parties, content_span, reasoning_span, decision_span, closing_span)
