"""PDF ingest: text layers into words and lines, scans into page tasks, bad PDFs into clear errors."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pypdf
import pypdfium2 as pdfium
import pytest
from PIL import Image

from docproc.config import Settings
from docproc.document import Document, Page
from docproc.errors import CorruptFile, EmptyDocument, EncryptedFile, TooLarge, UnsupportedFile
from docproc.ingest import ImagePageTask, load, load_page_image
from docproc.ingest import _pdf as pdf_module
from docproc.notices import texts


def _blank_pdf(path: Path, pages: int, size: tuple[float, float] = (595, 842)) -> Path:
    doc = pdfium.PdfDocument.new()
    for _ in range(pages):
        doc.new_page(*size)
    doc.save(str(path))
    doc.close()
    return path


def _merge(target: Path, *parts: tuple[Path, int]) -> Path:
    writer = pypdf.PdfWriter()
    for path, index in parts:
        writer.add_page(pypdf.PdfReader(path).pages[index])
    with open(target, "wb") as f:
        writer.write(f)
    return target


# -- born-digital -----------------------------------------------------------------------------------


def test_text_pdf_gives_words_with_boxes(text_pdf: Path, settings: Settings) -> None:
    loaded = load(text_pdf, settings=settings)
    assert loaded.kind == "pdf"
    assert len(loaded.pages) == 2
    assert all(isinstance(p, Page) and p.source == "text_layer" for p in loaded.pages)
    page = loaded.pages[0]
    assert isinstance(page, Page)
    assert (page.width, page.height) == pytest.approx((595.0, 842.0), abs=1)
    words = page.words
    assert len(words) > 200
    for w in words:
        x0, y0, x1, y1 = w.bbox
        assert 0 <= x0 < x1 <= page.width and 0 <= y0 < y1 <= page.height
        assert w.confidence == 1.0 and w.page == 1
    # top-left origin: the first line is near the top of the page, lines go down the page
    tops = [line.bbox[1] for line in page.lines if line.bbox]
    assert tops[0] < 100
    assert tops == sorted(tops)
    doc = Document.from_pages([p for p in loaded.pages if isinstance(p, Page)], source=loaded.source)
    assert "Tòa án nhân dân" in doc.text
    assert "TÒA ÁN NHÂN DÂN" in doc.text
    assert "Thành phần Hội đồng xét xử sơ thẩm" in doc.text
    assert "27/2021/KDTM-ST" in doc.text
    # a word's box is where the text was drawn (make_scans puts the first line at 57 pt from the top)
    first = next(w for w in words if w.text == "TÒA")
    assert first.bbox[1] == pytest.approx(57, abs=3)
    assert first.bbox[0] == pytest.approx(85, abs=4)


def test_sha256_and_source(text_pdf: Path, settings: Settings) -> None:
    import hashlib

    loaded = load(text_pdf, settings=settings, source="upload.pdf")
    assert loaded.sha256 == hashlib.sha256(text_pdf.read_bytes()).hexdigest()
    assert loaded.source == "upload.pdf"
    assert load(text_pdf, settings=settings).source == text_pdf.name


def test_two_header_columns_become_blocks(tmp_path: Path, settings: Settings) -> None:
    from fpdf import FPDF

    pdf = FPDF(unit="pt", format=(595, 842))
    pdf.set_auto_page_break(False)
    pdf.add_font("serif", fname=_font())
    pdf.set_font("serif", size=13)
    pdf.add_page()
    rows = [
        (60, "TÒA ÁN NHÂN DÂN", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"),
        (76, "QUẬN NGÔ QUYỀN", "Độc lập - Tự do - Hạnh phúc"),
        (92, "THÀNH PHỐ HẢI PHÒNG", None),
        (108, "Số: 27/2021/KDTM-ST", "Hải Phòng, ngày 22 tháng 9 năm 2021"),
    ]
    for y, left, right in rows:
        pdf.set_xy(70, y)
        pdf.cell(text=left, h=14)
        if right:
            pdf.set_xy(300, y)
            pdf.cell(text=right, h=14)
    pdf.set_xy(250, 160)
    pdf.cell(text="NHÂN DANH", h=14)
    pdf.set_xy(70, 190)
    pdf.cell(text="Ngày 22 tháng 9 năm 2021, tại trụ sở Tòa án nhân dân quận Ngô Quyền", h=14)
    path = tmp_path / "header.pdf"
    pdf.output(str(path))

    page = load(path, settings=settings).pages[0]
    assert isinstance(page, Page)
    texts = [line.text for line in page.lines]
    assert texts[:7] == [
        "TÒA ÁN NHÂN DÂN",
        "QUẬN NGÔ QUYỀN",
        "THÀNH PHỐ HẢI PHÒNG",
        "Số: 27/2021/KDTM-ST",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "Hải Phòng, ngày 22 tháng 9 năm 2021",
    ]
    blocks = [line.block for line in page.lines]
    assert len(set(blocks[:4])) == 1 and len(set(blocks[4:7])) == 1 and blocks[0] != blocks[4]
    assert blocks[7] not in blocks[:7]  # the centred title starts a new block
    assert texts[7:] == ["NHÂN DANH", "Ngày 22 tháng 9 năm 2021, tại trụ sở Tòa án nhân dân quận Ngô Quyền"]


def _font() -> str:
    for p in (
        "/usr/share/fonts/truetype/liberation2/LiberationSerif-Regular.ttf",
        "/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf",
    ):
        if Path(p).is_file():
            return p
    pytest.skip("no font with Vietnamese glyphs")


# -- scans ------------------------------------------------------------------------------------------


def test_scanned_pdf_gives_tasks_and_the_embedded_image(
    scan_pdf: Path, settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    loaded = load(scan_pdf, settings=settings)
    assert len(loaded.pages) == 1
    task = loaded.pages[0]
    assert isinstance(task, ImagePageTask)
    assert (task.kind, task.index, task.number, task.dpi) == ("pdf", 0, 1, settings.ocr_dpi)
    assert (task.width_pt, task.height_pt) == pytest.approx((595, 842), abs=1)

    def no_render(*args: object, **kwargs: object) -> Image.Image:
        raise AssertionError("the page should not be rendered")

    monkeypatch.setattr(pdf_module, "_render", no_render)
    image = load_page_image(task, settings=settings)
    assert image.mode in ("L", "RGB")
    # the scan as embedded: A4 at 300 dpi is 2480 x 3508 pixels
    assert image.size[0] == pytest.approx(2480, abs=3) and image.size[1] == pytest.approx(3508, abs=3)
    # and it is the page, not a blank: ink in the top part where the header is
    top = image.convert("L").crop((0, 0, image.size[0], 400))
    assert top.getextrema()[0] < 100


def test_mixed_pdf_keeps_page_order(
    text_pdf: Path, scan_pdf: Path, tmp_path: Path, settings: Settings
) -> None:
    mixed = _merge(tmp_path / "mixed.pdf", (text_pdf, 0), (scan_pdf, 0), (text_pdf, 1))
    pages = load(mixed, settings=settings).pages
    assert [type(p).__name__ for p in pages] == ["Page", "ImagePageTask", "Page"]
    assert [p.number for p in pages] == [1, 2, 3]


def test_page_with_other_content_is_rendered(scan_pdf: Path, tmp_path: Path, settings: Settings) -> None:
    """A scan with something drawn over it (a line, a stamp) is rendered, so nothing is lost."""
    pdf = pdfium.PdfDocument(str(scan_pdf))
    page = pdf[0]
    path_obj = pdfium.raw.FPDFPageObj_CreateNewPath(10, 10)
    pdfium.raw.FPDFPath_LineTo(path_obj, 500, 10)
    pdfium.raw.FPDFPath_SetDrawMode(path_obj, 0, 1)
    pdfium.raw.FPDFPage_InsertObject(page.raw, path_obj)
    pdfium.raw.FPDFPage_GenerateContent(page.raw)
    out = tmp_path / "stamped.pdf"
    pdf.save(str(out))
    page.close()
    pdf.close()
    low = settings.model_copy(update={"ocr_dpi": 100})
    task = load(out, settings=low).pages[0]
    assert isinstance(task, ImagePageTask) and task.dpi == 100
    image = load_page_image(task, settings=low)
    assert image.size == pytest.approx(
        (round(task.width_pt * 100 / 72), round(task.height_pt * 100 / 72)), abs=1
    )


def test_page_with_nothing_drawn_is_blank_without_ocr(tmp_path: Path, settings: Settings) -> None:
    """A page with no objects and no annotations is blank at load time: 1,000 of them cost no OCR."""
    path = _blank_pdf(tmp_path / "blank.pdf", 1, (595, 842))
    loaded = load(path, settings=settings)
    [page] = loaded.pages
    assert isinstance(page, Page) and not page.lines and texts(page.warnings) == ["blank page"]
    assert (page.width, page.height) == (595, 842)
    # rendering such a page (a task made by hand, as the service's page view does) still works
    low = ImagePageTask(path=str(path), kind="pdf", index=0, number=1, width_pt=595, height_pt=842, dpi=72)
    image = load_page_image(low, settings=settings)
    assert image.size == (595, 842)
    assert image.convert("L").getextrema() == (255, 255)


# -- bad PDFs ---------------------------------------------------------------------------------------


def test_corrupt_pdf(tmp_path: Path, settings: Settings) -> None:
    path = tmp_path / "bad.pdf"
    path.write_bytes(b"%PDF-1.7\n" + bytes(range(256)) * 40 + b"\n%%EOF\n")
    with pytest.raises(CorruptFile) as e:
        load(path, settings=settings)
    assert e.value.source == "bad.pdf"
    assert "damaged" in e.value.message


def test_truncated_pdf(text_pdf: Path, tmp_path: Path, settings: Settings) -> None:
    data = text_pdf.read_bytes()
    path = tmp_path / "half.pdf"
    path.write_bytes(data[: len(data) // 2])
    with pytest.raises(CorruptFile, match="cut off"):
        load(path, settings=settings)


def test_encrypted_pdf(text_pdf: Path, tmp_path: Path, settings: Settings) -> None:
    writer = pypdf.PdfWriter(clone_from=pypdf.PdfReader(text_pdf))
    writer.encrypt(user_password="secret", owner_password="owner", algorithm="AES-128")
    path = tmp_path / "locked.pdf"
    with open(path, "wb") as f:
        writer.write(f)
    with pytest.raises(EncryptedFile, match="password"):
        load(path, settings=settings)


def test_pdf_with_only_an_owner_password_reads(text_pdf: Path, tmp_path: Path, settings: Settings) -> None:
    writer = pypdf.PdfWriter(clone_from=pypdf.PdfReader(text_pdf))
    writer.encrypt(user_password="", owner_password="owner", algorithm="AES-128")
    path = tmp_path / "restricted.pdf"
    with open(path, "wb") as f:
        writer.write(f)
    pages = load(path, settings=settings).pages
    assert isinstance(pages[0], Page) and "NHÂN DÂN" in pages[0].text


def test_too_many_pages_fails_before_work(
    tmp_path: Path, settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = _blank_pdf(tmp_path / "long.pdf", 2000, (100, 100))
    monkeypatch.setattr(pdf_module, "_page_objects", lambda *a: pytest.fail("pages were read"))
    with pytest.raises(TooLarge, match="2000 pages"):
        load(path, settings=settings)
    assert settings.max_pages < 2000


def test_zip_named_pdf(tmp_path: Path, settings: Settings) -> None:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("ban-an.txt", "TÒA ÁN NHÂN DÂN")
    path = tmp_path / "ban-an.pdf"
    path.write_bytes(buf.getvalue())
    with pytest.raises(UnsupportedFile, match="a ZIP archive, not a PDF"):
        load(path, settings=settings)


def test_empty_file(tmp_path: Path, settings: Settings) -> None:
    path = tmp_path / "empty.pdf"
    path.write_bytes(b"")
    with pytest.raises(EmptyDocument, match="empty"):
        load(path, settings=settings)


def test_file_over_the_byte_limit(text_pdf: Path, settings: Settings) -> None:
    small = settings.model_copy(update={"max_file_bytes": 1000})
    with pytest.raises(TooLarge, match="bytes"):
        load(text_pdf, settings=small)


def test_scanner_junk_layer_is_ignored(scan_pdf: Path, tmp_path: Path, settings: Settings) -> None:
    """An invisible OCR layer over a full-page scan is the scanner's reading, not a text layer."""
    pdf = pdfium.PdfDocument(str(scan_pdf))
    page = pdf[0]
    font = pdfium.raw.FPDFText_LoadStandardFont(pdf.raw, b"Helvetica")
    text = pdfium.raw.FPDFPageObj_CreateTextObj(pdf.raw, font, 12.0)
    s = "TOA AN NHAN DAN QUAN NGO QUYEN THANH PHO HAI PHONG BAN AN SO 27\x00"
    buf = (pdfium.raw.FPDF_WCHAR * len(s))(*[ord(c) for c in s])
    pdfium.raw.FPDFText_SetText(text, buf)
    pdfium.raw.FPDFTextObj_SetTextRenderMode(text, pdfium.raw.FPDF_TEXTRENDERMODE_INVISIBLE)
    pdfium.raw.FPDFPageObj_Transform(text, 1, 0, 0, 1, 80, 780)
    pdfium.raw.FPDFPage_InsertObject(page.raw, text)
    pdfium.raw.FPDFPage_GenerateContent(page.raw)
    out = tmp_path / "ocrd.pdf"
    pdf.save(str(out))
    page.close()
    pdf.close()
    loaded = load(out, settings=settings)
    assert isinstance(loaded.pages[0], ImagePageTask)
    assert any("invisible text layer" in str(w) for w in loaded.warnings)
    # the embedded scan is still taken as is (invisible text draws nothing)
    assert load_page_image(loaded.pages[0], settings=settings).size[0] == pytest.approx(2480, abs=3)


