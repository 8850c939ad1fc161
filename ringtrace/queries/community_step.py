"""The scan's community step, run beside the rules when the machine allows it.

The community step (entity projection + networkit PLM) needs only the store, not the analysis
frame, the findings or the rings. On a workspace that another process can open, ``start`` forks
one worker that reads the store through its own connection and computes the community of every
case while the scan goes on with the frame, the rules and the rings on the other core; the
scan collects the result when it needs it. Elsewhere (a Neo4j store, a platform without
``fork``) the step runs in the scan's own process when its result is asked for. Either way the
result is the same: the computation is deterministic (fixed seed, single-threaded PLM).

**The worker dies with the scan.** It asks the kernel to kill it when its parent dies
(``prctl(PR_SET_PDEATHSIG, SIGKILL)`` on Linux; elsewhere a watchdog thread checks the parent
every half second), so a scan killed with SIGKILL leaves no worker behind; a scan that fails or
is interrupted stops it in :meth:`PendingCommunities.close`.
"""

from __future__ import annotations

import contextlib
import ctypes
import multiprocessing
import os
import signal
import sys
import threading
import time
from dataclasses import dataclass
from multiprocessing.connection import Connection
from typing import Any

from ringtrace.errors import RingtraceError
from ringtrace.graph.store.base import GraphStore
from ringtrace.queries.communities import communities
from ringtrace.queries.projection import entity_projection

_PR_SET_PDEATHSIG = 1


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


def die_with_parent(parent: int) -> None:
    """Make the calling (forked) process end when ``parent`` ends, however it ends."""
    armed = False
    if sys.platform.startswith("linux"):
        with contextlib.suppress(OSError, AttributeError):
            libc = ctypes.CDLL(None, use_errno=True)
            armed = libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0) == 0
    if not armed:
        def watch() -> None:
            while os.getppid() == parent:
                time.sleep(0.5)
            os._exit(1)

        threading.Thread(target=watch, daemon=True).start()
    if os.getppid() != parent:  # the parent died before the request took effect
        os._exit(1)


def _worker(conn: Connection, parent: int, location: str, seed: int, resolution: float) -> None:
    die_with_parent(parent)
    try:
        result: tuple[str, Any] = ("ok", _at(location, seed, resolution))
    except BaseException as exc:  # hand the failure to the scan, which raises it
        result = ("error", f"{type(exc).__name__}: {exc}")
    try:
        conn.send(result)
    finally:
        conn.close()


class PendingCommunities:
    """The community step, started; :meth:`result` waits for it (or runs it, if not forked)."""

    def __init__(self, store: GraphStore, seed: int, resolution: float) -> None:
        self._store, self._seed, self._resolution = store, seed, resolution
        self._process: Any = None
        self._conn: Connection | None = None
        location = store.location()
        if location is not None and "fork" in multiprocessing.get_all_start_methods():
            context = multiprocessing.get_context("fork")
            receiver, sender = context.Pipe(duplex=False)
            self._process = context.Process(
                target=_worker, args=(sender, os.getpid(), location, seed, resolution),
                name="ringtrace-communities", daemon=True)
            self._process.start()
            sender.close()
            self._conn = receiver

    @property
    def pid(self) -> int | None:
        """The worker's process id while it runs (None when the step runs in-process)."""
        return self._process.pid if self._process is not None else None

    def result(self) -> CaseCommunities:
        if self._conn is None:
            return case_communities(self._store, self._seed, self._resolution)
        try:
            status, value = self._conn.recv()
        except EOFError:
            raise RingtraceError("the community worker ended without a result (killed, or out "
                                 "of memory?); run the scan again") from None
        finally:
            self.close()
        if status != "ok":
            raise RingtraceError(f"the community step failed: {value}")
        assert isinstance(value, CaseCommunities)
        return value

    def close(self) -> None:
        """Stop the worker (a scan that fails before collecting the result calls this)."""
        if self._conn is not None:
            self._conn.close()
            self._conn = None
        process, self._process = self._process, None
        if process is not None:
            if process.is_alive():
                process.terminate()
                process.join(5)
                if process.is_alive():
                    process.kill()
            process.join()
            process.close()


def start(store: GraphStore, seed: int, resolution: float) -> PendingCommunities:
    """Start the community step for ``store`` (see the module docstring)."""
    return PendingCommunities(store, seed, resolution)
