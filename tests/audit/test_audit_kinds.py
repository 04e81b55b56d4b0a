"""Each discrepancy kind of the guideline, and the cases it says are not discrepancies."""

from __future__ import annotations

from docproc.audit import audit_decision

from .conftest import BANK, COMPANY, OWNER, make_decision, make_judgment


def _audit(decision, judgment=None):
    judgment = judgment or make_judgment()
    return audit_decision(decision, judgment, decision_name="d", judgment_name="j")


def _keys(audit):
    return sorted((d["kind"], d["obligation"]) for d in audit["discrepancies"])


def test_clean_on_request_decision_has_no_discrepancy() -> None:
    d = make_decision(
        "execute_on_request",
        [("pay_money", [COMPANY], [BANK], 1_200_000_000), ("pay_money", [COMPANY], [BANK], 300_000_000)],
    )
    audit = _audit(d)
    assert audit["schema"] == "docproc/enforcement-audit/1" and audit["judgment"] == "j"
    assert audit["discrepancies"] == []


def test_missing_obligation_only_within_scope() -> None:
    # on request for the bank against the company: O2 is left out; fees (ex officio), the bank's own
    # fee and the State's refund belong to other decisions
    d = make_decision("execute_on_request", [("pay_money", [COMPANY], [BANK], 1_200_000_000)])
    assert _keys(_audit(d)) == [("missing_obligation", "O2")]


def test_ex_officio_scope_is_the_obligors_fees() -> None:
    assert (
        _audit(make_decision("execute_ex_officio", [("court_fee", [COMPANY], ["STATE"], 45_000_000)]))[
            "discrepancies"
        ]
        == []
    )
    # a decision for the bank's fee does not miss the company's fee (another obligor)
    assert (
        _keys(_audit(make_decision("execute_ex_officio", [("court_fee", [BANK], ["STATE"], 2_000_000)])))
        == []
    )


def test_amount_mismatch_on_a_mistyped_amount() -> None:
    d = make_decision("execute_ex_officio", [("court_fee", [COMPANY], ["STATE"], 54_000_000)])
    audit = _audit(d)
    assert _keys(audit) == [("amount_mismatch", "O3")]
    assert "54.000.000" in audit["discrepancies"][0]["detail"]


def test_party_mismatch_when_an_owner_is_made_obligor_before_2026() -> None:
    d = make_decision("coercion", [("pay_money", [COMPANY, OWNER], [BANK], 1_200_000_000)], deadline=None)
    assert _keys(_audit(d)) == [("party_mismatch", "O1")]


def test_asset_owner_as_obligor_within_security_from_july_2026_is_not_a_discrepancy() -> None:
    d = make_decision(
        "coercion",
        [("pay_money", [COMPANY, OWNER], [BANK], 1_200_000_000)],
        deadline=None,
        day="2026-08-03",
        law="106/2025/QH15",
        decree="152/2026/NĐ-CP",
    )
    owner = next(p["id"] for p in d["parties"] if p["name"] == OWNER)
    d["assets"] = [{"id": "A1", "kind": "land_use_right", "owners": [owner], "plot_number": "125"}]
    d["obligations"][0]["secured_by"] = ["A1"]
    assert _audit(d)["discrepancies"] == []


def test_wrong_enforcement_type_in_an_ex_officio_decision() -> None:
    d = make_decision(
        "execute_ex_officio",
        [("pay_money", [COMPANY], [BANK], 300_000_000), ("court_fee", [COMPANY], ["STATE"], 45_000_000)],
    )
    assert _keys(_audit(d)) == [("wrong_enforcement_type", "O2")]


def test_wrong_law_for_date_both_ways() -> None:
    items = [("court_fee", [COMPANY], ["STATE"], 45_000_000)]
    early_new = make_decision("execute_ex_officio", items, day="2026-03-10", law="106/2025/QH15", decree=None)
    late_old = make_decision("execute_ex_officio", items, day="2026-08-01")
    late_new = make_decision(
        "execute_ex_officio", items, day="2026-08-01", law="106/2025/QH15", decree="152/2026/NĐ-CP"
    )
    assert _keys(_audit(early_new)) == [("wrong_law_for_date", None)]
    assert _keys(_audit(late_old)) == [("wrong_law_for_date", None)]  # law and decree: one entry
    assert _audit(late_new)["discrepancies"] == []


