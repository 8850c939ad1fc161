"""The root group: the workspace found like git finds its repository, shared exit statuses, and
each command imported from the module the table names, only when it runs."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from ringtrace.cli import cli
from ringtrace.cli.app import COMMAND_MODULES, load_all_commands
from ringtrace.graph.audit import read_audit
from ringtrace.graph.store.sqlite import SQLiteStore


def make_workspace(path: Path) -> Path:
    SQLiteStore.open(path, create=True).close()
    return path


@pytest.fixture
def clean_env(monkeypatch: pytest.MonkeyPatch) -> pytest.MonkeyPatch:
    monkeypatch.delenv("RINGTRACE_WORKSPACE", raising=False)
    return monkeypatch


def test_status_from_a_subfolder_finds_the_workspace_above(tmp_path: Path,
                                                           clean_env: pytest.MonkeyPatch) -> None:
    make_workspace(tmp_path / "ringtrace-workspace")
    deep = tmp_path / "case-files" / "2021"
    deep.mkdir(parents=True)
    clean_env.chdir(deep)
    result = CliRunner().invoke(cli, ["status", "--json"])
    assert result.exit_code == 0, result.output
    [line] = read_audit(tmp_path / "ringtrace-workspace")
    assert line["command"] == "ringtrace status"
    assert line["params"]["workspace"] == str(tmp_path / "ringtrace-workspace")


def test_a_pointer_file_is_followed(tmp_path: Path, clean_env: pytest.MonkeyPatch) -> None:
    ws = make_workspace(tmp_path / "demo-out" / "workspace")
    (tmp_path / ".ringtrace").write_text("demo-out/workspace\n", "utf-8")
    clean_env.chdir(tmp_path)
    assert CliRunner().invoke(cli, ["status"]).exit_code == 0
    assert (ws / "audit.jsonl").is_file()


def test_the_environment_wins_over_the_walk_and_the_option_over_both(
        tmp_path: Path, clean_env: pytest.MonkeyPatch) -> None:
    near = make_workspace(tmp_path / "ringtrace-workspace")
    env_ws = make_workspace(tmp_path / "env-ws")
    opt_ws = make_workspace(tmp_path / "opt-ws")
    clean_env.chdir(tmp_path)
    clean_env.setenv("RINGTRACE_WORKSPACE", str(env_ws))
    assert CliRunner().invoke(cli, ["status"]).exit_code == 0
    assert (env_ws / "audit.jsonl").is_file() and not (near / "audit.jsonl").exists()
    assert CliRunner().invoke(cli, ["-w", str(opt_ws), "status"]).exit_code == 0
    assert (opt_ws / "audit.jsonl").is_file() and not (near / "audit.jsonl").exists()


def test_no_workspace_found_says_where_it_looked(tmp_path: Path,
                                                 clean_env: pytest.MonkeyPatch) -> None:
    (tmp_path / "ringtrace-workspace").mkdir()  # an empty folder of that name is no workspace
    clean_env.chdir(tmp_path)
    result = CliRunner().invoke(cli, ["rings"])
    assert result.exit_code == 1
    assert f"no workspace found: looked in {tmp_path} and its parents" in result.output
    assert "ringtrace -w DIR" in result.output and "RINGTRACE_WORKSPACE" in result.output


def test_ingest_creates_the_default_workspace_here(tmp_path: Path,
                                                   clean_env: pytest.MonkeyPatch) -> None:
    from tests.conftest import write_province

    province = write_province(tmp_path / "province")
    clean_env.chdir(tmp_path)
    result = CliRunner().invoke(cli, ["ingest", str(province)])
    assert result.exit_code == 0, result.output
    assert (tmp_path / "ringtrace-workspace" / "ringtrace.sqlite").is_file()


def test_help_documents_the_discovery_and_the_exit_statuses() -> None:
    text = CliRunner().invoke(cli, ["--help"]).output
    assert "walking up from the current directory" in text
    assert "4   the name matches several entities" in text


def test_ingest_into_a_workspace_found_above_says_which(tmp_path: Path,
                                                      clean_env: pytest.MonkeyPatch) -> None:
    from tests.conftest import write_province

    ws = make_workspace(tmp_path / "ringtrace-workspace")
    province = write_province(tmp_path / "inbox" / "province")
    clean_env.chdir(tmp_path / "inbox")
    result = CliRunner().invoke(cli, ["ingest", "province", "--json"])
    assert result.exit_code == 0, result.output
    assert result.stderr == (f"workspace: {ws} (found walking up from the current "
                             "directory)\n")
    assert not (province.parent / "ringtrace-workspace").exists()


def test_the_command_table_names_the_module_that_defines_each_command() -> None:
    commands = load_all_commands()
    assert set(commands) == set(COMMAND_MODULES)
    for name, command in commands.items():
        modules = {f"ringtrace.cli.{m}" for m in COMMAND_MODULES[name]}
        defined = {command.callback.__module__} if command.callback else set()
        for sub in getattr(command, "commands", {}).values():
            defined.add(sub.callback.__module__)
        assert defined <= modules, (name, defined - modules)


def test_a_query_command_imports_neither_the_parser_nor_the_scan_nor_neo4j() -> None:
    code = ("import sys\nfrom ringtrace.cli import cli\n"
            "try:\n    cli(['employer', '--help'])\nexcept SystemExit:\n    pass\n"
            "heavy = ['ringtrace.loaders.judgments', 'ringtrace.queries.scan', 'neo4j', 'cn2an']\n"
            "print(sorted(m for m in heavy if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True).stdout
    assert out.strip().splitlines()[-1] == "[]", out
