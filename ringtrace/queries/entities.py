"""Per-entity queries: employer, agent and person profiles, each traced to its documents.

A profile is of a resolved *entity* (:mod:`ringtrace.resolve`): it gathers the cases of every
mention merged into it and says what it was merged from and why, and the analysts' judgements.
A name that matches several entities (namesakes, or a company's former name that is another's
current name) is never resolved silently: :class:`~ringtrace.queries.candidates.AmbiguousName`
lists the candidates and the analyst asks again by id.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from ringtrace.errors import NotFound
from ringtrace.graph.elements import Edge, Node
from ringtrace.graph.store.base import GraphStore
from ringtrace.queries.candidates import distinct_entities, former_name_matched, one_entity
from ringtrace.queries.model import RuleHit
from ringtrace.queries.results import ScanResults
from ringtrace.queries.views import (
    AgentProfile,
    CaseView,
    Contact,
    EmployerAgent,
    EmployerProfile,
    FindingView,
    NameMatch,
    PersonProfile,
    PersonRole,
    Plaintiff,
    Props,
)
from ringtrace.resolve import EntityStory, Resolution, ensure, explain


def _public(node: Node) -> Props:
    return {"id": node.id, **node.props}


def _entity(store: GraphStore, res: Resolution, node: Node) -> tuple[Node, list[Edge]]:
    """The entity of ``node`` (its representative node) and the edges of all its mentions."""
    head = store.node(res.entity(node.id)) or node
    edges = [e for m in res.members(head.id) for e in store.edges_of(m)]
    return head, sorted({e.key: e for e in edges}.values(), key=lambda e: (e.kind, e.key))


def _resolution_view(store: GraphStore, res: Resolution, node_id: str) -> EntityStory:
    """"Merged from …, because …; analyst judgements …" for a profile."""
    return explain(store, res, node_id)


def _props(store: GraphStore, node_id: str) -> dict[str, Any]:
    node = store.node(node_id)
    return {"name": node.name, **node.props} if node else {"name": node_id}


def case_row(store: GraphStore, case_id: str, scan: ScanResults | None) -> CaseView:
    """A case's headline facts plus its score and rule ids (if scanned)."""
    node = store.node(case_id)
    props = node.props if node else {}
    scored = scan.case(case_id) if scan else None
    return CaseView(
        case_id, props.get("case_number"), props.get("forum"), props.get("document_type"),
        props.get("procedure"), props.get("cause"), props.get("filing_date"),
        props.get("hearing_date"), props.get("decision_date"), props.get("claimed_start"),
        props.get("claimed_end"), props.get("defendant_response"), props.get("outcome"),
        scored.final_score if scored else 0.0, scored.rules if scored else (),
        scored.ring_id if scored else None)


def _scan_or_none(store: GraphStore) -> ScanResults | None:
    try:
        return ScanResults.load(store)
    except NotFound:
        return None


def _one(store: GraphStore, res: Resolution, kind: str, text: str, what: str) -> Node:
    """The one entity of ``kind`` that ``text`` names (raises :class:`AmbiguousName` when it
    names several, :class:`NotFound` when none)."""
    return _chosen(store, res, text, what, False, store.find_nodes(kind, text))[0]


def _chosen(store: GraphStore, res: Resolution, text: str, what: str, every: bool,
            found: list[Node]) -> list[Node]:
    """The entities a profile shows for ``text``, whose matches are ``found``: all of them
    when ``every``, else the one they stand for (:class:`AmbiguousName` when they stand for
    several); :class:`NotFound` when nothing matched."""
    if not found:
        raise NotFound(f"no {what} matches {text!r}")
    return found if every else [one_entity(store, res, text, what, found)]


def _matched(node: Node, text: str) -> NameMatch:
    """How ``text`` matched the profiled entity: through a former name (曾用名), or directly."""
    return NameMatch(text, former_name_matched(node, text))


def _cases_by_ring(rows: Iterable[CaseView]) -> tuple[str, ...]:
    return tuple(sorted({r.ring_id for r in rows if r.ring_id}))


def _finding_view(f: RuleHit) -> FindingView:
    return FindingView(f.rule_id, f.summary, f.evidence, len(f.cases))


