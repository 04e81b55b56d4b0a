"""Span-level scores of a learned NER against aligned gold (held-out documents only)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from models.data import Example

__all__ = ["span_scores", "prf"]


def prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def _group(label: str) -> str:
    return "PARTY" if label.startswith("PARTY_") else label


def span_scores(
    pairs: Iterable[tuple[Example, list[tuple[int, int, str]]]],
) -> dict[str, dict[str, float]]:
    """Exact-span P/R/F1 per label group (PARTY_* pooled, role included in the match) and overall.
    Predictions on `missing` mentions (unlabelled repeats of a gold value) are not counted."""
    counts: dict[str, Counter] = {}
    for ex, pred in pairs:
        gold = set(ex.spans)
        miss = set(ex.missing)
        for s in pred:
            if (s[0], s[1]) in miss:
                continue
            c = counts.setdefault(_group(s[2]), Counter())
            c["tp" if s in gold else "fp"] += 1
        for s in gold - set(pred):
            counts.setdefault(_group(s[2]), Counter())["fn"] += 1
    out: dict[str, dict[str, float]] = {}
    tot = Counter()
    for g, c in sorted(counts.items()):
        p, r, f = prf(c["tp"], c["fp"], c["fn"])
        out[g] = {
            "precision": round(p, 4),
            "recall": round(r, 4),
            "f1": round(f, 4),
            "gold": c["tp"] + c["fn"],
        }
        tot.update(c)
    p, r, f = prf(tot["tp"], tot["fp"], tot["fn"])
    out["all"] = {
        "precision": round(p, 4),
        "recall": round(r, 4),
        "f1": round(f, 4),
        "gold": tot["tp"] + tot["fn"],
    }
    return out
