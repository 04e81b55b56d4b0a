"""Corrections as JSON Patch (RFC 6902), pure functions. A patch is applied as a whole or not at all,
and the result must still be a valid Extraction (docproc.schema); each operation becomes one audit
record `{op, pointer, from, old, new}`. Replaying the records on the original extraction gives the
current one (`replay`)."""

from __future__ import annotations

import copy
from collections.abc import Iterable, Mapping
from typing import Any

import jsonpatch
import jsonpointer
from pydantic import ValidationError

from docproc.schema import Extraction

__all__ = ["PatchRejected", "apply_patch", "replay", "OPS"]

OPS = ("add", "remove", "replace", "move", "copy", "test")
_MISSING = object()


class PatchRejected(ValueError):
    """The patch cannot be applied (bad operation, missing pointer, failed test) or its result is not
    a valid extraction. `errors` says where, for the 422 answer."""

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
        raise PatchRejected("a JSON Patch is a non-empty array of operations")
    for k, op in enumerate(ops):
        if not isinstance(op, Mapping) or op.get("op") not in OPS or not isinstance(op.get("path"), str):
            raise PatchRejected(f"operation {k} is not a JSON Patch operation (op, path)")
        if op["op"] in ("add", "replace", "test") and "value" not in op:
            raise PatchRejected(f"operation {k} ({op['op']}) needs a value")
        if op["op"] in ("move", "copy") and not isinstance(op.get("from"), str):
            raise PatchRejected(f"operation {k} ({op['op']}) needs from")
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
            raise PatchRejected(
                f"operation {k}: {op['path']} does not exist", [{"op": k, "path": op["path"]}]
            )
        try:
            doc = jsonpatch.JsonPatch([op]).apply(doc, in_place=False)
        except (jsonpatch.JsonPatchException, jsonpointer.JsonPointerException, TypeError, ValueError) as exc:
            raise PatchRejected(
                f"operation {k} on {op['path']}: {exc}", [{"op": k, "path": op["path"]}]
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
        errors = [
            {"path": "/" + "/".join(str(p) for p in e["loc"]), "msg": e["msg"], "type": e["type"]}
            for e in exc.errors(include_url=False, include_input=False)
        ]
        raise PatchRejected("the corrected extraction does not fit the schema", errors) from None
    return doc, records


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
