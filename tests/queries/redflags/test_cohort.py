"""COHORT_NEAR_RETIREMENT: the people suing one employer look like pension buyers."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from tests.conftest import sham_case
from tests.queries.redflags.helpers import frame_of, hits


def _group_suits(births: list[str]) -> list[dict[str, Any]]:
    """Four documents against one employer, each for five colleagues born on ``births``."""
    cases = []
    for n in range(4):
        case = sham_case(10 + n, f"职工{n}", births[0], day=f"2021-03-0{n + 1}")
        names = [f"职工{n}号{i}" for i in range(len(births))]
        worker, rest = case["parties"][0], case["parties"][1:]
        case["parties"] = [dict(worker, name=m, birth_date=b)
                           for m, b in zip(names, births, strict=True)] + rest
        case["agents"][0]["represents"] = names
        cases.append(case)
    return cases


def test_a_mixed_age_workforce_in_group_suits_is_no_cohort(tmp_path: Path) -> None:
    """Each group suit has one member near retirement and four young ones: four near-retirees
    among twenty workers, not four near-retirement suits."""
    young = ["1968-05-02", "1980-01-02", "1985-01-02", "1990-01-02", "1995-01-02"]
    assert hits(frame_of(tmp_path, _group_suits(young)), "COHORT_NEAR_RETIREMENT") == []


def test_group_suits_of_near_retirees_stay_a_cohort(tmp_path: Path) -> None:
    """Must not mitigate: bought claims filed five to a document, every member near
    retirement, are the cohort the rule looks for."""
    near = ["1966-05-02", "1967-01-02", "1968-01-02", "1969-01-02", "1970-01-02"]
    [f] = hits(frame_of(tmp_path, _group_suits(near)), "COHORT_NEAR_RETIREMENT")
    assert len(f.cases) == 4


def test_single_suits_count_as_before(tmp_path: Path) -> None:
    """One applicant to a document: four of five near retirement is a cohort."""
    births = ["1966-05-02", "1967-01-02", "1968-01-02", "1969-01-02", "1990-01-02"]
    cases = [sham_case(10 + n, f"申请人{n}", b, day=f"2021-03-0{n + 1}")
             for n, b in enumerate(births)]
    [f] = hits(frame_of(tmp_path, cases), "COHORT_NEAR_RETIREMENT")
    assert len(f.cases) == 4
