"""The projected entity graph for whole-graph analytics, built straight from the store's tables.

Nodes are cases and the entities they share (parties, agents, firms, phones, addresses); forums
are left out because every case of a court would hang on them. Edges come out as integer numpy
arrays, ready for networkit, without building a networkx graph (which costs ~310 bytes per edge
and a slow conversion).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from ringtrace.graph.store.base import GraphStore

EDGE_KINDS = ("PARTY_IN", "AGENT_IN", "MEMBER_OF", "LEGAL_REP_OF", "HAS_PHONE", "HAS_ADDRESS")


@dataclass
class Projection:
    ids: list[str]
    sources: np.ndarray
    targets: np.ndarray

    @property
    def n(self) -> int:
        return len(self.ids)


def entity_projection(store: GraphStore, kinds: tuple[str, ...] = EDGE_KINDS) -> Projection:
    """Integer-indexed undirected edge list of the entity graph (node order: first appearance
    in the store's stable edge order)."""
    index: dict[str, int] = {}
    src: list[int] = []
    dst: list[int] = []
    for a, b in store.edge_pairs(kinds):
        ia = index.setdefault(a, len(index))
        ib = index.setdefault(b, len(index))
        src.append(ia)
        dst.append(ib)
    return Projection(list(index), np.asarray(src, dtype=np.int64), np.asarray(dst, dtype=np.int64))
