"""Sham rings: an intermediary, the employers they use, the applicants and their cases.

A ring recruits applicants near retirement (docs/domain.md §7.4), files their confirmation claims
against one to five small or dormant employers, and gets awards, judgments or mediation
statements within days, often in same-day batches. How visible the intermediary is depends on
the typology (:mod:`ringtrace.synth.typologies`) and the ring's agent style.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass, field

from ringtrace.synth import builders, genuine, names, periods
from ringtrace.synth.employers import Employer, close_after
from ringtrace.synth.geography import CROSS_PROVINCE_HOMES, FORUM_PROVINCE_WEIGHT, Forum
from ringtrace.synth.people import (
    Person,
    home_address,
    make_person,
    relative_of,
    same_village,
)
from ringtrace.synth.plan import AgentRole, CasePlan
from ringtrace.synth.rng import Rng
from ringtrace.synth.typologies import Typology, Weights
from ringtrace.synth.world import LAST_DAY, LAST_DECISION, World, add_workdays, workday

_OTHER_FORUM_PROVINCES = ("65", "46", "22", "37")
#: agent styles where no ring operative appears for the applicants. An operation spread over
#: several employers in such a style still shows its hand on the employer side: one associate
#: of the intermediary answers as "staff" for each of the employers (docs/domain.md P9, SPP 2024-04).
#: Without any trail the parts would be separate rings to anyone reading the documents, and the
#: truth file would score a detector on the generator's coin flips rather than on evidence.
HIDDEN_STYLES = ("relatives", "none")


@dataclass(eq=False)
class Ring:
    ring_id: str
    typology: str
    intermediary: Person
    employers: list[Employer] = field(default_factory=list)
    applicants: list[Person] = field(default_factory=list)
    agents: list[Person] = field(default_factory=list)  # ring operatives seen as agents
    plans: list[CasePlan] = field(default_factory=list)

    def note_agent(self, person: Person) -> None:
        if all(p is not person for p in self.agents):
            self.agents.append(person)


def ring_size(rng: random.Random, typ: Typology) -> int:
    """Heavy-tailed: 50% 2-10, 35% 10-50, 15% 50-200 (log-uniform within each band)."""
    if typ.tiny:
        return rng.randint(2, 4)
    r = rng.random()
    low, high = (2, 10) if r < 0.5 else (10, 50) if r < 0.85 else (50, 200)
    size: int = round(low * (high / low) ** rng.random())
    return size


def _pick(rng: random.Random, weights: Weights) -> str:
    return rng.choices([k for k, _ in weights], weights=[w for _, w in weights])[0]


def _forum(rng: random.Random, world: World, route: str, employer: Employer) -> Forum:
    if route in ("award", "arbitration_mediation"):
        return world.commission(rng, employer.county)
    return world.court(employer.county)


class RingBuilder:
    """Builds one ring; the steps share the ring's random stream and choices."""

    def __init__(self, world: World, rng: random.Random, ring_id: str, typ: Typology,
                 size: int) -> None:
        self.world, self.rng, self.typ, self.size = world, rng, typ, size
        var = self.var = world.var
        #: filing pattern: bursts of this size range, or None = one by one over months (a
        #: varied world's batch ring sometimes spreads out, see Variation.ring_spread_in_time)
        self.batch = typ.batch
        if var.active and typ.batch is not None and rng.random() < var.ring_spread_in_time:
            self.batch = None
        self.forum_province = self._forum_province()
        self.base = world.county(rng, province=self.forum_province)
        homes = CROSS_PROVINCE_HOMES.get(self.forum_province, ("41",))
        self.home_provinces = tuple(p for p in homes if p != self.forum_province) or ("41",)
        self.start, self.end = self._window()
        home = self.base
        if typ.cross_province and rng.random() < 0.5:
            home = world.county(rng, province=rng.choice(self.home_provinces))
        middleman = world.adult(rng, home, 38, 62, male_share=0.65, on=self.start)
        world.intermediaries.append(middleman)
        self.ring = Ring(ring_id, typ.name, middleman)
        self.agent_style = _pick(rng, typ.agent_styles)
        self.precision = rng.choices(("day", "month", "year"), weights=(5, 4, 1))[0]
        self.purpose_share = rng.uniform(*var.ring_purpose)
        self.evidence = _pick(rng, (("contract", 4), ("witness", 2), ("payroll", 1.5),
                                    ("none", 2.5)))
        self.varied_lengths = self.slow = False
        if var.active:  # which sham signals this ring shows (per-world probabilities)
            self.varied_lengths = rng.random() < var.ring_varied_lengths
            self.slow = rng.random() < var.ring_slow_share
            if rng.random() < var.ring_forged_payroll:
                self.evidence = rng.choice(("payroll", "roster"))
        self.firm_lawyers: list[AgentRole] = []
        self.subagents: list[Person] = []
        self.managers: dict[int, AgentRole | None] = {}
        #: the associate who answers for several employers (see HIDDEN_STYLES)
        self.fixer: Person | None = None
        #: a ring that sends its (rural) buyers to the county legal-aid centre for a free
        #: lawyer (Variation.ring_legal_aid_share): its own draws, the ring's stay as they were
        self.aid: random.Random | None = None
        if var.active and var.ring_legal_aid_share > 0:
            aid = Rng(f"{world.seed}:ring-aid:{ring_id}")
            self.aid = aid if aid.random() < var.ring_legal_aid_share else None

    # -- setting -------------------------------------------------------------------
    def _forum_province(self) -> str:
        rng = self.rng
        if self.typ.cross_province:
            if rng.random() < 0.55:
                return rng.choices(_OTHER_FORUM_PROVINCES, weights=(4, 3, 2, 1))[0]
            return "41"
        if rng.random() < 0.92:
            return "41"
        others = [p for p in FORUM_PROVINCE_WEIGHT if p != "41"]
        return rng.choices(others, weights=[FORUM_PROVINCE_WEIGHT[p] for p in others])[0]

    def _window(self) -> tuple[dt.date, dt.date]:
        rng = self.rng
        days = rng.randint(365, 1100) if self.batch is None else rng.randint(20, 540)
        days = min(days, 30 + self.size * 25)
        start = self.world.filing_date(rng)
        if start + dt.timedelta(days=days) > LAST_DAY:
            start = LAST_DAY - dt.timedelta(days=days)
        return workday(start), start + dt.timedelta(days=days)

    def _employers(self) -> list[Employer]:
        rng, typ = self.rng, self.typ
        if typ.employers:
            count = rng.randint(*typ.employers)
        elif self.size < 10:
            count = rng.choice((1, 1, 1, 2))
        elif self.size < 50:
            count = rng.randint(1, 3)
        else:
            count = rng.randint(2, 5)
        found = []
        for i in range(count):
            if self.batch is None:
                county = self.world.county(rng, province=self.forum_province) \
                    if rng.random() < 0.5 else self.world.county(rng, near=self.base)
            else:
                county = self.base if i == 0 or rng.random() < 0.5 else \
                    self.world.county(rng, near=self.base)
            profile = "sham" if rng.random() < 0.8 else "sham_mid"
            if typ.related:  # a closing employer whose manager colludes
                profile = "closing"
            emp = self.world.employer(rng, county, profile)
            latest = self.start - dt.timedelta(days=365)
            if emp.founded > latest:
                emp.founded = latest - dt.timedelta(days=rng.randint(0, 15 * 365))
            if rng.random() < 0.2:
                emp.phone = self.ring.intermediary.phone
            found.append(emp)
        return found

    # -- people --------------------------------------------------------------------
    def _applicant(self, filing: dt.date, employer: Employer) -> Person:
        rng, world = self.rng, self.world
        if self.typ.cross_province:
            county = world.county(rng, province=rng.choice(self.home_provinces))
        else:
            county = world.county(rng, near=employer.county)
        if self.typ.related and self.ring.applicants:
            return self._relative_applicant(self.ring.applicants[0], filing)
        previous = self.ring.applicants[-1] if self.ring.applicants else None
        if previous is not None and rng.random() < 0.1:  # couples sign up together
            spouse = relative_of(rng, previous, "夫" if previous.sex == "女" else "妻", filing)
            low, high = (45, 58) if spouse.sex == "女" else (54, 63)
            if low <= spouse.age_on(filing) < high:
                return spouse
        sex = "女" if rng.random() < 0.65 else "男"
        person = world.person(rng, county, sex, periods.sham_age(rng, sex), filing,
                              rural=rng.random() < 0.75)
        return person

    def _relative_applicant(self, first: Person, filing: dt.date) -> Person:
        """A spouse or sibling of the first applicant, or a clansman of the same village: same
        surname and village address (docs/domain.md G1)."""
        rng = self.rng
        kin = rng.choice(("spouse", "spouse", "弟", "兄", "姐", "妹"))
        if kin == "spouse":
            kin = "夫" if first.sex == "女" else "妻"
        person = relative_of(rng, first, kin, filing)
        low, high = (44.5, 58) if person.sex == "女" else (53.5, 63)
        if not low <= person.age_on(filing) < high:
            sex = person.sex
            person = make_person(rng, first.county, sex, periods.birth_for_sham(
                rng, sex, filing), family=names.family_name(first.name))
        if person.address != first.address:
            person.address = same_village(rng, first.address)
        return person

    def _manager(self, employer: Employer) -> AgentRole | None:
        """The colluding manager who answers for the employer (None: the legal rep attends)."""
        key = id(employer)
        if key not in self.managers:
            rng = self.rng
            if self.typ.related:
                role: AgentRole | None = builders.employee(
                    rng, self.world, employer,
                    rng.choice(("该公司经理", "该公司副经理", "该公司清算组负责人")))
            elif self.typ.employer_agent == "intermediary":
                relation = rng.choice(("该公司人事部门负责人", "该公司员工", "该公司办公室主任"))
                role = AgentRole(self.ring.intermediary, "employee",
                                                   relation=relation,
                                                   authority=builders.authority(rng))
            elif self.fixer is not None:
                role = AgentRole(self.fixer, "employee",
                                 relation=rng.choice(builders.EMPLOYEE_RELATIONS),
                                 authority=builders.authority(rng))
            elif rng.random() < 0.6:
                role = builders.employee(self.rng, self.world, employer)
            elif rng.random() < 0.2:  # the firm's usual counsel goes through the motions
                role = builders.lawyer(rng, self.world, employer.county)
            else:
                role = None
            self.managers[key] = role
        return self.managers[key]

    def _worker_agents(self, applicant: Person, filing: dt.date) -> list[AgentRole]:
        rng, style = self.rng, self.agent_style
        if self.aid is not None and self.aid.random() < 0.7:
            return [builders.legal_aid(self.aid, self.world, applicant.county)]
        if style == "lawyers_many":  # each applicant hires a lawyer of some local firm
            return [builders.lawyer(rng, self.world, applicant.county)] \
                if rng.random() < 0.85 else []
        if self.typ.related and self.ring.plans and rng.random() < 0.7 \
                and applicant.address == self.ring.applicants[0].address:
            shared = [a for a in self.ring.plans[0].worker_agents if a.kind == "relative"]
            if shared:  # the first applicant's child acts for the parent's relatives too
                return shared[:1]
        if style == "lay" and rng.random() < 0.9:
            return [builders.lay_agent(rng, self.ring.intermediary)]
        if style == "lawyer" and rng.random() < 0.9:
            if not self.firm_lawyers:
                self.firm_lawyers = self._complicit_professionals()
            return [rng.choice(self.firm_lawyers[:2])]
        if style == "relatives" and rng.random() < 0.8:
            return [builders.relative(rng, applicant, filing)]
        if style == "subagents":
            if not self.subagents:
                self._make_subagents()
            return [builders.lay_agent(rng, rng.choice(self.subagents))]
        if style == "none" and rng.random() < 0.15:
            return [builders.relative(rng, applicant, filing)]
        return []

    def _complicit_professionals(self) -> list[AgentRole]:
        """A small law firm's lawyers, or a township legal-service office's workers, who file
        for the ring (both also take ordinary cases)."""
        rng = self.rng
        if rng.random() < 0.6:
            firm = self.world.add_firm(rng, self.base, rng.randint(1, 3))
            return [AgentRole(p, "lawyer", firm.name, authority=builders.authority(rng))
                    for p in firm.lawyers]
        office = self.world.service_office(self.base)
        return [AgentRole(p, "other", office.name, authority=builders.authority(rng))
                for p in office.lawyers]

    def _make_subagents(self) -> None:
        """Associates of the intermediary who file for different applicants but share the
        intermediary's phone or an office address."""
        rng, middleman = self.rng, self.ring.intermediary
        office = home_address(rng, middleman.county, rural=False)
        for _ in range(rng.randint(2, 4)):
            person = self.world.adult(rng, middleman.county, 28, 60, on=self.start)
            shared_phone = rng.random() < 0.6
            if shared_phone:
                person.phone = middleman.phone
            if not shared_phone or rng.random() < 0.5:
                person.address = office
            self.subagents.append(person)

    # -- cases ---------------------------------------------------------------------
    def _schedule(self, employers: list[Employer]) -> list[tuple[Employer, str, dt.date, dt.date,
                                                               int]]:
        """(employer, route, filing, decision, template) for every applicant."""
        rng, typ = self.rng, self.typ
        span = max((self.end - self.start).days, 1)
        slots: list[tuple[Employer, str, dt.date, dt.date, int]] = []
        if self.batch is None:
            for i in range(self.size):
                emp = employers[i % len(employers)]
                filing = workday(self.start + dt.timedelta(days=rng.randrange(span)))
                route = _pick(rng, typ.routes)
                slots.append((emp, route, filing, _sham_decision(rng, route, filing, self.slow),
                              rng.randrange(1 << 30)))
            return slots
        weights = [3.0] + [1.0] * (len(employers) - 1)
        remaining = self.size
        assert self.batch is not None
        while remaining > 0:
            size = min(remaining, rng.randint(*self.batch))
            if remaining - size == 1:
                size += 1
            remaining -= size
            emp = rng.choices(employers, weights=weights)[0]
            route = _pick(rng, typ.routes)
            filing = workday(self.start + dt.timedelta(days=rng.randrange(span)))
            decision = _sham_decision(rng, route, filing, self.slow)
            template = rng.randrange(1 << 30)
            cap = dt.timedelta(days=150 if self.slow else 30)
            for _ in range(size):
                day = filing if rng.random() < 0.75 else add_workdays(filing, rng.randint(1, 3))
                decided = max(decision, day) if route != "court" else \
                    max(day, add_workdays(decision, rng.randint(0, 2)))
                slots.append((emp, route, day, min(decided, day + cap), template))
        return slots

    def build(self) -> Ring:
        rng, world, ring = self.rng, self.world, self.ring
        employers = self._employers()
        if len(employers) > 1 and self.agent_style in HIDDEN_STYLES \
                and self.typ.employer_agent != "intermediary":
            self.fixer = world.adult(rng, ring.intermediary.county, 28, 60, on=self.start)
        slots = self._schedule(employers)
        sticky_forum: dict[tuple[int, str], Forum] = {}
        appeals: list[CasePlan] = []
        share_phone = self.typ.shared_contacts or rng.random() < 0.25
        for emp, route, filing, decision, template in slots:
            applicant = self._applicant(filing, emp)
            if share_phone and rng.random() < 0.4:
                applicant.phone = ring.intermediary.phone
            ring.applicants.append(applicant)
            key = (id(emp), route)
            if key not in sticky_forum or self.batch is None:
                sticky_forum[key] = _forum(rng, world, route, emp)
            plan = self._plan(sticky_forum[key], route, filing, decision, applicant, emp)
            plan.template = template
            ring.plans.append(builders.finish(plan, world, rng))
            if self.var.active:  # finish may add a second lawyer of the same firm
                self._note_agents(plan)
            if plan.forum.kind == "court" and plan.procedure == "一审":
                if rng.random() < 0.45:
                    builders.cite_arbitration(world, rng, plan)
                if plan.outcome == "denied" and rng.random() < 0.5:
                    second = genuine.appeal(world, rng, plan)
                    if second.decision <= LAST_DECISION:
                        appeals.append(builders.finish(second, world, rng))
        ring.plans += appeals  # last, so that a case budget trims them first
        used = {id(p.employer) for p in ring.plans}
        ring.employers = [e for e in employers if id(e) in used]
        for emp in ring.employers:
            if emp.defunct_since is not None:
                close_after(rng, emp, max(p.decision for p in ring.plans if p.employer is emp))
        return ring

    def _plan(self, forum: Forum, route: str, filing: dt.date, decision: dt.date,
              applicant: Person, emp: Employer) -> CasePlan:
        rng = self.rng
        arbitration = forum.kind == "arbitration"
        general = rng.random() < 0.12
        cause = ("劳动争议" if general else "确认劳动关系争议") if arbitration else \
            ("劳动争议" if general else "确认劳动关系纠纷")
        mediation = route in ("court_mediation", "arbitration_mediation")
        if arbitration:
            plan = builders.arbitration_case(forum, cause, filing, decision, [applicant], emp,
                                             mediation=mediation)
        else:
            plan = builders.court_case(forum, cause, filing, decision, [applicant], emp,
                                       mediation=mediation, simple=rng.random() < 0.9)
        plan.group, plan.label, plan.ring_id = "ring", self.typ.name, self.ring.ring_id
        plan.claim_kind = "confirmation_only"
        plan.claimed_start, plan.claimed_end = periods.sham_period(
            rng, applicant, filing, birthday_share=self.var.ring_birthday_end,
            varied=self.varied_lengths)
        if self.typ.before_founding:
            self._before_founding(plan, emp)
        plan.precision = self.precision if rng.random() < 0.85 else "day"
        if rng.random() < self.purpose_share:
            plan.purpose = rng.choices(("backpay", "pension", "retire"), weights=(5, 3, 2))[0]
        plan.evidence = self.evidence if rng.random() < 0.8 else "none"
        if self.var.active and rng.random() < self.var.ring_token_amount:
            plan.claim_kind = "with_amounts"  # a token wage claim for cover
            plan.amounts = [float(rng.randint(5, 60) * 100)]
            plan.cause = "确认劳动关系争议" if arbitration else "确认劳动关系纠纷"
        self._respond(plan, mediation)
        if mediation and (self.typ.short_statement or (
                self.var.active and rng.random() < self.var.genuine_short_mediation_share)):
            plan.short_statement, plan.response = True, "unknown"
        plan.worker_agents = self._worker_agents(applicant, filing)
        manager = self._manager(emp)
        if manager is not None and not plan.absent and rng.random() < 0.9:
            plan.employer_agents = [manager]
        self._note_agents(plan)
        plan.backpay = plan.outcome in ("confirmed", "mediated") and rng.random() < 0.8
        return plan

    def _note_agents(self, plan: CasePlan) -> None:
        """Record the ring operatives acting in ``plan`` (not the independent lawyers that
        applicants of a ``lawyers_many`` ring hire)."""
        for role in (*plan.worker_agents, *plan.employer_agents):
            if role.kind in ("other", "lawyer", "employee") and not (
                    self.agent_style == "lawyers_many" and role in plan.worker_agents):
                self.ring.note_agent(role.person)

    def _before_founding(self, plan: CasePlan, emp: Employer) -> None:
        """Move the claimed start to 1-6 years before the employer's founding, keeping the
        length (ending before filing)."""
        rng = self.rng
        start, end = plan.claimed_start, plan.claimed_end
        assert start is not None and end is not None
        if start < emp.founded:
            return
        length = end - start
        start = emp.founded - dt.timedelta(days=rng.randint(365, 6 * 365))
        end = min(start + length, plan.filing - dt.timedelta(days=400))
        plan.claimed_start, plan.claimed_end = start, max(end, emp.founded
                                                          + dt.timedelta(days=365))

    def _respond(self, plan: CasePlan, mediation: bool) -> None:
        rng = self.rng
        if mediation:
            plan.response = "admits" if rng.random() < 0.6 else "no_objection"
            plan.outcome = "mediated"
            return
        r = rng.random()
        absent_share = 0.1 if plan.forum.kind == "arbitration" else 0.15
        if r < absent_share:
            plan.response, plan.absent = "absent", True
        elif r < absent_share + self.var.ring_contest_share:  # a token defence about dates
            plan.response = "contests"
        elif r < absent_share + 0.5:
            plan.response = "no_objection"
        else:
            plan.response = "admits"
        roll = rng.random()
        plan.outcome = "confirmed" if roll < 0.94 else "denied"
        if roll > 0.98 and plan.forum.kind == "court":
            plan.outcome, plan.document_type = "withdrawn", "裁定书"


def _sham_decision(rng: random.Random, route: str, filing: dt.date,
                   slow: bool = False) -> dt.date:
    """Sham cases are decided 0-30 days after filing; mediations often the same day. A slow
    ring (a busy forum, varied worlds only) waits one to four months."""
    if slow:
        return add_workdays(filing, rng.randint(25, 120))
    if route == "court_mediation" and rng.random() < 0.4:
        return filing
    days = {"award": (5, 25), "court": (7, 30), "court_mediation": (1, 20),
            "arbitration_mediation": (0, 15)}[route]
    return min(add_workdays(filing, rng.randint(*days)), filing + dt.timedelta(days=30))


def make_ring(world: World, rng: random.Random, ring_id: str, typ: Typology,
              size: int) -> Ring:
    """One ring of ``size`` applicants (one case each) of typology ``typ``."""
    return RingBuilder(world, rng, ring_id, typ, size).build()
