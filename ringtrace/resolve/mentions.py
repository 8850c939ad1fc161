"""Read the store into what resolution compares: one record per Person or Employer node.

One pass per node and edge kind (any :class:`GraphStore`): a person's name key, birth date,
ID number and fragment, phones and addresses (from its contact edges), law firms, the roles it
plays (party, agent, legal representative, 补缴 ledger row), and for agents where and when they
act (forum prefectures, filing dates, employers of their cases); an employer's name parts,
USCC or 注册号, registry facts and the forums of its cases.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from collections.abc import Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from operator import attrgetter
from typing import Any, NamedTuple

from ringtrace.graph import identity as ident
from ringtrace.graph.build import specific_address
from ringtrace.graph.store.base import GraphStore
from ringtrace.resolve import names

PERSON_PROPS = ("name", "birth_date", "id_number", "sex", "masked")
EMPLOYER_PROPS = ("name", "uscc", "registration_number", "address", "legal_representative",
                  "in_registry", "former_names", "org_code")
CASE_PROPS = ("filing_date", "hearing_date", "decision_date")
#: what a case says about the dispute's other instances: its own number and those it cites
CASE_NUMBERS = ("case_number", "related_case_numbers")
#: the claimed period: two copies of one dispute print it alike to the day
CLAIM_PROPS = ("claimed_start", "claimed_end")
AGENT_EDGE = ("agent_kind", "law_firm", "represents_side")
PARTY_EDGE = ("side",)

#: agent kinds that practise law (a lawyer is identified by the firm printed beside the name)
PROFESSIONAL = frozenset({"lawyer", "intern", "legal_aid"})


class Activity(NamedTuple):
    """Where and when an agent mention acts: its agent cases' filing days, forums, forum
    prefectures and employers, gathered once per run (the agent rules compare them often;
    a named tuple: tens of thousands are made, and a frozen dataclass is slow to make)."""

    #: distinct days, ascending
    days: tuple[dt.date, ...]
    forums: frozenset[str]
    #: the forums' prefecture codes (the forum itself when its prefecture is unknown)
    regions: frozenset[str]
    #: employer node ids of those cases (the rules compare their entities, looked up when used)
    employers: frozenset[str]


_IDLE = Activity((), frozenset(), frozenset(), frozenset())
_NONE: frozenset[str] = frozenset()


@dataclass(slots=True)
class PersonMention:
    """A Person node as the rules compare it.

    The sets and lists are filled by :func:`read_mentions` and only read afterwards; a mention
    without phones, agent lines... shares one empty set (most have none of most of them, and
    a hundred thousand mentions with nine empty containers each cost more than the rules).
    """

    id: str
    name: str
    key: str
    masked: bool
    birth: str | None = None
    id_number: str | None = None  # a full 18-character ID number
    id_fragment: str | None = None  # the visible head of a masked ID number
    sex: str | None = None
    phones: AbstractSet[str] = _NONE
    addresses: AbstractSet[str] = _NONE
    firms: AbstractSet[str] = _NONE
    agent_kinds: AbstractSet[str] = _NONE
    #: cases where it is an agent
    agent_cases: Sequence[str] = ()
    #: side the agent represents in each agent case (worker / employer / ...)
    agent_sides: AbstractSet[str] = _NONE
    legal_rep_of: AbstractSet[str] = _NONE
    #: cases cited as the basis of the 补缴 rows about this person
    ledger_cases: Sequence[str] = ()
    #: the party nodes an agent represents
    represents: AbstractSet[str] = _NONE
    #: cases where it is a party (a worker, as a rule: an employer is an Employer node)
    party_cases: Sequence[str] = ()
    #: where and when it acts as an agent (empty for a mention that is no agent)
    acts: Activity = _IDLE

    @property
    def scoped(self) -> bool:
        """Printed without any disambiguator: its node is scoped to one document."""
        return "|doc:" in self.id

    @property
    def is_agent(self) -> bool:
        return bool(self.agent_cases)


@dataclass(slots=True)
class EmployerMention:
    id: str
    name: str
    company: names.CompanyName
    in_registry: bool
    uscc: str | None = None
    reg_number: str | None = None
    code_fragment: str | None = None
    address: str | None = None
    legal_rep: str | None = None
    former_names: tuple[str, ...] = ()
    cases: list[str] = field(default_factory=list)
    #: every specific address (house number, room...) printed for it, in the documents'
    #: party lines and the registry row, normalised (:func:`address_key`)
    addresses: AbstractSet[str] = _NONE
    #: its 组织机构代码: printed, or carried in its USCC (:func:`~ringtrace.graph.identity.org_code_of_uscc`)
    org_code: str | None = None


@dataclass(slots=True)
class CaseFacts:
    id: str
    day: dt.date | None
    forum: str
    prefecture: str | None
    employers: list[str] = field(default_factory=list)
    #: worker-side parties, read only for the cases that 补缴 ledger rows cite
    workers: list[str] = field(default_factory=list)
    #: the other instances of its dispute that a case number links it to: the cases it cites
    #: and those citing it (:func:`_link_cited`)
    instances: AbstractSet[str] = _NONE
    #: agent node -> the side it represents here, read only for cases with linked instances
    agent_sides: dict[str, str] = field(default_factory=dict)
    #: the claimed period as ``start to end`` when both ends are printed to the day, or to the
    #: month with the decision's day (``start to end, decided day``), else None
    claim: str | None = None
    #: the key its number links by (``identity.case_number_key``); None when the copy prints
    #: no number or a masked one
    number: str | None = None


@dataclass
class Mentions:
    persons: dict[str, PersonMention]
    employers: dict[str, EmployerMention]
    cases: dict[str, CaseFacts]

    @cached_property
    def person_list(self) -> list[PersonMention]:
        """Every person mention ordered by id: the order in which the rules propose merges
        (sorted once; every rule walks it)."""
        return sorted(self.persons.values(), key=attrgetter("id"))

    @cached_property
    def employer_list(self) -> list[EmployerMention]:
        """Every employer mention ordered by id."""
        return sorted(self.employers.values(), key=attrgetter("id"))


def namesakes(people: list[PersonMention]) -> list[PersonMention]:
    """Those of ``people`` whose name key another of them shares, in their order: a rule that
    joins mentions of one name only looks at them (most names of a province are printed
    once)."""
    counts = Counter(p.key for p in people)
    return [p for p in people if counts[p.key] > 1]


def _day(values: list[Any]) -> dt.date | None:
    """The first of a case's :data:`CASE_PROPS` dates that reads as one."""
    for value in values:
        if isinstance(value, str) and len(value) >= 7:
            day = _parse_day(value)
            if day is not None:
                return day
    return None


