"""How good a ranking is on the leads with a verdict: precision tables, precision@k, average
precision, and the seeded split that keeps some verdicts out of fitting to evaluate on."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from ringtrace.graph.identity import digest
from ringtrace.queries.views import View

__all__ = ["PrecisionRow", "average_precision", "holdout_split", "precision_at",
           "precision_table"]


@dataclass(frozen=True, slots=True)
class PrecisionRow(View):
    """The verified leads of one key (a rule, a region, a procuratorate) and how many held up."""

    #: what the leads share: a rule id, a province's name, a procuratorate's name
    key: str
    #: leads with a verdict
    verified: int
    #: how many of them held up (the relationship was sham)
    held: int
    #: ``held / verified``
    precision: float


def precision_table(rows: Iterable[tuple[str, bool]]) -> list[PrecisionRow]:
    """Per key: verified leads, how many held up and the precision, most verified first.

    >>> precision_table([("A", True), ("A", False), ("B", True)])[0].to_dict()
    {'key': 'A', 'verified': 2, 'held': 1, 'precision': 0.5}
    """
    n: Counter[str] = Counter()
    held: Counter[str] = Counter()
    for key, ok in rows:
        n[key] += 1
        held[key] += ok
    return [PrecisionRow(k, n[k], held[k], round(held[k] / n[k], 4))
            for k in sorted(n, key=lambda k: (-n[k], k))]


def average_precision(scores: Mapping[str, float], labels: Mapping[str, bool]) -> float | None:
    """Mean of precision@i over the ranks i of the cases that held up (whole-ranking quality)."""
    ranked = sorted(labels, key=lambda c: (-scores.get(c, 0.0), c))
    hits, total = 0, 0.0
    for rank, case in enumerate(ranked, start=1):
        if labels[case]:
            hits += 1
            total += hits / rank
    return round(total / hits, 4) if hits else None


def precision_at(scores: Mapping[str, float], labels: Mapping[str, bool], k: int
                 ) -> float | None:
    """Share of cases that held up among the ``k`` best-scored labelled cases."""
    ranked = sorted(labels, key=lambda c: (-scores.get(c, 0.0), c))[:k]
    return round(sum(labels[c] for c in ranked) / len(ranked), 4) if ranked else None


def holdout_split(cases: Iterable[str], share: float, seed: int) -> tuple[list[str], list[str]]:
    """(chosen, rest): a seeded-hash ``share`` of the cases, deterministic, and the others."""
    order = sorted(cases, key=lambda c: (digest(str(seed), c), c))
    cut = round(len(order) * share)
    return sorted(order[:cut]), sorted(order[cut:])
