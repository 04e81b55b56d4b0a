"""Sniffing by bytes: the name never decides, and a refusal says what the file is."""

from __future__ import annotations

import io
import zipfile

import docx
import pytest

from docproc.errors import EmptyDocument, UnsupportedFile
from docproc.ingest import sniff


def _zip(**members: str) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        for name, data in members.items():
            zf.writestr(name.replace("__", "/"), data)
    return buf.getvalue()


@pytest.mark.parametrize(
    ("head", "kind"),
    [
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", "pdf"),
        (b"\r\n\r\n garbage before the header %PDF-1.4\n", "pdf"),  # readers accept junk first
        (b"II*\x00\x08\x00\x00\x00", "tiff"),
        (b"MM\x00*\x00\x00\x00\x08", "tiff"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "png"),
        (b"\xff\xd8\xff\xe0\x00\x10JFIF\x00", "jpeg"),
        ("TÒA ÁN NHÂN DÂN\nBản án số 27/2021".encode(), "text"),
        ("Tòa án".encode("utf-16"), "text"),
        ("Tßa ¸n nh©n d©n huyÖn Gia L©m\n".encode("cp1252"), "text"),  # TCVN3 bytes
        ("Toøa aùn nhaân daân\n".encode("cp1252"), "text"),  # VNI bytes
    ],
)
def test_kinds(head: bytes, kind: str) -> None:
    assert sniff(head) == kind


def test_utf8_head_cut_inside_a_character_is_text() -> None:
    data = "Tòa án nhân dân ".encode() * 10 + "ệ".encode()
    assert sniff(data[:-1]) == "text"


def test_docx_is_a_zip_with_word_document() -> None:
    buf = io.BytesIO()
    docx.Document().save(buf)
    assert sniff(buf.getvalue()) == "docx"


@pytest.mark.parametrize(
    ("head", "message"),
    [
        (_zip(a__b="x"), "a ZIP archive, not a PDF"),
        (_zip(**{"xl__workbook.xml": "<x/>"}), "an Excel workbook"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100, "Word 97-2003"),
        (b"GIF89a\x01\x00", "GIF"),
        (b"{\\rtf1\\ansi hello}", "RTF"),
        (bytes(range(256)) * 4, "unknown format"),
        (b"\x00\x01\x02\x03binary\x00\x00", "unknown format"),
    ],
)
def test_refusals_name_the_format(head: bytes, message: str) -> None:
    with pytest.raises(UnsupportedFile, match=message):
        sniff(head)


def test_empty() -> None:
    with pytest.raises(EmptyDocument):
        sniff(b"")


def test_a_name_that_contradicts_the_bytes_is_a_warning(tmp_path, settings) -> None:
    from docproc.ingest import load

    text = "TÒA ÁN NHÂN DÂN TỈNH A\nBản án số 1/2024/DS-ST\n".encode()
    named_pdf = tmp_path / "ban-an.pdf"
    named_pdf.write_bytes(text)
    loaded = load(named_pdf, settings=settings)
    assert loaded.kind == "text"
    assert str(loaded.warnings[0]) == "the file is named as PDF but its bytes are TEXT: it was read as TEXT"
    plain = tmp_path / "ban-an.txt"
    plain.write_bytes(text)
    assert not load(plain, settings=settings).warnings
    unnamed = tmp_path / "ban-an"
    unnamed.write_bytes(text)
    assert not load(unnamed, settings=settings).warnings
