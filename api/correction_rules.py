"""What a corrected extraction must still be, beyond its schema, and how a refusal is worded.

A reviewer's correction may not leave a reference to nothing (an obligor, obligee, owner, share
holder, securing or delivered asset that is not in the document), two items under one id, an amount
that is not a whole number of đồng ≥ 0, a date that is not ISO (YYYY-MM-DD) or a party without a
name. Only problems the correction brings are refused: an extraction that already had one (the
checks warn about it) can still be corrected elsewhere.

Messages are Vietnamese and name the field by its label and the item by its id ("Nghĩa vụ O2 › Số
tiền (đồng)"), never by a person's name: they reach logs and screens.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from api.review_text import LABELS

__all__ = ["Problem", "new_problems", "field_label", "schema_problem"]

STATE = "STATE"
_ID = re.compile(r"^[POA][0-9]+$")
_REF = re.compile(r"^(?:[PA][0-9]+|STATE)$")
_ISO = re.compile(r"^\d{4}-\d{2}-\d{2}$")

_GROUPS = {
    "case": "Vụ án",
    "parties": "Đương sự",
    "obligations": "Nghĩa vụ",
    "assets": "Tài sản",
    "enforcement": "Quyết định thi hành án",
    "document": "Thông tin văn bản",
    "evidence": "Vị trí trong văn bản",
}
# Fields of the enforcement extension and of the decision (shared/schema/enforcement.schema.json)
_MORE = {
    "already_paid": "Số tiền đã thi hành",
    "advance_credited": "Tạm ứng án phí được trừ",
    "shares": "Kỷ phần",
    "instalments": "Các lần trả",
    "due_date": "Hạn trả",
    "start_date": "Ngày bắt đầu",
    "period": "Kỳ hạn",
    "assets_delivered": "Tài sản phải giao",
    "judgment_obligation": "Nghĩa vụ trong bản án",
    "judgment": "Bản án được thi hành",
    "other_judgments": "Bản án khác",
    "prior_decision": "Quyết định trước",
    "request_date": "Ngày yêu cầu",
    "deadline_days": "Thời hạn (ngày)",
    "agency": "Cơ quan",
    "decision_type": "Loại quyết định",
}


@dataclass(frozen=True)
class Problem:
    """One reason to refuse: `path` (JSON Pointer), `code`, the Vietnamese `msg` (without the field),
    and `key`: what makes two problems the same one after items moved."""

    path: str
    code: str
    msg: str
    key: tuple[str, ...]

    def out(self, doc: Mapping[str, Any]) -> dict[str, Any]:
        return {"path": self.path, "type": self.code, "field": field_label(self.path, doc), "msg": self.msg}


def _tokens(pointer: str) -> list[str]:
    if not pointer.startswith("/"):
        return []
    return [t.replace("~1", "/").replace("~0", "~") for t in pointer[1:].split("/")]


def field_label(pointer: str, doc: Mapping[str, Any]) -> str:
    """ "Nghĩa vụ O2 › Số tiền (đồng)": the item by its id (never a name), the field by its label."""
    toks = _tokens(pointer)
    if not toks:
        return "toàn bộ văn bản"
    fields = LABELS.get("field", {})
    parts = [_GROUPS.get(toks[0], toks[0])]
    container: Any = doc.get(toks[0]) if isinstance(doc, Mapping) else None
    rest = toks[1:]
    if isinstance(container, list) and rest and rest[0].isdigit():
        k = int(rest[0])
        item = container[k] if k < len(container) else None
        item_id = item.get("id") if isinstance(item, Mapping) else None
        parts[0] += f" {item_id}" if isinstance(item_id, str) and _ID.match(item_id) else f" #{k + 1}"
        rest = rest[1:]
    parent = ""
    for tok in rest:
        if tok.isdigit() and parts:
            parts[-1] += f" {int(tok) + 1}"
        elif parent == "components":
            parts.append(LABELS.get("component", {}).get(tok, tok))
        elif parent in ("shares", "evidence"):
            parts.append(tok if _REF.match(tok) else "mục này")
        else:
            parts.append(fields.get(tok) or _MORE.get(tok) or ("Ngày" if tok == "date" else tok))
        parent = tok
    return " › ".join(parts)


def _ref(value: Any) -> str:
    """An id as shown in a message: only something shaped like an id (a name typed in is not echoed)."""
    return value if isinstance(value, str) and _REF.match(value) else "giá trị này"


def _wild(path: str) -> str:
    return re.sub(r"/\d+(?=/|$)", "/*", path)


def _items(doc: Mapping[str, Any], group: str) -> list[tuple[int, Mapping[str, Any]]]:
    items = doc.get(group)
    if not isinstance(items, list):
        return []
    return [(i, x) for i, x in enumerate(items) if isinstance(x, Mapping)]


def _list(item: Mapping[str, Any], field: str) -> list[Any]:
    v = item.get(field)
    return v if isinstance(v, list) else []


def _references(doc: Mapping[str, Any]) -> Iterator[Problem]:
    parties = {p.get("id") for _, p in _items(doc, "parties") if isinstance(p.get("id"), str)}
    assets = {a.get("id") for _, a in _items(doc, "assets") if isinstance(a.get("id"), str)}
    for i, ob in _items(doc, "obligations"):
        base = f"/obligations/{i}"
        for field in ("obligors", "obligees"):
            for j, pid in enumerate(_list(ob, field)):
                if pid != STATE and not (isinstance(pid, str) and pid in parties):
                    msg = f"{_ref(pid)} không phải là đương sự trong văn bản"
                    yield Problem(f"{base}/{field}/{j}", "unknown_party", msg, ("party", field, str(pid)))
        for field in ("secured_by", "assets_delivered"):
            for j, aid in enumerate(_list(ob, field)):
                if not (isinstance(aid, str) and aid in assets):
                    msg = f"{_ref(aid)} không phải là tài sản trong văn bản"
                    yield Problem(f"{base}/{field}/{j}", "unknown_asset", msg, ("asset", field, str(aid)))
        shares = ob.get("shares")
        for pid in shares if isinstance(shares, Mapping) else ():
            if pid not in parties:
                path = f"{base}/shares/{pid.replace('~', '~0').replace('/', '~1')}"
                msg = f"{_ref(pid)} không phải là đương sự trong văn bản"
                yield Problem(path, "unknown_party", msg, ("party", "shares", pid))
    for i, a in _items(doc, "assets"):
        for j, pid in enumerate(_list(a, "owners")):
            if not (isinstance(pid, str) and pid in parties):
                msg = f"{_ref(pid)} không phải là đương sự trong văn bản"
                yield Problem(f"/assets/{i}/owners/{j}", "unknown_party", msg, ("party", "owners", str(pid)))


def _duplicates(doc: Mapping[str, Any]) -> Iterator[Problem]:
    for group in ("parties", "obligations", "assets"):
        seen: set[Any] = set()
        for i, item in _items(doc, group):
            ident = item.get("id")
            if not isinstance(ident, str):
                continue
            if ident in seen:
                msg = f"mã {_ref(ident) if _ID.match(str(ident)) else 'này'} đã dùng cho một mục khác"
                yield Problem(f"/{group}/{i}/id", "duplicate_id", msg, ("dup", group, str(ident)))
            seen.add(ident)


def _is_amount(v: Any) -> bool:
    return isinstance(v, int) and not isinstance(v, bool) and v >= 0


_AMOUNT_MSG = "số tiền phải là số nguyên đồng, không âm (ví dụ 1250000000)"


def _amounts(doc: Mapping[str, Any]) -> Iterator[Problem]:
    for i, ob in _items(doc, "obligations"):
        base = f"/obligations/{i}"
        for field in ("amount_vnd", "already_paid", "advance_credited"):
            v = ob.get(field)
            if v is not None and not _is_amount(v):
                yield Problem(f"{base}/{field}", "amount", _AMOUNT_MSG, ("amount", _wild(f"{base}/{field}")))
        for field in ("components", "shares"):
            values = ob.get(field)
            for k, v in values.items() if isinstance(values, Mapping) else ():
                if not _is_amount(v):
                    path = f"{base}/{field}/{k.replace('~', '~0').replace('/', '~1')}"
                    yield Problem(path, "amount", _AMOUNT_MSG, ("amount", _wild(path)))
        for k, inst in enumerate(_list(ob, "instalments")):
            if isinstance(inst, Mapping) and not _is_amount(inst.get("amount_vnd")):
                path = f"{base}/instalments/{k}/amount_vnd"
                yield Problem(path, "amount", _AMOUNT_MSG, ("amount", _wild(path)))


def _iso(v: Any) -> bool:
    if not isinstance(v, str) or not _ISO.match(v):
        return False
    try:
        date.fromisoformat(v)
    except ValueError:
        return False
    return True


def _dates(node: Any, path: str = "") -> Iterator[Problem]:
    """Every `date` or `*_date` value outside the evidence and the file's own data."""
    if isinstance(node, Mapping):
        for k, v in node.items():
            if not path and k in ("evidence", "document"):
                continue
            here = f"{path}/{str(k).replace('~', '~0').replace('/', '~1')}"
            if (k == "date" or str(k).endswith("_date")) and not isinstance(v, Mapping | list):
                if v is not None and not _iso(v):
                    msg = "ngày phải theo dạng năm-tháng-ngày (ví dụ 2024-03-01) và có thật"
                    yield Problem(here, "date", msg, ("date", _wild(here)))
            else:
                yield from _dates(v, here)
    elif isinstance(node, list):
        for k, v in enumerate(node):
            yield from _dates(v, f"{path}/{k}")


