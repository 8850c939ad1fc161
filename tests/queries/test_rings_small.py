"""Small rings at one employer: weak suits a lay person ties (weak_ties), a nominee acting
in contested suits (lay_agent_ties), the manager beside one firm's counsel
(admitted_with_counsel), claims cut to the pension's minimum by applicants who left apart
(pension_minimum_pairs) or mediated together (mediated_pairs), the weaker claim of such a
pair (pair_partners), claims admitted to years before the employer existed
(founding_pairs) and the strength of a tied batch (tied_batch)."""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import Any

from ringtrace.graph.records import RegistryRecord
from ringtrace.queries.findings import Finding
from ringtrace.queries.frame import Frame
from ringtrace.queries.model import RingStructure
from ringtrace.queries.pairlinks import (
    founding_pairs,
    mediated_pairs,
    pair_partners,
    pension_minimum_pairs,
)
from ringtrace.queries.ringlinks import RingParams
from ringtrace.queries.rings import assemble, coordinated_cases, strength, structure, tied_batch
from ringtrace.queries.rules import load_rules
from ringtrace.queries.scoring import CaseScore
from ringtrace.queries.ties import (
    admitted_with_counsel,
    lay_agent_ties,
    office_holder_ties,
    weak_ties,
)
from tests.queries.redflags.helpers import frame_of
from tests.queries.ring_cases import confirmation_case as _case
from tests.queries.ring_cases import manager_pair as _manager_pair

#: the pair links are off in the shipped rules since round 27 (template_rules, mediation_rules
#: empty: a legal-aid campaign's or 补缴 window's genuine pairs look the same); read here as a
#: rules file that switches them on would
PARAMS = dataclasses.replace(RingParams.of(load_rules()), template_rules=("TL_PERIOD_15Y",),
                             mediation_rules=("CLAIM_MEDIATED",))
SHIPPED = RingParams.of(load_rules())
EMPLOYER = "安阳市恒达废旧物资回收有限公司"






def _scores(frame: Frame, score: float) -> dict[str, CaseScore]:
    return {c: CaseScore(c, rule_score=score) for c in frame.cases}


def test_two_suits_with_only_the_screening_signs_one_manager_admitted_are_a_ring(
        tmp_path: Path) -> None:
    """Both suits below the tie threshold (0.43: confirmation only, no objection, near
    retirement) still join when the same manager admitted both in the same week, and the
    tied batch makes the ring as strong as tied_batch_strength."""
    frame = frame_of(tmp_path, _manager_pair())
    scores = _scores(frame, 0.43)
    assert weak_ties(frame, scores, set(), PARAMS) == set(frame.cases)
    [ring] = assemble(frame, [], scores, PARAMS)
    assert ring.cases == sorted(frame.cases) and ring.small
    struct = structure(frame, ring)
    assert tied_batch(struct, PARAMS.tie_max_cases)
    assert strength(struct, PARAMS) == PARAMS.tied_batch_strength


def test_weak_suits_with_proof_or_below_the_floor_or_untied_join_nothing(
        tmp_path: Path) -> None:
    """A dormant collective's HR head answering two archive-backed claims (proof), suits
    scoring less than the floor, and two suits that different people answered stay apart."""
    frame = frame_of(tmp_path / "tied", _manager_pair())
    first = sorted(frame.cases)[0]
    proof = [Finding(PARAMS.reach.series_proof_rules[0], first, [first], "档案")]
    assert assemble(frame, proof, _scores(frame, 0.43), PARAMS) == []
    assert assemble(frame, [], _scores(frame, 0.3), PARAMS) == []
    untied = _manager_pair()
    untied[1]["agents"][1]["name"] = "王会计"
    other = frame_of(tmp_path / "untied", untied)
    assert assemble(other, [], _scores(other, 0.43), PARAMS) == []


def test_weak_suits_inside_a_workforces_burst_join_nothing(tmp_path: Path) -> None:
    """Among six suits a closing firm's staff filed that week, the manager answering two weak
    ones is the firm answering its workforce: no small ring, so no weak tie."""
    staff = _manager_pair()
    for n in range(3, 7):
        case = _case(n, f"2021-03-0{n}", agent=f"代理人{n}")
        case["agents"].append(dict(staff[0]["agents"][-1],
                                   represents=[case["parties"][1]["name"]]))
        staff.append(case)
    frame = frame_of(tmp_path, staff)
    scores = {c: CaseScore(c, rule_score=0.1) for c in frame.cases}
    tied = sorted(frame.cases)[:2]
    for c in tied:
        scores[c] = CaseScore(c, rule_score=0.43)
    assert weak_ties(frame, scores, set(), PARAMS) == set()


def _nominee_pair(kind: str = "other", relation: str = "经社区推荐",
                  second_day: str = "2021-03-04") -> list[dict[str, Any]]:
    """Two applicants for whom one community nominee acts; the employer fought the second."""
    cases = [_case(1, "2021-03-01", agent="张淑芳"), _case(2, second_day, agent="张淑芳")]
    for case, worker, home in zip(cases, ("王秀英", "李建国"), ("光明路12号", "人民大道3号"),
                                  strict=True):
        case["parties"][0].update(name=worker, address=f"河南省安阳市文峰区{home}")
        case["agents"][0].update(kind=kind, relation=relation, represents=[worker])
    cases[1]["defendant_response"] = "contests"
    return cases


