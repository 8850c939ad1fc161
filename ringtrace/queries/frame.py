"""The analysis frame: every case with its parties, agents, forum and employer facts, in memory.

Rules and ring assembly read this frame instead of querying the store case by case. It is built
in one pass over the store's nodes, edges and documents (any :class:`GraphStore`), so detection
gives the same answer on the embedded workspace and on Neo4j.
"""

from __future__ import annotations

import time
from collections import Counter, defaultdict
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from operator import attrgetter
from typing import Any, TypeVar, cast

from ringtrace.graph.props import (
    CaseProps,
    EmployerProps,
    ForumProps,
    IdentifierProps,
    LawFirmProps,
    PersonProps,
)
from ringtrace.graph.store.base import GraphStore
from ringtrace.resolve import Resolution, ResolveSettings, ensure

#: person properties the rules read
PERSON_FIELDS = ("name", "sex", "birth_date", "address", "masked")
AGENT_FIELDS = ("agent_kind", "represents_side", "law_firm", "relation", "represents")
PARTY_FIELDS = ("role", "side", "role_in_text")

T = TypeVar("T")
#: the node kinds whose tables the frame reads whole (:func:`_props_by_id`)
P = TypeVar("P", EmployerProps, ForumProps, LawFirmProps)


@dataclass(slots=True)
class PartyRef:
    id: str
    name: str
    role: str
    side: str
    role_in_text: str = ""


@dataclass(slots=True)
class AgentRef:
    id: str
    name: str
    kind: str
    side: str
    law_firm: str | None
    relation: str | None
    represents: list[str]


@dataclass(slots=True)
class CaseInfo:
    id: str
    case_number: str
    forum_id: str
    forum: str
    props: CaseProps
    workers: list[PartyRef] = field(default_factory=list)
    employers: list[PartyRef] = field(default_factory=list)
    others: list[PartyRef] = field(default_factory=list)
    agents: list[AgentRef] = field(default_factory=list)
    spans: list[dict[str, str]] = field(default_factory=list)
    claim_amounts: list[float] = field(default_factory=list)
    #: a labour-relationship confirmation case (the population the scheme hides in)
    confirmation: bool = False
    #: the employer side did not fight: admitted, no objection, mediated or absent
    uncontested: bool = False
    #: the case numbers the document cites, read only for a court's finding of a sham suit
    #: (a ``sham_finding`` span: :mod:`ringtrace.queries.redflags.retrial` ties it to them)
    related: list[str] = field(default_factory=list)


def _is_confirmation(props: CaseProps) -> bool:
    cause = props.get("cause") or ""
    return ("劳动关系" in cause or props.get("claim_kind") == "confirmation_only"
            or props.get("outcome") == "confirmed")


def _is_uncontested(props: CaseProps) -> bool:
    return (props.get("defendant_response") in ("admits", "no_objection", "absent")
            or props.get("outcome") == "mediated" or props.get("document_type") == "调解书"
            or bool(props.get("absent")))


@dataclass
class Frame:
    """Cases plus the nodes they touch, keyed by id; iteration orders are sorted and stable.

    Node props are typed by their kind's TypedDict (:mod:`ringtrace.graph.props`):
    ``persons`` (:class:`PersonProps`, only :data:`PERSON_FIELDS`, None when absent),
    ``employers``, ``forums``, ``firms``, ``identifiers`` and :attr:`CaseInfo.props`
    (:class:`CaseProps`), so a rule that reads a misspelt property fails mypy; a rule that
    reads a property named by a variable gives the variable a ``Literal`` type of the keys it
    may hold (``batch._DATES``). ``memo`` holds whatever a rule keeps per frame, read
    through :meth:`memoised`, which gives it the type of its ``build``.
    """

    cases: dict[str, CaseInfo]
    persons: dict[str, PersonProps]
    employers: dict[str, EmployerProps]
    forums: dict[str, ForumProps]
    firms: dict[str, LawFirmProps]
    #: props of the phones and addresses given by two or more owners (the ones rules quote)
    identifiers: dict[str, IdentifierProps]
    #: owner node id -> identifier node ids (phones and addresses)
    contacts: dict[str, set[str]]
    #: employer id -> legal representative person ids
    legal_reps: dict[str, set[str]]
    #: case ids per employer / per agent, sorted
    employer_cases: dict[str, list[str]] = field(default_factory=dict)
    agent_cases: dict[str, list[str]] = field(default_factory=dict)
    #: results computed once per frame and shared by rules and ring assembly
    memo: dict[str, object] = field(default_factory=dict)

    _sorted: list[CaseInfo] | None = None

    def memoised(self, key: str, build: Callable[[], T]) -> T:
        """``build()``, computed on the first call for ``key`` and kept in :attr:`memo`.

        The type is the caller's word: one ``key`` is always built by one ``build`` (each key is
        a module's own, named after it: ``"redflags.case_facts"``).
        """
        if key not in self.memo:
            self.memo[key] = build()
        return cast("T", self.memo[key])

    def case_list(self) -> list[CaseInfo]:
        """Every case, ordered by case id (computed once)."""
        if self._sorted is None or len(self._sorted) != len(self.cases):
            self._sorted = [self.cases[k] for k in sorted(self.cases)]
        return self._sorted


