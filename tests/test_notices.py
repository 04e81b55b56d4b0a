"""Warnings as data: every notice a stage emits is in the catalogue in both languages with params for
every placeholder; the Vietnamese the review page showed (once parsed back from English by regexes)
now comes from the notice itself, and the English stays what the contract's warnings always said."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from docproc.document import Document
from docproc.extract import extract
from docproc.notices import Notice, as_notice, catalogue, notice_dict, placeholders, render, texts
from docproc.validation import validate_extraction

ROOT = Path(__file__).resolve().parents[1]
SOURCES = [
    p
    for d in ("docproc", "pipelines", "api", "cli", "models")
    for p in (ROOT / d).rglob("*.py")
    if p != ROOT / "docproc" / "notices.py"  # the type itself: it copies notices, emits none
]


def _emitted() -> dict[str, set[str]]:
    """code -> the param names of every `Notice(...)` written in the source (params as a dict literal,
    or added by `on_page`: `page`)."""
    found: dict[str, set[str]] = {}
    for path in SOURCES:
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        for node in ast.walk(tree):
            if not (isinstance(node, ast.Call) and getattr(node.func, "id", None) == "Notice"):
                continue
            code = node.args[0] if node.args else next(k.value for k in node.keywords if k.arg == "code")
            assert isinstance(code, ast.Constant), f"{path}:{node.lineno}: a notice's code is a literal"
            params = node.args[2] if len(node.args) > 2 else None
            params = next((k.value for k in node.keywords if k.arg == "params"), params)
            keys: set[str] = set()
            if params is not None:
                assert isinstance(params, ast.Dict), f"{path}:{node.lineno}: params as a dict literal"
                keys = {k.value for k in params.keys if isinstance(k, ast.Constant)}
            found.setdefault(code.value, set()).update(keys)
    return found


def test_every_emitted_code_is_in_the_catalogue_with_its_params() -> None:
    emitted = _emitted()
    assert len(emitted) >= 40  # ingest, pages, checks, enforcement, drafts
    cat = catalogue()
    for code, params in emitted.items():
        assert code in cat, f"{code} is emitted but not in docproc/data/notices.json"
        for lang in ("vi", "en"):
            assert cat[code].get(lang), f"{code}: no {lang} text"
            missing = placeholders(cat[code][lang]) - params
            assert not missing, f"{code} ({lang}) uses {missing}, which no emitter gives"
    assert set(cat) == set(emitted), f"catalogue entries nobody emits: {set(cat) - set(emitted)}"


# (notice, what the review page showed for the old English warning, the old English warning)
FORMER_REGEX_CASES = [
    (
        Notice("amount.words_unreadable", "/obligations/0"),
        "Không đọc được số tiền bằng chữ; hãy đối chiếu với số tiền bằng số",
        "/obligations/0: amount in words could not be read; check it against the digits",
    ),
    (
        Notice("amount.words_digits_differ", "/obligations/2", {"digits": 1_250_000, "words": 1_205_000}),
        "Số tiền bằng số (1.250.000 đ) và bằng chữ (1.205.000 đ) không khớp",
        "/obligations/2: amount in digits (1,250,000 đ) and in words (1,205,000 đ) disagree",
    ),
    (
        Notice("amount.components_sum", "/obligations/1", {"total": 900_000, "ordered": 1_000_000}),
        "Các khoản thành phần cộng lại 900.000 đ nhưng tổng số tiền phải thi hành là 1.000.000 đ",
        "/obligations/1: components add up to 900,000 đ but the total ordered is 1,000,000 đ",
    ),
    (
        Notice("party.unknown", "/assets/0/owners/1", {"party": "P9"}),
        "P9 không phải là đương sự nào trong bản án",
        "/assets/0/owners/1: P9 is not one of the parties",
    ),
    (
        Notice("obligation.no_obligor", "/obligations/3"),
        "Không tìm thấy người phải thi hành",
        "/obligations/3: no obligor was found for this order",
    ),
    (
        Notice("obligation.no_obligee", "/obligations/3"),
        "Không tìm thấy người được thi hành",
        "/obligations/3: no obligee was found for this payment",
    ),
    (
        Notice(
            "fee.off_schedule",
            "/obligations/1",
            {
                "fee": 5_000_000,
                "resolution": "326/2016/UBTVQH14",
                "value": 100_000_000,
                "expected": 5_000_000,
            },
        ),
        "Án phí 5.000.000 đ khác mức theo Nghị quyết 326/2016/UBTVQH14 cho số tiền 100.000.000 đ phải trả "
        "(5.000.000 đ, hoặc một nửa nếu hòa giải thành); hãy kiểm tra giá trị tranh chấp Tòa án đã dùng",
        "/obligations/1: court fee 5,000,000 đ differs from the Nghị quyết 326/2016/UBTVQH14 schedule for the "
        "100,000,000 đ ordered against the same party (5,000,000 đ, or half for a settlement); check the "
        "claim value the court used",
    ),
    (
        Notice("asset.unlinked_security", "/assets/0"),
        "Tài sản có hợp đồng bảo đảm nhưng chưa gắn với nghĩa vụ nào",
        "/assets/0: secured by a contract but linked to no obligation",
    ),
    (
        Notice("page.text_layer_unreadable", params={"page": 4}),
        "Trang 4: lớp chữ hỏng, đã nhận dạng OCR",
        "page 4: text layer unreadable, read by OCR",
    ),
    (
        Notice("page.unreadable", params={"confidence": 0.3}).on_page(2),
        "Trang 2: trang khó đọc (độ tin cậy OCR thấp)",
        "page 2: unreadable page (mean confidence 0.30)",
    ),
    (
        Notice("page.rotated", params={"degrees": 90}).on_page(3),
        "Trang 3: bản quét bị xoay 90°",
        "page 3: rotated 90°",
    ),
]


@pytest.mark.parametrize(("notice", "vi", "en"), FORMER_REGEX_CASES, ids=lambda x: getattr(x, "code", ""))
def test_former_regex_cases_render_as_before(notice: Notice, vi: str, en: str) -> None:
    assert render(notice, "vi") == vi
    assert render(notice, "en") == en == str(notice)
    assert render(as_notice(notice_dict(notice)), "vi") == vi  # stored as JSON, read back


def test_a_page_says_its_own_notice_and_the_document_names_the_page() -> None:
    blank = Notice("page.blank")
    assert texts([blank]) == ["blank page"] and texts([blank.on_page(7)]) == ["page 7: blank page"]
    assert render(blank.on_page(7), "vi") == "Trang 7: trang trắng"


def test_shown_texts_stand_in_for_ids_on_the_review_page_only() -> None:
    n = Notice("draft.no_address", "/parties/1/address", {"party": "P2"})
    assert render(n, "en") == "/parties/1/address: no address for P2"
    assert render(n, "vi", {"party": "bà Trần Thị B"}) == "Thiếu địa chỉ của bà Trần Thị B."
    due = Notice(
        "draft.issue_overdue",
        None,
        {"issue_date": "2026-03-05", "due_date": "2026-02-01", "article": "Điều 36"},
    )
    assert render(due, "vi") == "Đã quá hạn: ngày ra quyết định 05/03/2026 sau hạn 01/02/2026 (Điều 36)."


def test_old_stored_strings_and_unknown_codes_still_render() -> None:
    assert render("/obligations/0: something said in 2025", "vi") == "/obligations/0: something said in 2025"
    assert (
        render({"code": "from.a.newer.version", "params": {"n": 1}}, "vi") == "from.a.newer.version {'n': 1}"
    )


def test_notices_are_hashable_and_carry_no_text() -> None:
    a = Notice("party.unknown", "/obligations/0/obligors/0", {"party": "P9"})
    assert a == Notice("party.unknown", "/obligations/0/obligors/0", {"party": "P9"}) and len({a, a}) == 1
    assert notice_dict(a) == {
        "code": "party.unknown",
        "pointer": "/obligations/0/obligors/0",
        "params": {"party": "P9"},
    }


def test_an_extraction_carries_its_notices_and_fits_the_contract() -> None:
    text = (
        "TÒA ÁN NHÂN DÂN HUYỆN A\nBản án số: 12/2024/DS-ST\nNgày 05-3-2024\nV/v tranh chấp hợp đồng vay tài sản\n"
        "- Nguyên đơn: Ông Nguyễn Văn An, sinh năm 1970; địa chỉ: xã B, huyện A.\n"
        "- Bị đơn: Bà Trần Thị Bình, sinh năm 1975; địa chỉ: xã C, huyện A.\n"
        "QUYẾT ĐỊNH:\n1. Buộc bà Trần Thị Bình phải trả cho ông Nguyễn Văn An số tiền 10.000.000 đồng.\n"
    )
    read = [Notice("ingest.unknown_8bit"), Notice("page.rotated", params={"degrees": 180}).on_page(2)]
    extraction = extract(Document.from_text(text, source="t.txt", warnings=read))
    extraction.document.warn(Notice("party.unknown", "/obligations/0/obligees/0", {"party": "P7"}))
    data = extraction.to_json_dict()
    assert validate_extraction(data) == []  # the packaged contract, identical to ../shared's
    info = data["document"]
    assert info["notices"][:2] == [
        {"code": "ingest.unknown_8bit", "pointer": None, "params": {}},
        {"code": "page.rotated", "pointer": None, "params": {"degrees": 180, "page": 2}},
    ]
    assert info["warnings"] == [render(as_notice(n), "en") for n in info["notices"]]
    assert info["warnings"][1:2] == ["page 2: rotated 180°"]
    assert info["warnings"][-1] == "/obligations/0/obligees/0: P7 is not one of the parties"
    assert not any("Nguyễn" in str(n) or "Trần" in str(n) for n in info["notices"])  # no names in params
