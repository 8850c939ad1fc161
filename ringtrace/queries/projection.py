"""The projected entity graph for whole-graph analytics, built straight from the store's tables.

Nodes are cases and the entities they share (parties, agents, firms, phones, addresses); forums
are left out because every case of a court would hang on them. Edges come out as integer numpy
arrays, ready for networkit, without building a networkx graph (which costs ~310 bytes per edge
and a slow conversion).
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import chain

import numpy as np
import pandas as pd

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
    in the store's stable edge order).

    The endpoints are read as UTF-8 bytes, one flat array (source, target, source, ...), and
    numbered by ``pandas.factorize``, which numbers values in order of first appearance; only
    the distinct ids are decoded.
    """
    ends = np.fromiter(chain.from_iterable(store.edge_pairs_utf8(kinds)), dtype=object)
    codes, distinct = pd.factorize(ends)
    codes = codes.astype(np.int64, copy=False)
    return Projection([key.decode() for key in distinct], codes[0::2].copy(), codes[1::2].copy())
