"""Outcome feedback: recording, verdicts, precision per rule, re-weighting and its evaluation."""

from __future__ import annotations

import csv
import doctest
import random
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from ringtrace.graph.identity import normalize_case_number
from ringtrace.graph.records import FeedbackRecord
from ringtrace.graph.store.base import GraphStore
from ringtrace.graph.store.sqlite import SQLiteStore
from ringtrace.loaders.feedback import read_feedback
from ringtrace.queries import reweight as reweight_module
from ringtrace.queries.evaluate import load_truth
from ringtrace.queries.feedback import (
    Example,
    feedback_report,
    matched_threshold,
    precision_at,
    read_outcomes,
    record_feedback,
    rescore,
    reweight,
    simulate_outcomes,
    verdicts,
    weights_toml,
)
from ringtrace.queries.results import ScanResults
from ringtrace.queries.rules import load_rules
from tests.scanned_province import (  # noqa: F401
    ScannedProvince,
    copy_workspace,
    scanned_province,
)


@pytest.fixture
def workspace(scanned_province: ScannedProvince, tmp_path: Path) -> Path:  # noqa: F811
    return copy_workspace(scanned_province, tmp_path / "ws")


def _record(**fields: object) -> FeedbackRecord:
    base: dict = {"outcome": "核实属实", "date": "2025-03-01", "verdict": True, "stage": 1,
                  "source_file": "outcomes.csv", "source_line": 2}
    return FeedbackRecord(**{**base, **fields})


def _sham_labels(store: GraphStore, truth: Path, min_score: float) -> dict[str, bool]:
    scan = ScanResults.load(store)
    sham = {normalize_case_number(n) for n in load_truth(truth)["sham_case_numbers"]}
    return {c: c.split(":", 1)[1].split("|")[0] in sham
            for c, row in scan.data["cases"].items() if row["final_score"] >= min_score}


def _outcomes_for(store: GraphStore, labels: dict[str, bool]) -> list[FeedbackRecord]:
    scan = ScanResults.load(store)
    return [_record(lead_id=scan.data["cases"][c]["lead_id"],
                    outcome="核实属实" if held else "不属实", verdict=held, source_line=i)
            for i, (c, held) in enumerate(sorted(labels.items()), start=2)]


def test_outcomes_are_matched_by_lead_or_case_number_and_bad_ones_quarantined(
        workspace: Path) -> None:
    with SQLiteStore.open(workspace, create=False) as store:
        scan = ScanResults.load(store)
        case, row = sorted(scan.data["cases"].items())[0]
        number = case.split(":", 1)[1].split("|")[0]
        items = [_record(lead_id=row["lead_id"]),
                 _record(case_number=number, outcome="改判", stage=3, source_line=3),
                 _record(lead_id="L-0000000000", source_line=4),
                 _record(lead_id=row["lead_id"], case_number="(1999)豫0000民初1号",
                         source_line=5),
                 _record(case_number="(1999)豫0000民初1号", source_line=6)]
        summary = record_feedback(store, workspace, items)
        again = record_feedback(store, workspace, items[:2])
        quarantined = {(p.line, p.field) for p in store.problems()}
    assert (summary.recorded, summary.duplicates, summary.quarantined) == (2, 0, 3)
    assert [(p.line, p.field) for p in summary.problems] == [(4, "线索编号"), (5, "案号"),
                                                               (6, "案号")]
    assert {(4, "线索编号"), (5, "案号"), (6, "案号")} <= quarantined
    assert (again.recorded, again.duplicates) == (0, 2)
    lines = read_outcomes(workspace)
    assert [(o["lead_id"], o["case_id"], o["outcome"]) for o in lines] == [
        (row["lead_id"], case, "核实属实"), (row["lead_id"], case, "改判")]


