"""A lay nominee's suits at several hosts: the intermediary's reach across employers (E7).

:func:`reach_links` reads the worker-side lay agents of the candidate suits and ties the runs
one of them brought against different employers within weeks; :func:`reach_partners` adds
the weaker suits such a run joins to a candidate, and :func:`reach_tied` says when a small
ring held by such a run is as strong as ``nominee_reach_strength``. Ring assembly
(:mod:`ringtrace.queries.rings`) calls all three.
"""

from __future__ import annotations

import dataclasses
from collections import defaultdict
from collections.abc import Iterable, Mapping
from collections.abc import Set as AbstractSet

from ringtrace.graph.identity import is_masked_name
from ringtrace.queries.frame import AgentRef, CaseInfo, Frame
from ringtrace.queries.model import RingStructure
from ringtrace.queries.redflags.agents import Reach, intermediary_like
from ringtrace.queries.redflags.common import is_confirmation
from ringtrace.queries.redflags.support import BODIES
from ringtrace.queries.ringlinks import Link, RingParams, time_chains
from ringtrace.queries.scoring import CaseScore
from ringtrace.queries.ties import _prefecture
from ringtrace.regions.places import region_from_name


@dataclasses.dataclass(frozen=True)
class ReachBounds:
    """What :func:`reach_links` ties and :func:`reach_partners` joins: how far apart (days) a
    nominee's suits at different employers may be filed, what makes the nominee an
    intermediary, and the scores a weaker suit joined beside a candidate lies between."""

    #: a suit scoring at least this (``[rings] weak_tie_floor``) ...
    floor: float
    #: ... and below this (``[scoring] seed_threshold``: the candidates' own bar)
    ceiling: float
    #: suits filed this close (days) are one run (``[rings] nominee_reach_days``)
    days: int
    #: the agent must be intermediary-like with these bounds (``[rules.AGENT_MANY_APPLICANTS]``,
    #: from ``[rings] agent_link_min_workers`` applicants on, as for an intermediary's link)
    reach: Reach


def reach_bounds(params: RingParams) -> ReachBounds:
    """The bounds ring assembly reads from ``params``: ``weak_tie_floor`` up to the seed
    threshold, ``nominee_reach_days``, and the nominee intermediary-like from
    ``agent_link_min_workers`` applicants on, as for an intermediary's link."""
    return ReachBounds(params.weak_tie_floor, params.seed_threshold, params.nominee_reach_days,
                       dataclasses.replace(params.reach, min_applicants=params.agent_link_min_workers))


def reach_links(frame: Frame, cases: AbstractSet[str], bounds: ReachBounds) -> list[Link]:
    """Runs of ``cases`` (callers leave out suits with proof) filed within ``bounds.days`` of
    each other, each an uncontested one-applicant confirmation suit, in which one and the same
    lay person who is neither the worker's relative nor a professional nor anyone's staff (a
    citizen "经社区/村民委员会推荐", or printed with no relation at all) acts for the worker,
    against two or more different employers, for applicants shown not to be one family who live
    in two or more prefectures (:func:`_homes_apart`), when the person is intermediary-like
    (:func:`~ringtrace.queries.redflags.agents.intermediary_like`): a ``reach`` link made by
    ``worker:<person>``, which a small ring counts as coordination
    (:data:`~ringtrace.queries.rings.SMALL_RING_EVIDENCE`, :func:`reach_tied`).

    Why it holds: since 2012 a citizen may act in a civil suit only as a party's close
    relative, its staff or a community's nominee (民事诉讼法 art. 61); a workforce belongs to one
    employer, while an intermediary uses several hosts (docs/domain.md §3.3 E7: "agents,
    phones, addresses shared across several host employers"; §7.4) and files at whichever
    forum each host answers to. The same nominee bringing, within weeks, one applicant's suit
    against one small firm and another's against an unrelated firm is the reach of the
    published intermediaries (P6, G7), and it is printed on both documents: the agent's name
    with birth date or phone, the two employers, the filing days. What an investigator can ask
    the nominee is how they came to act for strangers against two firms that month.

    What it does not catch (docs/domain.md §3.2): a relative acting for family members who
    worked at different firms (a son for both parents) - relatives are left out, and so are
    applicants who may be one family (one surname, one address, or a masked name, as a
    relative printed without the relation is an ``other`` agent too); a closing firm's staff
    (L2) and a big employer's old workers (L4) - a run needs two employers, so one workforce's
    suits never make one (the one-employer ties are :func:`~ringtrace.queries.ties.tie_links`');
    a supported or archive-backed suit (L1, L3) - callers leave out suits with proof; a
    contested suit or a group suit (several applicants, one period) - left out; a village
    committee's nominee or a co-worker helping the village's or the works' old people, each of
    whom really worked at a different firm, to their confirmations - the helper's clients live
    in one village or one town, so the run asks for homes in two prefectures, which no village
    nominee's neighbours have (a union's or legal-aid centre's nominee is no lay nominee at all).
    A nominee at two employers who is not intermediary-like (most of their suits not suspicious, or
    their clients not mostly near retirement) ties nothing.
    """
    by_person: dict[str, list[str]] = defaultdict(list)
    for c in sorted(cases):
        case = frame.cases[c]
        if _one_uncontested_confirmation(case):
            for agent in {a.id for a in case.agents if lay_nominee(a)}:
                by_person[agent].append(c)
    links: list[Link] = []
    for person, held in sorted(by_person.items()):
        if len(held) < 2:
            continue
        for run in time_chains(frame, held, bounds.days, dated_only=True):
            employers = {e.id for c in run for e in frame.cases[c].employers}
            if (len(employers) >= 2 and _strangers(frame, run) and _homes_apart(frame, run)
                    and intermediary_like(frame, person, bounds.reach)):
                links.append(Link("reach", f"worker:{person}", run))
    return links


