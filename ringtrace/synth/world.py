"""The shared world every scenario draws from: places, forums, people, employers, law firms.

The world owns the registries that writers need afterwards (every employer created, whether it
appears in a case or not) and the per-forum habits that must not depend on who files there
(whether a forum prints phone numbers, how a commission formats its numbers).
"""

from __future__ import annotations

import datetime as dt
import random
from bisect import bisect
from dataclasses import dataclass, field
from itertools import accumulate

from ringtrace.graph.identity import normalize_company
from ringtrace.synth import people
from ringtrace.synth.employers import (
    REGISTRY_DATE,
    TRADE_NAMES,
    Employer,
    company_name,
    make_employer,
    title_for,
    trade_name,
)
from ringtrace.synth.geography import (
    FORUM_PROVINCE_WEIGHT,
    HOME_PROVINCE_WEIGHT,
    County,
    Forum,
    Geography,
    build_geography,
)
from ringtrace.synth.people import Person
from ringtrace.synth.plan import Supporter
from ringtrace.synth.rng import Rng
from ringtrace.synth.variation import DEFAULT, Variation

_FIRM_HEADS = (
    "豫安", "中原", "大河", "汇智", "正义", "天平", "昌明", "明德", "博源", "亚太", "金博大", "英泰", "华夏", "北方", "众益", "国基",
    "龙图", "鼎诚", "良友", "卫风", "方圆", "泽华", "诚实", "信和", "公信", "卓越", "大成", "博云", "洹水", "太行",
)

#: House styles of arbitration numbers: six common ones, then the rarer ones a varied world
#: also uses (see :data:`ringtrace.synth.casenumbers.ARBITRATION_STYLES`).
COMMON_ARBITRATION_STYLES, ARBITRATION_STYLE_COUNT = 6, 10

#: Filing-year weights shared by every scenario, sham or genuine.
YEAR_WEIGHTS = {2013: 3, 2014: 4, 2015: 6, 2016: 9, 2017: 11, 2018: 12, 2019: 12, 2020: 10,
                2021: 11, 2022: 10, 2023: 8}
LAST_DAY = dt.date(2023, 12, 31)  # last filing day of first cases
LAST_DECISION = dt.date(2024, 3, 31)  # appeals and retrials decided later are left out


@dataclass(eq=False)
class LawFirm:
    name: str
    county: County
    lawyers: list[Person] = field(default_factory=list)
    interns: list[Person] = field(default_factory=list)
    kind: str = "lawyer"  # lawyer | legal_aid | service (法律服务所)


