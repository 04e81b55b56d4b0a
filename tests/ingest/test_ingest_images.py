"""TIFF, PNG and JPEG inputs: one task a page, sizes from the DPI, limits before decoding."""

from __future__ import annotations

import struct
import zlib
from pathlib import Path

import pytest
from PIL import Image, ImageDraw

from docproc.config import Settings
from docproc.errors import CorruptFile, TooLarge
from docproc.ingest import ImagePageTask, load, load_page_image


def _png_chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def _bomb_png(path: Path, width: int, height: int) -> Path:
    """A PNG whose header claims width x height pixels, with one tiny compressed row."""
    ihdr = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    idat = zlib.compress(b"\x00" + b"\xff" * 16)
    path.write_bytes(
        b"\x89PNG\r\n\x1a\n"
        + _png_chunk(b"IHDR", ihdr)
        + _png_chunk(b"IDAT", idat)
        + _png_chunk(b"IEND", b"")
    )
    return path


def test_multipage_tiff(tmp_path: Path, settings: Settings) -> None:
    frames = [Image.new("L", (850, 1100), 255) for _ in range(3)]
    for i, frame in enumerate(frames):
        ImageDraw.Draw(frame).rectangle((100, 100 + 200 * i, 300, 200 + 200 * i), fill=0)
    path = tmp_path / "scan.tiff"
    frames[0].save(path, save_all=True, append_images=frames[1:], dpi=(100, 100), compression="tiff_deflate")
    loaded = load(path, settings=settings)
    assert loaded.kind == "tiff"
    assert [(t.kind, t.index, t.number) for t in loaded.pages if isinstance(t, ImagePageTask)] == [
        ("tiff", 0, 1),
        ("tiff", 1, 2),
        ("tiff", 2, 3),
    ]
    task = loaded.pages[2]
    assert isinstance(task, ImagePageTask)
    assert (task.width_pt, task.height_pt) == pytest.approx((612, 792))  # 8.5 x 11 in at 100 dpi
    image = load_page_image(task, settings=settings)
    assert image.size == (850, 1100) and image.mode == "L"
    assert image.getpixel((200, 550)) == 0 and image.getpixel((200, 150)) == 255  # frame 3's mark


def test_png_keeps_colour_and_drops_alpha(tmp_path: Path, settings: Settings) -> None:
    img = Image.new("RGBA", (600, 800), (0, 0, 0, 0))  # transparent: must become white, not black
    ImageDraw.Draw(img).ellipse((100, 100, 300, 300), outline=(200, 30, 30, 255), width=8)  # a red seal
    path = tmp_path / "page.png"
    img.save(path, dpi=(150, 150))
    [task] = load(path, settings=settings).pages
    assert isinstance(task, ImagePageTask) and task.kind == "png"
    assert (task.width_pt, task.height_pt) == pytest.approx((288, 384))
    image = load_page_image(task, settings=settings)
    assert image.mode == "RGB"
    assert image.getpixel((10, 10)) == (255, 255, 255)
    assert image.getpixel((102, 200)) == (200, 30, 30)


def test_missing_or_absurd_dpi_defaults_to_300(tmp_path: Path, settings: Settings) -> None:
    path = tmp_path / "photo.jpg"
    Image.new("RGB", (2480, 3508), "white").save(path, dpi=(72, 72))  # 72 dpi written blind: a 49-inch page
    [task] = load(path, settings=settings).pages
    assert isinstance(task, ImagePageTask)
    assert (task.width_pt, task.height_pt) == pytest.approx((595.2, 841.9), abs=0.5)
    bare = tmp_path / "bare.png"
    Image.new("L", (1240, 1754), 255).save(bare)
    [task] = load(bare, settings=settings).pages
    assert isinstance(task, ImagePageTask) and task.width_pt == pytest.approx(1240 * 72 / 300)


def test_jpeg_exif_orientation(tmp_path: Path, settings: Settings) -> None:
    img = Image.new("RGB", (400, 300), "white")
    ImageDraw.Draw(img).rectangle((0, 0, 50, 50), fill="black")  # a mark in the stored top-left
    exif = Image.Exif()
    exif[0x0112] = 6  # stored turned: show rotated 90 degrees clockwise
    path = tmp_path / "photo.jpg"
    img.save(path, exif=exif, dpi=(200, 200))
    [task] = load(path, settings=settings).pages
    assert isinstance(task, ImagePageTask)
    assert (task.width_pt, task.height_pt) == pytest.approx((300 * 72 / 200, 400 * 72 / 200))
    image = load_page_image(task, settings=settings)
    assert image.size == (300, 400) and image.mode == "RGB"
    assert sum(image.getpixel((275, 25))) < 100  # the mark is now top-right


def test_png_header_too_large_fails_before_decoding(tmp_path: Path, settings: Settings) -> None:
    path = _bomb_png(tmp_path / "bomb.png", 50_000, 50_000)
    with pytest.raises(TooLarge, match="50000 x 50000"):
        load(path, settings=settings)
    # a worker given such a task directly refuses too (Pillow's bomb check, our limit)
    task = ImagePageTask(path=str(path), kind="png", index=0, number=1, width_pt=1, height_pt=1)
    with pytest.raises(TooLarge):
        load_page_image(task, settings=settings)


def test_pixel_limit_comes_from_settings(tmp_path: Path, settings: Settings) -> None:
    path = tmp_path / "page.jpg"
    Image.new("L", (1000, 1000), 255).save(path)
    small = settings.model_copy(update={"max_image_pixels": 500_000})
    with pytest.raises(TooLarge, match="1000 x 1000"):
        load(path, settings=small)
    assert load(path, settings=settings).pages


def test_tiff_frame_over_the_limit(tmp_path: Path, settings: Settings) -> None:
    path = tmp_path / "big.tiff"
    Image.new("1", (4000, 4000), 1).save(path, compression="group4")
    with pytest.raises(TooLarge):
        load(path, settings=settings.model_copy(update={"max_image_pixels": 10_000_000}))


def test_unreadable_images(tmp_path: Path, settings: Settings) -> None:
    broken = tmp_path / "broken.png"
    broken.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 40)
    with pytest.raises(CorruptFile):
        load(broken, settings=settings)
    good = tmp_path / "good.jpg"
    Image.new("RGB", (800, 600), "white").save(good, quality=90)
    cut = tmp_path / "cut.jpg"
    data = good.read_bytes()
    cut.write_bytes(data[: len(data) * 2 // 3])
    tasks = load(cut, settings=settings).pages  # the header is intact; the pixels are not
    with pytest.raises(CorruptFile, match="cut off"):
        load_page_image(tasks[0], settings=settings)  # type: ignore[arg-type]
