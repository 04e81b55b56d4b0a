"""Linking decisions to judgments (tolerant of damage, never by file name) and to prior decisions."""

from __future__ import annotations

from docproc.audit import build_cases, link_judgments, link_priors
from docproc.audit.cases import audit_archive

from .conftest import BANK, COMPANY, OTHER, make_decision, make_judgment

ITEMS = [("pay_money", [COMPANY], [BANK], 1_200_000_000)]


def _archive() -> dict:
    return {
        # file names say nothing: the decision's judgment is "x9"
        "x9": make_judgment(),
        "a1": make_judgment(
            number="15/2024/KDTM-ST",
            court="Tòa án nhân dân tỉnh Hà Tĩnh",
            day="2024-05-02",
            names=("Ngân hàng Thương mại cổ phần Bắc Á", "Công ty TNHH Vận tải Hồng Lĩnh", OTHER),
        ),
        "a2": make_judgment(
            number="16/2024/KDTM-ST",
            court="Tòa án nhân dân tỉnh Nghệ An",
            day="2024-03-18",
            names=("Ngân hàng Thương mại cổ phần Nam Việt", "Công ty cổ phần Thép Hưng Nguyên", OTHER),
        ),
    }


def _link(ref: dict) -> tuple:
    links = link_judgments({"d": make_decision("execute_on_request", ITEMS, ref=ref)}, _archive())
    return links["d"]


def test_exact_reference_links_with_score_and_reason() -> None:
    link = _link({"number": "15/2024/KDTM-ST", "date": "2024-03-15", "court": "Tòa án nhân dân tỉnh Nghệ An"})
    assert link.target == "x9" and link.score > 0.9
    assert "number 1.00" in link.reason and COMPANY not in link.reason  # no names in reasons


def test_damaged_number_and_court_variants_still_link() -> None:
    for ref in (
        {"number": "l5/2O24/KDTM-S T", "date": "2024-03-15", "court": "TAND tỉnh Nghệ An"},
        {"number": "15/2024/KDTM-ST", "date": "2024-03-15", "court": "Toà án nhân dân tỉnh Nghệ An"},
        {
            "number": "15/2023/KDTM-ST",
            "date": "2024-03-15",
            "court": "Tòa án nhân dân tỉnh Nghệ An",
        },  # typed year
        {"number": "15/2024/KDTM-ST", "date": "2024-03-51", "court": None},  # damaged date, no court
        {"number": None, "date": None, "court": None},  # reference unread: parties and sums decide
    ):
        assert _link(ref).target == "x9", ref


def test_same_number_of_another_court_is_not_taken() -> None:
    link = _link({"number": "15/2024/KDTM-ST", "date": "2024-03-15", "court": "Tòa án nhân dân tỉnh Nghệ An"})
    assert link.target == "x9"


def test_no_link_when_the_judgment_is_not_in_the_archive() -> None:
    archive = _archive()
    del archive["x9"]
    d = make_decision(
        "execute_on_request",
        ITEMS,
        ref={"number": "15/2024/KDTM-ST", "date": "2024-03-15", "court": "Tòa án nhân dân tỉnh Nghệ An"},
    )
    link = link_judgments({"d": d}, archive)["d"]
    assert link.target is None and "no judgment close enough" in link.reason


def test_prior_decision_chain() -> None:
    first = make_decision("execute_on_request", ITEMS, day="2024-06-10")
    coerce = make_decision(
        "coercion",
        ITEMS,
        day="2024-09-02",
        deadline=None,
        extra={
            "number": "07/QĐ-THADS",
            "prior_decision": {
                "number": "101 /QĐ-THADS",
                "date": "2024-06-10",
                "agency": "Thi hành án dân sự tỉnh Nghệ An",
            },
        },
    )
    unrelated = make_decision("execute_on_request", ITEMS, day="2024-07-01", extra={"number": "230/QĐ-THADS"})
    priors = link_priors({"first": first, "coerce": coerce, "other": unrelated})
    assert priors["coerce"].target == "first"
    assert "first" not in priors  # names no prior decision


def test_archive_audits_and_cases() -> None:
    docs = _archive()
    docs["d1"] = make_decision("execute_on_request", ITEMS, day="2024-06-10")
    docs["d2"] = make_decision(
        "coercion", ITEMS, day="2024-09-02", deadline=None, extra={"number": "07/QĐ-THADS"}
    )
    docs["d3"] = make_decision(
        "execute_ex_officio",
        [("court_fee", [OTHER], ["STATE"], 1_000_000)],
        ref={"number": "99/2019/DS-ST", "date": "2019-01-02", "court": "Tòa án nhân dân huyện Yên Thành"},
    )
    audits, links, _ = audit_archive(docs)
    assert links["d1"].target == "x9" and links["d3"].target is None
    assert [(f["kind"], f["obligation"]) for f in audits["d1"]["discrepancies"]] == [
        ("missing_obligation", "O2")
    ]
    rows, stats = build_cases(docs, audits)
    by_id = {r["case_id"]: r for r in rows}
    x9 = by_id["case:x9"]
    assert x9["n_decisions"] == 2 and x9["decision_types"] == "execute_on_request; coercion"
    assert x9["status"] == "coercion" and x9["amount_covered_vnd"] == 1_200_000_000
    assert x9["amount_ordered_vnd"] == 1_200_000_000 + 300_000_000 + 45_000_000 + 2_000_000 + 20_000_000
    assert by_id["case:a1"]["status"] == "no_decision"
    missing = [r for r in rows if r["status"] == "judgment_missing"]
    assert len(missing) == 1 and missing[0]["judgment_number"] == "99/2019/DS-ST"
    assert stats["cases"] == 4 and stats["by_status"]["no_decision"]["cases"] == 2
    assert stats["by_decision_type"]["coercion"]["decisions"] == 1


def test_the_deciding_judgment_wins_over_the_first_instance_cited_beside_it() -> None:
    first = make_judgment()
    appeal = make_judgment(number="40/2024/KDTM-PT", day="2024-08-20")
    d = make_decision(
        "execute_on_request",
        ITEMS,
        ref={"number": "40/2024/KDTM-PT", "date": "2024-08-20", "court": "Tòa án nhân dân tỉnh Nghệ An"},
        extra={
            "other_judgments": [
                {"number": "15/2024/KDTM-ST", "date": "2024-03-15", "court": "Tòa án nhân dân tỉnh Nghệ An"}
            ]
        },
    )
    assert link_judgments({"d": d}, {"st": first, "pt": appeal})["d"].target == "pt"
    # with only the first-instance judgment in the archive, it is still found through the second reference
    assert link_judgments({"d": d}, {"st": first})["d"].target == "st"


def test_a_decision_without_a_readable_reference_joins_its_prior_decisions_case() -> None:
    docs = _archive()
    docs["d1"] = make_decision("execute_on_request", ITEMS, day="2024-06-10")
    docs["d2"] = make_decision(
        "coercion",
        [("pay_money", [COMPANY], [BANK], 999)],
        day="2024-09-02",
        deadline=None,
        ref={"number": None, "date": None, "court": None},
        extra={"number": "07/QĐ-THADS", "prior_decision": {"number": "101/QĐ-THADS", "date": "2024-06-10"}},
    )
    docs["d2"]["parties"] = []
    docs["d2"]["obligations"][0].update(obligors=[], obligees=[])
    audits, links, _ = audit_archive(docs)
    assert links["d2"].target is None and audits["d2"]["prior_decision"]["decision"] == "d1"
    rows, _ = build_cases(docs, audits)
    assert {r["case_id"]: r["n_decisions"] for r in rows}["case:x9"] == 2
