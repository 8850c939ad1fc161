"""Contacts: phones and addresses shared across people who should not share them.

What it flags
    ``CONTACT_SHARED`` one phone number or precise address is given by at least ``min_people``
    distinct parties among applicants, lay agents and the employer side (the employer's own
    registered phone - not its address, where workers may live in a dormitory - its legal
    representative, staff acting as agent), across different cases, *and* the sharing crosses a line that
    ordinary life does not: it joins the worker side with the employer side, or two or more
    different lay agents, or cases against two or more employers. Lawyers are left out
    (colleagues share their firm's phone), so are addresses not precise to one household (a
    village group is a hundred neighbours; :func:`household_address`), and so is sharing that stays inside one employer's staff (a
    company phone) or among one employer's workers (a factory dormitory, a group representative).
Why it matters
    Intermediaries register applicants with their own phone or office address, and the
    employer's manager shares contact data with the intermediary (docs/domain.md §2.4 S4, P9; issue
    typology "agents differ but share phones or addresses").
Thresholds
    ``min_people`` in ``rules.toml`` [rules.CONTACT_SHARED].
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from ringtrace.graph.identity import masked_matches
from ringtrace.queries.findings import Evidence, Finding
from ringtrace.queries.frame import CaseInfo, Frame
from ringtrace.queries.redflags.common import (
    PROFESSIONAL,
    Rule,
    confirmation_cases,
    is_confirmation,
)
from ringtrace.queries.redflags.params import RuleParams


@dataclass(slots=True)
class Sharing:
    """Who gives one identifier: person -> roles, cases and employers involved."""

    cases: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    roles: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    employers: set[str] = field(default_factory=set)
    #: sharers that are employers themselves (a phone from the registry)
    firms: set[str] = field(default_factory=set)

    @property
    def people(self) -> list[str]:
        return sorted(self.cases)

    def all_cases(self) -> list[str]:
        return sorted(set().union(*self.cases.values())) if self.cases else []

    def crossing(self) -> str | None:
        """Why this sharing is not ordinary, or None.

        A phone that only employers' registry records share links nothing: small firms often
        list their bookkeeping or registration agent's number (代理记账), dozens to one number;
        it takes a person printing it in a case to tie the sides.
        """
        if self.cases.keys() <= self.firms:
            return None
        roles = {r for rs in self.roles.values() for r in rs}
        if ("worker" in roles and "employer" in roles) or ("agent" in roles and "employer" in roles):
            return "劳动者方与用人单位方共用"
        if sum("agent" in rs for rs in self.roles.values()) >= 2:
            return "多名代理人共用"
        if len(self.employers) >= 2:
            return f"涉及{len(self.employers)}家用人单位的当事人共用"
        return None


def sharing_by_identifier(frame: Frame) -> dict[str, Sharing]:
    """identifier id -> who shares it in confirmation cases (lawyers excluded), for the phones
    and addresses given by two or more owners (:attr:`Frame.identifiers`; an identifier of one
    owner is shared by nobody); memoised."""
    return frame.memoised("sharing", lambda: _sharing(frame, set(frame.identifiers)))


def _every_sharing(frame: Frame) -> dict[str, Sharing]:
    """:func:`sharing_by_identifier` for every identifier, also one given by a single owner (read
    only when ``min_people`` is below 2); memoised."""
    return frame.memoised("sharing.every", lambda: _sharing(frame, None))


@dataclass(slots=True)
class _Involvement:
    """One person's part in the confirmation cases: roles played, cases, employers faced."""

    roles: set[str] = field(default_factory=set)
    cases: set[str] = field(default_factory=set)
    employers: set[str] = field(default_factory=set)


#: a numbered house, flat, building, unit or lane: ``红旗路12号``, ``3号楼2单元501室``, ``78弄``
_HOUSEHOLD = re.compile(r"[0-9一二三四五六七八九十百零〇]\s*(?:号|室|栋|幢|楼|单元|弄)")
_ADDRESS = "Identifier:address:"


def household_address(identifier: str) -> bool:
    """Is an address identifier precise to one household (not a phone)?

    An address down to a village group (``东王庄村3组``) is enough to tell two namesakes apart,
    but a 村民小组 is a hundred people or more, and neighbours who worked at one factory share
    it by birth; only a numbered house or flat is something a scheme hands out.

    >>> household_address("Identifier:address:河南省滑县东王庄村3组")
    False
    >>> household_address("Identifier:address:河南省滑县东王庄村3组28号")
    True
    >>> household_address("Identifier:address:河南省滑县王楼村")
    False
    """
    return not identifier.startswith(_ADDRESS) or bool(_HOUSEHOLD.search(identifier))


def _given(frame: Frame, idents: set[str] | None) -> dict[str, list[str]]:
    """owner -> the identifiers among ``idents`` (all when None) they gave; of an employer only
    its phones count (workers living at the factory address share it legitimately), and of
    addresses only those precise to a household (:func:`household_address`)."""
    given: dict[str, list[str]] = {}
    employers = frame.employers
    for owner, owned in frame.contacts.items():
        if idents is None:
            mine = list(owned)
        elif owned.isdisjoint(idents):
            continue
        else:
            mine = [i for i in owned if i in idents]
        if owner in employers:
            mine = [i for i in mine if i.startswith("Identifier:phone:")]
        mine = [i for i in mine if household_address(i)]
        if mine:
            given[owner] = mine
    return given


