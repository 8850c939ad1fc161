"""Rules files: defaults load, overrides apply, typos are errors that name the key."""

from __future__ import annotations

from pathlib import Path

import pytest

from ringtrace.errors import RuleError
from ringtrace.queries.redflags import CATALOGUE
from ringtrace.queries.rules import SparkSettings, load_rules
from ringtrace.resolve.settings import ResolveSettings


def test_every_catalogued_rule_has_defaults_and_a_documented_module() -> None:
    config = load_rules()
    for rule in CATALOGUE:
        weight = config.weight(rule.id)
        assert weight < 0 if rule.mitigating else weight > 0
        module = __import__(rule.run.__module__, fromlist=["_"])
        doc = module.__doc__ or ""
        assert rule.id in doc and "Why it matters" in doc and "Thresholds" in doc


def test_override_file_changes_one_threshold(tmp_path: Path) -> None:
    path = tmp_path / "rules.toml"
    path.write_text("[rules.BATCH_SAME_DAY]\nmin_cases = 5\n", "utf-8")
    config = load_rules(path)
    assert config.params("BATCH_SAME_DAY")["min_cases"] == 5
    assert config.params("BATCH_SAME_DAY")["weight"] == load_rules().weight("BATCH_SAME_DAY")


def test_each_rules_parameters_are_its_parameter_class_kept_as_written() -> None:
    """RuleConfig holds typed parameters, not tables: each rule's own class, with the values
    the file wrote (so the table, the fingerprint and `rules show` give the file back), while
    the rule itself reads them converted (an int given for a float becomes a float)."""
    config = load_rules()
    for rule in CATALOGUE:
        assert type(config.rule(rule.id)) is rule.params
    written = config.rule("CLAIM_MONEY")
    assert config.params("CLAIM_MONEY")["min_total_yuan"] == 10000
    assert isinstance(config.params("CLAIM_MONEY")["min_total_yuan"], int)
    read = CATALOGUE[[r.id for r in CATALOGUE].index("CLAIM_MONEY")].params_of(config)
    assert read == written and isinstance(vars(read)["min_total_yuan"], float)
    assert config.to_dict()["rules"]["TL_NEAR_RETIREMENT"]["female_ages"] == [45, 56]


def test_unknown_key_is_an_error_naming_it(tmp_path: Path) -> None:
    path = tmp_path / "rules.toml"
    path.write_text("[rules.BATCH_SAME_DAY]\nmin_case = 5\n", "utf-8")
    with pytest.raises(RuleError, match=r"rules\.BATCH_SAME_DAY\.min_case"):
        load_rules(path)


def test_weight_out_of_range_is_an_error(tmp_path: Path) -> None:
    path = tmp_path / "rules.toml"
    path.write_text("[rules.EMP_BURST]\nweight = 15.0\n", "utf-8")
    with pytest.raises(RuleError, match=r"EMP_BURST\.weight"):
        load_rules(path)


def test_a_rule_cannot_change_direction(tmp_path: Path) -> None:
    from ringtrace.queries.frame import Frame
    from ringtrace.queries.redflags import run_all

    path = tmp_path / "rules.toml"
    path.write_text("[rules.CLAIM_MONEY]\nweight = 0.5\n", "utf-8")
    empty = Frame({}, {}, {}, {}, {}, {}, {}, {})
    with pytest.raises(RuleError, match="CLAIM_MONEY is exculpatory"):
        run_all(empty, load_rules(path))


def test_a_rule_in_two_caps_is_an_error(tmp_path: Path) -> None:
    path = tmp_path / "rules.toml"
    path.write_text('[caps.burst]\nrules = ["EMP_BURST", "CLAIM_PURPOSE"]\n', "utf-8")
    with pytest.raises(RuleError, match="CLAIM_PURPOSE is in caps"):
        load_rules(path)


def test_the_statutory_retirement_ages_are_one_fact() -> None:
    config = load_rules()
    ages = config.params("TL_END_AT_RETIREMENT")["retirement_ages"]
    assert ages == [50, 55, 60]
    assert config.params("EVID_ENDED_TOGETHER")["retirement_ages"] == ages


