"""After a correction the review page shows the server's checks, run again on what was saved: a
warning appears only once the server has it, in the server's words, and goes when corrected."""

from __future__ import annotations

import time
from typing import Any

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser


def _control(page, pointer: str):  # type: ignore[no-untyped-def]
    return page.locator(f'#fields [data-pointer="{pointer}"]:is(input, select, textarea)')


def _save(page) -> None:  # type: ignore[no-untyped-def]
    page.get_by_role("button", name="Lưu").click()
    page.locator("#status", has_text="Đã lưu").wait_for()


def test_a_correction_shows_the_servers_rerun_warning(signin, live: Any) -> None:
    context, page = signin("reviewer_a")
    try:
        doc_id = live.docs["txt"]["id"]
        page.goto(f"{live.url}/review/{doc_id}")
        page.wait_for_selector("body[data-ready='1']")
        start = live.get("reviewer_a", f"/documents/{doc_id}").json()
        i = next(k for k, o in enumerate(start["extraction"]["obligations"]) if o.get("amount_vnd"))
        amount = start["extraction"]["obligations"][i]["amount_vnd"]
        pointer = f"/obligations/{i}/amount_words"
        assert amount != 1

        said = [w["text"] for w in live.get("reviewer_a", f"/documents/{doc_id}/warnings").json()]
        words = _control(page, pointer)
        words.fill("Một đồng")  # 1 đ: the digits say otherwise
        words.press("Tab")
        time.sleep(0.3)  # a redraw would have shown a check of the page's own by now
        warnings = page.locator("#fields .warnings li")
        shown = warnings.all_inner_texts()
        assert len(shown) == len(said) and all(m in t for m, t in zip(said, shown, strict=True)), shown
        assert not any("(1 đ)" in t for t in shown)

        _save(page)
        server = live.get("reviewer_a", f"/documents/{doc_id}/warnings").json()
        mine = [w for w in server if w["pointer"] == f"/obligations/{i}" and "(1 đ)" in w["text"]]
        assert len(mine) == 1, server
        expect(warnings).to_have_count(len(server))
        expect(page.locator("#fields .warnings li", has_text=mine[0]["text"])).to_have_count(1)
        assert page.locator("#g-warn").inner_text() == f"Cảnh báo ({len(server)})"

        # corrected again: the server's warning goes, and the page says so
        words = _control(page, pointer)
        words.fill("")
        words.press("Tab")
        _save(page)
        expect(page.locator("#fields .warnings li", has_text=mine[0]["text"])).to_have_count(0)
        assert all(
            w["text"] != mine[0]["text"]
            for w in live.get("reviewer_a", f"/documents/{doc_id}/warnings").json()
        )
    finally:
        context.close()
