"""Names read with OCR damage: a bounded distance between readings, mentions resolved by closeness
with a margin between parties, a damaged party line repaired from the document's other readings, a
name cut by a line break, damaged list markers and organisation heads. Invented names and text."""

from __future__ import annotations

from docproc.document import Document
from docproc.extract._consensus import complete_cut_name, extend_cut_name, repair_name
from docproc.extract._fuzzy_names import (
    MARK_COST,
    NameIndex,
    best_with_margin,
    damaged,
    distance,
    max_distance,
)
from docproc.extract.evidence import EvidenceBuilder
from docproc.extract.mentions import FUZZY_MENTION_CONFIDENCE, PartyResolver
from docproc.extract.parties import extract_parties
from docproc.extract.sections import segment
from docproc.schema import Party


# -- the distance ---------------------------------------------------------------------------------
def test_spacing_punctuation_and_case_are_free():
    assert distance("Công ty Vật tư Thiết'bị Hoa Sen", "công ty vật tư thiết bị hoa sen") == 0


def test_marks_cost_less_than_letters():
    assert distance("Trần Thị Hãng", "Trần Thị Hằng") == MARK_COST
    assert distance("Trần Thị Hang", "Trần Thị Hàng") == MARK_COST
    assert distance("Phah Văn Lộc", "Phan Văn Lộc") == 1


def test_the_bound_grows_with_the_name():
    assert max_distance("Lê Na") < 1  # a short name: a slip in its marks only
    assert max_distance("Đoàn Văn Tiến") == 1
    assert max_distance("Công ty cổ phần Vật tư Nông nghiệp Hoa Sen") > 2


def test_damage_signs():
    assert damaged("Phah Văn Lộc")  # no Vietnamese syllable ends in h
    assert damaged("Công ty Vật tư Thiết'bị Hoa Sen")
    assert damaged("Bà Trần Thị H?ng")
    assert not damaged("Công ty TNHH Vật tư Hoa Sen")  # a legal form in capitals
    assert not damaged("Nguyễn Văn A")  # an anonymised initial
    assert not damaged("Nguyễn Văn Anh")


def test_margin_keeps_two_close_names_apart():
    names = [("P1", "Đoàn Văn Tiến"), ("P2", "Đoàn Văn Tiền")]
    assert best_with_margin("Đoàn Văn Tiên", names) is None  # as close to both
    assert best_with_margin("Đoàn Văn Tiến", names) == ("P1", 0)
    one = [("P1", "Đoàn Văn Tiến"), ("P2", "Lò Thị Mai")]
    assert best_with_margin("Đoàn Vãn Tiến", one)[0] == "P1"


def test_index_finds_a_name_split_by_a_line_break_and_a_hyphen():
    text = "Buộc ông Đoàn Văn Ti-\nến trả tiền."
    ws = NameIndex(text).windows("Đoàn Văn Tiến")
    assert ws and text[ws[0].start : ws[0].end] == "Đoàn Văn Ti-\nến"


# -- mentions resolved by closeness ---------------------------------------------------------------
_CO = "Công ty cổ phần Vật tư Nông nghiệp Hoa Sen"


def test_a_damaged_mention_resolves_with_lower_confidence():
    parties = [
        Party(id="P1", role="plaintiff", kind="organization", name="Ngân hàng Thương mại cổ phần Sông Lam"),
        Party(id="P2", role="defendant", kind="organization", name=_CO),
    ]
    text = "Buộc Công ty cổ phần Vật tư Nông nghiệp H0a Sen phải trả cho Ngân hàng số tiền 5.000.000 đồng."
    r = PartyResolver(parties, text)
    found = r.find_mentions()
    pids = [p for _s, _e, p in found]
    assert pids == ["P2", "P1"]
    s, e, _p = found[0]
    assert text[s:e] == "Công ty cổ phần Vật tư Nông nghiệp H0a Sen"
    assert r.confidence(s, e) == FUZZY_MENTION_CONFIDENCE
    assert r.confidence(found[1][0], found[1][1]) == 1.0


def test_a_damaged_party_line_still_finds_its_obligor():
    damaged_name = "Công ty cổ phần Vật tư Nông nghiệp Hoa'Sen"
    parties = [Party(id="P1", role="defendant", kind="organization", name=damaged_name)]
    text = f"Buộc {_CO} phải trả 5.000.000 đồng."
    assert [p for _s, _e, p in PartyResolver(parties, text).find_mentions()] == ["P1"]
    assert PartyResolver(parties, text).resolve(_CO) == "P1"


