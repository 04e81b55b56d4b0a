"""In headless Chromium: a judgment's draft already issued by a decision of the office says so with a
link to that decision, and "Lập mới dù đã có quyết định" makes it anew; the case view offers the amend
draft of the decision whose audit found errors. Synthetic documents (tests/decisions/synthetic_pair.py)
imported into office B."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser
ROOT = Path(__file__).resolve().parents[2]
_spec = importlib.util.spec_from_file_location(
    "synthetic_pair", ROOT / "tests" / "decisions" / "synthetic_pair.py"
)
pair = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(pair)  # type: ignore[union-attr]


def test_issued_draft_links_its_decision_and_can_be_made_anew(signin, live: Any, store_done: Any) -> None:
    wrong = pair.on_request_p2(amount=105_000_000)
    jud = store_done(live.app, "reviewer_b", "issued-judgment", pair.judgment())
    dec = store_done(live.app, "reviewer_b", "issued-decision", wrong)

    context, page = signin("reviewer_b", f"/review/{jud}")
    try:
        page.get_by_role("button", name="Bản nháp quyết định").click()
        art = page.locator('#drafts article[data-draft="on-request-P1-P2"]')
        note = art.locator(".draft-issued")
        expect(note).to_contain_text("Đã ban hành")
        assert note.locator("a").get_attribute("href") == f"/review/{dec}"
        assert "101/QĐ-THADS" in note.inner_text()
        assert page.locator('#drafts article[data-draft="ex-officio-P2"] .draft-issued').count() == 0
        art.get_by_role("button", name="Lập mới dù đã có quyết định").click()
        art = page.locator('#drafts article[data-draft="on-request-P1-P2"]')
        expect(art.locator(".draft-issued.forced")).to_contain_text("lập mới theo yêu cầu")
        href = art.locator("a", has_text="DOCX").get_attribute("href")
        assert href.endswith("?force=on-request-P1-P2")
        r = page.request.get(live.url + href)
        assert r.status == 200 and r.body()[:2] == b"PK"

        page.goto(f"{live.url}/review/cases")
        link = page.locator(f'p.amend[data-amend="{dec}"] a', has_text="DOCX")
        expect(link).to_have_count(1)
        r = page.request.get(live.url + link.get_attribute("href"))
        assert r.status == 200 and r.body()[:2] == b"PK"
    finally:
        context.close()


def test_refused_decision_inputs_say_which_field_and_why(signin, live: Any, store_done: Any) -> None:
    """A refused save names the field in the officer's words, not only "lỗi 422"."""
    jud = store_done(live.app, "reviewer_b", "inputs-judgment", pair.judgment())
    context, page = signin("reviewer_b", f"/review/{jud}")
    try:
        page.get_by_role("button", name="Bản nháp quyết định").click()
        page.locator("#di-number").fill("4" * 40)  # the server keeps decision numbers to 30 characters
        page.locator("#di-apply").click()
        status = page.locator("#status")
        expect(status).to_contain_text("Không lưu được thông tin quyết định: Số quyết định")
        expect(status).to_contain_text("(lỗi 422)")
    finally:
        context.close()
