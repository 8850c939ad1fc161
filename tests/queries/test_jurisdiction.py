"""Lead routing: the procuratorate of the deciding forum's level and place; stable lead ids."""

from __future__ import annotations

import doctest
import json
from pathlib import Path
from types import ModuleType

import pytest

from ringtrace.graph.identity import lead_id
from ringtrace.graph.store.sqlite import SQLiteStore
from ringtrace.loaders.ingest import ingest_paths
from ringtrace.queries import jurisdiction
from ringtrace.queries.jurisdiction import (
    SPP,
    UNROUTED,
    case_jurisdiction,
    forum_jurisdiction,
    forum_level,
    provincial,
)
from ringtrace.queries.leads import list_leads
from ringtrace.queries.scan import run_scan
from tests.conftest import sham_case


@pytest.mark.parametrize(("forum", "office", "level", "upper"), [
    ({"name": "河南省安阳市文峰区人民法院", "court_code": "豫0502", "region_code": "410502"},
     "河南省安阳市文峰区人民检察院", "county", "河南省安阳市人民检察院"),
    ({"name": "滑县人民法院", "court_code": "豫0526", "region_code": "410526"},
     "河南省滑县人民检察院", "county", "河南省安阳市人民检察院"),
    ({"name": "林州市人民法院", "court_code": "豫0581", "region_code": "410581"},
     "河南省林州市人民检察院", "county", "河南省安阳市人民检察院"),
    ({"name": "河南省安阳市中级人民法院", "court_code": "豫05", "region_code": "410500"},
     "河南省安阳市人民检察院", "city", "河南省人民检察院"),
    ({"name": "河南省高级人民法院", "court_code": "豫", "region_code": "410000"},
     "河南省人民检察院", "province", "最高人民检察院"),
    ({"name": "安阳市劳动人事争议仲裁委员会", "kind": "arbitration", "region_code": "410500"},
     "河南省安阳市人民检察院", "city", "河南省人民检察院"),
    ({"name": "安阳市文峰区劳动人事争议仲裁委员会", "kind": "arbitration",
      "region_code": "410502"}, "河南省安阳市文峰区人民检察院", "county", "河南省安阳市人民检察院"),
    ({"name": "北京市朝阳区人民法院", "court_code": "京0105", "region_code": "110105"},
     "北京市朝阳区人民检察院", "county", "北京市人民检察院"),
    ({"name": "上海市第一中级人民法院", "court_code": "沪01", "region_code": "310100"},
     "上海市人民检察院第一分院", "city", "上海市人民检察院"),
    ({"name": "重庆市第五中级人民法院", "region_code": "500100"},
     "重庆市人民检察院第五分院", "city", "重庆市人民检察院"),
    ({"name": "湖北省仙桃市人民法院", "court_code": "鄂9004", "region_code": "429004"},
     "湖北省仙桃市人民检察院", "county", "湖北省人民检察院"),
])
def test_a_lead_goes_to_the_procuratorate_of_the_forums_level_and_place(
        forum: dict, office: str, level: str, upper: str) -> None:
    found = forum_jurisdiction(forum)
    assert (found.procuratorate.name, found.procuratorate.level, found.upper.name) == (
        office, level, upper)
    assert office in found.basis


def test_forum_level_comes_from_the_court_code_then_the_name() -> None:
    assert forum_level({"name": "某法院", "court_code": "豫0502"}) == "basic"
    assert forum_level({"name": "某法院", "court_code": "豫05"}) == "intermediate"
    assert forum_level({"name": "某法院", "court_code": "豫"}) == "high"
    assert forum_level({"name": "浙江省金华市中级人民法院"}) == "intermediate"
    assert forum_level({"name": "（2013）鼓楼区人民法院", "court_code": "鼓"}) == "basic"
    assert forum_level({"name": "某某劳动争议仲裁委员会"}) == "arbitration"
    assert forum_level({"name": "某机关"}) == "unknown"


def test_a_division_newer_than_the_code_table_is_routed_by_the_forums_name() -> None:
    found = forum_jurisdiction({"name": "长垣市人民法院", "court_code": "豫0783",
                                "region_code": "410783"})
    assert found.procuratorate.name == "河南省长垣市人民检察院"
    assert found.procuratorate.level == "county"
    assert found.upper.name == "河南省新乡市人民检察院"
    assert "按名称推定" in found.basis


def test_a_place_known_only_to_the_province_goes_to_the_provincial_procuratorate() -> None:
    found = forum_jurisdiction({"name": "浙江省某某县人民法院"})
    assert found.procuratorate.name == "浙江省人民检察院" and found.upper == SPP
    assert "交省级院分办" in found.basis


def test_an_unknown_place_is_marked_for_manual_routing() -> None:
    found = forum_jurisdiction({"name": "某某人民法院"})
    assert found.procuratorate == UNROUTED and found.region_code is None
    assert provincial(found) == UNROUTED


def test_provincial_is_the_province_above_the_competent_procuratorate() -> None:
    found = forum_jurisdiction({"name": "河南省安阳市文峰区人民法院", "region_code": "410502"})
    assert provincial(found).name == "河南省人民检察院"


def test_case_jurisdiction_reads_the_deciding_forum_from_the_store(province: Path,
                                                                    tmp_path: Path) -> None:
    with SQLiteStore.open(tmp_path / "ws") as store:
        ingest_paths(store, [province])
        [case] = store.case_ids_for_number("(2021)豫0502民初100号")
        found = case_jurisdiction(store, case)
    assert found.procuratorate.name == "河南省安阳市文峰区人民检察院"
    assert found.forum == "河南省安阳市文峰区人民法院" and found.region_code == "410502"


def test_lead_ids_survive_a_rescan_with_more_documents(province: Path, tmp_path: Path) -> None:
    with SQLiteStore.open(tmp_path / "ws") as store:
        ingest_paths(store, [province])
        run_scan(store)
        before = {lead.case_id: lead.lead_id for lead in list_leads(store)}
        more = tmp_path / "more.jsonl"
        extra = [sham_case(200 + i, name, birth, agent="赵中介", day="2021-06-01")
                 for i, (name, birth) in enumerate([("马桂芝", "1967-03-03"),
                                                     ("杨玉兰", "1968-04-04"),
                                                     ("何淑英", "1966-05-05")])]
        more.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in extra) + "\n",
                        "utf-8")
        ingest_paths(store, [more])
        run_scan(store)
        after = {lead.case_id: lead.lead_id for lead in list_leads(store)}
    assert len(before) == 5 and len(after) > len(before)
    assert {c: after[c] for c in before} == before
    assert all(lead == lead_id(case) for case, lead in after.items())


@pytest.mark.parametrize("module", [jurisdiction], ids=lambda m: m.__name__)
def test_docstring_examples(module: ModuleType) -> None:
    result = doctest.testmod(module)
    assert result.failed == 0 and result.attempted > 0
