"""Which judgment a decision enforces, and which earlier decision it acts on.

Links are made from what the documents say (number, date, court, parties, amounts), never from file
names; each comes with a score and a reason without personal data. Damaged numbers ("l5/2O24/KDTM-S
T") still link; a judgment that is not close enough gets no link.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache
from typing import Any

from docproc.audit._rules import rules
from docproc.audit._text import (
    fold_court,
    fold_name,
    fold_plain,
    name_score,
    norm_number,
    number_parts,
    similarity,
)

__all__ = ["Link", "is_decision", "judgment_refs", "score_judgment", "link_judgments", "link_priors"]


@dataclass(frozen=True)
class Link:
    """`target` is the linked document's name; `ref` the reference of the decision that matched."""

    target: str | None
    score: float
    reason: str
    ref: dict[str, Any] | None = None


def is_decision(doc: dict[str, Any]) -> bool:
    return (doc.get("document") or {}).get("kind") == "enforcement_decision"


def judgment_refs(decision: dict[str, Any]) -> list[dict[str, Any]]:
    """The judgment references of a decision, the deciding one first."""
    enf = decision.get("enforcement") or {}
    refs = [enf.get("judgment")] + list(enf.get("other_judgments") or [])
    return [r for r in refs if isinstance(r, dict) and (r.get("number") or r.get("date") or r.get("court"))]


@lru_cache(maxsize=1 << 16)
def number_score(a: str | None, b: str | None) -> float:
    """0..1: sequence number, year and symbol compared after OCR folding; string likeness as a floor."""
    if not a or not b:
        return 0.0
    na, nb = norm_number(a), norm_number(b)
    if na == nb:
        return 1.0
    w = rules()["link"]["number_parts"]
    sa, ya, xa = number_parts(a)
    sb, yb, xb = number_parts(b)
    s = 0.0
    s += w["seq"] * (sa is not None and sa == sb)
    s += w["year"] * (ya is not None and ya == yb)
    s += w["symbol"] * (similarity(xa, xb) if xa and xb else 0.0)
    return round(s, 4)


@lru_cache(maxsize=1 << 16)
def date_score(a: str | None, b: str | None) -> float:
    if not a or not b:
        return 0.0
    if a == b:
        return 1.0
    try:
        da, db = date.fromisoformat(a), date.fromisoformat(b)
    except ValueError:
        return 0.0
    if abs((da - db).days) <= 3 or (da.day, da.month) == (db.month, db.day) and da.year == db.year:
        return 0.5
    same = (da.year == db.year) + (da.month == db.month) + (da.day == db.day)
    return 0.3 if same == 2 else 0.0  # one typed part wrong


@lru_cache(maxsize=1 << 16)
def court_score(a: str | None, b: str | None) -> float:
    fa, fb = fold_court(a), fold_court(b)
    if not fa or not fb:
        return 0.0
    if fa == fb:
        return 1.0
    if fa.startswith(fb) or fb.startswith(fa):
        return 0.9  # the place given with or without its province
    return round(similarity(fa, fb) ** 2, 4)  # "huyện A" and "huyện B" share most letters: square it


def _names(doc: dict[str, Any]) -> list[str]:
    return [fold_name(p.get("name")) for p in doc.get("parties") or [] if p.get("name")]


def party_overlap(decision: dict[str, Any], judgment: dict[str, Any]) -> tuple[int, int]:
    """(decision parties found among the judgment's, decision parties)."""
    dn, jn = _names(decision), _names(judgment)
    exact = set(jn)
    found = sum(d in exact or any(name_score(d, j, 0.88) >= 0.88 for j in jn) for d in dn)
    return found, len(dn)


def amount_overlap(decision: dict[str, Any], judgment: dict[str, Any]) -> tuple[int, int]:
    da = [o.get("amount_vnd") for o in decision.get("obligations") or [] if o.get("amount_vnd")]
    ja = {o.get("amount_vnd") for o in judgment.get("obligations") or [] if o.get("amount_vnd")}
    return sum(a in ja for a in da), len(da)


def score_judgment(decision: dict[str, Any], judgment: dict[str, Any]) -> tuple[float, str, dict | None]:
    """(score 0..1, reason, the reference that matched best) of `judgment` for `decision`."""
    cfg = rules()["link"]
    w = cfg["weights"]
    case = judgment.get("case") or {}
    best = (0.0, 0.0, 0.0, None)
    refs = judgment_refs(decision) or [None]
    for ref in refs:
        ref = ref or {}
        n = number_score(ref.get("number"), case.get("number"))
        d = date_score(ref.get("date"), case.get("date"))
        c = court_score(ref.get("court"), case.get("court"))
        if w["number"] * n + w["date"] * d + w["court"] * c > (
            w["number"] * best[0] + w["date"] * best[1] + w["court"] * best[2]
        ):
            best = (n, d, c, ref or None)
    secondary = best[3] is not None and best[3] is not refs[0]
    n, d, c, ref = best
    ref = ref or {}
    pf, pt = party_overlap(decision, judgment)
    af, at = amount_overlap(decision, judgment)
    jn = len(_names(judgment))
    # a component that one side does not state is left out, not counted as a disagreement
    parts = [
        (w["number"], n, bool(ref.get("number") and case.get("number"))),
        (w["date"], d, bool(ref.get("date") and case.get("date"))),
        (w["court"], c, bool(ref.get("court") and case.get("court"))),
        (w["parties"], pf / pt if pt else 0.0, bool(pt and jn)),
        (w["amounts"], af / at if at else 0.0, bool(at)),
    ]
    total = sum(wt for wt, _, known in parts if known)
    score = sum(wt * v for wt, v, known in parts if known) / total if total else 0.0
    reason = f"number {n:.2f}, date {d:.2f}, court {c:.2f}, parties {pf}/{pt}, amounts {af}/{at}"
    if pt and jn and not pf and not (n == 1.0 and d == 1.0):
        score *= cfg[
            "no_party_factor"
        ]  # not one party in common: another case, unless the reference is exact
    if secondary:  # matched a judgment cited beside the deciding one: the deciding one wins a tie
        score *= cfg["secondary_reference_factor"]
    # without the number or date, a link needs the parties or the sums to agree
    if max(n, d, pf / pt if pt else 0.0, af / at if at else 0.0) < cfg["min_evidence"]:
        score = min(score, cfg["min_score"] - 0.01)
    return round(min(score, 1.0), 4), reason, ref


