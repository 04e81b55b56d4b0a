"""Parties: roles, honorifics, birth years, identifiers, addresses, representatives, and the resolver."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from docproc.document import Document
from docproc.extract.evidence import EvidenceBuilder
from docproc.extract.parties import PartyResolver, extract_parties, fold
from docproc.extract.sections import segment
from docproc.schema import Party


def _parties(body: str) -> tuple[list[Party], EvidenceBuilder, str]:
    text = "TÒA ÁN NHÂN DÂN HUYỆN AN LẠC\nBản án số: 1/2022/DS-ST\n\nXét xử vụ án giữa các đương sự:\n" + body
    text += "\nNỘI DUNG VỤ ÁN:\nNội dung.\n"
    doc = Document.from_text(text, source="t.txt")
    ev = EvidenceBuilder(doc)
    return extract_parties(doc, segment(doc.text), ev), ev, doc.text


def _by_name(parties: list[Party]) -> dict[str, Party]:
    return {p.name: p for p in parties}


def test_roles_honorifics_and_ids_in_order() -> None:
    parties, _, _ = _parties(
        "1. Nguyên đơn: Ông Lý Văn Tám, sinh năm 1970; Căn cước công dân số 012070001234.\n"
        "Địa chỉ: Số 5 đường Hoa Sen, phường Hòa Bình, thành phố Đông Hồ, tỉnh Bắc Sơn.\n"
        "2. Bị đơn: Bà Mạc Thị Chín, sinh năm 1975; CMND số 145 678 901; trú tại: thôn Bến, xã Yên, huyện An Lạc.\n"
        "3. Người có quyền lợi, nghĩa vụ liên quan: Anh Lý Văn Mười, sinh năm 1999.\n"
    )
    assert [(p.id, p.role, p.name) for p in parties] == [
        ("P1", "plaintiff", "Lý Văn Tám"),
        ("P2", "defendant", "Mạc Thị Chín"),
        ("P3", "related_party", "Lý Văn Mười"),
    ]
    tam, chin, muoi = parties
    assert (tam.birth_year, tam.id_number) == (1970, "012070001234")
    assert tam.address == "Số 5 đường Hoa Sen, phường Hòa Bình, thành phố Đông Hồ, tỉnh Bắc Sơn"
    assert (chin.birth_year, chin.id_number) == (1975, "145678901")
    assert chin.address == "thôn Bến, xã Yên, huyện An Lạc"
    assert muoi.kind == "person" and muoi.address is None


def test_numbered_sub_list_with_shared_address() -> None:
    parties, ev, text = _parties(
        "1. Nguyên đơn: Công ty TNHH Thương mại Hoa Sen.\n"
        "3. Người có quyền lợi, nghĩa vụ liên quan:\n"
        "3.1. Ông Đào Văn Một, sinh năm 1960;\n"
        "3.2. Bà Cù Thị Hai, Sinh ngày 12/3/1980;\n"
        "Cùng địa chỉ: Xóm 2, xã Yên, huyện An Lạc, tỉnh Bắc Sơn.\n"
    )
    by = _by_name(parties)
    assert by["Công ty TNHH Thương mại Hoa Sen"].kind == "organization"
    assert by["Đào Văn Một"].birth_year == 1960
    assert by["Cù Thị Hai"].birth_year == 1980
    shared = "Xóm 2, xã Yên, huyện An Lạc, tỉnh Bắc Sơn"
    assert by["Đào Văn Một"].address == shared and by["Cù Thị Hai"].address == shared
    # evidence spans point at the values in the text
    span = ev.records["/parties/2/address"].span
    assert text[span[0] : span[1]] == shared
    span = ev.records["/parties/1/name"].span
    assert text[span[0] : span[1]] == "Đào Văn Một"


def test_representatives_are_not_parties() -> None:
    parties, _, _ = _parties(
        "1. Nguyên đơn: Ngân hàng Thương mại cổ phần Hoa Sen.\n"
        "Người đại diện theo pháp luật: Ông Trịnh Văn Ba - Chủ tịch Hội đồng quản trị.\n"
        "Người đại diện theo ủy quyền: Bà Lã Thị Tư - Chuyên viên; người được ủy quyền lại: Ông Kha Văn Năm.\n"
        "2. Bị đơn:\n"
        "2.1. Ông Đinh Văn Sáu, sinh năm 1970;\n"
        "2.2. Bà Lò Thị Bảy, sinh năm 1972, vắng mặt, có văn bản ủy quyền cho ông Đinh Văn Sáu tham gia tố tụng.\n"
        "Người bảo vệ quyền và lợi ích hợp pháp của bị đơn: Luật sư Phùng Văn Tám và luật sư Âu Thị Chín.\n"
        "Người làm chứng: Ông Hà Văn Mười, sinh năm 1980.\n"
    )
    names = [p.name for p in parties]
    assert names == ["Ngân hàng Thương mại cổ phần Hoa Sen", "Đinh Văn Sáu", "Lò Thị Bảy"]
    bank, sau, bay = parties
    assert [(r.name, r.capacity) for r in bank.representatives] == [
        ("Trịnh Văn Ba", "legal"),
        ("Lã Thị Tư", "authorized"),
        ("Kha Văn Năm", "authorized"),
    ]
    assert ("Đinh Văn Sáu", "authorized") in [(r.name, r.capacity) for r in bay.representatives]
    for p in (sau, bay):  # "của bị đơn" covers both defendants
        assert {"Phùng Văn Tám", "Âu Thị Chín"} <= {
            r.name for r in p.representatives if r.capacity == "other"
        }


def test_representative_named_for_one_party() -> None:
    parties, _, _ = _parties(
        "1. Nguyên đơn:\n1.1. Ông Lý Văn Tám, sinh năm 1970;\n1.2. Bà Mạc Thị Chín, sinh năm 1975;\n"
        "Người đại diện theo ủy quyền của bà Chín: Ông Lý Văn Tám.\n"
        "2. Bị đơn: Ông Hồ Văn Một.\n"
    )
    tam, chin, _mot = parties
    assert tam.representatives == []
    assert [(r.name, r.capacity) for r in chin.representatives] == [("Lý Văn Tám", "authorized")]


def test_lawful_representative_capacity_from_what_follows() -> None:
    parties, _, _ = _parties(
        "1. Người khởi kiện: Bà Hà Thị Mười, sinh năm 1950.\n"
        "Người đại diện hợp pháp của người khởi kiện: Ông Hà Văn Một, sinh năm 1975.\n"
        "Địa chỉ: thôn Bến, xã Yên (theo văn bản ủy quyền ngày 01/02/2020).\n"
        "2. Người bị kiện: Chủ tịch Ủy ban nhân dân huyện An Lạc, tỉnh Bắc Sơn.\n"
    )
    claimant, respondent = parties
    assert claimant.role == "claimant" and respondent.role == "respondent"
    assert [(r.name, r.capacity) for r in claimant.representatives] == [("Hà Văn Một", "authorized")]
    assert claimant.address is None  # the address after a representative is the representative's
    assert respondent.kind == "organization"
    assert respondent.name == "Chủ tịch Ủy ban nhân dân huyện An Lạc, tỉnh Bắc Sơn"


def test_criminal_accused_and_victims() -> None:
    body = (
        "Xét xử vụ án hình sự đối với các bị cáo:\n"
        "1. Lê Văn Hai (tên gọi khác: Tí), sinh ngày 05 tháng 8 năm 1996 tại tỉnh Bắc Sơn; nơi cư trú: ấp 1, "
        "xã Yên, huyện An Lạc; nghề nghiệp: làm thuê; con ông Lê Văn Ba và bà Ngô Thị Tư, sinh năm 1970.\n"
        "Bị cáo bị bắt tạm giam từ ngày 01/01/2021. Có mặt.\n"
        "- Người bào chữa cho bị cáo Lê Văn Hai: Luật sư Tôn Nữ Năm.\n"
        "- Bị hại: Ông Vi Văn Sáu, sinh năm 1965; nơi cư trú: ấp 2, xã Yên, huyện An Lạc.\n"
    )
    text = "TÒA ÁN NHÂN DÂN HUYỆN AN LẠC\nBản án số: 2/2022/HS-ST\n\n" + body + "\nNỘI DUNG VỤ ÁN:\nx\n"
    doc = Document.from_text(text, source="t.txt")
    parties = extract_parties(doc, segment(doc.text), EvidenceBuilder(doc))
    assert [(p.role, p.name) for p in parties] == [("accused", "Lê Văn Hai"), ("victim", "Vi Văn Sáu")]
    accused = parties[0]
    assert accused.birth_year == 1996
    assert accused.address == "ấp 1, xã Yên, huyện An Lạc"
    assert [(r.name, r.capacity) for r in accused.representatives] == [("Tôn Nữ Năm", "other")]


def test_settlement_decision_parties_in_operative_part() -> None:
    text = """TÒA ÁN NHÂN DÂN HUYỆN AN LẠC
