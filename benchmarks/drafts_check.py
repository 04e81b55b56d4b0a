"""Can the officer sign the drafts? Every gold extraction of a folder as input, with office settings and
every decision input given, each DOCX draft is checked (docproc.decisions.check) and each draft's
enforcement type is compared with the gold's per-obligation label (which follows the guideline).

    python benchmarks/drafts_check.py ../shared/corpus/dev/gold [--only c4-] [--exclude c4-] [--show]

Prints, per set: documents, drafts, drafts with a problem, problems by kind, obligations whose draft
type differs from the gold label. Exit 1 when any problem is found.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from collections import Counter
from datetime import date, timedelta
from pathlib import Path

from docproc.decisions import DraftOptions, OfficeSettings, drafts_for
from docproc.decisions.check import problems
from docproc.decisions.render import docx_text, render_docx

OFFICE = OfficeSettings(
    parent="THI HÀNH ÁN DÂN SỰ TỈNH KHÁNH HÒA",
    name="PHÒNG THI HÀNH ÁN DÂN SỰ KHU VỰC 2 - KHÁNH HÒA",
    place="Khánh Hòa",
    head_name="Trần Văn Thủ",
    signer_title="KT. THỦ TRƯỞNG CƠ QUAN THI HÀNH ÁN DÂN SỰ TỈNH KHÁNH HÒA",
    procuracy="Viện kiểm sát nhân dân khu vực 2 - Khánh Hòa",
    payment_instructions="nộp tại trụ sở cơ quan thi hành án dân sự hoặc chuyển khoản vào tài khoản tạm giữ số 3949.0.1234567 tại Kho bạc Nhà nước khu vực XIII",
    notification_form="giao trực tiếp hoặc qua dịch vụ bưu chính",
)


def options_for(extraction: dict, issue: date) -> DraftOptions:
    """Every decision input an officer would give (the judgment's effective date: 30 days after it)."""
    judged = extraction.get("case", {}).get("date")
    effective = date.fromisoformat(judged) + timedelta(days=30) if judged else None
    return DraftOptions(
        issue_date=issue,
        decision_number="125",
        executor="Nguyễn Văn Chấp",
        judgment_received_date=issue - timedelta(days=2),
        request_date=issue - timedelta(days=3),
        judgment_effective_date=effective,
    )


def check_one(extraction: dict, issue: date, tmp: Path) -> tuple[list[dict], int, int]:
    """(problems, drafts, obligations whose draft type differs from gold) for one extraction."""
    gold_type = {ob["id"]: ob.get("enforcement") for ob in extraction.get("obligations", [])}
    found: list[dict] = []
    wrong_type = 0
    drafts = drafts_for(extraction, OFFICE, options_for(extraction, issue))
    for d in drafts:
        lines = docx_text(render_docx(d, tmp / f"{d.name}.docx"))
        found += [{"draft": d.name, "kind": p.kind, "detail": p.detail} for p in problems(d, lines)]
        for item in d.items:
            want = gold_type.get(item.obligation_id)
            if want and want != d.kind:
                wrong_type += 1
                found.append(
                    {"draft": d.name, "kind": "enforcement_type", "detail": f"{item.obligation_id}: {want}"}
                )
    return found, len(drafts), wrong_type


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("gold", type=Path)
    ap.add_argument("--only", default="", help="only files whose name starts with this")
    ap.add_argument("--exclude", default=None, help="skip files whose name starts with this")
    ap.add_argument("--issue-date", default="2026-12-07", help="decision date (picks the law)")
    ap.add_argument("--show", action="store_true", help="print each problem")
    args = ap.parse_args(argv)
    issue = date.fromisoformat(args.issue_date)
    files = sorted(p for p in args.gold.glob("*.json") if p.name.startswith(args.only))
    if args.exclude:
        files = [p for p in files if not p.name.startswith(args.exclude)]
    kinds: Counter[str] = Counter()
    n_drafts = bad_drafts = 0
    with tempfile.TemporaryDirectory() as tmp:
        for path in files:
            found, n, _ = check_one(json.loads(path.read_text(encoding="utf-8")), issue, Path(tmp))
            n_drafts += n
            bad_drafts += len({f["draft"] for f in found})
            kinds.update(f["kind"] for f in found)
            if args.show:
                for f in found:
                    print(f"{path.stem} {f['draft']} {f['kind']}: {f['detail']}")
    print(
        f"documents {len(files)}  drafts {n_drafts}  drafts with a problem {bad_drafts}  "
        f"problems {dict(kinds) or 0}"
    )
    return 1 if kinds else 0


if __name__ == "__main__":
    sys.exit(main())
