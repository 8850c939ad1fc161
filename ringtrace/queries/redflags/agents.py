"""Agents: one intermediary behind many applicants, or on both sides.

What it flags
    ``AGENT_MANY_APPLICANTS`` a natural-person agent with *reach* represents at least
    ``min_applicants`` distinct workers, and at least ``min_suspicious_share`` of the agent's
    cases are uncontested confirmation cases (so a busy lawyer whose clients fight their cases
    is not flagged). Reach means: a lay agent acting against two or more employers, or against
    one employer over more than ``reach_days``, or on the employer's side somewhere; a
    professional acting for workers of several employers that nearly always admit (see
    :func:`intermediary_like`);
    ``AGENT_ONE_GROUP`` (weak) a lay agent acting for at least ``min_applicants`` workers of one
    employer within one stretch of time - an intermediary at one host, or the workers' own
    representative (a group's own counsel is not a scheme's signature);
    ``AGENT_BOTH_SIDES`` the same person acts for workers and for the employer (in one case, or
    - a lay person - across cases against the same employer), the employer's agent shares a
    phone or address with the workers' agent or a worker, the workers' lay agent bears the name
    of the employer's legal representative, or one "employee" agent acts for several different
    employers (an agent recorded anywhere as a lawyer or legal worker is a practice, not staff:
    counsel for employers in some suits and for workers in others is a lawyer's ordinary week);
    ``AGENT_SAME_FIRM`` (weaker) lawyers of one law firm act for both sides of an
    uncontested case - a conflict the profession's rules forbid, and a sign that nobody argued
    the other side, but also what a county with one firm produces; ``AGENT_EMPLOYEE_OR_RELATIVE`` the employer's agent is described
    as its employee / HR head, or the worker's agent as a relative, in an uncontested case.
Why it matters
    SPP 2024-04: the intermediary 焦某 appeared as the employer's "人事部门负责人" and raised no
    objection; intermediaries recruit many applicants (docs/domain.md §2.2 P9, §2.4 S4). Collusion
    needs someone who controls both sides. What sets an intermediary apart from a group's own
    counsel (a legal-aid lawyer, one firm's lawyer, a worker chosen by colleagues acting for a
    whole workforce against one employer) is reach: across employers, forums and time, and links
    to the other side. One representative for one group is what genuine group suits look like.
Thresholds
    ``rules.toml`` [rules.AGENT_*].
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from ringtrace.graph.identity import is_masked_name, masks_compatible
from ringtrace.queries.findings import Evidence, Finding
from ringtrace.queries.frame import AgentRef, CaseInfo, Frame
from ringtrace.queries.redflags.common import (
    CITED_CASES,
    PROFESSIONAL,
    LazyMap,
    Rule,
    case_facts,
    case_finding,
    confirmation_cases,
    filing_date,
    fired_cases,
    is_confirmation,
    uncontested,
    years_between,
)
from ringtrace.queries.redflags.params import RuleParams
from ringtrace.queries.rules import default_rules


@dataclass(frozen=True)
class ManyApplicantsParams(RuleParams):
    """``[rules.AGENT_MANY_APPLICANTS]``: what makes an agent's practice an intermediary's (the
    values and why they hold are in ``rules.toml``; :meth:`default` reads the shipped ones)."""

    min_applicants: int
    min_suspicious_share: float
    reach_days: int
    #: of the agent's clients of known age, the share that must be near retirement
    min_pension_client_share: float
    client_female_ages: tuple[float, float]
    client_male_ages: tuple[float, float]
    #: a professional's cases in which the employer admitted, for a practice to be a scheme's
    professional_admitted_share: float
    #: rules whose hit shows a suit is backed by proof or a real dispute; such suits are no
    #: part of a professional's series (they run before this family in the catalogue)
    series_proof_rules: tuple[str, ...]

    @classmethod
    def default(cls) -> ManyApplicantsParams:
        """The reach of the shipped ``rules.toml``."""
        return cls.of(default_rules(), "AGENT_MANY_APPLICANTS")


#: an agent's reach, as ring assembly and the profiles ask about it: the parameters of
#: ``AGENT_MANY_APPLICANTS``
Reach = ManyApplicantsParams


@dataclass(frozen=True)
class OneGroupParams(RuleParams):
    """``[rules.AGENT_ONE_GROUP]``."""

    min_applicants: int
    min_suspicious_share: float


def suspicious_case(case: CaseInfo) -> bool:
    """An uncontested confirmation case: the population an intermediary works in."""
    return is_confirmation(case) and uncontested(case)


@dataclass
class AgentProfile:
    """What one agent did across their cases (see :func:`agent_profile`)."""

    #: the agent's cases, as :attr:`Frame.agent_cases` lists them
    cases: list[str]
    #: those of them that are uncontested confirmation cases
    suspicious: list[str] = field(default_factory=list)
    #: suspicious cases where the employer answered and admitted (rather than stayed absent)
    admitted: int = 0
    #: workers represented, employers faced
    workers: set[str] = field(default_factory=set)
    employers: set[str] = field(default_factory=set)
    #: agent kinds the agent was recorded as (lawyer, employee, relative, ...)
    kinds: set[str] = field(default_factory=set)
    #: employers of the cases where the agent acted for the employer side / the worker side
    employer_side_employers: set[str] = field(default_factory=set)
    worker_side_employers: set[str] = field(default_factory=set)
    #: the cases where the agent acted for the workers (alone or on both sides)
    for_workers: set[str] = field(default_factory=set)
    #: acted for both sides of one case
    both_in_one_case: bool = False

    @property
    def professional(self) -> bool:
        """Recorded as a lawyer, intern, legal-aid lawyer or legal worker (mentions of an
        unstated kind - a lawyer printed without a firm - do not make a layman of them)."""
        known = self.kinds - {"other"}
        return bool(known) and known <= set(PROFESSIONAL)


def agent_profile(frame: Frame, agent_id: str) -> AgentProfile:
    """The :class:`AgentProfile` of one agent (computed once per agent and frame, shared by the
    rules and ring assembly)."""
    known = _known_profiles(frame)
    found = known.get(agent_id)
    if found is None:
        found = known[agent_id] = _profile(frame, agent_id)
    return found


def profile_agents(frame: Frame, agent_ids: Iterable[str]) -> None:
    """Compute the :class:`AgentProfile` of each of ``agent_ids`` not known yet, in one pass over
    the cases: for thousands of agents that is much faster than one walk over each agent's
    cases, which jumps all over memory."""
    known = _known_profiles(frame)
    todo = {a: AgentProfile(frame.agent_cases.get(a, [])) for a in agent_ids if a not in known}
    if not todo:
        return
    # case id order, the order of Frame.agent_cases: the suspicious cases come out in that order
    for case in frame.case_list():
        employers: list[str] | None = None
        for a in case.agents:
            profile = todo.get(a.id)
            if profile is not None:
                if employers is None:
                    employers = named_employers(case)
                _note_case(profile, case, employers)
                _note_role(profile, a, case, employers)
    known.update(todo)


def _known_profiles(frame: Frame) -> dict[str, AgentProfile]:
    known: dict[str, AgentProfile] = frame.memoised("redflags.agent_profile", dict)
    return known


def _profile(frame: Frame, agent_id: str) -> AgentProfile:
    profile = AgentProfile(frame.agent_cases.get(agent_id, []))
    for c in profile.cases:
        case = frame.cases[c]
        employers = named_employers(case)
        _note_case(profile, case, employers)
        for a in case.agents:
            if a.id == agent_id:
                _note_role(profile, a, case, employers)
    return profile


def named_employers(case: CaseInfo) -> list[str]:
    """The case's employers that a document names in full: a masked name (``鑫某建材有限公司``)
    may be any of them, so it never counts as one more employer an agent reaches."""
    return [e.id for e in case.employers if not is_masked_name(e.name)]


def _note_case(profile: AgentProfile, case: CaseInfo, employers: list[str]) -> None:
    """Add one of the agent's cases to ``profile``."""
    if case.confirmation and case.uncontested:  # suspicious_case, inlined: hot loop
        profile.suspicious.append(case.id)
        props = case.props
        if props.get("defendant_response") != "absent" and not props.get("absent"):
            profile.admitted += 1
    profile.employers.update(employers)


