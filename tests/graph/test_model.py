"""Schema lint: the YAML declaration is consistent and covers everything the builder writes."""

from __future__ import annotations

import pytest
import yaml

from ringtrace.errors import SchemaError
from ringtrace.graph.build import backpayment_batch, case_batch, registry_batch
from ringtrace.graph.model import load_schema, schema
from ringtrace.graph.records import BackPaymentRecord, RegistryRecord, case_from_dict
from tests.conftest import sham_case


def test_every_edge_end_is_a_declared_node_kind() -> None:
    s = schema()
    for edge in s.edges.values():
        assert set(edge.source) | set(edge.target) <= set(s.nodes)


def test_every_node_kind_has_colour_shape_and_caption_property() -> None:
    for node in schema().nodes.values():
        assert node.color.startswith("#") and node.shape and node.caption in node.properties


def test_builder_writes_only_declared_kinds_and_properties() -> None:
    s = schema()
    batch = case_batch(case_from_dict(sham_case(1, "张桂兰", "1968-05-02")))
    batch.extend(registry_batch(RegistryRecord(name="某公司", uscc=None, phone="0372-5551234",
                                               address="安阳市文峰区中华路8号")))
    batch.extend(backpayment_batch(BackPaymentRecord("张桂兰", "某公司", "2003-01", "2018-05"),
                                   ["Case:x"]))
    kinds = {n.id: n.kind for n in batch.nodes}
    for node in batch.nodes:
        assert set(node.props) <= set(s.node(node.kind).properties), node
    for edge in batch.edges:
        declared = s.edge(edge.kind)
        assert set(edge.props) <= set(declared.properties), edge
        if edge.src in kinds:
            assert kinds[edge.src] in declared.source
        if edge.dst in kinds:
            assert kinds[edge.dst] in declared.target
        assert edge.source_doc


def test_unknown_edge_end_is_rejected() -> None:
    nodes = yaml.safe_load("A: {properties: {name: {type: string}}}")
    with pytest.raises(SchemaError, match="unknown node kind 'B'"):
        load_schema(nodes, {"E": {"source": ["A"], "target": ["B"]}})


def test_unknown_property_type_is_rejected() -> None:
    with pytest.raises(SchemaError, match="unknown property type"):
        load_schema({"A": {"properties": {"name": {"type": "blob"}}}}, {})


def test_a_case_node_carries_the_numbers_its_document_cites() -> None:
    record = sham_case(1, "张桂兰", "1968-05-02")
    record["related_case_numbers"] = ["(2020)豫0502民初88号"]
    batch = case_batch(case_from_dict(record))
    [case] = [n for n in batch.nodes if n.kind == "Case"]
    assert case.props["related_case_numbers"] == ["(2020)豫0502民初88号"]
