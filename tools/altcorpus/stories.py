"""Sham rings, legitimate look-alike groups and background disputes (docs/domain.md §2-§3)."""

from __future__ import annotations

import datetime as dt

from tools.altcorpus.world import FIRMS, REGIONS, Agent, Case, Employer, World

D = dt.date


def _days(d: dt.date, n: float) -> dt.date:
    return d + dt.timedelta(days=int(n))


def _adult(p, start: dt.date) -> dt.date:
    """A genuine worker's start: not before 16 (legal working age) - only shams claim a
    13-year-old's employment (docs/domain.md P11)."""
    return max(start, D(p.birth.year + 16, p.birth.month, min(p.birth.day, 28)))


def _retire(w: World, filed: dt.date):
    """A near-retirement applicant (women 45-56, men 54-62; docs/domain.md §7.4)."""
    sex = "女" if w.rng.random() < 0.65 else "男"
    age = w.rng.uniform(45, 56) if sex == "女" else w.rng.uniform(54, 62)
    return w.person(w.rng.choice(REGIONS), sex, age, filed)


def _sham_period(w: World, p, filed: dt.date) -> tuple[dt.date, dt.date]:
    r = w.rng
    length = r.choice([15] * 5 + [14, 16, 17] * 2 + [10, 12, 13, 18, 20, 25])
    if r.random() < 0.35:  # ends at the retirement birthday
        born = p.birth.replace(day=28) if (p.birth.month, p.birth.day) == (2, 29) else p.birth
        end = born.replace(year=born.year + (50 if p.sex == "女" else 60))
        if end > filed:
            end = _days(filed, -r.randrange(400, 3000))
    else:
        end = D(filed.year - r.randrange(2, 12), r.randrange(1, 13), r.choice([1, 28]) if r.random() < 0.5 else 15)
    start = D(max(1994, end.year - length), r.randrange(1, 13), 1)
    return start, end


def _sham_doc(w: World) -> tuple[str, str]:
    roll = w.rng.random()
    return (("arbitration", "award") if roll < 0.45 else ("court", "mediation") if roll < 0.7
            else ("arbitration", "arb_mediation") if roll < 0.8 else ("court", "judgment"))


def _citizen(w: World, relation: str = "") -> Agent:
    return Agent(w.person(sex="男", age=w.rng.uniform(35, 55)), relation=relation)


def _lawyer(w: World, firm: str) -> Agent:
    return Agent(w.person(age=w.rng.uniform(28, 50)), firm=firm)


def _small_employer(w: World, year_lo=1985, year_hi=2008, region=None) -> Employer:
    r = w.rng
    return w.employer(founded_year=r.randrange(year_lo, year_hi), region=region,
                      status=r.choice(["存续", "吊销，未注销", "注销", "在业", "存续"]),
                      insured=r.choice([0, 0, 1, 2, 3, 5, None]),
                      kind=r.choice(["有限责任公司(自然人投资或控股)", "集体所有制", "股份合作制"]),
                      trade=r.choice([("再生资源回收", "有限公司"), ("劳动服务", "有限公司"),
                                      ("粮油购销", "有限公司"), ("煤业", "有限责任公司"), ("砖", "厂")]))


def ring_intermediary(w: World, rid: str, as_hr: bool) -> list[Case]:
    """An intermediary across 2-3 small employers: for the applicants, or posing as each
    employer's 人事部门负责人 (SPP-2024-04, 焦某)."""
    r = w.rng
    broker = _citizen(w, "该公司人事部门负责人" if as_hr else "")
    cases = []
    # an operation spans two to three years (Chongqing 2017-2019, Jilin 2016-2018)
    opened = D(r.randrange(2016, 2022), r.randrange(1, 13), r.randrange(1, 28))
    for _ in range(r.choice([2, 2, 3])):
        emp = _small_employer(w)
        batch = _days(opened, r.randrange(0, 3 * 365))
        forum, doc = _sham_doc(w)
        for _ in range(r.randrange(2, 12)):
            filed = _days(batch, r.choice([0, 0, 0, 1, 3]))
            p = _retire(w, filed)
            if r.random() < 0.3:
                p.phone = broker.person.phone
            s, e = _sham_period(w, p, filed)
            c = Case(p, emp, forum, doc, s, e, filed, _days(filed, r.randrange(0, 25)), "ring",
                     "hr_agent" if as_hr else "intermediary", rid, stance="admit",
                     purpose=r.random() < 0.5, proof=r.sample(["工资条", "劳动合同", "证人证言"], r.randrange(0, 2)))
            if as_hr:
                c.employer_agent = broker
            else:
                c.applicant_agent = broker
            cases.append(c)
    return cases


