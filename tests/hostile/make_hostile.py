"""Build the hostile inputs of issue 16 at test time (nothing large is committed).

    python tests/hostile/make_hostile.py DIR      # writes every case into DIR, prints name and codes

Each case is a file that a careless user or an attacker could hand to `docproc process`: compression
bombs, sizes declared far beyond the bytes, cut-off and damaged files, formats in disguise, hostile
file names. `CASES` maps a case name to (builder, exit codes allowed): the documented codes of
docproc/errors.py (0 when the file must simply be read).
"""

from __future__ import annotations

import io
import os
import random
import struct
import sys
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

__all__ = ["Case", "CASES", "build", "good_text", "GOOD_TEXT"]

GOOD_TEXT = (
    "TÒA ÁN NHÂN DÂN HUYỆN A\nBản án số: 12/2024/DS-ST\nNgày 05-3-2024\n"
    "NHÂN DANH NƯỚC CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
    "Nguyên đơn: Bà Nguyễn Thị B, sinh năm 1970.\nBị đơn: Ông Trần Văn C, sinh năm 1968.\n"
    "QUYẾT ĐỊNH:\nBuộc ông Trần Văn C trả cho bà Nguyễn Thị B số tiền 120.000.000 đồng.\n"
)

OK, UNSUPPORTED, CORRUPT, ENCRYPTED, TOO_LARGE, EMPTY, OCR_FAILED, TIMEOUT, GENERIC = (
    0,
    3,
    4,
    5,
    6,
    7,
    8,
    10,
    1,
)


@dataclass(frozen=True)
class Case:
    build: Callable[[Path], Path]  # writes the case under a directory, returns the path to pass
    codes: frozenset[int]  # exit codes allowed for the run `process CASE good.txt`
    env: tuple[tuple[str, str], ...] = ()  # settings for this case (a small budget, a low page limit)


def good_text(directory: Path) -> Path:
    path = directory / "good.txt"
    path.write_text(GOOD_TEXT, encoding="utf-8")
    return path


# -- small writers --------------------------------------------------------------------------------


def _pdf(objects: list[bytes], *, eof: bool = True) -> bytes:
    """A PDF from object bodies (object 1 is the catalog), with a correct xref table."""
    out = b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n"
    offsets = []
    for i, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % i + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n" % (len(objects) + 1, xref)
    return out + (b"%%EOF\n" if eof else b"")


def _stream(data: bytes, extra: bytes = b"") -> bytes:
    return b"<< /Length %d %s >>\nstream\n" % (len(data), extra) + data + b"\nendstream"


def _one_page(content: bytes, *, box: tuple[int, int] = (595, 842), extra: bytes = b"") -> bytes:
    return _pdf(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 %d %d] /Contents 4 0 R >>" % box,
            _stream(content, extra),
        ]
    )


def _zeros_deflated(n: int, *, raw: bool = False) -> bytes:
    """`n` zero bytes deflated, built in pieces (never `n` bytes in memory)."""
    c = zlib.compressobj(9, zlib.DEFLATED, -15 if raw else 15)
    piece = bytes(1 << 20)
    parts = [c.compress(piece) for _ in range(n >> 20)]
    parts.append(c.compress(bytes(n & ((1 << 20) - 1))))
    parts.append(c.flush())
    return b"".join(parts)


def _zip(members: list[tuple[str, bytes, int, int]]) -> bytes:
    """A ZIP from (name, deflated data, declared size, crc): sizes may lie, as a bomb's do."""
    out, central = b"", b""
    for name, data, size, crc in members:
        n = name.encode()
        offset = len(out)
        out += struct.pack("<IHHHHHIIIHH", 0x04034B50, 20, 0, 8, 0, 0, crc, len(data), size, len(n), 0) + n
        out += data
        central += (
            struct.pack(
                "<IHHHHHHIIIHHHHHII", 0x02014B50, 20, 20, 0, 8, 0, 0, crc, len(data), size, len(n), 0, 0, 0, 0, 0,
                offset,
            )
            + n
        )  # fmt: skip
    end = struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, len(members), len(members), len(central), len(out), 0)
    return out + central + end


def _deflate(data: bytes) -> tuple[bytes, int, int]:
    c = zlib.compressobj(9, zlib.DEFLATED, -15)
    return c.compress(data) + c.flush(), len(data), zlib.crc32(data)


