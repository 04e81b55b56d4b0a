"""docproc.text.fold: the one home of diacritic and tone folding, each variant keeping what its callers
need (case, length, vowel shapes)."""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

from docproc.text.fold import (
    bare,
    fold,
    fold_aligned,
    fold_tones,
    strip_diacritics,
    strip_tone,
    tone_marks,
    tone_style,
)

ROOT = Path(__file__).resolve().parents[2]
# Every precomposed Vietnamese letter, both cases (Latin-1, Latin Extended-A/B, Latin Extended Additional).
VI_LETTERS = "".join(
    c
    for c in map(chr, [*range(0xC0, 0x250), *range(0x1EA0, 0x1EFA)])
    if c.isalpha() and unicodedata.normalize("NFD", c)[0] in "aeiouyAEIOUYdD" or c in "đĐ"
)


def test_fold_and_strip_diacritics() -> None:
    assert fold("Đình chỉ THI HÀNH án") == "dinh chi thi hanh an"
    assert strip_diacritics("Đình chỉ THI HÀNH án") == "Dinh chi THI HANH an"  # case kept
    assert fold("Ngân hàng TMCP Á Châu") == "ngan hang tmcp a chau"


def test_the_aligned_fold_keeps_offsets_and_agrees_with_fold_on_vietnamese_letters() -> None:
    text = "Bị đơn: Ông NGUYỄN Văn Đức, cư trú tại Thủ Đức"
    folded = fold_aligned(text)
    assert len(folded) == len(text)
    m = re.search(r"nguyen van duc", folded)
    assert m and text[m.start() : m.end()] == "NGUYỄN Văn Đức"
    for c in VI_LETTERS:
        assert fold_aligned(c) == fold(c), c
    decomposed = unicodedata.normalize("NFD", "Đức")
    assert len(fold_aligned(decomposed)) == len(decomposed)  # combining marks stay, one for one


def test_bare_keeps_upper_case_ascii_letters_only() -> None:
    assert bare("Nhận định của Tòa án:") == "NHANDINHCUATOAAN"
    assert bare("QUYẾT  ĐỊNH 12/2024") == "QUYETDINH"
    assert bare("\u0131\u017f") == ""  # dotless i and long s are not ASCII letters, whatever their upper case


def test_tones_and_vowel_shapes() -> None:
    assert strip_tone("Thuyền") == "Thuyên" and strip_tone("được") == "đươc"  # shapes kept
    assert tone_marks("Ngữ") == ["\u0303"] and tone_marks("ngu") == []
    assert tone_style("uỷ") == tone_style("ủy") == "ủy"
    assert tone_style("hoà") == tone_style("hòa") == "hòa"
    assert tone_style("quý") == "quý"


def test_fold_tones_is_one_placement_and_same_length() -> None:
    for old, new in (("Hoà giải", "hòa giải"), ("thuỷ", "thủy"), ("quý", "quý"), ("Toàn", "toàn")):
        assert fold_tones(old) == new and len(fold_tones(old)) == len(old)
    assert fold_tones("Hòa") == fold_tones("hoà")


def test_no_other_module_folds_diacritics_itself() -> None:
    """A new copy would drift from this one (issue 17: nine copies had)."""
    copies = [
        str(p.relative_to(ROOT))
        for pkg in ("docproc", "pipelines", "api", "models", "cli")
        for p in (ROOT / pkg).rglob("*.py")
        if 'normalize("NFD"' in p.read_text(encoding="utf-8") and p.name != "fold.py"
    ]
    assert copies == []
