"""Agent rule: one citizen agent across the suits where documents print only the bare name.

An intermediary is ``孔龙, born 1976-07-27, phone 139…`` in one award and plain ``孔龙`` in the
next ten; each bare mention is a node scoped to its document. After the identity rules of
:mod:`ringtrace.resolve.persons`, agents of one name are compared inside a *block*: the same
name, the same kind (a lay agent - staff, citizen, "other" - or a lawyer / legal-aid worker),
the same prefecture of forums. Relatives (``原告之子``) are each applicant's own and are never
joined by this rule. A cluster joins another of its block when

* they act within :data:`GAP_DAYS` of each other, nothing exclusive differs (birth date, ID
  number, sex, law firm), and
* either the other is the only identified agent of that name in the block active at that
  time (``agent_only_namesake``), or they act against or for the same employer, or before the
  same forum (``agent_same_practice``); with several such candidates, nothing is merged.

A common name in two provinces lands in two blocks and is never joined by this rule.
"""

from __future__ import annotations

import bisect
import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field

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
    """``professional`` or ``lay``; None for relatives only (never joined by co-occurrence)."""
    kinds = p.agent_kinds - {"relative"}
    if not kinds:
        return None
    return "professional" if kinds & PROFESSIONAL else "lay"


def resolve_agents(m: Mentions, uf: Clusterer) -> None:
    """Apply the co-occurrence rule to ``uf`` (after the person rules)."""
    blocks: dict[tuple[str, str, str], list[PersonMention]] = defaultdict(list)
    for p in sorted(m.persons.values(), key=lambda p: p.id):
        if not p.agent_cases or p.masked or not p.key:
            continue
        cls = agent_class(p)
        if cls is None:
            continue
        regions = {m.cases[c].prefecture or m.cases[c].forum for c in p.agent_cases
                   if c in m.cases}
        for region in sorted(r for r in regions if r):
            blocks[(p.key, cls, region)].append(p)
    for (name, cls, region), people in sorted(blocks.items()):
        if len(people) > 1:
            _block(m, uf, people, f"{name}（{cls}, region {region}）")


def _items(m: Mentions, uf: Clusterer, people: list[PersonMention]) -> list[_Item]:
    items: dict[str, _Item] = {}
    for p in people:
        item = items.setdefault(uf.find(p.id), _Item(uf.find(p.id)))
        item.members.append(p)
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
                and not _other_firm(item, o)]
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


def _other_firm(a: _Item, b: _Item) -> bool:
    fa = set().union(*(p.firms for p in a.members))
    fb = set().union(*(p.firms for p in b.members))
    return bool(fa and fb and fa.isdisjoint(fb))
