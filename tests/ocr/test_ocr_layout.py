"""Reading order of a printed judgment's page: two header columns, closing columns, a page number, a
red seal over text. Box-level tests on hand-made lines, and end-to-end ones on pages drawn with
Pillow and read by the real Tesseract."""

from __future__ import annotations

import numpy as np
import pytest
from PIL import Image, ImageChops, ImageDraw, ImageFont

from docproc.config import Settings
from docproc.document import Line, Word
from docproc.ocr import ocr_image
from docproc.ocr._layout import drop_folios, is_folio, reading_order
from docproc.ocr.preprocess import to_gray

H = 40  # text height in pixels for the box tests


def line(*pieces: tuple[str, float, float], block: int = 0) -> Line:
    """A Tesseract line: words given as (text, x0, y0), each 20 px per character wide."""
    words = [Word(text=t, bbox=(x, y, x + 20 * len(t), y + H), confidence=0.9, page=1) for t, x, y in pieces]
    return Line(words=words, block=block)


def texts(lines: list[Line]) -> list[str]:
    return [ln.text for ln in lines]


def test_two_header_columns_are_read_column_by_column() -> None:
    # Tesseract gives each row across both columns as one line
    lines = [
        line(("TOA", 100, 100), ("AN", 180, 100), ("MOTTO", 900, 100), ("ONE", 1030, 100)),
        line(("COURT", 100, 160), ("MOTTO", 900, 160), ("TWO", 1030, 160)),
        line(("Số:", 100, 220), ("12", 170, 220)),
        line(("Body", 100, 400), ("text", 200, 400), ("runs", 300, 400), ("across", 400, 400)),
    ]
    assert texts(reading_order(lines)) == [
        "TOA AN",
        "COURT",
        "Số: 12",
        "MOTTO ONE",
        "MOTTO TWO",
        "Body text runs across",
    ]


def test_header_columns_that_nearly_touch_are_found_by_the_white_channel_under_them() -> None:
    # the court's name runs up to the motto (a gap of a word space and a half), but the rows below
    # leave the same channel free: column by column, not row by row
    lines = [
        line(
            ("TOA", 100, 100),
            ("AN", 180, 100),
            ("KHU", 240, 100),
            ("VUC", 320, 100),
            ("MOT", 430, 100),
            ("HOA", 510, 100),
            ("XA", 590, 100),
        ),
        line(("TINH", 120, 160), ("BAC", 220, 160), ("MOTTO", 560, 160), ("TWO", 690, 160)),
        line(("Số:", 100, 220), ("12/2024", 170, 220)),
        line(("Ngày", 140, 280), ("5", 240, 280)),
        line(("TITLE", 300, 400), ("LINE", 420, 400)),
    ]
    assert texts(reading_order(lines)) == [
        "TOA AN KHU VUC",
        "TINH BAC",
        "Số: 12/2024",
        "Ngày 5",
        "MOT HOA XA",
        "MOTTO TWO",
        "TITLE LINE",
    ]


def test_a_closing_block_whose_columns_nearly_touch_is_read_column_by_column() -> None:
    # a phone photo shrinks the gap between "Nơi nhận:" and "TM. HỘI ĐỒNG": the channel finds it
    lines = [
        line(*[(f"b{k}", 100 + 90 * k, 100) for k in range(8)]),
        line(("tail", 100, 160), ("end.", 200, 160)),
        line(("Nơi", 100, 240), ("nhận:", 180, 240), ("TM.", 340, 240), ("HĐXX", 420, 240)),
        line(("-", 100, 300), ("VKS;", 130, 300), ("THẨM", 330, 300), ("PHÁN", 430, 300)),
        line(("-", 100, 360), ("Lưu.", 130, 360)),
        line(("Tên", 380, 480), ("Thẩm", 460, 480), ("phán", 560, 480)),
    ]
    assert texts(reading_order(lines)) == [
        " ".join(f"b{k}" for k in range(8)),
        "tail end.",
        "Nơi nhận:",
        "- VKS;",
        "- Lưu.",
        "TM. HĐXX",
        "THẨM PHÁN",
        "Tên Thẩm phán",
    ]


def test_even_word_spaces_of_body_lines_make_no_columns() -> None:
    lines = [line(*[(f"w{k}{r}", 100 + 90 * k, 100 + 60 * r) for k in range(8)]) for r in range(4)]
    assert texts(reading_order(lines)) == [" ".join(f"w{k}{r}" for k in range(8)) for r in range(4)]


