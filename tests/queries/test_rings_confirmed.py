"""A suit a court revoked as a sham anchors the ring of its lay agent's and employer's suits."""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import Any

from ringtrace.queries.findings import Finding
from ringtrace.queries.frame import Frame
from ringtrace.queries.model import Exposure, RingRecord, RingStructure
from ringtrace.queries.reweight import strength_terms
from ringtrace.queries.ringlinks import RingParams
from ringtrace.queries.rings import Ring, assemble, strength, structure
from ringtrace.queries.rules import load_rules
from ringtrace.queries.scoring import CaseScore
from tests.queries.redflags.helpers import frame_of
from tests.queries.ring_cases import confirmation_case as _case

PARAMS = RingParams.of(load_rules())
OTHER, THIRD = "安阳市永兴建材有限公司", "安阳市宏图商贸有限公司"


def _apart(cases: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Each applicant at their own address, each agent with their own phone."""
    for n, case in enumerate(cases, start=1):
        case["parties"][0]["address"] = f"河南省安阳市文峰区光明路{n}号"
        for agent in case["agents"]:
            agent["phone"] = f"1381234{sum(map(ord, agent['name'])) % 10000:04d}"
    return cases


def _province() -> list[dict[str, Any]]:
    revoked = _case(1, "2021-03-01", agent="刘建民")
    revoked["agents"].append({"name": "赵律师", "represents": ["申请人1"], "kind": "lawyer",
                              "law_firm": "河南安阳律师事务所"})
    fought = _case(4, "2021-06-01", agent="孙立平")
    fought.update(defendant_response="contests")
    lawyers = _case(5, "2021-05-01", agent="赵律师", employer=THIRD)
    lawyers["agents"][0].update(kind="lawyer", law_firm="河南安阳律师事务所")
    return _apart([revoked,
            _case(2, "2021-09-01", agent="陈志刚"),  # the employer's suit that season
            _case(3, "2022-02-01", agent="刘建民", employer=OTHER),  # the lay agent's
            fought,  # the employer fought it
            lawyers,  # the lawyer's other client
            _case(6, "2024-06-01", agent="周国强")])  # the employer's, three years on


def _numbers(frame: Frame, cases: list[str]) -> list[str]:
    return sorted(frame.cases[c].case_number[-4:] for c in cases)


def _rings(frame: Frame, labelled: bool) -> list[Ring]:
    ids = {frame.cases[c].case_number[-4:]: c for c in frame.cases}
    scores = {c: CaseScore(c, rule_score=0.6) for c in frame.cases}
    scores[ids["民初2号"]].rule_score = PARAMS.tie_seed_threshold  # every screening sign
    findings = []
    if labelled:
        first = ids["民初1号"]
        scores[first].rule_score = 0.999
        findings = [Finding("RETRIAL_SHAM", first, [first], "再审认定虚假诉讼")]
    return assemble(frame, findings, scores, PARAMS)


def test_the_confirmed_sham_ties_its_agents_and_employers_other_suits(tmp_path: Path) -> None:
    frame = frame_of(tmp_path, _province())
    [ring] = [r for r in _rings(frame, labelled=True) if any(lk.kind == "confirmed"
                                                            for lk in r.links)]
    assert _numbers(frame, ring.cases) == ["民初1号", "民初2号", "民初3号"]
    struct = structure(frame, ring)
    assert struct.coordinated_share == 1.0
    assert strength(struct, PARAMS) >= PARAMS.confirmed_strength


def test_without_the_courts_finding_the_employers_suit_stays_alone(tmp_path: Path) -> None:
    frame = frame_of(tmp_path, _province())
    rings = _rings(frame, labelled=False)
    assert all("民初2号" not in _numbers(frame, r.cases) for r in rings)
    assert all(lk.kind != "confirmed" for r in rings for lk in r.links)



def test_feedback_reads_an_anchored_rings_strength_as_confirmed_strength() -> None:
    """A ring that only the court's finding makes strong moves with ``confirmed_strength``
    when verdicts re-estimate the [rings] values (docs/feedback.md, step 4)."""
    struct = RingStructure(cases=3, applicants=3, employers=2, forums=1, agents=3, lay_agents=3,
                           top_agent_share=0.67, coordinated_share=1.0, batched_share=0.0,
                           link_kinds={"confirmed": 2}, burst_cases=3)
    value = strength(struct, PARAMS)
    assert value == PARAMS.confirmed_strength
    ring = RingRecord(rank=1, ring_id="R-1", score=0.9, strength=value, cases=("a", "b", "c"),
                      leads=3, reported=True, structure=struct, community=None,
                      intermediaries=(), links=(), exposure=Exposure(0.0, 0.0, ""), reasons=(),
                      rules={})
    assert strength_terms(ring, PARAMS) == {"rings.confirmed_strength": 1.0}
    plain = dataclasses.replace(struct, link_kinds={"employer": 2}, coordinated_share=0.0)
    assert strength(plain, PARAMS) < PARAMS.confirmed_strength


def _workforce_beside_a_revoked_sham() -> list[dict[str, Any]]:
    """One bought suit (a nominee's, revoked on retrial) and, that autumn, eight of the small
    firm's long-serving staff suing as it closed: hired over the years, all let go in one
    month, each with their own relative as agent (docs/domain.md §3.1, SX-ZHIJUAN: one batch
    holds both kinds)."""
    staff = []
    for n in range(2, 10):
        suit = _case(n, f"2021-09-{n:02d}", agent=f"家属{n}")
        suit["parties"][0]["birth_date"] = f"{1960 + n}-01-02"
        suit.update(claimed_start=f"{1995 + n}-03", claimed_end="2021-06")
        staff.append(suit)
    return _apart([_case(1, "2021-03-01", agent="刘建民"), *staff])


def test_the_courts_finding_does_not_make_the_employers_workforce_its_ring(
        tmp_path: Path) -> None:
    """The employer of a revoked sham ties its other suits only in a small burst: its closing
    workforce's suits that season are no more bought than they were before (rev26)."""
    frame = frame_of(tmp_path, _workforce_beside_a_revoked_sham())
    ids = {frame.cases[c].case_number[-4:]: c for c in frame.cases}
    scores = {c: CaseScore(c, rule_score=0.6) for c in frame.cases}
    first = ids["民初1号"]
    scores[first].rule_score = 0.999
    findings = [Finding("RETRIAL_SHAM", first, [first], "再审认定虚假诉讼")]
    for ring in assemble(frame, findings, scores, PARAMS):
        assert all(lk.kind != "confirmed" for lk in ring.links)
        assert strength(structure(frame, ring), PARAMS) < PARAMS.confirmed_strength
