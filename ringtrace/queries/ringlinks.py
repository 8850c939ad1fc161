"""What ring assembly, its link modules and the fragment joins share: the ``[rings]``
parameters (:class:`RingParams`), a link between cases, the union-find that joins them, runs
of cases filed close together, the hosts of impossible starts, what makes a group small
(:func:`_small`, :func:`burst_cases`) and one applicant's copies one dispute
(:func:`_distinct_disputes`).

:mod:`ringtrace.queries.rings` builds groups from the links that
:mod:`~ringtrace.queries.ties`, :mod:`~ringtrace.queries.pairlinks`,
:mod:`~ringtrace.queries.series` and :mod:`~ringtrace.queries.confirmed` find, and
:mod:`ringtrace.queries.fragments` joins the groups of one operation at several employers;
all import this module, so none imports another inside a function.
"""

from __future__ import annotations

import datetime as dt
from bisect import bisect_left, bisect_right
from collections import defaultdict
from collections.abc import Iterable, Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field, fields
from itertools import permutations
from typing import Any, Literal

from ringtrace.graph.identity import masks_compatible
from ringtrace.queries.findings import Finding
from ringtrace.queries.frame import Frame
from ringtrace.queries.redflags.agents import DisputeKey, Reach, dispute_key
from ringtrace.queries.redflags.common import Workforce, filing_date, is_confirmation, to_date
from ringtrace.queries.redflags.group import default_workforce, workforce_of
from ringtrace.queries.rules import RuleConfig
from ringtrace.queries.settings import RingsSettings
from ringtrace.queries.winding_up import WindingUp


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


@dataclass(frozen=True)
class RingParams(RingsSettings):
    """The ``[rings]`` table (:class:`~ringtrace.queries.settings.RingsSettings`) with what ring
    assembly reads besides: the seed threshold and community detection's seed and resolution
    (``[scoring]``), what makes an agent an intermediary and a big employer's workforce."""

    seed_threshold: float
    community_seed: int
    community_resolution: float
    #: what makes an agent an intermediary (``[rules.AGENT_MANY_APPLICANTS]``)
    reach: Reach = field(default_factory=Reach.default)
    #: when suits show a big employer of unknown headcount (``[rules.GROUP_UNPROVEN]``)
    workforce: Workforce = field(default_factory=default_workforce)

    @classmethod
    def of(cls, config: RuleConfig) -> RingParams:
        settings, scoring = config.rings, config.scoring
        values: dict[str, Any] = {"reach": Reach.of(config, "AGENT_MANY_APPLICANTS"),
                                  "workforce": workforce_of(config)}
        for f in fields(cls):
            if f.name in values:
                continue
            raw = getattr(scoring if hasattr(scoring, f.name) else settings, f.name)
            values[f.name] = (tuple(raw) if f.type == "tuple[str, ...]" else
                              int(raw) if f.type == "int" else float(raw))
        return cls(**values)

    @property
    def winding_up(self) -> WindingUp:
        """What makes an employer an old enterprise being wound up (:mod:`~ringtrace.queries.winding_up`)."""
        return WindingUp(self.wound_up_types, self.wound_up_min_years, self.wound_up_filing_days,
                         self.township_marks, self.liquidator_words)


def _chained(kind: str, via: str, frame: Frame, member: list[str], gap: int) -> list[Link]:
    return [Link(kind, via, run) for run in time_chains(frame, member, gap) if len(run) >= 2]


def _distinct_disputes(frame: Frame, cases: Iterable[str]) -> list[tuple[DisputeKey, list[str]]]:
    """The different disputes of ``cases`` (:func:`series._disputes`), each as its key and its
    workers' printed names, in case id order of their first copy."""
    disputes: list[tuple[DisputeKey, list[str]]] = []
    for c in sorted(cases):
        case = frame.cases[c]
        key, names = dispute_key(frame, case), sorted(w.name for w in case.workers)
        if not any(k == key and _same_names(n, names) for k, n in disputes):
            disputes.append((key, names))
    return disputes


def _same_names(a: list[str], b: list[str]) -> bool:
    """Can the printed worker names ``a`` and ``b`` be the same people (either masked in one
    copy, ``张某某`` for ``张桂兰``)? Two workers born the same day who claim the same period
    are two suits when their names differ. The names are paired in any order: a mask that
    hides the first character (``*桂兰``) does not sort where the name does.

    >>> _same_names(["张桂兰", "李明"], ["李*", "*桂兰"]), _same_names(["张桂兰"], ["王桂兰"])
    (True, False)
    """
    if len(a) != len(b):
        return False
    if len(a) > _PAIRING_LIMIT:  # a joined group suit: its order as printed
        return all(masks_compatible(x, y) for x, y in zip(a, b, strict=True))
    return any(all(masks_compatible(x, y) for x, y in zip(a, order, strict=True))
               for order in permutations(b))


#: above this many workers in one suit, names are paired in sorted order, not every way
_PAIRING_LIMIT = 5


def _small(frame: Frame, cases: list[str], most: int) -> bool:
    """Whether a ring is small enough for a personal tie to be its coordination evidence: at
    most ``most`` cases brought by at most ``most`` workers, and - at one employer - at most
    ``most`` suits in the burst they were filed in (:func:`burst_cases`). Three suits that the
    employer's own HR person answered among the six a closing firm's staff filed that month
    are the firm answering its workforce, not a manager paid to admit two or three claims (the
    same person answers every suit of a genuine closure).

    Workers are counted as well as documents: a group suit (several 原告 in one document) is
    several claims, and bought confirmations are filed one applicant to a document
    (:mod:`~ringtrace.queries.redflags.timeline`, "Group suits"). Three group suits of a dozen
    colleagues, which one former colleague files for them all, are a workforce choosing its
    representative (民事诉讼法 art. 61), not a manager admitting two or three claims.
    """
    if len(cases) > most:
        return False
    if len({w.id for c in cases for w in frame.cases[c].workers}) > most:
        return False
    employers = {e.id for c in cases for e in frame.cases[c].employers}
    return len(employers) != 1 or burst_cases(frame, cases, employers) <= most


def burst_cases(frame: Frame, cases: list[str], employers: AbstractSet[str]) -> int:
    """How many confirmation suits against ``employers`` were filed between the first and the
    last filing of ``cases`` (the burst the cases belong to; 0 when none of them is dated).

    A cluster that nothing but its employer and its filing days holds together is a ring only
    if most of it is leads (:func:`~ringtrace.queries.scan.reportable`); and "most" is of the
    burst, not of the few of its suits that the rules flagged: three leads among the fifty
    suits a restructured factory's workforce filed in one season are three leads, while a
    bought cohort's suits are leads nearly all (issue 15: "a burst alone makes a ring").
    :func:`rings.structure` counts it for a cluster at one employer only: one that spans employers
    is held together by more than one employer's season (a lawyer's series, an operation), and
    the share of leads in some other employer's season says nothing about it.
    """
    days = [d for c in cases if (d := filing_date(frame.cases[c])) is not None]
    if not days:
        return 0
    first, last = min(days), max(days)
    found: set[str] = set()
    for employer in employers:
        for c in frame.employer_cases.get(employer, []):
            case = frame.cases[c]
            day = filing_date(case)
            if is_confirmation(case) and day is not None and first <= day <= last:
                found.add(c)
    return len(found | set(cases))