def test_one_wide_gap_alone_does_not_make_columns() -> None:
    lines = [
        line(("Stretched", 100, 100), ("line", 900, 100)),
        line(*[(f"w{k}", 100 + 100 * k, 160) for k in range(9)]),  # a full line across the gap
    ]
    out = reading_order(lines)
    assert texts(out) == ["Stretched line", " ".join(f"w{k}" for k in range(9))]


def test_a_stretched_line_before_a_short_last_line_is_not_two_columns() -> None:
    lines = [
        line(("con", 100, 100), ("ông", 180, 100), ("Đ", 260, 100), ("và", 700, 100), ("bà", 780, 100)),
        line(("chưa", 100, 160), ("có.", 220, 160)),
    ]
    assert texts(reading_order(lines)) == ["con ông Đ và bà", "chưa có."]


def test_fragments_of_one_row_come_back_together() -> None:
    # a curled photo: Tesseract puts the end of a row in another block, after the next row
    lines = [
        line(("first", 100, 100), ("row", 220, 100), block=1),
        line(("second", 100, 160), ("row", 260, 160), ("ends", 360, 160), block=1),
        line(("here", 360, 103), block=2),
    ]
    assert texts(reading_order(lines)) == ["first row here", "second row ends"]


def test_page_number_stays_its_own_first_line() -> None:
    lines = [
        line(("Body", 100, 200), ("text", 200, 200)),
        line(("7", 600, 60)),
        line(("more", 100, 260), ("body", 220, 260)),
    ]
    out = reading_order(lines)
    assert texts(out) == ["7", "Body text", "more body"]
    assert out[0].block != out[1].block  # a wide vertical gap: no paragraph join into the number


def test_closing_block_recipients_then_signature() -> None:
    lines = [
        line(("Last", 100, 100), ("body", 200, 100), ("line", 300, 100), ("of", 400, 100), ("it", 500, 100)),
        line(("Nơi", 100, 200), ("nhận:", 180, 200), ("TM.", 800, 200), ("HĐXX", 880, 200)),
        line(("-", 100, 260), ("VKS;", 130, 260), ("THẨM", 800, 260), ("PHÁN", 920, 260)),
        line(("-", 100, 320), ("Lưu", 130, 320)),
        line(("Name", 820, 480), ("Judge", 940, 480)),
    ]
    assert texts(reading_order(lines)) == [
        "Last body line of it",
        "Nơi nhận:",
        "- VKS;",
        "- Lưu",
        "TM. HĐXX",
        "THẨM PHÁN",
        "Name Judge",
    ]


def test_red_ink_fades_black_ink_stays() -> None:
    rgb = np.full((20, 30, 3), 250, np.uint8)
    rgb[:, :10] = (200, 40, 50)  # seal red
    rgb[:, 10:20] = (20, 20, 20)  # black text
    rgb[:, 20:] = (230, 225, 200)  # warm paper: not red ink
    g = to_gray(rgb)
    assert g[:, :10].min() >= 250
    assert g[:, 10:20].max() <= 30
    assert abs(int(g[0, 25]) - 224) <= 3  # luminance where there is no red ink


# -- end to end through Tesseract ----------------------------------------------------------------------
FONTS = (
    "/usr/share/fonts/truetype/liberation2/LiberationSerif-Regular.ttf",
    "/usr/share/fonts/truetype/liberation/LiberationSerif-Regular.ttf",
    "/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf",
)


def _font(px: int) -> ImageFont.FreeTypeFont:
    for f in FONTS:
        try:
            return ImageFont.truetype(f, px)
        except OSError:
            continue
    pytest.skip("no serif font with Vietnamese glyphs")