def ring_relatives(w: World, rid: str) -> list[Case]:
    """Two to four relatives at a closing employer whose manager colludes (煤矿 宋某、赵某)."""
    r = w.rng
    emp = _small_employer(w)
    emp.status = "注销"
    family = r.choice("王李张刘陈杨赵")
    home = w.person().address
    filed = D(r.randrange(2016, 2024), r.randrange(1, 13), r.randrange(1, 28))
    cases = []
    members = [_retire(w, filed) for _ in range(r.randrange(2, 5))]
    spouse = len(members) > 1 and r.random() < 0.5  # a spouse keeps her or his own surname
    for i, p in enumerate(members):
        if not (spouse and i == 1):
            p.name = family + p.name[1:]
        p.address = home
    for i, p in enumerate(members):
        s, e = _sham_period(w, p, filed)
        elder = "兄长" if members[0].sex == "男" else "姐姐"
        agent = Agent(members[0], relation=f"系{p.name}之{'配偶' if spouse and i == 1 else elder}") if i else None
        cases.append(Case(p, emp, "court", r.choice(["mediation", "judgment"]), s, e, filed,
                          _days(filed, r.randrange(5, 20)), "ring", "relatives", rid,
                          applicant_agent=agent, employer_agent=Agent(emp.legal_rep, relation="该公司负责人"),
                          stance="admit", purpose=r.random() < 0.4))
    return cases


def ring_prefounding(w: World, rid: str) -> list[Case]:
    """Claimed starts before the employer existed, with lawyers as agents (legitimate
    professionals): only the registry shows it."""
    r = w.rng
    emp = _small_employer(w, 2003, 2010)
    firm = r.choice(FIRMS[:4])
    lawyers = [_lawyer(w, firm) for _ in range(2)]
    filed = D(r.randrange(2017, 2024), r.randrange(1, 13), r.randrange(1, 28))
    cases = []
    for _ in range(r.randrange(3, 8)):
        p = _retire(w, filed)
        s = D(r.randrange(1994, emp.founded.year), r.randrange(1, 13), 1)
        e = D(s.year + r.choice([14, 15, 15, 16]), r.randrange(1, 13), 28 if r.random() < 0.5 else 1)
        cases.append(Case(p, emp, "court", "judgment", s, e, _days(filed, r.randrange(0, 30)),
                          _days(filed, r.randrange(15, 40)), "ring", "prefounding", rid,
                          applicant_agent=r.choice(lawyers), stance="admit", purpose=True))
    return cases


def ring_mediation(w: World, rid: str) -> list[Case]:
    """Court mediations the same day, one citizen agent (成都 付某: 5 cases, 同日调解)."""
    r = w.rng
    emp = _small_employer(w)
    agent = _citizen(w)
    day = D(r.randrange(2016, 2024), r.randrange(1, 13), r.randrange(1, 28))
    cases = []
    for _ in range(r.randrange(3, 7)):
        p = _retire(w, day)
        s, e = _sham_period(w, p, day)
        cases.append(Case(p, emp, "court", "mediation", s, e, day, day, "ring", "mediation", rid,
                          applicant_agent=agent, stance="admit"))
    return cases


def decoy_closing(w: World) -> list[Case]:
    """A closing factory's workforce laid off over several weeks across a month boundary,
    claiming wages and severance, with payroll proof and varied agents."""
    r = w.rng
    emp = w.employer(founded_year=r.randrange(1988, 2005), status=r.choice(["注销", "清算", "存续"]),
                     insured=r.choice([0, 2, 4, None]), kind="有限责任公司(自然人投资或控股)",
                     trade=r.choice([("纺织", "厂"), ("机械", "厂"), ("包装", "有限公司")]))
    close = D(r.randrange(2016, 2024), r.randrange(1, 13), 1)
    firms = r.sample(FIRMS, 3)
    cases = []
    for _ in range(r.randrange(6, 22)):
        p = w.person(emp.region, age=r.uniform(30, 58), on=close)
        end = _days(close, r.randrange(-25, 20))
        start = _adult(p, D(r.randrange(max(emp.founded.year, 1996), end.year - 1), r.randrange(1, 13), r.randrange(1, 28)))
        filed = _days(end, r.randrange(10, 60))
        agent = None if r.random() < 0.4 else _lawyer(w, r.choice(firms))
        cases.append(Case(p, emp, "arbitration", r.choice(["award", "award", "arb_mediation"]), start, end,
                          filed, _days(filed, r.randrange(30, 90)), "decoy", "closing_layoff",
                          applicant_agent=agent, stance=r.choice(["partial", "partial", "admit", "absent"]),
                          wages=r.randrange(3000, 60000) if r.random() < 0.6 else 0,
                          proof=r.sample(["工资发放表", "考勤表", "劳动合同", "社保缴费记录"], r.choice([0, 1, 2]))))
    if len(cases) > 3 and r.random() < 0.6:  # a couple on the same line, one acting for the other
        a, b = cases[0], cases[1]
        b.applicant.address = a.applicant.address
        a.applicant_agent = Agent(b.applicant, relation=f"系{a.applicant.name}之配偶")
    return cases


