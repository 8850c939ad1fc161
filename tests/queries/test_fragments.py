"""Joining the parts of one operation at several employers (ringtrace.queries.fragments)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ringtrace.queries.findings import Finding
from ringtrace.queries.fragments import dealt_counsel_links, impossible_start_links, office_links
from ringtrace.queries.frame import Frame
from ringtrace.queries.ringlinks import RingParams, UnionFind
from ringtrace.queries.rings import assemble
from ringtrace.queries.rules import load_rules
from ringtrace.queries.scoring import CaseScore
from tests.conftest import legit_case, sham_case
from tests.queries.redflags.helpers import frame_of

PARAMS = RingParams.of(load_rules())
FIRM_A, FIRM_B = "安阳市恒达废旧物资回收有限公司", "新乡市瑞丰再生资源回收有限公司"
LAWYERS = {"律师甲": "13812345670", "律师乙": "13812345671"}


def _suit(n: int, day: str, employer: str, lawyer: str | None, firm: str,
          kind: str = "lawyer") -> dict[str, Any]:
    case = sham_case(n, f"申请人{n}", "1966-01-02", employer=employer, day=day)
    case["decision_date"] = day
    case["parties"][0]["address"] = f"河南省安阳市文峰区光明路{n}号"
    if lawyer is None:
        case["agents"] = []
    else:
        case["agents"][0].update(name=lawyer, kind=kind, law_firm=firm,
                                 phone=LAWYERS[lawyer])
    return case


def _practice(firms: dict[str, str]) -> list[dict[str, Any]]:
    """Each lawyer's general practice of contested suits (no candidates), so that no
    intermediary, practice or series rule applies to them."""
    cases = []
    for i, (lawyer, firm) in enumerate(sorted(firms.items())):
        for n in range(4):
            case = legit_case(100 + 10 * i + n, f"工人{i}{n}", "1980-01-01")
            case["agents"][0].update(name=lawyer, law_firm=firm, birth_date="1970-01-01",
                                     phone=LAWYERS[lawyer])
            cases.append(case)
    return cases


def _two_groups(tmp_path: Path, firms: dict[str, str], second_day: str = "2021-05-10",
                shared: tuple[str, ...] = ("律师甲", "律师乙"), kind: str = "lawyer",
                ordinary: tuple[str | None, ...] = (),
                weak: tuple[str, ...] = ()) -> Frame:
    """Five suits against each of two small employers, filed on one day each; the lawyers of
    ``shared`` act in one suit at each employer, the other suits have no counsel. ``ordinary``:
    the court's other labour suits of that year (contested wage claims, no candidates), each
    with the counsel named (or none); ``weak``: the operation's weaker suits at a third
    employer (uncontested confirmations), each with the lawyer named."""
    suits = []
    for k, (employer, day) in enumerate(((FIRM_A, "2021-03-01"), (FIRM_B, second_day))):
        for n in range(5):
            lawyer = shared[n] if n < len(shared) else None
            suits.append(_suit(10 * k + n + 1, day, employer, lawyer,
                               firms.get(lawyer or "", ""), kind))
    for n, lawyer in enumerate(ordinary):
        suit = _suit(200 + n, f"2021-{1 + n % 12:02d}-15", f"安阳市第{n + 1}商贸有限公司", lawyer,
                     firms.get(lawyer or "", ""), kind)
        suit.update(defendant_response="contests", claim_kind="with_amounts",
                    claim_amounts=[30000.0 + n], outcome="confirmed")
        suits.append(suit)
    for n, lawyer in enumerate(weak):
        suits.append(_suit(300 + n, f"2021-{1 + n % 12:02d}-20", "安阳市宏发建材有限公司", lawyer,
                           firms.get(lawyer, ""), kind))
    return frame_of(tmp_path, [*suits, *_practice(firms)])


def _candidates(frame: Frame) -> set[str]:
    return {c for c in frame.cases if frame.cases[c].props.get("defendant_response") != "contests"}


def _by_employer(frame: Frame, candidates: set[str]) -> UnionFind:
    uf = UnionFind(sorted(candidates))
    for employer in (FIRM_A, FIRM_B):
        mine = [c for c in sorted(candidates)
                if frame.cases[c].employers[0].name == employer]
        for c in mine[1:]:
            uf.union(mine[0], c)
    return uf


def _numbers(frame: Frame, cases: list[str]) -> list[int]:
    return sorted(int(frame.cases[c].case_number.split("民初")[1].rstrip("号")) for c in cases)


def test_lawyers_of_two_firms_in_both_groups_join_them(tmp_path: Path) -> None:
    firms = {"律师甲": "河南某某律师事务所", "律师乙": "河南另一律师事务所"}
    frame = _two_groups(tmp_path, firms)
    candidates = _candidates(frame)
    links = dealt_counsel_links(frame, _by_employer(frame, candidates), candidates, PARAMS)
    assert sorted((lk.kind, _numbers(frame, lk.cases)) for lk in links) == [
        ("series", [1, 11]), ("series", [2, 12])]


def test_one_busy_firms_lawyers_one_lawyer_or_groups_years_apart_join_nothing(
        tmp_path: Path) -> None:
    """A busy genuine firm's lawyers meet clients of several employers (one intake desk);
    one lawyer in both groups is a town's well-known lawyer; years apart, no operation."""
    one_firm = {"律师甲": "河南某某律师事务所", "律师乙": "河南某某律师事务所"}
    two_firms = {"律师甲": "河南某某律师事务所", "律师乙": "河南另一律师事务所"}
    for name, frame in (("firm", _two_groups(tmp_path / "firm", one_firm)),
                        ("one", _two_groups(tmp_path / "one", two_firms, shared=("律师甲",))),
                        ("apart", _two_groups(tmp_path / "apart", two_firms, "2024-03-01"))):
        candidates = _candidates(frame)
        uf = _by_employer(frame, candidates)
        assert dealt_counsel_links(frame, uf, candidates, PARAMS) == [], name


