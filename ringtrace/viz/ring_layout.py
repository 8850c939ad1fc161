"""Fixed positions for a ring graph, grouped by role so that 300+ nodes stay readable.

Why a computed layout rather than a force layout: a spring layout of a 600-node ring draws one
tangle (every applicant pulls on the same intermediary), hides an employer under a court that
happens to land on it, and moves when one case is added. Investigators read a ring as a
structure - who organised it, through which employers, enrolling whom, decided where - so the
layout draws that structure directly, with no randomness and physics off:

* centre: the ring's intermediaries, with the agents of several cases on circles around them
  (an agent of a single case stands with that case's applicants instead);
* around them, one sector per employer, sized by its applicants: the employer sits on the
  inner edge of its sector and its applicants fill a sunflower (phyllotaxis) disc behind it,
  evenly spaced so names do not overlap; each case sits just below its applicant (cases start
  hidden - the default view draws them as applicant-employer edges);
* legal representatives beside their employer, shared phones/addresses between their users,
  back-payments and single-use contacts beside their owner;
* side layers: courts and arbitration commissions in a column on the right, law firms and
  anyone else on the left, so no court can sit on an employer.

Positions depend only on the graph (nodes are visited in sorted order), so the same ring gives
the same picture and the same bytes; a last pass nudges apart any two nodes that would share
a point.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Mapping
from typing import Any

import networkx as nx

__all__ = ["case_parties", "grouped_layout"]

_GOLDEN = math.pi * (3 - math.sqrt(5))  # the sunflower's divergence angle
_CELL = 36.0  # sunflower scale: neighbouring applicants end up ~65 px apart
_AGENT_GAP = 60.0  # arc length between agents on a circle
_RING_GAP = 85.0  # between concentric circles of agents
_COLUMN_GAP = 84.0  # between nodes of a side column (a court and its label)
_SIDE = 260.0  # distance of the side columns from the drawing
_ASPECT = 1.3  # pages are wider than tall: stretch x
_CASE_DROP = 26  # a case node below its applicant


def case_parties(graph: nx.MultiDiGraph) -> dict[Any, dict[str, list[Any]]]:
    """Per case node: its ``workers``, ``employers``, ``agents`` and ``forums``, each sorted,
    plus ``agent_side:<side>`` listing the agents that represent that side (``worker``,
    ``employer``, ``both`` or ``unknown``)."""
    parties: dict[Any, dict[str, set[Any]]] = defaultdict(lambda: defaultdict(set))
    for u, v, attrs in graph.edges(data=True):
        kind = attrs.get("kind")
        if kind == "PARTY_IN":
            side = "employers" if attrs.get("side") == "employer" or graph.nodes[u].get(
                "kind") == "Employer" else "workers"
            parties[v][side].add(u)
        elif kind == "AGENT_IN":
            parties[v]["agents"].add(u)
            parties[v][f"agent_side:{attrs.get('represents_side') or 'unknown'}"].add(u)
        elif kind == "DECIDED_BY":
            parties[u]["forums"].add(v)
    return {c: {k: sorted(nodes, key=str) for k, nodes in p.items()}
            for c, p in parties.items() if graph.nodes[c].get("kind") == "Case"}


def _circle(nodes: list[Any], radius: float, start: float = -math.pi / 2
            ) -> dict[Any, tuple[float, float]]:
    if len(nodes) == 1 and radius == 0:
        return {nodes[0]: (0.0, 0.0)}
    step = 2 * math.pi / max(len(nodes), 1)
    return {n: (radius * math.cos(start + i * step), radius * math.sin(start + i * step))
            for i, n in enumerate(nodes)}


def _centre(intermediaries: list[Any], agents: list[Any]) -> tuple[dict[Any, tuple[float, float]],
                                                                     float]:
    """Intermediaries at the centre, agents on concentric circles; returns the outer radius."""
    inner = 0.0 if len(intermediaries) <= 1 else max(70.0, len(intermediaries) * _AGENT_GAP
                                                      / (2 * math.pi))
    pos = _circle(intermediaries, inner) if intermediaries else {}
    radius, rest = inner + 130.0, list(agents)
    while rest:
        capacity = max(6, int(2 * math.pi * radius / _AGENT_GAP))
        pos.update(_circle(rest[:capacity], radius, -math.pi / 2 + radius / 1000))
        rest = rest[capacity:]
        radius += _RING_GAP if rest else 0.0
    return pos, radius if agents else inner


def _sunflower(count: int) -> list[tuple[float, float]]:
    return [(_CELL * math.sqrt(i + 0.5) * math.cos(i * _GOLDEN),
             _CELL * math.sqrt(i + 0.5) * math.sin(i * _GOLDEN)) for i in range(count)]


def _groups(roles: Mapping[Any, str], parties: Mapping[Any, Mapping[str, list[Any]]],
            local_agents: list[Any]) -> dict[Any, list[Any]]:
    """Applicants (then single-case agents) per employer: each goes with the employer of most
    of its cases."""
    tally: dict[Any, Counter[Any]] = defaultdict(Counter)
    for p in parties.values():
        for member in (*p.get("workers", []), *p.get("agents", [])):
            for employer in p.get("employers", []):
                tally[member][employer] += 1
    groups: dict[Any, list[Any]] = {e: [] for e in sorted(
        (n for n, r in roles.items() if r == "employer"), key=str)}
    applicants = sorted((n for n, r in roles.items() if r == "applicant"), key=str)
    for node in [*applicants, *local_agents]:
        ranked = sorted(tally[node].items(), key=lambda kv: (-kv[1], str(kv[0])))
        groups.setdefault(ranked[0][0] if ranked else None, []).append(node)
    return groups


def _sectors(groups: dict[Any, list[Any]], inner: float
             ) -> tuple[dict[Any, tuple[float, float]], dict[Any, tuple[float, float]]]:
    """Employer positions and the centre of each employer's applicant disc."""
    order = sorted(groups, key=lambda e: (-len(groups[e]), str(e)))
    spans = {e: _CELL * math.sqrt(len(groups[e]) + 1) + 30.0 for e in order}
    widths = {e: 2 * spans[e] + 90.0 for e in order}
    total = sum(widths.values()) or 1.0
    distance = max(total / (2 * math.pi), inner + 170.0 + max(spans.values(), default=0.0))
    employers, discs = {}, {}
    angle = -math.pi / 2 if len(order) > 1 else 0.0
    for e in order:
        half = math.pi * widths[e] / total
        mid = angle + half if len(order) > 1 else 0.0
        angle += 2 * half
        reach = distance - spans[e] - 60.0
        employers[e] = (reach * math.cos(mid), reach * math.sin(mid))
        discs[e] = (distance * math.cos(mid), distance * math.sin(mid))
    return employers, discs


