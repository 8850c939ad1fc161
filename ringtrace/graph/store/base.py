"""The store interface shared by the embedded workspace (SQLite) and Neo4j.

Queries, detection and views talk to a :class:`GraphStore`, never to a driver. A store persists
nodes, edges and source documents idempotently (the same input written twice is stored once),
keeps quarantined input problems, and keeps the results of the last scan.

Writers (ingest, scan, quarantine retry) hold :meth:`GraphStore.writing` for their whole run:
one writer at a time per workspace. A scan records the :meth:`GraphStore.snapshot` it read
and stores its results with :meth:`GraphStore.save_scan_if_unchanged`, which refuses them when
the data changed meanwhile; readers always see the previous complete scan or the new one.
"""

from __future__ import annotations

import hashlib
import secrets
from abc import ABC, abstractmethod
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import AbstractContextManager, nullcontext
from typing import Any, NotRequired, Self, TypedDict, cast

import networkx as nx

from ringtrace.errors import RecordProblem, SnapshotChanged, StoreError
from ringtrace.graph.elements import Document, Edge, GraphBatch, Node
from ringtrace.graph.identity import case_number_key
from ringtrace.graph.props import AnyProps, EdgeProps, NodeProps, edge_props, node_props
from ringtrace.graph.record_json import CaseRecordJson
from ringtrace.graph.scan_json import ScanJson
from ringtrace.graph.store.codec import JsonObject
from ringtrace.graph.store.rows import BatchRows, decoded
from ringtrace.graph.store.scan_reader import ScanReader, WholeScan


class JudgementRow(TypedDict):
    """An analyst's entity judgement as a store keeps it (:class:`ringtrace.resolve.model.
    Judgement` is the typed object read from it)."""

    #: ``same``, ``not_same`` or ``split``
    verdict: str
    #: the node ids judged (``b`` empty for a split)
    a: str
    b: NotRequired[str]
    #: when (UTC, ISO 8601) and who
    time: str
    user: str
    note: NotRequired[str]
    #: the node ids of the entity a split took apart, as it was then
    members: NotRequired[list[str]]
    #: its sequence number (1, 2, ...): given by the store, absent in a row being added
    seq: NotRequired[int]


