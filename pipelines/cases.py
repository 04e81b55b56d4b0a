"""`docproc cases`: an archive of judgments and enforcement decisions → extractions, audits, cases.

    run_cases(sources, out) -> CasesSummary

Every input is read and extracted once (pipelines.runner.run_document) into OUT/NAME.json; a
document whose OUT/NAME.json already carries the input's sha256 is not redone, so a killed run is
resumed by running it again. Extraction JSON files given as inputs are taken as they are. Then
`write_cases(out)` derives everything else from the per-document JSON files alone: OUT/NAME.audit.json
for every enforcement decision, OUT/cases.csv and OUT/cases.parquet (one row per case) and
OUT/cases_stats.json / .csv (cases and money by status and decision type). `docproc batch --cases`
calls `write_cases` on the batch's output.

With `drafts=CaseDrafts(...)` (`docproc cases --drafts`), OUT/drafts/ gets, from the same JSON files:
NAME.amend.docx/.pdf/.json for every decision whose audit found an error a decision is amended for
(quyết định sửa đổi, bổ sung), JUDGMENT/DRAFT.docx/.pdf/.json for the decisions each judgment calls
for, those already issued in the archive marked so ("ĐÃ CÓ QUYẾT ĐỊNH ..."), and drafts.csv listing
them all. Drafts are an officer's starting point, never issued by a run, so they are made only when
asked.
"""

from __future__ import annotations

import csv
import io
import json
import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from docproc._io import sha256_file, sha256_text
from docproc.audit import CASE_COLUMNS, audit_archive, build_cases, is_decision, link_judgments
from docproc.audit.sentences import sides
from docproc.errors import DocprocError
from pipelines._io import remove_stale_temps, write_atomic, write_with
from pipelines.drafts import (
    AMENDABLE,
    DraftOptions,
    OfficeSettings,
    make_amend_draft,
    make_drafts,
    write_draft,
)

__all__ = [
    "AMENDABLE",
    "CaseDrafts",
    "CasesSummary",
    "amend_draft",
    "decisions_of",
    "cases_of",
    "discrepancy_key",
    "expand_inputs",
    "load_extractions",
    "run_cases",
    "write_cases",
    "OUTPUT_FILES",
]

log = logging.getLogger(__name__)

INPUT_SUFFIXES = {".pdf", ".tif", ".tiff", ".png", ".jpg", ".jpeg", ".txt", ".docx", ".json"}
OUTPUT_FILES = ("cases.csv", "cases.parquet", "cases_stats.json", "cases_stats.csv")
AUDIT_SUFFIX = ".audit.json"


@dataclass
class CasesSummary:
    processed: int = 0
    skipped: int = 0
    failed: list[tuple[str, str]] = field(default_factory=list)  # (file name, message)
    first_error: DocprocError | None = None
    documents: int = 0
    decisions: int = 0
    cases: int = 0
    linked: int = 0
    discrepancies: int = 0
    amend_drafts: int = 0
    drafts: int = 0
    drafts_issued: int = 0

    def lines(self) -> list[str]:
        out = [
            f"{self.processed} documents processed, {self.skipped} already done, {len(self.failed)} failed",
            f"{self.documents} documents, {self.decisions} enforcement decisions ({self.linked} linked to "
            f"their judgment), {self.cases} cases, {self.discrepancies} discrepancies",
        ]
        if self.amend_drafts or self.drafts:
            out.append(
                f"drafts: {self.amend_drafts} amend (sửa đổi, bổ sung), {self.drafts} decisions of which "
                f"{self.drafts_issued} already issued"
            )
        return out


@dataclass
class CaseDrafts:
    """What `docproc cases --drafts` needs to draft: the office and the decision inputs (the issue
    date picks the law of the new decisions); `pdf` adds the previews."""

    office: OfficeSettings | None = None
    options: DraftOptions | None = None
    pdf: bool = True


def expand_inputs(inputs: Iterable[Path]) -> list[Path]:
    files: list[Path] = []
    for item in inputs:
        if item.is_dir():
            files += [
                p for p in sorted(item.rglob("*")) if p.is_file() and p.suffix.lower() in INPUT_SUFFIXES
            ]
        else:
            files.append(item)
    return [f for f in files if not f.name.endswith(AUDIT_SUFFIX)]


def _is_extraction(data: Any) -> bool:
    return isinstance(data, dict) and "schema_version" in data and isinstance(data.get("document"), dict)


