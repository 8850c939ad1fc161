"""Where an enterprise is registered: the prefecture of its seat, from what is printed.

A labour dispute is heard where the employer is (劳动争议调解仲裁法 art. 21), so the seat of an
employer stands in for a forum a copy does not print (:func:`ringtrace.resolve.agents.place_headerless`)
and is checked against the forums of a name printed without its place
(:mod:`ringtrace.resolve.employers`).
"""

from __future__ import annotations

from collections import defaultdict
from functools import lru_cache

from ringtrace.regions import gb2260
from ringtrace.regions.places import region_from_name
from ringtrace.resolve import names


def seat_prefecture(uscc: str | None, name: str) -> str | None:
    """The prefecture (4-digit GB/T 2260 code) where an enterprise is registered: from its
    USCC (characters 3-8 are the registering authority's division) or else from the places
    its name starts with when they name one prefecture (``周口市第八建筑工程公司``,
    ``安阳县祥利物业服务有限公司``, or a city without ``市``: ``郑州安泰…``); None when
    neither tells.

    >>> seat_prefecture("91411600MA3X4Y5Z6A", "某某公司"), seat_prefecture(None, "巩义市国泰汽车运输公司")
    ('4116', '4101')
    >>> seat_prefecture(None, "郑州安泰保安服务有限公司"), seat_prefecture(None, "长顺水泥厂")
    ('4101', None)
    """
    if uscc and len(uscc) == 18 and gb2260.known(f"{uscc[2:6]}00"):
        return uscc[2:6]
    found = region_from_name(name)
    if found and gb2260.level(found) != "province":
        return found[:4]
    stems = names.company_name(name).places
    if stems:
        codes = _prefectures_of_stem().get(stems[-1], set())
        if len(codes) == 1:
            return next(iter(codes))
    return None


@lru_cache(maxsize=1)
def _prefectures_of_stem() -> dict[str, set[str]]:
    """The stem of a prefecture-level city (``郑州``, ``周口``) -> its prefecture. Only those:
    a county's stem at the head of a name is as often a trade name (``长顺水泥厂``)."""
    found: dict[str, set[str]] = defaultdict(set)
    for code, place in gb2260.codes().items():
        stem = names.place_stem(place)
        if stem and gb2260.level(code) == "city":
            found[stem].add(code[:4])
    return found