def build_frame(store: GraphStore, progress: Callable[[int], None] | None = None,
                resolution: Resolution | None = None, *,
                stages: dict[str, float] | None = None,
                settings: ResolveSettings | None = None) -> Frame:
    """Read the store into a :class:`Frame` (one bulk read per node and edge kind).

    Person and Employer ids in the frame are *entity* ids: ``resolution`` (default: the
    store's, computed if the store or the judgements changed, see :func:`ringtrace.resolve.ensure`,
    with ``settings``, the rules' ``[resolve]`` table: the shipped one by default)
    is applied as parties, agents, contacts and legal representatives are read (the first
    mention of an entity in a case is kept, in store order), and to the node tables by
    :func:`_merge_entities`. ``stages``, when given, receives the CPU seconds of each stage
    (what ``benchmarks/bench_scan.py`` prints).
    """
    clock = _Stages(stages)
    resolution = resolution if resolution is not None else ensure(store, settings=settings)
    entity_of: Mapping[str, str] = resolution.entity_of if resolution.merged else {}
    clock.mark("resolution")
    cases = _read_cases(store)
    if progress:
        progress(len(cases))
    clock.mark("cases")
    persons: dict[str, PersonProps] = dict(store.node_fields("Person", PERSON_FIELDS))
    employers = _props_by_id(store, "Employer", EmployerProps)
    clock.mark("persons+employers")
    _attach_forums(store, cases)
    _attach_parties(store, cases, persons, employers, entity_of)
    clock.mark("forums+parties")
    _attach_agents(store, cases, persons, entity_of)
    clock.mark("agents")
    contacts = _contacts(store, entity_of)
    legal_reps: dict[str, set[str]] = defaultdict(set)
    for src, dst in store.edge_pairs(["LEGAL_REP_OF"]):
        legal_reps[entity_of.get(dst, dst)].add(entity_of.get(src, src))
    clock.mark("contacts+reps")
    _attach_evidence(store, cases)
    _attach_rulings(store, cases)
    clock.mark("evidence")
    if entity_of:
        _merge_entities(resolution, persons, employers)
    clock.mark("apply_resolution")
    frame = Frame(cases, persons, employers, _props_by_id(store, "Forum", ForumProps),
                  _props_by_id(store, "LawFirm", LawFirmProps),
                  _shared_identifiers(store, contacts), contacts, dict(legal_reps))
    clock.mark("forums/firms/identifiers")
    _index_cases(frame, dedupe=bool(entity_of))
    clock.mark("index")
    return frame


class _Stages:
    """CPU seconds per stage, added to ``into`` (nothing is measured without it)."""

    def __init__(self, into: dict[str, float] | None) -> None:
        self.into = into
        self.last = time.process_time() if into is not None else 0.0

    def mark(self, stage: str) -> None:
        if self.into is not None:
            now = time.process_time()
            self.into[stage] = self.into.get(stage, 0.0) + now - self.last
            self.last = now


