"""Re-weighting rules from verified outcomes: rescoring, the fit, matched thresholds."""

from __future__ import annotations

import doctest
import random

from ringtrace.graph.store.sqlite import SQLiteStore
from ringtrace.queries import reweight as reweight_module
from ringtrace.queries.results import ScanResults
from ringtrace.queries.reweight import (
    RING_WEIGHT,
    STRENGTHS,
    Example,
    matched_threshold,
    rescore,
    reweight,
    reweight_strengths,
    stored_strengths,
    stored_weights,
    strength_examples,
    strength_terms,
)
from ringtrace.queries.ringlinks import RingParams
from ringtrace.queries.rings import strength, tied_batch
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


def test_strength_terms_add_up_to_each_rings_strength(scanned_province: ScannedProvince
                                                      ) -> None:
    """The re-estimate reads a ring's strength as a sum of the [rings] values times what the
    ring shows: that sum is the strength ring assembly computed, for every uncapped ring."""
    with SQLiteStore.open(scanned_province.workspace, create=False) as store:
        scan = ScanResults.load(store)
        params = RingParams.of(scan.meta.rules)
        read = 0
        read_keys: set[str] = set()
        for ring in scan.rings:
            terms = strength_terms(ring, params)
            if terms is None:
                assert ring.strength in (0.0, 1.0) or ring.strength == strength(
                    ring.structure, params)
                assert not (tied_batch(ring.structure, params.tie_max_cases)
                            and ring.strength < 1.0), ring.ring_id
                continue
            read += 1
            read_keys |= set(terms)
            summed = sum(getattr(params, k.removeprefix("rings.")) * v for k, v in terms.items())
            assert abs(summed - ring.strength) < 1e-6
        weights = {**stored_weights(scan), **stored_strengths(scan)}
        same = rescore(scan, weights)
        assert same == {c: row.final_score for c, row in scan.all_cases().items()}
    assert read > 0 and {"rings.strength_coordination", "rings.tied_batch_strength"} <= read_keys


def test_verdicts_on_a_rings_cases_move_the_strength_values_it_depends_on(
        scanned_province: ScannedProvince) -> None:
    """Cases of coordinated rings that all held up raise what coordination is worth; the same
    cases all found genuine lower it. Values no verified case depends on stay."""
    with SQLiteStore.open(scanned_province.workspace, create=False) as store:
        scan = ScanResults.load(store)
        weights = stored_weights(scan)
        in_rings = sorted(c for c, row in scan.all_cases().items() if row.ring_id)
        assert any(ex.rules for ex in strength_examples(scan, dict.fromkeys(in_rings, True),
                                                         weights))
        before = stored_strengths(scan)
        held = reweight_strengths(scan, dict.fromkeys(in_rings, True), weights)
        failed = reweight_strengths(scan, dict.fromkeys(in_rings, False), weights)
        nothing = reweight_strengths(scan, {}, weights)
    key = "rings.strength_coordination"
    assert failed[key] < before[key] < held[key] <= 1.0
    assert nothing == before and set(held) == set(STRENGTHS)
    assert all(0.0 <= v <= 1.0 for v in [*held.values(), *failed.values()])


def test_verdicts_on_tied_batches_move_tied_batch_strength_both_ways(
        scanned_province: ScannedProvince) -> None:
    """A small ring that one lay person ties whole and that came in one batch is as strong as
    ``tied_batch_strength``: its cases all found bought raise that value, all found genuine
    lower it, and no other strength value moves (none of them makes such a ring stronger)."""
    with SQLiteStore.open(scanned_province.workspace, create=False) as store:
        scan = ScanResults.load(store)
        params = RingParams.of(scan.meta.rules)
        weights = stored_weights(scan)
        tied = {r.ring_id for r in scan.rings
                if tied_batch(r.structure, params.tie_max_cases) and r.strength < 1.0}
        cases = sorted(c for c, row in scan.all_cases().items() if row.ring_id in tied)
        assert tied and cases
        rows = strength_examples(scan, dict.fromkeys(cases, True), weights)
        assert {ex.rules for ex in rows} == {("rings.tied_batch_strength",)}
        before = stored_strengths(scan)
        held = reweight_strengths(scan, dict.fromkeys(cases, True), weights)
        failed = reweight_strengths(scan, dict.fromkeys(cases, False), weights)
    key = "rings.tied_batch_strength"
    assert failed[key] < before[key] < held[key] <= 1.0
    assert {k: v for k, v in held.items() if k != key} == {
        k: v for k, v in before.items() if k != key}
    assert {k: v for k, v in failed.items() if k != key} == {
        k: v for k, v in before.items() if k != key}


def test_matched_threshold_keeps_the_number_of_cases_that_pass() -> None:
    before = {"a": 0.9, "b": 0.85, "c": 0.7, "d": 0.2}
    after = {"a": 0.5, "b": 0.61, "c": 0.4, "d": 0.1}
    threshold = matched_threshold(before, after, 0.8)
    assert threshold == 0.5 and sum(s >= threshold for s in after.values()) == 2
    assert matched_threshold(before, after, 0.95) == 0.95


def test_docstring_examples() -> None:
    result = doctest.testmod(reweight_module)
    assert result.failed == 0 and result.attempted > 0