def _names(doc: Mapping[str, Any]) -> Iterator[Problem]:
    for i, p in _items(doc, "parties"):
        name = p.get("name")
        if isinstance(name, str) and not name.strip():
            path = f"/parties/{i}/name"
            yield Problem(path, "blank_name", "tên đương sự không được để trống", ("blank", _wild(path)))
        for j, r in enumerate(_list(p, "representatives")):
            if isinstance(r, Mapping) and isinstance(r.get("name"), str) and not r["name"].strip():
                path = f"/parties/{i}/representatives/{j}/name"
                msg = "tên người đại diện không được để trống"
                yield Problem(path, "blank_name", msg, ("blank", _wild(path)))


def problems(doc: Mapping[str, Any]) -> list[Problem]:
    """Everything wrong with an extraction that its schema does not say."""
    return [*_references(doc), *_duplicates(doc), *_amounts(doc), *_dates(doc), *_names(doc)]


def new_problems(before: Mapping[str, Any], after: Mapping[str, Any]) -> list[Problem]:
    """The problems of `after` that `before` did not have (counted by kind and field, since removing
    an item renumbers the ones after it); the ones at a path that was already wrong are named last."""
    old = problems(before)
    old_count = Counter(p.key for p in old)
    old_paths = {p.path for p in old}
    out: list[Problem] = []
    now = problems(after)
    for key, n in Counter(p.key for p in now).items():
        extra = n - old_count.get(key, 0)
        if extra <= 0:
            continue
        same = [p for p in now if p.key == key]
        same.sort(key=lambda p: p.path in old_paths)
        out += same[:extra]
    order = {id(p): k for k, p in enumerate(now)}
    return sorted(out, key=lambda p: order[id(p)])


