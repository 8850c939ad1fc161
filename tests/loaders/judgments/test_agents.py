"""Agents: kind, firm, relation, authority and whom each represents (shared lines too)."""

from __future__ import annotations

import pytest

from ringtrace.graph.records import Agent
from ringtrace.loaders.judgments import parse_text
from ringtrace.loaders.judgments.agents import merge_agents, relation_from_body
from ringtrace.loaders.judgments.block import read_party_block
from ringtrace.loaders.judgments.tradsimp import to_simplified


def _agents(text: str) -> list[Agent]:
    return merge_agents(read_party_block(text, 0).agents)


def test_kinds_from_the_firm_line() -> None:
    agents = _agents("原告：张某，女，1970年1月1日出生。\n"
                     "委托诉讼代理人：郭某，北京安博（上海）律师事务所律师。\n"
                     "委托诉讼代理人：许某，河南华浩律师事务所实习律师。\n"
                     "委托诉讼代理人：赵某，安阳市北关区法律援助中心指派律师。\n"
                     "委托诉讼代理人：高某，河南某律师事务所律师，郑州市法律援助中心指派。\n"
                     "委托诉讼代理人：钱某，某某法律服务所法律工作者。\n")
    assert [(a.name, a.kind, a.law_firm) for a in agents] == [
        ("郭某", "lawyer", "北京安博（上海）律师事务所"), ("许某", "intern", "河南华浩律师事务所"),
        ("赵某", "legal_aid", "安阳市北关区法律援助中心"), ("高某", "legal_aid", "河南某律师事务所"),
        ("钱某", "other", "某某法律服务所")]


def test_a_firm_whose_name_mask_swallowed_lawyer_is_a_lawyers_firm() -> None:
    """A mirror that masks names masked part of the firm too: ``湖北某法***事务所律师`` is a law
    firm's lawyer, not an 'other' agent without a firm."""
    [agent] = _agents("被上诉人（原审被告）：某某工程管理有限公司。\n"
                      "委托诉讼代理人：**，湖北某法***事务所律师。\n")
    assert (agent.kind, agent.law_firm) == ("lawyer", "湖北某法***事务所")


@pytest.mark.parametrize(("line", "firm"), [
    # a firm's lawyer on a legal-aid case; a legal-aid workstation (the centre's branch)
    ("委托诉讼代理人：李某，河南某某律师事务所援助律师。", "河南某某律师事务所"),
    ("委托诉讼代理人：李某，安阳市文峰区法律援助工作站律师。", "安阳市文峰区法律援助工作站"),
    ("委托诉讼代理人：李某，河南某某律师事务所律师，由安阳市法律援助中心指派。", "河南某某律师事务所"),
    ("委託訴訟代理人：李某，河南某某律師事務所援助律師。", "河南某某律师事务所"),
])
def test_legal_aid_as_the_firm_line_prints_it(line: str, firm: str) -> None:
    [agent] = _agents("原告：张某，女，1970年1月1日出生。\n" + to_simplified(line) + "\n")
    assert (agent.kind, agent.law_firm) == ("legal_aid", firm)


def test_relatives_and_employees_keep_their_phrase() -> None:
    agents = _agents("原告：***，男，1953年12月29日，汉族。\n"
                     "委托诉讼代理人：汤某(原告之子)，男，1981年9月2日生，汉族。\n"
                     "委托诉讼代理人：朱某飞，男，1964年4月1日生，汉族，住江西省，系**年弟弟。\n"
                     "委托诉讼代理人：张某德(系张某登之父)。\n"
                     "被告：某某建设有限公司，住所地聊城市。\n"
                     "委托诉讼代理人：***，男，1994年5月25日出生，汉族，该公司员工，住聊城市。\n"
                     "委托代理人：焦某，公司人事部门负责人。\n代理权限：特别授权。\n")
    assert [(a.name, a.kind, a.relation, a.birth_date) for a in agents] == [
        ("汤某", "relative", "原告之子", "1981-09-02"),
        ("朱某飞", "relative", "系**年弟弟", "1964-04-01"),
        ("张某德", "relative", "系张某登之父", None),
        ("***", "employee", "该公司员工", "1994-05-25"),
        ("焦某", "employee", "公司人事部门负责人", None)]
    assert agents[-1].authority == "特别授权"
    assert agents[0].represents == ["***"] and agents[-1].represents == ["某某建设有限公司"]


