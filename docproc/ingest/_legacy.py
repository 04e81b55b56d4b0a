"""Where legacy TCVN3 / VNI text is, for ingest: text files, DOCX runs, PDF text layers typed in
`.VnTime` or `VNI-Times` fonts. Ingest only decides *where* (from font names, or from the text);
converting is docproc.text's job."""

from __future__ import annotations

import re

from docproc.text import convert_legacy, convert_legacy_font_text, detect_legacy
from docproc.text import decode_bytes as _decode_bytes
from docproc.text.normalize import nfc

__all__ = ["font_encoding", "convert_font_text", "detect_encoding", "convert_text", "decode_bytes"]

_SUBSET = re.compile(r"^[A-Z]{6}\+")
_TCVN3_FONT = re.compile(r"^[._]?Vn[A-Z]", re.ASCII)  # .VnTime, .VnTimeH, .VnArial, _VnTime
_VNI_FONT = re.compile(r"^VNI[-_ ]", re.ASCII | re.IGNORECASE)  # VNI-Times, VNI-Helve


def font_encoding(fontname: str | None) -> str | None:
    """'tcvn3' or 'vni' when a font name is one of the legacy Vietnamese families."""
    if not fontname:
        return None
    name = _SUBSET.sub("", fontname)
    if _TCVN3_FONT.match(name):
        return "tcvn3"
    if _VNI_FONT.match(name):
        return "vni"
    return None


def convert_font_text(s: str, fontname: str) -> str:
    """Text drawn in a legacy font, as Unicode NFC (unchanged for other fonts)."""
    if font_encoding(fontname) is None:
        return s
    name = _SUBSET.sub("", fontname)
    if name.startswith("_"):  # some writers replace the leading dot of .VnTime
        name = "." + name[1:]
    return nfc(convert_legacy_font_text(s, name))


def detect_encoding(text: str) -> str | None:
    """The legacy encoding a mojibake text was typed in, if it reads as one."""
    return detect_legacy(text)


def convert_text(text: str, encoding: str) -> str:
    """Mojibake (legacy bytes read as cp1252) converted to Unicode NFC."""
    return nfc(convert_legacy(text, encoding))  # type: ignore[arg-type]


def decode_bytes(data: bytes) -> tuple[str, str | None]:
    """Bytes of a text file → (Unicode NFC text, encoding found or None); BOMs honoured."""
    text, encoding = _decode_bytes(data)
    return nfc(text), encoding