def test_a_nominee_for_two_applicants_ties_their_suits_though_one_was_contested(
        tmp_path: Path) -> None:
    frame = frame_of(tmp_path, _nominee_pair())
    [link] = lay_agent_ties(frame, set(frame.cases), PARAMS.tie_days)
    assert link.kind == "tie" and link.cases == sorted(frame.cases)
    assert link.via.startswith("worker:")


def test_no_nominee_tie_for_relatives_lawyers_uncontested_pairs_or_suits_apart(
        tmp_path: Path) -> None:
    """A relative (a family suing together, or applicants who may be one), a lawyer (a group's
    counsel), two uncontested suits (tie_links' case) and suits months apart make no such tie."""
    def ties(cases: list[dict[str, Any]], name: str) -> list[list[str]]:
        frame = frame_of(tmp_path / name, cases)
        return [lk.cases for lk in lay_agent_ties(frame, set(frame.cases), PARAMS.tie_days)]

    assert ties(_nominee_pair("relative", "系原告之子"), "relative") == []
    assert ties(_nominee_pair("lawyer", ""), "lawyer") == []
    calm = _nominee_pair()
    calm[1]["defendant_response"] = "no_objection"
    assert ties(calm, "calm") == []
    assert ties(_nominee_pair(second_day="2021-09-01"), "apart") == []
    family = _nominee_pair()  # a relative printed without the relation: one surname
    family[1]["parties"][0]["name"] = family[1]["agents"][0]["represents"][0] = "王建国"
    assert ties(family, "family") == []


def test_a_tied_batch_is_small_tied_whole_and_batched_whole() -> None:
    def struct(**kw: Any) -> RingStructure:
        base = dict(cases=2, applicants=2, employers=1, forums=1, agents=2, lay_agents=1,
                    top_agent_share=1.0, coordinated_share=1.0, batched_share=1.0,
                    link_kinds={"batch": 1, "tie": 1}, burst_cases=2)
        return RingStructure(**{**base, **kw})

    most = PARAMS.tie_max_cases
    assert tied_batch(struct(), most)
    assert not tied_batch(struct(cases=5, applicants=5, burst_cases=5), most)
    assert not tied_batch(struct(batched_share=0.5), most)
    assert not tied_batch(struct(link_kinds={"batch": 1, "agent": 1}), most)
    assert strength(struct(batched_share=0.0), PARAMS) < PARAMS.tied_batch_strength


def _counselled_pair(extra: int = 0) -> list[dict[str, Any]]:
    """The manager's pair, each worker with a lawyer of one firm; ``extra`` colleagues with the
    same firm filed in the same days, the manager answering them too."""
    cases = _manager_pair()
    for n in range(3, 3 + extra):
        case = _case(n, f"2021-03-0{n}", agent=f"代理人{n}")
        case["agents"].append(dict(cases[0]["agents"][-1],
                                   represents=[case["parties"][1]["name"]]))
        cases.append(case)
    for n, case in enumerate(cases):
        case["agents"].append({"name": f"律师{n}", "represents": [case["parties"][0]["name"]],
                               "kind": "lawyer", "law_firm": "河南方圆律师事务所"})
    return cases


def test_the_manager_admitting_two_suits_ties_them_though_one_firm_drafted_both(
        tmp_path: Path) -> None:
    frame = frame_of(tmp_path, _counselled_pair())
    [link] = admitted_with_counsel(frame, set(frame.cases), PARAMS.tie_days,
                                   PARAMS.tie_max_cases, PARAMS.separate_leavings_days)
    assert link.kind == "tie" and link.cases == sorted(frame.cases)
    assert link.via.startswith("employer:")


def test_the_manager_ties_no_copy_whose_filing_day_is_unknown(tmp_path: Path) -> None:
    """The manager's tie is "admitted two suits filed that week": a copy printing no date at
    all (a repost without its header) shows no week and is tied to nothing (review25)."""
    pair = _counselled_pair()
    for key in ("filing_date", "decision_date"):
        pair[1].pop(key)
    frame = frame_of(tmp_path, pair)
    assert admitted_with_counsel(frame, set(frame.cases), PARAMS.tie_days,
                                 PARAMS.tie_max_cases, PARAMS.separate_leavings_days) == []


def test_a_workforce_with_its_own_counsel_or_proof_is_not_tied_by_its_manager(
        tmp_path: Path) -> None:
    """Six colleagues whose firm's lawyers act for all and whose manager answers all are a
    workforce with its own counsel; two suits with proof are left out by the callers."""
    staff = frame_of(tmp_path / "staff", _counselled_pair(extra=4))
    assert admitted_with_counsel(staff, set(staff.cases), PARAMS.tie_days,
                                 PARAMS.tie_max_cases, PARAMS.separate_leavings_days) == []
    pair = frame_of(tmp_path / "proof", _counselled_pair())
    first = sorted(pair.cases)[0]
    proof = [Finding(PARAMS.reach.series_proof_rules[0], first, [first], "档案")]
    scores = {c: CaseScore(c, rule_score=0.9) for c in pair.cases}
    rings = assemble(pair, proof, scores, PARAMS)
    assert all(lk.kind != "tie" for ring in rings for lk in ring.links)


