"""Plain background disputes: the bulk of a province's labour cases.

Money claims (wages, compensation) with amounts, confirmation claims that are contested,
admitted, unanswered or mediated, employer suits for a declaration of no relationship (the
worker is the 被告), and the appeals and retrial applications that follow contested judgments.
Employers come from per-county pools, so a genuine employer collects several cases over the
years, as real ones do.
"""

from __future__ import annotations

import math
import random

from ringtrace.synth import builders, genuine, periods
from ringtrace.synth.employers import Employer
from ringtrace.synth.genuine import Answer
from ringtrace.synth.geography import County
from ringtrace.synth.plan import CasePlan
from ringtrace.synth.world import LAST_DECISION, World, add_workdays

CONFIRMATION_ANSWER = Answer(contests=0.5, admits=0.12, no_objection=0.08, absent=0.14,
                             mediated=0.16)
MONEY_ANSWER = Answer(contests=0.55, admits=0.08, no_objection=0.04, absent=0.13, mediated=0.2)


class EmployerPool:
    """Background employers per county; most cases go to a firm that already has cases."""

    def __init__(self, world: World) -> None:
        self.world = world
        self.by_county: dict[str, tuple[list[Employer], list[float]]] = {}

    def get(self, rng: random.Random, county: County) -> Employer:
        """An existing firm of the county (bigger ones more often) or, 35% of the time, a new
        one."""
        pool, cum = self.by_county.setdefault(county.code, ([], []))
        if pool and rng.random() < 0.65:
            return rng.choices(pool, cum_weights=cum)[0]
        emp = self.world.employer(rng, county, "small" if rng.random() < 0.4 else "general")
        pool.append(emp)
        cum.append((cum[-1] if cum else 0.0) + 1.0 + math.log((emp.headcount or 0) + 2))
        return emp


def _agents(world: World, rng: random.Random, plan: CasePlan) -> None:
    worker, emp = plan.workers[0], plan.employer
    plan.worker_agents = builders.worker_agents(rng, world, worker, emp.county, plan.filing)
    plan.employer_agents = [] if plan.absent else builders.employer_agents(rng, world, emp)


def _first_case(world: World, rng: random.Random, pool: EmployerPool, money: bool) -> CasePlan:
    county = world.county(rng)
    emp = pool.get(rng, county)
    filing = world.filing_date(rng)
    near = not money and rng.random() < 0.22
    worker = genuine.near_retirement_worker(world, rng, emp, filing) if near else \
        genuine.any_worker(world, rng, emp, filing)
    route = "award" if rng.random() < 0.4 else "court"
    answer = (MONEY_ANSWER if money else CONFIRMATION_ANSWER).draw(rng)
    plan = genuine.new_case(world, rng, route, "money" if money else "confirmation", emp,
                            [worker], filing, answer=answer)
    plan.precision = rng.choices(("day", "month", "year"), weights=(6, 3, 1))[0]
    if near:
        plan.claimed_start, plan.claimed_end = genuine.past_period(rng, worker, filing)
        plan.purpose = genuine.pension_purpose(rng, worker, filing, 0.35)
    elif not money or rng.random() < 0.5:
        plan.claimed_start, plan.claimed_end = periods.recent_job(rng, filing)
        if not money and rng.random() < 0.08:
            plan.purpose = "injury"
    if money:
        plan.claim_kind = "with_amounts"
        plan.amounts = genuine.money_amounts(rng, rng.randint(1, 3))
        genuine.settle_money(rng, plan)
        if plan.forum.kind == "court" and rng.random() < 0.05:
            plan.co_defendants = [pool.get(rng, county)]
            if plan.co_defendants[0] is emp:
                plan.co_defendants = []
    else:
        genuine.settle_confirmation(rng, plan)
    plan.evidence = rng.choices(("roster", "wage_account", "witness", "contract", "payroll",
                                 "none"), weights=(1, 2, 2, 2, 1, 3))[0]
    _agents(world, rng, plan)
    plan.backpay = not money and plan.outcome in ("confirmed", "mediated") and \
        rng.random() < (0.25 if near else 0.04)
    return plan


def dispute(world: World, rng: random.Random, pool: EmployerPool) -> list[CasePlan]:
    """One dispute: its first case and whatever follows it (court case after an award, the
    employer's own suit, appeal, retrial application). Returns the emitted plans in order."""
    money = rng.random() < 0.56
    first = _first_case(world, rng, pool, money)
    chain = [builders.finish(first, world, rng)]
    contested = first.response == "contests" and first.outcome in ("confirmed", "denied",
                                                                   "unknown")
    if first.forum.kind == "arbitration" and contested:
        r = rng.random()
        if not money and first.outcome == "confirmed" and r < 0.15:
            chain.append(builders.finish(genuine.employer_suit(world, rng, first), world, rng))
        elif r < 0.35:
            chain.append(builders.finish(_court_after_award(world, rng, first), world, rng))
    elif first.forum.kind == "court" and rng.random() < 0.5:
        outcome = "not_accepted" if rng.random() < 0.4 else "denied"
        notice = builders.cite_arbitration(world, rng, first, outcome=outcome)
        on_file = 0.3 if world.var.active else 0.1  # varied worlds: notices are collected
        if outcome == "not_accepted" and rng.random() < on_file:  # the notice is on file too
            chain.insert(0, notice)
    last = chain[-1]
    if last.forum.kind == "court" and last.procedure == "一审" and last.response == "contests" \
            and last.outcome in ("confirmed", "denied", "unknown") and rng.random() < 0.25:
        second = builders.finish(genuine.appeal(world, rng, last), world, rng)
        chain.append(second)
        if rng.random() < 0.06:
            chain.append(builders.finish(genuine.retrial_application(world, rng, second),
                                         world, rng))
    return [p for p in chain if p.decision <= LAST_DECISION]


def _court_after_award(world: World, rng: random.Random, award: CasePlan) -> CasePlan:
    """The worker (or employer) takes the dispute to court after the award."""
    filing = add_workdays(award.decision, rng.randint(5, 14))
    plan = genuine.new_case(world, rng, "court", "money" if award.amounts else "confirmation",
                            award.employer, award.workers, filing,
                            forum=world.court(award.employer.county), answer="contests")
    for name in ("claim_kind", "amounts", "claimed_start", "claimed_end", "precision",
                 "purpose", "evidence"):
        setattr(plan, name, getattr(award, name))
    plan.cause = builders.court_cause(award.cause)
    if plan.claim_kind == "with_amounts":
        genuine.settle_money(rng, plan)
    else:
        genuine.settle_confirmation(rng, plan)
    plan.worker_agents, plan.employer_agents = award.worker_agents, award.employer_agents
    plan.prior = award
    return plan


def background(world: World, rng: random.Random, budget: int) -> list[CasePlan]:
    """Exactly ``budget`` emitted background plans."""
    pool = EmployerPool(world)
    plans: list[CasePlan] = []
    while len(plans) < budget:
        chain = dispute(world, rng, pool)
        plans += chain[: budget - len(plans)]
    for p in plans:
        p.group, p.label = "background", p.label or ("confirmation" if p.confirmation
                                                     else "money")
    return plans