_DOCX_PARTS = {
    "[Content_Types].xml": (
        '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/'
        'content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
        'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName='
        '"/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.'
        'document.main+xml"/></Types>'
    ),
    "_rels/.rels": (
        '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/'
        'package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/'
        'officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>'
    ),
    "word/document.xml": (
        '<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/'
        'wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>Bản án số 12/2024/DS-ST</w:t></w:r></w:p>'
        "</w:body></w:document>"
    ),
}


def _docx_members() -> list[tuple[str, bytes, int, int]]:
    return [(name, *_deflate(text.encode())) for name, text in _DOCX_PARTS.items()]


def _png(width: int, height: int, rows: bytes | None = None, *, cut: bool = False) -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    ihdr = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    idat = zlib.compress(rows if rows is not None else b"\0" * (width + 1) * min(height, 16))
    data = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", idat) + chunk(b"IEND", b"")
    return data[: len(data) // 2] if cut else data


def _page_image(kind: str, **save: object) -> bytes:
    """A small A4-shaped grey page with a few dark bars (not blank), as bytes of `kind`."""
    from PIL import Image, ImageDraw

    img = Image.new("L", (620, 877), 255)
    draw = ImageDraw.Draw(img)
    for y in range(80, 800, 40):
        draw.rectangle((60, y, 560, y + 12), fill=0)
    buf = io.BytesIO()
    img.save(buf, kind, **save)
    return buf.getvalue()


# -- the cases ------------------------------------------------------------------------------------


def _write(name: str, data: bytes) -> Callable[[Path], Path]:
    def build(d: Path) -> Path:
        p = d / name
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_bytes(data)
        return p

    return build


def _lazy(name: str, make: Callable[[], bytes]) -> Callable[[Path], Path]:
    def build(d: Path) -> Path:
        p = d / name
        p.write_bytes(make())
        return p

    return build


def docx_bomb() -> bytes:
    """A DOCX that declares its 1 GiB member honestly (a classic zip bomb: 1 MB on disk)."""
    bomb = _zeros_deflated(1 << 30, raw=True)
    return _zip([*_docx_members(), ("word/media/image1.bin", bomb, 1 << 30, 0)])


def docx_bomb_lying() -> bytes:
    """The same member declaring 1 KB: only inflating it shows the truth."""
    bomb = _zeros_deflated(1 << 30, raw=True)
    return _zip([*_docx_members(), ("word/media/image1.bin", bomb, 1000, 0)])


def docx_xml_bomb() -> bytes:
    """document.xml itself inflating to 600 MB of XML (a paragraph repeated)."""
    c = zlib.compressobj(9, zlib.DEFLATED, -15)
    head = _DOCX_PARTS["word/document.xml"].split("<w:body>")[0].encode() + b"<w:body>"
    para = b"<w:p><w:r><w:t>a</w:t></w:r></w:p>" * 30000
    parts = (
        [c.compress(head)] + [c.compress(para) for _ in range(600)] + [c.compress(b"</w:body></w:document>")]
    )
    data = b"".join(parts) + c.flush()
    size = len(head) + len(para) * 600 + len(b"</w:body></w:document>")
    members = [m for m in _docx_members() if m[0] != "word/document.xml"]
    return _zip([*members, ("word/document.xml", data, size, 0)])


def renamed_zip(marker: str) -> Callable[[], bytes]:
    def make() -> bytes:
        return _zip([(marker, *_deflate(b"<x/>")), ("mimetype", *_deflate(b"application/x"))])

    return make


def pdf_flate_bomb() -> bytes:
    return _one_page(_zeros_deflated(1 << 30), extra=b"/Filter /FlateDecode")


def pdf_double_flate_bomb() -> bytes:
    return _one_page(zlib.compress(_zeros_deflated(1 << 30), 9), extra=b"/Filter [/FlateDecode /FlateDecode]")


def pdf_image_bomb() -> bytes:
    """An image declared 100 x 100 whose stream inflates to 1 GiB."""
    image = _stream(
        _zeros_deflated(1 << 30),
        b"/Type /XObject /Subtype /Image /Width 100 /Height 100 /ColorSpace /DeviceGray "
        b"/BitsPerComponent 8 /Filter /FlateDecode",
    )
    content = b"q 500 0 0 700 50 50 cm /Im1 Do Q"
    return _pdf(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
            b"/Resources << /XObject << /Im1 5 0 R >> >> >>",
            _stream(content),
            image,
        ]
    )


