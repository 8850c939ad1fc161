"""Every tunable listed with its value, default and explanation (``ringtrace rules show``)."""

from __future__ import annotations

import tomllib
from importlib import resources
from pathlib import Path

from ringtrace.queries.rules import load_rules
from ringtrace.queries.rules_listing import explanations, matching, tunables


def _shipped() -> dict[str, object]:
    text = resources.files("ringtrace.queries").joinpath("rules.toml").read_text("utf-8")
    data = tomllib.loads(text)
    flat: dict[str, object] = {}
    for section, body in data.items():
        for key, value in body.items():
            if section in ("caps", "rules"):
                flat.update({f"{section}.{key}.{k}": v for k, v in value.items()})
            else:
                flat[f"{section}.{key}"] = value
    return flat


def test_every_shipped_setting_is_listed_once_with_an_explanation() -> None:
    found = tunables()
    assert [t.path for t in found] == list(_shipped())  # each one, in the file's order
    assert [t.path for t in found if not t.explanation] == []
    assert all(not t.changed for t in found)


def test_explanations_come_from_the_comments_beside_and_above_each_key() -> None:
    notes = explanations()
    assert notes["scoring.lead_threshold"].startswith("final case score")
    # a comment block above the key, then the key's own comment
    assert notes["rules.EMP_START_BEFORE_FOUNDING.explained_by_types"].startswith(
        "a registry founding date after the claimed start is explained")
    # an indented comment line continues the key's comment
    assert notes["rings.batch_strength"].endswith("its candidates already suspicious)")
    # a sentence over two keys reads whole on the second
    assert notes["rings.strong_lead"].startswith("a cluster without an agent or contact")
    assert notes["rings.strong_lead"].endswith("unless every one of its cases scores at least this")


def test_a_rule_key_without_a_comment_is_explained_by_the_rule_and_key() -> None:
    by_path = {t.path: t for t in tunables()}
    assert by_path["rules.EMP_BURST.weight"].explanation == (
        "EMP_BURST: weight (log-likelihood ratio)")
    assert by_path["rules.EMP_BURST.min_cases"].explanation == "EMP_BURST: min_cases"
    assert by_path["rules.EMP_BURST.headcount_ratio"].explanation.startswith("cases in the window")


def test_a_rules_file_value_is_shown_beside_the_default(tmp_path: Path) -> None:
    trial = tmp_path / "trial.toml"
    trial.write_text("[rings]\nstrong_lead = 0.8\n[rules.EMP_BURST]\nweight = 1.2\n", "utf-8")
    changed = [t for t in tunables(load_rules(trial)) if t.changed]
    assert [(t.path, t.value, t.default) for t in changed] == [
        ("rings.strong_lead", 0.8, 0.9), ("rules.EMP_BURST.weight", 1.2, 0.9)]
    assert changed[0].to_dict()["changed"] is True


def test_patterns_match_anywhere_in_the_name_ignoring_case() -> None:
    found = matching(tunables(), ("emp_burst.WEIGHT", "lead_threshold"))
    assert [t.path for t in found] == ["scoring.lead_threshold", "rules.EMP_BURST.weight"]
