"""The GB/T 2260 administrative division table: six-digit codes and their place names.

The table (``gb2260.json`` beside this module) is package data, read once. Codes have three
levels: province ``41 00 00``, prefecture ``41 05 00`` and county ``41 05 02``; rows such as
``市辖区`` or ``省直辖县级行政区划`` are placeholders, not place names, and :func:`name` skips them.
"""

from __future__ import annotations

import json
from functools import cache
from importlib import resources

__all__ = ["MUNICIPALITIES", "PLACEHOLDERS", "codes", "full_name", "known", "level", "name"]

#: Rows of the table that hold a level of the hierarchy, not a place.
PLACEHOLDERS = frozenset({"市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划"})
#: Province-level cities (直辖市): their courts and procuratorates are named after the city
#: itself, and their prefecture-level rows are placeholders.
MUNICIPALITIES = frozenset({"11", "12", "31", "50"})


@cache
def codes() -> dict[str, str]:
    """Code -> name for every row of the bundled table (placeholders included)."""
    text = resources.files("ringtrace.regions").joinpath("gb2260.json").read_text("utf-8")
    return dict(json.loads(text)["codes"])


def level(code: str) -> str:
    """``province``, ``city`` or ``county`` from the shape of a six-digit code.

    >>> level("410000"), level("410500"), level("410502")
    ('province', 'city', 'county')
    """
    if code.endswith("0000"):
        return "province"
    if code.endswith("00"):
        return "city"
    return "county"


def name(code: str) -> str | None:
    """The place name of a code, or None for unknown codes and placeholder rows.

    >>> name("410502"), name("110100"), name("999999")
    ('文峰区', None, None)
    """
    found = codes().get(code)
    return None if found in PLACEHOLDERS else found


def known(code: str | None) -> bool:
    """True when ``code`` is a row of the table (placeholder rows included)."""
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
