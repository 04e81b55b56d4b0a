"""The review page end to end in headless Chromium: sign in, the list, evidence boxes on the page
image, an amount corrected, saved and kept (also across a reload before saving), two reviewers
saving the same field (a conflict view, no edit lost), approval, drafts, the audit trail, and the
404 for another office."""

from __future__ import annotations

import os
import re
import time
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser
ROOT = Path(__file__).resolve().parents[2]


def _open(page, live: Any, key: str) -> str:  # type: ignore[no-untyped-def]
    doc_id = live.docs[key]["id"]
    page.goto(f"{live.url}/review/{doc_id}")
    page.wait_for_selector("body[data-ready='1']")
    return doc_id


def _until(check, timeout: float = 30.0) -> None:  # type: ignore[no-untyped-def]
    """Poll `check` from Python: the page's CSP forbids the eval behind Playwright's wait_for_function."""
    end = time.monotonic() + timeout
    while not check():
        if time.monotonic() > end:
            raise AssertionError("the page never reached the expected state")
        time.sleep(0.05)


def _control(page, pointer: str):  # type: ignore[no-untyped-def]
    return page.locator(f'#fields [data-pointer="{pointer}"]:is(input, select, textarea)')


def _first_amount(extraction: dict) -> int:
    return next(i for i, o in enumerate(extraction["obligations"]) if o.get("amount_vnd"))


def test_login_and_list_puts_documents_needing_attention_first(signin, live: Any) -> None:
    context, page = signin("reviewer_a")
    try:
        rows = page.locator("table.docs tbody tr")
        assert rows.count() == len(live.docs)
        names = rows.locator("td:first-child").all_inner_texts()
        assert {"c1-01.txt", "c1-02.txt", "c1-03.txt", "c1-01.pdf"} == set(names)
        # attention rows (warnings or a field under 80 %) come before the others
        flags = [("attention" in (c or "")) for c in rows.evaluate_all("rs => rs.map(r => r.className)")]
        assert flags == sorted(flags, reverse=True)
        page.get_by_label("Tìm theo tên tệp hoặc số bản án").fill("pdf")
        page.get_by_role("button", name="Lọc").click()
        assert page.locator("table.docs tbody tr").count() == 1
    finally:
        context.close()


def test_field_selects_its_evidence_box_and_a_box_selects_its_field(
    signin, live: Any, tmp_path: Path
) -> None:
    context, page = signin("reviewer_a")
    try:
        doc_id = _open(page, live, "pdf")
        page.wait_for_selector("body[data-words-loaded='1']")
        extraction = live.get("reviewer_a", f"/documents/{doc_id}").json()["extraction"]
        words = live.get("reviewer_a", f"/documents/{doc_id}/pages/1/words").json()
        assert page.locator('.page[data-page="1"] .wbox').count() == len(words["words"]) > 50

        pointer = "/parties/0/name"
        ev = extraction["evidence"][pointer]
        _control(page, pointer).click()
        box = page.locator("#hl-box")
        box.wait_for()
        sheet = page.locator(f'.page[data-page="{ev["page"]}"] .sheet').bounding_box()
        got = box.bounding_box()
        sx, sy = sheet["width"] / words["width"], sheet["height"] / words["height"]
        x0, y0, x1, y1 = ev["bbox"]
        expected = (sheet["x"] + x0 * sx, sheet["y"] + y0 * sy, (x1 - x0) * sx, (y1 - y0) * sy)
        assert got is not None
        for a, b in zip((got["x"], got["y"], got["width"], got["height"]), expected, strict=True):
            assert abs(a - b) < 1.5, (got, expected)
        assert page.locator("#fields .field.current").get_attribute("data-pointer") == pointer

        # clicking the page inside another field's evidence box selects that field
        target = "/case/number"
        tx0, ty0, tx1, ty1 = extraction["evidence"][target]["bbox"]
        page.locator('.page[data-page="1"] .sheet').scroll_into_view_if_needed()
        page.locator('.page[data-page="1"] .overlay').click(
            position={"x": (tx0 + tx1) / 2 * sx, "y": (ty0 + ty1) / 2 * sy}, force=True
        )
        info = page.locator("#evidence-info")
        assert target in (info.get_attribute("data-feeds") or "").split()
        assert "Số bản án" in info.inner_text()
        focused = page.evaluate("document.activeElement.dataset.pointer")
        assert focused in info.get_attribute("data-feeds").split()

        # keyboard: next field, accept
        _control(page, "/case/court").focus()
        page.keyboard.press("Alt+ArrowDown")
        assert page.evaluate("document.activeElement.dataset.pointer") == "/case/number"
        page.keyboard.press("Alt+Enter")
        page.locator('#fields .field.accepted[data-pointer="/case/number"]').wait_for()
        assert page.evaluate("document.activeElement.dataset.pointer") == "/case/date"

        shot = (
            ROOT / "docs" / "review.png"
            if os.environ.get("DOCPROC_UPDATE_SCREENSHOT")
            else tmp_path / "review.png"
        )
        shot.parent.mkdir(parents=True, exist_ok=True)
        _control(page, pointer).click()
        page.screenshot(path=str(shot))
        assert shot.stat().st_size > 20_000
    finally:
        context.close()


