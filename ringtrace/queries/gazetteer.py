"""Place names of GB/T 2260 administrative codes, read from the parser's bundled code table.

The table (``ringtrace/loaders/judgments/gb2260.json``, shipped by the document parser) is read
as package data, not imported as code, so queries keep depending on ``graph`` only. Codes have
three levels: province ``41 00 00``, prefecture ``41 05 00`` and county ``41 05 02``; rows such as
``市辖区`` or ``省直辖县级行政区划`` are placeholders, not place names, and are skipped.
"""

from __future__ import annotations

import json
from functools import cache
from importlib import resources

_TABLE = ("loaders", "judgments", "gb2260.json")
_PLACEHOLDERS = frozenset({"市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划"})
#: Province-level cities: their courts and procuratorates are named after the city itself.
MUNICIPALITIES = frozenset({"11", "12", "31", "50"})


@cache
def codes() -> dict[str, str]:
    """Code -> name for every row of the bundled table."""
    text = resources.files("ringtrace").joinpath(*_TABLE).read_text("utf-8")
    return dict(json.loads(text)["codes"])


def level(code: str) -> str:
    """``province``, ``city`` or ``county`` from the shape of a six-digit code."""
    if code.endswith("0000"):
        return "province"
    if code.endswith("00"):
        return "city"
    return "county"


def name(code: str) -> str | None:
    """The place name of a code, or None for unknown codes and placeholder rows."""
    found = codes().get(code)
    return None if found in _PLACEHOLDERS else found


def known(code: str | None) -> bool:
    return bool(code) and code in codes()


def full_name(code: str) -> str:
    """Province, prefecture and county names down to ``code``'s level, joined.

    >>> full_name("410502")
    '河南省安阳市文峰区'
    >>> full_name("110105")
    '北京市朝阳区'
    """
    parts = [code[:2] + "0000"]
    if level(code) != "province":
        parts.append(code[:4] + "00")
    if level(code) == "county":
        parts.append(code)
    names = [name(p) for p in dict.fromkeys(parts)]
    return "".join(n for n in names if n)
