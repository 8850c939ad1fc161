"""The facts of one world: employers, rings, legitimate look-alike groups and background cases.

Nothing here is text: `render` turns a `Case` into a document and `layout` into a file.
Proportions are drawn per seed so that worlds differ in their mix, not only in their names.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import date, timedelta

from tools.blindcorpus.people import Company, Factory, Person
from tools.blindcorpus.places import COUNTIES, HOME_COUNTIES, LAW_FIRM_WORDS, County

RING_KINDS = ("batch_award", "intermediary_multi", "mediation_only", "before_founding",
              "manager_small", "cross_province", "refusal_then_court", "hidden_intermediary")
DECOY_KINDS = ("factory_layoff", "closing_staff_pension", "young_firm", "supported_suit",
               "dormant_collective", "restructured_soe", "group_lawyer", "work_injury",
               "big_employer", "mine_closure")


@dataclass
class Agent:
    name: str
    kind: str  # lawyer intern legal_aid legal_service relative employee citizen manager
    firm: str = ""
    relation: str = ""  # 原告之子 / 系…弟弟 / 该公司人事部门负责人
    person: Person | None = None
    pid: str = ""


@dataclass
class Case:
    cid: int
    group: str  # ring / decoy / background
    kind: str
    ring_id: str | None
    doc_type: str  # judgment appeal court_mediation award arb_mediation refusal
    county: County
    workers: list[Person]
    company: Company
    filing: date
    decision: date
    start: date | None
    end: date | None
    hearing: date | None = None
    worker_agents: list[Agent] = field(default_factory=list)
    employer_agents: list[Agent] = field(default_factory=list)
    amounts: list[tuple[str, int]] = field(default_factory=list)
    purpose: bool = False
    response: str = "no_objection"  # admits no_objection partial contests absent
    evidence: list[str] = field(default_factory=list)
    outcome: str = "confirmed"  # confirmed denied mediated dismissed upheld reversed not_accepted
    supporter: str = ""
    employer_initiated: bool = False
    related: list[str] = field(default_factory=list)
    case_number: str = ""
    reason: str = ""  # free detail: injury, 改制, closure
    lower_forum: str = ""
    cause: str = "确认劳动关系纠纷"
    appellant_is_worker: bool = True
    simple: bool = True
    co_workers: list[tuple[Person, date | None, date | None, list[Agent]]] = field(default_factory=list)


@dataclass
class Ring:
    ring_id: str
    kind: str
    intermediary: Person
    employers: list[Company]
    agents: list[str]
    applicants: list[Person]
    cases: list[Case] = field(default_factory=list)


@dataclass
class World:
    seed: int
    companies: list[Company]
    rings: list[Ring]
    cases: list[Case]
    knobs: dict[str, float]


class Numbering:
    """Case numbers per forum and year; a batch takes consecutive numbers."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.next: dict[tuple[str, int], int] = {}
        self.arb_style: dict[str, int] = {}

    def take(self, key: str, year: int) -> int:
        k = (key, year)
        if k not in self.next:
            self.next[k] = self.rng.randint(20, 900)
        n = self.next[k]
        self.next[k] = n + self.rng.choice((1, 1, 1, 2, 3, 7))
        return n

    def court(self, county: County, year: int, kind: str) -> str:
        rng = self.rng
        n = self.take(county.court_code + kind, year)
        lb, rb = rng.choice((("（", "）"), ("（", "）"), ("(", ")"), ("〔", "〕")))
        if kind == "appeal":
            if year < 2016:
                return f"{lb}{year}{rb}{county.city_short}中民{rng.choice(('', '一', '四'))}终字第{n}号"
            return f"{lb}{year}{rb}{county.mid_code}民终{n}号"
        if year < 2016:
            return f"{lb}{year}{rb}{county.short}民初字第{n}号"
        return f"{lb}{year}{rb}{county.court_code}民初{n}号"

    def arbitration(self, county: County, year: int, refusal: bool = False) -> str:
        cs = county.city_short
        n = self.take(county.commission + ("不" if refusal else ""), year)
        style = self.arb_style.setdefault(county.commission, self.rng.randrange(6))
        if refusal:
            return (f"{cs}劳人仲不字〔{year}〕{n}号", f"{cs}劳人仲案不字[{year}]{n}号",
                    f"({year}){cs}劳人仲不字第{n}号")[style % 3]
        return (f"{cs}劳人仲案字〔{year}〕{n}号", f"{cs}劳人仲案字[{year}]第{n}号",
                f"({year}){cs}劳人仲案字第{n}号", f"{cs}劳人仲案（{year}）第{n}号",
                f"{cs}劳仲案字({year}){n}号", f"{cs}劳人仲案字〔{year}〕第{n}号")[style]


def _county(rng: random.Random, province: str | None = None) -> County:
    pool = [c for c in COUNTIES if province is None or c.province == province]
    return rng.choices(pool, [c.weight for c in pool])[0]


def _day(rng: random.Random, year: int) -> date:
    return date(year, 1, 1) + timedelta(days=rng.randrange(0, 360))


def _years(d: date, n: int) -> date:
    try:
        return d.replace(year=d.year + n)
    except ValueError:
        return d.replace(year=d.year + n, day=28)


def _month_start(rng: random.Random, year: int) -> date:
    return date(year, rng.randint(1, 12), rng.choice((1, 1, 1, rng.randint(2, 28))))