@lru_cache(maxsize=1 << 16)
def _parse_day(value: str) -> dt.date | None:
    """``YYYY-MM[-DD]`` as a date (the first of the month without a day), None when it is
    not one; remembered, since a province has far fewer distinct dates than cases."""
    try:
        parts = [int(p) for p in value.split("-")]
        return dt.date(parts[0], parts[1], parts[2] if len(parts) > 2 else 1)
    except (ValueError, IndexError):
        return None


def _birth(raw_id: Any, birth: Any) -> tuple[str | None, str | None, str | None]:
    """(full birth date, full ID number, visible ID fragment) of a person's printed ID number
    and birth date."""
    full = frag = None
    if isinstance(raw_id, str) and raw_id:
        text = ident.halfwidth(raw_id).upper().replace(" ", "")
        if len(text) == 18 and "*" not in text and text[:17].isdigit():
            full = text
        else:
            frag = ident.id_fragment(raw_id)
    if not (isinstance(birth, str) and len(birth) == 10):
        birth = None
    if birth is None and full:
        d = full[6:14]
        birth = f"{d[:4]}-{d[4:6]}-{d[6:]}"
    return birth, full, frag


def read_mentions(store: GraphStore) -> Mentions:
    """Every Person and Employer node with what resolution compares (see module docstring).

    Each node and edge kind is read once, with only the properties compared; name keys,
    firm names and dates are worked out once per distinct value, not once per mention.
    """
    cases = _read_cases(store)
    persons = _read_persons(store)
    employers = _read_employers(store)
    _read_contacts(store, persons, employers)
    cited = _read_ties(store, persons)
    _read_parties(store, cases, persons, employers, cited)
    _read_agents(store, persons, cases)
    _gather_activity(persons, cases)
    return Mentions(persons, employers, cases)


