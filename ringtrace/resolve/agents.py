"""Agent rule: one citizen agent across the suits where documents print only the bare name.

An intermediary is ``孔龙, born 1976-07-27, phone 139…`` in one award and plain ``孔龙`` in the
next ten; each bare mention is a node scoped to its document. After the identity rules of
:mod:`ringtrace.resolve.persons`, agents of one name are compared inside a *block*: the same
name, the same prefecture of forums; inside it, only compatible kinds are compared (a lawyer or
legal-aid worker is not the employer's staff; an agent of unstated kind - a citizen, or a lawyer
printed without a firm - may be either). Relatives (``原告之子``) are each applicant's own and are never
joined by this rule. A cluster joins another of its block when

* they act within :data:`GAP_DAYS` of each other, nothing exclusive differs (birth date, ID
  number, sex, law firm), and
* either the other is the only identified agent of that name in the block active at that
  time (``agent_only_namesake``), or they act against or for the same employer, or before the
  same forum (``agent_same_practice``); with several such candidates, nothing is merged.

A common name in two provinces lands in two blocks and is never joined by this rule, nor are
two employers' staff of one name (:func:`_staff_elsewhere`).

Before that, :func:`resolve_same_client` joins agents of one name who represent the same party
(``agent_same_client``): a relative through an appeal chain, a citizen agent in two suits of
one applicant. Representing the same *employer* does not count: an employer has many agents,
and namesakes among them.

Masked agents (``张某``, ``**国``, ``***``) are joined by :func:`resolve_masked_agents` only
with more than the name: the masked name must fit exactly one identified agent entity of the
same kind that shares its birth date, law firm or phone (``masked_agent``), or - when the mask
keeps a character - the only such agent acting for or against the same employer in the same
prefecture within :data:`GAP_DAYS` (``masked_agent_same_employer``).
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from collections import defaultdict
from dataclasses import dataclass, field

from ringtrace.graph import identity as ident
from ringtrace.resolve.cluster import Clusterer
from ringtrace.resolve.mentions import PROFESSIONAL, Mentions, PersonMention

#: two mentions of one agent are at most this far apart in time (an operation runs for
#: months; a namesake years apart is not presumed to be the same agent)
GAP_DAYS = 730


@dataclass
class _Item:
    """One cluster's mentions inside a block."""

    root: str
    members: list[PersonMention] = field(default_factory=list)
    classes: set[str] = field(default_factory=set)
    days: list[dt.date] = field(default_factory=list)
    employers: set[str] = field(default_factory=set)
    forums: set[str] = field(default_factory=set)

    @property
    def identified(self) -> bool:
        return any(not p.scoped for p in self.members)

    def near(self, other: _Item) -> bool:
        """Does some mention of ``other`` fall within :data:`GAP_DAYS` of one of ours?"""
        if not self.days or not other.days:
            return False
        small, large = sorted((self.days, other.days), key=len)
        for day in small:
            i = bisect.bisect_left(large, day - dt.timedelta(days=GAP_DAYS))
            if i < len(large) and (large[i] - day).days <= GAP_DAYS:
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
    and the retrial, or a citizen agent in two suits of the same applicant. Relatives too."""
    groups: dict[tuple[str, str], list[PersonMention]] = defaultdict(list)
    for p in sorted(m.persons.values(), key=lambda p: p.id):
        if p.agent_cases and not p.masked and p.key:
            # a person client only: an employer has many agents, namesakes among them
            for client in sorted({uf.find(c) for c in p.represents if c in m.persons}):
                groups[(p.key, client)].append(p)
    for (_name, client), people in sorted(groups.items()):
        first = people[0]
        label = m.persons[client].name if client in m.persons else client
        for other in people[1:]:
            uf.merge(first.id, other.id, "agent_same_client",
                     f"same agent name {other.name} representing the same party {label}")



def resolve_agents(m: Mentions, uf: Clusterer) -> None:
    """Apply the co-occurrence rule to ``uf`` (after the person rules)."""
    blocks: dict[tuple[str, str], list[PersonMention]] = defaultdict(list)
    for p in sorted(m.persons.values(), key=lambda p: p.id):
        if not p.agent_cases or p.masked or not p.key or agent_class(p) is None:
            continue
        for region in sorted(_regions(m, p)):
            blocks[(p.key, region)].append(p)
    for (name, region), people in sorted(blocks.items()):
        if len(people) > 1:
            _block(m, uf, people, f"{name} (region {region})")


def _items(m: Mentions, uf: Clusterer, people: list[PersonMention]) -> list[_Item]:
    items: dict[str, _Item] = {}
    for p in people:
        item = items.setdefault(uf.find(p.id), _Item(uf.find(p.id)))
        item.members.append(p)
        item.classes.add(agent_class(p) or "relative")
        for c in p.agent_cases:
            case = m.cases.get(c)
            if case is None:
                continue
            if case.day:
                item.days.append(case.day)
            item.forums.add(case.forum)
            item.employers.update(uf.find(e) for e in case.employers)
    for item in items.values():
        item.days = sorted(set(item.days))
    return sorted(items.values(), key=lambda i: (i.days[0] if i.days else dt.date.max, i.root))


def _block(m: Mentions, uf: Clusterer, people: list[PersonMention], label: str) -> None:
    items = _items(m, uf, people)
    if len(items) < 2:
        return
    for item in items:
        if item.identified:
            continue
        near = [o for o in items if o is not item and uf.find(o.root) != uf.find(item.root)
                and item.near(o) and uf.conflict(item.root, o.root) is None
                and not _other_firm(item, o) and _compatible_items(item, o)
                and not _staff_elsewhere(item, o)]
        identified = [o for o in near if o.identified]
        shared = [o for o in near if o.employers & item.employers or o.forums & item.forums]
        if len({uf.find(o.root) for o in identified}) == 1:
            target = identified[0]
            why = ("same employer" if target.employers & item.employers else
                   "same forum" if target.forums & item.forums else "")
            uf.merge(target.root, item.root, "agent_only_namesake",
                     f"bare agent name {label}: the only identified agent of that name there "
                     f"within {GAP_DAYS} days" + (f", {why}" if why else ""))
        elif not identified and shared:
            for other in shared:
                uf.merge(other.root, item.root, "agent_same_practice",
                         f"bare agent name {label}, within {GAP_DAYS} days, "
                         + ("same employer" if other.employers & item.employers
                            else "same forum"))
        elif identified:
            best = [o for o in identified if o.employers & item.employers]
            if len({uf.find(o.root) for o in best}) == 1:
                uf.merge(best[0].root, item.root, "agent_same_practice",
                         f"bare agent name {label}, within {GAP_DAYS} days, same employer "
                         "(the only namesake acting for or against it)")


def _compatible_items(a: _Item, b: _Item) -> bool:
    return all(compatible(x, y) for x in a.classes for y in b.classes)


def _staff_elsewhere(a: _Item, b: _Item) -> bool:
    """Staff of one employer and staff of another: an employee answers for their own employer,
    so a namesake acting as another firm's staff is another person (merging them would make
    one clerk the "staff" of two companies - an intermediary's signature)."""
    staff = "staff" in a.classes and "staff" in b.classes
    return staff and bool(a.employers) and bool(b.employers) and a.employers.isdisjoint(b.employers)


