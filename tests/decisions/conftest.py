from __future__ import annotations

import pytest

from docproc.decisions import OfficeSettings


@pytest.fixture()
def office() -> OfficeSettings:
    """A fictitious office, fixed so that drafts are reproducible whatever the environment says."""
    return OfficeSettings(
        parent="CỤC QUẢN LÝ THI HÀNH ÁN DÂN SỰ",
        name="THI HÀNH ÁN DÂN SỰ THÀNH PHỐ ĐÀ NẴNG",
        place="Đà Nẵng",
        head_name="Trần Văn Thủ",
        procuracy="Viện kiểm sát nhân dân thành phố Đà Nẵng",
        payment_instructions="nộp tại trụ sở cơ quan thi hành án dân sự hoặc chuyển khoản vào tài khoản tạm giữ",
        notification_form="giao trực tiếp hoặc qua dịch vụ bưu chính",
    )
