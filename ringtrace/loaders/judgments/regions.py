"""Where a court or arbitration commission sits, as a GB/T 2260 administrative code.

A lead goes to the procuratorate of the place and level of the forum that decided the case
(docs/domain.md §8.7), so every record carries ``region_code``. Two routes:

* from the 法院代字 of a 2016+ case number: province abbreviation alone for a 高院 (``鲁`` ->
  370000), plus two digits for a 中院 (``鲁15`` -> 371500), plus four digits for a 基层 court,
  which are the last four digits of the county code (``豫0502`` -> 410502). Special courts use
  codes such as ``苏0192`` that are not counties; they fall back to the city.
* from the forum's name (pre-2016 numbers, arbitration commissions): the leading place names
  (``浙江省金华市中级人民法院`` -> 330700, ``安阳市劳动人事争议仲裁委员会`` -> 410500), read
  against the bundled code table ``gb2260.json``.
"""

from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources

#: 案号 province abbreviations (法院代字 first character) -> GB/T 2260 province prefix.
PROVINCE_ABBREVIATIONS: dict[str, str] = {
    "京": "11", "津": "12", "冀": "13", "晋": "14", "内": "15", "辽": "21", "吉": "22",
    "黑": "23", "沪": "31", "苏": "32", "浙": "33", "皖": "34", "闽": "35", "赣": "36",
    "鲁": "37", "豫": "41", "鄂": "42", "湘": "43", "粤": "44", "桂": "45", "琼": "46",
    "渝": "50", "川": "51", "黔": "52", "滇": "53", "藏": "54", "陕": "61", "甘": "62",
    "青": "63", "宁": "64", "新": "65",
}
_PLACEHOLDER_NAMES = frozenset({"市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划"})
_MAX_NAME = 15


@lru_cache(maxsize=1)
def _codes() -> dict[str, str]:
    raw = resources.files("ringtrace.loaders.judgments").joinpath("gb2260.json").read_text(
        encoding="utf-8")
    return dict(json.loads(raw)["codes"])


@lru_cache(maxsize=1)
def _names() -> dict[str, tuple[str, ...]]:
    index: dict[str, list[str]] = {}
    for code, name in _codes().items():
        if name not in _PLACEHOLDER_NAMES:
            index.setdefault(name, []).append(code)
    return {name: tuple(sorted(codes)) for name, codes in index.items()}


def known_code(code: str) -> bool:
    """True when ``code`` is a six-digit code of the bundled GB/T 2260 table."""
    return code in _codes()


def place_name(code: str) -> str | None:
    """The name of a code (``410502`` -> ``文峰区``), or None if it is not in the table."""
    return _codes().get(code)


def _nearest_known(code: str) -> str | None:
    for candidate in (code, code[:4] + "00", code[:2] + "0000"):
        if candidate in _codes():
            return candidate
    return None


def region_from_court_code(court_code: str | None) -> str | None:
    """GB/T 2260 code of a 法院代字 (``豫0502`` -> ``410502``; ``沪01`` -> ``310100``)."""
    if not court_code:
        return None
    province = PROVINCE_ABBREVIATIONS.get(court_code[0])
    digits = court_code[1:]
    if province is None or (digits and not digits.isdigit()):
        return None
    if not digits:
        return province + "0000"
    if len(digits) == 2:
        return _nearest_known(province + digits + "00")
    if len(digits) == 4:
        return _nearest_known(province + digits)
    return None


def _compatible(code: str, parent: str | None) -> bool:
    if parent is None:
        return True
    if parent.endswith("0000"):
        return code[:2] == parent[:2] and code != parent
    if parent.endswith("00"):
        return code[:4] == parent[:4] and code != parent
    return False


def starts_with_place(text: str) -> bool:
    """True when ``text`` begins with a place name of the table (``山东省…``, ``沂源县…``)."""
    names = _names()
    return any(text[:length] in names for length in range(2, min(_MAX_NAME, len(text)) + 1))


def region_from_name(name: str | None) -> str | None:
    """GB/T 2260 code of the place names a forum's name starts with, most specific first.

    ``山东省沂源县人民法院`` -> 370323; ``上海市第一中级人民法院`` -> 310000;
    ``朝阳区人民法院`` (two 朝阳区 in the table, no province given) -> None.
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


_MUNICIPALITIES = ("11", "12", "31", "50")


def court_name(court_code: str | None) -> str | None:
    """The court a 法院代字 names, for a copy that prints no court line.

    ``豫0502`` -> ``河南省安阳市文峰区人民法院``, ``鲁0323`` -> ``山东省沂源县人民法院`` (a county
    court's name leaves out the city), ``豫05`` -> ``河南省安阳市中级人民法院``, ``豫`` ->
    ``河南省高级人民法院``. None when the code is not a county, city or province of the table
    (special courts such as ``苏0192``) or names a municipality's 中院 (``沪01`` is the 第一中级
    人民法院, which the code alone does not say).
    """
    region = region_from_court_code(court_code)
    if not court_code or region is None:
        return None
    digits = court_code[1:]
    province = place_name(region[:2] + "0000")
    if province is None:
        return None
    if not digits:
        return province + "高级人民法院"
    municipality = region[:2] in _MUNICIPALITIES
    if len(digits) == 2:
        city = place_name(region[:4] + "00")
        if municipality or city is None or region != region[:4] + "00":
            return None
        return province + city + "中级人民法院"
    county = place_name(region)
    if county is None or region[4:] == "00":
        return None
    city = place_name(region[:4] + "00")
    if municipality or not county.endswith("区") or city is None or city in _PLACEHOLDER_NAMES:
        return province + county + "人民法院"  # 山东省沂源县人民法院, 上海市宝山区人民法院
    return province + city + county + "人民法院"  # 河南省安阳市文峰区人民法院
