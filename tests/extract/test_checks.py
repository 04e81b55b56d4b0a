"""Consistency warnings: each check fires on a defect it names and stays silent otherwise."""

from __future__ import annotations

import datetime as dt

from docproc.document import Document
from docproc.extract import fees
from docproc.extract.checks import check as check_notices
from docproc.notices import texts
from docproc.schema import Asset, Case, DocumentInfo, Extraction, Obligation, Party

PARTIES = [
    Party(id="P1", role="plaintiff", kind="organization", name="Ngân hàng Thương mại cổ phần Phú Xuân"),
    Party(id="P2", role="defendant", kind="person", name="Nguyễn Văn An"),
]
DOC = Document.from_text("Bản án về tranh chấp hợp đồng tín dụng.", source="t.txt")


def check(extraction: Extraction, document: Document) -> list[str]:
    """The checks' notices as the contract's English warnings read."""
    return texts(check_notices(extraction, document))


def ex(obligations, assets=(), case=None) -> Extraction:
    return Extraction(
        document=DocumentInfo(source="t.txt", pages=0),
        case=case
        or Case(date="2021-09-22", type_code="KDTM", instance="ST", subject="Tranh chấp hợp đồng tín dụng"),
        parties=PARTIES,
        obligations=list(obligations),
        assets=list(assets),
    )


def pay(amount, **kw) -> Obligation:
    return Obligation(
        id=kw.pop("id", "O1"), kind="pay_money", obligors=["P2"], obligees=["P1"], amount_vnd=amount, **kw
    )


def fee(amount, **kw) -> Obligation:
    return Obligation(
        id=kw.pop("id", "O2"), kind="court_fee", obligors=["P2"], obligees=["STATE"], amount_vnd=amount, **kw
    )


def test_clean_extraction_has_no_warnings():
    # 3.561.623.255 đ under KDTM: 72.000.000 + 2% × 1.561.623.255 = 103.232.465 đ
    assert check(ex([pay(3_561_623_255), fee(103_232_465)]), DOC) == []


def test_digits_and_words_disagree():
    w = check(ex([pay(1_250_000_000, amount_words="Một tỷ hai trăm lăm mươi nghìn đồng")]), DOC)
    assert len(w) == 1 and w[0].startswith("/obligations/0:") and "disagree" in w[0]


def test_components_do_not_add_up():
    w = check(ex([pay(1_000_000, components={"principal": 800_000, "interest_overdue": 100_000})]), DOC)
    assert any("/obligations/0" in x and "add up" in x for x in w)


def test_components_may_include_what_was_already_paid():
    ob = pay(700_000, components={"principal": 800_000, "interest_overdue": 100_000}, already_paid=200_000)
    assert not any("add up" in x for x in check(ex([ob]), DOC))


def test_obligor_not_a_party_and_missing_obligee():
    bad = Obligation(id="O1", kind="pay_money", obligors=["P9"], obligees=[], amount_vnd=5_000_000)
    w = check(ex([bad]), DOC)
    assert "/obligations/0/obligors/0: P9 is not one of the parties" in w
    assert any("no obligee" in x for x in w)


def test_fee_schedule_mismatch_is_flagged_with_pointer_and_no_names():
    w = check(ex([pay(3_561_623_255), fee(90_000_000)]), DOC)
    assert len(w) == 1 and w[0].startswith("/obligations/1:") and "326/2016/UBTVQH14" in w[0]
    assert "Nguyễn" not in w[0] and "Ngân hàng" not in w[0]


def test_fee_halved_for_settlement_is_accepted():
    # 480.000.000 đ civil: 20.000.000 + 4% × 80.000.000 = 23.200.000 đ; halved 11.600.000 đ
    case = Case(date="2022-10-20", type_code="DS", instance="ST", subject="Tranh chấp hợp đồng vay tài sản")
    assert check(ex([pay(480_000_000), fee(11_600_000)], case=case), DOC) == []


def test_fee_not_checked_before_the_schedule_we_hold_or_outside_money_claims():
    old = Case(date="2016-06-01", type_code="KDTM", instance="ST", subject="Tranh chấp hợp đồng tín dụng")
    assert check(ex([pay(3_561_623_255), fee(1)], case=old), DOC) == []
    divorce = Case(date="2021-01-01", type_code="HNGD", instance="ST", subject="Ly hôn")
    assert check(ex([pay(3_561_623_255), fee(1)], case=divorce), DOC) == []
    counter = Document.from_text("Không chấp nhận yêu cầu phản tố của bị đơn.", source="t.txt")
    assert check(ex([pay(3_561_623_255), fee(1)]), counter) == []


def test_secured_asset_without_a_link():
    land = Asset(
        id="A1", kind="land_use_right", owners=["P2"], plot_number="9", security_contract="01/2020/HĐTC"
    )
    w = check(ex([pay(100_000_000)], assets=[land]), DOC)
    assert "/assets/0: secured by a contract but linked to no obligation" in w
    linked = pay(100_000_000, secured_by=["A1"])
    assert not any("/assets/0" in x for x in check(ex([linked], assets=[land]), DOC))


def test_allocated_asset_outside_a_security_context_is_not_flagged():
    car = Asset(id="A1", kind="vehicle", owners=["P2"], plate="29A-123.45")
    assert check(ex([pay(100_000_000)], assets=[car]), DOC) == []


def test_schedule_tiers():
    s = fees.schedule_for(dt.date(2020, 1, 1))
    assert s is not None and fees.schedule_for("2016-12-31") is None
    assert fees.valued_fee(5_000_000, "civil", s) == 300_000
    assert fees.valued_fee(50_000_000, "kdtm", s) == 3_000_000
    assert fees.valued_fee(300_000_000, "civil", s) == 15_000_000
    assert fees.valued_fee(1_250_000_000, "civil", s) == 49_500_000
    assert fees.valued_fee(6_037_817_250, "kdtm", s) == 114_037_817


def test_checks_are_notices_with_pointer_and_amounts_only():
    got = check_notices(ex([pay(1_250_000_000, amount_words="Một tỷ hai trăm lăm mươi nghìn đồng")]), DOC)
    assert [(n.code, n.pointer) for n in got] == [("amount.words_digits_differ", "/obligations/0")]
    assert got[0].params == {"digits": 1_250_000_000, "words": 1_000_250_000}
    fee_notice = check_notices(ex([pay(3_561_623_255), fee(90_000_000)]), DOC)[0]
    assert fee_notice.code == "fee.off_schedule"
    assert fee_notice.params == {
        "fee": 90_000_000,
        "resolution": "326/2016/UBTVQH14",
        "value": 3_561_623_255,
        "expected": 103_232_465,
    }
