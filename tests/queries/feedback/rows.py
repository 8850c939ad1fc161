"""Outcome rows for the feedback tests: one row, or one per labelled case of a scan."""

from __future__ import annotations

from pathlib import Path

from ringtrace.graph.identity import normalize_case_number
from ringtrace.graph.records import FeedbackRecord
from ringtrace.graph.store.base import GraphStore
from ringtrace.queries.evaluate import load_truth
from ringtrace.queries.results import ScanResults


def outcome_row(**fields: object) -> FeedbackRecord:
    """A feedback row: a held-up outcome unless ``fields`` say otherwise."""
    base: dict = {"outcome": "核实属实", "date": "2025-03-01", "verdict": True, "stage": 1,
                  "source_file": "outcomes.csv", "source_line": 2}
    return FeedbackRecord(**{**base, **fields})


def sham_labels(store: GraphStore, truth: Path, min_score: float) -> dict[str, bool]:
    """Case id -> sham (by the truth) for the cases scored at least ``min_score``."""
    scan = ScanResults.load(store)
    sham = {normalize_case_number(n) for n in load_truth(truth)["sham_case_numbers"]}
    return {c: c.split(":", 1)[1].split("|")[0] in sham
            for c, row in scan.all_cases().items() if row.final_score >= min_score}


def outcomes_for(store: GraphStore, labels: dict[str, bool]) -> list[FeedbackRecord]:
    """One outcome row per labelled case, by its lead id."""
    cases = ScanResults.load(store).cases(labels)
    return [outcome_row(lead_id=cases[c].lead_id,
                        outcome="核实属实" if held else "不属实", verdict=held, source_line=i)
            for i, (c, held) in enumerate(sorted(labels.items()), start=2)]
