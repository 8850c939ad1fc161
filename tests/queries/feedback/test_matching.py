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
from ringtrace.queries.feedback.matching import case_number_of, resolve_row, truth_labels
from ringtrace.queries.truth_json import TruthJson


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


def test_truth_labels_a_masked_number_case_by_its_document(tmp_path: Path) -> None:
    """A sham case whose copy masks its number is keyed by its document (``Case:sha256:…``,
    no number in its id): the truth finds it by the file it was written to, as the evaluation
    does, and labels it sham; a genuine case printing the same masked number stays genuine."""
    forum = "辽宁省沈阳市中级人民法院"
    masked = "[2011]沈中民五终字第X号"
    with SQLiteStore.open(tmp_path / "ws") as store:
        for n, path in ((1, "documents/000001.txt"), (2, "documents/000002.txt")):
            store.write_batch(case_batch(CaseRecord(masked, forum, "判决书", doc_id=f"{n:02d}" * 32,
                                                    source_path=path)))
        store.write_batch(case_batch(CaseRecord("(2011)沈中民五终字第12号", forum, "判决书",
                                                doc_id="cd" * 32,
                                                source_path="documents/000003.txt")))
        ids = {n.props["source_path"]: n.id for n in store.iter_nodes("Case")}
        truth: TruthJson = {
            "rings": [], "sham_case_numbers": [masked, "(2011)沈中民五终字第12号"],
            "cases": [{"file": "province/documents/000001.txt", "case_number": masked,
                       "group": "ring", "kind": "classic", "ring_id": "r1"},
                      {"file": "province/documents/000002.txt", "case_number": masked,
                       "group": "background", "kind": "genuine", "ring_id": None},
                      {"file": None, "case_number": "(2011)沈中民五终字第012号",
                       "group": "ring", "kind": "classic", "ring_id": "r1"}]}
        labels = truth_labels(store, sorted(ids.values()), truth)
    assert ids["documents/000001.txt"].startswith("Case:sha256:")
    assert {path: labels[c] for path, c in ids.items()} == {
        "documents/000001.txt": True, "documents/000002.txt": False,
        "documents/000003.txt": True}
