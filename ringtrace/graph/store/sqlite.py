"""The embedded workspace: one directory on local disk holding a SQLite database.

``<workspace>/ringtrace.sqlite`` keeps nodes, edges (with ``source_doc``), documents, aliases,
quarantined input problems and scan results. Every batch is one transaction, so an interrupted
ingest leaves the store consistent and a re-run completes it without duplicates; a large load
stages its batches in ``<workspace>/ringtrace.stage.sqlite`` and merges them in one transaction
at its end (:meth:`SQLiteStore.deferred_indexes`). A scan's results are replaced in one
transaction, so readers see the old scan or the new one. ``meta`` holds the data generation
(:meth:`SQLiteStore.data_generation`), bumped in the transaction of every batch that changes
nodes, edges, documents or aliases (by a merge, by the number of batches it merges).
``<workspace>/ringtrace.lock`` is the writer lock (:meth:`SQLiteStore.writing`): an advisory
``flock`` that the kernel releases when its process ends, however it ends.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import secrets
import sqlite3
import sys
import uuid
import zlib
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from itertools import groupby
from operator import itemgetter
from pathlib import Path
from typing import Any, NoReturn, TextIO, cast

from ringtrace.errors import RecordProblem, StoreError, WorkspaceBusy
from ringtrace.graph.elements import Document, Edge, GraphBatch, Node, dumps, merge_props
from ringtrace.graph.identity import KEYS_VERSION, lookup_ids, normalize_case_number
from ringtrace.graph.props import EdgeProps, NodeProps, edge_props, node_props
from ringtrace.graph.record_json import CaseRecordJson
from ringtrace.graph.scan_json import ScanJson
from ringtrace.graph.store import scan_blocks
from ringtrace.graph.store.base import GraphStore, JudgementRow, one_company, snapshot_changed
from ringtrace.graph.store.codec import JsonObject, dumps_utf8, loads
from ringtrace.graph.store.rows import BatchRows, NodeRow, encoded
from ringtrace.graph.store.scan_blocks import BlockScanReader, StoredParts
from ringtrace.graph.store.scan_reader import ScanReader, WholeScan

DB_NAME = "ringtrace.sqlite"
LOCK_NAME = "ringtrace.lock"
#: the staged rows of a large load under way (:meth:`SQLiteStore.deferred_indexes`):
#: disposable, written without a journal on disk or syncing, deleted once merged
STAGE_NAME = "ringtrace.stage.sqlite"
SCHEMA_VERSION = 1

_DDL = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS nodes (
    id TEXT PRIMARY KEY, kind TEXT NOT NULL, name TEXT, props TEXT NOT NULL
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS edges (
    src TEXT NOT NULL, dst TEXT NOT NULL, kind TEXT NOT NULL, source_doc TEXT NOT NULL,
    props TEXT NOT NULL, PRIMARY KEY (src, dst, kind, source_doc)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS edges_doc ON edges (source_doc);
CREATE TABLE IF NOT EXISTS documents (
    case_id TEXT PRIMARY KEY, case_number TEXT, sha256 TEXT NOT NULL, source_path TEXT,
    record TEXT NOT NULL
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS documents_number ON documents (case_number);
CREATE TABLE IF NOT EXISTS aliases (alias TEXT PRIMARY KEY, canonical TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS quarantine (
    file TEXT NOT NULL, line INTEGER NOT NULL, field TEXT NOT NULL, reason TEXT NOT NULL,
    raw TEXT NOT NULL, severity TEXT NOT NULL DEFAULT 'error',
    PRIMARY KEY (file, line, field, reason)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS scan (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS scan_block (
    part TEXT NOT NULL, block INTEGER NOT NULL, save TEXT NOT NULL, value BLOB NOT NULL,
    PRIMARY KEY (part, block)
);
CREATE TABLE IF NOT EXISTS scan_subject (
    subject TEXT NOT NULL, idx INTEGER NOT NULL, PRIMARY KEY (subject, idx)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS resolve_judgements (seq INTEGER PRIMARY KEY, row TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS resolve_state (key TEXT PRIMARY KEY, value BLOB NOT NULL) WITHOUT ROWID;
"""

#: the staging tables of a large load, in a file of their own (:data:`STAGE_NAME`)
_STAGE_DDL = """
CREATE TABLE stage.stage_nodes (
    batch INTEGER NOT NULL, id TEXT NOT NULL, kind TEXT NOT NULL, name TEXT, props TEXT NOT NULL
);
CREATE TABLE stage.stage_edges (
    batch INTEGER NOT NULL, src TEXT NOT NULL, dst TEXT NOT NULL, kind TEXT NOT NULL,
    source_doc TEXT NOT NULL, props TEXT NOT NULL
);
CREATE TABLE stage.stage_documents (
    batch INTEGER NOT NULL, case_id TEXT NOT NULL, case_number TEXT, sha256 TEXT NOT NULL,
    source_path TEXT, record TEXT NOT NULL
);
"""

#: Indexes that only reads use: no write looks a row up by them. A large load writes its rows
#: without them and builds them at its end (:meth:`SQLiteStore.deferred_indexes`): one sort
#: instead of a random B-tree insert per row, which grows dearer as the tables grow.
_READ_INDEXES = {
    "nodes_kind_name": "CREATE INDEX IF NOT EXISTS nodes_kind_name ON nodes (kind, name)",
    "nodes_uscc": "CREATE INDEX IF NOT EXISTS nodes_uscc ON nodes (json_extract(props, '$.uscc')) "
                  "WHERE json_extract(props, '$.uscc') IS NOT NULL",
    "edges_dst": "CREATE INDEX IF NOT EXISTS edges_dst ON edges (dst, kind)",
    "edges_kind": "CREATE INDEX IF NOT EXISTS edges_kind ON edges (kind, src, dst, source_doc)",
}
#: the ``meta`` key set while the read indexes are dropped for a load (or after a load that
#: was interrupted: the next writer builds them; a reader meanwhile reads without them)
DEFERRED_KEY = "read_indexes_deferred"

_CHUNK = 500
#: documents a large load writes per transaction (:meth:`SQLiteStore.deferred_indexes`): each
#: batch is a savepoint inside it, committed together. A commit writes every page the batches
#: changed; the keys of the node, edge and document B-trees are not in load order, so a batch
#: changes about one leaf per row until the tables have more leaves than it has rows, and the
#: pages written per document grow with the workspace (24 KB at the start, 122 KB at 50,000
#: documents, batches of 2,000). Fewer, larger commits write a leaf changed by several
#: batches once (docs/performance.md).
GROUP_DOCUMENTS = 10_000
#: the ``meta`` key of the data generation
GENERATION_KEY = "data_generation"
#: the staging tables, in the order a merge writes them
_STAGES = ("stage_nodes", "stage_documents", "stage_edges")
#: the identity rules' version the workspace's node ids were made with
KEYS_KEY = "keys_version"


def _picked(props_json: str, fields: Sequence[str]) -> dict[str, object]:
    """The named properties of a stored props blob (None when absent)."""
    props = loads(props_json)
    return {f: props.get(f) for f in fields}


