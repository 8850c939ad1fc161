"""Read the store into what resolution compares: one record per Person or Employer node.

One pass per node and edge kind (any :class:`GraphStore`): a person's name key, birth date,
ID number and fragment, phones and addresses (from its contact edges), law firms, the roles it
plays (party, agent, legal representative, 补缴 ledger row), and for agents where and when they
act (forum prefectures, filing dates, employers of their cases); an employer's name parts,
USCC or 注册号, registry facts and the forums of its cases.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from ringtrace.graph import identity as ident
from ringtrace.graph.store.base import GraphStore
from ringtrace.resolve import names

PERSON_PROPS = ("name", "birth_date", "id_number", "sex", "phone", "address", "masked")
EMPLOYER_PROPS = ("name", "uscc", "registration_number", "address", "legal_representative",
                  "in_registry", "former_names", "status")
CASE_PROPS = ("filing_date", "hearing_date", "decision_date")
AGENT_EDGE = ("agent_kind", "law_firm", "represents_side")
PARTY_EDGE = ("side", "role")

#: agent kinds that practise law (a lawyer is identified by the firm printed beside the name)
PROFESSIONAL = frozenset({"lawyer", "intern", "legal_aid"})


@dataclass(slots=True)
class PersonMention:
    id: str
    name: str
    key: str
    masked: bool
    birth: str | None = None
    id_number: str | None = None  # a full 18-character ID number
    id_fragment: str | None = None  # the visible head of a masked ID number
    sex: str | None = None
    phones: set[str] = field(default_factory=set)
    addresses: set[str] = field(default_factory=set)
    firms: set[str] = field(default_factory=set)
    agent_kinds: set[str] = field(default_factory=set)
    #: cases where it is a party (worker side) / an agent
    party_cases: list[str] = field(default_factory=list)
    agent_cases: list[str] = field(default_factory=list)
    #: side the agent represents in each agent case (worker / employer / ...)
    agent_sides: set[str] = field(default_factory=set)
    legal_rep_of: set[str] = field(default_factory=set)
    #: cases cited as the basis of the 补缴 rows about this person
    ledger_cases: list[str] = field(default_factory=list)
    #: the party nodes an agent represents
    represents: set[str] = field(default_factory=set)

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


@dataclass(slots=True)
class CaseFacts:
    id: str
    day: dt.date | None
    forum: str
    prefecture: str | None
    employers: list[str] = field(default_factory=list)
    workers: list[str] = field(default_factory=list)


@dataclass
class Mentions:
    persons: dict[str, PersonMention]
    employers: dict[str, EmployerMention]
    cases: dict[str, CaseFacts]


def _day(props: dict[str, Any]) -> dt.date | None:
    for key in CASE_PROPS:
        value = props.get(key)
        if isinstance(value, str) and len(value) >= 7:
            try:
                parts = [int(p) for p in value.split("-")]
                return dt.date(parts[0], parts[1], parts[2] if len(parts) > 2 else 1)
            except (ValueError, IndexError):
                continue
    return None


def _birth(props: dict[str, Any]) -> tuple[str | None, str | None, str | None]:
    """(full birth date, full ID number, visible ID fragment) of a person's props."""
    raw_id = props.get("id_number")
    full = frag = None
    if isinstance(raw_id, str) and raw_id:
        text = ident.halfwidth(raw_id).upper().replace(" ", "")
        if len(text) == 18 and "*" not in text and text[:17].isdigit():
            full = text
        else:
            frag = ident.id_fragment(raw_id)
    birth = props.get("birth_date")
    if not (isinstance(birth, str) and len(birth) == 10):
        birth = None
    if birth is None and full:
        d = full[6:14]
        birth = f"{d[:4]}-{d[4:6]}-{d[6:]}"
    return birth, full, frag


