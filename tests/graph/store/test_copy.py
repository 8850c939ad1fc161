"""Copying a store into another: everything arrives, in batches, and is counted."""

from __future__ import annotations

from pathlib import Path

from ringtrace.graph.store.copy import copy_store
from ringtrace.graph.store.sqlite import SQLiteStore
from ringtrace.loaders.ingest import ingest_paths


def test_a_copy_holds_what_the_source_holds_and_counts_it(province: Path, tmp_path: Path
                                                          ) -> None:
    with SQLiteStore.open(tmp_path / "src") as src, SQLiteStore.open(tmp_path / "dst") as dst:
        ingest_paths(src, [province])
        ticks: list[int] = []
        summary = copy_store(src, dst, batch_size=7, progress=ticks.append)
        nodes, edges = list(src.iter_nodes()), list(src.iter_edges())
        assert (summary.nodes, summary.edges) == (len(nodes), len(edges))
        assert summary.aliases == len(src.aliases())
        assert summary.documents == src.counts()["documents"]["total"]
        assert max(ticks) == 7 and sum(ticks) == (summary.nodes + summary.documents
                                                 + summary.edges + summary.problems)
        assert list(dst.iter_nodes()) == nodes and list(dst.iter_edges()) == edges
        assert dst.aliases() == src.aliases()
