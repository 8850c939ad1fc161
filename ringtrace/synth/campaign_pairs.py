"""Pairs of genuine workers whose suits look drafted together: a legal-aid campaign or a
local 补缴 window.

When a county opens a window for one-time pension back-payments (补缴) or its legal-aid
centre runs a campaign for older workers' pensions (法律援助进社区, 农民工讨薪与社保专项), two or
three former workers of one small employer come in the same week, are assigned the same
legal-aid lawyer (or go to the same local lawyer), whose office files their suits on one
template; each claims the years they worked - for those a window draws, often about the
fifteen a pension needs -, their jobs ended years apart, the employer admits, and the forum
mediates both in one session. Every screening sign of a bought pair is there (same week, same
wording, same counsel, one mediation, ends apart; docs/domain.md P4, P8, P10), and the
workers are genuine (§3.2: legal aid is assigned by a state centre after checking the
applicant's means and claim).

:func:`campaign_pairs` writes such pairs (``campaign_pair`` look-alikes, a varied world's
``decoy_shares``), two or three suits each at a small employer of its own.
"""

from __future__ import annotations

import datetime as dt
import random

from ringtrace.synth import builders, genuine, periods
from ringtrace.synth.employers import Employer
from ringtrace.synth.plan import AgentRole, CasePlan
from ringtrace.synth.world import LAST_DAY, World, add_workdays, workday

__all__ = ["campaign_pairs"]

#: share of pairs whose counsel is the county legal-aid centre's lawyer (else a local lawyer)
LEGAL_AID_SHARE = 0.7
#: share of pairs mediated in one session (else confirmed in judgments of one day)
MEDIATED_SHARE = 0.7
#: share of workers claiming about the fifteen years a pension needs (a window draws them)
FIFTEEN_SHARE = 0.6


def _counsel(rng: random.Random, world: World, emp: Employer) -> AgentRole:
    if rng.random() < LEGAL_AID_SHARE:
        return builders.legal_aid(rng, world, emp.county)
    return builders.lawyer(rng, world, emp.county)


def _period(rng: random.Random, worker_birth: dt.date, end: dt.date,
            founded: dt.date) -> dt.date:
    if rng.random() < FIFTEEN_SHARE:
        start = end - dt.timedelta(days=round(365.25 * rng.uniform(14.6, 15.4)))
        if start >= founded:
            return start
    return periods.long_service(rng, worker_birth, end, founded)


def _pair(world: World, rng: random.Random, size: int) -> list[CasePlan]:
    emp = world.employer(rng, world.county(rng, province="41"), "small")
    emp.founded = min(emp.founded, dt.date(rng.randint(1988, 1998), rng.randint(1, 12), 1))
    filing = world.filing_date(rng)
    if filing > LAST_DAY - dt.timedelta(days=120):
        filing = LAST_DAY - dt.timedelta(days=120)
    counsel = _counsel(rng, world, emp)
    route = "court" if rng.random() < 0.6 else "award"
    mediated = rng.random() < MEDIATED_SHARE
    session = add_workdays(workday(filing), rng.randint(12, 40))
    template = rng.randrange(1 << 30)
    latest_end = filing - dt.timedelta(days=rng.randint(200, 900))
    # a small firm sends one clerk to both suits of the week, when it sends anyone
    clerk = builders.employee(rng, world, emp, "该公司员工") if rng.random() < 0.4 else None
    plans: list[CasePlan] = []
    for i in range(size):
        day = add_workdays(workday(filing), rng.randint(0, 4))
        worker = genuine.near_retirement_worker(world, rng, emp, day, rural=0.4)
        plan = genuine.new_case(world, rng, route, "confirmation", emp, [worker], day,
                                answer="mediated" if mediated else
                                rng.choice(("admits", "no_objection")))
        plan.decision = max(session, add_workdays(day, 8))
        plan.hearing = plan.decision
        # their jobs ended years apart: one left early, one at the firm's last lay-off
        end = latest_end - dt.timedelta(days=i * rng.randint(420, 1400))
        plan.claimed_end = end
        plan.claimed_start = _period(rng, worker.birth, end, emp.founded)
        plan.precision = rng.choice(("day", "month", "month", "year"))
        plan.evidence = rng.choice(("roster", "witness", "contract"))
        plan.purpose = genuine.pension_purpose(rng, worker, day, 0.8)
        genuine.settle_confirmation(rng, plan)
        plan.worker_agents = [counsel]
        plan.employer_agents = [clerk] if clerk is not None and rng.random() < 0.9 else []
        plan.template = template
        plan.backpay = plan.outcome in ("confirmed", "mediated") and rng.random() < 0.6
        plans.append(builders.finish(plan, world, rng))
    return plans


def campaign_pairs(world: World, rng: random.Random, budget: int) -> list[CasePlan]:
    """Pairs (a third suit now and then) of genuine suits drafted together, until ``budget``."""
    plans: list[CasePlan] = []
    while budget - len(plans) >= 2:
        size = min(budget - len(plans), 3 if rng.random() < 0.2 else 2)
        group = _pair(world, rng, size)
        for p in group:
            p.group, p.label = "decoy", "campaign_pair"
        plans += group
    return plans
