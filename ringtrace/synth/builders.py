"""Building blocks shared by rings, decoys and background disputes.

Agents, procedural routes (award, first instance, appeal) and the document habits applied to
every plan alike (:func:`finish`): whether the forum prints phone numbers and ID numbers, and
whether a mirror anonymised the natural persons. Keeping these in one place guarantees that sham
and genuine cases get them from the same distributions.
"""

from __future__ import annotations

import datetime as dt
import random

from ringtrace.synth import ids, names, people
from ringtrace.synth.employers import Employer
from ringtrace.synth.geography import County, Forum
from ringtrace.synth.people import Person
from ringtrace.synth.plan import AgentRole, CasePlan
from ringtrace.synth.world import LawFirm, World, add_workdays

KIN = ("子", "女", "夫", "妻", "弟", "兄", "姐", "妹")
EMPLOYEE_RELATIONS = ("该公司员工", "该公司员工", "该公司职工", "该公司人事部门负责人",
                      "该公司副经理", "该公司办公室主任")
LAY_RELATIONS = (None, None, "经村民委员会推荐", "经社区推荐")
GENUINE_LAY_RELATIONS = (None, "经村民委员会推荐", "经社区推荐", "经工会推荐", "系其同事")

#: Document-level habits (shared by every plan): mirror masking of court documents and how often
#: ID numbers are printed.
MIRROR_SHARE = 0.06
ID_PRINT_SHARE = {"court": 0.12, "arbitration": 0.5}


def lawyer(rng: random.Random, world: World, county: County, *,
           firm_pool: list[LawFirm] | None = None) -> AgentRole:
    """A practising lawyer (sometimes an intern) from a firm of the prefecture."""
    firms = firm_pool or world.firms_near(county)
    firm = rng.choice(firms)
    if firm.interns and rng.random() < 0.05:
        return AgentRole(rng.choice(firm.interns), "intern", firm.name,
                         authority=authority(rng))
    return AgentRole(rng.choice(firm.lawyers), "lawyer", firm.name, authority=authority(rng))


def legal_aid(rng: random.Random, world: World, county: County) -> AgentRole:
    centre = world.legal_aid(county)
    return AgentRole(rng.choice(centre.lawyers), "legal_aid", centre.name,
                     authority=authority(rng))


def relative(rng: random.Random, worker: Person, on: dt.date) -> AgentRole:
    """A family member of the worker (child, spouse or sibling)."""
    kin = rng.choices(KIN, weights=(5, 3, 2, 2, 1, 1, 1, 1))[0]
    if (kin == "夫" and worker.sex == "男") or (kin == "妻" and worker.sex == "女"):
        kin = "妻" if worker.sex == "男" else "夫"
    return AgentRole(people.relative_of(rng, worker, kin, on), "relative", relation=kin,
                     authority=authority(rng))


def employee(rng: random.Random, world: World, employer: Employer,
             relation: str | None = None, *, genuine: bool = False) -> AgentRole:
    """A staff member acting for the employer (HR, office, deputy manager)."""
    person = world.adult(rng, employer.county, 25, 58)
    if genuine:
        person = namesake(rng, world, person)
    return AgentRole(person, "employee", relation=relation or rng.choice(EMPLOYEE_RELATIONS),
                     authority=authority(rng))


def namesake(rng: random.Random, world: World, person: Person) -> Person:
    """``person``, who in a varied world sometimes shares a ring intermediary's name (a
    different person, often in another county or province: names are not identities)."""
    var = world.var
    if not var.active or not world.intermediaries or rng.random() >= var.agent_namesakes:
        return person
    other = rng.choice(world.intermediaries)
    if other.sex == person.sex:
        person.name = other.name
    return person


def lay_agent(rng: random.Random, person: Person, relations: tuple[str | None, ...] = LAY_RELATIONS
              ) -> AgentRole:
    """A citizen agent (公民代理): recommended by a village or community, or a colleague."""
    return AgentRole(person, "other", relation=rng.choice(relations), authority=authority(rng))


def legal_worker(rng: random.Random, world: World, county: County) -> AgentRole:
    """A 基层法律服务工作者 of a township 法律服务所."""
    office = world.service_office(county)
    return AgentRole(rng.choice(office.lawyers), "other", office.name, authority=authority(rng))


def authority(rng: random.Random) -> str | None:
    r = rng.random()
    return "特别授权" if r < 0.2 else "一般代理" if r < 0.3 else None


