"""The second half on the command line: packs, exports, feedback, and the audit log."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from ringtrace.cli import cli
from ringtrace.graph.audit import read_audit
from ringtrace.queries.rules import load_rules
from tests.scanned_province import (
    ScannedProvince,
    copy_workspace,
    run,
)


@pytest.fixture
def workspace(scanned_province: ScannedProvince, tmp_path: Path) -> Path:
    return copy_workspace(scanned_province, tmp_path / "ws")


def invoke(workspace: Path, *args: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, ["--workspace", str(workspace), *args])
    return result.exit_code, result.output


@pytest.mark.parametrize("args", [["pack", "--help"], ["pack", "build", "--help"],
                                  ["pack", "verify", "--help"], ["leads", "export", "--help"],
                                  ["feedback", "--help"], ["feedback", "import", "--help"],
                                  ["feedback", "report", "--help"],
                                  ["feedback", "simulate", "--help"]])
def test_new_commands_have_help_with_an_example(args: list[str]) -> None:
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 0 and "Example" in result.output


def test_pack_then_verify_then_tamper(workspace: Path, tmp_path: Path) -> None:
    out = tmp_path / "pack-ring1"
    output = run(workspace, "pack", "1", "--out", str(out), "--zip")
    digest = re.search(r"manifest.json sha256 ([0-9a-f]{64})", output)
    assert digest and (tmp_path / "pack-ring1.zip").is_file()
    code, text = invoke(workspace, "pack", "verify", str(out))
    assert code == 0 and f"sha256 {digest.group(1)}" in text and text.startswith("ok: 10 files")
    code, text = invoke(workspace, "pack", "verify", str(out), "--expect", digest.group(1))
    assert code == 0 and "the hash expected" in text
    assert invoke(workspace, "pack", "verify", str(tmp_path / "pack-ring1.zip"))[0] == 0
    flags = out / "flags.csv"
    flags.write_text(flags.read_text("utf-8-sig").replace("EMP_", "EMQ_"), "utf-8-sig")
    code, text = invoke(workspace, "pack", "verify", str(out), "--json")
    assert code == 1
    assert [f["file"] for f in json.loads(text)["failures"]] == ["flags.csv"]


def test_a_pack_carries_the_audit_lines_that_produced_it(workspace: Path,
                                                        tmp_path: Path) -> None:
    run(workspace, "rings")
    output = run(workspace, "pack", "build", "1", "--out", str(tmp_path / "p"))
    carried = [json.loads(line) for line in
               (tmp_path / "p" / "audit.jsonl").read_text("utf-8").splitlines()]
    assert [e["command"] for e in carried] == ["ringtrace ingest", "ringtrace scan",
                                               "ringtrace pack build"]
    logged = read_audit(workspace)[-1]
    assert logged["command"] == "ringtrace pack build" and logged["time"] == carried[-1]["time"]
    assert logged["params"] == carried[-1]["params"] and logged["params"]["ring_id"] == "1"
    assert str(logged["result"]["manifest_sha256"]) in output
    ring_id = json.loads(run(workspace, "ring", "1", "--json"))["ring_id"]
    # typed as a rank, recorded as the ring's id (the next scan gives rank 1 to another ring)
    assert carried[-1]["result"] == {"out": str(tmp_path / "p"), "ring_id": ring_id, "rank": 1}
    assert (logged["result"]["ring_id"], logged["result"]["rank"]) == (ring_id, 1)


def test_every_command_on_the_workspace_leaves_one_audit_line(workspace: Path) -> None:
    before = len(read_audit(workspace))
    run(workspace, "rings")
    run(workspace, "leads", "-n", "3")
    run(workspace, "status")
    code, _ = invoke(workspace, "employer", "不存在的公司")
    assert code == 1
    lines = read_audit(workspace)[before:]
    assert [(e["command"], e["status"]) for e in lines] == [
        ("ringtrace rings", "ok"), ("ringtrace leads", "ok"), ("ringtrace status", "ok"),
        ("ringtrace employer", "error")]
    assert lines[1]["params"]["limit"] == 3
    assert "no employer matches" in str(lines[3]["result"]["error"])
    assert all(e["result"]["snapshot"] == lines[0]["result"]["snapshot"] for e in lines)


def test_exports_split_per_procuratorate_without_duplicates_across_runs(
        workspace: Path, tmp_path: Path) -> None:
    out = tmp_path / "exports"
    code, text = invoke(workspace, "leads", "export", "--by", "procuratorate", "--format",
                        "csv", "--out", str(out), "--json")
    assert code == 0, text
    first = json.loads(text)
    assert first["exported"] > 0 and len(first["files"]) == len(list(out.iterdir()))
    assert all("人民检察院" in f["procuratorate"] or "管辖未确定" in f["procuratorate"]
               for f in first["files"])
    code, text = invoke(workspace, "leads", "export", "--format", "csv", "--out", str(out))
    assert code == 0 and "0 leads in 0 files" in text and "--again" in text
    ledger = (workspace / "exports" / "ledger.jsonl").read_text("utf-8").splitlines()
    assert len(ledger) == first["exported"]
    assert read_audit(workspace)[-1]["result"]["already_exported"] == first["exported"]


def test_feedback_import_quarantines_bad_rows(workspace: Path, tmp_path: Path) -> None:
    lead = json.loads(run(workspace, "leads", "-n", "1", "--json"))[0]["lead_id"]
    path = tmp_path / "outcomes.csv"
    path.write_text("线索编号,核查结果,日期,备注\n"
                    f"{lead},核实属实,2025-03-01,工资表系伪造\n"
                    "L-0000000000,不属实,2025-03-02,\n"
                    f"{lead},查无此结果,2025-03-03,\n", "utf-8")
    output = run(workspace, "feedback", "import", str(path))
    assert "1 outcomes recorded, 0 already known, 2 rows quarantined" in output
    assert f"{path}:3: 线索编号" in output and f"{path}:4: 核查结果" in output
    problems = json.loads(run(workspace, "status", "--problems", "--json"))
    assert {(p["file"], p["line"], p["field"]) for p in problems} == {
        (str(path), 3, "线索编号"), (str(path), 4, "核查结果")}
    again = run(workspace, "feedback", "import", str(path))
    assert "0 outcomes recorded, 1 already known, 2 rows quarantined" in again
    assert read_audit(workspace)[-1]["result"]["duplicates"] == 1


def test_simulated_outcomes_for_half_the_leads_give_an_evaluation_on_the_other_half(
        workspace: Path, scanned_province: ScannedProvince, tmp_path: Path) -> None:
    outcomes = tmp_path / "outcomes.csv"
    run(workspace, "feedback", "simulate", "--truth", str(scanned_province.truth), "--out",
        str(outcomes))
    run(workspace, "feedback", "import", str(outcomes))
    rules = tmp_path / "reweighted.toml"
    text = run(workspace, "feedback", "report", "--truth", str(scanned_province.truth),
               "--write-rules", str(rules))
    leads = len(json.loads(run(workspace, "leads", "-n", "100000", "--json")))
    simulated = len(outcomes.read_text("utf-8-sig").splitlines()) - 1
    assert simulated == round(leads / 2)
    assert f"evaluation on {leads - simulated} held-out leads" in text
    assert re.search(r"precision@50: before \d\.\d{3}, after \d\.\d{3}", text)
    assert "precision per rule" in text and "precision per region" in text
    assert "ring strength (" in text and "fitted on the scan made with defaults (values" in text
    assert "note:" not in text  # a current scan: nothing read from the shipped defaults
    load_rules(rules)
    rescan = run(workspace, "scan", "--rules", str(rules))
    assert "leads" in rescan
