"""Neo4jStore against a real server: same answers as the SQLite workspace, safe with any text."""

from __future__ import annotations

import networkx as nx
import pytest

from ringtrace.errors import StoreError
from ringtrace.graph.build import case_batch, registry_batch
from ringtrace.graph.elements import Document, Edge, GraphBatch, Node
from ringtrace.graph.identity import employer_id
from ringtrace.graph.props import AnyProps, edge_props, node_props
from ringtrace.graph.records import RegistryRecord
from ringtrace.graph.store import open_store
from ringtrace.graph.store.neo4j import Neo4jStore
from ringtrace.graph.store.neo4j_props import decode_props, encode_props
from ringtrace.graph.store.neo4j_uri import mask_uri
from ringtrace.graph.store.sqlite import SQLiteStore
from tests.neo4j.province_data import (
    INTERMEDIARY,
    NASTY_EMPLOYER,
    NASTY_NAMES,
    PROBLEMS,
    SCAN,
    SHAM,
    SHAM_FORMER,
    SHAM_USCC,
    load_province,
    province_records,
    snapshot,
)

pytestmark = pytest.mark.neo4j

FIND_QUERIES = [
    ("Employer", SHAM), ("Employer", SHAM_FORMER), ("Employer", SHAM_USCC.lower()),
    ("Employer", "宏达"), ("Employer", "公司"), ("Employer", "robert'); drop"),
    ("Employer", NASTY_EMPLOYER), ("Employer", "%"), ("Employer", "_"), ("Employer", "无此公司"),
    ("Person", INTERMEDIARY), ("Person", "申请人"), ("Person", "o'brien"), ("Person", "MATCH"),
    ("Person", "match (n)"), ("Person", "王\n五"), ("Case", "安劳人仲案字"),
    ("Case", "(2019)豫0502民初2020号"), ("LawFirm", "律师"), ("Identifier", "138"),
    ("Forum", "法院"), ("BackPayment", "2001"), ("NoSuchKind", "x"),
]


@pytest.fixture
def both(neo4j_store: Neo4jStore, sqlite_store: SQLiteStore) -> tuple[SQLiteStore, Neo4jStore]:
    load_province(sqlite_store)
    load_province(neo4j_store)
    return sqlite_store, neo4j_store


def test_counts_and_full_contents_match_the_workspace(both: tuple[SQLiteStore, Neo4jStore]) -> None:
    lite, neo = both
    assert neo.counts() == lite.counts()
    assert neo.counts()["nodes"]["Employer"] == 4
    assert neo.counts()["quarantine"] == {"error": 2, "warning": 1}
    assert snapshot(neo) == snapshot(lite)


def test_iteration_by_kind_and_order_match(both: tuple[SQLiteStore, Neo4jStore]) -> None:
    lite, neo = both
    for kind in ("Person", "Employer", "Case", "Forum", "Identifier", "LawFirm", "BackPayment",
                 "Unknown"):
        assert list(neo.iter_nodes(kind)) == list(lite.iter_nodes(kind)), kind
    for kind in ("PARTY_IN", "AGENT_IN", "REPRESENTS", "HAS_PHONE", "HAS_ADDRESS", "LEGAL_REP_OF",
                 "BACKPAY_BASIS", "NOT_A_TYPE"):
        assert list(neo.iter_edges(kind)) == list(lite.iter_edges(kind)), kind
    ids = [n.id for n in neo.iter_nodes()]
    assert ids == sorted(ids)


def test_node_lookup_resolves_aliases_like_the_workspace(
        both: tuple[SQLiteStore, Neo4jStore]) -> None:
    lite, neo = both
    former = f"Employer:{SHAM_FORMER}"
    node = neo.node(former)
    assert node is not None and node.id == f"Employer:{SHAM}"
    assert node.props["uscc"] == SHAM_USCC and node.props["former_names"] == [SHAM_FORMER]
    for nid in [former, "Employer:nobody", *(n.id for n in lite.iter_nodes())]:
        assert neo.node(nid) == lite.node(nid), nid
    assert neo.aliases() == {former: f"Employer:{SHAM}"}


def test_find_nodes_matches_the_workspace(both: tuple[SQLiteStore, Neo4jStore]) -> None:
    lite, neo = both
    for kind, text in FIND_QUERIES:
        assert neo.find_nodes(kind, text) == lite.find_nodes(kind, text), (kind, text)
        assert neo.find_nodes(kind, text, limit=2) == lite.find_nodes(kind, text, limit=2)
    assert [n.id for n in neo.find_nodes("Employer", "ROBERT')")] == [
        n.id for n in lite.find_nodes("Employer", "robert')")]