def _json_values(fields: Sequence[str]
                 ) -> tuple[str, list[str], Callable[[str], list[Any]]]:
    """SQL that picks the named properties out of ``props`` as one JSON array, its parameters
    and the parser of that array: SQLite parses the blob once per row and Python parses a
    short array (values exactly as in the blob: true stays true, a list a list). One path
    alone would give a bare SQL value, so it is asked for twice and the parser keeps one."""
    if len(fields) == 1:
        return "json_extract(props, ?, ?)", [f'$."{fields[0]}"'] * 2, _first_loaded
    paths = [f'$."{f}"' for f in fields]
    return f"json_extract(props, {', '.join('?' * len(paths))})", paths, loads


def _first_loaded(text: str) -> list[Any]:
    values: list[Any] = loads(text)
    return values[:1]


def _chunks(items: list[str], size: int = _CHUNK) -> Iterator[list[str]]:
    for i in range(0, len(items), size):
        yield items[i : i + size]


class SQLiteStore(GraphStore):
    """Graph store in ``<workspace>/ringtrace.sqlite``.

    >>> import tempfile
    >>> with SQLiteStore.open(tempfile.mkdtemp()) as store:
    ...     store.counts()["nodes"]
    {}
    """

    def __init__(self, path: Path, conn: sqlite3.Connection) -> None:
        self.path = path
        self.conn = conn
        self._aliases: dict[str, str] = dict(conn.execute("SELECT alias, canonical FROM aliases"))
        self._lock: TextIO | None = None
        self._lock_depth = 0
        #: documents written in the open group transaction of a large load; None outside one
        self._group: int | None = None
        #: batches staged so far by the large load under way; None outside one
        self._staged: int | None = None
        #: the last :meth:`snapshot` and the data generation it was read at
        self._snapshot: tuple[int | None, str] | None = None

    # -- one writer at a time ------------------------------------------------------------
    @contextmanager
    def writing(self, command: str) -> Iterator[object]:
        if self._lock_depth == 0:
            self._lock = _acquire(self.path / LOCK_NAME, command)
            if _deferred(self.conn):  # a load cut short: its staged rows, the indexes unbuilt
                try:
                    (self.path / STAGE_NAME).unlink(missing_ok=True)
                    self._build_read_indexes()
                except BaseException:
                    self._release_lock()
                    raise
        self._lock_depth += 1
        try:
            yield self
        finally:
            self._lock_depth -= 1
            if self._lock_depth == 0:
                self._release_lock()

    def _release_lock(self) -> None:
        if self._lock is not None:
            _HELD.discard(self._lock.fileno())
            self._lock.close()  # closing the file releases the flock
            self._lock = None

    @contextmanager
    def deferred_indexes(self) -> Iterator[None]:
        """A large load: for a load of at least as many rows as the store holds, inside
        :meth:`writing`. Its batches are staged - appended to the unindexed ``stage_*``
        tables, in load order - and merged at the end in each table's key order
        (:meth:`_merge_staged`), without the indexes only reads use, which are built after.
        The keys of the node, edge and document B-trees are not in load order, so writing each
        batch where it belongs changed about one leaf per row, and the cost per document grew
        with the workspace; appending and one sorted merge cost the same per document whatever
        the size (docs/performance.md). Readers see the load when it is merged.

        Crash-safe: the staging tables are in a file of their own (:data:`STAGE_NAME`),
        written without a journal on disk or syncing, as nothing but this load reads them; the
        merge is one transaction of the workspace, after which the file is deleted. A load that
        fails (an error, ^C) merges what it staged; a load killed (or the machine stopped)
        before its merge leaves the store as it was before the load, and :data:`DEFERRED_KEY`
        in ``meta``: the next writer deletes the staged rows, which may be torn, and builds the
        indexes (readers meanwhile get the same answers, slower); the ingest run again stores
        the load."""
        with self._transaction() as conn:
            conn.execute("INSERT OR REPLACE INTO meta VALUES (?, '1')", (DEFERRED_KEY,))
            for name in _READ_INDEXES:
                conn.execute(f"DROP INDEX IF EXISTS {name}")
        self._open_stage()
        try:
            with self._grouped():
                yield
        except BaseException:
            # the load failed: store what it staged and build the indexes if the store lets
            # us, else the next writer will
            with contextlib.suppress(StoreError, sqlite3.Error):
                self._merge_staged(final=True)
            self._close_stage()
            with contextlib.suppress(StoreError, sqlite3.Error):
                self._build_read_indexes()
            raise
        self._merge_staged(final=True)
        self._build_read_indexes()
        # the merge went through the write-ahead log, which keeps its size on disk (the size of
        # the tables written) until truncated; a reader at work may keep it from being so
        self.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")

    def _open_stage(self) -> None:
        """Attach a new, empty staging file (one a killed load left is deleted first)."""
        self._close_stage()
        stage = self.path / STAGE_NAME
        conn = self.conn
        conn.execute("ATTACH DATABASE ? AS stage", (str(stage),))
        # no journal on disk (savepoints still roll back a failing batch) and no syncing:
        # a stage that a crash tore is deleted unread
        conn.execute("PRAGMA stage.journal_mode=MEMORY")
        conn.execute("PRAGMA stage.synchronous=OFF")
        conn.execute("PRAGMA stage.cache_size=-65536")
        conn.executescript(_STAGE_DDL)
        self._staged = 0

    def _close_stage(self) -> None:
        """Detach and delete the staging file."""
        self._staged = None
        if any(name == "stage" for _, name, _ in self.conn.execute("PRAGMA database_list")):
            self.conn.execute("DETACH DATABASE stage")
        (self.path / STAGE_NAME).unlink(missing_ok=True)

    @contextmanager
    def _grouped(self) -> Iterator[None]:
        """Batches written inside share transactions of about :data:`GROUP_DOCUMENTS`
        documents, each batch a savepoint (rolled back alone when it fails, as a transaction of
        its own would be). The batches written before an error are committed, as they were
        with a transaction each; a crash loses at most the open group, and the store stays
        consistent (an ingest run again completes it)."""
        self._group = 0
        try:
            yield
        except BaseException:
            self._group = None
            with contextlib.suppress(StoreError, sqlite3.Error):
                self._commit_group()
            raise
        self._group = None
        self._commit_group()

    def _commit_group(self) -> None:
        """Commit the open group transaction (if any); if the commit fails, nothing of the
        group is stored and the alias cache is read again."""
        conn = self.conn
        if not conn.in_transaction:
            return
        try:
            conn.execute("COMMIT")
        except BaseException as exc:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            self._aliases = dict(conn.execute("SELECT alias, canonical FROM aliases"))
            self._raise_as_store_error(exc)

    def _grouped_written(self, documents: int) -> None:
        """Count ``documents`` written in the open group; commit it once it holds enough."""
        if self._group is None:
            return
        self._group += documents
        if self._group >= GROUP_DOCUMENTS:
            self._commit_group()
            self._group = 0

    def _build_read_indexes(self) -> None:
        with self._transaction() as conn:
            for sql in _READ_INDEXES.values():
                conn.execute(sql)
            conn.execute("DELETE FROM meta WHERE key = ?", (DEFERRED_KEY,))

    @contextmanager
    def _aliases_restored_on_error(self) -> Iterator[None]:
        """The alias cache as it was if the batch is rolled back (its aliases were not stored)."""
        aliases = dict(self._aliases)
        try:
            yield
        except BaseException:
            self._aliases = aliases
            raise

    @contextmanager
    def _transaction(self) -> Iterator[sqlite3.Connection]:
        """``BEGIN IMMEDIATE`` … ``COMMIT``, rolled back on any error; SQLite's own failures
        become :class:`StoreError` (:class:`WorkspaceBusy` when the database is locked)."""
        conn = self.conn
        if self._group is not None:
            with self._savepoint() as saved:
                yield saved
            return
        try:
            conn.execute("BEGIN IMMEDIATE")
            yield conn
            conn.execute("COMMIT")
        except BaseException as exc:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            self._raise_as_store_error(exc)

    @contextmanager
    def _savepoint(self) -> Iterator[sqlite3.Connection]:
        """:meth:`_transaction` inside a group (:meth:`_grouped`): a savepoint in the group's
        transaction (begun if none is open), rolled back alone on an error. When SQLite ends
        the whole transaction on an error (a full disk), the group's earlier batches are lost
        with it: that is a :class:`StoreError` whatever the error."""
        conn = self.conn
        earlier = conn.in_transaction  # the group holds batches written before this one
        saved = False
        try:
            if not conn.in_transaction:
                conn.execute("BEGIN IMMEDIATE")
            conn.execute("SAVEPOINT batch")
            saved = True
            yield conn
            conn.execute("RELEASE batch")
        except BaseException as exc:
            if saved and conn.in_transaction:
                conn.execute("ROLLBACK TO batch")
                conn.execute("RELEASE batch")
            elif earlier and not conn.in_transaction:
                self._aliases = dict(conn.execute("SELECT alias, canonical FROM aliases"))
                self._group = 0
                raise StoreError(f"cannot write to the workspace {self.path}: {exc} (the "
                                 "batches written since the last commit are lost: run the "
                                 "ingest again)") from exc
            self._raise_as_store_error(exc)

    def _raise_as_store_error(self, exc: BaseException) -> NoReturn:
        """Raise SQLite's own failures as :class:`StoreError` (:class:`WorkspaceBusy` when
        the database is locked), anything else as it is."""
        if isinstance(exc, sqlite3.OperationalError) and "locked" in str(exc):
            raise WorkspaceBusy(_busy(self.path / LOCK_NAME, "is writing to")) from exc
        if isinstance(exc, sqlite3.OperationalError | sqlite3.DatabaseError) and not \
                isinstance(exc, sqlite3.IntegrityError | sqlite3.InterfaceError):
            raise StoreError(f"cannot write to the workspace {self.path}: {exc}") from exc
        raise exc

    def location(self) -> str | None:
        return str(self.path)

    def nodes_props(self, kind: str, ids: set[str]) -> dict[str, NodeProps]:
        found: dict[str, NodeProps] = {}
        for chunk in _chunks(sorted(ids)):
            marks = ",".join("?" * len(chunk))
            # by primary key only: with ``kind = ?`` too, SQLite scans the whole kind per chunk
            for node_id, node_kind, props in self.conn.execute(
                    f"SELECT id, kind, props FROM nodes WHERE id IN ({marks})", chunk):
                if node_kind == kind:
                    found[node_id] = loads(props)
        return dict(sorted(found.items()))

    @classmethod
    def open(cls, workspace: str | Path, *, create: bool = True) -> SQLiteStore:
        """Open (and create, unless ``create=False``) the workspace directory."""
        root = Path(workspace)
        db = root / DB_NAME
        if not db.exists() and not create:
            raise StoreError(
                f"no workspace at {root}: run `ringtrace ingest PATH` first, or pass "
                f"--workspace / set RINGTRACE_WORKSPACE to an existing workspace")
        try:
            root.mkdir(parents=True, exist_ok=True)
            conn = sqlite3.connect(db, isolation_level=None)
            conn.execute("PRAGMA journal_mode=WAL")
            conn.execute("PRAGMA synchronous=NORMAL")
            conn.execute("PRAGMA foreign_keys=OFF")
            conn.execute("PRAGMA cache_size=-262144")  # 256 MiB page cache
            conn.execute("PRAGMA temp_store=MEMORY")
            # bulk reads (resolution, the frame) touch most pages of the node and edge tables
            # once: mapped, SQLite reads them in place instead of copying each into its cache
            # (about a tenth off resolution at 50,000 cases)
            conn.execute("PRAGMA mmap_size=4294967296")
            conn.executescript(_DDL)
            row = conn.execute("SELECT value FROM meta WHERE key='schema_version'").fetchone()
            if row is None:
                conn.execute("INSERT INTO meta VALUES ('schema_version', ?)", (str(SCHEMA_VERSION),))
            elif int(row[0]) != SCHEMA_VERSION:
                raise StoreError(f"{db} has schema version {row[0]}, this ringtrace reads "
                                 f"{SCHEMA_VERSION}: re-ingest into a new workspace")
            _ensure_read_indexes(conn)
        except sqlite3.Error as exc:
            raise StoreError(f"cannot open workspace {root}: {exc}") from exc
        return cls(root, conn)

    def close(self) -> None:
        self.conn.close()

    def ref_key(self) -> bytes:
        """The workspace's ref secret, kept in its ``meta`` table (made on first use, so that
        a pack or export, which only reads, writes nothing once the key exists)."""
        select = "SELECT value FROM meta WHERE key = 'ref_key'"
        row = self.conn.execute(select).fetchone()
        if row is None:
            self.conn.execute("INSERT OR IGNORE INTO meta VALUES ('ref_key', ?)",
                              (secrets.token_hex(32),))
            row = self.conn.execute(select).fetchone()
        return bytes.fromhex(row[0])

    # -- writing -------------------------------------------------------------------------
    def _resolve(self, node_id: str) -> str:
        """Follow alias chains (old name -> newer name -> current name) to the canonical id."""
        seen = {node_id}
        while node_id in self._aliases:
            node_id = self._aliases[node_id]
            if node_id in seen:  # a cycle in user data: stop at the first repeat
                break
            seen.add(node_id)
        return node_id

    def write_batch(self, batch: GraphBatch) -> None:
        self.write_rows(encoded(batch))

    def write_rows(self, rows: BatchRows) -> None:
        """:meth:`write_batch` of an encoded batch: the rows are merged by resolved id, with
        what is stored, and only nodes that change are written again. Inside a large load
        (:meth:`deferred_indexes`) the batch is staged, to be merged at the load's end, unless
        it changes aliases (then what is staged is merged first and the batch written)."""
        if self._staged is not None:
            if self._stageable(rows):
                self._stage(rows)
                return
            self._merge_staged(final=False)
        with self._aliases_restored_on_error(), self._transaction() as conn:
            aliases_before = dict(self._aliases)
            aliased = [r for r in rows.nodes if r[0] in self._aliases] if self._aliases else []
            incoming = ({nid: loads(props) for nid, _, _, props in rows.nodes}
                        if aliased or rows.aliases else {})
            for nid, _, _, props in aliased:  # a registered company holding another's alias
                if nid in self._aliases and not one_company(
                        loads(props), self._props(self._resolve(nid), incoming)):
                    conn.execute("DELETE FROM aliases WHERE alias = ?", (nid,))
                    del self._aliases[nid]
            for alias, canonical in rows.aliases:
                self._add_alias(alias, canonical, incoming)
            changed = self._aliases != aliases_before
            resolve = self._resolve if self._aliases else _same
            merged = _merged_nodes(rows.nodes, resolve)
            existing: dict[str, tuple[str, str | None, str]] = {}
            for chunk in _chunks(sorted(merged)):
                marks = ",".join("?" * len(chunk))
                existing.update((r[0], r[1:]) for r in conn.execute(
                    f"SELECT id, kind, name, props FROM nodes WHERE id IN ({marks})", chunk))
            node_rows = []
            for nid, pending in merged.items():
                row = (nid, pending.kind, pending.name(nid))
                stored = existing.get(nid)
                if stored is None:
                    changed = True
                    node_rows.append((*row, pending.text()))
                    continue
                before = loads(stored[2])
                after = merge_props(before, pending.props())
                changed = changed or after != before
                text = dumps(after)
                if (*row[1:], text) != stored:  # else stored as it would be written again
                    node_rows.append((*row, text))
            # each table's rows in its key order (stable: of two rows with one key, the later
            # is still written last): consecutive inserts land on the same or the next leaf
            conn.executemany("INSERT OR REPLACE INTO nodes VALUES (?,?,?,?)", sorted(node_rows))
            docs = rows.documents
            kept: dict[str, tuple[Any, ...]] = {}
            for chunk in _chunks(sorted({d[0] for d in docs})):
                marks = ",".join("?" * len(chunk))
                kept.update((r[0], tuple(r)) for r in conn.execute(
                    f"SELECT * FROM documents WHERE case_id IN ({marks})", chunk))
            changed = changed or any(kept.get(d[0]) != d for d in docs)
            edges = ([(resolve(s), resolve(d), kind, doc, props)
                      for s, d, kind, doc, props in rows.edges]
                     if self._aliases else rows.edges)
            # only worth asking when nothing else changed: the same input ingested again
            changed = changed or not self._edges_kept(conn, sorted(kept), edges)
            conn.executemany("DELETE FROM edges WHERE source_doc = ?", [(c,) for c in kept])
            conn.executemany("INSERT OR REPLACE INTO documents VALUES (?,?,?,?,?)",
                             sorted(docs, key=itemgetter(0)))
            conn.executemany("INSERT OR REPLACE INTO edges VALUES (?,?,?,?,?)",
                             sorted(edges, key=itemgetter(0, 1, 2, 3)))
            if changed:
                conn.execute("INSERT INTO meta VALUES (?, '1') ON CONFLICT (key) DO UPDATE "
                             "SET value = CAST(value AS INTEGER) + 1", (GENERATION_KEY,))
        self._grouped_written(len(rows.documents))

    # -- a large load: staged, then merged in key order ---------------------------------
    def _stageable(self, rows: BatchRows) -> bool:
        """Can the batch be staged and merged later with the result :meth:`write_rows` gives
        now? Not when it adds aliases, nor when a registered company (``in_registry``) comes
        under another's alias (writing it may drop the alias, which needs the canonical node
        as stored now), nor when an edge's source document is not one of the batch's (a
        document written again takes the edges of its latest batch, known by document)."""
        if rows.aliases:
            return False
        if self._aliases and any(nid in self._aliases and loads(props).get("in_registry")
                                 for nid, _, _, props in rows.nodes):
            return False
        if rows.edges:
            docs = {d[0] for d in rows.documents}
            return all(e[3] in docs for e in rows.edges)
        return True

    def _stage(self, rows: BatchRows) -> None:
        """Append the batch's rows, ids resolved through the aliases as stored, to the staging
        tables (a savepoint of the load's open group); see :meth:`deferred_indexes`."""
        if not (rows.nodes or rows.documents):
            return
        assert self._staged is not None
        batch = self._staged + 1
        resolve = self._resolve if self._aliases else _same
        with self._transaction() as conn:
            conn.executemany("INSERT INTO stage_nodes VALUES (?,?,?,?,?)",
                             [(batch, nid, kind, name, props) if (nid := resolve(node_id))
                              == node_id else (batch, nid, kind, None, props)
                              for node_id, kind, name, props in rows.nodes])
            conn.executemany("INSERT INTO stage_documents VALUES (?,?,?,?,?,?)",
                             [(batch, *d) for d in rows.documents])
            conn.executemany("INSERT INTO stage_edges VALUES (?,?,?,?,?,?)",
                             [(batch, resolve(s), resolve(d), kind, doc, props)
                              for s, d, kind, doc, props in rows.edges]
                             if self._aliases else [(batch, *e) for e in rows.edges])
        self._staged = batch
        self._grouped_written(len(rows.documents))

    def _merge_staged(self, *, final: bool) -> None:
        """Write the staged batches into the tables as :meth:`write_rows` would have written
        them one after the other, in one transaction, each table's rows in its key order.

        Nodes: a node's staged rows, by id and then in load order, are merged batch by batch
        with what is stored, as each batch was (properties by :func:`merge_props`, the kind
        and caption of its last batch). Documents: the last staged row of a case id. Edges:
        those of the last batch that staged their source document, the later of two with one
        key; the stored edges of a document staged again are deleted. The data generation
        moves by the number of batches staged when anything changed. A ``final`` merge (the
        end of the load) also writes the edges without their ``source_doc`` index, built
        after (one sort instead of a random insert per edge). Sorting runs in temporary files
        (``temp_store`` is MEMORY otherwise), so memory stays bounded by the page cache."""
        conn = self.conn
        if self._group is not None:
            self._commit_group()
            self._group = 0
        batches = self._staged
        if batches is None:
            return
        if not batches:
            if final:
                self._close_stage()
            return
        group, self._group = self._group, None
        conn.execute("PRAGMA temp_store=FILE")
        try:
            with self._transaction():
                changed = self._merge_nodes(conn)
                edges = self._latest_edges(conn)
                changed = changed or self._staged_differ(conn, edges)
                self._merge_rows(conn, edges, final=final)
                if changed:
                    conn.execute("INSERT INTO meta VALUES (?, ?) ON CONFLICT (key) DO UPDATE "
                                 "SET value = CAST(value AS INTEGER) + ?",
                                 (GENERATION_KEY, str(batches), batches))
        finally:
            self._group = group
            conn.execute("PRAGMA temp_store=MEMORY")
        if final:
            self._close_stage()
        else:
            with self._transaction():
                for table in _STAGES:
                    conn.execute(f"DELETE FROM {table}")
            self._staged = 0

    @staticmethod
    def _merge_nodes(conn: sqlite3.Connection) -> bool:
        """The staged nodes merged with the stored ones (:meth:`_merge_staged`); whether any
        changed."""
        changed = False
        rows = conn.execute(
            "SELECT s.id, s.batch, s.kind, s.name, s.props, n.kind, n.name, n.props "
            "FROM stage_nodes s LEFT JOIN nodes n ON n.id = s.id ORDER BY s.id, s.rowid")
        written: list[tuple[str, str, str, str]] = []
        insert = "INSERT OR REPLACE INTO nodes VALUES (?,?,?,?)"
        for nid, group in groupby(rows, key=itemgetter(0)):
            staged = list(group)
            first = staged[0]
            if len(staged) == 1 and first[5] is None and first[3] is not None:
                # staged once, under its own id, and not stored yet (most nodes of a load into
                # a new workspace): written as staged, as the loop below would write it
                changed = True
                written.append((nid, first[2], first[3], first[4]))
                if len(written) >= _CHUNK:
                    conn.executemany(insert, written)
                    written = []
                continue
            stored = (first[5], first[6], first[7]) if first[5] is not None else None
            kind = name = ""
            text: str | None = stored[2] if stored else None
            props: NodeProps | None = None
            for _, batch_rows in groupby(staged, key=itemgetter(1)):
                pending: _Pending | None = None
                for _, _, row_kind, row_name, row_text, *_ in batch_rows:
                    if pending is None:
                        pending = _Pending(row_kind, row_name, row_text)
                    else:
                        pending.add(row_kind, row_text)
                assert pending is not None
                kind, name = pending.kind, pending.name(nid)
                if text is None and props is None:
                    changed, text = True, pending.text()
                    continue
                before = props if props is not None else node_props(loads(cast("str", text)))
                props = merge_props(before, pending.props())
                changed = changed or props != before
            final = (kind, name, dumps(props) if props is not None else cast("str", text))
            if final != stored:
                written.append((nid, *final))
                if len(written) >= _CHUNK:
                    conn.executemany(insert, written)
                    written = []
        conn.executemany(insert, written)
        return changed

    @staticmethod
    def _latest_edges(conn: sqlite3.Connection) -> str:
        """The staged edges (``s``) that a merge writes, as a FROM clause: those of the last
        batch that staged their source document (a document staged twice keeps the edges of
        its last batch; the index that asks it cheaply is made here, dropped with the rows)."""
        if conn.execute("SELECT EXISTS (SELECT 1 FROM stage_documents GROUP BY case_id "
                        "HAVING count(*) > 1)").fetchone()[0] != 1:
            return "stage_edges s"
        conn.execute("CREATE INDEX IF NOT EXISTS stage.stage_documents_batch ON stage_documents "
                     "(case_id, batch)")
        return ("stage_edges s WHERE s.batch = (SELECT max(d.batch) FROM stage_documents d "
                "WHERE d.case_id = s.source_doc)")

    @staticmethod
    def _staged_differ(conn: sqlite3.Connection, edges: str) -> bool:
        """Would writing the staged documents and ``edges`` change what is stored (asked when
        the nodes do not: the same load again)? Every document and edge must be stored as
        it is, and the stored edges of the staged documents be no more than the staged."""
        if conn.execute(
                "SELECT EXISTS (SELECT 1 FROM stage_documents s WHERE NOT EXISTS (SELECT 1 FROM "
                "documents d WHERE d.case_id = s.case_id AND d.case_number IS s.case_number AND "
                "d.sha256 = s.sha256 AND d.source_path IS s.source_path AND d.record = s.record)"
                ")").fetchone()[0] == 1:
            return True
        where = " AND " if " WHERE " in edges else " WHERE "
        if conn.execute(
                f"SELECT EXISTS (SELECT 1 FROM {edges}{where}NOT EXISTS (SELECT 1 FROM edges e "
                "WHERE e.src = s.src AND e.dst = s.dst AND e.kind = s.kind AND "
                "e.source_doc = s.source_doc AND e.props = s.props))").fetchone()[0] == 1:
            return True
        staged = conn.execute(f"SELECT count(*) FROM (SELECT DISTINCT s.src, s.dst, s.kind, "
                              f"s.source_doc FROM {edges})").fetchone()[0]
        stored = conn.execute("SELECT count(*) FROM edges WHERE source_doc IN (SELECT case_id "
                              "FROM stage_documents)").fetchone()[0]
        return bool(staged != stored)

    @staticmethod
    def _merge_rows(conn: sqlite3.Connection, edges: str, *, final: bool) -> None:
        """The staged documents and ``edges`` written in key order, the stored edges of the
        documents written again deleted first (:meth:`_merge_staged`)."""
        conn.execute("DELETE FROM edges WHERE source_doc IN (SELECT case_id FROM documents "
                     "WHERE case_id IN (SELECT case_id FROM stage_documents))")
        conn.execute("INSERT OR REPLACE INTO documents SELECT case_id, case_number, sha256, "
                     "source_path, record FROM stage_documents ORDER BY case_id, rowid")
        if final:  # built after: one sort instead of a random insert per edge
            conn.execute("DROP INDEX IF EXISTS edges_doc")
        conn.execute(f"INSERT OR REPLACE INTO edges SELECT s.src, s.dst, s.kind, s.source_doc, "
                     f"s.props FROM {edges} ORDER BY s.src, s.dst, s.kind, s.source_doc, s.rowid")
        if final:
            conn.execute("CREATE INDEX IF NOT EXISTS edges_doc ON edges (source_doc)")
        conn.execute("DROP INDEX IF EXISTS stage.stage_documents_batch")

    @staticmethod
    def _edges_kept(conn: sqlite3.Connection, replaced_docs: list[str],
                    edges: list[tuple[str, str, str, str, str]]) -> bool:
        """Whether writing ``edges`` after deleting the edges of ``replaced_docs`` leaves the
        edge table as it is: every deleted edge comes back, and every other one is stored
        already, with the same properties."""
        dropped: set[tuple[str, ...]] = set()
        for chunk in _chunks(replaced_docs):
            marks = ",".join("?" * len(chunk))
            dropped.update(conn.execute(
                f"SELECT src, dst, kind, source_doc, props FROM edges WHERE source_doc IN ({marks})",
                chunk))
        written = set(edges)
        if not dropped <= written:
            return False
        for src, dst, kind, doc, props in sorted(written - dropped):  # by primary key
            row = conn.execute("SELECT props FROM edges WHERE src = ? AND dst = ? AND kind = ? "
                               "AND source_doc = ?", (src, dst, kind, doc)).fetchone()
            if row is None or row[0] != props:
                return False
        return True

    def _props(self, node_id: str, incoming: Mapping[str, NodeProps]) -> NodeProps:
        """A node's stored props with this batch's on top ({} for a node not seen yet)."""
        row = self.conn.execute("SELECT props FROM nodes WHERE id = ?", (node_id,)).fetchone()
        stored: NodeProps = json.loads(row[0]) if row else {}
        return merge_props(stored, incoming[node_id]) if node_id in incoming else stored

    def _add_alias(self, alias: str, canonical: str,
                   incoming: Mapping[str, NodeProps] | None = None) -> None:
        canonical = self._resolve(canonical)
        if alias == canonical or self._aliases.get(alias) == canonical:
            return
        incoming = incoming or {}
        if not one_company(self._props(alias, incoming), self._props(canonical, incoming)):
            return
        conn = self.conn
        conn.execute("INSERT OR REPLACE INTO aliases VALUES (?, ?)", (alias, canonical))
        self._aliases[alias] = canonical
        row = conn.execute("SELECT props FROM nodes WHERE id = ?", (alias,)).fetchone()
        if row is not None:
            other = conn.execute("SELECT kind, props FROM nodes WHERE id = ?",
                                 (canonical,)).fetchone()
            props = merge_props(json.loads(row[0]), json.loads(other[1]) if other else {})
            kind = other[0] if other else "Employer"
            conn.execute("INSERT OR REPLACE INTO nodes VALUES (?,?,?,?)",
                         (canonical, kind, props.get("name"), dumps(props)))
            conn.execute("DELETE FROM nodes WHERE id = ?", (alias,))
        for end in ("src", "dst"):
            conn.execute(f"UPDATE OR IGNORE edges SET {end} = ? WHERE {end} = ?", (canonical, alias))
            conn.execute(f"DELETE FROM edges WHERE {end} = ?", (alias,))

    def add_problems(self, problems: Iterable[RecordProblem]) -> int:
        rows = [(_text(p.file), p.line, _text(p.field), _text(p.reason), _text(p.raw[:2000]),
                 p.severity) for p in problems]
        before = self.conn.total_changes
        with self._transaction() as conn:
            conn.executemany("INSERT OR IGNORE INTO quarantine VALUES (?,?,?,?,?,?)", rows)
        return self.conn.total_changes - before

    def clear_problems(self, files: Iterable[str]) -> int:
        before = self.conn.total_changes
        with self._transaction() as conn:
            conn.executemany("DELETE FROM quarantine WHERE file = ?", [(f,) for f in files])
        return self.conn.total_changes - before

    def case_ids_for_number(self, case_number: str) -> list[str]:
        rows = self.conn.execute("SELECT case_id FROM documents WHERE case_number = ? ORDER BY 1",
                                 (normalize_case_number(case_number),))
        return [r[0] for r in rows]

    # -- reading -------------------------------------------------------------------------
    def counts(self) -> dict[str, dict[str, int]]:
        c = self.conn
        return {
            "nodes": dict(c.execute("SELECT kind, count(*) FROM nodes GROUP BY kind ORDER BY kind")),
            "edges": dict(c.execute("SELECT kind, count(*) FROM edges GROUP BY kind ORDER BY kind")),
            "documents": {"total": c.execute("SELECT count(*) FROM documents").fetchone()[0]},
            "quarantine": dict(c.execute(
                "SELECT severity, count(*) FROM quarantine GROUP BY severity ORDER BY 1")),
        }

    def keys_version(self) -> int | None:
        """The identity rules' version the workspace's node ids were made with, or None when it
        records none (empty, or written before versions were recorded)."""
        row = self.conn.execute("SELECT value FROM meta WHERE key = ?", (KEYS_KEY,)).fetchone()
        return int(row[0]) if row else None

    def record_keys_version(self, version: int) -> None:
        with self._transaction() as conn:
            conn.execute("INSERT OR REPLACE INTO meta VALUES (?, ?)", (KEYS_KEY, str(version)))

    def check_keys_version(self) -> None:
        """See :meth:`GraphStore.check_keys_version`. An empty workspace takes the current
        version; one holding documents without a version was made before versions were
        recorded, by older rules."""
        stored = self.keys_version()
        if stored == KEYS_VERSION:
            return
        if stored is None and not self.counts().get("documents", {}).get("total", 0):
            self.record_keys_version(KEYS_VERSION)
            return
        made = f"version {stored}" if stored is not None else "an older version"
        raise StoreError(
            f"workspace {self.path}: its node ids were made by {made} of ringtrace's identity "
            f"rules, this ringtrace makes version {KEYS_VERSION}; ingesting into it would store "
            "documents already held a second time. Ingest everything into a new workspace "
            "(ringtrace -w NEW_DIR ingest ...); this one stays readable as it is")

    def data_generation(self) -> int | None:
        row = self.conn.execute("SELECT value FROM meta WHERE key = ?",
                                (GENERATION_KEY,)).fetchone()
        return int(row[0]) if row else 0

    def node(self, node_id: str) -> Node | None:
        nid = self._resolve(node_id)
        row = self.conn.execute("SELECT id, kind, props FROM nodes WHERE id = ?", (nid,)).fetchone()
        return Node(row[0], row[1], json.loads(row[2])) if row else None

    def find_nodes(self, kind: str, text: str, limit: int = 50) -> list[Node]:
        c = self.conn
        candidates = [text, *(self._resolve(i) for i in lookup_ids(kind, text)[1:])]
        # by id, name or USCC, each through its own index (one query with OR between them
        # reads every node of the kind: a tenth of a second per lookup at 50,000 cases)
        rows = c.execute(
            f"SELECT id, kind, props FROM nodes WHERE id IN ({','.join('?' * len(candidates))}) "
            "AND kind = ? UNION SELECT id, kind, props FROM nodes WHERE kind = ? AND name = ? "
            "UNION SELECT id, kind, props FROM nodes WHERE json_extract(props, '$.uscc') = ? "
            "AND kind = ? ORDER BY id LIMIT ?",
            (*candidates, kind, kind, text, text.upper(), kind, limit)).fetchall()
        if not rows:
            like = "%" + text.replace("\\", "\\\\").replace("%", r"\%").replace("_", r"\_") + "%"
            rows = c.execute("SELECT id, kind, props FROM nodes WHERE kind = ? AND name LIKE ? "
                             "ESCAPE '\\' ORDER BY id LIMIT ?", (kind, like, limit)).fetchall()
        return [Node(r[0], r[1], json.loads(r[2])) for r in rows]

    def edges_of(self, node_id: str, kinds: Iterable[str] | None = None) -> list[Edge]:
        nid = self._resolve(node_id)
        rows = self.conn.execute(
            "SELECT src, dst, kind, source_doc, props FROM edges WHERE src = ? "
            "UNION ALL SELECT src, dst, kind, source_doc, props FROM edges WHERE dst = ?",
            (nid, nid)).fetchall()
        wanted = set(kinds) if kinds is not None else None
        out = [Edge(r[0], r[1], r[2], r[3], json.loads(r[4])) for r in rows
               if wanted is None or r[2] in wanted]
        return sorted(out, key=lambda e: (e.kind, e.src, e.dst, e.source_doc))

    def iter_nodes(self, kind: str | None = None) -> Iterator[Node]:
        for r in self._of_kind("SELECT id, kind, props FROM nodes", "id", kind):
            yield Node(r[0], r[1], loads(r[2]))

    def iter_edges(self, kind: str | None = None) -> Iterator[Edge]:
        for r in self._of_kind("SELECT src, dst, kind, source_doc, props FROM edges",
                               "src, dst, kind, source_doc", kind):
            yield Edge(r[0], r[1], r[2], r[3], json.loads(r[4]))

    def _of_kind(self, select: str, order: str, kind: str | None) -> sqlite3.Cursor:
        """The rows of ``select`` (of the nodes or edges of ``kind``, or all of them) in
        ``order``."""
        if kind:
            return self.conn.execute(f"{select} WHERE kind = ? ORDER BY {order}", (kind,))
        return self.conn.execute(f"{select} ORDER BY {order}")

    def node_fields(self, kind: str, fields: Sequence[str]) -> Iterator[tuple[str, NodeProps]]:
        # parsing the whole small props blob in Python beats json_extract per field (SQLite
        # before 3.45 re-parses the blob on every call)
        for node_id, props in self.conn.execute(
                "SELECT id, props FROM nodes WHERE kind = ? ORDER BY id", (kind,)):
            yield node_id, node_props(_picked(props, fields))

    def edge_fields(self, kind: str, fields: Sequence[str]
                    ) -> Iterator[tuple[str, str, EdgeProps]]:
        for src, dst, props in self.conn.execute(
                "SELECT src, dst, props FROM edges WHERE kind = ? "
                "ORDER BY src, dst, kind, source_doc", (kind,)):
            yield src, dst, edge_props(_picked(props, fields))

    def node_values(self, kind: str, fields: Sequence[str]) -> Iterator[tuple[str, list[Any]]]:
        picked, paths, parse = _json_values(fields)
        for node_id, values in self.conn.execute(
                f"SELECT id, {picked} FROM nodes WHERE kind = ? ORDER BY id", (*paths, kind)):
            yield node_id, parse(values)

    def edge_values(self, kind: str, fields: Sequence[str]
                    ) -> Iterator[tuple[str, str, list[Any]]]:
        picked, paths, parse = _json_values(fields)
        for src, dst, values in self.conn.execute(
                f"SELECT src, dst, {picked} FROM edges WHERE kind = ? "
                "ORDER BY src, dst, kind, source_doc", (*paths, kind)):
            yield src, dst, parse(values)

    def edge_values_into(self, kind: str, dsts: Iterable[str], fields: Sequence[str]
                         ) -> Iterator[tuple[str, str, list[Any]]]:
        picked, paths, parse = _json_values(fields)
        for chunk in _chunks(sorted(set(dsts))):
            marks = ",".join("?" * len(chunk))
            for src, dst, values in self.conn.execute(
                    f"SELECT src, dst, {picked} FROM edges WHERE dst IN ({marks}) AND kind = ?",
                    (*paths, *chunk, kind)):
                yield src, dst, parse(values)

    def edge_pairs(self, kinds: Iterable[str]) -> Iterator[tuple[str, str]]:
        for kind in kinds:
            yield from self.conn.execute(
                "SELECT src, dst FROM edges WHERE kind = ? ORDER BY src, dst, source_doc", (kind,))

    def edge_pairs_utf8(self, kinds: Iterable[str]) -> Iterator[tuple[bytes, bytes]]:
        for kind in kinds:
            yield from self.conn.execute(
                "SELECT CAST(src AS BLOB), CAST(dst AS BLOB) FROM edges WHERE kind = ? "
                "ORDER BY src, dst, source_doc", (kind,))

    def document(self, case_id: str) -> CaseRecordJson | None:
        row = self.conn.execute("SELECT record FROM documents WHERE case_id = ?",
                                (case_id,)).fetchone()
        return json.loads(row[0]) if row else None

    def aliases(self) -> dict[str, str]:
        return dict(sorted(self._aliases.items()))

    def iter_document_rows(self) -> Iterator[Document]:
        for case_id, sha, path, record in self.conn.execute(
                "SELECT case_id, sha256, source_path, record FROM documents ORDER BY case_id"):
            yield Document(case_id, json.loads(record), sha, path)

    def document_hashes(self) -> Iterator[tuple[str, str]]:
        yield from self.conn.execute("SELECT case_id, sha256 FROM documents ORDER BY case_id")

    def snapshot(self) -> str:
        """:meth:`GraphStore.snapshot`, read again only when the data generation moved since
        the last one (every write that changes a document moves it, in its transaction): a
        scan asks at its start and again as it stores its results (~0.2 s each at 60,000
        documents), and the command's audit entry once more. The generation and the hashes
        are read in one read transaction, so they agree whatever another process commits; a
        snapshot read inside a transaction already open is not kept (its writes, if any, may
        still be rolled back)."""
        outer = self.conn.in_transaction
        with self._reading():
            generation = self.data_generation()
            if self._snapshot is not None and self._snapshot[0] == generation:
                return self._snapshot[1]
            now = super().snapshot()
        if not outer:
            self._snapshot = (generation, now)
        return now

    def iter_case_evidence(self) -> Iterator[tuple[str, list[dict[str, str]], list[float]]]:
        for case_id, spans, amounts in self.conn.execute(
                "SELECT case_id, json_extract(record, '$.spans'), "
                "json_extract(record, '$.claim_amounts') FROM documents ORDER BY case_id"):
            yield case_id, loads(spans) if spans else [], loads(amounts) if amounts else []

    def iter_documents(self) -> Iterator[tuple[str, CaseRecordJson]]:
        """Every stored case record with its case id, ordered by case id."""
        for case_id, record in self.conn.execute(
                "SELECT case_id, record FROM documents ORDER BY case_id"):
            yield case_id, json.loads(record)

    def problems(self, limit: int | None = None) -> list[RecordProblem]:
        sql = ("SELECT file, line, field, reason, raw, severity FROM quarantine "
               "ORDER BY file, line, field, reason")
        if limit is not None:
            sql += f" LIMIT {int(limit)}"
        return [RecordProblem(*r) for r in self.conn.execute(sql)]

    # -- scan results --------------------------------------------------------------------
    # Small parts (meta, rings, leads, groups) are zlib-compressed JSON in ``scan``; case rows
    # and findings are compressed blocks in ``scan_block`` with findings about employers,
    # agents and persons indexed in ``scan_subject`` (:mod:`~ringtrace.graph.store.scan_blocks`),
    # so a query reads the few rows it shows. Compressed because a scan's findings are hundreds
    # of megabytes of repetitive text that shrink about tenfold: far fewer pages are written
    # (twice, through the write-ahead log) and the next save has far fewer to free.
    def save_scan(self, scan: ScanJson) -> None:
        self._save_scan(scan, None)

    def save_scan_if_unchanged(self, scan: ScanJson, snapshot: str) -> None:
        self._save_scan(scan, snapshot)

    def _save_scan(self, scan: ScanJson, snapshot: str | None) -> None:
        layout, blocks, subjects = scan_blocks.encode(scan, uuid.uuid4().hex)
        parts = scan_blocks.small_parts(scan)
        parts[scan_blocks.LAYOUT_KEY] = layout.to_json()
        rows = [(key, scan_blocks.pack(value)) for key, value in sorted(parts.items())]
        # one transaction: a reader sees the previous scan until COMMIT, then the new one, and a
        # crash before COMMIT leaves the previous scan in place
        with self._transaction() as conn:
            if snapshot is not None and (now := self.snapshot()) != snapshot:
                raise snapshot_changed(snapshot, now)
            for table in ("scan", "scan_block", "scan_subject"):
                conn.execute(f"DELETE FROM {table}")
            conn.executemany("INSERT INTO scan VALUES (?, ?)", rows)
            conn.executemany("INSERT INTO scan_block VALUES (?, ?, ?, ?)", blocks)
            conn.executemany("INSERT INTO scan_subject VALUES (?, ?)", subjects)

    def load_scan(self) -> ScanJson | None:
        with self._reading() as conn:
            parts = self._scan_parts(conn)
            if parts is None:
                return None
            if scan_blocks.LAYOUT_KEY not in parts:
                return self._whole_parts(parts)  # scanned before blocks: every part whole
            return scan_blocks.assemble(parts, conn.execute(
                "SELECT part, block, value FROM scan_block ORDER BY part, block"))

    def scan_reader(self) -> ScanReader | None:
        with self._reading() as conn:
            parts = self._scan_parts(conn)
        if parts is None:
            return None
        if scan_blocks.LAYOUT_KEY not in parts:
            return WholeScan(self._whole_parts(parts))
        return BlockScanReader(self.path / DB_NAME, parts)

    @staticmethod
    def _scan_parts(conn: sqlite3.Connection) -> StoredParts | None:
        rows = conn.execute("SELECT key, value FROM scan").fetchall()
        # workspaces scanned before compression hold the JSON as text
        parts = {key: scan_blocks.unpack(value) for key, value in rows}
        return cast("StoredParts", parts) if rows else None

    @staticmethod
    def _whole_parts(parts: StoredParts) -> ScanJson:
        """The parts of a scan stored before blocks (no layout): the whole scan."""
        return cast("ScanJson", parts)

    @contextmanager
    def _reading(self) -> Iterator[sqlite3.Connection]:
        """A read transaction: its statements see one state of the database, whatever
        another process commits meanwhile (inside a write transaction, that one)."""
        conn = self.conn
        if conn.in_transaction:
            yield conn
            return
        conn.execute("BEGIN")
        try:
            yield conn
        finally:
            conn.execute("COMMIT")

    # -- entity resolution (ringtrace.resolve) -------------------------------------------
    # ``resolve_judgements``: analysts' same / not-same / split judgements, append-only (a
    # re-ingest never touches them); ``resolve_state``: the last resolution (zlib JSON) and
    # the fingerprint of the store and judgements it was computed from.
    def judgement_rows(self) -> list[JudgementRow]:
        # a row is what add_judgement_row stored, with its sequence number
        return [cast("JudgementRow", {**loads(row), "seq": seq}) for seq, row in
                self.conn.execute("SELECT seq, row FROM resolve_judgements ORDER BY seq")]

    def add_judgement_row(self, row: JudgementRow) -> int:
        with self.conn:
            cur = self.conn.execute("INSERT INTO resolve_judgements (row) VALUES (?)",
                                    (dumps({k: v for k, v in row.items() if k != "seq"}),))
        return int(cur.lastrowid or 0)

    def save_resolution(self, fingerprint: str, data: JsonObject) -> None:
        self.resolution_saves += 1
        blob = zlib.compress(dumps_utf8(data), 1)
        with self.conn:
            self.conn.execute("DELETE FROM resolve_state")
            self.conn.executemany("INSERT INTO resolve_state VALUES (?, ?)",
                                  [("fingerprint", fingerprint.encode()), ("resolution", blob)])

    def load_resolution(self) -> tuple[str, JsonObject] | None:
        rows = dict(self.conn.execute("SELECT key, value FROM resolve_state"))
        if "fingerprint" not in rows or "resolution" not in rows:
            return None
        return bytes(rows["fingerprint"]).decode(), loads(zlib.decompress(rows["resolution"]))


