"""Personal ties: one lay person (or one far legal-service office) in several suits against
one employer filed together, and an applicant acting for another (:func:`kin_links`).

A small ring has no intermediary with reach and no batch worth the name; the manager who
admits two or three bought claims, or the nominee who files them, is what ties it
(:func:`tie_links`, :func:`lay_agent_ties`, :func:`admitted_with_counsel`,
:func:`office_holder_ties`, :func:`office_ties`). Such a tie brings in weaker suits beside a
candidate (:func:`tied_to_candidates`, :func:`weak_ties`); ring assembly
(:mod:`ringtrace.queries.rings`) counts a tie as coordination in a small ring only.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping
from collections.abc import Set as AbstractSet
from typing import Any

from ringtrace.graph.identity import is_masked_name, masks_compatible
from ringtrace.queries.frame import AgentRef, CaseInfo, Frame
from ringtrace.queries.pairlinks import staff_laid_off
from ringtrace.queries.redflags.common import PROFESSIONAL, is_confirmation
from ringtrace.queries.ringlinks import Link, RingParams, _chained, _small, time_chains
from ringtrace.queries.scoring import CaseScore
from ringtrace.regions import gb2260
from ringtrace.regions.places import region_from_name


def tie_links(frame: Frame, candidates: set[str], days: int) -> list[Link]:
    """Uncontested candidates against one employer, filed within ``days`` of each other, in
    which one and the same lay person acts: for the workers in each of them, or for the
    employer in each of them (its manager or "staff" who admitted them).

    A small ring has no intermediary with reach and no batch worth the name: the host's
    manager admits two or three claims he was paid for (SPP-2024-04: the coal mine's
    vice-manager handling the closure "colluded" with two applicants who "同时向法院起诉"; P9:
    the intermediary as the employer's 人事部门负责人), or one lay person files them all (G7).
    That one person controlled both suits is what a prosecutor can put to them; "same employer,
    same month" is not. The tie joins suits only while they are filed together (``days``): the
    manager who answers unrelated suits over the years ties nothing. Suits whose workers share
    professional counsel (one lawyer or one firm acting for both) are a group with its own
    counsel (issue 15: "a group's own counsel is treated as an intermediary") and are not tied.
    Like a kin tie, a ``tie`` is coordination evidence only in a small ring
    (:func:`rings.structure`, ``tie_max_cases``): in a big cluster the employer's manager answering
    every suit is what a genuine closure looks like too.
    """
    by_person = agents_by_employer(frame, candidates, lambda case, a: (
        f"{a.side}:{a.id}" if case.uncontested and a.kind not in PROFESSIONAL
        and a.side in ("worker", "employer") else None))
    relatives = {a.id for c in candidates for a in frame.cases[c].agents if _family(a)}
    links: list[Link] = []
    for (_employer, person), held in sorted(by_person.items()):
        if len(held) < 2:
            continue
        for run in time_chains(frame, [c for c, _a in held], days, dated_only=True):
            workers = {w.id: w.name for c in run for w in frame.cases[c].workers}
            if len(workers) < 2 or _shared_counsel(frame, run):
                continue
            if held[0][1].id in relatives and _may_be_one_family(frame.persons, workers):
                continue
            links.append(Link("tie", person, run))
    return links


def agents_by_employer(frame: Frame, candidates: Iterable[str],
                       key: Callable[[CaseInfo, AgentRef], str | None]
                       ) -> dict[tuple[str, str], list[tuple[str, AgentRef]]]:
    """The agents of ``candidates`` that ``key`` names (a person, a side and person, an
    office; None leaves the agent out), grouped by (employer, name): each group's cases with
    the agent, in case id order.

    The small-ring ties (:func:`tie_links`, :func:`lay_agent_ties`,
    :func:`admitted_with_counsel`, :func:`office_holder_ties`) each ask which suits against
    one employer one person (or one office's holder) took part in; they differ in whom they
    count and in which suits.
    """
    grouped: dict[tuple[str, str], list[tuple[str, AgentRef]]] = defaultdict(list)
    for c in sorted(candidates):
        case = frame.cases[c]
        for a in case.agents:
            name = key(case, a)
            if name is not None:
                for e in case.employers:
                    grouped[(e.id, name)].append((c, a))
    return grouped


def _may_be_one_family(persons: Mapping[str, Mapping[str, Any]], workers: dict[str, str]) -> bool:
    """Could the workers a relative acts for be one family: do they share a surname or an
    address, or is a name masked (so that nothing shows they are not)?

    Since 2012 a citizen may act in a civil suit only as a party's close relative, its staff or
    a community's nominee (民事诉讼法 art. 61), so an organiser files as "亲属" too. A son acting
    for both parents (one address), or a daughter for her mother and aunt (one surname), is a
    family; a "relative" of applicants who share neither surname nor address is someone who
    files suits for strangers - the lay agent a small ring is tied by.

    >>> home = {"address": "安阳县吕村镇东街12号"}
    >>> _may_be_one_family({"P:1": home, "P:2": home}, {"P:1": "王秀英", "P:2": "李建国"})
    True
    >>> _may_be_one_family({}, {"P:1": "王秀英", "P:2": "李建国"}), _may_be_one_family(
    ...     {}, {"P:1": "王秀英", "P:2": "王建国"}), _may_be_one_family({}, {"P:1": "王**", "P:2": "李建国"})
    (False, True, True)
    """
    names = list(workers.values())
    if any(not n or is_masked_name(n) for n in names) or len({n[0] for n in names}) == 1:
        return True
    addresses = {str(persons.get(w, {}).get("address") or "") for w in workers}
    return len(addresses) == 1 and "" not in addresses


def _family(agent: AgentRef) -> bool:
    """Is ``agent`` a worker's relative acting for them (``委托诉讼代理人：王某，系原告之子``)?

    A son who acts for both his parents, or a daughter for her mother and her aunt, ties
    nothing when the applicants may be one family (:func:`_may_be_one_family`): 民事诉讼法
    art. 61 lets a party's close relatives act for them, and a family whose
    members worked at one closing firm sues together through whichever of them reads documents
    best - the cheapest agent there is, and no organiser. What ties a small ring is a person
    outside the family who controls the suits (the manager who admits them, a lay agent who
    files them for others), so the relative's tie is left out; kinship between the applicants
    themselves is :func:`kin_links`.
    """
    return agent.side == "worker" and agent.kind == "relative"


def tied_to_candidates(frame: Frame, scores: dict[str, CaseScore], candidates: set[str],
                       params: RingParams, proven: AbstractSet[str] = frozenset()) -> set[str]:
    """Confirmation cases below the seed threshold but scoring at least
    ``tie_seed_threshold`` that a personal tie (:func:`tie_links`) joins to a candidate.

    A small ring's weaker suits show the screening signs and little more - the manager who was
    paid admits them all, the story is a line long - while one of them gives the purchase away
    (a fifteen-year period ending at a retirement birthday). That the same person admitted or
    filed both in the same weeks is what lets the investigator ask about the weaker one too;
    without the tie it stays a case among thousands with the same screening signs.
    """
    weak = {c for c, s in scores.items()
            if params.tie_seed_threshold <= s.rule_score < params.seed_threshold
            and is_confirmation(frame.cases[c])}
    if not weak:
        return set()
    joined: set[str] = set()
    pool = candidates | weak
    for link in [*tie_links(frame, pool, params.tie_days),
                 *office_ties(frame, pool - proven, params.tie_days)]:
        if not candidates.isdisjoint(link.cases):
            joined.update(c for c in link.cases if c in weak)
    return joined


def weak_ties(frame: Frame, scores: dict[str, CaseScore], candidates: set[str],
              params: RingParams, proven: AbstractSet[str] = frozenset(),
              aided: AbstractSet[str] = frozenset()) -> set[str]:
    """Confirmation cases below ``tie_seed_threshold`` but scoring at least ``weak_tie_floor``,
    with no proof of the employment (:func:`rings.proven_cases`), that one lay person ties
    (:func:`tie_links`, :func:`lay_agent_ties`) to each other or to a candidate in a small
    ring (:func:`ringlinks._small`).

    A manager paid to admit two or three claims admits them with the fewest words: the suits
    show the screening signs (a confirmation only, no objection, a near-retirement applicant)
    and nothing more, so each scores below the seed threshold on its own (SPP-2024-04: the coal
    mine's vice-manager admitted two applicants' claims that "同时向法院起诉"). What an
    investigator can put to the manager is that the same person admitted both within weeks;
    that fact does not depend on how much else either document says. Suits with proof - records
    in third-party custody, money claimed or disputed, a supporting body - are left out, so a
    dormant collective's HR head answering two archive-backed claims ties nothing, and the tie
    joins only a small ring (``tie_max_cases`` in its burst): the person who answers every suit
    of a closing firm's workforce is that firm answering its staff.
    """
    weak = {c for c, s in scores.items()
            if params.weak_tie_floor <= s.rule_score < params.seed_threshold
            and c not in proven and is_confirmation(frame.cases[c])}
    if not weak:
        return set()
    joined: set[str] = set()
    pool = candidates | weak
    for link in [*tie_links(frame, pool, params.tie_days),
                 *lay_agent_ties(frame, pool - proven, params.tie_days),
                 *admitted_with_counsel(frame, pool - proven, params.tie_days,
                                        params.tie_max_cases, params.separate_leavings_days,
                                        aided),
                 *office_holder_ties(frame, pool - proven, params.tie_days)]:
        if _small(frame, link.cases, params.tie_max_cases):
            joined.update(c for c in link.cases if c in weak)
    return joined


def lay_agent_ties(frame: Frame, candidates: set[str], days: int) -> list[Link]:
    """Confirmation suits against one employer, filed within ``days`` of each other, in which
    one and the same lay person who is no relative of the workers (a citizen the community or
    village "recommended", ``other``) acts for the workers - whether or not the employer
    contested: a ``tie`` made by ``worker:<person>``, for a run with at least one contested
    suit (:func:`tie_links` ties uncontested ones already).

    Since 2012 a citizen may act in a civil suit only as a party's close relative, its staff or
    a community's nominee (民事诉讼法 art. 61); a nominee "经社区推荐" who acts for two unrelated
    applicants against the same small employer within weeks is the person who brought them, an
    intermediary's signature whatever the employer answered - an employer that contests one
    claim (a partial defence, a withdrawal) has not thereby made the applicants strangers to
    each other. Relatives (:func:`_family`) and professionals are left out, and so is a lay
    agent of workers who may be one family (:func:`_may_be_one_family`: a relative printed
    without the relation is an ``other`` agent too); the callers
    leave out suits with proof (:func:`rings.proven_cases`: a genuine crew's suits claim wages or
    cite records), as for an intermediary's link.
    """
    by_person = agents_by_employer(frame, candidates, lambda case, a: (
        a.id if a.side == "worker" else None))
    links: list[Link] = []
    for (_employer, person), held in sorted(by_person.items()):
        # a run needs a contested suit in which the person is a nominee: tie_links ties
        # uncontested ones already
        contested = {c for c, a in held if not frame.cases[c].uncontested and a.kind == "other"}
        if not contested:
            continue
        mine = sorted({c for c, _a in held})
        for run in time_chains(frame, mine, days, dated_only=True):
            workers = {w.id: w.name for c in run for w in frame.cases[c].workers}
            if len(run) >= 2 and len(workers) >= 2 and not contested.isdisjoint(run) \
                    and not _may_be_one_family(frame.persons, workers):
                links.append(Link("tie", f"worker:{person}", run))
    return links


def admitted_with_counsel(frame: Frame, candidates: set[str], days: int,
                          most: int, ending: int,
                          aided: AbstractSet[str] = frozenset()) -> list[Link]:
    """Uncontested suits against one employer, filed within ``days`` of each other, in which
    one and the same lay person acts for the employer (the manager who admitted them) while
    professionals of one law firm act for the workers, when they are a small ring (at most
    ``most`` suits in their burst, :func:`ringlinks._small`): a ``tie`` made by
    ``employer:<person>``.

    :func:`tie_links` leaves such suits out, since a workforce that retains one firm is a group
    with its own counsel and the firm answering its staff's suits is what a genuine closure
    looks like (issue 15). That holds for a workforce; two or three applicants without proof
    of the employment (the callers leave out suits with records, money claimed or disputed, a
    support body, :func:`rings.proven_cases`) whose claims the same manager admitted are the
    manager's admissions whoever drafted the complaints - a scheme hires a lawyer as readily as
    a nominee (G7: the lawyers who "集中代理了…系列案"). In a bigger burst the guard stands.

    A small firm closes too: its three long-serving staff retain one lawyer and the manager
    who winds it up admits what they claim, with no money at stake and their papers lost with
    the firm. They were hired over the years and left when it closed, so their claimed
    employments start apart and end together (:func:`pairlinks.staff_laid_off`,
    ``separate_leavings_days``: a lay-off runs over weeks, not years); a manager's paid admissions
    confirm each buyer's own story, ending wherever that buyer's fifteen years or retirement put it,
    or one template's period for all. A run whose claims tell a lay-off's story is that staff suing,
    and ties nothing. Nor does a run whose every suit is in ``aided`` (the ``aided_rules``
    findings, :func:`~ringtrace.queries.pairlinks.aided_cases`: counsel a legal-aid centre
    assigned, :func:`_assigned_counsel`): the scheme did not hire that lawyer.
    """
    by_person = agents_by_employer(frame, candidates, lambda case, a: (
        a.id if case.uncontested and a.kind not in PROFESSIONAL and a.side == "employer"
        else None))
    links: list[Link] = []
    for (_employer, person), held in sorted(by_person.items()):
        for run in time_chains(frame, sorted({c for c, _a in held}), days, dated_only=True):
            workers = {w.id for c in run for w in frame.cases[c].workers}
            if (len(run) >= 2 and len(workers) >= 2 and _shared_counsel(frame, run)
                    and not _assigned_counsel(run, aided)
                    and _small(frame, run, most) and not staff_laid_off(frame, run, ending)):
                links.append(Link("tie", f"employer:{person}", run))
    return links


def office_holder_ties(frame: Frame, candidates: set[str], days: int) -> list[Link]:
    """Uncontested suits against one employer, filed within ``days`` of each other, in which
    the employer's agent holds the same office (``该公司人事部门负责人``, ``该公司经理``) and is
    printed under a masked name in one of them (``**``) that fits the name printed in the
    other: a ``tie`` made by ``employer:<the named agent>``, as if one name were printed in
    both.

    A masked copy hides the name but keeps the office, and an employer has one head of
    personnel or one manager at a time: the "**" who admitted one claim as the firm's
    人事部门负责人 is the 王静 who admitted the other that week as its 人事部门负责人 (P9: the
    intermediary as the employer's 人事部门负责人). Resolution cannot join a name masked
    whole; the office and the week can. A plain "该公司员工" is no office (a firm has many
    staff), and the callers leave out suits with proof (:func:`rings.proven_cases`).
    """
    holders = agents_by_employer(frame, candidates, lambda case, a: (
        a.relation if case.uncontested and a.side == "employer" and a.kind not in PROFESSIONAL
        and a.relation and not any(w in a.relation for w in _NO_OFFICE) else None))
    links: list[Link] = []
    for (_employer, _office), held in sorted(holders.items()):
        agents = {c: a for c, a in held}
        for run in time_chains(frame, sorted(agents), days, dated_only=True):
            named = sorted({agents[c].id for c in run if not is_masked_name(agents[c].name)})
            masked = [c for c in run if is_masked_name(agents[c].name)]
            workers = {w.id for c in run for w in frame.cases[c].workers}
            if len(named) != 1 or not masked or len(workers) < 2:
                continue  # two named holders are two people; tie_links joins one named
            name = next(agents[c].name for c in run if agents[c].id == named[0])
            tied = sorted({c for c in run if agents[c].id == named[0]}
                          | {c for c in masked if masks_compatible(agents[c].name, name)})
            if len(tied) >= 2 and set(tied) & set(masked):
                links.append(Link("tie", f"employer:{named[0]}", tied))
    return links


#: relations that name no office an employer has one holder of (its staff are many)
_NO_OFFICE = ("员工", "职工", "工作人员")


def office_ties(frame: Frame, candidates: set[str], days: int) -> list[Link]:
    """Uncontested candidates against one employer, filed within ``days`` of each other, in
    which basic legal-service workers (基层法律服务工作者, ``legal_worker``) of one 法律服务所
    act for the workers, the office lying in another prefecture than the forum: a ``tie``
    (the same non-lawyer hand in each suit, see :func:`tie_links`) made by ``office:<name>``.

    A 法律服务所 is a township or district office; its workers are not lawyers and may take a
    lawsuit only for clients of their own county (the Ministry of Justice's
    基层法律服务工作者管理办法). A workforce suing its local employer finds a local office, or a
    lawyer; two applicants of a small employer in Luoyang represented by a village office of
    Xiangcheng, 300 km away, were brought to the employer from where the office is - by the
    intermediary who recruits them (docs/domain.md §1.5; P12: farmers of 合川/潼南 at an
    employer and commission in 乌鲁木齐). Two workers of one office acting in turn are the office
    acting, so the office is the hand, not each worker (one worker alone in both suits is
    already a shared agent). Unlike a group's own counsel (:func:`_shared_counsel`: a local
    legal-aid centre or law firm for a whole workforce), the office's distance from the
    forum is the fact to put to it. Like every ``tie`` it is coordination evidence only in a
    small ring (``tie_max_cases``); lawyers (律师事务所) may practise anywhere and make none.

    The office may act only because a party lives in its county, so the tie says the workers
    came from there, which a genuine crew does too: migrant workers of one village who built
    for a far contractor and sue it through their home office when it closes. Theirs are suits
    with proof (wages claimed, records, an amount disputed), which the callers leave out
    (:func:`rings.proven_cases`, as for an intermediary's link); a bought confirmation has none.
    """
    by_office: dict[tuple[str, str], list[str]] = defaultdict(list)
    for c in sorted(candidates):
        case = frame.cases[c]
        if not case.uncontested:
            continue
        forum = str(frame.forums.get(case.forum_id, {}).get("region_code") or "")
        offices = {a.law_firm for a in case.agents
                   if a.side == "worker" and a.kind == "legal_worker" and a.law_firm
                   and _far_office(a.law_firm, forum)}
        for office in sorted(offices):
            for e in case.employers:
                by_office[(e.id, office)].append(c)
    links: list[Link] = []
    for (_employer, office), cases in sorted(by_office.items()):
        for run in time_chains(frame, sorted(set(cases)), days, dated_only=True):
            workers = {w.id for c in run for w in frame.cases[c].workers}
            if len(run) >= 2 and len(workers) >= 2:
                links.append(Link("tie", f"office:{office}", run))
    return links


def _far_office(office: str, forum_region: str) -> bool:
    """Does the office's name place it in another prefecture than ``forum_region``? Unknown
    places are not far, and neither is a place known only by its province.

    A prefecture is the first four digits of the region code, but a municipality's whole
    territory is one (its 中院 print ``上海市第一中级人民法院``, region 310000, and its
    counties are 5002.. beside its districts' 5001..), so that a Pudong office in a Shanghai
    中院 or a 巫山 office in a Chongqing court is not far from the forum.

    >>> _far_office("河南省襄城县紫云镇法律服务所", "410302"), _far_office("襄城县法律服务所", "411000")
    (True, False)
    >>> _far_office("上海市浦东新区某某法律服务所", "310000"), _far_office("河南省襄城县法律服务所", "410000")
    (False, False)
    >>> _far_office("重庆市巫山县法律服务所", "500103"), _far_office("重庆市巫山县法律服务所", "410302")
    (False, True)
    """
    region = region_from_name(office)
    if region is None or len(forum_region) != 6 or not forum_region.isdigit():
        return False
    here, there = _prefecture(region), _prefecture(forum_region)
    return here is not None and there is not None and here != there


def _prefecture(code: str) -> str | None:
    """The prefecture of a region code: its first four digits, a municipality's first two, or
    None for a province's own code."""
    if code[:2] in gb2260.MUNICIPALITIES:
        return code[:2]
    return None if gb2260.level(code) == "province" else code[:4]


def _assigned_counsel(cases: list[str], aided: AbstractSet[str]) -> bool:
    """Has every one of ``cases`` worker-side counsel a legal-aid centre assigned
    (法律援助中心指派: in ``aided``, read from the ``aided_rules`` findings as the pair links read
    it)? The centre checks each applicant's claim before it assigns a lawyer
    (法律援助法 arts. 41-43; docs/domain.md E6), and a campaign or a county's 补缴 window
    brings a small firm's former workers to it in one week: one lawyer for them is the
    centre's intake, not a scheme's hire (as for the pair links,
    :func:`~ringtrace.queries.pairlinks.pension_minimum_pairs`)."""
    return bool(cases) and all(c in aided for c in cases)


def _shared_counsel(frame: Frame, cases: list[str]) -> bool:
    """Do professionals of one law firm (or one lawyer) act for the workers in two or more of
    ``cases``?"""
    seen: set[str] = set()
    for c in cases:
        mine = {a.law_firm or a.id for a in frame.cases[c].agents
                if a.side == "worker" and a.kind in PROFESSIONAL}
        if seen & mine:
            return True
        seen |= mine
    return False


def kin_links(frame: Frame, candidates: set[str], gap: int) -> list[Link]:
    """Candidates against one employer tied because an applicant in one of them acts as a lay
    agent (``委托诉讼代理人：王某，系王某英之配偶``) in another.

    Small rings of two to four relatives at a closing employer (docs/domain.md §2.3 G1: "当事人为
    夫妻、朋友等亲近关系"; 东港: "至少有十幾人存在親屬關系"; the colluding coal-mine manager of
    SPP-2024-04 with two applicants) have no intermediary and no batch, so nothing else ties
    them. The tie joins their suits into one group, and only candidates (each a candidate on
    its own rules) are joined. In a big cluster it is *not* coordination
    (:data:`rings.COORDINATION`): a genuine workforce's couples who both worked at a restructured or
    dormant enterprise (L1) sue it too and act for each other because a spouse is the cheapest
    agent. In a small ring (``tie_max_cases``, :data:`rings.SMALL_RING_TIES`) it is what ties the
    suits: a couple reported as a ring must still be two leads, each on its own evidence of a
    purchase - a genuine couple admitted from the archives or claiming wages is not.
    """
    worker_cases: dict[str, set[str]] = defaultdict(set)
    for c in sorted(candidates):
        for w in frame.cases[c].workers:
            worker_cases[w.id].add(c)
    links: list[Link] = []
    for c in sorted(candidates):
        case = frame.cases[c]
        employers = {e.id for e in case.employers}
        for a in case.agents:
            if a.kind in PROFESSIONAL or a.id not in worker_cases:
                continue
            tied = {o for o in worker_cases[a.id] if o != c and employers & {
                e.id for e in frame.cases[o].employers}}
            if tied:
                links += _chained("kin", a.id, frame, sorted({c, *tied}), gap)
    return links
