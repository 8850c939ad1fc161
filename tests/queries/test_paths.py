"""Evidence paths: two mentions of one resolved person are one entity, not two ends."""

from __future__ import annotations

import pytest

from ringtrace.graph.store.sqlite import SQLiteStore
from ringtrace.queries.paths import SameEntity, resolve, shortest_paths
from ringtrace.resolve import ensure
from tests.scanned_province import ScannedProvince


def test_a_path_between_two_mentions_of_one_entity_is_refused(
        scanned_province: ScannedProvince) -> None:
    with SQLiteStore.open(scanned_province.workspace, create=False) as store:
        res = ensure(store)
        merged = next(e for e in res.entities.values() if len(e.members) > 1)
        first, second = sorted(merged.members)[:2]
        assert resolve(store, first) == sorted(merged.members)
        with pytest.raises(SameEntity):
            shortest_paths(store, first, second)
