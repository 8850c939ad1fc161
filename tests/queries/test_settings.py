"""The typed tables of the rules file: built from the file, refused with file and key when a
value is wrong, and given back value for value (stored scans, ``rules show``)."""

from __future__ import annotations

import tomllib
from dataclasses import fields
from importlib import resources
from pathlib import Path

import pytest

from ringtrace.errors import RuleError
from ringtrace.queries.rules import RuleConfig, _checked, filled_note, load_rules
from ringtrace.queries.settings import (
    Cap,
    ExposureSettings,
    GroupsSettings,
    RingsSettings,
    ScoringSettings,
    to_table,
)

TABLES = {"scoring": ScoringSettings, "rings": RingsSettings, "groups": GroupsSettings,
          "exposure": ExposureSettings}


def _shipped() -> dict[str, object]:
    text = resources.files("ringtrace.queries").joinpath("rules.toml").read_text("utf-8")
    return tomllib.loads(text)


def test_each_table_has_one_field_per_key_in_the_files_order() -> None:
    """The fields follow the shipped file, so a stored scan and ``rules show`` list the keys
    as the file does, and the tables come back exactly as read."""
    shipped, config = _shipped(), load_rules()
    for name, cls in TABLES.items():
        assert [f.name for f in fields(cls)] == list(shipped[name]), name  # type: ignore[call-overload]
    assert config.to_dict() | {"source": ""} == {**shipped, "source": ""}
    assert [c.name for c in config.caps] == list(shipped["caps"])  # type: ignore[call-overload]
    assert config.caps["screening"] == Cap(
        "screening", tuple(shipped["caps"]["screening"]["rules"]),  # type: ignore[index]
        ("burst", "response", "cohort"), 2.0)
    assert config.caps["burst"].groups is None


def test_a_number_is_kept_as_written() -> None:
    """``7000`` stays an int where a float is allowed: the stored configuration prints it as the
    file did (and the fingerprint of the shipped file does not move)."""
    config = load_rules(overrides={"rings": {"ring_weight": 2}})
    assert config.exposure.average_monthly_wage == 7000
    assert type(config.exposure.average_monthly_wage) is int
    assert to_table(config.rings)["ring_weight"] == 2
    assert type(config.rings.ring_weight) is int


@pytest.mark.parametrize(("text", "message"), [
    ("[rings]\nmin_ring_cases = 2.5\n",
     r"my\.toml: rings\.min_ring_cases must be a whole number, got 2\.5"),
    ("[rings]\nemployer_group_rules = \"EMP_BURST\"\n",
     r"my\.toml: rings\.employer_group_rules must be a list, got 'EMP_BURST'"),
    ("[rings]\nemployer_group_rules = [\"EMP_BURST\", 3]\n",
     r"my\.toml: rings\.employer_group_rules\[1\] must be a string, got 3"),
    ("[scoring]\ncommunity_seed = true\n",
     r"my\.toml: scoring\.community_seed must be a whole number, got True"),
    ("[groups]\nexplaining_rules = [\"NO_SUCH_RULE\"]\n",
     r"my\.toml: groups\.explaining_rules names unknown rules NO_SUCH_RULE"),
    ("[caps.burst]\nmax = \"1\"\n", r"my\.toml: caps\.burst\.max must be a number, got '1'"),
    ("[exposure]\npayout_years = [20]\n",
     r"my\.toml: exposure\.payout_years must be a number, got \[20\]"),
])
def test_an_ill_typed_value_is_refused_naming_file_and_key(tmp_path: Path, text: str,
                                                           message: str) -> None:
    path = tmp_path / "my.toml"
    path.write_text(text, "utf-8")
    with pytest.raises(RuleError, match=message):
        load_rules(path)


def test_a_missing_or_unknown_key_is_refused_naming_it() -> None:
    """A rules file is merged over the shipped one (so keeps every key, and an unknown one is
    refused there); the typed tables refuse both too, for any other way in."""
    data = {k: v for k, v in load_rules().to_dict().items() if k != "source"}
    rings = dict(data["rings"])
    del rings["tie_days"]
    with pytest.raises(RuleError, match=r"x\.toml: rings\.tie_days is missing"):
        _checked({**data, "rings": rings}, "x.toml")
    with pytest.raises(RuleError, match=r"x\.toml: scoring\.prior is no setting of \[scoring\]"):
        _checked({**data, "scoring": {**data["scoring"], "prior": 1}}, "x.toml")


def test_a_stored_configuration_from_an_older_scan_reads_defaults_for_new_keys() -> None:
    """A scan's stored configuration is a record: a key it did not have yet reads the shipped
    default, a key since removed is dropped, and what it had is kept."""
    stored = load_rules(overrides={"rings": {"ring_weight": 1.0}}).to_dict()
    older = {**stored, "rings": {k: v for k, v in stored["rings"].items() if k != "tie_days"}
             | {"retired_key": 3}}
    config = RuleConfig.from_dict(older)
    assert config.rings.tie_days == load_rules().rings.tie_days
    assert config.rings.ring_weight == 1.0
    assert RuleConfig.from_dict(stored) == load_rules(overrides={"rings": {"ring_weight": 1.0}})


def test_a_stored_configuration_says_which_settings_it_lacked() -> None:
    """What an older scan's stored configuration lacked is not filled silently: the config
    names it (``filled``) and :func:`filled_note` says so and how to get a current scan; a rule
    table's missing key or a whole rule the scan predates is named the same, a retired rule is
    dropped, and the typed parameters are the shipped ones."""
    stored = load_rules().to_dict()
    rules = {r: t for r, t in stored["rules"].items() if r != "GROUP_BACKED"}
    rules["CLAIM_MONEY"] = {"weight": -1.0}
    rules["RETIRED_RULE"] = {"weight": 1.0}
    rules["TL_NEAR_RETIREMENT"] = {**rules["TL_NEAR_RETIREMENT"], "female_ages": 50}
    older = {**stored, "rings": {k: v for k, v in stored["rings"].items() if k != "tie_days"},
             "rules": rules,
             "resolve": {k: v for k, v in stored["resolve"].items() if k != "both_sides_days"}}
    config = RuleConfig.from_dict(older)
    assert config.filled == ("resolve.both_sides_days", "rings.tie_days",
                             "rules.CLAIM_MONEY.min_total_yuan", "rules.GROUP_BACKED",
                             "rules.TL_NEAR_RETIREMENT.female_ages")
    assert config.resolve == load_rules().resolve
    assert config.weight("CLAIM_MONEY") == -1.0 and "RETIRED_RULE" not in config.rules
    assert config.rule("GROUP_BACKED") == load_rules().rule("GROUP_BACKED")
    note = filled_note(config)
    assert note is not None and "5 setting(s)" in note and "rings.tie_days" in note
    assert "ringtrace scan" in note
    current = RuleConfig.from_dict(stored)
    assert current.filled == () and filled_note(current) is None