def test_ends_that_show_one_ending_lie_within_the_span_of_separate_leavings() -> None:
    """Two meanings, two values (review25): ``EVID_ENDED_TOGETHER.window_days`` is how close
    ends must lie to *show* one ending (a mitigating finding), ``[rings]
    separate_leavings_days`` how far apart they must lie to *show* separate leavings (a
    template link; ends within it may be one lay-off). Ends that show one ending can never
    show separate leavings, so the first is no wider than the second."""
    config = load_rules()
    window = config.params("EVID_ENDED_TOGETHER")["window_days"]
    assert isinstance(window, int) and window <= config.rings.separate_leavings_days


def test_the_fingerprint_names_the_values_not_the_file(tmp_path: Path) -> None:
    defaults = load_rules()
    same = defaults.with_overrides({}, source="a copy")
    changed = defaults.with_overrides({"rules": {"CLAIM_MONEY": {"weight": -1.0}}})
    assert len(defaults.fingerprint) == 12
    assert same.fingerprint == defaults.fingerprint and same.source != defaults.source
    assert changed.fingerprint != defaults.fingerprint


def test_spark_bins_are_read_from_the_rules_and_checked(tmp_path: Path) -> None:
    shipped = load_rules().spark
    assert shipped is not None and shipped.bin_cases < shipped.max_component_cases
    path = tmp_path / "rules.toml"
    path.write_text("[spark]\nbin_cases = 200\n", "utf-8")
    config = load_rules(path)
    assert config.spark == SparkSettings(200, shipped.max_component_cases)
    assert config.to_dict()["spark"] == {"bin_cases": 200,
                                         "max_component_cases": shipped.max_component_cases}
    path.write_text("[spark]\nmax_component_cases = 0\n", "utf-8")
    with pytest.raises(RuleError, match=r"spark\.max_component_cases must be a whole number"):
        load_rules(path)


def test_a_configuration_stored_before_the_spark_table_reads_back_the_same() -> None:
    from ringtrace.queries.model import ScanMeta

    stored = {k: v for k, v in load_rules().to_dict().items() if k != "spark"}
    meta = {"ringtrace_version": "0", "snapshot": "s", "scanned_at": "t", "rules": stored,
            "community_seed": 1, "cases_scanned": 0, "findings": 0, "rings": 0,
            "clusters": 0, "leads": 0, "lead_threshold": 0.7, "communities": 0,
            "explained_groups": 0}
    read = ScanMeta.from_dict(meta)
    assert read.rules.spark is None and read.to_dict()["rules"] == dict(sorted(stored.items()))
    with_spark = {**meta, "rules": load_rules().to_dict()}
    assert ScanMeta.from_dict(with_spark).rules.spark == load_rules().spark


def test_resolution_settings_are_read_from_the_rules_and_checked(tmp_path: Path) -> None:
    shipped = load_rules().resolve
    assert isinstance(shipped, ResolveSettings)
    path = tmp_path / "rules.toml"
    path.write_text("[resolve]\nagent_gap_days = 365\n", "utf-8")
    config = load_rules(path)
    assert config.resolve == ResolveSettings(365, shipped.both_sides_days,
                                             shipped.counsel_dominance,
                                             shipped.employer_agent_suits,
                                             shipped.firm_namesake_days,
                                             shipped.id_fragment_min_chars,
                                             shipped.rare_agent_gap_days,
                                             shipped.regular_agent_suits, shipped.same_side_days,
                                             shipped.similar_name)
    assert config.to_dict()["resolve"]["agent_gap_days"] == 365
    assert config.fingerprint != load_rules().fingerprint
    for bad, message in (("agent_gap_days = 0", r"resolve\.agent_gap_days must be a whole"),
                         ("similar_name = 0.9", r"resolve\.similar_name must be a whole"),
                         ("similar_name = 101", r"similarity out of 100"),
                         ("gap_days = 3", r"unknown key 'resolve\.gap_days'")):
        path.write_text(f"[resolve]\n{bad}\n", "utf-8")
        with pytest.raises(RuleError, match=message):
            load_rules(path)


def test_a_stored_configuration_reads_its_resolution_settings_back() -> None:
    from ringtrace.queries.model import _rule_config

    config = load_rules(overrides={"resolve": {"counsel_dominance": 6}})
    assert _rule_config(config.to_dict()).resolve == config.resolve
    older = {k: v for k, v in config.to_dict().items() if k != "resolve"}
    assert _rule_config(older).resolve is None