def reach_partners(frame: Frame, scores: Mapping[str, CaseScore], candidates: AbstractSet[str],
                   proven: AbstractSet[str], bounds: ReachBounds) -> set[str]:
    """Confirmation suits scoring from ``bounds.floor`` up to (not including) ``bounds.ceiling``,
    without proof of the employment (``proven``), that a ``reach`` link (:func:`reach_links`)
    joins to a candidate: the weaker suit of a nominee who, that month, brought another
    applicant's candidate suit against another employer.

    The weaker suit shows the screening signs and little more - a buyer's claim that its host
    admitted with the fewest words (SPP-2024-04) - and without its partner stays one case
    among thousands; the nominee's reach across hosts is on both documents, and it does not
    depend on how much else the weaker one says. It joins only beside a candidate.
    """
    weak = {c for c, s in scores.items()
            if bounds.floor <= s.rule_score < bounds.ceiling and c not in proven}
    if not weak:
        return set()
    joined: set[str] = set()
    for link in reach_links(frame, (set(candidates) | weak) - proven, bounds):
        if not candidates.isdisjoint(link.cases):
            joined.update(c for c in link.cases if c in weak)
    return joined


def reach_tied(struct: RingStructure, most: int) -> bool:
    """Is the ring a small one (at most ``most`` cases) that coordination evidence ties whole,
    among it a ``reach`` link (:func:`reach_links`)?

    Two facts that do not depend on each other, as for a tied batch
    (:func:`~ringtrace.queries.rings.tied_batch`): one person outside the family controlled
    the suits, and the suits are at unrelated hosts, so no workforce's common event explains
    them. Such a ring is as strong as ``nominee_reach_strength``, so that its weaker suits, which show
    only the screening signs, are leads beside the one that gives the purchase away; a larger
    cluster never qualifies.
    """
    return (struct.cases <= most and "reach" in struct.link_kinds
            and struct.coordinated_share >= 1.0)


def _one_uncontested_confirmation(case: CaseInfo) -> bool:
    """A confirmation suit of one applicant that the employer did not contest: a group suit is
    a workforce's, and a contested one shows an adverse interest (E3)."""
    return len(case.workers) == 1 and case.uncontested and is_confirmation(case)


def lay_nominee(agent: AgentRef) -> bool:
    """A worker's agent who is a citizen acting as a nominee or with no relation printed
    (``other``): not a relative, the employer's staff, nor a lawyer or legal worker - nor a
    citizen a union, legal-aid centre or women's federation put forward (``经某县总工会推荐``,
    民事诉讼法 art. 61's 社会团体推荐的公民): such a body helps old workers of several closing firms
    at once, and vetted them as it does when it supports a suit (docs/domain.md §3.2 L3, §3.3 E6)."""
    return (agent.side == "worker" and agent.kind == "other"
            and not (agent.relation and BODIES.search(agent.relation)))


def _strangers(frame: Frame, run: Iterable[str]) -> bool:
    """Are the applicants of ``run`` shown not to be one family: two or more people, all
    named in full, no two of one surname or of one printed address? A relative printed
    without the relation is an ``other`` agent too, and a family's members may have worked
    at different firms.

    Stricter than one-employer ties ask (any two of a surname or address, not all), since a
    nominee's two clients at two firms are all the run has."""
    workers = {w.id: w.name for c in run for w in frame.cases[c].workers}
    names = list(workers.values())
    if len(workers) < 2 or any(not n or is_masked_name(n) for n in names):
        return False
    if len({n[0] for n in names}) < len(names):
        return False
    addresses = [a for w in workers if (a := str(frame.persons.get(w, {}).get("address") or ""))]
    return len(set(addresses)) == len(addresses)


def _homes_apart(frame: Frame, run: Iterable[str]) -> bool:
    """Do the applicants of ``run`` live in two or more prefectures, by the addresses their
    documents print? An address that names no known place shows nothing, and neither does one
    known only by its province: the run is then not shown to reach beyond one place.

    A prefecture is the first four digits of the region code, a municipality's first two (its
    districts and counties are one city; :func:`~ringtrace.queries.ties._prefecture`)."""
    places: set[str] = set()
    for c in run:
        for w in frame.cases[c].workers:
            code = region_from_name(str(frame.persons.get(w.id, {}).get("address") or ""))
            place = _prefecture(code) if code is not None else None
            if place is None:
                return False
            places.add(place)
    return len(places) >= 2
