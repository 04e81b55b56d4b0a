"""OCR damage classes that cross the rule modules: sentence ends and margin dashes in the clause
reader, damaged item references, glued section headings, owners and obligors read through damage.
Invented names and text."""

from __future__ import annotations

from docproc.extract._clauses import segment_clauses


def _clauses(text: str) -> list[tuple[str, str]]:
    return [(c.item, text[c.start : c.end]) for c in segment_clauses(text, 0, len(text))]


# -- sentence ends and margin dashes ----------------------------------------------------------------
def test_a_sentence_ends_only_before_a_capital():
    one = "1. Giao cho bà Hồ Thị Lan diện tích 120 m2. đất ở tại thửa số 7, tờ bản đồ số 2."
    assert len(_clauses(one)) == 1
    two = "1. Giao cho bà Hồ Thị Lan diện tích 120 m2. Ông Vũ Đức Toàn phải trả 1.000.000 đồng."
    assert [t for _i, t in _clauses(two)][1].startswith("Ông Vũ Đức Toàn")
    accented = "1. Giao cho bà Hồ Thị Lan diện tích 120 m2. Ông Vũ trả tiền. Ủy ban nhân dân xã giữ."
    assert len(_clauses(accented)) == 3


def test_a_dash_before_a_lower_case_word_mid_sentence_is_margin_noise():
    text = (
        "1. Buộc ông Vũ Đức Toàn phải giao cho bà Hồ Thị Lan quyền sử dụng\n"
        "- đất ở có diện tích 80 m2 tại thửa số 7.\n"
        "2. Về án phí: ông Vũ Đức Toàn phải chịu 300.000 đồng."
    )
    cl = _clauses(text)
    assert cl[0][0] == "1" and "đất ở có diện tích 80 m2" in cl[0][1] and "quyền sử dụng" in cl[0][1]
    assert [i for i, _t in cl] == ["1", "2"]


def test_a_real_dashed_list_stays_a_list():
    text = (
        "1. Tài sản bảo đảm gồm:\n- quyền sử dụng đất thửa số 7;\n- nhà ở trên thửa số 8.\n"
        "2. Buộc ông Vũ Đức Toàn phải trả 5.000.000 đồng\n- Nhà ở tại thửa số 9."
    )
    texts = [t for _i, t in _clauses(text)]
    assert any(t.startswith("quyền sử dụng đất") for t in texts)
    assert any(t.startswith("nhà ở trên") for t in texts)
    assert any(t.startswith("Nhà ở tại thửa số 9") for t in texts)
