"""Drafts that know what was issued, and amend drafts, on every judgment of a gold folder.

    python benchmarks/drafts_existing_eval.py ../shared/corpus/dev/gold [--families c4] [--show]

For each judgment, the drafts are made (issue date 1/9/2026); for each draft, a decision restating
exactly its items is built (the parties as the judgment names them, number, date 1/8/2026, Law
106/2025) and then:
- issued: `mark_issued` with that one decision must mark that draft and no other, with nothing
  uncovered (per draft: right / wrong / missed);
- amend: the decision is damaged the way inspections find (one amount mistyped, one item left out
  when it has two, the 2008 law cited, the judgment number's year changed), audited (docproc.audit),
  and `draft_amend` must correct each planted error (kind, obligation) with the judgment's value, add
  no correction the audit did not find, and pass the signing checks (docproc.decisions.check).
The decisions are built here from the judgments' extractions; nothing is learnt from them.
"""

from __future__ import annotations

import argparse
import copy
import json
import re
import sys
import tempfile
from collections import Counter
from datetime import date
from pathlib import Path
from typing import Any

from docproc.audit import audit_decision
from docproc.decisions import DraftOptions, OfficeSettings, draft_amend, drafts_for, mark_issued
from docproc.decisions.check import problems
from docproc.decisions.render import docx_text, render_docx

OFFICE = OfficeSettings(
    parent="CỤC QUẢN LÝ THI HÀNH ÁN DÂN SỰ",
    name="THI HÀNH ÁN DÂN SỰ TỈNH NGHỆ AN",
    place="Nghệ An",
    head_name="Trần Văn Thủ",
    procuracy="Viện kiểm sát nhân dân tỉnh Nghệ An",
    payment_instructions="nộp tại trụ sở cơ quan thi hành án dân sự",
    notification_form="giao trực tiếp",
)
OPTS = DraftOptions(
    issue_date=date(2026, 9, 1),
    decision_number="9",
    executor="Phan Văn Chấp",
    request_date=date(2026, 8, 20),
    judgment_received_date=date(2026, 8, 20),
)
EXECUTE = {"ex_officio": "execute_ex_officio", "on_request": "execute_on_request"}


def decision_for(judgment: dict[str, Any], draft: Any, number: str) -> dict[str, Any]:
    """A correct execute decision of `draft`'s items, as an extraction."""
    jparties = {p["id"]: p for p in judgment.get("parties") or []}
    jobs = {o["id"]: o for o in judgment.get("obligations") or []}
    parties: dict[str, dict[str, Any]] = {}

    def pid(p: str, role: str) -> str:
        if p == "STATE" or p not in jparties:
            return p
        if p not in parties:
            src = jparties[p]
            parties[p] = {
                "id": f"P{len(parties) + 1}",
                "role": role,
                **{k: src.get(k) for k in ("name", "kind", "birth_year", "id_number", "address")},
            }
        return parties[p]["id"]

    items = []
    for k, item in enumerate(draft.items, start=1):
        jo = jobs[item.obligation_id]
        items.append(
            {
                "id": f"O{k}",
                "kind": jo["kind"],
                "obligors": [pid(p, "obligor") for p in jo.get("obligors") or []],
                "obligees": [pid(p, "obligee") for p in jo.get("obligees") or []],
                "amount_vnd": jo.get("amount_vnd"),
                "secured_by": [],
                "text": jo.get("text"),
            }
        )
    case = judgment.get("case") or {}
    return {
        "schema_version": "1",
        "document": {"source": "qd.txt", "pages": 1, "kind": "enforcement_decision"},
        "case": {"court": None, "number": None, "date": None},
        "parties": list(parties.values()),
        "obligations": items,
        "assets": [],
        "evidence": {},
        "enforcement": {
            "agency": "Thi hành án dân sự tỉnh Nghệ An",
            "number": number,
            "date": "2026-08-01",
            "decision_type": EXECUTE[draft.kind],
            "legal_basis_law": "106/2025/QH15",
            "legal_basis_decree": "152/2026/NĐ-CP",
            "deadline_days": 10,
            "judgment": {"number": case.get("number"), "date": case.get("date"), "court": case.get("court")},
        },
    }


