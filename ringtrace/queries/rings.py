"""Rings: groups of cases held together by explicit evidence, assembled deterministically.

1. **Candidates**: confirmation cases whose rule score reaches ``seed_threshold``.
2. **Evidence links** between candidates: the same intermediary-like agent (see
   :func:`~ringtrace.queries.redflags.agents.intermediary_like`; agents are entities after
   resolution, so a bare mention of an identified agent is that agent, see ``ringtrace.resolve``),
   or a lawyer whose practice is dominated by candidates (``practice_share``), or a lawyer's
   series against two or more small employers in the same months (:func:`series_links`) -
   lawyers' links join only groups they are central to (:func:`_bridge`); the same phone or address
   among applicants, lay agents and the employer side; the same suspicious employer (one
   flagged for a burst, for confirmations above its headcount or for a near-retirement
   cohort); two or more candidates against one employer filed or decided within
   ``batch_link_days`` of each other; two candidates against one employer where an applicant
   in one is a lay agent in the other (:func:`kin_links`); uncontested candidates against one
   employer filed together in which one lay person acts for the workers or for the employer in
   each (:func:`tie_links`), or for whose workers one legal-service office far from the forum
   acts (:func:`office_ties`), or one community nominee acts for the workers though the
   employer contested (:func:`lay_agent_ties`), or one manager admits suits that one firm's
   lawyers drafted in a small ring without proof (:func:`admitted_with_counsel`), or the
   employer's office holder is printed masked in one suit and named in another
   (:func:`office_holder_ties`); candidates against one employer filed within days whose
   applicants each claim the pension's fifteen years though they left the employer apart
   (:func:`pension_minimum_pairs`, a ``template`` link), or whose applicants the employer
   admitted to years before it existed (:func:`founding_pairs`) - in a ring of at most
   ``tie_max_cases`` cases a ``tie``, ``kin``, ``template`` or ``founding`` link is coordination evidence
   (:data:`SMALL_RING_EVIDENCE`), so that two leads tied by a person are a ring; such
   a tie also brings in suits without proof that show only the screening signs
   (:func:`weak_ties`); candidates of one employer mediated on one day, filed in one week,
   whose applicants left it apart (:func:`mediated_pairs`, a ``mediated`` link) count like a
   template pair, and either link brings in the weaker claim of its pair
   (:func:`pair_partners`); a small ring tied and batched whole is strong
   (:func:`tied_batch`). "Filed together" compares a copy's dates with the same kind of
   date in the other copy as well (:func:`~ringtrace.queries.ringlinks.dated_runs`).
   An agent, identifier or employer link only joins cases that follow each other within
   ``link_gap_days`` (``[rings]`` in ``rules.toml``): an operation runs for months, a local
   legal-service worker who meets two applicants four years apart is not one, nor are two
   suits against one firm four years apart; an intermediary's batches (two or more cases each)
   join across ``operation_gap_days`` (:func:`operation_links`).
3. **Hub handling**: an ordinary representative (a busy law firm's lawyer, an employer's own
   staff), an identifier shared by more than ``hub_people`` people, and an employer that is not
   itself suspicious (a big employer with many genuine cases) link nothing; nor does any link
   that stays inside one employer insured for ``large_employer_headcount`` or more people and
   not itself suspicious.
4. **Components** of the link graph (union-find over sorted ids) with at least
   ``min_ring_cases`` cases are rings; a component above ``max_ring_cases`` is split by
   community detection (fixed, recorded seed). Before that, the groups of one operation at
   several employers are joined on the lawyers their suits share
   (:mod:`ringtrace.queries.fragments`).
5. **Stable ids**: a ring's id is a hash of its earliest case id, so it survives re-scans.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field, fields
from itertools import permutations
from typing import Any, Literal

import numpy as np

from ringtrace.graph.identity import is_masked_name, masks_compatible, ring_id
from ringtrace.queries.communities import communities
from ringtrace.queries.findings import Finding
from ringtrace.queries.fragments import join_fragments
from ringtrace.queries.frame import AgentRef, CaseInfo, Frame
from ringtrace.queries.model import RingStructure
from ringtrace.queries.redflags.agents import (
    DisputeKey,
    Reach,
    agent_profile,
    dispute_key,
    intermediary_like,
)
from ringtrace.queries.redflags.common import (
    PROFESSIONAL,
    Workforce,
    filing_date,
    is_confirmation,
    large_employers,
    to_date,
)
from ringtrace.queries.redflags.contacts import sharing_by_identifier
from ringtrace.queries.redflags.group import default_workforce, workforce_of
from ringtrace.queries.ringlinks import Link, UnionFind, anchored_employers, time_chains
from ringtrace.queries.rules import RuleConfig
from ringtrace.queries.scoring import CaseScore
from ringtrace.queries.settings import RingsSettings
from ringtrace.queries.winding_up import WindingUp, wound_up
from ringtrace.regions import gb2260
from ringtrace.regions.places import region_from_name

#: the dates a batch of suits shares (:func:`batch_links`)
_BATCH_DATES: tuple[Literal["filing_date", "decision_date"], ...] = ("filing_date", "decision_date")


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


@dataclass
class Ring:
    ring_id: str
    cases: list[str]
    links: list[Link] = field(default_factory=list)
    community: int | None = None  # set when the ring came from splitting a large component
    #: at most ``tie_max_cases`` cases, and of its burst at one employer (:func:`_small`): a
    #: personal tie (``tie``, ``kin``) is its coordination
    small: bool = False
    score: float = 0.0


def _chained(kind: str, via: str, frame: Frame, member: list[str], gap: int) -> list[Link]:
    return [Link(kind, via, run) for run in time_chains(frame, member, gap) if len(run) >= 2]


def operation_links(frame: Frame, agent_id: str, member: list[str], gap: int,
                    operation_gap: int) -> list[Link]:
    """An intermediary's cases, chained within ``gap`` days; then consecutive runs that are
    each a batch (two or more cases) join across up to ``operation_gap`` days.

    The gap rule keeps a lay agent who meets two applicants years apart from tying them; an
    intermediary who brings a batch to one employer and, two years on, another batch to the
    next employer is one operation: published operations ran for two to three years
    (Jilin 2016-2018, docs/domain.md §7.2; the published filings span 2017-2019, §7.4), moving
    between employers as each
    one's quota filled. A lone case on either side of a long gap still joins nothing.
    """
    runs = time_chains(frame, member, gap)
    days = {c: filing_date(frame.cases[c]) for c in member}
    merged: list[list[str]] = []
    last_day: dt.date | None = None
    for run in runs:
        dated = sorted(d for c in run if (d := days[c]) is not None)
        if (merged and len(merged[-1]) >= 2 and len(run) >= 2 and dated and last_day
                is not None and (dated[0] - last_day).days <= operation_gap):
            merged[-1] = sorted(merged[-1] + run)
        else:
            merged.append(list(run))
        if dated:
            last_day = dated[-1]
    return [Link("agent", agent_id, run) for run in merged if len(run) >= 2]


def batch_links(frame: Frame, candidates: set[str], days: int) -> list[Link]:
    """Two or more candidates against one employer filed, or decided, within ``days`` of each
    other (a chain: each within ``days`` of the previous one). docs/domain.md P8: batches are filed
    and decided "within days"; 75% of a batch on the very day, the rest a few days later."""
    groups: dict[tuple[str, str], list[tuple[dt.date, str]]] = defaultdict(list)
    for c in sorted(candidates):
        case = frame.cases[c]
        for key in _BATCH_DATES:
            value = case.props.get(key)
            day = to_date(value) if isinstance(value, str) and len(value) == 10 else None
            if day is not None:
                for ref in case.employers:
                    groups[(ref.id, key)].append((day, c))
    links: list[Link] = []
    for (employer, _key), dated in sorted(groups.items()):
        dated.sort()
        run: list[tuple[dt.date, str]] = []
        for day, c in [*dated, (dt.date.max, "")]:
            if run and (day - run[-1][0]).days > days:
                if len({x for _, x in run}) >= 2:
                    links.append(Link("batch", f"{employer}@{run[0][0].isoformat()}",
                                      sorted({x for _, x in run})))
                run = []
            run.append((day, c))
    return links


def evidence_links(frame: Frame, findings: list[Finding], candidates: set[str],
                   params: RingParams) -> list[Link]:
    """Every evidence link among candidate cases, hub handling applied, in a stable order."""
    gap = params.link_gap_days
    links: list[Link] = []
    flagged_employers = {f.subject for f in findings if f.rule_id in params.employer_group_rules}
    large = large_employers(frame, params.large_employer_headcount,
                            params.workforce) - flagged_employers
    # an intermediary's link joins cases from two applicants on (the rule flags from three)
    link_reach = dataclasses.replace(params.reach, min_applicants=params.agent_link_min_workers)
    firm_cases: dict[str, set[str]] = defaultdict(set)
    firm_lawyers: dict[str, set[str]] = defaultdict(set)
    proven = proven_cases(findings, params)
    for agent_id in sorted(frame.agent_cases):
        cases = frame.agent_cases[agent_id]
        member = [c for c in cases if c in candidates]
        if len(member) >= 2 and intermediary_like(frame, agent_id, link_reach):
            links += operation_links(frame, agent_id, [c for c in member if c not in proven],
                                     gap, params.operation_gap_days)
        elif member:
            small = [c for c in member
                     if not any(e.id in large for e in frame.cases[c].employers)]
            if len(member) >= 2 and _practice_dominated(frame, agent_id, cases, small, params):
                links += _chained("practice", agent_id, frame, small, gap)
            elif agent_profile(frame, agent_id).professional:
                if len(member) >= 2:
                    links += series_links(frame, agent_id, small, candidates, params)
                firm = _firm_of(frame, agent_id, small)
                if firm is not None:
                    firm_cases[firm].update(small)
                    firm_lawyers[firm].add(agent_id)
    links += firm_series_links(frame, firm_cases, firm_lawyers, candidates, params)
    shared = [(i, sh) for i, sh in sharing_by_identifier(frame).items() if len(sh.cases) >= 2]
    for ident, sharing in sorted(shared, key=lambda item: item[0]):
        if len(sharing.people) > params.hub_people or not sharing.crossing():
            continue
        member = [c for c in sharing.all_cases() if c in candidates]
        if len(member) >= 2:
            links += _chained("identifier", ident, frame, member, gap)
    for employer in sorted(flagged_employers | anchored_employers(
            frame, findings, candidates, params.employer_anchored_rules)):
        member = [c for c in frame.employer_cases.get(employer, []) if c in candidates]
        if len(member) >= 2:
            links += _chained("employer", employer, frame, member, gap)
    links += batch_links(frame, candidates, params.batch_link_days)
    links += kin_links(frame, candidates, gap)
    links += tie_links(frame, candidates, params.tie_days)
    links += office_ties(frame, candidates - proven, params.tie_days)
    links += lay_agent_ties(frame, candidates - proven, params.tie_days)
    links += admitted_with_counsel(frame, candidates - proven, params.tie_days,
                                   params.tie_max_cases, params.separate_leavings_days)
    links += office_holder_ties(frame, candidates - proven, params.tie_days)
    links += pension_minimum_pairs(frame, findings, candidates - proven, params)
    links += mediated_pairs(frame, findings, candidates - proven, params)
    links += confirmed_links(frame, findings, candidates, params, proven, large)
    links += founding_pairs(frame, findings, candidates - proven, params)
    return [lk for lk in links if not _inside_one_of(frame, lk, large)]


def proven_cases(findings: list[Finding], params: RingParams) -> set[str]:
    """The cases with the proof that ``reach.series_proof_rules`` find (records in third-party
    custody, money claimed, an employer disputing the amount, a supporting body): no
    intermediary's link joins them (:func:`evidence_links`).

    An intermediary's bought confirmations have none of it: there was no work to leave a
    record and nothing to collect. A legal-service worker who files a scheme's suits also takes
    ordinary clients - a dormant collective's old worker whose archive file proves the
    employment is one - and their link joins the scheme's suits, not the client's.
    """
    proof = set(params.reach.series_proof_rules)
    return {c for f in findings if f.rule_id in proof for c in f.cases}


def confirmed_cases(findings: list[Finding], params: RingParams) -> set[str]:
    """The cases a court revoked as shams (``confirmed_rules``: a confirmed label)."""
    rules = set(params.confirmed_rules)
    return {c for f in findings if f.rule_id in rules for c in f.cases}


def anchored_suits(frame: Frame, case_id: str, params: RingParams,
                   proven: AbstractSet[str], large: AbstractSet[str]) -> dict[str, list[str]]:
    """Per lay agent and per employer of the confirmed sham ``case_id``: its other suits an
    investigator reads next - confirmation suits the employer did not contest, without proof
    of the employment (:func:`proven_cases`), filed within ``link_gap_days`` of it (each list
    holds ``case_id`` too, sorted).

    A court found that this suit was bought (:mod:`~ringtrace.queries.redflags.retrial`); the
    lay person who brought it or admitted it, and the employer who lent its name, are the
    scheme's (docs/domain.md §2.2 P14, §1.1). Their other suits of the same season are where
    the rest of the operation is - but only the ones that look like it: a suit the employer
    fought, or one proven by records in other hands, is no purchase whoever filed it. A
    lawyer's other clients are not the scheme's for one revoked suit (a lawyer takes whoever
    comes), nor are the suits of an employer big enough to have many genuine ones (``large``).

    The employer, and a lay person on its side (its manager or clerk), tie the suits only in
    a small burst (:func:`_small`, ``tie_max_cases``): one batch can hold both kinds (§3.1,
    SX-ZHIJUAN: of 221 workers suing one silk factory, 137 withdrew once forged seals were
    found, 16 won), and the closing firm that lent its name to one bought claim also has its
    own staff suing that season, whose suits the same clerk answers (§3.2 L2). The nominee
    who filed the revoked claim for the worker ties their other suits at any size.
    """
    case = frame.cases[case_id]
    day = filing_date(case)
    if day is None:
        return {}  # an undated suit shows no season to look in
    vias = [(a.id, frame.agent_cases.get(a.id, []), a.side != "worker") for a in case.agents
            if a.kind not in PROFESSIONAL]
    vias += [(e.id, frame.employer_cases.get(e.id, []), True) for e in case.employers
             if e.id not in large]
    found: dict[str, list[str]] = {}
    for via, suits, host in vias:
        near = {case_id}
        for c in suits:
            other = frame.cases[c]
            when = filing_date(other)
            if (c in proven or not other.uncontested or not is_confirmation(other)
                    or when is None):
                continue
            if abs((when - day).days) <= params.link_gap_days:
                near.add(c)
        if len(near) >= 2 and (not host or _small(frame, sorted(near), params.tie_max_cases)):
            found[via] = sorted(near)
    return found


def confirmed_ties(frame: Frame, findings: list[Finding], scores: dict[str, CaseScore],
                   params: RingParams, proven: AbstractSet[str]) -> set[str]:
    """Suits below the seed threshold that show every screening sign (``tie_seed_threshold``)
    and that a confirmed sham's lay agent or employer ties to it (:func:`anchored_suits`):
    candidates, so that a ring is built around the court's finding. They become part of a
    ring, and leads, only through its links and strength, not by sharing the agent alone."""
    confirmed = confirmed_cases(findings, params)
    if not confirmed:
        return set()
    large = large_employers(frame, params.large_employer_headcount, params.workforce)
    joined: set[str] = set()
    for c in sorted(confirmed):
        for suits in anchored_suits(frame, c, params, proven, large).values():
            joined.update(s for s in suits if s in scores
                          and scores[s].rule_score >= params.tie_seed_threshold)
    return joined - confirmed


def confirmed_links(frame: Frame, findings: list[Finding], candidates: set[str],
                    params: RingParams, proven: AbstractSet[str],
                    large: AbstractSet[str]) -> list[Link]:
    """A ``confirmed`` link from each confirmed sham among the candidates to the candidate
    suits of its lay agent, and of its employer, that :func:`anchored_suits` names."""
    links: list[Link] = []
    for c in sorted(confirmed_cases(findings, params) & candidates):
        for via, suits in sorted(anchored_suits(frame, c, params, proven, large).items()):
            member = [s for s in suits if s in candidates]
            if len(member) >= 2:
                links.append(Link("confirmed", via, member))
    return links


def tie_links(frame: Frame, candidates: set[str], days: int) -> list[Link]:
    """Uncontested candidates against one employer, filed within ``days`` of each other, in
    which one and the same lay person acts: for the workers in each of them, or for the
    employer in each of them (its manager or "staff" who admitted them).

    A small ring has no intermediary with reach and no batch worth the name: the host's
    manager admits two or three claims he was paid for (SPP-2024-04: the coal mine's
    vice-manager handling the closure "colluded" with two applicants who "同时向法院起诉"; P9:
    the intermediary as the employer's 人事部门负责人), or one lay person files them all (G7).
    That one person controlled both suits is what a prosecutor can put to them; "same employer,
    same month" is not. The tie joins suits only while they are filed together (``days``): the
    manager who answers unrelated suits over the years ties nothing. Suits whose workers share
    professional counsel (one lawyer or one firm acting for both) are a group with its own
    counsel (issue 15: "a group's own counsel is treated as an intermediary") and are not tied.
    Like a kin tie, a ``tie`` is coordination evidence only in a small ring
    (:func:`structure`, ``tie_max_cases``): in a big cluster the employer's manager answering
    every suit is what a genuine closure looks like too.
    """
    by_person = agents_by_employer(frame, candidates, lambda case, a: (
        f"{a.side}:{a.id}" if case.uncontested and a.kind not in PROFESSIONAL
        and a.side in ("worker", "employer") else None))
    relatives = {a.id for c in candidates for a in frame.cases[c].agents if _family(a)}
    links: list[Link] = []
    for (_employer, person), held in sorted(by_person.items()):
        if len(held) < 2:
            continue
        for run in time_chains(frame, [c for c, _a in held], days, dated_only=True):
            workers = {w.id: w.name for c in run for w in frame.cases[c].workers}
            if len(workers) < 2 or _shared_counsel(frame, run):
                continue
            if held[0][1].id in relatives and _may_be_one_family(frame.persons, workers):
                continue
            links.append(Link("tie", person, run))
    return links


def agents_by_employer(frame: Frame, candidates: Iterable[str],
                       key: Callable[[CaseInfo, AgentRef], str | None]
                       ) -> dict[tuple[str, str], list[tuple[str, AgentRef]]]:
    """The agents of ``candidates`` that ``key`` names (a person, a side and person, an
    office; None leaves the agent out), grouped by (employer, name): each group's cases with
    the agent, in case id order.

    The small-ring ties (:func:`tie_links`, :func:`lay_agent_ties`,
    :func:`admitted_with_counsel`, :func:`office_holder_ties`) each ask which suits against
    one employer one person (or one office's holder) took part in; they differ in whom they
    count and in which suits.
    """
    grouped: dict[tuple[str, str], list[tuple[str, AgentRef]]] = defaultdict(list)
    for c in sorted(candidates):
        case = frame.cases[c]
        for a in case.agents:
            name = key(case, a)
            if name is not None:
                for e in case.employers:
                    grouped[(e.id, name)].append((c, a))
    return grouped


def _may_be_one_family(persons: Mapping[str, Mapping[str, Any]], workers: dict[str, str]) -> bool:
    """Could the workers a relative acts for be one family: do they share a surname or an
    address, or is a name masked (so that nothing shows they are not)?

    Since 2012 a citizen may act in a civil suit only as a party's close relative, its staff or
    a community's nominee (民事诉讼法 art. 61), so an organiser files as "亲属" too. A son acting
    for both parents (one address), or a daughter for her mother and aunt (one surname), is a
    family; a "relative" of applicants who share neither surname nor address is someone who
    files suits for strangers - the lay agent a small ring is tied by.

    >>> home = {"address": "安阳县吕村镇东街12号"}
    >>> _may_be_one_family({"P:1": home, "P:2": home}, {"P:1": "王秀英", "P:2": "李建国"})
    True
    >>> _may_be_one_family({}, {"P:1": "王秀英", "P:2": "李建国"}), _may_be_one_family(
    ...     {}, {"P:1": "王秀英", "P:2": "王建国"}), _may_be_one_family({}, {"P:1": "王**", "P:2": "李建国"})
    (False, True, True)
    """
    names = list(workers.values())
    if any(not n or is_masked_name(n) for n in names) or len({n[0] for n in names}) == 1:
        return True
    addresses = {str(persons.get(w, {}).get("address") or "") for w in workers}
    return len(addresses) == 1 and "" not in addresses


def _family(agent: AgentRef) -> bool:
    """Is ``agent`` a worker's relative acting for them (``委托诉讼代理人：王某，系原告之子``)?

    A son who acts for both his parents, or a daughter for her mother and her aunt, ties
    nothing when the applicants may be one family (:func:`_may_be_one_family`): 民事诉讼法
    art. 61 lets a party's close relatives act for them, and a family whose
    members worked at one closing firm sues together through whichever of them reads documents
    best - the cheapest agent there is, and no organiser. What ties a small ring is a person
    outside the family who controls the suits (the manager who admits them, a lay agent who
    files them for others), so the relative's tie is left out; kinship between the applicants
    themselves is :func:`kin_links`.
    """
    return agent.side == "worker" and agent.kind == "relative"


def tied_to_candidates(frame: Frame, scores: dict[str, CaseScore], candidates: set[str],
                       params: RingParams, proven: AbstractSet[str] = frozenset()) -> set[str]:
    """Confirmation cases below the seed threshold but scoring at least
    ``tie_seed_threshold`` that a personal tie (:func:`tie_links`) joins to a candidate.

    A small ring's weaker suits show the screening signs and little more - the manager who was
    paid admits them all, the story is a line long - while one of them gives the purchase away
    (a fifteen-year period ending at a retirement birthday). That the same person admitted or
    filed both in the same weeks is what lets the investigator ask about the weaker one too;
    without the tie it stays a case among thousands with the same screening signs.
    """
    weak = {c for c, s in scores.items()
            if params.tie_seed_threshold <= s.rule_score < params.seed_threshold
            and is_confirmation(frame.cases[c])}
    if not weak:
        return set()
    joined: set[str] = set()
    pool = candidates | weak
    for link in [*tie_links(frame, pool, params.tie_days),
                 *office_ties(frame, pool - proven, params.tie_days)]:
        if not candidates.isdisjoint(link.cases):
            joined.update(c for c in link.cases if c in weak)
    return joined


def weak_ties(frame: Frame, scores: dict[str, CaseScore], candidates: set[str],
              params: RingParams, proven: AbstractSet[str] = frozenset()) -> set[str]:
    """Confirmation cases below ``tie_seed_threshold`` but scoring at least ``weak_tie_floor``,
    with no proof of the employment (:func:`proven_cases`), that one lay person ties
    (:func:`tie_links`, :func:`lay_agent_ties`) to each other or to a candidate in a small
    ring (:func:`_small`).

    A manager paid to admit two or three claims admits them with the fewest words: the suits
    show the screening signs (a confirmation only, no objection, a near-retirement applicant)
    and nothing more, so each scores below the seed threshold on its own (SPP-2024-04: the coal
    mine's vice-manager admitted two applicants' claims that "同时向法院起诉"). What an
    investigator can put to the manager is that the same person admitted both within weeks;
    that fact does not depend on how much else either document says. Suits with proof - records
    in third-party custody, money claimed or disputed, a supporting body - are left out, so a
    dormant collective's HR head answering two archive-backed claims ties nothing, and the tie
    joins only a small ring (``tie_max_cases`` in its burst): the person who answers every suit
    of a closing firm's workforce is that firm answering its staff.
    """
    weak = {c for c, s in scores.items()
            if params.weak_tie_floor <= s.rule_score < params.seed_threshold
            and c not in proven and is_confirmation(frame.cases[c])}
    if not weak:
        return set()
    joined: set[str] = set()
    pool = candidates | weak
    for link in [*tie_links(frame, pool, params.tie_days),
                 *lay_agent_ties(frame, pool - proven, params.tie_days),
                 *admitted_with_counsel(frame, pool - proven, params.tie_days,
                                        params.tie_max_cases, params.separate_leavings_days),
                 *office_holder_ties(frame, pool - proven, params.tie_days)]:
        if _small(frame, link.cases, params.tie_max_cases):
            joined.update(c for c in link.cases if c in weak)
    return joined


def pair_partners(frame: Frame, findings: list[Finding], scores: dict[str, CaseScore],
                  candidates: set[str], params: RingParams,
                  proven: AbstractSet[str] = frozenset()) -> set[str]:
    """Confirmation cases below the seed threshold but scoring at least ``weak_tie_floor``,
    without proof of the employment (:func:`proven_cases`), that a ``template`` link
    (:func:`pension_minimum_pairs`) or a ``mediated`` link (:func:`mediated_pairs`) pairs with
    a candidate.

    The pair is the evidence: two applicants who left the employer years apart yet each
    claimed the pension's fifteen years in the same week, or were mediated in one session
    having filed in the same week. Each fact is on the suits' own documents, and it does not
    depend on how much else the weaker document says: a bought claim that the employer
    admitted with the fewest words, or did not even answer, shows the screening signs and
    little more. A weak suit joins only beside a candidate (the pair's other claim gives the
    purchase away), and the pair must be a small burst, as for every such link, so a closing
    firm's workforce suing or settling in one week pairs no one.
    """
    weak = {c for c, s in scores.items()
            if params.weak_tie_floor <= s.rule_score < params.seed_threshold
            and c not in proven and is_confirmation(frame.cases[c])}
    if not weak:
        return set()
    pool = (candidates | weak) - proven
    joined: set[str] = set()
    for link in [*pension_minimum_pairs(frame, findings, pool, params),
                 *mediated_pairs(frame, findings, pool, params)]:
        if not candidates.isdisjoint(link.cases):
            joined.update(c for c in link.cases if c in weak)
    return joined


def lay_agent_ties(frame: Frame, candidates: set[str], days: int) -> list[Link]:
    """Confirmation suits against one employer, filed within ``days`` of each other, in which
    one and the same lay person who is no relative of the workers (a citizen the community or
    village "recommended", ``other``) acts for the workers - whether or not the employer
    contested: a ``tie`` made by ``worker:<person>``, for a run with at least one contested
    suit (:func:`tie_links` ties uncontested ones already).

    Since 2012 a citizen may act in a civil suit only as a party's close relative, its staff or
    a community's nominee (民事诉讼法 art. 61); a nominee "经社区推荐" who acts for two unrelated
    applicants against the same small employer within weeks is the person who brought them, an
    intermediary's signature whatever the employer answered - an employer that contests one
    claim (a partial defence, a withdrawal) has not thereby made the applicants strangers to
    each other. Relatives (:func:`_family`) and professionals are left out, and so is a lay
    agent of workers who may be one family (:func:`_may_be_one_family`: a relative printed
    without the relation is an ``other`` agent too); the callers
    leave out suits with proof (:func:`proven_cases`: a genuine crew's suits claim wages or cite
    records), as for an intermediary's link.
    """
    by_person = agents_by_employer(frame, candidates, lambda case, a: (
        a.id if a.side == "worker" else None))
    links: list[Link] = []
    for (_employer, person), held in sorted(by_person.items()):
        # a run needs a contested suit in which the person is a nominee: tie_links ties
        # uncontested ones already
        contested = {c for c, a in held if not frame.cases[c].uncontested and a.kind == "other"}
        if not contested:
            continue
        mine = sorted({c for c, _a in held})
        for run in time_chains(frame, mine, days, dated_only=True):
            workers = {w.id: w.name for c in run for w in frame.cases[c].workers}
            if len(run) >= 2 and len(workers) >= 2 and not contested.isdisjoint(run) \
                    and not _may_be_one_family(frame.persons, workers):
                links.append(Link("tie", f"worker:{person}", run))
    return links


def admitted_with_counsel(frame: Frame, candidates: set[str], days: int,
                          most: int, ending: int) -> list[Link]:
    """Uncontested suits against one employer, filed within ``days`` of each other, in which
    one and the same lay person acts for the employer (the manager who admitted them) while
    professionals of one law firm act for the workers, when they are a small ring (at most
    ``most`` suits in their burst, :func:`_small`): a ``tie`` made by ``employer:<person>``.

    :func:`tie_links` leaves such suits out, since a workforce that retains one firm is a group
    with its own counsel and the firm answering its staff's suits is what a genuine closure
    looks like (issue 15). That holds for a workforce; two or three applicants without proof
    of the employment (the callers leave out suits with records, money claimed or disputed, a
    support body, :func:`proven_cases`) whose claims the same manager admitted are the
    manager's admissions whoever drafted the complaints - a scheme hires a lawyer as readily as
    a nominee (G7: the lawyers who "集中代理了…系列案"). In a bigger burst the guard stands.

    A small firm closes too: its three long-serving staff retain one lawyer and the manager
    who winds it up admits what they claim, with no money at stake and their papers lost with
    the firm. They were hired over the years and left when it closed, so their claimed
    employments start apart and end together (:func:`staff_laid_off`, ``separate_leavings_days``: a
    lay-off runs over weeks, not years); a manager's paid admissions confirm each buyer's own
    story, ending wherever that buyer's fifteen years or retirement put it, or one template's
    period for all. A run whose claims tell a lay-off's story is that staff suing, and ties
    nothing.
    """
    by_person = agents_by_employer(frame, candidates, lambda case, a: (
        a.id if case.uncontested and a.kind not in PROFESSIONAL and a.side == "employer"
        else None))
    links: list[Link] = []
    for (_employer, person), held in sorted(by_person.items()):
        for run in time_chains(frame, sorted({c for c, _a in held}), days, dated_only=True):
            workers = {w.id for c in run for w in frame.cases[c].workers}
            if (len(run) >= 2 and len(workers) >= 2 and _shared_counsel(frame, run)
                    and _small(frame, run, most) and not staff_laid_off(frame, run, ending)):
                links.append(Link("tie", f"employer:{person}", run))
    return links


def _spans(texts: Iterable[object]) -> list[tuple[dt.date, dt.date]] | None:
    """Each date as the first and the last day it may mean (``2011`` is the whole year), in
    order; None when any is missing."""
    spans: list[tuple[dt.date, dt.date]] = []
    for text in texts:
        first, last = to_date(text), to_date(text, end=True)
        if first is None or last is None:
            return None
        spans.append((first, last))
    return spans


def dates_together(texts: Sequence[object], days: int) -> bool:
    """Do the dates ``texts`` all lie within ``days`` of each other (an end printed as a
    month or a year may be any day of it)? False when one is missing.

    >>> dates_together(["2016-08", "2016-09-20"], 90), dates_together(["2016-08", "2015"], 90)
    (True, False)
    >>> dates_together(["2016-08", None], 90), dates_together(["2011", "2011-06-30"], 90)
    (False, True)
    """
    spans = _spans(texts)
    if not spans:
        return False
    return (max(first for first, _ in spans) - min(last for _, last in spans)).days <= days


def dates_apart(texts: Sequence[object], days: int) -> bool:
    """Does every date of ``texts`` lie more than ``days`` from each of the others (an end
    printed as a month or a year may be any day of it)? False when one is missing.

    >>> dates_apart(["2009-07-14", "2011"], 183), dates_apart(["2011", "2011-03"], 183)
    (True, False)
    >>> dates_apart(["2009-07-14", None], 183)
    False
    """
    spans = _spans(texts)
    if spans is None:
        return False
    return all(max((b0 - a1).days, (a0 - b1).days) > days
               for i, (a0, a1) in enumerate(spans) for b0, b1 in spans[i + 1:])


def _claimed(frame: Frame, cases: Iterable[str],
             key: Literal["claimed_start", "claimed_end"]) -> list[object]:
    """``claimed_start`` or ``claimed_end`` of each of ``cases``, in order."""
    return [frame.cases[c].props.get(key) for c in cases]


def staff_laid_off(frame: Frame, cases: Sequence[str], days: int) -> bool:
    """Did the claimed employments of ``cases`` end together (within ``days``: one closure or
    a lay-off over weeks) after starting apart (people hired over the years)?

    That is a workforce's story: a firm took its staff on one by one and let them go when it
    closed. A template's buyers share the start as well as the end (docs/domain.md P4: the
    forged "2001年至2015年工资表"), and bought claims that each end at the buyer's own date
    do not end together."""
    return (dates_together(_claimed(frame, cases, "claimed_end"), days)
            and not dates_together(_claimed(frame, cases, "claimed_start"), days))


def pension_minimum_pairs(frame: Frame, findings: list[Finding], candidates: set[str],
                          params: RingParams) -> list[Link]:
    """Candidates against one employer, filed (or decided, :func:`time_chains`) within
    ``batch_link_days`` of each other, each brought by one applicant claiming the pension's
    minimum (``template_rules``: about fifteen years of employment, ``TL_PERIOD_15Y``), whose
    claimed employments ended more than ``separate_leavings_days`` apart, in a small burst
    (:func:`_small`): a ``template`` link, which a small ring counts as coordination
    (:data:`SMALL_RING_EVIDENCE`).

    Fifteen years of contributions is what a basic pension needs (社会保险法 art. 16,
    累计缴费满十五年), so a purchase confirms fifteen years whatever the buyer's life was
    (docs/domain.md P4: the forged "2001年至2015年工资表"). Colleagues who sue a firm together
    after it closed left it together, in one lay-off, and their tenures vary; two applicants
    whose claimed jobs at the employer ended years apart have no common event to sue over in
    the same week - unless someone filed for both. Each fact is in the documents (the periods
    claimed, the filing dates) and each suit is a candidate on its own evidence; what the
    link adds is the question an investigator can ask: why did two people who left the firm
    a year or more apart each claim exactly the fifteen years a pension needs, in the same
    week? "Same employer, same week" alone ties nothing here: the periods must each be the
    pension's minimum and must end apart. Callers leave out suits with proof
    (:func:`proven_cases`: records in third-party custody, money claimed, a supporting body),
    and a group suit (several applicants, one period) is a workforce's, never a buyer's. One
    applicant's copies (a first instance and its appeal, a repost) are one claim - one dispute
    (:func:`_distinct_disputes`: the same period and birth date, names that may be the same
    person), as for a lawyer's series, whether or not resolution joined the copies' workers - and a copy
    with no filing or decision date shows no week and ties nothing.

    The week has a common cause when the employer is an old collective or state enterprise
    being wound up (:func:`~ringtrace.queries.winding_up.wound_up`: its liquidator answered,
    or its 注销/吊销 came within ``wound_up_filing_days`` of the suits): a liquidation calls in
    everyone it owes, including workers who left years before, and they sue together. Such
    suits are not linked; each stays a candidate on its own evidence. Labour-service, township
    and other typical hosts (docs/domain.md P13) are never so excused: the SPP's coal mine was
    closing when its vice-manager admitted two bought claims.
    """
    template, hosts = set(params.template_rules), _hosts(findings, params)
    fitting = {c for f in findings if f.rule_id in template for c in f.cases if c in candidates}
    links: list[Link] = []
    for employer, cases in _one_applicant_suits_by_employer(frame, fitting):
        # a suit whose copy prints no date was not shown to be filed that week
        for run in time_chains(frame, cases, params.batch_link_days, dated_only=True):
            # one applicant's copies (a first instance, its appeal, a repost printing the name
            # masked) are one claim, however resolution left their workers
            if _left_apart(frame, employer, run, hosts, params):
                day = filing_date(frame.cases[run[0]])
                links.append(Link("template", f"{employer}@{day}", run))
    return links


def mediated_pairs(frame: Frame, findings: list[Finding], candidates: set[str],
                   params: RingParams) -> list[Link]:
    """Candidates against one employer mediated on one day (``mediation_rules``: a mediation
    statement, ``CLAIM_MEDIATED``) and filed within ``batch_link_days`` of each other, each
    brought by one applicant, whose claimed employments ended more than ``separate_leavings_days``
    apart, in a small burst (:func:`_small`): a ``mediated`` link, which a small ring counts as
    coordination (:data:`SMALL_RING_EVIDENCE`).

    A mediation is the employer agreeing to the confirmation, and the published cases show
    the scheme's suits reaching the forum and settling together: 成都 付某's five suits "均在同日
    缴纳诉讼费，同日开庭调解…生成调解法律文书" (docs/domain.md P8, P10); the coal mine's two
    applicants "同时向法院起诉" and were mediated (SPP-2024-04). A closing firm's staff are
    mediated together too (§3.2 L2), but they left it together, in one lay-off (E4): two
    applicants whose claimed jobs ended years apart share no event to settle in one session,
    unless someone brought both. Each fact is printed (the mediation's date, the filing dates,
    the periods claimed). Callers leave out suits with proof (:func:`proven_cases`: a dormant
    collective's old workers admitted from its archives, a supported suit, money settled), and
    a group suit (one period for several applicants) is a workforce's. One applicant's copies
    are one claim; a copy printing no mediation date shows no day and ties nothing. An old
    enterprise being wound up settles its former workers' claims in one session whenever
    they left (:func:`~ringtrace.queries.winding_up.wound_up`), and ties nothing, as for
    :func:`pension_minimum_pairs`.
    """
    mediated, hosts = set(params.mediation_rules), _hosts(findings, params)
    by_day: dict[tuple[str, dt.date], list[str]] = defaultdict(list)
    for c in sorted({c for f in findings if f.rule_id in mediated for c in f.cases}):
        case = frame.cases.get(c)
        if case is None or c not in candidates or len(case.workers) != 1:
            continue
        day = to_date(case.props.get("decision_date"))
        if day is not None:
            for e in case.employers:
                by_day[(e.id, day)].append(c)
    links: list[Link] = []
    for (employer, day), cases in sorted(by_day.items()):
        for run in time_chains(frame, cases, params.batch_link_days, dated_only=True):
            if _left_apart(frame, employer, run, hosts, params):
                links.append(Link("mediated", f"{employer}@{day.isoformat()}", run))
    return links


def founding_pairs(frame: Frame, findings: list[Finding], candidates: set[str],
                   params: RingParams) -> list[Link]:
    """Uncontested candidates against one employer, filed within ``batch_link_days`` of each
    other, each brought by one applicant whose claimed employment starts before the employer
    existed (``employer_anchored_rules``: ``EMP_START_BEFORE_FOUNDING``, which stays silent
    when the registry records a former name or the document tells of a predecessor), in a
    small burst (:func:`_small`): a ``founding`` link, which a small ring counts as
    coordination (:data:`SMALL_RING_EVIDENCE`).

    No one worked for a firm before it was founded (docs/domain.md P5), unless it had a
    predecessor - which the rule reads from the registry and the story -, and an
    employer that admits such a claim admits something against itself that its own registry
    entry refutes (G5, an unreasonable admission; R5). One such admission may be a careless
    answer about a predecessor; two applicants in one week, each admitted to years before the
    firm existed, are the manager paid to admit what the registry shows impossible
    (SPP-2024-04: the coal mine's vice-manager who admitted two applicants' claims; P6, P8).
    Both facts are third-party (the registry's founding date) or printed (the admission, the
    filing days); what the link adds is the question an investigator can ask the manager:
    why did the firm admit, that week, two people to years before it existed? Callers leave
    out suits with proof (:func:`proven_cases`); a group suit (several applicants, one
    period) is a workforce's, and one applicant's copies are one claim (one dispute,
    :func:`_distinct_disputes`, whether or not resolution joined the copies' workers).
    """
    anchored = set(params.employer_anchored_rules)
    fitting = {c for f in findings if f.rule_id in anchored for c in f.cases
               if c in candidates and frame.cases[c].uncontested}
    links: list[Link] = []
    for employer, cases in _one_applicant_suits_by_employer(frame, fitting):
        for run in time_chains(frame, cases, params.batch_link_days, dated_only=True):
            # one applicant's copies (a repost printing the name masked) are one claim
            if len(_distinct_disputes(frame, run)) >= 2 and _small(frame, run,
                                                                   params.tie_max_cases):
                day = filing_date(frame.cases[run[0]])
                links.append(Link("founding", f"{employer}@{day}", run))
    return links


def _one_applicant_suits_by_employer(frame: Frame, cases: AbstractSet[str]
                                     ) -> list[tuple[str, list[str]]]:
    """``cases`` brought by one applicant each (a group suit is a workforce's, never a
    buyer's), grouped by employer id, both in sorted order: what the pair links
    (:func:`pension_minimum_pairs`, :func:`founding_pairs`) look through."""
    by_employer: dict[str, list[str]] = defaultdict(list)
    for c in sorted(cases):
        if len(frame.cases[c].workers) == 1:
            for e in frame.cases[c].employers:
                by_employer[e.id].append(c)
    return sorted(by_employer.items())


def _left_apart(frame: Frame, employer: str, run: list[str], hosts: AbstractSet[str],
                params: RingParams) -> bool:
    """Are the suits ``run`` against ``employer`` (filed together) two or more applicants'
    claims that ended more than ``separate_leavings_days`` apart, in a small burst, at an
    employer whose winding-up does not explain their coming together (``hosts``: the
    employers a ``wound_up_host_rules`` finding names)? One dispute's copies are one claim
    (:func:`_distinct_disputes`). What :func:`pension_minimum_pairs` and
    :func:`mediated_pairs` each ask of a run."""
    ends = [key[1] for key, _names in _distinct_disputes(frame, run)]
    return (len(ends) >= 2 and dates_apart(ends, params.separate_leavings_days)
            and _small(frame, run, params.tie_max_cases)
            and not wound_up(frame, employer, run, hosts, params.winding_up))


def _hosts(findings: list[Finding], params: RingParams) -> set[str]:
    """The employers a ``wound_up_host_rules`` finding names: typical hosts (P13), never
    excused by a winding-up."""
    rules = set(params.wound_up_host_rules)
    return {f.subject for f in findings if f.rule_id in rules}


def office_holder_ties(frame: Frame, candidates: set[str], days: int) -> list[Link]:
    """Uncontested suits against one employer, filed within ``days`` of each other, in which
    the employer's agent holds the same office (``该公司人事部门负责人``, ``该公司经理``) and is
    printed under a masked name in one of them (``**``) that fits the name printed in the
    other: a ``tie`` made by ``employer:<the named agent>``, as if one name were printed in
    both.

    A masked copy hides the name but keeps the office, and an employer has one head of
    personnel or one manager at a time: the "**" who admitted one claim as the firm's
    人事部门负责人 is the 王静 who admitted the other that week as its 人事部门负责人 (P9: the
    intermediary as the employer's 人事部门负责人). Resolution cannot join a name masked
    whole; the office and the week can. A plain "该公司员工" is no office (a firm has many
    staff), and the callers leave out suits with proof (:func:`proven_cases`).
    """
    holders = agents_by_employer(frame, candidates, lambda case, a: (
        a.relation if case.uncontested and a.side == "employer" and a.kind not in PROFESSIONAL
        and a.relation and not any(w in a.relation for w in _NO_OFFICE) else None))
    links: list[Link] = []
    for (_employer, _office), held in sorted(holders.items()):
        agents = {c: a for c, a in held}
        for run in time_chains(frame, sorted(agents), days, dated_only=True):
            named = sorted({agents[c].id for c in run if not is_masked_name(agents[c].name)})
            masked = [c for c in run if is_masked_name(agents[c].name)]
            workers = {w.id for c in run for w in frame.cases[c].workers}
            if len(named) != 1 or not masked or len(workers) < 2:
                continue  # two named holders are two people; tie_links joins one named
            name = next(agents[c].name for c in run if agents[c].id == named[0])
            tied = sorted({c for c in run if agents[c].id == named[0]}
                          | {c for c in masked if masks_compatible(agents[c].name, name)})
            if len(tied) >= 2 and set(tied) & set(masked):
                links.append(Link("tie", f"employer:{named[0]}", tied))
    return links


#: relations that name no office an employer has one holder of (its staff are many)
_NO_OFFICE = ("员工", "职工", "工作人员")


def office_ties(frame: Frame, candidates: set[str], days: int) -> list[Link]:
    """Uncontested candidates against one employer, filed within ``days`` of each other, in
    which basic legal-service workers (基层法律服务工作者, ``legal_worker``) of one 法律服务所
    act for the workers, the office lying in another prefecture than the forum: a ``tie``
    (the same non-lawyer hand in each suit, see :func:`tie_links`) made by ``office:<name>``.

    A 法律服务所 is a township or district office; its workers are not lawyers and may take a
    lawsuit only for clients of their own county (the Ministry of Justice's
    基层法律服务工作者管理办法). A workforce suing its local employer finds a local office, or a
    lawyer; two applicants of a small employer in Luoyang represented by a village office of
    Xiangcheng, 300 km away, were brought to the employer from where the office is - by the
    intermediary who recruits them (docs/domain.md §1.5; P12: farmers of 合川/潼南 at an
    employer and commission in 乌鲁木齐). Two workers of one office acting in turn are the office
    acting, so the office is the hand, not each worker (one worker alone in both suits is
    already a shared agent). Unlike a group's own counsel (:func:`_shared_counsel`: a local
    legal-aid centre or law firm for a whole workforce), the office's distance from the
    forum is the fact to put to it. Like every ``tie`` it is coordination evidence only in a
    small ring (``tie_max_cases``); lawyers (律师事务所) may practise anywhere and make none.

    The office may act only because a party lives in its county, so the tie says the workers
    came from there, which a genuine crew does too: migrant workers of one village who built
    for a far contractor and sue it through their home office when it closes. Theirs are suits
    with proof (wages claimed, records, an amount disputed), which the callers leave out
    (:func:`proven_cases`, as for an intermediary's link); a bought confirmation has none.
    """
    by_office: dict[tuple[str, str], list[str]] = defaultdict(list)
    for c in sorted(candidates):
        case = frame.cases[c]
        if not case.uncontested:
            continue
        forum = str(frame.forums.get(case.forum_id, {}).get("region_code") or "")
        offices = {a.law_firm for a in case.agents
                   if a.side == "worker" and a.kind == "legal_worker" and a.law_firm
                   and _far_office(a.law_firm, forum)}
        for office in sorted(offices):
            for e in case.employers:
                by_office[(e.id, office)].append(c)
    links: list[Link] = []
    for (_employer, office), cases in sorted(by_office.items()):
        for run in time_chains(frame, sorted(set(cases)), days, dated_only=True):
            workers = {w.id for c in run for w in frame.cases[c].workers}
            if len(run) >= 2 and len(workers) >= 2:
                links.append(Link("tie", f"office:{office}", run))
    return links


def _far_office(office: str, forum_region: str) -> bool:
    """Does the office's name place it in another prefecture than ``forum_region``? Unknown
    places are not far, and neither is a place known only by its province.

    A prefecture is the first four digits of the region code, but a municipality's whole
    territory is one (its 中院 print ``上海市第一中级人民法院``, region 310000, and its
    counties are 5002.. beside its districts' 5001..), so that a Pudong office in a Shanghai
    中院 or a 巫山 office in a Chongqing court is not far from the forum.

    >>> _far_office("河南省襄城县紫云镇法律服务所", "410302"), _far_office("襄城县法律服务所", "411000")
    (True, False)
    >>> _far_office("上海市浦东新区某某法律服务所", "310000"), _far_office("河南省襄城县法律服务所", "410000")
    (False, False)
    >>> _far_office("重庆市巫山县法律服务所", "500103"), _far_office("重庆市巫山县法律服务所", "410302")
    (False, True)
    """
    region = region_from_name(office)
    if region is None or len(forum_region) != 6 or not forum_region.isdigit():
        return False
    here, there = _prefecture(region), _prefecture(forum_region)
    return here is not None and there is not None and here != there


def _prefecture(code: str) -> str | None:
    """The prefecture of a region code: its first four digits, a municipality's first two, or
    None for a province's own code."""
    if code[:2] in gb2260.MUNICIPALITIES:
        return code[:2]
    return None if gb2260.level(code) == "province" else code[:4]


def _shared_counsel(frame: Frame, cases: list[str]) -> bool:
    """Do professionals of one law firm (or one lawyer) act for the workers in two or more of
    ``cases``?"""
    seen: set[str] = set()
    for c in cases:
        mine = {a.law_firm or a.id for a in frame.cases[c].agents
                if a.side == "worker" and a.kind in PROFESSIONAL}
        if seen & mine:
            return True
        seen |= mine
    return False


def kin_links(frame: Frame, candidates: set[str], gap: int) -> list[Link]:
    """Candidates against one employer tied because an applicant in one of them acts as a lay
    agent (``委托诉讼代理人：王某，系王某英之配偶``) in another.

    Small rings of two to four relatives at a closing employer (docs/domain.md §2.3 G1: "当事人为
    夫妻、朋友等亲近关系"; 东港: "至少有十幾人存在親屬關系"; the colluding coal-mine manager of
    SPP-2024-04 with two applicants) have no intermediary and no batch, so nothing else ties
    them. The tie joins their suits into one group, and only candidates (each a candidate on
    its own rules) are joined. In a big cluster it is *not* coordination (:data:`COORDINATION`):
    a genuine workforce's couples who both worked at a restructured or dormant enterprise (L1)
    sue it too and act for each other because a spouse is the cheapest agent. In a small ring
    (``tie_max_cases``, :data:`SMALL_RING_TIES`) it is what ties the suits: a couple reported
    as a ring must still be two leads, each on its own evidence of a purchase - a genuine
    couple admitted from the archives or claiming wages is not.
    """
    worker_cases: dict[str, set[str]] = defaultdict(set)
    for c in sorted(candidates):
        for w in frame.cases[c].workers:
            worker_cases[w.id].add(c)
    links: list[Link] = []
    for c in sorted(candidates):
        case = frame.cases[c]
        employers = {e.id for e in case.employers}
        for a in case.agents:
            if a.kind in PROFESSIONAL or a.id not in worker_cases:
                continue
            tied = {o for o in worker_cases[a.id] if o != c and employers & {
                e.id for e in frame.cases[o].employers}}
            if tied:
                links += _chained("kin", a.id, frame, sorted({c, *tied}), gap)
    return links


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
    :func:`strength`: the lawyer may only be counsel the operation hired.
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


def _distinct_disputes(frame: Frame, cases: Iterable[str]) -> list[tuple[DisputeKey, list[str]]]:
    """The different disputes of ``cases`` (:func:`_disputes`), each as its key and its
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


def _inside_one_of(frame: Frame, link: Link, employers: AbstractSet[str]) -> bool:
    """Does the link stay inside one of ``employers`` (large, not themselves suspicious)?

    Big employers (煤矿, construction companies) have many genuine old workers whose suits
    share a village citizen agent or arrive on the same day (docs/domain.md §3.2); intermediaries
    need a small or dormant employer that admits anything.
    """
    involved = {e.id for c in link.cases for e in frame.cases[c].employers}
    return len(involved) == 1 and involved <= employers


def _professional(frame: Frame, link: Link) -> bool:
    """A link made by a lawyer (or another professional): a series, or an agent link whose
    agent practises law."""
    return link.kind in ("series", "firm_series", "practice") or (
        link.kind == "agent" and agent_profile(frame, link.via).professional)


def _bridge(uf: UnionFind, links: list[Link], share: float) -> None:
    """Join groups through professionals' links, but only groups the professional is central
    to: at least ``share`` of each group's cases are theirs.

    A scheme's lawyer appears in most of its cases, at every employer it uses; a lawyer whom
    two operations each hired a few times is peripheral to both, and two rings must not become
    one through them (nor may a genuine group their colleague represented join a ring).
    Groups are those left by the links of every other kind, and grow as this runs (links in
    their stable order).
    """
    for link in links:
        mine: dict[str, int] = defaultdict(int)
        for c in link.cases:
            mine[uf.find(c)] += 1
        central = sorted(root for root, n in mine.items() if n >= share * uf.size[root])
        for root in central[1:]:
            uf.union(central[0], root)


def _split(component: list[str], links: list[Link], seed: int,
           resolution: float) -> list[list[str]]:
    """Split an oversized component by community detection on its case-link graph."""
    index = {c: i for i, c in enumerate(component)}
    hubs: dict[str, int] = {}
    src: list[int] = []
    dst: list[int] = []
    for link in links:
        inside = [index[c] for c in link.cases if c in index]
        if len(inside) < 2:
            continue
        hub = hubs.setdefault(f"{link.kind}:{link.via}", len(component) + len(hubs))
        src.extend([hub] * len(inside))
        dst.extend(inside)
    labels = communities(len(component) + len(hubs), np.array(src), np.array(dst), seed=seed,
                         resolution=resolution)
    groups: dict[int, list[str]] = defaultdict(list)
    for c, i in index.items():
        groups[int(labels[i])].append(c)
    return sorted((sorted(g) for g in groups.values()), key=lambda g: g[0])


def assemble(frame: Frame, findings: list[Finding], scores: dict[str, CaseScore],
             params: RingParams) -> list[Ring]:
    """Rings from the findings and case scores (see the module docstring)."""
    candidates = {c for c, s in scores.items()
                  if s.rule_score >= params.seed_threshold and is_confirmation(frame.cases[c])}
    proven = proven_cases(findings, params)
    candidates |= tied_to_candidates(frame, scores, candidates, params, proven)
    candidates |= weak_ties(frame, scores, candidates, params, proven)
    candidates |= pair_partners(frame, findings, scores, candidates, params, proven)
    candidates |= confirmed_ties(frame, findings, scores, params, proven)
    links = evidence_links(frame, findings, candidates, params)
    uf = UnionFind(sorted(candidates))
    professional = [lk for lk in links if _professional(frame, lk)]
    for link in links:
        if not _professional(frame, link):
            uf.union_all(link.cases)
    _bridge(uf, professional, params.bridge_share)
    # suits showing the screening signs below the seed threshold: an operation's weaker
    # suits, not the county's ordinary ones its usual counsel is judged on
    weak = {c for c, s in scores.items()
            if s.rule_score >= params.usual_counsel_ordinary_below} - candidates
    links += join_fragments(frame, uf, findings, candidates, params, weak)
    components: dict[str, list[str]] = defaultdict(list)
    for c in sorted(candidates):
        components[uf.find(c)].append(c)
    min_cases, max_cases = params.min_ring_cases, params.max_ring_cases
    links_by_case: dict[str, list[int]] = defaultdict(list)
    for i, link in enumerate(links):
        for c in link.cases:
            links_by_case[c].append(i)
    rings: list[Ring] = []
    for root in sorted(components):
        comp = components[root]
        if len(comp) < min_cases:
            continue
        comp_links = sorted({i for c in comp for i in links_by_case[c]})
        parts = [comp] if len(comp) <= max_cases else _split(
            comp, [links[i] for i in comp_links], params.community_seed,
            params.community_resolution)
        for n, part in enumerate(parts):
            if len(part) < min_cases:
                continue
            members = set(part)
            ring_links = [Link(links[i].kind, links[i].via,
                               [c for c in links[i].cases if c in members])
                          for i in comp_links]
            ring_links = [lk for lk in ring_links if len(lk.cases) >= 2]
            rings.append(Ring(ring_id(part[0]), part, ring_links,
                              community=n if len(parts) > 1 else None,
                              small=_small(frame, part, params.tie_max_cases)))
    return rings


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


#: link kinds that show coordination (as opposed to co-location in one employer or batch, or
#: kinship, :func:`kin_links`)
COORDINATION = ("agent", "identifier")
#: personal ties that show coordination in a small ring only (:func:`tie_links`, :func:`kin_links`)
SMALL_RING_TIES = ("tie", "kin")
#: what shows coordination in a small ring only: its personal ties, claims cut to the
#: pension's minimum by applicants who left years apart (:func:`pension_minimum_pairs`), and
#: such applicants' suits mediated in one session (:func:`mediated_pairs`), and claims
#: admitted that week to years before the employer existed (:func:`founding_pairs`)
SMALL_RING_EVIDENCE = (*SMALL_RING_TIES, "template", "mediated", "founding")
#: a confirmed sham's lay agent or employer tying its other suits to it
#: (:func:`confirmed_links`): coordination in a ring of any size
CONFIRMED = ("confirmed",)


def coordinated_cases(ring: Ring) -> set[str]:
    """The cases of ``ring`` that coordination evidence ties together: an intermediary-like
    agent or a shared phone or address, a confirmed sham's lay agent or employer
    (:data:`CONFIRMED`), and in a small ring a personal tie too (:data:`SMALL_RING_EVIDENCE`)."""
    kinds_here = COORDINATION + CONFIRMED + (SMALL_RING_EVIDENCE if ring.small else ())
    return {c for link in ring.links if link.kind in kinds_here for c in link.cases}


def batched_cases(ring: Ring) -> set[str]:
    """The cases of ``ring`` that a batch link names (filed or decided within days of each
    other against one employer, :func:`batch_links`)."""
    return {c for link in ring.links if link.kind == "batch" for c in link.cases}


def structure(frame: Frame, ring: Ring) -> RingStructure:
    """Size, concentration and coordination figures that describe a ring."""
    agents: Counter[str] = Counter()
    lay_agents: set[str] = set()
    workers: set[str] = set()
    employers: set[str] = set()
    forums: set[str] = set()
    for c in ring.cases:
        case = frame.cases[c]
        workers.update(w.id for w in case.workers)
        employers.update(e.id for e in case.employers)
        forums.add(case.forum_id)
        for a in case.agents:
            agents[a.id] += 1
            if a.kind not in PROFESSIONAL:
                lay_agents.add(a.id)
    top_share = max(agents.values()) / len(ring.cases) if agents else 0.0
    kinds = Counter(link.kind for link in ring.links)
    burst = burst_cases(frame, ring.cases, employers) if len(employers) == 1 else 0
    return RingStructure(
        cases=len(ring.cases), applicants=len(workers), employers=len(employers),
        forums=len(forums), agents=len(agents), lay_agents=len(lay_agents),
        top_agent_share=round(top_share, 4),
        coordinated_share=round(len(coordinated_cases(ring)) / len(ring.cases), 4),
        batched_share=round(len(batched_cases(ring)) / len(ring.cases), 4),
        link_kinds=dict(sorted(kinds.items())),
        burst_cases=max(len(ring.cases), burst),
    )


def burst_cases(frame: Frame, cases: list[str], employers: AbstractSet[str]) -> int:
    """How many confirmation suits against ``employers`` were filed between the first and the
    last filing of ``cases`` (the burst the cases belong to; 0 when none of them is dated).

    A cluster that nothing but its employer and its filing days holds together is a ring only
    if most of it is leads (:func:`~ringtrace.queries.scan.reportable`); and "most" is of the
    burst, not of the few of its suits that the rules flagged: three leads among the fifty
    suits a restructured factory's workforce filed in one season are three leads, while a
    bought cohort's suits are leads nearly all (issue 15: "a burst alone makes a ring").
    :func:`structure` counts it for a cluster at one employer only: one that spans employers is
    held together by more than one employer's season (a lawyer's series, an operation), and
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


def strength(struct: RingStructure, params: RingParams) -> float:
    """How strongly the ring's structure speaks for coordination, in [0, 1].

    What counts most is the share of cases tied together by an intermediary-like agent or a
    shared phone/address (coordination); a ring held together only by one employer's burst or
    same-day filings - which genuine group suits also show - stays weak. Size adds a little.
    A batch (filed or decided within days against one small employer, docs/domain.md P8) counts
    up to ``batch_strength`` on its own: it is the published screening rule itself. A ring
    that a confirmed sham anchors (:func:`anchored`) is at least ``confirmed_strength``: a
    court found one of its suits bought (docs/domain.md P14), the others share the lay person
    who brought it or the employer who admitted it.
    """
    share = struct.coordinated_share
    size = min(1.0, (struct.cases - 1) / (params.strength_full_size - 1))
    s = params.strength_coordination * share
    s += params.strength_size * size * share
    kinds = struct.link_kinds
    s += params.strength_both_kinds if all(k in kinds for k in COORDINATION) else (
        params.strength_one_kind if any(k in kinds for k in COORDINATION) else 0.0)
    s = max(s, params.batch_strength * struct.batched_share)
    if tied_batch(struct, params.tie_max_cases):
        s = max(s, params.tied_batch_strength)
    if anchored(struct):
        s = max(s, params.confirmed_strength)
    return round(min(1.0, s), 6)


def anchored(struct: RingStructure) -> bool:
    """Is the ring anchored by a suit a court revoked as a sham (a ``confirmed`` link)?"""
    return any(k in struct.link_kinds for k in CONFIRMED)


def tied_batch(struct: RingStructure, most: int) -> bool:
    """Is the ring a small one (at most ``most`` cases) whose every case one lay person ties
    (``tie``) and whose every case was filed or decided within days of the others (``batch``)?

    Two facts that do not depend on each other: one person outside the family controlled
    every suit (the manager who admitted them, or the nominee who filed them), and the suits
    reached the forum together. A genuine small group may show either - co-workers file
    together, a manager answers his staff's suits - but one person who admitted or filed for
    unrelated near-retirement applicants in the same days is what a prosecutor puts to a
    manager paid per admission (SPP-2024-04; P9: the intermediary as the employer's
    人事部门负责人). Such a ring is as strong as ``tied_batch_strength``, so that its weaker
    suits, which show only the screening signs, are leads beside the one that gives the
    purchase away; a larger cluster never qualifies.
    """
    return (struct.cases <= most and "tie" in struct.link_kinds
            and struct.coordinated_share >= 1.0 and struct.batched_share >= 1.0)
