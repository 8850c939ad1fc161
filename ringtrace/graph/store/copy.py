"""Copy one store into another: how a workspace is pushed to a Neo4j server.

:func:`copy_store` reads the source in a stable order (aliases, nodes by id, documents by case id,
edges by key, quarantined problems) and writes it to the destination in batches through
:meth:`GraphStore.write_batch`, which is idempotent. Copying twice therefore changes nothing, and
an interrupted copy is resumed by running it again: batches already written are rewritten in
place, and re-writing a document first clears the relationships that cite it, so nothing is
duplicated and nothing stale survives.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import asdict, dataclass, field
from itertools import islice
from typing import Any, TypeVar, cast

from ringtrace.errors import StoreError
from ringtrace.graph.elements import Document, GraphBatch
from ringtrace.graph.scan_json import ScanJson
from ringtrace.graph.store.base import GraphStore

T = TypeVar("T")

DEFAULT_BATCH_SIZE = 2000


@dataclass
class CopySummary:
    """What :func:`copy_store` wrote, and how fast."""

    aliases: int = 0
    nodes: int = 0
    documents: int = 0
    edges: int = 0
    problems: int = 0
    new_problems: int = 0
    scan: bool = False
    seconds: float = 0.0
    phase_seconds: dict[str, float] = field(default_factory=dict)

    @property
    def edges_per_second(self) -> float:
        return self.edges / self.seconds if self.seconds > 0 else 0.0

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["seconds"] = round(self.seconds, 3)
        data["phase_seconds"] = {k: round(v, 3) for k, v in self.phase_seconds.items()}
        data["edges_per_second"] = round(self.edges_per_second, 1)
        return data


def batched(items: Iterable[T], size: int) -> Iterator[list[T]]:
    """Consecutive lists of ``size`` items (the last one shorter)."""
    if size < 1:
        raise ValueError(f"batch size must be at least 1, got {size}")
    it = iter(items)
    while chunk := list(islice(it, size)):
        yield chunk


def planned_items(src: GraphStore) -> int:
    """How many items :func:`copy_store` reports through ``progress`` (for a progress bar)."""
    counts = src.counts()
    return (sum(counts["nodes"].values()) + sum(counts["edges"].values())
            + counts["documents"].get("total", 0) + sum(counts["quarantine"].values()))


def source_aliases(src: GraphStore) -> dict[str, str]:
    """The alias table of ``src`` (alias id -> canonical id)."""
    reader = getattr(src, "aliases", None)
    if callable(reader):
        return dict(reader())
    conn = getattr(src, "conn", None)  # the SQLite workspace keeps them in a table
    if conn is not None:
        return dict(conn.execute("SELECT alias, canonical FROM aliases ORDER BY alias"))
    raise StoreError(f"cannot read the aliases of {src!r}")


def source_documents(src: GraphStore) -> Iterator[Document]:
    """Every document of ``src`` with its hash and source path, ordered by case id."""
    reader = getattr(src, "iter_document_rows", None)
    if callable(reader):
        yield from reader()
        return
    conn = getattr(src, "conn", None)
    if conn is None:
        raise StoreError(f"cannot read the documents of {src!r}")
    for case_id, sha, path, record in conn.execute(
            "SELECT case_id, sha256, source_path, record FROM documents ORDER BY case_id"):
        yield Document(case_id, json.loads(record), sha, path)


def _alias_order(aliases: dict[str, str]) -> list[tuple[str, str]]:
    """Aliases ordered so that re-adding them rebuilds the same table.

    Adding ``a -> b`` resolves ``b`` through the aliases already known, so an alias whose
    canonical id is itself an alias must be written before the alias it points to.
    """
    def depth(alias: str) -> int:
        seen = {alias}
        n, target = 0, aliases[alias]
        while target in aliases and target not in seen:
            seen.add(target)
            n, target = n + 1, aliases[target]
        return n

    return sorted(aliases.items(), key=lambda item: (-depth(item[0]), item[0]))


def copy_store(src: GraphStore, dst: GraphStore, batch_size: int = DEFAULT_BATCH_SIZE,
               progress: Callable[[int], None] | None = None) -> CopySummary:
    """Copy everything ``src`` holds into ``dst``; returns what was written.

    ``progress`` is called with the number of items (nodes, documents, edges, problems) each
    batch wrote; :func:`planned_items` gives the total to expect.
    """
    tick = progress or (lambda n: None)
    summary = CopySummary()
    started = clock = time.perf_counter()

    def lap(phase: str) -> None:
        nonlocal clock
        now = time.perf_counter()
        summary.phase_seconds[phase] = now - clock
        clock = now

    def write(items: Iterable[T], batch: Callable[[list[T]], GraphBatch],
              count: Callable[[int], None] = tick) -> int:
        """Write ``items`` as ``batch``es of ``batch_size``; how many were written."""
        written = 0
        for chunk in batched(items, batch_size):
            dst.write_batch(batch(chunk))
            written += len(chunk)
            count(len(chunk))
        return written

    summary.aliases = write(_alias_order(source_aliases(src)),
                            lambda chunk: GraphBatch(aliases=chunk), lambda n: None)
    lap("aliases")
    summary.nodes = write(src.iter_nodes(), lambda chunk: GraphBatch(nodes=chunk))
    lap("nodes")
    summary.documents = write(source_documents(src), lambda chunk: GraphBatch(documents=chunk))
    lap("documents")
    summary.edges = write(src.iter_edges(), lambda chunk: GraphBatch(edges=chunk))
    lap("edges")
    for problems in batched(src.problems(), batch_size):
        summary.new_problems += dst.add_problems(problems)
        summary.problems += len(problems)
        tick(len(problems))
    scan = src.load_scan()
    # no scan: an empty mapping replaces the destination's
    dst.save_scan(scan or cast("ScanJson", {}))
    summary.scan = scan is not None
    lap("problems_and_scan")
    summary.seconds = time.perf_counter() - started
    return summary