def employer_profile(store: GraphStore, text: str) -> EmployerProfile:
    """Registry facts, cases, plaintiffs, agents, flags and rings of one employer (name or USCC)."""
    res = ensure(store)
    node, edges = _entity(store, res, _one(store, res, "Employer", text, "employer"))
    members = set(res.members(node.id))
    scan = _scan_or_none(store)
    case_ids = sorted({e.dst for e in edges if e.kind == "PARTY_IN"})
    cases = tuple(case_row(store, c, scan) for c in case_ids)
    plaintiffs: Counter[str] = Counter()
    agents: dict[str, _AgentTally] = {}
    for c in case_ids:
        for e in store.edges_of(c, ["PARTY_IN", "AGENT_IN"]):
            if e.kind == "PARTY_IN" and e.src not in members and e.props.get("side") != "employer":
                plaintiffs[e.src] += 1
            if e.kind == "AGENT_IN":
                a = agents.setdefault(e.src, _AgentTally(e.props.get("agent_kind"),
                                                         e.props.get("law_firm")))
                a.cases += 1
                a.sides.add(e.props.get("represents_side") or "unknown")
    people = {pid: _props(store, pid) for pid in [*plaintiffs, *agents]}
    flags: list[FindingView] = []
    if scan:
        flags = [_finding_view(f) for f in scan.findings_for_subject(node.id)]
        seen = {f.rule_id for f in flags}
        for c in case_ids:
            for f in scan.findings_for_case(c):
                if f.subject == c and f.rule_id not in seen:
                    flags.append(_finding_view(f))
                    seen.add(f.rule_id)
    legal_reps = [store.node(e.src) for e in edges if e.kind == "LEGAL_REP_OF"]
    return EmployerProfile(
        employer=_public(node),
        matched=_matched(node, text),
        legal_representatives=tuple(sorted({n.name for n in legal_reps if n})),
        cases=cases,
        plaintiffs=tuple(Plaintiff(p, people[p]["name"], n, people[p].get("birth_date"))
                         for p, n in sorted(plaintiffs.items())),
        agents=tuple(EmployerAgent(a, t.cases, tuple(sorted(t.sides)), t.kind, t.law_firm,
                                   people[a]["name"]) for a, t in sorted(agents.items(), key=lambda kv: kv[0])),
        flags=tuple(flags),
        rings=_cases_by_ring(cases),
        explained_groups=tuple(g for g in (scan.explained_groups if scan else [])
                               if g.employer_id == node.id),
        resolution=_resolution_view(store, res, node.id),
    )


@dataclass
class _AgentTally:
    """An agent's cases and sides among an employer's cases, while they are counted."""

    kind: str | None
    law_firm: str | None
    cases: int = 0
    sides: set[str] = field(default_factory=set)


def agent_profile(store: GraphStore, text: str, *, every: bool = False) -> list[AgentProfile]:
    """The agent of that name (or id): reach, sides, firms, flags, rings.

    A list of one profile; when the name matches several agents, :class:`AmbiguousName`
    lists them, unless ``every`` asks for all of their profiles.
    """
    res = ensure(store)
    candidates = _chosen(store, res, text, "agent", every, [
        n for n in distinct_entities(res, store.find_nodes("Person", text, limit=200))
        if any(e.kind == "AGENT_IN" for e in _entity(store, res, n)[1])])
    scan = _scan_or_none(store)
    out = []
    for found in candidates:
        node, edges = _entity(store, res, found)
        agent_in = [e for e in edges if e.kind == "AGENT_IN"]
        case_ids = sorted({e.dst for e in agent_in})
        cases = tuple(case_row(store, c, scan) for c in case_ids)
        applicants: set[str] = set()
        employers: set[str] = set()
        for c in case_ids:
            for e in store.edges_of(c, ["PARTY_IN"]):
                (employers if e.props.get("side") == "employer" else applicants).add(e.src)
        flags = [_finding_view(f) for f in scan.findings_for_subject(node.id)] if scan else []
        out.append(AgentProfile(
            agent=_public(node),
            kinds=tuple(sorted({e.props.get("agent_kind") or "other" for e in agent_in})),
            sides=dict(sorted(Counter(e.props.get("represents_side") or "unknown"
                                      for e in agent_in).items())),
            law_firms=tuple(sorted({firm for e in agent_in
                                    if (firm := e.props.get("law_firm"))})),
            applicants=len(applicants),
            employers=tuple(sorted(_props(store, x)["name"] for x in employers)),
            cases=cases, flags=tuple(flags), rings=_cases_by_ring(cases),
            resolution=_resolution_view(store, res, node.id),
        ))
    return out


def person_profile(store: GraphStore, text: str, *, every: bool = False) -> list[PersonProfile]:
    """The person of that name or id: roles in cases, contacts, back-payments, rings.

    A list of one profile; when the name matches several people, :class:`AmbiguousName`
    lists them, unless ``every`` asks for all of their profiles.
    """
    res = ensure(store)
    nodes = _chosen(store, res, text, "person", every,
                    distinct_entities(res, store.find_nodes("Person", text, limit=200)))
    scan = _scan_or_none(store)
    out = []
    for found in nodes:
        node, edges = _entity(store, res, found)
        roles = tuple(PersonRole(case_row(store, e.dst, scan), e.kind,
                                 e.props.get("role_in_text") or e.props.get("role")
                                 or e.props.get("agent_kind"))
                      for e in edges if e.kind in ("PARTY_IN", "AGENT_IN"))
        contacts = [store.node(e.dst) for e in edges if e.kind in ("HAS_PHONE", "HAS_ADDRESS")]
        out.append(PersonProfile(
            person=_public(node),
            roles=roles,
            legal_rep_of=tuple(_props(store, e.dst)["name"] for e in edges
                               if e.kind == "LEGAL_REP_OF"),
            contacts=tuple(Contact(c.props.get("kind"), c.props.get("value"))
                           for c in contacts if c),
            back_payments=tuple(_props(store, e.src) for e in edges if e.kind == "BACKPAY_FOR"),
            rings=_cases_by_ring(r.case for r in roles),
            resolution=_resolution_view(store, res, node.id),
        ))
    return out
