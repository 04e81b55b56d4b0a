"""Enforcement decisions against the judgments they enforce: link, chain, audit, group into cases.

    link_judgments(decisions, judgments) -> {decision name: Link}   by number, date, court, parties
    link_priors(decisions) -> {decision name: Link}                 the earlier decision acted on
    audit_decision(decision, judgment, decision_name=, judgment_name=) -> audit record
    audit_archive(docs) -> {decision name: audit record}            all of it over one archive
    build_cases(docs, audits) -> (rows, stats)                      the cases table of an archive

Pure library: dicts in (extractions, schema/enforcement.schema.json), dicts out.
"""

from docproc.audit.audit import SCHEMA, audit_decision, map_parties, match_items
from docproc.audit.cases import CASE_COLUMNS, audit_archive, build_cases
from docproc.audit.link import Link, is_decision, link_judgments, link_priors, score_judgment

__all__ = [
    "CASE_COLUMNS",
    "SCHEMA",
    "Link",
    "audit_archive",
    "audit_decision",
    "build_cases",
    "is_decision",
    "link_judgments",
    "link_priors",
    "map_parties",
    "match_items",
    "score_judgment",
]
