"""The law as data: versions by date, the ex officio table case by case, deadlines across 2026-07-01."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from docproc.decisions import (
    DraftOptions,
    RulesError,
    classify,
    draft_ex_officio,
    draft_on_request,
    enforcement_of,
    law_by_id,
    law_for,
)
from docproc.decisions._rules import add_working_days, add_years, compute_deadline, load_laws
from docproc.schema import Extraction

OLD, NEW = "26/2008/QH12", "106/2025/QH15"
GOLD = Path(__file__).resolve().parents[2].parent / "shared" / "corpus" / "dev" / "gold"


def load_gold(name: str) -> dict:
    return json.loads((GOLD / f"{name}.json").read_text(encoding="utf-8"))


def all_gold() -> list[tuple[str, dict]]:
    return [(p.stem, json.loads(p.read_text(encoding="utf-8"))) for p in sorted(GOLD.glob("*.json"))]


@pytest.mark.parametrize(
    ("day", "law_id"),
    [
        (date(2015, 7, 1), OLD),
        (date(2025, 12, 31), OLD),
        (date(2026, 6, 30), OLD),
        (date(2026, 7, 1), NEW),
        (date(2030, 1, 1), NEW),
    ],
)
def test_law_version_by_issue_date(day, law_id):
    assert law_for(day).id == law_id


def test_no_law_before_2009_and_unknown_override():
    with pytest.raises(RulesError):
        law_for(date(2000, 1, 1))
    with pytest.raises(RulesError):
        law_by_id("1/1999/QH10")


def test_law_versions_do_not_overlap_or_leave_gaps():
    laws = load_laws()
    for a, b in zip(laws, laws[1:], strict=False):
        assert a.effective_until == b.effective_from


# kind, obligors, obligees → enforcement, point under 26/2008 (Art. 36(2) as amended) and 106/2025 (Art. 33(2))
CASES = [
    ("court_fee", ["P2"], ["STATE"], "ex_officio", "a", "a"),
    ("court_fee", ["P2", "P3"], ["STATE"], "ex_officio", "a", "a"),
    ("fine", ["P1"], ["STATE"], "ex_officio", "a", "a"),
    ("confiscation", ["P1"], ["STATE"], "ex_officio", "c", "c"),
    ("confiscation", [], ["STATE"], "ex_officio", "c", "c"),
    ("refund", ["STATE"], ["P1"], "ex_officio", "b", "b"),
    ("deliver_asset", ["STATE"], ["P8"], "ex_officio", "b", "b"),
    ("pay_money", ["P1"], ["STATE"], "ex_officio", "c", "c"),
    ("pay_money", ["P2"], ["P1"], "on_request", None, None),
    ("pay_money", ["P2", "P3"], ["P1"], "on_request", None, None),
    ("deliver_asset", ["P2"], ["P1"], "on_request", None, None),
    ("perform_act", ["P2"], ["P1"], "on_request", None, None),
    ("other", ["P2"], ["P1"], "on_request", None, None),
]


@pytest.mark.parametrize(("kind", "obligors", "obligees", "enforcement", "point_old", "point_new"), CASES)
def test_ex_officio_table_case_by_case(kind, obligors, obligees, enforcement, point_old, point_new):
    old = classify(law_by_id(OLD), kind, obligors, obligees)
    new = classify(law_by_id(NEW), kind, obligors, obligees)
    assert (old.enforcement, old.point) == (enforcement, point_old)
    assert (new.enforcement, new.point) == (enforcement, point_new)


def test_points_cited_exist_in_each_law():
    for law in load_laws():
        points = law.raw["ex_officio_points"]
        for rule in law.raw["ex_officio_rules"]:
            if rule["enforcement"] == "ex_officio":
                assert rule["point"] in points, (law.id, rule)
    assert "g" in law_by_id(NEW).raw["ex_officio_points"]  # bankruptcy declarations, new numbering
    assert "g" not in law_by_id(OLD).raw["ex_officio_points"]


@pytest.mark.parametrize("law_id", [OLD, NEW])
def test_rules_agree_with_dev_gold_labels(law_id):
    """The annotators' ex_officio/on_request labels follow the law's list: the table must give the same."""
    law = law_by_id(law_id)
    for name, gold in all_gold():
        ex = Extraction.model_validate(gold)
        for ob in ex.obligations:
            got = enforcement_of(law, ob, ex)[0]
            assert got == ob.enforcement, (name, ob.id)


@pytest.mark.parametrize(
    ("start", "n", "expected"),
    [
        (date(2026, 6, 26), 5, date(2026, 7, 3)),  # Friday → across the law change, weekend skipped
        (date(2026, 6, 29), 5, date(2026, 7, 6)),  # Monday → next Monday
        (date(2026, 6, 30), 1, date(2026, 7, 1)),  # last day of the old law → first day of the new
        (date(2026, 4, 28), 3, date(2026, 5, 5)),  # Tue: Wed 29/4, 30/4 and 1/5 holidays, weekend, Mon, Tue
        (
            date(2026, 8, 28),
            3,
            date(2026, 9, 7),
        ),  # Fri: 31/8 given off for 22/8, 1/9 and 2/9, then Thu, Fri, Mon
        (date(2026, 2, 13), 1, date(2026, 2, 23)),  # Fri before Tết: 16-20/2 off, the weekend, then Mon
        (date(2026, 4, 24), 1, date(2026, 4, 28)),  # Hùng Kings' day on Sunday 26/4, observed Mon 27/4
        (date(2026, 7, 3), 0, date(2026, 7, 3)),
    ],
)
def test_working_days(start, n, expected):
    assert add_working_days(start, n) == expected


def test_years_and_leap_day():
    assert add_years(date(2021, 5, 10), 5) == date(2026, 5, 10)
    assert add_years(date(2024, 2, 29), 5) == date(2029, 2, 28)
    rule = law_by_id(NEW).deadlines["request_limitation"]
    assert compute_deadline(rule, date(2021, 7, 1)) == date(2026, 7, 1)
    assert compute_deadline(rule, None) is None


@pytest.mark.parametrize(
    ("issue", "law_id", "article"),
    [
        (date(2026, 6, 30), OLD, "khoản 2 Điều 36"),
        (date(2026, 7, 2), NEW, "khoản 3 Điều 33"),
    ],
)
def test_ex_officio_deadline_across_the_boundary(office, issue, law_id, article):
    """Judgment received on Friday 26/6/2026: 5 working days end on 3/7/2026 under either law; the
    article cited follows the law of the decision's issue date."""
    gold = load_gold("c2-01")
    opts = DraftOptions(issue_date=issue, judgment_received_date=date(2026, 6, 26))
    draft = draft_ex_officio(gold, office, opts)
    assert draft is not None and draft.law_id == law_id
    dl = draft.deadline("ex_officio_issue")
    assert dl.date == "2026-07-03" and dl.start == "2026-06-26"
    assert article in dl.article
    assert "ngày 03 tháng 7 năm 2026" in dl.text
    notify = draft.deadline("notify_parties")
    assert notify.date == add_working_days(issue, 3).isoformat()