def _note_role(profile: AgentProfile, a: AgentRef, case: CaseInfo, employers: list[str]) -> None:
    """Add what ``a`` (the profiled agent) did in ``case`` to ``profile``."""
    profile.kinds.add(a.kind)
    side = a.side
    if side == "both":
        profile.both_in_one_case = True
    if side in ("employer", "both"):
        profile.employer_side_employers.update(employers)
    if side in ("worker", "both"):
        profile.worker_side_employers.update(employers)
        profile.for_workers.add(case.id)
        represents = a.represents
        for w in case.workers:
            if not represents or w.name in represents:
                profile.workers.add(w.id)


def intermediary_like(frame: Frame, agent_id: str, reach: Reach) -> bool:
    """Does this agent behave like an intermediary rather than an ordinary representative?

    * a lay agent (not a lawyer, intern or legal-aid lawyer) acting for at least
      ``reach.min_applicants`` different workers, mostly in uncontested confirmation cases, against
      two or more employers or over more than ``reach.reach_days`` (:func:`_lay_reach`);
    * a lawyer, intern or legal worker doing the same in series against two or more employers
      (two or more suits at each without proof, :func:`_series_employers`) where the employer
      admitted almost every claim (a lawyer for
      one factory's workers in a group suit, or one facing absent employers of closed
      factories, is ordinary); a lawyer assigned by a legal-aid centre never is;
    * a non-lawyer acting for both sides, for the employer side of two or more different
      employers ("staff" of several companies), or for workers and the employer in different
      cases of one employer. (A lawyer acting for both sides of one case - forbidden by 律师法
      art. 39 - is flagged on that case by AGENT_BOTH_SIDES but does not tie their other cases
      together.)
    An employer's own staff or lawyer acting for that one employer in many cases is ordinary,
    and so is an agent whose clients are not mostly near retirement
    (:func:`clients_buy_pensions`).
    """
    profile = agent_profile(frame, agent_id)
    employer_sides = profile.employer_side_employers
    professional = profile.professional
    if not professional and (profile.both_in_one_case or len(employer_sides) >= 2
                             or employer_sides & profile.worker_side_employers):
        return True
    cases, workers = profile.cases, profile.workers
    if not cases or len(workers) < reach.min_applicants:
        return False
    if professional:
        if assigned_by_legal_aid(frame, agent_id):
            return False  # assigned by a public legal-aid centre, not chosen by a scheme
        # an absent employer is typical of genuine closures; count only admissions here. A
        # group's own counsel acts for one workforce; a scheme's lawyer brings series against
        # several employers
        return (profile.admitted >= reach.professional_admitted_share * len(cases)
                and _series_employers(frame, profile, reach) >= 2
                and clients_buy_pensions(frame, profile, reach))
    return (len(profile.suspicious) / len(cases) >= reach.min_suspicious_share
            and _lay_reach(frame, profile, reach.reach_days)
            and clients_buy_pensions(frame, profile, reach))


