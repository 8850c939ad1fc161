"""The ``ringtrace synth`` command."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from ringtrace.cli import cli


def test_synth_writes_a_province_and_prints_a_summary(tmp_path: Path) -> None:
    out = tmp_path / "province"
    result = CliRunner().invoke(cli, ["synth", "--seed", "3", "--cases", "300", "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert f"wrote {out}: cases.jsonl, backpayments.csv, registry.csv, truth.json" in result.output
    assert "300 cases" in result.output and "background" in result.output
    assert sum(1 for _ in (out / "cases.jsonl").open(encoding="utf-8")) == 300


def test_synth_json_summary(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["synth", "--cases", "200", "--out", str(tmp_path),
                                      "--typologies", "arbitration_batch", "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["cases"] == 200 and list(data["rings"]) == ["arbitration_batch"]
    assert 0 < data["legitimate_confirmation_share"] < 1


def test_synth_rejects_an_unknown_typology(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["synth", "--out", str(tmp_path), "--typologies", "nope"])
    assert result.exit_code == 1
    assert "unknown typology nope; choose from court_judgment" in result.output


def test_synth_variation_option(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["synth", "--cases", "200", "--seed", "4", "--out",
                                      str(tmp_path), "--variation", "0.6", "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["variation"] == 0.6
    truth = json.loads((tmp_path / "truth.json").read_text(encoding="utf-8"))
    assert truth["variation"]["level"] == 0.6
    bad = CliRunner().invoke(cli, ["synth", "--out", str(tmp_path), "--variation", "2"])
    assert bad.exit_code == 2 and "--variation" in bad.output


def test_synth_help_explains_the_variation_knob() -> None:
    result = CliRunner().invoke(cli, ["synth", "--help"])
    assert result.exit_code == 0
    assert "--variation LEVEL" in result.output and "--variation 0.7" in result.output