def _judgment_page() -> Image.Image:
    """A 300 dpi strip of an A4 page: page number, two header columns, body, closing columns, a red
    round seal over the signature block's text."""
    img = Image.new("RGB", (2480, 1500), (255, 255, 255))
    d = ImageDraw.Draw(img)
    f = _font(54)
    d.text((1220, 60), "12", font=f, fill=0)
    left = ["TÒA ÁN NHÂN DÂN", "TỈNH NAM ĐỊNH", "Số: 12/2024/DS-ST"]
    right = ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"]
    for i, t in enumerate(left):
        d.text((200, 200 + i * 80), t, font=f, fill=0)
    for i, t in enumerate(right):
        d.text((1250, 200 + i * 80), t, font=f, fill=0)
    d.text((200, 520), "Buộc bị đơn phải trả cho nguyên đơn số tiền 300.000 đồng.", font=f, fill=0)
    d.text((200, 760), "Nơi nhận:", font=f, fill=0)
    d.text((200, 840), "- Các đương sự;", font=f, fill=0)
    d.text((200, 920), "- Lưu hồ sơ.", font=f, fill=0)
    d.text((1400, 760), "TM. HỘI ĐỒNG XÉT XỬ", font=f, fill=0)
    d.text((1400, 840), "THẨM PHÁN", font=f, fill=0)
    d.text((1450, 1200), "Nguyễn Văn An", font=f, fill=0)
    seal = Image.new("RGB", img.size, (255, 255, 255))
    s = ImageDraw.Draw(seal)
    s.ellipse((1380, 700, 1880, 1200), outline=(210, 30, 40), width=18)  # the seal's rings, over text
    s.ellipse((1480, 800, 1780, 1100), outline=(210, 30, 40), width=8)
    return ImageChops.multiply(img, seal)  # red ink stamped over black toner still looks black


@pytest.mark.ocr
def test_judgment_page_reads_in_the_printed_order() -> None:
    img = _judgment_page()
    page = ocr_image(img, number=3, width_pt=595.0, height_pt=1500 * 72 / 300, settings=Settings())
    text = " ".join(page.text.split())
    order = [
        "TÒA ÁN NHÂN DÂN",
        "TỈNH NAM ĐỊNH",
        "CỘNG HÒA XÃ HỘI",
        "Độc lập",
        "Buộc bị đơn",
        "Nơi nhận",
        "Lưu hồ sơ",
        "TM. HỘI ĐỒNG",
        "PHÁN",  # under the seal's ring: the order is tested here, not the diacritics
        "Nguyễn Văn An",
    ]
    pos = [text.find(t) for t in order]
    assert all(p >= 0 for p in pos), (text, pos)
    assert pos == sorted(pos), text
    assert not text.startswith("12") and " 12 " not in text  # the page number is not in the running text


def test_marks_apart_from_text_are_dropped_dashes_in_text_kept() -> None:
    lines = [
        line(("TOA", 100, 100), ("AN", 180, 100), ("_", 620, 104), ("MOTTO", 900, 100)),
        line(("COURT", 100, 160), ("MOTTO", 900, 160), ("TWO", 1030, 160)),
        line(("-", 100, 260), ("Lưu", 130, 260), ("$", 1200, 262)),
    ]
    sig = Word(text="⁄⁄VWÙ", bbox=(900, 300, 1000, 340), confidence=0.0, page=1)
    lines.append(Line(words=[sig]))
    out = texts(reading_order(lines))
    assert out == ["TOA AN", "COURT", "- Lưu", "MOTTO", "MOTTO TWO"]  # "- Lưu" sits in the left column


def test_stray_specks_go_diacritics_and_dashes_stay() -> None:
    from docproc.ocr.preprocess import remove_stray_specks

    img = Image.new("L", (1400, 400), 255)
    d = ImageDraw.Draw(img)
    d.text((60, 100), "Trần Thị Hải - số 12.", font=_font(54), fill=0)
    rng = np.random.default_rng(1)
    for x, y in zip(rng.integers(1000, 1380, 300), rng.integers(20, 380, 300), strict=True):
        d.rectangle((int(x), int(y), int(x) + 3, int(y) + 2), fill=0)  # a field of toner dust, far right
    binary = np.where(np.asarray(img) < 128, 0, 255).astype(np.uint8)
    out, dropped = remove_stray_specks(binary)
    assert dropped > 200
    assert np.count_nonzero(out[:, 1000:] == 0) < 0.2 * np.count_nonzero(binary[:, 1000:] == 0)
    np.testing.assert_array_equal(out[:, :950], binary[:, :950])  # the text, accents, dash and dot intact