_SCHEMA_MSG = {
    "missing": "bắt buộc phải có",
    "int_parsing": "phải là số nguyên",
    "int_type": "phải là số nguyên",
    "int_from_float": "phải là số nguyên",
    "greater_than_equal": "không được âm",
    "less_than_equal": "vượt quá giá trị cho phép",
    "float_parsing": "phải là một số",
    "float_type": "phải là một số",
    "bool_parsing": "phải là có hoặc không",
    "bool_type": "phải là có hoặc không",
    "string_type": "phải là chữ",
    "literal_error": "không phải là một giá trị được phép",
    "enum": "không phải là một giá trị được phép",
    "string_pattern_mismatch": "không đúng dạng mã (P1, O1, A1…)",
    "list_type": "phải là một danh sách",
    "tuple_type": "phải là một danh sách",
    "dict_type": "phải là một nhóm trường",
    "model_type": "phải là một nhóm trường",
    "model_attributes_type": "phải là một nhóm trường",
}


def schema_problem(loc: tuple[Any, ...], kind: str) -> tuple[str, str]:
    """(JSON Pointer, Vietnamese message) of one pydantic error, without the input value."""
    path = "/" + "/".join(str(p).replace("~", "~0").replace("/", "~1") for p in loc)
    return path, _SCHEMA_MSG.get(kind, "không đúng kiểu dữ liệu")