def test_a_small_firms_staff_laid_off_together_is_not_tied_by_the_manager_who_closes_it(
        tmp_path: Path) -> None:
    """Three long-serving staff of a closing firm, hired over the years and let go within
    weeks of each other, sue with one firm's lawyer and the manager winding it up admits all
    three: a workforce, no tie. The same three claims ending years apart (each buyer's own
    story), or one template period for all, are the manager's admissions."""
    def trio(periods: list[tuple[str, str]]) -> list[dict[str, Any]]:
        cases = _counselled_pair(extra=1)
        for case, (start, end) in zip(cases, periods, strict=True):
            case["claimed_start"], case["claimed_end"] = start, end
        return cases

    def tied(name: str, periods: list[tuple[str, str]]) -> list[list[str]]:
        frame = frame_of(tmp_path / name, trio(periods))
        return [lk.cases for lk in admitted_with_counsel(
            frame, set(frame.cases), PARAMS.tie_days, PARAMS.tie_max_cases,
            PARAMS.separate_leavings_days)]

    assert tied("closure", [("1998-04", "2021-01"), ("2003-09", "2021-02-15"),
                            ("2006-03", "2021-03")]) == []
    assert len(tied("apart", [("1998-04", "2013-04"), ("2003-09", "2018-09"),
                              ("2006-03", "2021-03")])) == 1
    assert len(tied("template", [("2003-01", "2018-05")] * 3)) == 1


def _masked_manager(masked: int) -> list[dict[str, Any]]:
    """The manager's pair, and ``masked`` more suits of the same week in which the employer's
    agent is printed ``***`` (the same office, the name masked)."""
    cases = _manager_pair()
    for n in range(3, 3 + masked):
        case = _case(n, f"2021-03-0{n}", agent=f"代理人{n}")
        case["agents"].append({"name": "***", "represents": [case["parties"][1]["name"]],
                               "kind": "employee", "relation": "该公司办公室主任"})
        cases.append(case)
    for n, case in enumerate(cases):  # each worker's own agent, no shared phone
        case["agents"][0]["phone"] = f"1391234{n:04d}"
    return cases


def test_a_masked_manager_joined_by_resolution_ties_a_small_ring_and_no_workforce(
        tmp_path: Path) -> None:
    """Resolution joins a fully masked employer-side line to the only regular on the
    employer's side that season (``masked_agent_same_side``), so the manager answers the
    masked suit too (review25). In a small ring that is the manager's third admission and ties
    it; among a workforce's six suits of the week the same join ties nothing (:func:`_small`):
    no weak suit is brought in, no ring is small, a tie is no coordination there, and the
    manager beside one firm's lawyers ties nothing either."""
    small = frame_of(tmp_path / "small", _masked_manager(1))
    manager = {a.id for c in small.cases.values() for a in c.agents if a.side == "employer"}
    assert len(manager) == 1  # the masked line is the manager
    scores = _scores(small, 0.43)
    assert weak_ties(small, scores, set(), PARAMS) == set(small.cases)
    [ring] = assemble(small, [], scores, PARAMS)
    assert ring.small and tied_batch(structure(small, ring), PARAMS.tie_max_cases)

    staff = _masked_manager(4)
    for n, case in enumerate(staff):
        case["agents"].append({"name": f"律师{n}", "represents": [case["parties"][0]["name"]],
                               "kind": "lawyer", "law_firm": "河南方圆律师事务所"})
    burst = frame_of(tmp_path / "burst", staff)
    assert len({a.id for c in burst.cases.values() for a in c.agents
                if a.side == "employer"}) == 1
    assert weak_ties(burst, _scores(burst, 0.43), set(), PARAMS) == set()
    assert admitted_with_counsel(burst, set(burst.cases), PARAMS.tie_days, PARAMS.tie_max_cases,
                                 PARAMS.separate_leavings_days) == []
    for ring in assemble(burst, [], _scores(burst, 0.7), PARAMS):
        assert not ring.small and coordinated_cases(ring) == set()
        assert not tied_batch(structure(burst, ring), PARAMS.tie_max_cases)


def _office_pair(first: str, second: str, relation: str = "该公司人事部门负责人",
                 ) -> list[dict[str, Any]]:
    """The manager's pair with the employer's agents printed as ``first`` and ``second``."""
    cases = _manager_pair()
    for case, name in zip(cases, [first, second], strict=True):
        case["agents"][-1].update(name=name, relation=relation)
        case["agents"][-1].pop("birth_date")
    return cases


def _holder_ties(tmp_path: Path, cases: list[dict[str, Any]]) -> list[list[str]]:
    frame = frame_of(tmp_path, cases)
    return [lk.cases for lk in office_holder_ties(frame, set(frame.cases), PARAMS.tie_days)]


def test_a_masked_head_of_personnel_is_the_named_one_of_the_same_week(tmp_path: Path) -> None:
    """The firm's 人事部门负责人 printed "**" in one copy and 王静 in the other that week."""
    [tied] = _holder_ties(tmp_path, _office_pair("王静", "**"))
    assert len(tied) == 2