def _other_firm(a: _Item, b: _Item) -> bool:
    fa = set().union(*(p.firms for p in a.members))
    fb = set().union(*(p.firms for p in b.members))
    return bool(fa and fb and fa.isdisjoint(fb))


_MASK_RUN = re.compile("(\\*+|＊+|(?:某|X|x|Ｘ|×|○)+)")


def mask_fits(masked: str, name: str) -> bool:
    """Can the masked ``masked`` stand for ``name``? Each ``*`` is one hidden character; a run
    of ``某`` or ``X`` hides one or two (``张某`` fits ``张欣``, ``王某某`` fits ``王卫国``)."""
    text, target = ident.clean(masked), ident.clean(name)
    pattern = []
    for part in _MASK_RUN.split(text):
        if not part:
            continue
        if part[0] in "*＊":
            pattern.append(f".{{{len(part)}}}")
        elif _MASK_RUN.fullmatch(part):
            pattern.append(".{1,2}")
        else:
            pattern.append(re.escape(part))
    return re.fullmatch("".join(pattern), target) is not None


def resolve_masked_agents(m: Mentions, uf: Clusterer) -> None:
    """Join masked agent mentions to the one identified agent they fit (see the module)."""
    by_birth: dict[str, list[PersonMention]] = defaultdict(list)
    by_firm: dict[str, list[PersonMention]] = defaultdict(list)
    by_phone: dict[str, list[PersonMention]] = defaultdict(list)
    by_surname: dict[tuple[str, str], list[PersonMention]] = defaultdict(list)
    masked: list[PersonMention] = []
    for p in sorted(m.persons.values(), key=lambda p: p.id):
        if not p.agent_cases or agent_class(p) is None:
            continue
        if p.masked:
            masked.append(p)
            continue
        if not p.key:
            continue
        if p.birth:
            by_birth[p.birth].append(p)
        for firm in p.firms:
            by_firm[firm].append(p)
        for phone in p.phones:
            by_phone[phone].append(p)
        for region in _regions(m, p):
            by_surname[(region, p.key[0])].append(p)
    for p in masked:
        cls = agent_class(p)
        regions = _regions(m, p)
        item = _items(m, uf, [p])[0]
        ambiguous = False
        for what, pool in (("birth date", by_birth.get(p.birth or "", [])),
                           ("law firm", [o for f in sorted(p.firms) for o in by_firm.get(f, [])]),
                           ("phone", [o for t in sorted(p.phones) for o in by_phone.get(t, [])])):
            fits = [o for o in pool if compatible(agent_class(o), cls)
                    and mask_fits(p.name, o.name)
                    and _regions(m, o) & regions and item.near(_items(m, uf, [o])[0])]
            extra = ""
            if len({uf.find(o.id) for o in fits}) > 1:
                # several fit: the one who acts for or against the same employer, if only one
                fits = [o for o in fits if _items(m, uf, [o])[0].employers & item.employers]
                extra = " and the same employer"
                if len({uf.find(o.id) for o in fits}) != 1:
                    ambiguous = True
                    continue
            if fits and uf.merge(fits[0].id, p.id, "masked_agent",
                                 f"masked agent {p.name} fits only {fits[0].name} with the "
                                 f"same {what}{extra}, within {GAP_DAYS} days"):
                break
        else:
            if not ambiguous and cls != "professional":
                _masked_same_employer(m, uf, p, regions, by_surname)