Số: 07/2023/QĐST-DS                     An Lạc, ngày 2 tháng 5 năm 2023

QUYẾT ĐỊNH
CÔNG NHẬN SỰ THỎA THUẬN CỦA CÁC ĐƯƠNG SỰ

XÉT THẤY:
Nguyên đơn bà Hà Thị Mười khởi kiện ông Lò Văn Một.

QUYẾT ĐỊNH:
1. Công nhận sự thỏa thuận của các đương sự:
- Nguyên đơn: Bà Hà Thị Mười, sinh năm 1980; địa chỉ: thôn Bến, xã Yên, huyện An Lạc.
- Bị đơn:
+ Ông Lò Văn Một, sinh năm 1978;
+ Bà Vi Thị Hai, sinh năm 1979.
2. Sự thỏa thuận của các đương sự cụ thể như sau:
Ông Một và bà Hai trả cho bà Mười 100.000.000 đồng.
"""
    doc = Document.from_text(text, source="t.txt")
    parties = extract_parties(doc, segment(doc.text), EvidenceBuilder(doc))
    assert [(p.role, p.name) for p in parties] == [
        ("plaintiff", "Hà Thị Mười"),
        ("defendant", "Lò Văn Một"),
        ("defendant", "Vi Thị Hai"),
    ]


def test_items_run_together_on_one_line() -> None:
    parties, _, _ = _parties(
        "Nguyên đơn: Bà Hà Thị Mười, sinh năm 1980 Địa chỉ: thôn Bến, xã Yên, huyện An Lạc 2. Bị đơn: "
        "Công ty TNHH Hoa Sen Địa chỉ trụ sở: Số 1 đường Hoa, phường Hòa, quận Một "
        "Người đại diện theo pháp luật: Ông Đào Văn Ba - Giám đốc\n"
    )
    assert [(p.role, p.name) for p in parties] == [
        ("plaintiff", "Hà Thị Mười"),
        ("defendant", "Công ty TNHH Hoa Sen"),
    ]
    assert parties[0].address == "thôn Bến, xã Yên, huyện An Lạc"
    assert parties[1].address == "Số 1 đường Hoa, phường Hòa, quận Một"
    assert [r.name for r in parties[1].representatives] == ["Đào Văn Ba"]


# -- resolver ----------------------------------------------------------------------------------

RESOLVER_TEXT = (
    "Nguyên đơn Ngân hàng Thương mại cổ phần Sao Khuê (sau đây gọi tắt là Ngân hàng Sao Khuê hoặc Ngân hàng) "
    "và Công ty TNHH Vận tải Hải Vân (gọi tắt là Công ty Hải Vân) ký hợp đồng. "
    "Buộc Công ty Hải Vân trả cho Ngân hàng số tiền; ông Khánh và bà Hường liên đới bảo lãnh; bị đơn được miễn."
)
RESOLVER_PARTIES = [
    Party(id="P1", role="plaintiff", kind="organization", name="Ngân hàng Thương mại cổ phần Sao Khuê"),
    Party(id="P2", role="defendant", kind="organization", name="Công ty TNHH Vận tải Hải Vân"),
    Party(id="P3", role="related_party", kind="person", name="Phạm Văn Khánh"),
    Party(id="P4", role="related_party", kind="person", name="Nguyễn Thị Thu Hường"),
    Party(id="P5", role="related_party", kind="person", name="Nguyễn Văn H"),
    Party(id="P6", role="related_party", kind="person", name="Lê Thị H"),
]


def test_resolver_names_abbreviations_and_roles() -> None:
    r = PartyResolver(RESOLVER_PARTIES, RESOLVER_TEXT)
    assert r.resolve("Ngân hàng Sao Khuê") == "P1"
    assert r.resolve("Ngân hàng") == "P1"
    assert r.resolve("Công ty Hải Vân") == "P2"
    assert r.resolve("Công ty") == "P2"
    assert r.resolve("ông Phạm Văn Khánh") == "P3"
    assert r.resolve("Phạm Văn Khánh") == "P3"
    assert r.resolve("ông Khánh") == "P3"
    assert r.resolve("bà Hường") == "P4"
    assert r.resolve("nguyên đơn") == "P1"
    assert r.resolve("bị đơn") == "P2"
    assert r.resolve("Uỷ ban nhân dân") is None


def test_resolver_ambiguity_and_gender() -> None:
    r = PartyResolver(RESOLVER_PARTIES, RESOLVER_TEXT)
    assert r.resolve("ông H") == "P5"
    assert r.resolve("bà H") == "P6"
    assert r.resolve("H") is None  # two parties share the given name
    assert sorted(r.resolve_all("người có quyền lợi, nghĩa vụ liên quan")) == ["P3", "P4", "P5", "P6"]


def test_find_mentions_spans() -> None:
    r = PartyResolver(RESOLVER_PARTIES, RESOLVER_TEXT)
    start = RESOLVER_TEXT.index("Buộc")
    found = [(RESOLVER_TEXT[s:e], pid) for s, e, pid in r.find_mentions(start, len(RESOLVER_TEXT))]
    assert found == [
        ("Công ty Hải Vân", "P2"),
        ("Ngân hàng", "P1"),
        ("ông Khánh", "P3"),
        ("bà Hường", "P4"),
        ("bị đơn", "P2"),
    ]


def test_role_word_followed_by_name_names_one_party() -> None:
    parties = [
        Party(id="P1", role="accused", kind="person", name="Lê Văn Hai"),
        Party(id="P2", role="accused", kind="person", name="Lê Văn Ba"),
    ]
    text = "Buộc bị cáo Lê Văn Hai bồi thường; các bị cáo chịu án phí."
    r = PartyResolver(parties, text)
    assert [(text[s:e], p) for s, e, p in r.find_mentions()] == [
        ("Lê Văn Hai", "P1"),
        ("bị cáo", "P1"),
        ("bị cáo", "P2"),
    ]
    assert r.resolve("bị cáo Lê Văn Ba") == "P2"
    assert r.resolve_all("các bị cáo") == ["P1", "P2"]


def test_fold_keeps_length_and_tone_placement() -> None:
    assert fold("Hoà Bình") == "hòa bình"
    assert fold("Uỷ ban") == "ủy ban"
    assert len(fold("ĐẶNG Quốc")) == len("ĐẶNG Quốc")


def test_role_word_with_given_name() -> None:
    parties = [
        Party(id="P1", role="accused", kind="person", name="Nguyễn Văn A"),
        Party(id="P2", role="accused", kind="person", name="Trần Văn B"),
        Party(id="P3", role="victim", kind="person", name="Lê Thị A"),
    ]
    text = "Buộc bị cáo A và bị cáo B liên đới bồi thường cho bị hại A."
    r = PartyResolver(parties, text)
    assert [p for _s, _e, p in r.find_mentions()] == ["P1", "P2", "P3"]
    assert r.resolve("bị cáo B") == "P2"


def test_honorific_is_part_of_the_mention_span() -> None:
    parties = [Party(id="P1", role="defendant", kind="person", name="Trần Văn Hải")]
    text = "Buộc ông Trần Văn Hải phải trả."
    r = PartyResolver(parties, text)
    assert [(text[s:e], p) for s, e, p in r.find_mentions()] == [("ông Trần Văn Hải", "P1")]


def test_bare_given_name_only_as_a_word_of_its_own() -> None:
    parties = [
        Party(id="P1", role="accused", kind="person", name="Nguyễn Văn Dũng"),
        Party(id="P2", role="accused", kind="person", name="Lê Văn Minh"),
    ]
    text = "Dũng lấy con dao, còn Minh cầm gậy rồi đi Thành phố Hồ Chí Minh; dũng cảm."
    r = PartyResolver(parties, text)
    assert [(text[s:e], p) for s, e, p in r.find_mentions()] == [("Dũng", "P1"), ("Minh", "P2")]


def test_criminal_label_variants_and_non_parties() -> None:
    text = """TÒA ÁN NHÂN DÂN HUYỆN AN LẠC
