"""Simulated outcomes for the demo and tests: what investigators would report on a synthetic
province, read from its truth, as rows the feedback import accepts as they are."""

from __future__ import annotations

from ringtrace.graph.store.base import GraphStore
from ringtrace.queries.feedback.matching import (
    CASE_COLUMN,
    LEAD_COLUMN,
    printed_case_number,
    truth_labels,
)
from ringtrace.queries.feedback.precision import holdout_split
from ringtrace.queries.results import ScanResults
from ringtrace.queries.truth_json import TruthJson

__all__ = ["simulate_outcomes"]


def simulate_outcomes(store: GraphStore, truth: TruthJson, *, share: float = 0.5,
                      seed: int = 7, date: str | None = None) -> list[dict[str, str]]:
    """Outcome rows for a seeded ``share`` of this scan's leads, from a synthetic truth.

    A lead whose case the truth lists as sham is 核实属实, any other 不属实. Rows use the
    headers of ``loaders/mappings/feedback.yaml``, so the CSV can be imported as it is.
    """
    scan = ScanResults.load(store)
    labels = truth_labels(store, scan.all_cases(), truth)
    picked, _ = holdout_split(scan.leads, share, seed)
    day = date or scan.meta.scanned_at[:10]
    cases = scan.cases(picked)
    return [{LEAD_COLUMN: cases[c].lead_id,
             CASE_COLUMN: printed_case_number(store, c),
             "核查结果": "核实属实" if labels[c] else "不属实", "日期": day,
             "备注": "模拟结果（truth.json）"} for c in picked]
