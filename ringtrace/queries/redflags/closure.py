"""Closure: a workforce whose employment ended with its employer, not a recruited cohort.

What it flags (exculpatory)
    ``EVID_ENDED_TOGETHER`` confirmation cases against one employer whose claimed employment
    ended *together* - their claimed ends fall within ``window_days`` of each other (a lay-off
    that ran over several weeks, across a month boundary), or within ``closure_days`` of the
    employer's 注销/吊销 date in the registry - when at least ``min_cases`` of them, and at least
    ``min_share`` of the employer's cases with a claimed period, ended so, and the group looks
    like a workforce rather than a template:

    * the claimed lengths vary by at least ``min_length_spread_years`` (people joined over the
      years and left together), or their median is at most ``short_tenure_years`` (a young firm,
      a contractor or labour-service company whose staff joined together a few years ago); and
    * at most half of the ends fall on the worker's own birthday at a statutory retirement
      age of their sex (``retirement_ages``: 50, 55 or 60, a man's 60th, a woman's 50th or
      55th, as :func:`~ringtrace.queries.redflags.common.retirement_days` reads them; ±
      ``retirement_tolerance_days``): a closing firm's long-serving staff are near
      retirement, and some of them meet such a birthday in the weeks around the closure by
      chance; a bought cohort's ends are its birthdays nearly all.
Why it matters
    Genuine group suits after a closure or restructuring look like a burst against a small
    employer that does not object, but their claimed periods "end at the enterprise's closure
    rather than at the applicant's retirement birthday and vary in length rather than clustering
    at ~15 years" (docs/domain.md §3.3). A lay-off takes weeks, not one day, and per-person end dates
    vary, so ends are compared within a window rather than by calendar month. An intermediary's
    applicants end at their own retirement birthdays (P3), or all share one template period of
    about fifteen years (the forged "2001年至2015年工资表", P4) - same start, same length - which
    the length conditions leave flagged. Fifteen years is the point of a purchase; a few years'
    tenure buys no pension.
Thresholds
    ``rules.toml`` [rules.EVID_ENDED_TOGETHER].
"""

from __future__ import annotations

import datetime as dt
import statistics
from collections.abc import Iterator
from dataclasses import dataclass

from ringtrace.queries.findings import Evidence, Finding
from ringtrace.queries.frame import Frame
from ringtrace.queries.redflags.common import (
    CaseFacts,
    Rule,
    employer_confirmation_cases,
    retirement_days,
    span,
    to_date,
    years_between,
)
from ringtrace.queries.redflags.params import RuleParams


def _at_retirement(facts: CaseFacts, tolerance: int, ages: list[int]) -> bool:
    """Does the claimed end fall on the applicant's retirement birthday? Not asked of a group
    suit: its one end is shared by every member, a closure rather than anyone's birthday
    (:mod:`ringtrace.queries.redflags.timeline`, "Group suits")."""
    end = facts.end
    if end is None or facts.group_suit:
        return False
    return any(abs((end - day).days) <= tolerance
               for w in facts.workers if w.birth is not None
               for age in ages for day in retirement_days(w.birth, age, w.sex))


Ended = list[tuple[dt.date, CaseFacts]]


def _longest_run(dated: Ended, days: int) -> Ended:
    """The largest run of ``dated`` ((claimed end, facts), sorted) whose ends lie within
    ``days`` of each other (the earliest such run)."""
    best: tuple[int, int] = (0, 0)
    lo = 0
    for hi, (end, _f) in enumerate(dated):
        while (end - dated[lo][0]).days > days:
            lo += 1
        if hi + 1 - lo > best[1] - best[0]:
            best = (lo, hi + 1)
    return dated[best[0]:best[1]]


