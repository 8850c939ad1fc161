"""People, companies and identifiers (ID numbers, USCC) drawn from one seeded random source."""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import date, timedelta

from tools.blindcorpus.places import (
    FIRM_WORDS,
    GIVEN_F_OLD,
    GIVEN_M_OLD,
    GIVEN_YOUNG,
    ROAD_WORDS,
    SURNAMES,
    VILLAGE_WORDS,
    County,
)

USCC_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY"
USCC_WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)
ORG_WEIGHTS = (3, 7, 9, 10, 5, 8, 4, 2)


def uscc(rng: random.Random, region_code: str, kind: str = "91") -> str:
    """A 统一社会信用代码 whose 组织机构代码 and final check characters are right (GB 32100).

    >>> code = uscc(random.Random(1), "410502")
    >>> len(code), code[:8]
    (18, '91410502')
    """
    pool = USCC_CHARS if rng.random() < 0.15 else USCC_CHARS[:10]
    body = "".join(rng.choice(pool) for _ in range(8))
    total = sum(USCC_CHARS.index(c) * w for c, w in zip(body, ORG_WEIGHTS, strict=True)) % 11
    org_check = 11 - total
    org = body + ("X" if org_check == 10 else "0" if org_check == 11 else str(org_check))
    head = kind + region_code + org
    s = sum(USCC_CHARS.index(c) * w for c, w in zip(head, USCC_WEIGHTS, strict=True)) % 31
    return head + USCC_CHARS[(31 - s) % 31]


def id_number(rng: random.Random, region_code: str, birth: date, male: bool) -> str:
    """An 18-digit 居民身份证号码 with its ISO 7064 check digit."""
    seq = rng.randrange(0, 100) * 10 + (rng.randrange(0, 5) * 2 + (1 if male else 0))
    body = f"{region_code}{birth:%Y%m%d}{seq:03d}"
    weights = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
    check = "10X98765432"[sum(int(c) * w for c, w in zip(body, weights, strict=True)) % 11]
    return body + check


@dataclass
class Person:
    pid: str
    name: str
    male: bool
    birth: date
    address: str
    home_code: str
    id_no: str
    phone: str = ""
    relation_to: str = ""  # e.g. "之子" for relative agents


@dataclass
class Company:
    eid: str
    name: str  # registered name
    county: County
    uscc: str
    legal_rep: Person
    founded: date
    status: str  # 存续 / 在业 / 注销 / 吊销 / 清算
    staff: int | None  # 参保人数, None = blank
    org_type: str
    industry: str
    former_names: list[str] = field(default_factory=list)
    cancelled: date | None = None
    revoked: date | None = None
    capital: str = "50万人民币"
    address: str = ""
    in_registry: bool = True
    doc_name: str = ""  # how the documents spell it (may differ from the registry)


