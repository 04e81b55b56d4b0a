"""The dispatch in `docproc.extract.extract`: judgments stay judgments, enforcement decisions get
their reader, anything else comes back flagged; both contracts validate; golden dev decisions."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from cli import app
from docproc.document import Document
from docproc.extract import _extract_judgment, extract
from docproc.extract.enforcement.kind import NOT_LEGAL_WARNING
from docproc.validation import contract_for, contract_schema, validate_extraction


def _scorer(shared_dir: Path):  # noqa: ANN202 - a module loaded from ../shared
    spec = importlib.util.spec_from_file_location(
        "score_enforcement", shared_dir / "eval" / "score_enforcement.py"
    )
    assert spec is not None and spec.loader is not None
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def test_packaged_enforcement_contract_is_the_shared_one(shared_dir: Path) -> None:
    shared = json.loads((shared_dir / "schema" / "enforcement.schema.json").read_text(encoding="utf-8"))
    assert contract_schema("enforcement") == shared


def test_a_judgment_is_still_read_as_a_judgment(dev_txt: Path) -> None:
    doc = Document.from_text((dev_txt / "c1-01.txt").read_text(encoding="utf-8"), source="c1-01.txt")
    got = extract(doc).to_json_dict()
    assert got["document"]["kind"] == "judgment" and "enforcement" not in got
    assert got == _extract_judgment(doc).to_json_dict()
    assert contract_for(got) == "extraction" and validate_extraction(got) == []


@pytest.mark.parametrize(
    "text",
    ["Kính gửi Ban Giám đốc, xin gửi báo giá tháng 5 như sau: 12 thùng, giá 300.000 đồng.", "123456789", ""],
)
def test_not_a_legal_document_is_returned_flagged(text: str) -> None:
    got = extract(Document.from_text(text, source="x.txt"))
    assert got.document.kind == "other"
    assert got.document.warnings[0] == NOT_LEGAL_WARNING
    assert all((ev.confidence or 0) <= 0.3 for ev in got.evidence.values())
    assert validate_extraction(got.to_json_dict()) == []


def test_letter_sample_is_flagged(samples) -> None:  # noqa: ANN001 - fixture module
    got = extract(Document.from_text(samples.LETTER, source="letter.txt"))
    assert got.document.kind == "other" and NOT_LEGAL_WARNING in got.document.warnings


def test_validate_accepts_both_contracts_and_refuses_a_bad_enforcement(
    tmp_path: Path, dev_txt: Path, samples
) -> None:  # noqa: ANN001
    j = extract(Document.from_text((dev_txt / "c1-01.txt").read_text(encoding="utf-8"), source="c1-01.txt"))
    e = extract(Document.from_text(samples.SUSPEND, source="s.txt"))
    (tmp_path / "j.json").write_text(json.dumps(j.to_json_dict(), ensure_ascii=False), encoding="utf-8")
    (tmp_path / "e.json").write_text(json.dumps(e.to_json_dict(), ensure_ascii=False), encoding="utf-8")
    bad = e.to_json_dict()
    bad["enforcement"]["decision_type"] = "pardon"
    (tmp_path / "bad.json").write_text(json.dumps(bad, ensure_ascii=False), encoding="utf-8")
    runner = CliRunner()
    ok = runner.invoke(app, ["validate", str(tmp_path / "j.json"), str(tmp_path / "e.json")])
    assert ok.exit_code == 0, ok.output
    res = runner.invoke(app, ["validate", str(tmp_path / "bad.json")])
    assert res.exit_code == 1 and "decision_type" in res.output


@pytest.mark.parametrize("name", ["e01", "e08", "e15"])
def test_golden_dev_decision(name: str, enforcement_dev: Path, shared_dir: Path) -> None:
    """Whole dev decisions agree with their gold on every scored fact and field."""
    score = _scorer(shared_dir)
    gold = json.loads((enforcement_dev / "gold" / f"{name}.json").read_text(encoding="utf-8"))
    text = (enforcement_dev / "txt" / f"{name}.txt").read_text(encoding="utf-8")
    got = extract(Document.from_text(text, source=f"{name}.txt")).to_json_dict()
    assert validate_extraction(got) == []
    assert {k: v for k, v in score.field_hits(gold, got).items() if not v[0]} == {}
    gf, pf = score.all_facts(gold), score.all_facts(got)
    for key in score.FACT_KEYS:
        assert gf[key] == pf[key], key
    # every value carries evidence with a confidence
    for field in ("agency", "number", "date", "decision_type", "signer"):
        assert got["evidence"][f"/enforcement/{field}"]["confidence"] > 0.5
    assert all(f"/obligations/{i}/amount_vnd" in got["evidence"] for i in range(len(got["obligations"])))


def test_no_drafts_are_made_from_an_enforcement_decision(samples) -> None:  # noqa: ANN001 - fixture module
    from docproc.decisions import drafts_for

    ex = extract(Document.from_text(samples.NOT_ENFORCEABLE, source="n.txt"))
    assert drafts_for(ex.to_json_dict()) == []
