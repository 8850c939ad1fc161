"""The projected entity graph for whole-graph analytics, built straight from the store's tables.

Nodes are cases and the entities they share (parties, agents, firms, phones, addresses); forums
are left out because every case of a court would hang on them. Edges come out as integer numpy
arrays, ready for networkit, without building a networkx graph (which costs ~310 bytes per edge
and a slow conversion).
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import chain, islice

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


def entity_projection(store: GraphStore, kinds: tuple[str, ...] = EDGE_KINDS,
                      chunk_pairs: int = 262_144) -> Projection:
    """Integer-indexed undirected edge list of the entity graph (node order: first appearance
    in the store's stable edge order).

    The endpoints are read as UTF-8 bytes, ``chunk_pairs`` edges at a time, as one flat array
    (source, target, source, ...) numbered by ``pandas.factorize``, which numbers values in
    order of first appearance. Only each chunk's distinct ids go through the running index, so
    at most one chunk's endpoint objects are alive at a time (the whole edge list at once
    peaked at ~300 bytes per edge at 250,000 cases); only each chunk's distinct ids are
    decoded.
    """
    index: dict[str, int] = {}
    sources: list[np.ndarray] = []
    targets: list[np.ndarray] = []
    pairs = store.edge_pairs_utf8(kinds)
    while chunk := list(islice(pairs, chunk_pairs)):
        ends = np.fromiter(chain.from_iterable(chunk), dtype=object, count=2 * len(chunk))
        del chunk
        codes, distinct = pd.factorize(ends)
        del ends
        numbers = np.fromiter((index.setdefault(key.decode(), len(index)) for key in distinct),
                              dtype=np.int64, count=len(distinct))
        numbered = numbers[codes]
        sources.append(numbered[0::2].copy())
        targets.append(numbered[1::2].copy())
    return Projection(list(index), _joined(sources), _joined(targets))


def _joined(parts: list[np.ndarray]) -> np.ndarray:
    return np.concatenate(parts) if parts else np.zeros(0, dtype=np.int64)
