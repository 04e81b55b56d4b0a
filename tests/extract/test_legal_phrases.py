"""The legal labels that introduce assets, security and fees, as OCR damages them: put back letter
for letter (or padded with spaces) so the fact after them is read, and only there. Invented text."""

from __future__ import annotations

import pytest

from docproc.document import Document
from docproc.extract import _confidence as C
from docproc.extract._legal_phrases import PHRASES, repair_legal_phrases
from docproc.extract.evidence import EvidenceBuilder
from docproc.extract.operative import extract_operative
from docproc.extract.parties import PartyResolver
from docproc.extract.sections import segment
from docproc.schema import Party

HUONG = Party(id="P1", role="plaintiff", kind="person", name="Phan Thị Hương")
DUNG = Party(id="P2", role="defendant", kind="person", name="Lại Văn Dũng")
PARTIES = [HUONG, DUNG]


def fix(text: str) -> str:
    out, at = repair_legal_phrases(text, 0, len(text))
    assert len(out) == len(text)
    assert bool(at) == (out != text)
    return out


@pytest.mark.parametrize(
    ("damaged", "repaired"),
    [
        # a speck for a letter, or two, in a long label
        (
            "theo Giấy chứ:ø nhận quyền sử dụng đất số AB 112233",
            "theo Giấy chứng nhận quyền sử dụng đất số AB 112233",
        ),
        ("tài sản gắn liề: vứi đất ở xã Y", "tài sản gắn liền với đất ở xã Y"),
        ("theo Hợp đồng thế chấ' số 07/HĐ", "theo Hợp đồng thế chấp số 07/HĐ"),
        ("tại thửa đấ; số 4, tờ bản đ' số 9", "tại thửa đất số 4, tờ bản đồ số 9"),
        ("xe mang biển kiểm sóat 12B-345.67", "xe mang biển kiểm soát 12B-345.67"),
        # a mark lost or changed
        ("tàu cá số đăng ky KX-12345-TS", "tàu cá số đăng ký KX-12345-TS"),
        ("để bảo đả: thi hành án cho bà H", "để bảo đảm thi hành án cho bà H"),
        ("tiếp tục tam giữ chiếc xe", "tiếp tục tạm giữ chiếc xe"),
        ("được khấu trừ vào số tiền tạm ứng an phí", "được khấu trừ vào số tiền tạm ứng án phí"),
        # a speck inserted: the phrase, then a space, keeps the length
        ("kê biên quyền sử dụt ø đất tại ấp Z", "kê biên quyền sử dụng đất  tại ấp Z"),
        # a speck where the space was
        ("có quyền yêu cầu thi hành:án theo quy định", "có quyền yêu cầu thi hành án theo quy định"),
        # capitals kept
        ("VỀ ÁN PHÍ: KÊ BIÊ' tài sản", "VỀ ÁN PHÍ: KÊ BIÊN tài sản"),
    ],
)
def test_damaged_label_is_put_back(damaged: str, repaired: str) -> None:
    assert fix(damaged) == repaired


@pytest.mark.parametrize(
    "text",
    [
        "sức khỏe thể chất bình thường",  # one letter from "thế chấp": short labels take specks only
        "bị cáo bị tạm giam từ ngày 02/3",
        "giá trị đất là tài sản riêng",
        "được quyền phát mại tài sản",  # another spelling the table also holds
        "bà Diện Tích Mai, ông Tài Sản Gắn Liền",  # names
        "số không có, bảo hiểm xã hội, đã hoàn tất, kiểm tra lại",
        "bảo đảm 12 thi hành án",  # never across a digit
        "Giấy chứng nhận quyền sử dụng đất số AB 112233",  # written well
        "Giấy chứng minh nhân dân số 0123",
        "khám bệnh tâm thần, tấm giấy, tâm giao",
        "thế chấp, kê biên, tạm giữ, phong tỏa, án phí, hoàn trả, biên lai thu",
    ],
)
def test_other_words_are_left_as_they_are(text: str) -> None:
    assert repair_legal_phrases(text, 0, len(text)) == (text, [])


def test_only_inside_the_span_and_line_breaks_kept() -> None:
    text = "thế chấ' một; thế chấ' hai\nGiấy chứ:g\nnhận quyền sử dụng đất"
    out, at = repair_legal_phrases(text, 13, len(text))
    assert out == "thế chấ' một; thế chấp hai\nGiấy chứng\nnhận quyền sử dụng đất"
    assert at == [14, 27]


def test_the_table_is_nfc_and_holds_no_digits() -> None:
    import unicodedata

    for phrase in PHRASES:
        assert unicodedata.normalize("NFC", phrase) == phrase and not any(c.isdigit() for c in phrase)


def _run(operative: str):
    text = "NHẬN ĐỊNH CỦA TÒA ÁN:\nXét thấy.\nQUYẾT ĐỊNH:\n" + operative + "\n\nNơi nhận:\n- Các đương sự."
    doc = Document.from_text(text, source="t.txt")
    ev = EvidenceBuilder(doc)
    obs, assets = extract_operative(doc, segment(doc.text), PARTIES, PartyResolver(PARTIES, doc.text), ev)
    return obs, assets, ev, doc


SECURED = (
    "1. Buộc ông Lại Văn Dũng trả cho bà Phan Thị Hương 55.000.000 đồng.\n"
    "2. Trường hợp ông Dũng không trả thì bà Hương có quyền yêu cầu cơ quan thi hành án xử lý tài sản "
    "thế chấp là quyền sử dụng đất tại thửa đất số 31, tờ bản đồ số 6 theo {label} quyền sử dụng đất "
    "số AB 445566 do Ủy ban nhân dân huyện cấp để thu hồi nợ."
)


def test_certificate_read_through_a_damaged_label_with_lower_confidence() -> None:
    _, assets, ev, _ = _run(SECURED.format(label="Giấy chứng nhận"))
    assert [a.certificate for a in assets] == ["AB 445566"]
    assert ev.records["/assets/0/certificate"].confidence > C.PHRASE_REPAIRED

    obs, assets, ev, doc = _run(SECURED.format(label="Giấy chứ:ø nhận"))
    assert [(a.kind, a.plot_number, a.certificate) for a in assets] == [("land_use_right", "31", "AB 445566")]
    assert ev.records["/assets/0/certificate"].confidence <= C.PHRASE_REPAIRED
    assert ev.records["/obligations/0/secured_by/0"].confidence <= C.PHRASE_REPAIRED
    # the evidence still points at the document as read
    rec = ev.records["/assets/0/certificate"]
    assert doc.text[rec.span[0] : rec.span[1]] == "AB 445566"
