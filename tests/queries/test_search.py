from __future__ import annotations

from collections.abc import Iterator

import pytest

from ringtrace.graph.store import SQLiteStore
from ringtrace.queries.leads import list_leads
from ringtrace.queries.ringviews import list_rings
from ringtrace.queries.search import search
from tests.conftest import write_province
from tests.scanned_province import run


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SQLiteStore]:
    root = tmp_path_factory.mktemp("search")
    province = write_province(root / "province")
    run(root / "ws", "ingest", str(province / "cases.jsonl"), str(province / "registry.csv"))
    run(root / "ws", "scan")
    with SQLiteStore.open(root / "ws") as opened:
        yield opened


def _found(store: SQLiteStore, text: str) -> list[tuple[str, str]]:
    return [(h.kind, h.id) for h in search(store, text)]


def test_by_name_tells_agents_from_parties(store: SQLiteStore) -> None:
    assert _found(store, "王建国") == [("agent", "Person:王建国|b:1970-01-01")]
    assert _found(store, "张桂兰") == [("person", "Person:张桂兰|b:1968-05-02")]


def test_by_case_number_in_any_bracket_style(store: SQLiteStore) -> None:
    expected = [("case", "Case:(2021)豫0502民初100号|河南省安阳市文峰区人民法院")]
    assert _found(store, "(2021)豫0502民初100号") == expected
    assert _found(store, "（2021）豫0502民初100号") == expected


def test_by_phone_and_uscc(store: SQLiteStore) -> None:
    assert ("agent", "Person:王建国|b:1970-01-01") in _found(store, "138 1234 5678")
    assert _found(store, "91410502MA3X5Y0K2B") == [
        ("employer", "Employer:安阳市恒达废旧物资回收有限公司")]


def test_by_ring_and_lead_id(store: SQLiteStore) -> None:
    ring = list_rings(store)[0].ring_id
    assert _found(store, ring) == [("ring", ring)]
    lead = list_leads(store)[0]
    assert [(h.kind, h.id, h.detail) for h in search(store, lead.lead_id)] == [
        ("lead", lead.lead_id, lead.case_id)]


def test_nothing_for_blank_or_unknown(store: SQLiteStore) -> None:
    assert search(store, " ") == []
    assert search(store, "查无此人") == []