# -- legacy fonts -----------------------------------------------------------------------------------


def _mojibake_pdf(path: Path, lines: list[str], fontname: str | None) -> Path:
    """A PDF whose text layer reads as legacy bytes through cp1252, as a .VnTime/VNI-Times document
    gives; the embedded font is renamed to `fontname` (None keeps the neutral subset name)."""
    from fpdf import FPDF

    pdf = FPDF(unit="pt", format=(595, 842))
    pdf.set_auto_page_break(False)
    pdf.add_font("serif", fname=_font())
    pdf.set_font("serif", size=13)
    pdf.add_page()
    for k, line in enumerate(lines):
        pdf.set_xy(70, 60 + 18 * k)
        pdf.cell(text=line, h=14)
    raw = tmp = path.with_suffix(".raw.pdf")
    pdf.output(str(raw))
    writer = pypdf.PdfWriter(clone_from=pypdf.PdfReader(tmp))
    if fontname:
        for page in writer.pages:
            for font in page["/Resources"]["/Font"].values():
                font = font.get_object()
                prefix = str(font["/BaseFont"]).split("+")[0].lstrip("/")
                name = pypdf.generic.NameObject(f"/{prefix}+{fontname}")
                font[pypdf.generic.NameObject("/BaseFont")] = name
                for desc in font.get("/DescendantFonts", []):
                    desc = desc.get_object()
                    desc[pypdf.generic.NameObject("/BaseFont")] = name
                    desc["/FontDescriptor"].get_object()[pypdf.generic.NameObject("/FontName")] = name
    with open(path, "wb") as f:
        writer.write(f)
    return path


