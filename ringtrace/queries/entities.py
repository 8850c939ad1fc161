"""Per-entity queries: employer, agent and person profiles, each traced to its documents.

A profile is of a resolved *entity* (:mod:`ringtrace.resolve`): it gathers the cases of every
mention merged into it and says what it was merged from and why, and the analysts' judgements.
A name that matches several entities (namesakes, or a company's former name that is another's
current name) is never resolved silently: :class:`~ringtrace.queries.candidates.AmbiguousName`
lists the candidates and the analyst asks again by id.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from ringtrace.errors import NotFound
from ringtrace.graph.elements import Edge, Node
from ringtrace.graph.store.base import GraphStore
from ringtrace.queries.candidates import distinct_entities, former_name_matched, one_entity
from ringtrace.queries.model import RuleHit
from ringtrace.queries.results import ScanResults
from ringtrace.resolve import Resolution, ensure, explain


def _public(node: Node) -> dict[str, Any]:
    return {"id": node.id, **node.props}


def _entity(store: GraphStore, res: Resolution, node: Node) -> tuple[Node, list[Edge]]:
    """The entity of ``node`` (its representative node) and the edges of all its mentions."""
    head = store.node(res.entity(node.id)) or node
    edges = [e for m in res.members(head.id) for e in store.edges_of(m)]
    return head, sorted({e.key: e for e in edges}.values(), key=lambda e: (e.kind, e.key))


def _resolution_view(store: GraphStore, res: Resolution, node_id: str) -> dict[str, Any]:
    """"Merged from …, because …; analyst judgements …" for a profile."""
    return explain(store, res, node_id).to_dict()


def _props(store: GraphStore, node_id: str) -> dict[str, Any]:
    node = store.node(node_id)
    return {"name": node.name, **node.props} if node else {"name": node_id}


def case_row(store: GraphStore, case_id: str, scan: ScanResults | None) -> dict[str, Any]:
    """A case's headline facts plus its score and rule ids (if scanned)."""
    node = store.node(case_id)
    props = node.props if node else {}
    row = {
        "id": case_id, "case_number": props.get("case_number"), "forum": props.get("forum"),
        "document_type": props.get("document_type"), "procedure": props.get("procedure"),
        "cause": props.get("cause"), "filing_date": props.get("filing_date"),
        "hearing_date": props.get("hearing_date"), "decision_date": props.get("decision_date"),
        "claimed_start": props.get("claimed_start"), "claimed_end": props.get("claimed_end"),
        "defendant_response": props.get("defendant_response"), "outcome": props.get("outcome"),
    }
    scored = scan.case(case_id) if scan else None
    row["score"] = scored.final_score if scored else 0.0
    row["rules"] = list(scored.rules) if scored else []
    row["ring_id"] = scored.ring_id if scored else None
    return row


def _scan_or_none(store: GraphStore) -> ScanResults | None:
    try:
        return ScanResults.load(store)
    except NotFound:
        return None


def _one(store: GraphStore, res: Resolution, kind: str, text: str, what: str) -> Node:
    """The one entity of ``kind`` that ``text`` names (raises :class:`AmbiguousName` when it
    names several, :class:`NotFound` when none)."""
    found = store.find_nodes(kind, text)
    if not found:
        raise NotFound(f"no {what} matches {text!r}")
    return one_entity(store, res, text, what, found)


def _matched(node: Node, text: str) -> dict[str, Any]:
    """How ``text`` matched the profiled entity: through a former name (曾用名), or directly."""
    former = former_name_matched(node, text)
    return {"query": text, "former_name": former}


def _cases_by_ring(rows: list[dict[str, Any]]) -> list[str]:
    return sorted({r["ring_id"] for r in rows if r.get("ring_id")})


def _finding_view(f: RuleHit) -> dict[str, Any]:
    return {"rule_id": f.rule_id, "summary": f.summary,
            "evidence": [e.to_dict() for e in f.evidence], "cases": len(f.cases)}