def worker_agents(rng: random.Random, world: World, worker: Person, county: County,
                  on: dt.date, *, lawyer_share: float = 0.42, aid_share: float = 0.08,
                  relative_share: float = 0.17, lay_share: float = 0.1) -> list[AgentRole]:
    """Agents a genuine worker might have: none, a lawyer, legal aid, a relative, a citizen
    agent or legal-service worker, or two of these."""
    r = rng.random()
    agents: list[AgentRole] = []
    if r < lawyer_share:
        agents.append(lawyer(rng, world, county))
    elif r < lawyer_share + aid_share:
        agents.append(legal_aid(rng, world, county))
    elif r < lawyer_share + aid_share + relative_share:
        agents.append(relative(rng, worker, on))
    elif r < lawyer_share + aid_share + relative_share + lay_share:
        if rng.random() < 0.5:
            agents.append(legal_worker(rng, world, county))
        else:
            agents.append(lay_agent(rng, namesake(rng, world, world.adult(
                rng, worker.county, 30, 65, on=on)), GENUINE_LAY_RELATIONS))
    if agents and rng.random() < 0.12:
        agents.append(relative(rng, worker, on) if agents[0].kind != "relative"
                      else lawyer(rng, world, county))
    return agents


def employer_agents(rng: random.Random, world: World, employer: Employer, *,
                    lawyer_share: float = 0.5, employee_share: float = 0.3) -> list[AgentRole]:
    r = rng.random()
    if r < lawyer_share:
        agents = [lawyer(rng, world, employer.county)]
        if rng.random() < 0.25:
            agents.append(employee(rng, world, employer))
        return agents
    if r < lawyer_share + employee_share:
        return [employee(rng, world, employer, genuine=True)]
    return []


class GroupCounsel:
    """One legal-aid centre's lawyer, or one firm's lawyers, acting for a whole group of
    workers (the group's own counsel, not an intermediary)."""

    def __init__(self, rng: random.Random, world: World, county: County,
                 legal_aid_share: float = 0.5) -> None:
        if rng.random() < legal_aid_share:
            firm, kind, count = world.legal_aid(county), "legal_aid", 1
        else:
            firm, kind, count = rng.choice(world.firms_near(county)), "lawyer", rng.randint(1, 3)
        people_ = rng.sample(firm.lawyers, k=min(count, len(firm.lawyers)))
        self.roles = [AgentRole(p, kind, firm.name, authority=authority(rng)) for p in people_]

    def pick(self, rng: random.Random) -> list[AgentRole]:
        if len(self.roles) > 1 and rng.random() < 0.3:
            return list(self.roles[:2])
        return [rng.choice(self.roles)]


def second_lawyer(rng: random.Random, world: World, roles: list[AgentRole]) -> list[AgentRole]:
    """``roles`` plus, sometimes, a colleague of the lone lawyer from the same firm (two
    lawyers of one firm for one party; varied worlds only)."""
    if len(roles) != 1 or roles[0].kind not in ("lawyer", "legal_aid") \
            or rng.random() >= world.var.two_lawyers_share:
        return roles
    firm = world.firm_named.get(roles[0].firm or "")
    others = [p for p in firm.lawyers if p is not roles[0].person] if firm else []
    if not others:
        return roles
    return [*roles, AgentRole(rng.choice(others), roles[0].kind, roles[0].firm,
                              authority=authority(rng))]


def decision_days(rng: random.Random, route: str) -> int:
    """Days from filing to decision for genuine cases, by route."""
    if route == "award":
        return int(rng.triangular(12, 90, 40))
    if route == "mediation":  # some settle the day they are filed (立案调解)
        return 0 if rng.random() < 0.08 else int(rng.triangular(3, 90, 25))
    if route == "simple":
        return int(rng.triangular(20, 100, 45))
    if route == "appeal":
        return int(rng.triangular(30, 150, 70))
    return int(rng.triangular(50, 200, 110))  # ordinary procedure


def court_case(forum: Forum, cause: str, filing: dt.date, decision: dt.date,
               workers: list[Person], employer: Employer, *, mediation: bool = False,
               simple: bool = True) -> CasePlan:
    """A first-instance court case (判决书, or 调解书 when it ended in mediation)."""
    return CasePlan(forum=forum, document_type="调解书" if mediation else "判决书",
                    procedure="一审", number_kind="民初", cause=cause, filing=filing,
                    decision=decision, workers=workers, employer=employer, simple=simple,
                    hearing=decision if mediation else _hearing(filing, decision))


def arbitration_case(forum: Forum, cause: str, filing: dt.date, decision: dt.date,
                     workers: list[Person], employer: Employer, *,
                     mediation: bool = False) -> CasePlan:
    """An arbitration award (仲裁裁决书), or 仲裁调解书 when it ended in mediation."""
    return CasePlan(forum=forum, document_type="仲裁调解书" if mediation else "仲裁裁决书",
                    procedure="仲裁", number_kind="仲裁", cause=cause, filing=filing,
                    decision=decision, workers=workers, employer=employer,
                    hearing=decision if mediation else _hearing(filing, decision))


