"""A synthetic province ingested and scanned through the CLI, shared by the second-half tests.

The ``scanned_province`` fixture lives in ``tests/conftest.py`` (session scope), so every test
module shares one build: a fixture imported into several modules instead gives each module its
own copy, built again. Building it once (``ringtrace.synth.generate`` with a fixed seed, then
``ingest`` and ``scan`` through the command line so the workspace has its audit lines) keeps the
pack, export and feedback tests fast. Tests that change the workspace work on :func:`copy_workspace`.
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path

from click.testing import CliRunner

from ringtrace.cli import cli
from ringtrace.synth import generate

SEED = 11
CASES = 1500


@dataclass(frozen=True)
class ScannedProvince:
    province: Path
    workspace: Path

    @property
    def truth(self) -> Path:
        return self.province / "truth.json"

    @property
    def inputs(self) -> list[str]:
        return [str(self.province / name) for name in ("registry.csv", "cases.jsonl",
                                                        "backpayments.csv")]


def run(workspace: Path, *args: str) -> str:
    """Run a ringtrace command on ``workspace``; fail the test with its output if it fails."""
    result = CliRunner().invoke(cli, ["--workspace", str(workspace), *args])
    assert result.exit_code == 0, result.output
    return result.output


def copy_workspace(source: ScannedProvince, target: Path) -> Path:
    shutil.copytree(source.workspace, target)
    return target


def build(root: Path) -> ScannedProvince:
    """Generate, ingest and scan the province under ``root`` (the session fixture
    ``scanned_province`` in ``tests/conftest.py`` calls this once per test session)."""
    made = ScannedProvince(root / "province", root / "workspace")
    generate(made.province, seed=SEED, cases=CASES)
    run(made.workspace, "ingest", *made.inputs)
    run(made.workspace, "scan")
    return made
