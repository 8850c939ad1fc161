"""Progress bars on every long command: a total and the time left on stderr, never on stdout,
off with --quiet or when stderr is no terminal (RINGTRACE_PROGRESS=1 forces them on)."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from ringtrace.cli import cli
from tests.scanned_province import (
    ScannedProvince,
    copy_workspace,
)


@pytest.fixture
def workspace(scanned_province: ScannedProvince, tmp_path: Path) -> Path:
    return copy_workspace(scanned_province, tmp_path / "ws")


def invoke(workspace: Path, *args: str, forced: str | None = "1") -> Result:
    env = {"RINGTRACE_PROGRESS": forced} if forced is not None else {}
    result = CliRunner().invoke(cli, ["-w", str(workspace), *args], env=env)
    assert result.exit_code == 0, result.output
    return result


def test_scan_shows_its_steps_out_of_a_total(workspace: Path) -> None:
    result = invoke(workspace, "scan")
    assert "scan:   0%|" in result.stderr and "| 0/6 [00:00<?, ?step/s" in result.stderr
    assert "5/6 [" in result.stderr and "save" in result.stderr
    assert "scan:" not in result.stdout and result.stdout.startswith("已扫描1500件案件")


def test_pack_report_and_export_show_a_total(workspace: Path, tmp_path: Path) -> None:
    pack = invoke(workspace, "pack", "1", "--out", str(tmp_path / "p"))
    assert "pack: ring data:   0%|" in pack.stderr and "0/5 [" in pack.stderr
    report = invoke(workspace, "report", "--out", str(tmp_path / "r"), "--top", "2")
    assert "report: pages:   0%|" in report.stderr and "0/3 [" in report.stderr
    export = invoke(workspace, "leads", "export", "--format", "csv", "--out",
                    str(tmp_path / "x"))
    assert "export: procuratorates:" in export.stderr and "export: files:" in export.stderr


def test_no_bar_when_quiet_or_when_stderr_is_not_a_terminal(workspace: Path) -> None:
    assert "step/s" not in invoke(workspace, "--quiet", "scan").stderr
    assert invoke(workspace, "scan", forced=None).stderr == ""
    assert invoke(workspace, "scan", forced="0").stderr == ""


def test_ingest_counts_files_out_of_a_total(tmp_path: Path) -> None:
    from tests.conftest import write_province

    province = write_province(tmp_path / "province")
    result = invoke(tmp_path / "ws", "ingest", str(province))
    assert "ingest: files:   0%|" in result.stderr and "| 0/2 [00:00<?, ?file/s]" in result.stderr


def test_an_ambiguous_name_in_a_judgement_lists_the_candidates(tmp_path: Path) -> None:
    """`resolve same` looks names up its own way; its ambiguity exits 4 like the queries."""
    import json

    from tests.conftest import sham_case, write_province

    province = write_province(tmp_path / "province")
    with (province / "cases.jsonl").open("a", encoding="utf-8") as f:
        f.write(json.dumps(sham_case(300, "张桂兰", "1955-09-09"), ensure_ascii=False) + "\n")
    invoke(tmp_path / "ws", "ingest", str(province), forced=None)
    result = CliRunner().invoke(cli, ["-w", str(tmp_path / "ws"), "resolve", "same", "张桂兰",
                                      "刘秀英", "--json"])
    assert result.exit_code == 4
    data = json.loads(result.stdout)
    assert [c["id"] for c in data["candidates"]] == ["Person:张桂兰|b:1955-09-09",
                                                     "Person:张桂兰|b:1968-05-02"]
    assert data["candidates"][0]["detail"].startswith("1 mentions, 1955-09-09")
