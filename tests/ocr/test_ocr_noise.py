"""Toner-dust words: dropped when nearly unread or weakly read symbols; real words, however weakly
read, stay."""

from __future__ import annotations

import pytest

from docproc.document import Line, Word
from docproc.ocr._noise import drop_noise_words, is_foreign_token


def line(*words: tuple[str, float]) -> Line:
    return Line(
        words=[
            Word(text=t, bbox=(i * 50, 0, i * 50 + 40, 20), confidence=c, page=1)
            for i, (t, c) in enumerate(words)
        ]
    )


@pytest.mark.parametrize("token", ["¿tt", "#U", "X<z", "Ƒ", "š", "ÿ", "„:", "«.", "—.", "‹^", "`"])
def test_symbols_and_foreign_letters_are_foreign(token: str) -> None:
    assert is_foreign_token(token)


@pytest.mark.parametrize(
    "token", ["Nguyễn", "ĐỒNG", "1.250.000.000", "(Văn", "12/2024/QĐXXST-KDTM", "15%", "“Tranh", "đồng)."]
)
def test_vietnamese_words_and_numbers_are_not(token: str) -> None:
    assert not is_foreign_token(token)


def test_weak_junk_goes_weak_words_stay() -> None:
    lines = [
        line(("Bà", 0.97), ("Trịnh", 0.96), ("Lan", 0.97), ("#U", 0.3), ("X<z", 0.17), ("v20", 0.0)),
        line(("Hạnh", 0.28), ("phúc", 0.28), ("lương", 0.40)),  # misread real words: kept
        line(("¿'¿", 0.2), ("„:", 0.1)),  # a line of dust: gone
        line(("«", 0.9), ("1.", 0.95)),  # read with confidence: not ours to judge
    ]
    out = drop_noise_words(lines)
    assert [[w.text for w in ln.words] for ln in out] == [
        ["Bà", "Trịnh", "Lan"],
        ["Hạnh", "phúc", "lương"],
        ["«", "1."],
    ]
    assert out[0].words[0] is lines[0].words[0]  # words untouched, boxes kept
