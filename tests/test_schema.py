"""The pydantic models and every JSON we write keep to the shared contract."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from docproc.schema import Extraction
from docproc.validation import contract_schema, validate_extraction

SHARED_SCHEMA = Path(__file__).resolve().parents[2] / "shared" / "schema" / "extraction.schema.json"


def test_packaged_contract_is_the_shared_one() -> None:
    assert contract_schema() == json.loads(SHARED_SCHEMA.read_text(encoding="utf-8"))


def _types(node: dict) -> set[str]:
    """JSON types a schema node admits (resolving pydantic's anyOf/$ref forms loosely)."""
    if "type" in node:
        t = node["type"]
        return set(t) if isinstance(t, list) else {t}
    if "const" in node:
        return {type(node["const"]).__name__.replace("str", "string")}
    if "enum" in node:
        kinds = {"null" if v is None else "string" for v in node["enum"]}
        return kinds
    out: set[str] = set()
    for key in ("anyOf", "oneOf", "allOf"):
        for sub in node.get(key, []):
            out |= _types(sub)
    if "$ref" in node:
        out.add("object")
    return out


def _resolve(node: dict, defs: dict) -> dict:
    if "$ref" in node:
        return defs[node["$ref"].split("/")[-1]]
    for key in ("anyOf", "oneOf"):
        for sub in node.get(key, []):
            if "$ref" in sub:
                return defs[sub["$ref"].split("/")[-1]]
            if sub.get("type") == "array" and "$ref" in sub.get("items", {}):
                return sub
    return node


def _walk(shared: dict, ours: dict, defs: dict, path: str, problems: list[str]) -> None:
    ours = _resolve(ours, defs)
    if "properties" in shared:
        props = ours.get("properties", {})
        for name, sub in shared["properties"].items():
            if name not in props:
                problems.append(f"{path}/{name}: missing")
                continue
            _walk(sub, props[name], defs, f"{path}/{name}", problems)
    if shared.get("type") == "array" and "items" in shared:
        items = ours.get("items") or next(
            (s.get("items") for s in ours.get("anyOf", []) if s.get("type") == "array"), None
        )
        if items is None:
            problems.append(f"{path}[]: not an array")
        else:
            _walk(shared["items"], items, defs, f"{path}[]", problems)
    want, have = _types(shared), _types(ours)
    if want and have and not ({"integer"} & want and "number" in have) and not (have <= want | {"null"}):
        # our type may be narrower (e.g. null only where the contract allows it), never wider
        if not (have - {"null"}) <= (want | ({"number"} if "integer" in want else set())):
            problems.append(f"{path}: contract types {sorted(want)}, ours {sorted(have)}")


def test_every_contract_property_exists_with_a_compatible_type() -> None:
    shared = json.loads(SHARED_SCHEMA.read_text(encoding="utf-8"))
    ours = Extraction.model_json_schema()
    problems: list[str] = []
    _walk(shared, ours, ours.get("$defs", {}), "", problems)
    assert problems == []


def test_gold_files_parse_into_the_models(dev_gold: Path) -> None:
    for path in sorted(dev_gold.glob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        model = Extraction.model_validate(data)
        assert validate_extraction(model.to_json_dict()) == [], path.name


def test_validation_reports_pointer_and_reason() -> None:
    errors = validate_extraction({"schema_version": "1", "document": {"source": "x", "pages": -1}})
    assert any(e.startswith("/document/pages") for e in errors)
    assert any("required" in e for e in errors)


@pytest.mark.parametrize("bad", [{"amount_vnd": -5}, {"kind": "gift"}, {"id": "X1"}])
def test_model_refuses_values_the_contract_refuses(bad: dict) -> None:
    base = {"id": "O1", "kind": "pay_money", "obligors": [], "obligees": []}
    with pytest.raises(ValueError):
        Extraction.model_validate({"document": {"source": "x", "pages": 0}, "obligations": [{**base, **bad}]})
