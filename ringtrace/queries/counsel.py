"""The county's usual counsel: who acts for the workers of a forum's ordinary labour suits.

In a real county two or three lawyers who take labour cases and one township legal-service
office (法律服务所) act for most workers who have counsel at all: a worker who looks for help
with a labour suit finds them, whatever the suit. Two groups of suits at different employers
that share such counsel have shared what every worker of the county shares. The joins of
:mod:`ringtrace.queries.fragments` read a lawyer or office in two groups as one operation's
hand only when it is *not* this county's usual counsel: when the forum's other labour suits of
the same years - the ones no rule made a candidate - rarely name it.
"""

from __future__ import annotations

import datetime as dt
from bisect import bisect_left
from collections import defaultdict
from collections.abc import Iterable
from collections.abc import Set as AbstractSet
from functools import cache

from ringtrace.graph.identity import normalize_firm
from ringtrace.queries.frame import Frame
from ringtrace.queries.redflags.common import filing_date

__all__ = ["usual_counsel"]


def _dated_by_forum(frame: Frame) -> dict[str, list[tuple[dt.date, str]]]:
    """Forum id -> its dated cases, (filing date, case id) sorted (computed once per frame)."""
    def build() -> dict[str, list[tuple[dt.date, str]]]:
        found: dict[str, list[tuple[dt.date, str]]] = defaultdict(list)
        for case in frame.case_list():
            day = filing_date(case)
            if day is not None:
                found[case.forum_id].append((day, case.id))
        return {forum: sorted(cases) for forum, cases in found.items()}
    return frame.memoised("counsel.dated_by_forum", build)


@cache
def _firm(name: str | None) -> str:
    """An office's name as compared (its copies print it with or without spaces, brackets
    in either width)."""
    return normalize_firm(name or "")


def usual_counsel(frame: Frame, cases: Iterable[str], suspicious: AbstractSet[str],
                  share: float, gap_days: int, *, agent: str | None = None,
                  office: str | None = None) -> bool:
    """Is the lawyer ``agent`` (an agent id), or the legal-service office ``office`` (its name
    as an agent's line prints it), the usual counsel of the forums where ``cases`` were heard?

    Usual: it acts for the workers of two or more, and of at least ``share``, of those forums'
    other labour suits filed within ``gap_days`` of the first and the last of ``cases`` -
    other meaning not ``suspicious`` (the county's ordinary suits: not the groups being
    judged, nor an operation's other suits - its candidates and its weaker suits, which show
    the screening signs without reaching the seed threshold - which would make an
    operation's own lawyer look usual where it files much). A forum with no such suits says
    nothing, and the counsel is not usual.

    The share is of all the forum's other labour suits, with counsel or without: the usual
    counsel's name is on a large part of them even where many workers sue alone, while a
    lawyer or office that an operation deals its buyers to takes ordinary suits too, but few.
    (``None`` for both ``agent`` and ``office`` names no counsel: never usual.)
    """
    if agent is None and office is None:
        return False
    mine = list(cases)
    days = [d for c in mine if (d := filing_date(frame.cases[c])) is not None]
    if not days:
        return False
    first = min(days) - dt.timedelta(days=gap_days)
    last = max(days) + dt.timedelta(days=gap_days)
    dated = _dated_by_forum(frame)
    firm = _firm(office) if office else None
    suits = named = 0
    for forum in sorted({frame.cases[c].forum_id for c in mine}):
        filed = dated.get(forum, [])
        for day, c in filed[bisect_left(filed, (first, "")):]:
            if day > last:
                break
            if c in suspicious:
                continue
            suits += 1
            named += any(a.side == "worker" and (a.id == agent if agent is not None else
                                                 bool(a.law_firm) and _firm(a.law_firm) == firm)
                         for a in frame.cases[c].agents)
    return named >= 2 and named >= share * suits
