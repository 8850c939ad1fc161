"""Evidence paths: two mentions of one resolved person are one entity, not two ends."""

from __future__ import annotations

import pytest

from ringtrace.graph.store.sqlite import SQLiteStore
from ringtrace.queries.paths import PathHop, SameEntity, resolve, shortest_paths
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


def test_a_hops_json_names_its_first_end_from() -> None:
    """``--json`` prints each hop with the keys it always had: ``from`` is no Python name."""
    hop = PathHop("王建国", "Person:a", "PARTY_IN", "(2016)豫0581民初1号", "Case:c", {"side": "worker"},
                  "Case:c", "(2016)豫0581民初1号")
    assert list(hop.to_dict()) == ["from", "from_id", "relation", "to", "to_id", "props",
                                   "source_doc", "case_number"]
    assert hop.to_dict()["from"] == "王建国"