def _merge_entities(res: Resolution, persons: dict[str, PersonProps],
                    employers: dict[str, EmployerProps]) -> None:
    """Entity resolution applied to the node tables: a merged entity's props are its
    representative member's (for an employer, the registry row: registry facts win), with gaps
    filled from the other members in id order; the other members leave ``persons`` and
    ``employers``.

    (Party and agent refs, contacts and legal representatives are re-keyed to entity ids as
    they are read; party and agent refs keep the name printed in their case, and a case naming
    one entity twice - two spellings of one employer - keeps it once, see :func:`_index_cases`.)
    """
    # merging handles props whatever their keys (:data:`~ringtrace.graph.props.AnyProps`)
    tables = {"Person": _loose(persons), "Employer": _loose(employers)}
    for ent in res.entities.values():
        table = tables[ent.kind]
        merged = dict(table.get(ent.id) or {})
        for member in ent.members:
            for key, value in (table.pop(member, None) or {}).items():
                if merged.get(key) in (None, "", []) and value not in (None, "", []):
                    merged[key] = value
        table[ent.id] = merged


def _contacts(store: GraphStore, entity_of: Mapping[str, str]) -> dict[str, set[str]]:
    """Owner (entity) id -> the phones and addresses it gave."""
    contacts: dict[str, set[str]] = {}
    for src, dst in store.edge_pairs(["HAS_PHONE", "HAS_ADDRESS"]):
        owner = entity_of.get(src, src)
        found = contacts.get(owner)
        if found is None:
            contacts[owner] = {dst}
        else:
            found.add(dst)
    return contacts


def _shared_identifiers(store: GraphStore, contacts: dict[str, set[str]]
                        ) -> dict[str, IdentifierProps]:
    """Props of the phones and addresses given by two or more owners - the only ones a rule
    quotes (a shared contact); at 250,000 cases that is 13k of 423k identifiers."""
    owners: Counter[str] = Counter(i for idents in contacts.values() for i in idents)
    shared: dict[str, IdentifierProps] = dict(
        store.nodes_props("Identifier", {i for i, n in owners.items() if n >= 2}))
    return shared


def _props_by_id(store: GraphStore, kind: str, typed: type[P]) -> dict[str, P]:
    """The props of every node of ``kind`` by id, typed as that kind's (``typed``)."""
    return {n.id: n.props for n in store.iter_nodes(kind)}


def _loose(table: Mapping[str, Mapping[str, object]]) -> dict[str, dict[str, object]]:
    """A table of node props (the same dict) for :func:`_merge_entities`, which copies
    props whatever their keys."""
    return table  # type: ignore[return-value]


def _read_cases(store: GraphStore) -> dict[str, CaseInfo]:
    """Every case node as a :class:`CaseInfo` without parties yet, in id order."""
    cases: dict[str, CaseInfo] = {}
    for n in store.iter_nodes("Case"):
        case_id, props = n.id, n.props
        cases[case_id] = CaseInfo(case_id, props.get("case_number") or case_id, "",
                                  props.get("forum") or "", props,
                                  confirmation=_is_confirmation(props),
                                  uncontested=_is_uncontested(props))
    return cases


def _attach_forums(store: GraphStore, cases: dict[str, CaseInfo]) -> None:
    for src, dst in store.edge_pairs(["DECIDED_BY"]):
        case = cases.get(src)
        if case is not None:
            case.forum_id = dst


def _attach_parties(store: GraphStore, cases: dict[str, CaseInfo],
                    persons: dict[str, PersonProps], employers: dict[str, EmployerProps],
                    entity_of: Mapping[str, str]) -> None:
    """Sort each case's parties into workers, employers and others (store order), each
    party under its entity id (the name is the mention's)."""
    no_props: PersonProps = {}
    for src, dst, (role, side, role_in_text) in store.edge_values("PARTY_IN", PARTY_FIELDS):
        case = cases.get(dst)
        if case is None:
            continue
        props = employers.get(src) or persons.get(src) or no_props
        side = side or "unknown"
        role = role or ""
        ref = PartyRef(entity_of.get(src, src), str(props.get("name") or ""), role, side,
                       role_in_text or "")
        if role == "supporter" or side == "other":
            case.others.append(ref)  # a supporting procuratorate or union is no employer
        elif side == "worker":
            case.workers.append(ref)
        elif side == "employer" or src in employers:
            case.employers.append(ref)
        else:
            case.others.append(ref)


