"""A small scanned workspace whose names are hostile, and a desk app over it.

Five sham-looking cases against one employer called ``<script>…``, with one agent whose name
carries an ``<img onerror>``: enough for a ring, a lead queue and entity pages, and every page
must show those names as text.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from ringtrace.serve.app import create_app
from ringtrace.serve.config import ServeConfig
from tests.conftest import sham_case
from tests.scanned_province import run

EVIL_EMPLOYER = "<script>alert(1)</script>劳务有限公司"
EVIL_AGENT = '<img src=x onerror="alert(1)">王'
APPLICANTS = [("张桂兰", "1968-05-02"), ("刘秀英", "1967-02-02"), ("王淑珍", "1969-01-15"),
              ("李凤英", "1966-07-20"), ("陈秀兰", "1968-11-30")]
REVIEWER = "检察官甲"


def build_workspace(root: Path) -> Path:
    """Ingest and scan the hostile province into ``root / "ws"``; return the workspace."""
    root.mkdir(parents=True, exist_ok=True)
    lines = [sham_case(100 + i, name, birth, employer=EVIL_EMPLOYER, agent=EVIL_AGENT)
             for i, (name, birth) in enumerate(APPLICANTS)]
    cases = root / "cases.jsonl"
    cases.write_text("\n".join(json.dumps(x, ensure_ascii=False) for x in lines) + "\n", "utf-8")
    workspace = root / "ws"
    run(workspace, "ingest", str(cases))
    run(workspace, "scan")
    return workspace


@pytest.fixture(scope="session")
def hostile_workspace(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_workspace(tmp_path_factory.mktemp("hostile"))


@pytest.fixture
def workspace_copy(hostile_workspace: Path, tmp_path: Path) -> Path:
    import shutil

    return Path(shutil.copytree(hostile_workspace, tmp_path / "ws"))


@pytest.fixture
def client(workspace_copy: Path) -> Any:
    return create_app(ServeConfig(workspace_copy, user=REVIEWER)).test_client()


@pytest.fixture
def readonly_client(workspace_copy: Path) -> Any:
    return create_app(ServeConfig(workspace_copy)).test_client()
