from __future__ import annotations

import math

import networkx as nx

from ringtrace.graph.build import case_batch
from ringtrace.graph.elements import GraphBatch
from ringtrace.graph.records import case_from_dict
from ringtrace.viz.ring_layout import grouped_layout
from ringtrace.viz.roles import node_roles
from tests.viz.conftest import case_record, to_graph

EMPLOYERS = ("甲建筑工程有限公司", "乙物资回收有限公司", "丙粮库")


def _ring(cases: int = 150, reverse: bool = False) -> nx.MultiDiGraph:
    batch = GraphBatch()
    for n in range(cases):
        record = case_record(1000 + n, f"申请人{n:03d}", EMPLOYERS[n % 3], agent="中介甲",
                             firm="某律师事务所")
        record["forum"] = ("安阳市文峰区人民法院", "安阳市北关区人民法院")[n % 2]
        batch.extend(case_batch(case_from_dict(record)))
    return to_graph(batch, reverse=reverse)


def _dist(a: tuple[int, int], b: tuple[int, int]) -> float:
    return math.dist(a, b)


def test_a_big_ring_is_grouped_by_role_and_employer() -> None:
    graph = _ring()
    intermediary = next(n for n in graph if graph.nodes[n].get("name") == "中介甲")
    roles = node_roles(graph, [intermediary])
    pos = grouped_layout(graph, roles)
    assert pos[intermediary] == (0, 0)
    employers = {graph.nodes[n]["name"]: pos[n] for n, r in roles.items() if r == "employer"}
    assert len(employers) == 3
    forums = [pos[n] for n, r in roles.items() if r == "forum"]
    assert min(x for x, _ in forums) > max(x for n, (x, _) in pos.items()
                                           if roles[n] != "forum")
    for case in (n for n, r in roles.items() if r == "case"):
        applicant = next(u for u, _, k in graph.in_edges(case, data="kind")
                         if k == "PARTY_IN" and roles[u] == "applicant")
        employer = next(graph.nodes[u]["name"] for u, _, k in graph.in_edges(case, data="kind")
                        if k == "PARTY_IN" and roles[u] == "employer")
        nearest = min(employers, key=lambda e: _dist(employers[e], pos[applicant]))
        assert nearest == employer  # applicants sit in their employer's group
    assert len(set(pos.values())) == len(pos)


def test_layout_does_not_depend_on_insertion_order() -> None:
    forward, backward = _ring(60), _ring(60, reverse=True)
    assert grouped_layout(forward, node_roles(forward)) == grouped_layout(
        backward, node_roles(backward))
