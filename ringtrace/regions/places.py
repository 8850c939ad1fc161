"""The region code of the place names a text starts with (a forum's or an address's name).

Pre-2016 case numbers and arbitration commissions carry no court code, so their place is read
from the forum's name: ``浙江省金华市中级人民法院`` -> 330700, ``安阳市劳动人事争议仲裁委员会``
-> 410500, against the GB/T 2260 table (:mod:`ringtrace.regions.gb2260`).
"""

from __future__ import annotations

from functools import cache

from ringtrace.regions import gb2260

__all__ = ["region_from_name", "starts_with_place"]

_MAX_NAME = 15


@cache
def _names() -> dict[str, tuple[str, ...]]:
    """Place name -> the codes that bear it (placeholders left out)."""
    index: dict[str, list[str]] = {}
    for code, name in gb2260.codes().items():
        if name not in gb2260.PLACEHOLDERS:
            index.setdefault(name, []).append(code)
    return {name: tuple(sorted(codes)) for name, codes in index.items()}


def _compatible(code: str, parent: str | None) -> bool:
    if parent is None:
        return True
    if parent.endswith("0000"):
        return code[:2] == parent[:2] and code != parent
    if parent.endswith("00"):
        return code[:4] == parent[:4] and code != parent
    return False


def starts_with_place(text: str) -> bool:
    """True when ``text`` begins with a place name of the table (``山东省…``, ``沂源县…``).

    >>> starts_with_place("安阳市劳动人事争议仲裁委员会"), starts_with_place("中国裁判文书网")
    (True, False)
    """
    names = _names()
    return any(text[:length] in names for length in range(2, min(_MAX_NAME, len(text)) + 1))


def region_from_name(name: str | None) -> str | None:
    """GB/T 2260 code of the place names a forum's name starts with, most specific first.

    ``山东省沂源县人民法院`` -> 370323; ``上海市第一中级人民法院`` -> 310000;
    ``朝阳区人民法院`` (two 朝阳区 in the table, no province given) -> None.

    >>> region_from_name("山东省沂源县人民法院")
    '370323'
    """
    if not name:
        return None
    names = _names()
    position, found = 0, None
    while position < len(name):
        step = 0
        for length in range(min(_MAX_NAME, len(name) - position), 1, -1):
            candidates = [c for c in names.get(name[position:position + length], ())
                          if _compatible(c, found)]
            if len(candidates) == 1 or (candidates and found is not None):
                found, step = candidates[0], length
                break
            if candidates:  # ambiguous without a parent: give up rather than guess
                return found
        if not step:
            break
        position += step
    return found
