"""Timeline: the claimed relationship fits a pension purchase, not a working life.

What it flags
    ``TL_BEFORE_1995`` the claimed start is before 1995-01-01 (the earliest back-payment start for
    post-劳动法 workers); ``TL_NEAR_RETIREMENT`` the worker's age at filing is in the window just
    before or at statutory retirement (women 45–56, men 54–62 by default);
    ``TL_PERIOD_15Y`` the claimed period lasts about 15 years (the minimum contribution period);
    ``TL_END_AT_RETIREMENT`` the claimed end falls on the worker's own retirement birthday -
    a man's 60th, a woman's 50th (workers) or 55th (cadres), any of the three when the copy
    gives no sex (neither 性别 nor the ID number) - or, for a worker of known sex, on the later
    day the 2024 decision on the gradual rise of the retirement age sets for those born since
    1965 (men), 1970 (women cadres) or 1975 (women workers) (± ``tolerance_days``;
    :func:`~ringtrace.queries.redflags.common.retirement_days` says why unknown sex gets the
    birthdays only); ``TL_IMPLAUSIBLE_START_AGE`` the worker would have started younger than
    16 or older than 60; ``TL_FAST_DECISION`` decided within ``max_days`` of filing.
Why it matters
    Back-payment rules (docs/domain.md §1.3: 人社部发〔2016〕132号, start ≥1995, 15 years to draw a pension);
    published cases: 40 awards "长达15年", applicants "五六十岁，女性居多", claims ending on a
    retirement birthday (P2–P5); sham awards issued ten days after filing.
Group suits
    A document with several applicants (``原告张某等11人``: a closing factory's workforce, a
    procuratorate-backed group) states one claimed period for all of them - the earliest start,
    the common end - not each member's. Read as any one member's, it misleads: the earliest
    start makes the youngest member a child at work, and with a dozen members the common end
    falls on someone's 50th/55th/60th birthday by chance more often than not. So on such a
    document ``TL_IMPLAUSIBLE_START_AGE`` fires only when no member could have started then (all
    too young, or all too old), ``TL_END_AT_RETIREMENT`` not at all (a retirement-birthday end is
    one person's bought claim; a shared end is a closure or a dismissal), and
    ``TL_NEAR_RETIREMENT`` when at least half of the members of known age are in the window.
    Bought confirmations are filed one applicant to a document (the 40 awards of SPP-2024-04).
Thresholds
    ``rules.toml`` [rules.TL_*]. Ages use the birth date from the party block (or ID number).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass

from ringtrace.datemath import add_years
from ringtrace.queries.findings import Evidence, Finding
from ringtrace.queries.frame import CaseInfo, Frame
from ringtrace.queries.redflags.common import (
    LazyMap,
    Rule,
    case_facts,
    case_finding,
    retirement_days,
    to_date,
    years_between,
)
from ringtrace.queries.redflags.params import RuleParams


def _claim(case: CaseInfo) -> Evidence:
    return Evidence("record", case.case_number,
                    f"主张期间 {case.props.get('claimed_start') or '?'} 至 {case.props.get('claimed_end') or '?'}")


@dataclass(frozen=True)
class Before1995Params(RuleParams):
    """``[rules.TL_BEFORE_1995]``."""

    #: ISO date: a claimed start before it predates the Labour Law's contracts
    floor: str


@dataclass(frozen=True)
class NearRetirementParams(RuleParams):
    """``[rules.TL_NEAR_RETIREMENT]``: ages at filing, inclusive, by sex."""

    female_ages: tuple[float, float]
    male_ages: tuple[float, float]


@dataclass(frozen=True)
class Period15yParams(RuleParams):
    """``[rules.TL_PERIOD_15Y]``: the claimed lengths, in years, that buy a pension."""

    years: tuple[float, float]


@dataclass(frozen=True)
class EndAtRetirementParams(RuleParams):
    """``[rules.TL_END_AT_RETIREMENT]``."""

    retirement_ages: tuple[int, ...]
    tolerance_days: int


@dataclass(frozen=True)
class StartAgeParams(RuleParams):
    """``[rules.TL_IMPLAUSIBLE_START_AGE]``."""

    min_age: int
    max_age: int


@dataclass(frozen=True)
class FastDecisionParams(RuleParams):
    """``[rules.TL_FAST_DECISION]``."""

    max_days: int


def before_1995(frame: Frame, params: Before1995Params) -> Iterator[Finding]:
    floor = to_date(params.floor)
    assert floor is not None
    for facts in case_facts(frame):
        if facts.start and facts.start < floor:
            yield case_finding("TL_BEFORE_1995", facts.case, f"主张劳动关系起始于{floor.year}年以前",
                               _claim(facts.case))


def near_retirement(frame: Frame, params: NearRetirementParams) -> Iterator[Finding]:
    windows = {"女": params.female_ages, "男": params.male_ages}
    for facts in case_facts(frame):
        filed = facts.filed
        if filed is None:
            continue
        known = 0
        near = []
        for w in facts.workers:
            lo_hi = windows.get(w.sex or "")
            if w.birth is None or lo_hi is None:
                continue
            known += 1
            age = years_between(w.birth, filed)
            if lo_hi[0] <= age <= lo_hi[1]:
                near.append((w, age))
        # one applicant: that one; a group suit: at least half of its members of known age
        if near and 2 * len(near) >= known:
            w, age = near[0]
            case = facts.case
            share = f"（{len(near)}/{known}名申请人）" if known > 1 else ""
            yield case_finding("TL_NEAR_RETIREMENT", case,
                               f"{w.ref.name}起诉时{int(age)}岁（{w.sex}），临近法定退休年龄{share}",
                               Evidence("record", case.case_number,
                                        f"出生日期={w.birth_text}，立案={filed}"))


def period_15y(frame: Frame, params: Period15yParams) -> Iterator[Finding]:
    lo, hi = params.years
    for facts in case_facts(frame):
        start, end = facts.start, facts.end_last
        if start and end:
            years = years_between(start, end)
            if lo <= years <= hi:
                yield case_finding("TL_PERIOD_15Y", facts.case,
                                   f"主张劳动关系约{years:.1f}年（约15年缴费年限）",
                                   _claim(facts.case))


def end_at_retirement(frame: Frame, params: EndAtRetirementParams) -> Iterator[Finding]:
    ages, tol = list(params.retirement_ages), params.tolerance_days
    # many workers share a birth date: (age, retirement day at that age) computed once per
    # date and sex (a man's 60, a woman's 50 or 55; unknown sex, the birthdays only)
    birthdays: LazyMap[tuple[dt.date, str | None], list[tuple[int, dt.date]]] = LazyMap(
        lambda key: [(a, day) for a in ages for day in retirement_days(key[0], a, key[1])])
    for facts in case_facts(frame):
        end, end_text = facts.end, facts.end_text  # end is read from end_text: None together
        if end is None or end_text is None or facts.group_suit:  # a group suit's end is shared
            continue
        case = facts.case
        slack = tol if len(end_text) == 10 else tol + 31
        for w in facts.workers:
            birth = w.birth
            if birth is None:
                continue
            hit = _age_at(end, birthdays[(birth, w.sex)], slack)
            if hit is not None:
                age, day = hit
                when = (f"{age}周岁生日" if day == add_years(birth, age)
                        else f"法定退休日（{age}周岁起渐进延迟，{day.isoformat()}）")
                yield case_finding("TL_END_AT_RETIREMENT", case,
                                   f"主张终止日为{w.ref.name}的{when}",
                                   Evidence("record", case.case_number,
                                            f"出生日期={birth}，主张终止={case.props.get('claimed_end')}"))
                break


def _age_at(day: dt.date, birthdays: list[tuple[int, dt.date]], slack: int
            ) -> tuple[int, dt.date] | None:
    """The first (age, retirement day) within ``slack`` days of ``day``, if any."""
    for age, birthday in birthdays:
        if abs((day - birthday).days) <= slack:
            return age, birthday
    return None


def implausible_start_age(frame: Frame, params: StartAgeParams) -> Iterator[Finding]:
    lo, hi = params.min_age, params.max_age
    for facts in case_facts(frame):
        start = facts.start
        if start is None:
            continue
        ages = [(w, years_between(w.birth, start)) for w in facts.workers if w.birth is not None]
        # a group suit's start is its earliest member's: implausible only when it fits no one
        if ages and (all(age < lo for _, age in ages) or all(age > hi for _, age in ages)):
            w, age = ages[0]
            yield case_finding("TL_IMPLAUSIBLE_START_AGE", facts.case,
                               f"{w.ref.name}在劳动关系起始时{int(age)}岁", _claim(facts.case))


def fast_decision(frame: Frame, params: FastDecisionParams) -> Iterator[Finding]:
    limit = params.max_days
    for facts in case_facts(frame):
        filed, decided = facts.filing, facts.decided
        if filed and decided and 0 <= (decided - filed).days <= limit:
            yield case_finding("TL_FAST_DECISION", facts.case, f"立案后{(decided - filed).days}天即结案",
                               Evidence("record", facts.case.case_number,
                                        f"立案={filed}，结案={decided}"))


RULES = [
    Rule("TL_BEFORE_1995", "timeline", "主张起始早于1995年", before_1995, params=Before1995Params),
    Rule("TL_NEAR_RETIREMENT", "timeline", "起诉时临近退休年龄", near_retirement,
         params=NearRetirementParams),
    Rule("TL_PERIOD_15Y", "timeline", "主张期间约15年", period_15y, params=Period15yParams),
    Rule("TL_END_AT_RETIREMENT", "timeline", "主张终止日为退休生日", end_at_retirement,
         params=EndAtRetirementParams),
    Rule("TL_IMPLAUSIBLE_START_AGE", "timeline", "起始年龄不合理", implausible_start_age,
         params=StartAgeParams),
    Rule("TL_FAST_DECISION", "timeline", "立案后迅速结案", fast_decision, params=FastDecisionParams),
]