class GraphStore(ABC):
    """Persistent property graph with provenance on every relationship."""

    # -- writing -------------------------------------------------------------------------
    @abstractmethod
    def write_batch(self, batch: GraphBatch) -> None:
        """Write nodes, edges, documents and aliases in one transaction (idempotent).

        Re-writing a document replaces the edges that cite it, so re-ingesting never
        duplicates and an improved parse replaces an older one.
        """

    def deferred_indexes(self) -> AbstractContextManager[None]:
        """A large load (into a store no larger than it, inside :meth:`writing`): a store may
        stage its batches and write them at the end, in key order, without the indexes only
        reads use, built after; a no-op where a store has nothing to gain."""
        return nullcontext()

    def write_rows(self, rows: BatchRows) -> None:
        """:meth:`write_batch` of a batch encoded where it was built (an ingest encodes each
        document's batch in the process that parsed it, :mod:`ringtrace.graph.store.rows`)."""
        self.write_batch(decoded(rows))

    @abstractmethod
    def add_problems(self, problems: Iterable[RecordProblem]) -> int:
        """Keep quarantined input problems; returns how many were new."""

    def clear_problems(self, files: Iterable[str]) -> int:
        """Forget the quarantined problems of ``files`` (before they are read again)."""
        raise StoreError(f"{type(self).__name__} cannot clear quarantined problems; re-ingest "
                         "into a workspace")

    def writing(self, command: str) -> AbstractContextManager[object]:
        """Hold the store's writer lock for ``command`` (``"ingest"``, ``"scan"``…).

        Re-entrant within one store object. The workspace store raises
        :class:`~ringtrace.errors.WorkspaceBusy` naming the process that holds it; a server
        store (Neo4j) leaves concurrency to the server.
        """
        return nullcontext()

    @abstractmethod
    def case_ids_for_number(self, case_number: str) -> list[str]:
        """Case node ids with this case number (any forum), sorted."""

    def check_keys_version(self) -> None:
        """Refuse to write node ids made by other identity rules
        (:data:`~ringtrace.graph.identity.KEYS_VERSION`) than the stored ones: an input ingested
        before would be stored a second time under its new id. A store that records no version
        (a Neo4j database, filled by ``neo4j push`` from a workspace that does) checks nothing."""
        return None

    def basis_case_ids(self, case_number: str | None) -> list[str]:
        """The cases a back-payment row's basis number names: none when the row prints no
        number or a masked one (:func:`~ringtrace.graph.identity.case_number_key`), which
        would name every masked ruling of that court and year."""
        if case_number_key(case_number) is None:
            return []
        return self.case_ids_for_number(case_number or "")

    # -- reading -------------------------------------------------------------------------
    @abstractmethod
    def counts(self) -> dict[str, dict[str, int]]:
        """``{"nodes": {kind: n}, "edges": {kind: n}, "documents": {...}, "quarantine": {...}}``."""

    @abstractmethod
    def node(self, node_id: str) -> Node | None:
        """One node by id (aliases resolved), or None."""

    @abstractmethod
    def find_nodes(self, kind: str, text: str, limit: int = 50) -> list[Node]:
        """Nodes of ``kind`` whose id, caption or USCC equals ``text``; else whose caption contains it."""

    @abstractmethod
    def edges_of(self, node_id: str, kinds: Iterable[str] | None = None) -> list[Edge]:
        """Every edge touching ``node_id`` (either direction), sorted by (kind, src, dst, doc)."""

    @abstractmethod
    def iter_nodes(self, kind: str | None = None) -> Iterator[Node]:
        """All nodes (of one kind), ordered by id."""

    @abstractmethod
    def iter_edges(self, kind: str | None = None) -> Iterator[Edge]:
        """All edges (of one kind), ordered by (src, dst, kind, source_doc)."""

    @abstractmethod
    def document(self, case_id: str) -> CaseRecordJson | None:
        """The stored case record (interchange form) for a case node."""

    def node_fields(self, kind: str, fields: Sequence[str]) -> Iterator[tuple[str, NodeProps]]:
        """(id, {field: value}) of every node of ``kind``, only the named properties (None
        when absent), by id.

        For analytics that need a few properties of many nodes; stores override it with a
        cheaper read than :meth:`iter_nodes`.
        """
        for n in self.iter_nodes(kind):
            props: AnyProps = n.props
            yield n.id, node_props({f: props.get(f) for f in fields})

    def edge_fields(self, kind: str, fields: Sequence[str]
                    ) -> Iterator[tuple[str, str, EdgeProps]]:
        """(src, dst, {field: value}) of every edge of ``kind``, only the named properties
        (None when absent), in the order of :meth:`iter_edges`."""
        for e in self.iter_edges(kind):
            props: AnyProps = e.props
            yield e.src, e.dst, edge_props({f: props.get(f) for f in fields})

    def node_values(self, kind: str, fields: Sequence[str]) -> Iterator[tuple[str, list[Any]]]:
        """(id, [value of each named property]) of every node of ``kind``, by id.

        :meth:`node_fields` without a dict per node, for reads of a few properties of every
        node of a kind (entity resolution); stores override it to pick the values in the
        database.
        """
        for node_id, props in self.node_fields(kind, fields):
            picked: AnyProps = props
            yield node_id, [picked[f] for f in fields]

    def edge_values(self, kind: str, fields: Sequence[str]
                    ) -> Iterator[tuple[str, str, list[Any]]]:
        """(src, dst, [value of each named property]) of every edge of ``kind``, in the order
        of :meth:`iter_edges`: :meth:`edge_fields` without a dict per edge."""
        for src, dst, props in self.edge_fields(kind, fields):
            picked: AnyProps = props
            yield src, dst, [picked[f] for f in fields]

    def edge_values_into(self, kind: str, dsts: Iterable[str], fields: Sequence[str]
                         ) -> Iterator[tuple[str, str, list[Any]]]:
        """:meth:`edge_values` of the edges of ``kind`` into the given nodes only, in no
        particular order (the parties of a few thousand cases without every party line)."""
        wanted = set(dsts)
        for src, dst, values in self.edge_values(kind, fields):
            if dst in wanted:
                yield src, dst, values

    def edge_pairs(self, kinds: Iterable[str]) -> Iterator[tuple[str, str]]:
        """(src, dst) of every edge of the given kinds, without properties (for analytics)."""
        for kind in kinds:
            for e in self.iter_edges(kind):
                yield e.src, e.dst

    def edge_pairs_utf8(self, kinds: Iterable[str]) -> Iterator[tuple[bytes, bytes]]:
        """:meth:`edge_pairs` with the ids as UTF-8 bytes, in the same order.

        For whole-graph analytics over millions of edges: bytes are cheaper to fetch and hash
        than text (the SQLite store hands them over without decoding), and only the distinct
        ids need decoding afterwards.
        """
        for src, dst in self.edge_pairs(kinds):
            yield src.encode(), dst.encode()

    def iter_documents(self) -> Iterator[tuple[str, CaseRecordJson]]:
        """Every stored case record with its case id, ordered by case id.

        Stores override this with a bulk read; this default works on any store.
        """
        for node in self.iter_nodes("Case"):
            record = self.document(node.id)
            if record is not None:
                yield node.id, record

    def aliases(self) -> dict[str, str]:
        """The alias table: alias id -> the id it was merged into (chains possible), by alias."""
        return {}

    def iter_document_rows(self) -> Iterator[Document]:
        """Every stored document with its hash and source path, ordered by case id."""
        for node in self.iter_nodes("Case"):
            record = self.document(node.id)
            if record is not None:
                yield Document(node.id, record, str(node.props.get("doc_sha256") or ""),
                               node.props.get("source_path"))

    def document_hashes(self) -> Iterator[tuple[str, str]]:
        """(case id, SHA-256 of its source document) for every case, ordered by case id."""
        for node in self.iter_nodes("Case"):
            yield node.id, str(node.props.get("doc_sha256") or "")

    def data_generation(self) -> int | None:
        """A number that changes whenever the nodes, edges, documents or aliases change, or
        None when the store keeps none.

        What lets a reader tell "nothing changed since" without reading the data: the kept
        resolution is reused while it stays the same (:func:`ringtrace.resolve.ensure`).
        Scans, resolutions, quarantine and judgements do not change it; a write that leaves
        the data as it was (the same input ingested again) need not either.
        """
        return None

    def snapshot(self) -> str:
        """A short fingerprint of the stored documents: every case id with its document hash."""
        lines = "".join(f"{case_id}\x1f{sha}\n" for case_id, sha in self.document_hashes())
        return hashlib.sha256(lines.encode()).hexdigest()[:16]

    def iter_case_evidence(self) -> Iterator[tuple[str, list[dict[str, str]], list[float]]]:
        """(case id, quoted spans, claimed amounts) of every stored record, ordered by case id.

        What detection needs from the documents; stores override it with a cheaper read.
        """
        for case_id, record in self.iter_documents():
            spans = cast("list[dict[str, str]]", record.get("spans", []))  # a span's two keys
            yield case_id, list(spans), list(record.get("claim_amounts", []))

    @abstractmethod
    def problems(self, limit: int | None = None) -> list[RecordProblem]:
        """Quarantined problems, oldest first."""

    def nodes_props(self, kind: str, ids: set[str]) -> dict[str, NodeProps]:
        """The props of the nodes of ``kind`` among ``ids`` (ids as stored, no alias lookup)."""
        return {n.id: n.props for n in self.iter_nodes(kind) if n.id in ids}

    def location(self) -> str | None:
        """Where another process can open this same store with ``open_store`` (a workspace
        directory), or None when it cannot (a server store needs credentials)."""
        return None

    # -- scan results --------------------------------------------------------------------
    @abstractmethod
    def save_scan(self, scan: ScanJson) -> None:
        """Replace the stored scan results (JSON-ready mapping produced by queries.scan)."""

    def save_scan_if_unchanged(self, scan: ScanJson, snapshot: str) -> None:
        """Store ``scan`` only if the documents are still those of ``snapshot``; else raise
        :class:`~ringtrace.errors.SnapshotChanged` and keep the previous scan. The workspace
        store checks and writes in one transaction."""
        now = self.snapshot()
        if now != snapshot:
            raise snapshot_changed(snapshot, now)
        self.save_scan(scan)

    @abstractmethod
    def load_scan(self) -> ScanJson | None:
        """The last stored scan, or None when ``scan`` has not been run."""

    def scan_reader(self) -> ScanReader | None:
        """The last stored scan for lookups by case, finding and subject, or None when
        ``scan`` has not been run. This default loads the whole scan; the workspace store
        reads only the rows asked for."""
        data = self.load_scan()
        return WholeScan(data) if data is not None else None

    def ref_key(self) -> bytes:
        """The store's secret for the opaque refs of masked outputs (packs, exports): random,
        made once and kept with the data, never written into any output. A ref keyed by it
        cannot be reversed by hashing guesses of a masked ID number or phone. This default
        keeps it for the life of the object only; stores that persist data persist it."""
        key: bytes | None = getattr(self, "_ref_key", None)
        if key is None:
            key = secrets.token_bytes(32)
            self._ref_key = key
        return key

    @abstractmethod
    def close(self) -> None: ...

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- entity resolution (ringtrace.resolve) -------------------------------------------
    # Analyst judgements (same / not-same / split) and the last computed resolution. This
    # default keeps both in memory for the life of the store object (Neo4j keeps judgements
    # in the database and computes the resolution on the fly); the workspace keeps them in
    # its own tables.
    def _resolve_memory(self) -> dict[str, Any]:
        memory: dict[str, Any] = self.__dict__.setdefault(
            "_resolve_state", {"judgements": [], "resolution": None})
        return memory

    def judgement_rows(self) -> list[JudgementRow]:
        """Every stored entity judgement (JSON-ready rows with a ``seq``), oldest first."""
        return list(self._resolve_memory()["judgements"])

    def add_judgement_row(self, row: JudgementRow) -> int:
        """Store one entity judgement; returns its sequence number (1, 2, ...)."""
        rows = self._resolve_memory()["judgements"]
        seq = len(rows) + 1
        rows.append({**row, "seq": seq})
        return seq

    #: resolutions saved through this object: a copy decoded earlier in this process is stale
    #: once it moves (:func:`ringtrace.resolve.ensure` keeps one)
    resolution_saves = 0

    def save_resolution(self, fingerprint: str, data: JsonObject) -> None:
        """Keep the resolution computed for ``fingerprint`` (replaces the previous one)."""
        self.resolution_saves += 1
        self._resolve_memory()["resolution"] = (fingerprint, data)

    def load_resolution(self) -> tuple[str, JsonObject] | None:
        """The last kept resolution as (fingerprint, data), or None."""
        kept: tuple[str, JsonObject] | None = self._resolve_memory()["resolution"]
        return kept

    # -- views (shared) ------------------------------------------------------------------
    def neighbourhood(self, node_ids: Iterable[str], hops: int = 1,
                      max_nodes: int = 2000) -> nx.MultiDiGraph:
        """A networkx view of the nodes within ``hops`` of ``node_ids`` (bounded by max_nodes)."""
        frontier = sorted(set(node_ids))
        seen: set[str] = set(frontier)
        edges: dict[tuple[str, str, str, str], Edge] = {}
        for _ in range(hops):
            nxt: set[str] = set()
            for nid in frontier:
                for e in self.edges_of(nid):
                    edges[e.key] = e
                    for end in (e.src, e.dst):
                        if end not in seen:
                            nxt.add(end)
            if len(seen) + len(nxt) > max_nodes:
                nxt = set(sorted(nxt)[: max(0, max_nodes - len(seen))])
            seen |= nxt
            frontier = sorted(nxt)
        return self.subgraph(seen, [e for e in edges.values() if e.src in seen and e.dst in seen])

    @staticmethod
    def _node_attrs(node: Node) -> dict[str, Any]:
        """Node attributes for a networkx view: ``kind`` is the node kind; a property that is
        itself called ``kind`` (Forum, Identifier) is kept as ``<kind>_kind``."""
        attrs: dict[str, Any] = dict(node.props)
        if "kind" in attrs:
            attrs[f"{node.kind.lower()}_kind"] = attrs.pop("kind")
        attrs["kind"] = node.kind
        return attrs

    def to_networkx(self) -> nx.MultiDiGraph:
        """The whole graph as a networkx view (for small workspaces and tests)."""
        g = nx.MultiDiGraph()
        for n in self.iter_nodes():
            g.add_node(n.id, **self._node_attrs(n))
        for e in self.iter_edges():
            g.add_edge(e.src, e.dst, key=f"{e.kind}|{e.source_doc}", kind=e.kind,
                       source_doc=e.source_doc, **e.props)
        return g

    def subgraph(self, node_ids: Iterable[str], edges: Iterable[Edge]) -> nx.MultiDiGraph:
        """A networkx view of the given nodes and the edges among them."""
        g = nx.MultiDiGraph()
        for nid in sorted(node_ids):
            n = self.node(nid)
            if n is not None:
                g.add_node(n.id, **self._node_attrs(n))
        for e in sorted(edges, key=lambda e: e.key):
            if e.src in g and e.dst in g:
                g.add_edge(e.src, e.dst, key=f"{e.kind}|{e.source_doc}", kind=e.kind,
                           source_doc=e.source_doc, **e.props)
        return g