def test_amount_corrected_is_kept_before_and_after_saving(signin, live: Any) -> None:
    context, page = signin("reviewer_a")
    try:
        doc_id = _open(page, live, "txt")
        before = live.get("reviewer_a", f"/documents/{doc_id}").json()
        i = _first_amount(before["extraction"])
        pointer = f"/obligations/{i}/amount_vnd"
        field = _control(page, pointer)
        old = before["extraction"]["obligations"][i]["amount_vnd"]
        assert field.input_value() == f"{old:,}".replace(",", ".")

        # a value the schema refuses is flagged and not taken
        field.fill("12 triệu")
        field.press("Tab")
        page.get_by_text("Số tiền phải là số nguyên đồng").wait_for()
        assert _control(page, pointer).get_attribute("aria-invalid") == "true"

        new = old + 1_000_000
        _control(page, pointer).fill(str(new))
        _control(page, pointer).press("Tab")
        expect(_control(page, pointer)).to_have_value(f"{new:,}".replace(",", "."))
        # the components no longer add up: said in the warnings panel and under the field
        expect(page.locator("section.warnings")).to_contain_text("Các khoản cộng lại")
        expect(page.locator(f'#fields .field[data-pointer="{pointer}"] .warnline')).to_contain_text(
            "khác tổng"
        )
        # unsaved edits survive a reload
        page.reload()
        page.wait_for_selector("body[data-ready='1']")
        assert _control(page, pointer).input_value() == f"{new:,}".replace(",", ".")
        assert "khôi phục" in page.locator("#status").inner_text()
        assert live.get("reviewer_a", f"/documents/{doc_id}").json()["version"] == before["version"]

        page.keyboard.press("Control+s")
        page.locator("#status", has_text="Đã lưu").wait_for()
        after = live.get("reviewer_a", f"/documents/{doc_id}").json()
        assert after["version"] == before["version"] + 1
        assert after["extraction"]["obligations"][i]["amount_vnd"] == new
        page.reload()
        page.wait_for_selector("body[data-ready='1']")
        assert _control(page, pointer).input_value() == f"{new:,}".replace(",", ".")
        assert page.evaluate(f"localStorage.getItem('docproc-review:{doc_id}')") is None

        # approve, drafts, audit trail
        page.get_by_role("button", name="Duyệt").click()
        page.locator("#doc-state", has_text="Đã duyệt").wait_for()
        approvals = live.get("reviewer_a", f"/documents/{doc_id}/approvals").json()
        assert approvals[-1]["current"] and approvals[-1]["version"] == after["version"]
        page.get_by_role("button", name="Lịch sử chỉnh sửa").click()
        trail = page.locator("#trail table")
        trail.wait_for()
        assert f"{new:,}".replace(",", ".") in trail.inner_text()
        assert "reviewer_a" in trail.inner_text()
        page.get_by_role("button", name="Bản nháp quyết định").click()
        link = page.locator("#drafts a", has_text="DOCX").first
        link.wait_for(timeout=60_000)
        r = page.request.get(live.url + link.get_attribute("href"))
        assert r.status == 200 and r.body()[:2] == b"PK"
    finally:
        context.close()


