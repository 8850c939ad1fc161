"""Which procuratorate receives a lead: the one at the level and place of the deciding forum.

Civil supervision belongs to the procuratorate "at the same level and place as the court that made
the effective decision" (docs/domain.md §8.7), so a lead is routed by its forum, never by where the
applicant lives or the employer is registered:

=====================  =============================================================
forum                  receiving procuratorate
=====================  =============================================================
基层人民法院 (豫0502)   同级区/县人民检察院 — 河南省安阳市文峰区人民检察院
中级人民法院 (豫05)     市级人民检察院 — 河南省安阳市人民检察院
  直辖市 (沪01)         its 分院 — 上海市人民检察院第一分院
高级人民法院 (豫)       省级人民检察院 — 河南省人民检察院
劳动人事争议仲裁委员会  the procuratorate of the commission's place (its own level)
=====================  =============================================================

The court's level comes from its 法院代字 (province abbreviation + 0, 2 or 4 digits), else from
its name; its place from the forum's GB/T 2260 ``region_code``. A forum whose place is known only
to the province goes to the provincial procuratorate, which hands leads down (as the SPP's
2025 cross-province batches were); one with no known place is marked for manual routing. Each
result also names the upper procuratorate, which a base-level procuratorate asks to protest
(提请抗诉), since it cannot protest itself.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import asdict, dataclass
from typing import Any

from ringtrace.graph.store.base import GraphStore
from ringtrace.regions import gb2260
from ringtrace.regions.courts import court_level, court_province, split_court_code
from ringtrace.regions.provinces import province_of_text

__all__ = ["SPP", "UNROUTED", "Jurisdiction", "Procuratorate", "case_jurisdiction",
           "forum_jurisdiction", "forum_level", "provincial"]

_BRANCH_NAME = re.compile(r"第([一二三四五六七八九])中级人民法院")
_NUMERALS = "一二三四五六七八九"
_FORUM_SUFFIXES = {"basic": ("人民法院",), "intermediate": ("中级人民法院",),
                   "high": ("高级人民法院",),
                   "arbitration": ("劳动人事争议仲裁委员会", "劳动争议仲裁委员会")}
_LEVEL_LABELS = {"basic": "基层人民法院", "intermediate": "中级人民法院", "high": "高级人民法院",
                 "arbitration": "劳动人事争议仲裁委员会", "unknown": "审理机关"}


@dataclass(frozen=True)
class Procuratorate:
    """A people's procuratorate: the place code it sits at, its name and level.

    ``code`` is the GB/T 2260 code of its place; a 直辖市 分院 adds ``-N`` (``310000-1``).
    ``level`` is ``county``, ``city``, ``province``, ``national`` or ``unknown``.
    """

    code: str
    name: str
    level: str


SPP = Procuratorate("000000", "最高人民检察院", "national")
UNROUTED = Procuratorate("unknown", "管辖未确定（需人工分办）", "unknown")


@dataclass(frozen=True)
class Jurisdiction:
    """Where a case's lead goes, with the facts it was derived from."""

    forum: str
    forum_kind: str
    forum_level: str
    region_code: str | None
    procuratorate: Procuratorate
    upper: Procuratorate
    basis: str

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def forum_level(props: Mapping[str, object]) -> str:
    """``basic``, ``intermediate``, ``high``, ``arbitration`` or ``unknown`` for a forum node.

    >>> forum_level({"name": "河南省安阳市文峰区人民法院", "court_code": "豫0502"})
    'basic'
    >>> forum_level({"name": "上海市第一中级人民法院"})
    'intermediate'
    """
    name = str(props.get("name") or "")
    if props.get("kind") == "arbitration" or "仲裁" in name:
        return "arbitration"
    found = court_level(str(props.get("court_code") or ""))
    if found:
        return found
    if "高级人民法院" in name:
        return "high"
    if "中级人民法院" in name:
        return "intermediate"
    if "法院" in name:
        return "basic"
    return "unknown"


def _branch(props: Mapping[str, object]) -> int | None:
    """The number of a 直辖市 intermediate court (沪01 -> 1, 第二中级人民法院 -> 2)."""
    parts = split_court_code(str(props.get("court_code") or ""))
    if parts and len(parts[1]) == 2 and parts[1] != "00":
        return int(parts[1])
    named = _BRANCH_NAME.search(str(props.get("name") or ""))
    return _NUMERALS.index(named.group(1)) + 1 if named else None


def _named(props: Mapping[str, object], level: str, region: str) -> Procuratorate | None:
    """The procuratorate named after the forum, for a region code newer than the code table.

    Courts and procuratorates of one place share its name (``河南省长垣市人民法院`` ->
    ``河南省长垣市人民检察院``; a commission ``X劳动人事争议仲裁委员会`` -> ``X人民检察院``), so
    a forum whose six-digit code is missing from the table (a division renamed after 2020)
    is still routed to its own level, with the province added when the name lacks it.
    """
    name = str(props.get("name") or "")
    place = next((name[: -len(suffix)] for suffix in _FORUM_SUFFIXES[level]
                  if name.endswith(suffix) and len(name) > len(suffix)), None)
    if not place or not re.fullmatch(r"\d{6}", region):
        return None
    province = gb2260.name(region[:2] + "0000")
    if province and province_of_text(place) is None:
        place = province + place
    levels = {"basic": "county", "intermediate": "city", "high": "province"}
    return Procuratorate(region, f"{place}人民检察院", levels.get(level, gb2260.level(region)))


