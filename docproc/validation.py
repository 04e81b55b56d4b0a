"""Validate extraction JSON against the output contracts.

Two contracts, copies of ../shared/schema shipped in docproc/data so that the installed package
validates offline (a test keeps each copy identical to the shared file):
- extraction.schema.json: a court judgment or decision;
- enforcement.schema.json: its additive extension for enforcement decisions (document.kind
  "enforcement_decision", the `enforcement` object, roles obligor/obligee).
A document is checked against the enforcement contract when it says it is an enforcement decision
(or carries an `enforcement` object), else against the judgment contract, which stays strict.
"""

from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources
from typing import Any

import jsonschema

__all__ = ["contract_schema", "contract_for", "validate_extraction"]

_FILES = {"extraction": "extraction.schema.json", "enforcement": "enforcement.schema.json"}


@lru_cache(maxsize=2)
def contract_schema(name: str = "extraction") -> dict[str, Any]:
    text = resources.files("docproc.data").joinpath(_FILES[name]).read_text(encoding="utf-8")
    return json.loads(text)


def contract_for(data: Any) -> str:
    """ "enforcement" for an enforcement decision's extraction, else "extraction"."""
    if isinstance(data, dict):
        doc = data.get("document")
        if "enforcement" in data or (isinstance(doc, dict) and doc.get("kind") == "enforcement_decision"):
            return "enforcement"
    return "extraction"


def validate_extraction(data: Any) -> list[str]:
    """All contract violations of `data`, as 'pointer: message' lines; empty when valid."""
    validator = jsonschema.Draft202012Validator(
        contract_schema(contract_for(data)), format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER
    )
    errors = sorted(validator.iter_errors(data), key=lambda e: list(e.absolute_path))
    return ["/" + "/".join(str(p) for p in e.absolute_path) + f": {e.message}" for e in errors]
