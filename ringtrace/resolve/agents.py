"""Agent rule: one citizen agent across the suits where documents print only the bare name.

An intermediary is ``孔龙, born 1976-07-27, phone 139…`` in one award and plain ``孔龙`` in the
next ten; each bare mention is a node scoped to its document. After the identity rules of
:mod:`ringtrace.resolve.persons`, agents of one name are compared inside a *block*: the same
name, the same prefecture of forums; inside it, only compatible kinds are compared (a lawyer or
legal-aid worker is not the employer's staff; an agent of unstated kind - a citizen, or a lawyer
printed without a firm - may be either). Relatives (``原告之子``) are each applicant's own and are never
joined by this rule. A cluster joins another of its block when

* they act within ``agent_gap_days`` of each other (``[resolve]`` in rules.toml, read as a
  :class:`~ringtrace.resolve.settings.ResolveSettings`), nothing exclusive differs (birth
  date, ID number, sex, law firm), and
* either the other is the only identified agent of that name in the block active at that
  time (``agent_only_namesake``), or they act against or for the same employer, or before the
  same forum (``agent_same_practice``). With several identified namesakes, the bare mention
  joins the one that shares its employer, or failing that the one that shares its forum - when
  exactly one does (a lawyer works the courts near the firm; two namesakes at one court
  with nothing else to tell them apart are left apart).

A bare mention with no namesake acting within ``agent_gap_days`` joins the only identified
agent of its name in the block when the name is rare - one identified agent carries it in the
whole workspace - and they act within ``rare_agent_gap_days`` (``agent_rare_name``,
:func:`_rare_name`). A common name in two provinces lands in two blocks and is never joined by
these rules, nor is an employer's staff member joined to a namesake acting in no suit of that
employer (:func:`_staff_elsewhere`).

Before that, :func:`resolve_same_client` joins agents of one name who represent the same party
(``agent_same_client``): a relative through an appeal chain, a citizen agent in two suits of
one applicant. Representing the same *employer* does not count: an employer has many agents,
and namesakes among them.

Masked agents (``张某``, ``**国``, ``***``) are joined by :func:`resolve_masked_agents` only
with more than the name: the masked name must fit exactly one identified agent entity of the
same kind that shares its birth date, law firm or phone (``masked_agent``), or - when the mask
keeps a character - the only such agent acting for or against the same employer in the same
prefecture within ``agent_gap_days``, and within ``same_side_days`` of the line
(``masked_agent_same_employer``) - but never, for a
line printed on the workers' side, an agent who stood for that employer itself in
``employer_agent_suits`` of its suits (:func:`_employers_own`). A masked lawyer line
whose firm has several lawyers it fits, all acting for or against the same employer, joins
the one who is plainly that employer's usual counsel - ``counsel_dominance`` times as
many of its suits as the others together (``masked_agent_usual_counsel``, with the counts
quoted). A lay masked line (a citizen, the employer's staff) joins the employer's usual
agent among those it fits - at least ``counsel_dominance`` of its suits, and that many times
as many as the others together (``masked_agent_usual_agent``); fully masked (``***``), the
only agent of the employer whom it fits is not enough, but the only one on the line's side
of its suits within ``same_side_days`` who acts in at least ``regular_agent_suits`` of them
is (``masked_agent_same_side``, :func:`_same_side_regular`). A masked lawyer line that fits one lawyer of its firm within ``agent_gap_days`` but another of
the firm at some other time joins only when that lawyer acts within ``firm_namesake_days`` of
it (:func:`_firm_rival`). A masked lawyer line whose firm has no lawyer the mask fits within
``agent_gap_days`` joins the firm's only lawyer it fits at any time, within
``rare_agent_gap_days`` (``masked_agent_firm_only``, :func:`_firm_only`). Masked relatives join by their birth date or phone only
(:func:`identity_class`).

After those, :func:`resolve_masked_same_suit` joins a masked line that is still alone to the
one named agent it fits who represents the same party in another instance of the same dispute
(the same worker against the same employer: ``masked_agent_same_suit``); and
:func:`resolve_cited_case` one still alone to the one named agent it fits on the same side of
the instance its case cites by number, or that cites it (``masked_agent_cited_case``), and a
bare name no rule joined to an identified agent to the agent of that name there
(``agent_cited_case``).

A copy that prints no forum, or a forum that no division code places (a renamed county's
committee, a name cut short), is first placed in the prefecture of its employer's other suits,
or where the employer is registered when it has none (:func:`place_headerless`), so that its
agents fall in a block.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from collections import defaultdict
from collections.abc import Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass
from functools import lru_cache
from typing import TypeVar

from ringtrace.graph import identity as ident
from ringtrace.resolve.cluster import Clusterer
from ringtrace.resolve.mentions import (
    PROFESSIONAL,
    CaseFacts,
    Mentions,
    PersonMention,
    namesakes,
    refresh_activity,
)
from ringtrace.resolve.seats import seat_prefecture
from ringtrace.resolve.settings import ResolveSettings, shipped

K = TypeVar("K")


@dataclass
class _Item:
    """One cluster's mentions inside a block, with their facts as they were when the block
    was formed (the cluster may grow while the block is worked through)."""

    root: str
    members: list[PersonMention]
    classes: set[str]
    #: distinct days of its agent cases, ascending
    days: list[dt.date]
    #: the employer entities and the forums of its agent cases
    employers: set[str]
    forums: set[str]
    firms: set[str]
    #: one of its mentions is printed with a disambiguator (not scoped to one document)
    identified: bool

    def near(self, other: _Item, gap_days: int) -> bool:
        """Does some mention of ``other`` fall within ``gap_days`` of one of ours?"""
        return near(self.days, other.days, gap_days)


def near(days: Sequence[dt.date], others: Sequence[dt.date], gap_days: int) -> bool:
    """Does a day of ``others`` fall within ``gap_days`` of a day of ``days``? Both
    ascending; each day of the shorter is looked up in the longer by bisection."""
    if not days or not others:
        return False
    gap = dt.timedelta(days=gap_days)
    small, large = sorted((days, others), key=len)
    for day in small:
        i = bisect.bisect_left(large, day - gap)
        if i < len(large) and (large[i] - day).days <= gap_days:
            return True
    return False


def agent_class(p: PersonMention) -> str | None:
    """``professional`` (lawyer, intern, legal aid, anyone printed with a law firm or legal
    service office), ``staff`` (the employer's own), ``other``
    (a citizen, or a kind the document does not tell: a lawyer printed without a firm reads as
    one); None for relatives only (never joined by co-occurrence)."""
    kinds = p.agent_kinds - {"relative"}
    if not kinds:
        return None
    if kinds & PROFESSIONAL or p.firms:  # a firm printed: a lawyer, or a 法律服务所's legal worker
        return "professional"
    return "staff" if "employee" in kinds else "other"


def compatible(a: str | None, b: str | None) -> bool:
    """Can two agent classes be one person? ``other`` is compatible with every class."""
    return a is not None and b is not None and (a == b or "other" in (a, b))


def resolve_same_client(m: Mentions, uf: Clusterer) -> None:
    """``agent_same_client``: agents of one name who represent the same person (after person
    resolution) are one person - an applicant's son through the first instance, the appeal
    and the retrial, or a citizen agent in two suits of the same applicant. Relatives too;
    but never two agents of one case, nor a relative and a lawyer (:func:`_may_be_one`)."""
    groups: dict[tuple[str, str], list[PersonMention]] = defaultdict(list)
    for p in namesakes([p for p in m.person_list if p.agent_cases and not p.masked and p.key]):
        # a person client only: an employer has many agents, namesakes among them
        for client in sorted({uf.find(c) for c in p.represents if c in m.persons}):
            groups[(p.key, client)].append(p)
    for (_name, client), people in sorted(_shared(groups)):
        label = m.persons[client].name if client in m.persons else client
        for i, other in enumerate(people[1:], 1):
            first = next((p for p in people[:i] if _may_be_one(p, other)), None)
            if first is not None:
                uf.merge(first.id, other.id, "agent_same_client",
                         f"same agent name {other.name} representing the same party {label}")


def _may_be_one(a: PersonMention, b: PersonMention) -> bool:
    """Can two namesakes who represent one party be one person? Not when both act in one case
    (``委托代理人张子豪、张子豪``: a son and a lawyer of one name, two agents of the party), nor
    when one is a professional or the employer's staff and the other a relative."""
    ca, cb = agent_class(a) or "relative", agent_class(b) or "relative"
    return (ca == cb or "other" in (ca, cb)) and set(a.agent_cases).isdisjoint(b.agent_cases)


def _shared(groups: dict[K, list[PersonMention]]) -> list[tuple[K, list[PersonMention]]]:
    """The groups of two or more (a group of one proposes nothing; sorting only those keeps
    the order of proposals and spares sorting every name of the province)."""
    return [(key, people) for key, people in groups.items() if len(people) > 1]


def place_headerless(m: Mentions, uf: Clusterer) -> set[str]:
    """Place the cases that print no forum, or a forum no division code places, in the
    prefecture where their employer's other suits are heard, when those are all heard in one
    (returns the cases placed).

    A repost or blog copy without its header names no court, so its agents would fall in no
    block and a bare ``申军伟`` there could never join the 申军伟 of the employer's other suits.
    A labour suit is heard where the employer is (the place of the contract or of the
    employer's seat, 劳动争议调解仲裁法 art. 21), so the employer's own forums say where the
    copy belongs; an employer heard in two prefectures places nothing. An employer heard
    nowhere else (the copy is its only suit in the workspace) is placed where it is registered:
    the division in its USCC, else the city its name starts with
    (:func:`~ringtrace.resolve.seats.seat_prefecture`); members that disagree place nothing.

    A forum that is printed but has no division code is placed the same way: a committee of
    a county renamed after the division table was taken (``长垣市劳动人事争议仲裁委员会``: 长垣县
    became a city in 2019, and the arbitration committee prints no court code to fall back on),
    or a forum name the copy cut short (``人事争议仲裁委员会``). Left as they are, each such forum
    is a "prefecture" of its own, and the employer's clerk or the intermediary printed bare
    there never meets the same name printed before the employer's court next door. On the
    development worlds (20) placing them gave back 640 of the 31,000 agent pairs resolution
    had lost (most at 长垣) and joined nothing wrongly. Runs after the employer rules (the employer's suits are those of its entity)."""
    heard: dict[str, set[str]] = defaultdict(set)
    for case in m.cases.values():
        if case.prefecture:
            for e in case.employers:
                heard[uf.find(e)].add(case.prefecture)
    seats: dict[str, set[str]] = defaultdict(set)
    for employer in m.employer_list:
        seat = seat_prefecture(employer.uscc, employer.name)
        if seat:
            seats[uf.find(employer.id)].add(seat)
    placed: set[str] = set()
    for case in m.cases.values():
        if case.prefecture or not case.employers:
            continue
        roots = {uf.find(e) for e in case.employers}
        regions = set().union(*(heard.get(r, set()) for r in roots))
        if not regions:
            # heard nowhere else: where the employer is registered (its seat)
            regions = set().union(*(seats.get(r, set()) for r in roots))
        if len(regions) == 1:
            case.prefecture = regions.pop()
            placed.add(case.id)
    if placed:
        refresh_activity(m.persons, m.cases, placed)
    return placed


def resolve_agents(m: Mentions, uf: Clusterer, settings: ResolveSettings | None = None
                   ) -> None:
    """Apply the co-occurrence rule to ``uf`` (after the person rules); ``settings``: the
    shipped ones by default."""
    settings = settings or shipped()
    blocks: dict[tuple[str, str], list[PersonMention]] = defaultdict(list)
    for p in namesakes([p for p in m.person_list if p.agent_cases and not p.masked and p.key
                        and agent_class(p) is not None]):
        for region in sorted(p.acts.regions):
            blocks[(p.key, region)].append(p)
    rare = _rare_names(m, uf)
    for (name, region), people in sorted(_shared(blocks)):
        _block(uf, people, f"{name} (region {region})", settings.agent_gap_days,
               settings.rare_agent_gap_days if name in rare else 0)


def _rare_names(m: Mentions, uf: Clusterer) -> set[str]:
    """The name keys that exactly one identified agent carries in the whole workspace (in
    every prefecture, as entities after the person rules; a mention printed bare or masked
    identifies no one)."""
    carriers: dict[str, set[str]] = defaultdict(set)
    for p in m.person_list:
        if p.agent_cases and p.key and not p.masked and not p.scoped:
            carriers[p.key].add(uf.find(p.id))
    return {key for key, found in carriers.items() if len(found) == 1}


def _items(uf: Clusterer, people: list[PersonMention]) -> list[_Item]:
    """The clusters of ``people``, earliest first (ties by root)."""
    clusters: dict[str, list[PersonMention]] = {}
    for p in people:
        clusters.setdefault(uf.find(p.id), []).append(p)
    items = [_item(uf, root, members) for root, members in clusters.items()]
    return sorted(items, key=lambda i: (i.days[0] if i.days else dt.date.max, i.root))


def _item(uf: Clusterer, root: str, members: list[PersonMention]) -> _Item:
    return _Item(root, members,
                 classes={agent_class(p) or "relative" for p in members},
                 days=sorted(set().union(*(p.acts.days for p in members))),
                 employers={uf.find(e) for p in members for e in p.acts.employers},
                 forums=set().union(*(p.acts.forums for p in members)),
                 firms=set().union(*(p.firms for p in members)),
                 identified=any(not p.scoped for p in members))


def _block(uf: Clusterer, people: list[PersonMention], label: str, gap_days: int,
           rare_gap_days: int) -> None:
    items = _items(uf, people)
    if len(items) < 2:
        return
    starts = [i.days[0] if i.days else dt.date.max for i in items]  # ascending
    #: the identified namesakes of the whole block, at any time (one: the name is rare there)
    known = {uf.find(o.root) for o in items if o.identified}
    for item in items:
        if item.identified:
            continue
        if (not _near_rules(uf, item, items, starts, label, gap_days) and rare_gap_days
                and len(known) == 1):
            _rare_name(uf, item, items, label, rare_gap_days)


def _near_rules(uf: Clusterer, item: _Item, items: list[_Item], starts: list[dt.date],
                label: str, gap_days: int) -> bool:
    """``agent_only_namesake`` and ``agent_same_practice`` for the bare ``item``: True when a
    namesake acts within ``gap_days`` of it (whether or not one was joined)."""
    root = uf.find(item.root)
    # only the items that start by gap_days after this one's last day can be near it (a
    # common name's block grows with the province)
    near = [o for o in items[:_reach(starts, item, gap_days)]
            if _may_join(uf, item, o, root, gap_days)]
    if not near:
        return False
    identified = [o for o in near if o.identified]
    shared = [o for o in near if o.employers & item.employers or o.forums & item.forums]
    if len({uf.find(o.root) for o in identified}) == 1:
        target = identified[0]
        why = ("same employer" if target.employers & item.employers else
               "same forum" if target.forums & item.forums else "")
        uf.merge(target.root, item.root, "agent_only_namesake",
                 f"bare agent name {label}: the only identified agent of that name there "
                 f"within {gap_days} days" + (f", {why}" if why else ""))
    elif not identified and shared:
        for other in shared:
            uf.merge(other.root, item.root, "agent_same_practice",
                     f"bare agent name {label}, within {gap_days} days, "
                     + ("same employer" if other.employers & item.employers
                        else "same forum"))
    elif identified:
        best = [o for o in identified if o.employers & item.employers]
        where = "same employer (the only namesake acting for or against it)"
        if not best:
            best = [o for o in identified if o.forums & item.forums]
            where = "same forum (the only namesake appearing before it)"
        if len({uf.find(o.root) for o in best}) == 1:
            uf.merge(best[0].root, item.root, "agent_same_practice",
                     f"bare agent name {label}, within {gap_days} days, {where}")
    return True


def _may_join(uf: Clusterer, item: _Item, o: _Item, root: str, gap_days: int) -> bool:
    """May the bare ``item`` (whose entity is ``root``) be the agent ``o``: another entity of a
    compatible kind, not of another law firm, not another employer's staff, acting within
    ``gap_days`` and with nothing exclusive between them? Cheap tests first; every test is free
    of side effects, so their order does not matter."""
    return (o is not item and _compatible_items(item, o) and not _other_firm(item, o)
            and not _staff_elsewhere(item, o) and uf.find(o.root) != root
            and item.near(o, gap_days) and uf.conflict(item.root, o.root) is None)


def _rare_name(uf: Clusterer, item: _Item, items: list[_Item], label: str,
               rare_gap_days: int) -> None:
    """``agent_rare_name``: a bare agent name with no namesake acting within the ordinary
    window joins the only identified agent of that name in the prefecture when the name is
    rare among agents - exactly one identified agent carries it in the whole workspace, in
    any prefecture and at any time (:func:`_rare_names`; otherwise ``rare_gap_days`` is 0 and
    this is not called) - when their suits fall within
    ``rare_gap_days``, both act in suits of one enterprise, their kinds agree and nothing
    exclusive (birth date, law firm) or printed (two employers' staff) tells them apart.

    The shared enterprise is required because "rare among the agents seen" is not rare in the
    population: a workspace of a few thousand suits holds one identified 王伟, and a bare 王伟
    for another employer seven years later is anyone. Joined without it, the two would give
    one agent reach across employers and years - the very mark of an intermediary (review).

    A citizen agent who arranges confirmations, or a lawyer, acts in one prefecture for
    years; a document printing a rare name bare three years after the only award that
    printed that person's birth date most plausibly names that person: no one else of the
    name is seen acting for anyone anywhere in the documents. A common name (``王燕``) is
    carried by several identified agents, in this prefecture or another, and then nothing is
    joined: the window would be all that told them apart. (Counting the parties too - workers
    who never act for anyone - joined half as many on the development worlds, no more
    rightly.)"""
    root = uf.find(item.root)
    found = [o for o in items if o.identified and item.employers & o.employers
             and _may_join(uf, item, o, root, rare_gap_days)]
    if found:
        uf.merge(found[0].root, item.root, "agent_rare_name",
                 f"bare agent name {label}: the only identified agent of that name in the "
                 f"prefecture, within {rare_gap_days} days")


def _reach(starts: list[dt.date], item: _Item, gap_days: int) -> int:
    """How many of the items starting on ``starts`` start early enough to be near ``item``
    (within ``gap_days``)."""
    if not item.days:
        return 0
    gap = dt.timedelta(days=gap_days)
    if item.days[-1] > dt.date.max - gap:
        return len(starts)
    return bisect.bisect_right(starts, item.days[-1] + gap)


def _compatible_items(a: _Item, b: _Item) -> bool:
    return all(compatible(x, y) for x in a.classes for y in b.classes)


def _staff_elsewhere(a: _Item, b: _Item) -> bool:
    """One of them the employer's staff (``该公司员工``, docs/domain.md §4.4), and the two act in
    no suit of one employer: an employee answers for their own employer, so a namesake acting
    as another firm's staff, or as a citizen agent in other enterprises' suits, is another
    person. Joined by the name and the season alone, one clerk would become the "staff" of two
    companies, or the employer's own man would turn up beside workers suing others - the very
    marks of an intermediary (§2.2 P9: the intermediary as the host's "HR head"), which a
    common name must not make. On the development worlds the join of a staff member and a
    citizen agent of one name with no employer in common was wrong every time it was made (18
    of 18, ``agent_only_namesake`` and ``agent_same_practice``); between two staff members
    this held already."""
    staff = "staff" in a.classes or "staff" in b.classes
    return staff and bool(a.employers) and bool(b.employers) and a.employers.isdisjoint(b.employers)


def _other_firm(a: _Item, b: _Item) -> bool:
    return bool(a.firms and b.firms and a.firms.isdisjoint(b.firms))


_MASK_RUN = re.compile("(\\*+|＊+|(?:某|X|x|Ｘ|×|○)+)")


def mask_fits(masked: str, name: str) -> bool:
    """Can the masked ``masked`` stand for ``name``? Each ``*`` is one hidden character; a run
    of ``某`` or ``X`` hides one or two (``张某`` fits ``张欣``, ``王某某`` fits ``王卫国``)."""
    return _mask_pattern(masked).fullmatch(ident.clean(name)) is not None


@lru_cache(maxsize=1 << 14)
def _mask_pattern(masked: str) -> re.Pattern[str]:
    """The names ``masked`` can stand for, as a pattern (built once per masked name: the masked
    agents of a province are tried against many candidates)."""
    pattern = []
    for part in _MASK_RUN.split(ident.clean(masked)):
        if not part:
            continue
        if part[0] in "*＊":
            pattern.append(f".{{{len(part)}}}")
        elif _MASK_RUN.fullmatch(part):
            pattern.append(".{1,2}")
        else:
            pattern.append(re.escape(part))
    return re.compile("".join(pattern))


def _employers(uf: Clusterer, p: PersonMention) -> set[str]:
    """The employer entities of ``p``'s agent cases (now: employer clusters are settled before
    the agent rules, but a forced judgement may still move a root)."""
    return {uf.find(e) for e in p.acts.employers}


def resolve_masked_agents(m: Mentions, uf: Clusterer, settings: ResolveSettings | None = None
                          ) -> None:
    """Join masked agent mentions to the one identified agent they fit (see the module);
    ``settings``: the shipped ones by default."""
    settings = settings or shipped()
    by_birth: dict[str, list[PersonMention]] = defaultdict(list)
    by_firm: dict[str, list[PersonMention]] = defaultdict(list)
    by_phone: dict[str, list[PersonMention]] = defaultdict(list)
    #: (prefecture, position, character): the agents by their first and by their last
    #: character, for masked names that keep one (``张某``, ``*鹏``)
    by_kept: dict[tuple[str, int, str], list[PersonMention]] = defaultdict(list)
    #: employer entity -> the agents acting for or against it, for fully masked names
    by_employer: dict[str, list[PersonMention]] = defaultdict(list)
    named, masked = _agent_mentions(m)
    for p in named:
        if p.birth:
            by_birth[p.birth].append(p)
        for firm in p.firms:
            by_firm[firm].append(p)
        for phone in p.phones:
            by_phone[phone].append(p)
        if agent_class(p) is None:
            continue  # a relative is joined by what identifies them, never by co-occurrence
        for region in p.acts.regions:
            by_kept[(region, 0, p.key[0])].append(p)
            by_kept[(region, -1, p.key[-1])].append(p)
        for employer in {uf.find(e) for e in p.acts.employers}:
            by_employer[employer].append(p)
    suits = _Suits(m, uf)
    for p in masked:
        joined_or_ambiguous = _join_masked(uf, p, suits, by_birth, by_firm, by_phone, settings)
        if not joined_or_ambiguous and agent_class(p) not in (None, "professional"):
            _masked_same_employer(uf, p, by_kept, by_employer, suits, settings)


def _agent_mentions(m: Mentions) -> tuple[list[PersonMention], list[PersonMention]]:
    """(named, masked): the agent mentions the identifying rules compare (those with an
    :func:`identity_class`), the named ones with a name key, in mention order."""
    named: list[PersonMention] = []
    masked: list[PersonMention] = []
    for p in m.person_list:
        if not p.agent_cases or identity_class(p) is None:
            continue
        if p.masked:
            masked.append(p)
        elif p.key:
            named.append(p)
    return named, masked


def identity_class(p: PersonMention) -> str | None:
    """:func:`agent_class`, with relatives as a class of their own: what the identifying
    rules (a birth date, a phone, a law firm beside a masked name) compare. A relative
    (``原告之子``) acting in another suit may be a citizen agent there (``other``), never a
    lawyer or the employer's staff."""
    return agent_class(p) or ("relative" if "relative" in p.agent_kinds else None)


def _join_masked(uf: Clusterer, p: PersonMention, suits: _Suits,
                 by_birth: dict[str, list[PersonMention]],
                 by_firm: dict[str, list[PersonMention]],
                 by_phone: dict[str, list[PersonMention]], settings: ResolveSettings) -> bool:
    """``masked_agent``: join ``p`` to the one agent it fits with the same birth date, law
    firm or phone (tried in that order); when several lawyers of the firm fit and act for or
    against the same employer, the employer's usual counsel among them
    (``masked_agent_usual_counsel``, :func:`_usual_counsel`). True when joined or when several
    fit (then the weaker same-employer rule must not try either)."""
    cls = identity_class(p)
    acts = p.acts
    gap_days = settings.agent_gap_days
    ambiguous = False
    for what, pool in (("birth date", by_birth.get(p.birth or "", [])),
                       ("law firm", [o for f in sorted(p.firms) for o in by_firm.get(f, [])]),
                       ("phone", [o for t in sorted(p.phones) for o in by_phone.get(t, [])])):
        fits = [o for o in pool if compatible(identity_class(o), cls)
                and o.acts.regions & acts.regions and near(acts.days, o.acts.days, gap_days)
                and mask_fits(p.name, o.name)]
        if not fits and what == "law firm":
            if _firm_only(uf, p, pool, cls, settings.rare_agent_gap_days):
                return True
            continue
        extra = ""
        if len({uf.find(o.id) for o in fits}) > 1:
            # several fit: the one who acts for or against the same employer, if only one
            mine = _employers(uf, p)
            fits = [o for o in fits if _employers(uf, o) & mine]
            extra = " and the same employer"
            if len({uf.find(o.id) for o in fits}) != 1:
                usual = (_usual_counsel(uf, suits, fits, mine, settings.counsel_dominance)
                         if what == "law firm" else None)
                if usual is None:
                    ambiguous = True
                    continue
                counsel, theirs, others = usual
                firm = min(set(p.firms) & set(counsel.firms), default="?")
                if uf.merge(counsel.id, p.id, "masked_agent_usual_counsel",
                            f"masked agent {p.name} of {firm} in a suit of "
                            f"{suits.employer_names(mine)}: of the firm's lawyers whom the "
                            f"name fits, {counsel.name} acts in {theirs} of that employer's "
                            f"suits, the others together in {others} (its usual counsel), "
                            f"within {gap_days} days"):
                    return True
                ambiguous = True
                continue
        if fits and what == "law firm" and _firm_rival(p, pool, cls, fits,
                                                       settings.firm_namesake_days):
            ambiguous = True
            continue
        if fits and uf.merge(fits[0].id, p.id, "masked_agent",
                             f"masked agent {p.name} fits only {fits[0].name} with the "
                             f"same {what}{extra}, within {gap_days} days"):
            return True
    return ambiguous


def _firm_rival(p: PersonMention, pool: list[PersonMention], cls: str | None,
                fits: list[PersonMention], namesake_days: int) -> bool:
    """Does another lawyer of the firm fit the masked line ``p`` at some time, while the one
    ``fits`` found within ``agent_gap_days`` acts more than ``namesake_days`` from it?

    ``李某某，河南某律师事务所律师`` fits every 李 of two or three characters at the firm. When the
    firm has one such lawyer, the line is that lawyer whenever it was printed
    (:func:`_firm_only`); when it has two - 李明亮 seen in 2016-2018, 李浩 in 2019-2021 - the
    window is all that tells them apart, and a line a year and more from the one it fits is
    about as likely the other: a lawyer's suits in the published documents are sparse, and
    the other lawyer was at the firm and practising then too (documents show a lawyer's
    years only where they happened to be published). Within the season the nearer lawyer is
    still who the line is. On the development worlds this refused 16 wrong joins of a
    masked lawyer line and 6 right ones."""
    chosen = {o.key for o in fits}
    rivals = {o.key for o in pool if o.key not in chosen and compatible(identity_class(o), cls)
              and o.acts.regions & p.acts.regions and mask_fits(p.name, o.name)}
    if not rivals:
        return False
    days = sorted({d for o in fits for d in o.acts.days})
    return not near(p.acts.days, days, namesake_days)


def _firm_only(uf: Clusterer, p: PersonMention, pool: list[PersonMention], cls: str | None,
               rare_gap_days: int) -> bool:
    """``masked_agent_firm_only``: a masked line printed with its law firm (``***，河南英泰律师事务所
    律师``) that fits none of the firm's lawyers acting within ``agent_gap_days`` joins the one
    lawyer of that firm whom the mask fits at all - the only one, at any time, in the
    prefectures where the line acts - when their suits fall within ``rare_gap_days``.

    A firm is a few dozen people at most and a lawyer stays at a firm for years; the firm
    printed beside the masked name says which few people it can be, and when only one of
    them fits the mask there is no one else in the documents it could stand for. Two fitting
    lawyers of the firm, at any time, and nothing is joined (the window would be all that
    told them apart); nor when that lawyer only ever acted on the other side (a worker's
    masked lawyer is not the employer's, years apart: one person on both sides is an
    intermediary's mark, :func:`_on_its_side`). True when joined."""
    acts = p.acts
    fits = [o for o in pool if compatible(identity_class(o), cls)
            and o.acts.regions & acts.regions and mask_fits(p.name, o.name)]
    if not _unique(uf, fits) or not near(acts.days, sorted(
            set().union(*(o.acts.days for o in fits))), rare_gap_days) \
            or not _on_its_side(uf, p, fits, fits[0]):
        return False
    firm = min(set(p.firms) & set(fits[0].firms), default="?")
    return uf.merge(fits[0].id, p.id, "masked_agent_firm_only",
                    f"masked agent {p.name} of {firm}: the only lawyer of that firm whom the "
                    f"name fits, within {rare_gap_days} days")


class _Suits:
    """The agent cases of each agent entity (all its unmasked mentions).

    Made when the masked agents are joined: the clusters of unmasked agents are settled by
    then. Each unmasked mention maps to its cluster's members as they are then (a masked line
    joined meanwhile may become its cluster's root, and does not make its lawyer more anyone's
    usual counsel)."""

    def __init__(self, m: Mentions, uf: Clusterer) -> None:
        self._m = m
        self._uf = uf
        self._lazy: dict[str, list[PersonMention]] | None = None

    @property
    def _members(self) -> dict[str, list[PersonMention]]:
        """Unmasked agent mention id -> the unmasked agent mentions of its cluster (worked out
        when first asked: most provinces never ask)."""
        if self._lazy is None:
            clusters: dict[str, list[PersonMention]] = defaultdict(list)
            for q in self._m.person_list:
                if q.agent_cases and not q.masked:
                    clusters[self._uf.find(q.id)].append(q)
            self._lazy = {q.id: members for members in clusters.values() for q in members}
        return self._lazy

    def employer_names(self, employers: set[str]) -> str:
        """The names of employer entities, as quoted in a reason."""
        found = self._m.employers
        return "、".join(sorted(found[e].name if e in found else e for e in employers))

    def with_employer(self, mention: PersonMention, employers: set[str]) -> int:
        """How many distinct cases the entity of the unmasked agent ``mention`` acts in for or
        against one of ``employers`` (employer entities)."""
        found = set()
        for q in self._members.get(mention.id, [mention]):
            for case_id in q.agent_cases:
                case = self._m.cases.get(case_id)
                if case is not None and any(self._uf.find(e) in employers
                                            for e in case.employers):
                    found.add(case_id)
        return len(found)


    def for_employer(self, mention: PersonMention, employers: set[str]) -> int:
        """How many distinct suits of ``employers`` (employer entities) the entity of the
        unmasked agent ``mention`` acts in for the employer itself: a line whose mention
        represents the employer party of that suit (``被告：某公司 … 委托诉讼代理人：张振宇``)."""
        found = set()
        for q in self._members.get(mention.id, [mention]):
            if not q.represents:
                continue
            for case_id in q.agent_cases:
                case = self._m.cases.get(case_id)
                if case is not None and any(e in q.represents and self._uf.find(e) in employers
                                            for e in case.employers):
                    found.add(case_id)
        return len(found)


def _tally(uf: Clusterer, suits: _Suits, fits: list[PersonMention], mine: set[str]
           ) -> tuple[dict[str, int], dict[str, PersonMention]]:
    """Per entity among ``fits`` (by its root): the suits of the employers ``mine`` it acts in,
    and its first fitting mention."""
    counts: dict[str, int] = {}
    first: dict[str, PersonMention] = {}
    for o in fits:
        root = uf.find(o.id)
        if root not in first:
            first[root] = o
            counts[root] = suits.with_employer(o, mine)
    return counts, first


def _usual_counsel(uf: Clusterer, suits: _Suits, fits: list[PersonMention], mine: set[str],
                   dominance: int) -> tuple[PersonMention, int, int] | None:
    """The employer's usual counsel among ``fits`` (lawyers of one firm whom a masked line of
    that firm fits, all acting for or against one of the employers ``mine``): the one who acts
    in at least ``dominance`` times as many of those employers' suits as the
    others together; with their counts.

    An enterprise retains a firm, and one lawyer there handles its disputes year after year
    (常年法律顾问); a colleague of the same surname who stood in a few times is not who a
    masked line of that firm in the enterprise's next suit most plausibly is, and the counts
    are quoted so that an analyst can weigh them (and split the entity if they disagree)."""
    counts, first = _tally(uf, suits, fits, mine)
    ranked = sorted(((n, root) for root, n in counts.items()), reverse=True)
    if len(ranked) < 2:
        return None  # none acts for or against the employer (one alone is plain masked_agent)
    top, root = ranked[0]
    others = sum(n for n, _ in ranked[1:])
    if others and top >= dominance * others:
        return first[root], top, others
    return None


def _masked_same_employer(uf: Clusterer, p: PersonMention,
                          by_kept: dict[tuple[str, int, str], list[PersonMention]],
                          by_employer: dict[str, list[PersonMention]], suits: _Suits,
                          settings: ResolveSettings) -> None:
    """``masked_agent_same_employer``: a lay masked agent that keeps a character - the
    surname (``张某``) or the given name (``*鹏``, ``**明``) - joins the only agent it fits who
    acts for or against the same employer in the same prefecture within ``gap_days``, on the
    same side (:func:`_on_its_side`), unless the line is a worker's and that agent the
    employer's own (:func:`_employers_own`); and that agent must act within
    ``same_side_days`` of the line. The only fitting agent of an employer within two years
    is a surname and an employer in common, nothing more: within the season the employer's
    clerk and the helpers of its workers are the same people, but a year on its staff has
    turned over and its workers bring other helpers, and the one named 李新民 who answered a
    hearing 600 days before is no more likely the ``李某某`` than a colleague no document
    names (on the development worlds, of its joins more than 365 days apart 5 were right
    and 5 wrong).

    ``masked_agent_usual_agent``: when several fit, or nothing is kept (``***``, ``**``), it
    joins the employer's usual agent among those it fits: the one who acts in at least
    ``dominance`` (``counsel_dominance``) of that employer's suits and in ``dominance`` times
    as many as the others together (:func:`_usual_agent`; the counts are quoted in the
    reason). An employer sends the same clerk to its hearings, and the citizen agent who
    brings its workers' suits brings them all; a namesake who stood in once or twice is not
    who a masked line in the employer's next suit most plausibly is. Fully masked, the only
    fitting agent of the employer is not enough (anyone may be a worker's citizen agent,
    and one who acted once is no one's usual agent): on the development worlds that joined
    18 of 70 wrongly; the counts joined 47, all rightly."""
    text = ident.clean(p.name)
    if not text or p.birth:
        return
    gap_days, dominance = settings.agent_gap_days, settings.counsel_dominance
    cls = agent_class(p)
    mine = _employers(uf, p)
    if not _MASK_RUN.match(text[0]):
        kept, pool = True, [o for r in sorted(p.acts.regions)
                            for o in by_kept.get((r, 0, text[0]), [])]
    elif not _MASK_RUN.match(text[-1]):
        kept, pool = True, [o for r in sorted(p.acts.regions)
                            for o in by_kept.get((r, -1, text[-1]), [])]
    else:  # nothing kept (``**``, ``***``): the agents of the same employer
        kept, pool = False, [o for e in sorted(mine) for o in by_employer.get(e, [])
                             if o.acts.regions & p.acts.regions]
    fits = [o for o in pool if compatible(agent_class(o), cls)
            and near(p.acts.days, o.acts.days, gap_days) and mask_fits(p.name, o.name)
            and mine & _employers(uf, o)]
    if not fits:
        return
    if kept and _unique(uf, fits):
        season = settings.same_side_days
        if not _on_its_side(uf, p, fits, fits[0]) or _employers_own(p, fits[0], mine, suits,
                                                                      settings) \
                or not near(p.acts.days, sorted({d for o in fits for d in o.acts.days}), season):
            return
        uf.merge(fits[0].id, p.id, "masked_agent_same_employer",
                 f"masked agent {p.name} fits only {fits[0].name} acting for or against the same "
                 f"employer in the same prefecture within {gap_days} days, within {season} "
                 f"days of the line")
        return
    usual = _usual_agent(uf, suits, fits, mine, dominance)
    if usual is not None and _on_its_side(uf, p, fits, usual[0]) \
            and not _employers_own(p, usual[0], mine, suits, settings):
        agent, theirs, others = usual
        uf.merge(agent.id, p.id, "masked_agent_usual_agent",
                 f"masked agent {p.name} in a suit of {suits.employer_names(mine)}: of the "
                 f"agents whom the name fits, {agent.name} acts in {theirs} of that "
                 f"employer's suits, the others together in {others} (its usual agent), "
                 f"within {gap_days} days")
        return
    _same_side_regular(uf, p, fits, mine, suits, settings)


def _same_side_regular(uf: Clusterer, p: PersonMention, fits: list[PersonMention],
                       mine: set[str], suits: _Suits, settings: ResolveSettings) -> None:
    """``masked_agent_same_side``: a lay masked line that neither the only fitting agent nor
    the employer's usual agent explains joins the one agent among ``fits`` (those its name
    fits, acting for or against the same employer in the same prefecture) who acts **on the
    line's side** within ``same_side_days`` of it, when that agent acts in at least
    ``regular_agent_suits`` of the employer's suits.

    An employer's hearings in one season are answered by its own clerk or the citizen agent
    it sends, and the workers' suits against it are brought by their own agents: which side a
    line acts on is printed (委托诉讼代理人 under the 被告 or the 原告), and it splits the agents of
    the employer's suits into two groups that are different people (one person on both sides
    is the very link that marks an intermediary). When, of the names the mask fits, only one
    stood on that side of this employer's suits within the year, and not once but as a
    regular, the masked line in the same year is that person. The employer's side only: on
    the workers' side each worker brings their own agent (a colleague, a neighbour, a
    relative printed without the relation), so one regular there is no reason to take a
    masked line for them - it is the "one agent for many applicants" sign that the rules
    read, and a join would make it. A second fitting agent on the
    side in the year, an agent who stood there once, or a side printed on neither line: no
    join. On the development worlds (lay masked lines the other rules left alone) this joined
    31 rightly and 1 wrongly; with one suit enough, 62 rightly and 18 wrongly; with two years
    for one, 29 and 2."""
    # the employer's side only: the workers' side is each worker's own agent, and one
    # regular there is the sign (AGENT_MANY_APPLICANTS) that resolution must not make
    sides = p.agent_sides & {"employer"}
    window = settings.same_side_days
    sided = [o for o in fits if sides & o.agent_sides and near(p.acts.days, o.acts.days, window)]
    if not _unique(uf, sided):
        return
    agent = sided[0]
    theirs = suits.with_employer(agent, mine)
    if theirs < settings.regular_agent_suits:
        return
    side = "、".join(sorted(sides & agent.agent_sides))
    uf.merge(agent.id, p.id, "masked_agent_same_side",
             f"masked agent {p.name} on the {side} side of a suit of "
             f"{suits.employer_names(mine)}: of the agents whom the name fits, only "
             f"{agent.name} acts on that side of its suits within {window} days (in {theirs} "
             f"of them)")


def _on_its_side(uf: Clusterer, p: PersonMention, fits: list[PersonMention],
                 target: PersonMention) -> bool:
    """Does the agent entity of ``target`` act, in one of its fitting mentions ``fits``, on a
    side the masked line ``p`` acts on? Beside the same employer, the worker's citizen agent
    and the employer's clerk are two people: joined, one person would stand on both sides of
    the employer's suits, the very link to the other side that marks an intermediary. Only a
    check on the agent the rule picked among all that fit (the counts stay over all of them,
    so that it never joins what the rule without it would not); a mention whose side no
    document printed is not told apart by it."""
    root = uf.find(target.id)
    return any(not (p.agent_sides and o.agent_sides) or bool(p.agent_sides & o.agent_sides)
               for o in fits if uf.find(o.id) == root)


def _employers_own(p: PersonMention, target: PersonMention, mine: set[str], suits: _Suits,
                   settings: ResolveSettings) -> bool:
    """Is ``target`` the employer's own agent, and the masked line ``p`` its worker's? True
    when ``p`` is printed on the workers' side only and the entity of ``target`` stood for one
    of the employers ``mine`` itself (represented the employer party) in at least
    ``employer_agent_suits`` of its suits.

    :func:`_on_its_side` asks whether the agent ever stood on the line's side, in anyone's
    suit: a lawyer who defends this employer and brings other workers' claims against other
    employers passes it. But beside one employer the sides are printed per suit
    (``被告：某公司 … 委托诉讼代理人：张振宇，某律师事务所律师`` against ``原告：王某 … 委托诉讼代理人：
    张某``), and the employer's counsel or clerk does not bring its worker's claim against it:
    that would be a conflict of interest a lawyer is barred from (律师法 art. 39) and that an
    employer would not tolerate from its clerk. A worker-side ``张某`` in that employer's suit
    is the worker's own citizen agent, who merely shares the surname; joined, one person
    would stand on both sides of the employer's suits - the intermediary's mark the rules
    read. On the development worlds this refused 3 of the 15 wrong same-employer joins and
    none of the 279 right ones."""
    if p.agent_sides != {"worker"}:
        return False
    return suits.for_employer(target, mine) >= settings.employer_agent_suits


def _usual_agent(uf: Clusterer, suits: _Suits, fits: list[PersonMention], mine: set[str],
                 dominance: int) -> tuple[PersonMention, int, int] | None:
    """The employer's usual lay agent among ``fits`` (agents acting for or against one of the
    employers ``mine``): the one who acts in at least ``dominance`` of those employers' suits
    and in ``dominance`` times as many as the others together; with the counts."""
    counts, first = _tally(uf, suits, fits, mine)
    top, root = max((n, r) for r, n in counts.items())
    others = sum(counts.values()) - top
    if top >= dominance and top >= dominance * others:
        return first[root], top, others
    return None


def _unique(uf: Clusterer, fits: list[PersonMention]) -> bool:
    return bool(fits) and len({uf.find(o.id) for o in fits}) == 1


def resolve_masked_same_suit(m: Mentions, uf: Clusterer) -> None:
    """``masked_agent_same_suit``: a masked agent line that no identifying rule joined joins
    the one named agent it fits who represents the same party in another instance of the same
    dispute (the suit series: a case of the same worker against the same employer, both as
    entities), on the same side.

    A party keeps its agent through arbitration, first instance, appeal and retrial; one
    publication masks the agent (``***``, ``张某``) and another prints the name. The mask must
    fit, the kind must be compatible (a lawyer is no relative), a law firm printed on both
    sides must agree, and exactly one named agent entity of the series may fit: two (a lawyer
    and a son of three characters each) and nothing is joined. The name alone never joins:
    the printed relation - the same client in the same dispute - is what does."""
    workers: dict[str, set[str]] = defaultdict(set)
    for p in m.person_list:
        for c in p.party_cases:
            workers[c].add(p.id)

    def series(case_id: str) -> set[tuple[str, str]]:
        case = m.cases.get(case_id)
        if case is None:
            return set()
        return {(uf.find(w), uf.find(e)) for w in workers.get(case_id, ()) for e in case.employers}

    named: dict[tuple[str, str], list[tuple[PersonMention, str]]] = defaultdict(list)
    keyed, masked = _agent_mentions(m)
    for p in keyed:
        for c in p.agent_cases:
            for key in series(c):
                named[key].append((p, c))
    if not masked:
        return
    unmasked_roots = {uf.find(p.id) for p in m.person_list if p.agent_cases and not p.masked}
    for p in masked:
        if uf.find(p.id) in unmasked_roots:
            continue  # already joined to a named agent
        cls = identity_class(p)
        clients = {uf.find(x) for x in p.represents}
        fits: list[PersonMention] = []
        for c in p.agent_cases:
            for key in series(c):
                for o, other_case in named.get(key, ()):
                    if (other_case in p.agent_cases or not compatible(identity_class(o), cls)
                            or (p.firms and o.firms and p.firms.isdisjoint(o.firms))
                            or not (o.agent_sides & p.agent_sides)
                            or (clients and not clients & {uf.find(x) for x in o.represents})
                            or not mask_fits(p.name, o.name)):
                        continue
                    fits.append(o)
        if _unique(uf, fits):
            uf.merge(fits[0].id, p.id, "masked_agent_same_suit",
                     f"masked agent {p.name} fits only {fits[0].name}, who represents the same "
                     f"party in another instance of the same dispute")


def resolve_cited_case(m: Mentions, uf: Clusterer) -> None:
    """``masked_agent_cited_case``: a masked agent line that no other rule joined to a named
    agent joins the one named agent it fits who acts **on the same side** in the instance of
    the same dispute that its case cites by number, or that cites its case
    (:attr:`~ringtrace.resolve.mentions.CaseFacts.instances`). ``agent_cited_case``: a bare
    agent name (printed without birth date, firm or phone) that no rule joined to an
    identified agent joins the one agent of that name on the same side there.

    An appeal recites the first instance's number (``不服河南省…人民法院（2021）豫0502民初123号
    民事判决``) and a judgment the award before it (docs/domain.md §4.5); a party keeps its
    agent through the instances (the lawyer who lost at first instance files the appeal, the
    worker's son follows the suit upward: §4.4), and the publishers mask one copy and not the
    other (§4.7: masked names link through agents and case numbers), or print the firm in
    one and not the other. The series rules (:func:`resolve_masked_same_suit`,
    :func:`resolve_same_client`) find the other instances through the worker and the
    employer as entities; when a copy masks the worker differently, the cited number is the
    only link left, and it is printed.

    The cited case must be the same dispute - it shares a worker (as entities) with the line's
    case, or the employer and a worker who may be the same person (:func:`_one_dispute`: a
    judgment may cite another worker's suit against the same employer, or a precedent) - and the agent there must stand on the line's side (worker or employer,
    printed per case), be of a compatible kind, of the same law firm when both print one,
    and fit the mask (bear the name). Two agents of that side who fit, or a second masked
    line of the same side in the line's case whom that agent fits too (``***``, ``***``:
    which of the two is the named one is not said), and nothing is joined. On the
    development worlds, of the lines it joined that the truth can tell, 65 masked and 47 bare,
    none joined the wrong agent."""
    workers: dict[str, set[str]] = defaultdict(set)
    agents_in: dict[str, list[PersonMention]] = defaultdict(list)
    for p in m.person_list:
        for c in p.party_cases:
            workers[c].add(p.id)
        for c in p.agent_cases:
            case = m.cases.get(c)
            if case is not None and case.instances:
                agents_in[c].append(p)
    if not agents_in:
        return
    identified = {uf.find(p.id) for p in m.person_list
                  if p.agent_cases and not p.masked and not p.scoped}
    unmasked = {uf.find(p.id) for p in m.person_list if p.agent_cases and not p.masked}
    named, masked = _agent_mentions(m)
    for p in masked:
        if uf.find(p.id) in unmasked:
            continue
        fits = _cited_fits(m, uf, p, agents_in, workers)
        if _unique(uf, [o for o, _, _ in fits]):
            agent, number, side = fits[0]
            uf.merge(agent.id, p.id, "masked_agent_cited_case",
                     f"masked agent {p.name} fits only {agent.name}, who acts on the {side} "
                     f"side in {number}, the other instance of the same dispute that the "
                     f"case numbers link")
    for p in named:
        if not p.scoped or uf.find(p.id) in identified:
            continue
        fits = _cited_fits(m, uf, p, agents_in, workers)
        if _unique(uf, [o for o, _, _ in fits]) and uf.find(fits[0][0].id) != uf.find(p.id):
            agent, number, side = fits[0]
            uf.merge(agent.id, p.id, "agent_cited_case",
                     f"bare agent name {p.name}: the agent of that name on the {side} side in "
                     f"{number}, the other instance of the same dispute that the case numbers "
                     f"link")


def _cited_fits(m: Mentions, uf: Clusterer, p: PersonMention,
                agents_in: dict[str, list[PersonMention]], workers: dict[str, set[str]]
                ) -> list[tuple[PersonMention, str, str]]:
    """The named agents who may be the line ``p`` in the linked instances of its cases (see
    :func:`resolve_cited_case`), with the cited number and the side."""
    cls = identity_class(p)
    fits: list[tuple[PersonMention, str, str]] = []
    for c in p.agent_cases:
        case = m.cases.get(c)
        side = case.agent_sides.get(p.id) if case is not None else None
        if case is None or side not in ("worker", "employer"):
            continue
        twins = [q for q in agents_in[c] if q.id != p.id and q.masked
                 and case.agent_sides.get(q.id) == side] if p.masked else []
        for c2 in sorted(case.instances - set(p.agent_cases)):
            other = m.cases[c2]
            if not _one_dispute(m, uf, case, other, workers):
                continue
            number = c2.removeprefix("Case:").split("|", 1)[0]
            for o in agents_in[c2]:
                if (o.masked or not o.key or other.agent_sides.get(o.id) != side
                        or not compatible(identity_class(o), cls)
                        or (p.firms and o.firms and p.firms.isdisjoint(o.firms))
                        or not (mask_fits(p.name, o.name) if p.masked else o.key == p.key)
                        or any(mask_fits(q.name, o.name) for q in twins)):
                    continue
                fits.append((o, number, side))
    return fits


def _one_dispute(m: Mentions, uf: Clusterer, a: CaseFacts, b: CaseFacts,
                 workers: dict[str, set[str]]) -> bool:
    """Are two cases linked by a cited number one dispute: do they share a worker (as
    entities), or share the employer while their workers may be one person (names that fit,
    masked or not, and no two birth dates that differ: :func:`_may_be_one_worker`)?

    A judgment cites other disputes too - a co-worker's suit against the same employer (本院
    另案), a precedent - so the employer alone does not make the cited case an instance of
    this one; the masked copy of an appeal whose worker resolution left apart still names
    someone its first instance's worker can be."""
    if {uf.find(w) for w in workers.get(a.id, ())} & {uf.find(w) for w in workers.get(b.id, ())}:
        return True
    if not {uf.find(e) for e in a.employers} & {uf.find(e) for e in b.employers}:
        return False
    return _may_be_one_worker(m, workers.get(a.id, set()), workers.get(b.id, set()))


def _may_be_one_worker(m: Mentions, a: AbstractSet[str], b: AbstractSet[str]) -> bool:
    """May a worker of the one case be a worker of the other? True when a case names none."""
    if not a or not b:
        return True
    for x, y in ((m.persons[x], m.persons[y]) for x in sorted(a) for y in sorted(b)):
        if x.birth and y.birth and x.birth != y.birth:
            continue
        if mask_fits(x.name, y.name) or mask_fits(y.name, x.name):
            return True
    return False
