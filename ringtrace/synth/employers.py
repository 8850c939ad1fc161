"""Employers of the synthetic province and their registry facts.

An :class:`Employer` carries what a Tianyancha export shows (name, USCC, legal representative,
status, founding date, capital, 参保人数, address, phone, type, industry, former names,
cancel/revoke dates) plus its name history, so that a 2016 judgment names the firm as it was
called in 2016 while the 2024 registry export lists that name under 曾用名.

The same industries, types and statuses are used for sham and genuine employers; only the
mixture differs, so no single registry field marks a sham employer.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass, field

from ringtrace.synth import ids
from ringtrace.synth.geography import County, street_names
from ringtrace.synth.people import Person

#: Registry snapshot date: the export reflects the state of each firm on this day.
REGISTRY_DATE = dt.date(2024, 6, 30)

TRADE_NAMES = (
    "恒达", "鑫源", "宏达", "华通", "永兴", "金鑫", "瑞丰", "昌盛", "兴旺", "福源", "鼎盛", "天宇", "联创", "盛世", "德润", "广源",
    "宏远", "中原", "豫安", "豫丰", "安泰", "兴隆", "顺达", "通达", "利民", "惠民", "富源", "金源", "华丰", "长青", "新华", "东方",
    "龙腾", "凯达", "祥瑞", "万通", "开元", "建业", "嘉禾", "国泰", "光明", "红旗", "胜利", "前进", "向阳", "恒信", "诚信", "信达",
    "隆达", "众鑫", "汇丰", "晟达", "宏盛", "泰和", "鸿运", "金利", "正阳", "天成", "华源", "永丰", "百川", "中兴", "振兴", "安顺",
    "宝丰", "富民", "殷都", "洹河", "太行", "红旗渠", "豫北", "卫河", "汤河", "淇河",
)

#: industry key -> (registry 所属行业, name patterns). ``{p}`` place, ``{t}`` trade name,
#: ``{n}`` ordinal, ``{w}`` town.
INDUSTRIES: dict[str, tuple[str, tuple[str, ...]]] = {
    "scrap": ("废弃资源综合利用业", ("{p}{t}废旧物资回收有限公司", "{p}{t}再生资源回收有限公司",
                                 "{p}{t}物资回收有限责任公司")),
    "coal": ("煤炭开采和洗选业", ("{p}{t}煤业有限公司", "{p}{w}煤矿", "{p}{t}矿业有限责任公司")),
    "grain": ("装卸搬运和仓储业", ("{p}{t}粮油购销有限公司", "{p}{w}粮食储备库", "{p}第{n}粮库")),
    "construction": ("房屋建筑业", ("{p}{t}建筑工程有限公司", "{p}{t}建筑安装工程有限公司",
                                "{p}第{n}建筑工程公司")),
    "property": ("物业管理", ("{p}{t}物业服务有限公司", "{p}{t}物业管理有限公司")),
    "textile": ("纺织业", ("{p}{t}纺织有限公司", "{p}第{n}棉纺织厂", "{p}{t}针织有限公司")),
    "labour_service": ("商务服务业", ("{p}{t}化工厂劳动服务公司", "{p}{t}钢铁公司劳动服务公司",
                                   "{p}{t}劳务服务有限公司", "{p}{t}人力资源服务有限公司")),
    "machinery": ("通用设备制造业", ("{p}{t}机械制造有限公司", "{p}{t}机械厂", "{p}第{n}机床厂")),
    "food": ("农副食品加工业", ("{p}{t}食品有限公司", "{p}{t}面粉有限公司", "{p}{t}肉类加工厂")),
    "transport": ("道路运输业", ("{p}{t}运输有限公司", "{p}{t}物流有限公司", "{p}{t}汽车运输公司")),
    "sanitation": ("公共设施管理业", ("{p}{t}环卫服务有限公司", "{p}{t}保洁服务有限公司")),
    "chemical": ("化学原料和化学制品制造业", ("{p}{t}化工有限公司", "{p}{t}化肥厂")),
    "trade": ("批发业", ("{p}{t}商贸有限公司", "{p}{t}贸易有限公司")),
    "catering": ("餐饮业", ("{p}{t}餐饮管理有限公司", "{p}{t}大酒店有限公司")),
    "steel": ("黑色金属冶炼和压延加工业", ("{p}{t}钢铁有限公司", "{p}{t}钢铁集团有限责任公司")),
    "brick": ("非金属矿物制品业", ("{p}{t}建材有限公司", "{p}{w}砖厂", "{p}{t}水泥有限公司")),
    "security": ("商务服务业", ("{p}{t}保安服务有限公司",)),
}

_LLC_TYPES = (("有限责任公司(自然人投资或控股)", 6), ("有限责任公司(自然人独资)", 2),
              ("有限责任公司(非自然人投资或控股的法人独资)", 1),
              ("股份有限公司(非上市、自然人投资或控股)", 0.5))
_SOE_LLC_TYPES = (("有限责任公司(国有独资)", 2), ("有限责任公司(国有控股)", 2),
                  ("有限责任公司(非自然人投资或控股的法人独资)", 1))
_PLAIN_TYPES = (("集体所有制", 4), ("全民所有制", 2), ("股份合作制", 1))
_TITLES_LLC = ("经理", "总经理", "执行董事", "执行董事兼总经理", "董事长")
_TITLES_PLAIN = ("厂长", "经理", "厂长", "总经理")


@dataclass(slots=True, eq=False)
class Employer:
    name: str  # current name (registry)
    county: County
    industry: str  # 所属行业
    industry_key: str  # key of INDUSTRIES (how names of this kind are formed)
    company_type: str
    founded: dt.date
    uscc: str
    legacy_code: bool  # a genuine early code that fails the checksum
    legal_rep: Person
    legal_rep_title: str
    status: str
    headcount: int | None  # 参保人数 as exported (None = unknown)
    capital: str
    address: str
    phone: str
    former: list[tuple[str, dt.date]] = field(default_factory=list)  # (old name, used until)
    cancel_date: dt.date | None = None
    revoke_date: dt.date | None = None
    in_registry: bool = True
    reg_number: str | None = None  # 15-digit 注册号 of a firm that never had a USCC

    def name_on(self, day: dt.date) -> str:
        """The name the firm had on ``day`` (documents name it as it was then)."""
        for old, until in self.former:
            if day < until:
                return old
        return self.name

    @property
    def former_names(self) -> list[str]:
        return [old for old, _ in reversed(self.former)]

    @property
    def defunct_since(self) -> dt.date | None:
        return self.cancel_date or self.revoke_date


def _weighted(rng: random.Random, pairs: tuple[tuple[str, float], ...]) -> str:
    return rng.choices([p for p, _ in pairs], weights=[w for _, w in pairs])[0]


def place_prefix(rng: random.Random, county: County) -> str:
    pref = county.prefecture
    options = [county.name] if not county.is_district else []
    if pref.is_city and pref.name != pref.province.name:
        options += [pref.name, pref.name, pref.name.removesuffix("市")]
    elif pref.name == pref.province.name:  # municipality
        options += [pref.name, pref.name + county.name]
    return rng.choice(options or [county.name])


_TRADE_CHARS = "恒鑫宏华永金瑞昌兴福鼎天联盛德广远安泰顺通利民富源丰长新东龙凯祥万开建嘉国光明信达众汇晟和鸿正成" \
    "百中振宝润隆豪佳美诚益康泽博海峰荣耀宇辉腾飞越"


def trade_name(rng: random.Random, attempt: int = 0) -> str:
    """A 字号: a common one, or two (three, after many name clashes) auspicious characters."""
    if attempt < 3 and rng.random() < 0.6:
        return rng.choice(TRADE_NAMES)
    size = 2 if attempt < 20 else 3
    return "".join(rng.choice(_TRADE_CHARS) for _ in range(size))


def company_name(rng: random.Random, county: County, industry: str, *,
                 numbered: bool = False, attempt: int = 0) -> str:
    """A plausible registered name; ``numbered`` prefers the old state-style ``第N…厂`` forms.

    ``attempt`` counts earlier clashes with taken names: retries widen the choice of 字号 and
    drop the (few) numbered forms, so a free name is always found.
    """
    _, patterns = INDUSTRIES[industry]
    if numbered and attempt < 5:
        patterns = tuple(p for p in patterns if "{n}" in p or "{w}" in p) or patterns
    elif attempt >= 5:
        patterns = tuple(p for p in patterns if "{t}" in p) or patterns
    pattern = rng.choice(patterns)
    town = rng.choice(county.towns).removesuffix("街道").removesuffix("镇").removesuffix("乡")
    return pattern.format(p=place_prefix(rng, county), t=trade_name(rng, attempt),
                          n="一二三四五六七八"[rng.randrange(8)], w=town)


def registered_capital(rng: random.Random, headcount: int | None) -> str:
    size = headcount or 0
    if size > 500:
        amount: float = rng.choice((5000, 8000, 10000, 20000, 35000, 68000))
    elif size > 50:
        amount = rng.choice((500, 800, 1000, 1200, 2000, 3000))
    else:
        amount = rng.choice((3, 5, 10, 20, 30, 50, 50, 100, 100, 200, 300, 500))
    if rng.random() < 0.15:
        amount = round(amount * rng.uniform(0.5, 1.5), 1)
    text = f"{amount:g}"
    return rng.choice((f"{text}万人民币", f"{text}万元", f"{text}万元人民币", f"{text}万人民币"))


def company_address(rng: random.Random, county: County) -> str:
    if rng.random() < 0.5:
        return f"{county.full_name}{rng.choice(street_names())}{rng.randint(1, 899)}号"
    town = rng.choice(county.towns)
    return f"{county.full_name}{town}{rng.choice(('工业园区', '产业集聚区', ''))}" \
           f"{rng.choice(street_names())}{rng.randint(1, 300)}号"


def company_type(rng: random.Random, name: str, soe: bool) -> str:
    if "有限" in name:
        return _weighted(rng, _SOE_LLC_TYPES if soe else _LLC_TYPES)
    if soe:
        return _weighted(rng, (("全民所有制", 3), ("集体所有制", 2)))
    return _weighted(rng, _PLAIN_TYPES)


def title_for(rng: random.Random, name: str) -> str:
    return rng.choice(_TITLES_LLC if "有限" in name else _TITLES_PLAIN)


def headcount_value(rng: random.Random, low: int, high: int) -> int:
    """An integer in [low, high], log-uniform above 10 so that big firms stay rare."""
    if high <= 10 or low >= high:
        return rng.randint(low, max(low, high))
    lo = max(low, 1)
    value: int = round(lo * (high / lo) ** rng.random())
    return max(low, min(high, value))


@dataclass(frozen=True)
class Profile:
    """How a family of employers is drawn (industries, age, size, status, renames)."""

    industries: tuple[tuple[str, float], ...]
    founded: tuple[int, int]
    headcount: tuple[int, int]
    zero_share: float  # share of firms exporting 参保人数 0 within the range
    statuses: tuple[tuple[str, float], ...]
    rename: float
    soe: float
    numbered: float = 0.0


def _pairs(spec: str) -> tuple[tuple[str, float], ...]:
    return tuple((k, float(v)) for k, v in (item.split(":") for item in spec.split()))


PROFILES: dict[str, Profile] = {
    # Dormant or small firms that intermediaries use; 20% of them have 11-60 insured staff.
    "sham": Profile(_pairs("scrap:20 coal:12 grain:12 labour_service:14 construction:10 "
                           "textile:8 brick:8 machinery:5 trade:5 property:3 food:3"),
                    (1984, 2012), (0, 10), 0.4,
                    _pairs("存续:30 在业:15 注销:15 吊销:15 清算:10 停业:8 迁出:7"),
                    0.15, 0.25, 0.3),
    "sham_mid": Profile(_pairs("labour_service:3 grain:2 coal:2 textile:1 scrap:1"),
                        (1980, 2008), (11, 60), 0.0,
                        _pairs("存续:40 在业:20 注销:10 吊销:10 清算:10 停业:10"), 0.2, 0.5, 0.5),
    "small": Profile(_pairs("trade:15 catering:12 construction:12 property:8 sanitation:6 "
                            "security:6 food:8 transport:10 scrap:5 brick:5 machinery:5 "
                            "textile:5 labour_service:3 grain:2 coal:2"),
                     (1995, 2020), (0, 10), 0.3,
                     _pairs("存续:45 在业:20 注销:12 吊销:12 清算:3 停业:4 迁出:4"), 0.08, 0.05),
    "general": Profile(_pairs("construction:15 machinery:10 property:10 food:8 transport:10 "
                              "textile:8 chemical:8 sanitation:6 security:6 catering:6 "
                              "trade:8 coal:3 steel:2 grain:2 labour_service:2"),
                       (1985, 2018), (10, 800), 0.0,
                       _pairs("存续:60 在业:25 注销:6 吊销:4 清算:2 停业:1 迁出:2"), 0.15, 0.1),
    "big": Profile(_pairs("coal:3 steel:2 construction:3 textile:1 chemical:1"),
                   (1952, 1995), (1000, 5000), 0.0, _pairs("存续:70 在业:30"), 0.5, 0.7, 0.3),
    "soe": Profile(_pairs("textile:4 machinery:4 grain:4 chemical:3 coal:3 labour_service:3 "
                          "brick:2 food:2"),
                   (1952, 1985), (0, 40), 0.25,
                   _pairs("存续:50 在业:20 注销:10 吊销:5 清算:10 停业:5"), 0.9, 0.9, 0.6),
    # Varied worlds only: small service employers of supported group suits (sanitation,
    # silk and textile workshops, property and security services).
    "supported": Profile(_pairs("sanitation:5 textile:4 property:2 security:2 catering:1 "
                                "food:1"),
                         (1993, 2012), (0, 40), 0.3,
                         _pairs("存续:55 在业:20 停业:10 吊销:10 注销:5"), 0.05, 0.1),
    # Varied worlds only: young private firms, contractors and labour-service companies.
    "young": Profile(_pairs("labour_service:5 construction:5 property:4 security:2 "
                            "sanitation:2 catering:1 trade:1"),
                     (2008, 2019), (0, 30), 0.35,
                     _pairs("注销:30 吊销:20 停业:15 存续:25 清算:10"), 0.05, 0.0),
    # Varied worlds only: dormant collective or state enterprises founded decades ago.
    "dormant": Profile(_pairs("textile:4 machinery:4 food:3 brick:3 chemical:2 grain:2 "
                              "construction:2"),
                       (1952, 1988), (0, 3), 0.7,
                       _pairs("存续:55 吊销:20 停业:15 在业:10"), 0.0, 0.6, 1.0),
    "closing": Profile(_pairs("textile:5 machinery:4 food:3 chemical:3 brick:3 coal:2 scrap:2 "
                              "construction:2"),
                       (1980, 2010), (0, 15), 0.5,
                       _pairs("注销:35 吊销:20 清算:25 停业:15 存续:5"), 0.2, 0.3, 0.4),
}


def _date_between(rng: random.Random, start: dt.date, end: dt.date) -> dt.date:
    span = max((end - start).days, 0)
    return start + dt.timedelta(days=rng.randint(0, span))


def make_employer(rng: random.Random, county: County, profile_name: str, *,
                  legal_rep: Person, legacy_share: float = 0.012) -> Employer:
    """A new employer of the given profile (see :data:`PROFILES`) registered in ``county``.

    ``legal_rep`` is created by the caller (it needs the person factory); cancel and revoke
    dates fall between the founding date and :data:`REGISTRY_DATE`, and callers that need a
    firm to close after its last case move them with :func:`close_after`.
    """
    prof = PROFILES[profile_name]
    industry_key = _weighted(rng, prof.industries)
    soe = rng.random() < prof.soe
    name = company_name(rng, county, industry_key, numbered=rng.random() < prof.numbered)
    founded = _date_between(rng, dt.date(prof.founded[0], 1, 1), dt.date(prof.founded[1], 12, 31))
    low, high = prof.headcount
    headcount: int | None = 0 if rng.random() < prof.zero_share else headcount_value(rng, low, high)
    if rng.random() < 0.08:
        headcount = None
    status = _weighted(rng, prof.statuses)
    legacy = rng.random() < legacy_share
    region = county.code
    code = ids.legacy_uscc(rng, region) if legacy else ids.uscc(
        rng, region, registered_after_reform=founded.year >= 2015 and rng.random() < 0.9)
    phone = ids.landline(rng, county.prefecture.area_code) if rng.random() < 0.55 \
        else legal_rep.phone
    emp = Employer(
        name=name, county=county, industry=INDUSTRIES[industry_key][0], industry_key=industry_key,
        company_type=company_type(rng, name, soe), founded=founded, uscc=code,
        legacy_code=legacy, legal_rep=legal_rep, legal_rep_title=title_for(rng, name),
        status=status, headcount=headcount, capital=registered_capital(rng, headcount),
        address=company_address(rng, county), phone=phone,
    )
    if rng.random() < prof.rename:
        _rename(rng, emp, county, industry_key, soe)
    if status == "注销":
        emp.cancel_date = _date_between(rng, max(founded, dt.date(2010, 1, 1)),
                                        REGISTRY_DATE - dt.timedelta(days=30))
    elif status == "吊销":
        emp.revoke_date = _date_between(rng, max(founded, dt.date(2008, 1, 1)),
                                        REGISTRY_DATE - dt.timedelta(days=30))
    return emp


def _rename(rng: random.Random, emp: Employer, county: County, industry_key: str,
            soe: bool) -> None:
    """Give the firm one or two former names (a restructured state factory becomes a company)."""
    old = company_name(rng, county, industry_key, numbered=soe)
    if soe:
        old = old.replace("有限责任公司", "厂").replace("有限公司", "厂")
    if old == emp.name:
        return
    first = max(emp.founded + dt.timedelta(days=3 * 365), dt.date(1996, 1, 1))
    until = _date_between(rng, min(first, REGISTRY_DATE - dt.timedelta(days=400)),
                          REGISTRY_DATE - dt.timedelta(days=365))
    emp.former.append((old, until))
    if rng.random() < 0.2:
        older = company_name(rng, county, industry_key, numbered=True)
        if older not in (old, emp.name):
            earlier = _date_between(rng, emp.founded, until)
            emp.former.insert(0, (older, earlier))


def close_after(rng: random.Random, emp: Employer, day: dt.date) -> None:
    """Move a cancel/revoke date to after ``day`` (a firm that closes after its last case)."""
    if day >= REGISTRY_DATE - dt.timedelta(days=10):
        return
    when = _date_between(rng, day + dt.timedelta(days=10), REGISTRY_DATE - dt.timedelta(days=5))
    if emp.cancel_date:
        emp.cancel_date = when
    if emp.revoke_date:
        emp.revoke_date = when