def one_company(a: Mapping[str, object], b: Mapping[str, object]) -> bool:
    """May a former name (alias) fold the node with props ``a`` into the one with ``b``?

    Not when both are companies of the registry in their own right and a fact a rename keeps
    tells them apart: different USCCs, or different founding dates (成立日期). A company's 曾用名
    can be the current name of another (a name freed when its holder was deregistered, or taken
    in another registration district), and folding the two would give one company the other's
    suits. Without such a fact the rows are taken for one company under its old and new name
    (an older export beside a newer one). Stores apply it to every alias they add, and drop an
    alias when a registered company holding its name arrives.

    >>> one_company({"name": "甲"}, {"in_registry": True, "uscc": "9141"})
    True
    >>> one_company({"in_registry": True, "uscc": "9142"}, {"in_registry": True, "uscc": "9141"})
    False
    >>> one_company({"in_registry": True, "founded": "2019-06-01"},
    ...             {"in_registry": True, "founded": "2008-03-01"})
    False
    >>> one_company({"in_registry": True}, {"in_registry": True, "uscc": "9141"})
    True
    """
    if not (a.get("in_registry") and b.get("in_registry")):
        return True
    for fact in ("uscc", "founded"):
        if a.get(fact) and b.get(fact) and a[fact] != b[fact]:
            return False
    return True


def snapshot_changed(read: str, now: str) -> SnapshotChanged:
    return SnapshotChanged(f"the workspace changed while the scan read it (snapshot {read}, now "
                           f"{now}): its results were not stored; run `ringtrace scan` again")
