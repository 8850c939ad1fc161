"""Neo4j as the server store: the :class:`GraphStore` interface over Bolt.

The semantics are those of :class:`~ringtrace.graph.store.sqlite.SQLiteStore` (the embedded
workspace), so every query, rule and view reads a server exactly as it reads a workspace:
aliases resolve on read and write, node properties merge with
:func:`~ringtrace.graph.elements.merge_props`, re-writing a document replaces the relationships
that cite it, and reads come back in the same order. Aliases are also followed through chains
(``old -> middle -> new``, see :func:`resolve_alias`), so a company renamed twice is one node
however its names arrive.

How the graph sits in Neo4j:

* every graph node is ``(:RtNode:<Kind> {id, rt_kind, rt_name, ...props})``: one label per node
  kind of the schema plus the common ``RtNode`` label whose ``id`` is unique. Properties that
  Neo4j can hold are stored as they are, so Browser and Bloom users see them; the rest goes, as
  JSON, into ``rt_extra`` (:mod:`~ringtrace.graph.store.neo4j_props`). ``rt_name`` is the
  caption used by :meth:`find_nodes`.
* every relationship has the schema's type and a ``source_doc`` property; its identity is
  ``(src, dst, type, source_doc)``.
* source documents, aliases, quarantined problems and the stored scan are ``RtDocument``,
  ``RtAlias``, ``RtProblem`` and ``RtScan`` nodes; records and scan values are JSON strings.

Cypher is never assembled from data (:mod:`~ringtrace.graph.store.neo4j_cypher` builds every
statement from the schema declaration), and no message carries a password
(:mod:`~ringtrace.graph.store.neo4j_uri`). Writes are batched
``UNWIND … MERGE`` statements run in managed transactions, which the driver retries on transient
errors (deadlocks, leader switches).
"""

from __future__ import annotations

import json
import os
import secrets
from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping
from typing import TYPE_CHECKING, Any, cast

from ringtrace.errors import RecordProblem, StoreError
from ringtrace.extras import require
from ringtrace.graph.elements import Document, Edge, GraphBatch, Node, dumps, merge_props
from ringtrace.graph.identity import lookup_ids, normalize_case_number
from ringtrace.graph.model import schema
from ringtrace.graph.props import AnyProps, NodeProps, edge_props, node_props
from ringtrace.graph.record_json import CaseRecordJson
from ringtrace.graph.scan_json import ScanJson
from ringtrace.graph.store.base import GraphStore, one_company
from ringtrace.graph.store.neo4j_cypher import Statements, label
from ringtrace.graph.store.neo4j_props import (
    ASCII_LOWER,
    ASCII_UPPER,
    EDGE_INTERNAL,
    NODE_INTERNAL,
    ascii_lower,
    decode_props,
    encode_props,
)
from ringtrace.graph.store.neo4j_uri import mask_uri, masked, uri_password

if TYPE_CHECKING:
    from neo4j import Driver, ManagedTransaction

# This module is imported only when a Neo4j store is asked for (open_store on a bolt:// or
# neo4j:// URI, ringtrace push), so the driver comes from the [neo4j] extra here, by name.
_PURPOSE = "the Neo4j store (ringtrace push, bolt:// and neo4j:// workspaces)"
_driver = require("neo4j", "neo4j", purpose=_PURPOSE)
neo4j_errors = require("neo4j.exceptions", "neo4j", purpose=_PURPOSE)
GraphDatabase = _driver.GraphDatabase
RoutingControl = _driver.RoutingControl

SCHEMA_VERSION = 1
PAGE_SIZE = 2000

HOW_TO_START = ("start a development server with `make neo4j` (tools/neo4j-dev/start.sh) and "
                "set NEO4J_URI to the URI it prints, or point NEO4J_URI / --neo4j at your own "
                "server (credentials in NEO4J_USER / NEO4J_PASSWORD)")


