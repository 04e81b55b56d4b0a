"""The document model every stage shares: pages → lines → words with boxes, and one text.

Coordinates are PDF points (1/72 inch) from the page's top-left corner, whatever the source: OCR
pixels are converted once, at the OCR stage. `Document.text` is built from the words, and every word
keeps its character span in it, so any span of text maps back to page boxes (the evidence a reviewer
sees). Plain-text and DOCX inputs have no pages: their text has spans but no boxes.
"""

from __future__ import annotations

import bisect
import unicodedata
from collections.abc import Iterable, Sequence
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, PrivateAttr

from docproc.notices import Notice

__all__ = ["BBox", "Word", "Line", "Page", "Document", "union_bbox"]

BBox = tuple[float, float, float, float]


def union_bbox(boxes: Iterable[BBox]) -> BBox | None:
    boxes = list(boxes)
    if not boxes:
        return None
    return (
        min(b[0] for b in boxes),
        min(b[1] for b in boxes),
        max(b[2] for b in boxes),
        max(b[3] for b in boxes),
    )


class Word(BaseModel):
    model_config = ConfigDict(frozen=True)

    text: str
    bbox: BBox = Field(description="x0, y0, x1, y1 in PDF points from the page's top-left")
    confidence: float = Field(default=1.0, ge=0.0, le=1.0)
    page: int = Field(ge=1)


class Line(BaseModel):
    words: list[Word]
    block: int = 0  # layout block (column/paragraph group) this line belongs to

    @property
    def bbox(self) -> BBox | None:
        return union_bbox(w.bbox for w in self.words)

    @property
    def text(self) -> str:
        return " ".join(w.text for w in self.words)


class Page(BaseModel):
    number: int = Field(ge=1)
    width: float = Field(gt=0, description="points")
    height: float = Field(gt=0, description="points")
    source: Literal["text_layer", "ocr"]
    lines: list[Line] = Field(default_factory=list)
    rotation: int = 0  # degrees the scan was turned to read it upright
    warnings: list[Notice] = Field(
        default_factory=list, description="what the page says of itself (no page number)"
    )

    @property
    def words(self) -> list[Word]:
        return [w for line in self.lines for w in line.words]

    @property
    def mean_confidence(self) -> float | None:
        words = self.words
        if not words:
            return None
        return sum(w.confidence for w in words) / len(words)

    @property
    def text(self) -> str:
        return "\n".join(line.text for line in self.lines)