def assigned_by_legal_aid(frame: Frame, agent_id: str) -> bool:
    """Did a legal-aid centre assign this lawyer (法律援助中心指派) in any of their suits?

    The centre, not the applicant's supplier, chose the lawyer, and it assigns the county's
    few duty lawyers to whoever applies - a scheme that sends its buyers to the centre (free
    counsel, a clean look) gets whichever of them is on duty, as a genuine workforce does. So
    the suits such a lawyer shares tell nothing of who organised them: their practice, their
    series and their firm's series link nothing (as :func:`intermediary_like` never calls them
    an intermediary), or every scheme of a county that uses the centre would be one ring with
    every other and with its genuine clients (dev-103, dev-105: rings of 190 and 130 cases
    joined through the centres' lawyers)."""
    return "legal_aid" in agent_profile(frame, agent_id).kinds


def clients_buy_pensions(frame: Frame, profile: AgentProfile, reach: Reach) -> bool:
    """Are the agent's uncontested clients, where their age is known, mostly near retirement?

    An intermediary sells pensions: the people it brings are chosen for their age (docs/domain.md
    §2.2 P2, S5), whichever employer it places them with. A citizen or legal worker who serves a
    township's workers in all kinds of disputes reaches across employers too, but their clients
    are of every age. Clients whose birth date no document prints count neither way, and with
    fewer than two of known age the question stays open (True).
    """
    ages = client_ages(frame)
    windows = {"女": reach.client_female_ages, "男": reach.client_male_ages}
    known = [ages[c] for c in profile.suspicious if ages.get(c)]
    if len(known) < 2:
        return True
    near = sum(any(sex in windows and windows[sex][0] <= age <= windows[sex][1]
                   for sex, age in people) for people in known)
    return near >= reach.min_pension_client_share * len(known)


