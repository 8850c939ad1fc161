"""The role each node plays in a ring, read from the graph's structure, and how it is drawn.

An investigator asks "who organised this, who signed, who was enrolled", not "which schema
kind": a ``Person`` may be the intermediary, an agent, an applicant or an employer's legal
representative. Roles come from the edges (``AGENT_IN`` makes an agent, a worker-side
``PARTY_IN`` an applicant, ``LEGAL_REP_OF`` a legal representative) plus the ring's
intermediaries, which only the ring assembly knows and the caller passes in. Phones and
addresses that only one party uses are kept apart (``contact_private``, hidden at first): a
shared one is the red flag. Styles live in ``templates/network_roles.yaml``.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from typing import Any

import networkx as nx
import yaml

from ringtrace.errors import RingtraceError
from ringtrace.viz.catalogue import role_label
from ringtrace.viz.templating import template_text

__all__ = ["RoleStyle", "node_roles", "role_styles"]

_KIND_ROLES = {"Case": "case", "Employer": "employer", "Forum": "forum", "LawFirm": "firm",
               "BackPayment": "backpayment"}


@dataclass(frozen=True)
class RoleStyle:
    """How one role is drawn: vis-network shape, fill and border colours, sizes, and whether
    it is shown when the page opens."""

    role: str
    label: str
    shape: str
    fill: str
    border: str
    border_width: int
    size: int
    font: int
    shown: bool


@cache
def role_styles() -> dict[str, RoleStyle]:
    """Every role's style, in legend order (``templates/network_roles.yaml``)."""
    data = yaml.safe_load(template_text("network_roles.yaml"))
    if not isinstance(data, dict) or "other" not in data:
        raise RingtraceError("ringtrace/viz/templates/network_roles.yaml must map roles to "
                             "styles and include 'other'; restore it from the package")
    return {role: RoleStyle(role=role, label=role_label(role), shape=str(s["shape"]),
                            fill=str(s["fill"]), border=str(s["border"]),
                            border_width=int(s["border_width"]), size=int(s["size"]),
                            font=int(s["font"]), shown=bool(s.get("shown", True)))
            for role, s in data.items()}


def _person_role(node: Any, graph: nx.MultiDiGraph, intermediaries: set[Any]) -> str:
    if node in intermediaries:
        return "intermediary"
    kinds = defaultdict(set)
    for _, _, attrs in graph.out_edges(node, data=True):
        kinds[str(attrs.get("kind"))].add(str(attrs.get("side") or ""))
    if "AGENT_IN" in kinds:
        return "agent"
    if "worker" in kinds.get("PARTY_IN", set()):
        return "applicant"
    if "employer" in kinds.get("PARTY_IN", set()):
        return "employer"
    if "LEGAL_REP_OF" in kinds:
        return "legal_rep"
    return "applicant" if "PARTY_IN" in kinds else "person"


def node_roles(graph: nx.MultiDiGraph, intermediaries: Iterable[Any] = ()) -> dict[Any, str]:
    """The role of every node of ``graph`` (a key of :func:`role_styles`).

    >>> g = nx.MultiDiGraph()
    >>> _ = g.add_edge("Person:甲", "Case:1", kind="AGENT_IN")
    >>> _ = g.add_edge("Person:乙", "Case:1", kind="PARTY_IN", side="worker")
    >>> _ = g.add_edge("Person:丙", "Identifier:phone:1", kind="HAS_PHONE")
    >>> for n, k in (("Person:甲", "Person"), ("Person:乙", "Person"), ("Person:丙", "Person"),
    ...              ("Case:1", "Case"), ("Identifier:phone:1", "Identifier")):
    ...     g.nodes[n]["kind"] = k
    >>> sorted(node_roles(g, ["Person:丙"]).items())
    [('Case:1', 'case'), ('Identifier:phone:1', 'contact_private'), ('Person:丙', 'intermediary'), ('Person:乙', 'applicant'), ('Person:甲', 'agent')]
    """
    chosen = set(intermediaries)
    roles: dict[Any, str] = {}
    for node, kind in graph.nodes(data="kind"):
        if kind == "Person":
            roles[node] = _person_role(node, graph, chosen)
        elif kind == "Identifier":
            users = {u for u, _ in graph.in_edges(node)} | {v for _, v in graph.out_edges(node)}
            roles[node] = "contact" if len(users - {node}) >= 2 else "contact_private"
        elif node in chosen:
            roles[node] = "intermediary"
        else:
            roles[node] = _KIND_ROLES.get(str(kind), "other")
    return roles