def test_no_office_tie_for_staff_two_named_holders_or_an_unfitting_mask(
        tmp_path: Path) -> None:
    """A plain employee is no office; two names are two people (tie_links joins one name);
    a mask that does not fit the name is someone else."""
    assert _holder_ties(tmp_path / "staff", _office_pair("王静", "**", "该公司员工")) == []
    assert _holder_ties(tmp_path / "named", _office_pair("王静", "李娜")) == []
    assert _holder_ties(tmp_path / "unfit", _office_pair("王静", "李*")) == []


def _pension_pair(ends: tuple[str, str] = ("2009-07", "2016-11"),
                  days: tuple[str, str] = ("2021-03-01", "2021-03-03"),
                  colleagues: int = 0) -> list[dict[str, Any]]:
    """Two applicants, each with their own agent, claiming fifteen years that ended at
    ``ends``, filed on ``days``; ``colleagues`` more suits against the employer that week."""
    cases = []
    for n, (end, day) in enumerate(zip(ends, days, strict=True), start=1):
        case = _case(n, day, agent=f"代理人{n}")
        case["claimed_start"], case["claimed_end"] = f"{int(end[:4]) - 15}{end[4:]}", end
        cases.append(case)
    cases += [_case(n, "2021-03-02", agent=f"代理人{n}") for n in range(3, 3 + colleagues)]
    return cases


def _template_links(tmp_path: Path, cases: list[dict[str, Any]], flagged: int = 2,
                    registry: list[RegistryRecord] = (),  # type: ignore[assignment]
                    host: bool = False) -> list[list[str]]:
    frame = frame_of(tmp_path, cases, registry)
    ids = sorted(frame.cases)
    findings = [Finding(PARAMS.template_rules[0], c, [c], "约15年") for c in ids[:flagged]]
    if host:  # the registry's type names a typical host (P13)
        employer = frame.cases[ids[0]].employers[0].id
        findings.append(Finding(PARAMS.wound_up_host_rules[0], employer, ids, "煤矿"))
    return [lk.cases for lk in pension_minimum_pairs(frame, findings, set(ids), PARAMS)]


def _wound_up_pair(name: str, liquidator: bool = False) -> list[dict[str, Any]]:
    """The pension pair (filed March 2021) against ``name``, its manager answering - or, with
    ``liquidator``, a member of its 清算组."""
    cases = _pension_pair()
    for case in cases:
        case["parties"][1]["name"] = name
        case["agents"].append({"name": "赵建华", "represents": [name], "kind": "employee",
                               "relation": "该厂清算组成员" if liquidator else "该厂厂长"})
    return cases


def _enterprise(name: str, kind: str = "集体所有制", founded: str = "1978-05-01",
                cancelled: str | None = "2021-09-30") -> list[RegistryRecord]:
    return [RegistryRecord(name=name, company_type=kind, founded=founded, insured_headcount=0,
                           status="注销" if cancelled else "存续", cancel_date=cancelled)]


def test_an_old_collective_wound_up_as_its_former_workers_sued_ties_no_template_pair(
        tmp_path: Path) -> None:
    """A collective founded in 1978 and cancelled six months after the suits, or whose
    清算组 answered them: its liquidation called in workers who left years apart (企业破产法
    art. 48), a common event for the week - no ``template`` link (review25)."""
    plant = "安阳市第二纺织厂"
    assert _template_links(tmp_path / "cancelled", _wound_up_pair(plant),
                           registry=_enterprise(plant)) == []
    assert _template_links(tmp_path / "liquidator", _wound_up_pair(plant, liquidator=True),
                           registry=_enterprise(plant, cancelled=None)) == []
    assert _template_links(tmp_path / "state", _wound_up_pair(plant),
                           registry=_enterprise(plant, kind="全民所有制")) == []


def test_a_city_named_with_a_township_mark_is_no_township(tmp_path: Path) -> None:
    """新乡市 and 镇江市 carry 乡 and 镇 in the city's name: their old collectives wound up are
    excused like any other, while a township firm of 新乡县 is still one (rev26)."""
    for n, plant in enumerate(("新乡市第一棉纺厂", "镇江市第二农机厂")):
        assert _template_links(tmp_path / str(n), _wound_up_pair(plant),
                               registry=_enterprise(plant)) == [], plant
    township = "新乡县七里营镇农机修造厂"
    assert len(_template_links(tmp_path / "township", _wound_up_pair(township),
                               registry=_enterprise(township))) == 1


def test_a_township_firm_a_typical_host_a_young_or_long_closed_firm_stays_a_template_pair(
        tmp_path: Path) -> None:
    """Township collectives host real rings (P13), and so does a closing mine (SPP-2024-04);
    a firm of a few years, a private firm, or a collective cancelled years before the suits
    (or still running, no liquidator answering) shows no winding-up that explains the week."""
    township = "安阳县吕村镇农机修造厂"
    assert len(_template_links(tmp_path / "township", _wound_up_pair(township, liquidator=True),
                               registry=_enterprise(township))) == 1
    plant = "安阳市第二纺织厂"
    assert len(_template_links(tmp_path / "host", _wound_up_pair(plant), host=True,
                               registry=_enterprise(plant))) == 1
    for name, registry in [
            ("young", _enterprise(plant, founded="2008-03-01")),
            ("private", _enterprise(plant, kind="有限责任公司（自然人投资或控股）")),
            ("long_closed", _enterprise(plant, cancelled="2012-04-30")),
            ("running", _enterprise(plant, cancelled=None))]:
        assert len(_template_links(tmp_path / name, _wound_up_pair(plant),
                                   registry=registry)) == 1, name