@pytest.mark.parametrize(
    ("fontname", "encoding", "lines"),
    [
        (
            ".VnTime",
            "tcvn3",
            ["Tßa ¸n nh©n d©n huyÖn Gia L©m", "Bµ NguyÔn ThÞ Lan ph¶i tr¶ cho «ng B sè tiÒn nî gèc"],
        ),
        (
            "VNI-Times",
            "vni",
            ["Toøa aùn nhaân daân huyeän Gia Laâm", "Baø Nguyeãn Thò Lan phaûi traû cho oâng B soá tieàn"],
        ),
    ],
)
def test_legacy_font_text_layer_is_converted(
    fontname: str, encoding: str, lines: list[str], tmp_path: Path, settings: Settings
) -> None:
    path = _mojibake_pdf(tmp_path / "legacy.pdf", lines, fontname)
    loaded = load(path, settings=settings)
    page = loaded.pages[0]
    assert isinstance(page, Page)
    assert loaded.encoding == encoding
    assert page.lines[0].text == "Tòa án nhân dân huyện Gia Lâm"
    assert page.lines[1].text.startswith("Bà Nguyễn Thị Lan phải trả cho ông B số tiền")


def test_legacy_text_layer_without_a_font_name_is_detected(tmp_path: Path, settings: Settings) -> None:
    lines = ["Tßa ¸n nh©n d©n huyÖn Gia L©m", "Bµ NguyÔn ThÞ Lan ph¶i tr¶ cho «ng B sè tiÒn nî gèc"]
    loaded = load(_mojibake_pdf(tmp_path / "renamed.pdf", lines, None), settings=settings)
    page = loaded.pages[0]
    assert isinstance(page, Page)
    assert loaded.encoding == "tcvn3"
    assert page.lines[0].text == "Tòa án nhân dân huyện Gia Lâm"


