"""Nodes, edges and batches: the unit that builders produce and stores persist."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any, Generic, Self, TypeVar

from ringtrace.graph.props import EdgeProps, NodeProps, node_props
from ringtrace.graph.record_json import CaseRecordJson

N = TypeVar("N")
E = TypeVar("E")
D = TypeVar("D")


@dataclass
class Node:
    id: str
    kind: str
    props: NodeProps = field(default_factory=lambda: NodeProps())

    @property
    def name(self) -> str:
        from ringtrace.graph.model import schema

        caption = schema().node(self.kind).caption
        return str(self.props.get(caption) or self.id.split(":", 1)[-1])


@dataclass
class Edge:
    src: str
    dst: str
    kind: str
    source_doc: str
    props: EdgeProps = field(default_factory=lambda: EdgeProps())

    @property
    def key(self) -> tuple[str, str, str, str]:
        return (self.src, self.dst, self.kind, self.source_doc)


@dataclass
class Document:
    """A stored source document: the case record as ingested, keyed by its case node id."""

    case_id: str
    record: CaseRecordJson
    sha256: str
    source_path: str | None = None


@dataclass
class Batch(Generic[N, E, D]):
    """What one transaction writes: nodes, edges, documents and aliases, in whatever form a
    stage holds them (elements here, encoded rows in :mod:`ringtrace.graph.store.rows`)."""

    nodes: list[N] = field(default_factory=list)
    edges: list[E] = field(default_factory=list)
    documents: list[D] = field(default_factory=list)
    aliases: list[tuple[str, str]] = field(default_factory=list)  # (alias id, canonical id)

    def extend(self, other: Self) -> None:
        self.nodes.extend(other.nodes)
        self.edges.extend(other.edges)
        self.documents.extend(other.documents)
        self.aliases.extend(other.aliases)

    def __len__(self) -> int:
        return len(self.nodes) + len(self.edges) + len(self.documents)


@dataclass
class GraphBatch(Batch[Node, Edge, Document]):
    """Nodes, edges and documents to write in one transaction."""


def merge_props(old: NodeProps, new: NodeProps) -> NodeProps:
    """Merge node properties: new non-empty values win; lists are united in order.

    Registry facts outrank mentions in documents: once a node holds a registry row
    (``in_registry``), a document can only fill properties the registry left empty.
    """
    out: dict[str, object] = dict(old)
    registry_wins = bool(old.get("in_registry")) and not new.get("in_registry")
    for key, value in new.items():
        if value in (None, "", []):
            continue
        if registry_wins and out.get(key) not in (None, "", []):
            continue
        current = out.get(key)
        if isinstance(value, list) and isinstance(current, list):
            out[key] = list(dict.fromkeys([*current, *value]))
        else:
            out[key] = value
    return node_props(out)


def dumps(value: Any) -> str:
    """Compact JSON with Chinese kept readable and keys sorted (stable bytes)."""
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