class World:
    """Places, forums and pools of people and organisations, grown on demand."""

    def __init__(self, seed: int, variation: Variation = DEFAULT) -> None:
        self.seed = seed
        self.var = variation
        self.geo: Geography = build_geography()
        self.rng = Rng(f"{seed}:world")
        self.employers: list[Employer] = []
        self._names: set[str] = set()  # normalised names of every firm and law firm
        self.firms: dict[str, list[LawFirm]] = {}  # prefecture code -> firms
        self._offices: dict[str, LawFirm] = {}
        self.firm_named: dict[str, LawFirm] = {}  # every law firm, legal-aid centre, office
        self.intermediaries: list[Person] = []  # ring intermediaries (for namesakes)
        self._supporters: dict[tuple[str, str], Supporter] = {}
        self.prints_phone: dict[str, bool] = {}
        self.arbitration_style: dict[str, int] = {}
        for forum in self.geo.forums():
            share = 0.4 if forum.kind == "arbitration" else 0.06
            self.prints_phone[forum.name] = self.rng.random() < share
            self.arbitration_style[forum.name] = self.rng.randrange(COMMON_ARBITRATION_STYLES)
        if variation.active:
            styles = Rng(f"{seed}:forum-styles")
            for forum in self.geo.forums():
                if forum.kind == "arbitration" and \
                        styles.random() < variation.extra_arbitration_styles:
                    self.arbitration_style[forum.name] = styles.randrange(
                        COMMON_ARBITRATION_STYLES, ARBITRATION_STYLE_COUNT)
            # every rarer style is some busy Henan city commission's house style
            busy = [f for f in self.geo.city_commissions.values() if f.region_code[:2] == "41"]
            chosen = styles.sample(busy, ARBITRATION_STYLE_COUNT - COMMON_ARBITRATION_STYLES)
            for style, forum in enumerate(chosen, start=COMMON_ARBITRATION_STYLES):
                self.arbitration_style[forum.name] = style
        counties = self.geo.counties
        self._cum: dict[str, tuple[list[County], list[float]]] = {
            kind: (counties, list(accumulate(table.get(c.code[:2], 0.0) * c.weight
                                             for c in counties)))
            for kind, table in (("forum", FORUM_PROVINCE_WEIGHT), ("home", HOME_PROVINCE_WEIGHT))
        }
        for group in {c.prefecture.code for c in counties} | {c.code[:2] for c in counties}:
            pool = [c for c in counties if c.code.startswith(group)]
            self._cum[group] = (pool, list(accumulate(c.weight for c in pool)))

    # -- places -----------------------------------------------------------------------
    def county(self, rng: random.Random, *, province: str | None = None,
               kind: str = "forum", near: County | None = None) -> County:
        """A county weighted by size; ``near`` keeps to the same prefecture most of the time."""
        if near is not None and rng.random() < 0.85:
            pool, cum = self._cum[near.prefecture.code]
        elif province is not None:
            pool, cum = self._cum[province]
        else:
            pool, cum = self._cum[kind]
        return pool[bisect(cum, rng.random() * cum[-1])]  # rng.choices, without the overhead

    def court(self, county: County) -> Forum:
        return self.geo.basic_courts[county.code]

    def commission(self, rng: random.Random, county: County, city_share: float = 0.4) -> Forum:
        """The county commission, or the city-level one that also takes cases from the county."""
        city = self.geo.city_commissions.get(county.prefecture.code)
        if city is not None and rng.random() < city_share:
            return city
        return self.geo.county_commissions[county.code]

    def appeal_court(self, forum: Forum) -> Forum:
        return self.geo.intermediate_courts[forum.prefecture.code]

    # -- people -----------------------------------------------------------------------
    def person(self, rng: random.Random, county: County, sex: str, age: float, on: dt.date,
               *, rural: bool | None = None) -> Person:
        """A new person of ``county`` who is ``age`` years old on ``on``."""
        birth = people.birth_for_age(rng, age, on)
        return people.make_person(rng, county, sex, birth, rural=rural)

    def adult(self, rng: random.Random, county: County, low: float, high: float,
              male_share: float = 0.5, on: dt.date = REGISTRY_DATE) -> Person:
        sex = "男" if rng.random() < male_share else "女"
        return self.person(rng, county, sex, rng.uniform(low, high), on)

    # -- organisations ----------------------------------------------------------------
    def employer(self, rng: random.Random, county: County, profile: str) -> Employer:
        """A new employer whose current and former names no other firm uses (a registered
        name identifies one firm, so documents naming it link to the right registry row)."""
        rep = self.adult(rng, county, 35, 66, male_share=0.8)
        emp = make_employer(rng, county, profile, legal_rep=rep)
        attempt = 0
        while normalize_company(emp.name) in self._names:
            attempt += 1
            emp.name = company_name(rng, county, emp.industry_key, attempt=attempt)
        if attempt:
            emp.legal_rep_title = title_for(rng, emp.name)
        if self.var.active and rng.random() < 0.08:  # 金源（商丘）包装有限公司
            bracketed = region_bracket(rng, emp)
            if bracketed and not self.name_taken(bracketed):
                emp.name = bracketed
        emp.former = [(old, until) for old, until in emp.former
                      if normalize_company(old) not in self._names and old != emp.name]
        self._names.update(normalize_company(n) for n in (emp.name, *emp.former_names))
        self.employers.append(emp)
        return emp

    def name_taken(self, name: str) -> bool:
        """Whether a firm or law firm already uses ``name`` (after normalisation)."""
        return normalize_company(name) in self._names

    def rename(self, emp: Employer, name: str) -> bool:
        """Give ``emp`` the current name ``name`` if no other firm uses it (True if renamed)."""
        if self.name_taken(name):
            return False
        self._names.add(normalize_company(name))
        emp.name = name
        return True

    def add_former_name(self, rng: random.Random, emp: Employer, until: dt.date) -> None:
        """Give a restructured firm the state-factory name it had until ``until`` (skipped when
        every candidate is taken)."""
        for attempt in range(10):
            old = company_name(rng, emp.county, emp.industry_key, numbered=True, attempt=attempt)
            old = old.replace("有限责任公司", "厂").replace("有限公司", "厂")
            if normalize_company(old) not in self._names:
                self._names.add(normalize_company(old))
                emp.former.append((old, max(until, emp.founded)))
                return

    def _new_firm(self, rng: random.Random, county: County, size: int) -> LawFirm:
        pref = county.prefecture
        province = pref.province.name.removesuffix("省").removesuffix("市")
        province = province.removesuffix("维吾尔自治区")
        city = pref.name.removesuffix("市") if pref.is_city else county.name.removesuffix("市")
        place = pref.name if pref.is_city else county.name
        options = [f"{province}{h}律师事务所" for h in _FIRM_HEADS] + \
            [f"{province}{h}（{city}）律师事务所" for h in _FIRM_HEADS] + \
            [f"{place}{h}律师事务所" for h in _FIRM_HEADS]
        free = [n for n in options if normalize_company(n) not in self._names]
        name = rng.choice(free) if free else ""
        attempt = 0
        while not name or normalize_company(name) in self._names:
            attempt += 1
            name = f"{province}{trade_name(rng, attempt)}律师事务所"
        self._names.add(normalize_company(name))
        firm = LawFirm(name, county)
        firm.lawyers = [self.adult(rng, county, 27, 62, 0.65) for _ in range(size)]
        firm.interns = [self.adult(rng, county, 23, 28) for _ in range(max(1, size // 6))]
        self.firm_named[name] = firm
        return firm

    def firms_near(self, county: County) -> list[LawFirm]:
        """The law firms of a prefecture (created on first use, 4-9 of them)."""
        key = county.prefecture.code
        if key not in self.firms:
            rng = Rng(f"{self.seed}:firms:{key}")
            self.firms[key] = [self._new_firm(rng, county, rng.choice((2, 3, 4, 6, 8, 12, 15)))
                               for _ in range(rng.randint(4, 9))]
        return self.firms[key]

    def add_firm(self, rng: random.Random, county: County, size: int) -> LawFirm:
        """A new firm joining the local pool (so other cases can hire it too)."""
        firm = self._new_firm(rng, county, size)
        self.firms_near(county).append(firm)
        return firm

    def legal_aid(self, county: County) -> LawFirm:
        """The county's 法律援助中心, whose assigned lawyers act for workers."""
        if county.code not in self._offices:
            rng = Rng(f"{self.seed}:aid:{county.code}")
            name = f"{county.local_name}法律援助中心"
            firm = LawFirm(name, county, kind="legal_aid")
            firm.lawyers = [self.adult(rng, county, 28, 58) for _ in range(rng.randint(2, 5))]
            self._offices[county.code] = firm
            self.firm_named[name] = firm
        return self._offices[county.code]

    def service_office(self, county: County) -> LawFirm:
        """A township 法律服务所 of the county, whose legal workers act as citizen agents."""
        key = "service:" + county.code
        if key not in self._offices:
            rng = Rng(f"{self.seed}:service:{county.code}")
            town = rng.choice(county.towns).removesuffix("街道").removesuffix("镇").removesuffix("乡")
            place = county.name if not county.is_district else county.local_name
            office = LawFirm(f"{place}{town}法律服务所", county, kind="service")
            office.lawyers = [self.adult(rng, county, 30, 62) for _ in range(rng.randint(2, 4))]
            self._offices[key] = office
            self.firm_named[office.name] = office
        return self._offices[key]

    def supporter(self, county: County, kind: str) -> Supporter:
        """The county's procuratorate, trade union or legal-aid centre (one object each, so
        every suit it supports names the same organisation)."""
        key = (county.code, kind)
        if key not in self._supporters:
            name = {"procuratorate": f"{county.local_name}人民检察院",
                    "union": f"{county.local_name}总工会"}.get(kind) or \
                self.legal_aid(county).name
            self._supporters[key] = Supporter(name, kind)
        return self._supporters[key]

    @property
    def supporters(self) -> list[Supporter]:
        return list(self._supporters.values())

    def filing_year(self, rng: random.Random) -> int:
        years = list(YEAR_WEIGHTS)
        return rng.choices(years, weights=[YEAR_WEIGHTS[y] for y in years])[0]

    def filing_date(self, rng: random.Random, year: int | None = None) -> dt.date:
        year = year or self.filing_year(rng)
        day = dt.date(year, 1, 1) + dt.timedelta(days=rng.randrange(365))
        return workday(day)


def region_bracket(rng: random.Random, emp: Employer) -> str | None:
    """The firm's name with the region in brackets after the 字号 (``鑫源（安阳）建材有限公司``,
    ``鑫源（河南）建材有限公司``), or None when the name does not start with its city."""
    pref = emp.county.prefecture
    if not pref.is_city or not emp.name.startswith(pref.name) or "（" in emp.name:
        return None
    rest = emp.name[len(pref.name):]
    trade = rest[:3] if rest[:3] in TRADE_NAMES else rest[:2]
    if len(rest) - len(trade) < 4:
        return None
    region = pref.province.name.removesuffix("省") if rng.random() < 0.3 else \
        pref.name.removesuffix("市")
    return f"{trade}（{region}）{rest[len(trade):]}"


def workday(day: dt.date) -> dt.date:
    """The next Monday-to-Friday day on or after ``day`` (courts file and decide on workdays)."""
    while day.weekday() >= 5:
        day += dt.timedelta(days=1)
    return day


def add_workdays(day: dt.date, days: int) -> dt.date:
    return workday(day + dt.timedelta(days=days))
