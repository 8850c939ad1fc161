"""Closure: a workforce whose claimed employment ended together, as when a factory closes.

What it flags
    ``EVID_ENDED_TOGETHER`` (mitigating) at least ``min_cases`` confirmation cases against one
    employer claim a relationship that ended in the same month, they are at least ``min_share``
    of that employer's dated confirmation cases, and their claimed starts are spread over at
    least ``min_start_spread_years`` years. Such cases are *less* suspicious: their score is
    multiplied by ``1 - weight``.
Why it matters
    Genuine group suits after a closure look like a burst against a small employer that does not
    object, but their claimed periods "end at the enterprise's closure rather than at the
    applicant's retirement birthday and vary in length rather than clustering at ~15 years"
    (DOMAIN.md §2.4, legitimate look-alikes). An intermediary's applicants end at their own
    retirement birthdays or at scattered dates; a template that gives everybody the same period
    has the same start too, which the spread condition leaves flagged.
Thresholds
    ``min_cases``, ``min_share``, ``min_start_spread_years`` in ``rules.toml``
    [rules.EVID_ENDED_TOGETHER].
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from typing import Any

from ringtrace.queries.findings import Evidence, Finding
from ringtrace.queries.frame import Frame
from ringtrace.queries.redflags.common import (
    CaseFacts,
    Rule,
    employer_confirmation_cases,
    span,
)


def ended_together(frame: Frame, params: dict[str, Any]) -> Iterator[Finding]:
    minimum, share = int(params["min_cases"]), float(params["min_share"])
    spread = float(params["min_start_spread_years"])
    for employer, facts in employer_confirmation_cases(frame).items():
        if len(facts) < minimum:  # too few cases for any month to hold enough
            continue
        by_end: dict[str, list[CaseFacts]] = defaultdict(list)
        dated = 0
        for f in facts:
            end = f.end_text
            if isinstance(end, str) and len(end) >= 7:
                by_end[end[:7]].append(f)
                dated += 1
        for month, ended in sorted(by_end.items()):
            if len(ended) < minimum or len(ended) < share * dated:
                continue
            starts = sorted(f.start for f in ended if f.start is not None)
            if len(starts) < minimum or (starts[-1] - starts[0]).days / 365.25 < spread:
                continue
            name = frame.employers.get(employer, {}).get("name", employer)
            summary = (f"针对{name}的{len(ended)}件确认案件主张的劳动关系均止于{month}，"
                       f"起始时间从{starts[0].year}年到{starts[-1].year}年不等（集体终止，如企业关停）")
            for case in (f.case for f in ended):
                quoted = span(case, ("claim", "facts"), (month[:4],))
                evidence = Evidence("text", case.case_number, quoted) if quoted else Evidence(
                    "record", case.case_number,
                    f"主张期间 {case.get('claimed_start')} 至 {case.get('claimed_end')}")
                yield Finding("EVID_ENDED_TOGETHER", case.id, [case.id], summary, [evidence])


RULES = [Rule("EVID_ENDED_TOGETHER", "closure", "劳动关系集体同月终止、起始不一（减轻）",
              ended_together, mitigating=True)]