def damage(dec: dict[str, Any], draft: Any) -> tuple[dict[str, Any], set[tuple[str, str | None]]]:
    """The decision with errors planted, and the (kind, judgment obligation) pairs planted."""
    dec = copy.deepcopy(dec)
    planted: set[tuple[str, str | None]] = set()
    items = dec["obligations"]
    ids = [i.obligation_id for i in draft.items]
    money = [
        k for k, it in enumerate(items) if isinstance(it.get("amount_vnd"), int) and it["amount_vnd"] >= 1000
    ]
    if len(items) >= 2:  # the last item left out
        items.pop()
        planted.add(("missing_obligation", ids[len(items)]))
        money = [k for k in money if k < len(items)]
    if money:  # a digit of the first amount mistyped (the second digit from the left)
        k = money[0]
        s = str(items[k]["amount_vnd"])
        s = s[0] + str((int(s[1]) + 1) % 10) + s[2:]
        items[k]["amount_vnd"] = int(s)
        planted.add(("amount_mismatch", ids[k]))
    enf = dec["enforcement"]
    enf["legal_basis_law"] = "26/2008/QH12"
    planted.add(("wrong_law_for_date", None))
    num = enf["judgment"].get("number")
    m = re.search(r"(19|20)\d\d", num or "")
    if m:
        year = int(m.group(0))
        enf["judgment"]["number"] = num[: m.start()] + str(year - 1) + num[m.end() :]
        planted.add(("wrong_judgment_reference", None))
    return dec, planted


def evaluate(gold: Path, families: list[str] | None, show: bool) -> dict[str, Any]:
    c: Counter[str] = Counter()
    failures: list[str] = []
    for path in sorted(gold.glob("*.json")):
        name = path.stem
        if families and not any(name.startswith(f) for f in families):
            continue
        judgment = json.loads(path.read_text(encoding="utf-8"))
        if judgment.get("document", {}).get("kind") == "enforcement_decision":
            continue
        c["judgments"] += 1
        drafts = drafts_for(judgment, OFFICE, OPTS)
        for k, draft in enumerate(drafts):
            if not draft.items:
                continue
            c["drafts"] += 1
            dec = decision_for(judgment, draft, f"{100 + k}/QĐ-THADS")
            marked = mark_issued(drafts_for(judgment, OFFICE, OPTS), judgment, {"qd": dec})
            hits = [d.name for d in marked if d.already_issued]
            if hits == [draft.name] and not marked[k].uncovered:
                c["issued_right"] += 1
            else:
                c["issued_missed" if draft.name not in hits else "issued_wrong"] += 1
                failures.append(f"{name} {draft.name}: marked {hits}, uncovered {marked[k].uncovered}")
            c["issued_others_marked"] += len([h for h in hits if h != draft.name])

            bad, planted = damage(dec, draft)
            found = audit_decision(bad, judgment, decision_name="qd", judgment_name=name)["discrepancies"]
            amend = draft_amend(bad, judgment, found, OFFICE, OPTS, decision_name="qd")
            got = {(x.kind, x.obligation) for x in amend.corrections} if amend else set()
            audited = {(x["kind"], x.get("obligation")) for x in found}
            c["planted"] += len(planted)
            c["corrected"] += len(planted & got)
            c["extra_not_audited"] += len(got - audited)
            c["extra_not_planted"] += len(got - planted)
            if planted - got:
                failures.append(f"{name} {draft.name}: not corrected {sorted(planted - got, key=str)}")
            if amend is None:
                continue
            c["amend_drafts"] += 1
            with tempfile.TemporaryDirectory() as tmp:
                lines = docx_text(render_docx(amend, Path(tmp) / "a.docx"))
            found_problems = problems(amend, lines)
            c["amend_with_problem"] += bool(found_problems)
            if found_problems:
                failures.append(f"{name} {draft.name}: {found_problems[:2]}")
            jobs = {o["id"]: o for o in judgment["obligations"]}
            for x in amend.corrections:  # the corrected amount is the judgment's
                if x.kind == "amount_mismatch":
                    want = f"{jobs[x.obligation]['amount_vnd']:,}".replace(",", ".") + " đồng ("
                    c["amount_lines"] += 1
                    c["amount_lines_right"] += want in x.lines[0]
    if show:
        for f in failures:
            print("  " + f)
    return dict(c)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("gold", type=Path)
    ap.add_argument("--families", nargs="*", help="name prefixes, e.g. c1 c2 c3 or c4")
    ap.add_argument("--show", action="store_true", help="list each failure")
    args = ap.parse_args(argv)
    print(json.dumps(evaluate(args.gold, args.families, args.show), indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
