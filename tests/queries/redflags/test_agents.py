from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import Any

from ringtrace.queries.redflags import run_all
from ringtrace.queries.redflags.agents import (
    Reach,
    agent_profile,
    intermediary_like,
    profile_agents,
)
from ringtrace.queries.rules import load_rules
from tests.conftest import legit_case, sham_case
from tests.queries.redflags.helpers import frame_of, hits


def test_lay_agent_across_many_applicants_is_flagged(tmp_path: Path) -> None:
    cases = [sham_case(10 + i, f"申请人{i}", "1968-01-02", employer=f"公司{i}") for i in range(4)]
    [f] = hits(frame_of(tmp_path, cases), "AGENT_MANY_APPLICANTS")
    assert len(f.cases) == 4 and "4名劳动者" in f.summary and "4家用人单位" in f.summary


def test_busy_lawyer_with_contested_cases_is_not_flagged(tmp_path: Path) -> None:
    cases = [legit_case(i, f"工人{i}", "1980-01-01") for i in range(6)]
    assert hits(frame_of(tmp_path, cases), "AGENT_MANY_APPLICANTS") == []


def test_same_person_for_worker_and_employer_is_flagged(tmp_path: Path) -> None:
    case = sham_case(1, "张桂兰", "1968-05-02")
    case["agents"].append({"name": "王建国", "represents": ["安阳市恒达废旧物资回收有限公司"],
                           "kind": "employee", "birth_date": "1970-01-01",
                           "relation": "人事部门负责人"})
    [f] = hits(frame_of(tmp_path, [case]), "AGENT_BOTH_SIDES")
    assert any("同时代理" in e.detail for e in f.evidence)


def test_the_workers_agent_named_as_the_employers_legal_representative(tmp_path: Path) -> None:
    case = sham_case(1, "张桂兰", "1968-05-02", agent="李强")  # 李强 is the firm's 法定代表人
    [f] = hits(frame_of(tmp_path, [case]), "AGENT_BOTH_SIDES")
    assert any("系用人单位法定代表人" in e.detail for e in f.evidence)


def test_a_masked_agent_is_not_the_masked_legal_representative(tmp_path: Path) -> None:
    """A publisher that masks every private name prints ``***`` for both: a mask names no one."""
    case = sham_case(1, "张桂兰", "1968-05-02", agent="***")
    case["agents"][0].pop("phone")
    case["parties"][1]["legal_representative"] = "***"
    assert hits(frame_of(tmp_path, [case]), "AGENT_BOTH_SIDES") == []


def test_employer_agent_sharing_the_workers_agent_phone(tmp_path: Path) -> None:
    case = sham_case(1, "张桂兰", "1968-05-02")
    case["agents"].append({"name": "赵红", "represents": ["安阳市恒达废旧物资回收有限公司"],
                           "kind": "employee", "phone": "138-1234-5678"})
    [f] = hits(frame_of(tmp_path, [case]), "AGENT_BOTH_SIDES")
    assert any("13812345678" in e.detail for e in f.evidence)


def test_relative_agent_is_a_weak_flag(tmp_path: Path) -> None:
    case = sham_case(1, "张桂兰", "1968-05-02")
    case["agents"] = [{"name": "李明", "represents": ["张桂兰"], "kind": "relative",
                       "relation": "原告之子"}]
    [f] = hits(frame_of(tmp_path, [case]), "AGENT_EMPLOYEE_OR_RELATIVE")
    assert f.evidence[0].detail == "李明：原告之子"


def test_agent_profile_sums_up_the_agent_once_per_frame(tmp_path: Path) -> None:
    cases = [sham_case(10 + i, f"申请人{i}", "1968-01-02", employer=f"公司{i}") for i in range(3)]
    cases[2]["defendant_response"] = "absent"
    frame = frame_of(tmp_path, cases)
    [agent_id] = frame.agent_cases
    profile = agent_profile(frame, agent_id)
    assert len(profile.cases) == len(profile.suspicious) == 3 and profile.admitted == 2
    assert len(profile.workers) == 3 and len(profile.employers) == 3
    assert profile.worker_side_employers == profile.employers
    assert profile.kinds == {"other"} and not profile.employer_side_employers
    assert not profile.both_in_one_case
    assert agent_profile(frame, agent_id) is profile
    assert intermediary_like(frame, agent_id, Reach.default())


