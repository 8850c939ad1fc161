"""The community step gives the same labels forked beside the scan as run in its process."""

from __future__ import annotations

from pathlib import Path

from ringtrace.graph.store.sqlite import SQLiteStore
from ringtrace.loaders.ingest import ingest_paths
from ringtrace.queries import community_step


class _NoLocation(SQLiteStore):
    """The same workspace, seen as a store no other process could open (like a server)."""

    def location(self) -> str | None:
        return None


def test_forked_and_inline_community_steps_agree(province: Path, tmp_path: Path) -> None:
    with SQLiteStore.open(tmp_path / "ws") as store:
        ingest_paths(store, [province])
        pending = community_step.start(store, seed=42, resolution=1.0)
        forked = pending.result()
        inline = community_step.case_communities(store, seed=42, resolution=1.0)
    assert forked == inline
    assert len(forked.of_case) == 7 and forked.count >= 1
    assert all(case_id.startswith("Case:") for case_id in forked.of_case)


def test_a_store_without_location_runs_the_step_in_process(province: Path,
                                                           tmp_path: Path) -> None:
    with SQLiteStore.open(tmp_path / "ws") as store:
        ingest_paths(store, [province])
    with _NoLocation.open(tmp_path / "ws") as store:
        assert store.location() is None
        pending = community_step.start(store, seed=42, resolution=1.0)
        assert pending.result() == community_step.case_communities(store, 42, 1.0)
