"""A section heading with specks OCR read after its colon is still a heading."""

from __future__ import annotations

from docproc.extract.sections import segment


def test_decision_heading_with_a_noise_tail_still_opens_the_operative_part() -> None:
    text = (
        "TÒA ÁN NHÂN DÂN TỈNH A\nBản án số: 1/2026/DS-ST\n\nNỘI DUNG VỤ ÁN:\nNguyên đơn trình bày.\n\n"
        "NHẬN ĐỊNH CỦA TÒA ÁN:\nXét thấy yêu cầu có căn cứ.\n\nQUYẾT ĐỊNH: N ý. 7\n"
        "Buộc bà B trả cho ông A số tiền 10.000.000 đồng.\n"
    )
    sections = segment(text)
    assert sections.get(text, "decision").lstrip().startswith(("QUYẾT ĐỊNH", "Buộc bà B"))
    assert "Buộc bà B" in sections.get(text, "decision")
    assert "Buộc bà B" not in sections.get(text, "reasoning")