def client_ages(frame: Frame) -> dict[str, list[tuple[str, float]]]:
    """Confirmation case id -> (sex, age at filing) of its workers of known birth date and sex
    (computed once per frame)."""
    def build() -> dict[str, list[tuple[str, float]]]:
        out: dict[str, list[tuple[str, float]]] = {}
        for facts in case_facts(frame):
            if facts.filed is None:
                continue
            people = [(str(w.sex), years_between(w.birth, facts.filed)) for w in facts.workers
                      if w.birth is not None and w.sex in ("女", "男")]
            if people:
                out[facts.case.id] = people
        return out
    return frame.memoised("redflags.client_ages", build)


def _series_employers(frame: Frame, profile: AgentProfile, reach: Reach) -> int:
    """Employers against which the agent brought two or more uncontested confirmation suits of
    different disputes (a first instance, its appeal and a retrial are one dispute), counting
    only suits without proof that the agent brought for the workers.

    A scheme's lawyer files bought confirmations: nothing in third-party custody backs them,
    nobody claims money and nobody supports the suit, because there was no work. A labour
    lawyer who brings a closing factory's workforce's claims, then another's, brings their
    archives, wage claims and disputes over amounts (docs/domain.md §2.4): suits that
    ``reach.series_proof_rules`` found backed are no series.

    Suits in which the lawyer defended the employer are no series either: a restructured or
    closing enterprise's counsel meets every claim its former workforce brings, and admits
    the ones its archives bear out (docs/domain.md §3.2 L1, JINGJIANG). That is one client's
    docket, which the employer's own suits already tie together; what an intermediary's lawyer
    brings is the workers' claims, at several hosts (§3.3 E7).
    """
    fired = fired_cases(frame)
    proven = set().union(*(fired.get(r, set()) for r in reach.series_proof_rules))
    per_employer: dict[str, set[DisputeKey]] = defaultdict(set)
    for c in profile.suspicious:
        if c in proven or c not in profile.for_workers:
            continue
        case = frame.cases[c]
        for e in case.employers:
            per_employer[e.id].add(dispute_key(frame, case))
    return sum(len(disputes) >= 2 for disputes in per_employer.values())


#: a dispute's claimed start and end, and its workers' birth dates (:func:`dispute_key`)
DisputeKey = tuple[str | None, str | None, tuple[str, ...]]


def dispute_key(frame: Frame, case: CaseInfo) -> DisputeKey:
    """What stays the same through the instances of one worker's dispute: the claimed period
    and the workers' birth dates (names may be masked differently in each copy)."""
    births = tuple(sorted(str(frame.persons.get(w.id, {}).get("birth_date") or w.id)
                          for w in case.workers))
    return (case.props.get("claimed_start"), case.props.get("claimed_end"), births)


