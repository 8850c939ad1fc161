"""A tiny scanned province (tests/conftest.py's five-case ring), copied per test."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.conftest import write_province
from tests.scanned_province import run


@pytest.fixture(scope="module")
def scanned_tiny(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("tiny")
    province = write_province(root / "province")
    workspace = root / "ws"
    run(workspace, "ingest", str(province / "cases.jsonl"), str(province / "registry.csv"))
    run(workspace, "scan")
    return workspace


@pytest.fixture
def ws(scanned_tiny: Path, tmp_path: Path) -> Path:
    return Path(shutil.copytree(scanned_tiny, tmp_path / "ws"))