def _with_coarse_ends(dated: Ended, days: int) -> Ended:
    """The largest run of ends within ``days`` of each other (:func:`_longest_run`), where an
    end printed only as a year (``1999年``, longer than ``days``) joins the run of the precise
    ends that fall in that year; sorted like ``dated``.

    Copies of one workforce's suits print the end as "1999年8月16日", "1999年8月" or "1999年":
    the year-only end is not the first of January but any day of the year, and one that
    brackets the lay-off is part of it. The precise ends make the run; a year that contains
    the whole run joins it (the run of every end read as its first day is kept when larger).
    """
    precise = [(end, f) for end, f in dated
               if f.end_last is None or (f.end_last - end).days < days]
    run = _longest_run(precise, days)
    if run:
        first, last = run[0][0], run[-1][0]
        run = sorted([*run, *((end, f) for end, f in dated
                              if f.end_last is not None and (f.end_last - end).days >= days
                              and end <= first and last <= f.end_last)],
                     key=lambda item: (item[0], item[1].case.id))
    plain = _longest_run(dated, days)
    return run if len(run) > len(plain) else plain


@dataclass(frozen=True)
class EndedTogetherParams(RuleParams):
    """``[rules.EVID_ENDED_TOGETHER]`` (the values and why they hold are in ``rules.toml``)."""

    min_cases: int
    min_share: float
    window_days: int
    closure_days: int
    min_length_spread_years: float
    short_tenure_years: float
    retirement_tolerance_days: int
    retirement_ages: tuple[int, ...]


def _workforce(ended: Ended, params: EndedTogetherParams) -> str | None:
    """Why ``ended`` (cases that ended together) looks like a workforce, or None."""
    group = [f for _end, f in ended]
    lengths = sorted(years_between(f.start, f.end_last) for f in group
                     if f.start is not None and f.end_last is not None)
    if len(lengths) < 2:
        return None
    tolerance = params.retirement_tolerance_days
    ages = list(params.retirement_ages)
    if 2 * sum(_at_retirement(f, tolerance, ages) for f in group) > len(group):
        return None
    spread = lengths[-1] - lengths[0]
    median = statistics.median(lengths)
    if spread >= params.min_length_spread_years:
        return f"工龄{lengths[0]:.0f}至{lengths[-1]:.0f}年不等"
    if median <= params.short_tenure_years:
        return f"工龄多为{median:.0f}年左右的短期用工"
    return None


def ended_together(frame: Frame, params: EndedTogetherParams) -> Iterator[Finding]:
    minimum, share = params.min_cases, params.min_share
    window, closure_days = params.window_days, params.closure_days
    for employer, facts in employer_confirmation_cases(frame).items():
        dated: Ended = sorted(((f.end, f) for f in facts
                               if f.end is not None and f.start is not None),
                              key=lambda item: (item[0], item[1].case.id))
        if len(dated) < minimum:
            continue
        props = frame.employers.get(employer, {})
        name = props.get("name", employer)
        closed = to_date(props.get("cancel_date")) or to_date(props.get("revoke_date"))
        anchors: list[tuple[Ended, str]] = []
        if closed is not None:
            near = [(end, f) for end, f in dated if abs((end - closed).days) <= closure_days]
            anchors.append((near, f"止于用人单位注销/吊销（{closed.isoformat()}）前后"))
        run = _with_coarse_ends(dated, window)
        if run:
            anchors.append((run, f"止于{_span_text(run[0][0], run[-1][0])}"))
        for group, where in anchors:
            if len(group) < minimum or len(group) < share * len(dated):
                continue
            why = _workforce(group, params)
            if why is None:
                continue
            summary = (f"针对{name}的{len(group)}件确认案件主张的劳动关系均{where}，{why}"
                       "（集体终止，如企业关停或改制）")
            for end, f in group:
                case = f.case
                quoted = span(case, ("claim", "facts"), (str(end.year),))
                evidence = Evidence("text", case.case_number, quoted) if quoted else Evidence(
                    "record", case.case_number,
                    f"主张期间 {case.props.get('claimed_start')} 至 {case.props.get('claimed_end')}")
                yield Finding("EVID_ENDED_TOGETHER", case.id, [case.id], summary, [evidence])
            break


def _span_text(first: dt.date, last: dt.date) -> str:
    if first == last:
        return first.isoformat()
    return f"{first.isoformat()}至{last.isoformat()}之间"


RULES = [Rule("EVID_ENDED_TOGETHER", "closure", "劳动关系随单位集体终止（减轻）",
              ended_together, params=EndedTogetherParams, mitigating=True)]
