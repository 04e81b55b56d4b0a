"""Corrections as JSON Patch (RFC 6902), pure functions. A patch is applied as a whole or not at all,
and the result must still be a valid Extraction (docproc.schema) that brings no new problem
(api.correction_rules: a reference to nothing, an amount or date of the wrong kind); each operation
becomes one audit record `{op, pointer, from, old, new}`. Replaying the records on the original
extraction gives the current one (`replay`). Refusals are worded in Vietnamese, field by field."""

from __future__ import annotations

import copy
from collections.abc import Iterable, Mapping
from typing import Any

import jsonpatch
import jsonpointer
from pydantic import ValidationError

from api.correction_rules import field_label, new_problems, schema_problem
from docproc.schema import Extraction

__all__ = ["PatchRejected", "apply_patch", "replay", "OPS"]

OPS = ("add", "remove", "replace", "move", "copy", "test")
_MISSING = object()


class PatchRejected(ValueError):
    """The patch cannot be applied (bad operation, missing pointer, failed test) or its result is not
    a valid extraction. The message is Vietnamese; `errors` says where, for the 422 answer: one
    `{path, type, field, msg}` per problem (`field` the field's Vietnamese label)."""

    def __init__(self, message: str, errors: list[dict[str, Any]] | None = None) -> None:
        super().__init__(message)
        self.errors = errors or []


def _resolve(doc: Any, pointer: str) -> Any:
    try:
        return jsonpointer.resolve_pointer(doc, pointer, _MISSING)
    except (jsonpointer.JsonPointerException, TypeError, ValueError):
        return _MISSING


def _new(doc: Any, op: Mapping[str, Any]) -> Any:
    if op["op"] == "remove":
        return None
    value = _resolve(doc, op["path"])
    return None if value is _MISSING or isinstance(value, jsonpointer.EndOfList) else value


def _check_ops(ops: Any) -> list[dict[str, Any]]:
    if not isinstance(ops, list) or not ops:
        raise PatchRejected("Bản sửa (JSON Patch) phải là một danh sách thay đổi, không rỗng")
    for k, op in enumerate(ops):
        if not isinstance(op, Mapping) or op.get("op") not in OPS or not isinstance(op.get("path"), str):
            raise PatchRejected(f"Thay đổi thứ {k + 1} không phải là một thao tác JSON Patch (op, path)")
        if op["op"] in ("add", "replace", "test") and "value" not in op:
            raise PatchRejected(f"Thay đổi thứ {k + 1} ({op['op']}) thiếu giá trị (value)")
        if op["op"] in ("move", "copy") and not isinstance(op.get("from"), str):
            raise PatchRejected(f"Thay đổi thứ {k + 1} ({op['op']}) thiếu nguồn (from)")
    return [dict(op) for op in ops]


def apply_patch(extraction: dict[str, Any], ops: Any) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """(the corrected extraction, one audit record per operation); `extraction` is not modified.

    Unlike plain JSON Patch, `replace` and `remove` need the target to exist (they do in RFC 6902
    too) and `add` needs its parent to exist: a pointer to nowhere is refused, not created."""
    ops = _check_ops(ops)
    doc = copy.deepcopy(extraction)
    records: list[dict[str, Any]] = []
    for k, op in enumerate(ops):
        old = _resolve(doc, op["path"])
        if op["op"] in ("replace", "remove") and old is _MISSING:
            raise _refused(k, op, doc, "trường này không có trong văn bản", "no_such_field")
        try:
            doc = jsonpatch.JsonPatch([op]).apply(doc, in_place=False)
        except jsonpatch.JsonPatchTestFailed:
            raise _refused(k, op, doc, "giá trị đã khác khi lưu", "test_failed") from None
        except (jsonpatch.JsonPatchException, jsonpointer.JsonPointerException, TypeError, ValueError):
            raise _refused(
                k, op, doc, "không áp dụng được thay đổi vào trường này", "bad_operation"
            ) from None
        records.append(
            {
                "op": op["op"],
                "pointer": op["path"],
                "from_pointer": op.get("from"),
                "old": None if old is _MISSING or isinstance(old, jsonpointer.EndOfList) else old,
                "new": op.get("value") if op["op"] in ("add", "replace", "test") else _new(doc, op),
            }
        )
    try:
        Extraction.model_validate(doc)
    except ValidationError as exc:
        errors = []
        for e in exc.errors(include_url=False, include_input=False):
            path, msg = schema_problem(e["loc"], e["type"])
            errors.append({"path": path, "type": e["type"], "field": field_label(path, doc), "msg": msg})
        raise PatchRejected(_sentence(errors), errors) from None
    found = new_problems(extraction, doc)
    if found:
        errors = [p.out(doc) for p in found]
        raise PatchRejected(_sentence(errors), errors)
    return doc, records


def _refused(k: int, op: Mapping[str, Any], doc: Any, msg: str, code: str) -> PatchRejected:
    path = op["path"]
    error = {"op": k, "path": path, "type": code, "field": field_label(path, doc), "msg": msg}
    return PatchRejected(f"Thay đổi thứ {k + 1}: " + _sentence([error]), [error])


def _sentence(errors: list[dict[str, Any]]) -> str:
    """ "Nghĩa vụ O1 › Số tiền (đồng): không được âm" (+ how many more)."""
    first = errors[0]
    more = f" (và {len(errors) - 1} lỗi khác)" if len(errors) > 1 else ""
    return f"{first['field']}: {first['msg']}{more}"


def replay(original: dict[str, Any], records: Iterable[Mapping[str, Any]]) -> dict[str, Any]:
    """The extraction after applying audit records, in order, to the original."""
    doc = copy.deepcopy(original)
    for r in records:
        op: dict[str, Any] = {"op": r["op"], "path": r["pointer"]}
        if r["op"] in ("add", "replace", "test"):
            op["value"] = r["new"]
        if r["op"] in ("move", "copy"):
            op["from"] = r["from_pointer"]
        doc = jsonpatch.JsonPatch([op]).apply(doc, in_place=False)
    return doc
