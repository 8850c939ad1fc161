"""``path A B``: how two entities connect, hop by hop, each hop citing its document."""

from __future__ import annotations

from collections import deque
from collections.abc import Mapping
from dataclasses import dataclass
from typing import ClassVar

from ringtrace.errors import NotFound, RingtraceError
from ringtrace.graph.elements import Edge, Node
from ringtrace.graph.store.base import GraphStore
from ringtrace.queries.candidates import one_entity
from ringtrace.queries.views import Props, View
from ringtrace.resolve import ensure

__all__ = ["NoPath", "PathHop", "SameEntity", "resolve", "shortest_paths"]

_SEARCH_KINDS = ("Employer", "Person", "LawFirm", "Case", "Identifier", "Forum")


class SameEntity(RingtraceError):
    """Both ends of ``path`` name the same entity: there is no path to show."""


class NoPath(NotFound):
    """No evidence path of at most ``max_hops`` hops joins the two entities."""


@dataclass(frozen=True, slots=True)
class PathHop(View):
    """One hop of an evidence path: a relationship between two nodes and the document it was
    read from (``to_dict`` is its ``--json`` form, ``from_`` written ``from``)."""

    _KEYS: ClassVar[Mapping[str, str]] = {"from_": "from"}

    #: the name of the node the hop leaves (its id when it has none)
    from_: str
    #: that node's id
    from_id: str
    #: the relationship's kind (``PARTY_IN``, ``AGENT_IN``, …)
    relation: str
    #: the name of the node the hop reaches (its id when it has none)
    to: str
    #: that node's id
    to_id: str
    #: the relationship's stored properties
    props: Props
    #: the id of the document the relationship was read from
    source_doc: str
    #: that document's case number, if it has one
    case_number: str | None


def resolve(store: GraphStore, text: str) -> list[str]:
    """Node ids for a name, id, USCC or case number (every kind searched), all of one entity.

    A name that matches several entities raises :class:`AmbiguousName` with the candidates:
    a path from the wrong 张桂兰 is a false lead.
    """
    node = store.node(text)
    if node is not None:  # an id: every mention of the entity it belongs to
        return sorted(ensure(store).members(node.id))
    nodes: list[Node] = []
    for kind in _SEARCH_KINDS:
        nodes.extend(store.find_nodes(kind, text, limit=20))
    for case_id in store.case_ids_for_number(text):
        found = store.node(case_id)
        nodes.extend([found] if found is not None else [])
    if not nodes:
        raise NotFound(f"nothing in the workspace matches {text!r}")
    res = ensure(store)
    chosen = res.entity(one_entity(store, res, text, "entity", nodes).id)
    return sorted({n.id for n in nodes if res.entity(n.id) == chosen})


def shortest_paths(store: GraphStore, a: str, b: str, *, max_hops: int = 6, limit: int = 5,
                   hub_degree: int = 500) -> list[list[PathHop]]:
    """Up to ``limit`` shortest evidence paths from ``a`` to ``b`` (breadth-first, stable order).

    Forums and nodes with more than ``hub_degree`` relationships are not walked through (every
    case of a court would otherwise connect everything). Each hop names the relationship and
    the case number of the document it was read from.
    """
    sources, targets = resolve(store, a), set(resolve(store, b))
    if targets.intersection(sources):
        raise SameEntity(f"{a!r} and {b!r} name the same entity ({sorted(targets)[0]}): a path "
                         "needs two different entities")
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
        raise NoPath(f"no evidence path of at most {max_hops} hops between {a!r} and {b!r} "
                     "(forums and hubs are not walked through); allow longer paths with "
                     "--max-hops, or check the names with `ringtrace person` / `employer`")
    paths: list[list[PathHop]] = []

    def walk(node: str, suffix: list[PathHop]) -> None:
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


def _hop(store: GraphStore, a: str, b: str, e: Edge) -> PathHop:
    doc = store.node(e.source_doc)
    na, nb = store.node(a), store.node(b)
    return PathHop(na.name if na else a, a, e.kind, nb.name if nb else b, b, e.props,
                   e.source_doc, doc.props.get("case_number") if doc else None)