def _region(props: Mapping[str, object]) -> tuple[str | None, str]:
    """The forum's region code and how it was found (a province-only code as a fallback)."""
    code = str(props.get("region_code") or "")
    if gb2260.known(code):
        return code, "行政区划代码"
    province = court_province(str(props.get("court_code") or ""))
    if province:
        return province + "0000", "法院代字（仅省级）"
    province = province_of_text(str(props.get("name") or ""))
    if province:
        return province + "0000", "审理机关名称（仅省级）"
    return None, ""


def _office_place(code: str) -> str:
    """The place part of a procuratorate's name: a district keeps its city
    (河南省安阳市文峰区), a county or county-level city does not (河南省滑县, 河南省林州市)."""
    county = gb2260.name(code) if gb2260.level(code) == "county" else None
    if county and not county.endswith("区"):
        return (gb2260.name(code[:2] + "0000") or "") + county
    return gb2260.full_name(code)


def _procuratorate(code: str, branch: int | None = None) -> Procuratorate:
    place = _office_place(code)
    if not place:
        return UNROUTED
    level = gb2260.level(code)
    if level == "city" and code[:2] in gb2260.MUNICIPALITIES:
        if branch and 1 <= branch <= len(_NUMERALS):
            return Procuratorate(f"{code[:2]}0000-{branch}",
                                 f"{place}人民检察院第{_NUMERALS[branch - 1]}分院", "city")
        return Procuratorate(code, f"{place}人民检察院（分院待定）", "city")
    return Procuratorate(code, f"{place}人民检察院", level)


def _seat(level: str, region: str) -> str:
    """The code of the place whose procuratorate matches a forum of ``level`` in ``region``."""
    if level == "high" or gb2260.level(region) == "province":
        return region[:2] + "0000"
    if level == "intermediate" or gb2260.level(region) == "city":
        return region[:4] + "00"
    return region


def _upper(office: Procuratorate) -> Procuratorate:
    """The next procuratorate up (the one a base-level procuratorate asks to protest)."""
    if office.level in ("unknown", "national"):
        return office if office.level == "unknown" else SPP
    if office.level == "province":
        return SPP
    code = office.code[:6]
    if office.level == "county":
        city = code[:4] + "00"
        if code[:2] not in gb2260.MUNICIPALITIES and gb2260.name(city):
            return _procuratorate(city)
    return _procuratorate(code[:2] + "0000")


def _route(props: Mapping[str, object], level: str) -> tuple[Procuratorate, str | None, str]:
    """(receiving procuratorate, region code used, the derivation in words) of a forum."""
    name = str(props.get("name") or "") or "审理机关"
    code = str(props.get("region_code") or "")
    if code and not gb2260.known(code) and level != "unknown":
        named = _named(props, level, code)
        if named is not None:
            return named, code, (f"{name}（{_LEVEL_LABELS[level]}，行政区划代码{code}不在区划表中）"
                                 f"→ 同级同地检察院（按名称推定）：{named.name}")
    region, found_by = _region(props)
    if region is None:
        return UNROUTED, None, f"{name}：未能确定所在地，需人工分办"
    office = _procuratorate(_seat(level, region),
                            _branch(props) if level == "intermediate" else None)
    route = "同级同地检察院"
    if office.level == "province" and level not in ("high", "arbitration"):
        route = "所在地只能确定到省，交省级院分办"
    elif office.level == "city" and level == "basic":
        route = "所在地无县级区划，交市级院指定管辖"
    return office, region, (f"{name}（{_LEVEL_LABELS[level]}，{found_by}{region}）"
                            f"→ {route}：{office.name}")


def forum_jurisdiction(props: Mapping[str, object]) -> Jurisdiction:
    """The receiving procuratorate of a forum given its node properties.

    >>> j = forum_jurisdiction({"name": "河南省安阳市文峰区人民法院", "kind": "court",
    ...                         "court_code": "豫0502", "region_code": "410502"})
    >>> j.procuratorate.name, j.upper.name
    ('河南省安阳市文峰区人民检察院', '河南省安阳市人民检察院')
    """
    level = forum_level(props)
    office, region, basis = _route(props, level)
    kind = str(props.get("kind") or ("arbitration" if level == "arbitration" else "court"))
    return Jurisdiction(forum=str(props.get("name") or ""), forum_kind=kind, forum_level=level,
                        region_code=region, procuratorate=office, upper=_upper(office),
                        basis=basis)


def provincial(where: Jurisdiction) -> Procuratorate:
    """The provincial procuratorate over ``where`` (it hands leads down to local offices)."""
    if where.procuratorate.level in ("province", "unknown") or not where.region_code:
        return where.procuratorate
    return _procuratorate(where.region_code[:2] + "0000")


def case_jurisdiction(store: GraphStore, case_id: str) -> Jurisdiction:
    """The receiving procuratorate of a case, from the forum that decided it."""
    forum_id = next((e.dst for e in store.edges_of(case_id, ["DECIDED_BY"])
                     if e.src == case_id), None)
    forum = store.node(forum_id) if forum_id else None
    if forum is not None:
        return forum_jurisdiction(forum.props)
    case = store.node(case_id)
    return forum_jurisdiction({"name": case.props.get("forum") if case else None})
