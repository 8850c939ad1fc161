"""Rings: groups of cases held together by explicit evidence, assembled deterministically.

1. **Candidates**: confirmation cases whose rule score reaches ``seed_threshold``.
2. **Evidence links** between candidates: the same intermediary-like agent (see
   :func:`~ringtrace.queries.redflags.agents.intermediary_like`; agents are entities after
   resolution, so a bare mention of an identified agent is that agent, see ``ringtrace.resolve``),
   or a lawyer whose practice is dominated by candidates (``practice_share``), or a lawyer's
   series against two or more small employers in the same months (:func:`series.series_links`) -
   lawyers' links join only groups they are central to (:func:`_bridge`); the same phone or address
   among applicants, lay agents and the employer side; the same suspicious employer (one
   flagged for a burst, for confirmations above its headcount or for a near-retirement
   cohort); two or more candidates against one employer filed or decided within
   ``batch_link_days`` of each other; two candidates against one employer where an applicant
   in one is a lay agent in the other (:func:`ties.kin_links`); uncontested candidates against one
   employer filed together in which one lay person acts for the workers or for the employer in
   each (:func:`ties.tie_links`), or for whose workers one legal-service office far from the forum
   acts (:func:`ties.office_ties`), or one community nominee acts for the workers though the
   employer contested (:func:`ties.lay_agent_ties`), or one manager admits suits that one firm's
   lawyers drafted in a small ring without proof (:func:`ties.admitted_with_counsel`), or the
   employer's office holder is printed masked in one suit and named in another
   (:func:`ties.office_holder_ties`); candidates against one employer filed within days whose
   applicants each claim the pension's fifteen years though they left the employer apart
   (:func:`pairlinks.pension_minimum_pairs`, a ``template`` link), or whose applicants the employer
   admitted to years before it existed (:func:`pairlinks.founding_pairs`) - in a ring of at most
   ``tie_max_cases`` cases a ``tie``, ``kin``, ``template`` or ``founding`` link is coordination evidence
   (:data:`SMALL_RING_EVIDENCE`), so that two leads tied by a person are a ring; such
   a tie also brings in suits without proof that show only the screening signs
   (:func:`ties.weak_ties`); candidates of one employer mediated on one day, filed in one week,
   whose applicants left it apart (:func:`pairlinks.mediated_pairs`, a ``mediated`` link) count like
   a template pair, and either link brings in the weaker claim of its pair
   (:func:`pairlinks.pair_partners`); a small ring tied and batched whole is strong
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
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field
from typing import Literal

import numpy as np

from ringtrace.graph.identity import ring_id
from ringtrace.queries.communities import communities
from ringtrace.queries.confirmed import confirmed_links, confirmed_ties
from ringtrace.queries.findings import Finding
from ringtrace.queries.fragments import join_fragments
from ringtrace.queries.frame import Frame
from ringtrace.queries.model import RingStructure
from ringtrace.queries.nominee_reach import reach_bounds, reach_links, reach_partners, reach_tied
from ringtrace.queries.pairlinks import (
    aided_cases,
    founding_pairs,
    mediated_pairs,
    pair_partners,
    pension_minimum_pairs,
)
from ringtrace.queries.redflags.agents import (
    agent_profile,
    assigned_by_legal_aid,
    intermediary_like,
)
from ringtrace.queries.redflags.common import (
    PROFESSIONAL,
    filing_date,
    is_confirmation,
    large_employers,
    to_date,
)
from ringtrace.queries.redflags.contacts import sharing_by_identifier
from ringtrace.queries.ringlinks import (
    Link,
    RingParams,
    UnionFind,
    _chained,
    _small,
    anchored_employers,
    burst_cases,
    time_chains,
)
from ringtrace.queries.scoring import CaseScore
from ringtrace.queries.series import _firm_of, _practice_dominated, firm_series_links, series_links
from ringtrace.queries.tied_leavings import tied_apart, ties_left_apart
from ringtrace.queries.ties import (
    admitted_with_counsel,
    kin_links,
    lay_agent_ties,
    office_holder_ties,
    office_ties,
    tie_links,
    tied_to_candidates,
    weak_ties,
)

#: the dates a batch of suits shares (:func:`batch_links`)
_BATCH_DATES: tuple[Literal["filing_date", "decision_date"], ...] = ("filing_date", "decision_date")


@dataclass
class Ring:
    ring_id: str
    cases: list[str]
    links: list[Link] = field(default_factory=list)
    community: int | None = None  # set when the ring came from splitting a large component
    #: at most ``tie_max_cases`` cases, and of its burst at one employer (:func:`ringlinks._small`):
    #: a personal tie (``tie``, ``kin``) is its coordination
    small: bool = False
    score: float = 0.0


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
        elif member and not assigned_by_legal_aid(frame, agent_id):
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
    ties = tie_links(frame, candidates, params.tie_days)
    links += ties
    links += ties_left_apart(frame, ties, findings, proven, params)
    links += office_ties(frame, candidates - proven, params.tie_days)
    links += lay_agent_ties(frame, candidates - proven, params.tie_days)
    links += admitted_with_counsel(frame, candidates - proven, params.tie_days,
                                   params.tie_max_cases, params.separate_leavings_days,
                                   aided_cases(findings, params))
    links += office_holder_ties(frame, candidates - proven, params.tie_days)
    links += pension_minimum_pairs(frame, findings, candidates - proven, params)
    links += mediated_pairs(frame, findings, candidates - proven, params)
    links += confirmed_links(frame, findings, candidates, params, proven, large)
    links += founding_pairs(frame, findings, candidates - proven, params)
    links += reach_links(frame, candidates - proven, reach_bounds(params))
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
    candidates |= weak_ties(frame, scores, candidates, params, proven,
                            aided_cases(findings, params))
    candidates |= pair_partners(frame, findings, scores, candidates, params, proven)
    candidates |= confirmed_ties(frame, findings, scores, params, proven)
    candidates |= reach_partners(frame, scores, candidates, proven, reach_bounds(params))
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


#: link kinds that show coordination (as opposed to co-location in one employer or batch, or
#: kinship, :func:`ties.kin_links`)
COORDINATION = ("agent", "identifier")
#: personal ties that show coordination in a small ring only (:func:`ties.tie_links`,
#: :func:`ties.kin_links`)
SMALL_RING_TIES = ("tie", "kin")
#: what shows coordination in a small ring only: its personal ties, claims cut to the
#: pension's minimum by applicants who left years apart (:func:`pairlinks.pension_minimum_pairs`),
#: and such applicants' suits mediated in one session (:func:`pairlinks.mediated_pairs`), and claims
#: admitted that week to years before the employer existed (:func:`pairlinks.founding_pairs`), one
#: lay nominee's suits against different employers within weeks
#: (:func:`nominee_reach.reach_links`), and a nominee's tie over claims that ended apart
#: (:func:`tied_leavings.ties_left_apart`)
SMALL_RING_EVIDENCE = (*SMALL_RING_TIES, "template", "mediated", "founding", "reach", "apart")
#: a confirmed sham's lay agent or employer tying its other suits to it
#: (:func:`confirmed.confirmed_links`): coordination in a ring of any size
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


def strength(struct: RingStructure, params: RingParams) -> float:
    """How strongly the ring's structure speaks for coordination, in [0, 1].

    What counts most is the share of cases tied together by an intermediary-like agent or a
    shared phone/address (coordination); a ring held together only by one employer's burst or
    same-day filings - which genuine group suits also show - stays weak. Size adds a little.
    A batch (filed or decided within days against one small employer, docs/domain.md P8) counts
    up to ``batch_strength`` on its own: it is the published screening rule itself. A ring
    that a confirmed sham anchors (:func:`anchored`) is at least ``confirmed_strength``: a
    court found one of its suits bought (docs/domain.md P14), the others share the lay person
    who brought it or the employer who admitted it. A small ring tied whole, among it by one
    lay nominee's suits at different employers (:func:`nominee_reach.reach_tied`), is at least
    ``nominee_reach_strength``, and one tied whole, among it by a nominee's tie over claims that
    ended apart (:func:`tied_leavings.tied_apart`), at least ``tied_apart_strength``.
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
    if reach_tied(struct, params.tie_max_cases):
        s = max(s, params.nominee_reach_strength)
    if tied_apart(struct, params.tie_max_cases):
        s = max(s, params.tied_apart_strength)
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
