"""Matching feedback to leads, and a lead's verdict."""

from __future__ import annotations

from typing import Any

from ringtrace.graph.identity import case_id, lead_id
from ringtrace.queries.feedback import OutcomeLine, verdicts
from ringtrace.queries.feedback.matching import case_number_of


def test_a_verdict_is_the_latest_outcome_by_date_then_stage() -> None:
    rows: list[dict[str, Any]] = [
        {"case_id": "A", "lead_id": "L-a", "outcome": "核实属实", "verdict": True, "stage": 1,
         "date": "2025-01-01"},
        {"case_id": "A", "lead_id": "L-a", "outcome": "不属实", "verdict": False, "stage": 1,
         "date": "2025-02-01"},
        {"case_id": "B", "lead_id": "L-b", "outcome": "不属实", "verdict": False, "stage": 1,
         "date": "2025-02-01"},
        {"case_id": "B", "lead_id": "L-b", "outcome": "改判", "verdict": True, "stage": 3,
         "date": "2025-02-01"},
        {"case_id": "C", "lead_id": "L-c", "outcome": "核查中", "verdict": None, "stage": 0,
         "date": "2025-03-01"},
    ]
    found = verdicts(OutcomeLine.from_dict(row) for row in rows)
    assert {c: (v.held, v.outcome) for c, v in found.items()} == {
        "A": (False, "不属实"), "B": (True, "改判")}
    assert found["B"].lead_id == "L-b" and found["B"].date == "2025-02-01"


def test_the_case_number_inside_a_case_id_reads_back() -> None:
    case = case_id("（2021）豫0502民初101号", "河南省安阳市文峰区人民法院")
    assert case_number_of(case) == "(2021)豫0502民初101号"
    assert lead_id(case).startswith("L-")