def test_page_numbers_apart_are_dropped_numbers_in_text_kept() -> None:
    assert is_folio("7") and is_folio("- 12 -") and is_folio("Trang 3") and is_folio("3/8")
    assert not is_folio("2.") and not is_folio("1.250.000") and not is_folio("Điều 7")
    lines = [
        line(("7", 600, 60)),
        line(("hai", 100, 200), ("mươi", 200, 200)),
        line(("ba", 100, 260)),
        line(("8", 600, 700)),
    ]
    assert texts(drop_folios(lines)) == ["hai mươi", "ba"]
    close = [line(("Body", 100, 200), ("text", 200, 200)), line(("300", 100, 250))]  # a line of the text
    assert texts(drop_folios(close)) == ["Body text", "300"]


def test_a_weak_scrap_beside_a_title_is_dropped() -> None:
    scrap = Word(text="bộ", bbox=(100, 100, 140, 140), confidence=0.38, page=1)
    title = [
        Word(text=t, bbox=(x, 100, x + 100, 140), confidence=0.95, page=1)
        for t, x in (("NỘI", 500), ("DUNG", 620))
    ]
    strong = Word(text="Bà", bbox=(100, 200, 140, 240), confidence=0.9, page=1)
    rest = [Word(text="Lan", bbox=(500, 200, 580, 240), confidence=0.9, page=1)]
    out = texts(reading_order([Line(words=[scrap, *title]), Line(words=[strong, *rest])]))
    assert out == ["NỘI DUNG", "Bà Lan"]


def test_a_centred_scrap_where_the_page_number_goes_is_dropped() -> None:
    lines = [
        line(("S", 590, 60)),  # "8" misread, centred over the text
        line(*[(f"w{k}", 100 + 100 * k, 200) for k in range(11)]),
        line(("Xử:", 100, 260)),
    ]
    assert texts(drop_folios(lines)) == [" ".join(f"w{k}" for k in range(11)), "Xử:"]
    heading_first = [line(("Xử:", 100, 60)), line(*[(f"w{k}", 100 + 100 * k, 200) for k in range(11)])]
    assert texts(drop_folios(heading_first))[0] == "Xử:"  # not centred: kept


def test_streaks_across_letters_are_mended_counters_kept() -> None:
    from docproc.ocr.preprocess import mend_streaks

    g = np.full((60, 60), 255, np.uint8)
    g[10:40, 10:20] = 0  # a stem...
    g[24:26, 10:20] = 255  # ...cut by a 2-pixel low-ink streak
    g[10:40, 30:50] = 0  # a letter whose counter is 8 pixels tall
    g[20:28, 36:44] = 255
    out = mend_streaks(g)
    assert out[24:26, 12:18].max() == 0
    assert out[21:27, 38:42].min() == 255


def test_curled_lines_are_straightened_flat_page_left_alone() -> None:
    from docproc.ocr._dewarp import curl_offsets, uncurl

    img = Image.new("L", (1600, 1200), 255)
    d = ImageDraw.Draw(img)
    for i in range(14):
        d.text(
            (60, 40 + i * 80),
            "Buộc bị đơn phải trả cho nguyên đơn số tiền 300.000 đồng",
            font=_font(44),
            fill=0,
        )
    flat = np.asarray(img)
    assert curl_offsets(flat) is None
    h, w = flat.shape
    bend = 30.0 * (np.arange(w, dtype=np.float32) / w) ** 2  # the right edge curls down by 30 px
    map_x = np.tile(np.arange(w, dtype=np.float32), (h, 1))
    map_y = np.arange(h, dtype=np.float32)[:, None] - bend[None, :]
    import cv2

    curled = cv2.remap(flat, map_x, map_y, cv2.INTER_LINEAR, borderValue=255)
    offsets = curl_offsets(curled)
    assert offsets is not None and offsets[:, -1].mean() - offsets[:, 0].mean() > 15
    straight = uncurl(curled, offsets)
    rows = lambda a: np.var((a < 128).sum(axis=1))  # noqa: E731 - sharp row profile: straight lines
    assert rows(straight) > 1.3 * rows(curled)


def test_a_letter_read_in_the_page_margin_is_dropped() -> None:
    body = [line(*[(f"w{k}{r}", 300 + 90 * k, 100 + 60 * r) for k in range(8)]) for r in range(5)]
    lines = [*body[:2], line(("L", 40, 230)), *body[2:], line(("ì", 1200, 290))]
    out = texts(reading_order(lines))
    assert out == [" ".join(f"w{k}{r}" for k in range(8)) for r in range(5)]
    near = reading_order([*body, line(("a)", 260, 400))])  # an item mark at the text's edge stays
    assert texts(near)[-1] == "a)"
