"""Preprocessing on synthetic page images (no Tesseract): each step does what it claims, and does
nothing to a page that does not need it."""

from __future__ import annotations

import numpy as np
import pytest
from PIL import Image, ImageChops, ImageDraw, ImageFilter

from docproc.ocr import preprocess as pp

LINES = [
    "Buộc bị đơn phải trả cho nguyên đơn số tiền còn nợ",
    "là 1.250.000.000 đồng (một tỷ hai trăm năm mươi triệu).",
    "Án phí dân sự sơ thẩm bị đơn phải chịu là 300.000 đồng.",
    "Nguyên đơn được nhận lại tiền tạm ứng án phí đã nộp.",
    "Thời hạn kháng cáo là 15 ngày kể từ ngày tuyên án.",
    "Quyết định này có hiệu lực pháp luật kể từ ngày ký.",
]


@pytest.fixture(scope="module")
def page(render) -> np.ndarray:
    return np.asarray(render(LINES, size=(1500, 800)))


def ink(a: np.ndarray) -> np.ndarray:
    return a < 128


@pytest.mark.parametrize("angle", [2.0, -1.3, 0.6])
def test_deskew_recovers_a_known_angle(page: np.ndarray, angle: float) -> None:
    turned = pp.rotate(page, angle)
    est = pp.estimate_skew(pp.binarize(turned))
    assert est == pytest.approx(-angle, abs=0.15)
    straight = pp.rotate(turned, est)
    assert abs(pp.estimate_skew(pp.binarize(straight))) < 0.15


def test_no_skew_on_a_straight_page(page: np.ndarray) -> None:
    assert abs(pp.estimate_skew(pp.binarize(page))) < 0.1


def _with_seal(page: np.ndarray) -> np.ndarray:
    """A red seal stamped over the text: ink multiplies, so black text under it stays black."""
    seal = Image.new("RGB", (page.shape[1], page.shape[0]), (255, 255, 255))
    d = ImageDraw.Draw(seal)
    d.ellipse((300, 100, 700, 500), outline=(200, 40, 40), width=10)
    d.ellipse((380, 180, 620, 420), outline=(210, 60, 70), width=6)
    return np.asarray(ImageChops.multiply(Image.fromarray(page).convert("RGB"), seal))


def test_red_seal_vanishes_text_stays(page: np.ndarray) -> None:
    rgb = _with_seal(page)
    assert pp.is_colour(rgb)
    seal = (rgb[..., 0] > 150) & (rgb[..., 1] < 100)
    text = page < 60
    gray = pp.to_gray(rgb)
    binary = pp.binarize(gray)
    assert not ink(binary)[seal].any()  # not one seal pixel left as ink
    assert ink(binary)[text].mean() > 0.99
    # plain luminance would have kept the seal: the red channel is what removes it
    lum = np.asarray(Image.fromarray(rgb).convert("L"))
    assert ink(pp.binarize(lum))[seal].mean() > 0.9


def test_grey_stored_as_rgb_is_not_colour(page: np.ndarray) -> None:
    assert not pp.is_colour(np.stack([page] * 3, axis=-1))


def _specks(page: np.ndarray, rate: float, size: int, seed: int = 1) -> np.ndarray:
    rng = np.random.default_rng(seed)
    out = page.copy()
    ys, xs = np.nonzero(rng.random(page.shape) < rate)
    for y, x in zip(ys, xs, strict=True):
        out[y : y + size, x : x + size] = 0
    return out


@pytest.mark.parametrize("size", [1, 3])
def test_median_removes_speckle_keeps_text(page: np.ndarray, size: int) -> None:
    clean = pp.binarize(page)
    noisy = _specks(clean, 0.003 if size == 1 else 0.002, size)
    assert pp.speckle_level(clean) < 50
    assert pp.speckle_level(noisy) > pp.SPECKLE_THRESHOLD
    assert pp.speck_size(noisy) == size
    out = pp.despeckle(noisy, speck=size)
    assert pp.speckle_level(out) < 100
    near_text = np.asarray(Image.fromarray(clean).filter(ImageFilter.MinFilter(9))) < 128
    far = ~near_text
    stray = ink(out) & far  # ink far from any letter
    assert stray.sum() < 0.05 * ink(noisy)[far].sum()
    kept = ink(out)[ink(clean)].mean()
    assert kept > (0.9 if size == 1 else 0.8)  # a 5×5 median thins strokes a little