def _ref_keys(number: str | None, day: str | None) -> set[tuple]:
    """Blocking keys of a reference: any two of sequence number, year and symbol; the date ± 3 days."""
    keys: set[tuple] = set()
    seq, year, symbol = number_parts(number)
    if seq is not None and year is not None:
        keys.add(("sy", seq, year))
    if seq is not None and symbol:
        keys.add(("sx", seq, symbol))
    if year is not None and symbol:
        keys.add(("yx", year, symbol))
    if day:
        try:
            d0 = date.fromisoformat(day)
        except ValueError:
            d0 = None
        if d0 is not None:
            keys |= {("d", (d0 + timedelta(days=k)).isoformat()) for k in range(-3, 4)}
            keys.add(("d", f"{d0.year}-{d0.day:02d}-{d0.month:02d}") if d0.day <= 12 else ("d", day))
    return keys


def _doc_keys(doc: dict[str, Any]) -> set[tuple]:
    keys = {("p", n) for n in _names(doc) if n}
    keys |= {("a", o["amount_vnd"]) for o in doc.get("obligations") or [] if o.get("amount_vnd")}
    return keys


class JudgmentIndex:
    """Judgments by blocking keys, so that a decision is scored only against judgments that share a
    reference part, a party name or an amount with it (strong keys), and only when none of those is
    close enough, against those of the same year and symbol or date (weak keys, large buckets)."""

    WEAK = ("yx", "d")

    def __init__(self, judgments: dict[str, dict[str, Any]]) -> None:
        self.judgments = judgments
        self.by_key: dict[tuple, set[str]] = {}
        for name, doc in judgments.items():
            case = doc.get("case") or {}
            for key in _ref_keys(case.get("number"), case.get("date")) | _doc_keys(doc):
                self.by_key.setdefault(key, set()).add(name)

    def candidates(self, decision: dict[str, Any], weak: bool = False) -> list[str]:
        keys = _doc_keys(decision)
        for ref in judgment_refs(decision):
            keys |= _ref_keys(ref.get("number"), ref.get("date"))
        found: set[str] = set()
        for key in keys:
            if (key[0] in self.WEAK) == weak:
                found |= self.by_key.get(key, set())
        return sorted(found)


def link_judgments(
    decisions: dict[str, dict[str, Any]], judgments: dict[str, dict[str, Any]]
) -> dict[str, Link]:
    """The judgment of every decision (names → Link); target None when nothing is close enough."""
    min_score = rules()["link"]["min_score"]
    index = JudgmentIndex(judgments)
    out: dict[str, Link] = {}
    for dname, dec in decisions.items():
        best: Link = Link(None, 0.0, "no judgment in the archive")
        seen: set[str] = set()
        for weak in (False, True):
            if best.score >= min_score:
                break
            for jname in index.candidates(dec, weak):
                if jname in seen:
                    continue
                seen.add(jname)
                score, reason, ref = score_judgment(dec, judgments[jname])
                if score > best.score:
                    best = Link(jname, score, reason, ref)
        if best.target is None or best.score < min_score:
            out[dname] = Link(None, best.score, f"no judgment close enough (best: {best.reason})")
        else:
            out[dname] = best
    return out


def _agency_score(a: str | None, b: str | None) -> float:
    fa, fb = (
        fold_plain(a).replace("thads", "thi hanh an dan su"),
        fold_plain(b).replace("thads", "thi hanh an dan su"),
    )
    return similarity(fa, fb) if fa and fb else 0.0


def link_priors(decisions: dict[str, dict[str, Any]]) -> dict[str, Link]:
    """For every decision that names a prior decision, the earlier decision of the archive it means."""
    cfg = rules()["prior_link"]
    w = cfg["weights"]
    out: dict[str, Link] = {}
    for name, dec in decisions.items():
        prior = (dec.get("enforcement") or {}).get("prior_decision") or {}
        if not (prior.get("number") or prior.get("date")):
            continue
        own_date = (dec.get("enforcement") or {}).get("date")
        best = Link(None, 0.0, "no earlier decision in the archive")
        for other, cand in sorted(decisions.items()):
            if other == name:
                continue
            enf = cand.get("enforcement") or {}
            if own_date and enf.get("date") and enf["date"] > own_date:
                continue  # a prior decision is not later than the one acting on it
            n = (
                1.0
                if norm_number(prior.get("number")) == norm_number(enf.get("number")) and prior.get("number")
                else (similarity(norm_number(prior.get("number")), norm_number(enf.get("number"))) * 0.8)
            )
            d = date_score(prior.get("date"), enf.get("date"))
            ag = _agency_score(prior.get("agency"), enf.get("agency")) if prior.get("agency") else 0.5
            score = round(w["number"] * n + w["date"] * d + w["agency"] * ag, 4)
            if score > best.score:
                best = Link(other, score, f"number {n:.2f}, date {d:.2f}, agency {ag:.2f}")
        out[name] = best if best.score >= cfg["min_score"] else Link(None, best.score, best.reason)
    return out
