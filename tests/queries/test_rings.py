"""Ring assembly: which evidence links join candidate cases, and which do not."""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import Any

from ringtrace.graph.records import RegistryRecord
from ringtrace.queries.findings import Finding
from ringtrace.queries.frame import Frame
from ringtrace.queries.model import RingStructure
from ringtrace.queries.redflags.agents import intermediary_like
from ringtrace.queries.redflags.common import Workforce
from ringtrace.queries.ringlinks import Link, RingParams, UnionFind
from ringtrace.queries.rings import (
    Ring,
    assemble,
    batch_links,
    coordinated_cases,
    evidence_links,
    structure,
)
from ringtrace.queries.rules import load_rules
from ringtrace.queries.scan import reportable
from ringtrace.queries.scoring import CaseScore
from ringtrace.queries.series import _practice_dominated
from ringtrace.queries.ties import office_ties, tie_links
from tests.conftest import legit_case, sham_case
from tests.queries.redflags.helpers import frame_of
from tests.queries.ring_cases import confirmation_case as _case
from tests.queries.ring_cases import manager_pair as _manager_pair

PARAMS = RingParams.of(load_rules())


def _links(frame: Frame, kind: str, **kw: Any) -> list[list[str]]:
    candidates = set(frame.cases)
    params = dataclasses.replace(PARAMS, **kw)
    return [lk.cases for lk in evidence_links(frame, [], candidates, params) if lk.kind == kind]


OTHER = "安阳市永兴建材有限公司"


def test_one_lay_agent_years_apart_links_nothing(tmp_path: Path) -> None:
    near = frame_of(tmp_path / "near", [_case(1, "2018-01-05"),
                                        _case(2, "2018-06-01", employer=OTHER)])
    far = frame_of(tmp_path / "far", [_case(1, "2014-01-05"),
                                      _case(2, "2018-06-01", employer=OTHER)])
    assert len(_links(near, "agent")) == 1
    assert _links(far, "agent") == []


def test_a_lay_agent_for_one_group_at_one_employer_is_no_intermediary_link(
        tmp_path: Path) -> None:
    """One representative for one workforce is what genuine group suits look like; reach
    across employers or time is an intermediary's signature."""
    group = frame_of(tmp_path / "group", [_case(n, "2018-01-05") for n in (1, 2, 3)])
    assert _links(group, "agent") == []
    spread = frame_of(tmp_path / "spread", [_case(1, "2016-01-05"), _case(2, "2017-03-01"),
                                            _case(3, "2018-01-05")])
    assert len(_links(spread, "agent")) == 1


def test_an_intermediarys_client_with_proof_is_not_joined_to_the_operation(
        tmp_path: Path) -> None:
    """A legal-service worker who files a scheme's suits at two employers also acts for an old
    worker whose archive file proves the employment: the agent's link joins the scheme's suits
    only."""
    frame = frame_of(tmp_path, [_case(1, "2018-01-05"), _case(2, "2018-03-01", employer=OTHER),
                                _case(3, "2018-04-01", employer=OTHER), _case(4, "2018-05-01")])
    archived = next(c for c in frame.cases if frame.cases[c].case_number.endswith("4号"))
    proof = Finding("EVID_INDEPENDENT", archived, [archived], "职工档案", [])
    [link] = [lk for lk in evidence_links(frame, [proof], set(frame.cases), PARAMS)
              if lk.kind == "agent"]
    assert sorted(frame.cases[c].case_number for c in link.cases) == [
        f"(2021)豫0502民初{n}号" for n in (1, 2, 3)]
    [everyone] = _links(frame, "agent")
    assert len(everyone) == 4


def test_batch_links_join_cases_filed_within_days(tmp_path: Path) -> None:
    frame = frame_of(tmp_path, [_case(1, "2021-03-01", agent="甲", decided="2021-04-01"),
                                _case(2, "2021-03-04", agent="乙", decided="2021-05-01"),
                                _case(3, "2021-03-30", agent="丙", decided="2021-06-01")])
    links = batch_links(frame, set(frame.cases), days=7)
    assert [[frame.cases[c].case_number for c in lk.cases] for lk in links] == [
        ["(2021)豫0502民初1号", "(2021)豫0502民初2号"]]


