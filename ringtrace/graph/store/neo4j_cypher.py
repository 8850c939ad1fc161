"""The Cypher text of the Neo4j store, built once from the schema declaration.

Cypher is never assembled from data: values travel as parameters, and the only names written
into query text are labels and relationship types taken from the schema
(:func:`ringtrace.graph.model.schema`), each checked to be a plain identifier by :func:`label`.

>>> label("Person")
'`Person`'
>>> label("Person`) DETACH DELETE (n")
Traceback (most recent call last):
...
ringtrace.errors.StoreError: schema name 'Person`) DETACH DELETE (n' is not a plain identifier; \
refusing to use it as a Neo4j label or relationship type
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property

from ringtrace.errors import StoreError
from ringtrace.graph.model import Schema

_IDENTIFIER = re.compile(r"^[A-Za-z][A-Za-z0-9_]*$")


def label(name: str) -> str:
    if not _IDENTIFIER.match(name):
        raise StoreError(f"schema name {name!r} is not a plain identifier; refusing to use it "
                         "as a Neo4j label or relationship type")
    return f"`{name}`"


@dataclass(frozen=True)
class Statements:
    """Cypher text per node kind / relationship type, derived from the schema only."""

    graph: Schema

    @cached_property
    def node_kinds(self) -> tuple[str, ...]:
        return tuple(sorted(self.graph.nodes))

    @cached_property
    def edge_kinds(self) -> tuple[str, ...]:
        return tuple(sorted(self.graph.edges))

    @cached_property
    def merge_nodes(self) -> dict[str, str]:
        out = {}
        for kind in self.node_kinds:
            others = "".join(f":{label(k)}" for k in self.node_kinds if k != kind)
            out[kind] = ("UNWIND $rows AS row MERGE (n:RtNode {id: row.id}) "
                         f"SET n = row.props, n:{label(kind)}"
                         + (f" REMOVE n{others}" if others else ""))
        return out

    @cached_property
    def merge_edges(self) -> dict[str, str]:
        return {kind: ("UNWIND $rows AS row "
                       "MATCH (a:RtNode {id: row.src}) USING INDEX a:RtNode(id) "
                       "MATCH (b:RtNode {id: row.dst}) USING INDEX b:RtNode(id) "
                       f"MERGE (a)-[r:{label(kind)} {{source_doc: row.doc}}]->(b) "
                       "SET r = row.props RETURN count(r) AS n")
                for kind in self.edge_kinds}

    @cached_property
    def delete_doc_edges(self) -> str:
        calls = " ".join(
            f"CALL (d) {{ MATCH ()-[r:{label(kind)} {{source_doc: d}}]->() "
            f"USING INDEX r:{label(kind)}(source_doc) DELETE r }}"
            for kind in self.edge_kinds)
        # Only documents already stored can have relationships to replace.
        return ("UNWIND $docs AS d MATCH (:RtDocument {case_id: d}) "
                f"WITH DISTINCT d {calls}")

    @cached_property
    def move_edges(self) -> dict[str, tuple[str, str]]:
        """Per type: (re-point alias's outgoing to canonical, re-point its incoming)."""
        out = {}
        for kind in self.edge_kinds:
            t = label(kind)
            out[kind] = (
                f"MATCH (a:RtNode {{id: $alias}})-[r:{t}]->(b) MATCH (c:RtNode {{id: $canonical}}) "
                f"MERGE (c)-[n:{t} {{source_doc: r.source_doc}}]->(b) "
                "ON CREATE SET n = properties(r) DELETE r",
                f"MATCH (b)-[r:{t}]->(a:RtNode {{id: $alias}}) MATCH (c:RtNode {{id: $canonical}}) "
                f"MERGE (b)-[n:{t} {{source_doc: r.source_doc}}]->(c) "
                "ON CREATE SET n = properties(r) DELETE r",
            )
        return out

    @cached_property
    def count_nodes(self) -> str:
        parts = " UNION ALL ".join(f"MATCH (n:{label(k)}) RETURN '{k}' AS k, count(n) AS c"
                                   for k in self.node_kinds)
        return f"CALL () {{ {parts} }} RETURN k, c"

    @cached_property
    def count_edges(self) -> str:
        parts = " UNION ALL ".join(
            f"MATCH ()-[r:{label(k)}]->() RETURN '{k}' AS k, count(r) AS c"
            for k in self.edge_kinds)
        return f"CALL () {{ {parts} }} RETURN k, c"

    @cached_property
    def schema_statements(self) -> list[str]:
        stmts = [
            "CREATE CONSTRAINT rt_node_id IF NOT EXISTS FOR (n:RtNode) REQUIRE n.id IS UNIQUE",
            "CREATE CONSTRAINT rt_document_case_id IF NOT EXISTS "
            "FOR (d:RtDocument) REQUIRE d.case_id IS UNIQUE",
            "CREATE CONSTRAINT rt_alias_alias IF NOT EXISTS "
            "FOR (a:RtAlias) REQUIRE a.alias IS UNIQUE",
            "CREATE CONSTRAINT rt_problem_key IF NOT EXISTS "
            "FOR (p:RtProblem) REQUIRE p.key IS UNIQUE",
            "CREATE CONSTRAINT rt_scan_key IF NOT EXISTS FOR (s:RtScan) REQUIRE s.key IS UNIQUE",
            "CREATE CONSTRAINT rt_meta_key IF NOT EXISTS FOR (m:RtMeta) REQUIRE m.key IS UNIQUE",
            "CREATE INDEX rt_document_case_number IF NOT EXISTS "
            "FOR (d:RtDocument) ON (d.case_number)",
        ]
        for kind in self.node_kinds:
            spec = self.graph.nodes[kind]
            props = sorted({"rt_name", spec.caption} | ({"uscc"} & set(spec.properties)))
            for prop in props:
                stmts.append(f"CREATE INDEX rt_{kind.lower()}_{prop} IF NOT EXISTS "
                             f"FOR (n:{label(kind)}) ON (n.{label(prop)})")
        for kind in self.edge_kinds:
            stmts.append(f"CREATE INDEX rt_rel_{kind.lower()}_source_doc IF NOT EXISTS "
                         f"FOR ()-[r:{label(kind)}]-() ON (r.source_doc)")
        return stmts