def _column(nodes: list[Any], x: float) -> dict[Any, tuple[float, float]]:
    top = -(len(nodes) - 1) * _COLUMN_GAP / 2
    return {n: (x, top + i * _COLUMN_GAP) for i, n in enumerate(nodes)}


def _neighbours(graph: nx.MultiDiGraph, node: Any) -> list[Any]:
    return sorted({*graph.predecessors(node), *graph.successors(node)} - {node}, key=str)


def grouped_layout(graph: nx.MultiDiGraph, roles: Mapping[Any, str]) -> dict[Any, tuple[int, int]]:
    """Integer pixel positions for every node of ``graph``, grouped by role (module doc).

    >>> g = nx.MultiDiGraph()
    >>> _ = g.add_edge("P:甲", "C:1", kind="PARTY_IN", side="worker")
    >>> _ = g.add_edge("E:乙", "C:1", kind="PARTY_IN", side="employer")
    >>> _ = g.add_edge("C:1", "F:丙", kind="DECIDED_BY")
    >>> for n, k in (("P:甲", "Person"), ("E:乙", "Employer"), ("C:1", "Case"), ("F:丙", "Forum")):
    ...     g.nodes[n]["kind"] = k
    >>> roles = {"P:甲": "applicant", "E:乙": "employer", "C:1": "case", "F:丙": "forum"}
    >>> pos = grouped_layout(g, roles)
    >>> pos["F:丙"][0] > pos["P:甲"][0] > pos["E:乙"][0], pos["C:1"][1] > pos["P:甲"][1]
    (True, True)
    """
    parties = case_parties(graph)
    by_role: dict[str, list[Any]] = defaultdict(list)
    for node in sorted(graph.nodes, key=str):
        by_role[roles.get(node, "other")].append(node)
    agent_cases = Counter(a for p in parties.values() for a in p.get("agents", []))
    agents = sorted(by_role["agent"], key=lambda a: (-agent_cases[a], str(a)))
    central = [a for a in agents if agent_cases[a] > 1]
    pos, inner = _centre(by_role["intermediary"], central)
    groups = _groups(roles, parties, [a for a in agents if agent_cases[a] <= 1])
    employers, discs = _sectors(groups, inner)
    pos.update((e, p) for e, p in employers.items() if e is not None)
    for employer, members in groups.items():
        cx, cy = discs[employer]
        for node, (dx, dy) in zip(members, _sunflower(len(members)), strict=True):
            pos[node] = (cx + dx, cy + dy)
    _place_cases(by_role["case"], parties, pos, discs)
    _place_beside(graph, by_role, pos)
    _place_sides(by_role, pos)
    return _distinct({n: (round(x * _ASPECT), round(y)) for n, (x, y) in pos.items()})