def test_links_inside_one_large_unflagged_employer_tie_nothing(tmp_path: Path) -> None:
    big = "安阳钢铁集团有限责任公司"
    registry = [RegistryRecord(name=big, insured_headcount=2000, status="存续")]
    cases = [_case(1, "2021-03-01", employer=big, agent="甲"),
             _case(2, "2021-03-01", employer=big, agent="乙")]
    assert _links(frame_of(tmp_path / "big", cases, registry), "batch") == []
    small = [RegistryRecord(name=big, insured_headcount=20, status="存续")]
    assert _links(frame_of(tmp_path / "small", cases, small), "batch") != []


def test_an_employer_whose_suits_show_a_workforce_is_large_without_a_headcount(
        tmp_path: Path) -> None:
    """No registry row: workers suing in six different years make it a big employer's
    workforce, and its same-day suits tie nothing."""
    big = "安阳第八棉纺织厂"
    cases = [_case(1, "2021-03-01", employer=big, agent="甲"),
             _case(2, "2021-03-01", employer=big, agent="乙")]
    cases += [_case(3 + i, f"{2015 + i}-06-01", employer=big, agent=f"代理{i}")
              for i in range(5)]
    frame = frame_of(tmp_path, cases)
    assert _links(frame, "batch", workforce=Workforce(3, 6)) == []
    assert _links(frame, "batch", workforce=Workforce(3, 7)) != []


def test_bare_mention_of_an_identified_lay_agent_counts_as_that_agent(tmp_path: Path) -> None:
    first = _case(1, "2021-03-01")
    bare = _case(2, "2021-04-01")
    for key in ("birth_date", "phone"):
        bare["agents"][0].pop(key)
    relative = _case(3, "2021-05-01")
    relative["agents"][0] = {"name": "王建国", "represents": ["申请人3"], "kind": "relative",
                             "relation": "原告之子"}
    frame = frame_of(tmp_path, [first, bare, relative])
    # entity resolution (ringtrace.resolve) already joins the bare mention to the identified
    # agent, so the frame has one agent where there were two, and nothing is left to alias
    agent = "Person:王建国|b:1970-01-01"
    assert frame.agent_cases[agent] == [c for c in sorted(frame.cases)
                                        if not frame.cases[c].case_number.endswith("3号")]


def test_a_lawyer_whose_practice_is_mostly_flagged_suits_links_them(tmp_path: Path) -> None:
    cases = [_case(i, f"2021-0{1 + i % 9}-01", agent="律师甲") for i in range(12)]
    for c in cases:
        c["agents"][0].update(kind="lawyer", law_firm="某律师事务所")
    frame = frame_of(tmp_path, cases)
    [agent] = frame.agent_cases
    all_cases = frame.agent_cases[agent]
    assert _practice_dominated(frame, agent, all_cases, all_cases[:5], PARAMS)
    assert not _practice_dominated(frame, agent, all_cases, all_cases[:3], PARAMS)


def test_a_lawyer_a_legal_aid_centre_assigned_links_nothing(tmp_path: Path) -> None:
    """The same practice, mostly flagged suits in a few months: a private lawyer's links tie
    them; a legal-aid centre's duty lawyer (法律援助中心指派) was chosen by the centre, not by
    whoever supplied the applicants, and ties nothing."""
    def practice(kind: str, firm: str) -> list[dict[str, Any]]:
        cases = [_case(i, f"2021-0{1 + i % 5}-01", agent="律师甲",
                       employer=OTHER if i % 2 else "安阳市恒达废旧物资回收有限公司")
                 for i in range(8)]
        for c in cases:
            c["agents"][0].update(kind=kind, law_firm=firm)
        return cases
    private = frame_of(tmp_path / "private", practice("lawyer", "某律师事务所"))
    assert _links(private, "practice") or _links(private, "series")
    aided = frame_of(tmp_path / "aided", practice("legal_aid", "某县法律援助中心"))
    assert not [lk for lk in evidence_links(aided, [], set(aided.cases), PARAMS)
                if lk.kind in ("practice", "series", "firm_series", "agent")]


def test_a_bare_mention_goes_to_the_namesake_active_at_the_time(tmp_path: Path) -> None:
    old = _case(1, "2014-03-01")
    old["agents"][0]["birth_date"] = "1960-05-05"
    recent = _case(2, "2021-03-01")
    bare = _case(3, "2021-09-01")
    for key in ("birth_date", "phone"):
        bare["agents"][0].pop(key)
    frame = frame_of(tmp_path, [old, recent, bare])
    # resolved by ringtrace.resolve: the bare mention is the namesake active at the time
    assert len(frame.agent_cases["Person:王建国|b:1970-01-01"]) == 2
    assert len(frame.agent_cases["Person:王建国|b:1960-05-05"]) == 1


