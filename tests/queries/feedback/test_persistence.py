"""Recording outcome rows in the workspace's outcomes log."""

from __future__ import annotations

import json
from dataclasses import fields
from pathlib import Path

import pytest

from ringtrace.errors import StoreError
from ringtrace.graph.store.sqlite import SQLiteStore
from ringtrace.queries.feedback import OutcomeLine, outcomes_path, read_outcomes, record_feedback
from ringtrace.queries.results import ScanResults
from tests.queries.feedback.rows import outcome_row


def test_outcomes_are_matched_by_lead_or_case_number_and_bad_ones_quarantined(
        workspace: Path) -> None:
    with SQLiteStore.open(workspace, create=False) as store:
        scan = ScanResults.load(store)
        case, row = sorted(scan.all_cases().items())[0]
        number = case.split(":", 1)[1].split("|")[0]
        items = [outcome_row(lead_id=row.lead_id),
                 outcome_row(case_number=number, outcome="改判", stage=3, source_line=3),
                 outcome_row(lead_id="L-0000000000", source_line=4),
                 outcome_row(lead_id=row.lead_id, case_number="(1999)豫0000民初1号",
                             source_line=5),
                 outcome_row(case_number="(1999)豫0000民初1号", source_line=6)]
        summary = record_feedback(store, workspace, items)
        again = record_feedback(store, workspace, items[:2])
        quarantined = {(p.line, p.field) for p in store.problems()}
    assert (summary.recorded, summary.duplicates, summary.quarantined) == (2, 0, 3)
    assert [(p.line, p.field) for p in summary.problems] == [(4, "线索编号"), (5, "案号"),
                                                               (6, "案号")]
    assert {(4, "线索编号"), (5, "案号"), (6, "案号")} <= quarantined
    assert (again.recorded, again.duplicates) == (0, 2)
    lines = read_outcomes(workspace)
    assert [(o.lead_id, o.case_id, o.outcome) for o in lines] == [
        (row.lead_id, case, "核实属实"), (row.lead_id, case, "改判")]
    written = [json.loads(text) for text in
               outcomes_path(workspace).read_text("utf-8").splitlines()]
    assert [o.to_dict() for o in lines] == written  # the log's lines, keys in their order
    assert list(written[0]) == [f.name for f in fields(OutcomeLine)]
    with outcomes_path(workspace).open("a", encoding="utf-8") as fh:
        fh.write(json.dumps({"lead_id": row.lead_id, "outcome": "不属实"}) + "\n")
    with pytest.raises(StoreError, match="outcomes log"):
        read_outcomes(workspace)


def test_an_empty_workspace_has_no_outcomes(tmp_path: Path) -> None:
    assert read_outcomes(tmp_path) == []
