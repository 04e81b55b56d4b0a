"""Vietnamese wording for the review page: labels of the schema's codes, warnings worded by the
notices' catalogue (docproc.notices), amounts with thousands dots, and the list's summary of a
document (warnings, lowest confidence) used to put what needs a reviewer first.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from docproc.notices import as_notice, notice_dict, render

__all__ = [
    "LABELS",
    "LOW_CONFIDENCE",
    "vnd",
    "warning_out",
    "stored_warnings",
    "summarize",
    "attention_key",
    "STATUS_VI",
]

LOW_CONFIDENCE = 0.8

STATUS_VI = {
    "queued": "Đang chờ xử lý",
    "running": "Đang xử lý",
    "done": "Chờ duyệt",
    "failed": "Lỗi xử lý",
    "approved": "Đã duyệt",
}

LABELS: dict[str, dict[str, str]] = {
    "field": {
        "court": "Tòa án",
        "number": "Số bản án/quyết định",
        "date": "Ngày ban hành",
        "type_code": "Loại vụ việc",
        "instance": "Cấp xét xử",
        "subject": "Quan hệ tranh chấp / tội danh",
        "id": "Mã",
        "role": "Tư cách tố tụng",
        "kind": "Loại",
        "name": "Họ tên / tên tổ chức",
        "birth_year": "Năm sinh",
        "id_number": "Số CCCD/CMND/hộ chiếu",
        "address": "Địa chỉ",
        "representatives": "Người đại diện",
        "capacity": "Tư cách đại diện",
        "obligors": "Người phải thi hành",
        "obligees": "Người được thi hành",
        "joint": "Liên đới",
        "amount_vnd": "Số tiền (đồng)",
        "amount_words": "Số tiền bằng chữ",
        "components": "Các khoản",
        "late_interest": "Lãi chậm thi hành án",
        "secured_by": "Tài sản bảo đảm",
        "enforcement": "Hình thức thi hành",
        "text": "Câu trong phần Quyết định",
        "description": "Mô tả",
        "owners": "Chủ sở hữu",
        "plot_number": "Thửa đất số",
        "map_sheet": "Tờ bản đồ số",
        "area_m2": "Diện tích (m²)",
        "certificate": "Số giấy chứng nhận",
        "plate": "Biển kiểm soát",
        "security_contract": "Hợp đồng bảo đảm",
    },
    "type_code": {
        "DS": "Dân sự",
        "KDTM": "Kinh doanh, thương mại",
        "HNGD": "Hôn nhân và gia đình",
        "LD": "Lao động",
        "HC": "Hành chính",
        "HS": "Hình sự",
        "PS": "Phá sản",
        "QDST": "Quyết định sơ thẩm",
        "QDPT": "Quyết định phúc thẩm",
        "other": "Khác",
    },
    "instance": {"ST": "Sơ thẩm", "PT": "Phúc thẩm", "GDT": "Giám đốc thẩm", "TT": "Tái thẩm"},
    "role": {
        "plaintiff": "Nguyên đơn",
        "defendant": "Bị đơn",
        "related_party": "Người có quyền lợi, nghĩa vụ liên quan",
        "accused": "Bị cáo",
        "victim": "Bị hại",
        "civil_plaintiff": "Nguyên đơn dân sự",
        "civil_defendant": "Bị đơn dân sự",
        "claimant": "Người khởi kiện",
        "respondent": "Người bị kiện",
        "petitioner": "Người yêu cầu",
        "other": "Khác",
    },
    "party_kind": {"person": "Cá nhân", "organization": "Tổ chức"},
    "capacity": {"legal": "Đại diện theo pháp luật", "authorized": "Đại diện theo ủy quyền", "other": "Khác"},
    "obligation_kind": {
        "pay_money": "Trả tiền",
        "deliver_asset": "Giao tài sản",
        "perform_act": "Thực hiện công việc",
        "court_fee": "Án phí",
        "fine": "Tiền phạt",
        "confiscation": "Tịch thu",
        "refund": "Hoàn trả tạm ứng án phí",
        "other": "Khác",
    },
    "enforcement": {"ex_officio": "Chủ động thi hành", "on_request": "Thi hành theo yêu cầu"},
    "asset_kind": {
        "land_use_right": "Quyền sử dụng đất",
        "house": "Nhà ở",
        "apartment": "Căn hộ",
        "vehicle": "Phương tiện giao thông",
        "vessel": "Tàu thuyền",
        "machinery": "Máy móc, thiết bị",
        "shares": "Cổ phần",
        "deposit": "Tiền gửi",
        "other": "Khác",
    },
    "component": {
        "principal": "Nợ gốc",
        "interest_in_term": "Lãi trong hạn",
        "interest_overdue": "Lãi quá hạn",
        "penalty": "Tiền phạt vi phạm",
        "interest": "Tiền lãi",
        "damages": "Bồi thường",
        "other": "Khác",
    },
}


def vnd(amount: int | None) -> str:
    """1250000000 -> '1.250.000.000' (dots between thousands, the Vietnamese way)."""
    if amount is None:
        return ""
    return f"{amount:,}".replace(",", ".")


def warning_out(warning: Any, names: Mapping[str, str] | None = None) -> dict[str, Any]:
    """One stored warning as the API and the review page show it: {code, pointer, params, text}, the
    text in Vietnamese from the catalogue (docproc.notices), so that the page and the API say the same.
    A warning stored before notices existed (a plain string) keeps its text, with no code."""
    if isinstance(warning, str):
        return {"code": None, "pointer": None, "params": {}, "text": warning}
    notice = as_notice(warning)
    return {**notice_dict(notice), "text": render(notice, "vi", names)}


def stored_warnings(document: Mapping[str, Any]) -> list[Any]:
    """What the database keeps of an extraction's `document` block: its notices as data when it has
    them (the JSON of a run before notices has only the English strings: kept as they are)."""
    notices = document.get("notices")
    if notices:
        return [notice_dict(as_notice(n)) for n in notices]
    return list(document.get("warnings") or [])


def _corrected(pointer: str, corrected: frozenset[str]) -> bool:
    """A reviewer saved this field (or the item holding it): its extraction confidence no longer counts."""
    return any(pointer == c or pointer.startswith(c + "/") for c in corrected)


def lowest_confidence(
    extraction: dict[str, Any] | None, corrected: frozenset[str] = frozenset()
) -> float | None:
    if not extraction:
        return None
    values = [
        float(e["confidence"])
        for ptr, e in (extraction.get("evidence") or {}).items()
        if isinstance(e, dict)
        and isinstance(e.get("confidence"), int | float)
        and not _corrected(ptr, corrected)
    ]
    return min(values) if values else None


def local_time(at: Any) -> str:
    """A stored naive-UTC time as officers read it: Vietnam time (UTC+7, no daylight saving)."""
    from datetime import UTC, timedelta, timezone

    if at is None:
        return ""
    return at.replace(tzinfo=UTC).astimezone(timezone(timedelta(hours=7))).strftime("%d/%m/%Y %H:%M")


def summarize(
    doc: Any, approved_version: int | None, corrected: frozenset[str] = frozenset()
) -> dict[str, Any]:
    """What the list shows of one document (a row of api.models.Document); `corrected`: the pointers a
    reviewer has saved, whose extraction confidence is stale."""
    low = lowest_confidence(doc.extraction, corrected)
    approved = doc.status == "done" and approved_version == doc.version
    status = "approved" if approved else doc.status
    ext = doc.extraction or {}
    return {
        "id": doc.id,
        "filename": doc.filename,
        "status": status,
        "status_vi": STATUS_VI.get(status, status),
        "warnings": len(doc.warnings or []),
        "warning_texts": [warning_out(w)["text"] for w in (doc.warnings or [])],
        "lowest": low,
        "low": low is not None and low < LOW_CONFIDENCE,
        "number": (ext.get("case") or {}).get("number"),
        "version": doc.version,
        "pages": doc.pages,
        "created_at": doc.created_at,
        "created_local": local_time(doc.created_at),
        "updated_at": doc.updated_at,
    }


def attention_key(row: dict[str, Any]) -> tuple[Any, ...]:
    """Documents with warnings or low-confidence fields first, then the rest to review, then those
    still processing or failed, approved ones last."""
    if row["status"] == "done":
        group = 0 if row["warnings"] or row["low"] else 1
    elif row["status"] == "approved":
        group = 3
    else:
        group = 2
    lowest = row["lowest"] if row["lowest"] is not None else 1.0
    return (group, -row["warnings"], lowest, -row["created_at"].timestamp())


def sort_rows(rows: Iterable[dict[str, Any]], sort: str) -> list[dict[str, Any]]:
    rows = list(rows)
    if sort == "newest":
        return sorted(rows, key=lambda r: r["created_at"], reverse=True)
    if sort == "oldest":
        return sorted(rows, key=lambda r: r["created_at"])
    if sort == "confidence":
        return sorted(rows, key=lambda r: (r["lowest"] is None, r["lowest"] or 0.0))
    if sort == "warnings":
        return sorted(rows, key=lambda r: -r["warnings"])
    if sort == "name":
        return sorted(rows, key=lambda r: r["filename"].casefold())
    return sorted(rows, key=attention_key)
