"""The office profile: the details its decisions print (parent body and agency name as the 2025
organisation writes them, place, signer, payment instructions, how decisions are notified, the
procuracy to copy), kept in the database per office and edited by the office's administrator.

    GET  /office/profile        any user of the office (JSON)
    PUT  /office/profile        administrator (JSON)
    GET  /review/office         the page (read-only for non-administrators)
    POST /review/office         the page's form (administrator)

The fields are those of docproc.decisions.OfficeSettings, which `docproc draft --office FILE` reads.
"""

from __future__ import annotations

import logging
import unicodedata
from pathlib import Path
from typing import Annotated, Any

from fastapi import APIRouter, Depends, HTTPException, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from fastapi.templating import Jinja2Templates
from pydantic import BaseModel, ConfigDict, Field
from sqlalchemy.orm import Session

from api.deps import CurrentUser, Principal, SessionDep, WriteSessionDep, require_role
from api.deps import get_current_user as _user_from_request
from api.models import OfficeProfile

__all__ = ["router", "pages", "office_settings", "ProfileIn", "FIELDS"]

log = logging.getLogger("api.office")
templates = Jinja2Templates(directory=str(Path(__file__).resolve().parent / "templates"))
router = APIRouter(prefix="/office", tags=["office"])
pages = APIRouter(include_in_schema=False)
Admin = Annotated[Principal, Depends(require_role("admin"))]

# (field, label on the page, example) in the order of the form
FIELDS: list[tuple[str, str, str]] = [
    ("parent", "Cơ quan cấp trên (dòng đầu)", "THI HÀNH ÁN DÂN SỰ TỈNH KHÁNH HÒA"),
    ("name", "Tên cơ quan ban hành", "PHÒNG THI HÀNH ÁN DÂN SỰ KHU VỰC 2 - KHÁNH HÒA"),
    ("place", "Địa danh ghi ở dòng ngày tháng", "Khánh Hòa"),
    ("head_name", "Họ tên người ký", "Trần Văn Thủ"),
    ("head_title", "Chức vụ trong khối chữ ký", "THỦ TRƯỞNG"),
    ("signer_title", "Dòng thẩm quyền ban hành (để trống: chức vụ + tên cơ quan)", "THỦ TRƯỞNG CƠ QUAN THI HÀNH ÁN DÂN SỰ TỈNH KHÁNH HÒA"),
    ("number_symbol", "Ký hiệu số quyết định", "QĐ-THADS"),
    ("payment_instructions", "Tài khoản và chỉ dẫn nộp tiền", "chuyển khoản vào tài khoản số … tại Kho bạc Nhà nước …"),
    ("notification_form", "Hình thức thông báo quyết định", "giao trực tiếp hoặc qua dịch vụ bưu chính"),
    ("procuracy", "Viện kiểm sát nhận quyết định", "Viện kiểm sát nhân dân khu vực 2 - Khánh Hòa"),
]  # fmt: skip


class ProfileIn(BaseModel):
    """The office profile; an empty or missing field prints as a visible placeholder in the drafts."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)
    parent: str | None = Field(default=None, max_length=300)
    name: str | None = Field(default=None, max_length=300)
    place: str | None = Field(default=None, max_length=100)
    head_name: str | None = Field(default=None, max_length=200)
    head_title: str | None = Field(default=None, max_length=100)
    signer_title: str | None = Field(default=None, max_length=300)
    number_symbol: str | None = Field(default=None, max_length=50)
    payment_instructions: str | None = Field(default=None, max_length=1000)
    notification_form: str | None = Field(default=None, max_length=500)
    procuracy: str | None = Field(default=None, max_length=300)


def _clean(data: dict[str, Any]) -> dict[str, str]:
    return {k: unicodedata.normalize("NFC", v) for k, v in data.items() if isinstance(v, str) and v.strip()}


def load_profile(session: Session, office_id: int) -> dict[str, str]:
    row = session.get(OfficeProfile, office_id)
    return dict(row.data) if row is not None and row.data else {}


def office_settings(session: Session, office_id: int, office_name: str | None = None):  # type: ignore[no-untyped-def]
    """The OfficeSettings the office's drafts use: its saved profile (nothing from the environment,
    so that one office never prints another's details); before any profile, the office's name."""
    from pipelines.drafts import OfficeSettings

    data = load_profile(session, office_id)
    if not data and office_name:
        data = {"name": office_name}
    fields = OfficeSettings.model_fields
    values = {k: f.default for k, f in fields.items()}
    values.update({k: v for k, v in data.items() if k in fields})
    return OfficeSettings.model_construct(**values)


def save_profile(session: Session, office_id: int, user_id: int, data: dict[str, Any]) -> dict[str, str]:
    clean = _clean(ProfileIn.model_validate(data).model_dump())
    row = session.get(OfficeProfile, office_id)
    if row is None:
        session.add(OfficeProfile(office_id=office_id, data=clean, updated_by=user_id))
    else:
        row.data = clean
        row.updated_by = user_id
    session.commit()
    log.info("office profile saved", extra={"office_id": office_id, "user_id": user_id})
    return clean


@router.get("/profile", response_model=ProfileIn)
def get_profile(session: SessionDep, user: CurrentUser) -> ProfileIn:
    """Your office's profile (what its decisions print)."""
    return ProfileIn.model_validate(load_profile(session, user.office_id))


@router.put("/profile", response_model=ProfileIn, responses={403: {"description": "administrators only"}})
def put_profile(body: ProfileIn, session: WriteSessionDep, user: Admin) -> ProfileIn:
    """Replace your office's profile (administrators)."""
    return ProfileIn.model_validate(save_profile(session, user.office_id, user.id, body.model_dump()))


# --- the page ---------------------------------------------------------------------------------------


def _page_user(request: Request) -> Principal | None:
    try:
        return _user_from_request(request, None)
    except HTTPException:
        return None


def _render(request: Request, user: Principal, data: dict[str, str], **extra: Any) -> Response:
    rows = [{"name": k, "label": label, "example": ex, "value": data.get(k, "")} for k, label, ex in FIELDS]
    return templates.TemplateResponse(
        request,
        "office.html",
        {"user": user, "rows": rows, "editable": user.role == "admin", **extra},
        status_code=extra.pop("status", 200) if "status" in extra else 200,
    )


@pages.get("/review/office", response_class=HTMLResponse)
def office_page(request: Request, session: SessionDep, saved: int = 0) -> Response:
    user = _page_user(request)
    if user is None:
        return RedirectResponse("/review/login?next=%2Freview%2Foffice", status_code=303)
    return _render(request, user, load_profile(session, user.office_id), saved=bool(saved))


@pages.post("/review/office", response_class=HTMLResponse)
async def office_save(request: Request, session: WriteSessionDep) -> Response:
    user = _page_user(request)
    if user is None:
        return RedirectResponse("/review/login?next=%2Freview%2Foffice", status_code=303)
    if user.role != "admin":
        raise HTTPException(403, "this needs the role admin")
    form = await request.form()
    data = {k: str(form.get(k) or "") for k, _, _ in FIELDS}
    try:
        save_profile(session, user.office_id, user.id, data)
    except ValueError as exc:
        return _render(request, user, data, error=str(exc), status=422)
    return RedirectResponse("/review/office?saved=1", status_code=303)