def _involvement(frame: Frame, people: dict[str, list[str]]) -> dict[str, _Involvement]:
    """person -> their part in the confirmation cases, for each of ``people`` (those who gave a
    phone or address) that appears there; lawyers are excluded (colleagues share their firm's
    phone). Agents, employers and legal representatives are found through the case indexes;
    workers, who have none, by reading every confirmation case."""
    involved: dict[str, _Involvement] = {}

    def note(person: str, role: str, case: CaseInfo) -> None:
        entry = involved.get(person)
        if entry is None:
            entry = involved[person] = _Involvement()
        entry.roles.add(role)
        entry.cases.add(case.id)
        entry.employers.update(e.id for e in case.employers)

    for case in confirmation_cases(frame):
        for w in case.workers:
            if w.id in people:
                note(w.id, "worker", case)
    for person in people:
        for case in _confirmation_cases_of(frame, frame.agent_cases.get(person, ())):
            for a in case.agents:
                if a.id == person and a.kind not in PROFESSIONAL:
                    note(person, "employer" if a.side == "employer" else "agent", case)
        for case in _confirmation_cases_of(frame, frame.employer_cases.get(person, ())):
            note(person, "employer", case)
    for employer, reps in frame.legal_reps.items():
        sharers = [r for r in reps if r in people]
        if not sharers:
            continue
        for case in _confirmation_cases_of(frame, frame.employer_cases.get(employer, ())):
            for rep in sharers:
                note(rep, "employer", case)
    return involved


def _confirmation_cases_of(frame: Frame, case_ids: Iterable[str]) -> Iterator[CaseInfo]:
    for c in case_ids:
        case = frame.cases[c]
        if is_confirmation(case):
            yield case


def _sharing(frame: Frame, idents: set[str] | None) -> dict[str, Sharing]:
    """:func:`sharing_by_identifier` over ``idents`` (every identifier when None)."""
    out: dict[str, Sharing] = {}
    given = _given(frame, idents)
    involved = _involvement(frame, given)
    for person, part in involved.items():
        for ident in given[person]:
            sharing = out.get(ident)
            if sharing is None:
                sharing = out[ident] = Sharing()
            sharing.cases[person] = set(part.cases)
            sharing.roles[person] = set(part.roles)
            sharing.employers |= part.employers
            if person in frame.employers:
                sharing.firms.add(person)
    masked = {p for p in involved if frame.persons.get(p, {}).get("masked")}
    for sharing in out.values():
        if not masked.isdisjoint(sharing.cases):
            _fold_masked(frame, sharing)
    return out


def _fold_masked(frame: Frame, sharing: Sharing) -> None:
    """Count an anonymised mention (``**河``, born 1973-02-02) as the named sharer it matches
    (``孟长河``, born 1973-02-02): one person printed twice is not two people sharing."""
    named = [p for p in sharing.people if not frame.persons.get(p, {}).get("masked")]
    for p in sharing.people:
        props = frame.persons.get(p, {})
        if not props.get("masked") or not props.get("birth_date"):
            continue
        for q in named:
            other = frame.persons.get(q, {})
            if other.get("birth_date") == props["birth_date"] and masked_matches(
                    str(props.get("name") or ""), str(other.get("name") or "")):
                sharing.cases[q] |= sharing.cases.pop(p)
                sharing.roles[q] |= sharing.roles.pop(p)
                break


@dataclass(frozen=True)
class SharedParams(RuleParams):
    """``[rules.CONTACT_SHARED]``."""

    #: distinct people sharing one phone or address
    min_people: int


def shared(frame: Frame, params: SharedParams) -> Iterator[Finding]:
    minimum = params.min_people
    by_identifier = sharing_by_identifier(frame) if minimum >= 2 else _every_sharing(frame)
    for ident in sorted(i for i, sharing in by_identifier.items() if len(sharing.cases) >= minimum):
        sharing = by_identifier[ident]
        cases = sharing.all_cases()
        why = sharing.crossing()
        if len(cases) >= 2 and why:
            props = frame.identifiers.get(ident, {})
            names = sorted({_name(frame, p) for p in sharing.people})
            label = "电话" if props.get("kind") == "phone" else "地址"
            yield Finding("CONTACT_SHARED", ident, cases,
                          f"{len(sharing.people)}人共用{label}{props.get('value')}（{why}）",
                          [Evidence("link", None, f"{label}={props.get('value')}；使用人: " +
                                    "、".join(names[:20]))])


def _name(frame: Frame, person_id: str) -> str:
    """The person's name, else (a person the frame lacks, or one without a name) the id."""
    name = frame.persons.get(person_id, {}).get("name")
    return name if name is not None else person_id


RULES = [Rule("CONTACT_SHARED", "contacts", "多人共用电话或地址", shared, params=SharedParams)]
