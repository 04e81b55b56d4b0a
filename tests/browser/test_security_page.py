"""The review page under the service's Content-Security-Policy (issue 16): no violation while signing
in, searching and reviewing; the search term never reaches the URL; the throttled sign-in says why
in Vietnamese."""

from __future__ import annotations

from typing import Any

import pytest

pytestmark = pytest.mark.browser


def _watch_csp(page) -> list[str]:  # type: ignore[no-untyped-def]
    violations: list[str] = []
    page.on("console", lambda m: violations.append(m.text) if "Content Security Policy" in m.text else None)
    return violations


def test_review_pages_run_under_the_csp_and_search_stays_out_of_the_url(signin, live: Any) -> None:
    context, page = signin("reviewer_a")
    try:
        violations = _watch_csp(page)
        page.reload()
        page.get_by_label("Tìm theo tên tệp hoặc số bản án").fill("c1-02")
        page.get_by_role("button", name="Lọc").click()
        page.wait_for_load_state()
        assert page.locator("table.docs tbody tr").count() == 1
        assert "c1-02" not in page.url and "q=" not in page.url
        page.goto(f"{live.url}/review/{live.docs['pdf']['id']}")
        page.wait_for_selector("body[data-ready='1']")
        page.wait_for_selector("body[data-words-loaded='1']")
        box = page.locator(".page .wbox").first.bounding_box()
        assert box is not None and box["width"] > 0  # positioned by styles the CSP let through
        assert violations == []
    finally:
        context.close()


def test_throttled_sign_in_shows_the_vietnamese_message(browser, live: Any) -> None:
    context = browser.new_context(locale="vi-VN")
    page = context.new_page()
    try:
        violations = _watch_csp(page)
        page.goto(f"{live.url}/review/login")
        for _ in range(6):
            page.fill("#username", "khong_co_ai")
            page.fill("#password", "sai mat khau")
            page.click("#login-submit")
            page.wait_for_selector("#login-error:not([hidden])")
        assert "Đăng nhập sai quá nhiều lần" in page.inner_text("#login-error")
        assert violations == []
    finally:
        context.close()