def test_shared_clause_with_a_count_takes_the_last_parties_of_that_role() -> None:
    parties = "".join(f"被上诉人(原审被告):工人{i},男,1970年1月{i}日出生。" for i in range(1, 9))
    agents = _agents("上诉人(原审原告):聊城某某建设有限公司,住所地聊城市。" + parties +
                     "上列八被上诉人委托诉讼代理人:***,***为坤律师事务所律师。"
                     "被上诉人(原审被告):山东某某项目管理有限公司,住所地聊城市。")
    assert agents[0].represents == [f"工人{i}" for i in range(1, 9)]


def test_joint_agent_named_by_short_names_and_repeated_agents_merge() -> None:
    text = ("原告：***，男，1953年12月29日。\n"
            "被告：安徽省交通控股集团有限公司，住所地合肥市。\n"
            "被告：安徽省交通控股集团有限公司淮南管理处，住所地淮南市。\n"
            "被告交通集团和被告交通集团淮南管理处的共同委托诉讼代理人：戴某，安徽金的律师事务所律师。\n"
            "二被告共同委托诉讼代理人：王某，安徽金的律师事务所律师。\n")
    agents = _agents(text)
    both = ["安徽省交通控股集团有限公司", "安徽省交通控股集团有限公司淮南管理处"]
    assert [(a.name, a.represents) for a in agents] == [("戴某", both), ("王某", both)]
    repeated = _agents("被告：甲有限公司，住所地某地。\n委托诉讼代理人：戴某，安徽金的律师事务所律师。\n"
                       "被告：乙有限公司，住所地某地。\n委托诉讼代理人：戴某，安徽金的律师事务所律师。\n")
    assert [(a.name, a.represents) for a in repeated] == [("戴某", ["甲有限公司", "乙有限公司"])]


def test_several_names_on_one_line() -> None:
    agents = _agents("原告：张某，女，1970年1月1日出生。\n委托诉讼代理人：李某、王某某，河南某律师事务所律师。\n")
    assert [(a.name, a.law_firm) for a in agents] == [("李某", "河南某律师事务所"),
                                                      ("王某某", "河南某律师事务所")]


def test_relation_stated_later_in_the_body() -> None:
    agent = Agent(name="马清辉", represents=["某厂"])
    relation_from_body(agent, "由企业负责人厉云菊、马清辉(厉云菊丈夫)及其儿子送往医院")
    assert (agent.relation, agent.kind) == ("厉云菊丈夫", "relative")


def test_a_misspelt_agent_at_the_hearing_is_not_a_second_agent() -> None:
    """The record of the hearing may misspell an agent the party block names (``隋`` / ``随``):
    one agent, not a second one for the same party; an agent only the record names is kept."""
    outcome = parse_text(
        "某某县人民法院\n民事判决书\n（2018）黑0604民初100号\n原告：大庆市某某工程施工队，住所地大庆市。\n"
        "法定代表人：陈某，经理。\n委托诉讼代理人：隋广胜，黑龙江某某律师事务所律师。\n"
        "被告：王某，女，住大庆市。\n第三人：大庆市某某物业有限公司，住所地大庆市。\n"
        "原告大庆市某某工程施工队与被告王某劳动争议一案，本院公开开庭进行了审理。原告的委托诉讼代理人随广胜、"
        "被告王某、第三人的委托诉讼代理人杜淑珍到庭参加诉讼。本案现已审理终结。\n")
    assert outcome.record is not None
    assert [(a.name, a.represents) for a in outcome.record.agents] == [
        ("隋广胜", ["大庆市某某工程施工队"]), ("杜淑珍", ["大庆市某某物业有限公司"])]


