"""Simulated outcomes from a synthetic truth."""

from __future__ import annotations

import csv
from pathlib import Path

from ringtrace.graph.identity import lead_id
from ringtrace.graph.store.sqlite import SQLiteStore
from ringtrace.loaders.feedback import read_feedback
from ringtrace.queries.evaluate import load_truth, truth_cases
from ringtrace.queries.feedback import feedback_report, record_feedback, simulate_outcomes
from ringtrace.queries.results import ScanResults
from tests.scanned_province import ScannedProvince


def test_simulated_outcomes_cover_half_the_leads_and_import_cleanly(
        workspace: Path, scanned_province: ScannedProvince, tmp_path: Path) -> None:
    truth = load_truth(scanned_province.truth)
    with SQLiteStore.open(workspace, create=False) as store:
        rows = simulate_outcomes(store, truth, share=0.5, seed=3)
        assert rows == simulate_outcomes(store, truth, share=0.5, seed=3)
        leads = ScanResults.load(store).leads
        path = tmp_path / "simulated.csv"
        with path.open("w", encoding="utf-8-sig", newline="") as fh:
            writer = csv.DictWriter(fh, fieldnames=list(rows[0]))
            writer.writeheader()
            writer.writerows(rows)
        summary = record_feedback(store, workspace, read_feedback(path))
        report = feedback_report(store, workspace, truth=truth)
        # the truth's sham cases as the evaluation finds them (by document, then number)
        sham = {sid for c in truth_cases(store, truth) if c.group == "ring"
                for sid in c.store_ids}
    assert len(rows) == round(len(leads) * 0.5)
    case_of = {lead_id(c): c for c in leads}
    assert all((r["核查结果"] == "核实属实") == (case_of[r["线索编号"]] in sham) for r in rows)
    assert (summary.recorded, summary.quarantined) == (len(rows), 0)
    ev = report.evaluation
    assert ev.labels_from == "truth" and ev.held_out == len(leads) - len(rows)