def test_edges_of_with_kind_filters_match(both: tuple[SQLiteStore, Neo4jStore]) -> None:
    lite, neo = both
    sham = f"Employer:{SHAM}"
    for kinds in (None, ["PARTY_IN"], ["HAS_PHONE", "HAS_ADDRESS"], []):
        assert neo.edges_of(sham, kinds) == lite.edges_of(sham, kinds)
    assert len(neo.edges_of(sham, ["PARTY_IN"])) == 8
    assert neo.edges_of(f"Employer:{SHAM_FORMER}") == lite.edges_of(sham)


def test_documents_problems_scan_and_case_numbers_match(
        both: tuple[SQLiteStore, Neo4jStore]) -> None:
    lite, neo = both
    assert neo.load_scan() == SCAN == lite.load_scan()
    assert neo.problems() == lite.problems()
    assert neo.problems(limit=2) == lite.problems(limit=2)
    assert len(neo.problems()) == len(PROBLEMS) - 1  # the duplicate row is kept once
    assert list(neo.iter_documents()) == list(lite.iter_documents())
    for number in ("（2019）豫0502民初2020号", "(2019)豫0502民初2020号", "安劳人仲案字〔2019〕第100号",
                   "(2099)无此号"):
        assert neo.case_ids_for_number(number) == lite.case_ids_for_number(number)
    assert neo.document("Case:none") is None
    assert neo.add_problems(PROBLEMS) == 0 == lite.add_problems(PROBLEMS)


def test_networkx_views_match(both: tuple[SQLiteStore, Neo4jStore]) -> None:
    lite, neo = both
    # seeds whose neighbourhood has no Forum/Identifier node: their "kind" property collides
    # with the view's own "kind" attribute in GraphStore._graph (reported to the lead)
    seeds = [n.id for n in lite.find_nodes("Person", "申请人甲")
             + lite.find_nodes("Person", "申请人乙")]
    a, b = neo.neighbourhood(seeds, hops=1), lite.neighbourhood(seeds, hops=1)
    # two applicants and the back-payment persons of the same names, their cases and payments
    assert a.number_of_nodes() == 8 and a.number_of_edges() == 4
    assert nx.utils.graphs_equal(a, b)
    assert list(a.nodes(data=True)) == list(b.nodes(data=True))
    assert list(a.edges(keys=True, data=True)) == list(b.edges(keys=True, data=True))
    assert nx.utils.graphs_equal(neo.to_networkx(), lite.to_networkx())


def test_hostile_names_round_trip_intact(both: tuple[SQLiteStore, Neo4jStore]) -> None:
    lite, neo = both
    names = {n.props["name"] for n in neo.iter_nodes("Person")}
    assert set(NASTY_NAMES) <= names
    employers = neo.find_nodes("Employer", NASTY_EMPLOYER)
    assert [e.props["name"] for e in employers] == [NASTY_EMPLOYER]
    for name in NASTY_NAMES:
        found = neo.find_nodes("Person", name)
        assert [n.props["name"] for n in found] == [name], repr(name)
    _, cases, _ = province_records()
    for record in cases[-len(NASTY_NAMES):]:
        cid = case_batch(record).documents[0].case_id
        assert neo.document(cid) == record.to_dict() == lite.document(cid)
    # the statements that name these people ran as parameters, so the graph is still whole
    assert neo.counts() == lite.counts()


def test_writing_twice_changes_nothing(both: tuple[SQLiteStore, Neo4jStore]) -> None:
    lite, neo = both
    before = snapshot(neo)
    load_province(neo)
    assert snapshot(neo) == before == snapshot(lite)


def test_rewriting_a_document_replaces_its_relationships(
        both: tuple[SQLiteStore, Neo4jStore]) -> None:
    lite, neo = both
    _, cases, _ = province_records()
    record = cases[0]
    record.agents = []
    record.parties[0].address = None
    for store in both:
        store.write_batch(case_batch(record))
    cid = case_batch(record).documents[0].case_id
    kinds = {e.kind for e in neo.edges_of(cid)}
    assert "AGENT_IN" not in kinds and "PARTY_IN" in kinds
    assert snapshot(neo) == snapshot(lite)


