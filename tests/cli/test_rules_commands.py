"""``ringtrace rules show``: table, JSON and CSV; a rules file's changes; no match."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from ringtrace.cli import cli
from ringtrace.queries.rules import load_rules


def test_table_in_chinese_with_the_fingerprint() -> None:
    result = CliRunner().invoke(cli, ["rules", "show", "strong_lead"])
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0].split() == ["参数", "取值", "含义"]
    assert lines[2].split()[:2] == ["rings.strong_lead", "0.9"]
    assert f"取值指纹 {load_rules().fingerprint}" in result.stdout


def test_json_lists_every_setting_with_source_and_fingerprint() -> None:
    result = CliRunner().invoke(cli, ["--lang", "en", "rules", "show", "--json"])
    data = json.loads(result.stdout)
    assert data["source"] == "defaults" and data["fingerprint"] == load_rules().fingerprint
    paths = [t["path"] for t in data["tunables"]]
    assert "rings.batch_link_days" in paths and "exposure.accrual_rate" in paths
    assert all(t["explanation"] for t in data["tunables"])
    by_path = {t["path"]: t for t in data["tunables"]}
    assert by_path["scoring.lead_threshold"]["explanation"].startswith("final case score")


def test_changed_lists_only_what_the_rules_file_changes_as_csv(tmp_path: Path) -> None:
    trial = tmp_path / "trial.toml"
    trial.write_text("[scoring]\nlead_threshold = 0.8\n", "utf-8")
    result = CliRunner().invoke(cli, ["rules", "show", "--rules", str(trial), "--changed",
                                      "--csv"])
    assert result.exit_code == 0, result.output
    header, row, *rest = result.stdout.splitlines()
    assert header == "path,value,default,changed,explanation" and rest == []
    assert row.startswith("scoring.lead_threshold,0.8,0.72,True,案件最终评分（概率）达到此值即为线索")


def test_a_pattern_that_matches_nothing_says_how_to_list_them() -> None:
    result = CliRunner().invoke(cli, ["--lang", "en", "rules", "show", "no_such_setting"])
    assert result.exit_code == 1
    assert "no setting's name contains no_such_setting" in result.output
    assert "ringtrace rules show" in result.output
