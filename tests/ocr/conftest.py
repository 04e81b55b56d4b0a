"""Synthetic page images for the OCR tests: Vietnamese text drawn with a system font at 300 dpi."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from PIL import Image, ImageDraw, ImageFont

FONTS = (
    "/usr/share/fonts/truetype/liberation2/LiberationSerif-Regular.ttf",
    "/usr/share/fonts/truetype/liberation/LiberationSerif-Regular.ttf",
    "/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf",
)

TEXT = [
    "TÒA ÁN NHÂN DÂN THÀNH PHỐ NAM ĐỊNH",
    "Buộc bị đơn phải trả cho nguyên đơn số tiền",
    "1.250.000.000 đồng (một tỷ hai trăm năm mươi triệu đồng).",
    "Án phí dân sự sơ thẩm: 300.000 đồng.",
]


def font_path() -> str:
    for f in FONTS:
        if Path(f).is_file():
            return f
    pytest.skip("no serif font with Vietnamese glyphs (apt-get install fonts-liberation2)")


def render_lines(lines: list[str], *, size=(1500, 700), dpi: int = 300, pt: float = 13.0) -> Image.Image:
    """Grey page with `lines` drawn black on white, `pt` points high at `dpi`."""
    font = ImageFont.truetype(font_path(), size=round(pt * dpi / 72))
    img = Image.new("L", size, 255)
    d = ImageDraw.Draw(img)
    step = round(pt * dpi / 72 * 1.6)
    for i, line in enumerate(lines):
        d.text((60, 60 + i * step), line, font=font, fill=0)
    return img


@pytest.fixture(scope="session")
def render():
    """render(lines, size=(w, h), dpi=300, pt=13) -> grey PIL image."""
    return render_lines


@pytest.fixture(scope="session")
def text_page() -> Image.Image:
    return render_lines(TEXT)


@pytest.fixture(scope="session")
def text_array(text_page: Image.Image) -> np.ndarray:
    return np.asarray(text_page)


def photocopy(page: np.ndarray, *, generations: int = 1, period: int = 6, seed: int = 3) -> np.ndarray:
    """A worn copier's damage on a grey page: each generation blurs the page, adds toner noise and
    thresholds it again (ragged edges, hairlines and serifs broken off), then a one-pixel light streak
    across the page every `period` rows cuts the strokes and toner specks fall on the paper."""
    import cv2

    rng = np.random.default_rng(seed)
    out = page.astype(np.float32)
    for _ in range(generations):
        out = cv2.GaussianBlur(out, (0, 0), 1.0) + rng.normal(0, 45, out.shape).astype(np.float32)
        out = np.where(out < 110, 0.0, 255.0).astype(np.float32)
    out = out.astype(np.uint8)
    out[np.arange(int(rng.integers(0, period)), out.shape[0], period)] = 255
    ys, xs = np.nonzero(rng.random(out.shape) < 4e-4)
    out[ys, xs] = 0
    return out


@pytest.fixture(scope="session")
def damage():
    """damage(page) -> the page as a worn copier gives it back (see `photocopy`)."""
    return photocopy
