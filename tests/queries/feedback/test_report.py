"""The feedback report: precision per rule and region, new weights, held-out evaluation."""

from __future__ import annotations

from pathlib import Path

from ringtrace.graph.store.sqlite import SQLiteStore
from ringtrace.queries.feedback import feedback_report, record_feedback, rescore, weights_toml
from ringtrace.queries.results import ScanResults
from ringtrace.queries.reweight import RING_WEIGHT
from ringtrace.queries.rules import load_rules
from tests.queries.feedback.rows import outcomes_for, sham_labels
from tests.scanned_province import ScannedProvince


def test_report_measures_rules_and_evaluates_the_new_weights_on_held_out_leads(
        workspace: Path, scanned_province: ScannedProvince) -> None:
    with SQLiteStore.open(workspace, create=False) as store:
        labels = sham_labels(store, scanned_province.truth, min_score=0.3)
        record_feedback(store, workspace, outcomes_for(store, labels))
        report = feedback_report(store, workspace, k=20)
        again = feedback_report(store, workspace, k=20)
        # the scan is read from the store on demand: take what the checks need while it is open
        rules_of = {c: row.rules for c, row in ScanResults.load(store).all_cases().items()}
    assert report == again
    assert report.verified == len(labels) and report.held == sum(labels.values())
    assert 0 < report.held < report.verified
    by_rule = {r.rule_id: r for r in report.by_rule}
    for rule, row in by_rule.items():
        fired = [c for c in labels if rule in rules_of[c]]
        assert row.verified == len(fired)
        assert row.held == sum(labels[c] for c in fired)
    assert sum(r.verified for r in report.by_region) == len(labels)
    ev = report.evaluation
    assert ev.labels_from == "feedback" and ev.fitted_on + ev.held_out == len(labels)
    assert ev.precision_before is not None and ev.precision_after is not None
    # re-weighting from a few hundred labels is not guaranteed to gain on held-out leads that
    # are already ranked almost perfectly; it must not make the ranking materially worse
    assert ev.average_precision_after is not None and ev.average_precision_before is not None
    assert ev.average_precision_after >= ev.average_precision_before - 0.01


def test_weights_toml_is_a_rules_file_scan_accepts_and_is_stable(
        workspace: Path, scanned_province: ScannedProvince, tmp_path: Path) -> None:
    with SQLiteStore.open(workspace, create=False) as store:
        labels = sham_labels(store, scanned_province.truth, min_score=0.3)
        record_feedback(store, workspace, outcomes_for(store, labels))
        text = weights_toml(feedback_report(store, workspace))
        assert text == weights_toml(feedback_report(store, workspace))
        path = tmp_path / "reweighted.toml"
        path.write_text(text, "utf-8")
        config = load_rules(path)
        report = feedback_report(store, workspace)
        scan = ScanResults.load(store)
        rescored = rescore(scan, {**report.weights_after, **report.strengths_after,
                                  RING_WEIGHT: report.ring_weight_after})
        leads_before = len(scan.leads)
    assert {r: config.weight(r) for r in config.rules} == report.weights_after
    assert config.rings.ring_weight == report.ring_weight_after >= 0
    assert {k: getattr(config.rings, k.removeprefix("rings.")) for k in report.strengths_after
            } == report.strengths_after
    assert report.strengths_after != report.strengths_before  # the verdicts moved them
    assert config.scoring.lead_threshold == report.thresholds_after["lead_threshold"]
    leads_after = sum(s >= config.scoring.lead_threshold for s in rescored.values())
    assert leads_after >= leads_before
