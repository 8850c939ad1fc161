"""Precision tables, precision@k, average precision and the holdout split."""

from __future__ import annotations

from ringtrace.queries.feedback.precision import (
    average_precision,
    holdout_split,
    precision_at,
    precision_table,
)


def test_precision_at_k_ranks_by_score_then_case_id() -> None:
    labels = {"a": True, "b": False, "c": True}
    assert precision_at({"a": 0.9, "b": 0.8, "c": 0.1}, labels, 2) == 0.5
    assert precision_at({"a": 0.5, "b": 0.5, "c": 0.5}, labels, 1) == 1.0
    assert precision_at({}, {}, 5) is None


def test_average_precision_rewards_hits_ranked_first() -> None:
    labels = {"a": True, "b": False, "c": True}
    assert average_precision({"a": 0.9, "c": 0.8, "b": 0.1}, labels) == 1.0
    assert average_precision({"b": 0.9, "a": 0.8, "c": 0.1}, labels) == round((1 / 2 + 2 / 3) / 2,
                                                                               4)
    assert average_precision({}, {"a": False}) is None


def test_precision_table_counts_per_key_most_verified_first() -> None:
    rows = [row.to_dict() for row in
            precision_table([("x", True), ("y", False), ("y", True), ("y", True)])]
    assert rows == [{"key": "y", "verified": 3, "held": 2, "precision": 0.6667},
                    {"key": "x", "verified": 1, "held": 1, "precision": 1.0}]


def test_holdout_split_is_seeded_complete_and_disjoint() -> None:
    cases = [f"Case:{i}" for i in range(10)]
    chosen, rest = holdout_split(cases, 0.3, seed=7)
    assert len(chosen) == 3 and sorted(chosen + rest) == sorted(cases)
    assert holdout_split(reversed(cases), 0.3, seed=7) == (chosen, rest)
    assert holdout_split(cases, 0.3, seed=8) != (chosen, rest)