def test_alias_added_later_merges_the_old_node(
        neo4j_store: Neo4jStore, sqlite_store: SQLiteStore) -> None:
    old, new = "Employer:旧名厂", "Employer:新名有限公司"
    batch = GraphBatch(
        nodes=[Node(old, "Employer", {"name": "旧名厂", "phone": "1", "former_names": ["甲"]}),
               Node(new, "Employer", {"name": "新名有限公司", "former_names": ["乙"]}),
               Node("Case:1", "Case", {"case_number": "1"}),
               Node("Person:x|b:1", "Person", {"name": "x"})],
        edges=[Edge(old, "Case:1", "PARTY_IN", "Case:1", {"role": "defendant"}),
               Edge(new, "Case:1", "PARTY_IN", "Case:1", {"role": "plaintiff"}),
               Edge("Person:x|b:1", old, "LEGAL_REP_OF", "registry:1", {"title": "厂长"}),
               Edge(old, old, "HAS_PHONE", "odd-self-loop")])
    for store in (neo4j_store, sqlite_store):
        store.write_batch(batch)
        store.write_batch(GraphBatch(aliases=[(old, new), (new, new)]))
        store.write_batch(GraphBatch(aliases=[(old, new)]))  # again: no change
    assert snapshot(neo4j_store) == snapshot(sqlite_store)
    merged = neo4j_store.node(old)
    assert merged is not None and merged.id == new
    assert merged.props["former_names"] == ["甲", "乙"] and merged.props["phone"] == "1"
    assert [e.props["role"] for e in neo4j_store.edges_of(new, ["PARTY_IN"])] == ["plaintiff"]


def test_property_values_keep_their_types(neo4j_store: Neo4jStore,
                                          sqlite_store: SQLiteStore) -> None:
    props = {"name": "类型", "count": 3, "big": 2**70, "ratio": 0.25, "whole": 2.0, "flag": False,
             "tags": ["a", "b"], "mixed": ["a", 1], "nested": {"k": [1, {"z": None}]},
             "id": "shadow", "rt_kind": "shadow", "ints": [1, 2], "empty": [], "none": None}
    # props of no declared property, of every shape a store must keep as it was given
    batch = GraphBatch(nodes=[Node("Person:类型", "Person", node_props(props)),
                              Node("Case:t", "Case", {})],
                       edges=[Edge("Person:类型", "Case:t", "PARTY_IN", "Case:t", edge_props(
                           {"source_doc": "shadow", "represents": ["a"], "n": {"x": 1}}))])
    for store in (neo4j_store, sqlite_store):
        store.write_batch(batch)
    assert snapshot(neo4j_store) == snapshot(sqlite_store)
    node = neo4j_store.node("Person:类型")
    assert node is not None
    read: AnyProps = node.props
    assert type(read["whole"]) is float and type(read["count"]) is int
    assert read["big"] == 2**70 and read["id"] == "shadow"
    stored = neo4j_store.query("MATCH (n:RtNode {id: $id}) RETURN properties(n) AS p",
                               id="Person:类型")[0]["p"]
    assert isinstance(stored, dict)
    assert stored["tags"] == ["a", "b"] and stored["rt_kind"] == "Person"
    assert decode_props(encode_props(props, frozenset({"id"})), frozenset({"id"})) == {
        k: v for k, v in sorted(props.items())}


def test_graph_layout_uses_schema_labels_and_constraints(both: tuple[SQLiteStore, Neo4jStore]
                                                         ) -> None:
    _, neo = both
    rows = neo.query("MATCH (n:RtNode) RETURN DISTINCT labels(n) AS l")
    labels = [r["l"] for r in rows if isinstance(r["l"], list)]
    assert len(labels) == len(rows)
    assert all(len(node_labels) == 2 and "RtNode" in node_labels for node_labels in labels)
    assert {lbl for node_labels in labels for lbl in node_labels} - {"RtNode"} == set(
        neo.counts()["nodes"])
    rels = neo.query("MATCH ()-[r]->() WHERE r.source_doc IS NULL RETURN count(r) AS n")
    assert rels == [{"n": 0}]
    constraints = {r["name"] for r in neo.query("SHOW CONSTRAINTS YIELD name RETURN name")}
    assert {"rt_node_id", "rt_document_case_id", "rt_alias_alias"} <= constraints
    indexes = {r["name"] for r in neo.query("SHOW INDEXES YIELD name RETURN name")}
    assert {"rt_employer_uscc", "rt_rel_party_in_source_doc", "rt_case_case_number"} <= indexes


def test_unknown_kinds_are_refused_before_writing(neo4j_store: Neo4jStore) -> None:
    evil = "Person`) DETACH DELETE n //"
    with pytest.raises(StoreError, match="unknown node kind"):
        neo4j_store.write_batch(GraphBatch(nodes=[Node("x", evil, {})]))
    with pytest.raises(StoreError, match="unknown relationship kind"):
        neo4j_store.write_batch(GraphBatch(edges=[Edge("a", "b", "KNOWS]->() DELETE r //", "d")]))
    assert neo4j_store.counts()["nodes"] == {}


