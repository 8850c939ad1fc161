"""What ring assembly and the fragment joins share: a link between cases, the union-find
that joins them, runs of cases filed close together, and the hosts of impossible starts.

:mod:`ringtrace.queries.rings` builds groups from these links and
:mod:`ringtrace.queries.fragments` joins the groups of one operation at several employers;
both import this module, so neither imports the other inside a function.
"""

from __future__ import annotations

import datetime as dt
from bisect import bisect_left, bisect_right
from collections import defaultdict
from collections.abc import Iterable, Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass
from typing import Literal

from ringtrace.queries.findings import Finding
from ringtrace.queries.frame import Frame
from ringtrace.queries.redflags.common import filing_date, to_date


class UnionFind:
    def __init__(self, items: Iterable[str]) -> None:
        self.parent = {i: i for i in items}
        #: members per root
        self.size = dict.fromkeys(self.parent, 1)

    def find(self, x: str) -> str:
        root = x
        while self.parent[root] != root:
            root = self.parent[root]
        while self.parent[x] != root:
            self.parent[x], x = root, self.parent[x]
        return root

    def union(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            if rb < ra:
                ra, rb = rb, ra
            self.parent[rb] = ra
            self.size[ra] += self.size.pop(rb)

    def union_all(self, items: Sequence[str]) -> None:
        """Put every one of ``items`` in the set of the first (a link's cases)."""
        for other in items[1:]:
            self.union(items[0], other)


@dataclass
class Link:
    """Why a set of cases belongs together: the link kind and the node that links them."""

    kind: str  # agent | identifier | employer | batch | series | practice
    via: str
    cases: list[str]


def time_chains(frame: Frame, cases: list[str], max_gap_days: int,
                dated_only: bool = False) -> list[list[str]]:
    """``cases`` cut into runs whose consecutive filing dates are at most ``max_gap_days``
    apart; each run sorted by case id. Undated cases (a repost printing no date at all) join
    the first run - one agent in every copy is a link whenever they were filed - unless
    ``dated_only``: a tie that says "filed within days of each other" cannot cite a case
    whose day is unknown, and compares like with like (:func:`dated_runs`)."""
    if dated_only:
        return dated_runs(frame, cases, max_gap_days)
    days = {c: filing_date(frame.cases[c]) for c in cases}
    dated = sorted((d, c) for c, d in days.items() if d is not None)
    undated = [c for c, d in days.items() if d is None]
    runs = _runs(dated, max_gap_days) or [[]]
    runs[0] += undated
    return [sorted(run) for run in runs]


def _runs(dated: list[tuple[dt.date, str]], max_gap_days: int) -> list[list[str]]:
    """Sorted (day, case) pairs cut where consecutive days lie more than ``max_gap_days``
    apart."""
    runs: list[list[str]] = []
    previous = None
    for day, c in dated:
        if previous is None or (day - previous).days > max_gap_days:
            runs.append([])
        runs[-1].append(c)
        previous = day
    return runs


def dated_runs(frame: Frame, cases: list[str], max_gap_days: int) -> list[list[str]]:
    """``cases`` that print a date, in runs of suits within ``max_gap_days`` of each other:
    by their best date of filing (:func:`filing_date`), or - when one of two copies prints no
    filing date - by one kind of date that both print (heard or decided within the window);
    each run sorted by case id,
    runs in order of their earliest best date. Copies printing no date at all are left out.

    Many copies print no filing date (a mediation statement, a mirror page's award), so
    their best date is the decision, weeks or months after the filing another copy prints:
    two suits a nominee filed in one round and a court decided 25 days apart would show 117
    days between one's filing and the other's decision. Suits are compared on the date both
    print as well, decision with decision, so that the round is seen whichever dates a copy
    kept; the window is the caller's and stays what it was. Two copies that both print their
    filing are compared on it alone: a court hears and decides an employer's suits in one
    sitting whenever they were filed, so a shared decision day is the court's calendar, not
    one hand filing for both.
    """
    best = {c: d for c in cases if (d := filing_date(frame.cases[c])) is not None}
    uf = UnionFind(sorted(best))
    for run in _runs(sorted((d, c) for c, d in best.items()), max_gap_days):
        uf.union_all(sorted(run))
    filed = {c for c in best if to_date(frame.cases[c].props.get("filing_date")) is not None}
    for key in _DATE_KINDS[1:]:
        printed = sorted((d, c) for c in best
                         if (d := to_date(frame.cases[c].props.get(key))) is not None)
        _pair_unfiled(uf, printed, filed, max_gap_days)
    runs: dict[str, list[str]] = defaultdict(list)
    for c in sorted(best):
        runs[uf.find(c)].append(c)
    return sorted(runs.values(), key=lambda run: (min(best[c] for c in run), run[0]))


def _pair_unfiled(uf: UnionFind, printed: list[tuple[dt.date, str]], filed: AbstractSet[str],
                  max_gap_days: int) -> None:
    """Join, in ``uf``, each two of the sorted (day, case) pairs within ``max_gap_days`` of
    each other of which at least one copy prints no filing date: two copies that each print
    their filing were filed when they say, whenever a court heard or decided them.

    Each copy without a filing joins every copy within its window; a window that overlaps
    the one before is already joined up to that one's end, so each copy is visited a bounded
    number of times (linear in ``printed`` after the sort, however dense a sitting).
    """
    days = [day for day, _c in printed]
    reach = -1  # the last index the windows so far have joined
    for day, c in printed:
        if c in filed:
            continue
        lo = bisect_left(days, day - dt.timedelta(days=max_gap_days))
        hi = bisect_right(days, day + dt.timedelta(days=max_gap_days)) - 1
        if lo <= reach:  # [lo, reach] lies in one window before: its copy's component
            uf.union(c, printed[reach][1])
        for k in range(max(lo, reach + 1), hi + 1):
            uf.union(c, printed[k][1])
        reach = max(reach, hi)


#: each kind of date a copy may print, compared only with the same kind (:func:`dated_runs`)
_DATE_KINDS: tuple[Literal["filing_date", "hearing_date", "decision_date"], ...] = (
    "filing_date", "hearing_date", "decision_date")


def anchored_employers(frame: Frame, findings: list[Finding], candidates: AbstractSet[str],
                       anchored_rules: Iterable[str]) -> set[str]:
    """Employers with two or more candidates that share one employer-anchored case finding
    (``anchored_rules``, ``[rings] employer_anchored_rules``: claims starting before the
    employer existed: one host, whoever the lawyers are)."""
    rules = set(anchored_rules)
    per_employer: dict[tuple[str, str], set[str]] = defaultdict(set)
    for f in findings:
        if f.rule_id in rules:
            for c in f.cases:
                if c in candidates:
                    for ref in frame.cases[c].employers:
                        per_employer[(f.rule_id, ref.id)].add(c)
    return {employer for (_rule, employer), cases in per_employer.items() if len(cases) >= 2}