def resolve_alias(aliases: dict[str, str], node_id: str) -> str:
    """The canonical id of ``node_id``, following chains of aliases (a -> b -> c gives c).

    A company renamed twice is registered as ``old -> middle`` before ``middle -> new``, so
    one lookup is not enough: a document naming the oldest name must still land on the newest.
    """
    seen = {node_id}
    while (target := aliases.get(node_id)) is not None and target not in seen:
        seen.add(target)
        node_id = target
    return node_id


# -- the store -----------------------------------------------------------------------------
class Neo4jStore(GraphStore):
    """Graph store on a Neo4j 5 server (Community or Enterprise, single instance or cluster).

    Open it with :meth:`connect` (or :func:`ringtrace.graph.store.open_store` with a
    ``neo4j://`` / ``bolt://`` URI).
    """

    def __init__(self, driver: Driver, uri: str, database: str | None = None,
                 secrets: tuple[str | None, ...] = ()) -> None:
        self.driver = driver
        self.uri = uri
        self.database = database
        self._secrets = secrets
        self._q = Statements(schema())
        self._aliases: dict[str, str] = {}

    @classmethod
    def connect(cls, uri: str, user: str | None = None, password: str | None = None,
                database: str | None = None) -> Neo4jStore:
        """Connect, check the server answers, and create constraints and indexes if missing.

        ``user``/``password``/``database`` default to ``NEO4J_USER``, ``NEO4J_PASSWORD`` and
        ``NEO4J_DATABASE``; without a user the connection is unauthenticated (a development
        server with auth disabled). Raises :class:`StoreError` saying how to get a server when
        none answers, and never puts the password in a message.
        """
        user = user or os.environ.get("NEO4J_USER") or None
        password = password if password is not None else os.environ.get("NEO4J_PASSWORD")
        database = database or os.environ.get("NEO4J_DATABASE") or None
        shown = mask_uri(uri)
        secrets = (password, uri_password(uri), uri if shown != uri else None)
        try:
            # The server's notifications (hints, deprecations) are for people typing Cypher;
            # ringtrace's statements are fixed, so they would only be noise on stderr.
            driver = GraphDatabase.driver(uri, auth=(user, password or "") if user else None,
                                          notifications_min_severity="OFF")
        except (ValueError, neo4j_errors.ConfigurationError) as exc:
            raise StoreError(f"invalid Neo4j URI {shown}: {masked(str(exc), secrets)}") from None
        store = cls(driver, uri, database, secrets)
        try:
            driver.verify_connectivity()
        except neo4j_errors.AuthError as exc:
            driver.close()
            raise StoreError(
                f"Neo4j at {shown} refused the credentials of user {user or '(none)'}: "
                f"{masked(exc.message or str(exc), secrets)}; set NEO4J_USER and "
                "NEO4J_PASSWORD (or --user / --password)") from None
        except (neo4j_errors.ServiceUnavailable, neo4j_errors.SessionExpired, OSError) as exc:
            driver.close()
            raise StoreError(f"cannot reach Neo4j at {shown} ({masked(str(exc), secrets)}): "
                             f"{HOW_TO_START}") from None
        except neo4j_errors.Neo4jError as exc:
            driver.close()
            raise StoreError(f"Neo4j at {shown}: {masked(str(exc), secrets)}") from None
        try:
            store.ensure_schema()
            store.refresh()
        except BaseException:
            driver.close()
            raise
        return store

    def close(self) -> None:
        self.driver.close()

    def __repr__(self) -> str:
        return f"Neo4jStore({mask_uri(self.uri)!r}, database={self.database!r})"

    # -- plumbing ------------------------------------------------------------------------
    def _fail(self, exc: Exception) -> StoreError:
        text = masked(str(exc), self._secrets)
        if isinstance(exc, neo4j_errors.ServiceUnavailable | neo4j_errors.SessionExpired):
            return StoreError(f"lost Neo4j at {mask_uri(self.uri)} ({text}): {HOW_TO_START}")
        return StoreError(f"Neo4j at {mask_uri(self.uri)}: {text}")

    def _read(self, query: str, **params: Any) -> list[dict[str, Any]]:
        """Run a read query (retried on transient errors) and return its records as dicts."""
        try:
            result = self.driver.execute_query(query, params, routing_=RoutingControl.READ,
                                               database_=self.database)
        except (neo4j_errors.Neo4jError, neo4j_errors.DriverError) as exc:
            raise self._fail(exc) from None
        return [r.data() for r in result.records]

    def _write(self, work: Any, *args: Any) -> Any:
        """Run ``work(tx, *args)`` in one managed write transaction (retried when transient)."""
        try:
            with self.driver.session(database=self.database) as session:
                return session.execute_write(work, *args)
        except (neo4j_errors.Neo4jError, neo4j_errors.DriverError) as exc:
            raise self._fail(exc) from None

    def ensure_schema(self) -> None:
        """Create the constraints and indexes (idempotent) and record the layout version."""
        for stmt in self._q.schema_statements:
            self._read_write(stmt)
        self._read_write("CALL db.awaitIndexes(300)")
        rows = self._read("MATCH (m:RtMeta {key: 'schema_version'}) RETURN m.value AS v")
        if not rows:
            self._read_write("MERGE (m:RtMeta {key: 'schema_version'}) SET m.value = $v",
                             v=str(SCHEMA_VERSION))
        elif rows[0]["v"] != str(SCHEMA_VERSION):
            raise StoreError(f"Neo4j database at {mask_uri(self.uri)} holds ringtrace layout "
                             f"version {rows[0]['v']}, this ringtrace writes {SCHEMA_VERSION}: "
                             "push into an empty database")

    def ref_key(self) -> bytes:
        """The database's ref secret, kept in an ``RtMeta`` node (made on first use, so that
        a pack or export, which only reads, writes nothing once the key exists)."""
        select = "MATCH (m:RtMeta {key: 'ref_key'}) RETURN m.value AS v"
        rows = self._read(select)
        if not rows:
            self._read_write("MERGE (m:RtMeta {key: 'ref_key'}) ON CREATE SET m.value = $v",
                             v=secrets.token_hex(32))
            rows = self._read(select)
        return bytes.fromhex(str(rows[0]["v"]))

    def _read_write(self, query: str, **params: Any) -> None:
        try:
            self.driver.execute_query(query, params, database_=self.database)
        except (neo4j_errors.Neo4jError, neo4j_errors.DriverError) as exc:
            raise self._fail(exc) from None

    def _load_aliases(self) -> dict[str, str]:
        return {r["a"]: r["c"] for r in self._read(
            "MATCH (a:RtAlias) RETURN a.alias AS a, a.canonical AS c")}

    @staticmethod
    def _read_aliases(tx: ManagedTransaction) -> dict[str, str]:
        return {r["a"]: r["c"] for r in tx.run(
            "MATCH (a:RtAlias) RETURN a.alias AS a, a.canonical AS c")}

    def refresh(self) -> None:
        """Re-read the alias table (after another client changed the database)."""
        self._aliases = self._load_aliases()

    def _resolve(self, node_id: str) -> str:
        return resolve_alias(self._aliases, node_id)

    def _check_kind(self, kind: str) -> None:
        if kind not in self._q.graph.nodes:
            raise StoreError(f"unknown node kind {kind!r}; the schema declares "
                             f"{', '.join(self._q.node_kinds)}")

    # -- writing -------------------------------------------------------------------------
    def write_batch(self, batch: GraphBatch) -> None:
        for n in batch.nodes:
            self._check_kind(n.kind)
        for e in batch.edges:
            if e.kind not in self._q.graph.edges:
                raise StoreError(f"unknown relationship kind {e.kind!r}; the schema declares "
                                 f"{', '.join(self._q.edge_kinds)}")
        self._aliases = self._write(self._write_tx, batch)

    def _write_tx(self, tx: ManagedTransaction, batch: GraphBatch) -> dict[str, str]:
        # Work on a copy, kept only if the transaction commits. When the batch adds aliases,
        # read the table afresh so that another client's (or a wipe's) changes are seen.
        incoming = {n.id: n.props for n in batch.nodes}
        aliased = [n for n in batch.nodes if n.id in self._aliases]
        aliases = (self._read_aliases(tx) if batch.aliases or aliased
                   else dict(self._aliases))
        for n in aliased:  # a registered company holding a name that is another's alias
            if n.id in aliases and not one_company(
                    n.props, self._props(tx, resolve_alias(aliases, n.id), incoming)):
                tx.run("MATCH (a:RtAlias {alias: $alias}) DELETE a", alias=n.id).consume()
                del aliases[n.id]
        for alias, canonical in batch.aliases:
            self._add_alias(tx, aliases, alias, canonical, incoming)

        merged: dict[str, Node] = {}
        for n in batch.nodes:
            nid = resolve_alias(aliases, n.id)
            prev = merged.get(nid)
            merged[nid] = Node(nid, n.kind, merge_props(prev.props, n.props) if prev else
                               node_props({k: v for k, v in n.props.items()
                                           if v not in (None, "", [])}))
        existing: dict[str, NodeProps] = {}
        ids = sorted(merged)
        for i in range(0, len(ids), PAGE_SIZE):
            for rec in tx.run("UNWIND $ids AS id MATCH (n:RtNode {id: id}) "
                              "USING INDEX n:RtNode(id) RETURN n.id AS id, properties(n) AS p",
                              ids=ids[i:i + PAGE_SIZE]):
                existing[rec["id"]] = node_props(decode_props(rec["p"], NODE_INTERNAL))
        by_kind: dict[str, list[dict[str, Any]]] = defaultdict(list)
        for nid, n in merged.items():
            props = merge_props(existing[nid], n.props) if nid in existing else n.props
            by_kind[n.kind].append(self._node_row(nid, n.kind, n.name, props))
        for kind, rows in sorted(by_kind.items()):
            tx.run(self._q.merge_nodes[kind], rows=rows).consume()

        docs: dict[str, dict[str, Any]] = {}
        for d in batch.documents:
            docs[d.case_id] = _document_row(d)
        if docs:
            tx.run(self._q.delete_doc_edges, docs=list(docs)).consume()
            tx.run("UNWIND $docs AS d MERGE (x:RtDocument {case_id: d.case_id}) SET x = d",
                   docs=list(docs.values())).consume()

        edges: dict[str, dict[tuple[str, str, str], dict[str, Any]]] = defaultdict(dict)
        for e in batch.edges:
            src, dst = resolve_alias(aliases, e.src), resolve_alias(aliases, e.dst)
            present = {k: v for k, v in e.props.items() if v not in (None, "", [])}
            edges[e.kind][(src, dst, e.source_doc)] = {
                "src": src, "dst": dst, "doc": e.source_doc,
                "props": {**encode_props(present, EDGE_INTERNAL), "source_doc": e.source_doc}}
        missing = 0
        for kind, keyed in sorted(edges.items()):
            rows = list(keyed.values())
            written = tx.run(self._q.merge_edges[kind], rows=rows).single(strict=True)["n"]
            missing += len(rows) - written
        if missing:
            ends = sorted({end for keyed in edges.values() for (s, d, _) in keyed for end in (s, d)})
            found = {r["id"] for r in tx.run("UNWIND $ids AS id MATCH (n:RtNode {id: id}) "
                                             "RETURN n.id AS id", ids=ends)}
            absent = [i for i in ends if i not in found]
            raise StoreError(f"{missing} relationship(s) name nodes that are not stored "
                             f"(e.g. {', '.join(absent[:3])}); write their nodes first")
        return aliases

    @staticmethod
    def _node_row(nid: str, kind: str, name: str | None, props: AnyProps) -> dict[str, Any]:
        stored = {**encode_props(props, NODE_INTERNAL), "id": nid, "rt_kind": kind}
        if name is not None:
            stored["rt_name"] = name
        return {"id": nid, "props": stored}

    def _props(self, tx: ManagedTransaction, node_id: str,
               incoming: Mapping[str, NodeProps]) -> NodeProps:
        """A node's stored props with this batch's on top ({} for a node not seen yet)."""
        rec = tx.run("OPTIONAL MATCH (n:RtNode {id: $id}) RETURN properties(n) AS p",
                     id=node_id).single(strict=True)
        stored = node_props(decode_props(rec["p"], NODE_INTERNAL) if rec["p"] is not None
                            else {})
        return merge_props(stored, incoming[node_id]) if node_id in incoming else stored

    def _add_alias(self, tx: ManagedTransaction, aliases: dict[str, str], alias: str,
                   canonical: str, incoming: Mapping[str, NodeProps] | None = None) -> None:
        canonical = resolve_alias(aliases, canonical)
        if alias == canonical or aliases.get(alias) == canonical:
            return
        incoming = incoming or {}
        if not one_company(self._props(tx, alias, incoming), self._props(tx, canonical, incoming)):
            return
        tx.run("MERGE (a:RtAlias {alias: $alias}) SET a.canonical = $canonical",
               alias=alias, canonical=canonical).consume()
        aliases[alias] = canonical
        rec = tx.run("OPTIONAL MATCH (a:RtNode {id: $alias}) "
                     "OPTIONAL MATCH (c:RtNode {id: $canonical}) "
                     "RETURN properties(a) AS a, properties(c) AS c",
                     alias=alias, canonical=canonical).single(strict=True)
        if rec["a"] is None:
            return
        other = rec["c"]
        props = merge_props(node_props(decode_props(rec["a"], NODE_INTERNAL)),
                            node_props(decode_props(other, NODE_INTERNAL) if other else {}))
        kind = other["rt_kind"] if other else "Employer"
        tx.run(self._q.merge_nodes[kind],
               rows=[self._node_row(canonical, kind, props.get("name"), props)]).consume()
        present = [r["t"] for r in tx.run(
            "MATCH (:RtNode {id: $alias})-[r]-() RETURN DISTINCT type(r) AS t", alias=alias)]
        for step in (0, 1):
            for kind_name in sorted(present):
                if kind_name not in self._q.move_edges:
                    raise StoreError(f"relationship type {kind_name!r} on {alias!r} is not in "
                                     "the schema; cannot re-point it")
                tx.run(self._q.move_edges[kind_name][step], alias=alias,
                       canonical=canonical).consume()
        tx.run("MATCH (a:RtNode {id: $alias}) DETACH DELETE a", alias=alias).consume()

    def add_problems(self, problems: Iterable[RecordProblem]) -> int:
        rows: dict[str, dict[str, Any]] = {}
        for p in problems:
            key = dumps([p.file, p.line, p.field, p.reason])
            rows.setdefault(key, {"key": key, "file": p.file, "line": p.line, "field": p.field,
                                  "reason": p.reason, "raw": p.raw[:2000],
                                  "severity": p.severity})
        if not rows:
            return 0

        def work(tx: ManagedTransaction) -> int:
            rec = tx.run("UNWIND $rows AS p OPTIONAL MATCH (x:RtProblem {key: p.key}) "
                         "WITH p WHERE x IS NULL CREATE (y:RtProblem) SET y = p "
                         "RETURN count(y) AS n", rows=list(rows.values())).single(strict=True)
            return int(rec["n"])

        return int(self._write(work))

    def case_ids_for_number(self, case_number: str) -> list[str]:
        rows = self._read("MATCH (d:RtDocument {case_number: $n}) RETURN d.case_id AS id",
                          n=normalize_case_number(case_number))
        return sorted(r["id"] for r in rows)

    # -- reading -------------------------------------------------------------------------
    def counts(self) -> dict[str, dict[str, int]]:
        nodes = {r["k"]: r["c"] for r in self._read(self._q.count_nodes) if r["c"]}
        edges = {r["k"]: r["c"] for r in self._read(self._q.count_edges) if r["c"]}
        docs = self._read("MATCH (d:RtDocument) RETURN count(d) AS c")[0]["c"]
        quarantine = {r["s"]: r["c"] for r in self._read(
            "MATCH (p:RtProblem) RETURN p.severity AS s, count(*) AS c")}
        return {
            "nodes": dict(sorted(nodes.items())),
            "edges": dict(sorted(edges.items())),
            "documents": {"total": docs},
            "quarantine": dict(sorted(quarantine.items())),
        }

    @staticmethod
    def _node(stored: dict[str, Any]) -> Node:
        return Node(stored["id"], stored["rt_kind"],
                    node_props(decode_props(stored, NODE_INTERNAL)))

    def node(self, node_id: str) -> Node | None:
        rows = self._read("MATCH (n:RtNode {id: $id}) RETURN properties(n) AS p",
                          id=self._resolve(node_id))
        return self._node(rows[0]["p"]) if rows else None

    def find_nodes(self, kind: str, text: str, limit: int = 50) -> list[Node]:
        if kind not in self._q.graph.nodes:
            return []
        kind_label = label(kind)
        candidates = [text, *(self._resolve(i) for i in lookup_ids(kind, text)[1:])]
        rows = self._read(
            f"MATCH (n:{kind_label}) WHERE n.id IN $ids OR n.rt_name = $text OR n.uscc = $upper "
            "RETURN properties(n) AS p ORDER BY n.id LIMIT $limit",
            ids=candidates, text=text, upper=text.upper(), limit=limit)
        if not rows:
            # SQLite's LIKE: a literal substring, ignoring the case of ASCII letters only.
            rows = self._read(
                f"MATCH (n:{kind_label}) WHERE reduce(s = n.rt_name, i IN range(0, 25) | "
                "replace(s, $upper_letters[i], $lower_letters[i])) CONTAINS $needle "
                "RETURN properties(n) AS p ORDER BY n.id LIMIT $limit",
                upper_letters=ASCII_UPPER, lower_letters=ASCII_LOWER,
                needle=ascii_lower(text), limit=limit)
        return sorted((self._node(r["p"]) for r in rows), key=lambda n: n.id)

    @staticmethod
    def _edge(src: str, dst: str, kind: str, stored: dict[str, Any]) -> Edge:
        return Edge(src, dst, kind, stored["source_doc"],
                    edge_props(decode_props(stored, EDGE_INTERNAL)))

    def edges_of(self, node_id: str, kinds: Iterable[str] | None = None) -> list[Edge]:
        nid = self._resolve(node_id)
        rows = self._read(
            "MATCH (a:RtNode {id: $id})-[r]->(b) "
            "RETURN a.id AS src, b.id AS dst, type(r) AS t, properties(r) AS p "
            "UNION ALL MATCH (a:RtNode {id: $id})<-[r]-(b) "
            "RETURN b.id AS src, a.id AS dst, type(r) AS t, properties(r) AS p", id=nid)
        wanted = set(kinds) if kinds is not None else None
        out = [self._edge(r["src"], r["dst"], r["t"], r["p"]) for r in rows
               if wanted is None or r["t"] in wanted]
        return sorted(out, key=lambda e: (e.kind, e.src, e.dst, e.source_doc))

    def _pages(self, query: str, **params: Any) -> Iterator[list[dict[str, Any]]]:
        """Keyset pages over ``RtNode.id`` (the unique index gives code-point order).

        ``query`` filters ``WHERE a.id > $after`` and returns ``id``; paging stops at a short page.
        """
        after = ""
        while True:
            rows = self._read(query, after=after, page=PAGE_SIZE, **params)
            if rows:
                yield rows
                after = rows[-1]["id"]
            if len(rows) < PAGE_SIZE:
                return

    def iter_nodes(self, kind: str | None = None) -> Iterator[Node]:
        if kind and kind not in self._q.graph.nodes:
            return
        where = f" AND n:{label(kind)}" if kind else ""
        query = (f"MATCH (n:RtNode) USING INDEX n:RtNode(id) WHERE n.id > $after{where} "
                 "RETURN n.id AS id, properties(n) AS p ORDER BY n.id LIMIT $page")
        for page in self._pages(query):
            yield from sorted((self._node(r["p"]) for r in page), key=lambda n: n.id)

    def iter_edges(self, kind: str | None = None) -> Iterator[Edge]:
        if kind and kind not in self._q.graph.edges:
            return
        rel = f"[r:{label(kind)}]" if kind else "[r]"
        query = ("MATCH (a:RtNode) USING INDEX a:RtNode(id) WHERE a.id > $after "
                 "WITH a ORDER BY a.id LIMIT $page "
                 f"CALL (a) {{ MATCH (a)-{rel}->(b:RtNode) "
                 "RETURN collect([b.id, type(r), properties(r)]) AS rels } "
                 "RETURN a.id AS id, rels")
        for page in self._pages(query):
            edges = [self._edge(r["id"], dst, t, p) for r in page for dst, t, p in r["rels"]]
            yield from sorted(edges, key=lambda e: e.key)

    def document(self, case_id: str) -> CaseRecordJson | None:
        rows = self._read("MATCH (d:RtDocument {case_id: $id}) RETURN d.record AS r", id=case_id)
        return json.loads(rows[0]["r"]) if rows else None

    def iter_documents(self) -> Iterator[tuple[str, CaseRecordJson]]:
        """Every stored case record with its case id, ordered by case id."""
        for doc in self.iter_document_rows():
            yield doc.case_id, doc.record

    def iter_document_rows(self) -> Iterator[Document]:
        """Every stored document with its hash and source path, ordered by case id."""
        after = ""
        while True:
            rows = self._read(
                "MATCH (d:RtDocument) USING INDEX d:RtDocument(case_id) "
                "WHERE d.case_id > $after RETURN d.case_id AS id, "
                "d.record AS r, d.sha256 AS sha, d.source_path AS path "
                "ORDER BY d.case_id LIMIT $page", after=after, page=PAGE_SIZE)
            rows.sort(key=lambda r: r["id"])
            for r in rows:
                yield Document(r["id"], json.loads(r["r"]), r["sha"], r["path"])
            if len(rows) < PAGE_SIZE:
                return
            after = rows[-1]["id"]

    def aliases(self) -> dict[str, str]:
        """Every alias id with its canonical id, sorted by alias."""
        return dict(sorted(self._load_aliases().items()))

    def problems(self, limit: int | None = None) -> list[RecordProblem]:
        query = ("MATCH (p:RtProblem) RETURN p.file AS file, p.line AS line, p.field AS field, "
                 "p.reason AS reason, p.raw AS raw, p.severity AS severity "
                 "ORDER BY file, line, field, reason")
        params: dict[str, Any] = {}
        if limit is not None:
            query += " LIMIT $limit"
            params["limit"] = int(limit)
        rows = sorted(self._read(query, **params),
                      key=lambda r: (r["file"], r["line"], r["field"], r["reason"]))
        return [RecordProblem(**r) for r in rows]

    def query(self, cypher: str, **params: Any) -> list[dict[str, object]]:
        """Run a read-only Cypher query (e.g. one of the packaged ``graph/cypher`` files); its
        rows are whatever the query returns, so the caller narrows their values."""
        return self._read(cypher, **params)

    # -- scan results --------------------------------------------------------------------
    def save_scan(self, scan: ScanJson) -> None:
        rows = [{"key": k, "value": dumps(v)} for k, v in sorted(scan.items())]

        def work(tx: ManagedTransaction) -> None:
            tx.run("MATCH (s:RtScan) DELETE s").consume()
            tx.run("UNWIND $rows AS row CREATE (s:RtScan) SET s = row", rows=rows).consume()

        self._write(work)

    def load_scan(self) -> ScanJson | None:
        rows = self._read("MATCH (s:RtScan) RETURN s.key AS k, s.value AS v")
        scan = {r["k"]: json.loads(r["v"]) for r in sorted(rows, key=lambda r: r["k"])}
        return cast("ScanJson", scan) if scan else None


def _document_row(doc: Document) -> dict[str, Any]:
    row = {"case_id": doc.case_id, "sha256": doc.sha256, "record": dumps(doc.record)}
    number = normalize_case_number(doc.record.get("case_number") or "")
    if number:
        row["case_number"] = number
    if doc.source_path is not None:
        row["source_path"] = doc.source_path
    return row