def decoy_longserving(w: World) -> list[Case]:
    """A small closing firm admits its long-serving staff's claims together so they can
    back-pay their pensions (docs/domain.md §3): near retirement, confirmation only, admitted -
    the published rules fire; the periods end at the closure and vary in length."""
    r = w.rng
    emp = w.employer(founded_year=r.randrange(1992, 2002), status=r.choice(["注销", "清算"]),
                     insured=r.choice([0, 1, 3]), kind="有限责任公司(自然人投资或控股)",
                     trade=r.choice([("包装", "有限公司"), ("机械", "厂"), ("运输", "有限公司")]))
    close = D(r.randrange(2016, 2023), r.randrange(1, 13), r.randrange(1, 28))
    filed = _days(close, r.randrange(20, 120))
    cases = []
    for _ in range(r.randrange(4, 10)):
        p = w.person(emp.region, age=r.uniform(47, 60), on=filed)
        s = _adult(p, D(r.randrange(max(1996, emp.founded.year), 2010), r.randrange(1, 13), 1))
        cases.append(Case(p, emp, "court", r.choice(["judgment", "mediation"]), s,
                          _days(close, r.randrange(-10, 10)), _days(filed, r.randrange(0, 15)),
                          _days(filed, r.randrange(15, 60)), "decoy", "closing_longserving",
                          stance="admit", purpose=True,
                          proof=r.sample(["职工花名册", "工资发放表", "劳动合同"], r.choice([0, 1, 2]))))
    return cases


def decoy_young(w: World) -> list[Case]:
    """A young labour-service firm whose staff had short, close-together tenures."""
    r = w.rng
    emp = w.employer(founded_year=r.randrange(2014, 2018), status=r.choice(["存续", "吊销，未注销"]),
                     insured=r.randrange(2, 20), kind="有限责任公司(自然人投资或控股)",
                     trade=r.choice([("劳务", "有限公司"), ("建筑工程", "有限公司"), ("物业服务", "有限公司")]))
    hire = D(emp.founded.year + 1, r.randrange(1, 13), 1)
    filed = D(hire.year + r.randrange(2, 4), r.randrange(1, 13), r.randrange(1, 28))
    cases = []
    for _ in range(r.randrange(4, 12)):
        p = w.person(emp.region, age=r.uniform(22, 55), on=filed)
        s = _adult(p, _days(hire, r.randrange(0, 50)))
        e = _days(filed, -r.randrange(20, 200))
        cases.append(Case(p, emp, "court", r.choice(["judgment", "judgment", "mediation"]), s, e,
                          _days(filed, r.randrange(0, 6)), _days(filed, r.randrange(20, 120)), "decoy",
                          "young_firm", stance=r.choice(["partial", "contest", "admit"]),
                          wages=r.randrange(2000, 30000) if r.random() < 0.7 else 0, proof=["微信转账记录", "工作证"]))
    return cases


def decoy_supported(w: World) -> list[Case]:
    """A group suit backed by a procuratorate, union or legal-aid centre (检例第125号), one
    legal-aid lawyer for all."""
    r = w.rng
    emp = w.employer(founded_year=r.randrange(1995, 2006), status="存续", insured=r.randrange(0, 6),
                     kind="有限责任公司(国有独资)", trade=("物业服务", "有限公司"))
    body = r.choice([f"{emp.region[2]}{emp.region[3]}人民检察院", f"{emp.region[2]}总工会",
                     f"{emp.region[2]}法律援助中心"])
    lawyer = _lawyer(w, f"{emp.region[2]}法律援助中心")
    filed = D(r.randrange(2018, 2024), r.randrange(1, 13), r.randrange(1, 28))
    cases = []
    for _ in range(r.randrange(8, 25)):
        p = w.person(emp.region, age=r.uniform(45, 62), on=filed)
        s = _adult(p, D(r.randrange(2000, 2010), r.randrange(1, 13), 1))
        e = _days(filed, -r.randrange(30, 400))
        cases.append(Case(p, emp, "court", "judgment", s, e, filed, _days(filed, r.randrange(20, 90)),
                          "decoy", "supported_suit", applicant_agent=lawyer, stance="admit",
                          supporter=body, wages=r.choice([0, r.randrange(5000, 40000)]),
                          proof=["职工花名册", "工资发放表"], purpose=True))
    return cases


