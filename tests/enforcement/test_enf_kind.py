"""Document kind by content: judgment, enforcement decision, or not a legal document."""

from __future__ import annotations

import pytest

from docproc.extract.enforcement.kind import classify

DECISION_HEAD = """CỤC THI HÀNH ÁN DÂN SỰ TỈNH HÀ TĨNH        CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
CHI CỤC THI HÀNH ÁN DÂN SỰ HUYỆN KỲ ANH        Độc lập - Tự do - Hạnh phúc
Số: 88/QĐ-CCTHADS                              Kỳ Anh, ngày 02 tháng 3 năm 2022
QUYẾT ĐỊNH
Về việc thi hành án chủ động
Căn cứ Bản án số 05/2022/DS-ST ngày 10/01/2022 của Tòa án nhân dân huyện Kỳ Anh;
Điều 1. Cho thi hành án đối với: ông Hoàng Văn Bình.
"""

JUDGMENT_HEAD = """TÒA ÁN NHÂN DÂN                    CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
HUYỆN KỲ ANH                       Độc lập - Tự do - Hạnh phúc
Bản án số: 05/2022/DS-ST
Ngày: 10-01-2022
NHÂN DANH
NƯỚC CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Với thành phần Hội đồng xét xử sơ thẩm gồm có: Thẩm phán - Chủ tọa phiên tòa: ông Lê Văn Tùng.
Nguyên đơn: bà Trần Thị Mơ. Bị đơn: ông Hoàng Văn Bình.
Trường hợp bản án được thi hành theo quy định tại Điều 2 Luật Thi hành án dân sự thì người được thi
hành án, người phải thi hành án có quyền thỏa thuận thi hành án.
"""


def test_enforcement_decision_by_its_issuer() -> None:
    assert classify(DECISION_HEAD).kind == "enforcement_decision"


def test_judgment_citing_the_enforcement_law_stays_a_judgment() -> None:
    assert classify(JUDGMENT_HEAD).kind == "court"


def test_decision_read_by_ocr_without_tone_marks() -> None:
    """Lost marks, a letter dropped in the agency's name, columns run together."""
    ocr = (
        "CUC THI HANH AN DAN SU TINH HA TINH CONG HOA XA HOI CHU NGHIA VIET NAM\n"
        "CHI CUC THI HAN AN DAN SU HUYEN KY ANH Doc lap - Tu do - Hanh phuc\n"
        "So: 88/QD-CCTHADS Ky Anh, ngay 02 thang 3 nam 2022\nQUYET DINH\n"
        "Dieu 1. Cho thi hanh an doi voi: ong Hoang Van Binh.\n"
    )
    assert classify(ocr).kind == "enforcement_decision"


def test_an_agency_letter_is_not_a_decision() -> None:
    letter = (
        "CHI CỤC THI HÀNH ÁN DÂN SỰ HUYỆN KỲ ANH\nV/v trả lời đơn của công dân\n"
        "Kính gửi: ông Hoàng Văn Bình. Chi cục đã nhận được đơn của ông và xin trả lời như sau ..."
    )
    assert classify(letter).kind == "other"


@pytest.mark.parametrize(
    "text",
    ["", "123456789", "\n\n  \n", "Kính gửi quý khách hàng, cửa hàng xin thông báo lịch nghỉ Tết."],
)
def test_not_legal_documents(text: str) -> None:
    k = classify(text)
    assert k.kind == "other" and k.confidence < 0.5


def _noisy(text: str, rate: float = 0.04, seed: int = 3) -> str:
    """OCR-like damage: tone marks lost and a few characters dropped."""
    import random

    from docproc.text import strip_diacritics

    r = random.Random(seed)
    return "".join(ch for ch in strip_diacritics(text) if r.random() > rate)


@pytest.mark.parametrize("name", ["NOT_ENFORCEABLE", "ENTRUST", "REVOKE", "EXECUTE_2026", "SUSPEND"])
def test_damaged_decisions_stay_decisions(samples, name: str) -> None:  # noqa: ANN001 - fixture module
    assert classify(_noisy(getattr(samples, name))).kind == "enforcement_decision"


@pytest.mark.parametrize("name", ["c1-01", "c2-05", "c3-04", "c4-01"])
def test_damaged_judgments_stay_judgments(dev_txt, name: str) -> None:  # noqa: ANN001 - fixture path
    path = dev_txt / f"{name}.txt"
    if not path.exists():
        pytest.skip(f"{name} not in this dev corpus")
    assert classify(_noisy(path.read_text(encoding="utf-8"))).kind == "court"