class Document(BaseModel):
    """One input file read into text.

    `word_spans[i]` is the (start, end) of the i-th word of `words` in `text`; `page_spans[k]` the span
    of page k+1. Both are sorted, so char → word is a binary search.
    """

    source: str
    sha256: str | None = None
    pages: list[Page] = Field(default_factory=list)
    text: str = ""
    word_spans: list[tuple[int, int]] = Field(default_factory=list)
    page_spans: list[tuple[int, int]] = Field(default_factory=list)
    encoding: str | None = Field(default=None, description="legacy encoding converted from, if any")
    warnings: list[Notice] = Field(default_factory=list)

    # Lookup caches: evidence asks for many spans of one finished document.
    _starts: list[int] | None = PrivateAttr(default=None)
    _flat: list[Word] | None = PrivateAttr(default=None)

    # -- construction -------------------------------------------------------------------------
    @classmethod
    def from_text(cls, text: str, *, source: str, sha256: str | None = None, **kw: object) -> Document:
        return cls(source=source, sha256=sha256, text=unicodedata.normalize("NFC", text), **kw)

    @classmethod
    def from_pages(
        cls,
        pages: Sequence[Page],
        *,
        source: str,
        sha256: str | None = None,
        reflow: bool = True,
        **kw: object,
    ) -> Document:
        """Build the text: words joined by a space, lines by a newline, pages by a blank line.

        With `reflow`, a line that runs to the right margin continues on the next line (one space,
        not a newline), so that a wrapped paragraph reads as one line, as in a typed text.
        """
        parts: list[str] = []
        spans: list[tuple[int, int]] = []
        page_spans: list[tuple[int, int]] = []
        pos = 0
        for p_i, page in enumerate(pages):
            if p_i:
                # a sentence running over the page break reads on, as in the typed text
                sep = " " if reflow and _runs_over(pages[p_i - 1], page) else "\n\n"
                parts.append(sep)
                pos += len(sep)
            page_start = pos
            joins = _line_joins(page) if reflow else [False] * len(page.lines)
            for l_i, line in enumerate(page.lines):
                if l_i:
                    sep = " " if joins[l_i - 1] else "\n"
                    parts.append(sep)
                    pos += 1
                for w_i, word in enumerate(line.words):
                    if w_i:
                        parts.append(" ")
                        pos += 1
                    t = unicodedata.normalize("NFC", word.text)
                    parts.append(t)
                    spans.append((pos, pos + len(t)))
                    pos += len(t)
            page_spans.append((page_start, pos))
        return cls(
            source=source,
            sha256=sha256,
            pages=list(pages),
            text="".join(parts),
            word_spans=spans,
            page_spans=page_spans,
            **kw,
        )

    # -- queries --------------------------------------------------------------------------------
    @property
    def words(self) -> list[Word]:
        if self._flat is None:
            self._flat = [w for p in self.pages for w in p.words]
        return self._flat

    def _word_starts(self) -> list[int]:
        if self._starts is None:
            self._starts = [s for s, _ in self.word_spans]
        return self._starts

    @property
    def text_source(self) -> Literal["text_layer", "ocr", "mixed"] | None:
        kinds = {p.source for p in self.pages if p.lines}
        if not kinds:
            return None
        return kinds.pop() if len(kinds) == 1 else "mixed"

    @property
    def ocr_mean_confidence(self) -> float | None:
        confs = [w.confidence for p in self.pages if p.source == "ocr" for w in p.words]
        return round(sum(confs) / len(confs), 4) if confs else None

    def word_index_at(self, char: int) -> int | None:
        """Index into `words` of the word that character `char` of the text came from."""
        starts = self._word_starts()
        i = bisect.bisect_right(starts, char) - 1
        if i >= 0 and self.word_spans[i][0] <= char < self.word_spans[i][1]:
            return i
        return None

    def word_indices(self, start: int, end: int) -> list[int]:
        """Indices of the words overlapping text[start:end]."""
        if not self.word_spans or end <= start:
            return []
        starts = self._word_starts()
        lo = max(bisect.bisect_right(starts, start) - 1, 0)
        hi = bisect.bisect_left(starts, end)
        return [i for i in range(lo, hi) if self.word_spans[i][1] > start]

    def page_of(self, char: int) -> int | None:
        for k, (s, e) in enumerate(self.page_spans):
            if s <= char <= e:
                return k + 1
        return None

    def locate(self, start: int, end: int) -> tuple[int | None, BBox | None, float | None]:
        """Page, box (on the span's first page) and mean word confidence of text[start:end]."""
        idx = self.word_indices(start, end)
        if not idx:
            return self.page_of(start), None, None
        words = self.words
        chosen = [words[i] for i in idx]
        page = chosen[0].page
        on_page = [w for w in chosen if w.page == page]
        conf = sum(w.confidence for w in chosen) / len(chosen)
        return page, union_bbox(w.bbox for w in on_page), conf

    def page_text(self, number: int) -> str:
        s, e = self.page_spans[number - 1]
        return self.text[s:e]


