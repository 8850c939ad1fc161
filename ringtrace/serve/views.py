"""The desk's pages (GET): ring list and ring page, lead queue, case/lead pages, entity pages
(person, agent, employer), search and the review activity.

Each view reads through the library that owns the data - ``queries.ringviews`` (what the scan
stored), ``queries.leads``, ``queries.entities``, ``queries.search``, ``resolve`` (entities and
judgements), ``review`` (review state) - and renders it; nothing is derived here.
"""

from __future__ import annotations

from typing import Any

from markupsafe import Markup

from ringtrace.errors import NotFound, RingtraceError
from ringtrace.extras import require
from ringtrace.graph.identity import lead_id as lead_id_of
from ringtrace.queries.entities import agent_profile, case_row, employer_profile, person_profile
from ringtrace.queries.feedback import read_outcomes
from ringtrace.queries.leads import list_leads
from ringtrace.queries.results import ScanResults
from ringtrace.queries.ringviews import list_rings, ring_detail, ring_graph
from ringtrace.queries.search import MAX_QUERY_CHARS
from ringtrace.queries.search import search as search_store
from ringtrace.queries.views import AgentProfile, EmployerProfile, PersonProfile, Props
from ringtrace.resolve import Judgement, ensure, stored
from ringtrace.review import STATUSES, ReviewState, fold, read_actions
from ringtrace.review.desk import outcome_names
from ringtrace.serve.context import desk
from ringtrace.serve.rendering import render_page, shown_id
from ringtrace.viz.network import network_fragment

flask = require("flask", "serve", purpose="ringtrace serve")

#: Most hits a search lists, most actions the activity page shows, leads on a queue page.
SEARCH_LIMIT = 100
ACTIVITY_LIMIT = 300
LEADS_PER_PAGE = 100


def _states() -> dict[str, ReviewState]:
    return fold(read_actions(desk().config.workspace))


def _state(states: dict[str, ReviewState], target: str) -> ReviewState:
    return states.get(target) or ReviewState(target)


def rings() -> str:
    with desk().store() as store:
        rows = list_rings(store)
    states = _states()
    return render_page("rings.html.j2", title="团伙", rings=rows,
                       states={r.ring_id: _state(states, r.ring_id) for r in rows})