def test_two_siblings_are_never_confused():
    parties = [
        Party(id="P1", role="defendant", kind="person", name="Đoàn Văn Tiến"),
        Party(id="P2", role="related_party", kind="person", name="Đoàn Văn Tiền"),
    ]
    text = "Buộc ông Đoàn Văn Tiên trả cho bà Lò Thị Mai số tiền."
    assert PartyResolver(parties, text).find_mentions() == []
    assert PartyResolver(parties, text).resolve("Đoàn Văn Tiên") is None


def test_another_well_formed_name_is_another_person():
    parties = [Party(id="P1", role="defendant", kind="person", name="Đoàn Văn Tiến")]
    text = "Buộc ông Đoàn Văn Thiện trả tiền cho bà Lò Thị Mai."
    assert PartyResolver(parties, text).find_mentions() == []


# -- a damaged party line repaired from the document ----------------------------------------------
_BODY = (
    "Ông Phan Văn Lộc trình bày. Ông Phan Văn Lộc đồng ý trả nợ.\n"
    "Buộc ông Phan Văn Lộc trả cho bà Lò Thị Mai số tiền 10.000.000 đồng.\n"
)


def test_repair_takes_the_reading_the_document_repeats():
    text = "Bị đơn: Ông Phah Văn Lộc, sinh năm 1970.\n" + _BODY
    assert repair_name("Phah Văn Lộc", text, NameIndex(text)) == "Phan Văn Lộc"


def test_repair_never_invents_and_needs_two_readings():
    text = "Bị đơn: Ông Phah Văn Lộc, sinh năm 1970.\nÔng Phan Văn Lộc trình bày.\n"
    assert repair_name("Phah Văn Lộc", text, NameIndex(text)) is None


def test_repair_leaves_a_well_formed_name_alone():
    # a party and a relative with one letter between their names are two people
    text = "Bị đơn: Ông Phan Văn Lộc.\n" + _BODY.replace("Phan Văn Lộc", "Phan Văn Lực")
    assert repair_name("Phan Văn Lộc", text, NameIndex(text)) is None


def test_repair_does_not_take_another_partys_name():
    text = "Bị đơn: Ông Phah Văn Lộc.\n" + _BODY
    assert repair_name("Phah Văn Lộc", text, NameIndex(text), avoid=["Phan Văn Lộc"]) is None


def test_repair_joins_a_word_split_by_punctuation():
    text = f"Bị đơn: Công ty cổ phần Vật tư Nông nghiệp Hoa'Sen.\nBuộc {_CO} trả nợ. {_CO} phải chịu án phí."
    fixed = repair_name("Công ty cổ phần Vật tư Nông nghiệp Hoa'Sen", text, NameIndex(text))
    assert fixed == _CO


def test_a_name_cut_by_a_line_break_takes_its_next_line():
    text = (
        "Bị hại: Công ty TNHH Vật tư Nông nghiệp\nHoa Sen; trụ sở: xã Đông.\n"
        "Buộc ông A bồi thường cho Công ty TNHH Vật tư Nông nghiệp Hoa Sen số tiền."
    )
    end = text.index("nghiệp\n") + len("nghiệp")
    ext = extend_cut_name("Công ty TNHH Vật tư Nông nghiệp", end, text, NameIndex(text))
    assert ext is not None and ext[0] == "Công ty TNHH Vật tư Nông nghiệp Hoa Sen"
    assert text[ext[1] - 3 : ext[1]] == "Sen"
    # nothing written elsewhere: the name stays as read
    alone = text.split("Buộc")[0]
    assert extend_cut_name("Công ty TNHH Vật tư Nông nghiệp", end, alone, NameIndex(alone)) is None


def test_a_person_is_not_extended_by_the_next_lines_label():
    text = "Bị đơn: Ông Đoàn Văn Tiến\nsinh năm 1970.\nÔng Đoàn Văn Tiến sinh năm 1970 trình bày."
    end = text.index("Tiến") + len("Tiến")
    assert extend_cut_name("Đoàn Văn Tiến", end, text, NameIndex(text), person=True) is None


def test_a_name_that_lost_its_last_word_takes_the_one_the_document_writes():
    text = (
        "Nguyên đơn: Ngân hàng Thương mại cổ phần Sông Lam Miền\nTrụ sở: phố Đông.\n"
        "Ngân hàng Thương mại cổ phần Sông Lam Miền Bắc trình bày. Buộc ông A trả cho Ngân hàng Thương mại"
        " cổ phần Sông Lam Miền Bắc số tiền."
    )
    name = "Ngân hàng Thương mại cổ phần Sông Lam Miền"
    assert complete_cut_name(name, text, NameIndex(text)) == name + " Bắc"
    assert complete_cut_name(name + " Bắc", text, NameIndex(text)) is None
    # the longer name is another party's: two parties, not one cut
    assert complete_cut_name(name, text, NameIndex(text), avoid=[name + " Bắc"]) is None


