"""Analyst judgements change the next scan's rings: same joins two operations through one
intermediary, not-same and split take a mention back out."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ringtrace.graph.records import RegistryRecord
from ringtrace.graph.store.sqlite import SQLiteStore
from ringtrace.queries.scan import run_scan
from ringtrace.resolve import Verdict, ensure, record
from tests.resolve.helpers import case, store_of

HOST_A, HOST_B = "安阳市恒达废旧物资回收有限公司", "新乡市瑞丰再生资源回收有限公司"
KONG = "Person:孔龙|b:1976-07-27"
KONG_B = "Person:孔龙|b:1980-02-02"


def _sham(n: int, employer: str, agent: dict[str, Any], day: str) -> dict[str, Any]:
    doc = case(n, employer=employer, agents=[agent], day=day,
               workers=[{"name": f"申请人{n}", "birth_date": "1968-01-02", "sex": "女"}])
    doc.update(claimed_start="2003-01", claimed_end="2018-01-02")  # 15 years, to her 50th
    return doc


def _province(tmp_path: Path) -> SQLiteStore:
    """孔龙 (born 1976) brings three applicants against host A and, printed with another birth
    date, three against host B two months later: the rules keep the two apart."""
    a = {"name": "孔龙", "birth_date": "1976-07-27", "phone": "13812345678"}
    b = {"name": "孔龙", "birth_date": "1980-02-02"}
    docs = [_sham(n, HOST_A, a, "2021-03-01") for n in (1, 2, 3)]
    docs += [_sham(n, HOST_B, b, "2021-05-10") for n in (4, 5, 6)]
    registry = [RegistryRecord(name=h, insured_headcount=1, status="存续") for h in (HOST_A, HOST_B)]
    return store_of(tmp_path, docs, registry)


def _rings(store: SQLiteStore) -> list[list[str]]:
    result = run_scan(store)
    return sorted(sorted(c.split("民初")[1].split("号")[0] for c in r["cases"])
                  for r in result["rings"] if r["reported"])


def test_same_joins_the_two_operations_into_one_ring(tmp_path: Path) -> None:
    store = _province(tmp_path)
    assert _rings(store) == [["1", "2", "3"], ["4", "5", "6"]]
    record(store, Verdict.SAME, KONG, KONG_B, resolution=ensure(store), user="analyst1",
           note="同一身份证号")
    assert _rings(store) == [["1", "2", "3", "4", "5", "6"]]


def test_not_same_and_split_take_the_operations_apart_again(tmp_path: Path) -> None:
    store = _province(tmp_path)
    record(store, Verdict.SAME, KONG, KONG_B, resolution=ensure(store), user="analyst1")
    assert _rings(store) == [["1", "2", "3", "4", "5", "6"]]
    record(store, Verdict.NOT_SAME, KONG, KONG_B, resolution=ensure(store), user="analyst2",
           note="出生日期不同，核实为两人")
    assert _rings(store) == [["1", "2", "3"], ["4", "5", "6"]]


def test_split_undoes_the_merge_of_an_entity(tmp_path: Path) -> None:
    store = _province(tmp_path)
    record(store, Verdict.SAME, KONG, KONG_B, resolution=ensure(store), user="analyst1")
    merged = ensure(store).entity(KONG)
    assert ensure(store).entity(KONG_B) == merged
    record(store, Verdict.SPLIT, merged, resolution=ensure(store), user="analyst2")
    assert ensure(store).entity(KONG_B) != ensure(store).entity(KONG)
    assert _rings(store) == [["1", "2", "3"], ["4", "5", "6"]]
