"""FollowTheMoney entities (JSON lines) of exported rings, for Aleph and OpenAleph.

FtM already models court cases (``CourtCase``, ``CourtCaseParty``), so a ring maps onto it
without inventing schemata:

* applicants, agents and legal representatives → ``Person``; employers → ``Company``;
  cases → ``CourtCase`` (case number, court, filing and decision dates, cause, outcome, the
  quoted spans as ``summary``); a law firm → ``Organization``;
* a party in a case → ``CourtCaseParty`` (role 原告/被告 …); an agent in a case →
  ``CourtCaseParty`` (role 委托诉讼代理人) and ``Representation`` (agent → the client it names);
* the labour relationship a worker claims against the employer → ``Employment`` (claimed start
  and end), which is exactly what a sham case asks the court to confirm;
* a legal representative → ``Directorship`` (法定代表人); a firm membership → ``Membership``.

Every entity names its source case numbers in ``description`` and ringtrace as ``publisher``.
Entity ids are FtM's hashed ids of the (masked) ring-graph ids, so two exports of the same
workspace give the same ids. When masked, phone numbers and ID numbers are left out (a masked
phone is not a phone FtM accepts), birth dates keep their year.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any, TypedDict

import networkx as nx

from ringtrace.export.rings import RingExport, merged_graph
from ringtrace.extras import require
from ringtrace.viz.templating import value_label

__all__ = ["SCHEMATA", "FtmEntity", "e164", "ftm_entities", "write_ftm"]

#: FtM schema per role of a ring-graph node
SCHEMATA = {"applicant": "Person", "agent": "Person", "legal_rep": "Person", "other": "Person",
            "employer": "Company", "case": "CourtCase", "law_firm": "Organization"}
_PUBLISHER = "ringtrace"
_AGENT_ROLE = "委托诉讼代理人"


class FtmEntity(TypedDict):
    """One FtM entity in its JSON form, as ``followthemoney`` writes and reads it (made
    without context, so these three keys are all it has)."""

    id: str
    #: the FtM schema name (``Person``, ``CourtCase``, ``Representation`` ...)
    schema: str
    #: FtM property name → its values (FtM keeps every property as a list of strings)
    properties: dict[str, list[str]]


class _Builder:
    """Makes FtM proxies with ids derived from ring-graph ids, and collects them."""

    def __init__(self, masked: bool) -> None:
        self.ftm = require("followthemoney", "export", purpose="ringtrace export ftm")
        self.masked = masked
        self.entities: dict[str, Any] = {}

    def make(self, schema: str, *key: str, numbers: Sequence[str] = ()) -> Any:
        proxy = self.ftm.model.make_entity(schema)
        proxy.make_id("ringtrace", schema, *key)
        proxy.add("publisher", _PUBLISHER)
        if numbers:
            proxy.add("description", "来源案号：" + "；".join(numbers))
        if proxy.id in self.entities:
            self.entities[proxy.id].merge(proxy)
            return self.entities[proxy.id]
        self.entities[proxy.id] = proxy
        return proxy


def _numbers(data: Mapping[str, Any]) -> list[str]:
    return [str(n) for n in data.get("case_numbers", [])]


def _node(b: _Builder, nid: str, data: Mapping[str, Any]) -> Any | None:
    role = str(data.get("role", "other"))
    schema = SCHEMATA.get(role)
    if schema is None:
        return None
    e = b.make(schema, nid, numbers=_numbers(data))
    e.add("name", data.get("name") or data.get("label"))
    if schema == "CourtCase":
        e.add("caseNumber", data.get("case_number"))
        e.add("court", data.get("forum"))
        e.add("fileDate", data.get("filing_date"))
        e.add("closeDate", data.get("decision_date"))
        e.add("category", data.get("cause"))
        e.add("type", data.get("document_type"))
        e.add("status", value_label("Case", "outcome", data.get("outcome")))
        e.add("summary", list(data.get("spans", [])))
        e.add("keywords", list(data.get("flags", [])))
        e.add("country", "cn")
        return e
    e.add("country", "cn")
    e.add("address", data.get("address"))
    if schema == "Person":
        e.add("gender", data.get("sex"))
        e.add("birthDate", data.get("birth_date"))
        e.add("ethnicity", data.get("ethnicity"))
        e.add("profession", data.get("occupation"))
    if schema == "Company":
        e.add("registrationNumber", data.get("uscc") or data.get("registration_number"))
        e.add("status", data.get("status"))
        e.add("incorporationDate", data.get("founded"))
        e.add("dissolutionDate", data.get("cancel_date") or data.get("revoke_date"))
        e.add("legalForm", data.get("company_type"))
        e.add("sector", data.get("industry"))
        e.add("capital", data.get("registered_capital"))
        e.add("previousName", list(data.get("former_names") or []))
    if not b.masked:
        e.add("idNumber", data.get("id_number"))
        e.add("phone", e164(data.get("phone")))
    return e


def e164(phone: Any) -> str | None:
    """A Chinese phone number in the international form FtM accepts (it drops others).

    >>> e164("13812345678"), e164("0372-5551234"), e164("+86 138 1234 5678"), e164(None)
    ('+8613812345678', '+863725551234', '+8613812345678', None)
    """
    if not phone:
        return None
    digits = "".join(ch for ch in str(phone) if ch.isdigit())
    if digits.startswith("86") and len(digits) >= 12:
        return "+" + digits
    if digits.startswith("0"):
        return "+86" + digits[1:]
    return "+86" + digits if len(digits) == 11 and digits.startswith("1") else str(phone)


def _date(value: Any) -> str | None:
    return str(value) if value else None


def ftm_entities(rings: Sequence[RingExport]) -> list[FtmEntity]:
    """The rings as FtM entity dicts (``id``, ``schema``, ``properties``), sorted by id."""
    graph: nx.MultiDiGraph = merged_graph(rings)
    b = _Builder(masked=all(r.masked for r in rings))
    nodes = {n: _node(b, n, d) for n, d in graph.nodes(data=True)}
    for u, v, data in graph.edges(data=True):
        kind, numbers = data.get("kind"), _numbers(data)
        src, dst = nodes.get(u), nodes.get(v)
        if src is None or dst is None:
            continue
        if kind == "PARTY_IN":
            party = b.make("CourtCaseParty", u, v, numbers=numbers)
            party.add("party", src.id)
            party.add("case", dst.id)
            party.add("role", data.get("role_in_text") or value_label("PARTY_IN", "role",
                                                                         data.get("role")))
            party.add("date", _date(data.get("date")))
        elif kind == "AGENT_IN":
            party = b.make("CourtCaseParty", u, v, numbers=numbers)
            party.add("party", src.id)
            party.add("case", dst.id)
            party.add("role", _AGENT_ROLE)
            party.add("date", _date(data.get("date")))
            for client in _clients(graph, v, _list(data.get("represents"))):
                client_entity = nodes.get(client)
                if client_entity is None:
                    continue
                rep = b.make("Representation", u, client, numbers=numbers)
                rep.add("agent", src.id)
                rep.add("client", client_entity.id)
                rep.add("role", _AGENT_ROLE)
                rep.add("date", _date(data.get("date")))
        elif kind == "LEGAL_REP_OF":
            rep = b.make("Directorship", u, v, numbers=numbers)
            rep.add("director", src.id)
            rep.add("organization", dst.id)
            rep.add("role", data.get("title") or "法定代表人")
        elif kind == "MEMBER_OF":
            member = b.make("Membership", u, v, numbers=numbers)
            member.add("member", src.id)
            member.add("organization", dst.id)
    _employments(b, graph, nodes)
    return [_entity(b.entities[k]) for k in sorted(b.entities)]


def _entity(proxy: Any) -> FtmEntity:
    data = proxy.to_dict()
    return FtmEntity(id=str(data["id"]), schema=str(data["schema"]),
                     properties={str(k): [str(v) for v in values]
                                 for k, values in data["properties"].items()})


def _employments(b: _Builder, graph: nx.MultiDiGraph, nodes: Mapping[str, Any]) -> None:
    """The labour relationship each applicant claims against each employer of their case."""
    for case, data in graph.nodes(data=True):
        if data.get("role") != "case":
            continue
        sides: dict[str, list[str]] = {"worker": [], "employer": []}
        for u, _, edge in graph.in_edges(case, data=True):
            if edge.get("kind") == "PARTY_IN" and edge.get("side") in sides:
                sides[str(edge["side"])].append(u)
        for worker in sides["worker"]:
            for employer in sides["employer"]:
                if nodes.get(worker) is None or nodes.get(employer) is None:
                    continue
                job = b.make("Employment", worker, employer, str(case),
                             numbers=[str(data.get("case_number") or case)])
                job.add("employee", nodes[worker].id)
                job.add("employer", nodes[employer].id)
                job.add("startDate", data.get("claimed_start"))
                job.add("endDate", data.get("claimed_end"))
                job.add("role", "主张的劳动关系")
                job.add("summary", value_label("Case", "outcome", data.get("outcome")))


def _clients(graph: nx.MultiDiGraph, case: str, names: Sequence[str]) -> list[str]:
    """The parties of ``case`` whose names an agent's ``represents`` lists."""
    return sorted({u for u, _, edge in graph.in_edges(case, data=True)
                   if edge.get("kind") == "PARTY_IN" and graph.nodes[u].get("name") in names})


def _list(value: Any) -> list[str]:
    if isinstance(value, list | tuple):
        return [str(v) for v in value]
    return [str(value)] if value else []


def iter_lines(entities: Sequence[FtmEntity]) -> Iterator[str]:
    for entity in entities:
        yield json.dumps(entity, ensure_ascii=False, sort_keys=True)


def write_ftm(rings: Sequence[RingExport], path: Path) -> dict[str, int]:
    """Write the rings' FtM entities as JSON lines (``ftm`` / Aleph ``ingest`` reads them);
    returns the count per schema."""
    entities = ftm_entities(rings)
    path.write_text("".join(line + "\n" for line in iter_lines(entities)), "utf-8")
    counts: dict[str, int] = {}
    for entity in entities:
        counts[entity["schema"]] = counts.get(entity["schema"], 0) + 1
    return dict(sorted(counts.items()))