def test_a_cut_name_with_two_continuations_stays():
    text = (
        "Bị đơn: Ông Huỳnh Văn\nÔng Huỳnh Văn Tám trình bày. Ông Huỳnh Văn Tám và ông Huỳnh Văn Bảy đồng ý."
    )
    assert complete_cut_name("Huỳnh Văn", text, NameIndex(text)) is None


# -- the parties list: damaged markers and heads --------------------------------------------------
def _parties(text: str) -> list[Party]:
    doc = Document.from_text(text, source="t.txt")
    return extract_parties(doc, segment(doc.text), EvidenceBuilder(doc))


def test_damaged_list_markers_keep_the_entry_and_its_role():
    text = (
        "TÒA ÁN NHÂN DÂN HUYỆN ĐÔNG\nBẢN ÁN SỐ: 01/2026/DS-ST\nNgày 02/01/2026\n"
        "giữa các đương sự:\n"
        "1. Nguyên đơn: Bà Lò Thị Mai, sinh năm 1980; trú tại: xã Đông.\n"
        "' 2: Bị đơn: Ông Đoàn Văn Tiến, sinh năm 1975; trú tại: xã Đông.\n"
        "3. Người có quyền lợi. nghĩa vụ liên quan:\n"
        "° TỊIP Ông Đoàn Văn Sáu, sinh năm 1950; trú tại: xã Đông.\n"
        "3:2. Bà Vi Thị Tám, sinh năm 1952; trú tại: xã Đông.\n"
        "NỘI DUNG VỤ ÁN:\nXét thấy.\n"
    )
    got = [(p.role, p.name) for p in _parties(text)]
    assert got == [
        ("plaintiff", "Lò Thị Mai"),
        ("defendant", "Đoàn Văn Tiến"),
        ("related_party", "Đoàn Văn Sáu"),
        ("related_party", "Vi Thị Tám"),
    ]


def test_a_role_label_with_a_dot_for_its_colon():
    text = (
        "TÒA ÁN NHÂN DÂN HUYỆN ĐÔNG\nBẢN ÁN SỐ: 01/2026/KDTM-ST\nNgày 02/01/2026\n"
        "giữa các đương sự:\n"
        "1N], Nguyên đơn. Ngân hàng Thương mại cổ phần Sông Lam; trụ sở: xã Đông.\n"
        "2. Bị đơn: Bà Lò Thị Mai, sinh năm 1980; trú tại: xã Đông.\n"
        "NỘI DUNG VỤ ÁN:\nXét thấy.\n"
    )
    got = [(p.role, p.name) for p in _parties(text)]
    assert got == [("plaintiff", "Ngân hàng Thương mại cổ phần Sông Lam"), ("defendant", "Lò Thị Mai")]


def test_a_damaged_company_head_is_still_an_organisation():
    text = (
        "TÒA ÁN NHÂN DÂN HUYỆN ĐÔNG\nBẢN ÁN SỐ: 01/2026/KDTM-ST\nNgày 02/01/2026\n"
        "giữa các đương sự:\n"
        "1. Nguyên đơn: Bà Lò Thị Mai, sinh năm 1980; trú tại: xã Đông.\n"
        "2. Bị đơn: Công E cổ phần Vật tư Hoa Sen; trụ sở: xã Đông.\n"
        "NỘI DUNG VỤ ÁN:\nXét thấy.\n"
    )
    p = _parties(text)[1]
    assert (p.role, p.kind) == ("defendant", "organization")
    assert p.name.startswith("Công E cổ phần")  # typed text is taken as written; OCR text is repaired


def test_a_damaged_short_name_the_judgment_introduced():
    parties = [
        Party(id="P1", role="plaintiff", kind="organization", name="Ngân hàng Thương mại cổ phần Sông Lam"),
        Party(id="P2", role="defendant", kind="person", name="Lò Thị Mai"),
    ]
    text = (
        "Ngân hàng Thương mại cổ phần Sông Lam (sau đây viết tắt là SLBank) khởi kiện.\n"
        "Buộc bà Lò Thị Mai phải trả cho SLBBank số tiền 5.000.000 đồng."
    )
    r = PartyResolver(parties, text)
    cut = text.index("Buộc")
    assert [p for _s, _e, p in r.find_mentions(cut)] == ["P2", "P1"]