def test_two_reviewers_same_field_conflict_loses_nothing(signin, live: Any) -> None:
    ctx_a, a = signin("reviewer_a")
    ctx_b, b = signin("reviewer_a2")
    try:
        doc_id = _open(a, live, "txt2")
        _open(b, live, "txt2")
        start = live.get("reviewer_a", f"/documents/{doc_id}").json()
        i = _first_amount(start["extraction"])
        pointer = f"/obligations/{i}/amount_vnd"
        mine_a, mine_b = 111_222_333, 444_555_666

        _control(a, pointer).fill(str(mine_a))
        _control(a, pointer).press("Tab")
        a.get_by_role("button", name="Lưu").click()
        a.locator("#status", has_text="Đã lưu").wait_for()

        _control(b, pointer).fill(str(mine_b))
        _control(b, pointer).press("Tab")
        b.get_by_role("button", name="Lưu").click()
        conflict = b.locator("#conflict")
        conflict.wait_for(state="visible")
        theirs = b.locator("#conflict-theirs").inner_text()
        assert "reviewer_a" in theirs and "111.222.333" in theirs
        assert "444.555.666" in b.locator("#conflict-mine").inner_text()
        # nothing of B's is lost while the conflict is open: it is still stored locally
        assert "444555666" in b.evaluate(f"localStorage.getItem('docproc-review:{doc_id}')")

        b.get_by_role("button", name=re.compile("Áp dụng lại")).click()
        assert conflict.is_hidden()
        assert _control(b, pointer).input_value() == "444.555.666"
        b.get_by_role("button", name="Lưu").click()
        b.locator("#status", has_text="Đã lưu").wait_for()

        end = live.get("reviewer_a", f"/documents/{doc_id}").json()
        assert end["version"] == start["version"] + 2
        assert end["extraction"]["obligations"][i]["amount_vnd"] == mine_b
        trail = live.get("reviewer_a", f"/documents/{doc_id}/corrections").json()
        assert [(c["reviewer"], c["new"]) for c in trail if c["pointer"] == pointer] == [
            ("reviewer_a", mine_a),
            ("reviewer_a2", mine_b),
        ]

        # unsaved edits left in B's browser while A saves: the reload shows the conflict view too
        _control(b, pointer).fill("777.000.000")
        _control(b, pointer).press("Tab")
        _until(lambda: "777000000" in (b.evaluate(f"localStorage.getItem('docproc-review:{doc_id}')") or ""))
        a.reload()
        a.wait_for_selector("body[data-ready='1']")
        _control(a, "/case/subject").fill("Tranh chấp hợp đồng vay tài sản")
        _control(a, "/case/subject").press("Tab")
        a.get_by_role("button", name="Lưu").click()
        a.locator("#status", has_text="Đã lưu").wait_for()
        b.reload()
        b.locator("#conflict").wait_for(state="visible")
        assert "Tranh chấp hợp đồng vay tài sản" in b.locator("#conflict-theirs").inner_text()
        assert "777.000.000" in b.locator("#conflict-mine").inner_text()
    finally:
        ctx_a.close()
        ctx_b.close()


_UNLABELLED = """() => [...document.querySelectorAll("input, select, textarea, button")].filter((c) => {
  const name = (c.labels && c.labels.length ? [...c.labels].map((l) => l.textContent).join("") : "")
    || c.getAttribute("aria-label") || (c.tagName === "BUTTON" ? c.textContent : "");
  return !name.trim();
}).map((c) => c.outerHTML.slice(0, 120))"""