def test_two_fifteen_year_claims_that_ended_years_apart_filed_one_week_are_a_small_ring(
        tmp_path: Path) -> None:
    """Two people who left the firm seven years apart each claim the pension's fifteen years
    in the same week: a ``template`` link, coordination in their small ring."""
    frame = frame_of(tmp_path, _pension_pair())
    ids = sorted(frame.cases)
    findings = [Finding(PARAMS.template_rules[0], c, [c], "约15年") for c in ids]
    [link] = pension_minimum_pairs(frame, findings, set(ids), PARAMS)
    assert link.kind == "template" and link.cases == ids
    scores = {c: CaseScore(c, rule_score=0.7) for c in ids}
    [ring] = assemble(frame, findings, scores, PARAMS)
    assert ring.small and coordinated_cases(ring) == set(ids)


def test_no_template_link_for_a_lay_off_suits_apart_a_big_burst_or_other_periods(
        tmp_path: Path) -> None:
    """Colleagues laid off together, suits a month apart, one among a workforce's burst, or a
    claim that is not the pension's minimum tie nothing."""
    assert _template_links(tmp_path / "together", _pension_pair(("2016-09", "2016-11"))) == []
    assert _template_links(tmp_path / "apart", _pension_pair(
        days=("2021-03-01", "2021-04-01"))) == []
    assert _template_links(tmp_path / "burst", _pension_pair(colleagues=3)) == []
    assert _template_links(tmp_path / "other", _pension_pair(), flagged=1) == []
    unknown = _pension_pair()
    unknown[1]["claimed_end"] = None
    assert _template_links(tmp_path / "unknown", unknown) == []
    undated = _pension_pair()
    for key in ("filing_date", "decision_date"):
        undated[1].pop(key)
    assert _template_links(tmp_path / "undated", undated) == []


def test_one_applicants_two_copies_are_one_claim_for_the_template_link(tmp_path: Path) -> None:
    """A second copy of one applicant's suit (its appeal) neither makes a pair alone nor
    spoils the pair it belongs to."""
    pair = _pension_pair()
    copy = dict(pair[1], case_number="(2021)豫05民终9号", agents=[
        dict(a, represents=list(a["represents"])) for a in pair[1]["agents"]])
    assert len(_template_links(tmp_path / "pair", [*pair, copy], flagged=3)) == 1
    assert _template_links(tmp_path / "alone", [pair[1], copy]) == []


def test_a_masked_copy_is_the_same_claim_though_its_worker_stayed_apart(tmp_path: Path) -> None:
    """A repost printing the applicant's name masked (申***) leaves resolution two workers of
    one birth date; by its dispute - the same period, the same birth date, a name that fits -
    it is the same claim (review25), so it neither spoils the pair nor makes one with its
    original. A namesake's claim of the same period under another name is another claim."""
    pair = _pension_pair()
    copy = dict(pair[1], case_number="(2021)豫0502民初9号",
                parties=[dict(pair[1]["parties"][0], name="申***"), pair[1]["parties"][1]],
                agents=[dict(pair[1]["agents"][0], represents=["申***"])])
    frame = frame_of(tmp_path / "ids", [*pair, copy])
    assert len({w.id for c in frame.cases.values() for w in c.workers}) == 3
    assert len(_template_links(tmp_path / "pair", [*pair, copy], flagged=3)) == 1
    assert _template_links(tmp_path / "alone", [pair[1], copy]) == []
    other = dict(copy, parties=[dict(copy["parties"][0], name="王秀兰"), copy["parties"][1]],
                 agents=[dict(copy["agents"][0], represents=["王秀兰"])])
    assert _template_links(tmp_path / "namesake", [pair[1], other]) == []

def test_a_weak_default_award_beside_a_candidate_of_the_same_template_joins_its_ring(
        tmp_path: Path) -> None:
    """Two fifteen-year claims that ended five years apart, decided the same day: the one an
    admitted candidate, the other a default award showing little but the screening signs
    (0.45). The pair is the evidence, so the weak claim joins and the two are one small ring;
    its copy printing only the decision is compared with the other's decision."""
    pair = _pension_pair(ends=("2010-12", "2015-12"), days=("2023-06-28", "2023-07-24"))
    pair[0]["decision_date"] = "2023-07-24"
    pair[1].pop("filing_date")
    frame = frame_of(tmp_path, pair)
    ids = sorted(frame.cases)
    findings = [Finding(PARAMS.template_rules[0], c, [c], "约15年") for c in ids]
    scores = {ids[0]: CaseScore(ids[0], rule_score=0.7), ids[1]: CaseScore(ids[1], rule_score=0.45)}
    assert pair_partners(frame, findings, scores, {ids[0]}, PARAMS) == {ids[1]}
    [ring] = assemble(frame, findings, scores, PARAMS)
    assert ring.cases == ids and ring.small
    assert {lk.kind for lk in ring.links} >= {"template"}


