"""Genuine disputes: confirmation claims, money claims, employer suits, appeals and retrials.

Decoys and background both build their cases here, with parameters saying how the employer
answers, what the worker wants and why. Genuine cases admit, go unanswered, end in mediation
and mention pensions too, only in different proportions from the rings.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass

from ringtrace.synth import builders, periods
from ringtrace.synth.employers import Employer
from ringtrace.synth.geography import Forum
from ringtrace.synth.people import Person
from ringtrace.synth.plan import CasePlan
from ringtrace.synth.typologies import Weights
from ringtrace.synth.world import World, add_workdays

MONEY_CAUSES = (("追索劳动报酬纠纷", 4), ("经济补偿金纠纷", 2), ("劳动合同纠纷", 2), ("劳动争议", 3),
                ("工伤保险待遇纠纷", 1))


def pick(rng: random.Random, weights: Weights) -> str:
    return rng.choices([k for k, _ in weights], weights=[w for _, w in weights])[0]


@dataclass(frozen=True)
class Answer:
    """How the employer side answers, as weights over responses (``mediated`` ends the case in
    a mediation statement)."""

    contests: float
    admits: float
    no_objection: float
    absent: float
    mediated: float

    def draw(self, rng: random.Random) -> str:
        return pick(rng, (("contests", self.contests), ("admits", self.admits),
                          ("no_objection", self.no_objection), ("absent", self.absent),
                          ("mediated", self.mediated)))


def confirmation_cause(rng: random.Random, arbitration: bool) -> str:
    general = rng.random() < 0.12
    if arbitration:
        return "劳动争议" if general else "确认劳动关系争议"
    return "劳动争议" if general else "确认劳动关系纠纷"


def money_cause(rng: random.Random, arbitration: bool) -> str:
    cause = pick(rng, MONEY_CAUSES)
    return builders.arbitration_cause(cause) if arbitration else cause


def new_case(world: World, rng: random.Random, route: str, cause_kind: str, employer: Employer,
             workers: list[Person], filing: dt.date, *, days: int | None = None,
             forum: Forum | None = None, answer: str = "contests") -> CasePlan:
    """A first case of a dispute, at the commission (``award``) or the court (``court``).

    ``answer`` is a drawn :class:`Answer` value; ``mediated`` makes it a mediation statement.
    """
    mediated = answer == "mediated"
    arbitration = route == "award"
    if forum is None:
        forum = world.commission(rng, employer.county) if arbitration else world.court(
            employer.county)
    cause = confirmation_cause(rng, arbitration) if cause_kind == "confirmation" \
        else money_cause(rng, arbitration)
    simple = rng.random() < 0.7
    if days is None:
        days = builders.decision_days(rng, "mediation" if mediated else
                                      "award" if arbitration else
                                      "simple" if simple else "ordinary")
    decision = add_workdays(filing, days)
    if arbitration:
        plan = builders.arbitration_case(forum, cause, filing, decision, workers, employer,
                                         mediation=mediated)
    else:
        plan = builders.court_case(forum, cause, filing, decision, workers, employer,
                                   mediation=mediated, simple=simple)
    if mediated:
        plan.response = "admits" if rng.random() < 0.5 else "no_objection"
        plan.outcome = "mediated"
    else:
        plan.response = answer
        plan.absent = answer == "absent"
    return plan


def settle_confirmation(rng: random.Random, plan: CasePlan) -> None:
    """Outcome of a genuine confirmation claim given the answer (admissions are usually
    confirmed; contested claims are decided on the evidence)."""
    if plan.outcome == "mediated":
        return
    r = rng.random()
    if plan.response in ("admits", "no_objection"):
        plan.outcome = "confirmed" if r < 0.95 else "denied"
    elif plan.response == "absent":
        plan.outcome = "confirmed" if r < 0.75 else "denied"
    else:
        plan.outcome = "confirmed" if r < 0.55 else "denied"
    if plan.forum.kind == "court" and rng.random() < 0.03:
        plan.outcome, plan.document_type = "withdrawn", "裁定书"


def settle_money(rng: random.Random, plan: CasePlan) -> None:
    """Outcome of a money claim: granted (no ruling on the relationship), rejected, withdrawn."""
    if plan.outcome == "mediated":
        return
    r = rng.random()
    granted = 0.85 if plan.response in ("admits", "no_objection", "absent") else 0.6
    plan.outcome = "unknown" if r < granted else "denied"
    if plan.forum.kind == "court" and rng.random() < 0.05:
        plan.outcome, plan.document_type = "withdrawn", "裁定书"


def money_amounts(rng: random.Random, count: int) -> list[float]:
    """Sums claimed: round hundreds or exact figures, a few with jiao."""
    values = []
    for _ in range(count):
        value = float(rng.choice((rng.randint(8, 400) * 100, rng.randint(1000, 90000))))
        if rng.random() < 0.1:
            value += rng.choice((0.5, 0.25, 0.8))
        values.append(value)
    return values


def appeal(world: World, rng: random.Random, prior: CasePlan) -> CasePlan:
    """The 二审 of a contested first-instance judgment, brought by the losing side."""
    court = world.appeal_court(prior.forum)
    filing = add_workdays(prior.decision, rng.randint(20, 75))
    decision = add_workdays(filing, builders.decision_days(rng, "appeal"))
    plan = CasePlan(forum=court, document_type="判决书", procedure="二审", number_kind="民终",
                    cause=prior.cause, filing=filing, decision=decision, workers=prior.workers,
                    employer=prior.employer, hearing=add_workdays(filing, rng.randint(20, 60)))
    _inherit(plan, prior)
    if prior.outcome in ("confirmed", "denied"):  # the side that lost appeals
        plan.worker_appeals = prior.outcome == "denied"
    else:  # money granted: usually the employer appeals
        plan.worker_appeals = rng.random() < 0.3
    plan.response = "contests"
    plan.outcome = "upheld" if rng.random() < 0.8 else "reversed"
    plan.prior = prior
    return plan


def retrial_application(world: World, rng: random.Random, prior: CasePlan) -> CasePlan:
    """A 再审申请 ruled on by the intermediate court (民申, 裁定书), usually dismissed."""
    court = world.appeal_court(prior.forum)
    filing = add_workdays(prior.decision, rng.randint(60, 300))
    decision = add_workdays(filing, rng.randint(30, 120))
    plan = CasePlan(forum=court, document_type="裁定书", procedure="再审", number_kind="民申",
                    cause=prior.cause, filing=filing, decision=decision, workers=prior.workers,
                    employer=prior.employer)
    _inherit(plan, prior)
    plan.worker_appeals = prior.worker_appeals
    plan.response = "contests"
    plan.outcome = "dismissed"
    plan.prior = prior
    return plan


def employer_suit(world: World, rng: random.Random, award: CasePlan) -> CasePlan:
    """The employer, unhappy with an award confirming the relationship, sues the worker for a
    declaration that there was none (the worker is the 被告)."""
    filing = add_workdays(award.decision, rng.randint(5, 14))
    plan = new_case(world, rng, "court", "confirmation", award.employer, award.workers, filing,
                    forum=world.court(award.employer.county), answer="contests")
    plan.cause = "确认劳动关系纠纷"
    plan.worker_is_plaintiff = False
    plan.claim_kind = "denial"
    for name in ("claimed_start", "claimed_end", "precision", "group", "label"):
        setattr(plan, name, getattr(award, name))
    plan.outcome = "confirmed" if rng.random() < 0.6 else "denied"
    plan.prior = award
    return plan


def _inherit(plan: CasePlan, prior: CasePlan) -> None:
    for name in ("worker_is_plaintiff", "claim_kind", "amounts", "claimed_start", "claimed_end",
                 "precision", "purpose", "evidence", "group", "label", "ring_id",
                 "co_defendants"):
        setattr(plan, name, getattr(prior, name))
    plan.worker_agents = list(prior.worker_agents)
    plan.employer_agents = list(prior.employer_agents)


def near_retirement_worker(world: World, rng: random.Random, county_employer: Employer,
                           filing: dt.date, rural: float = 0.5) -> Person:
    """A genuine worker close to retirement (the look-alike of a ring applicant)."""
    sex = "女" if rng.random() < 0.55 else "男"
    age = rng.uniform(46, 57) if sex == "女" else rng.uniform(54, 63)
    county = world.county(rng, near=county_employer.county)
    return world.person(rng, county, sex, age, filing, rural=rng.random() < rural)


def any_worker(world: World, rng: random.Random, employer: Employer, filing: dt.date,
               rural: float = 0.5) -> Person:
    """A worker of any age; 8% live in another province (migrant workers)."""
    sex = "女" if rng.random() < 0.42 else "男"
    age = min(rng.triangular(19, 63, 36), 64.0)
    if rng.random() < 0.08:
        county = world.county(rng, kind="home")
    else:
        county = world.county(rng, near=employer.county)
    return world.person(rng, county, sex, age, filing, rural=rng.random() < rural)


def pension_purpose(rng: random.Random, worker: Person, filing: dt.date,
                    share: float) -> str | None:
    """A genuine worker near retirement often says the case is for the pension too."""
    age = worker.age_on(filing)
    near = age >= 45 if worker.sex == "女" else age >= 54
    if near and rng.random() < share:
        return rng.choices(("backpay", "pension", "retire"), weights=(4, 3, 3))[0]
    return None


def past_period(rng: random.Random, worker: Person, filing: dt.date
                ) -> tuple[dt.date, dt.date]:
    """An older genuine job of 3-25 years that ended a while ago (near-retirement claims)."""
    end = filing - dt.timedelta(days=rng.randint(200, 12 * 365))
    start = periods.long_service(rng, worker.birth, end, dt.date(1975, 1, 1))
    if (end - start).days > 25 * 365:
        start = end - dt.timedelta(days=rng.randint(3 * 365, 25 * 365))
    return start, end