def pdf_huge_image_declared() -> bytes:
    """An image XObject declaring 60000 x 60000 pixels (tiny stream)."""
    image = _stream(
        zlib.compress(b"\0" * 1000),
        b"/Type /XObject /Subtype /Image /Width 60000 /Height 60000 /ColorSpace /DeviceRGB "
        b"/BitsPerComponent 8 /Filter /FlateDecode",
    )
    return _pdf(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
            b"/Resources << /XObject << /Im1 5 0 R >> >> >>",
            _stream(b"q 500 0 0 700 50 50 cm /Im1 Do Q"),
            image,
        ]
    )


def pdf_huge_mediabox(side: int) -> Callable[[], bytes]:
    def make() -> bytes:
        return _one_page(
            b"0 0 0 rg 100 100 %d 300 re f 100 900 300 %d re f" % (side // 2, side // 3), box=(side, side)
        )

    return make


def pdf_blank_pages(n: int) -> bytes:
    kids = b" ".join(b"%d 0 R" % (3 + i) for i in range(n))
    objs = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [%s] /Count %d >>" % (kids, n)]
    objs += [b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>" for _ in range(n)]
    return _pdf(objs)


def pdf_inked_pages(n: int) -> bytes:
    """`n` pages with a few bars each: every one needs rendering and OCR (for the time budget)."""
    kids = b" ".join(b"%d 0 R" % (3 + i) for i in range(n))
    objs = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [%s] /Count %d >>" % (kids, n)]
    content = 3 + n
    objs += [
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents %d 0 R >>" % content
        for _ in range(n)
    ]
    objs.append(_stream(b"".join(b"0 g 60 %d 470 9 re f " % y for y in range(80, 780, 30))))
    return _pdf(objs)


def pdf_declares_many_pages() -> bytes:
    return _pdf(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 100000 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>",
        ]
    )


def pdf_nested(depth: int) -> bytes:
    nested = b"[" * depth + b"]" * depth
    return _pdf(
        [
            b"<< /Type /Catalog /Pages 2 0 R /Deep %s >>" % nested,
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Annots %s >>" % nested,
            _stream(b"BT /F1 12 Tf 72 720 Td (" + b"(" * 2000 + b") Tj ET"),
        ]
    )


def pdf_nested_forms(depth: int) -> bytes:
    """Form XObjects each drawing the next, `depth` deep, and a cycle at the end."""
    objs = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
        b"/Resources << /XObject << /X 5 0 R >> >> >>",
        _stream(b"/X Do"),
    ]
    for i in range(depth):
        nxt = 5 + i + 1 if i + 1 < depth else 5
        objs.append(
            _stream(
                b"0 g 10 10 5 5 re f /X Do",
                b"/Type /XObject /Subtype /Form /BBox [0 0 595 842] /Resources << /XObject << /X %d 0 R >> >>"
                % nxt,
            )
        )
    return _pdf(objs)


def pdf_encrypted() -> bytes:
    import pypdf

    w = pypdf.PdfWriter()
    w.add_blank_page(595, 842)
    w.encrypt(user_password="secret", owner_password="owner")
    buf = io.BytesIO()
    w.write(buf)
    return buf.getvalue()


def pdf_broken_xref() -> bytes:
    data = bytearray(_one_page(b"0 g 10 10 100 100 re f"))
    k = data.index(b"xref")
    data[k : k + 200] = os.urandom(200)
    return bytes(data)


def tiff_frames(n: int) -> bytes:
    """A TIFF of `n` 8 x 8 one-bit frames sharing one strip, written directly (Pillow's save_all is
    quadratic in the frame count)."""
    entries = [(256, 3, 8), (257, 3, 8), (258, 3, 1), (259, 3, 1), (262, 3, 0), (273, 4, 8), (277, 3, 1)]
    entries += [(278, 3, 8), (279, 4, 8)]
    size = 2 + 12 * len(entries) + 4
    out = bytearray(b"II*\x00" + struct.pack("<I", 16) + b"\0" * 8)
    for i in range(n):
        ifd = struct.pack("<H", len(entries))
        for tag, typ, value in entries:
            ifd += struct.pack("<HHI", tag, typ, 1) + (
                struct.pack("<HH", value, 0) if typ == 3 else struct.pack("<I", value)
            )
        nxt = 16 + (i + 1) * size if i + 1 < n else 0
        out += ifd + struct.pack("<I", nxt)
    return bytes(out)


