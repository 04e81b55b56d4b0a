"""Province names: OCR's damaged marks repaired from the gazetteer, everything else left alone."""

from __future__ import annotations

import pytest

from docproc.text.normalize import strip_diacritics
from docproc.text.places import fix_province_names, provinces


def test_gazetteer_has_both_maps_and_no_two_names_fold_together() -> None:
    names = provinces()
    assert {"Bà Rịa - Vũng Tàu", "Thừa Thiên Huế", "Đắk Lắk", "Hồ Chí Minh"} <= set(names)
    assert len(names) >= 63
    folded = [strip_diacritics(n).lower() for n in names]
    assert len(set(folded)) == len(folded)


@pytest.mark.parametrize(
    ("ocr", "fixed"),
    [
        ("Tòa án nhân dân tỉnh Bà Rịa - Vững Tàu", "Tòa án nhân dân tỉnh Bà Rịa - Vũng Tàu"),
        ("TỈNH BÀ RỊA - VỮNG TÀU", "TỈNH BÀ RỊA - VŨNG TÀU"),
        ("tỉnh Bà Rịa-Vững Tàu", "tỉnh Bà Rịa-Vũng Tàu"),  # the dash as printed
        ("tỉnh Thừa Thiên Huê", "tỉnh Thừa Thiên Huế"),
        ("tỉnh Đắk Lẳk", "tỉnh Đắk Lắk"),
    ],
)
def test_damaged_marks_are_repaired(ocr: str, fixed: str) -> None:
    assert fix_province_names(ocr) == fixed


@pytest.mark.parametrize(
    "text",
    [
        "bình định lại trật tự",
        "tỉnh Long An, Hà Nam",
        "Thành phố Hồ Chí Minh",
        "tỉnh Bắc Sơn",
        "tỉnh Đăk Lăk",  # a spelling in use, not damage
        "",
    ],
)
def test_other_text_is_unchanged(text: str) -> None:
    assert fix_province_names(text) == text
