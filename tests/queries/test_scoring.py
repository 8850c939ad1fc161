"""Case scores: log-odds of weighted evidence, caps nested, both directions on one scale."""

from __future__ import annotations

import math

import pytest

from ringtrace.queries.findings import Finding
from ringtrace.queries.rules import load_rules
from ringtrace.queries.scoring import (
    case_log_odds,
    evidence_weight,
    log_odds,
    probability,
    rule_scores,
)


def test_probability_and_log_odds_are_inverse() -> None:
    for p in (0.01, 0.3, 0.5, 0.72, 0.999):
        assert probability(log_odds(p)) == pytest.approx(p)
    assert probability(-800.0) == pytest.approx(0.0) and probability(800.0) == 1.0


def test_unrelated_rules_add_their_weights() -> None:
    config = load_rules()
    rules = ["TL_PERIOD_15Y", "TL_END_AT_RETIREMENT", "EVID_INDEPENDENT"]
    expected = sum(config.weight(r) for r in rules)
    assert evidence_weight(rules, config) == pytest.approx(expected)
    assert case_log_odds(rules, config) == pytest.approx(
        config.scoring.prior_log_odds + expected)


def test_exculpatory_evidence_lowers_the_odds_by_its_likelihood_ratio() -> None:
    config = load_rules()
    base = ["TL_PERIOD_15Y", "AGENT_BOTH_SIDES"]
    with_money = evidence_weight([*base, "CLAIM_MONEY"], config)
    assert with_money - evidence_weight(base, config) == pytest.approx(
        config.weight("CLAIM_MONEY"))
    assert config.weight("CLAIM_MONEY") < 0


def test_caps_limit_correlated_rules_and_nest() -> None:
    config = load_rules()
    burst = ["EMP_BURST", "EMP_OVER_HEADCOUNT", "BATCH_SAME_DAY"]
    assert evidence_weight(burst, config) == pytest.approx(
        min(config.caps["burst"].max, sum(config.weight(r) for r in burst)))
    screening = [*burst, "CLAIM_NO_OBJECTION", "CLAIM_MEDIATED", "CLAIM_CONFIRMATION_ONLY",
                 "CLAIM_PURPOSE", "TL_NEAR_RETIREMENT", "COHORT_NEAR_RETIREMENT", "EMP_TYPE"]
    assert evidence_weight(screening, config) == pytest.approx(config.caps["screening"].max)
    # every published screening rule together is worth even odds, no more
    assert case_log_odds(screening, config) == pytest.approx(0.0)
    # a worker from another province and a forum away from the employer are screening signs
    # too (migrant workers sue where they worked): they add nothing beyond even odds
    assert case_log_odds([*screening, "GEO_OTHER_PROVINCE", "GEO_FORUM_FAR"],
                         config) == pytest.approx(0.0)
    # evidence beyond the screening rules still counts in full
    assert evidence_weight([*screening, "TL_END_AT_RETIREMENT"], config) == pytest.approx(
        config.caps["screening"].max + config.weight("TL_END_AT_RETIREMENT"))


def test_rule_scores_count_each_rule_once_per_case() -> None:
    config = load_rules()
    findings = [Finding("TL_PERIOD_15Y", "a", ["a"], ""), Finding("TL_PERIOD_15Y", "b", ["b"], ""),
                Finding("EMP_BURST", "e", ["a", "b"], ""), Finding("EMP_BURST", "e", ["a"], "")]
    scores = rule_scores(findings, config)
    assert list(scores) == ["a", "b"]
    assert scores["a"].findings == [0, 2, 3] and scores["b"].findings == [1, 2]
    assert scores["a"].rules == scores["b"].rules == ["EMP_BURST", "TL_PERIOD_15Y"]
    odds = case_log_odds(["EMP_BURST", "TL_PERIOD_15Y"], config)
    assert scores["a"].log_odds == pytest.approx(odds)
    assert scores["a"].rule_score == scores["b"].rule_score == scores["a"].final_score == round(
        1 / (1 + math.exp(-odds)), 6)
