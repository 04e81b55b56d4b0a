"""The case view in headless Chromium: a reviewer of office B opens /review/cases, sees the judgment's
case with its decision on the timeline and a discrepancy beside the decision's and the judgment's
sentences, confirms it, and finds the verdict kept after a reload. The documents are the shared gold
extractions of a dev judgment and the decision enforcing it, imported into office B (office A holds
the review-page tests' documents)."""

from __future__ import annotations

import csv
import json
import re
from typing import Any

import pytest
from playwright.sync_api import expect

from .conftest import SHARED

pytestmark = pytest.mark.browser
ENF = SHARED / "corpus" / "enforcement-dev"


def test_a_reviewer_confirms_a_discrepancy_beside_its_two_sentences(
    signin, live: Any, store_done: Any
) -> None:
    if not (ENF / "PAIRS.tsv").exists():
        pytest.skip("needs ../shared enforcement-dev")
    with open(ENF / "PAIRS.tsv", encoding="utf-8") as fh:
        row = next(r for r in csv.DictReader(fh, delimiter="\t") if r["discrepancies"] == "amount_mismatch")
    decision = json.loads((ENF / "gold" / f"{row['decision']}.json").read_text(encoding="utf-8"))
    judgment_name = row["judgment"].removesuffix(".txt")
    judgment = json.loads((SHARED / "corpus" / "dev" / "gold" / f"{judgment_name}.json").read_text("utf-8"))
    dec_id = store_done(live.app, "reviewer_b", "case-decision", decision)
    jud_id = store_done(live.app, "reviewer_b", "case-judgment", judgment)

    context, page = signin("reviewer_b", "/review/cases")
    try:
        case = page.locator(f'section.case:has(a[href="/review/{jud_id}"])')
        assert case.count() == 1
        item = case.locator(f'li.decision[data-decision="{dec_id}"]')
        art = item.locator("article.discrepancy").first
        quotes = art.locator("blockquote").all_inner_texts()
        assert len(quotes) == 2 and all(q.strip() for q in quotes) and quotes[0] != quotes[1]
        assert "Chưa xem xét" in art.locator(".verdict").inner_text()
        art.get_by_role("button", name="Xác nhận sai lệch").click()
        expect(art.locator(".verdict")).to_have_text(re.compile(r"^Đã xác nhận"))
        page.reload()
        art = page.locator(f'li.decision[data-decision="{dec_id}"] article.discrepancy').first
        assert art.locator(".verdict").inner_text().startswith("Đã xác nhận")
        assert "v-confirmed" in (art.get_attribute("class") or "")
    finally:
        context.close()
    api_case = live.get("reviewer_b", f"/cases/{dec_id}").json()
    assert api_case["confirmed"] == 1
    assert live.get("reviewer_a", f"/cases/{dec_id}").status_code == 404