def _hearing(filing: dt.date, decision: dt.date) -> dt.date:
    gap = (decision - filing).days
    return add_workdays(filing, max(0, gap - max(0, gap // 4)))


def tidy_agents(plan: CasePlan) -> None:
    """One role per person and case, and no firm on both sides (conflict of interest), unless
    the plan says a firm does act for both (``same_firm_ok``, seen in real corpora)."""
    seen: set[int] = set()

    def once(roles: list[AgentRole]) -> list[AgentRole]:
        kept = []
        for role in roles:
            if id(role.person) not in seen:
                seen.add(id(role.person))
                kept.append(role)
        return kept

    plan.worker_agents = once(plan.worker_agents)
    if plan.same_firm_ok:
        plan.employer_agents = once(plan.employer_agents)
        return
    firms = {r.firm for r in plan.worker_agents if r.firm}
    plan.employer_agents = [r for r in once(plan.employer_agents) if r.firm not in firms
                            or r.firm is None]


def finish(plan: CasePlan, world: World, rng: random.Random) -> CasePlan:
    """Apply the document habits that do not depend on the scenario (see module docstring),
    after :func:`tidy_agents`."""
    tidy_agents(plan)
    kind = plan.forum.kind
    var = world.var
    plan.show_phone = world.prints_phone[plan.forum.name]
    if not var.active:
        if rng.random() < ID_PRINT_SHARE[kind]:
            plan.id_style = rng.randrange(3)
        if kind == "court" and rng.random() < MIRROR_SHARE:
            plan.mask_style = rng.choice(names.MASK_STYLES)
        return plan
    plan.worker_agents = second_lawyer(rng, world, plan.worker_agents)
    plan.employer_agents = second_lawyer(rng, world, plan.employer_agents)
    tidy_agents(plan)
    id_share = var.id_print_arbitration if kind == "arbitration" else var.id_print_court
    if rng.random() < id_share:
        plan.id_style = rng.randrange(3) if rng.random() >= var.extra_id_masks else \
            rng.randrange(3, ids.ID_MASK_STYLES)
    if kind == "court" and rng.random() < var.mirror_share:
        styles = var.mask_style_weights
        plan.mask_style = rng.choices([k for k, _ in styles], weights=[w for _, w in styles])[0]
    return plan


#: 案由 of a court case -> the matching arbitration 案由, and back.
_TO_ARBITRATION = {"确认劳动关系纠纷": "确认劳动关系争议", "追索劳动报酬纠纷": "劳动报酬争议",
                   "经济补偿金纠纷": "经济补偿争议", "劳动合同纠纷": "劳动合同争议",
                   "工伤保险待遇纠纷": "工伤保险待遇争议", "劳动争议": "劳动争议"}
_TO_COURT = {v: k for k, v in _TO_ARBITRATION.items()}


def arbitration_cause(court_cause: str) -> str:
    return _TO_ARBITRATION.get(court_cause, court_cause)


def court_cause(arbitration_cause: str) -> str:
    return _TO_COURT.get(arbitration_cause, arbitration_cause)


def cite_arbitration(world: World, rng: random.Random, plan: CasePlan, *,
                     outcome: str = "not_accepted") -> CasePlan:
    """Give a court case the arbitration that preceded it (labour disputes go to arbitration
    first): a 不予受理通知书 or an award, cited in the judgment and usually not itself a record."""
    forum = world.commission(rng, plan.employer.county)
    filing = plan.filing - dt.timedelta(days=rng.randint(20, 120))
    if outcome == "not_accepted":
        decision = add_workdays(filing, rng.randint(1, 5))
    else:
        decision = add_workdays(filing, decision_days(rng, "award"))
    if decision >= plan.filing:
        decision = plan.filing - dt.timedelta(days=rng.randint(3, 15))
        filing = min(filing, decision)
    prior = arbitration_case(forum, arbitration_cause(plan.cause), filing, decision,
                             plan.workers, plan.employer)
    if outcome == "not_accepted":
        prior.document_type, prior.hearing = "不予受理通知书", None
    for name in ("claim_kind", "amounts", "claimed_start", "claimed_end", "precision", "purpose",
                 "group", "label", "ring_id"):
        setattr(prior, name, getattr(plan, name))
    prior.outcome = outcome
    prior.response = "unknown" if outcome == "not_accepted" else "contests"
    plan.prior = prior
    return finish(prior, world, rng)
