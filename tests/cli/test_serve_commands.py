from __future__ import annotations

import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from ringtrace.cli import cli


def test_help_names_the_modes(runner: CliRunner) -> None:
    result = runner.invoke(cli, ["serve", "--help"])
    assert result.exit_code == 0
    for option in ("--port", "--review", "--user NAME", "--unmask", "127.0.0.1"):
        assert option in result.output


def test_an_unscanned_workspace_says_to_scan_first(runner: CliRunner, province: Path,
                                                   workspace: Path) -> None:
    ingest = runner.invoke(cli, ["-w", str(workspace), "ingest", str(province / "cases.jsonl")])
    assert ingest.exit_code == 0, ingest.output
    result = runner.invoke(cli, ["-w", str(workspace), "serve", "--port", "0"])
    assert result.exit_code == 1
    assert "run `ringtrace scan` first" in result.output


def test_without_flask_the_extra_is_named(runner: CliRunner, tmp_path: Path,
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "flask", None)
    result = runner.invoke(cli, ["-w", str(tmp_path), "serve"])
    assert result.exit_code == 1
    assert "pip install 'ringtrace[serve]'" in result.output
