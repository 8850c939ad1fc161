"""GraphML and GEXF: flattened to typed scalars, read back by networkx with every type."""

from __future__ import annotations

from pathlib import Path

import networkx as nx
import pytest

from ringtrace.export.graphs import JOIN, flatten, write_gexf, write_graphml
from ringtrace.export.rings import ring_exports
from ringtrace.graph.store.sqlite import SQLiteStore


def test_flatten_joins_lists_drops_none_and_gives_each_attribute_one_type() -> None:
    g = nx.MultiDiGraph(rings=["R-1", "R-2"])
    g.add_node("a", names=["甲", "乙"], age=3, note=None, flag=True, mixed=1, size=2)
    g.add_node("b", names=[], age=4.5, flag=False, mixed="x", size=3)
    g.add_edge("a", "b", key="k", case_numbers=["(2021)豫0502民初1号"], weight=None)
    flat = flatten(g)
    assert flat.graph["rings"] == f"R-1{JOIN}R-2"
    assert flat.nodes["a"] == {"names": f"甲{JOIN}乙", "age": 3.0, "flag": True, "mixed": "1",
                               "size": 2}
    assert flat.nodes["b"] == {"names": "", "age": 4.5, "flag": False, "mixed": "x", "size": 3}
    assert flat.edges["a", "b", "k"] == {"case_numbers": "(2021)豫0502民初1号"}
    assert type(flat.nodes["a"]["age"]) is float and type(flat.nodes["a"]["size"]) is int


def _types(graph: nx.MultiDiGraph) -> dict[tuple[str, str], set[type]]:
    out: dict[tuple[str, str], set[type]] = {}
    for _, data in graph.nodes(data=True):
        for key, value in data.items():
            out.setdefault(("node", key), set()).add(type(value))
    for _, _, data in graph.edges(data=True):
        for key, value in data.items():
            out.setdefault(("edge", key), set()).add(type(value))
    return out


@pytest.mark.parametrize("unmask", [False, True])
def test_graphml_reads_back_with_every_attribute_typed(ring_store: SQLiteStore, tmp_path: Path,
                                                       unmask: bool) -> None:
    rings = ring_exports(ring_store, unmask=unmask)
    written = write_graphml(rings, tmp_path / "ring.graphml")
    read = nx.read_graphml(tmp_path / "ring.graphml", force_multigraph=True)
    assert dict(read.nodes(data=True)) == dict(written.nodes(data=True))
    assert ({(u, v, k): d for u, v, k, d in read.edges(keys=True, data=True)}
            == {(u, v, k): d for u, v, k, d in written.edges(keys=True, data=True)})
    assert _types(read) == _types(written)
    assert all(len(kinds) == 1 for kinds in _types(read).values())
    employer = next(d for _, d in read.nodes(data=True) if d["role"] == "employer")
    assert type(employer["insured_headcount"]) is int and employer["in_registry"] is True
    assert employer["case_numbers"].count(JOIN) == len(rings[0].cases) - 1
    assert read.graph["rings"] == rings[0].ring_id and read.graph["masked"] is (not unmask)
    assert {d["kind"] for _, _, d in read.edges(data=True)} >= {"PARTY_IN", "AGENT_IN",
                                                                 "DECIDED_BY"}


def test_gexf_reads_back_with_labels_and_types(ring_store: SQLiteStore, tmp_path: Path) -> None:
    rings = ring_exports(ring_store)
    written = write_gexf(rings, tmp_path / "ring.gexf")
    read = nx.read_gexf(tmp_path / "ring.gexf")
    assert set(read) == set(written)
    for node, data in written.nodes(data=True):
        assert read.nodes[node] == data
    assert read.number_of_edges() == written.number_of_edges()
    read_types = {k: v for k, v in _types(read).items() if k != ("edge", "id")}
    assert read_types == _types(written)  # == alone would let 2 == 2.0 == True pass
    written_edges = sorted(sorted(d.items()) for _, _, d in written.edges(data=True))
    read_edges = sorted(sorted((k, v) for k, v in d.items() if k != "id")
                        for _, _, d in read.edges(data=True))
    assert read_edges == written_edges
    applicant = next(d for _, d in read.nodes(data=True) if d["role"] == "applicant")
    assert applicant["label"] == applicant["name"] and applicant["role_zh"] == "申请人"


def test_characters_xml_cannot_hold_are_dropped(tmp_path: Path) -> None:
    g = nx.MultiDiGraph()
    g.add_node("a\x00", name="张\x1b[2J三\x07", note="第一行\n第二行")
    flat = flatten(g)
    assert dict(flat.nodes(data=True)) == {"a": {"name": "张[2J三", "note": "第一行\n第二行"}}
    nx.write_graphml(flat, tmp_path / "g.graphml")
    assert nx.read_graphml(tmp_path / "g.graphml").nodes["a"]["name"] == "张[2J三"