def test_a_lawyer_printed_once_without_a_firm_is_still_a_lawyer(tmp_path: Path) -> None:
    """Resolution joins a bare mention (kind unstated) to the lawyer: no layman's reach."""
    from ringtrace.queries.redflags.agents import agent_profile

    cases = [_lawyer_case(n, "2021-03-01", FIRM_A if n < 5 else FIRM_B) for n in range(1, 6)]
    frame = frame_of(tmp_path, cases)
    [agent] = frame.agent_cases
    profile = agent_profile(frame, agent)
    profile.kinds.add("other")
    assert profile.professional and not intermediary_like(frame, agent, PARAMS.reach)


def _lawyer_case(n: int, day: str, employer: str, lawyer: str = "律师甲") -> dict[str, Any]:
    case = _case(n, day, agent=lawyer, employer=employer)
    case["agents"][0].update(kind="lawyer", law_firm="某律师事务所")
    return case


def _busy_lawyer_series(tmp_path: Path, suits: list[dict[str, Any]]) -> list[list[str]]:
    """Series links when 律师甲 also has a general practice of contested suits (which are no
    candidates), so that neither the intermediary nor the practice rule applies."""
    practice = []
    for n in range(4):
        case = legit_case(100 + n, f"工人{n}", "1980-01-01")
        case["agents"][0].update(name="律师甲", law_firm="某律师事务所", birth_date="1970-01-01",
                                 phone="13812345678")
        practice.append(case)
    frame = frame_of(tmp_path, [*suits, *practice])
    candidates = {c for c in frame.cases if frame.cases[c].props.get("defendant_response") != "contests"}
    links = evidence_links(frame, [], candidates, PARAMS)
    return [sorted(frame.cases[c].case_number for c in lk.cases) for lk in links
            if lk.kind == "series"]


FIRM_A, FIRM_B = "安阳市恒达废旧物资回收有限公司", "新乡市瑞丰再生资源回收有限公司"


def test_a_lawyers_series_against_two_small_employers_in_one_year_are_linked(
        tmp_path: Path) -> None:
    suits = [_lawyer_case(1, "2021-02-01", FIRM_A), _lawyer_case(2, "2021-05-01", FIRM_A),
             _lawyer_case(3, "2021-03-01", FIRM_B), _lawyer_case(4, "2021-08-01", FIRM_B)]
    assert _busy_lawyer_series(tmp_path, suits) == [
        [f"(2021)豫0502民初{i}号" for i in range(1, 5)]]


def test_one_series_or_series_years_apart_link_nothing(tmp_path: Path) -> None:
    one_series = [_lawyer_case(1, "2021-02-01", FIRM_A), _lawyer_case(2, "2021-05-01", FIRM_A),
                  _lawyer_case(3, "2021-03-01", FIRM_B)]
    assert _busy_lawyer_series(tmp_path / "one", one_series) == []
    years_apart = [_lawyer_case(1, "2014-02-01", FIRM_A), _lawyer_case(2, "2014-05-01", FIRM_A),
                   _lawyer_case(3, "2021-03-01", FIRM_B), _lawyer_case(4, "2021-08-01", FIRM_B)]
    assert _busy_lawyer_series(tmp_path / "apart", years_apart) == []


def test_a_lawyer_among_many_at_an_employer_has_no_series_there(tmp_path: Path) -> None:
    ours = [_lawyer_case(1, "2021-02-01", FIRM_A), _lawyer_case(2, "2021-05-01", FIRM_A),
            _lawyer_case(3, "2021-03-01", FIRM_B), _lawyer_case(4, "2021-08-01", FIRM_B)]
    others = [_lawyer_case(n, "2021-03-15", FIRM_A, lawyer=f"律师{n}") for n in range(5, 8)]
    assert _busy_lawyer_series(tmp_path, [*ours, *others]) == []


def _one_dispute(n: int, day: str, printed: str) -> dict[str, Any]:
    """One worker's dispute with FIRM_B as printed in one of its documents (a first instance,
    its appeal, a repost that masks the name)."""
    case = _lawyer_case(n, day, FIRM_B)
    case["parties"][0]["name"] = case["agents"][0]["represents"][0] = printed
    case["parties"][0]["birth_date"] = "1966-07-08"
    return case