def test_a_name_with_punctuation_read_inside_it():
    parties = [Party(id="P1", role="defendant", kind="person", name="Dương Thanh Dung")]
    text = "Buộc bà Dương Than:: Dung trả cho ông A số tiền."
    assert [p for _s, _e, p in PartyResolver(parties, text).find_mentions()] == ["P1"]


def test_a_repaired_party_line_is_completed_where_its_noise_was():
    text = (
        "1. Nguyên đơn: Ngân hàng Thương mại cổ phần I uyên Sông Lam Miền Tu \\ø.\nTrụ sở: phố Đông.\n"
        "2. Bị đơn: Bà Lò Thị Mai, sinh năm 1980; trú tại: xã Đông.\nNỘI DUNG VỤ ÁN:\n"
        + "Ngân hàng Thương mại cổ phần Duyên Sông Lam Miền Trung trình bày.\n"
        * 3
    )
    idx = NameIndex(text)
    damaged_name = "Ngân hàng Thương mại cổ phần I uyên Sông Lam Miền Tu \\ø"
    fixed = repair_name(damaged_name, text, idx)
    assert fixed is not None and fixed.startswith("Ngân hàng Thương mại cổ phần Duyên Sông Lam Miền")
    assert (complete_cut_name(fixed, text, idx) or fixed).endswith("Miền Trung")


def test_an_organisation_cut_inside_goes_on_through_lower_case_words():
    full = "Công ty TNHH Một thành viên Vật tư và Môi trường Hoa Sen"
    text = f"Bị hại: Công ty TNHH Một thành viên Vật tI oá: nước.\n{full} trình bày.\nBồi thường cho {full} số tiền."
    text += f"\n{full} có đơn."
    cut = "Công ty TNHH Một thành viên Vật"
    assert complete_cut_name(cut, text, NameIndex(text), organisation=True) == full
    assert complete_cut_name(cut, text, NameIndex(text)) is None  # a person's name goes on in capitals only


def test_a_list_whose_heading_ran_into_its_last_line_is_still_found():
    text = (
        "TÒA ÁN NHÂN DÂN HUYỆN ĐÔNG\nBẢN ÁN SỐ: 01/2026/DS-ST\nNgày 02/01/2026\n"
        "Xét xử công khai vụ án thụ lý số 3/2025 giữa các đương sự:\n"
        "1. Nguyên đơn: Bà Lò Thị Mai, sinh năm 1980; trú tại: xã Đông.\n"
        "2. Bị đơn: Ông Đoàn Văn Tiến, sinh năm 1975; trú tại: xã Đông. NỘI DUNG VỤ ÁN:\n"
        "Bà Mai trình bày: ông Tiến vay tiền.\nNguyên đơn: yêu cầu trả nợ.\n"
        "QUYẾT ĐỊNH:\nBuộc ông Đoàn Văn Tiến trả cho bà Lò Thị Mai 5.000.000 đồng.\n"
    )
    got = [(p.role, p.name) for p in _parties(text)]
    assert got == [("plaintiff", "Lò Thị Mai"), ("defendant", "Đoàn Văn Tiến")]


def test_accused_introduced_with_damage_before_the_sections_start():
    text = (
        "TÒA ÁN NHÂN DÂN TỈNH ĐÔNG\nBẢN ÁN SỐ: 01/2026/HS-ST\nNgày 02/01/2026\n"
        "xét xử sơ thẩm vụ án hình sự đối với cíc bị cáu:\n"
        "1. Đoàn Văn Tiến, sinh năm 1975 tại tỉnh Đông; nơi cư trú: xã Đông; nghề nghiệp: làm ruộng.\n"
        "2. Lò Văn Sáu, sinh năm 1980 tại tỉnh Đông; nơi cư trú: xã Đông; nghề nghiệp: làm ruộng.\n"
        "NỘI DUNG VỤ ÁN:\nXét thấy.\n"
    )
    got = [(p.role, p.name) for p in _parties(text)]
    assert got == [("accused", "Đoàn Văn Tiến"), ("accused", "Lò Văn Sáu")]


def test_an_organisation_word_takes_the_marks_the_document_gives_it():
    from docproc.extract._consensus import vote_org_words

    text = "Chỉ cục Thú y tỉnh Đông trình bày. " + "Chi cục Thú y tỉnh Đông đồng ý. " * 3
    assert vote_org_words("Chỉ cục Thú y tỉnh Đông", text) == "Chi cục Thú y tỉnh Đông"
    # a person's name is never voted word by word: "Văn Hùng" and "Văn Hưng" are two people
    assert vote_org_words("Chi cục Thú y tỉnh Đông", text) == "Chi cục Thú y tỉnh Đông"


