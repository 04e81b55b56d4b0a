"""Issue 14 in the browser: an administrator sets the office profile; an officer uploads two scans on
the list page, watches them finish, corrects an "already paid" amount on the draft view, approves,
downloads the DOCX and finds the profile and the correction in it. The scans are rendered (make_scans.py)
from two short judgments written for this test (invented people), so OCR stays quick."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from docx import Document
from playwright.sync_api import expect

pytestmark = pytest.mark.browser
PASSWORD = "correct horse battery"  # as tests/browser/conftest.py
SHARED = Path(__file__).resolve().parents[3] / "shared"
if not SHARED.exists():
    SHARED = Path("/work/shared")

CRIMINAL = """TÒA ÁN NHÂN DÂN TỈNH THỬ NGHIỆM          CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
                                          Độc lập - Tự do - Hạnh phúc
Bản án số: 12/2025/HS-ST
Ngày: 10-3-2025

NHÂN DANH
NƯỚC CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
TÒA ÁN NHÂN DÂN TỈNH THỬ NGHIỆM

- Bị cáo: Đinh Văn Thử, sinh năm 1980; nơi cư trú: số 5 đường Hoa Sữa, phường Một, thành phố Thử Nghiệm, tỉnh Thử Nghiệm.
- Bị hại: Ông Mai Văn Hiền, sinh năm 1975; địa chỉ: số 9 đường Bàng, phường Hai, thành phố Thử Nghiệm, tỉnh Thử Nghiệm.

NỘI DUNG VỤ ÁN:
Ngày 02/01/2024, bị cáo Đinh Văn Thử đã chiếm đoạt của ông Mai Văn Hiền số tiền 80.000.000 đồng.

QUYẾT ĐỊNH:
Tuyên bố bị cáo Đinh Văn Thử phạm tội "Lừa đảo chiếm đoạt tài sản".
Về trách nhiệm dân sự: Buộc bị cáo Đinh Văn Thử bồi thường cho ông Mai Văn Hiền số tiền 80.000.000 đồng, được trừ 30.000.000 đồng bị cáo Thử đã nộp, bị cáo Thử còn phải bồi thường 50.000.000 đồng (Năm mươi triệu đồng).
Về án phí: Bị cáo Đinh Văn Thử phải chịu 200.000 đồng án phí hình sự sơ thẩm và 2.500.000 đồng án phí dân sự sơ thẩm.
"""

CIVIL = """TÒA ÁN NHÂN DÂN KHU VỰC 3 - THỬ NGHIỆM          CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
                                                   Độc lập - Tự do - Hạnh phúc
Bản án số: 07/2025/DS-ST
Ngày: 15-4-2025

NHÂN DANH
NƯỚC CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
TÒA ÁN NHÂN DÂN KHU VỰC 3 - THỬ NGHIỆM

- Nguyên đơn: Bà Lưu Thị Mẫu, sinh năm 1970; địa chỉ: số 1 đường Sấu, phường Ba, tỉnh Thử Nghiệm.
- Bị đơn: Ông Tạ Văn Kiểm, sinh năm 1968; địa chỉ: số 2 đường Sấu, phường Ba, tỉnh Thử Nghiệm.

