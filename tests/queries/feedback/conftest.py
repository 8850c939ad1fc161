"""A copy of the scanned province's workspace per test (feedback is recorded in it)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.scanned_province import ScannedProvince, copy_workspace


@pytest.fixture
def workspace(scanned_province: ScannedProvince, tmp_path: Path) -> Path:
    return copy_workspace(scanned_province, tmp_path / "ws")