def test_one_clients_dispute_through_several_courts_is_no_series(tmp_path: Path) -> None:
    """A lawyer who carries one worker's dispute through the first instance and the appeal
    (and whose repost masks the name) has brought one suit against that employer, not a
    series: with a series at one other employer only, nothing links."""
    ours = [_lawyer_case(1, "2021-02-01", FIRM_A), _lawyer_case(2, "2021-05-01", FIRM_A)]
    dispute = [_one_dispute(3, "2021-03-01", "张桂兰"), _one_dispute(4, "2021-08-01", "张桂兰"),
               _one_dispute(5, "2021-09-01", "张某某")]
    assert _busy_lawyer_series(tmp_path / "one", [*ours, *dispute]) == []
    # two workers born the same day who claim the same period are two suits
    other = _one_dispute(6, "2021-06-01", "李秀英")
    assert _busy_lawyer_series(tmp_path / "two", [*ours, dispute[0], other]) == [
        [f"(2021)豫0502民初{i}号" for i in (1, 2, 3, 6)]]


def _firm_links(tmp_path: Path, suits: list[dict[str, Any]],
                firms: dict[str, str]) -> list[list[str]]:
    """Firm-series links when each lawyer of ``firms`` (lawyer -> firm) also has a general
    practice of contested suits, so that no intermediary or practice rule applies."""
    practice = []
    for i, (lawyer, firm) in enumerate(sorted(firms.items())):
        for n in range(4):
            case = legit_case(100 + 10 * i + n, f"工人{i}{n}", "1980-01-01")
            case["agents"][0].update(name=lawyer, law_firm=firm, birth_date="1970-01-01",
                                     phone=f"1381234567{i}")
            practice.append(case)
    for suit in suits:
        lawyer = suit["agents"][0]
        lawyer.update(law_firm=firms[lawyer["name"]], birth_date="1970-01-01",
                      phone=f"1381234567{sorted(firms).index(lawyer['name'])}")
    frame = frame_of(tmp_path, [*suits, *practice])
    candidates = {c for c in frame.cases if frame.cases[c].props.get("defendant_response") != "contests"}
    links = evidence_links(frame, [], candidates, PARAMS)
    assert not [lk for lk in links if lk.kind == "series"]  # no lawyer has a series alone
    return [sorted(frame.cases[c].case_number for c in lk.cases) for lk in links
            if lk.kind == "firm_series"]


def _split_suits() -> list[dict[str, Any]]:
    """Two lawyers taking turns: each brings one suit against each of two small employers."""
    return [_lawyer_case(1, "2021-02-01", FIRM_A, "律师甲"), _lawyer_case(2, "2021-05-01", FIRM_A, "律师乙"),
            _lawyer_case(3, "2021-03-01", FIRM_B, "律师甲"), _lawyer_case(4, "2021-08-01", FIRM_B, "律师乙")]


def test_two_lawyers_of_one_firm_taking_turns_make_a_firm_series(tmp_path: Path) -> None:
    firms = {"律师甲": "河南某某律师事务所", "律师乙": "河南某某律师事务所"}
    assert _firm_links(tmp_path, _split_suits(), firms) == [
        [f"(2021)豫0502民初{i}号" for i in range(1, 5)]]


def test_lawyers_of_two_firms_taking_turns_make_no_series(tmp_path: Path) -> None:
    firms = {"律师甲": "河南某某律师事务所", "律师乙": "河南另一律师事务所"}
    assert _firm_links(tmp_path, _split_suits(), firms) == []


def test_claims_starting_before_the_employer_existed_link_its_cases(tmp_path: Path) -> None:
    """Two suits months apart, each with its own lawyer, both claiming work from before the
    employer was founded: one host, whoever the lawyers are."""
    from ringtrace.queries.findings import Finding

    cases = [_lawyer_case(1, "2020-03-01", FIRM_A, "律师甲"),
             _lawyer_case(2, "2020-11-01", FIRM_A, "律师乙")]
    frame = frame_of(tmp_path, cases)
    ids = sorted(frame.cases)
    before = [Finding("EMP_START_BEFORE_FOUNDING", c, [c], "") for c in ids]
    links = evidence_links(frame, before, set(ids), PARAMS)
    assert [(lk.kind, lk.cases) for lk in links] == [("employer", ids)]
    assert evidence_links(frame, before[:1], set(ids), PARAMS) == []