@pytest.mark.parametrize("rotation", [90, 270])
def test_rotated_scan_page_comes_out_as_displayed(
    rotation: int, scan_pdf: Path, tmp_path: Path, settings: Settings
) -> None:
    import numpy as np

    writer = pypdf.PdfWriter()
    writer.add_page(pypdf.PdfReader(scan_pdf).pages[0].rotate(rotation))
    path = tmp_path / "turned.pdf"
    with open(path, "wb") as f:
        writer.write(f)
    [task] = load(path, settings=settings).pages
    assert isinstance(task, ImagePageTask)
    assert task.width_pt > task.height_pt  # landscape as displayed
    image = load_page_image(task, settings=settings).convert("L")
    assert image.size[0] > image.size[1]
    pdf = pdfium.PdfDocument(str(path))
    shown = pdf[0].render(scale=0.5).to_pil().convert("L")
    pdf.close()
    diff = np.abs(np.asarray(image.resize(shown.size), float) - np.asarray(shown, float)).mean()
    assert diff < 8  # the same picture; turned the wrong way it would differ by far more


def test_real_scanned_pdf_gives_its_colour_scan(
    shared_dir: Path, settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A real single-page scan (a red seal on it): the embedded colour JPEG, not a rendering."""
    path = shared_dir / "corpus" / "real-scans" / "006.pdf"
    [task] = load(path, settings=settings).pages
    assert isinstance(task, ImagePageTask)
    monkeypatch.setattr(pdf_module, "_render", lambda *a: pytest.fail("rendered"))
    image = load_page_image(task, settings=settings)
    assert image.mode == "RGB"
    dpi = image.size[0] / (task.width_pt / 72)
    assert 290 < dpi < 310
    import numpy as np

    rgb = np.asarray(image.resize((image.size[0] // 4, image.size[1] // 4)), dtype=np.int16)
    red = (rgb[..., 0] - rgb[..., 2] > 60).sum()
    assert red > 500  # the red seal's pixels: colour kept for the OCR stage's seal removal
