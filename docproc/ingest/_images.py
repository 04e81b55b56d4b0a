"""Raster inputs (TIFF, PNG, JPEG): page sizes from their headers, limits checked before decoding,
frames loaded in the worker that OCRs them."""

from __future__ import annotations

import struct
import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import numpy as np
from PIL import Image, ImageOps, UnidentifiedImageError

from docproc.budget import NO_DEADLINE, Deadline
from docproc.config import Settings
from docproc.errors import CorruptFile, TooLarge
from docproc.ingest.types import FileKind, ImagePageTask

__all__ = [
    "DEFAULT_DPI",
    "header_size",
    "check_pixels",
    "pil_guard",
    "page_points",
    "normalise_mode",
    "image_tasks",
    "load_frame",
]

DEFAULT_DPI = 300
_EXIF_ORIENTATION = 0x0112
_SOF_MARKERS = {0xC0, 0xC1, 0xC2, 0xC3, 0xC5, 0xC6, 0xC7, 0xC9, 0xCA, 0xCB, 0xCD, 0xCE, 0xCF}


def header_size(data: bytes, kind: FileKind) -> tuple[int, int] | None:
    """Width and height in pixels read from a PNG or JPEG header, without decoding anything."""
    if kind == "png":
        if len(data) >= 24 and data[12:16] == b"IHDR":
            w, h = struct.unpack(">II", data[16:24])
            return w, h
        return None
    if kind == "jpeg":
        return _jpeg_size(data)
    return None


def _jpeg_size(data: bytes) -> tuple[int, int] | None:
    i, n = 2, len(data)
    while i + 4 <= n:
        if data[i] != 0xFF:
            return None
        marker = data[i + 1]
        if marker == 0xFF:  # fill byte
            i += 1
            continue
        if marker in (0xD8, 0x01) or 0xD0 <= marker <= 0xD7:
            i += 2
            continue
        (length,) = struct.unpack(">H", data[i + 2 : i + 4])
        if marker in _SOF_MARKERS:
            if i + 9 > n:
                return None
            h, w = struct.unpack(">HH", data[i + 5 : i + 9])
            return w, h
        if marker == 0xDA:  # start of scan before any frame header
            return None
        i += 2 + length
    return None


def tiff_frame_count(path: Path, cap: int) -> int:
    """Frames of a TIFF by walking its IFD chain, stopping past `cap` (Pillow's n_frames walks them all:
    a million tiny frames take minutes) and at a loop. Classic TIFF only (BigTIFF is refused earlier)."""
    with open(path, "rb") as f:
        head = f.read(8)
        if len(head) < 8:
            raise CorruptFile("the TIFF header is cut off")
        order = "<" if head[:2] == b"II" else ">"
        (offset,) = struct.unpack(order + "I", head[4:8])
        seen: set[int] = set()
        while offset and len(seen) <= cap:
            if offset in seen:
                raise CorruptFile("the TIFF's pages loop back on themselves")
            seen.add(offset)
            f.seek(offset)
            raw = f.read(2)
            if len(raw) < 2:
                break  # cut off: Pillow will say how
            (entries,) = struct.unpack(order + "H", raw)
            f.seek(offset + 2 + 12 * entries)
            raw = f.read(4)
            if len(raw) < 4:
                break
            (offset,) = struct.unpack(order + "I", raw)
    return len(seen)


def check_pixels(width: int, height: int, settings: Settings, *, what: str = "the image") -> None:
    if width <= 0 or height <= 0:
        raise CorruptFile(f"{what} has no pixels ({width} x {height})")
    if width * height > settings.max_image_pixels:
        raise TooLarge(
            f"{what} is {width} x {height} pixels, over the limit of {settings.max_image_pixels:,} pixels"
        )


@contextmanager
def pil_guard(settings: Settings, *, what: str = "the image") -> Iterator[None]:
    """Pillow with our pixel limit; its bomb warning/error become TooLarge, decode errors CorruptFile."""
    Image.MAX_IMAGE_PIXELS = settings.max_image_pixels
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            yield
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as e:
        raise TooLarge(f"{what} is larger than the limit of {settings.max_image_pixels:,} pixels") from e
    except UnidentifiedImageError as e:
        raise CorruptFile(f"{what} cannot be read as an image") from e
    except (OSError, SyntaxError, ValueError, EOFError, struct.error, IndexError) as e:
        raise CorruptFile(f"{what} is damaged or cut off ({type(e).__name__})") from e


