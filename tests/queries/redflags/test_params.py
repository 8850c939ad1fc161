"""Typed rule parameters: every rule's table builds its parameter class, and a wrong value in a
rules file is named by file and key before a rule runs."""

from __future__ import annotations

import typing
from pathlib import Path

import pytest

from ringtrace.errors import RuleError
from ringtrace.queries.redflags import CATALOGUE, RULES_BY_ID
from ringtrace.queries.redflags.cohort import CohortParams
from ringtrace.queries.rules import default_rules, load_rules


@pytest.mark.parametrize("rule", CATALOGUE, ids=lambda r: r.id)
def test_each_rule_reads_the_parameters_it_declares(rule: typing.Any) -> None:
    params = rule.params_of(default_rules())
    assert typing.get_type_hints(rule.run)["params"] is rule.params
    assert params.weight == default_rules().weight(rule.id)


def test_a_rules_file_changes_a_typed_threshold(tmp_path: Path) -> None:
    path = tmp_path / "mine.toml"
    path.write_text("[rules.BATCH_SAME_DAY]\nmin_cases = 7\n", "utf-8")
    rule = RULES_BY_ID["BATCH_SAME_DAY"]
    assert rule.params_of(default_rules()).min_cases == 3  # type: ignore[attr-defined]
    assert rule.params_of(load_rules(path)).min_cases == 7  # type: ignore[attr-defined]


def test_a_wrong_type_is_named_by_file_and_key(tmp_path: Path) -> None:
    path = tmp_path / "mine.toml"
    path.write_text("[rules.BATCH_SAME_DAY]\nmin_cases = 2.5\n", "utf-8")
    with pytest.raises(RuleError, match=r"mine\.toml: rules\.BATCH_SAME_DAY\.min_cases must be "
                                        r"a whole number, got 2\.5"):
        RULES_BY_ID["BATCH_SAME_DAY"].params_of(load_rules(path))


def test_lists_are_checked_item_by_item_and_become_tuples() -> None:
    table = dict(default_rules().params("COHORT_NEAR_RETIREMENT"))
    assert CohortParams.from_table(table, "x", "C").female_ages == (45.0, 56.0)
    with pytest.raises(RuleError, match=r"x: rules\.C\.female_ages must be a list of 2"):
        CohortParams.from_table({**table, "female_ages": [45]}, "x", "C")
    with pytest.raises(RuleError, match=r"x: rules\.C\.male_ages\[1\] must be a number"):
        CohortParams.from_table({**table, "male_ages": [54, "62"]}, "x", "C")


def test_a_missing_or_unknown_key_is_named() -> None:
    table = dict(default_rules().params("COHORT_NEAR_RETIREMENT"))
    with pytest.raises(RuleError, match=r"x: rules\.C\.min_share is missing"):
        CohortParams.from_table({k: v for k, v in table.items() if k != "min_share"}, "x", "C")
    with pytest.raises(RuleError, match=r"x: rules\.C\.min_shares is no parameter of C"):
        CohortParams.from_table({**table, "min_shares": 1}, "x", "C")


def test_a_wrong_rule_parameter_is_refused_when_the_file_is_loaded(tmp_path: Path) -> None:
    """Not only when the scan reaches the rule, after building the frame: loading the file
    builds every rule's parameters."""
    path = tmp_path / "mine.toml"
    path.write_text("[rules.AGENT_MANY_APPLICANTS]\nmin_applicants = 2.5\n", "utf-8")
    with pytest.raises(RuleError, match=r"mine\.toml: rules\.AGENT_MANY_APPLICANTS\."
                                        r"min_applicants must be a whole number, got 2\.5"):
        load_rules(path)
    with pytest.raises(RuleError, match=r"overrides: rules\.BATCH_SAME_DAY\.min_cases must"):
        default_rules().with_overrides({"rules": {"BATCH_SAME_DAY": {"min_cases": "3"}}})

