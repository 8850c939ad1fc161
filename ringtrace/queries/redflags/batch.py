"""Batches: many applicants against one employer on the same day.

What it flags
    ``BATCH_SAME_DAY`` at least ``min_cases`` confirmation cases against one employer filed,
    heard or decided on the same day.
Why it matters
    SPP 2024-04: 40 applications on one day and "当日…作出40份仲裁裁决书"; Chengdu: five cases
    "均在同日缴纳诉讼费，同日开庭调解" (docs/domain.md P8). Genuine group suits after a closure also
    come in batches, so this rule alone is weak evidence; it counts with the others.
Thresholds
    ``min_cases`` in ``rules.toml`` [rules.BATCH_SAME_DAY].
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Literal

from ringtrace.queries.findings import Evidence, Finding
from ringtrace.queries.frame import Frame
from ringtrace.queries.redflags.common import (
    CITED_CASES,
    CaseFacts,
    Rule,
    employer_confirmation_cases,
)
from ringtrace.queries.redflags.params import RuleParams

#: the dates of a case a batch shares, with their labels
_DateKey = Literal["filing_date", "hearing_date", "decision_date"]
_DATES: tuple[tuple[_DateKey, str], ...] = (
    ("filing_date", "立案"), ("hearing_date", "开庭"), ("decision_date", "裁判"))


@dataclass(frozen=True)
class SameDayParams(RuleParams):
    """``[rules.BATCH_SAME_DAY]``."""

    #: cases against one employer on one day that make a batch
    min_cases: int


def same_day(frame: Frame, params: SameDayParams) -> Iterator[Finding]:
    minimum = params.min_cases
    labels = dict(_DATES)
    for employer, facts in employer_confirmation_cases(frame).items():
        if len(facts) < minimum:  # too few cases for any batch
            continue
        groups = _same_day_groups(facts)
        for (key, day), cases in sorted(groups.items()):
            if len(cases) < minimum:
                continue
            name = frame.employers.get(employer, {}).get("name", employer)
            numbers = [frame.cases[c].case_number for c in cases[:CITED_CASES]]
            yield Finding("BATCH_SAME_DAY", employer, cases,
                          f"{day}同日{labels[key]}{len(cases)}件针对{name}的案件",
                          [Evidence("link", None, f"{labels[key]}日期={day}；案号: " +
                                    "、".join(numbers))])


def _same_day_groups(facts: list[CaseFacts]) -> dict[tuple[_DateKey, str], list[str]]:
    """(date field, day) -> the ids of the cases with that exact day, in case id order."""
    groups: dict[tuple[_DateKey, str], list[str]] = defaultdict(list)
    for f in facts:
        props = f.case.props
        for key, _ in _DATES:
            day = props.get(key)
            if day and len(day) == 10:
                groups[(key, day)].append(f.case.id)
    return groups


RULES = [Rule("BATCH_SAME_DAY", "batch", "同日批量立案/开庭/裁判", same_day, params=SameDayParams)]