def test_dark_border_removed(page: np.ndarray) -> None:
    framed = page.copy()
    framed[:, :40] = 20
    framed[:25, :] = 30
    out, changed = pp.remove_borders(framed)
    assert changed
    assert (out[:, :40] == 255).all() and (out[:25, :] == 255).all()
    assert ink(out).sum() == pytest.approx(ink(page).sum(), rel=0.02)
    assert pp.remove_borders(page)[1] is False


def test_uneven_light_flattened(page: np.ndarray) -> None:
    h, w = page.shape
    light = np.linspace(0.55, 1.0, w)[None, :]
    shaded = (page.astype(np.float32) * light).astype(np.uint8)
    assert pp.light_unevenness(shaded) > 20
    flat = pp.flatten_background(shaded)
    assert pp.light_unevenness(flat) < 10
    assert ink(pp.binarize(flat))[page < 60].mean() > 0.97


def test_blank_detection(page: np.ndarray) -> None:
    white = np.full((800, 1500), 255, np.uint8)
    assert pp.is_blank(white)
    assert pp.is_blank(_specks(white, 0.0005, 1))
    assert not pp.is_blank(pp.binarize(page))


def test_upscale_only_low_resolution() -> None:
    assert pp.upscale_factor(1240, 595.0) == pytest.approx(2.0, rel=0.01)  # 150 dpi
    assert pp.upscale_factor(1654, 595.0) == 1.0  # 200 dpi reads as well as 300
    assert pp.upscale_factor(2480, 595.0) == 1.0
    assert pp.resize(np.zeros((10, 20), np.uint8), 1.5).shape == (15, 30)


def test_prepare_does_nothing_to_a_clean_page(page: np.ndarray) -> None:
    out = pp.prepare(page, width_pt=1500 * 72 / 300)
    assert out.steps == []
    assert not out.blank
    assert np.array_equal(out.image, page)  # handed on untouched, in grey


def test_prepare_chooses_steps_for_a_bad_page(page: np.ndarray) -> None:
    bad = _with_seal(pp.rotate(page, 1.8))
    out = pp.prepare(bad, width_pt=1500 * 72 / 300)
    assert "red channel" in out.steps
    assert out.skew == pytest.approx(-1.8, abs=0.15)
    assert any(s.startswith("deskew") for s in out.steps)


def test_photocopy_softened_strokes_join_again(page: np.ndarray, damage) -> None:
    copy = damage(page, generations=0)  # streaks and specks only
    out = pp.prepare(copy, width_pt=1500 * 72 / 300)
    assert "soften" in out.steps
    clean_n = pp.ink_components(pp.binarize(page))[1]
    broken_n = pp.ink_components(pp.binarize(copy))[1]
    mended = pp.mend_streaks(copy)  # what went to Tesseract before softening
    mended_n = pp.ink_components(pp.binarize(mended))[1]
    joined_n = pp.ink_components(pp.binarize(out.image))[1]
    assert broken_n > 4 * clean_n  # letters cut into dashes, plus specks
    assert joined_n < 0.5 * mended_n and joined_n < 1.5 * clean_n  # letters whole again, specks gone
    # and the ink is where the letters were: most of the clean page's ink is ink again
    assert ink(pp.binarize(out.image))[ink(page)].mean() > 0.9


def test_soften_lightens_what_despeckling_removed(page: np.ndarray) -> None:
    noisy = _specks(page, 0.003, 1)
    cleaned = pp.despeckle(pp.binarize(noisy), speck=1)
    soft = pp.soften_copy(noisy, cleaned)
    far = np.asarray(Image.fromarray(pp.binarize(page)).filter(ImageFilter.MinFilter(9))) >= 128
    assert not ink(pp.binarize(soft))[far].any()  # no speck left far from the letters
    assert ink(pp.binarize(soft))[page < 60].mean() > 0.95
