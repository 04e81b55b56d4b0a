"""Validate extraction JSON against the output contract.

The contract is ../shared/schema/extraction.schema.json; a copy ships in docproc/data so that the
installed package validates offline (a test keeps the copy identical to the shared file).
"""

from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources
from typing import Any

import jsonschema

__all__ = ["contract_schema", "validate_extraction"]


@lru_cache(maxsize=1)
def contract_schema() -> dict[str, Any]:
    text = resources.files("docproc.data").joinpath("extraction.schema.json").read_text(encoding="utf-8")
    return json.loads(text)


def validate_extraction(data: Any) -> list[str]:
    """All contract violations of `data`, as 'pointer: message' lines; empty when valid."""
    validator = jsonschema.Draft202012Validator(
        contract_schema(), format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER
    )
    errors = sorted(validator.iter_errors(data), key=lambda e: list(e.absolute_path))
    return ["/" + "/".join(str(p) for p in e.absolute_path) + f": {e.message}" for e in errors]
