"""The synthetic province's places and forums: real GB/T 2260 codes, court and commission names.

The province is weighted to Henan (豫), the home of the Anyang model, with its real prefecture and
county codes, plus a handful of places elsewhere for cross-province rings and for applicants'
home addresses (Chongqing farmers, Xinjiang and Hainan employers, Jilin grain depots...).

Each county has a basic court (``河南省安阳市文峰区人民法院``, 法院代字 ``豫0502`` = last four
digits of the county code) and a labour-arbitration commission; each prefecture has an
intermediate court (``豫05``) and a city-level commission. ``short`` is the one- or two-character
abbreviation used in pre-2016 court numbers and arbitration numbers; the table keeps them unique
so that a written case number identifies its forum.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from functools import cached_property

from ringtrace.regions.provinces import PROVINCES

#: (prefecture code, name, short, phone area code, intermediate court name or "" for the
#: default ``<province><prefecture>中级人民法院``, intermediate court code or "" for the default
#: ``<abbr><last two digits>``, counties as "code name short weight" separated by ``;``).
_PREFECTURES: tuple[tuple[str, str, str, str, str, str, str], ...] = (
    ("4101", "郑州市", "郑", "0371", "", "",
     "410102 中原区 中原 3;410103 二七区 二七 3;410104 管城回族区 管 2;410105 金水区 金 4;"
     "410108 惠济区 惠 1;410122 中牟县 牟 2;410181 巩义市 巩 2;410184 新郑市 新郑 2"),
    ("4102", "开封市", "汴", "0371", "", "",
     "410202 龙亭区 龙亭 1;410225 兰考县 兰 2;410223 尉氏县 尉 1"),
    ("4103", "洛阳市", "洛", "0379", "", "",
     "410305 涧西区 涧 2;410311 洛龙区 洛龙 2;410329 伊川县 伊 1"),
    ("4104", "平顶山市", "平", "0375", "", "",
     "410402 新华区 平新 1;410422 叶县 叶 1;410482 汝州市 汝 2"),
    ("4105", "安阳市", "安", "0372", "", "",
     "410502 文峰区 文 4;410503 北关区 北 3;410505 殷都区 殷 3;410506 龙安区 龙 2;"
     "410522 安阳县 安县 3;410523 汤阴县 汤 2;410526 滑县 滑 3;410527 内黄县 内 2;"
     "410581 林州市 林 3"),
    ("4106", "鹤壁市", "鹤", "0392", "", "",
     "410611 淇滨区 淇滨 2;410621 浚县 浚 2;410622 淇县 淇 1"),
    ("4107", "新乡市", "新", "0373", "", "",
     "410702 红旗区 红 3;410703 卫滨区 卫滨 2;410711 牧野区 牧 2;410782 辉县市 辉 2;"
     "410781 卫辉市 卫辉 2;410783 长垣市 垣 2"),
    ("4108", "焦作市", "焦", "0391", "", "",
     "410802 解放区 解 2;410811 山阳区 山阳 2;410821 修武县 修 1;410882 沁阳市 沁 2;"
     "410883 孟州市 孟 1"),
    ("4109", "濮阳市", "濮", "0393", "", "",
     "410902 华龙区 华龙 2;410922 清丰县 清 1;410926 范县 范 1"),
    ("4113", "南阳市", "宛", "0377", "", "",
     "411302 宛城区 宛城 2;411381 邓州市 邓 2"),
    ("4114", "商丘市", "商", "0370", "", "",
     "411402 梁园区 梁 2;411481 永城市 永 2"),
    ("4116", "周口市", "周", "0394", "", "",
     "411602 川汇区 川汇 2;411628 鹿邑县 鹿 1;411681 项城市 项 1"),
    ("6501", "乌鲁木齐市", "乌", "0991", "", "",
     "650102 天山区 天山 2;650103 沙依巴克区 沙 3;650109 米东区 米东 2"),
    ("4601", "海口市", "海", "0898", "", "",
     "460106 龙华区 海龙华 1;460108 美兰区 美兰 1"),
    ("4690", "省直辖县级行政区划", "海南一", "0898", "海南省第一中级人民法院", "琼96",
     "469005 文昌市 文昌 2"),
    ("5001", "重庆市", "渝一", "023", "重庆市第一中级人民法院", "渝01",
     "500117 合川区 合 1;500152 潼南区 潼 1;500116 江津区 江津 1"),
    ("2202", "吉林市", "吉", "0432", "", "",
     "220204 船营区 船 1;220282 桦甸市 桦 1"),
    ("3715", "聊城市", "聊", "0635", "", "",
     "371502 东昌府区 东昌 1;371521 阳谷县 阳谷 1"),
    ("1304", "邯郸市", "邯", "0310", "", "",
     "130434 魏县 魏 1;130423 临漳县 临漳 1"),
    ("3412", "阜阳市", "阜", "0558", "", "",
     "341221 临泉县 临泉 1;341222 太和县 太和 1"),
    ("5113", "南充市", "南充", "0817", "", "",
     "511302 顺庆区 顺庆 1;511321 南部县 南部 1"),
)

#: Relative weight of each province as a place where cases are decided (forums) and as the home
#: of workers. Henan dominates both.
FORUM_PROVINCE_WEIGHT = {"41": 88.0, "65": 3.0, "46": 2.5, "50": 1.5, "22": 2.0, "37": 1.5,
                         "13": 0.5, "34": 0.5, "51": 0.5}
HOME_PROVINCE_WEIGHT = {"41": 84.0, "50": 3.5, "51": 2.5, "34": 2.5, "13": 2.0, "37": 2.0,
                        "65": 1.5, "46": 1.0, "22": 1.0}

#: Places an applicant of a cross-province ring typically comes from, by forum province.
CROSS_PROVINCE_HOMES = {"65": ("50", "51", "41"), "46": ("41", "50"), "22": ("41", "37"),
                        "41": ("13", "37", "34", "50"), "37": ("41", "13"), "50": ("51", "41"),
                        "13": ("41", "37"), "34": ("41",), "51": ("50", "41")}

_STREETS = ("中华路", "人民大道", "解放路", "建设路", "红旗路", "胜利路", "光明路", "东风路",
            "朝阳路", "平原路", "和平路", "新华路", "文化路", "工业路", "文明大道", "长江路",
            "黄河路", "健康路", "友谊路", "迎宾路", "车站路", "南关街", "北大街", "西大街")
_TOWN_HEADS = ("城关", "高庄", "柏庄", "水冶", "曲沟", "白壁", "韩陵", "瓦店", "磊口", "道口",
               "留香寨", "楚旺", "东庄", "姚村", "任村", "马投涧", "善应", "伦掌", "吕村", "辛店",
               "宜沟", "菜园", "洪河屯", "都里", "崔家桥", "永和", "北郭", "瓦岗", "牛屯", "梁庄",
               "大寨", "石板岩", "横水", "桃园", "五陵", "城郊", "王庄", "黄河", "古城", "新庄")


@dataclass(frozen=True)
class Province:
    code: str  # two digits
    name: str  # 河南省
    abbr: str  # 豫


@dataclass(frozen=True)
class Prefecture:
    code: str  # four digits
    name: str  # 安阳市 (for 省直辖 places this is an administrative label, never printed)
    short: str  # 安
    area_code: str  # 0372
    province: Province
    court_name: str  # 河南省安阳市中级人民法院
    court_code: str  # 豫05

    @property
    def region_code(self) -> str:
        return self.code + "00"

    @property
    def is_city(self) -> bool:
        """False for 省直辖县级行政区划, whose counties are named without a prefecture."""
        return not self.name.startswith("省直辖")


@dataclass(frozen=True)
class County:
    code: str  # six digits
    name: str  # 文峰区 / 滑县 / 林州市
    short: str  # 文
    weight: float
    prefecture: Prefecture
    towns: tuple[str, ...] = field(default=(), compare=False)

    @property
    def province(self) -> Province:
        return self.prefecture.province

    @property
    def is_district(self) -> bool:
        return self.name.endswith("区")

    @cached_property
    def full_name(self) -> str:
        """``河南省安阳市文峰区``, ``河南省滑县``, ``重庆市合川区``, ``海南省文昌市``."""
        pref = self.prefecture
        province = pref.province.name
        if province == pref.name:  # municipality: 重庆市合川区
            return province + self.name
        if self.is_district and pref.is_city:
            return province + pref.name + self.name
        return province + self.name

    @cached_property
    def local_name(self) -> str:
        """The name without the province (``安阳市文峰区``, ``滑县``), except in a municipality
        (``重庆市合川区``): how addresses often start and commissions are named."""
        if self.prefecture.name == self.province.name:
            return self.full_name
        return self.full_name[len(self.province.name):]


@dataclass(frozen=True)
class Forum:
    """A court or an arbitration commission that decides cases."""

    name: str
    kind: str  # court | arbitration
    level: str  # basic | intermediate (courts); city | county (commissions)
    region_code: str
    court_code: str | None
    short: str  # abbreviation used in case numbers
    prefecture: Prefecture
    county: County | None  # None for intermediate courts and city commissions

    @property
    def province(self) -> Province:
        return self.prefecture.province


@dataclass
class Geography:
    provinces: dict[str, Province]
    prefectures: list[Prefecture]
    counties: list[County]
    basic_courts: dict[str, Forum]  # county code -> court
    county_commissions: dict[str, Forum]  # county code -> commission
    intermediate_courts: dict[str, Forum]  # prefecture code -> court
    city_commissions: dict[str, Forum]  # prefecture code -> commission

    def forums(self) -> list[Forum]:
        return [*self.basic_courts.values(), *self.county_commissions.values(),
                *self.intermediate_courts.values(), *self.city_commissions.values()]


def _towns(county_code: str, district: bool) -> tuple[str, ...]:
    """Five town names per county, picked from a fixed list by a hash of the county code (fixed
    data, no RNG); districts get 街道 as well as towns."""
    digest = hashlib.sha256(county_code.encode()).digest()
    heads = list(dict.fromkeys(_TOWN_HEADS[b % len(_TOWN_HEADS)] for b in digest))
    names = ["城关镇"]
    for i, head in enumerate(h for h in heads if h != "城关"):
        if len(names) == 5:
            break
        suffix = "街道" if district and i % 2 == 0 else ("乡" if digest[i] % 4 == 0 else "镇")
        names.append(head + suffix)
    return tuple(names)


def street_names() -> tuple[str, ...]:
    return _STREETS


def build_geography() -> Geography:
    """The fixed place table (no randomness): provinces, counties and their forums."""
    provinces: dict[str, Province] = {}
    prefectures: list[Prefecture] = []
    counties: list[County] = []
    for code, name, short, area, court_name, court_code, county_spec in _PREFECTURES:
        pcode = code[:2]
        full, _, abbr = PROVINCES[pcode]
        province = provinces.setdefault(pcode, Province(pcode, full, abbr))
        pref_court = court_name or (
            f"{full}{name}中级人民法院" if full != name else f"{full}第一中级人民法院")
        pref = Prefecture(code, name, short, area, province, pref_court,
                          court_code or f"{abbr}{code[2:]}")
        prefectures.append(pref)
        for item in county_spec.split(";"):
            ccode, cname, cshort, weight = item.split()
            counties.append(County(ccode, cname, cshort, float(weight), pref,
                                   _towns(ccode, cname.endswith("区"))))
    basic, county_comm, inter, city_comm = {}, {}, {}, {}
    for county in counties:
        pref = county.prefecture
        abbr = pref.province.abbr
        basic[county.code] = Forum(f"{county.full_name}人民法院", "court", "basic", county.code,
                                   f"{abbr}{county.code[2:]}", county.short, pref, county)
        comm_place = county.local_name if county.is_district else county.name
        county_comm[county.code] = Forum(f"{comm_place}劳动人事争议仲裁委员会", "arbitration",
                                         "county", county.code, None, county.short, pref, county)
    for pref in prefectures:
        inter[pref.code] = Forum(pref.court_name, "court", "intermediate", pref.region_code,
                                 pref.court_code, pref.short + "中", pref, None)
        if pref.is_city:
            city_comm[pref.code] = Forum(f"{pref.name}劳动人事争议仲裁委员会", "arbitration",
                                         "city", pref.region_code, None, pref.short, pref, None)
    return Geography(provinces, prefectures, counties, basic, county_comm, inter, city_comm)
