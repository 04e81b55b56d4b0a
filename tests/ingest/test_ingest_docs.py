"""Text and DOCX inputs: Unicode NFC text, legacy TCVN3/VNI converted, tables in order."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn

from docproc.config import Settings
from docproc.errors import CorruptFile, EmptyDocument, TooLarge
from docproc.ingest import load

LEGACY = [("tcvn3", "c1-01"), ("tcvn3", "c2-03"), ("vni", "c3-05"), ("vni", "c1-12")]


def test_utf8_text_is_nfc(tmp_path: Path, settings: Settings) -> None:
    path = tmp_path / "ban-an.txt"
    decomposed = unicodedata.normalize("NFD", "TÒA ÁN NHÂN DÂN\nQuyết định số 12/2021")
    path.write_bytes(decomposed.encode("utf-8"))
    loaded = load(path, settings=settings)
    assert loaded.kind == "text" and loaded.pages == [] and loaded.encoding is None
    assert loaded.text == "TÒA ÁN NHÂN DÂN\nQuyết định số 12/2021"


def test_utf16_with_bom(tmp_path: Path, settings: Settings) -> None:
    path = tmp_path / "ban-an.txt"
    path.write_bytes("Tòa án nhân dân tỉnh Bắc Ninh".encode("utf-16"))
    assert load(path, settings=settings).text == "Tòa án nhân dân tỉnh Bắc Ninh"


@pytest.mark.parametrize(("encoding", "name"), LEGACY)
def test_legacy_text_files_load_to_unicode(
    encoding: str, name: str, shared_dir: Path, dev_txt: Path, settings: Settings
) -> None:
    path = shared_dir / "corpus" / "legacy-dev" / encoding / f"{name}.txt"
    loaded = load(path, settings=settings)
    assert loaded.kind == "text"
    assert loaded.encoding == encoding
    expected = unicodedata.normalize("NFC", (dev_txt / f"{name}.txt").read_text(encoding="utf-8"))
    assert loaded.text is not None
    if encoding == "vni":
        assert loaded.text == expected
    else:  # TCVN3 cannot hold toned capitals: compare without case, then check the headline
        assert loaded.text.lower() == expected.lower()
    assert "nhân dân" in loaded.text


def test_docx_paragraphs_and_tables_in_order(tmp_path: Path, settings: Settings) -> None:
    document = docx.Document()
    table = document.add_table(rows=2, cols=2)
    table.cell(0, 0).text = "TÒA ÁN NHÂN DÂN\nTỈNH BẮC NINH"
    table.cell(0, 1).text = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
    table.cell(1, 0).text = "Số: 05/2022/QĐST-DS"
    table.cell(1, 1).text = "Bắc Ninh, ngày 3 tháng 3 năm 2022"
    document.add_paragraph("QUYẾT ĐỊNH")
    para = document.add_paragraph("Buộc ông A trả cho bà B ")
    para.add_run("120.000.000 đồng").bold = True
    para.add_run(".")
    path = tmp_path / "qd.docx"
    document.save(str(path))
    loaded = load(path, settings=settings)
    assert loaded.kind == "docx" and loaded.encoding is None
    assert loaded.text is not None
    lines = [line for line in loaded.text.split("\n") if line]
    assert lines == [
        "TÒA ÁN NHÂN DÂN",
        "TỈNH BẮC NINH",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Số: 05/2022/QĐST-DS",
        "Bắc Ninh, ngày 3 tháng 3 năm 2022",
        "QUYẾT ĐỊNH",
        "Buộc ông A trả cho bà B 120.000.000 đồng.",
    ]


def test_docx_merged_cell_read_once(tmp_path: Path, settings: Settings) -> None:
    document = docx.Document()
    table = document.add_table(rows=1, cols=3)
    merged = table.cell(0, 0).merge(table.cell(0, 1))
    merged.text = "TÒA ÁN NHÂN DÂN"
    table.cell(0, 2).text = "Độc lập - Tự do - Hạnh phúc"
    path = tmp_path / "merged.docx"
    document.save(str(path))
    text = load(path, settings=settings).text
    assert text is not None and text.count("TÒA ÁN NHÂN DÂN") == 1


def _legacy_run(paragraph: docx.text.paragraph.Paragraph, text: str, font: str) -> None:
    run = paragraph.add_run(text)
    run.font.name = font
    run._r.rPr.rFonts.set(qn("w:hAnsi"), font)


def test_docx_legacy_font_runs_are_converted(tmp_path: Path, settings: Settings) -> None:
    document = docx.Document()
    _legacy_run(document.add_paragraph(), "Tßa ¸n nh©n d©n huyÖn", ".VnTime")  # TCVN3 bytes as cp1252
    _legacy_run(document.add_paragraph(), "Toøa aùn nhaân daân", "VNI-Times")
    p = document.add_paragraph("Unicode: ")
    p.add_run("Tòa án nhân dân")
    path = tmp_path / "legacy.docx"
    document.save(str(path))
    loaded = load(path, settings=settings)
    assert loaded.text is not None
    assert loaded.text.split("\n") == ["Tòa án nhân dân huyện", "Tòa án nhân dân", "Unicode: Tòa án nhân dân"]
    assert loaded.encoding in ("tcvn3", "vni")


def test_corrupt_docx(tmp_path: Path, settings: Settings) -> None:
    document = docx.Document()
    document.add_paragraph("Tòa án nhân dân")
    good = tmp_path / "good.docx"
    document.save(str(good))
    import zipfile

    bad = tmp_path / "bad.docx"
    with zipfile.ZipFile(good) as src, zipfile.ZipFile(bad, "w") as dst:
        for item in src.infolist():
            data = src.read(item)
            if item.filename == "word/document.xml":
                data = data[: len(data) // 2]  # broken XML
            dst.writestr(item, data)
    with pytest.raises(CorruptFile):
        load(bad, settings=settings)


def test_whitespace_only_text(tmp_path: Path, settings: Settings) -> None:
    path = tmp_path / "blank.txt"
    path.write_bytes(b" \n\n\t \r\n")
    with pytest.raises(EmptyDocument):
        load(path, settings=settings)


def test_text_over_the_char_limit(tmp_path: Path, settings: Settings) -> None:
    path = tmp_path / "long.txt"
    path.write_text("Tòa án nhân dân. " * 100, encoding="utf-8")
    with pytest.raises(TooLarge, match="characters"):
        load(path, settings=settings.model_copy(update={"max_text_chars": 500}))