Bản án số: 1/2022/HS-ST
Đại diện Viện kiểm sát nhân dân huyện An Lạc tham gia phiên tòa: Bà Lê Thị Kiểm.
Xét xử vụ án đối với:
Bị cáo: NGUYỄN VĂN AN (tên gọi khác: Không); Năm sinh: 1990; Hộ chiếu số: C1234567; Thường trú: ấp 1, xã Yên.
Người bị hại: Công ty TNHH Hoa Sen. Đại diện: ông Lê Văn Ba - Giám đốc.
Nguyên đơn dân sự: Bà Võ Thị Cúc, sinh năm 1970; Tạm trú tại: ấp 3, xã Yên.
Những người tham gia tố tụng khác:
Người làm chứng: Ông Hà Văn Dư, sinh năm 1960.
NỘI DUNG VỤ ÁN:
x
"""
    doc = Document.from_text(text, source="t.txt")
    parties = extract_parties(doc, segment(doc.text), EvidenceBuilder(doc))
    assert [(p.role, p.kind, p.name) for p in parties] == [
        ("accused", "person", "NGUYỄN VĂN AN"),
        ("victim", "organization", "Công ty TNHH Hoa Sen"),
        ("civil_plaintiff", "person", "Võ Thị Cúc"),
    ]
    accused, victim, civil = parties
    assert (accused.birth_year, accused.id_number, accused.address) == (1990, "C1234567", "ấp 1, xã Yên")
    assert [(r.name, r.capacity) for r in victim.representatives] == [("Lê Văn Ba", "legal")]
    assert civil.address == "ấp 3, xã Yên"


# -- the shared dev corpora, scored like the benchmark (skipped without them) ---------------------

CORPUS = Path("/work/shared/corpus")


@pytest.mark.parametrize("name", ["dev", "openings-dev"])
def test_parties_f1_on_shared_corpus(name: str) -> None:
    txt, gold = CORPUS / name / "txt", CORPUS / name / "gold"
    if not txt.is_dir():
        pytest.skip("shared corpus not available")
    tp = fp = fn = 0
    for path in sorted(txt.glob("*.txt")):
        doc = Document.from_text(path.read_text(encoding="utf-8"), source=path.name)
        pred = {
            (p.role, _score_fold(p.name))
            for p in extract_parties(doc, segment(doc.text), EvidenceBuilder(doc))
        }
        data = json.loads((gold / f"{path.stem}.json").read_text(encoding="utf-8"))
        want = {(p["role"], _score_fold(p["name"])) for p in data["parties"]}
        tp, fp, fn = tp + len(pred & want), fp + len(pred - want), fn + len(want - pred)
    f1 = 2 * tp / (2 * tp + fp + fn)
    assert f1 >= 0.95


def _score_fold(name: str) -> str:
    """The scorer's folding: lower case, one tone placement, no honorific."""
    text = re.sub(r"\s+", " ", fold(name)).strip(" .,;:")
    for h in ("ông ", "bà ", "anh ", "chị ", "cụ "):
        if text.startswith(h):
            text = text[len(h) :]
    return text


