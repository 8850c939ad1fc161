"""Large-star / small-star on local[2] finds exactly the components networkx finds."""

from __future__ import annotations

import random
from typing import Any

import networkx as nx
import pytest

from ringtrace.spark.components import connected_components, item_components

pytestmark = pytest.mark.spark


def _graph(seed: int) -> nx.Graph:
    """A random graph with chains (the worst case for naive label propagation), stars and
    isolated pairs."""
    rng = random.Random(seed)
    graph = nx.Graph()
    for start in range(0, 400, 40):
        nx.add_path(graph, rng.sample(range(start, start + 40), 12))
    for hub in range(1000, 1200, 50):
        graph.add_edges_from((hub, hub + k) for k in range(1, 30))
    graph.add_edges_from((rng.randrange(2000, 3000), rng.randrange(2000, 3000))
                         for _ in range(300))
    return graph


def test_components_equal_networkx(spark: Any) -> None:
    graph = _graph(3)
    edges = spark.createDataFrame([(int(a), int(b)) for a, b in graph.edges()], "src long, dst long")
    roots, rounds = connected_components(edges)
    root_of = {r["vertex"]: r["root"] for r in roots.collect()}
    found: dict[int, set[int]] = {}
    for v in graph.nodes:
        found.setdefault(root_of.get(v, v), set()).add(v)
    expected = sorted(sorted(c) for c in nx.connected_components(graph))
    assert sorted(sorted(c) for c in found.values()) == expected
    assert all(min(members) == root for root, members in found.items())
    assert 1 <= rounds < 20


def test_items_sharing_keys_through_others_are_one_component(spark: Any) -> None:
    pairs = spark.createDataFrame([(0, "phone:1"), (1, "phone:1"), (1, "agent:王"),
                                   (2, "agent:王"), (3, "Employer:x"), (5, "Employer:x")],
                                  "item long, key string")
    items = spark.createDataFrame([(i,) for i in range(6)], "item long")
    labels, _ = item_components(pairs, items)
    assert dict(labels.rdd.map(tuple).collect()) == {0: 0, 1: 0, 2: 0, 3: 3, 4: 4, 5: 3}