class Factory:
    """Draws people and companies; every name it hands out is recorded by id."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self._n_person = 0
        self._n_company = 0
        self._surnames = [s for s, _ in SURNAMES]
        self._weights = [w for _, w in SURNAMES]
        self.used_company_names: set[str] = set()

    def surname(self) -> str:
        return self.rng.choices(self._surnames, self._weights)[0]

    def person(self, *, male: bool | None = None, born: tuple[int, int] = (1958, 1975),
               home: tuple[str, str] = ("河南省安阳市文峰区", "410502"), surname: str | None = None,
               young: bool = False) -> Person:
        rng = self.rng
        self._n_person += 1
        if male is None:
            male = rng.random() < 0.45
        sn = surname or self.surname()
        if young:
            given = rng.choice(GIVEN_YOUNG)
        else:
            given = rng.choice(GIVEN_M_OLD if male else GIVEN_F_OLD)
        if rng.random() < 0.15 and len(given) == 2:
            given = given[0]
        birth = date(rng.randint(*born), rng.randint(1, 12), rng.randint(1, 28))
        place, code = home
        if rng.random() < 0.6:
            addr = f"{place}{rng.choice(VILLAGE_WORDS)}{rng.choice(VILLAGE_WORDS)}村{rng.randint(1, 12)}组"
        else:
            addr = f"{place}{rng.choice(ROAD_WORDS)}{rng.randint(1, 300)}号"
        phone = f"1{rng.choice('3578')}{rng.randint(0, 9)}{rng.randint(10000000, 99999999)}"
        return Person(f"P{self._n_person:05d}", sn + given, male, birth, addr, code,
                      id_number(rng, code, birth, male), phone)

    def company_name(self, county: County, kind: str) -> str:
        rng = self.rng
        for _ in range(50):
            word = rng.choice(FIRM_WORDS)
            city = county.city or county.province
            if kind == "collective":
                name = f"{city}{county.county}{word}{rng.choice(('农机修造厂', '砖瓦厂', '被服厂', '五金厂', '造纸厂'))}"
            elif kind == "soe":
                name = f"{city}{rng.choice(('第一', '第二', '第三', '红旗', '东方'))}{rng.choice(('机械厂', '纺织厂', '化肥厂', '水泥厂', '棉纺厂'))}"
            elif kind == "labour_service":
                name = f"{city}{word}劳动服务有限公司"
            elif kind == "grain":
                name = f"{city}{county.county}{rng.choice(('城关', '北郊', '东关', '柳园'))}粮库"
            elif kind == "mine":
                name = f"{city}{word}煤业有限公司" if rng.random() < 0.5 else f"{county.county}{word}煤矿"
            elif kind == "recycling":
                name = f"{city}{word}废旧物资回收有限公司"
            elif kind == "big":
                name = f"{county.province.rstrip('省')}{word}{rng.choice(('建设集团有限公司', '煤业集团有限责任公司', '建工集团有限公司'))}"
            elif kind == "sanitation":
                name = f"{city}{word}环卫服务有限公司"
            elif kind == "factory":
                name = f"{city}{word}{rng.choice(('纺织', '服装', '机械', '食品', '塑料制品', '电子'))}有限公司"
            else:
                name = f"{city}{word}{rng.choice(('商贸', '建筑工程', '物业服务', '保安服务', '物流', '餐饮管理', '房地产开发', '汽车销售', '装饰工程'))}有限{'责任' if rng.random() < 0.3 else ''}公司"
            if name not in self.used_company_names:
                self.used_company_names.add(name)
                return name
        name = name + str(self._n_company)
        self.used_company_names.add(name)
        return name

    def company(self, county: County, kind: str, *, founded: tuple[int, int], status: str,
                staff: int | None, filing_year: int) -> Company:
        rng = self.rng
        self._n_company += 1
        name = self.company_name(county, kind)
        fd = date(rng.randint(*founded), rng.randint(1, 12), rng.randint(1, 28))
        org_type = {
            "collective": "集体所有制", "soe": "全民所有制", "grain": "全民所有制",
        }.get(kind, rng.choice(("有限责任公司(自然人投资或控股)", "有限责任公司(自然人独资)",
                                 "其他有限责任公司")))
        industry = {
            "collective": "制造业", "soe": "制造业", "grain": "批发业", "mine": "煤炭开采和洗选业",
            "recycling": "废弃资源综合利用业", "labour_service": "商务服务业", "big": "建筑业",
            "sanitation": "公共设施管理业", "factory": "制造业",
        }.get(kind, "商务服务业")
        rep = self.person(born=(1955, 1980), home=(f"{county.province}{county.city}{county.county}", county.code))
        code_kind = "91" if org_type not in ("集体所有制", "全民所有制") else rng.choice(("91", "92", "91"))
        c = Company(f"E{self._n_company:05d}", name, county, uscc(rng, county.code, code_kind), rep, fd,
                    status, staff, org_type, industry)
        c.address = f"{county.province}{county.city}{county.county}{rng.choice(ROAD_WORDS)}{rng.randint(1, 500)}号"
        c.capital = rng.choice(("10万人民币", "50万元人民币", "100万人民币", "200万元", "30万人民币",
                                "1000万人民币", "500万元人民币"))
        if status == "注销":
            c.cancelled = date(filing_year - rng.choice((0, 0, 1, 2)), rng.randint(1, 12), rng.randint(1, 28))
        if status == "吊销":
            c.revoked = date(filing_year - rng.randint(1, 6), rng.randint(1, 12), rng.randint(1, 28))
        return c


def add_days(d: date, n: int) -> date:
    return d + timedelta(days=n)
