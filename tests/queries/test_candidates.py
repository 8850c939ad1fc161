"""A name that matches several entities is never picked silently: the candidates are listed."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from ringtrace.errors import NotFound
from ringtrace.graph.elements import GraphBatch, Node
from ringtrace.graph.store.sqlite import SQLiteStore
from ringtrace.loaders.ingest import ingest_paths
from ringtrace.queries.candidates import AmbiguousName
from ringtrace.queries.entities import agent_profile, employer_profile, person_profile
from ringtrace.queries.paths import NoPath, SameEntity, shortest_paths
from ringtrace.queries.views import NameMatch
from tests.conftest import sham_case, write_province

NAMESAKE_BIRTH = "1955-09-09"


@pytest.fixture
def store(tmp_path: Path) -> SQLiteStore:
    """The tiny province plus a second 张桂兰 (born 1955) suing another employer."""
    province = write_province(tmp_path / "province")
    namesake = sham_case(300, "张桂兰", NAMESAKE_BIRTH, employer="安阳市某某商贸有限公司",
                         agent="赵德明")
    with (province / "cases.jsonl").open("a", encoding="utf-8") as f:
        f.write(json.dumps(namesake, ensure_ascii=False) + "\n")
    opened = SQLiteStore.open(tmp_path / "ws", create=True)
    ingest_paths(opened, [province])
    return opened


def test_namesakes_are_listed_with_their_birth_year_not_picked(store: SQLiteStore) -> None:
    with pytest.raises(AmbiguousName) as err:
        person_profile(store, "张桂兰")
    found = err.value.candidates
    assert [c.name for c in found] == ["张桂兰", "张桂兰"]
    assert sorted(c.detail for c in found) == ["born 1955, party in 1 and agent in 0 cases",
                                               "born 1968, party in 1 and agent in 0 cases"]
    assert all(NAMESAKE_BIRTH not in c.detail for c in found)  # the year only
    assert str(err.value) == "'张桂兰' matches 2 persons; run again with the id of the one you mean"
    [profile] = person_profile(store, found[0].id)
    assert profile.person["id"] == found[0].id
    assert len(person_profile(store, "张桂兰", every=True)) == 2


def test_an_agent_name_shared_by_one_agent_is_not_ambiguous(store: SQLiteStore) -> None:
    [profile] = agent_profile(store, "王建国")
    assert profile.agent["name"] == "王建国" and len(profile.cases) == 5


def test_part_of_several_employer_names_lists_them(store: SQLiteStore) -> None:
    with pytest.raises(AmbiguousName) as err:
        employer_profile(store, "安阳")
    names = {c.name for c in err.value.candidates}
    assert {"安阳市恒达废旧物资回收有限公司", "安阳钢铁集团有限责任公司"} <= names
    uscc = next(c for c in err.value.candidates if c.name == "安阳钢铁集团有限责任公司")
    assert uscc.detail.startswith("USCC 914105001700100000, 存续, founded 1958-01-01")
    assert err.value.to_dict()["candidates"][0].keys() == {
        "id", "kind", "name", "former_name", "cases", "detail"}


def test_a_former_name_is_marked(tmp_path: Path) -> None:
    """A document's employer named like another company's 曾用名: both are candidates, and the
    one matched through its former name says so."""
    with SQLiteStore.open(tmp_path / "ws", create=True) as store:
        store.write_batch(GraphBatch(
            nodes=[Node("Employer:甲商贸|doc:d1", "Employer", {"name": "甲商贸"}),
                   Node("Employer:乙商贸", "Employer", {"name": "乙商贸", "uscc": "U2",
                                                     "former_names": ["甲商贸"]})],
            aliases=[("Employer:甲商贸", "Employer:乙商贸")]))
        with pytest.raises(AmbiguousName) as err:
            employer_profile(store, "甲商贸")
        marked = {c.name: c.former_name for c in err.value.candidates}
        assert marked == {"甲商贸": None, "乙商贸": "甲商贸"}
        profile = employer_profile(store, "Employer:乙商贸")
        assert profile.matched == NameMatch("Employer:乙商贸", None)


def test_a_path_from_an_entity_to_itself_is_an_error(store: SQLiteStore) -> None:
    with pytest.raises(SameEntity, match="name the same entity"):
        shortest_paths(store, "王建国", "王建国")


def test_no_path_says_how_to_look_further(store: SQLiteStore) -> None:
    with pytest.raises(NoPath, match="allow longer paths with --max-hops") as err:
        shortest_paths(store, "王建国", "安阳钢铁集团有限责任公司", max_hops=1)
    assert isinstance(err.value, NotFound)


def test_a_path_from_an_ambiguous_name_lists_the_candidates(store: SQLiteStore) -> None:
    with pytest.raises(AmbiguousName) as err:
        shortest_paths(store, "张桂兰", "王建国")
    assert len(err.value.candidates) == 2 and err.value.what == "entity"
    assert "matches 2 entities" in str(err.value)
