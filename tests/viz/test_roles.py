from __future__ import annotations

import networkx as nx

from ringtrace.viz.roles import node_roles, role_styles


def test_roles_come_from_the_edges(hostile_graph: nx.MultiDiGraph) -> None:
    roles = node_roles(hostile_graph)
    by_caption = {hostile_graph.nodes[n].get("name") or hostile_graph.nodes[n].get("value"): r
                  for n, r in roles.items()}
    assert by_caption["周律师"] == "agent" and by_caption["申请人1"] == "applicant"
    assert by_caption["李强"] == "legal_rep"
    assert {r for n, r in roles.items() if n.startswith("Case:")} == {"case"}
    assert {r for n, r in roles.items() if n.startswith("Forum:")} == {"forum"}
    contacts = {r for n, r in roles.items() if n.startswith("Identifier:")}
    assert contacts == {"contact", "contact_private"}  # the applicants' shared phone is shared


def test_intermediaries_are_whom_the_ring_names(hostile_graph: nx.MultiDiGraph) -> None:
    lawyer = next(n for n in hostile_graph if hostile_graph.nodes[n].get("name") == "周律师")
    assert node_roles(hostile_graph, [lawyer])[lawyer] == "intermediary"


def test_every_role_has_a_distinct_look() -> None:
    styles = role_styles()
    looks = {(s.shape, s.fill, s.border) for s in styles.values()}
    assert len(looks) == len(styles)
    assert not styles["case"].shown and styles["intermediary"].shown
