"""The scan's community step, run beside the rules when the machine allows it.

The community step (entity projection + networkit PLM) needs only the store, not the analysis
frame, the findings or the rings. On a workspace that another process can open, ``start`` forks
one worker that reads the store through its own connection and computes the community of every
case while the scan goes on with the frame, the rules and the rings on the other core; the
scan collects the result when it needs it. Elsewhere (a Neo4j store, a platform without
``fork``) the step runs in the scan's own process when its result is asked for. Either way the
result is the same: the computation is deterministic (fixed seed, single-threaded PLM).
"""

from __future__ import annotations

import multiprocessing
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass

from ringtrace.graph.store.base import GraphStore
from ringtrace.queries.communities import communities
from ringtrace.queries.projection import entity_projection


@dataclass(frozen=True)
class CaseCommunities:
    """Community label per case node, and how many communities the whole graph has."""

    of_case: dict[str, int]
    count: int


def case_communities(store: GraphStore, seed: int, resolution: float) -> CaseCommunities:
    """Partition the projected entity graph and keep the labels of the case nodes."""
    projection = entity_projection(store)
    labels = communities(projection.n, projection.sources, projection.targets, seed=seed,
                         resolution=resolution)
    of_case = {nid: label for nid, label in zip(projection.ids, labels.tolist(), strict=True)
               if nid.startswith("Case:")}
    return CaseCommunities(of_case, int(labels.max()) + 1 if len(labels) else 0)


def _at(location: str, seed: int, resolution: float) -> CaseCommunities:
    from ringtrace.graph.store import open_store

    with open_store(location) as store:
        return case_communities(store, seed, resolution)


class PendingCommunities:
    """The community step, started; :meth:`result` waits for it (or runs it, if not forked)."""

    def __init__(self, store: GraphStore, seed: int, resolution: float) -> None:
        self._store, self._seed, self._resolution = store, seed, resolution
        self._pool: ProcessPoolExecutor | None = None
        self._future: Future[CaseCommunities] | None = None
        location = store.location()
        if location is not None and "fork" in multiprocessing.get_all_start_methods():
            self._pool = ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("fork"))
            self._future = self._pool.submit(_at, location, seed, resolution)

    def result(self) -> CaseCommunities:
        if self._future is None:
            return case_communities(self._store, self._seed, self._resolution)
        try:
            return self._future.result()
        finally:
            self.close()

    def close(self) -> None:
        """Stop the worker (a scan that fails before collecting the result calls this)."""
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None


def start(store: GraphStore, seed: int, resolution: float) -> PendingCommunities:
    """Start the community step for ``store`` (see the module docstring)."""
    return PendingCommunities(store, seed, resolution)
