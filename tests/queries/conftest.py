"""Fixtures of the queries tests: the tiny hand-made province, ingested and scanned."""

from __future__ import annotations

from pathlib import Path

import pytest

from ringtrace.graph.store.sqlite import SQLiteStore
from ringtrace.loaders.ingest import ingest_paths
from ringtrace.queries.scan import run_scan


@pytest.fixture
def scanned(province: Path, tmp_path: Path) -> SQLiteStore:
    """A fresh workspace per test (some tests scan again or write to it)."""
    store = SQLiteStore.open(tmp_path / "ws")
    ingest_paths(store, [province])
    run_scan(store)
    return store