def _attach_agents(store: GraphStore, cases: dict[str, CaseInfo],
                   persons: dict[str, PersonProps], entity_of: Mapping[str, str]) -> None:
    for src, dst, (kind, side, law_firm, relation, represents) in store.edge_values(
            "AGENT_IN", AGENT_FIELDS):
        case = cases.get(dst)
        if case is None:
            continue
        person = persons.get(src)
        name = person.get("name") if person is not None else None
        case.agents.append(AgentRef(
            entity_of.get(src, src), str(name or ""), agent_kind(kind, law_firm),
            side or "unknown", law_firm, relation, list(represents or [])))


def agent_kind(kind: str | None, law_firm: str | None) -> str:
    """The agent's kind, with citizen agents from a 法律服务所 (基层法律服务工作者, licensed legal
    workers) told apart as ``legal_worker``: like lawyers, they serve many clients.

    >>> agent_kind("other", "新乡市红旗区城关法律服务所"), agent_kind(None, None)
    ('legal_worker', 'other')
    """
    if (kind in (None, "", "other")) and law_firm and "法律服务" in law_firm:
        return "legal_worker"
    return kind or "other"


def _attach_evidence(store: GraphStore, cases: dict[str, CaseInfo]) -> None:
    for case_id, spans, amounts in store.iter_case_evidence():
        case = cases.get(case_id)
        if case is not None:
            case.spans = spans
            case.claim_amounts = amounts


#: the span the parser quotes when a court's own reasoning finds the suit a sham
SHAM_FINDING = "sham_finding"


def revokes_as_sham(case: CaseInfo) -> bool:
    """A retrial that revokes what it reviews and whose court found the suit a sham
    (:mod:`ringtrace.loaders.judgments.revocation`): the court's finding against a scheme."""
    props = case.props
    return (props.get("procedure") == "再审" and props.get("outcome") == "reversed"
            and any(s.get("kind") == SHAM_FINDING for s in case.spans))


def _attach_rulings(store: GraphStore, cases: dict[str, CaseInfo]) -> None:
    """The case numbers cited by each retrial that revokes a sham (a handful of documents:
    each is read from the store). Such a ruling confirms nothing and admits nothing: it is
    not a confirmation case, whatever its cause says."""
    for case in cases.values():
        if revokes_as_sham(case):
            document = store.document(case.id)
            case.related = list(document.get("related_case_numbers") or []) if document else []
            case.confirmation = case.uncontested = False


def _index_cases(frame: Frame, *, dedupe: bool = False) -> None:
    """Case ids per employer and per agent (in case id order); parties sorted by id.

    With ``dedupe`` (entity resolution merged some mentions), a party or agent list naming
    one entity twice keeps its first ref (store order) before it is sorted.
    """
    by_employer: dict[str, list[str]] = defaultdict(list)
    by_agent: dict[str, list[str]] = defaultdict(list)
    by_id = attrgetter("id")
    for case in frame.case_list():
        cid = case.id
        if dedupe:
            for refs in (case.workers, case.employers, case.others, case.agents):
                if len(refs) > 1:
                    _keep_first(refs)
        for ref in case.employers:
            by_employer[ref.id].append(cid)
        for agent in case.agents:
            by_agent[agent.id].append(cid)
        if len(case.workers) > 1:
            case.workers.sort(key=by_id)
        if len(case.employers) > 1:
            case.employers.sort(key=by_id)
        if len(case.agents) > 1:
            case.agents.sort(key=by_id)
    frame.employer_cases = dict(by_employer)
    frame.agent_cases = dict(by_agent)


def _keep_first(refs: list[Any]) -> None:
    """``refs`` without the refs whose id an earlier one has (in place)."""
    seen: set[str] = set()
    kept = []
    for ref in refs:
        if ref.id not in seen:
            seen.add(ref.id)
            kept.append(ref)
    if len(kept) < len(refs):
        refs[:] = kept
