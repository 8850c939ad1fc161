"""One lay person's tie over claims that ended apart (tied_leavings): the ``apart`` link, the
strength of the small ring it holds whole - and the closing firm's staff it leaves alone."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ringtrace.queries.findings import Finding
from ringtrace.queries.frame import Frame
from ringtrace.queries.ringlinks import RingParams
from ringtrace.queries.rings import Ring, assemble, strength, structure
from ringtrace.queries.rules import load_rules
from ringtrace.queries.scoring import CaseScore
from ringtrace.queries.tied_leavings import tied_apart
from tests.queries.redflags.helpers import frame_of
from tests.queries.ring_cases import confirmation_case, manager_pair

PARAMS = RingParams.of(load_rules())


def _ending(cases: list[dict[str, Any]], first_end: str, second_end: str
            ) -> list[dict[str, Any]]:
    for case, end in zip(cases, (first_end, second_end), strict=True):
        case["claimed_start"], case["claimed_end"] = f"{int(end[:4]) - 15}{end[4:]}", end
    return cases


def _pair(first_end: str, second_end: str) -> list[dict[str, Any]]:
    """Two strangers' suits against one firm, seven weeks apart (no batch), that the same
    community nominee filed, whose claimed jobs ended on ``first_end`` and ``second_end``."""
    cases = [confirmation_case(1, "2021-03-01", agent="刘秀兰"),
             confirmation_case(2, "2021-04-20", agent="刘秀兰")]
    for case, (name, address) in zip(cases, (("赵雅琴", "河南省项城市朝阳路78号"),
                                             ("刘桂英", "河南省周口市川汇区北王桥村10号")),
                                     strict=True):
        case["parties"][0].update(name=name, address=address)
        case["agents"][0].update(represents=[name], relation="经社区推荐")
    return _ending(cases, first_end, second_end)


def _scores(frame: Frame) -> dict[str, CaseScore]:
    """One suit that gives the purchase away (0.87), one with the screening signs only (0.43)."""
    one, two = sorted(frame.cases)
    return {one: CaseScore(one, rule_score=0.87), two: CaseScore(two, rule_score=0.43)}


def test_a_nominee_filing_for_two_who_left_years_apart_ties_a_strong_small_ring(
        tmp_path: Path) -> None:
    """Applicants who left the firm three years apart share no lay-off, yet the same
    community nominee filed for both within weeks: the ring is as strong as
    tied_apart_strength, enough for the weaker suit to be a lead beside the other."""
    frame = frame_of(tmp_path, _pair("2018-05", "2015-03"))
    [ring] = assemble(frame, [], _scores(frame), PARAMS)
    assert ring.cases == sorted(frame.cases)
    assert any(link.kind == "apart" for link in ring.links)
    struct = structure(frame, ring)
    assert tied_apart(struct, PARAMS.tie_max_cases)
    assert strength(struct, PARAMS) == PARAMS.tied_apart_strength
    untied = Ring(ring.ring_id, ring.cases, [lk for lk in ring.links if lk.kind != "apart"])
    assert strength(structure(frame, untied), PARAMS) < PARAMS.tied_apart_strength


def test_staff_who_left_together_the_firms_own_clerk_or_suits_with_proof_are_not_apart(
        tmp_path: Path) -> None:
    """Two of a closing firm's staff who left in one lay-off (ends a month apart, L2) whom
    one nominee helps are tied, but nothing more; the firm's office manager answering two old
    workers who left years apart is doing his job (no ``apart`` for an employer-side tie); a
    former co-worker (原单位职工) helping two ex-colleagues who left ten months apart is the
    workforce helping its own; nor is a pair whose suit cites records in third-party custody
    (L1)."""
    together = frame_of(tmp_path / "together", _pair("2018-05", "2018-04"))
    [ring] = assemble(together, [], _scores(together), PARAMS)
    assert not any(link.kind == "apart" for link in ring.links)
    assert not tied_apart(structure(together, ring), PARAMS.tie_max_cases)
    clerk = frame_of(tmp_path / "clerk", _ending(manager_pair(second_day="2021-04-20"),
                                                 "2018-05", "2015-03"))
    [ring] = assemble(clerk, [], _scores(clerk), PARAMS)
    assert any(link.kind == "tie" for link in ring.links)
    assert not any(link.kind == "apart" for link in ring.links)
    colleague_cases = _pair("2021-04", "2020-06")
    for case in colleague_cases:
        case["agents"][0].update(kind="employee", relation="原单位职工")
    colleague = frame_of(tmp_path / "colleague", colleague_cases)
    [ring] = assemble(colleague, [], _scores(colleague), PARAMS)
    assert any(link.kind == "tie" for link in ring.links)
    assert not any(link.kind == "apart" for link in ring.links)
    proof = frame_of(tmp_path / "proof", _pair("2018-05", "2015-03"))
    first = min(proof.cases)
    found = [Finding(PARAMS.reach.series_proof_rules[0], first, [first], "社保缴费记录")]
    for ring in assemble(proof, found, _scores(proof), PARAMS):
        assert not any(link.kind == "apart" for link in ring.links)
