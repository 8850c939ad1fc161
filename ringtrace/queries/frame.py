"""The analysis frame: every case with its parties, agents, forum and employer facts, in memory.

Rules and ring assembly read this frame instead of querying the store case by case. It is built
in one pass over the store's nodes, edges and documents (any :class:`GraphStore`), so detection
gives the same answer on the embedded workspace and on Neo4j.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from ringtrace.graph.store.base import GraphStore

#: person properties the rules read
PERSON_FIELDS = ("name", "sex", "birth_date", "address", "masked")
AGENT_FIELDS = ("agent_kind", "represents_side", "law_firm", "relation", "represents")


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
    props: dict[str, Any]
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

    def get(self, key: str) -> Any:
        return self.props.get(key)


def _is_confirmation(props: dict[str, Any]) -> bool:
    cause = props.get("cause") or ""
    return ("劳动关系" in cause or props.get("claim_kind") == "confirmation_only"
            or props.get("outcome") == "confirmed")


def _is_uncontested(props: dict[str, Any]) -> bool:
    return (props.get("defendant_response") in ("admits", "no_objection", "absent")
            or props.get("outcome") == "mediated" or props.get("document_type") == "调解书"
            or bool(props.get("absent")))


@dataclass
class Frame:
    """Cases plus the nodes they touch, keyed by id; iteration orders are sorted and stable."""

    cases: dict[str, CaseInfo]
    persons: dict[str, dict[str, Any]]
    employers: dict[str, dict[str, Any]]
    forums: dict[str, dict[str, Any]]
    firms: dict[str, dict[str, Any]]
    identifiers: dict[str, dict[str, Any]]
    #: owner node id -> identifier node ids (phones and addresses)
    contacts: dict[str, set[str]]
    #: employer id -> legal representative person ids
    legal_reps: dict[str, set[str]]
    #: case ids per employer / per agent, sorted
    employer_cases: dict[str, list[str]] = field(default_factory=dict)
    agent_cases: dict[str, list[str]] = field(default_factory=dict)
    #: results computed once per frame and shared by rules and ring assembly
    memo: dict[str, Any] = field(default_factory=dict)

    _sorted: list[CaseInfo] | None = None

    def case_list(self) -> list[CaseInfo]:
        """Every case, ordered by case id (computed once)."""
        if self._sorted is None or len(self._sorted) != len(self.cases):
            self._sorted = [self.cases[k] for k in sorted(self.cases)]
        return self._sorted


def build_frame(store: GraphStore, progress: Callable[[int], None] | None = None) -> Frame:
    """Read the store into a :class:`Frame` (one pass per node and edge kind)."""
    cases: dict[str, CaseInfo] = {}
    for n in store.iter_nodes("Case"):
        cases[n.id] = CaseInfo(id=n.id, case_number=n.props.get("case_number") or n.id,
                               forum_id="", forum=n.props.get("forum") or "", props=n.props,
                               confirmation=_is_confirmation(n.props),
                               uncontested=_is_uncontested(n.props))
    if progress:
        progress(len(cases))
    persons = dict(store.node_fields("Person", PERSON_FIELDS))
    employers = {n.id: n.props for n in store.iter_nodes("Employer")}
    forums = {n.id: n.props for n in store.iter_nodes("Forum")}
    firms = {n.id: n.props for n in store.iter_nodes("LawFirm")}
    identifiers = {n.id: n.props for n in store.iter_nodes("Identifier")}

    for src, dst in store.edge_pairs(["DECIDED_BY"]):
        if src in cases:
            cases[src].forum_id = dst
    for src, dst, ep in store.edge_fields("PARTY_IN", ("role", "side", "role_in_text")):
        case = cases.get(dst)
        if case is None:
            continue
        props = employers.get(src) or persons.get(src) or {}
        ref = PartyRef(src, str(props.get("name") or ""), ep["role"] or "",
                       ep["side"] or "unknown", ep["role_in_text"] or "")
        if ref.side == "worker":
            case.workers.append(ref)
        elif ref.side == "employer" or src in employers:
            case.employers.append(ref)
        else:
            case.others.append(ref)
    for src, dst, ep in store.edge_fields("AGENT_IN", AGENT_FIELDS):
        case = cases.get(dst)
        if case is None:
            continue
        props = persons.get(src, {})
        case.agents.append(AgentRef(
            src, str(props.get("name") or ""), ep["agent_kind"] or "other",
            ep["represents_side"] or "unknown", ep["law_firm"], ep["relation"],
            list(ep["represents"] or [])))
    contacts: dict[str, set[str]] = defaultdict(set)
    for src, dst in store.edge_pairs(["HAS_PHONE", "HAS_ADDRESS"]):
        contacts[src].add(dst)
    legal_reps: dict[str, set[str]] = defaultdict(set)
    for src, dst in store.edge_pairs(["LEGAL_REP_OF"]):
        legal_reps[dst].add(src)
    for case_id, spans, amounts in store.iter_case_evidence():
        case = cases.get(case_id)
        if case is not None:
            case.spans = spans
            case.claim_amounts = amounts
    frame = Frame(cases, persons, employers, forums, firms, identifiers, dict(contacts),
                  dict(legal_reps))
    by_employer: dict[str, list[str]] = defaultdict(list)
    by_agent: dict[str, list[str]] = defaultdict(list)
    for cid in sorted(cases):
        case = cases[cid]
        for ref in case.employers:
            by_employer[ref.id].append(cid)
        for agent in case.agents:
            by_agent[agent.id].append(cid)
        case.workers.sort(key=lambda r: r.id)
        case.employers.sort(key=lambda r: r.id)
        case.agents.sort(key=lambda r: r.id)
    frame.employer_cases = dict(by_employer)
    frame.agent_cases = dict(by_agent)
    return frame
