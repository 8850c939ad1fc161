"""Matching feedback to leads, and a lead's verdict."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ringtrace.errors import RecordProblem
from ringtrace.graph.build import case_batch
from ringtrace.graph.identity import case_id, lead_id
from ringtrace.graph.records import CaseRecord, FeedbackRecord
from ringtrace.graph.store.sqlite import SQLiteStore
from ringtrace.queries.feedback import OutcomeLine, verdicts
from ringtrace.queries.feedback.matching import case_number_of, resolve_row


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


def test_a_lead_on_a_masked_case_accepts_its_printed_number(tmp_path: Path) -> None:
    """A masked number keys its case by the document (``Case:sha256:…``): the number a row
    gives beside the lead id is compared with the printed one, not with the id's hash."""
    forum = "辽宁省沈阳市中级人民法院"
    with SQLiteStore.open(tmp_path / "ws") as store:
        store.write_batch(case_batch(CaseRecord("[2011]沈中民五终字第X号", forum, "判决书",
                                                doc_id="ab" * 32)))
        [case] = [n.id for n in store.iter_nodes("Case")]
        assert case.startswith("Case:sha256:")
        lead = lead_id(case)
        row = FeedbackRecord("核实属实", "2024-05-01", lead_id=lead,
                             case_number="[2011]沈中民五终字第X号", verdict=True)
        assert resolve_row(store, {lead: case}, row) == (lead, case)
        wrong = FeedbackRecord("核实属实", "2024-05-01", lead_id=lead,
                               case_number="(2011)沈中民五终字第12号", verdict=True)
        assert isinstance(resolve_row(store, {lead: case}, wrong), RecordProblem)
        # without the lead id a masked number names no one case, even when one is stored
        bare = FeedbackRecord("核实属实", "2024-05-01", case_number="[2011]沈中民五终字第X号")
        problem = resolve_row(store, {lead: case}, bare)
        assert isinstance(problem, RecordProblem) and "masked" in problem.reason
