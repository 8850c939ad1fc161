"""``ringtrace push``: ingest a province, push it twice, read it back through --store."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from ringtrace.cli import cli

pytestmark = pytest.mark.neo4j


def test_push_twice_then_query_through_the_server(runner: CliRunner, province: Path,
                                                  workspace: Path, clean_neo4j: str) -> None:
    ws = ["--workspace", str(workspace)]
    assert runner.invoke(cli, [*ws, "ingest", str(province)]).exit_code == 0
    assert runner.invoke(cli, [*ws, "scan"]).exit_code == 0
    first = runner.invoke(cli, [*ws, "push", "--neo4j", clean_neo4j, "--json"])
    assert first.exit_code == 0, first.output
    data = json.loads(first.output)
    assert data["target_counts"] == data["source_counts"]
    assert data["nodes"] == sum(data["source_counts"]["nodes"].values()) and data["scan"] is True
    second = runner.invoke(cli, [*ws, "push", "--batch-size", "3", "--json"],
                           env={"NEO4J_URI": clean_neo4j})
    assert second.exit_code == 0, second.output
    assert json.loads(second.output)["target_counts"] == data["target_counts"]
    text = runner.invoke(cli, [*ws, "push", "--neo4j", clean_neo4j])
    assert "relationships/s" in text.output and "PARTY_IN" in text.output
    for command in (["rings", "--json"], ["leads", "--json"],
                    ["employer", "安阳市恒达废旧物资回收有限公司", "--json"],
                    ["agent", "王建国", "--json"]):
        local = runner.invoke(cli, [*ws, *command])
        remote = runner.invoke(cli, [*ws, *command, "--store", clean_neo4j])
        assert local.exit_code == 0 == remote.exit_code, remote.output
        assert remote.output == local.output


def test_push_without_a_server_explains_and_hides_the_password(
        runner: CliRunner, province: Path, workspace: Path) -> None:
    ws = ["--workspace", str(workspace)]
    assert runner.invoke(cli, [*ws, "ingest", str(province)]).exit_code == 0
    result = runner.invoke(cli, [*ws, "push", "--neo4j", "bolt://127.0.0.1:9", "--user", "bob"],
                           env={"NEO4J_PASSWORD": "pw-do-not-print"})
    assert result.exit_code == 1
    assert "make neo4j" in result.output and "pw-do-not-print" not in result.output
    missing = runner.invoke(cli, [*ws, "push"], env={"NEO4J_URI": ""})
    assert missing.exit_code == 2 and "--neo4j URI or NEO4J_URI" in missing.output