def test_a_lawyer_joins_only_the_groups_they_are_central_to() -> None:
    from ringtrace.queries.rings import _bridge

    uf = UnionFind([f"a{i}" for i in range(10)] + [f"b{i}" for i in range(10)] + ["c0", "d0"])
    for group in ("a", "b"):
        for i in range(1, 10):
            uf.union(f"{group}0", f"{group}{i}")
    # hired twice by each of two operations: peripheral to both, joins neither
    _bridge(uf, [Link("agent", "lawyer", ["a1", "a2", "b1", "b2"])], share=0.3)
    assert uf.find("a1") != uf.find("b1")
    # the scheme's own lawyer: most of each group's cases, and two lone cases
    _bridge(uf, [Link("agent", "counsel", [*(f"a{i}" for i in range(5)),
                                            *(f"b{i}" for i in range(4)), "c0", "d0"])],
            share=0.3)
    assert uf.find("a1") == uf.find("b1") == uf.find("c0") == uf.find("d0")
    assert uf.size[uf.find("a1")] == 22


def _kin_pair(second_employer: str = "安阳市恒达废旧物资回收有限公司") -> list[dict[str, Any]]:
    """A wife's suit with her husband as her agent, and the husband's own suit."""
    wife = sham_case(1, "王某英", "1968-01-02", day="2021-03-01")
    wife["agents"] = [{"name": "王建军", "represents": ["王某英"], "kind": "other",
                       "birth_date": "1962-05-25", "relation": "系王某英之配偶"}]
    husband = sham_case(2, "王建军", "1962-05-25", day="2021-03-20",
                        employer=second_employer)
    husband["parties"][0]["sex"] = "男"
    husband["agents"] = []
    return [wife, husband]


def test_an_applicant_who_is_another_applicants_agent_ties_their_suits(tmp_path: Path) -> None:
    """Two relatives against one employer, one acting for the other: a kin tie joins the pair.
    In a small ring it is the coordination that makes two leads a ring; in a big cluster it is
    none - a genuine workforce's couples act for each other too."""
    frame = frame_of(tmp_path, _kin_pair())
    links = _links(frame, "kin")
    assert links == [sorted(frame.cases)]
    ring = Ring("R-x", sorted(frame.cases), [Link("kin", "p", sorted(frame.cases))])
    struct = structure(frame, ring)
    assert struct.coordinated_share == 0.0 and struct.link_kinds == {"kin": 1}
    assert not reportable(2, 2, 2, struct.coordinated_share, 3)
    small = structure(frame, dataclasses.replace(ring, small=True))
    assert small.coordinated_share == 1.0
    assert reportable(2, 2, 2, small.coordinated_share, 3)


def test_no_kin_tie_across_employers_or_without_the_applicant_acting(tmp_path: Path) -> None:
    apart = frame_of(tmp_path / "apart", _kin_pair(second_employer=OTHER))
    assert _links(apart, "kin") == []
    plain = _kin_pair()
    plain[0]["agents"] = []
    assert _links(frame_of(tmp_path / "plain", plain), "kin") == []


def test_an_intermediarys_batches_years_apart_are_one_operation(tmp_path: Path) -> None:
    """Two batches at two employers 29 months apart: beyond the gap for single contacts, within
    the two to three years published operations ran; one agent link holds all four."""
    frame = frame_of(tmp_path, [_case(1, "2018-01-05"), _case(2, "2018-01-06"),
                                _case(3, "2020-06-01", employer=OTHER),
                                _case(4, "2020-06-02", employer=OTHER)])
    assert [len(run) for run in _links(frame, "agent")] == [4]
    apart = _links(frame, "agent", operation_gap_days=730)
    assert sorted(len(run) for run in apart) == [2, 2]


def test_a_lone_case_years_before_a_batch_stays_apart(tmp_path: Path) -> None:
    frame = frame_of(tmp_path, [_case(1, "2016-01-05"), _case(2, "2018-06-01", employer=OTHER),
                                _case(3, "2018-06-02", employer=OTHER),
                                _case(4, "2018-06-03", employer=OTHER)])
    links = _links(frame, "agent")
    numbers = [sorted(frame.cases[c].case_number for c in run) for run in links]
    assert numbers == [["(2021)豫0502民初2号", "(2021)豫0502民初3号", "(2021)豫0502民初4号"]]




def test_the_employers_manager_admitting_two_suits_ties_them(tmp_path: Path) -> None:
    """Two uncontested suits filed together, the same manager admitting both: a ``tie``, which
    makes a small ring of two leads reportable."""
    frame = frame_of(tmp_path, _manager_pair())
    assert _links(frame, "tie") == [sorted(frame.cases)]
    links = evidence_links(frame, [], set(frame.cases), PARAMS)
    ring = Ring("R-x", sorted(frame.cases), [lk for lk in links if lk.kind == "tie"], small=True)
    struct = structure(frame, ring)
    assert struct.coordinated_share == 1.0
    assert reportable(2, 2, 2, struct.coordinated_share, PARAMS.min_uncoordinated_cases)
    big = structure(frame, dataclasses.replace(ring, small=False))
    assert big.coordinated_share == 0.0


