"""Legitimate look-alikes that only varied worlds contain (docs/domain.md §3.2).

Each is a genuine situation that passes the published screening rules (a small employer, a
burst of suits, an employer that does not object) and whose documents carry the evidence a
real one carries:

* ``supported_suit``: a group suit backed by a procuratorate, a trade union or a legal-aid
  centre (支持起诉), one legal-aid or one firm's lawyer for the whole group, long-serving
  workers of a small employer that admits; documentary proof, often wage claims.
* ``closing_firm_staff``: a closing small firm's long-serving staff, laid off over several
  weeks that straddle a month boundary (end dates differ per person), file together after the
  closure; the firm admits, often only the years worked ("但工资数额过高……无力支付").
* ``young_firm_closure``: the short-tenure staff (1-6 years, start dates close together) of a
  young contractor or labour-service company that closed, many near retirement, filing in a
  burst for wage arrears and severance.
* ``dormant_collective``: a dormant collective or state enterprise founded decades ago (former
  names, about zero insured staff) admits from its archives the old employment of former
  workers who now need pensions; periods end at the restructuring or closure date.

Every generator takes a case budget and returns at most that many plans.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Callable

from ringtrace.synth import builders, genuine, periods
from ringtrace.synth.campaign_pairs import campaign_pairs
from ringtrace.synth.employers import REGISTRY_DATE, Employer, close_after
from ringtrace.synth.genuine import Answer
from ringtrace.synth.geography import County
from ringtrace.synth.people import Person
from ringtrace.synth.plan import AgentRole, CasePlan
from ringtrace.synth.variation import Variation
from ringtrace.synth.world import LAST_DAY, World, add_workdays, workday

LOOKALIKE_KINDS = ("supported_suit", "closing_firm_staff", "young_firm_closure",
                   "dormant_collective")


def group_size(rng: random.Random, var: Variation, low: int = 3) -> int:
    """A group of ``low`` to ``var.group_size_max`` workers, most of them small.

    >>> from ringtrace.synth.variation import DEFAULT
    >>> sizes = [group_size(random.Random(i), DEFAULT) for i in range(200)]
    >>> min(sizes) >= 3 and max(sizes) <= 80
    True
    """
    high = max(low, var.group_size_max)
    size: int = round(low * (high / low) ** (rng.random() ** 1.6))
    return size


def wage_claims(rng: random.Random, filing: dt.date, years: float,
                severance: bool = True) -> list[float]:
    """Unpaid wages (2-14 months), often severance (a month per year worked, at most 12) and
    sometimes double pay for the missing contract, at the wages of the filing year."""
    monthly = round(rng.uniform(1300, 2600) * 1.06 ** (filing.year - 2013) / 10) * 10
    amounts: list[float] = [monthly * rng.randint(2, 14)]
    if severance and rng.random() < 0.7:
        amounts.append(monthly * max(1, min(12, round(years))))
    if rng.random() < 0.15:
        amounts.append(monthly * rng.randint(3, 11))
    if rng.random() < 0.2:  # exact sums from a wage list
        amounts[0] += rng.randint(1, 99) * 10 + rng.choice((0, 0, 0.5))
    return [float(a) for a in amounts]


def _label(plans: list[CasePlan], kind: str) -> list[CasePlan]:
    for p in plans:
        p.group, p.label = "decoy", kind
    return plans


def _groups(world: World, rng: random.Random, budget: int, employer: Callable[[], Employer],
            build: Callable[[World, random.Random, Employer, int], list[CasePlan]],
            kind: str) -> list[CasePlan]:
    """Groups of ``kind`` (three cases or more), each at a new ``employer()``, until ``budget``."""
    plans: list[CasePlan] = []
    while budget - len(plans) >= 3:
        emp = employer()
        size = min(budget - len(plans), group_size(rng, world.var))
        plans += _label(build(world, rng, emp, size), kind)
    return plans


def _county(world: World, rng: random.Random) -> County:
    return world.county(rng, province="41" if rng.random() < 0.9 else None)


def _years(start: dt.date, end: dt.date | None, filing: dt.date) -> float:
    return ((end or filing) - start).days / 365.25


def _respond(rng: random.Random, plan: CasePlan, drawn: str, partial_share: float) -> None:
    """Apply a drawn answer; an admission of a money claim is often only partial."""
    if drawn == "mediated":
        return
    plan.response = drawn
    plan.absent = drawn == "absent"
    if drawn in ("admits", "no_objection") and plan.amounts and rng.random() < partial_share:
        plan.response, plan.partial = "no_objection", True


def _settle(rng: random.Random, plan: CasePlan) -> None:
    """Genuine group claims backed by documents are mostly confirmed (and paid)."""
    if plan.outcome == "mediated":
        return
    r = rng.random()
    if plan.response in ("admits", "no_objection", "absent"):
        plan.outcome = "confirmed" if r < 0.93 else "denied"
    else:
        plan.outcome = "confirmed" if r < 0.7 else "denied"


def _money(rng: random.Random, plan: CasePlan, share: float, severance: bool = True) -> None:
    if rng.random() < share:
        plan.claim_kind = "with_amounts"
        assert plan.claimed_start is not None
        years = _years(plan.claimed_start, plan.claimed_end, plan.filing)
        plan.amounts = wage_claims(rng, plan.filing, years, severance)
        plan.cause = confirmation_cause(plan)


def confirmation_cause(plan: CasePlan) -> str:
    """The 案由 of a claim that asks for the relationship to be confirmed (with money too)."""
    return "确认劳动关系争议" if plan.forum.kind == "arbitration" else "确认劳动关系纠纷"


def _short_statement(rng: random.Random, world: World, plan: CasePlan) -> None:
    """Some commissions and courts write a genuine mediation up as parties plus agreement."""
    if plan.outcome == "mediated" and rng.random() < world.var.genuine_short_mediation_share:
        plan.short_statement, plan.response = True, "unknown"


def _employer_side(rng: random.Random, world: World, emp: Employer, plan: CasePlan,
                   staff: AgentRole | None) -> None:
    if plan.absent:
        plan.employer_agents = []
    elif staff is not None and rng.random() < 0.6:
        plan.employer_agents = [staff]
    elif rng.random() < 0.25:
        plan.employer_agents = [builders.lawyer(rng, world, emp.county)]
    else:
        plan.employer_agents = []


def _agents(rng: random.Random, world: World, worker: Person, emp: Employer, filing: dt.date,
            counsel: builders.GroupCounsel | None, share: float = 0.85) -> list[AgentRole]:
    if counsel is not None and rng.random() < share:
        return counsel.pick(rng)
    return builders.worker_agents(rng, world, worker, emp.county, filing)


def _filing_days(rng: random.Random, first: dt.date, count: int, gap: int) -> list[dt.date]:
    days = [workday(first)]
    for _ in range(count - 1):
        days.append(add_workdays(days[-1], rng.randint(1, gap)))
    return [min(d, LAST_DAY - dt.timedelta(days=100)) for d in days]


# -- supported suits ------------------------------------------------------------------------
def supported_suit(world: World, rng: random.Random, budget: int) -> list[CasePlan]:
    return _groups(world, rng, budget, lambda: world.employer(rng, _county(world, rng), "supported"),
                   _supported_group, "supported_suit")


def _supported_group(world: World, rng: random.Random, emp: Employer,
                     size: int) -> list[CasePlan]:
    var = world.var
    kind = genuine.pick(rng, (("procuratorate", 0.45), ("union", 0.35), ("legal_aid", 0.2)))
    supporter = world.supporter(emp.county, kind)
    counsel = builders.GroupCounsel(rng, world, emp.county,
                                    legal_aid_share=0.4 if kind == "union" else 0.75)
    first = world.filing_date(rng)
    days = _filing_days(rng, first, rng.choice((1, 1, 1, 2, 3)), 8)
    hired_from = max(emp.founded.year, 1995)
    era = rng.randint(hired_from, max(hired_from, min(2012, first.year - 4)))
    ongoing = rng.random() < 0.45
    dismissed = first - dt.timedelta(days=rng.randint(30, 400))
    female = rng.uniform(0.5, 0.9)
    money = rng.random() < var.genuine_money_share
    purpose = rng.uniform(0.2, 0.7)
    answer = Answer(contests=0.05, admits=0.5, no_objection=0.3, absent=0.08, mediated=0.07)
    evidence = genuine.pick(rng, (("roster", 3), ("payroll", 2), ("wage_account", 2),
                                  ("contract", 2)))
    staff = builders.employee(rng, world, emp) if rng.random() < 0.5 else None
    template = rng.randrange(1 << 30)
    plans = []
    for i in range(size):
        filing = days[i % len(days)]
        sex = "女" if rng.random() < female else "男"
        county = world.county(rng, near=emp.county)
        worker = world.person(rng, county, sex, rng.uniform(38, 61), filing,
                              rural=rng.random() < 0.6)
        drawn = answer.draw(rng)
        plan = genuine.new_case(world, rng, "court", "confirmation", emp, [worker], filing,
                                days=rng.randint(15, 90), answer=drawn)
        start = dt.date(era + rng.randint(0, 5), rng.randint(1, 12), rng.choice((1, 1, 15)))
        plan.claimed_start = min(start, filing - dt.timedelta(days=800))
        plan.claimed_end = None if ongoing else dismissed
        plan.precision = rng.choice(("day", "month", "month"))
        plan.evidence = evidence if rng.random() < 0.85 else "witness"
        _money(rng, plan, 1.0 if money else 0.1, severance=not ongoing)
        _respond(rng, plan, drawn, var.partial_admission_share / 2)
        _settle(rng, plan)
        _short_statement(rng, world, plan)
        if rng.random() < purpose:
            plan.purpose = "backpay"
        plan.supporter = supporter
        plan.supporter_in_block = rng.random() < var.supported_line_share
        plan.worker_agents = _agents(rng, world, worker, emp, filing, counsel, 0.95)
        _employer_side(rng, world, emp, plan, staff)
        plan.template = template
        plan.backpay = plan.outcome in ("confirmed", "mediated") and rng.random() < 0.5
        plans.append(builders.finish(plan, world, rng))
    return plans


# -- a closing firm's staff -----------------------------------------------------------------
def closing_firm_staff(world: World, rng: random.Random, budget: int) -> list[CasePlan]:
    def employer() -> Employer:
        return world.employer(rng, _county(world, rng), rng.choice(("closing", "small")))
    return _groups(world, rng, budget, employer, _closing_staff, "closing_firm_staff")


def layoff_dates(rng: random.Random, boundary: dt.date, size: int) -> list[dt.date]:
    """Layoffs spread over several weeks around the first day of a month: the first two fall
    either side of it, so the group's end dates straddle the month boundary.

    >>> days = layoff_dates(random.Random(1), dt.date(2019, 7, 1), 5)
    >>> min(days) < dt.date(2019, 7, 1) <= max(days)
    True
    """
    weeks = rng.randint(2, 5)
    days = [boundary - dt.timedelta(days=rng.randint(1, 7 * weeks // 2 + 1)),
            boundary + dt.timedelta(days=rng.randint(0, 7 * weeks // 2))]
    days += [boundary + dt.timedelta(days=rng.randint(-7 * weeks // 2, 7 * weeks // 2))
             for _ in range(max(0, size - 2))]
    rng.shuffle(days)
    return days[:size]


def _closing_staff(world: World, rng: random.Random, emp: Employer,
                   size: int) -> list[CasePlan]:
    var = world.var
    first = world.filing_date(rng)
    closed = workday(first - dt.timedelta(days=rng.randint(40, 200)))
    if closed < emp.founded + dt.timedelta(days=6 * 365):  # long-serving staff: an older firm
        emp.founded = closed - dt.timedelta(days=rng.randint(6 * 365, 20 * 365))
    boundary = dt.date(closed.year, closed.month, 1)
    ends = layoff_dates(rng, boundary, size)
    days = _filing_days(rng, max(first, max(ends) + dt.timedelta(days=20)),
                        rng.choice((1, 1, 2, 3)), 15)
    money = rng.random() < var.genuine_money_share
    partial = rng.uniform(0.5, 1.0) * var.partial_admission_share * 2
    answer = Answer(contests=0.1, admits=0.35, no_objection=0.3, absent=0.15, mediated=0.1)
    route = rng.choices(("award", "court"), weights=(5, 5))[0]
    counsel = builders.GroupCounsel(rng, world, emp.county) if rng.random() < 0.6 else None
    staff = builders.employee(rng, world, emp, "该公司清算组成员") if rng.random() < 0.4 else None
    template = rng.randrange(1 << 30)
    earliest = max(emp.founded, dt.date(1990, 1, 1))
    plans = []
    for i, end in enumerate(ends):
        filing = days[i % len(days)]
        worker = genuine.any_worker(world, rng, emp, filing, rural=0.5)
        drawn = answer.draw(rng)
        plan = genuine.new_case(world, rng, route, "confirmation", emp, [worker], filing,
                                answer=drawn)
        plan.claimed_start = periods.long_service(rng, worker.birth, end, earliest)
        plan.claimed_end = end
        plan.precision = "day"
        plan.evidence = genuine.pick(rng, (("roster", 2), ("wage_account", 3), ("payroll", 2),
                                           ("contract", 2), ("witness", 1)))
        _money(rng, plan, 0.95 if money else 0.15)
        _respond(rng, plan, drawn, min(1.0, partial))
        _settle(rng, plan)
        _short_statement(rng, world, plan)
        plan.purpose = genuine.pension_purpose(rng, worker, filing, 0.3)
        plan.worker_agents = _agents(rng, world, worker, emp, filing, counsel)
        _employer_side(rng, world, emp, plan, staff)
        plan.template = template
        plan.backpay = plan.outcome in ("confirmed", "mediated") and rng.random() < 0.3
        plans.append(builders.finish(plan, world, rng))
    if emp.status in ("存续", "在业"):
        emp.status = rng.choice(("停业", "注销", "清算"))
        if emp.status == "注销":
            emp.cancel_date = REGISTRY_DATE
    close_after(rng, emp, max(p.decision for p in plans))
    return plans


# -- a young firm's closure -----------------------------------------------------------------
def young_firm_closure(world: World, rng: random.Random, budget: int) -> list[CasePlan]:
    return _groups(world, rng, budget, lambda: world.employer(rng, _county(world, rng), "young"),
                   _young_closure, "young_firm_closure")


def _young_closure(world: World, rng: random.Random, emp: Employer,
                   size: int) -> list[CasePlan]:
    var = world.var
    latest = LAST_DAY - dt.timedelta(days=200)
    closed = min(emp.founded + dt.timedelta(days=rng.randint(400, 6 * 365)), latest)
    if closed <= emp.founded + dt.timedelta(days=370):
        emp.founded = closed - dt.timedelta(days=rng.randint(400, 6 * 365))
    lifetime = (closed - emp.founded).days
    days = _filing_days(rng, closed + dt.timedelta(days=rng.randint(20, 150)),
                        rng.choice((1, 1, 2)), 10)
    near_share = rng.uniform(0.3, 0.8)
    answer = Answer(contests=0.2, admits=0.3, no_objection=0.2, absent=0.2, mediated=0.1)
    route = rng.choices(("award", "court"), weights=(6, 4))[0]
    counsel = builders.GroupCounsel(rng, world, emp.county) if rng.random() < 0.4 else None
    template = rng.randrange(1 << 30)
    plans = []
    for i in range(size):
        filing = days[i % len(days)]
        near = rng.random() < near_share
        worker = genuine.near_retirement_worker(world, rng, emp, filing) if near else \
            genuine.any_worker(world, rng, emp, filing)
        drawn = answer.draw(rng)
        plan = genuine.new_case(world, rng, route, "confirmation", emp, [worker], filing,
                                answer=drawn)
        offset = int(lifetime * rng.random() ** 2 * 0.5)  # most started in the first years
        start = emp.founded + dt.timedelta(days=offset + rng.randint(0, 60))
        end = closed - dt.timedelta(days=rng.choice((0, 0, rng.randint(1, 40))))
        if (end - start).days > 6 * 365:
            start = end - dt.timedelta(days=rng.randint(365, 6 * 365))
        plan.claimed_start, plan.claimed_end = start, max(end, start + dt.timedelta(days=200))
        plan.precision = rng.choice(("day", "day", "month"))
        plan.evidence = genuine.pick(rng, (("wage_account", 3), ("witness", 3), ("contract", 2),
                                           ("payroll", 1), ("none", 1)))
        _money(rng, plan, min(1.0, var.genuine_money_share + 0.1))
        _respond(rng, plan, drawn, var.partial_admission_share)
        _settle(rng, plan)
        _short_statement(rng, world, plan)
        plan.purpose = genuine.pension_purpose(rng, worker, filing, 0.5) if near else None
        plan.worker_agents = _agents(rng, world, worker, emp, filing, counsel)
        _employer_side(rng, world, emp, plan, None)
        plan.template = template
        plan.backpay = near and plan.outcome in ("confirmed", "mediated") and rng.random() < 0.4
        plans.append(builders.finish(plan, world, rng))
    if emp.status in ("存续", "在业") and rng.random() < 0.6:
        emp.status = "停业"
    close_after(rng, emp, max(p.decision for p in plans))
    return plans


# -- a dormant collective -------------------------------------------------------------------
def dormant_collective(world: World, rng: random.Random, budget: int) -> list[CasePlan]:
    return _groups(world, rng, budget, lambda: _dormant_employer(world, rng),
                   _dormant_group, "dormant_collective")


def _dormant_employer(world: World, rng: random.Random) -> Employer:
    emp = world.employer(rng, _county(world, rng), "dormant")
    plain = emp.name.replace("有限责任公司", "厂").replace("有限公司", "厂")
    if plain != emp.name:
        world.rename(emp, plain)
    emp.company_type = "集体所有制" if rng.random() < 0.6 else "全民所有制"
    emp.legal_rep_title = rng.choice(("厂长", "经理", "负责人"))
    emp.headcount = 0 if rng.random() < 0.8 else None
    for _ in range(rng.choice((1, 1, 2))):
        world.add_former_name(rng, emp, dt.date(rng.randint(1980, 1997), rng.randint(1, 12), 1))
    emp.former.sort(key=lambda item: item[1])
    return emp


DORMANT_FACTS = (
    "{e}保存的招工登记表、职工花名册及{year}年工资发放表载明，{w}于{start}进厂工作，至{end}企业停产时止。",
    "经查阅{e}职工档案，{w}自{start}起在{e}从事生产工作，{end}企业改制后离开。",
    "{e}提交的职工花名册、工资发放表显示{w}于{start}至{end}期间在该单位工作。",
)


def _dormant_group(world: World, rng: random.Random, emp: Employer,
                   size: int) -> list[CasePlan]:
    low = max(1993, emp.founded.year + 10)
    closed = dt.date(rng.randint(min(low, 2008), 2008), rng.randint(1, 12), 1)
    start_day = world.filing_date(rng)
    span = rng.randint(30, 700)
    if start_day + dt.timedelta(days=span) > LAST_DAY - dt.timedelta(days=60):
        start_day = LAST_DAY - dt.timedelta(days=span + 60)
    answer = Answer(contests=0.03, admits=0.6, no_objection=0.12, absent=0.05, mediated=0.2)
    route = rng.choices(("court", "award"), weights=(5, 5))[0]
    counsel = builders.GroupCounsel(rng, world, emp.county) if rng.random() < 0.5 else None
    keeper = builders.employee(rng, world, emp, rng.choice(("该厂留守人员", "该单位负责人",
                                                            "该厂职工")))
    facts = rng.random() < 0.6
    batch_day, template = workday(start_day), rng.randrange(1 << 30)
    plans = []
    for _ in range(size):
        if rng.random() < 0.3:
            batch_day = workday(start_day + dt.timedelta(days=rng.randrange(span)))
            template = rng.randrange(1 << 30)
        worker = genuine.near_retirement_worker(world, rng, emp, batch_day, rural=0.4)
        drawn = answer.draw(rng)
        plan = genuine.new_case(world, rng, route, "confirmation", emp, [worker], batch_day,
                                days=rng.randint(8, 45), answer=drawn)
        end = closed if rng.random() < 0.8 else \
            closed - dt.timedelta(days=rng.randint(365, 6 * 365))
        plan.claimed_start = periods.long_service(rng, worker.birth, end, emp.founded)
        plan.claimed_end = end
        plan.precision = rng.choice(("day", "month", "month", "year"))
        plan.evidence = "dormant_archives"
        _respond(rng, plan, drawn, 0.0)
        _settle(rng, plan)
        _short_statement(rng, world, plan)
        if facts and (plan.outcome == "mediated" or rng.random() < 0.3):
            plan.facts_note = rng.choice(DORMANT_FACTS)
        plan.purpose = genuine.pension_purpose(rng, worker, batch_day, 0.7)
        plan.worker_agents = _agents(rng, world, worker, emp, batch_day, counsel)
        _employer_side(rng, world, emp, plan, keeper)
        plan.template = template
        plan.backpay = plan.outcome in ("confirmed", "mediated") and rng.random() < 0.6
        plans.append(builders.finish(plan, world, rng))
    return plans


#: kind -> generator (shares come from the world's :class:`Variation`)
LOOKALIKES: dict[str, Callable[[World, random.Random, int], list[CasePlan]]] = {
    "supported_suit": supported_suit,
    "closing_firm_staff": closing_firm_staff,
    "young_firm_closure": young_firm_closure,
    "dormant_collective": dormant_collective,
    # pairs, not groups: drawn last in a varied world's decoy shares (ringtrace.synth.variation)
    "campaign_pair": campaign_pairs,
}