def _lay_reach(frame: Frame, profile: AgentProfile, reach_days: int) -> bool:
    """A lay agent's workers face two or more employers, or one employer over more than
    ``reach_days`` (an operation that keeps recruiting, not one group's suit)."""
    if len(profile.worker_side_employers) >= 2:
        return True
    days = sorted(d for c in profile.cases if (d := filing_date(frame.cases[c])) is not None)
    return len(days) >= 2 and (days[-1] - days[0]).days > reach_days


def reach_of(frame: Frame) -> Reach:
    """The reach AGENT_MANY_APPLICANTS judged this frame with (the defaults if it is off)."""
    reach = frame.memo.get("redflags.reach")
    return reach if isinstance(reach, Reach) else Reach.default()


def one_group_agent(frame: Frame, agent_id: str, min_workers: int, min_share: float,
                    reach: Reach) -> bool:
    """A lay agent acting for ``min_workers`` or more workers, mostly in uncontested
    confirmation cases, without the reach of :func:`intermediary_like`."""
    profile = agent_profile(frame, agent_id)
    if profile.professional or len(profile.workers) < min_workers:
        return False
    return (bool(profile.cases) and len(profile.suspicious) / len(profile.cases) >= min_share
            and not intermediary_like(frame, agent_id, reach))


def _busy_agents(frame: Frame, minimum: int) -> list[str]:
    busy = sorted(a for a, cases in frame.agent_cases.items() if len(cases) >= minimum)
    profile_agents(frame, busy)
    return busy


def many_applicants(frame: Frame, params: ManyApplicantsParams) -> Iterator[Finding]:
    reach = params
    frame.memo["redflags.reach"] = reach
    for agent_id in _busy_agents(frame, reach.min_applicants):
        profile = agent_profile(frame, agent_id)
        if len(profile.workers) >= reach.min_applicants and intermediary_like(frame, agent_id,
                                                                           reach):
            name = frame.persons.get(agent_id, {}).get("name", agent_id)
            sus = profile.suspicious
            numbers = [frame.cases[c].case_number for c in sus[:CITED_CASES]]
            yield Finding("AGENT_MANY_APPLICANTS", agent_id, list(sus),
                          f"代理人{name}代理{len(profile.workers)}名劳动者、"
                          f"涉及{len(profile.employers)}家用人单位，"
                          f"{len(sus)}/{len(profile.cases)}件为无争议确认案件",
                          [Evidence("link", None, "案号: " + "、".join(numbers))])


def one_group(frame: Frame, params: OneGroupParams) -> Iterator[Finding]:
    minimum, share = params.min_applicants, params.min_suspicious_share
    for agent_id in _busy_agents(frame, minimum):
        if one_group_agent(frame, agent_id, minimum, share, reach_of(frame)):
            profile = agent_profile(frame, agent_id)
            name = frame.persons.get(agent_id, {}).get("name", agent_id)
            numbers = [frame.cases[c].case_number for c in profile.suspicious[:CITED_CASES]]
            yield Finding("AGENT_ONE_GROUP", agent_id, list(profile.suspicious),
                          f"非律师代理人{name}代理同一用人单位的{len(profile.workers)}名劳动者",
                          [Evidence("link", None, "案号: " + "、".join(numbers))])


