"""Ring listings and ring details (members, cases, timeline, flags, exposure)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

import networkx as nx

from ringtrace.graph.props import NodeProps
from ringtrace.graph.store.base import GraphStore
from ringtrace.queries.entities import case_row
from ringtrace.queries.redflags import RULES_BY_ID
from ringtrace.queries.results import ScanResults
from ringtrace.queries.views import (
    CaseFinding,
    CaseView,
    FlagCount,
    RingAgent,
    RingApplicant,
    RingDetail,
    RingEmployer,
    RingForum,
    RingIntermediary,
    RingRow,
    TimelineEvent,
)
from ringtrace.resolve import ensure


def list_rings(store: GraphStore, limit: int | None = None,
               include_clusters: bool = False) -> list[RingRow]:
    """Ranked rings with their headline figures.

    A ring is *reported* when at least one of its cases is a lead; groups held together by
    evidence links but without any lead are clusters, listed only with ``include_clusters``.
    """
    scan = ScanResults.load(store)
    rows = []
    chosen = [r for r in scan.rings if include_clusters or r.reported]
    for ring in chosen[:limit]:
        names = []
        for agent_id in ring.intermediaries[:2]:
            node = store.node(agent_id)
            names.append(node.name if node else agent_id)
        s = ring.structure
        rows.append(RingRow(
            rank=ring.rank, ring_id=ring.ring_id, score=ring.score, cases=s.cases,
            leads=ring.leads, applicants=s.applicants, employers=s.employers,
            intermediaries=tuple(names), exposure_yuan=ring.exposure.amount_yuan,
            top_rules=tuple(r for r, _ in Counter(ring.rules).most_common(3))))
    return rows


def ring_detail(store: GraphStore, ring_id: str) -> RingDetail:
    """Everything about one ring, in the shape the HTML views and evidence packs render."""
    scan = ScanResults.load(store)
    ring = scan.ring(ring_id)
    cases = tuple(case_row(store, c, scan) for c in ring.cases)
    # people and employers as resolved entities: an agent named in 50 judgments is one agent
    entity = ensure(store).entity
    members: dict[str, Counter[str]] = {"Employer": Counter(), "worker": Counter(),
                                        "agent": Counter(), "Forum": Counter()}
    agent_info: dict[str, tuple[str | None, str | None, str | None]] = {}
    mentions: dict[str, set[str]] = {}
    for c in ring.cases:
        for e in store.edges_of(c, ["PARTY_IN", "AGENT_IN", "DECIDED_BY"]):
            who = entity(e.src)
            mentions.setdefault(who, set()).add(e.src)
            if e.kind == "PARTY_IN":
                members["Employer" if e.props.get("side") == "employer" else "worker"][who] += 1
            elif e.kind == "AGENT_IN":
                members["agent"][who] += 1
                # kind, law firm and side, as the first mention read says
                agent_info.setdefault(who, (e.props.get("agent_kind"), e.props.get("law_firm"),
                                            e.props.get("represents_side")))
            else:
                members["Forum"][e.dst] += 1
    nodes = {nid: store.node(nid) for group in members.values() for nid in group}

    def props(nid: str) -> NodeProps:
        node = nodes.get(nid)
        return node.props if node else {}

    def name(nid: str) -> str:  # a stored node has no empty name: the id when it has none
        return props(nid).get("name") or nid

    intermediaries = tuple(
        RingIntermediary(a, name(a),
                         "劳动者代理人" if agent_info[a][2] == "worker" else "单位代理人",
                         members["agent"][a])
        for a in dict.fromkeys(entity(x) for x in ring.intermediaries) if a in agent_info)
    timeline = sorted((TimelineEvent(date, label, row.case_number) for row in cases
                       for date, label in _events(row) if date),
                      key=lambda t: (t.date, t.case_number or "", t.event))
    flags = tuple(FlagCount(r, RULES_BY_ID[r].title if r in RULES_BY_ID else r, n)
                  for r, n in sorted(ring.rules.items(), key=lambda kv: (-kv[1], kv[0])))
    evidence = {row.id: tuple(CaseFinding(f.rule_id, f.summary, f.evidence)
                              for f in scan.findings_for_case(row.id)) for row in cases}
    return RingDetail(
        ring_id=ring.ring_id, rank=ring.rank, score=ring.score, strength=ring.strength,
        reasons=ring.reasons, structure=ring.structure, community=ring.community,
        intermediaries=intermediaries,
        agents=tuple(RingAgent(a, name(a), *agent_info[a], n,
                               tuple(sorted(mentions[a])))
                     for a, n in sorted(members["agent"].items())),
        employers=tuple(RingEmployer(e, name(e), props(e).get("uscc"),
                                     props(e).get("status"), props(e).get("founded"),
                                     props(e).get("insured_headcount"), n)
                        for e, n in sorted(members["Employer"].items())),
        applicants=tuple(RingApplicant(w, name(w), props(w).get("sex"),
                                       props(w).get("birth_date"), n)
                         for w, n in sorted(members["worker"].items())),
        forums=tuple(RingForum(f, name(f), props(f).get("region_code"), n)
                     for f, n in sorted(members["Forum"].items())),
        cases=cases, timeline=tuple(timeline), flags=flags, evidence=evidence,
        exposure=ring.exposure, links=ring.links,
        node_ids=tuple(sorted([*ring.cases, *nodes])),
    )


def _events(case: CaseView) -> tuple[tuple[str | None, str], ...]:
    """A case's dates with the event each marks: filed (立案), heard (开庭), decided (裁判)."""
    return ((case.filing_date, "立案"), (case.hearing_date, "开庭"), (case.decision_date, "裁判"))


_CONTEXT = ("HAS_PHONE", "HAS_ADDRESS", "MEMBER_OF", "LEGAL_REP_OF")


def ring_graph(store: GraphStore, case_ids: Iterable[str], max_nodes: int = 1500
               ) -> nx.MultiDiGraph:
    """The ring's cases (``case_ids``, a :class:`RingDetail`'s ``case_ids``), their parties,
    agents and forums, and those people's firms, phones, addresses and legal representatives -
    not every other case of a busy court or employer."""
    cases = list(case_ids)
    nodes: set[str] = set(cases)
    edges = []
    for case in cases:
        for e in store.edges_of(case, ["PARTY_IN", "AGENT_IN", "DECIDED_BY"]):
            edges.append(e)
            nodes.update((e.src, e.dst))
    for nid in sorted(nodes - set(cases)):
        if nid.startswith("Forum:"):
            continue
        for e in store.edges_of(nid, _CONTEXT):
            if len(nodes) >= max_nodes:
                break
            edges.append(e)
            nodes.update((e.src, e.dst))
    return as_entities(store, store.subgraph(nodes, edges))


def as_entities(store: GraphStore, graph: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """``graph`` with the mentions of one resolved person or employer drawn as one node (the
    entity's representative, with its facts), keeping every edge of every mention."""
    entity = ensure(store).entity
    mapping = {n: entity(n) for n in graph.nodes if entity(n) != n}
    if not mapping:
        return graph
    targets = set(mapping.values())
    facts = store.subgraph(targets - set(graph.nodes), [])
    attrs = {t: dict(graph.nodes[t]) if t in graph else dict(facts.nodes[t])
             for t in targets if t in graph or t in facts}
    merged: nx.MultiDiGraph = nx.relabel_nodes(graph, mapping, copy=True)
    for target, values in attrs.items():
        merged.nodes[target].clear()
        merged.nodes[target].update(values)
    return merged