def _read_cases(store: GraphStore) -> dict[str, CaseFacts]:
    """Cases with their day, forum and the forum's prefecture."""
    cases: dict[str, CaseFacts] = {}
    numbers: dict[str, set[str]] = defaultdict(set)
    cited: dict[str, set[str]] = {}
    for cid, values in store.node_values("Case", (*CASE_PROPS, *CASE_NUMBERS, *CLAIM_PROPS)):
        number, related, start, end = values[len(CASE_PROPS):]
        key = ident.case_number_key(number) if isinstance(number, str) else None
        cases[cid] = CaseFacts(cid, _day(values[:len(CASE_PROPS)]), "", None,
                               claim=_claim(start, end, values[CASE_PROPS.index("decision_date")]),
                               number=key)
        if key:
            numbers[key].add(cid)
        if isinstance(related, list) and related:
            cited[cid] = {k for n in related if isinstance(n, str)
                          and (k := ident.case_number_key(n)) is not None}
    _link_cited(cases, numbers, cited)
    forums = {fid: str(code or "") for fid, (code,) in store.node_values("Forum", ("region_code",))}
    for case_id, forum in store.edge_pairs(["DECIDED_BY"]):
        case = cases.get(case_id)
        if case is not None:
            code = forums.get(forum, "")
            case.forum = forum
            case.prefecture = code[:4] if len(code) >= 4 else None
    return cases


def _claim(start: Any, end: Any, decided: Any) -> str | None:
    """The claimed period, to the day at both ends, or to the month with the day the claim
    was decided (copies of one document print the same decision), else None.

    >>> _claim("1994-01-17", "2010-03-27", None), _claim("2014-05", "2015-10", "2016-08-29")
    ('1994-01-17 to 2010-03-27', '2014-05 to 2015-10, decided 2016-08-29')
    >>> _claim("1994-01", "2010-03-27", None), _claim(None, None, "2016-08-29")
    (None, None)
    """
    if not (isinstance(start, str) and isinstance(end, str)):
        return None
    if len(start) == len(end) == 10:
        return f"{start} to {end}"
    if len(start) >= 7 and len(end) >= 7 and isinstance(decided, str) and len(decided) == 10:
        return f"{start} to {end}, decided {decided}"
    return None


def _link_cited(cases: dict[str, CaseFacts], numbers: dict[str, set[str]],
                cited: dict[str, set[str]]) -> None:
    """Set :attr:`CaseFacts.instances`: each case a document cites by a number that names
    exactly one stored case (a number printed by two forums' documents is left: which of them
    the citation means is not said), both ways - the appeal names the first instance, and the
    first instance is linked to the appeal."""
    links: dict[str, set[str]] = defaultdict(set)
    for cid, keys in cited.items():
        for key in keys:
            found = numbers.get(key, set())
            if len(found) == 1 and cid not in found:
                other = next(iter(found))
                links[cid].add(other)
                links[other].add(cid)
    for cid, found in links.items():
        cases[cid].instances = frozenset(found)


def _read_persons(store: GraphStore) -> dict[str, PersonMention]:
    """Person nodes with their name key, masking, birth date, ID number and sex.

    Rows are made into mentions as they come (holding all the rows first costs more than the
    rest); the keys follow, one OpenCC call for the distinct names."""
    persons: dict[str, PersonMention] = {}
    masked_names: dict[str, bool] = {}
    for pid, (printed, birth_date, id_number, sex, flagged) in store.node_values(
            "Person", PERSON_PROPS):
        name = str(printed or "")
        masked = masked_names.get(name)
        if masked is None:
            masked = masked_names[name] = names.masked(name)
        if isinstance(id_number, str) and id_number:
            birth, full, frag = _birth(id_number, birth_date)
        else:  # most print no ID number: _birth without the call
            full = frag = None
            birth = birth_date if isinstance(birth_date, str) and len(birth_date) == 10 else None
        persons[pid] = PersonMention(pid, name, "", masked or bool(flagged), birth, full, frag,
                                     sex if sex in ("男", "女") else None)
    keys = names.person_keys(masked_names)
    for person in persons.values():
        person.key = keys[person.name]
    return persons


