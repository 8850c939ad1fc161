"""One lay nominee's suits at several employers (nominee_reach): the run they tie, the weaker
suit it joins beside a candidate, the strength of the small ring it holds - and the
look-alikes it leaves alone (a relative acting for a family, one employer's workforce, a
contested suit, suits with proof)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ringtrace.queries.findings import Finding
from ringtrace.queries.frame import Frame
from ringtrace.queries.nominee_reach import reach_bounds, reach_links, reach_partners, reach_tied
from ringtrace.queries.ringlinks import RingParams
from ringtrace.queries.rings import assemble, strength, structure
from ringtrace.queries.rules import load_rules
from ringtrace.queries.scoring import CaseScore
from tests.queries.redflags.helpers import frame_of
from tests.queries.ring_cases import confirmation_case

PARAMS = RingParams.of(load_rules())
HOSTS = ("安阳市恒达废旧物资回收有限公司", "洛阳市龙安矿业有限责任公司")
APPLICANTS = (("李金花", "河南省洛阳市洛龙区长江路200号"), ("张保国", "河南省林州市城关镇董庄村201号"))


def _nominee_pair(*, employers: tuple[str, str] = HOSTS,
                  applicants: tuple[tuple[str, str], ...] = APPLICANTS,
                  kind: str = "other", relation: str | None = "经村民委员会推荐",
                  second_day: str = "2022-07-04") -> list[dict[str, Any]]:
    """Two near-retirement applicants' uncontested suits, three weeks apart, against
    ``employers``, in each of which the same citizen 郭长河 acts for the worker."""
    cases = []
    for n, (employer, (name, address), day) in enumerate(
            zip(employers, applicants, ("2022-06-13", second_day), strict=True), start=1):
        case = confirmation_case(n, day, agent="郭长河", employer=employer)
        case["parties"][0].update(name=name, address=address)
        case["agents"][0].update(represents=[name], kind=kind, relation=relation,
                                 birth_date="1968-12-13")
        cases.append(case)
    return cases


def _scores(frame: Frame, first: float, second: float) -> dict[str, CaseScore]:
    one, two = sorted(frame.cases)
    return {one: CaseScore(one, rule_score=first), two: CaseScore(two, rule_score=second)}


def test_one_nominee_at_two_employers_ties_a_small_ring_and_joins_its_weaker_suit(
        tmp_path: Path) -> None:
    """A candidate (0.87) and a suit with only the screening signs (0.43) that the same
    village nominee brought for a stranger against another firm three weeks later: the weaker
    suit joins, the two are one ring, and the reach makes it as strong as
    nominee_reach_strength - so that the weaker suit can be a lead beside the other."""
    frame = frame_of(tmp_path, _nominee_pair())
    scores = _scores(frame, 0.87, 0.43)
    strong = {c for c, s in scores.items() if s.rule_score >= PARAMS.seed_threshold}
    assert reach_partners(frame, scores, strong, set(), reach_bounds(PARAMS)) == set(
        frame.cases) - strong
    [link] = reach_links(frame, set(frame.cases), reach_bounds(PARAMS))
    assert link.kind == "reach" and link.cases == sorted(frame.cases)
    [ring] = assemble(frame, [], scores, PARAMS)
    assert ring.cases == sorted(frame.cases) and ring.small
    struct = structure(frame, ring)
    assert reach_tied(struct, PARAMS.tie_max_cases)
    assert strength(struct, PARAMS) == PARAMS.nominee_reach_strength


def test_a_relative_or_a_family_at_two_employers_is_no_reach(tmp_path: Path) -> None:
    """A son acting for both parents, who worked at different firms, is what 民事诉讼法
    art. 61 lets a relative do; and a citizen printed without the relation for two applicants
    of one surname may be that son too: neither ties nor joins anything."""
    son = frame_of(tmp_path / "son", _nominee_pair(kind="relative", relation="系原告之子"))
    family = frame_of(tmp_path / "family", _nominee_pair(
        applicants=(("郭金花", "河南省洛阳市洛龙区长江路200号"),
                    ("郭保国", "河南省林州市城关镇董庄村201号"))))
    home = frame_of(tmp_path / "home", _nominee_pair(
        applicants=(("李金花", "河南省林州市城关镇董庄村201号"),
                    ("张保国", "河南省林州市城关镇董庄村201号"))))
    for frame in (son, family, home):
        assert reach_links(frame, set(frame.cases), reach_bounds(PARAMS)) == []
        scores = _scores(frame, 0.87, 0.43)
        assert reach_partners(frame, scores, {min(frame.cases)}, set(),
                              reach_bounds(PARAMS)) == set()


def test_one_employers_workforce_a_contested_suit_proof_or_months_apart_tie_nothing(
        tmp_path: Path) -> None:
    """A nominee acting for two of one firm's staff is that workforce's (one-employer ties
    are tie_links'); a contested suit shows an adverse interest; a suit with proof (records in
    third-party custody) is left out by the caller; suits a season apart are no run."""
    workforce = frame_of(tmp_path / "one", _nominee_pair(employers=(HOSTS[0], HOSTS[0])))
    contested_cases = _nominee_pair()
    contested_cases[1]["defendant_response"] = "contests"
    contested = frame_of(tmp_path / "contested", contested_cases)
    apart = frame_of(tmp_path / "apart", _nominee_pair(second_day="2022-12-20"))
    for frame in (workforce, contested, apart):
        assert reach_links(frame, set(frame.cases), reach_bounds(PARAMS)) == []
    frame = frame_of(tmp_path / "proof", _nominee_pair())
    weak = max(frame.cases)
    proof = [Finding(PARAMS.reach.series_proof_rules[0], weak, [weak], "社保缴费记录")]
    assert assemble(frame, proof, _scores(frame, 0.87, 0.43), PARAMS) == []


def test_a_nominee_a_union_put_forward_is_no_reach(tmp_path: Path) -> None:
    """A citizen a county union recommended (民事诉讼法 art. 61) acting for old workers of two
    closing firms is the union's help, vetted as a supported suit is (L3, E6): no reach (rev27);
    a village committee's nominee still reaches."""
    union = frame_of(tmp_path / "union", _nominee_pair(relation="经林州市总工会推荐"))
    assert reach_links(union, set(union.cases), reach_bounds(PARAMS)) == []
    village = frame_of(tmp_path / "village", _nominee_pair(relation="经林州市城关镇董庄村村民委员会推荐"))
    assert len(reach_links(village, set(village.cases), reach_bounds(PARAMS))) == 1


def test_a_village_nominee_helping_neighbours_who_worked_at_different_firms_is_no_reach(
        tmp_path: Path) -> None:
    """The village committee's nominee who helps two of the village's old people, each of whom
    really worked at a different city firm, to their confirmations: they live in one county,
    so nothing shows the nominee's reach beyond the village; nor does an address that names
    no place."""
    village = frame_of(tmp_path / "village", _nominee_pair(
        applicants=(("李金花", "河南省林州市城关镇董庄村201号"),
                    ("张保国", "河南省林州市城关镇董庄村37号"))))
    unknown = frame_of(tmp_path / "unknown", _nominee_pair(
        applicants=(("李金花", "河南省洛阳市洛龙区长江路200号"), ("张保国", "董庄村37号"))))
    for frame in (village, unknown):
        assert reach_links(frame, set(frame.cases), reach_bounds(PARAMS)) == []
        assert reach_partners(frame, _scores(frame, 0.87, 0.43), {min(frame.cases)}, set(),
                              reach_bounds(PARAMS)) == set()
