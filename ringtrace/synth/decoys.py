"""Legitimate look-alikes: genuine situations that trip the naive red-flag rules.

* ``restructured_soe``: a restructured state or collective firm admits, from its archives, the
  old employment of workers near retirement; long periods, quick decisions, pension purposes.
* ``factory_closure_group``: long-term workers of a closed factory sue together on one day; the
  employer is 注销/清算 or does not turn up; one lawyer or legal aid for all.
* ``work_injury``: an injured worker needs the relationship confirmed; the employer contests.
* ``big_employer``: a large employer with many genuine cases over the years.
* ``busy_law_firm``: a legitimate firm whose lawyers appear in many cases on both sides.

Every generator takes a case budget and returns at most that many emitted plans.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Callable

from ringtrace.synth import builders, genuine, lookalikes, periods
from ringtrace.synth.employers import Employer, close_after
from ringtrace.synth.genuine import Answer
from ringtrace.synth.geography import County
from ringtrace.synth.people import Person
from ringtrace.synth.plan import AgentRole, CasePlan
from ringtrace.synth.rng import Rng
from ringtrace.synth.world import (
    LAST_DAY,
    LAST_DECISION,
    LawFirm,
    World,
    add_workdays,
    workday,
)

DECOY_KINDS = ("restructured_soe", "factory_closure_group", "work_injury", "big_employer",
               "busy_law_firm")


def _label(plans: list[CasePlan], kind: str) -> list[CasePlan]:
    for p in plans:
        p.group, p.label = "decoy", kind
    return plans


def _henan_county(world: World, rng: random.Random) -> County:
    province = "41" if rng.random() < 0.9 else None
    return world.county(rng, province=province)


def restructured_soe(world: World, rng: random.Random, budget: int) -> list[CasePlan]:
    plans: list[CasePlan] = []
    while budget - len(plans) >= 2:
        emp = world.employer(rng, _henan_county(world, rng), "soe")
        if not emp.former:
            world.add_former_name(rng, emp, dt.date(rng.randint(1997, 2006),
                                                    rng.randint(1, 12), 1))
        if not emp.former:
            continue
        restructured = emp.former[-1][1]
        reregistered = False
        if world.var.active:  # its own draw: the group's draws stay as they were
            chance = Rng(f"{world.seed}:reregistered:{emp.name}")
            reregistered = chance.random() < world.var.reregistered_share
            if reregistered:
                reregister(world, chance, emp, restructured)
        size = min(budget - len(plans), round(5 * 12 ** rng.random()) if not world.var.active
                   else lookalikes.group_size(rng, world.var))
        group = _soe_group(world, rng, emp, restructured, size)
        if reregistered:  # no restructuring handed the archives over: the factory kept them
            for plan in group:
                if plan.evidence == "archives":
                    plan.evidence = "dormant_archives"
        plans += _label(group, "restructured_soe")
    return plans


#: the registry's 企业类型 of a re-registered state or collective factory ("" = not exported)
REREGISTERED_TYPES = (("全民所有制", 3.0), ("集体所有制", 3.0), ("", 4.0))


def reregister(world: World, rng: random.Random, emp: Employer, restructured: dt.date) -> None:
    """Make ``emp`` a planned-economy factory whose registry row shows its re-registration.

    A state or collective factory (国营, 地方国营, numbered factories such as 安阳第三机床厂)
    was registered anew as an enterprise legal person in the late 1980s and 1990s (企业法人登记
    管理条例, 1988) or on a restructuring, and the registry's 成立日期 is often that date, with no
    former name recorded, while its workers were hired years before (docs/domain.md §3.2 L1, §5.6). It
    keeps its old name (the one given as former, with 国营/地方国营 in front half of the time),
    drops the former names, takes a founding date in 1986-1999 (never after ``restructured``)
    and an ownership type, or none where the export leaves 企业类型 blank."""
    old = emp.former[-1][0]
    emp.former = []
    emp.name = old  # reserved for this firm when it was given as former
    marked = rng.choice(("", "", "国营", "地方国营")) + old
    if marked != old:
        world.rename(emp, marked)
    emp.legal_rep_title = rng.choice(("厂长", "厂长", "经理"))
    latest = min(dt.date(1999, 12, 31), restructured)
    earliest = min(dt.date(1986, 1, 1), latest)
    emp.founded = earliest + dt.timedelta(days=rng.randint(0, (latest - earliest).days))
    emp.company_type = rng.choices([t for t, _ in REREGISTERED_TYPES],
                                   weights=[w for _, w in REREGISTERED_TYPES])[0]


def _soe_group(world: World, rng: random.Random, emp: Employer, restructured: dt.date,
               size: int) -> list[CasePlan]:
    start = world.filing_date(rng)
    span = rng.randint(30, 1200)
    if start + dt.timedelta(days=span) > LAST_DAY:
        start = LAST_DAY - dt.timedelta(days=span)
    group_lawyer = builders.lawyer(rng, world, emp.county) if rng.random() < 0.5 else None
    counsel = builders.GroupCounsel(rng, world, emp.county) \
        if group_lawyer is not None and world.var.active else None
    archivist = builders.employee(rng, world, emp, "该公司员工")
    answer = Answer(contests=0.2, admits=0.55, no_objection=0.1, absent=0.05, mediated=0.1)
    route = rng.choices(("court", "award"), weights=(6, 4))[0]
    batch_day, template, plans = workday(start), rng.randrange(1 << 30), []
    for _ in range(size):
        if rng.random() < 0.4:  # a new filing day
            batch_day = workday(start + dt.timedelta(days=rng.randrange(span)))
            template = rng.randrange(1 << 30)
        worker = genuine.near_retirement_worker(world, rng, emp, batch_day, rural=0.35)
        drawn = answer.draw(rng)
        quick = drawn in ("admits", "no_objection", "mediated")
        days = rng.randint(8, 40) if quick else None
        plan = genuine.new_case(world, rng, route, "confirmation", emp, [worker], batch_day,
                                days=days, answer=drawn)
        end = restructured if rng.random() < 0.7 else \
            restructured - dt.timedelta(days=rng.randint(365, 8 * 365))
        if world.var.active:  # (level 0 keeps 1.0's quirk: a few periods end after filing)
            end = min(end, batch_day - dt.timedelta(days=30))
        plan.claimed_start = periods.long_service(rng, worker.birth, end, dt.date(1970, 1, 1))
        plan.claimed_end = end
        plan.precision = rng.choice(("day", "month", "month", "year"))
        plan.evidence = "archives" if drawn in ("admits", "mediated") else "roster"
        plan.purpose = genuine.pension_purpose(rng, worker, batch_day, 0.65)
        genuine.settle_confirmation(rng, plan)
        if counsel is not None and rng.random() < 0.8:
            plan.worker_agents = counsel.pick(rng)
        else:
            plan.worker_agents = [group_lawyer] if group_lawyer and rng.random() < 0.8 else \
                builders.worker_agents(rng, world, worker, emp.county, batch_day)
        plan.employer_agents = [archivist] if not plan.absent and rng.random() < 0.6 else []
        plan.template = template
        plan.backpay = plan.outcome in ("confirmed", "mediated") and rng.random() < 0.6
        plans.append(builders.finish(plan, world, rng))
    return plans


def factory_closure_group(world: World, rng: random.Random, budget: int) -> list[CasePlan]:
    plans: list[CasePlan] = []
    while budget - len(plans) >= 3:
        emp = world.employer(rng, _henan_county(world, rng), "closing")
        size = min(budget - len(plans), round(8 * 10 ** rng.random()) if not world.var.active
                   else lookalikes.group_size(rng, world.var))
        group = _closure_group(world, rng, emp, size)
        plans += _label(group, "factory_closure_group")
    return plans


def _closure_group(world: World, rng: random.Random, emp: Employer,
                   size: int) -> list[CasePlan]:
    closed = workday(world.filing_date(rng) - dt.timedelta(days=rng.randint(30, 300)))
    closed = max(closed, emp.founded + dt.timedelta(days=5 * 365))
    days = sorted(workday(closed + dt.timedelta(days=rng.randint(20, 360)))
                  for _ in range(rng.randint(1, 3)))
    days = [min(d, LAST_DAY - dt.timedelta(days=120)) for d in days]
    if emp.status in ("存续", "在业"):
        emp.status = "停业"
    representative: Person | None = None
    helper = rng.random()
    group_agent: AgentRole | None
    if helper < 0.35:
        group_agent = builders.legal_aid(rng, world, emp.county)
    elif helper < 0.75:
        group_agent = builders.lawyer(rng, world, emp.county)
    else:
        group_agent = None
    money = rng.random() < 0.5
    counsel = None
    if world.var.active:
        money = rng.random() < world.var.genuine_money_share
        if group_agent is not None:
            counsel = builders.GroupCounsel(rng, world, emp.county,
                                            1.0 if group_agent.kind == "legal_aid" else 0.0)
    answer = rng.choice((Answer(0.15, 0.35, 0.1, 0.2, 0.2), Answer(0.1, 0.1, 0.05, 0.7, 0.05)))
    route = rng.choices(("court", "award"), weights=(6, 4))[0]
    decided = {d: add_workdays(d, builders.decision_days(rng, "award" if route == "award"
                                                         else "simple")) for d in days}
    template = rng.randrange(1 << 30)
    plans: list[CasePlan] = []
    for i in range(size):
        filing = days[i % len(days)]
        workers = [genuine.any_worker(world, rng, emp, filing, rural=0.55)]
        if rng.random() < 0.15:
            workers += [genuine.any_worker(world, rng, emp, filing) for _ in
                        range(rng.randint(1, 4))]
        if representative is None:
            representative = workers[0]
        elif rng.random() < 0.3 and group_agent is None:
            for w in workers:
                w.phone = representative.phone
        drawn = answer.draw(rng)
        plan = genuine.new_case(world, rng, route, "money" if money else "confirmation", emp,
                                workers, filing, answer=drawn)
        if drawn != "mediated":
            plan.decision = decided[filing]
            plan.hearing = min(plan.hearing or plan.decision, plan.decision)
        plan.claimed_start = periods.long_service(rng, workers[0].birth, closed,
                                                  dt.date(1988, 1, 1))
        plan.claimed_end = closed
        plan.precision = rng.choice(("day", "month"))
        if money:
            plan.claim_kind = "with_amounts"
            plan.amounts = genuine.money_amounts(rng, rng.randint(1, 3))
            plan.cause = "确认劳动关系纠纷" if plan.forum.kind == "court" and \
                rng.random() < 0.3 else plan.cause
            genuine.settle_money(rng, plan)
        else:
            plan.purpose = genuine.pension_purpose(rng, workers[0], filing, 0.4)
            genuine.settle_confirmation(rng, plan)
        plan.evidence = rng.choice(("roster", "wage_account", "witness", "payroll"))
        plan.worker_agents = counsel.pick(rng) if counsel else [group_agent] if group_agent \
            else []
        plan.template = template
        plan.backpay = plan.outcome in ("confirmed", "mediated") and rng.random() < 0.35
        plans.append(builders.finish(plan, world, rng))
    last = max(p.decision for p in plans)
    if emp.defunct_since is None or emp.defunct_since < closed:
        close_after(rng, emp, last)
    return plans


def work_injury(world: World, rng: random.Random, budget: int) -> list[CasePlan]:
    plans: list[CasePlan] = []
    answer = Answer(contests=0.7, admits=0.06, no_objection=0.04, absent=0.15, mediated=0.05)
    while len(plans) < budget:
        county = _henan_county(world, rng)
        emp = world.employer(rng, county, rng.choice(("small", "general", "general")))
        filing = world.filing_date(rng)
        worker = genuine.any_worker(world, rng, emp, filing, rural=0.65)
        route = "award" if rng.random() < 0.4 else "court"
        plan = genuine.new_case(world, rng, route, "confirmation", emp, [worker], filing,
                                answer=answer.draw(rng))
        start, end = periods.recent_job(rng, filing, max_years=6, ongoing=0.1)
        plan.claimed_start, plan.claimed_end = start, end
        plan.precision = rng.choice(("day", "day", "month"))
        plan.purpose = "injury" if rng.random() < 0.6 else None
        plan.evidence = rng.choice(("injury", "witness", "injury"))
        genuine.settle_confirmation(rng, plan)
        plan.worker_agents = builders.worker_agents(rng, world, worker, county, filing,
                                                    lawyer_share=0.55, relative_share=0.25)
        plan.employer_agents = [] if plan.absent else builders.employer_agents(rng, world, emp)
        if plan.forum.kind == "court" and rng.random() < 0.5:
            builders.cite_arbitration(world, rng, plan, outcome="not_accepted"
                                      if rng.random() < 0.3 else "denied")
        chain = [builders.finish(plan, world, rng)]
        if plan.forum.kind == "court" and plan.outcome in ("confirmed", "denied") \
                and plan.response == "contests" and rng.random() < 0.3:
            second = genuine.appeal(world, rng, plan)
            if second.decision <= LAST_DECISION:
                chain.append(builders.finish(second, world, rng))
        plans += _label(chain[: budget - len(plans)], "work_injury")
    return plans


def big_employer(world: World, rng: random.Random, budget: int) -> list[CasePlan]:
    plans: list[CasePlan] = []
    count = max(1, budget // 300)
    employers = [world.employer(rng, world.county(rng, province="41"), "big")
                 for _ in range(count)]
    staff = {id(e): [builders.employee(rng, world, e, "该公司员工") for _ in range(3)]
             for e in employers}
    counsel = {id(e): builders.lawyer(rng, world, e.county) for e in employers}
    answer = Answer(contests=0.45, admits=0.2, no_objection=0.07, absent=0.03, mediated=0.25)
    while len(plans) < budget:
        emp = rng.choice(employers)
        filing = world.filing_date(rng)
        near = rng.random() < 0.3
        worker = genuine.near_retirement_worker(world, rng, emp, filing) if near else \
            genuine.any_worker(world, rng, emp, filing)
        money = not near and rng.random() < 0.45
        route = "award" if rng.random() < 0.45 else "court"
        plan = genuine.new_case(world, rng, route, "money" if money else "confirmation", emp,
                                [worker], filing, answer=answer.draw(rng))
        if near:
            plan.claimed_start, plan.claimed_end = genuine.past_period(rng, worker, filing)
            plan.purpose = genuine.pension_purpose(rng, worker, filing, 0.5)
        else:
            plan.claimed_start, plan.claimed_end = periods.recent_job(rng, filing)
        plan.precision = rng.choice(("day", "month"))
        if money:
            plan.claim_kind = "with_amounts"
            plan.amounts = genuine.money_amounts(rng, rng.randint(1, 3))
            genuine.settle_money(rng, plan)
        else:
            genuine.settle_confirmation(rng, plan)
        plan.evidence = rng.choice(("roster", "wage_account", "witness", "contract", "none"))
        plan.worker_agents = builders.worker_agents(rng, world, worker, emp.county, filing)
        plan.employer_agents = [rng.choice(staff[id(emp)])] if rng.random() < 0.5 else \
            [counsel[id(emp)]]
        plan.backpay = near and plan.outcome in ("confirmed", "mediated") and rng.random() < 0.3
        plans.append(builders.finish(plan, world, rng))
    return _label(plans, "big_employer")


def busy_law_firm(world: World, rng: random.Random, budget: int) -> list[CasePlan]:
    plans: list[CasePlan] = []
    if budget <= 0:
        return plans
    firms: list[LawFirm] = []
    for _ in range(1 if budget < 800 else 2):
        county = world.county(rng, province="41")
        firms.append(world.add_firm(rng, county, rng.randint(10, 20)))
    answer = Answer(contests=0.5, admits=0.12, no_objection=0.06, absent=0.1, mediated=0.22)
    while len(plans) < budget:
        firm = rng.choice(firms)
        county = world.county(rng, near=firm.county)
        emp = world.employer(rng, county, rng.choice(("small", "general", "general")))
        filing = world.filing_date(rng)
        near = rng.random() < 0.2
        worker = genuine.near_retirement_worker(world, rng, emp, filing) if near else \
            genuine.any_worker(world, rng, emp, filing)
        money = rng.random() < 0.45
        route = "award" if rng.random() < 0.4 else "court"
        plan = genuine.new_case(world, rng, route, "money" if money else "confirmation", emp,
                                [worker], filing, answer=answer.draw(rng))
        plan.claimed_start, plan.claimed_end = genuine.past_period(rng, worker, filing) if near \
            else periods.recent_job(rng, filing)
        if money:
            plan.claim_kind = "with_amounts"
            plan.amounts = genuine.money_amounts(rng, rng.randint(1, 3))
            genuine.settle_money(rng, plan)
        else:
            plan.purpose = genuine.pension_purpose(rng, worker, filing, 0.4)
            genuine.settle_confirmation(rng, plan)
        plan.evidence = rng.choice(("roster", "wage_account", "witness", "contract", "none"))
        ours = builders.lawyer(rng, world, county, firm_pool=[firm])
        if rng.random() < 0.55:
            plan.worker_agents = [ours]
            plan.employer_agents = [] if plan.absent else builders.employer_agents(rng, world,
                                                                                   emp)
        else:
            plan.worker_agents = builders.worker_agents(rng, world, worker, county, filing)
            plan.employer_agents = [] if plan.absent else [ours]
        if world.var.active and not plan.absent and rng.random() < 0.1:
            # a colleague of the same firm acts for the other side (seen in real corpora)
            other = builders.lawyer(rng, world, county, firm_pool=[firm])
            if other.person is not ours.person:
                plan.worker_agents, plan.employer_agents = [ours], [other]
                plan.same_firm_ok = True
        plans.append(builders.finish(plan, world, rng))
    return _label(plans, "busy_law_firm")


#: kind -> (share of all cases, generator)
DECOYS: dict[str, tuple[float, Callable[[World, random.Random, int], list[CasePlan]]]] = {
    "restructured_soe": (0.06, restructured_soe),
    "factory_closure_group": (0.05, factory_closure_group),
    "work_injury": (0.05, work_injury),
    "big_employer": (0.05, big_employer),
    "busy_law_firm": (0.04, busy_law_firm),
}