def test_no_weak_template_partner_for_a_lay_off_proof_a_lone_pair_or_a_burst(
        tmp_path: Path) -> None:
    """A closing firm's staff who left together, a weak claim with proof (records in
    third-party custody), two weak claims with no candidate beside them, and a weak claim
    among a workforce's burst that week join nothing."""
    def partners(name: str, cases: list[dict[str, Any]], first: float = 0.7,
                 proof: bool = False) -> set[str]:
        frame = frame_of(tmp_path / name, cases)
        ids = sorted(frame.cases)
        findings = [Finding(PARAMS.template_rules[0], c, [c], "约15年") for c in ids[:2]]
        scores = {c: CaseScore(c, rule_score=0.45) for c in ids}
        scores[ids[0]] = CaseScore(ids[0], rule_score=first)
        candidates = {c for c in ids if scores[c].rule_score >= PARAMS.seed_threshold}
        proven = {ids[1]} if proof else set()
        return pair_partners(frame, findings, scores, candidates, PARAMS, proven)

    assert partners("pair", _pension_pair()) != set()
    assert partners("together", _pension_pair(("2016-09", "2016-11"))) == set()
    assert partners("proof", _pension_pair(), proof=True) == set()
    assert partners("lone", _pension_pair(), first=0.45) == set()
    assert partners("burst", _pension_pair(colleagues=3)) == set()


def _mediated_links(tmp_path: Path, cases: list[dict[str, Any]], flagged: int = 2,
                    registry: list[RegistryRecord] = (),  # type: ignore[assignment]
                    ) -> list[list[str]]:
    frame = frame_of(tmp_path, cases, registry)
    ids = sorted(frame.cases)
    findings = [Finding(PARAMS.mediation_rules[0], c, [c], "调解书") for c in ids[:flagged]]
    return [lk.cases for lk in mediated_pairs(frame, findings, set(ids), PARAMS)]


def _mediated_pair(ends: tuple[str, str] = ("2007-12", "2011-03"),
                   decided: tuple[str, str] = ("2015-04-10", "2015-04-10"),
                   colleagues: int = 0) -> list[dict[str, Any]]:
    """Two applicants filing the same day whose suits a commission mediated on ``decided``;
    their claims (thirteen and fifteen years) ended at ``ends``."""
    cases = _pension_pair(ends, ("2015-03-27", "2015-03-27"))
    cases[0]["claimed_start"] = "1998-03"
    for case, day in zip(cases, decided, strict=True):
        case.update(document_type="调解书", outcome="mediated", decision_date=day)
    return cases + [_case(n, "2015-03-27", agent=f"代理人{n}") for n in range(3, 3 + colleagues)]


def test_suits_filed_together_and_mediated_in_one_session_by_applicants_who_left_apart(
        tmp_path: Path) -> None:
    """Two applicants who left a grain depot three years apart file the same day and settle in
    one session: a ``mediated`` link, and the weaker suit (0.5, a thirteen-year claim) joins
    its pair's ring."""
    assert len(_mediated_links(tmp_path / "pair", _mediated_pair())) == 1
    frame = frame_of(tmp_path / "ring", _mediated_pair())
    ids = sorted(frame.cases)
    findings = [Finding(PARAMS.mediation_rules[0], c, [c], "调解书") for c in ids]
    scores = {ids[0]: CaseScore(ids[0], rule_score=0.5), ids[1]: CaseScore(ids[1], rule_score=0.8)}
    assert pair_partners(frame, findings, scores, {ids[1]}, PARAMS) == {ids[0]}
    [ring] = assemble(frame, findings, scores, PARAMS)
    assert ring.cases == ids and ring.small and coordinated_cases(ring) == set(ids)


def test_no_mediated_link_for_a_lay_off_two_sessions_a_burst_or_a_judgment(
        tmp_path: Path) -> None:
    """A closing firm's staff who left together and settle in one session, suits settled on
    different days, one pair among a workforce's burst that week, and a suit that was judged
    rather than mediated tie nothing."""
    assert _mediated_links(tmp_path / "together", _mediated_pair(("2016-09", "2016-11"))) == []
    assert _mediated_links(tmp_path / "sessions", _mediated_pair(
        decided=("2015-04-10", "2015-04-24"))) == []
    assert _mediated_links(tmp_path / "burst", _mediated_pair(colleagues=3)) == []
    assert _mediated_links(tmp_path / "judged", _mediated_pair(), flagged=1) == []