def _read_json(path: Path) -> Any:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError):
        return None


def _names(files: list[Path]) -> list[str]:
    """Output name per input: its stem; a stem seen before gets the parent folder's name too."""
    seen: set[str] = set()
    out = []
    for f in files:
        name = f.stem
        if name in seen:
            name = f"{f.parent.name}__{f.stem}"
        k = 2
        base = name
        while name in seen:
            name, k = f"{base}__{k}", k + 1
        seen.add(name)
        out.append(name)
    return out


def run_cases(
    sources: list[Path],
    out: Path,
    *,
    on_file: Callable[[Path, str], None] | None = None,
    drafts: CaseDrafts | None = None,
) -> CasesSummary:
    """Process the inputs not done yet, then derive audits and the cases table from OUT."""
    from docproc.config import get_settings
    from pipelines.runner import LocalPool, error_of, run_document

    out.mkdir(parents=True, exist_ok=True)
    remove_stale_temps(out)  # what a killed run was writing
    files = expand_inputs(sources)
    summary = CasesSummary()
    for path, name in zip(files, _names(files), strict=True):
        target = out / f"{name}.json"
        try:
            if path.suffix.lower() == ".json":
                data = _read_json(path)
                if not _is_extraction(data):
                    raise DocprocError("not an extraction JSON file")
                text = json.dumps(data, ensure_ascii=False, indent=2) + "\n"
                if target.exists() and target.read_text(encoding="utf-8") == text:
                    summary.skipped += 1
                    continue
                write_atomic(target, text)
            else:
                sha = sha256_file(path)
                done = _read_json(target) if target.exists() else None
                if _is_extraction(done) and done["document"].get("sha256") == sha:
                    summary.skipped += 1
                    continue
                with LocalPool(get_settings().ocr_workers) as pool:
                    result = run_document(path, mapper=pool)
                if not result.ok:
                    raise error_of(result.code or "internal_error", result.message or "", path.name)
                data = result.extraction
                write_atomic(target, json.dumps(data, ensure_ascii=False, indent=2) + "\n")
            summary.processed += 1
            if on_file:
                on_file(path, "done")
        except DocprocError as exc:
            summary.first_error = summary.first_error or exc
            summary.failed.append((path.name, exc.message))
        except Exception as exc:  # a bug must not stop a run over an archive
            log.debug("unexpected failure", exc_info=True)
            summary.first_error = summary.first_error or DocprocError(type(exc).__name__)
            summary.failed.append((path.name, f"internal error ({type(exc).__name__})"))
    write_cases(out, summary, drafts=drafts)
    return summary


def load_extractions(out: Path) -> dict[str, dict[str, Any]]:
    """Every extraction JSON under `out` by name (relative path without .json), audits excluded."""
    docs = {}
    for p in sorted(out.rglob("*.json")):
        if p.name.endswith(AUDIT_SUFFIX) or p.name in OUTPUT_FILES or p.name.startswith("."):
            continue
        data = _read_json(p)
        if _is_extraction(data):
            docs[p.relative_to(out).with_suffix("").as_posix()] = data
    return docs


def write_cases(
    out: Path, summary: CasesSummary | None = None, *, drafts: CaseDrafts | None = None
) -> CasesSummary:
    """Audits, cases table and statistics (and drafts, when asked) from the per-document JSON files
    in `out`."""
    summary = summary or CasesSummary()
    docs = {n: d for n, d in load_extractions(out).items() if not n.startswith(f"{DRAFTS_DIR}/")}
    audits, links, _ = audit_archive(docs)
    for name, audit in audits.items():
        write_atomic(out / f"{name}{AUDIT_SUFFIX}", json.dumps(audit, ensure_ascii=False, indent=2) + "\n")
    for p in out.rglob(f"*{AUDIT_SUFFIX}"):  # an audit of a document that is no longer a decision
        if p.relative_to(out).as_posix()[: -len(AUDIT_SUFFIX)] not in audits:
            p.unlink()
    rows, stats = build_cases(docs, audits)
    _write_csv(out / "cases.csv", rows, CASE_COLUMNS)
    _write_parquet(out / "cases.parquet", rows)
    write_atomic(out / "cases_stats.json", json.dumps(stats, ensure_ascii=False, indent=2) + "\n")
    _write_csv(
        out / "cases_stats.csv",
        _stats_rows(stats),
        ("dimension", "key", "count", "amount_vnd", "amount_covered_vnd"),
    )
    summary.documents, summary.decisions, summary.cases = len(docs), len(audits), len(rows)
    summary.linked = sum(link.target is not None for link in links.values())
    summary.discrepancies = sum(len(a["discrepancies"]) for a in audits.values())
    if drafts is not None:
        _write_case_drafts(out, docs, audits, rows, drafts, summary)
    return summary


