"""The TypedDicts of graph/props.py say what graph/schema/*.yaml declares, no more, no less."""

from __future__ import annotations

import dataclasses
import typing

import pytest

from ringtrace.graph import props as props_module
from ringtrace.graph.model import Property, schema
from ringtrace.graph.props import BackPaymentProps, EdgeProps, EmployerProps, NodeProps, NoProps
from ringtrace.graph.records import BackPaymentRecord, RegistryRecord

#: the Python type each YAML property type means (module docstring of graph/props.py)
PYTHON_TYPE: dict[str, object] = {
    "string": str | None, "date": str | None, "int": int | None, "float": float | None,
    "bool": bool | None, "list": list[str], "json": object,
}


def _class_name(kind: str) -> str:
    """``Person`` -> ``PersonProps``, ``LEGAL_REP_OF`` -> ``LegalRepOfProps``."""
    if kind.isupper():
        kind = "".join(part.capitalize() for part in kind.split("_"))
    return kind + "Props"


def _expected(properties: dict[str, Property]) -> dict[str, object]:
    return {name: PYTHON_TYPE[p.type] for name, p in properties.items()}


def _declared(typed: type) -> dict[str, object]:
    hints = typing.get_type_hints(typed)
    assert not typed.__required_keys__, f"{typed.__name__}: every key is optional"  # type: ignore[attr-defined]
    return hints


@pytest.mark.parametrize("kind", sorted(schema().nodes))
def test_each_node_kind_has_its_typeddict_with_the_declared_properties(kind: str) -> None:
    typed = getattr(props_module, _class_name(kind))
    assert _declared(typed) == _expected(schema().node(kind).properties)
    assert list(typed.__annotations__) == list(schema().node(kind).properties), "YAML order"


@pytest.mark.parametrize("kind", sorted(schema().edges))
def test_each_relationship_kind_has_its_typeddict_with_the_declared_properties(kind: str
                                                                               ) -> None:
    declared = schema().edge(kind).properties
    typed = getattr(props_module, _class_name(kind)) if declared else NoProps
    assert _declared(typed) == _expected(declared)


def _union(owners: typing.Iterable[dict[str, Property]]) -> dict[str, object]:
    union: dict[str, object] = {}
    for properties in owners:
        for name, expected in _expected(properties).items():
            assert union.setdefault(name, expected) == expected, (
                f"property {name!r} has two types in two kinds: NodeProps/EdgeProps cannot "
                "hold both")
    return union


def test_node_props_and_edge_props_hold_every_kinds_properties() -> None:
    assert _declared(NodeProps) == _union(k.properties for k in schema().nodes.values())
    assert _declared(EdgeProps) == _union(k.properties for k in schema().edges.values())


def test_registry_and_back_payment_rows_are_their_kinds_properties() -> None:
    """``graph.build`` turns these records' fields into node props as they are."""
    registry = {f.name for f in dataclasses.fields(RegistryRecord)} | {"in_registry"}
    assert registry <= set(typing.get_type_hints(EmployerProps))
    payment = {f.name for f in dataclasses.fields(BackPaymentRecord)} | {"period"}
    assert payment <= set(typing.get_type_hints(BackPaymentProps))