def _masked_same_employer(m: Mentions, uf: Clusterer, p: PersonMention, regions: set[str],
                          by_surname: dict[tuple[str, str], list[PersonMention]]) -> None:
    head = ident.clean(p.name)[:1]
    if not head or _MASK_RUN.match(head) or p.birth:
        return
    item = _items(m, uf, [p])[0]
    fits: list[PersonMention] = []
    for region in sorted(regions):
        for o in by_surname.get((region, head), []):
            if not compatible(agent_class(o), agent_class(p)):
                continue
            other = _items(m, uf, [o])[0]
            if (mask_fits(p.name, o.name) and item.near(other)
                    and item.employers & other.employers):
                fits.append(o)
    if _unique(uf, fits):
        uf.merge(fits[0].id, p.id, "masked_agent_same_employer",
                 f"masked agent {p.name} fits only {fits[0].name} acting for or against the same "
                 f"employer in the same prefecture within {GAP_DAYS} days")


def _unique(uf: Clusterer, fits: list[PersonMention]) -> bool:
    return bool(fits) and len({uf.find(o.id) for o in fits}) == 1


def _regions(m: Mentions, p: PersonMention) -> set[str]:
    return {r for c in p.agent_cases if c in m.cases
            and (r := m.cases[c].prefecture or m.cases[c].forum)}