def test_one_lay_agent_for_two_applicants_at_one_employer_ties_their_suits(
        tmp_path: Path) -> None:
    frame = frame_of(tmp_path, [_case(1, "2021-03-01"), _case(2, "2021-03-02")])
    assert _links(frame, "tie") == [sorted(frame.cases)]


def test_no_tie_apart_in_time_contested_or_with_the_groups_own_counsel(tmp_path: Path) -> None:
    """The manager who answers suits months apart, a suit the employer fought, and two workers
    with one law firm's counsel (a group's own lawyers) are no tie."""
    apart = frame_of(tmp_path / "apart", _manager_pair(second_day="2021-09-01"))
    assert _links(apart, "tie") == []
    fought = _manager_pair()
    fought[1]["defendant_response"] = "contests"
    fought[1]["outcome"] = "denied"
    assert _links(frame_of(tmp_path / "fought", fought), "tie") == []
    counsel = _manager_pair()
    for n, case in enumerate(counsel):
        case["agents"].append({"name": f"律师{n}", "represents": [case["parties"][0]["name"]],
                               "kind": "lawyer", "law_firm": "河南某某律师事务所"})
    # the manager's tie itself: admitted_with_counsel ties such a pair only in a small ring
    # without proof (tests/queries/test_rings_small.py)
    counselled = frame_of(tmp_path / "counsel", counsel)
    assert tie_links(counselled, set(counselled.cases), PARAMS.tie_days) == []


def test_a_son_acting_for_both_parents_is_no_tie(tmp_path: Path) -> None:
    """A couple who worked at one closing firm, their son acting for both: a family suing
    together, not a person controlling two suits. Without a tie two leads stay two leads."""
    couple = [_case(1, "2021-03-01", agent="王小军"), _case(2, "2021-03-02", agent="王小军")]
    for case in couple:
        case["agents"][0].update(kind="relative", relation="系原告之子")
    frame = frame_of(tmp_path / "son", couple)
    assert _links(frame, "tie") == []
    first, second = sorted(frame.cases)
    scores = {first: CaseScore(first, rule_score=0.9), second: CaseScore(second, 0.5)}
    assert [r.cases for r in assemble(frame, [], scores, PARAMS)] == []


def test_a_relative_of_strangers_ties_their_suits(tmp_path: Path) -> None:
    """An organiser files as a "relative" (only relatives, staff and nominees may act since
    2012): one "relative" of two applicants who share neither surname nor address ties them;
    the same two at one address are a family again."""
    strangers = [_case(1, "2021-03-01", agent="王小军"), _case(2, "2021-03-02", agent="王小军")]
    for case, (name, address) in zip(strangers, [("张秀英", "安阳县吕村镇东街12号"),
                                                 ("李建国", "汤阴县城关镇西街3号")], strict=True):
        case["parties"][0].update(name=name, address=address)
        case["agents"][0].update(kind="relative", relation="系原告亲属", represents=[name])
    assert len(_links(frame_of(tmp_path / "strangers", strangers), "tie")) == 1
    for case in strangers:
        case["parties"][0]["address"] = "安阳县吕村镇东街12号"
    assert _links(frame_of(tmp_path / "household", strangers), "tie") == []


def test_one_applicants_two_suits_are_no_tie(tmp_path: Path) -> None:
    """A first instance and its retrial, the same manager answering both, are one dispute."""
    cases = _manager_pair()
    cases[1]["parties"][0].update(name="申请人1")
    cases[1]["agents"][0]["represents"] = ["申请人1"]
    assert _links(frame_of(tmp_path, cases), "tie") == []


def test_a_cluster_at_one_employer_is_judged_against_the_burst_it_was_filed_in(
        tmp_path: Path) -> None:
    """Three leads among the eight suits a workforce filed against its employer in one week are
    three leads, not a ring of three: most of the burst is not a lead."""
    frame = frame_of(tmp_path, [_case(n, f"2021-03-0{n}", agent=f"代理人{n}")
                                for n in range(1, 9)])
    ids = sorted(frame.cases, key=lambda c: frame.cases[c].props.get("filing_date") or "")
    ring = Ring("R-x", sorted([ids[0], ids[1], ids[7]]), [Link("batch", "e", ids[:2])])
    struct = structure(frame, ring)
    assert struct.burst_cases == 8
    assert reportable(3, 3, 3, 0.0, 3)
    assert not reportable(3, struct.burst_cases, 3, 0.0, 3)
    spread = structure(frame, Ring("R-y", sorted(ids[:2]), []))
    assert spread.burst_cases == 2
    assert RingStructure.from_dict(struct.to_dict()) == struct  # what the store gives back