class Planner:
    def __init__(self, seed: int, n_cases: int) -> None:
        self.rng = random.Random(seed)
        self.seed = seed
        self.n_cases = n_cases
        self.f = Factory(self.rng)
        self.num = Numbering(self.rng)
        self.companies: list[Company] = []
        self.cases: list[Case] = []
        self.rings: list[Ring] = []
        self.bar: dict[str, list[Agent]] = {}
        self.services: dict[str, list[Agent]] = {}
        self.inhouse: dict[str, Agent] = {}
        rng = self.rng
        self.knobs = {
            "ring_share": rng.uniform(0.10, 0.22),
            "decoy_share": rng.uniform(0.22, 0.38),
            "forged_payroll": rng.uniform(0.1, 0.45),
            "ring_purpose": rng.uniform(0.2, 0.7),
            "ring_absent": rng.uniform(0.03, 0.2),
            "ring_token_amount": rng.uniform(0.0, 0.2),
            "birthday_end": rng.uniform(0.05, 0.4),
            "decoy_conf_only": rng.uniform(0.2, 0.6),
            "registry_coverage": rng.uniform(0.75, 0.95),
            "ring_partial": rng.uniform(0.02, 0.15),
            "decoy_shared_agent": rng.uniform(0.2, 0.6),
            "joint_suit": rng.uniform(0.1, 0.4),
        }

    # ---- helpers -------------------------------------------------------------------------
    def company(self, county: County, kind: str, founded: tuple[int, int], status: str,
                staff: int | None, year: int) -> Company:
        c = self.f.company(county, kind, founded=founded, status=status, staff=staff, filing_year=year)
        c.in_registry = self.rng.random() < self.knobs["registry_coverage"]
        self.companies.append(c)
        return c

    def add(self, case: Case) -> Case:
        case.cid = len(self.cases)
        self.cases.append(case)
        return case

    def lawyer(self, county: County, firm: str | None = None) -> Agent:
        """A lawyer; most come from the county's small bar, where a few take most labour cases."""
        rng = self.rng
        pool = self.bar.setdefault(county.code, [])
        if firm is None and pool and (len(pool) >= 12 or rng.random() < 0.65):
            return rng.choices(pool, [1 / (i + 1) for i in range(len(pool))])[0]
        a = self.new_lawyer(county, firm)
        if firm is None:
            pool.append(a)
        return a

    def service_worker(self, county: County) -> Agent:
        """A 基层法律服务工作者: a non-lawyer who legitimately represents many unrelated clients."""
        rng = self.rng
        pool = self.services.setdefault(county.code, [])
        if len(pool) < 3 and (not pool or rng.random() < 0.3):
            p = self.f.person(born=(1955, 1980), home=self.home_of(county))
            pool.append(Agent(p.name, "legal_service", firm=f"{county.county}{rng.choice(('城关', '东风', '民生', '惠民', '新华'))}法律服务所",
                              person=p, pid=p.pid))
        return rng.choice(pool)

    def new_lawyer(self, county: County, firm: str | None = None) -> Agent:
        rng = self.rng
        p = self.f.person(born=(1965, 1992), young=rng.random() < 0.4,
                          home=(f"{county.province}{county.city}{county.county}", county.code))
        if firm is None:
            firm = f"河南{rng.choice(LAW_FIRM_WORDS)}律师事务所" if county.province == "河南省" else \
                f"{(county.city or county.province).rstrip('市')}{rng.choice(LAW_FIRM_WORDS)}律师事务所"
        kind = "intern" if rng.random() < 0.08 else "lawyer"
        return Agent(p.name, kind, firm=firm, person=p, pid=p.pid)

    def applicant(self, home: tuple[str, str], *, retire_near: bool = True, surname: str | None = None,
                  year: int = 2019) -> Person:
        rng = self.rng
        male = rng.random() > 0.65
        if retire_near:
            age = rng.uniform(54, 62) if male else rng.uniform(45, 56)
            if rng.random() < 0.1:
                age = (60 if male else 50) + rng.uniform(0, 3)
        else:
            age = rng.uniform(28, 60)
        by = year - int(age)
        return self.f.person(male=male, born=(by, by), home=home, surname=surname)

    def home_of(self, county: County) -> tuple[str, str]:
        return (f"{county.province}{county.city}{county.county}", county.code)

    def ring_size(self) -> int:
        """Heavy-tailed ring sizes (DOMAIN.md: half 2-10, a third 10-50, the rest 50-200)."""
        rng = self.rng
        r = rng.random()
        if r < 0.5:
            return rng.randint(2, 10)
        if r < 0.85:
            return rng.randint(10, 45)
        return rng.randint(50, max(50, min(120, self.n_cases // 15)))

    # ---- rings ---------------------------------------------------------------------------
    def sham_period(self, p: Person, filing: date, employer: Company, *, before_founding: bool = False,
                    birthday: bool = False) -> tuple[date, date]:
        rng = self.rng
        r = rng.random()
        length = rng.randint(14, 17) if r < 0.7 else rng.randint(10, 13) if r < 0.9 else rng.randint(18, 25)
        if birthday:
            end = _years(p.birth, 50 if not p.male else 60)
            if end >= filing - timedelta(days=200):
                end = _years(p.birth, 50 if not p.male else 55) if p.male else end
            if end >= filing:
                end = filing - timedelta(days=rng.randint(200, 900))
        else:
            end = _month_start(rng, filing.year - rng.randint(2, 12)) - timedelta(days=1)
            if end >= filing:
                end = filing - timedelta(days=400)
        start = _years(end, -length) + timedelta(days=1)
        start = start.replace(day=1) if rng.random() < 0.7 else start
        if start.year < 1994 and not before_founding and rng.random() < 0.7:
            start = date(1995 if rng.random() < 0.5 else 1994, rng.randint(1, 12), 1)
        if before_founding and start >= employer.founded:
            start = date(max(1990, employer.founded.year - rng.randint(3, 9)), rng.randint(1, 12), 1)
        return start, end

    def sham_case(self, ring: Ring, kind: str, p: Person, emp: Company, county: County, doc_type: str,
                  filing: date, decision: date, *, before_founding: bool = False,
                  birthday: bool = False) -> Case:
        rng = self.rng
        k = self.knobs
        start, end = self.sham_period(p, filing, emp, before_founding=before_founding, birthday=birthday)
        resp = "absent" if rng.random() < k["ring_absent"] else rng.choice(("no_objection", "no_objection", "admits"))
        if rng.random() < k["ring_partial"]:
            resp = "partial"  # a staged dispute over money, so the file looks adversarial
        ev: list[str] = []
        if rng.random() < k["forged_payroll"]:
            ev = rng.sample(["工资表", "劳动合同", "工作证", "证人证言", "考勤表"], rng.randint(1, 2))
        elif rng.random() < 0.4:
            ev = ["证人证言"]
        amounts: list[tuple[str, int]] = []
        if rng.random() < k["ring_token_amount"]:
            amounts = [("拖欠工资", rng.choice((2000, 3000, 5000)))]
        outcome = {"court_mediation": "mediated", "arb_mediation": "mediated", "refusal": "not_accepted"}.get(
            doc_type, "confirmed")
        c = Case(0, "ring", kind, ring.ring_id, doc_type, county, [p], emp, filing, decision, start, end,
                 hearing=decision if rng.random() < 0.7 else filing + timedelta(days=max(0, (decision - filing).days // 2)),
                 amounts=amounts, purpose=rng.random() < k["ring_purpose"], response=resp, evidence=ev,
                 outcome=outcome)
        ring.cases.append(c)
        return self.add(c)

    def batch_dates(self, year: int, n: int, batch: tuple[int, int]) -> list[tuple[date, date]]:
        rng = self.rng
        out: list[tuple[date, date]] = []
        while len(out) < n:
            f = _day(rng, year)
            d = f + timedelta(days=rng.randint(0, 30))
            size = rng.randint(*batch)
            out.extend([(f, d)] * size)
            year = year + (1 if rng.random() < 0.15 and year < 2023 else 0)
        return out[:n]

    def ring(self, kind: str, size: int) -> None:
        rng = self.rng
        rid = f"ring-{len(self.rings) + 1:03d}"
        county = _county(rng)
        year = rng.randint(2015, 2023)
        home = self.home_of(county)
        inter = self.f.person(born=(1960, 1985), home=home)
        n_emp = 1
        if kind == "intermediary_multi":
            n_emp = rng.randint(2, 4)
        if kind == "cross_province":
            county = _county(rng, "新疆维吾尔自治区")
            home_place = rng.choice(HOME_COUNTIES[:3])
            home = home_place
            inter = self.f.person(born=(1960, 1985), home=home)
        emps: list[Company] = []
        for i_emp in range(n_emp):
            if i_emp and kind == "intermediary_multi" and rng.random() < 0.5:
                county = _county(rng, county.province)
            ek = rng.choice(("recycling", "mine", "grain", "labour_service", "other", "collective"))
            if kind == "cross_province":
                ek = "labour_service"
            if kind == "manager_small":
                ek = rng.choice(("mine", "other", "recycling"))
            status = rng.choice(("注销", "吊销", "存续", "存续", "清算"))
            founded = (1985, 2008)
            if kind == "before_founding":
                founded = (2004, 2012)
            staff = rng.choice((0, 0, 1, 2, 3, 5, None)) if rng.random() < 0.85 else rng.randint(6, 40)
            emps.append(self.company(county, ek, founded, status, staff, year))
        county = emps[0].county
        ring = Ring(rid, kind, inter, emps, [], [])
        self.rings.append(ring)
        firm_lawyers: list[Agent] = []
        if kind == "before_founding":
            la = self.lawyer(county)
            firm_lawyers = [la, self.lawyer(county, la.firm)]
        inter_agent = Agent(inter.name, rng.choice(("citizen", "legal_service", "citizen")), person=inter, pid=inter.pid)
        if inter_agent.kind == "legal_service":
            inter_agent.firm = f"{county.county}{rng.choice(('城关', '东风', '民生', '惠民'))}法律服务所"
        employer_side_inter = kind in ("batch_award", "mediation_only") and rng.random() < 0.7
        family_surname = self.f.surname()
        family_home = home
        dates = self.batch_dates(year, size, (3, 40) if kind in ("batch_award", "cross_province") else (1, 12))
        if kind == "hidden_intermediary":
            day0 = _day(rng, year)
            dates = []
            for _ in range(size):
                f = day0 + timedelta(days=rng.randint(0, 300))
                dates.append((f, f + timedelta(days=rng.randint(7, 60))))
        birthday_ring = rng.random() < self.knobs["birthday_end"]
        for i in range(size):
            emp = emps[i * n_emp // size] if kind == "intermediary_multi" else emps[0]
            county = emp.county
            filing, decision = dates[i]
            if kind == "intermediary_multi":
                filing = filing.replace(year=min(2024, year + i * n_emp // size))
                decision = filing + timedelta(days=rng.randint(5, 60))
            if kind == "manager_small":
                p = self.applicant(family_home, surname=family_surname if i < size - 1 or rng.random() < 0.5 else None, year=filing.year)
                p.address = inter.address if rng.random() < 0.6 else p.address
            else:
                p = self.applicant(home if rng.random() < 0.85 else self.home_of(_county(rng)), year=filing.year)
            ring.applicants.append(p)
            doc_type = {
                "batch_award": rng.choice(("award", "award", "arb_mediation")),
                "mediation_only": "court_mediation",
                "before_founding": "judgment",
                "manager_small": rng.choice(("court_mediation", "judgment")),
                "cross_province": rng.choice(("award", "award", "arb_mediation")),
                "refusal_then_court": "judgment",
                "intermediary_multi": rng.choice(("judgment", "court_mediation", "award")),
                "hidden_intermediary": rng.choice(("judgment", "court_mediation", "award", "arb_mediation")),
            }[kind]
            if kind == "refusal_then_court":
                ref = self.sham_case(ring, kind, p, emp, county, "refusal", filing - timedelta(days=40),
                                     filing - timedelta(days=rng.randint(3, 20)), birthday=birthday_ring)
                ref.case_number = self.num.arbitration(county, ref.filing.year, refusal=True)
                ref.reason = rng.choice(("超过仲裁申请时效", "申请人的请求不属于劳动人事争议处理范围",
                                         "申请人未能提供存在劳动关系的初步证据"))
                c = self.sham_case(ring, kind, p, emp, county, doc_type, filing, decision, birthday=birthday_ring)
                c.start, c.end = ref.start, ref.end
                c.related = [ref.case_number]
            else:
                c = self.sham_case(ring, kind, p, emp, county, doc_type, filing, decision,
                                   before_founding=kind == "before_founding", birthday=birthday_ring)
            # agents
            if kind == "hidden_intermediary":
                # the intermediary never appears: applicants come alone or with a relative,
                # the employer answers through its legal representative
                if rng.random() < 0.35:
                    rel = self.f.person(born=(1975, 1995), home=home, surname=p.name[0])
                    c.worker_agents = [Agent(rel.name, "relative", relation=rng.choice(("之子", "之女", "之夫")), person=rel, pid=rel.pid)]
            elif kind == "before_founding":
                c.worker_agents = [rng.choice(firm_lawyers)]
                if rng.random() < 0.3:
                    c.worker_agents = list(firm_lawyers)
            elif kind == "manager_small":
                mgr = emps[0].legal_rep if rng.random() < 0.5 else inter
                c.employer_agents = [Agent(mgr.name, "manager", relation="该公司副经理" if mgr is inter else "", person=mgr, pid=mgr.pid)]
                if rng.random() < 0.5:
                    rel = self.f.person(born=(1975, 1995), home=family_home, surname=p.name[0])
                    c.worker_agents = [Agent(rel.name, "relative", relation=rng.choice(("之子", "之女", "之夫", "之妻", "之弟")), person=rel, pid=rel.pid)]
            elif employer_side_inter or (kind == "intermediary_multi" and rng.random() < 0.3):
                c.employer_agents = [Agent(inter.name, "employee", relation=rng.choice(("该公司人事部门负责人", "该公司员工", "该单位人事负责人")), person=inter, pid=inter.pid)]
                if rng.random() < 0.3:
                    rel = self.f.person(born=(1975, 1995), home=home, surname=p.name[0])
                    c.worker_agents = [Agent(rel.name, "relative", relation=rng.choice(("之子", "之女")), person=rel, pid=rel.pid)]
            else:
                if rng.random() < 0.8:
                    c.worker_agents = [inter_agent]
                if rng.random() < 0.4:
                    c.employer_agents = [Agent(emp.legal_rep.name, "manager", relation="", person=emp.legal_rep, pid=emp.legal_rep.pid)] if rng.random() < 0.3 else []
            if not c.case_number:
                c.case_number = self.number_for(c)
        ring.agents = sorted({a.name for c in ring.cases for a in c.worker_agents + c.employer_agents})

    def number_for(self, c: Case) -> str:
        y = c.filing.year
        if c.doc_type in ("award", "arb_mediation"):
            return self.num.arbitration(c.county, y)
        if c.doc_type == "refusal":
            return self.num.arbitration(c.county, y, refusal=True)
        if c.doc_type == "appeal":
            return self.num.court(c.county, y, "appeal")
        return self.num.court(c.county, y, "first")

    # ---- look-alikes ---------------------------------------------------------------------
    def decoy(self, kind: str, size: int) -> None:
        rng = self.rng
        county = _county(rng)
        year = rng.randint(2015, 2023)
        home = self.home_of(county)
        conf_only = rng.random() < self.knobs["decoy_conf_only"]
        cases: list[Case] = []
        if kind == "factory_layoff":
            emp = self.company(county, "factory", (1995, 2010), rng.choice(("存续", "注销", "吊销")),
                               rng.randint(0, 300) if rng.random() < 0.6 else rng.randint(0, 5), year)
            pivot = date(year, rng.randint(2, 12), 1)
            firms = [self.lawyer(county) for _ in range(rng.randint(2, 5))]
            aid = f"{county.city}{county.county}法律援助中心"
            people = [self.applicant(home, retire_near=False, year=year) for _ in range(size)]
            for i, p in enumerate(people):
                end = pivot + timedelta(days=rng.randint(-25, 20))
                start = _years(end, -rng.randint(2, 22)).replace(day=rng.randint(1, 28))
                filing = end + timedelta(days=rng.randint(20, 120))
                dt = rng.choice(("judgment", "judgment", "court_mediation", "award"))
                c = Case(0, "decoy", kind, None, dt, county, [p], emp, filing,
                         filing + timedelta(days=rng.randint(20, 150)), start, end,
                         amounts=[] if conf_only and rng.random() < 0.6 else
                         [("拖欠工资", rng.randint(3, 40) * 1000), ("经济补偿金", rng.randint(5, 60) * 1000)],
                         response=rng.choice(("partial", "contests", "absent", "admits", "partial")),
                         evidence=rng.sample(["工资发放表", "劳动合同", "考勤记录", "银行流水", "工作证", "解除劳动合同通知书"], 2),
                         outcome="confirmed", reason="停产")
                r = rng.random()
                if r < 0.15:
                    c.worker_agents = [Agent(f"{aid}指派律师", "legal_aid", firm=aid)]
                    la = self.lawyer(county)
                    c.worker_agents = [Agent(la.name, "legal_aid", firm=aid, person=la.person, pid=la.pid)]
                elif r < 0.6:
                    c.worker_agents = [rng.choice(firms)]
                elif r < 0.75 and i > 0:
                    spouse = people[i - 1]
                    c.worker_agents = [Agent(spouse.name, "relative", relation="之夫" if spouse.male else "之妻", person=spouse, pid=spouse.pid)]
                if rng.random() < 0.5:
                    c.employer_agents = [self.lawyer(county)]
                cases.append(c)
        elif kind in ("closing_staff_pension", "dormant_collective", "restructured_soe"):
            if kind == "closing_staff_pension":
                emp = self.company(county, rng.choice(("factory", "other")), (1990, 2005), rng.choice(("存续", "清算", "注销")),
                                   rng.choice((0, 1, 2, 3, 5, 8, None)), year)
                close = date(year - rng.randint(0, 1), rng.randint(1, 12), rng.choice((1, 15, 28)))
            elif kind == "dormant_collective":
                emp = self.company(county, "collective", (1958, 1982), rng.choice(("吊销", "存续", "存续")),
                                   rng.choice((0, 0, 1, 2, None)), year)
                close = date(rng.randint(1996, 2003), rng.randint(1, 12), rng.choice((1, 28)))
                emp.former_names = [f"{county.county}{rng.choice(('农机', '五金', '被服'))}社"]
            else:
                emp = self.company(county, "soe", (1955, 1975), "存续", rng.randint(0, 30), year)
                close = date(rng.randint(1998, 2005), rng.randint(1, 12), 1)
                old = emp.name
                emp.former_names = [old]
                emp.name = old.replace("厂", "有限责任公司") if "厂" in old else old + "有限公司"
                emp.org_type = "有限责任公司(国有独资)" if rng.random() < 0.5 else "其他有限责任公司"
            batch_day = _day(rng, year)
            lawyer = self.lawyer(county)
            for _ in range(size):
                p = self.applicant(home, retire_near=kind != "closing_staff_pension" or rng.random() < 0.5, year=year)
                if kind == "dormant_collective":
                    p = self.applicant(home, retire_near=True, year=year - rng.randint(-3, 6))
                end = close if rng.random() < 0.8 else close - timedelta(days=rng.randint(30, 900))
                start = date(max(1972, end.year - rng.randint(5, 24)), rng.randint(1, 12), rng.choice((1, 1, 15)))
                same_day = kind != "restructured_soe" and rng.random() < 0.7
                filing = batch_day if same_day else batch_day + timedelta(days=rng.randint(0, 200))
                dt = rng.choice(("judgment", "court_mediation", "award")) if kind != "dormant_collective" else rng.choice(("judgment", "judgment", "award"))
                ev = rng.sample(["职工花名册", "工资发放表", "招工登记表", "人事档案", "社保缴费记录", "劳动合同"], rng.randint(1, 3))
                if rng.random() < 0.15:
                    ev = []
                c = Case(0, "decoy", kind, None, dt, county, [p], emp, filing,
                         filing + timedelta(days=rng.randint(0, 40) if same_day else rng.randint(15, 120)), start, end,
                         purpose=rng.random() < 0.6, response=rng.choice(("admits", "no_objection", "admits")),
                         evidence=ev, outcome="confirmed" if dt != "court_mediation" else "mediated",
                         reason={"closing_staff_pension": "歇业", "dormant_collective": "停产", "restructured_soe": "改制"}[kind])
                if not conf_only and rng.random() < 0.3:
                    c.amounts = [("补缴养老保险费", rng.randint(10, 90) * 1000)]
                if kind == "restructured_soe" and rng.random() < 0.7:
                    c.employer_agents = [lawyer]
                if kind == "dormant_collective" and rng.random() < 0.5:
                    c.employer_agents = [Agent(emp.legal_rep.name, "manager", relation="该厂负责人", person=emp.legal_rep, pid=emp.legal_rep.pid)]
                if rng.random() < 0.25:
                    c.worker_agents = [self.lawyer(county)]
                cases.append(c)
        elif kind == "young_firm":
            emp = self.company(county, "labour_service", (year - 3, year - 2), rng.choice(("存续", "存续", "吊销", "注销")),
                               rng.randint(0, 12), year)
            firm = self.lawyer(county)
            for _ in range(size):
                p = self.applicant(home, retire_near=rng.random() < 0.3, year=year)
                start = emp.founded + timedelta(days=rng.randint(30, 500))
                end = start + timedelta(days=rng.randint(150, 800))
                filing = end + timedelta(days=rng.randint(10, 100))
                if filing.year > 2024:
                    filing = date(2024, 6, 1)
                c = Case(0, "decoy", kind, None, rng.choice(("judgment", "award", "court_mediation")), county, [p], emp,
                         filing, filing + timedelta(days=rng.randint(10, 90)), start, end,
                         amounts=[] if conf_only and rng.random() < 0.5 else [("拖欠工资", rng.randint(2, 20) * 1000), ("未签劳动合同二倍工资", rng.randint(10, 40) * 1000)],
                         response=rng.choice(("absent", "no_objection", "partial", "contests")),
                         evidence=rng.sample(["微信聊天记录", "工资条", "考勤记录", "证人证言", "银行流水"], 2))
                if rng.random() < 0.5:
                    c.worker_agents = [firm]
                cases.append(c)
        elif kind == "supported_suit":
            emp = self.company(county, "sanitation", (1998, 2008), rng.choice(("存续", "存续", "吊销")),
                               rng.choice((0, 2, 4, 8, 20, None)), year)
            legal_aid = rng.random() < 0.5
            sup = (county.procuratorate if rng.random() < 0.7 else f"{county.city}{county.county}总工会") if not legal_aid else ""
            aid = f"{county.city}{county.county}法律援助中心"
            aid_lawyers = [self.lawyer(county) for _ in range(rng.randint(1, 3))]
            batch_day = _day(rng, year)
            for _ in range(size):
                p = self.applicant(home, retire_near=rng.random() < 0.6, year=year)
                start = date(rng.randint(2001, 2010), rng.randint(1, 12), 1)
                end = batch_day - timedelta(days=rng.randint(0, 400))
                c = Case(0, "decoy", kind, None, rng.choice(("judgment", "judgment", "court_mediation")), county, [p], emp,
                         batch_day, batch_day + timedelta(days=rng.randint(5, 40)), start, end,
                         purpose=True, response=rng.choice(("no_objection", "admits", "absent")),
                         evidence=rng.sample(["工资发放表", "考勤表", "证人证言", "环卫作业记录", "银行流水"], 2),
                         supporter=sup)
                if not conf_only or rng.random() < 0.4:
                    c.amounts = [("社会保险待遇损失", rng.randint(20, 120) * 1000)]
                if legal_aid or rng.random() < 0.5:
                    la = rng.choice(aid_lawyers)
                    c.worker_agents = [Agent(la.name, "legal_aid", firm=aid, person=la.person, pid=la.pid)]
                cases.append(c)
        elif kind == "mine_closure":
            # a coal mine shut in the capacity cuts: its old miners ask, in batches, for the
            # confirmation the pension office needs; the mine's labour office admits from its
            # payroll books and one 劳资科 clerk answers every suit
            emp = self.company(county, "mine", (1970, 1995), rng.choice(("注销", "吊销", "清算")),
                               rng.choice((0, 0, 1, None)), year)
            close = date(rng.randint(max(2012, year - 4), year - 1), rng.randint(1, 12), rng.choice((1, 28)))
            clerk = self.f.person(born=(1960, 1975), home=home)
            clerk_agent = Agent(clerk.name, "employee", relation=rng.choice(("该矿劳资科科长", "该矿清算组成员", "该矿职工")),
                                person=clerk, pid=clerk.pid)
            batch_days = [_day(rng, year) for _ in range(rng.randint(1, 3))]
            for _ in range(size):
                p = self.applicant(home, retire_near=rng.random() < 0.8, year=year)
                p.male = rng.random() < 0.9
                end = close if rng.random() < 0.7 else close - timedelta(days=rng.randint(100, 2500))
                start = date(max(1978, end.year - rng.randint(6, 28)), rng.randint(1, 12), 1)
                filing = rng.choice(batch_days)
                dt = rng.choice(("judgment", "court_mediation", "award", "award"))
                ev = rng.sample(["工资发放表", "职工花名册", "下井记录", "矿工证", "人事档案"], rng.randint(0, 2))
                c = Case(0, "decoy", kind, None, dt, county, [p], emp, filing,
                         filing + timedelta(days=rng.randint(0, 30)), start, end,
                         purpose=rng.random() < 0.6, response=rng.choice(("admits", "no_objection")),
                         evidence=ev, outcome="confirmed", reason="停产")
                c.employer_agents = [clerk_agent]
                if rng.random() < 0.3:
                    c.worker_agents = [self.lawyer(county)]
                cases.append(c)
        elif kind == "group_lawyer":
            emp = self.company(county, "big" if rng.random() < 0.5 else "other", (1995, 2012), "存续",
                               rng.randint(20, 600), year)
            la = self.lawyer(county)
            lb = self.lawyer(county, la.firm)
            el = self.lawyer(county)
            batch_day = _day(rng, year)
            for _ in range(size):
                p = self.applicant(home, retire_near=rng.random() < 0.4, year=year)
                end = batch_day - timedelta(days=rng.randint(30, 200))
                start = _years(end, -rng.randint(2, 14))
                c = Case(0, "decoy", kind, None, rng.choice(("judgment", "judgment", "award")), county, [p], emp,
                         batch_day + timedelta(days=rng.randint(0, 10)), batch_day + timedelta(days=rng.randint(30, 120)), start, end,
                         amounts=[("拖欠工资", rng.randint(5, 50) * 1000)] if not conf_only or rng.random() < 0.5 else [],
                         response="partial", evidence=rng.sample(["工资条", "考勤记录", "工作证", "证人证言", "工程结算单"], 2))
                c.worker_agents = [la] if rng.random() < 0.6 else [la, lb]
                c.employer_agents = [el]
                cases.append(c)
        elif kind == "work_injury":
            for _ in range(size):
                cty = _county(rng)
                emp = self.company(cty, rng.choice(("other", "factory", "mine")), (1998, 2018), "存续",
                                   rng.choice((0, 1, 3, 10, None)), year)
                p = self.applicant(self.home_of(cty), retire_near=rng.random() < 0.4, year=year)
                start = _day(rng, year - rng.randint(1, 3))
                end = start + timedelta(days=rng.randint(10, 300))
                filing = end + timedelta(days=rng.randint(30, 300))
                c = Case(0, "decoy", kind, None, rng.choice(("judgment", "judgment", "appeal", "award")), cty, [p], emp,
                         filing, filing + timedelta(days=rng.randint(30, 180)), start, end,
                         response=rng.choice(("contests", "contests", "absent")), evidence=["证人证言", "病历"],
                         outcome=rng.choice(("confirmed", "confirmed", "denied")), reason="工伤", simple=False)
                if rng.random() < 0.6:
                    c.worker_agents = [self.lawyer(cty)]
                if rng.random() < 0.6:
                    c.employer_agents = [self.lawyer(cty)]
                cases.append(c)
        elif kind == "big_employer":
            emp = self.company(county, rng.choice(("big", "mine")), (1970, 1995), "存续", rng.randint(300, 5000), year)
            for _ in range(size):
                p = self.applicant(home, retire_near=rng.random() < 0.5, year=year)
                filing = _day(rng, rng.randint(2015, 2023))
                end = filing - timedelta(days=rng.randint(30, 3000))
                start = _years(end, -rng.randint(1, 25))
                c = Case(0, "decoy", kind, None, rng.choice(("judgment", "award", "appeal", "court_mediation")), county, [p], emp,
                         filing, filing + timedelta(days=rng.randint(20, 200)), start, end,
                         amounts=[("经济补偿金", rng.randint(5, 90) * 1000)] if rng.random() < 0.6 else [],
                         response=rng.choice(("contests", "partial", "admits", "no_objection")),
                         evidence=rng.sample(["劳动合同", "工资条", "社保缴费记录", "人事档案", "证人证言"], 2),
                         outcome=rng.choice(("confirmed", "denied", "confirmed")), simple=False)
                if rng.random() < 0.7:
                    if rng.random() < 0.4:  # the company's own HR officer answers every suit
                        if emp.eid not in self.inhouse:
                            hr = self.f.person(born=(1965, 1990), home=home)
                            self.inhouse[emp.eid] = Agent(hr.name, "employee", relation=rng.choice(("该公司员工", "该公司人力资源部经理", "该公司法务")), person=hr, pid=hr.pid)
                        c.employer_agents = [self.inhouse[emp.eid]]
                    else:
                        c.employer_agents = [self.lawyer(county)]
                if rng.random() < 0.5:
                    c.worker_agents = [self.lawyer(county)]
                cases.append(c)
        if kind in ("dormant_collective", "closing_staff_pension", "supported_suit", "factory_layoff") \
                and rng.random() < self.knobs["decoy_shared_agent"]:
            # one person helps the whole group: a former workshop head, a village cadre or a
            # basic-level legal-service worker (genuine groups organise too)
            helper = self.f.person(born=(1950, 1970), home=home)
            hk = rng.choice(("former", "cadre", "legal_service"))
            ag = Agent(helper.name, "legal_service" if hk == "legal_service" else "citizen",
                       firm=f"{county.county}{rng.choice(('城关', '民生', '惠民'))}法律服务所" if hk == "legal_service" else "",
                       relation={"former": "原单位职工", "cadre": "村民委员会推荐", "legal_service": ""}[hk],
                       person=helper, pid=helper.pid)
            for c in cases:
                if rng.random() < 0.85:
                    c.worker_agents = [ag]
        if kind in ("supported_suit", "factory_layoff", "dormant_collective") and rng.random() < self.knobs["joint_suit"]:
            merged: list[Case] = []
            i = 0
            while i < len(cases):
                n = rng.randint(2, 6)
                head = cases[i]
                for other in cases[i + 1:i + n]:
                    head.co_workers.append((other.workers[0], other.start, other.end, other.worker_agents))
                head.doc_type = "judgment" if head.doc_type == "award" else head.doc_type
                merged.append(head)
                i += n
            cases = merged
        for c in cases:
            if c.doc_type in ("court_mediation", "arb_mediation"):
                c.outcome = "mediated"
            if c.doc_type == "appeal":
                self.make_appeal(c)
            self.add(c)
            if not c.case_number:
                c.case_number = self.number_for(c)

    def make_appeal(self, c: Case) -> None:
        """An appeal document: the first-instance judgment (not published here) is cited."""
        rng = self.rng
        lower_year = c.filing.year
        c.lower_forum = c.county.court
        c.related = [self.num.court(c.county, lower_year, "first")]
        c.filing = c.filing + timedelta(days=rng.randint(60, 150))
        c.decision = c.filing + timedelta(days=rng.randint(20, 90))
        c.appellant_is_worker = rng.random() < 0.5
        c.outcome = rng.choice(("upheld", "upheld", "upheld", "reversed"))
        c.simple = False

    # ---- background ----------------------------------------------------------------------
    def background(self, n: int) -> None:
        rng = self.rng
        pool: list[Company] = []
        for _ in range(max(20, n // 6)):
            county = _county(rng)
            pool.append(self.company(county, rng.choice(("other", "other", "factory", "big", "labour_service")),
                                     (1990, 2018), rng.choice(("存续", "存续", "在业", "吊销", "注销")),
                                     rng.choice((None, 0, rng.randint(1, 30), rng.randint(30, 800))), 2020))
        for _ in range(n):
            emp = rng.choice(pool)
            county = emp.county if rng.random() < 0.85 else _county(rng)
            year = rng.randint(2014, 2023)
            p = self.applicant(self.home_of(county), retire_near=rng.random() < 0.3, year=year)
            filing = _day(rng, year)
            end = filing - timedelta(days=rng.randint(20, 1500))
            start = _years(end, -rng.randint(0, 12)) - timedelta(days=rng.randint(0, 200))
            r = rng.random()
            kind = "wage" if r < 0.45 else "confirmation" if r < 0.75 else "employer_denial" if r < 0.85 else "refusal" if r < 0.93 else "appeal"
            dt = {"wage": rng.choice(("judgment", "award", "court_mediation", "arb_mediation")),
                  "confirmation": rng.choice(("judgment", "judgment", "award", "court_mediation")),
                  "employer_denial": "judgment", "refusal": "refusal", "appeal": "appeal"}[kind]
            c = Case(0, "background", kind, None, dt, county, [p], emp, filing,
                     filing + timedelta(days=rng.randint(10, 200)), start, end,
                     amounts=[("拖欠工资", rng.randint(1, 60) * 1000)] + ([("加班费", rng.randint(1, 20) * 1000)] if rng.random() < 0.4 else [])
                     if kind in ("wage", "appeal") or rng.random() < 0.4 else [],
                     response=rng.choice(("contests", "contests", "partial", "absent", "admits", "no_objection")),
                     evidence=rng.sample(["劳动合同", "工资条", "考勤记录", "证人证言", "微信聊天记录", "银行流水"], rng.randint(0, 2)),
                     outcome=rng.choice(("confirmed", "confirmed", "denied", "dismissed")), simple=rng.random() < 0.6)
            if kind == "wage":
                c.cause = "劳动争议"
            if kind == "employer_denial":
                c.employer_initiated = True
                c.cause = "确认劳动关系纠纷"
                c.outcome = rng.choice(("confirmed", "denied"))
            if kind == "refusal":
                c.outcome = "not_accepted"
                c.reason = rng.choice(("超过仲裁申请时效", "申请人的请求不属于劳动人事争议处理范围", "申请人主体不适格"))
            if dt in ("court_mediation", "arb_mediation"):
                c.outcome = "mediated"
            if rng.random() < 0.12:
                c.worker_agents = [self.service_worker(county)]
            elif rng.random() < 0.5:
                c.worker_agents = [self.lawyer(county)] if rng.random() < 0.7 else [
                    Agent(self.f.person(home=self.home_of(county), surname=p.name[0]).name, "relative", relation=rng.choice(("之子", "之女", "之妻", "之夫")))]
            if rng.random() < 0.5:
                c.employer_agents = [self.lawyer(county)] if rng.random() < 0.7 else [
                    Agent(self.f.person(home=self.home_of(county)).name, "employee", relation="该公司员工")]
            if dt == "appeal":
                self.make_appeal(c)
            self.add(c)
            c.case_number = self.number_for(c)

    def build(self) -> World:
        rng = self.rng
        n = self.n_cases
        n_ring = int(n * self.knobs["ring_share"])
        n_decoy = int(n * self.knobs["decoy_share"])
        weights = [rng.uniform(0.3, 1.5) for _ in RING_KINDS]
        while sum(1 for c in self.cases if c.group == "ring") < n_ring:
            size = self.ring_size()
            kind = rng.choices(RING_KINDS, weights)[0]
            if kind == "manager_small":
                size = rng.randint(2, 4)
            if kind == "before_founding":
                size = min(size, rng.randint(4, 12))
            if kind == "mediation_only":
                size = min(size, rng.randint(3, 15))
            if kind == "refusal_then_court":
                size = min(size, rng.randint(3, 15))
            self.ring(kind, size)
        dweights = [rng.uniform(0.3, 1.5) for _ in DECOY_KINDS]
        while sum(1 for c in self.cases if c.group == "decoy") < n_decoy:
            kind = rng.choices(DECOY_KINDS, dweights)[0]
            size = rng.randint(3, 40) if kind != "work_injury" else rng.randint(3, 12)
            self.decoy(kind, size)
        self.background(max(0, n - len(self.cases)))
        for c in self.cases:  # nobody claims work before 16 (P11 is not planted here)
            adult = _years(c.workers[0].birth, 18)
            if c.start is not None and c.end is not None and c.start < adult:
                c.start = adult.replace(day=1)
                if c.end <= c.start:
                    c.end = _years(c.start, 1)
        return World(self.seed, self.companies, self.rings, self.cases, self.knobs)


def plan(seed: int, n_cases: int = 2000) -> World:
    """Plan one world (facts only) for `seed`.

    >>> w = plan(5, 200)
    >>> len(w.cases) >= 200, plan(5, 200).cases[7].case_number == w.cases[7].case_number
    (True, True)
    """
    return Planner(seed, n_cases).build()
