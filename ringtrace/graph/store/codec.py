"""JSON as the workspace stores it: orjson both ways, the standard library where orjson refuses.

>>> loads(dumps_utf8({"b": 1, "a": [1.5, None]}))
{'a': [1.5, None], 'b': 1}
"""

from __future__ import annotations

import json
from typing import Any

import orjson

from ringtrace.graph.elements import dumps

#: a JSON value as :func:`loads` gives it back
JsonValue = str | int | float | bool | None | list["JsonValue"] | dict[str, "JsonValue"]
#: a JSON object: what a store keeps on behalf of another layer and gives back as it was (a
#: kept resolution), the shape being that layer's to know
JsonObject = dict[str, JsonValue]


def loads(text: str | bytes) -> Any:
    """Parse stored JSON with orjson (several times faster per row than the stdlib); values
    orjson refuses (NaN, integers beyond 64 bits, which ``dumps`` may have written) fall back
    to :func:`json.loads`, so the result is always what ``json.loads`` gives."""
    try:
        return orjson.loads(text)
    except orjson.JSONDecodeError:
        return json.loads(text)


def dumps_utf8(value: Any) -> bytes:
    """``dumps`` as UTF-8 bytes, written by orjson (an order of magnitude faster on a scan's
    million findings); what orjson does not take (non-string keys, integers beyond 64 bits)
    goes through ``dumps``. Either way the text parses back to the same value, except NaN and
    infinities, which orjson writes as null (scan results hold none)."""
    try:
        return orjson.dumps(value, option=orjson.OPT_SORT_KEYS)
    except TypeError:
        return dumps(value).encode()