def test_typed_text_keeps_a_rare_surname_as_written() -> None:
    # "Hạ" is one tone mark from the listed "Hà": on OCR text that is a slip to repair, on typed text a
    # surname the list lacks
    parties, _, _ = _parties(
        "1. Nguyên đơn: Ông Hạ Văn Tư, sinh năm 1960; địa chỉ: thôn Bến, xã Yên, huyện An Lạc.\n"
        "2. Bị đơn: Bà Mạc Thị Chín, sinh năm 1975; trú tại: thôn Bến, xã Yên, huyện An Lạc.\n"
        "Ông Hạ Văn Tư trình bày.\n"
    )
    assert [p.name for p in parties] == ["Hạ Văn Tư", "Mạc Thị Chín"]


def test_roles_inline_after_semicolons_and_an_organisation_after_va() -> None:
    """One paragraph of parties: "Nguyên đơn: Bà A, sinh năm ...; bị đơn: chị B ... và chị C ...; người có quyền lợi,
    nghĩa vụ liên quan: ông D, sinh năm 1994 và Công ty cổ phần E." (labels in lower case after a semicolon)."""
    parties, _, _ = _parties(
        "Nguyên đơn: Bà Đặng Thị D, sinh năm 1966; bị đơn: chị Kim Thị Nga, sinh năm 1952 và chị Hoàng Thu Xuân, "
        "sinh năm 1999; người có quyền lợi, nghĩa vụ liên quan: ông Vũ Văn T, sinh năm 1994 và Công ty cổ phần "
        "Thủy sản Phúc An.\n"
    )
    assert [(p.role, p.name) for p in parties] == [
        ("plaintiff", "Đặng Thị D"),
        ("defendant", "Kim Thị Nga"),
        ("defendant", "Hoàng Thu Xuân"),
        ("related_party", "Vũ Văn T"),
        ("related_party", "Công ty cổ phần Thủy sản Phúc An"),
    ]


def test_people_committee_whose_first_letter_was_lost() -> None:
    """Published copies drop the precomposed "Ủ": "y ban nhân dân huyện X" is still the committee, kept as printed."""
    parties, _, _ = _parties(
        "- Người khởi kiện: Ông Lê Văn Hòa.\n- Người bị kiện: y ban nhân dân huyện Tân Lập (vắng mặt)\n"
    )
    assert [(p.role, p.name) for p in parties] == [
        ("claimant", "Lê Văn Hòa"),
        ("respondent", "y ban nhân dân huyện Tân Lập"),
    ]