def test_profiles_computed_together_equal_profiles_computed_one_by_one(tmp_path: Path) -> None:
    cases = [sham_case(10 + i, f"申请人{i}", "1968-01-02", employer=f"公司{i % 2}")
             for i in range(4)]
    cases.append(legit_case(20, "工人甲", "1980-01-01"))
    cases[0]["agents"].append({"name": "王建国", "represents": ["公司0"], "kind": "other",
                               "birth_date": "1970-01-01", "phone": "13812345678"})
    one_by_one = frame_of(tmp_path / "a", cases)
    together = frame_of(tmp_path / "b", cases)
    agents = sorted(together.agent_cases)
    profile_agents(together, agents)
    profiles = together.memo["redflags.agent_profile"]
    assert isinstance(profiles, dict) and sorted(profiles) == agents
    for agent_id in agents:
        assert agent_profile(together, agent_id) == agent_profile(one_by_one, agent_id)
    assert any(agent_profile(together, a).both_in_one_case for a in agents)  # 王建国 in case 10


def test_a_lay_agent_for_one_group_is_weak_evidence_not_an_intermediary(tmp_path: Path) -> None:
    cases = [sham_case(10 + i, f"申请人{i}", "1968-01-02") for i in range(4)]
    frame = frame_of(tmp_path, cases)
    assert hits(frame, "AGENT_MANY_APPLICANTS") == []
    [f] = hits(frame, "AGENT_ONE_GROUP")
    assert "同一用人单位的4名劳动者" in f.summary


def test_legal_aid_counsel_of_groups_at_two_employers_is_no_intermediary(tmp_path: Path) -> None:
    cases = [sham_case(10 + i, f"申请人{i}", f"1968-01-{i + 10}", employer=f"公司{i % 2}")
             for i in range(8)]
    for c in cases:
        c["agents"][0].update(kind="legal_aid", law_firm="安阳市法律援助中心")
    frame = frame_of(tmp_path, cases)
    [agent] = frame.agent_cases
    assert not intermediary_like(frame, agent, Reach.default())
    for c in cases:
        c["agents"][0].update(kind="lawyer", law_firm="某律师事务所")
    lawyer_frame = frame_of(tmp_path / "lawyer", cases)
    [lawyer] = lawyer_frame.agent_cases
    # series at two employers, all admitted
    assert intermediary_like(lawyer_frame, lawyer, Reach.default())


def test_a_lawyers_suits_backed_by_archives_are_no_series(tmp_path: Path) -> None:
    """A labour lawyer for two closing factories' workforces brings their archives: only the
    unproven suits count towards a scheme's series, so one proven group leaves one series."""
    cases = [sham_case(10 + i, f"申请人{i}", f"1968-01-{i + 10}", employer=f"公司{i % 2}")
             for i in range(8)]
    for c in cases:
        c["agents"][0].update(kind="lawyer", law_firm="某律师事务所")
    unproven = frame_of(tmp_path / "unproven", cases)
    assert "AGENT_MANY_APPLICANTS" in {f.rule_id for f in run_all(unproven, load_rules())}
    for c in cases[1::2]:  # the workers of 公司1 produce the archives the factory handed over
        c["spans"] = [*c.get("spans", []), {"kind": "evidence",
                                            "text": "原告提交了改制时移交的职工档案、社保缴费记录。"}]
    proven = frame_of(tmp_path / "proven", cases)
    found = run_all(proven, load_rules())
    assert "EVID_INDEPENDENT" in {f.rule_id for f in found}
    assert "AGENT_MANY_APPLICANTS" not in {f.rule_id for f in found}
    [lawyer] = proven.agent_cases
    assert not intermediary_like(proven, lawyer, Reach.default())


def _counsel_for_two_employers(firm: str | None) -> list[dict[str, Any]]:
    """于帅 acts for a worker in one suit and, printed bare, for two employers in others."""
    cases = [sham_case(1, "张桂兰", "1968-05-02")]
    cases[0]["agents"] = [{"name": "于帅", "represents": ["张桂兰"],
                           "kind": "lawyer" if firm else "other", "law_firm": firm}]
    for n, employer in ((2, "安阳市甲商贸有限公司"), (3, "安阳市乙建材有限公司")):
        case = sham_case(n, f"申请人{n}", "1967-01-02", employer=employer, day="2021-04-01")
        case["agents"].append({"name": "于帅", "represents": [employer], "kind": "other"})
        cases.append(case)
    return cases


def test_a_lawyer_for_employers_in_other_suits_is_a_practice_not_both_sides(
        tmp_path: Path) -> None:
    lawyer = hits(frame_of(tmp_path / "lawyer", _counsel_for_two_employers("河南正义律师事务所")),
                  "AGENT_BOTH_SIDES")
    assert not any("家不同用人单位" in e.detail for f in lawyer for e in f.evidence)
    lay = hits(frame_of(tmp_path / "lay", _counsel_for_two_employers(None)), "AGENT_BOTH_SIDES")
    assert any("家不同用人单位" in e.detail for f in lay for e in f.evidence)


