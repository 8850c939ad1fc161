"""Community detection on the projected evidence graph, with an explicit, recorded seed.

The graph is built straight from integer edge arrays into networkit (no networkx detour: a
networkx graph costs ~310 bytes per edge and converting it costs more than the clustering).
networkit's PLM (Louvain with refinement) runs single-threaded with a fixed seed so the same
input gives the same partition on every run.
"""

from __future__ import annotations

from collections.abc import Sequence

import networkit as nk
import numpy as np
import pandas as pd


def communities(n: int, sources: Sequence[int] | np.ndarray, targets: Sequence[int] | np.ndarray,
                weights: Sequence[float] | np.ndarray | None = None, *, seed: int = 42,
                resolution: float = 1.0) -> np.ndarray:
    """Community label per node (0..n-1) for an undirected weighted graph given as edge arrays.

    Labels are renumbered by each community's smallest node index, so they do not depend on the
    library's internal numbering.
    """
    if n == 0:
        return np.zeros(0, dtype=np.int64)
    nk.setSeed(seed, False)
    nk.setNumberOfThreads(1)
    graph = _graph(n, np.asarray(sources, dtype=np.uint64), np.asarray(targets, dtype=np.uint64),
                   weights)
    graph.removeMultiEdges()
    plm = nk.community.PLM(graph, refine=True, gamma=resolution, turbo=True)
    plm.run()
    raw = np.asarray(plm.getPartition().getVector(), dtype=np.int64)
    return first_appearance_labels(raw)


def _graph(n: int, src: np.ndarray, dst: np.ndarray,
           weights: Sequence[float] | np.ndarray | None) -> nk.Graph:
    """Undirected networkit graph; without weights an unweighted one (every edge weighs 1.0,
    as in a weighted graph of ones, but it is built faster and PLM runs on less memory)."""
    if weights is None:
        return nk.GraphFromCoo((src, dst), n=n, weighted=False, directed=False)
    return nk.GraphFromCoo((np.asarray(weights, np.float64), (src, dst)), n=n, weighted=True,
                           directed=False)


def first_appearance_labels(raw: np.ndarray) -> np.ndarray:
    """Renumber community ids 0, 1, 2, ... in the order they first appear along the nodes.

    >>> first_appearance_labels(np.array([7, 3, 7, 9])).tolist()
    [0, 1, 0, 2]
    """
    codes, _ = pd.factorize(raw)
    return codes.astype(np.int64, copy=False)


def modularity(n: int, sources: np.ndarray, targets: np.ndarray, labels: np.ndarray) -> float:
    """Modularity of a partition (for benchmarks comparing libraries)."""
    w = np.ones(len(sources), dtype=np.float64)
    graph = nk.GraphFromCoo((w, (sources.astype(np.uint64), targets.astype(np.uint64))), n=n,
                            weighted=True, directed=False)
    part = nk.Partition(n)
    part.setUpperBound(int(labels.max()) + 1 if n else 1)
    for i, c in enumerate(labels.tolist()):
        part.addToSubset(int(c), i)
    return float(nk.community.Modularity().getQuality(part, graph))