def _read_employers(store: GraphStore) -> dict[str, EmployerMention]:
    """Employer nodes with their name taken apart, codes and registry facts."""
    employers: dict[str, EmployerMention] = {}
    raw = list(store.node_values("Employer", EMPLOYER_PROPS))
    names.simplified_many([str(values[0] or "") for _, values in raw])  # one OpenCC call
    for eid, (printed_name, printed, reg, address, rep, in_registry, former, org) in raw:
        name = str(printed_name or eid.split(":", 1)[-1])
        uscc, reg_number, fragment = names.codes(printed, reg)
        employers[eid] = EmployerMention(
            eid, name, names.company_name(name), bool(in_registry), uscc, reg_number, fragment,
            ident.normalize_address(address) if address else None,
            names.person_key(rep) if isinstance(rep, str) and rep and not names.masked(rep)
            else (rep or None),
            tuple(former or ()),
            org_code=ident.normalize_org_code(org) or ident.org_code_of_uscc(uscc))
    return employers


def _read_contacts(store: GraphStore, persons: dict[str, PersonMention],
                   employers: dict[str, EmployerMention]) -> None:
    """Phones and addresses, from the contact edges (``Identifier:phone:139…``); for an
    employer, the specific addresses its party lines print (a named employer's node holds
    one address property, its documents may print several) and its registry address."""
    phones: dict[str, set[str]] = defaultdict(set)
    addresses: dict[str, set[str]] = defaultdict(set)
    seats: dict[str, set[str]] = defaultdict(set)
    for src, dst in store.edge_pairs(["HAS_PHONE", "HAS_ADDRESS"]):
        kind, _, value = dst.removeprefix("Identifier:").partition(":")
        if src in persons:
            (phones if kind == "phone" else addresses)[src].add(value)
        elif kind == "address" and src in employers:
            seats[src].add(value)
    for pid, found in phones.items():
        persons[pid].phones = found
    for pid, found in addresses.items():
        persons[pid].addresses = found
    keys: dict[str, str] = {}  # one key per distinct address (a seat is printed many times)
    for employer in employers.values():
        printed = seats.get(employer.id, set())
        if employer.address and specific_address(employer.address):
            printed.add(employer.address)
        if printed:
            found = set()
            for address in printed:
                key = keys.get(address)
                if key is None:
                    key = keys[address] = address_key(address)
                found.add(key)
            employer.addresses = frozenset(found)


def address_key(address: str) -> str:
    """An address as compared: normalised, the province and prefecture dropped when a lower
    place follows, so that ``河南省巩义市水冶镇平原路91号`` and ``巩义市水冶镇平原路91号``
    agree (the county or city stays: two counties have their own 人民路1号).

    >>> address_key("河南省巩义市水冶镇平原路91号")
    '巩义|水冶镇平原路91号'
    >>> address_key("巩义市水冶镇平原路91号") == address_key("河南省巩义市水冶镇平原路91号")
    True
    """
    found, rest = names.leading_places(ident.normalize_address(address))
    return f"{found[-1] if found else ''}|{rest}"


def _read_parties(store: GraphStore, cases: dict[str, CaseFacts],
                  persons: dict[str, PersonMention], employers: dict[str, EmployerMention],
                  cited: set[str]) -> None:
    """Who is a party to which case: an employer's cases and each case's employers (the
    party lines alone, without their properties), and the workers of the ``cited`` cases -
    those that 补缴 ledger rows cite, the only ones whose workers the rules look at."""
    parties: dict[str, list[str]] = defaultdict(list)
    for src, dst in store.edge_pairs(["PARTY_IN"]):
        employer = employers.get(src)
        if employer is not None:
            employer.cases.append(dst)
            case = cases.get(dst)
            if case is not None:
                case.employers.append(src)
        elif src in persons:
            parties[src].append(dst)
    for pid, found in parties.items():
        persons[pid].party_cases = found
    for src, dst, (side,) in store.edge_values_into("PARTY_IN", cited, PARTY_EDGE):
        case = cases.get(dst)
        if case is not None and side == "worker" and src in persons:
            case.workers.append(src)


