"""The projected entity graph: integer edge arrays straight from the store."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from ringtrace.graph.store.sqlite import SQLiteStore
from ringtrace.loaders.ingest import ingest_paths
from ringtrace.queries.projection import EDGE_KINDS, entity_projection


@pytest.fixture
def ingested(province: Path, tmp_path: Path) -> SQLiteStore:
    store = SQLiteStore.open(tmp_path / "ws")
    ingest_paths(store, [province])
    return store


def _projection_by_loop(store: SQLiteStore) -> tuple[list[str], list[int], list[int]]:
    """The projection numbered one id at a time, in order of first appearance."""
    index: dict[str, int] = {}
    src: list[int] = []
    dst: list[int] = []
    for a, b in store.edge_pairs(EDGE_KINDS):
        src.append(index.setdefault(a, len(index)))
        dst.append(index.setdefault(b, len(index)))
    return list(index), src, dst


def test_the_vectorised_projection_numbers_nodes_as_a_loop_would(ingested: SQLiteStore) -> None:
    ids, src, dst = _projection_by_loop(ingested)
    projection = entity_projection(ingested)
    assert projection.ids == ids and projection.n == len(ids) > 10
    assert projection.sources.dtype == np.int64 and projection.targets.dtype == np.int64
    assert projection.sources.tolist() == src
    assert projection.targets.tolist() == dst


def test_reading_in_chunks_numbers_nodes_as_one_read_would(ingested: SQLiteStore) -> None:
    whole = entity_projection(ingested)
    chunked = entity_projection(ingested, chunk_pairs=7)
    assert chunked.ids == whole.ids
    assert chunked.sources.tolist() == whole.sources.tolist()
    assert chunked.targets.tolist() == whole.targets.tolist()


def test_an_empty_store_projects_to_an_empty_graph(tmp_path: Path) -> None:
    projection = entity_projection(SQLiteStore.open(tmp_path / "ws"))
    assert projection.n == 0
    assert len(projection.sources) == len(projection.targets) == 0