QUYẾT ĐỊNH:
Buộc ông Tạ Văn Kiểm phải trả cho bà Lưu Thị Mẫu số tiền 120.000.000 đồng (Một trăm hai mươi triệu đồng).
Về án phí: Ông Tạ Văn Kiểm phải chịu 6.000.000 đồng án phí dân sự sơ thẩm.
"""

PROFILE = {
    "parent": "THI HÀNH ÁN DÂN SỰ TỈNH THỬ NGHIỆM",
    "name": "PHÒNG THI HÀNH ÁN DÂN SỰ KHU VỰC 3 - THỬ NGHIỆM",
    "place": "Thử Nghiệm",
    "head_name": "Phan Thị Ký",
    "payment_instructions": "chuyển khoản vào tài khoản tạm giữ số 3949.0.777 tại Kho bạc Nhà nước khu vực III",
    "notification_form": "giao trực tiếp hoặc qua dịch vụ bưu chính",
    "procuracy": "Viện kiểm sát nhân dân khu vực 3 - Thử Nghiệm",
}


def _scans(tmp: Path) -> list[Path]:
    for name, text in (("hs-thu", CRIMINAL), ("ds-thu", CIVIL)):
        (tmp / f"{name}.txt").write_text(text, encoding="utf-8")
    subprocess.run(
        [sys.executable, str(SHARED / "eval" / "make_scans.py"), str(tmp / "hs-thu.txt"), str(tmp / "ds-thu.txt"),
         "--out", str(tmp / "scans"), "--level", "clean", "--format", "pdf"],
        check=True, capture_output=True,
    )  # fmt: skip
    return [tmp / "scans" / "clean" / "hs-thu.pdf", tmp / "scans" / "clean" / "ds-thu.pdf"]


def _docx_text(path: Path) -> str:
    doc = Document(str(path))
    cells = [p.text for t in doc.tables for row in t.rows for c in row.cells for p in c.paragraphs]
    return "\n".join([p.text for p in doc.paragraphs] + cells)


def test_profile_upload_correct_already_paid_approve_download(signin, live: Any, tmp_path: Path) -> None:
    from api.admin import create_user

    create_user(live.app.state.sessions, "admin_b", office="Chi cục THADS B", password=PASSWORD, role="admin")
    scans = _scans(tmp_path)

    # the administrator sets the office profile
    context, page = signin("admin_b", "/review/office")
    try:
        for name, value in PROFILE.items():
            page.locator(f"#o-{name}").fill(value)
        page.get_by_role("button", name="Lưu thông tin đơn vị").click()
        page.wait_for_selector("#office-saved")
    finally:
        context.close()

    context, page = signin("reviewer_b")
    try:
        # two scans uploaded on the page; the list fills itself as they finish
        page.set_input_files("#upload-input", [str(p) for p in scans])
        assert page.locator("#upload-list li").count() == 2
        # (expect, not wait_for_function: the page's CSP forbids the eval that one needs)
        expect(page.locator('#upload-list li[data-status="done"]')).to_have_count(2, timeout=240_000)
        rows = page.locator("table.docs tbody tr")
        # (the live server is shared with the other browser tests: their documents may be listed too)
        assert {"ds-thu.pdf", "hs-thu.pdf"} <= set(rows.locator("td:first-child").all_inner_texts())

        # the draft view of the criminal judgment, with the decision inputs
        page.locator("#upload-list li", has_text="hs-thu.pdf").get_by_role("link", name="Mở để duyệt").click()
        page.wait_for_selector("body[data-ready='1']")
        page.click("#drafts-btn")
        page.wait_for_selector("#decision-inputs")
        for key, value in {
            "issue_date": "2026-12-07",
            "number": "88",
            "executor": "Hồ Văn Chấp",
            "received_date": "2026-12-02",
            "request_date": "2026-12-01",
        }.items():
            page.locator(f"#di-{key}").fill(value)  # fmt: skip
        page.click("#di-apply")
        paid = page.locator("input[id$='-already_paid'][value='30.000.000']")
        paid.wait_for()
        assert (
            page.locator(
                "#drafts article.draft", has_text="QĐ thi hành án theo yêu cầu – Đinh Văn Thử"
            ).count()
            == 1
        )
        paid_id = paid.get_attribute("id")
        paid.fill("35.000.000")
        page.click(f"#{paid_id.removesuffix('-already_paid')}-save")
        page.wait_for_selector("input[id$='-already_paid'][value='35.000.000']")

        # approve the corrected version, then download the decision
        page.click("#approve")
        page.wait_for_selector("#status:has-text('Đã duyệt')")
        page.click("#drafts-btn")  # close
        page.click("#drafts-btn")  # open again: made now, for the approved version
        page.wait_for_selector("#drafts h2:has-text('đã duyệt')")
        with page.expect_download() as info:
            page.get_by_role(
                "link", name=re.compile("Tải DOCX: QĐ thi hành án theo yêu cầu – Đinh Văn Thử")
            ).click()
        download = info.value
        assert download.suggested_filename == "QĐ thi hành án theo yêu cầu – Đinh Văn Thử.docx"
        assert "Thử" not in download.url and "Chấp" not in download.url  # names never in URLs
        text = _docx_text(Path(download.path()))
    finally:
        context.close()
    for value in PROFILE.values():
        assert value in text, value
    assert "Số: 88/QĐ-THADS" in text and "Chấp hành viên Hồ Văn Chấp" in text
    assert "đã trừ 35.000.000 đồng (Ba mươi lăm triệu đồng) do ông Đinh Văn Thử đã nộp" in text
    assert "30.000.000 đồng (" not in text
    assert "BẢN NHÁP" not in text
