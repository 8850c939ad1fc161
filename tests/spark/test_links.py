"""Link keys: records that a scan must see together share a key; a court alone links nothing."""

from __future__ import annotations

from ringtrace.graph.records import Agent, CaseRecord, Party, RegistryRecord
from ringtrace.spark.links import record_keys


def _case(number: str, worker: str, employer: str, agent: str | None = None,
          forum: str = "河南省安阳市文峰区人民法院", **worker_facts: str) -> CaseRecord:
    parties = [Party(worker, "plaintiff", side="worker", **worker_facts),  # type: ignore[arg-type]
               Party(employer, "defendant", side="employer", is_entity=True)]
    agents = [Agent(agent, represents=[worker])] if agent else []
    return CaseRecord(number, forum, "判决书", parties=parties, agents=agents)


def test_one_lay_agent_links_cases_against_different_employers() -> None:
    a = set(record_keys(_case("(2021)豫0502民初1号", "张桂兰", "安阳市甲有限公司", "王建国")))
    b = set(record_keys(_case("(2021)豫0502民初2号", "李秀英", "安阳市乙有限公司", "王建国")))
    assert any(k.startswith("agent:") for k in a & b)


def test_one_court_alone_is_no_link() -> None:
    a = set(record_keys(_case("(2021)豫0502民初1号", "张桂兰", "安阳市甲有限公司")))
    b = set(record_keys(_case("(2021)豫0502民初2号", "李秀英", "安阳市乙有限公司")))
    assert a.isdisjoint(b)
    assert not any(k.startswith("Forum:") for k in a)


def test_a_worker_named_with_a_birth_date_links_two_instances() -> None:
    a = set(record_keys(_case("(2021)豫0502民初1号", "张桂兰", "安阳市甲有限公司",
                              birth_date="1968-05-02")))
    b = set(record_keys(_case("(2022)豫05民终9号", "张桂兰", "安阳市丙有限公司",
                              forum="河南省安阳市中级人民法院", birth_date="1968-05-02")))
    assert a & b


def test_a_registry_row_links_to_the_cases_naming_its_former_name() -> None:
    case = set(record_keys(_case("(2021)豫0502民初1号", "张桂兰", "安阳市旧名建材厂")))
    row = set(record_keys(RegistryRecord("安阳市新名建材有限公司",
                                         former_names=["安阳市旧名建材厂"])))
    assert case & row