DRAFTS_DIR = "drafts"
DRAFT_COLUMNS = ("draft", "kind", "judgment", "decision", "status", "already_issued", "corrections")


def _write_case_drafts(
    out: Path,
    docs: dict[str, dict[str, Any]],
    audits: dict[str, dict[str, Any]],
    rows: list[dict[str, Any]],
    settings: CaseDrafts,
    summary: CasesSummary,
) -> None:
    """OUT/drafts/: the amend draft of every decision with an amendable discrepancy, the decisions
    each judgment calls for (already issued ones marked), drafts.csv; stale files of earlier runs go."""
    target = out / DRAFTS_DIR
    written: set[Path] = set()
    listed: list[dict[str, Any]] = []
    for row in rows:
        judgment = row["judgment"]
        if judgment is None:
            continue
        decisions = {n: docs[n] for n in row["decision_ids"]}
        for name in row["decision_ids"]:
            found = (audits.get(name) or {}).get("discrepancies") or []
            try:
                draft = make_amend_draft(
                    docs[name], docs[judgment], found, settings.office, settings.options, decision_name=name
                )
            except Exception:  # one decision's draft must not stop the archive's
                log.debug("amend draft failed", exc_info=True)
                continue
            if draft is None:
                continue
            written |= set(write_draft(draft, target, pdf=settings.pdf))
            summary.amend_drafts += 1
            listed.append(
                {
                    "draft": f"{draft.name}.docx",
                    "kind": "amend",
                    "judgment": judgment,
                    "decision": name,
                    "status": "amend",
                    "already_issued": "",
                    "corrections": "; ".join(c.kind for c in draft.corrections),
                }
            )
        try:
            made = make_drafts(docs[judgment], settings.office, settings.options, existing=decisions)
        except Exception:  # one judgment's draft must not stop the archive's
            log.debug("drafts failed", exc_info=True)
            continue
        for draft in made:
            folder = target / _safe_dir(judgment)
            written |= set(write_draft(draft, folder, pdf=settings.pdf))
            summary.drafts += 1
            summary.drafts_issued += draft.issued
            listed.append(
                {
                    "draft": f"{_safe_dir(judgment)}/{draft.name}.docx",
                    "kind": draft.kind,
                    "judgment": judgment,
                    "decision": "",
                    "status": "already_issued" if draft.issued else ("forced" if draft.forced else "new"),
                    "already_issued": "; ".join(r.decision for r in draft.already_issued),
                    "corrections": "",
                }
            )
    table = target / "drafts.csv"
    _write_csv(table, listed, DRAFT_COLUMNS)
    written.add(table)
    for p in sorted(target.rglob("*"), reverse=True):  # what an earlier run drafted and this one did not
        if p.is_file() and p not in written:
            p.unlink()
        elif p.is_dir() and not any(p.iterdir()):
            p.rmdir()


def _safe_dir(name: str) -> str:
    return name.replace("/", "__")


def decisions_of(extractions: dict[str, dict[str, Any]], judgment: str) -> dict[str, dict[str, Any]]:
    """The enforcement decisions among `extractions` that cite `judgment` (linked to it by number,
    court, date, parties and amounts): those an already-issued check needs. Linking only, no audit,
    so a judgment's draft list stays fast in a large office."""
    decisions = {n: d for n, d in extractions.items() if is_decision(d)}
    judgments = {n: d for n, d in extractions.items() if n not in decisions}
    if judgment not in judgments or not decisions:
        return {}
    links = link_judgments(decisions, judgments)
    return {n: decisions[n] for n in sorted(decisions) if links[n].target == judgment}