def test_an_old_enterprise_wound_up_settling_with_workers_who_left_apart_ties_no_pair(
        tmp_path: Path) -> None:
    """A state factory founded in 1970 and cancelled the next year settles in one session
    with two former workers who left it three years apart: its liquidation is the common
    event, no ``mediated`` link. A township factory in the same position stays linked (P13),
    and a masked repost of one applicant's suit is the same claim."""
    def pair(name: str) -> list[dict[str, Any]]:
        cases = _mediated_pair()
        for case in cases:
            case["parties"][1]["name"] = name
            case["agents"][0]["phone"] = None
        return cases

    plant, township = "安阳市第三机械厂", "安阳县吕村镇农机修造厂"
    assert _mediated_links(tmp_path / "plant", pair(plant), registry=_enterprise(
        plant, kind="全民所有制", founded="1970-01-01", cancelled="2016-02-01")) == []
    assert len(_mediated_links(tmp_path / "township", pair(township), registry=_enterprise(
        township, founded="1970-01-01", cancelled="2016-02-01"))) == 1
    cases = _mediated_pair()
    copy = dict(cases[1], case_number="(2015)豫0502民初9号",
                parties=[dict(cases[1]["parties"][0], name="申***"), cases[1]["parties"][1]],
                agents=[dict(cases[1]["agents"][0], represents=["申***"])])
    assert len(_mediated_links(tmp_path / "copy", [*cases, copy], flagged=3)) == 1


def test_a_dormant_collectives_archive_backed_pair_settled_together_is_no_ring(
        tmp_path: Path) -> None:
    """Two old workers of a dormant collective who left it years apart, admitted from its
    archives (records in third-party custody) and mediated in one session: the callers leave
    suits with proof out, so no ``mediated`` link joins them and the weaker suit stays out."""
    frame = frame_of(tmp_path, _mediated_pair())
    ids = sorted(frame.cases)
    findings = [Finding(PARAMS.mediation_rules[0], c, [c], "调解书") for c in ids]
    findings += [Finding(PARAMS.reach.series_proof_rules[0], c, [c], "职工档案") for c in ids]
    scores = {ids[0]: CaseScore(ids[0], rule_score=0.5), ids[1]: CaseScore(ids[1], rule_score=0.8)}
    assert assemble(frame, findings, scores, PARAMS) == []


def test_no_mediated_link_for_suits_filed_months_apart_and_settled_in_one_sitting(
        tmp_path: Path) -> None:
    """A commission mediates an employer's pending suits in one sitting whenever they were
    filed: two suits whose copies print filings three months apart were not brought together,
    and the sitting alone ties nothing (rev26)."""
    cases = _mediated_pair()
    cases[0]["filing_date"] = "2014-12-26"
    assert _mediated_links(tmp_path, cases) == []


def _founding_links(tmp_path: Path, cases: list[dict[str, Any]],
                    flagged: int = 2) -> list[list[str]]:
    """The ``founding`` links of ``cases`` when the first ``flagged`` claim a start before the
    employer was founded (``EMP_START_BEFORE_FOUNDING``)."""
    frame = frame_of(tmp_path, cases)
    ids = sorted(frame.cases)
    findings = [Finding(PARAMS.employer_anchored_rules[0], c, [c], "早于成立") for c in ids[:flagged]]
    return [lk.cases for lk in founding_pairs(frame, findings, set(ids), PARAMS)]


def test_two_claims_admitted_to_before_the_founding_filed_one_week_are_a_small_ring(
        tmp_path: Path) -> None:
    """The employer admits, in two suits of one week, two applicants' employment from years
    before it existed: a ``founding`` link, coordination in their small ring - two leads
    that only filed together would be no ring."""
    cases = [_case(1, "2021-03-01", agent="代理人1"), _case(2, "2021-03-03", agent="代理人2")]
    frame = frame_of(tmp_path / "ring", cases)
    ids = sorted(frame.cases)
    findings = [Finding(PARAMS.employer_anchored_rules[0], c, [c], "早于成立") for c in ids]
    [link] = founding_pairs(frame, findings, set(ids), PARAMS)
    assert link.kind == "founding" and link.cases == ids
    [ring] = assemble(frame, findings, {c: CaseScore(c, rule_score=0.8) for c in ids}, PARAMS)
    assert ring.small and coordinated_cases(ring) == set(ids)


def test_no_founding_link_for_one_such_claim_a_contest_weeks_apart_or_a_big_burst(
        tmp_path: Path) -> None:
    """One claim before the founding, a contested one, suits a month apart, or two among a
    workforce's burst tie nothing."""
    def pair(second_day: str = "2021-03-03") -> list[dict[str, Any]]:
        return [_case(1, "2021-03-01", agent="代理人1"), _case(2, second_day, agent="代理人2")]

    assert _founding_links(tmp_path / "one", pair(), flagged=1) == []
    contested = pair()
    contested[1]["defendant_response"] = "contests"
    assert _founding_links(tmp_path / "contested", contested) == []
    assert _founding_links(tmp_path / "apart", pair("2021-04-01")) == []
    burst = pair() + [_case(n, "2021-03-02", agent=f"代理人{n}") for n in range(3, 6)]
    assert _founding_links(tmp_path / "burst", burst) == []