def read_mentions(store: GraphStore) -> Mentions:
    """Every Person and Employer node with what resolution compares (see module docstring)."""
    cases: dict[str, CaseFacts] = {}
    for cid, props in store.node_fields("Case", CASE_PROPS):
        cases[cid] = CaseFacts(cid, _day(props), "", None)
    forums = {fid: str(p.get("region_code") or "")
              for fid, p in store.node_fields("Forum", ("region_code",))}
    for case_id, forum in store.edge_pairs(["DECIDED_BY"]):
        if case_id in cases:
            code = forums.get(forum, "")
            cases[case_id].forum = forum
            cases[case_id].prefecture = code[:4] if len(code) >= 4 else None

    raw_persons = list(store.node_fields("Person", PERSON_PROPS))
    keys = names.simplified_many([ident.halfwidth(str(p.get("name") or "")) for _, p in raw_persons])
    persons: dict[str, PersonMention] = {}
    for (pid, props), simple in zip(raw_persons, keys, strict=True):
        name = str(props.get("name") or "")
        birth, full, frag = _birth(props)
        persons[pid] = PersonMention(
            pid, name, names.person_key(simple), names.masked(name) or bool(props.get("masked")),
            birth, full, frag, props.get("sex") if props.get("sex") in ("男", "女") else None)

    employers: dict[str, EmployerMention] = {}
    raw_employers = list(store.node_fields("Employer", EMPLOYER_PROPS))
    names.simplified_many([str(p.get("name") or "") for _, p in raw_employers])  # one call
    for eid, props in raw_employers:
        name = str(props.get("name") or eid.split(":", 1)[-1])
        printed = props.get("uscc")
        rep = props.get("legal_representative")
        employers[eid] = EmployerMention(
            eid, name, names.company_name(name), bool(props.get("in_registry")),
            names.uscc_key(printed),
            names.registration_number(props.get("registration_number") or printed),
            names.code_fragment(printed),
            ident.normalize_address(props["address"]) if props.get("address") else None,
            names.person_key(rep) if isinstance(rep, str) and rep and not names.masked(rep)
            else (rep or None),
            tuple(props.get("former_names") or ()))

    for src, dst in store.edge_pairs(["HAS_PHONE", "HAS_ADDRESS"]):
        person = persons.get(src)
        if person is None:
            continue
        kind, _, value = dst.removeprefix("Identifier:").partition(":")
        (person.phones if kind == "phone" else person.addresses).add(value)
    for src, dst, ep in store.edge_fields("PARTY_IN", PARTY_EDGE):
        case = cases.get(dst)
        if src in employers:
            employers[src].cases.append(dst)
            if case is not None:
                case.employers.append(src)
        elif src in persons:
            persons[src].party_cases.append(dst)
            if case is not None and ep.get("side") == "worker":
                case.workers.append(src)
    for src, dst, ep in store.edge_fields("AGENT_IN", AGENT_EDGE):
        person = persons.get(src)
        if person is None:
            continue
        person.agent_cases.append(dst)
        person.agent_kinds.add(str(ep.get("agent_kind") or "other"))
        person.agent_sides.add(str(ep.get("represents_side") or "unknown"))
        if ep.get("law_firm"):
            person.firms.add(ident.normalize_firm(str(ep["law_firm"])))
    for src, dst in store.edge_pairs(["REPRESENTS"]):
        if src in persons:
            persons[src].represents.add(dst)
    for src, dst in store.edge_pairs(["LEGAL_REP_OF"]):
        if src in persons:
            persons[src].legal_rep_of.add(dst)
    backpay_person: dict[str, str] = {}
    for src, dst in store.edge_pairs(["BACKPAY_FOR"]):
        backpay_person[src] = dst
    basis: dict[str, list[str]] = defaultdict(list)
    for src, dst in store.edge_pairs(["BACKPAY_BASIS"]):
        basis[src].append(dst)
    for bp, pid in backpay_person.items():
        if pid in persons:
            persons[pid].ledger_cases.extend(basis.get(bp, []))
    return Mentions(persons, employers, cases)