def _founding(frame: Frame, numbers: set[int]) -> list[Finding]:
    return [Finding("EMP_START_BEFORE_FOUNDING", c, [c], "")
            for c in sorted(frame.cases) if _numbers(frame, [c])[0] in numbers]


def test_one_lawyers_impossible_starts_at_two_employers_link_them(tmp_path: Path) -> None:
    firms = {"律师甲": "河南某某律师事务所", "律师乙": "河南某某律师事务所"}
    frame = _two_groups(tmp_path, firms)
    candidates = _candidates(frame)
    links = impossible_start_links(frame, _founding(frame, {1, 3, 11, 13}), candidates, PARAMS)
    assert [(lk.kind, _numbers(frame, lk.cases)) for lk in links] == [("series", [1, 11])]
    # impossible starts at one employer only, none (periods possible), or one lone suit at
    # each employer (a busy lawyer's two clients, the registry's date perhaps wrong): nothing
    assert impossible_start_links(frame, _founding(frame, {1, 3}), candidates, PARAMS) == []
    assert impossible_start_links(frame, _founding(frame, {1, 11}), candidates, PARAMS) == []
    assert impossible_start_links(frame, [], candidates, PARAMS) == []


def _rings(frame: Frame, findings: list[Finding]) -> list[list[int]]:
    scores = {c: CaseScore(c, rule_score=0.9 if c in _candidates(frame) else 0.1)
              for c in frame.cases}
    return sorted(_numbers(frame, r.cases) for r in assemble(frame, findings, scores, PARAMS))


def test_assembly_reports_the_operation_as_one_ring_and_a_busy_firms_clients_apart(
        tmp_path: Path) -> None:
    whole = list(range(1, 6)) + list(range(11, 16))
    two_firms = {"律师甲": "河南某某律师事务所", "律师乙": "河南另一律师事务所"}
    assert _rings(_two_groups(tmp_path / "dealt", two_firms), []) == [whole]
    one_firm = {"律师甲": "河南某某律师事务所", "律师乙": "河南某某律师事务所"}
    busy = _two_groups(tmp_path / "busy", one_firm)
    assert _rings(busy, []) == [list(range(1, 6)), list(range(11, 16))]
    assert _rings(busy, _founding(busy, {1, 3, 11, 13})) == [whole]


OFFICE = {"律师甲": "河南省安阳县某某镇法律服务所", "律师乙": "河南省安阳县某某镇法律服务所"}


def _office_links(frame: Frame) -> list[tuple[str, list[int]]]:
    candidates = _candidates(frame)
    uf = _by_employer(frame, candidates)
    return [(lk.kind, _numbers(frame, lk.cases))
            for lk in office_links(frame, uf, candidates, PARAMS)]


