"""PDF pages: a usable text layer becomes a finished Page (words from pdfplumber); any other page
becomes an ImagePageTask, whose image the worker takes from the file itself: the scan embedded in
the page when the page is just that (no decoding work beyond the image's own), else a rendering.

pypdfium2 opens the file first (page count, encryption, what objects each page holds); pdfplumber
then reads text only from pages that have some.
"""

from __future__ import annotations

import logging
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pdfplumber
import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
from PIL import Image

from docproc.budget import NO_DEADLINE, Deadline
from docproc.config import Settings
from docproc.document import Line, Page, Word
from docproc.errors import CorruptFile, DocprocError, EmptyDocument, EncryptedFile, TooLarge
from docproc.ingest import _legacy, _pdfscan
from docproc.ingest._images import check_pixels, normalise_mode
from docproc.ingest._layout import group_lines
from docproc.ingest.types import ImagePageTask
from docproc.notices import Notice

__all__ = ["PdfPages", "check_complete", "read_pdf", "page_image", "embedded_page_image"]

log = logging.getLogger(__name__)

_EOF_WINDOW = 1024  # readers look for %%EOF in the last 1024 bytes
_FULL_PAGE = 0.90  # share of the page an image must cover to call the page a scan
_EXTRACT_COVER = 0.98  # ... and to take that image as the page image
_MIN_LETTER_SHARE = 0.5  # of the non-space characters, else the text layer is junk
_VI_ONLY = frozenset("ăĂđĐơƠưƯ") | frozenset(chr(c) for c in range(0x1EA0, 0x1EFA))


@dataclass
class PdfPages:
    pages: list[Page | ImagePageTask]
    encoding: str | None
    warnings: list[Notice]


@dataclass(frozen=True)
class _Objects:
    """What pdfium sees on a page: enough to tell a scan from a typed page."""

    width: float
    height: float
    image_cover: float  # largest share of the page covered by one image
    images: int
    visible_text: int
    invisible_text: int
    other: int  # paths, shadings
    annotations: int = 0  # drawn when rendered (stamps, form fields), not page objects


def check_complete(path: Path) -> None:
    """A PDF cut off in transfer has no %%EOF at its end; PDF readers would guess, we refuse."""
    with open(path, "rb") as f:
        f.seek(0, 2)
        size = f.tell()
        f.seek(max(0, size - _EOF_WINDOW))
        tail = f.read()
    if b"%%EOF" not in tail:
        raise CorruptFile("the PDF is cut off (no end-of-file marker): was the upload or copy complete?")


def _open(path: Path) -> pdfium.PdfDocument:
    try:
        return pdfium.PdfDocument(str(path))
    except pdfium.PdfiumError as e:
        if e.err_code == pdfium_c.FPDF_ERR_PASSWORD:
            raise EncryptedFile("the PDF is password-protected; send it without the password") from e
        if e.err_code == pdfium_c.FPDF_ERR_SECURITY:
            raise EncryptedFile("the PDF uses an unsupported encryption") from e
        raise CorruptFile("the PDF is damaged and cannot be opened") from e


def read_pdf(path: Path, settings: Settings, deadline: Deadline = NO_DEADLINE) -> PdfPages:
    """Split a PDF into text-layer Pages and OCR tasks, checking the limits before any work: what its
    streams decode to, the page count, each page's size; blank pages never go to OCR."""
    check_complete(path)
    _pdfscan.check_streams(path, settings, deadline)
    pdf = _open(path)
    try:
        n = len(pdf)
        if n == 0:
            raise EmptyDocument("the PDF has no pages")
        if n > settings.max_pages:
            raise TooLarge(f"the PDF has {n} pages, over the limit of {settings.max_pages}")
        objects = []
        for i in range(n):
            deadline.check("reading the PDF's pages")
            objects.append(_page_objects(pdf, i, settings))
    except pdfium.PdfiumError as e:
        raise CorruptFile("the PDF is damaged and its pages cannot be read") from e
    finally:
        pdf.close()

    pages: list[Page | ImagePageTask] = []
    warnings: list[Notice] = []
    encodings: Counter[str] = Counter()
    if any(o.visible_text + o.invisible_text for o in objects):
        _read_text_layer(path, objects, settings, deadline, pages, warnings, encodings)
    else:
        pages.extend(_task_or_blank(path, i, obj, settings) for i, obj in enumerate(objects))
    encoding = encodings.most_common(1)[0][0] if encodings else None
    return PdfPages(pages=pages, encoding=encoding, warnings=warnings)


