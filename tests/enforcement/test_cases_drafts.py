"""`docproc cases --drafts`: an archive of one judgment and its decisions (synthetic extraction JSON
files, tests/decisions/synthetic_pair.py) → OUT/drafts/NAME.amend.docx for the decision whose audit
found errors, the judgment's drafts with those already issued marked, drafts.csv; a rerun after the
decision is corrected drops the amend draft."""

from __future__ import annotations

import csv
import importlib.util
import json
import subprocess
import sys
from pathlib import Path

from docproc.decisions.render import ISSUED_MARK, docx_text

ROOT = Path(__file__).resolve().parents[2]
_spec = importlib.util.spec_from_file_location(
    "synthetic_pair", ROOT / "tests" / "decisions" / "synthetic_pair.py"
)
pair = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(pair)  # type: ignore[union-attr]


def _write(folder: Path, name: str, data: dict) -> None:
    (folder / f"{name}.json").write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")


def _run(src: Path, out: Path, *extra: str) -> subprocess.CompletedProcess:
    res = subprocess.run(
        [sys.executable, "-m", "cli", "cases", str(src), "--out", str(out), *extra],
        capture_output=True,
        text=True,
        timeout=300,
        cwd=ROOT,
    )
    assert res.returncode == 0, res.stderr
    return res


def _rows(out: Path) -> list[dict[str, str]]:
    with open(out / "drafts" / "drafts.csv", encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


def test_cases_drafts_amend_and_issued(tmp_path: Path) -> None:
    src, out = tmp_path / "archive", tmp_path / "out"
    src.mkdir()
    _write(src, "ban-an", pair.judgment())
    wrong = pair.on_request_p2(amount=105_000_000, law="26/2008/QH12", decree="62/2015/NĐ-CP")
    _write(src, "qd-101", wrong)
    _write(src, "qd-102", pair.ex_officio_p3())

    plain = _run(src, tmp_path / "plain")
    assert not (tmp_path / "plain" / "drafts").exists()  # drafts only when asked
    assert "drafts:" not in plain.stderr

    res = _run(src, out, "--drafts", "--issue-date", "2026-09-01", "--no-pdf")
    assert "drafts: 1 amend" in res.stderr and "2 already issued" in res.stderr
    assert "Lê Thị Cúc" not in res.stderr  # no personal data in what the command prints
    amend = out / "drafts" / "qd-101.amend.docx"
    assert amend.is_file() and not (out / "drafts" / "qd-102.amend.docx").exists()
    data = json.loads((out / "drafts" / "qd-101.amend.json").read_text(encoding="utf-8"))
    audit = json.loads((out / "qd-101.audit.json").read_text(encoding="utf-8"))
    assert sorted((c["kind"], c["obligation"]) for c in data["corrections"]) == sorted(
        (d["kind"], d["obligation"]) for d in audit["discrepancies"]
    )
    text = "\n".join(docx_text(amend))
    assert "Về việc sửa đổi, bổ sung quyết định thi hành án" in text and "Số: ......../QĐ-THADS" in text
    assert "150.000.000 đồng (Một trăm năm mươi triệu đồng)" in text

    rows = {r["draft"]: r for r in _rows(out)}
    assert (
        rows["qd-101.amend.docx"]["status"] == "amend" and rows["qd-101.amend.docx"]["judgment"] == "ban-an"
    )
    assert rows["ban-an/on-request-P1-P2.docx"]["status"] == "already_issued"
    assert rows["ban-an/on-request-P1-P2.docx"]["already_issued"] == "qd-101"
    assert rows["ban-an/ex-officio-P3.docx"]["already_issued"] == "qd-102"
    assert rows["ban-an/ex-officio-P2.docx"]["status"] == "new"
    issued = docx_text(out / "drafts" / "ban-an" / "on-request-P1-P2.docx")
    assert issued[1].startswith(ISSUED_MARK) and "101/QĐ-THADS" in issued[1]
    assert not any(ISSUED_MARK in ln for ln in docx_text(out / "drafts" / "ban-an" / "ex-officio-P2.docx"))

    # the decision corrected in the archive (its two items as the judgment orders): rerun, no amend left
    right = pair.decision(
        "execute_on_request",
        [("pay_money", ["P2"], ["P1"], 150_000_000), ("pay_money", ["P2"], ["P1"], 12_000_000)],
    )
    _write(src, "qd-101", right)
    res = _run(src, out, "--drafts", "--issue-date", "2026-09-01", "--no-pdf")
    assert "drafts: 0 amend" in res.stderr
    assert not amend.exists() and not (out / "drafts" / "qd-101.amend.json").exists()
    assert json.loads((out / "qd-101.audit.json").read_text(encoding="utf-8"))["discrepancies"] == []
    assert {r["draft"] for r in _rows(out)} == {
        f"ban-an/{n}.docx"
        for n in ("ex-officio-P1", "ex-officio-P2", "ex-officio-P3", "on-request-P1-P2", "on-request-P1-P3")
    }
