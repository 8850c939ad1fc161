"""What a court code (法院代字) says: where the court sits and what it is called.

Since 2016 a case number carries its court's code: the province abbreviation alone for a 高院
(``鲁`` -> 370000), plus two digits for a 中院 (``鲁15`` -> 371500), plus four digits for a 基层
court, which are the last four digits of the county code (``豫0502`` -> 410502). Special courts
use codes such as ``苏0192`` that are not counties; they fall back to the city.
"""

from __future__ import annotations

import re

from ringtrace.regions import gb2260
from ringtrace.regions.provinces import ABBREVIATION_TO_CODE

__all__ = ["court_level", "court_name", "court_province", "region_from_court_code",
           "split_court_code"]

_SHAPE = re.compile(r"^(?P<abbreviation>\D)(?P<digits>\d*)$")
#: the level of the court a 法院代字 names, by how many digits follow the abbreviation
_LEVEL_BY_DIGITS = {0: "high", 2: "intermediate", 4: "basic"}


def split_court_code(court_code: str | None) -> tuple[str, str] | None:
    """(abbreviation, digits) of a code shaped like a 法院代字, whatever its province.

    >>> split_court_code("豫0502"), split_court_code("0502")
    (('豫', '0502'), None)
    """
    match = _SHAPE.match(court_code or "")
    return (match["abbreviation"], match["digits"]) if match else None


def court_province(court_code: str | None) -> str | None:
    """The two-digit province code of a 法院代字 (``豫0502`` -> ``41``), if it names one."""
    parts = split_court_code(court_code)
    return ABBREVIATION_TO_CODE.get(parts[0]) if parts else None


def court_level(court_code: str | None) -> str | None:
    """``high``, ``intermediate`` or ``basic``: the level of the court a 法院代字 names.

    >>> court_level("豫"), court_level("豫05"), court_level("豫0502"), court_level("豫123")
    ('high', 'intermediate', 'basic', None)
    """
    parts = split_court_code(court_code)
    if parts is None or parts[0] not in ABBREVIATION_TO_CODE:
        return None
    return _LEVEL_BY_DIGITS.get(len(parts[1]))


def _nearest_known(code: str) -> str | None:
    for candidate in (code, code[:4] + "00", code[:2] + "0000"):
        if gb2260.known(candidate):
            return candidate
    return None


def region_from_court_code(court_code: str | None) -> str | None:
    """GB/T 2260 code of a 法院代字.

    >>> region_from_court_code("豫0502"), region_from_court_code("沪01")
    ('410502', '310100')
    """
    parts = split_court_code(court_code)
    province = court_province(court_code)
    if parts is None or province is None:
        return None
    digits = parts[1]
    if not digits:
        return province + "0000"
    if len(digits) == 2:
        return _nearest_known(province + digits + "00")
    if len(digits) == 4:
        return _nearest_known(province + digits)
    return None


def court_name(court_code: str | None) -> str | None:
    """The court a 法院代字 names, for a copy that prints no court line.

    ``豫0502`` -> ``河南省安阳市文峰区人民法院``, ``鲁0323`` -> ``山东省沂源县人民法院`` (a county
    court's name leaves out the city), ``豫05`` -> ``河南省安阳市中级人民法院``, ``豫`` ->
    ``河南省高级人民法院``. None when the code is not a county, city or province of the table
    (special courts such as ``苏0192``) or names a municipality's 中院 (``沪01`` is the 第一中级
    人民法院, which the code alone does not say).

    >>> court_name("豫0502"), court_name("沪01")
    ('河南省安阳市文峰区人民法院', None)
    """
    region = region_from_court_code(court_code)
    if not court_code or region is None:
        return None
    digits = court_code[1:]
    province = gb2260.name(region[:2] + "0000")
    if province is None:
        return None
    if not digits:
        return province + "高级人民法院"
    municipality = region[:2] in gb2260.MUNICIPALITIES
    if len(digits) == 2:
        city = gb2260.name(region[:4] + "00")
        if municipality or city is None or region != region[:4] + "00":
            return None
        return province + city + "中级人民法院"
    county = gb2260.name(region)
    if county is None or region[4:] == "00":
        return None
    city = gb2260.name(region[:4] + "00")
    if municipality or not county.endswith("区") or city is None:
        return province + county + "人民法院"  # 山东省沂源县人民法院, 上海市宝山区人民法院
    return province + city + county + "人民法院"  # 河南省安阳市文峰区人民法院