def _task_or_blank(path: Path, i: int, obj: _Objects, settings: Settings) -> Page | ImagePageTask:
    """The OCR task of a page without a text layer; a page with nothing drawn on it is blank at once."""
    if obj.images + obj.visible_text + obj.invisible_text + obj.other + obj.annotations == 0:
        return Page(
            number=i + 1,
            width=obj.width,
            height=obj.height,
            source="text_layer",
            warnings=[Notice("page.blank")],
        )
    return ImagePageTask(
        path=str(path),
        kind="pdf",
        index=i,
        number=i + 1,
        width_pt=obj.width,
        height_pt=obj.height,
        dpi=settings.ocr_dpi,
    )


def _read_text_layer(
    path: Path,
    objects: list[_Objects],
    settings: Settings,
    deadline: Deadline,
    pages: list[Page | ImagePageTask],
    warnings: list[Notice],
    encodings: Counter[str],
) -> None:
    try:
        plumb = pdfplumber.open(path)
    except Exception as e:  # pdfminer raises many kinds on a damaged file
        raise CorruptFile(f"the PDF cannot be parsed ({type(e).__name__})") from e
    try:
        for i, obj in enumerate(objects):
            deadline.check("reading the PDF's text layer")
            task = _task_or_blank(path, i, obj, settings)
            if obj.visible_text + obj.invisible_text == 0:
                pages.append(task)  # nothing to read: a scan or a blank page
                continue
            try:
                ppage = plumb.pages[i]
                page, encoding, why = _text_page(ppage, i + 1, obj, settings)
                ppage.close()
            except DocprocError:
                raise
            except Exception as e:  # noqa: BLE001 - one bad page: OCR it rather than lose the document
                log.warning("pdf page %d: text layer unreadable (%s), will OCR", i + 1, type(e).__name__)
                warnings.append(Notice("page.text_layer_unreadable", params={"page": i + 1}))
                pages.append(task)
                continue
            if page is None:
                if why:
                    warnings.append(why.on_page(i + 1))
                pages.append(task)
            else:
                if encoding:
                    encodings[encoding] += 1
                pages.append(page)
    finally:
        try:  # pdfminer may raise on closing a damaged file: the pages are read by then
            plumb.close()
        except Exception as e:  # noqa: BLE001
            log.debug("pdfplumber close failed (%s)", type(e).__name__)


def _page_objects(pdf: pdfium.PdfDocument, index: int, settings: Settings) -> _Objects:
    page = pdf[index]
    try:
        width, height = page.get_size()
        if not (width > 0 and height > 0):  # also NaN
            raise CorruptFile(f"page {index + 1} of the PDF has no size")
        if max(width, height) > settings.max_page_points:
            raise TooLarge(
                f"page {index + 1} of the PDF measures {width:,.0f} x {height:,.0f} points, over the limit "
                f"of {settings.max_page_points:,.0f} (DOCPROC_MAX_PAGE_POINTS)"
            )
        area = _box_area(page.get_cropbox()) or 1.0
        crop = page.get_cropbox()
        images = visible = invisible = other = 0
        cover = 0.0
        for obj in page.get_objects():
            if obj.type == pdfium_c.FPDF_PAGEOBJ_IMAGE:
                images += 1
                if obj.level == 0:  # bounds of objects inside a form are in the form's space
                    cover = max(cover, _overlap(obj.get_bounds(), crop) / area)
            elif obj.type == pdfium_c.FPDF_PAGEOBJ_TEXT:
                mode = pdfium_c.FPDFTextObj_GetTextRenderMode(obj.raw)
                if mode == pdfium_c.FPDF_TEXTRENDERMODE_INVISIBLE:
                    invisible += 1
                else:
                    visible += 1
            elif obj.type in (pdfium_c.FPDF_PAGEOBJ_PATH, pdfium_c.FPDF_PAGEOBJ_SHADING):
                other += 1
        annotations = pdfium_c.FPDFPage_GetAnnotCount(page.raw)
        return _Objects(width, height, cover, images, visible, invisible, other, max(annotations, 0))
    finally:
        page.close()


def _box_area(b: tuple[float, float, float, float]) -> float:
    return max(0.0, b[2] - b[0]) * max(0.0, b[3] - b[1])


def _overlap(a: tuple[float, ...], b: tuple[float, ...]) -> float:
    w = min(a[2], b[2]) - max(a[0], b[0])
    h = min(a[3], b[3]) - max(a[1], b[1])
    return max(0.0, w) * max(0.0, h)


# -- text layer -------------------------------------------------------------------------------------