def test_a_verdict_is_the_latest_outcome_by_date_then_stage() -> None:
    lines: list[dict[str, Any]] = [
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
    found = verdicts(lines)
    assert {c: (v.held, v.outcome) for c, v in found.items()} == {
        "A": (False, "不属实"), "B": (True, "改判")}


def test_rescoring_with_the_scans_weights_reproduces_the_stored_scores(
        scanned_province: ScannedProvince) -> None:  # noqa: F811
    with SQLiteStore.open(scanned_province.workspace, create=False) as store:
        scan = ScanResults.load(store)
    weights = {r: float(p["weight"]) for r, p in scan.meta["rules"]["rules"].items()}
    stored = {c: row["final_score"] for c, row in scan.data["cases"].items()}
    assert rescore(scan, weights) == stored
    rule_only = rescore(scan, weights, rings=False)
    assert rule_only == {c: row["rule_score"] for c, row in scan.data["cases"].items()}


def test_reweighting_raises_rules_that_hold_up_and_lowers_those_that_do_not() -> None:
    prior = {"GOOD": 1.0, "BAD": 1.0, "UNSEEN": 0.5, "OFF": 0.0, "PROOF": -1.0}
    examples = ([Example(("GOOD",), True, -1.0)] * 30 + [Example(("BAD",), False, -1.0)] * 30
                + [Example(("GOOD", "BAD"), True, 0.5)] * 5
                + [Example(("OFF",), True, -1.0)] * 3)
    weights = reweight(examples, prior, exculpatory=frozenset({"PROOF"}))
    assert weights["GOOD"] > 1.5 and weights["BAD"] < 0.5
    assert weights["UNSEEN"] == 0.5 and weights["OFF"] == 0.0 and weights["PROOF"] == -1.0
    shuffled = list(examples)
    random.Random(3).shuffle(shuffled)
    assert reweight(shuffled, prior, exculpatory=frozenset({"PROOF"})) == weights
    assert reweight(examples, prior, prior_strength=1e9) == {r: round(w, 4)
                                                             for r, w in prior.items()}


def test_exculpatory_weights_are_reestimated_but_keep_their_direction() -> None:
    """Leads with documentary proof that nonetheless held up weaken the proof's weight; it
    never turns into evidence against the workers."""
    prior = {"SHAM": 2.0, "PROOF": -1.5}
    held = [Example(("SHAM", "PROOF"), True, -1.0)] * 40
    weights = reweight(held, prior, exculpatory=frozenset({"PROOF"}))
    assert -1.5 < weights["PROOF"] <= 0.0
    failed = [Example(("SHAM", "PROOF"), False, -1.0)] * 40
    assert reweight(failed, prior, exculpatory=frozenset({"PROOF"}))["PROOF"] < -1.5


def test_matched_threshold_keeps_the_number_of_cases_that_pass() -> None:
    before = {"a": 0.9, "b": 0.85, "c": 0.7, "d": 0.2}
    after = {"a": 0.5, "b": 0.61, "c": 0.4, "d": 0.1}
    threshold = matched_threshold(before, after, 0.8)
    assert threshold == 0.5 and sum(s >= threshold for s in after.values()) == 2
    assert matched_threshold(before, after, 0.95) == 0.95


def test_precision_at_k_ranks_by_score_then_case_id() -> None:
    labels = {"a": True, "b": False, "c": True}
    assert precision_at({"a": 0.9, "b": 0.8, "c": 0.1}, labels, 2) == 0.5
    assert precision_at({"a": 0.5, "b": 0.5, "c": 0.5}, labels, 1) == 1.0
    assert precision_at({}, {}, 5) is None


def test_report_measures_rules_and_evaluates_the_new_weights_on_held_out_leads(
        workspace: Path, scanned_province: ScannedProvince) -> None:  # noqa: F811
    with SQLiteStore.open(workspace, create=False) as store:
        labels = _sham_labels(store, scanned_province.truth, min_score=0.3)
        record_feedback(store, workspace, _outcomes_for(store, labels))
        report = feedback_report(store, workspace, k=20)
        again = feedback_report(store, workspace, k=20)
        scan = ScanResults.load(store)
    assert report == again
    assert report["verified"] == len(labels) and report["held"] == sum(labels.values())
    assert 0 < report["held"] < report["verified"]
    by_rule = {r["rule_id"]: r for r in report["by_rule"]}
    for rule, row in by_rule.items():
        fired = [c for c in labels if rule in scan.data["cases"][c]["rules"]]
        assert row["verified"] == len(fired)
        assert row["held"] == sum(labels[c] for c in fired)
    assert sum(r["verified"] for r in report["by_region"]) == len(labels)
    ev = report["evaluation"]
    assert ev["labels_from"] == "feedback" and ev["fitted_on"] + ev["held_out"] == len(labels)
    assert ev["precision_before"] is not None and ev["precision_after"] is not None
    # re-weighting from a few hundred labels is not guaranteed to gain on held-out leads that
    # are already ranked almost perfectly; it must not make the ranking materially worse
    assert ev["average_precision_after"] >= ev["average_precision_before"] - 0.01


def test_weights_toml_is_a_rules_file_scan_accepts_and_is_stable(
        workspace: Path, scanned_province: ScannedProvince, tmp_path: Path) -> None:  # noqa: F811
    with SQLiteStore.open(workspace, create=False) as store:
        labels = _sham_labels(store, scanned_province.truth, min_score=0.3)
        record_feedback(store, workspace, _outcomes_for(store, labels))
        text = weights_toml(feedback_report(store, workspace))
        assert text == weights_toml(feedback_report(store, workspace))
        scan = ScanResults.load(store)
    path = tmp_path / "reweighted.toml"
    path.write_text(text, "utf-8")
    config = load_rules(path)
    report = feedback_report(SQLiteStore.open(workspace, create=False), workspace)
    assert {r: config.weight(r) for r in config.rules} == report["weights_after"]
    assert config.scoring["lead_threshold"] == report["thresholds_after"]["lead_threshold"]
    rescored = rescore(scan, report["weights_after"])
    leads_after = sum(s >= config.scoring["lead_threshold"] for s in rescored.values())
    assert leads_after >= len(scan.data["leads"])


def test_simulated_outcomes_cover_half_the_leads_and_import_cleanly(
        workspace: Path, scanned_province: ScannedProvince, tmp_path: Path) -> None:  # noqa: F811
    truth = load_truth(scanned_province.truth)
    with SQLiteStore.open(workspace, create=False) as store:
        rows = simulate_outcomes(store, truth, share=0.5, seed=3)
        assert rows == simulate_outcomes(store, truth, share=0.5, seed=3)
        leads = ScanResults.load(store).data["leads"]
        path = tmp_path / "simulated.csv"
        with path.open("w", encoding="utf-8-sig", newline="") as fh:
            writer = csv.DictWriter(fh, fieldnames=list(rows[0]))
            writer.writeheader()
            writer.writerows(rows)
        summary = record_feedback(store, workspace, read_feedback(path))
        report = feedback_report(store, workspace, truth=truth)
    assert len(rows) == round(len(leads) * 0.5)
    sham = {normalize_case_number(n) for n in truth["sham_case_numbers"]}
    assert all((r["核查结果"] == "核实属实") == (r["案号"] in sham) for r in rows)
    assert (summary.recorded, summary.quarantined) == (len(rows), 0)
    ev = report["evaluation"]
    assert ev["labels_from"] == "truth" and ev["held_out"] == len(leads) - len(rows)


@pytest.mark.parametrize("module", [reweight_module], ids=lambda m: m.__name__)
def test_docstring_examples(module: ModuleType) -> None:
    result = doctest.testmod(module)
    assert result.failed == 0 and result.attempted > 0