def test_a_weaker_suit_the_same_manager_admitted_joins_the_candidates_ring(
        tmp_path: Path) -> None:
    """A suit with the screening signs only (even odds) joins a candidate's ring when the same
    manager admitted both in the same week; a weaker one, or one without the tie, does not."""
    def rings_of(frame: Frame, weak: float) -> list[list[str]]:
        first, second = sorted(frame.cases)
        scores = {first: CaseScore(first, rule_score=0.9), second: CaseScore(second, weak)}
        return [r.cases for r in assemble(frame, [], scores, PARAMS)]

    frame = frame_of(tmp_path / "tied", _manager_pair())
    assert rings_of(frame, 0.5) == [sorted(frame.cases)]
    assert rings_of(frame, 0.3) == []
    untied = _manager_pair()
    untied[1]["agents"][1]["name"] = "王会计"
    assert rings_of(frame_of(tmp_path / "untied", untied), 0.5) == []


def test_the_managers_tie_is_no_small_ring_inside_a_bigger_burst(tmp_path: Path) -> None:
    """Two suits the office manager admitted are a small ring when they are the employer's only
    suits of those days; among six the firm's staff filed that week, the same manager
    answering is the firm answering its workforce, and the tie is no coordination."""
    def assembled(frame: Frame) -> list[Ring]:
        first, second = sorted(frame.cases)[:2]
        scores = {c: CaseScore(c, rule_score=0.1) for c in frame.cases}
        scores[first] = CaseScore(first, rule_score=0.9)
        scores[second] = CaseScore(second, rule_score=0.9)
        return assemble(frame, [], scores, PARAMS)

    def tie_only(ring: Ring) -> Ring:
        return dataclasses.replace(ring, links=[lk for lk in ring.links if lk.kind == "tie"])

    [alone] = assembled(frame_of(tmp_path / "alone", _manager_pair()))
    assert alone.small and coordinated_cases(tie_only(alone)) == set(alone.cases)
    staff = _manager_pair()
    for n in range(3, 7):
        case = _case(n, f"2021-03-0{n}", agent=f"代理人{n}")
        case["agents"].append(dict(staff[0]["agents"][-1], represents=[
            case["parties"][1]["name"]]))
        staff.append(case)
    season = frame_of(tmp_path / "season", staff)
    [ring] = assembled(season)
    assert len(ring.cases) == 2 and not ring.small
    assert structure(season, ring).burst_cases == 5  # 1 to 5 March: the sixth came after
    assert coordinated_cases(tie_only(ring)) == set()


def _office_pair(office: str, kind: str = "other", second_day: str = "2021-03-05",
                 ) -> list[dict[str, Any]]:
    """Two near-retirement applicants whose suits (at an Anyang court) two workers of one
    ``office`` brought, each for one of them."""
    cases = [_case(1, "2021-03-01", agent="刘某甲"), _case(2, second_day, agent="陈某乙")]
    for n, case in enumerate(cases):
        case["agents"][0].update(kind=kind, law_firm=office, phone=f"1381234567{n}")
    return cases


FAR_OFFICE = "项城市牛屯法律服务所"  # Zhoukou prefecture, the forum is in Anyang


def test_a_distant_legal_service_office_acting_in_each_suit_ties_them(tmp_path: Path) -> None:
    """Workers of a township legal-service office 300 km from the forum, bringing two suits
    against one employer in the same week: a ``tie`` made by the office, coordination in a
    small ring; it joins a weaker suit to a candidate's ring like the manager's tie."""
    frame = frame_of(tmp_path, _office_pair(FAR_OFFICE))
    assert {a.kind for c in frame.cases.values() for a in c.agents} == {"legal_worker"}
    assert office_ties(frame, set(frame.cases), PARAMS.tie_days) == [
        Link("tie", f"office:{FAR_OFFICE}", sorted(frame.cases))]
    first, second = sorted(frame.cases)
    scores = {first: CaseScore(first, rule_score=0.9), second: CaseScore(second, 0.5)}
    [ring] = assemble(frame, [], scores, PARAMS)
    assert ring.small and coordinated_cases(ring) == set(frame.cases)
    assert {lk.kind for lk in ring.links} == {"tie", "batch"}  # a batch is no coordination
    local = frame_of(tmp_path / "local", _office_pair("安阳市文峰区宝莲寺法律服务所"))
    first, second = sorted(local.cases)
    scores = {first: CaseScore(first, rule_score=0.9), second: CaseScore(second, 0.5)}
    assert assemble(local, [], scores, PARAMS) == []


