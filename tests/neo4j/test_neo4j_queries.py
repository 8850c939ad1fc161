"""The query layer (scan, rings, leads, profiles, paths) answers the same on Neo4j and SQLite."""

from __future__ import annotations

import pytest

from ringtrace.graph.store.neo4j import Neo4jStore
from ringtrace.graph.store.sqlite import SQLiteStore
from ringtrace.queries.entities import agent_profile, employer_profile, person_profile
from ringtrace.queries.leads import list_leads
from ringtrace.queries.paths import shortest_paths
from ringtrace.queries.ringviews import list_rings, ring_detail
from ringtrace.queries.scan import run_scan
from tests.neo4j.province_data import GENUINE, INTERMEDIARY, SECOND_SHAM, SHAM, load_province

pytestmark = pytest.mark.neo4j


def test_scan_and_views_are_identical(neo4j_store: Neo4jStore, sqlite_store: SQLiteStore) -> None:
    stores = (sqlite_store, neo4j_store)
    for store in stores:
        load_province(store)
    lite, neo = (run_scan(store) for store in stores)
    for scan in (lite, neo):
        scan["meta"]["scanned_at"] = ""  # the only field allowed to differ: the wall clock
    assert neo == lite
    assert neo["meta"]["snapshot"] == lite["meta"]["snapshot"]
    rings = list_rings(neo4j_store)
    assert rings == list_rings(sqlite_store) and rings
    assert ring_detail(neo4j_store, rings[0].ring_id) == ring_detail(sqlite_store,
                                                                    rings[0].ring_id)
    assert list_leads(neo4j_store) == list_leads(sqlite_store)
    for name in (SHAM, SECOND_SHAM, GENUINE):
        assert employer_profile(neo4j_store, name) == employer_profile(sqlite_store, name)
    assert agent_profile(neo4j_store, INTERMEDIARY) == agent_profile(sqlite_store, INTERMEDIARY)
    assert person_profile(neo4j_store, "申请人甲") == person_profile(sqlite_store, "申请人甲")
    assert shortest_paths(neo4j_store, SHAM, SECOND_SHAM) == shortest_paths(
        sqlite_store, SHAM, SECOND_SHAM)
