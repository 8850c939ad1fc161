"""The packaged Cypher queries run on the server and answer what their headers promise."""

from __future__ import annotations

from collections import defaultdict
from typing import Any

import pytest

from ringtrace.graph import cypher
from ringtrace.graph.store.neo4j import Neo4jStore
from ringtrace.graph.store.sqlite import SQLiteStore
from tests.neo4j.province_data import (
    GENUINE,
    INTERMEDIARY,
    INTERMEDIARY_PHONE,
    NASTY_EMPLOYER,
    SECOND_SHAM,
    SHAM,
    SHAM_USCC,
    SHARED_ADDRESS,
    load_province,
)

pytestmark = pytest.mark.neo4j


@pytest.fixture
def server(neo4j_store: Neo4jStore) -> Neo4jStore:
    load_province(neo4j_store)
    return neo4j_store


def run(store: Neo4jStore, name: str, **params: object) -> list[dict[str, Any]]:
    query = cypher.load(name)
    assert set(params) == set(query.parameters), f"{name} declares {query.parameters}"
    return store.query(query.text, **params)


def test_every_query_has_a_header_with_its_parameters() -> None:
    assert cypher.names() == ["agent_reach", "employer_profile", "ring_members",
                              "same_day_batches", "shared_identifiers"]
    for name in cypher.names():
        query = cypher.load(name)
        assert query.summary and query.parameters, name
        for param in query.parameters:
            assert f"${param}" in query.text.split("\n//", 1)[0] or f"${param}" in query.text
    with pytest.raises(KeyError, match="employer_profile"):
        cypher.load("nope")


def test_employer_profile(server: Neo4jStore) -> None:
    by_uscc = run(server, "employer_profile", employer=SHAM_USCC)
    assert by_uscc == run(server, "employer_profile", employer=SHAM)
    assert by_uscc == run(server, "employer_profile", employer=f"Employer:{SHAM}")
    assert by_uscc == [{
        "employer_id": f"Employer:{SHAM}", "name": SHAM, "uscc": SHAM_USCC, "status": "注销",
        "founded": "2003-05-20", "insured_headcount": 2, "cases": 8, "workers": 8,
        "first_filing": "2019-03-12", "last_filing": "2019-03-12", "uncontested": 8,
        "mediated": 0, "confirmed": 8, "busiest_filing_day": "2019-03-12",
        "busiest_day_cases": 8, "employer_agents": [INTERMEDIARY]}]
    genuine = run(server, "employer_profile", employer=GENUINE)[0]
    assert (genuine["cases"], genuine["uncontested"], genuine["busiest_day_cases"]) == (3, 0, 1)
    assert (genuine["first_filing"], genuine["last_filing"]) == ("2020-01-10", "2020-03-12")
    assert genuine["employer_agents"] == ["周法务"]
    assert run(server, "employer_profile", employer=NASTY_EMPLOYER)[0]["cases"] == 6
    assert run(server, "employer_profile", employer="无此单位") == []


def test_agent_reach(server: Neo4jStore) -> None:
    [row] = run(server, "agent_reach", agent=INTERMEDIARY)
    assert row["agent_id"] == f"Person:{INTERMEDIARY}|tel:{INTERMEDIARY_PHONE}"
    assert (row["cases"], row["employer_count"], row["sides"]) == (17, 3, ["employer"])
    assert row["employers"] == sorted([NASTY_EMPLOYER, SHAM, SECOND_SHAM])
    assert row["employers_represented"] == row["employers"]
    assert (row["first_filing"], row["last_filing"]) == ("2019-03-12", "2021-09-02")
    [lawyer] = run(server, "agent_reach", agent="陈律师")
    assert (lawyer["cases"], lawyer["people_represented"], lawyer["sides"]) == (3, 3, ["worker"])
    assert lawyer["law_firms"] == ["河南安阳正义律师事务所"] and lawyer["employers"] == [GENUINE]


def test_ring_members(server: Neo4jStore) -> None:
    rows = run(server, "ring_members", seed=f"Employer:{SHAM}", max_members=500)
    employers = {r["name"] for r in rows if r["kind"] == "Employer"}
    assert employers == {SECOND_SHAM, NASTY_EMPLOYER}  # reached through the shared agent only
    by_id = {r["member_id"]: r for r in rows}
    agent = by_id[f"Person:{INTERMEDIARY}|tel:{INTERMEDIARY_PHONE}"]
    assert (agent["hops"], agent["roles"], agent["cases"]) == (1, ["agent"], 17)
    applicants = [r for r in rows if r["name"].startswith("申请人")]
    assert len(applicants) == 8 and {r["hops"] for r in applicants} == {2}
    assert all(r["roles"] == ["worker"] for r in applicants)
    assert [r["hops"] for r in rows] == sorted(r["hops"] for r in rows)
    assert run(server, "ring_members", seed=f"Employer:{SHAM}", max_members=3) == rows[:3]


def test_shared_identifiers(server: Neo4jStore) -> None:
    rows = run(server, "shared_identifiers", min_owners=2, limit=10)
    assert [(r["kind"], r["value"], r["owners"]) for r in rows] == [
        ("address", SHARED_ADDRESS, 2), ("phone", INTERMEDIARY_PHONE, 2)]
    assert rows[0]["owner_names"] == ["申请人丙", "申请人己"] and rows[0]["employers"] == 0
    assert rows[1]["owner_names"] == ["O'Brien \"Bob\" 张", INTERMEDIARY]
    assert len(rows[1]["documents"]) == 17 and rows[1]["documents"] == sorted(rows[1]["documents"])
    assert run(server, "shared_identifiers", min_owners=3, limit=10) == []
    assert len(run(server, "shared_identifiers", min_owners=2, limit=1)) == 1


def test_same_day_batches_agree_with_the_workspace(server: Neo4jStore,
                                                   sqlite_store: SQLiteStore) -> None:
    load_province(sqlite_store)
    expected: dict[tuple[str, str, str], list[str]] = defaultdict(list)
    for edge in sqlite_store.iter_edges("PARTY_IN"):
        if not edge.src.startswith("Employer:"):
            continue
        case = sqlite_store.node(edge.dst)
        assert case is not None
        for date_kind, day in (("filing", case.props.get("filing_date")),
                               ("decision", case.props.get("decision_date"))):
            if day:
                expected[(edge.src, date_kind, day)].append(case.id)
    batches = {k: v for k, v in expected.items() if len(v) >= 3}
    rows = run(server, "same_day_batches", min_cases=3, limit=100)
    assert {(r["employer_id"], r["date_kind"], r["day"]): r["cases"] for r in rows} == {
        k: len(v) for k, v in batches.items()}
    assert rows[0]["employer_id"] == f"Employer:{SHAM}" and rows[0]["cases"] == 8
    assert rows[0]["uncontested"] == 8 and len(rows[0]["case_numbers"]) == 8
    assert not any(r["employer_id"] == f"Employer:{GENUINE}" for r in rows)
    assert len(run(server, "same_day_batches", min_cases=3, limit=2)) == 2