def _firm_on_both_sides(worker_lawyer: str, employer_lawyer: str) -> dict:
    """A suit in which the employer's usual counsel and the workers' lawyer practise at one
    firm and both print the firm's telephone."""
    case = sham_case(1, "张桂兰", "1968-05-02")
    firm = {"kind": "lawyer", "law_firm": "河南正义律师事务所", "phone": "0372-5951234"}
    case["agents"] = [{"name": worker_lawyer, "represents": ["张桂兰"], **firm},
                      {"name": employer_lawyer, "represents": ["安阳市恒达废旧物资回收有限公司"],
                       **firm}]
    return case


def test_a_firms_usual_counsel_and_a_colleague_are_not_one_agent_on_both_sides(
        tmp_path: Path) -> None:
    """Two lawyers of one firm on opposite sides (the firm's phone printed for both) is a
    same-firm note, not one person controlling both sides; one lawyer printed on both sides
    still is."""
    frame = frame_of(tmp_path / "two", [_firm_on_both_sides("李律师", "赵律师")])
    assert hits(frame, "AGENT_BOTH_SIDES") == []
    assert len(hits(frame, "AGENT_SAME_FIRM")) == 1
    same = frame_of(tmp_path / "one", [_firm_on_both_sides("李律师", "李律师")])
    [f] = hits(same, "AGENT_BOTH_SIDES")
    assert any("同时代理" in e.detail for e in f.evidence)


def test_colleagues_merged_into_one_lawyer_are_not_one_agent_on_both_sides(
        tmp_path: Path) -> None:
    """Should resolution take two lawyers of one firm for one (a masked line, a shared phone),
    the names printed on the two sides still tell them apart."""
    from ringtrace.queries.redflags.agents import _hits_in_case

    frame = frame_of(tmp_path, [_firm_on_both_sides("李律师", "赵律师")])
    [case] = frame.cases.values()
    worker, employer = sorted(case.agents, key=lambda a: a.side != "worker")
    merged = [dataclasses.replace(worker, id=employer.id)]
    assert _hits_in_case(frame, case, merged, [employer]) == []
    masked = [dataclasses.replace(worker, id=employer.id, name="赵某某")]
    assert [kind for kind, _ in _hits_in_case(frame, case, masked, [employer])] == ["same"]


def _soe_counsel_cases(worker_side_employers: int) -> list[dict[str, Any]]:
    """河南正义律师事务所's 吴玉梅 defends a restructured mill in six suits by its former
    workforce (admitted from its archives) and brings three unproven suits for workers at each
    of ``worker_side_employers`` other employers."""
    soe = "洛阳市红旗纺织厂"
    cases = []
    for i in range(6):
        case = sham_case(10 + i, f"职工{i}", f"1968-0{1 + i}-11", employer=soe)
        case["agents"] = [{"name": "吴玉梅", "represents": [soe], "kind": "lawyer",
                           "law_firm": "河南正义律师事务所"}]
        cases.append(case)
    for e in range(worker_side_employers):
        for i in range(3):
            n = 30 + 10 * e + i
            case = sham_case(n, f"申请人{n}", f"1968-0{1 + i}-{10 + e}",
                             employer=f"洛阳市富民{'甲乙'[e]}废旧物资回收有限公司")
            case["agents"] = [{"name": "吴玉梅", "represents": [f"申请人{n}"], "kind": "lawyer",
                               "law_firm": "河南正义律师事务所"}]
            cases.append(case)
    return cases


def test_an_employers_own_counsel_brings_no_series_against_it(tmp_path: Path) -> None:
    """A restructured enterprise's lawyer meets every claim its former workforce brings: those
    suits are the employer's docket, not a series the lawyer brought. With a series for workers
    at one other employer the lawyer has no reach across hosts."""
    frame = frame_of(tmp_path, _soe_counsel_cases(1))
    [lawyer] = frame.agent_cases
    profile = agent_profile(frame, lawyer)
    assert len(profile.cases) == 9 and len(profile.for_workers) == 3
    assert len(profile.workers) == 3
    assert not intermediary_like(frame, lawyer, Reach.default())
    assert hits(frame, "AGENT_MANY_APPLICANTS") == []


def test_a_lawyer_bringing_series_at_two_hosts_stays_an_intermediary(tmp_path: Path) -> None:
    """Must not mitigate: the same lawyer bringing unproven series for workers at two employers
    is a scheme's counsel, whatever they do for a third employer - and a colluding employer's
    own roster (花名册, what schemes forge) cited in every one of those suits does not excuse
    them."""
    cases = _soe_counsel_cases(2)
    for c in cases[6:]:
        c["spans"] = [*c["spans"], {"kind": "evidence",
                                    "text": "原告提交了职工花名册、工资表，被告对真实性无异议。"}]
    frame = frame_of(tmp_path, cases)
    [lawyer] = frame.agent_cases
    assert intermediary_like(frame, lawyer, Reach.default())
    [f] = hits(frame, "AGENT_MANY_APPLICANTS")
    assert len(f.cases) == 12