def _text_page(
    ppage: Any, number: int, obj: _Objects, settings: Settings
) -> tuple[Page | None, str | None, Notice | None]:
    """(page, legacy encoding, None) when the text layer is real; (None, None, why not) otherwise."""
    chars = ppage.chars
    letters = sum(1 for c in chars if len(c["text"]) == 1 and c["text"].isalpha())
    if letters < settings.text_layer_min_chars:
        return None, None, None
    solid = sum(1 for c in chars if not c["text"].isspace())
    if letters < _MIN_LETTER_SHARE * solid:
        return None, None, Notice("page.text_layer_not_letters")
    if sum(1 for c in chars if not c.get("upright", True)) > len(chars) / 2:
        return None, None, Notice("page.text_layer_sideways")
    scan = obj.image_cover >= _FULL_PAGE
    if scan and obj.visible_text == 0:
        return None, None, Notice("page.invisible_text_ignored")
    if scan and letters < 3 * settings.text_layer_min_chars:
        return None, None, None  # a scan with a stamp or a page number typed over it

    crop = ppage.cropbox  # top-left coordinates, like the chars'
    dx, dy = float(crop[0]), float(crop[1])
    width, height = float(crop[2]) - dx, float(crop[3]) - dy
    raw = ppage.extract_words(keep_blank_chars=False, use_text_flow=False, return_chars=True)
    words: list[Word] = []
    runs: dict[int, list[tuple[str | None, str]]] = {}  # id(word) -> its (font, text) runs
    for w in raw:
        x0, top, x1, bottom = w["x0"] - dx, w["top"] - dy, w["x1"] - dx, w["bottom"] - dy
        text = "".join(c["text"] for c in w["chars"])
        if not text.strip() or x1 <= 0 or bottom <= 0 or x0 >= width or top >= height:
            continue
        bbox = (max(x0, 0.0), max(top, 0.0), min(x1, width), min(bottom, height))
        word = Word(text=text, bbox=bbox, confidence=1.0, page=number)
        words.append(word)
        runs[id(word)] = _font_runs(w["chars"])
    lines = group_lines(words)
    texts, encoding = _convert_legacy(lines, runs)
    out: list[Line] = []
    for line in lines:
        kept = [w.model_copy(update={"text": texts[id(w)]}) for w in line.words if texts[id(w)].strip()]
        if kept:
            out.append(Line(words=kept, block=line.block))
    page = Page(number=number, width=width, height=height, source="text_layer", lines=out)
    return page, encoding, None


def _font_runs(chars: list[dict[str, Any]]) -> list[tuple[str | None, str]]:
    runs: list[tuple[str | None, str]] = []
    for c in chars:
        font = c.get("fontname")
        if runs and runs[-1][0] == font:
            runs[-1] = (font, runs[-1][1] + c["text"])
        else:
            runs.append((font, c["text"]))
    return runs


def _convert_legacy(
    lines: list[Line], runs: dict[int, list[tuple[str | None, str]]]
) -> tuple[dict[int, str], str | None]:
    """Each word's Unicode text (id(word) -> text) and the page's legacy encoding, if any.

    Words in a legacy font are converted in the context of their page (the converter restores
    TCVN3 capitals from the neighbouring words), one font at a time; a word mixing fonts run by run.
    """
    order = [w for line in lines for w in line.words]
    seps = _separators(lines)
    texts = {id(w): w.text for w in order}
    encodings: Counter[str] = Counter()
    single: dict[str, list[int]] = {}  # legacy font -> positions in `order` of words wholly in it
    for i, w in enumerate(order):
        wr = runs[id(w)]
        legacy = [_legacy.font_encoding(f) for f, _ in wr]
        if not any(legacy):
            continue
        encodings[next(e for e in legacy if e)] += 1
        if len(wr) == 1:
            single.setdefault(wr[0][0] or "", []).append(i)
        else:
            texts[id(w)] = "".join(
                _legacy.convert_font_text(t, f or "") if e else t
                for (f, t), e in zip(wr, legacy, strict=True)
            )
    for font, positions in single.items():
        chosen = set(positions)
        tokens = [w.text if i in chosen else "x" for i, w in enumerate(order)]
        converted = _split_back(_legacy.convert_font_text(_join(tokens, seps), font), len(tokens))
        for i in positions:
            w = order[i]
            texts[id(w)] = converted[i] if converted else _legacy.convert_font_text(w.text, font)
    encoding = encodings.most_common(1)[0][0] if encodings else None
    if encoding is None:
        joined = _join([w.text for w in order], seps)
        encoding = _detect_page_encoding(joined)
        if encoding is not None:
            converted = _split_back(_legacy.convert_text(joined, encoding), len(order))
            for i, w in enumerate(order):
                texts[id(w)] = converted[i] if converted else _legacy.convert_text(w.text, encoding)
    return {k: unicodedata.normalize("NFC", v).strip() for k, v in texts.items()}, encoding