def _ensure_read_indexes(conn: sqlite3.Connection) -> None:
    """Create the read indexes a workspace lacks (a new one, or one made by an older ringtrace),
    unless a load is writing without them or was cut short (:data:`DEFERRED_KEY`). Checked and
    created in one write transaction, so a load that drops them between the check and the
    creation is seen; when another process holds the write lock (a load under way) nothing is
    created: the indexes only speed reads up, and the load or the next writer builds them."""
    present = {name for (name,) in conn.execute(
        "SELECT name FROM sqlite_master WHERE type = 'index'")}
    if present >= set(_READ_INDEXES) or _deferred(conn):
        return
    try:
        conn.execute("BEGIN IMMEDIATE")
    except sqlite3.OperationalError:  # busy: a writer is at work
        return
    try:
        if not _deferred(conn):
            for sql in _READ_INDEXES.values():
                conn.execute(sql)
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise


def _deferred(conn: sqlite3.Connection) -> bool:
    """Are the read indexes dropped for a load (running, or cut short)?"""
    return conn.execute("SELECT 1 FROM meta WHERE key = ?", (DEFERRED_KEY,)).fetchone() is not None


def _same(node_id: str) -> str:
    return node_id


class _Pending:
    """A node of a batch being written: its row as encoded while it occurs once, its
    properties merged (:func:`merge_props`, in batch order) once it occurs again."""

    __slots__ = ("_name", "_props", "_text", "kind")

    def __init__(self, kind: str, name: str | None, text: str) -> None:
        self.kind, self._name = kind, name
        self._text: str | None = text
        self._props: NodeProps | None = None

    def add(self, kind: str, text: str) -> None:
        self.kind, self._name = kind, None
        if self._props is None and text == self._text and "[" not in text:
            return  # the same properties again (no list to unite): nothing to merge
        self._props = merge_props(self.props(), loads(text))
        self._text = None

    def props(self) -> NodeProps:
        if self._props is None:
            assert self._text is not None
            self._props = loads(self._text)
        return self._props

    def text(self) -> str:
        return self._text if self._text is not None else dumps(self.props())

    def name(self, node_id: str) -> str:
        return self._name if self._name is not None else Node(node_id, self.kind,
                                                               self.props()).name