def amend_draft(
    extractions: dict[str, dict[str, Any]],
    decision: str,
    office: OfficeSettings | None,
    options: DraftOptions | None,
    *,
    dismissed: set[str] | frozenset[str] = frozenset(),
    name: str | None = None,
) -> tuple[Any, bool]:
    """(the amend draft of `decision` or None, whether the decision is linked to a judgment): its
    audit against the judgment it enforces, leaving out the discrepancies whose key is `dismissed`."""
    audits, _, _ = audit_archive(extractions)
    audit = audits.get(decision)
    if audit is None or not audit.get("judgment"):
        return None, False
    found = [d for d in audit["discrepancies"] if discrepancy_key(d) not in dismissed]
    draft = make_amend_draft(
        extractions[decision],
        extractions[audit["judgment"]],
        found,
        office,
        options,
        decision_name=name or decision,
    )
    return draft, True


def discrepancy_key(discrepancy: dict[str, Any]) -> str:
    """A short stable id of one discrepancy of a decision's audit (kind, obligation and detail): a
    reviewer's verdict holds while the audit finds the same thing, and not once it finds another."""
    raw = "\x1f".join(str(discrepancy.get(k) or "") for k in ("kind", "obligation", "detail"))
    return sha256_text(raw)[:16]


def _decision_view(
    name: str, doc: dict[str, Any], audit: dict[str, Any], judgment: dict[str, Any] | None
) -> dict[str, Any]:
    enf = doc.get("enforcement") or {}
    discrepancies = []
    for d in audit.get("discrepancies") or []:
        discrepancies.append(
            {"key": discrepancy_key(d), **d, **sides(d, doc, judgment), "amendable": d["kind"] in AMENDABLE}
        )
    return {
        "id": name,
        "number": enf.get("number"),
        "date": enf.get("date"),
        "decision_type": enf.get("decision_type"),
        "agency": enf.get("agency"),
        "judgment_reference": enf.get("judgment"),
        "link": audit.get("link"),
        "prior_decision": audit.get("prior_decision"),
        "discrepancies": discrepancies,
    }


def cases_of(extractions: dict[str, dict[str, Any]]) -> list[dict[str, Any]]:
    """The enforcement cases of a set of extractions keyed by id (a service's documents, an archive's
    files): per case the judgment, its decisions in date order with their link and audit, and every
    discrepancy with the decision's and the judgment's sentence that disagree."""
    audits, _, _ = audit_archive(extractions)
    rows, _ = build_cases(extractions, audits)
    out = []
    for row in rows:
        judgment = extractions.get(row["judgment"]) if row["judgment"] else None
        out.append(
            {
                **{k: row[k] for k in CASE_COLUMNS if k not in ("decisions", "decision_types")},
                "decisions": [
                    _decision_view(n, extractions[n], audits[n], judgment) for n in row["decision_ids"]
                ],
            }
        )
    return out


def _stats_rows(stats: dict[str, Any]) -> list[dict[str, Any]]:
    rows = [
        {
            "dimension": "status",
            "key": k,
            "count": v["cases"],
            "amount_vnd": v["amount_ordered_vnd"],
            "amount_covered_vnd": v["amount_covered_vnd"],
        }
        for k, v in stats["by_status"].items()
    ]
    rows += [
        {
            "dimension": "decision_type",
            "key": k,
            "count": v["decisions"],
            "amount_vnd": v["amount_vnd"],
            "amount_covered_vnd": None,
        }
        for k, v in stats["by_decision_type"].items()
    ]
    rows.append(
        {
            "dimension": "total",
            "key": "cases",
            "count": stats["cases"],
            "amount_vnd": stats["amount_ordered_vnd"],
            "amount_covered_vnd": stats["amount_covered_vnd"],
        }
    )
    return rows


def _write_csv(path: Path, rows: list[dict[str, Any]], columns: tuple[str, ...]) -> None:
    buf = io.StringIO()
    w = csv.DictWriter(buf, fieldnames=list(columns), lineterminator="\n")
    w.writeheader()
    for r in rows:
        w.writerow({k: ("" if r.get(k) is None else r.get(k)) for k in columns})
    write_atomic(path, buf.getvalue())


def _write_parquet(path: Path, rows: list[dict[str, Any]]) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    ints = {"n_decisions", "n_obligations", "amount_ordered_vnd", "amount_covered_vnd", "open_discrepancies"}
    schema = pa.schema([(c, pa.int64() if c in ints else pa.string()) for c in CASE_COLUMNS])
    table = pa.Table.from_pylist([{c: r.get(c) for c in CASE_COLUMNS} for r in rows], schema=schema)
    write_with(path, lambda tmp: pq.write_table(table, tmp))
