"""``path A B``: how two entities connect, hop by hop, each hop citing its document."""

from __future__ import annotations

from collections import deque
from typing import Any

from ringtrace.errors import NotFound
from ringtrace.graph.elements import Edge
from ringtrace.graph.store.base import GraphStore

_SEARCH_KINDS = ("Employer", "Person", "LawFirm", "Case", "Identifier", "Forum")


def resolve(store: GraphStore, text: str) -> list[str]:
    """Node ids for a name, id, USCC or case number (every kind searched)."""
    node = store.node(text)
    if node is not None:
        return [node.id]
    ids: list[str] = []
    for kind in _SEARCH_KINDS:
        ids.extend(n.id for n in store.find_nodes(kind, text, limit=20))
    ids.extend(store.case_ids_for_number(text))
    if not ids:
        raise NotFound(f"nothing in the workspace matches {text!r}")
    return sorted(set(ids))


def shortest_paths(store: GraphStore, a: str, b: str, *, max_hops: int = 6, limit: int = 5,
                   hub_degree: int = 500) -> list[list[dict[str, Any]]]:
    """Up to ``limit`` shortest evidence paths from ``a`` to ``b`` (breadth-first, stable order).

    Forums and nodes with more than ``hub_degree`` relationships are not walked through (every
    case of a court would otherwise connect everything). Each hop names the relationship and
    the case number of the document it was read from.
    """
    sources, targets = resolve(store, a), set(resolve(store, b))
    parents: dict[str, list[tuple[str, Edge]]] = {s: [] for s in sources}
    depth = {s: 0 for s in sources}
    queue = deque(sources)
    found_at: int | None = None
    while queue:
        current = queue.popleft()
        if found_at is not None and depth[current] >= found_at:
            break
        if depth[current] >= max_hops:
            continue
        edges = store.edges_of(current)
        if current not in sources and (len(edges) > hub_degree or current.startswith("Forum:")):
            continue
        for e in edges:
            nxt = e.dst if e.src == current else e.src
            if nxt not in depth:
                depth[nxt] = depth[current] + 1
                parents[nxt] = [(current, e)]
                queue.append(nxt)
                if nxt in targets:
                    found_at = depth[nxt]
            elif depth[nxt] == depth[current] + 1:
                parents[nxt].append((current, e))
    ends = sorted(t for t in targets if t in depth)
    if not ends:
        raise NotFound(f"no evidence path of at most {max_hops} hops between {a!r} and {b!r}")
    paths: list[list[dict[str, Any]]] = []

    def walk(node: str, suffix: list[dict[str, Any]]) -> None:
        if len(paths) >= limit:
            return
        if not parents[node]:
            paths.append(suffix)
            return
        for prev, e in parents[node]:
            walk(prev, [_hop(store, prev, node, e), *suffix])

    for end in ends:
        walk(end, [])
    return paths[:limit]


def _hop(store: GraphStore, a: str, b: str, e: Edge) -> dict[str, Any]:
    doc = store.node(e.source_doc)
    na, nb = store.node(a), store.node(b)
    return {
        "from": na.name if na else a, "from_id": a, "relation": e.kind,
        "to": nb.name if nb else b, "to_id": b, "props": e.props,
        "source_doc": e.source_doc,
        "case_number": doc.props.get("case_number") if doc else None,
    }