def test_wrong_judgment_reference_but_not_for_ocr_damage_or_court_spelling() -> None:
    items = [("court_fee", [COMPANY], ["STATE"], 45_000_000)]
    typo = make_decision(
        "execute_ex_officio",
        items,
        ref={"number": "15/2023/KDTM-ST", "date": "2024-03-15", "court": "Tòa án nhân dân tỉnh Nghệ An"},
    )
    ocr = make_decision(
        "execute_ex_officio",
        items,
        ref={"number": "l5/2O24/KDTM-S T", "date": "2024-03-15", "court": "TAND tỉnh Nghệ An"},
    )
    assert _keys(_audit(typo)) == [("wrong_judgment_reference", None)]
    assert _audit(ocr)["discrepancies"] == []


def test_first_instance_judgment_cited_beside_the_appeal_is_not_a_discrepancy() -> None:
    appeal = make_judgment(number="40/2024/KDTM-PT", day="2024-08-20")
    d = make_decision(
        "execute_ex_officio",
        [("court_fee", [COMPANY], ["STATE"], 45_000_000)],
        ref={"number": "40/2024/KDTM-PT", "date": "2024-08-20", "court": "Tòa án nhân dân tỉnh Nghệ An"},
        extra={
            "other_judgments": [
                {"number": "15/2024/KDTM-ST", "date": "2024-03-15", "court": "Tòa án nhân dân thành phố Vinh"}
            ]
        },
    )
    assert _audit(d, appeal)["discrepancies"] == []


def test_voluntary_period_other_than_ten_days_is_other() -> None:
    items = [("court_fee", [COMPANY], ["STATE"], 45_000_000)]
    assert _keys(_audit(make_decision("execute_ex_officio", items, deadline=15))) == [("other", None)]
    # a postponement states no voluntary period: nothing to check
    assert _audit(make_decision("postpone", items, deadline=None))["discrepancies"] == []


def test_administrative_non_property_orders_are_not_in_scope() -> None:
    j = make_judgment()
    j["case"]["type_code"] = "HC"
    j["obligations"].append(
        {
            "id": "O6",
            "kind": "perform_act",
            "obligors": ["P2"],
            "obligees": ["P1"],
            "amount_vnd": None,
            "enforcement": "on_request",
        }
    )
    d = make_decision(
        "execute_on_request",
        [("pay_money", [COMPANY], [BANK], 1_200_000_000), ("pay_money", [COMPANY], [BANK], 300_000_000)],
    )
    assert _audit(d, j)["discrepancies"] == []


def test_names_are_matched_folded_and_with_a_damaged_letter() -> None:
    d = make_decision(
        "execute_on_request",
        [
            ("pay_money", ["CÔNG TY CỔ PHẦN GẠCH MEN BÌNH MlNH"], ["Ngân hàng TMCP Sông Lam"], 1_200_000_000),
            ("pay_money", [COMPANY], [BANK], 300_000_000),
        ],
    )
    assert _audit(d)["discrepancies"] == []


def test_unlinked_decision_gets_only_the_findings_it_can_support() -> None:
    d = make_decision("execute_ex_officio", [("court_fee", [COMPANY], ["STATE"], 45_000_000)], deadline=15)
    audit = audit_decision(d, None, decision_name="d", judgment_name=None)
    assert audit["judgment"] is None and _keys(audit) == [("other", None)]


def test_anonymised_names_differing_in_the_initial_are_different_people() -> None:
    j = make_judgment(names=(BANK, "Nguyễn Văn A", "Nguyễn Văn B"))
    d = make_decision("coercion", [("pay_money", ["Nguyễn Văn B"], [BANK], 1_200_000_000)], deadline=None)
    assert _keys(_audit(d, j)) == [("party_mismatch", "O1")]


def test_an_item_whose_kind_was_misread_still_restates_its_obligation() -> None:
    d = make_decision(
        "execute_on_request",
        [("other", [COMPANY], [BANK], 1_200_000_000), ("pay_money", [COMPANY], [BANK], 300_000_000)],
    )
    assert _audit(d)["discrepancies"] == []


def test_enforcement_type_follows_the_law_on_the_decisions_date() -> None:
    # compensation to a State-owned enterprise that the judgment extraction marks ex officio (today's
    # law): in scope of an ex officio decision of 2026-08, not of one of 2020 (the 2008 law's table)
    j = make_judgment()
    j["obligations"][1]["enforcement"] = "ex_officio"
    fee = [("court_fee", [COMPANY], ["STATE"], 45_000_000)]
    old = make_decision("execute_ex_officio", fee, day="2020-12-21")
    new = make_decision(
        "execute_ex_officio", fee, day="2026-08-03", law="106/2025/QH15", decree="152/2026/NĐ-CP"
    )
    assert _audit(old, j)["discrepancies"] == []
    assert _keys(_audit(new, j)) == [("missing_obligation", "O2")]
