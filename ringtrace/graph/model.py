"""The graph schema, loaded once from ``graph/schema/*.yaml``.

The YAML files are the single declaration of node and relationship kinds. This module turns them
into :class:`NodeKind` / :class:`EdgeKind` objects and checks them (every edge end names a known
node kind, every property has a known type). Loaders, stores, views and docs read from
:func:`schema`.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from typing import Any, TypedDict, cast

import yaml

from ringtrace.errors import SchemaError

PROPERTY_TYPES = frozenset({"string", "date", "int", "float", "bool", "list", "json"})


@dataclass(frozen=True)
class Property:
    name: str
    type: str
    label_zh: str
    required: bool = False
    sensitive: bool = False
    values: tuple[str, ...] = ()


@dataclass(frozen=True)
class NodeKind:
    name: str
    label_zh: str
    description: str
    key: str
    caption: str
    color: str
    shape: str
    legend_zh: str
    properties: dict[str, Property] = field(default_factory=dict)

    @property
    def sensitive(self) -> frozenset[str]:
        return frozenset(p.name for p in self.properties.values() if p.sensitive)


@dataclass(frozen=True)
class EdgeKind:
    name: str
    label_zh: str
    description: str
    source: tuple[str, ...]
    target: tuple[str, ...]
    properties: dict[str, Property] = field(default_factory=dict)


@dataclass(frozen=True)
class Schema:
    nodes: dict[str, NodeKind]
    edges: dict[str, EdgeKind]

    def node(self, name: str) -> NodeKind:
        try:
            return self.nodes[name]
        except KeyError:
            raise SchemaError(f"unknown node kind {name!r}; known: {', '.join(self.nodes)}") from None

    def edge(self, name: str) -> EdgeKind:
        try:
            return self.edges[name]
        except KeyError:
            raise SchemaError(f"unknown edge kind {name!r}; known: {', '.join(self.edges)}") from None


class PropertySpec(TypedDict, total=False):
    """One property as ``nodes.yaml`` / ``edges.yaml`` declare it (every key optional)."""

    type: str
    label_zh: str
    required: bool
    sensitive: bool
    values: list[str]


class VizSpec(TypedDict, total=False):
    """How a node kind is drawn (``viz:``)."""

    color: str
    shape: str
    legend_zh: str


class NodeSpec(TypedDict, total=False):
    """A node kind as ``nodes.yaml`` declares it."""

    label_zh: str
    description: str
    key: str
    caption: str
    viz: VizSpec
    properties: dict[str, PropertySpec | None]


class EdgeSpec(TypedDict, total=False):
    """A relationship kind as ``edges.yaml`` declares it."""

    label_zh: str
    description: str
    source: list[str]
    target: list[str]
    properties: dict[str, PropertySpec | None]


def _properties(owner: str, raw: Mapping[str, PropertySpec | None] | None
                ) -> dict[str, Property]:
    props: dict[str, Property] = {}
    for name, spec in (raw or {}).items():
        spec = spec or {}
        ptype = spec.get("type", "string")
        if ptype not in PROPERTY_TYPES:
            raise SchemaError(f"{owner}.{name}: unknown property type {ptype!r}")
        props[name] = Property(
            name=name,
            type=ptype,
            label_zh=spec.get("label_zh", name),
            required=bool(spec.get("required", False)),
            sensitive=bool(spec.get("sensitive", False)),
            values=tuple(spec.get("values", ())),
        )
    return props


def _read_yaml(filename: str) -> dict[str, Any]:
    text = resources.files("ringtrace.graph").joinpath("schema").joinpath(filename).read_text("utf-8")
    data = yaml.safe_load(text)
    if not isinstance(data, dict):
        raise SchemaError(f"schema/{filename} must be a mapping of kind names")
    return data


def load_schema(nodes: Mapping[str, NodeSpec], edges: Mapping[str, EdgeSpec]) -> Schema:
    """Build and cross-check a :class:`Schema` from parsed YAML mappings."""
    node_kinds: dict[str, NodeKind] = {}
    for name, spec in nodes.items():
        viz = spec.get("viz", {})
        props = _properties(name, spec.get("properties"))
        caption = spec.get("caption", "name")
        if caption not in props:
            raise SchemaError(f"{name}: caption {caption!r} is not one of its properties")
        node_kinds[name] = NodeKind(
            name=name,
            label_zh=spec.get("label_zh", name),
            description=spec.get("description", ""),
            key=spec.get("key", ""),
            caption=caption,
            color=viz.get("color", "#999999"),
            shape=viz.get("shape", "dot"),
            legend_zh=viz.get("legend_zh", spec.get("label_zh", name)),
            properties=props,
        )
    edge_kinds: dict[str, EdgeKind] = {}
    for name, edge_spec in edges.items():
        source, target = tuple(edge_spec.get("source", ())), tuple(edge_spec.get("target", ()))
        for end in source + target:
            if end not in node_kinds:
                raise SchemaError(f"edge {name}: unknown node kind {end!r}")
        if not source or not target:
            raise SchemaError(f"edge {name}: source and target must be declared")
        edge_kinds[name] = EdgeKind(
            name=name,
            label_zh=edge_spec.get("label_zh", name),
            description=edge_spec.get("description", ""),
            source=source,
            target=target,
            properties=_properties(name, edge_spec.get("properties")),
        )
    return Schema(nodes=node_kinds, edges=edge_kinds)


@cache
def schema() -> Schema:
    """The packaged schema (cached)."""
    # the YAML files are the declarations these specs describe (load_schema checks them)
    return load_schema(cast("dict[str, NodeSpec]", _read_yaml("nodes.yaml")),
                       cast("dict[str, EdgeSpec]", _read_yaml("edges.yaml")))
