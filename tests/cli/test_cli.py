"""The command line: help with examples, JSON with readable Chinese, clear errors."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner

from ringtrace.cli import cli, load_all_commands

ROOT = Path(__file__).resolve().parents[2]


def _commands() -> list[str]:
    return sorted(load_all_commands())


@pytest.mark.parametrize("name", _commands())
def test_every_command_has_help_with_an_example(runner: CliRunner, name: str) -> None:
    result = runner.invoke(cli, [name, "--help"])
    assert result.exit_code == 0, result.output
    assert "Example" in result.output


def test_only_the_cli_package_imports_click() -> None:
    out = subprocess.run(["git", "grep", "-l", "-E", r"^\s*(import click|from click)", "--",
                          "ringtrace"], cwd=ROOT, capture_output=True, text=True).stdout.split()
    assert out and all(p.startswith("ringtrace/cli/") for p in out), out


def test_ingest_scan_and_employer_json_keep_chinese_readable(runner: CliRunner, province: Path,
                                                             workspace: Path) -> None:
    ws = ["--workspace", str(workspace)]
    assert runner.invoke(cli, [*ws, "ingest", str(province)]).exit_code == 0
    assert runner.invoke(cli, [*ws, "scan"]).exit_code == 0
    result = runner.invoke(cli, [*ws, "employer", "安阳市恒达废旧物资回收有限公司", "--json"])
    assert result.exit_code == 0, result.output
    assert "安阳市恒达废旧物资回收有限公司" in result.output and "\\u" not in result.output
    data = json.loads(result.output)
    assert data["employer"]["uscc"] == "91410502MA3X5Y0K2B"
    assert {"cases", "plaintiffs", "agents", "flags", "rings"} <= set(data)


def test_scan_json_names_the_results_schema_version(runner: CliRunner, province: Path,
                                                   workspace: Path) -> None:
    from ringtrace.graph.store import SQLiteStore
    from ringtrace.queries.model import SCHEMA_VERSION
    from ringtrace.queries.results import ScanResults

    ws = ["--workspace", str(workspace)]
    runner.invoke(cli, [*ws, "ingest", str(province)])
    result = runner.invoke(cli, [*ws, "scan", "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    schema = json.loads((ROOT / "docs" / "schema" / f"results.v{SCHEMA_VERSION}.json").read_text())
    assert data["schema_version"] == SCHEMA_VERSION == schema["version"]
    with SQLiteStore.open(workspace, create=False) as store:
        meta = ScanResults.load(store).meta
    # the rules file and values it ran with, not the values themselves (`rules show` has them)
    assert data["rules"] == f"defaults (values {meta.rules.fingerprint})"
    assert (data["cases_scanned"], data["rings"], data["leads"], data["snapshot"]) == (
        meta.cases_scanned, meta.rings, meta.leads, meta.snapshot)


def test_listing_commands_write_csv(runner: CliRunner, province: Path, workspace: Path) -> None:
    ws = ["--workspace", str(workspace)]
    runner.invoke(cli, [*ws, "ingest", str(province)])
    runner.invoke(cli, [*ws, "scan"])
    for args in (["rings"], ["leads"], ["status"]):
        result = runner.invoke(cli, [*ws, *args, "--csv"])
        assert result.exit_code == 0, result.output
        assert result.output.splitlines()[0].count(",") >= 2


def test_querying_before_ingest_explains_what_to_run(runner: CliRunner, workspace: Path) -> None:
    result = runner.invoke(cli, ["--workspace", str(workspace), "rings"])
    assert result.exit_code == 1
    assert "ringtrace ingest" in result.output


def test_unknown_employer_is_a_clear_error(runner: CliRunner, province: Path,
                                           workspace: Path) -> None:
    ws = ["--workspace", str(workspace)]
    runner.invoke(cli, [*ws, "ingest", str(province)])
    result = runner.invoke(cli, [*ws, "employer", "不存在的公司"])
    assert result.exit_code == 1 and "no employer matches" in result.output


def test_tables_name_rules_for_people_and_json_keeps_the_ids(runner: CliRunner, province: Path,
                                                             workspace: Path) -> None:
    from ringtrace.viz.catalogue import labels

    ws = ["--workspace", str(workspace)]
    runner.invoke(cli, [*ws, "ingest", str(province)])
    runner.invoke(cli, [*ws, "scan"])
    ids = set(labels()["rules"])
    for args in (["rings"], ["leads"], ["employer", "安阳市恒达废旧物资回收有限公司"]):
        shown = runner.invoke(cli, [*ws, *args])
        assert shown.exit_code == 0, shown.output
        assert not [r for r in ids if r in shown.output], (args, shown.output)
        assert any(name in shown.output for name in labels()["rules"].values()), args
    data = json.loads(runner.invoke(cli, [*ws, "leads", "--json"]).output)
    assert data and set(data[0]["rules"]) <= ids


def test_scan_refuses_a_wrong_rule_parameter_before_it_opens_the_store(tmp_path: Path) -> None:
    """The workspace does not even exist: the rules file is what the scan reports."""
    path = tmp_path / "mine.toml"
    path.write_text("[rules.BATCH_SAME_DAY]\nmin_cases = 2.5\n", "utf-8")
    result = CliRunner().invoke(cli, ["-w", str(tmp_path / "none"), "scan", "--rules",
                                      str(path)])
    assert result.exit_code != 0
    assert "rules.BATCH_SAME_DAY.min_cases must be a whole number" in result.output
    assert not (tmp_path / "none").exists()