def test_a_line_wrapped_at_a_hyphen_is_not_an_entry():
    text = (
        "TÒA ÁN NHÂN DÂN TỈNH ĐÔNG\nBẢN ÁN SỐ: 01/2026/HS-ST\nNgày 02/01/2026\n"
        "xét xử sơ thẩm vụ án hình sự đối với các bị cáo:\n"
        "1. Đoàn Văn Tiến, sinh năm 1975 tại tỉnh Bà Rịa\n"
        "- Vũng Tàu; nơi cư trú: xã Đông; con ông Đoàn Văn Bốn; có 01 con sinh năm 2008.\n"
        "2. Lò Văn Sáu, sinh năm 1980 tại tỉnh Đông; nơi cư trú: xã Đông.\n"
        "NỘI DUNG VỤ ÁN:\nXét thấy.\n"
    )
    got = [(p.role, p.name) for p in _parties(text)]
    assert got == [("accused", "Đoàn Văn Tiến"), ("accused", "Lò Văn Sáu")]


def test_a_list_read_past_its_end_names_each_party_once():
    text = (
        "TÒA ÁN NHÂN DÂN HUYỆN ĐÔNG\nSố: 5/2026/QĐST-DS\nQUYẾT ĐỊNH\nCÔNG NHẬN SỰ THỎA THUẬN CỦA CÁC ĐƯƠNG SỰ\n"
        "Các thỏa thuận là tự nguyện. QUYẾT ĐỊNH:\n1. Công nhận sự thỏa thuận của các đương sự:\n"
        "- Nguyên đơn: Bà Lò Thị Mai, sinh năm 1980; địa chỉ: xã Đông.\n"
        "- Bị đơn: Ông Đoàn Văn Tiến, sinh năm 1975; địa chỉ: xã Đông.\n"
        "2. Sự thỏa thuận cụ thể như sau:\n"
        "a) Ông Đoàn Văn Tiến đồng ý trả cho bà Lò Thị Mai 5.000.000 đồng.\n"
    )
    names = [p.name for p in _parties(text)]
    assert names.count("Đoàn Văn Tiến") == 1 and names.count("Lò Thị Mai") == 1


def test_a_glyph_misread_all_through_does_not_outvote_the_language():
    from docproc.extract._consensus import vote_org_words

    # OCR read "Chi" as "Chỉ" in most lines; the language pairs "chi cục", never "chỉ cục"
    text = "Chi cục Thú y tỉnh Đông trình bày. " + "Chỉ cục Thú y tỉnh Đông đồng ý. " * 5
    assert vote_org_words("Chi cục Thú y tỉnh Đông", text) == "Chi cục Thú y tỉnh Đông"
    assert vote_org_words("Chỉ cục Thú y tỉnh Đông", text) == "Chi cục Thú y tỉnh Đông"


def test_a_payer_matched_through_damage_carries_the_lower_confidence():
    """The obligor read through OCR damage has the resolver's factor on its evidence; the obligee
    written as its name keeps the rule's confidence."""
    from docproc.extract.operative import extract_operative

    parties = [
        Party(id="P1", role="plaintiff", kind="organization", name="Ngân hàng Thương mại cổ phần Sông Lam"),
        Party(id="P2", role="defendant", kind="organization", name=_CO),
    ]
    op = "Buộc Công ty cổ phần Vật tư Nông nghiệp H0a Sen phải trả cho Ngân hàng Thương mại cổ phần Sông Lam số tiền 5.000.000 đồng."
    text = "NỘI DUNG VỤ ÁN:\nTranh chấp.\nNHẬN ĐỊNH CỦA TÒA ÁN:\nXét thấy.\nQUYẾT ĐỊNH:\n" + op + "\n"
    doc = Document.from_text(text, source="t.txt")
    ev = EvidenceBuilder(doc)
    obs, _ = extract_operative(doc, segment(doc.text), parties, PartyResolver(parties, doc.text), ev)
    pay = next(o for i, o in enumerate(obs) if o.kind == "pay_money")
    i = obs.index(pay)
    assert pay.obligors == ["P2"] and pay.obligees == ["P1"]
    damaged_conf = ev.records[f"/obligations/{i}/obligors/0"].confidence
    clean_conf = ev.records[f"/obligations/{i}/obligees/0"].confidence
    assert damaged_conf == round(clean_conf * FUZZY_MENTION_CONFIDENCE, 3)
