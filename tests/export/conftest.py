"""A tiny scanned workspace whose names and quoted text start with formula characters."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from ringtrace.graph.store.sqlite import SQLiteStore
from ringtrace.loaders.ingest import ingest_paths
from ringtrace.queries.scan import run_scan
from tests.conftest import REGISTRY_HEADER, sham_case

#: one per leading character of the OWASP rule (= + - @ tab CR), as names read from documents
HOSTILE_NAMES = ("=SUM(1,1)", "+cmd|' /C calc'!A0", "-2+3+cmd|' /C calc'!A0", "@SUM(1,1)",
                 "\t=1+1", "\r=1+1")
HOSTILE_EMPLOYER = "=HYPERLINK(\"http://x\",\"点击\")有限公司"
HOSTILE_AGENT = "=1+1王"
PHONE = "13812345678"


def write_hostile_province(root: Path) -> Path:
    root.mkdir(parents=True, exist_ok=True)
    lines = []
    for i, name in enumerate(HOSTILE_NAMES):
        case = sham_case(300 + i, name, f"1968-0{i + 1}-02", employer=HOSTILE_EMPLOYER,
                         agent=HOSTILE_AGENT)
        case["spans"].append({"kind": "claim", "text": f"=HYPERLINK(\"http://x\") 原告{name}诉称，联系电话{PHONE}"})
        lines.append(case)
    (root / "cases.jsonl").write_text(
        "\n".join(json.dumps(x, ensure_ascii=False) for x in lines) + "\n", "utf-8")
    quoted = '"' + HOSTILE_EMPLOYER.replace('"', '""') + '"'
    (root / "registry.csv").write_text(
        f"{REGISTRY_HEADER}\n{quoted},91410502MA3X5Y0K2B,李强,"
        "注销,2005-03-01,50万人民币,2,安阳市文峰区中华路8号,0372-5551234,有限责任公司,回收,\n",
        "utf-8")
    return root


@pytest.fixture(scope="module")
def hostile_workspace(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("hostile")
    province = write_hostile_province(root / "province")
    with SQLiteStore.open(root / "ws") as store:
        ingest_paths(store, [province])
        run_scan(store)
    return root / "ws"


@pytest.fixture
def hostile_store(hostile_workspace: Path) -> Iterator[SQLiteStore]:
    store = SQLiteStore.open(hostile_workspace, create=False)
    yield store
    store.close()


@pytest.fixture(scope="module")
def ring_workspace(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The tiny province of ``tests/conftest.py`` (one ring of five sham cases, an agent with
    a phone), ingested and scanned through the CLI so the workspace has its audit log."""
    from tests.conftest import write_province
    from tests.scanned_province import run

    root = tmp_path_factory.mktemp("rings")
    province = write_province(root / "province")
    run(root / "ws", "ingest", str(province))
    run(root / "ws", "scan")
    return root / "ws"


@pytest.fixture
def ring_store(ring_workspace: Path) -> Iterator[SQLiteStore]:
    store = SQLiteStore.open(ring_workspace, create=False)
    yield store
    store.close()
