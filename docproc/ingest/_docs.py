"""Inputs that are already text: plain-text files (UTF-8, UTF-16, legacy TCVN3/VNI bytes) and DOCX."""

from __future__ import annotations

import unicodedata
import zipfile
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from docproc.budget import NO_DEADLINE, Deadline
from docproc.config import Settings
from docproc.errors import CorruptFile, DocprocError, EmptyDocument, TooLarge, UnsupportedFile
from docproc.ingest import _legacy

__all__ = ["read_text_file", "read_docx"]

_VI_ONLY = frozenset("ăĂđĐơƠưƯ") | frozenset(chr(c) for c in range(0x1EA0, 0x1EFA))


def read_text_file(data: bytes, settings: Settings) -> tuple[str, str | None]:
    """(NFC text, legacy encoding or None) of a text file's bytes."""
    text, encoding = _legacy.decode_bytes(data)
    return _checked(text, settings), encoding


def _checked(text: str, settings: Settings) -> str:
    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))
    if len(text) > settings.max_text_chars:
        raise TooLarge(
            f"the text has {len(text):,} characters, over the limit of {settings.max_text_chars:,}"
        )
    if not text.strip():
        raise EmptyDocument("the file holds no text")
    return text


def check_archive(path: Path, settings: Settings, deadline: Deadline = NO_DEADLINE) -> None:
    """Refuse a ZIP whose members inflate past the limits, before python-docx reads every part whole.

    The sizes the ZIP declares are checked first, then each member is inflated in 1 MiB pieces that
    are counted and dropped: a member that inflates beyond its declared size fails its CRC here
    (zipfile stops at the declared size) instead of allocating gigabytes in one `read()`.
    """
    try:
        with zipfile.ZipFile(path) as zf:
            infos = zf.infolist()
            if len(infos) > settings.max_archive_members:
                raise TooLarge(
                    f"the DOCX has {len(infos):,} parts, over the limit of {settings.max_archive_members:,}"
                )
            total = sum(i.file_size for i in infos)
            xml = sum(i.file_size for i in infos if i.filename.lower().endswith((".xml", ".rels")))
            if total > settings.max_archive_bytes:
                raise TooLarge(
                    f"the DOCX inflates to {total:,} bytes, over the limit of {settings.max_archive_bytes:,}"
                )
            if xml > settings.max_archive_xml_bytes:
                raise TooLarge(
                    f"the DOCX holds {xml:,} bytes of XML, over the limit of {settings.max_archive_xml_bytes:,}"
                )
            for info in infos:
                deadline.check("reading the DOCX")
                if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
                    raise UnsupportedFile(
                        "the DOCX uses a compression Word does not write (BZIP2/LZMA); save it again from Word"
                    )
                if info.flag_bits & 0x1:
                    raise CorruptFile("the DOCX has encrypted parts")
                with zf.open(info) as member:
                    while member.read(1 << 20):
                        pass
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, ValueError, NotImplementedError) as e:
        raise CorruptFile(f"the DOCX is damaged and cannot be opened ({type(e).__name__})") from e


def read_docx(path: Path, settings: Settings, deadline: Deadline = NO_DEADLINE) -> tuple[str, str | None]:
    """Paragraphs and table cells in document order, one paragraph a line; legacy-font runs converted."""
    import docx  # python-docx; imported here, only DOCX inputs need it
    from docx.opc.exceptions import PackageNotFoundError

    check_archive(path, settings, deadline)
    try:
        document = docx.Document(str(path))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError, OSError) as e:
        raise CorruptFile("the DOCX is damaged and cannot be opened") from e
    except Exception as e:  # lxml XMLSyntaxError and friends
        raise CorruptFile(f"the DOCX cannot be parsed ({type(e).__name__})") from e

    encodings: Counter[str] = Counter()
    try:
        default_font = _style_font(document.styles["Normal"]) if _has_style(document, "Normal") else None
        lines: list[str] = []
        for k, paragraph in enumerate(_paragraphs(document)):
            if k % 1000 == 0:
                deadline.check("reading the DOCX")
            lines.append(_paragraph_text(paragraph, default_font, encodings))
    except DocprocError:
        raise
    except Exception as e:  # a structure python-docx cannot walk
        raise CorruptFile(f"the DOCX cannot be read ({type(e).__name__})") from e
    text = "\n".join(lines)
    encoding = encodings.most_common(1)[0][0] if encodings else None
    if encoding is None:
        encoding = _detect(text)
        if encoding is not None:
            text = _legacy.convert_text(text, encoding)
    return _checked(text, settings), encoding


def _has_style(document: Any, name: str) -> bool:
    try:
        document.styles[name]
    except KeyError:
        return False
    return True


def _paragraphs(container: Any) -> Iterator[Any]:
    """Paragraphs in order, descending into tables (each merged cell once)."""
    from docx.table import Table

    for item in container.iter_inner_content():
        if isinstance(item, Table):
            for row in item.rows:
                seen: set[int] = set()
                for cell in row.cells:
                    if id(cell._tc) in seen:
                        continue
                    seen.add(id(cell._tc))
                    yield from _paragraphs(cell)
        else:
            yield item


def _paragraph_text(paragraph: Any, default_font: str | None, encodings: Counter[str]) -> str:
    from docx.text.hyperlink import Hyperlink

    style_font = _style_font(paragraph.style) or default_font
    parts: list[str] = []
    for item in paragraph.iter_inner_content():
        runs = item.runs if isinstance(item, Hyperlink) else [item]
        for run in runs:
            s = run.text
            font = _run_font(run) or style_font
            enc = _legacy.font_encoding(font)
            if enc is not None and s:
                encodings[enc] += 1
                s = _legacy.convert_font_text(s, font or "")
            parts.append(s)
    return unicodedata.normalize("NFC", "".join(parts))


def _run_font(run: Any) -> str | None:
    """The font of a run: the legacy one among ascii/hAnsi/cs if any (8-bit letters use hAnsi)."""
    from docx.oxml.ns import qn

    rpr = run._r.rPr
    names: list[str] = []
    if rpr is not None and rpr.rFonts is not None:
        for attr in ("w:ascii", "w:hAnsi", "w:cs"):
            value = rpr.rFonts.get(qn(attr))
            if value:
                names.append(value)
    if not names and run.style is not None:
        font = _style_font(run.style)
        if font:
            names.append(font)
    for name in names:
        if _legacy.font_encoding(name):
            return name
    return names[0] if names else None


def _style_font(style: Any) -> str | None:
    while style is not None:
        try:
            name = style.font.name
        except AttributeError:
            return None
        if name:
            return str(name)
        style = style.base_style
    return None


def _detect(text: str) -> str | None:
    sample = text[:20000]
    if any(ch in _VI_ONLY for ch in sample) or not any("\u00a0" <= ch <= "\u00ff" for ch in sample):
        return None
    return _legacy.detect_encoding(sample)