def employer_profile(store: GraphStore, text: str) -> dict[str, Any]:
    """Registry facts, cases, plaintiffs, agents, flags and rings of one employer (name or USCC)."""
    res = ensure(store)
    node, edges = _entity(store, res, _one(store, res, "Employer", text, "employer"))
    members = set(res.members(node.id))
    scan = _scan_or_none(store)
    case_ids = sorted({e.dst for e in edges if e.kind == "PARTY_IN"})
    cases = [case_row(store, c, scan) for c in case_ids]
    plaintiffs: Counter[str] = Counter()
    agents: dict[str, dict[str, Any]] = {}
    for c in case_ids:
        for e in store.edges_of(c, ["PARTY_IN", "AGENT_IN"]):
            if e.kind == "PARTY_IN" and e.src not in members and e.props.get("side") != "employer":
                plaintiffs[e.src] += 1
            if e.kind == "AGENT_IN":
                a = agents.setdefault(e.src, {"id": e.src, "cases": 0, "sides": set(),
                                              "kind": e.props.get("agent_kind"),
                                              "law_firm": e.props.get("law_firm")})
                a["cases"] += 1
                a["sides"].add(e.props.get("represents_side", "unknown"))
    people = {pid: _props(store, pid) for pid in [*plaintiffs, *agents]}
    flags: list[dict[str, Any]] = []
    if scan:
        flags = [_finding_view(f) for f in scan.findings_for_subject(node.id)]
        seen = {f["rule_id"] for f in flags}
        for c in case_ids:
            for f in scan.findings_for_case(c):
                if f.subject == c and f.rule_id not in seen:
                    flags.append(_finding_view(f))
                    seen.add(f.rule_id)
    legal_reps = [store.node(e.src) for e in edges if e.kind == "LEGAL_REP_OF"]
    return {
        "employer": _public(node),
        "matched": _matched(node, text),
        "legal_representatives": sorted({n.name for n in legal_reps if n}),
        "cases": cases,
        "plaintiffs": [{"id": p, "name": people[p]["name"], "cases": n,
                        "birth_date": people[p].get("birth_date")}
                       for p, n in sorted(plaintiffs.items())],
        "agents": [{**a, "name": people[a["id"]]["name"], "sides": sorted(a["sides"])}
                   for _, a in sorted(agents.items())],
        "flags": flags,
        "rings": _cases_by_ring(cases),
        "explained_groups": [g.to_dict() for g in (scan.explained_groups if scan else [])
                             if g.employer_id == node.id],
        "resolution": _resolution_view(store, res, node.id),
    }


def agent_profile(store: GraphStore, text: str, *, every: bool = False) -> list[dict[str, Any]]:
    """The agent of that name (or id): reach, sides, firms, flags, rings.

    A list of one profile; when the name matches several agents, :class:`AmbiguousName`
    lists them, unless ``every`` asks for all of their profiles.
    """
    res = ensure(store)
    candidates = [n for n in distinct_entities(res, store.find_nodes("Person", text, limit=200))
                  if any(e.kind == "AGENT_IN" for e in _entity(store, res, n)[1])]
    if not candidates:
        raise NotFound(f"no agent matches {text!r}")
    if not every:
        candidates = [one_entity(store, res, text, "agent", candidates)]
    scan = _scan_or_none(store)
    out = []
    for found in candidates:
        node, edges = _entity(store, res, found)
        agent_in = [e for e in edges if e.kind == "AGENT_IN"]
        case_ids = sorted({e.dst for e in agent_in})
        cases = [case_row(store, c, scan) for c in case_ids]
        applicants: set[str] = set()
        employers: set[str] = set()
        for c in case_ids:
            for e in store.edges_of(c, ["PARTY_IN"]):
                (employers if e.props.get("side") == "employer" else applicants).add(e.src)
        flags = [_finding_view(f) for f in scan.findings_for_subject(node.id)] if scan else []
        out.append({
            "agent": _public(node),
            "kinds": sorted({e.props.get("agent_kind", "other") for e in agent_in}),
            "sides": dict(sorted(Counter(e.props.get("represents_side", "unknown")
                                         for e in agent_in).items())),
            "law_firms": sorted({e.props["law_firm"] for e in agent_in if e.props.get("law_firm")}),
            "applicants": len(applicants),
            "employers": sorted(_props(store, x)["name"] for x in employers),
            "cases": cases, "flags": flags, "rings": _cases_by_ring(cases),
            "resolution": _resolution_view(store, res, node.id),
        })
    return out


def person_profile(store: GraphStore, text: str, *, every: bool = False) -> list[dict[str, Any]]:
    """The person of that name or id: roles in cases, contacts, back-payments, rings.

    A list of one profile; when the name matches several people, :class:`AmbiguousName`
    lists them, unless ``every`` asks for all of their profiles.
    """
    res = ensure(store)
    nodes = distinct_entities(res, store.find_nodes("Person", text, limit=200))
    if not nodes:
        raise NotFound(f"no person matches {text!r}")
    if not every:
        nodes = [one_entity(store, res, text, "person", nodes)]
    scan = _scan_or_none(store)
    out = []
    for found in nodes:
        node, edges = _entity(store, res, found)
        roles: list[dict[str, Any]] = [{"case": case_row(store, e.dst, scan), "as": e.kind,
                  "role": e.props.get("role_in_text") or e.props.get("role")
                  or e.props.get("agent_kind")}
                 for e in edges if e.kind in ("PARTY_IN", "AGENT_IN")]
        contacts = [store.node(e.dst) for e in edges if e.kind in ("HAS_PHONE", "HAS_ADDRESS")]
        out.append({
            "person": _public(node),
            "roles": roles,
            "legal_rep_of": [_props(store, e.dst)["name"] for e in edges
                             if e.kind == "LEGAL_REP_OF"],
            "contacts": [{"kind": c.props.get("kind"), "value": c.props.get("value")}
                         for c in contacts if c],
            "back_payments": [_props(store, e.src) for e in edges if e.kind == "BACKPAY_FOR"],
            "rings": _cases_by_ring([r["case"] for r in roles]),
            "resolution": _resolution_view(store, res, node.id),
        })
    return out