def both_sides(frame: Frame, params: RuleParams) -> Iterator[Finding]:
    hits: dict[str, list[tuple[str, Evidence]]] = defaultdict(list)
    # the cases of each (employer, agent) pair where the agent acted for the workers / employer
    for_workers: dict[tuple[str, str], list[str]] = defaultdict(list)
    for_employer: dict[tuple[str, str], list[str]] = defaultdict(list)
    employee_agent_employers: dict[str, set[str]] = defaultdict(set)
    for case in confirmation_cases(frame):
        if not uncontested(case):
            continue
        worker_agents = [a for a in case.agents if a.side in ("worker", "both")]
        employer_agents = [a for a in case.agents if a.side in ("employer", "both")]
        for e in case.employers:
            # a lawyer who acts for a firm in one suit and against it in another is a busy
            # local practice; a lay person doing so controls both sides
            for a in worker_agents:
                if a.kind not in PROFESSIONAL:
                    for_workers[(e.id, a.id)].append(case.id)
            for a in employer_agents:
                if a.kind not in PROFESSIONAL:
                    for_employer[(e.id, a.id)].append(case.id)
                if a.kind in ("employee", "other") and not is_masked_name(e.name):
                    employee_agent_employers[a.id].add(e.id)
        found = _hits_in_case(frame, case, worker_agents, employer_agents)
        if found:
            hits[case.id].extend(found)
    # a lawyer printed without a firm in one document reads as "other" there: whoever is
    # recorded as a professional anywhere acts for both sides as a practice does
    crossing = sorted(for_workers.keys() & for_employer.keys())
    judged = {a for _, a in crossing} | employee_agent_employers.keys()
    profile_agents(frame, judged)
    lay = {a for a in judged if not agent_profile(frame, a).professional}
    for pair in crossing:
        agent_id = pair[1]
        if agent_id not in lay:
            continue
        name = frame.persons.get(agent_id, {}).get("name", agent_id)
        for c in sorted({*for_workers[pair], *for_employer[pair]}):
            hits[c].append(("cross", Evidence(
                "link", frame.cases[c].case_number,
                f"{name}在同一用人单位的案件中分别代理劳动者和用人单位")))
    for agent_id, employers in sorted(employee_agent_employers.items()):
        if len(employers) >= 2 and agent_id in lay:
            name = frame.persons.get(agent_id, {}).get("name", agent_id)
            for c in frame.agent_cases.get(agent_id, []):
                if suspicious_case(frame.cases[c]):
                    hits[c].append(("multi", Evidence(
                        "link", frame.cases[c].case_number,
                        f"{name}以单位员工/代理人身份代理{len(employers)}家不同用人单位")))
    for case_id in sorted(hits):
        evidence = list(dict.fromkeys(e for _, e in hits[case_id]))
        yield Finding("AGENT_BOTH_SIDES", case_id, [case_id],
                      "代理关系显示同一人或关联方控制诉讼双方", evidence[:10])


def same_firm(frame: Frame, params: RuleParams) -> Iterator[Finding]:
    for case in confirmation_cases(frame):
        if not uncontested(case):
            continue
        worker_firms = {a.law_firm for a in case.agents
                        if a.side in ("worker", "both") and a.law_firm}
        shared = sorted({a.law_firm for a in case.agents if a.side in ("employer", "both")
                         and a.law_firm and a.law_firm in worker_firms})
        if shared:
            yield case_finding("AGENT_SAME_FIRM", case, f"双方代理人同属{shared[0]}",
                               Evidence("record", case.case_number,
                                        f"劳动者与用人单位的代理人同属{'、'.join(shared)}"))


def _hits_in_case(frame: Frame, case: CaseInfo, worker_agents: list[AgentRef],
                  employer_agents: list[AgentRef]) -> list[tuple[str, Evidence]]:
    """AGENT_BOTH_SIDES evidence within one case: one agent on both sides, the employer's agent
    sharing a contact with the worker side, the workers' agent being the employer's legal
    representative."""
    found: list[tuple[str, Evidence]] = []
    if employer_agents:
        wa_ids = {a.id for a in worker_agents}
        for a in employer_agents:
            if a.id in wa_ids and not _two_of_one_firm(a, worker_agents):
                found.append(("same", Evidence("record", case.case_number,
                                               f"{a.name}同时代理劳动者和用人单位")))
        for a in employer_agents:
            for ident in _shared_with_workers(frame, case, a, wa_ids - _firm_colleagues(
                    a, worker_agents)):
                value = frame.identifiers.get(ident, {}).get("value", ident)
                found.append(("contact", Evidence(
                    "link", case.case_number, f"用人单位代理人{a.name}与劳动者方共用{value}")))
    # a masked line (``***``, ``李某``) names no one: a publisher masks the worker's agent and the
    # employer's legal representative alike, and two masks are no evidence of one person
    named = [a for a in worker_agents
             if a.name and a.kind not in PROFESSIONAL and not is_masked_name(a.name)]
    if named:
        rep_names = _legal_rep_names(frame)
        reps = [rep_names[e.id] for e in case.employers]
        for a in named:
            if any(a.name in names for names in reps):
                found.append(("rep", Evidence(
                    "record", case.case_number, f"劳动者代理人{a.name}系用人单位法定代表人")))
    return found