def tiff_white_frames(n: int) -> bytes:
    """`n` white A4 frames at 300 dpi (CCITT G4, a few hundred bytes each): blank, cheap to skip."""
    from PIL import Image

    page = Image.new("1", (2480, 3508), 1)
    buf = io.BytesIO()
    page.save(
        buf, "TIFF", save_all=True, append_images=[page] * (n - 1), compression="group4", dpi=(300, 300)
    )
    return buf.getvalue()


def tiff_missing_dimensions() -> bytes:
    """A TIFF whose only IFD has no ImageWidth/ImageLength (Pillow: 'Missing dimensions')."""
    entries = [(259, 3, 1, 1), (262, 3, 1, 1), (273, 4, 1, 8), (279, 4, 1, 1)]
    ifd = struct.pack("<H", len(entries))
    for tag, typ, count, value in entries:
        ifd += struct.pack("<HHII", tag, typ, count, value)
    ifd += struct.pack("<I", 0)
    return b"II*\x00" + struct.pack("<I", 9) + b"\0" + ifd


def tiff_truncated() -> bytes:
    data = _page_image("TIFF", compression="tiff_lzw")
    return data[: len(data) // 3]


def tiff_ifd_loop() -> bytes:
    data = bytearray(_page_image("TIFF"))
    (ifd,) = struct.unpack("<I", data[4:8])
    (n,) = struct.unpack("<H", data[ifd : ifd + 2])
    data[ifd + 2 + 12 * n : ifd + 6 + 12 * n] = struct.pack("<I", ifd)  # next IFD: itself
    return bytes(data)


def png_huge_declared() -> bytes:
    return _png(60000, 60000)


def jpeg_huge_declared() -> bytes:
    data = bytearray(_page_image("JPEG"))
    k = data.index(b"\xff\xc0")
    data[k + 5 : k + 9] = struct.pack(">HH", 60000, 60000)
    return bytes(data)


def png_decompression_bomb() -> bytes:
    """A PNG of 9000 x 9000 declared honestly (81 MP, over the pixel limit), 80 KB on disk."""
    c = zlib.compressobj(9)
    row = b"\0" * 9001
    data = b"".join(c.compress(row) for _ in range(9000)) + c.flush()

    def chunk(kind: bytes, payload: bytes) -> bytes:
        return (
            struct.pack(">I", len(payload)) + kind + payload + struct.pack(">I", zlib.crc32(kind + payload))
        )

    ihdr = struct.pack(">IIBBBBB", 9000, 9000, 8, 0, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", data) + chunk(b"IEND", b"")


def text_huge() -> bytes:
    """40 MB of Vietnamese text: over the text byte limit (32 MiB), refused before decoding."""
    return (GOOD_TEXT.encode() * 100) * (40_000_000 // (len(GOOD_TEXT.encode()) * 100) + 1)


_FILLER = "Xét thấy lời khai của các đương sự tại phiên tòa phù hợp với tài liệu, chứng cứ có trong hồ sơ. "


def text_long(chars: int) -> Callable[[], bytes]:
    """Text between spaCy's default max_length (1,000,000) and docproc's limit: must be read."""

    def make() -> bytes:
        return (GOOD_TEXT + _FILLER * (chars // len(_FILLER) + 1))[:chars].encode()

    return make


def text_repeated(chars: int) -> Callable[[], bytes]:
    """One judgment repeated: thousands of parties and obligations, slow to extract (the time budget)."""

    def make() -> bytes:
        return (GOOD_TEXT * (chars // len(GOOD_TEXT) + 1))[:chars].encode()

    return make


def text_utf16() -> bytes:
    return GOOD_TEXT.encode("utf-16")


def text_utf16_no_bom() -> bytes:
    return GOOD_TEXT.encode("utf-16-le")


def text_nul() -> bytes:
    return GOOD_TEXT.encode() + b"\0" * 50 + GOOD_TEXT.encode()


def random_bytes() -> bytes:
    return random.Random(16).randbytes(200_000)


def gif() -> bytes:
    return _page_image("GIF")


def bmp() -> bytes:
    return _page_image("BMP")


def webp() -> bytes:
    return _page_image("WEBP")


def _named(name: str) -> Callable[[Path], Path]:
    def build(d: Path) -> Path:
        p = d / name  # a "/" in `name` makes a directory: "[/]" is a path with "[" and "]" around a slash
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_text(GOOD_TEXT, encoding="utf-8")
        return p

    return build


def _symlink_to(target: str, name: str) -> Callable[[Path], Path]:
    def build(d: Path) -> Path:
        p = d / name
        if target == "good":
            (d / "target.txt").write_text(GOOD_TEXT, encoding="utf-8")
            p.symlink_to(d / "target.txt")
        else:
            p.symlink_to(target)
        return p

    return build


def _directory(name: str) -> Callable[[Path], Path]:
    def build(d: Path) -> Path:
        p = d / name
        p.mkdir()
        return p

    return build


def _unreadable(d: Path) -> Path:
    p = d / "unreadable.pdf"
    p.write_bytes(_one_page(b"0 g 10 10 100 100 re f"))
    p.chmod(0)
    return p


_LONG_VI = (
    "Bản án phúc thẩm về tranh chấp hợp đồng vay tài sản giữa nguyên đơn và bị đơn tại Tòa án nhân dân tỉnh"
)


def _c(build: Callable[[Path], Path], *codes: int, env: tuple[tuple[str, str], ...] = ()) -> Case:
    return Case(build, frozenset(codes), env)


CASES: dict[str, Case] = {
    # memory and time bounded by what the file declares or decodes to
    "docx_zip_bomb": _c(_lazy("bomb.docx", docx_bomb), TOO_LARGE),
    "docx_zip_bomb_lying_sizes": _c(_lazy("bomb-lies.docx", docx_bomb_lying), CORRUPT, TOO_LARGE),
    "docx_xml_bomb": _c(_lazy("xml-bomb.docx", docx_xml_bomb), TOO_LARGE),
    "pdf_flate_bomb": _c(_lazy("flate-bomb.pdf", pdf_flate_bomb), TOO_LARGE),
    "pdf_double_flate_bomb": _c(_lazy("flate2-bomb.pdf", pdf_double_flate_bomb), TOO_LARGE),
    "pdf_image_stream_bomb": _c(_lazy("image-bomb.pdf", pdf_image_bomb), TOO_LARGE),
    "pdf_image_60000px_declared": _c(_lazy("image-declared.pdf", pdf_huge_image_declared), TOO_LARGE),
    "pdf_mediabox_14400pt": _c(_lazy("mediabox.pdf", pdf_huge_mediabox(14_400)), EMPTY, OCR_FAILED, OK),
    "pdf_mediabox_200000pt": _c(_lazy("mediabox-huge.pdf", pdf_huge_mediabox(200_000)), TOO_LARGE),
    "pdf_100k_pages_declared": _c(_lazy("pages.pdf", pdf_declares_many_pages), TOO_LARGE, EMPTY, CORRUPT),
    # a blank scan is kept with a warning that it has no text (issue 13), not an error
    "pdf_blank_pages": _c(_lazy("blank.pdf", lambda: pdf_blank_pages(1000)), OK),
    "pdf_pages_over_limit": _c(
        _lazy("many.pdf", lambda: pdf_blank_pages(60)), TOO_LARGE, env=(("DOCPROC_MAX_PAGES", "50"),)
    ),
    "pdf_time_budget": _c(
        _lazy("slow.pdf", lambda: pdf_inked_pages(200)),
        TIMEOUT,
        env=(("DOCPROC_DOC_TIMEOUT_S", "4"), ("DOCPROC_OCR_WORKERS", "1")),
    ),
    "text_over_byte_limit": _c(_lazy("huge.txt", text_huge), TOO_LARGE),
    "text_1_05M_chars": _c(_lazy("long.txt", text_long(1_050_000)), OK),
    # ~3 s of extraction since repeated parties collapse into one (they took longer before): a budget
    # of 1 s keeps the case about the budget, with a wide margin either way
    "text_slow_to_extract": _c(
        _lazy("repeated.txt", text_repeated(300_000)), TIMEOUT, env=(("DOCPROC_DOC_TIMEOUT_S", "1"),)
    ),
    "image_png_60000px_declared": _c(_lazy("huge.png", png_huge_declared), TOO_LARGE),
    "image_jpeg_60000px_declared": _c(_lazy("huge.jpg", jpeg_huge_declared), TOO_LARGE),
    "image_png_bomb_81mp": _c(_lazy("bomb.png", png_decompression_bomb), TOO_LARGE),
    "tiff_10000_frames": _c(_lazy("frames.tif", lambda: tiff_frames(10_000)), TOO_LARGE),
    "tiff_white_frames": _c(_lazy("white.tif", lambda: tiff_white_frames(100)), OK),
    "tiff_ifd_loop": _c(_lazy("loop.tif", tiff_ifd_loop), OK, CORRUPT, OCR_FAILED, EMPTY),
    # parser exceptions mapped to the documented errors
    "pdf_encrypted": _c(_lazy("encrypted.pdf", pdf_encrypted), ENCRYPTED),
    "pdf_cut_off": _c(_lazy("cut.pdf", lambda: _one_page(b"0 g 1 1 9 9 re f")[:300]), CORRUPT),
    "pdf_broken_xref": _c(_lazy("xref.pdf", pdf_broken_xref), OK, CORRUPT, EMPTY, OCR_FAILED),
    "pdf_nested_100k": _c(_lazy("nested.pdf", lambda: pdf_nested(100_000)), OK, CORRUPT, EMPTY, OCR_FAILED),
    "pdf_nested_forms": _c(_lazy("forms.pdf", lambda: pdf_nested_forms(200)), OK, CORRUPT, EMPTY, OCR_FAILED),
    "tiff_missing_dimensions": _c(_lazy("nodims.tif", tiff_missing_dimensions), CORRUPT),
    "tiff_truncated": _c(_lazy("cut.tif", tiff_truncated), CORRUPT),
    "png_truncated": _c(_lazy("cut.png", lambda: _png(620, 877, cut=True)), CORRUPT),
    "jpeg_truncated": _c(_lazy("cut.jpg", lambda: _page_image("JPEG")[:900]), CORRUPT),
    "docx_is_xlsx": _c(_lazy("book.docx", renamed_zip("xl/workbook.xml")), UNSUPPORTED),
    "docx_is_odt": _c(_lazy("odt.docx", renamed_zip("content.xml")), UNSUPPORTED),
    "docx_cut_off": _c(_lazy("cut.docx", lambda: _zip(_docx_members())[:200]), UNSUPPORTED, CORRUPT),
    "zero_bytes": _c(_write("empty.pdf", b""), EMPTY),
    "random_bytes": _c(_lazy("random.pdf", random_bytes), UNSUPPORTED),
    "gif": _c(_lazy("scan.gif", gif), UNSUPPORTED),
    "bmp": _c(_lazy("scan.bmp", bmp), UNSUPPORTED),
    "webp": _c(_lazy("scan.webp", webp), UNSUPPORTED),
    "png_named_pdf": _c(_lazy("image.pdf", lambda: _page_image("PNG")), OK, EMPTY, OCR_FAILED),
    "text_utf16_bom": _c(_lazy("utf16.txt", text_utf16), OK),
    "text_utf16_no_bom": _c(_lazy("utf16le.txt", text_utf16_no_bom), UNSUPPORTED),
    "text_nul_bytes": _c(_lazy("nul.txt", text_nul), OK, UNSUPPORTED),
    # file names and file-system oddities
    "name_long_vietnamese": _c(_named(f"{_LONG_VI} số 12-2024 bản chính thức.txt"), OK),
    "name_255_bytes": _c(_named("đ" * 123 + "abcde.txt"), OK),
    "name_rich_markup": _c(_named("[/] [bold]x[/bold] [link=file:///etc].txt"), OK),
    "name_terminal_escape": _c(_named("\x1b]0;pwned\x07\x1b[31mred\x1b[2J.txt"), OK),
    "name_escape_bad_file": _c(_write("\x1b[2J\x1b[H[/]bad.pdf", b"%PDF-1.4 junk"), CORRUPT),
    "symlink_to_file": _c(_symlink_to("good", "link.txt"), OK),
    "symlink_broken": _c(_symlink_to("/nonexistent/x.pdf", "broken.pdf"), GENERIC),
    "symlink_to_device": _c(_symlink_to("/dev/zero", "zero.pdf"), UNSUPPORTED),
    "directory_named_pdf": _c(_directory("folder.pdf"), EMPTY),
    "unreadable_file": _c(_unreadable, GENERIC, OK),  # root reads it anyway
}


def build(name: str, directory: Path) -> tuple[Path, Case]:
    case = CASES[name]
    directory.mkdir(parents=True, exist_ok=True)
    return case.build(directory), case


if __name__ == "__main__":
    out = Path(sys.argv[1] if len(sys.argv) > 1 else "hostile")
    good_text(out.parent if out.parent != out else out)
    for case_name in CASES:
        path, case = build(case_name, out / case_name)
        print(case_name, path.name.encode("unicode_escape").decode(), sorted(case.codes))
