from __future__ import annotations

import pytest

from ringtrace.queries.findings import Finding
from ringtrace.queries.rules import load_rules
from ringtrace.queries.scoring import capped_score, combined_score, rule_scores


def test_combined_score_caps_groups_and_applies_mitigating_rules() -> None:
    config = load_rules()
    rules = sorted(["CLAIM_NO_OBJECTION", "CLAIM_MEDIATED", "TL_PERIOD_15Y", "EVID_INDEPENDENT"])
    expected = capped_score([r for r in rules if r != "EVID_INDEPENDENT"], config) * (
        1 - config.weight("EVID_INDEPENDENT"))
    assert combined_score(rules, config, frozenset({"EVID_INDEPENDENT"})) == pytest.approx(
        round(expected, 6))


def test_rule_scores_count_each_rule_once_per_case() -> None:
    config = load_rules()
    findings = [Finding("TL_PERIOD_15Y", "a", ["a"], ""), Finding("TL_PERIOD_15Y", "b", ["b"], ""),
                Finding("EMP_BURST", "e", ["a", "b"], ""), Finding("EMP_BURST", "e", ["a"], "")]
    scores = rule_scores(findings, config)
    assert list(scores) == ["a", "b"]
    assert scores["a"].findings == [0, 2, 3] and scores["b"].findings == [1, 2]
    assert scores["a"].rules == scores["b"].rules == ["EMP_BURST", "TL_PERIOD_15Y"]
    assert scores["a"].rule_score == scores["b"].rule_score == scores["a"].final_score == (
        combined_score(["EMP_BURST", "TL_PERIOD_15Y"], config, frozenset()))
