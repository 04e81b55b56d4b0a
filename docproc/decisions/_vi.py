"""Vietnamese wording of dates and amounts as administrative documents write them."""

from __future__ import annotations

from datetime import date

from docproc.text import amount_to_words, nfc

__all__ = ["date_vi", "digits_vi", "money_vi", "judgment_kind_word", "join_vi"]


def date_vi(day: date) -> str:
    """'ngày 05 tháng 02 năm 2026': days below 10 and months 1-2 take a leading zero (NĐ 30/2020 format)."""
    month = f"{day.month:02d}" if day.month < 3 else str(day.month)
    return f"ngày {day.day:02d} tháng {month} năm {day.year}"


def digits_vi(amount: int) -> str:
    """1325000000 → '1.325.000.000' (thousands dots)."""
    return f"{amount:,}".replace(",", ".")


def money_vi(amount: int) -> str:
    """'1.325.000.000 đồng (Một tỷ ba trăm hai mươi lăm triệu đồng)'."""
    return nfc(f"{digits_vi(amount)} đồng ({amount_to_words(amount)})")


def judgment_kind_word(number: str | None) -> str:
    """'Quyết định' for a decision number (…/QĐST-DS, …/QĐ-PT), 'Bản án' otherwise."""
    if number and "QĐ" in number.upper():
        return "Quyết định"
    return "Bản án"


def join_vi(parts: list[str]) -> str:
    """'a', 'a và b', 'a, b và c'."""
    parts = [p for p in parts if p]
    if len(parts) <= 1:
        return "".join(parts)
    return ", ".join(parts[:-1]) + " và " + parts[-1]
