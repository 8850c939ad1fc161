"""What ring assembly and the fragment joins share (ringtrace.queries.ringlinks)."""

from __future__ import annotations

from pathlib import Path

from ringtrace.queries.findings import Finding
from ringtrace.queries.ringlinks import UnionFind, anchored_employers, time_chains
from tests.queries.redflags.helpers import frame_of
from tests.queries.ring_cases import confirmation_case as _case


def test_time_chains_cut_at_long_gaps_and_keep_undated_cases_first(tmp_path: Path) -> None:
    cases = [_case(1, "2016-01-05"), _case(2, "2016-09-01"), _case(3, "2020-03-01")]
    undated = _case(4, "2016-01-05")
    for key in ("filing_date", "decision_date"):
        undated.pop(key)
    frame = frame_of(tmp_path, [*cases, undated])
    ids = {frame.cases[c].case_number: c for c in frame.cases}
    runs = time_chains(frame, sorted(frame.cases), max_gap_days=730)
    numbers = [[frame.cases[c].case_number for c in run] for run in runs]
    assert numbers == [sorted(["(2021)豫0502民初1号", "(2021)豫0502民初2号", "(2021)豫0502民初4号"]),
                       ["(2021)豫0502民初3号"]]
    assert len(ids) == 4


def test_dated_only_chains_leave_out_a_case_whose_day_is_unknown(tmp_path: Path) -> None:
    """A tie that says "filed within days of each other" cannot cite a copy printing no date."""
    undated = _case(2, "2016-01-05")
    for key in ("filing_date", "decision_date"):
        undated.pop(key)
    frame = frame_of(tmp_path, [_case(1, "2016-01-05"), undated, _case(3, "2016-01-09")])
    runs = time_chains(frame, sorted(frame.cases), max_gap_days=7, dated_only=True)
    assert [[frame.cases[c].case_number for c in run] for run in runs] == [
        ["(2021)豫0502民初1号", "(2021)豫0502民初3号"]]


def test_dated_only_chains_compare_a_decision_with_a_decision(tmp_path: Path) -> None:
    """A mediation statement printing only its decision (2023-03-28) and a judgment filed
    2022-12-01 and decided 2023-03-03 were decided 25 days apart: one round, though the one's
    decision lies 117 days after the other's filing. Decisions half a year apart stay apart."""
    def runs(decided: str) -> list[list[str]]:
        undated = _case(2, "2023-03-28", decided=decided)
        undated.pop("filing_date")
        frame = frame_of(tmp_path / decided, [_case(1, "2022-12-01", decided="2023-03-03"),
                                              undated])
        return [[frame.cases[c].case_number for c in run]
                for run in time_chains(frame, sorted(frame.cases), 90, dated_only=True)]

    assert runs("2023-03-28") == [["(2021)豫0502民初1号", "(2021)豫0502民初2号"]]
    assert runs("2023-09-28") == [["(2021)豫0502民初1号"], ["(2021)豫0502民初2号"]]


def test_dated_only_chains_keep_apart_two_suits_filed_apart_and_decided_together(
        tmp_path: Path) -> None:
    """Two copies that each print their filing, four months apart, were not filed together
    because the court decided them in one sitting (it hears an employer's suits on one day);
    the decision stands in only for a copy that prints no filing (rev26)."""
    frame = frame_of(tmp_path, [_case(1, "2022-12-01", decided="2023-04-20"),
                                _case(2, "2023-04-01", decided="2023-04-20")])
    runs = time_chains(frame, sorted(frame.cases), 90, dated_only=True)
    assert [[frame.cases[c].case_number for c in run] for run in runs] == [
        ["(2021)豫0502民初1号"], ["(2021)豫0502民初2号"]]


def test_union_all_puts_a_links_cases_in_one_set() -> None:
    uf = UnionFind(["c", "b", "a", "d"])
    uf.union_all(["c", "b", "a"])
    assert {uf.find(x) for x in "abc"} == {"a"} and uf.find("d") == "d"
    assert uf.size == {"a": 3, "d": 1}


def test_an_employer_anchors_two_candidates_that_share_an_anchored_finding(
        tmp_path: Path) -> None:
    frame = frame_of(tmp_path, [_case(1, "2021-03-01"), _case(2, "2021-03-05")])
    ids = sorted(frame.cases)
    employer = frame.cases[ids[0]].employers[0].id
    before = [Finding("EMP_START_BEFORE_FOUNDING", c, [c], "") for c in ids]
    rules = ["EMP_START_BEFORE_FOUNDING"]
    assert anchored_employers(frame, before, set(ids), rules) == {employer}
    # one impossible start may be the registry's error; another rule anchors nothing
    assert anchored_employers(frame, before[:1], set(ids), rules) == set()
    assert anchored_employers(frame, before, set(ids), ["OTHER_RULE"]) == set()
    assert anchored_employers(frame, before, set(ids[:1]), rules) == set()
