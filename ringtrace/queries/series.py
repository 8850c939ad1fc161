"""Lawyers' links: a practice dominated by candidate suits (:func:`_practice_dominated`), a
lawyer's series against several small employers in the same months (:func:`series_links`), and
a law firm's series shared out among its lawyers (:func:`firm_series_links`).

None is coordination evidence: a lawyer is counsel until shown otherwise, and ring assembly
(:mod:`ringtrace.queries.rings`) lets a lawyer's link join only groups they are central to.
"""

from __future__ import annotations

from collections import Counter, defaultdict

from ringtrace.queries.frame import Frame
from ringtrace.queries.redflags.agents import agent_profile
from ringtrace.queries.redflags.common import filing_date
from ringtrace.queries.ringlinks import Link, RingParams, _distinct_disputes, time_chains


def _practice_dominated(frame: Frame, agent_id: str, cases: list[str],
                        member: list[str], params: RingParams) -> bool:
    """A professional whose practice is dominated by suspicious confirmation suits (their
    ``practice`` link joins cases but, like a ``series`` link, is no coordination evidence: a
    lawyer is counsel, not an intermediary, until shown otherwise).

    A lawyer in general practice takes few uncontested confirmation claims that the rules
    flag; one whose flagged confirmation suits make up a third of all their cases is serving
    a scheme (G7: "集中代理了…系列案"), even while taking ordinary cases besides. ``member`` are
    the lawyer's candidates at small or suspicious employers (a big employer's genuine group
    suits are no sign of a scheme). Lay agents are judged by :func:`intermediary_like`.
    """
    return (agent_profile(frame, agent_id).professional
            and len(member) >= params.practice_min_cases
            and len(member) >= params.practice_share * len(cases))


def series_links(frame: Frame, agent_id: str, member: list[str], candidates: set[str],
                 params: RingParams) -> list[Link]:
    """A professional's candidate suits that come in series against several small employers.

    A lawyer in general practice meets a flagged confirmation suit now and then, each against
    another employer. One who works for a scheme brings a series against the same small
    employer, and series against two or more employers in the same months (G7: "集中代理了…
    系列案"; P8). ``member``: the agent's candidates at small or suspicious employers. Cut into
    runs whose filings follow each other within ``link_gap_days``; in a run, an employer facing
    at least ``series_min_cases`` of them, which are at least half of all the candidates
    against it in that stretch of time (the scheme's chosen counsel, not one lawyer among
    many), is a series. A run with series at ``series_min_employers`` or more employers links
    their cases.
    A ``series`` link joins cases into one ring but is no coordination evidence in
    :func:`rings.strength`: the lawyer may only be counsel the operation hired.
    """
    links: list[Link] = []
    for run in time_chains(frame, member, params.link_gap_days):
        per_employer: dict[str, list[str]] = defaultdict(list)
        for c in run:
            for ref in frame.cases[c].employers:
                per_employer[ref.id].append(c)
        series = [cs for employer, cs in sorted(per_employer.items())
                  if _disputes(frame, cs) >= params.series_min_cases
                  and 2 * len(cs) >= _candidates_between(frame, employer, cs, candidates)]
        if len(series) >= params.series_min_employers:
            links.append(Link("series", agent_id, sorted({c for cs in series for c in cs})))
    return links


def _disputes(frame: Frame, cases: list[str]) -> int:
    """How many different disputes ``cases`` are: a worker's first instance, its appeal, a
    retrial application and a repost of one of them are one suit
    (:func:`~ringtrace.queries.redflags.agents.dispute_key`), and a lawyer who carries one
    client's dispute through three courts has brought no series."""
    return len(_distinct_disputes(frame, cases))


def firm_series_links(frame: Frame, firm_cases: dict[str, set[str]],
                      firm_lawyers: dict[str, set[str]], candidates: set[str],
                      params: RingParams) -> list[Link]:
    """A law firm's candidate suits in series against several small employers, its lawyers
    taking turns.

    A scheme retains a firm as much as a lawyer, and the firm shares the series out: two of
    its lawyers each bring part of the suits against each employer, so neither alone has a
    series (:func:`series_links`) though together they bring most suits against every employer
    the scheme uses (G7's 律师事务所 "集中代理了…系列案"). The firm's candidates must meet the
    same conditions as one lawyer's (at least ``series_min_cases`` against an employer, half
    of its candidates in that stretch of time, at ``series_min_employers`` employers), so a
    firm whose lawyers each meet a genuine client now and then does not qualify; and a
    ``firm_series`` link, like a lawyer's, joins only groups the firm is central to and is no
    coordination evidence.
    """
    links: list[Link] = []
    for firm in sorted(firm_cases):
        if len(firm_lawyers[firm]) < 2:
            continue  # one lawyer: their own series says it already
        for link in series_links(frame, firm, sorted(firm_cases[firm]), candidates, params):
            links.append(Link("firm_series", f"firm:{firm}", link.cases))
    return links


def _firm_of(frame: Frame, agent_id: str, cases: list[str]) -> str | None:
    """The law firm an agent acts for in ``cases`` (the one named most often), if any."""
    named = Counter(a.law_firm for c in cases for a in frame.cases[c].agents
                    if a.id == agent_id and a.law_firm)
    return min(named, key=lambda f: (-named[f], f)) if named else None


def _candidates_between(frame: Frame, employer: str, cases: list[str],
                        candidates: set[str]) -> int:
    """How many candidates against ``employer`` were filed between the first and the last of
    ``cases`` (undated ones count)."""
    days = [d for c in cases if (d := filing_date(frame.cases[c])) is not None]
    first, last = (min(days), max(days)) if days else (None, None)
    count = 0
    for c in frame.employer_cases.get(employer, []):
        if c not in candidates:
            continue
        day = filing_date(frame.cases[c])
        count += day is None or first is None or last is None or first <= day <= last
    return count
