"""Re-weighting rules from verified outcomes: rescoring, the fit, matched thresholds."""

from __future__ import annotations

import doctest
import random

from ringtrace.graph.store.sqlite import SQLiteStore
from ringtrace.queries import reweight as reweight_module
from ringtrace.queries.results import ScanResults
from ringtrace.queries.reweight import (
    RING_WEIGHT,
    Example,
    matched_threshold,
    rescore,
    reweight,
    stored_weights,
)
from tests.scanned_province import ScannedProvince


def test_rescoring_with_the_scans_weights_reproduces_the_stored_scores(
        scanned_province: ScannedProvince) -> None:
    with SQLiteStore.open(scanned_province.workspace, create=False) as store:
        scan = ScanResults.load(store)  # read on demand: used while the store is open
        weights = {r: float(p.weight) for r, p in scan.meta.rules.rules.items()}
        stored = {c: row.final_score for c, row in scan.all_cases().items()}
        assert rescore(scan, weights) == stored
        rule_only = rescore(scan, weights, rings=False)
        assert rule_only == {c: row.rule_score for c, row in scan.all_cases().items()}


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


def test_the_ring_weight_is_reestimated_with_the_rules_and_stays_at_or_above_zero() -> None:
    """Ringed leads that hold up more often than their rules say raise what ring membership
    weighs; ringed leads that fail lower it, never below 0. Without the ring weight among the
    weights, the ring's part of the offset is held fixed, as before."""
    prior = {"A": 1.0, RING_WEIGHT: 1.5}
    # offset = prior log-odds -1 + what the ring adds (1.5 x strength 0.8)
    ringed = [Example(("A",), True, -1.0 + 1.2, 0.8)] * 40
    alone = [Example(("A",), True, -1.0)] * 10 + [Example(("A",), False, -1.0)] * 10
    raised = reweight(ringed + alone, prior)
    assert raised[RING_WEIGHT] > 1.5 and 0.5 < raised["A"] < 1.5
    failing = [Example(("A",), False, -1.0 + 1.2, 0.8)] * 20
    mostly_held = [Example(("A",), True, -1.0)] * 15 + [Example(("A",), False, -1.0)] * 5
    lowered = reweight(failing + mostly_held, prior)
    assert 0.0 <= lowered[RING_WEIGHT] < 0.5
    fixed = reweight(failing + mostly_held, {"A": 1.0})
    # with the ring's part fixed, the rule takes all the blame for the failed ringed leads
    assert RING_WEIGHT not in fixed and fixed["A"] < lowered["A"] - 0.2


def test_rescoring_scales_what_the_ring_adds_by_the_new_ring_weight(
        scanned_province: ScannedProvince) -> None:
    with SQLiteStore.open(scanned_province.workspace, create=False) as store:
        scan = ScanResults.load(store)
        weights = stored_weights(scan)
        assert weights[RING_WEIGHT] == scan.meta.rules.rings.ring_weight
        same = rescore(scan, weights)
        assert same == {c: row.final_score for c, row in scan.all_cases().items()}
        off = rescore(scan, {**weights, RING_WEIGHT: 0.0})
        rule_only = rescore(scan, weights, rings=False)
    assert off == rule_only and off != same


def test_matched_threshold_keeps_the_number_of_cases_that_pass() -> None:
    before = {"a": 0.9, "b": 0.85, "c": 0.7, "d": 0.2}
    after = {"a": 0.5, "b": 0.61, "c": 0.4, "d": 0.1}
    threshold = matched_threshold(before, after, 0.8)
    assert threshold == 0.5 and sum(s >= threshold for s in after.values()) == 2
    assert matched_threshold(before, after, 0.95) == 0.95


def test_docstring_examples() -> None:
    result = doctest.testmod(reweight_module)
    assert result.failed == 0 and result.attempted > 0