def test_a_masked_repost_is_no_second_claim_admitted_to_before_the_founding(
        tmp_path: Path) -> None:
    """One applicant's suit and a repost printing the name masked (申***), which resolution
    leaves apart from its original (the mask fits a co-worker who sued that week too): one
    dispute, one admission - no ``founding`` pair (review26 on blind26). With the co-worker's
    claim also admitted to before the founding, the pair stands."""
    suit, other = _case(1, "2021-03-01", agent="代理人1"), _case(2, "2021-03-03", agent="代理人2")
    copy = dict(suit, case_number="(2021)豫0502民初9号",
                parties=[dict(suit["parties"][0], name="申***"), suit["parties"][1]],
                agents=[dict(suit["agents"][0], represents=["申***"])])
    frame = frame_of(tmp_path, [suit, other, copy])
    assert len({w.id for c in frame.cases.values() for w in c.workers}) == 3
    ids = {frame.cases[c].case_number: c for c in frame.cases}

    def links(numbers: list[str]) -> list[list[str]]:
        findings = [Finding(PARAMS.employer_anchored_rules[0], ids[n], [ids[n]], "早于成立")
                    for n in numbers]
        return [lk.cases for lk in founding_pairs(frame, findings, set(frame.cases), PARAMS)]

    assert links(["(2021)豫0502民初1号", "(2021)豫0502民初9号"]) == []
    assert len(links(["(2021)豫0502民初1号", "(2021)豫0502民初2号", "(2021)豫0502民初9号"])) == 1


def _aided(frame: Frame, ids: list[str], which: int) -> list[Finding]:
    """``AGENT_LEGAL_AID`` on the first ``which`` of ``ids``: counsel a legal-aid centre assigned."""
    return [Finding(PARAMS.aided_rules[0], c, [c], "法律援助") for c in ids[:which]]


def test_a_pair_that_legal_aid_assigned_counsel_to_ties_nothing(tmp_path: Path) -> None:
    """A legal-aid campaign or a county's 补缴 window brings a small firm's former workers to
    the centre in one week; its lawyer files their suits on one template and the forum settles
    them in one session. The centre checked each applicant's means and claim (E6): the week,
    the wording and the session are its intake's, and tie nothing. With one suit aided and
    the other not, the pair still ties."""
    def links(name: str, cases: list[dict[str, Any]], make: Any, rule: str, which: int
              ) -> list[list[str]]:
        frame = frame_of(tmp_path / name, cases)
        ids = sorted(frame.cases)
        findings = [Finding(rule, c, [c], "x") for c in ids] + _aided(frame, ids, which)
        return [lk.cases for lk in make(frame, findings, set(ids), PARAMS)]

    founding = [_case(1, "2021-03-01", agent="代理人1"), _case(2, "2021-03-03", agent="代理人2")]
    for kind, cases, make, rule in (
            ("template", _pension_pair(), pension_minimum_pairs, PARAMS.template_rules[0]),
            ("mediated", _mediated_pair(), mediated_pairs, PARAMS.mediation_rules[0]),
            ("founding", founding, founding_pairs, PARAMS.employer_anchored_rules[0])):
        assert links(f"{kind}-aided", cases, make, rule, 2) == [], kind
        assert len(links(f"{kind}-one", cases, make, rule, 1)) == 1, kind
        assert len(links(f"{kind}-none", cases, make, rule, 0)) == 1, kind


def test_the_manager_ties_no_pair_whose_counsel_the_legal_aid_centre_assigned(
        tmp_path: Path) -> None:
    """A scheme may hire a lawyer as readily as a nominee, but a legal-aid lawyer is assigned
    by the centre, which checked each applicant's claim (E6): two former workers of a small
    firm the centre took in one week, answered by the firm's one clerk, are its intake. With
    one suit's counsel hired and the other's assigned, the manager's tie stands."""
    def aided(cases: list[dict[str, Any]], which: int) -> list[dict[str, Any]]:
        for case in cases[:which]:
            case["agents"] = [dict(a, kind="legal_aid", law_firm="安阳市文峰区法律援助中心")
                              if a.get("kind") == "lawyer" else a for a in case["agents"]]
        return cases

    both = frame_of(tmp_path / "both", aided(_counselled_pair(), 2))
    assigned = set(both.cases)  # the AGENT_LEGAL_AID findings (aided_rules) name both
    assert admitted_with_counsel(both, set(both.cases), PARAMS.tie_days,
                                 PARAMS.tie_max_cases, PARAMS.separate_leavings_days,
                                 assigned) == []
    assert len(admitted_with_counsel(both, set(both.cases), PARAMS.tie_days,
                                     PARAMS.tie_max_cases, PARAMS.separate_leavings_days,
                                     set(sorted(both.cases)[:1]))) == 1


def test_the_shipped_rules_make_no_template_or_mediated_pair(tmp_path: Path) -> None:
    """Two people who left the firm years apart, each claiming the pension's fifteen years in
    the same week and mediated in one session: with the shipped rules neither a template nor
    a mediated link ties them (each stays a lead on its own signs: a legal-aid campaign's or a
    补缴 window's genuine pairs look the same); a rules file naming the findings ties them."""
    frame = frame_of(tmp_path, _pension_pair())
    ids = sorted(frame.cases)
    findings = [Finding(rule, c, [c], "") for c in ids
                for rule in ("TL_PERIOD_15Y", "CLAIM_MEDIATED")]
    assert pension_minimum_pairs(frame, findings, set(ids), SHIPPED) == []
    assert mediated_pairs(frame, findings, set(ids), SHIPPED) == []
    [link] = pension_minimum_pairs(frame, findings, set(ids), PARAMS)
    assert link.kind == "template"