def test_one_legal_service_office_in_most_suits_of_two_groups_joins_them(
        tmp_path: Path) -> None:
    """Two workers of one township office (citizen agents of a 法律服务所, read as legal
    workers) take turns in three of five suits at each of two small employers: the office's
    hand is in most of both groups."""
    turns = ("律师甲", "律师乙", "律师甲")
    frame = _two_groups(tmp_path, OFFICE, shared=turns, kind="other")
    assert _office_links(frame) == [("firm_series", [1, 2, 3, 11, 12, 13])]


def test_two_genuine_groups_served_by_the_countys_usual_office_stay_apart(
        tmp_path: Path) -> None:
    """The county's one township office acts for the workers in three of five suits at each of
    two closing employers - and in six of the twelve other labour suits the court heard that
    year (contested wage claims of other firms' workers): it is where the county's workers
    go, not one operation's hand, and the two workforces stay two groups. The same office in
    one of the twelve is no usual counsel, and the join stands."""
    turns = ("律师甲", "律师乙", "律师甲")
    usual = ("律师甲", "律师乙") * 3 + (None,) * 6
    county = _two_groups(tmp_path / "usual", OFFICE, shared=turns, kind="other", ordinary=usual)
    assert _office_links(county) == []
    rare = ("律师甲",) + (None,) * 11
    frame = _two_groups(tmp_path / "rare", OFFICE, shared=turns, kind="other", ordinary=rare)
    assert _office_links(frame) == [("firm_series", [1, 2, 3, 11, 12, 13])]


def test_two_genuine_groups_served_by_the_countys_labour_lawyers_stay_apart(
        tmp_path: Path) -> None:
    """The county's two labour lawyers (two firms) each act in one suit at each of two
    employers, and in a third of the court's other labour suits: the county's counsel, no
    dealing. One usual lawyer of the two leaves a single shared lawyer, no join either."""
    firms = {"律师甲": "河南某某律师事务所", "律师乙": "河南另一律师事务所"}
    for name, ordinary in (("both", ("律师甲", "律师乙", None) * 4),
                           ("one", ("律师甲", None, None) * 4)):
        frame = _two_groups(tmp_path / name, firms, ordinary=ordinary)
        candidates = _candidates(frame)
        uf = _by_employer(frame, candidates)
        assert dealt_counsel_links(frame, uf, candidates, PARAMS) == [], name


def test_an_operations_own_weak_suits_do_not_make_its_lawyers_the_countys_usual_counsel(
        tmp_path: Path) -> None:
    """The operation's two lawyers (two firms) also filed four weaker suits each at a third
    small employer that year - uncontested confirmations with the screening signs, below the
    seed threshold (review25). Counted among the court's ordinary suits (ten others, no
    counsel) they make each lawyer "usual" (4 of 18); they are the operation's own, and the
    two groups are still joined - by dealt_counsel_links given them, and by assembly."""
    firms = {"律师甲": "河南某某律师事务所", "律师乙": "河南另一律师事务所"}
    frame = _two_groups(tmp_path, firms, ordinary=(None,) * 10, weak=("律师甲", "律师乙") * 4)
    groups = {c for c in _candidates(frame) if frame.cases[c].employers[0].name in (FIRM_A, FIRM_B)}
    weak = _candidates(frame) - groups
    uf = _by_employer(frame, groups)
    assert dealt_counsel_links(frame, uf, groups, PARAMS) == []
    links = dealt_counsel_links(frame, uf, groups, PARAMS, weak)
    assert sorted(_numbers(frame, lk.cases) for lk in links) == [[1, 11], [2, 12]]
    scores = {c: CaseScore(c, rule_score=0.9 if c in groups else 0.45 if c in weak else 0.1)
              for c in frame.cases}
    whole = list(range(1, 6)) + list(range(11, 16))
    assert whole in [_numbers(frame, r.cases) for r in assemble(frame, [], scores, PARAMS)]


def test_an_office_in_a_few_suits_or_a_law_firm_joins_nothing_as_an_office(
        tmp_path: Path) -> None:
    """Two of five suits at each employer is no office's hand; a law firm (many lawyers, any
    county) in most suits is not asked here (its lawyers' series are)."""
    few = _two_groups(tmp_path / "few", OFFICE, kind="other")
    assert _office_links(few) == []
    firm = {"律师甲": "河南某某律师事务所", "律师乙": "河南某某律师事务所"}
    law_firm = _two_groups(tmp_path / "firm", firm, shared=("律师甲", "律师乙", "律师甲"))
    assert _office_links(law_firm) == []