def test_a_local_office_a_law_firm_or_a_fought_suit_makes_no_office_tie(tmp_path: Path) -> None:
    """A workforce's local legal-service office, a law firm from afar (lawyers practise
    anywhere: a group's own counsel), suits months apart and a suit the employer fought are
    no tie."""
    local = frame_of(tmp_path / "local", _office_pair("安阳市文峰区宝莲寺法律服务所"))
    assert office_ties(local, set(local.cases), PARAMS.tie_days) == []
    firm = frame_of(tmp_path / "firm", _office_pair("项城市某某律师事务所", kind="lawyer"))
    assert office_ties(firm, set(firm.cases), PARAMS.tie_days) == []
    apart = frame_of(tmp_path / "apart", _office_pair(FAR_OFFICE, second_day="2021-09-01"))
    assert office_ties(apart, set(apart.cases), PARAMS.tie_days) == []
    fought = _office_pair(FAR_OFFICE)
    fought[1].update(defendant_response="contests", outcome="denied")
    fought_frame = frame_of(tmp_path / "fought", fought)
    assert office_ties(fought_frame, set(fought_frame.cases), PARAMS.tie_days) == []


def test_a_distant_offices_clients_with_proof_are_no_office_tie(tmp_path: Path) -> None:
    """Migrant workers of one county who sue a far employer through their home office, and
    claim the wages they were owed: a crew, not a recruited ring."""
    frame = frame_of(tmp_path, _office_pair(FAR_OFFICE))
    first, second = sorted(frame.cases)
    wages = [Finding("CLAIM_MONEY", c, [c], "工资", []) for c in (first, second)]
    assert not [lk for lk in evidence_links(frame, wages, set(frame.cases), PARAMS)
                if lk.via.startswith("office:")]
    assert [lk.via for lk in evidence_links(frame, [], set(frame.cases), PARAMS)
            if lk.via.startswith("office:")] == [f"office:{FAR_OFFICE}"]
    scores = {first: CaseScore(first, rule_score=0.9), second: CaseScore(second, 0.5)}
    assert assemble(frame, wages[1:], scores, PARAMS) == []


def _group_suit(n: int, day: str, members: int) -> dict[str, Any]:
    """One document for ``members`` colleagues of mixed ages, filed by one former colleague."""
    case = _case(n, day, agent="方保国")
    names = [f"职工{n}号{i}" for i in range(members)]
    worker, rest = case["parties"][0], case["parties"][1:]
    case["parties"] = [dict(worker, name=m, birth_date=f"19{60 + 5 * i}-01-02")
                       for i, m in enumerate(names)] + rest
    case["agents"][0].update(represents=names, kind="employee", relation="原单位职工")
    return case


def test_a_colleague_filing_a_workforces_group_suits_makes_no_small_ring(tmp_path: Path) -> None:
    """Two group suits of five colleagues each, filed on one day by a former colleague, are ten
    claims - a workforce choosing its representative, not a manager paid to admit two or three
    claims - so that person's tie is no coordination. Must not mitigate: two suits of two
    claimants each that one person filed stay a small ring tied whole."""
    def ring_of(frame: Frame) -> tuple[Ring, RingStructure]:
        [ring] = assemble(frame, [], {c: CaseScore(c, rule_score=0.9) for c in frame.cases},
                          PARAMS)
        return ring, structure(frame, ring)

    group = frame_of(tmp_path / "group", [_group_suit(1, "2021-03-01", 5),
                                          _group_suit(2, "2021-03-01", 5)])
    assert _links(group, "tie") == [sorted(group.cases)]
    ring, struct = ring_of(group)
    assert not ring.small and struct.applicants == 10 and struct.coordinated_share == 0.0
    pair = frame_of(tmp_path / "pair", [_group_suit(1, "2021-03-01", 2),
                                        _group_suit(2, "2021-03-01", 2)])
    ring, struct = ring_of(pair)
    assert ring.small and struct.coordinated_share == 1.0