def test_relationship_to_a_missing_node_rolls_the_batch_back(neo4j_store: Neo4jStore) -> None:
    batch = GraphBatch(nodes=[Node("Case:1", "Case", {"case_number": "1"})],
                       edges=[Edge("Person:ghost", "Case:1", "PARTY_IN", "Case:1")])
    with pytest.raises(StoreError, match="Person:ghost"):
        neo4j_store.write_batch(batch)
    assert neo4j_store.counts()["nodes"] == {}


def test_open_store_dispatches_bolt_uris(clean_neo4j: str) -> None:
    with open_store(clean_neo4j) as store:
        assert isinstance(store, Neo4jStore)
        assert store.counts() == {"nodes": {}, "edges": {}, "documents": {"total": 0},
                                  "quarantine": {}}
        assert store.load_scan() is None


def test_unreachable_server_says_how_to_start_one(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NEO4J_PASSWORD", "s3cret-pw")
    monkeypatch.setenv("NEO4J_USER", "analyst")
    with pytest.raises(StoreError) as info:
        Neo4jStore.connect("bolt://127.0.0.1:9")
    text = str(info.value)
    assert "make neo4j" in text and "NEO4J_URI" in text and "s3cret-pw" not in text


def test_credentials_in_uris_are_masked() -> None:
    assert mask_uri("neo4j://bob:pw@db.example:7687") == "neo4j://***@db.example:7687"
    assert mask_uri("bolt://127.0.0.1:7687") == "bolt://127.0.0.1:7687"
    with pytest.raises(StoreError) as info:
        Neo4jStore.connect("bolt://bob:hunter2@127.0.0.1:9")
    assert "hunter2" not in str(info.value)


def test_alias_chains_resolve_to_the_newest_name(neo4j_store: Neo4jStore) -> None:
    """A company renamed twice: documents naming the oldest name land on the newest node.

    (The SQLite workspace looks aliases up one level deep, so it re-creates the middle node
    here; reported to the lead. Neo4jStore follows the chain.)
    """
    first, middle, newest = "安阳市第三棉纺织厂", "安阳市第五棉纺织厂", "安阳市豫北纺织有限公司"
    neo4j_store.write_batch(registry_batch(RegistryRecord(name=middle, former_names=[first])))
    neo4j_store.write_batch(registry_batch(RegistryRecord(name=newest, former_names=[middle])))
    _, cases, _ = province_records()
    record = cases[0]
    record.parties[1].name = first
    neo4j_store.write_batch(case_batch(record))
    target = neo4j_store.node(employer_id(first))
    assert target is not None and target.id == employer_id(newest)
    assert [n.id for n in neo4j_store.iter_nodes("Employer")] == [employer_id(newest)]
    assert neo4j_store.aliases() == {employer_id(first): employer_id(middle),
                                     employer_id(middle): employer_id(newest)}
    assert [e.src for e in neo4j_store.edges_of(employer_id(newest), ["PARTY_IN"])] == [
        employer_id(newest)]


def test_a_new_document_keeps_relationships_written_before_it(
        neo4j_store: Neo4jStore, sqlite_store: SQLiteStore) -> None:
    nodes = [Node("Case:1", "Case", {"case_number": "1"}), Node("Person:p|b:1", "Person", {})]
    early = GraphBatch(nodes=nodes, edges=[Edge("Person:p|b:1", "Case:1", "PARTY_IN", "Case:1")])
    doc = GraphBatch(documents=[Document("Case:1", {"case_number": "1"}, "sha")])
    for store in (neo4j_store, sqlite_store):
        store.write_batch(early)
        store.write_batch(doc)  # first time stored: nothing to replace
        assert len(store.edges_of("Case:1")) == 1
        store.write_batch(doc)  # re-written: its relationships are replaced (by none)
        assert store.edges_of("Case:1") == []
    assert snapshot(neo4j_store) == snapshot(sqlite_store)


@pytest.mark.parametrize("holder_first", [False, True])
def test_a_former_name_held_by_another_registered_company_folds_nothing_here_either(
        neo4j_store: Neo4jStore, sqlite_store: SQLiteStore, holder_first: bool) -> None:
    renamed = RegistryRecord(name="安阳市恒达劳务有限公司", uscc="91410502MA3X5Y0K2B",
                             former_names=["安阳市兴旺劳务有限公司"])
    holder = RegistryRecord(name="安阳市兴旺劳务有限公司", uscc="91410503MA40ABCD1X")
    order = [holder, renamed] if holder_first else [renamed, holder]
    for store in (sqlite_store, neo4j_store):
        for record in order:
            store.write_batch(registry_batch(record))
    assert snapshot(neo4j_store) == snapshot(sqlite_store)
    assert {n.props["uscc"] for n in neo4j_store.iter_nodes("Employer")} == {
        renamed.uscc, holder.uscc}