def _separators(lines: list[Line]) -> list[str]:
    """What follows each word when a page is read as text: a space, or a newline where a paragraph
    or a column ends (so a converter sees sentence and heading boundaries as a text file has them)."""
    seps: list[str] = []
    for k, line in enumerate(lines):
        seps.extend(" " for _ in line.words[:-1])
        nxt = lines[k + 1] if k + 1 < len(lines) else None
        ends = line.words[-1].text.rstrip()[-1:] in tuple(".:;!?")
        new_block = nxt is not None and nxt.block != line.block
        item = nxt is not None and nxt.words[0].text[:1] in ("-", "–", "•", "+")
        seps.append("\n" if ends or new_block or item or nxt is None else " ")
    return seps


def _join(tokens: list[str], seps: list[str]) -> str:
    return "".join(t + s for t, s in zip(tokens, seps, strict=True))


def _split_back(text: str, n: int) -> list[str] | None:
    parts = re.split(r"[ \n]", text)
    if parts and parts[-1] == "":
        parts.pop()
    return parts if len(parts) == n else None


def _detect_page_encoding(text: str) -> str | None:
    """Legacy text in a font whose name was lost (subset renamed): only if no Unicode-only letter."""
    sample = text[:20000]
    if any(ch in _VI_ONLY for ch in sample):
        return None
    if not any("\u00a0" <= ch <= "\u00ff" for ch in sample):
        return None
    return _legacy.detect_encoding(sample)


# -- page images (worker side) ----------------------------------------------------------------------


def page_image(task: ImagePageTask, settings: Settings) -> Image.Image:
    """The page as an image: its embedded scan if the page is one, else rendered at task.dpi."""
    pdf = _open(Path(task.path))
    try:
        if not 0 <= task.index < len(pdf):
            raise CorruptFile(f"the PDF has no page {task.index + 1}")
        page = pdf[task.index]
        try:
            img = embedded_page_image(page, settings)
            if img is None:
                img = _render(page, task, settings)
        finally:
            page.close()
    except pdfium.PdfiumError as e:
        raise CorruptFile(f"page {task.number} of the PDF cannot be read") from e
    finally:
        pdf.close()
    return normalise_mode(img)


def embedded_page_image(page: pdfium.PdfPage, settings: Settings) -> Image.Image | None:
    """The one image a scanned page consists of, upright; None when the page must be rendered.

    Only for a page with a single image covering it, placed without rotation or flipping, and
    nothing else on it but an invisible OCR text layer. This skips rasterising the page again
    (2-5x faster than a 300 dpi render on the real scans here, and the scan's own pixels).
    """
    crop = page.get_cropbox()
    area = _box_area(crop) or 1.0
    image = None
    for obj in page.get_objects(max_depth=0):  # an image wrapped in a form is rendered instead
        if obj.type == pdfium_c.FPDF_PAGEOBJ_IMAGE:
            if image is not None:
                return None
            image = obj
        elif obj.type == pdfium_c.FPDF_PAGEOBJ_TEXT:
            if pdfium_c.FPDFTextObj_GetTextRenderMode(obj.raw) != pdfium_c.FPDF_TEXTRENDERMODE_INVISIBLE:
                return None
        else:
            return None
    if image is None or _overlap(image.get_bounds(), crop) / area < _EXTRACT_COVER:
        return None
    m = image.get_matrix()
    if abs(m.b) > 1e-6 or abs(m.c) > 1e-6 or m.a <= 0 or m.d <= 0:
        return None
    meta = image.get_metadata()
    if meta.colorspace == pdfium_c.FPDF_COLORSPACE_UNKNOWN:  # a stencil mask: colours come from the page
        return None
    check_pixels(*image.get_px_size(), settings, what="the page image")
    img = image.get_bitmap(render=False).to_pil()
    rotation = page.get_rotation() % 360
    if rotation == 90:
        img = img.transpose(Image.Transpose.ROTATE_270)
    elif rotation == 180:
        img = img.transpose(Image.Transpose.ROTATE_180)
    elif rotation == 270:
        img = img.transpose(Image.Transpose.ROTATE_90)
    return img


def _render(page: pdfium.PdfPage, task: ImagePageTask, settings: Settings) -> Image.Image:
    """Render at task.dpi, lowered if needed to stay under the pixel limit (a huge sheet still reads)."""
    width, height = page.get_size()
    if not (0 < width <= settings.max_page_points and 0 < height <= settings.max_page_points):
        raise TooLarge(f"page {task.number} of the PDF measures {width:,.0f} x {height:,.0f} points")
    scale = max(task.dpi, 1) / 72.0
    pixels = width * scale * height * scale
    if pixels > settings.max_image_pixels:
        scale *= (settings.max_image_pixels / pixels) ** 0.5 * 0.999
    return page.render(scale=scale).to_pil()
