"""Graph batches as the rows a store writes, encoded where the batch was built.

Turning a batch into rows - properties and the document's record to JSON, empty values left
out, the case number to its key, each node's caption - is most of a writer's Python work and
needs no store. An ingest therefore encodes each document's batch in the process that parsed
it (:mod:`ringtrace.loaders.parallel`) and hands the one writer rows of strings, which are
also cheaper to send between processes than nodes and edges. The writer still resolves
aliases and merges with what is stored (:meth:`GraphStore.write_rows`); a store without a row
writer of its own decodes the rows back into a batch (:func:`decoded`).

>>> from ringtrace.graph.elements import Edge, Node
>>> rows = encoded(GraphBatch(nodes=[Node("Forum:甲", "Forum", {"name": "甲", "kind": ""})],
...                           edges=[Edge("Case:1", "Forum:甲", "DECIDED_BY", "Case:1")]))
>>> rows.nodes, rows.edges
([('Forum:甲', 'Forum', '甲', '{"name":"甲"}')], [('Case:1', 'Forum:甲', 'DECIDED_BY', 'Case:1', '{}')])
>>> decoded(rows).nodes
[Node(id='Forum:甲', kind='Forum', props={'name': '甲'})]
>>> from ringtrace.graph.elements import dumps
>>> value = {"b": [1.5, float("nan")], "a": "甲\\n", "c": {"z": 1, "y": None}}
>>> _dumps(value) == dumps(value)
True
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from ringtrace.graph.elements import Batch, Document, Edge, GraphBatch, Node
from ringtrace.graph.identity import normalize_case_number
from ringtrace.graph.model import schema
from ringtrace.graph.props import AnyProps
from ringtrace.graph.store.codec import dumps_exact, loads

__all__ = ["BatchRows", "DocumentRow", "EdgeRow", "NodeRow", "decoded", "encoded"]

#: id, kind, caption (``Node.name``), properties as JSON without empty values
NodeRow = tuple[str, str, str, str]
#: src, dst, kind, source_doc, properties as JSON without empty values
EdgeRow = tuple[str, str, str, str, str]
#: case id, canonical case number (None without one), sha256, source path, record as JSON
DocumentRow = tuple[str, str | None, str, str | None, str]

#: :func:`~ringtrace.graph.elements.dumps` (the same text), by orjson where it writes that text
_dumps = dumps_exact


@dataclass
class BatchRows(Batch[NodeRow, EdgeRow, DocumentRow]):
    """A :class:`~ringtrace.graph.elements.GraphBatch` encoded: what one transaction writes."""


@cache
def _caption(kind: str) -> str:
    """The property that captions a node of ``kind`` (:attr:`Node.name`)."""
    return schema().node(kind).caption


def _present(props: AnyProps) -> dict[str, object]:
    """The properties that hold a value (stores keep no None, "" or [])."""
    return {k: v for k, v in props.items() if v not in (None, "", [])}


def encoded(batch: GraphBatch) -> BatchRows:
    """The rows of ``batch``, in its order (a node's caption as :attr:`Node.name` gives it)."""
    nodes = []
    for n in batch.nodes:
        props = _present(n.props)
        # Node.name without a Node per row and a schema lookup per row
        name = props.get(_caption(n.kind)) or n.id.split(":", 1)[-1]
        nodes.append((n.id, n.kind, str(name), _dumps(props)))
    edges = [(e.src, e.dst, e.kind, e.source_doc, _dumps(_present(e.props)) if e.props else "{}")
             for e in batch.edges]
    documents = [(d.case_id, normalize_case_number(d.record.get("case_number") or "") or None,
                  d.sha256, d.source_path, _dumps(d.record)) for d in batch.documents]
    return BatchRows(nodes, edges, documents, list(batch.aliases))


def decoded(rows: BatchRows) -> GraphBatch:
    """The batch ``rows`` encode (empty property values left out, as every store does)."""
    return GraphBatch(
        nodes=[Node(nid, kind, loads(props)) for nid, kind, _, props in rows.nodes],
        edges=[Edge(src, dst, kind, doc, loads(props)) for src, dst, kind, doc, props in rows.edges],
        documents=[Document(case_id, loads(record), sha, path)
                   for case_id, _, sha, path, record in rows.documents],
        aliases=list(rows.aliases))
