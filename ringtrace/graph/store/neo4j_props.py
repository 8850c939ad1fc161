"""How graph properties sit in Neo4j: natives as they are, the rest as JSON in ``rt_extra``.

Neo4j holds text, numbers, booleans and homogeneous lists of them; a property of any other
shape (a map, a mixed list, an integer beyond 64 bits) or whose name clashes with the store's
bookkeeping (``id``, ``rt_*``) travels, as JSON, in the one ``rt_extra`` property, so what is
read back is what was written and Browser/Bloom users still see the plain values.

>>> stored = encode_props({"name": "张三", "tags": ["a", 1], "id": "x"}, NODE_INTERNAL)
>>> sorted(stored)
['name', 'rt_extra']
>>> decode_props({**stored, "id": "Person:1"}, NODE_INTERNAL)
{'id': 'x', 'name': '张三', 'tags': ['a', 1]}
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any, cast

from ringtrace.graph.elements import dumps
from ringtrace.graph.props import AnyProps

#: bookkeeping properties of nodes and relationships (never a graph property of that name)
NODE_INTERNAL = frozenset({"id", "rt_kind", "rt_name", "rt_extra"})
EDGE_INTERNAL = frozenset({"source_doc", "rt_extra"})
_INT64 = (-(2**63), 2**63 - 1)
ASCII_UPPER = [chr(c) for c in range(ord("A"), ord("Z") + 1)]
ASCII_LOWER = [c.lower() for c in ASCII_UPPER]


def _fits(value: Any) -> bool:
    """True when Neo4j stores ``value`` as a property of the same Python type."""
    kind = type(value)
    if kind is int:
        in_range: bool = _INT64[0] <= value <= _INT64[1]
        return in_range
    return kind in (str, bool, float)


def _native(value: Any) -> bool:
    if type(value) is list:
        if not value or type(value[0]) not in (str, bool, int, float):
            return False
        first = type(value[0])
        return all(type(v) is first and _fits(v) for v in value)
    return _fits(value)


def encode_props(props: AnyProps, internal: frozenset[str]) -> dict[str, object]:
    """Neo4j properties for a property dict: natives as they are, the rest in ``rt_extra``."""
    out: dict[str, object] = {}
    extra: dict[str, object] = {}
    for key, value in props.items():
        if key in internal or key.startswith("rt_") or not _native(value):
            extra[key] = value
        else:
            out[key] = value
    if extra:
        out["rt_extra"] = dumps(extra)
    return out


def decode_props(stored: Mapping[str, object], internal: frozenset[str]) -> dict[str, object]:
    """The property dict that :func:`encode_props` stored, keys sorted like the workspace
    (:func:`ringtrace.graph.props.node_props` or ``edge_props`` names it)."""
    props = {k: v for k, v in stored.items() if k not in internal and k != "rt_extra"}
    if "rt_extra" in stored:
        props.update(json.loads(cast("str", stored["rt_extra"])))  # encode_props wrote text
    return dict(sorted(props.items()))


def ascii_lower(text: str) -> str:
    """Lower-case ASCII letters only (SQLite's ``LIKE`` folds exactly these)."""
    return text.translate({ord(u): ord(lo) for u, lo in zip(ASCII_UPPER, ASCII_LOWER,
                                                            strict=True)})