def test_add_and_remove_items_and_links_in_one_save(signin, live: Any) -> None:
    context, page = signin("reviewer_a")
    try:
        doc_id = _open(page, live, "txt3")
        ex = live.get("reviewer_a", f"/documents/{doc_id}").json()["extraction"]
        linked = [a for a in ex["obligations"] for a in a["secured_by"]]
        k, asset = next((k, a) for k, a in enumerate(ex["assets"]) if a["id"] in linked)
        assert page.evaluate(_UNLABELLED) == []  # every control has an accessible name

        page.get_by_role("button", name=re.compile(f"^Xóa {asset['id']} ")).click()
        page.locator("#status", has_text=f"liên kết tới {asset['id']}").wait_for()
        page.locator("#add-parties").click()
        new_party = f"P{len(ex['parties']) + 1}"
        name = _control(page, f"/parties/{len(ex['parties'])}/name")
        name.wait_for()
        _until(lambda: (page.evaluate("document.activeElement.dataset.pointer") or "").endswith("/name"))
        page.keyboard.type("Nguyễn Văn Thêm")
        page.keyboard.press("Tab")
        page.locator("#add-obligations").click()
        n = len(ex["obligations"])
        base = f"/obligations/{n}"
        _control(page, f"{base}/kind").wait_for()
        page.get_by_role("button", name="Thêm người phải thi hành").last.click()
        _control(page, f"{base}/obligors/0").select_option(new_party)
        page.get_by_role("button", name="Thêm tài sản bảo đảm").last.click()
        _control(page, f"{base}/amount_vnd").fill("1.250.000.000")
        _control(page, f"{base}/amount_vnd").press("Tab")
        page.get_by_role("button", name="Lưu").click()
        page.locator("#status", has_text="Đã lưu").wait_for()

        after = live.get("reviewer_a", f"/documents/{doc_id}").json()["extraction"]
        assert asset["id"] not in [a["id"] for a in after["assets"]]
        assert all(asset["id"] not in o["secured_by"] for o in after["obligations"])
        assert after["parties"][-1]["id"] == new_party and after["parties"][-1]["name"] == "Nguyễn Văn Thêm"
        added = after["obligations"][-1]
        assert added["obligors"] == [new_party] and added["amount_vnd"] == 1_250_000_000
        assert added["secured_by"] == [after["assets"][0]["id"]]
        # evidence follows the items: the asset after the removed one keeps its own evidence
        if k + 1 < len(ex["assets"]):
            assert after["evidence"][f"/assets/{k}"] == ex["evidence"][f"/assets/{k + 1}"]
    finally:
        context.close()


def test_another_office_gets_404(signin, live: Any) -> None:
    context, page = signin("reviewer_b")
    try:
        assert page.locator("table.docs tbody tr", has_text="c1-01").count() == 0
        response = page.goto(f"{live.url}/review/{live.docs['txt']['id']}")
        assert response is not None and response.status == 404
        assert page.get_by_role("heading", name="Không tìm thấy văn bản").is_visible()
        r = page.request.get(f"{live.url}/documents/{live.docs['txt']['id']}/layout")
        assert r.status == 404
    finally:
        context.close()


def test_signed_out_browser_is_sent_to_the_login_form(browser, live: Any) -> None:
    context = browser.new_context()
    try:
        page = context.new_page()
        page.goto(f"{live.url}/review/{live.docs['txt']['id']}")
        assert "/review/login" in page.url
        page.get_by_label("Tên đăng nhập").fill("reviewer_a")
        page.get_by_label("Mật khẩu").fill("wrong password")
        page.get_by_role("button", name="Đăng nhập").click()
        page.get_by_text("Sai tên đăng nhập hoặc mật khẩu").wait_for()
    finally:
        context.close()