def _usable_dpi(info: dict[str, object], size: tuple[int, int]) -> float:
    """The image's resolution if it is plausible for a page, else DEFAULT_DPI (phones write 72)."""
    dpi = info.get("dpi")
    try:
        value = float(dpi[0]) if isinstance(dpi, tuple) else float(dpi)  # type: ignore[arg-type]
    except (TypeError, ValueError, IndexError):
        return DEFAULT_DPI
    if abs(value - round(value)) < 0.1:  # PNG stores dots per metre: 150 dpi comes back 150.01
        value = float(round(value))
    if not 50 <= value <= 2400:
        return DEFAULT_DPI
    longest_in = max(size) / value
    if not 2.0 <= longest_in <= 25.0:  # from a receipt to an A2 sheet; else a default (72, 96) written blind
        return DEFAULT_DPI
    return value


def page_points(size: tuple[int, int], info: dict[str, object]) -> tuple[float, float]:
    dpi = _usable_dpi(info, size)
    return size[0] * 72.0 / dpi, size[1] * 72.0 / dpi


def normalise_mode(img: Image.Image) -> Image.Image:
    """RGB or L, colour kept (the OCR stage uses the red channel to drop seals)."""
    if img.mode in ("RGB", "L"):
        return img
    if img.mode in ("RGBA", "LA", "PA") or (img.mode == "P" and "transparency" in img.info):
        rgba = img.convert("RGBA")
        background = Image.new("RGB", rgba.size, (255, 255, 255))
        background.paste(rgba, mask=rgba.getchannel("A"))
        return background
    if img.mode == "1":
        return img.convert("L")
    if img.mode.startswith("I") or img.mode == "F":  # 16/32-bit grey: scale to 8 bits
        a = np.asarray(img, dtype=np.float64)
        top = float(a.max()) or 1.0
        return Image.fromarray((a * (255.0 / top)).clip(0, 255).astype(np.uint8), mode="L")
    if img.mode == "P":
        rgb = img.convert("RGB")
        return rgb.convert("L") if _is_grey(rgb) else rgb
    return img.convert("RGB")


def _is_grey(img: Image.Image) -> bool:
    r, g, b = img.split()
    return r.tobytes() == g.tobytes() == b.tobytes()


def _exif_swaps(img: Image.Image) -> bool:
    try:
        return img.getexif().get(_EXIF_ORIENTATION, 1) in (5, 6, 7, 8)
    except Exception:  # a broken EXIF block must not stop the page
        return False


def image_tasks(
    path: Path, kind: FileKind, settings: Settings, *, head: bytes = b"", deadline: Deadline = NO_DEADLINE
) -> list[ImagePageTask]:
    """One task per TIFF frame, or one for a PNG/JPEG; sizes checked from the headers first."""
    if kind in ("png", "jpeg"):
        size = header_size(head, kind)
        if size is None:
            raise CorruptFile(f"the {kind.upper()} header is damaged or cut off")
        check_pixels(*size, settings)
    if kind == "tiff":
        frames = tiff_frame_count(path, settings.max_pages)
        if frames > settings.max_pages:
            raise TooLarge(f"the TIFF has more than {settings.max_pages} pages, the limit")
    tasks: list[ImagePageTask] = []
    with pil_guard(settings), Image.open(path) as img:
        frames = getattr(img, "n_frames", 1) if kind == "tiff" else 1
        if frames > settings.max_pages:
            raise TooLarge(f"the TIFF has {frames} pages, over the limit of {settings.max_pages}")
        for i in range(frames):
            deadline.check("reading the image's pages")
            if i:
                img.seek(i)
            check_pixels(*img.size, settings, what=f"page {i + 1}")
            w, h = img.size
            if kind == "jpeg" and _exif_swaps(img):
                w, h = h, w
            w_pt, h_pt = page_points((w, h), img.info)
            tasks.append(
                ImagePageTask(
                    path=str(path),
                    kind=kind,
                    index=i,
                    number=i + 1,
                    width_pt=w_pt,
                    height_pt=h_pt,
                    dpi=round(_usable_dpi(img.info, (w, h))),
                )
            )
    return tasks


def load_frame(path: Path, kind: FileKind, index: int, settings: Settings) -> Image.Image:
    """Decode one TIFF frame or the PNG/JPEG image, upright (EXIF), as RGB or L."""
    what = f"page {index + 1}" if kind == "tiff" else "the image"
    with pil_guard(settings, what=what), Image.open(path) as img:
        if kind == "tiff":
            img.seek(index)
        check_pixels(*img.size, settings, what=what)
        img.load()
        out = ImageOps.exif_transpose(img) if kind == "jpeg" else img.copy()
        if out is None:  # exif_transpose(in_place=False) always returns an image; keep mypy calm
            out = img.copy()
        return normalise_mode(out)
