"""GraphML and GEXF files of exported rings, for Gephi, Cytoscape and yEd.

Both formats declare one type per attribute and hold only scalars, so the ring graph is
*flattened* first (:func:`flatten`): lists become ``；``-joined strings, ``None`` is dropped, and
an attribute whose values mix types across nodes (or across edges) is written as text for all of
them, an int beside a float as a float; characters XML cannot hold are dropped
(:mod:`.xmltext`). Every node and edge keeps ``label`` (Gephi's display
name), ``kind``, ``role`` and ``case_numbers``; the graph records the rings and whether the file
is masked. networkx writes both formats, and reads them back with the same types.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

import networkx as nx

from ringtrace import __version__
from ringtrace.export.rings import RingExport, merged_graph
from ringtrace.export.xmltext import xml_text

__all__ = ["JOIN", "flat_graph", "flatten", "unify", "write_gexf", "write_graphml"]

#: separator of flattened lists (the Chinese semicolon: names and case numbers never hold it)
JOIN = "；"

Scalar = str | int | float | bool


def _scalar(value: Any) -> Scalar | None:
    """One value as a GraphML/GEXF scalar: lists joined with :data:`JOIN`, None dropped.

    >>> _scalar(["(2021)豫0502民初100号", "(2021)豫0502民初101号"])
    '(2021)豫0502民初100号；(2021)豫0502民初101号'
    >>> _scalar(None) is None, _scalar(3), _scalar(True)
    (True, 3, True)
    """
    if value is None:
        return None
    if isinstance(value, bool | int | float):
        return value
    if isinstance(value, list | tuple | set | frozenset):
        items = sorted(value, key=str) if isinstance(value, set | frozenset) else list(value)
        return xml_text(JOIN.join(str(v) for v in items if v is not None))
    return xml_text(str(value))


def _kind(value: Scalar) -> type:
    return bool if isinstance(value, bool) else type(value)


def unify(rows: Iterable[dict[str, Scalar]]) -> None:
    """Give each attribute name one type across ``rows`` (in place): int+float → float, any
    other mix → str."""
    rows = list(rows)
    types: dict[str, set[type]] = {}
    for row in rows:
        for key, value in row.items():
            types.setdefault(key, set()).add(_kind(value))
    for key, seen in types.items():
        if len(seen) < 2:
            continue
        target: type = float if seen == {int, float} else str
        for row in rows:
            if key in row:
                value = row[key]
                row[key] = (float(value) if target is float
                            else ("true" if value is True else "false" if value is False
                                  else str(value)))


def _flat_attrs(data: Mapping[str, Any]) -> dict[str, Scalar]:
    return {str(k): v for k, v in ((k, _scalar(v)) for k, v in data.items()) if v is not None}


def flatten(graph: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """A copy of ``graph`` with scalar attributes only, each name with one type."""
    flat = nx.MultiDiGraph()
    flat.graph.update(_flat_attrs(graph.graph))
    nodes = {n: _flat_attrs(d) for n, d in graph.nodes(data=True)}
    edges = [(u, v, str(k), _flat_attrs(d)) for u, v, k, d in graph.edges(keys=True, data=True)]
    unify(nodes.values())
    unify(d for _, _, _, d in edges)
    for node, attrs in nodes.items():
        flat.add_node(xml_text(str(node)), **attrs)
    for u, v, key, attrs in edges:
        flat.add_edge(xml_text(str(u)), xml_text(str(v)), key=xml_text(key), **attrs)
    return flat


def flat_graph(rings: Sequence[RingExport]) -> nx.MultiDiGraph:
    """The rings as one flattened graph, with who made it recorded on the graph."""
    graph = merged_graph(rings)
    graph.graph["generator"] = f"ringtrace {__version__}"
    return flatten(graph)


def write_graphml(rings: Sequence[RingExport], path: Path) -> nx.MultiDiGraph:
    """Write the rings as GraphML (UTF-8, typed keys); returns the graph written."""
    graph = flat_graph(rings)
    nx.write_graphml(graph, path, encoding="utf-8", named_key_ids=True)
    return graph


def write_gexf(rings: Sequence[RingExport], path: Path) -> nx.MultiDiGraph:
    """Write the rings as GEXF 1.2 (Gephi's own format); returns the graph written."""
    graph = flat_graph(rings)
    nx.write_gexf(graph, path, encoding="utf-8")
    return graph