def _merged_nodes(rows: list[NodeRow], resolve: Callable[[str], str]) -> dict[str, _Pending]:
    """The batch's nodes by resolved id, in order of first occurrence."""
    merged: dict[str, _Pending] = {}
    for node_id, kind, name, text in rows:
        nid = resolve(node_id)
        pending = merged.get(nid)
        if pending is None:
            merged[nid] = _Pending(kind, name if nid == node_id else None, text)
        else:
            pending.add(kind, text)
    return merged


_SURROGATE = re.compile("[\ud800-\udfff]")


def _text(value: str) -> str:
    """Text SQLite can store: unpaired surrogates (from undecodable input) become U+FFFD."""
    return value if value.isascii() else _SURROGATE.sub("\ufffd", value)


def _busy(lock: Path, doing: str) -> str:
    holder = ""
    with contextlib.suppress(OSError):
        holder = lock.read_text("utf-8").strip()
    pid, _, command = holder.partition(" ")
    who = f"another ringtrace {command or 'process'}" + (f" (pid {pid})" if pid else "")
    return (f"{who} {doing} this workspace ({lock.parent}); wait for it to finish or use another "
            "workspace (--workspace)")


#: descriptors of the writer locks this process holds; a forked child closes its copies
_HELD: set[int] = set()


def _close_inherited_locks() -> None:
    for fd in list(_HELD):
        with contextlib.suppress(OSError):
            os.close(fd)
    _HELD.clear()


if hasattr(os, "register_at_fork"):
    os.register_at_fork(after_in_child=_close_inherited_locks)


def _lock_now(fh: TextIO) -> None:
    """An exclusive lock on the open file, or OSError at once if another process holds one."""
    if sys.platform == "win32":
        import msvcrt

        fh.seek(0)
        msvcrt.locking(fh.fileno(), msvcrt.LK_NBLCK, 1)
    else:
        import fcntl

        fcntl.flock(fh.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)


def _acquire(lock: Path, command: str) -> TextIO:
    """Take the workspace's writer lock without waiting; :class:`WorkspaceBusy` if it is held."""
    fh = lock.open("a+", encoding="utf-8")
    try:
        _lock_now(fh)
    except OSError as exc:
        fh.close()
        raise WorkspaceBusy(_busy(lock, "is running on")) from exc
    fh.seek(0)
    fh.truncate()
    fh.write(f"{os.getpid()} {command}\n")
    fh.flush()
    _HELD.add(fh.fileno())
    return fh
