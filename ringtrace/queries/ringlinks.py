"""What ring assembly and the fragment joins share: a link between cases, the union-find
that joins them, runs of cases filed close together, and the hosts of impossible starts.

:mod:`ringtrace.queries.rings` builds groups from these links and
:mod:`ringtrace.queries.fragments` joins the groups of one operation at several employers;
both import this module, so neither imports the other inside a function.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass

from ringtrace.queries.findings import Finding
from ringtrace.queries.frame import Frame
from ringtrace.queries.redflags.common import filing_date


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
    whose day is unknown."""
    days = {c: filing_date(frame.cases[c]) for c in cases}
    dated = sorted((d, c) for c, d in days.items() if d is not None)
    undated = [] if dated_only else [c for c, d in days.items() if d is None]
    runs: list[list[str]] = []
    previous = None
    for day, c in dated:
        if previous is None or (day - previous).days > max_gap_days:
            runs.append([])
        runs[-1].append(c)
        previous = day
    if not runs:
        runs.append([])
    runs[0] += undated
    return [sorted(run) for run in runs]


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
