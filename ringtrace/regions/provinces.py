"""Provinces of China: GB/T 2260 two-digit codes, names and the one-character abbreviations
used in court codes (法院代字) and case numbers."""

from __future__ import annotations

__all__ = ["ABBREVIATION_TO_CODE", "COURT_ABBREVIATIONS", "PROVINCES", "province_name",
           "province_of_code", "province_of_text"]

#: code -> (full name, short name, case-number abbreviation)
PROVINCES: dict[str, tuple[str, str, str]] = {
    "11": ("北京市", "北京", "京"), "12": ("天津市", "天津", "津"), "13": ("河北省", "河北", "冀"),
    "14": ("山西省", "山西", "晋"), "15": ("内蒙古自治区", "内蒙古", "内"),
    "21": ("辽宁省", "辽宁", "辽"), "22": ("吉林省", "吉林", "吉"), "23": ("黑龙江省", "黑龙江", "黑"),
    "31": ("上海市", "上海", "沪"), "32": ("江苏省", "江苏", "苏"), "33": ("浙江省", "浙江", "浙"),
    "34": ("安徽省", "安徽", "皖"), "35": ("福建省", "福建", "闽"), "36": ("江西省", "江西", "赣"),
    "37": ("山东省", "山东", "鲁"), "41": ("河南省", "河南", "豫"), "42": ("湖北省", "湖北", "鄂"),
    "43": ("湖南省", "湖南", "湘"), "44": ("广东省", "广东", "粤"), "45": ("广西壮族自治区", "广西", "桂"),
    "46": ("海南省", "海南", "琼"), "50": ("重庆市", "重庆", "渝"), "51": ("四川省", "四川", "川"),
    "52": ("贵州省", "贵州", "黔"), "53": ("云南省", "云南", "云"), "54": ("西藏自治区", "西藏", "藏"),
    "61": ("陕西省", "陕西", "陕"), "62": ("甘肃省", "甘肃", "甘"), "63": ("青海省", "青海", "青"),
    "64": ("宁夏回族自治区", "宁夏", "宁"), "65": ("新疆维吾尔自治区", "新疆", "新"),
}

#: Abbreviations some sources write instead of the courts' own: 滇, the literary name of
#: Yunnan, for the 云 its courts use. Read, never written.
_ALIASES = {"滇": "53"}

#: Court-code abbreviation (first character of a 法院代字) -> province code.
ABBREVIATION_TO_CODE = {abbr: code for code, (_, _, abbr) in PROVINCES.items()} | _ALIASES

#: Every court-code abbreviation as one string, for regular-expression character classes.
COURT_ABBREVIATIONS = "".join(ABBREVIATION_TO_CODE)


def province_of_code(region_code: str | None) -> str | None:
    """Province code (two digits) of a GB/T 2260 region code, if known.

    >>> province_of_code("410502"), province_of_code("990000")
    ('41', None)
    """
    if region_code and region_code[:2] in PROVINCES:
        return region_code[:2]
    return None


def province_of_text(text: str | None) -> str | None:
    """Province code named at the start of an address or organisation name, if any.

    >>> province_of_text("河南省安阳市文峰区人民法院")
    '41'
    """
    if not text:
        return None
    head = text[:12]
    best: tuple[int, str] | None = None
    for code, (full, short, _) in PROVINCES.items():
        for name in (full, short):
            pos = head.find(name)
            if pos != -1 and (best is None or pos < best[0]):
                best = (pos, code)
    return best[1] if best else None


def province_name(code: str | None) -> str:
    """Full name of a province code, ``未知`` when it is not one."""
    return PROVINCES[code][0] if code in PROVINCES else "未知"