def test_a_firm_whose_name_mask_left_the_last_character_of_lawyer() -> None:
    """``山东某***师事务所律师``: the mask swallowed 律 of 律师事务所 and left 师."""
    [agent] = _agents("被告：某某县国有林场，住所地某某县。\n"
                      "委托诉讼代理人：**，山东某***师事务所律师。\n")
    assert (agent.kind, agent.law_firm) == ("lawyer", "山东某***师事务所")


def test_a_relation_in_brackets_after_the_agents_full_stop() -> None:
    """``…住某市某区。（系原告表哥）``: the note is the agent's relation, and the block goes on to
    the defendant (it was read as the end of the party block)."""
    block = read_party_block(
        "原告：韩某，男，1963年3月2日出生，住某某县。\n"
        "委托代理人：罗某，男，1970年5月6日出生，汉族，住某某市某某区。（系原告表哥）\n"
        "被告：某某人力资源服务有限公司，住所地某某市。\n"
        "法定代表人：钟某，总经理。\n", 0)
    assert [p.party.name for p in block.parties] == ["韩某", "某某人力资源服务有限公司"]
    [agent] = block.agents
    assert (agent.kind, agent.relation, agent.represents) == ("relative", "系原告表哥", ["韩某"])


GROUP = ("某某市人民法院\n民事判决书\n（2019）内2201民初300号\n"
         "原告：甘某，男，1967年6月6日出生，汉族，工人，现住某某市。\n身份证号码：×××\n"
         "原告：***，男，1971年3月1日出生，蒙古族，工人，现住某某市。\n身份证号码：×××\n"
         "原告：邵某，女，1980年4月9日出生，汉族，工人，现住某某市。\n身份证号码：×××\n"
         "诉讼代表人：甘某，男，1967年6月6日出生，汉族，工人，现住某某市某某小区。\n身份证号码：×××\n"
         "诉讼代表人：***，男，1971年3月1日出生，蒙古族，工人，现住某某市。\n身份证号码：×××\n"
         "共同委托诉讼代理人：侯某，内蒙古某某律师事务所律师。\n"
         "被告：某某市政建设有限公司。\n法定代表人：洪某，经理。\n"
         "委托诉讼代理人：鲍某，内蒙古某某律师事务所律师。\n"
         "原告甘某、***等3人诉被告某某市政建设有限公司劳动争议纠纷一案，本院于2019年8月1日立案受理。\n")


def test_a_group_suit_with_an_id_line_under_each_plaintiff() -> None:
    """A group of workers, each with a masked ``身份证号码`` line of its own: every plaintiff is
    read (the ID line swallowed the next party label, leaving one plaintiff of three); the
    group's 诉讼代表人 are plaintiffs of the group, not agents; the joint lawyer acts for all."""
    outcome = parse_text(GROUP)
    assert outcome.record is not None
    record = outcome.record
    assert [(p.name, p.role) for p in record.parties] == [
        ("甘某", "plaintiff"), ("***", "plaintiff"), ("邵某", "plaintiff"),
        ("某某市政建设有限公司", "defendant")]
    assert [(a.name, a.kind, a.represents) for a in record.agents] == [
        ("侯某", "lawyer", ["甘某", "***", "邵某"]), ("鲍某", "lawyer", ["某某市政建设有限公司"])]


def test_a_representative_who_is_not_a_listed_party_stays_an_agent() -> None:
    """A 诉讼代表人 the party lines do not list is kept as written (who they are is not shown)."""
    agents = _agents("原告：甘某，男，1967年6月6日出生。\n诉讼代表人：钟某，男，1960年1月1日出生。\n")
    assert [(a.name, a.represents) for a in agents] == [("钟某", ["甘某"])]