def _read_agents(store: GraphStore, persons: dict[str, PersonMention],
                 facts: dict[str, CaseFacts]) -> None:
    """Agent mentions: their cases, kinds, sides and law firms (each firm name normalised
    once: a province has a few hundred firms and tens of thousands of agent lines); and the
    side of each agent line of a case linked to another instance of its dispute."""
    normalised: dict[str, str] = {}
    cases: dict[str, list[str]] = defaultdict(list)
    kinds: dict[str, set[str]] = defaultdict(set)
    sides: dict[str, set[str]] = defaultdict(set)
    firms: dict[str, set[str]] = defaultdict(set)
    for src, dst, (kind, law_firm, side) in store.edge_values("AGENT_IN", AGENT_EDGE):
        if src not in persons:
            continue
        cases[src].append(dst)
        kinds[src].add(str(kind or "other"))
        sides[src].add(str(side or "unknown"))
        case = facts.get(dst)
        if case is not None and case.instances:
            case.agent_sides[src] = str(side or "unknown")
        if law_firm:
            printed = str(law_firm)
            firm = normalised.get(printed)
            if firm is None:
                firm = normalised[printed] = ident.normalize_firm(printed)
            firms[src].add(firm)
    for pid, agent_cases in cases.items():
        person = persons[pid]
        person.agent_cases = agent_cases
        person.agent_kinds = kinds[pid]
        person.agent_sides = sides[pid]
    for pid, found in firms.items():
        persons[pid].firms = found


def _read_ties(store: GraphStore, persons: dict[str, PersonMention]) -> set[str]:
    """Whom an agent represents, whose legal representative a person is, and the cases that
    补缴 ledger rows about a person cite as their basis (returned: every case cited)."""
    for pid, found in _targets(store, "REPRESENTS", persons).items():
        persons[pid].represents = found
    for pid, found in _targets(store, "LEGAL_REP_OF", persons).items():
        persons[pid].legal_rep_of = found
    backpay_person: dict[str, str] = dict(store.edge_pairs(["BACKPAY_FOR"]))
    basis: dict[str, list[str]] = defaultdict(list)
    for src, dst in store.edge_pairs(["BACKPAY_BASIS"]):
        basis[src].append(dst)
    ledger: dict[str, list[str]] = defaultdict(list)
    for bp, pid in backpay_person.items():
        if pid in persons:
            ledger[pid].extend(basis.get(bp, []))
    for pid, cited in ledger.items():
        persons[pid].ledger_cases = cited
    return {case for cited in ledger.values() for case in cited}


def _targets(store: GraphStore, kind: str, persons: dict[str, PersonMention]
             ) -> dict[str, set[str]]:
    """Person node -> the nodes its edges of ``kind`` lead to."""
    found: dict[str, set[str]] = defaultdict(set)
    for src, dst in store.edge_pairs([kind]):
        if src in persons:
            found[src].add(dst)
    return found


def _gather_activity(persons: dict[str, PersonMention], cases: dict[str, CaseFacts]) -> None:
    """Set :attr:`PersonMention.acts` of every agent mention. Most act in one case (a
    mention printed without a disambiguator is scoped to its document): their activity is
    that case's, made once per case."""
    one_case: dict[str, Activity] = {}
    for person in persons.values():
        if len(person.agent_cases) == 1:
            case_id = person.agent_cases[0]
            acts = one_case.get(case_id)
            if acts is None:
                case = cases.get(case_id)
                acts = one_case[case_id] = _IDLE if case is None else _case_activity(case)
            person.acts = acts
        elif person.agent_cases:
            person.acts = _activity(person.agent_cases, cases)


def refresh_activity(persons: dict[str, PersonMention], cases: dict[str, CaseFacts],
                     changed: AbstractSet[str]) -> None:
    """Work out again the activity of the agent mentions acting in the ``changed`` cases
    (after a rule placed a case that printed no forum, see
    :func:`ringtrace.resolve.agents.place_headerless`)."""
    for person in persons.values():
        if person.agent_cases and not changed.isdisjoint(person.agent_cases):
            person.acts = _activity(person.agent_cases, cases)


def _case_activity(case: CaseFacts) -> Activity:
    """:func:`_activity` of one case."""
    region = case.prefecture or case.forum
    return Activity((case.day,) if case.day else (),
                    frozenset((case.forum,)) if case.forum else _NONE,
                    frozenset((region,)) if region else _NONE, frozenset(case.employers))


def _activity(agent_cases: Sequence[str], cases: dict[str, CaseFacts]) -> Activity:
    days: set[dt.date] = set()
    forums: set[str] = set()
    regions: set[str] = set()
    employers: set[str] = set()
    for case_id in agent_cases:
        case = cases.get(case_id)
        if case is None:
            continue
        if case.day:
            days.add(case.day)
        if case.forum:  # a copy without its header names none: no "same forum" with another
            forums.add(case.forum)
        if region := case.prefecture or case.forum:
            regions.add(region)
        employers.update(case.employers)
    return Activity(tuple(sorted(days)), frozenset(forums), frozenset(regions),
                    frozenset(employers))