def test_on_request_deadlines_and_limitation(office):
    gold = load_gold("c2-01")
    opts = DraftOptions(
        issue_date=date(2026, 7, 8),
        request_date=date(2026, 7, 6),
        judgment_effective_date=date(2021, 7, 10),
    )
    draft = draft_on_request(gold, "P3", office, opts)
    assert draft.law_id == NEW
    lim = draft.deadline("request_limitation")
    assert lim.date == "2026-07-10" and "khoản 2 Điều 34" in lim.article
    assert draft.deadline("on_request_issue").date == "2026-07-13"
    # the same request under the old law (override) cites the old articles, same dates
    old = draft_on_request(gold, "P3", office, opts.model_copy(update={"law_version": OLD}))
    assert old.law_id == OLD
    assert "khoản 1 Điều 30" in old.deadline("request_limitation").article
    assert old.deadline("on_request_issue").date == "2026-07-13"


def test_appeal_judgment_takes_effect_on_its_date_with_a_note(office):
    gold = load_gold("c1-03")  # KDTM-PT
    draft = draft_on_request(gold, "P1", office, DraftOptions(issue_date=date(2026, 7, 8)))
    lim = draft.deadline("request_limitation")
    assert lim.start == gold["case"]["date"]
    assert any("phúc thẩm" in n and n.startswith("Chưa kiểm chứng") for n in draft.notes)
    first = draft_on_request(load_gold("c2-01"), "P1", office, DraftOptions(issue_date=date(2026, 7, 8)))
    assert first.deadline("request_limitation").date is None  # first instance: effective date unknown
    assert "chưa tính được" in first.deadline("request_limitation").text


def test_voluntary_period_wording_changes_with_the_law(office):
    gold = load_gold("c2-01")
    old = draft_ex_officio(gold, office, DraftOptions(issue_date=date(2026, 6, 1), grouping="combined"))
    new = draft_ex_officio(gold, office, DraftOptions(issue_date=date(2026, 7, 1), grouping="combined"))
    assert old.voluntary_period.days == new.voluntary_period.days == 10
    assert (
        "nhận được quyết định" in old.voluntary_period.text and "khoản 1 Điều 45" in old.voluntary_period.text
    )
    assert "nhận được quyết định" not in new.voluntary_period.text
    assert "khoản 1 Điều 36" in new.voluntary_period.text
