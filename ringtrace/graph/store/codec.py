"""JSON as the workspace stores it: orjson both ways, the standard library where orjson refuses.

>>> loads(dumps_utf8({"b": 1, "a": [1.5, None]}))
{'a': [1.5, None], 'b': 1}
"""

from __future__ import annotations

import json
import re
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


#: orjson, asked to hand back what the standard library alone takes (dataclasses, datetimes,
#: subclasses of str, int, dict and list raise, for :func:`dumps` to write or refuse)
_STRICT = (orjson.OPT_SORT_KEYS | orjson.OPT_PASSTHROUGH_DATACLASS
           | orjson.OPT_PASSTHROUGH_DATETIME | orjson.OPT_PASSTHROUGH_SUBCLASS)
#: where orjson's text may differ from :func:`dumps`'s, as a value (after ``:``, ``,`` or ``[``):
#: a float written with an exponent or below 1e-4 (``1e16``, ``0.00001`` for ``1e+16``,
#: ``1e-05``), and ``null``, which stands for NaN and the infinities too; a string that looks
#: like one only costs the slower encoder
_MAYBE_OTHER = re.compile(rb"[:,\[]-?(?:\d+(?:\.\d+)?e|0\.0000|null)")


def dumps_exact(value: Any) -> str:
    """Exactly :func:`dumps`'s text (what the workspace stores for properties and records),
    written by orjson whenever that gives the same text - about three times faster, which an
    ingest pays once per node, edge and document. The standard library writes the rest (see
    :data:`_MAYBE_OTHER`) and raises what it raises.

    >>> value = {"b": [1.5, 1e-05, 1e16, float("nan")], "a": "甲\\n", "c": {"z": 1, "y": None}}
    >>> dumps_exact(value) == dumps(value) and dumps_exact({"a": 1.5}) == dumps({"a": 1.5})
    True
    """
    try:
        text = orjson.dumps(value, option=_STRICT)
    except TypeError:
        return dumps(value)
    if _MAYBE_OTHER.search(text):
        return dumps(value)
    return text.decode()