def _place_cases(cases: list[Any], parties: Mapping[Any, Mapping[str, list[Any]]],
                 pos: dict[Any, tuple[float, float]],
                 discs: Mapping[Any, tuple[float, float]]) -> None:
    stacked: Counter[Any] = Counter()
    for case in cases:
        p = parties.get(case, {})
        anchor = next((w for w in p.get("workers", []) if w in pos), None)
        if anchor is None:
            anchor = next((e for e in p.get("employers", []) if e in pos), None)
        if anchor is None:
            continue  # a case without parties goes to a side column
        stacked[anchor] += 1
        x, y = pos[anchor]
        pos[case] = (x, y + _CASE_DROP * stacked[anchor])


def _place_beside(graph: nx.MultiDiGraph, by_role: Mapping[str, list[Any]],
                  pos: dict[Any, tuple[float, float]]) -> None:
    """Legal representatives, contacts and back-payments next to whom they belong to."""
    beside: Counter[Any] = Counter()
    for role, (dx, dy) in (("legal_rep", (-38.0, -40.0)), ("backpayment", (18.0, -18.0)),
                           ("contact_private", (16.0, -22.0))):
        for node in by_role.get(role, []):
            owner = next((n for n in _neighbours(graph, node) if n in pos), None)
            if owner is None:
                continue
            beside[owner] += 1
            x, y = pos[owner]
            pos[node] = (x + dx * beside[owner], y + dy)
    for node in by_role.get("contact", []):
        users = [pos[n] for n in _neighbours(graph, node) if n in pos]
        if users:
            pos[node] = (sum(x for x, _ in users) / len(users),
                         sum(y for _, y in users) / len(users) + 18.0)


def _place_sides(by_role: Mapping[str, list[Any]], pos: dict[Any, tuple[float, float]]) -> None:
    """Courts on the right; firms, other people and unplaced nodes on the left."""
    xs = [x for x, _ in pos.values()] or [0.0]
    right = _column(by_role.get("forum", []), max(xs) + _SIDE)
    left_nodes = [n for role in ("firm", "person", "other", "case", "legal_rep", "contact",
                                 "contact_private", "backpayment", "applicant", "employer")
                  for n in by_role.get(role, []) if n not in pos and n not in right]
    pos.update(right)
    pos.update(_column(left_nodes, min(xs) - _SIDE))


def _distinct(pos: dict[Any, tuple[int, int]]) -> dict[Any, tuple[int, int]]:
    """Nudge nodes down until no two share a point (sorted order: deterministic)."""
    taken: set[tuple[int, int]] = set()
    out = {}
    for node in sorted(pos, key=str):
        x, y = pos[node]
        while (x, y) in taken:
            y += 14
        taken.add((x, y))
        out[node] = (x, y)
    return out
