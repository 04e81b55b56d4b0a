"""Syllable shape: onset + rhyme + one tone, from the rules of Vietnamese spelling (no corpus)."""

from __future__ import annotations

import pytest

from docproc.text.syllables import is_syllable


@pytest.mark.parametrize(
    "word",
    ["gió", "giỏ", "giũ", "giọ", "giữa", "quá", "quyết", "khuỷu", "nghiêng", "Điều", "THẨM", "oong", "tết"],
)
def test_well_formed(word: str) -> None:
    assert is_syllable(word)


@pytest.mark.parametrize(
    "word",
    ["quaù", "tÝn", "ñhuạn", "kà", "ngé", "cá́", "tèt", "giaó", "lượñg"],
)
def test_malformed(word: str) -> None:
    assert not is_syllable(word)
