"""Cohort: the people suing one employer look like pension buyers, not a workforce.

What it flags
    ``COHORT_NEAR_RETIREMENT`` among the confirmation cases against one employer, at least
    ``min_cases`` cases had a worker within the retirement window at filing (women 45–56, men
    54–62 by default, as TL_NEAR_RETIREMENT) claiming a long period (at least ``min_years``),
    and such workers are at least ``min_share`` of all the workers suing. Every case of that
    cohort is flagged. Workers are counted one by one, not suit by suit: a group suit of five
    colleagues of whom one is near retirement is one near-retiree among five, as five suits
    would be.
Why it matters
    A closing factory's workforce sues with all ages; the applicants an intermediary brings are
    chosen for their age: "年龄都在五六十岁，女性居多" (NFZM-CQ), "临近退休年龄的灵活就业人员"
    (ZZ-FZRB) — docs/domain.md P2 applied to the group rather than to one person. A workforce
    that sues together often does so in group suits (several 原告 in one document, a colleague
    or a legal-aid lawyer for all); counting each such suit as near-retired when any one of its
    plaintiffs is would make every mixed-age workforce a cohort.
Thresholds
    ``min_cases``, ``min_share``, ``min_years``, ``female_ages``, ``male_ages`` in ``rules.toml``
    [rules.COHORT_NEAR_RETIREMENT] (the age windows default to those of TL_NEAR_RETIREMENT).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from ringtrace.queries.findings import Evidence, Finding
from ringtrace.queries.frame import Frame
from ringtrace.queries.redflags.common import (
    CITED_CASES,
    CaseFacts,
    Rule,
    employer_confirmation_cases,
    years_between,
)
from ringtrace.queries.redflags.params import RuleParams


@dataclass(frozen=True)
class CohortParams(RuleParams):
    """``[rules.COHORT_NEAR_RETIREMENT]``."""

    min_cases: int
    min_share: float
    min_years: float
    female_ages: tuple[float, float]
    male_ages: tuple[float, float]


def pension_profile(facts: CaseFacts, min_years: float,
                    windows: dict[str, tuple[float, float]]) -> bool:
    """A worker of the case is in the retirement window at filing and claims a long
    relationship."""
    return near_retirement_workers(facts, min_years, windows) > 0


def near_retirement_workers(facts: CaseFacts, min_years: float,
                            windows: dict[str, tuple[float, float]]) -> int:
    """How many of the case's workers are in the retirement window at filing, the case claiming
    a long relationship (0 when the claimed period is short or unknown)."""
    filed, start, end = facts.filed, facts.start, facts.end_last
    if filed is None or start is None or end is None or years_between(start, end) < min_years:
        return 0
    near = 0
    for w in facts.workers:
        window = windows.get(w.sex or "")
        if w.birth and window and window[0] <= years_between(w.birth, filed) <= window[1]:
            near += 1
    return near


def near_retirement_cohort(frame: Frame, params: CohortParams) -> Iterator[Finding]:
    minimum, share, min_years = params.min_cases, params.min_share, params.min_years
    windows = {"女": params.female_ages, "男": params.male_ages}
    for employer, cases in employer_confirmation_cases(frame).items():
        if len(cases) < minimum:
            continue
        near = [near_retirement_workers(f, min_years, windows) for f in cases]
        profiled = [f.case for f, n in zip(cases, near, strict=True) if n]
        people = sum(max(1, len(f.workers)) for f in cases)
        if len(profiled) >= minimum and sum(near) >= share * people:
            name = frame.employers.get(employer, {}).get("name", employer)
            yield Finding("COHORT_NEAR_RETIREMENT", employer, [c.id for c in profiled],
                          f"起诉{name}的{len(cases)}件确认案件中{len(profiled)}件的申请人临近退休且主张长期劳动关系",
                          [Evidence("link", None, "案号: " + "、".join(
                              c.case_number for c in profiled[:CITED_CASES]))])


RULES = [Rule("COHORT_NEAR_RETIREMENT", "cohort", "起诉同一单位者多为临近退休人员", near_retirement_cohort,
              params=CohortParams)]