def decoy_archives(w: World, soe: bool) -> list[Case]:
    """A dormant collective (or restructured SOE) admitting old employment from its archives;
    periods end at the 改制 and vary in length."""
    r = w.rng
    emp = w.employer(founded_year=r.randrange(1958, 1982), status=r.choice(["存续", "吊销，未注销"]),
                     insured=r.choice([0, 1, 2]), kind="全民所有制" if soe else "集体所有制",
                     trade=r.choice([("机械", "厂"), ("纺织", "厂"), ("粮油购销", "有限公司")]), former=soe)
    reform = D(r.randrange(1998, 2005), r.randrange(1, 13), 1)
    filed = D(r.randrange(2017, 2024), r.randrange(1, 13), r.randrange(1, 28))
    cases = []
    for _ in range(r.randrange(5, 16)):
        p = w.person(emp.region, age=r.uniform(52, 66), on=filed)
        s = _adult(p, D(r.randrange(1975, 1992), r.randrange(1, 13), 1))
        cases.append(Case(p, emp, "court", "mediation" if not soe else "judgment", s, reform,
                          _days(filed, r.randrange(0, 40)), _days(filed, r.randrange(10, 60)), "decoy",
                          "restructured_soe" if soe else "dormant_collective",
                          applicant_agent=None if r.random() < 0.6 else _citizen(w, "系原告之子"),
                          stance="admit", purpose=True,
                          proof=r.sample(["招工登记表", "职工档案", "工资发放表", "职工花名册"], r.choice([0, 1, 2, 2]))))
    return cases


def decoy_one_firm(w: World) -> list[Case]:
    """One firm's lawyers for a whole group against a construction company that admits the
    period but disputes the money."""
    r = w.rng
    emp = w.employer(founded_year=r.randrange(1995, 2012), status="存续", insured=r.randrange(3, 40),
                     kind="有限责任公司(自然人投资或控股)", trade=("建筑工程", "有限公司"))
    firm = r.choice(FIRMS[:4])
    lawyers = [_lawyer(w, firm) for _ in range(2)]
    filed = D(r.randrange(2017, 2024), r.randrange(1, 13), r.randrange(1, 28))
    cases = []
    for _ in range(r.randrange(5, 14)):
        p = w.person(emp.region, age=r.uniform(35, 60), on=filed)
        s = _adult(p, D(r.randrange(2008, 2016), r.randrange(1, 13), 1))
        e = _days(filed, -r.randrange(20, 150))
        cases.append(Case(p, emp, r.choice(["court", "arbitration"]), "judgment", s, e, filed,
                          _days(filed, r.randrange(30, 100)), "decoy", "one_firm_group",
                          applicant_agent=r.choice(lawyers), stance="partial", wages=r.randrange(8000, 90000),
                          proof=["工资发放表", "考勤表"]))
    for c in cases:
        if c.forum == "arbitration":
            c.doc = "award"
    return cases


def background(w: World, n: int) -> list[Case]:
    """Ordinary single disputes: contested, absent, work injury, refused applications."""
    r = w.rng
    pool = [w.employer(founded_year=r.randrange(1990, 2018), status=r.choice(["存续", "在业", "注销"]),
                       insured=r.choice([None, r.randrange(0, 800)]), kind="有限责任公司(自然人投资或控股)")
            for _ in range(max(8, n // 3))]
    cases = []
    for _ in range(n):
        emp = r.choice(pool)
        filed = D(r.randrange(2016, 2024), r.randrange(1, 13), r.randrange(1, 28))
        p = w.person(emp.region, age=r.uniform(20, 60), on=filed)
        s = _days(filed, -r.randrange(200, 5000))
        roll = r.random()
        forum, doc = (("arbitration", "refusal") if roll < 0.1 else ("arbitration", "award") if roll < 0.45
                      else ("court", "employer_suit") if roll < 0.53 else ("court", "judgment"))
        agent = r.choice([None, None, _lawyer(w, r.choice(FIRMS)), _citizen(w, "系原告之子")])
        cases.append(Case(p, emp, forum, doc, max(s, emp.founded), _days(filed, -r.randrange(10, 300)), filed,
                          _days(filed, r.randrange(20, 200)), "background",
                          r.choice(["contested", "work_injury", "wage_dispute"]), applicant_agent=agent,
                          employer_agent=_lawyer(w, r.choice(FIRMS)) if r.random() < 0.4 else None,
                          stance=r.choice(["contest", "contest", "absent", "partial"]),
                          wages=r.choice([0, r.randrange(1000, 80000)])))
    return cases