def leads() -> str:
    """The lead queue, a page of :data:`LEADS_PER_PAGE` at a time: the filter needs only the
    lead ids (computed from the case ids) and the review states; only the page's cases are
    read."""
    status = flask.request.args.get("status", "")
    assignee = flask.request.args.get("assignee", "").strip()
    page = _page_number(flask.request.args.get("page", "1"))
    states = _states()
    with desk().store() as store:
        scan = ScanResults.load(store)
        ranked = [(rank, case_id, lead_id_of(case_id))
                  for rank, case_id in enumerate(scan.leads, start=1)]
        chosen = [(rank, case_id) for rank, case_id, lead in ranked
                  if (not status or _state(states, lead).status == status)
                  and (not assignee or _state(states, lead).assignee == assignee)]
        pages = max(1, -(-len(chosen) // LEADS_PER_PAGE))
        page = min(page, pages)
        start = (page - 1) * LEADS_PER_PAGE
        rows = list_leads(store, only=chosen[start:start + LEADS_PER_PAGE])
    return render_page("leads.html.j2", title="线索队列", leads=rows,
                       total=len(ranked), matching=len(chosen), first=start + 1, page=page,
                       pages=pages, states={r.lead_id: _state(states, r.lead_id) for r in rows},
                       statuses=STATUSES, status=status, assignee=assignee)


def _page_number(text: str) -> int:
    try:
        return max(1, int(text))
    except ValueError:
        raise RingtraceError(f"页码无效：{text!r}。页码是从 1 开始的整数。") from None


def _touching(judged: list[Judgement], ids: set[str]) -> list[Judgement]:
    return [j for j in judged if j.a in ids or j.b in ids or ids & set(j.members)]


def ring(ring_id: str) -> str:
    unmask = desk().config.unmask
    with desk().store() as store:
        detail = ring_detail(store, ring_id)
        graph = network_fragment(ring_graph(store, detail.case_ids), title=f"团伙 {detail.ring_id} 关系图",
                                 highlight=detail.node_ids, height="560px", unmask=unmask,
                                 dom_id="ring-network",
                                 intermediaries=[i.id for i in detail.intermediaries if i.id],
                                 case_rules={c.id: list(c.rules) for c in detail.cases if c.id})
        resolution = ensure(store, save=False)  # a page never writes
        scan = ScanResults.load(store)
        rows = scan.cases(c.id for c in detail.cases)
        leads = {c.id: row.lead_id if (row := rows.get(c.id)) else None for c in detail.cases}
        judged = stored(store)
    # one row per mention of an agent (what a judgement names), grouped under its entity
    agents = [{**a.to_dict(), "id": m, "entity": a.id, "members": len(resolution.members(a.id))}
              for a in detail.agents for m in a.mentions]
    seen: set[str] = set()
    for a in agents:  # one split button per entity, on its first row
        a["splittable"] = a["members"] > 1 and a["entity"] not in seen
        seen.add(a["entity"])
    ids = {m for a in agents for m in resolution.members(a["id"])} | {a["id"] for a in agents}
    states = _states()
    return render_page(
        "ring.html.j2", title=f"团伙 {detail.ring_id}", network=True, ring=detail,
        graph=Markup(graph), agents=agents, judgements=_touching(judged, ids), leads=leads,
        state=_state(states, detail.ring_id),
        lead_states={lead: _state(states, lead) for lead in leads.values() if lead},
        statuses=STATUSES)


def _parties(store: Any, case_id: str) -> list[dict[str, Any]]:
    out = []
    for e in store.edges_of(case_id, ["PARTY_IN", "AGENT_IN", "DECIDED_BY"]):
        other = e.dst if e.kind == "DECIDED_BY" else e.src
        node = store.node(other)
        out.append({"id": other, "kind": node.kind if node else "", "edge": e.kind,
                    "name": node.name if node else other, "props": e.props,
                    "acts": e.kind == "AGENT_IN"})
    return sorted(out, key=lambda p: (p["edge"], p["name"]))


def _case_page(case_id: str) -> str:
    with desk().store() as store:
        scan = ScanResults.load(store)
        scored = scan.case(case_id)
        if store.node(case_id) is None:
            raise NotFound(f"no case {case_id!r} in this workspace; search by case number")
        facts = case_row(store, case_id, scan)
        findings = scan.findings_for_case(case_id)
        document = store.document(case_id) or {}
        parties = _parties(store, case_id)
    lead_id = scored.lead_id if scored else None
    outcomes = [o for o in read_outcomes(desk().config.workspace) if o.lead_id == lead_id]
    return render_page(
        "case.html.j2", title=f"案件 {facts.case_number or case_id}", case=facts,
        findings=findings, document=document, parties=parties, lead_id=lead_id,
        is_lead=bool(scored and scored.final_score >= scan.meta.lead_threshold),
        state=_state(_states(), lead_id) if lead_id else None, outcomes=outcomes,
        outcome_names=outcome_names(), statuses=STATUSES)


def case(case_id: str) -> str:
    return _case_page(case_id)


def lead(lead_id: str) -> str:
    with desk().store() as store:
        found = ScanResults.load(store).lead_case(lead_id)
    if found is None:
        raise NotFound(f"no lead {lead_id!r} in the last scan; the lead queue lists them")
    return _case_page(found)


def _entity_page(kind: str, profile: PersonProfile | AgentProfile | EmployerProfile,
                 facts: Props, node_id: str) -> str:
    title = {"person": "自然人", "agent": "代理人", "employer": "用人单位"}[kind]
    name = facts.get("name") or shown_id(node_id, unmask=desk().config.unmask)
    return render_page(f"{kind}.html.j2", title=f"{title} {name}",
                       profile=profile, node_id=node_id, kind=kind)


def person(node_id: str) -> str:
    node_id = desk().refs.resolve(node_id)
    with desk().store() as store:
        profile = person_profile(store, node_id)[0]
    return _entity_page("person", profile, profile.person, node_id)


def agent(node_id: str) -> str:
    node_id = desk().refs.resolve(node_id)
    with desk().store() as store:
        profile = agent_profile(store, node_id)[0]
    return _entity_page("agent", profile, profile.agent, node_id)


def employer(node_id: str) -> str:
    node_id = desk().refs.resolve(node_id)
    with desk().store() as store:
        profile = employer_profile(store, node_id)
    return _entity_page("employer", profile, profile.employer, node_id)


_HIT_PAGES = {"case": ("case", "case_id"), "person": ("person", "node_id"),
              "agent": ("agent", "node_id"), "employer": ("employer", "node_id"),
              "lead": ("lead", "lead_id"), "ring": ("ring", "ring_id")}


def hit_url(kind: str, target: str) -> str:
    """The desk page of a search hit (or of any node, lead or ring by kind)."""
    endpoint, arg = _HIT_PAGES[kind]
    return str(flask.url_for(endpoint, **{arg: target}))


def search() -> Any:
    text = flask.request.args.get("q", "").strip()
    if len(text) > MAX_QUERY_CHARS:
        message = f"搜索内容过长（{len(text)} 个字符）：最多 {MAX_QUERY_CHARS} 个字符，请输入姓名、身份证号、电话或案号。"
        return flask.make_response(render_page("search.html.j2", title="搜索", query="",
                                               hits=[], message=message), 400)
    whole_ids = not desk().config.unmask
    with desk().store() as store:
        hits = search_store(store, text, limit=SEARCH_LIMIT, whole_ids=whole_ids) if text else []
    if len(hits) == 1:
        return flask.redirect(hit_url(hits[0].kind, hits[0].id), 303)
    return render_page("search.html.j2", title="搜索", query=text, hits=hits, message="")


def activity() -> str:
    actions = read_actions(desk().config.workspace)[-ACTIVITY_LIMIT:]
    with desk().store() as store:
        judged = stored(store)
    return render_page("activity.html.j2", title="核查记录", actions=list(reversed(actions)),
                       judgements=list(reversed(judged)))
