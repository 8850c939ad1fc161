"""The people, employers and case stories of one independent corpus (no documents yet).

Written from the domain notes (docs/domain.md §2-§5), not from ``ringtrace synth``: the point is a
second opinion on what real corpora hold. Each story is a list of :class:`Case`, labelled
``ring`` (a sham ring), ``decoy`` (a legitimate group that passes the published screening rules)
or ``background`` (ordinary labour disputes).
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass, field

SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
GIVEN_F = ["秀英", "桂兰", "玉兰", "凤英", "淑珍", "素芬", "春梅", "丽华", "翠萍", "爱华", "金凤", "秀珍", "巧云", "红霞", "美玲", "月娥", "兰芳", "小娟", "桂芝", "彩霞"]
GIVEN_M = ["建国", "国强", "志强", "卫东", "建军", "德明", "长春", "保林", "文革", "振华", "永刚", "海涛", "宝山", "新民", "忠义", "双喜", "铁柱", "春生", "建设", "俊峰"]

#: county, its GB/T 2260 code, the city, the city's arbitration-number abbreviation
REGIONS = [
    ("河南省", "豫", "安阳市", "文峰区", "410502", "安"),
    ("河南省", "豫", "安阳市", "北关区", "410503", "安"),
    ("河南省", "豫", "郑州市", "二七区", "410103", "郑"),
    ("河南省", "豫", "新乡市", "红旗区", "410702", "新"),
    ("河南省", "豫", "洛阳市", "西工区", "410303", "洛"),
    ("河南省", "豫", "商丘市", "梁园区", "411402", "商"),
    ("河南省", "豫", "周口市", "川汇区", "411602", "周"),
    ("新疆维吾尔自治区", "新", "乌鲁木齐市", "沙依巴克区", "650103", "乌"),
    ("吉林省", "吉", "吉林市", "船营区", "220204", "吉"),
    ("重庆市", "渝", "重庆市", "合川区", "500117", "渝"),
]
VILLAGES = ["东关村", "西王庄", "李家寨", "南街村", "后屯村", "柳林村", "高庄", "张湾村", "北岗村", "石桥村"]
TRADES = [("再生资源回收", "有限公司"), ("煤业", "有限责任公司"), ("建筑工程", "有限公司"),
          ("劳动服务", "有限公司"), ("粮油购销", "有限公司"), ("纺织", "厂"), ("机械", "厂"),
          ("包装", "有限公司"), ("物业服务", "有限公司"), ("劳务", "有限公司"), ("砖", "厂"),
          ("运输", "有限公司")]
BRANDS = ["金源", "鑫达", "宏发", "永安", "华通", "东升", "瑞丰", "恒泰", "兴隆", "福康", "顺达", "鼎盛", "天成", "广汇", "盛世", "晨光", "长虹", "利民", "振兴", "新华"]
FIRMS = ["河南正义律师事务所", "河南天欣律师事务所", "北京大成（郑州）律师事务所",
         "河南英泰律师事务所", "安阳市法律援助中心", "新疆天阳律师事务所"]
USCC_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY"


@dataclass
class Person:
    name: str
    sex: str
    birth: dt.date
    id_number: str
    address: str
    phone: str


@dataclass
class Employer:
    name: str              # as the registry spells it
    doc_name: str          # as the documents spell it
    uscc: str | None
    founded: dt.date
    status: str
    insured: int | None
    kind: str              # 企业类型
    legal_rep: Person
    region: tuple[str, str, str, str, str, str]
    former_name: str = ""


@dataclass
class Agent:
    person: Person
    firm: str = ""         # law firm or legal-aid centre; empty for a citizen agent
    relation: str = ""     # 系某某之子, 该公司员工, 人事部门负责人


@dataclass
class Case:
    applicant: Person
    employer: Employer
    forum: str             # court | arbitration
    doc: str               # judgment | award | mediation | arb_mediation | refusal
    start: dt.date
    end: dt.date
    filed: dt.date
    decided: dt.date
    group: str
    kind: str
    ring_id: str | None = None
    applicant_agent: Agent | None = None
    employer_agent: Agent | None = None
    stance: str = "admit"  # admit | partial | contest | absent
    wages: int = 0         # claimed unpaid wages / compensation, yuan
    proof: list[str] = field(default_factory=list)
    supporter: str = ""    # 支持起诉 body
    purpose: bool = False  # the text says 补缴/养老
    number: str = ""
    file: str = ""


def uscc(rng: random.Random, area: str) -> str:
    """A USCC with a valid check character (GB 32100: weights 3^i mod 31)."""
    body = "91" + area + "".join(rng.choice(USCC_CHARS[:10] + "ABCDEFGH") for _ in range(9))
    total = sum(USCC_CHARS.index(c) * pow(3, i, 31) for i, c in enumerate(body))
    return body + USCC_CHARS[(31 - total % 31) % 31]


def id_number(rng: random.Random, area: str, birth: dt.date, sex: str) -> str:
    seq = rng.randrange(10, 99) * 10 + (rng.choice([1, 3, 5, 7, 9]) if sex == "男" else rng.choice([0, 2, 4, 6, 8]))
    body = f"{area}{birth:%Y%m%d}{seq:03d}"
    weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
    return body + "10X98765432"[sum(int(c) * w for c, w in zip(body, weights, strict=True)) % 11]


class World:
    def __init__(self, seed: int) -> None:
        self.rng = random.Random(seed)
        self.employers: list[Employer] = []
        self.cases: list[Case] = []
        self.used: set[str] = set()

    def person(self, region=None, sex=None, age=None, on=dt.date(2021, 1, 1), surname=None,
               address=None) -> Person:
        r = self.rng
        region = region or r.choice(REGIONS)
        sex = sex or r.choice("男女")
        while True:
            given = r.choice(GIVEN_M if sex == "男" else GIVEN_F)
            name = (surname or r.choice(SURNAMES)) + (given if r.random() < 0.8 else given[0])
            if name not in self.used or r.random() < 0.05:  # a few genuine namesakes
                break
        self.used.add(name)
        years = age if age is not None else r.uniform(25, 62)
        birth = on - dt.timedelta(days=int(years * 365.25))
        addr = address
        while addr is None or (address is None and addr in self.used):  # one household each
            addr = f"{region[0]}{region[2]}{region[3]}{r.choice(VILLAGES)}{r.randrange(1, 400)}号"
        self.used.add(addr)
        return Person(name, sex, birth, id_number(r, region[4], birth, sex), addr,
                      f"1{r.choice('35789')}{r.randrange(10**8, 10**9)}")

    def employer(self, *, founded_year: int, status: str, insured: int | None, kind: str,
                 trade=None, region=None, former: bool = False) -> Employer:
        r = self.rng
        region = region or r.choice(REGIONS[:7])
        word, form = trade or r.choice(TRADES)
        brand = r.choice(BRANDS) + r.choice(BRANDS)[0]
        name = f"{region[2]}{brand}{word}{form}"
        doc_name = name
        roll = r.random()
        if roll < 0.12:     # region in brackets in the registry, plain in documents
            name = f"{brand}（{region[2][:-1]}）{word}{form}"
        elif roll < 0.22:   # documents drop 市
            doc_name = name.replace("市", "", 1)
        elif roll < 0.30 and form == "有限责任公司":
            doc_name = name.replace("有限责任公司", "有限公司")
        founded = dt.date(founded_year, r.randrange(1, 13), r.randrange(1, 28))
        code = uscc(r, region[4]) if r.random() < 0.9 else None
        emp = Employer(name, doc_name, code, founded, status, insured, kind,
                       self.person(region, "男", r.uniform(40, 60)), region)
        if former:
            emp.former_name = f"{region[2]}国营{brand}{word}厂"
            emp.doc_name = emp.former_name if r.random() < 0.5 else doc_name
        self.employers.append(emp)
        return emp
