"""copy_store: pushing a workspace into Neo4j is exact, idempotent and resumable."""

from __future__ import annotations

from pathlib import Path

import pytest

from ringtrace.graph.build import case_batch
from ringtrace.graph.store.copy import batched, copy_store, planned_items
from ringtrace.graph.store.neo4j import Neo4jStore
from ringtrace.graph.store.sqlite import SQLiteStore
from tests.neo4j.province_data import load_province, province_records, snapshot

pytestmark = pytest.mark.neo4j


class Interrupted(Exception):
    """Raised from the progress callback to simulate a push killed half-way."""


@pytest.fixture
def workspace(sqlite_store: SQLiteStore) -> SQLiteStore:
    load_province(sqlite_store)
    return sqlite_store


def test_push_copies_everything_exactly(workspace: SQLiteStore, neo4j_store: Neo4jStore) -> None:
    seen: list[int] = []
    summary = copy_store(workspace, neo4j_store, batch_size=7, progress=seen.append)
    counts = workspace.counts()
    assert summary.nodes == sum(counts["nodes"].values())
    assert summary.edges == sum(counts["edges"].values())
    assert summary.documents == counts["documents"]["total"] == 20
    assert (summary.aliases, summary.problems, summary.new_problems, summary.scan) == (1, 3, 3, True)
    assert sum(seen) == planned_items(workspace) and max(seen) == 7
    assert snapshot(neo4j_store) == snapshot(workspace)
    assert neo4j_store.aliases() == {"Employer:安阳市宏达物资回收有限公司":
                                     "Employer:安阳市宏达废旧物资回收有限公司"}


def test_pushing_twice_leaves_counts_unchanged(workspace: SQLiteStore,
                                               neo4j_store: Neo4jStore) -> None:
    copy_store(workspace, neo4j_store, batch_size=50)
    first = neo4j_store.counts()
    again = copy_store(workspace, neo4j_store, batch_size=13)
    assert neo4j_store.counts() == first == workspace.counts()
    assert again.new_problems == 0
    assert snapshot(neo4j_store) == snapshot(workspace)


def test_an_interrupted_push_is_resumed_by_running_it_again(
        workspace: SQLiteStore, neo4j_store: Neo4jStore) -> None:
    done = 0

    def die_half_way(n: int) -> None:
        nonlocal done
        done += n
        if done > planned_items(workspace) // 2:
            raise Interrupted

    with pytest.raises(Interrupted):
        copy_store(workspace, neo4j_store, batch_size=10, progress=die_half_way)
    partial = neo4j_store.counts()
    assert partial != workspace.counts()
    copy_store(workspace, neo4j_store, batch_size=10)
    assert snapshot(neo4j_store) == snapshot(workspace)


def test_re_pushing_an_improved_parse_drops_stale_relationships(
        workspace: SQLiteStore, neo4j_store: Neo4jStore) -> None:
    copy_store(workspace, neo4j_store)
    _, cases, _ = province_records()
    record = cases[1]
    record.agents = []  # a better parse found no agent in this document
    workspace.write_batch(case_batch(record))
    copy_store(workspace, neo4j_store)
    assert snapshot(neo4j_store) == snapshot(workspace)


def test_neo4j_copies_back_into_a_new_workspace(workspace: SQLiteStore, neo4j_store: Neo4jStore,
                                                tmp_path: Path) -> None:
    copy_store(workspace, neo4j_store)
    with SQLiteStore.open(tmp_path / "back") as back:
        copy_store(neo4j_store, back, batch_size=9)
        assert snapshot(back) == snapshot(workspace)
        assert list(back.iter_documents()) == list(workspace.iter_documents())


def test_batched_splits_in_order() -> None:
    assert list(batched(range(5), 2)) == [[0, 1], [2, 3], [4]]
    assert list(batched([], 3)) == []
    with pytest.raises(ValueError):
        list(batched([1], 0))