def _line_joins(page: Page) -> list[bool]:
    """For each line, whether the next line continues it: the line was wrapped at the margin.

    Ragged-right text wraps a line when the next word does not fit, so a line continues when its
    end plus the next line's first word would overrun the text block's right margin.
    """
    boxes = [line.bbox for line in page.lines]
    joins = [False] * len(page.lines)
    real = [b for b in boxes if b is not None]
    if len(real) < 3:
        return joins
    right = sorted(b[2] for b in real)[int(len(real) * 0.9)]  # the text block's right margin
    left = sorted(b[0] for b in real)[int(len(real) * 0.1)]
    width = right - left
    if width <= 0:
        return joins
    # a line's own box grows with its marks and a tilt: the page's typical line height is steadier
    line_height = sorted(b[3] - b[1] for b in real)[len(real) // 2]
    for i in range(len(page.lines) - 1):
        b, nb = boxes[i], boxes[i + 1]
        line, nxt_line = page.lines[i], page.lines[i + 1]
        if b is None or nb is None or line.block != nxt_line.block or not nxt_line.words:
            continue
        height = max(b[3] - b[1], 1.0)
        first = nxt_line.words[0].bbox
        next_word = (first[2] - first[0]) + 0.35 * height  # the word and a space before it
        wrapped = b[2] + next_word >= right - 0.02 * width and b[0] <= left + 0.15 * width
        close = -0.2 * height <= nb[1] - b[3] < 1.2 * height
        nxt = nxt_line.text.lstrip()
        starts_item = bool(nxt) and (nxt[0] in "-–•+*" or _is_item_number(nxt))
        if starts_item and _dash_mid_sentence(line.text, nxt):
            starts_item = False  # "Luật sư Nguyễn Văn A" / "- Văn phòng Luật sư ...": wrapped at " - "
        # "QUYẾT ĐỊNH:" or "Tuyên xử:" ends a heading; "địa chỉ:" wrapped before "khu phố ..." does not
        ends_heading = line.text.rstrip().endswith(":") and not (nxt and nxt[0].islower())
        # Lower case after a line that ends mid-phrase and nearly reaches the margin: a wrap the
        # box estimate missed (a photocopy's margins are noisy), not a new paragraph.
        mid_phrase = bool(nxt) and nxt[0].islower() and line.text.rstrip()[-1:].isalnum()
        if not wrapped and mid_phrase and b[2] >= right - 0.25 * width and b[0] <= left + 0.15 * width:
            wrapped = True
        # A paragraph's first line is indented and a title is centred (a centred title as wide as
        # the text block ends where a wrapped line would: "TÒA ÁN ... - THÀNH PHỐ X" before "Thành
        # phần Hội đồng xét xử ..."): neither continues into the next line.
        new_paragraph = (
            bool(nxt)
            and (nxt[0].isupper() or nxt[0].isdigit())
            and (
                _indented(boxes, i + 1, line_height)
                or _centred(b, left, right)
                or (_capitals(line.text) and not _capitals(nxt_line.text))
                or _sentence_ends_short(line.text, b, boxes, i, line_height)
            )
        )
        joins[i] = wrapped and close and not starts_item and not ends_heading and not new_paragraph
    return joins


def _sentence_ends_short(text: str, b: BBox, boxes: list[BBox | None], i: int, height: float) -> bool:
    """A sentence ends on line i well before the margin its neighbours reach: a justified
    paragraph's last line ("... Luật Thi hành án dân sự." before "Nơi nhận:"). Not after capitals
    ("TP.", "Nguyễn Văn A."): an abbreviation or an initial may end a wrapped line."""
    last = text.rstrip().rsplit(" ", 1)[-1]
    word = last.rstrip(".!?")
    if not last.endswith((".", "!", "?")) or not word.isalpha() or word.isupper() or len(word) < 2:
        return False
    near = [nb[2] for nb in boxes[max(i - 3, 0) : i + 4] if nb is not None]
    return len(near) >= 3 and b[2] < max(near) - height


def _indented(boxes: list[BBox | None], k: int, height: float) -> bool:
    """Line k starts about a text height or more right of the nearest lines' left edge (a first-line
    indent). Neighbours only, so a phone photo's slanting margin does not count as indents."""
    near = [b[0] for b in boxes[max(k - 3, 0) : k + 4] if b is not None]
    bk = boxes[k]
    return bk is not None and len(near) >= 3 and bk[0] - min(near) > 0.9 * height


def _centred(b: BBox, left: float, right: float) -> bool:
    """A line set apart from both margins by the same amount, as titles are."""
    width = right - left
    inset_l, inset_r = b[0] - left, right - b[2]
    return min(inset_l, inset_r) > 0.025 * width and abs(inset_l - inset_r) < 0.02 * width


def _capitals(text: str) -> bool:
    """A line in capitals (a title or heading): three letters or more, none lower case."""
    letters = [ch for ch in text if ch.isalpha()]
    return len(letters) >= 3 and not any(ch.islower() for ch in letters)


def _dash_mid_sentence(line: str, nxt: str) -> bool:
    """A separator dash that wrapping put at the start of a line: the line before ends mid-phrase
    (a letter, no punctuation) and is not itself a list item, which would end with ";" or "."."""
    line = line.rstrip()
    return (
        nxt[:2] in ("- ", "– ")
        and bool(line)
        and line[-1].isalpha()
        and line.lstrip()[:1] not in ("-", "–", "+", "•")
        and not _is_item_number(line.lstrip())
    )


def _runs_over(page: Page, next_page: Page) -> bool:
    """The last line of `page` is wrapped and `next_page` starts mid-sentence (lower case)."""
    lines = [ln for ln in page.lines if ln.words]
    nxt = next((ln for ln in next_page.lines if ln.words), None)
    if len(lines) < 3 or nxt is None:
        return False
    first = nxt.text.lstrip()
    if not first or not first[0].islower():
        return False
    right = sorted(b[2] for b in (ln.bbox for ln in lines) if b)[int(len(lines) * 0.9)]
    last = lines[-1].bbox
    left = min(b[0] for b in (ln.bbox for ln in lines) if b)
    return (
        last is not None
        and last[2] >= right - 0.08 * (right - left)
        and not lines[-1].text.endswith((".", ":"))
    )


def _is_item_number(s: str) -> bool:
    head = s.split(" ", 1)[0]
    return len(head) <= 6 and head.rstrip(".)").replace(".", "").isdigit() and head[-1] in ".)"