def _two_of_one_firm(a: AgentRef, worker_agents: list[AgentRef]) -> bool:
    """Is the employer's professional ``a``, resolved as one of the workers' agents too, printed
    there under a name that cannot be theirs (two lawyers of one firm taken for one)?

    A firm's usual counsel for an employer and a colleague of the same firm for its workers is
    a conflict the bar rules govern, and ``AGENT_SAME_FIRM`` notes it; it is not one person on
    both sides. Only the same lawyer, by a name that can be the same, is.
    """
    if a.kind not in PROFESSIONAL:
        return False
    return not any(w.id == a.id and masks_compatible(w.name, a.name) for w in worker_agents)


def _firm_colleagues(a: AgentRef, worker_agents: list[AgentRef]) -> set[str]:
    """The workers' professional agents of the firm of the employer's professional ``a``: the
    firm's phone and address, printed for both, are the firm's, not a tie between the sides."""
    if a.kind not in PROFESSIONAL or not a.law_firm:
        return set()
    return {w.id for w in worker_agents if w.kind in PROFESSIONAL and w.law_firm == a.law_firm}


def _shared_with_workers(frame: Frame, case: CaseInfo, a: AgentRef,
                         worker_agent_ids: set[str]) -> list[str]:
    """The identifiers the employer's agent ``a`` shares with the case's workers or their
    agents, sorted."""
    # an identifier only ``a`` gave (not among Frame.identifiers) is shared with nobody
    own = {i for i in frame.contacts.get(a.id, ()) if i in frame.identifiers}
    if not own:
        return []
    worker_contacts: set[str] = set()
    for p in [*(w.id for w in case.workers), *worker_agent_ids]:
        if p != a.id:
            worker_contacts |= frame.contacts.get(p, set())
    return sorted(own & worker_contacts)


def _legal_rep_names(frame: Frame) -> LazyMap[str, frozenset[str | None]]:
    """employer id -> the names of its legal representatives (each computed once per frame)."""
    def names(employer_id: str) -> frozenset[str | None]:
        return frozenset(frame.persons.get(r, {}).get("name")
                         for r in frame.legal_reps.get(employer_id, ()))
    return frame.memoised("redflags.legal_rep_names", lambda: LazyMap(names))


def employee_or_relative(frame: Frame, params: RuleParams) -> Iterator[Finding]:
    for case in confirmation_cases(frame):
        if not uncontested(case):
            continue
        for a in case.agents:
            if (a.side == "employer" and a.kind == "employee") or (
                    a.side == "worker" and a.kind == "relative"):
                who = "用人单位员工" if a.side == "employer" else "劳动者亲属"
                yield Finding("AGENT_EMPLOYEE_OR_RELATIVE", case.id, [case.id],
                              f"代理人{a.name}为{who}",
                              [Evidence("record", case.case_number,
                                        f"{a.name}：{a.relation or a.kind}")])
                break


RULES = [
    Rule("AGENT_MANY_APPLICANTS", "agents", "同一代理人代理多名申请人", many_applicants, params=ManyApplicantsParams),
    Rule("AGENT_ONE_GROUP", "agents", "同一非律师代理人代理同一单位多名申请人", one_group, params=OneGroupParams),
    Rule("AGENT_BOTH_SIDES", "agents", "同一人或关联方代理双方", both_sides, params=RuleParams),
    Rule("AGENT_SAME_FIRM", "agents", "双方代理人同属一家律所", same_firm, params=RuleParams),
    Rule("AGENT_EMPLOYEE_OR_RELATIVE", "agents", "代理人为单位员工或亲属", employee_or_relative, params=RuleParams),
]
