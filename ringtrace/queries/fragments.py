"""Joining the parts of one operation that works several employers.

Ring assembly (:mod:`ringtrace.queries.rings`) builds groups from links that mostly stay at one
employer (its burst, its batches, its impossible starts) and joins groups across employers
through an intermediary or a lawyer central to each of them. An operation that sells
confirmations at several dormant employers and sends its applicants to ordinary lawyers has no
such person: each employer's suits come out as a ring of their own, each holding under half
of the operation, and the investigator sees several small schemes instead of one.

Three facts join the parts, each its own function and each cited in the ring as a
``series`` link (one agent's suits at several employers) or a ``firm_series`` link:

* :func:`impossible_start_links` - one agent whose suits at two or more employers each claim
  employment from before that employer existed;
* :func:`dealt_counsel_links` - two groups at different employers, in the same stretch of
  time, served by the same two or more lawyers of two or more firms;
* :func:`office_links` - groups at different employers in the same months, in each of which
  one legal-service office acts in most suits (cited as ``firm_series``).

Neither is coordination evidence in :func:`~ringtrace.queries.rings.strength`: a lawyer is
counsel, not an intermediary, until shown otherwise; the links say which parts belong together.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from collections.abc import Set as AbstractSet
from dataclasses import dataclass
from itertools import combinations

from ringtrace.queries.counsel import usual_counsel
from ringtrace.queries.findings import Finding
from ringtrace.queries.frame import Frame
from ringtrace.queries.redflags.common import PROFESSIONAL, filing_date
from ringtrace.queries.ringlinks import Link, RingParams, UnionFind, anchored_employers, time_chains


def impossible_start_links(frame: Frame, findings: list[Finding], candidates: AbstractSet[str],
                           params: RingParams) -> list[Link]:
    """One agent acting for the workers in candidate suits that claim employment from before
    the employer was founded (``employer_anchored_rules``), at ``founding_join_employers`` or
    more employers that each have two or more such candidates, the suits following each other
    within ``link_gap_days``.

    A start before the employer existed is not a matter of memory or of a busy practice: the
    employment cannot have happened, and the claim was written for the applicant (the
    registry date is public, 国家企业信用信息公示系统). A genuine client's lawyer meets such a
    suit rarely, at one employer whose registration was late; a lawyer who files impossible
    periods against two different employers in the same stretch of time files them for
    whoever supplies the applicants and the host (issue 15: "claimed employment that starts
    before the employer was founded, with lawyers ... as agents"). Only employers with two or
    more such candidates count (the hosts :func:`~ringtrace.queries.ringlinks.anchored_employers`
    already makes one group each): one impossible start alone may be the registry's error -
    a re-registration, a date mistyped - and a busy lawyer's two clients a year apart, each
    the only one at their employer, are no operation. This link joins the hosts' groups and
    cites the agent who is in both; the agent's other clients stay apart.
    """
    anchored = set(params.employer_anchored_rules)
    hosts = anchored_employers(frame, findings, candidates, anchored)
    impossible = {c for f in findings if f.rule_id in anchored for c in f.cases
                  if c in candidates and any(e.id in hosts for e in frame.cases[c].employers)}
    links: list[Link] = []
    for agent_id in sorted(frame.agent_cases):
        mine = [c for c in frame.agent_cases[agent_id] if c in impossible
                and any(a.id == agent_id and a.side == "worker" for a in frame.cases[c].agents)]
        if len(mine) < 2:
            continue
        for run in time_chains(frame, mine, params.link_gap_days):
            employers = {e.id for c in run for e in frame.cases[c].employers}
            if len(employers) >= params.founding_join_employers:
                links.append(Link("series", agent_id, run))
    return links


@dataclass(frozen=True)
class _Group:
    """A group of cases as assembly left it, with what :func:`dealt_counsel_links` compares."""

    cases: tuple[str, ...]
    employers: frozenset[str]
    #: worker-side professional -> their cases in the group
    counsel: dict[str, list[str]]
    #: professional -> their law firm (or office) as printed in the group's suits
    firm: dict[str, str]
    #: legal-service office (法律服务所) -> the cases its workers act in for workers
    offices: dict[str, set[str]]
    first: dt.date
    last: dt.date


def _groups(frame: Frame, uf: UnionFind, candidates: Iterable[str], least: int) -> list[_Group]:
    members: dict[str, list[str]] = defaultdict(list)
    for c in sorted(candidates):
        members[uf.find(c)].append(c)
    groups: list[_Group] = []
    for root in sorted(members):
        cases = members[root]
        days = sorted(d for c in cases if (d := filing_date(frame.cases[c])) is not None)
        if len(cases) < least or not days:
            continue
        counsel: dict[str, list[str]] = defaultdict(list)
        firm: dict[str, str] = {}
        offices: dict[str, set[str]] = defaultdict(set)
        for c in cases:
            for a in frame.cases[c].agents:
                if a.side == "worker" and a.kind in PROFESSIONAL and a.kind != "legal_aid":
                    # a lawyer a legal-aid centre assigned joins no groups
                    # (redflags.agents.assigned_by_legal_aid)
                    counsel[a.id].append(c)
                    if a.law_firm:
                        firm.setdefault(a.id, a.law_firm)
                        if a.kind == "legal_worker":
                            offices[a.law_firm].add(c)
        groups.append(_Group(tuple(cases), frozenset(e.id for c in cases
                                                     for e in frame.cases[c].employers),
                             dict(counsel), firm, dict(offices), days[0], days[-1]))
    return groups


def dealt_counsel_links(frame: Frame, uf: UnionFind, candidates: AbstractSet[str],
                        params: RingParams, weak: AbstractSet[str] = frozenset()) -> list[Link]:
    """Two groups of at least ``counsel_join_group_cases`` candidates at different employers,
    filed within ``link_gap_days`` of each other, in which the same ``counsel_join_lawyers``
    or more professionals, of ``counsel_join_firms`` or more firms, each act for workers in
    both groups: one ``series`` link per such professional, over their cases in the two.

    Workers choose their own counsel. Two genuine workforces in one town may each come to the
    town's best-known lawyer, and one busy firm's lawyers meet clients of many employers (its
    intake desk hands them out): neither is one hand. Lawyers of *different* firms who each
    act in the suits of both groups, in the same months, were not chosen by the applicants
    one by one; the applicants were sent to them, as an operation that sells confirmations at
    several dormant employers deals its buyers out to the lawyers it uses (issue 15: "lawyers
    (legitimate professionals) as agents"; G7: a few firms "集中代理了…系列案"). Each group is
    already a group of suspicious candidates on its own evidence (a burst, impossible starts,
    an employer with more confirmations than staff); the shared lawyers say they are one
    operation's. A lawyer who is in one group only, or a firm whose lawyers share the
    clients, joins nothing; nor does the county's usual counsel
    (:func:`~ringtrace.queries.counsel.usual_counsel`: a lawyer named for the workers in
    ``usual_counsel_share`` of the forum's ordinary labour suits of those years: neither
    candidates nor the ``weak`` suits that show the screening signs, an operation's own). In a
    real county two or three lawyers take most workers' labour suits, of every employer: two
    genuine workforces that each went to them were sent by no one, and a lawyer counts
    toward ``counsel_join_lawyers`` only where the forum's other suits rarely name them.
    """
    groups = _groups(frame, uf, candidates, params.counsel_join_group_cases)
    by_counsel: dict[str, list[int]] = defaultdict(list)
    for i, g in enumerate(groups):
        for agent_id in g.counsel:
            by_counsel[agent_id].append(i)
    pairs: set[tuple[int, int]] = set()
    for indices in by_counsel.values():
        pairs.update(combinations(indices, 2))
    links: list[Link] = []
    for i, j in sorted(pairs):
        a, b = groups[i], groups[j]
        if a.employers & b.employers or _apart(a, b) > params.link_gap_days:
            continue
        both = [*a.cases, *b.cases]
        shared = [x for x in sorted(set(a.counsel) & set(b.counsel))
                  if not usual_counsel(frame, both, candidates | weak,
                                       params.usual_counsel_share, params.link_gap_days,
                                       agent=x)]
        firms = {a.firm.get(x) or b.firm.get(x) or x for x in shared}
        if len(shared) < params.counsel_join_lawyers or len(firms) < params.counsel_join_firms:
            continue
        links += [Link("series", x, sorted({*a.counsel[x], *b.counsel[x]})) for x in shared]
    return links


def office_links(frame: Frame, uf: UnionFind, candidates: AbstractSet[str],
                 params: RingParams, weak: AbstractSet[str] = frozenset()) -> list[Link]:
    """Two or more groups of at least ``counsel_join_group_cases`` candidates at different
    employers, filed within ``link_gap_days`` of each other, in each of which workers of one
    legal-service office (法律服务所, ``legal_worker``) act for the applicants in at least
    ``office_join_share`` of the suits: one ``firm_series`` link over the office's cases in them.

    A 法律服务所 is a township or district office of a few basic legal-service workers, who may
    take a suit only for clients of their own county (the Ministry of Justice's
    基层法律服务工作者管理办法). An operation's suits are shared out among its workers (two in
    turn, a copy printing a masked name), so no one of them is central to each group
    (:func:`~ringtrace.queries.rings._bridge`) while the office acts in most suits of both:
    one small office that filed most of the flagged suits at two small employers in the same
    months is one hand. A law firm is a practice of many lawyers anywhere, whose clients of
    several employers share an intake desk, not a hand (:func:`dealt_counsel_links` asks
    lawyers of two firms); and groups of one case, a busy office's lone clients, join nothing.
    Nor does the county's usual office (:func:`~ringtrace.queries.counsel.usual_counsel`:
    named for the workers in ``usual_counsel_share`` of the forum's ordinary labour suits of
    those years, neither candidates nor ``weak``): where one 法律服务所 acts for most workers of the county who have counsel,
    it acts in most suits of every group the county's closures bring, and two genuine
    workforces that it served are two groups, not one hand.
    """
    groups = _groups(frame, uf, candidates, params.counsel_join_group_cases)
    central: dict[str, list[_Group]] = defaultdict(list)
    for g in groups:
        for office, cases in g.offices.items():
            if len(cases) >= params.office_join_share * len(g.cases):
                central[office].append(g)
    links: list[Link] = []
    for office in sorted(central):
        runs: list[list[_Group]] = []
        for g in sorted(central[office], key=lambda g: (g.first, g.cases)):
            if runs and _apart(runs[-1][-1], g) <= params.link_gap_days:
                runs[-1].append(g)
            else:
                runs.append([g])
        for run in runs:
            employers = [e for x in run for e in x.employers]
            if len(run) >= 2 and len(set(employers)) == len(employers) and not usual_counsel(
                    frame, [c for x in run for c in x.cases], candidates | weak,
                    params.usual_counsel_share, params.link_gap_days, office=office):
                joined = sorted({c for x in run for c in x.offices[office]})
                links.append(Link("firm_series", f"firm:{office}", joined))
    return links


def _apart(a: _Group, b: _Group) -> int:
    """Days between two groups' filing windows (0 when they overlap)."""
    return max(0, (b.first - a.last).days, (a.first - b.last).days)


def join_fragments(frame: Frame, uf: UnionFind, findings: list[Finding],
                   candidates: AbstractSet[str], params: RingParams,
                   weak: AbstractSet[str] = frozenset()) -> list[Link]:
    """Join, in ``uf``, the groups of one operation at several employers
    (:func:`impossible_start_links`, then :func:`dealt_counsel_links` and :func:`office_links`
    over the groups that leaves) and return the links that joined them, for the rings to
    cite. ``weak``: suits below the seed threshold that are no ordinary suits either
    (``usual_counsel_ordinary_below``), left out of the county's usual counsel."""
    links = impossible_start_links(frame, findings, candidates, params)
    for link in links:
        uf.union_all(link.cases)
    for join in (dealt_counsel_links, office_links):
        found = join(frame, uf, candidates, params, weak)
        for link in found:
            uf.union_all(link.cases)
        links += found
    return links
