"""Turn interchange records into graph batches, following the schema.

:func:`case_batch` maps one :class:`~ringtrace.graph.records.CaseRecord` to its Case node, the
parties, agents, firms, forum and contact identifiers, and the relationships between them, each
relationship stamped with the case id as ``source_doc``. :func:`registry_batch` and
:func:`backpayment_batch` do the same for registry and 补缴 rows.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Mapping
from dataclasses import asdict
from typing import cast

from ringtrace.graph import identity as ident
from ringtrace.graph.elements import Document, Edge, GraphBatch, Node, dumps
from ringtrace.graph.props import node_props
from ringtrace.graph.record_json import CaseRecordJson
from ringtrace.graph.records import Agent, BackPaymentRecord, CaseRecord, Party, RegistryRecord

_SPECIFIC_ADDRESS = re.compile(r"\d|号|室|栋|楼|单元|组")


def specific_address(address: str | None) -> bool:
    """True when an address is precise enough to link people (not just ``住河南省兰考县``)."""
    return bool(address) and _specific(ident.clean(cast("str", address)))


def _specific(cleaned: str) -> bool:
    """:func:`specific_address` of an address already cleaned (``identity.clean``)."""
    return len(cleaned) >= 8 and bool(_SPECIFIC_ADDRESS.search(cleaned))


def record_sha256(data: Mapping[str, object]) -> str:
    """SHA-256 of a record's canonical JSON (the document key when it has no source hash)."""
    return hashlib.sha256(dumps(data).encode("utf-8")).hexdigest()


def _contact_edges(batch: GraphBatch, owner: str, phone: str | None, address: str | None,
                   source_doc: str) -> None:
    """The owner's phone and specific address as Identifier nodes, each value normalised once
    (``identity.identifier_id`` would normalise it again for the id)."""
    if phone:
        digits = ident.normalize_phone(phone)
        if len(digits) >= 7:
            pid = ident.identifier_key("phone", digits)
            batch.nodes.append(Node(pid, "Identifier", {"kind": "phone", "value": digits}))
            batch.edges.append(Edge(owner, pid, "HAS_PHONE", source_doc))
    if address:
        cleaned = ident.clean(address)
        if _specific(cleaned):
            value = ident.normalize_cleaned_address(cleaned)
            aid = ident.identifier_key("address", value)
            batch.nodes.append(Node(aid, "Identifier", {"kind": "address", "value": value}))
            batch.edges.append(Edge(owner, aid, "HAS_ADDRESS", source_doc))


def masked_scope(case: str, name: str, line: str) -> str:
    """The document scope of a person printed in one document: the case itself, or for a
    masked name (``***``, ``张某``) the case and the party or agent line, so that two masked
    people of one document (an applicant ``***`` and their agent ``***``) stay two nodes."""
    return f"{case}#{line}" if ident.is_masked_name(name) else case


def _party_node(party: Party, case: str, line: str = "") -> Node:
    if party.is_entity or party.side == "employer":
        return Node(ident.employer_id(party.name, document=case), "Employer", {
            "name": party.name, "uscc": party.uscc, "address": party.address,
            "registration_number": party.registration_number, "org_code": party.org_code,
            "legal_representative": party.legal_representative,
        })
    return Node(
        ident.person_id(party.name, birth_date=party.birth_date, id_number=party.id_number,
                        phone=party.phone, document=masked_scope(case, party.name, line)),
        "Person",
        {"name": party.name, "sex": party.sex, "birth_date": party.birth_date,
         "ethnicity": party.ethnicity, "address": party.address, "id_number": party.id_number,
         "phone": party.phone, "occupation": party.occupation,
         "masked": ident.is_masked_name(party.name)},
    )


def case_batch(record: CaseRecord) -> GraphBatch:
    """The nodes, edges and stored document for one case record."""
    data = record.to_dict()
    sha = record.doc_id or record_sha256(data)
    case = ident.case_id(record.case_number, record.forum, sha)
    batch = GraphBatch()
    batch.nodes.append(Node(case, "Case", {
        "case_number": record.case_number, "forum": record.forum,
        "document_type": record.document_type, "procedure": record.procedure,
        "cause": record.cause, "filing_date": record.filing_date,
        "hearing_date": record.hearing_date, "decision_date": record.decision_date,
        "simple_procedure": record.simple_procedure, "claimed_start": record.claimed_start,
        "claimed_end": record.claimed_end, "claim_kind": record.claim_kind,
        "defendant_response": record.defendant_response, "absent": record.absent,
        "outcome": record.outcome,
        # the numbers it cites (an appeal names the first instance): resolution follows them
        # to the dispute's other instances without reading the stored document
        "related_case_numbers": list(record.related_case_numbers),
        "doc_sha256": sha, "source_path": record.source_path,
    }))
    # to_dict gives the interchange line, typed as a plain dict
    batch.documents.append(Document(case, cast("CaseRecordJson", data), sha, record.source_path))

    if record.forum.strip():  # a copy without its header names no forum: no shared Forum node
        forum = ident.forum_id(record.forum)
        batch.nodes.append(Node(forum, "Forum", {
            "name": record.forum, "kind": record.forum_kind, "court_code": record.court_code,
            "region_code": record.region_code,
        }))
        batch.edges.append(Edge(case, forum, "DECIDED_BY", case))

    party_ids: dict[str, tuple[str, str]] = {}  # name as written -> (node id, side)
    for i, party in enumerate(record.parties):
        node = _party_node(party, case, f"p{i}")
        batch.nodes.append(node)
        party_ids[party.name] = (node.id, party.side)
        batch.edges.append(Edge(node.id, case, "PARTY_IN", case, {
            "role": party.role, "role_in_text": party.role_in_text, "side": party.side}))
        _contact_edges(batch, node.id, party.phone, party.address, case)
        if node.kind == "Employer" and party.legal_representative:
            rep = ident.person_id(party.legal_representative, document=f"rep:{node.id}")
            batch.nodes.append(Node(rep, "Person", {
                "name": party.legal_representative,
                "masked": ident.is_masked_name(party.legal_representative)}))
            batch.edges.append(Edge(rep, node.id, "LEGAL_REP_OF", case,
                                    {"title": party.legal_representative_title}))

    merged: dict[str, list[Agent]] = {}
    for i, agent in enumerate(record.agents):
        aid = ident.person_id(agent.name, birth_date=agent.birth_date, id_number=agent.id_number,
                              law_firm=agent.law_firm, phone=agent.phone,
                              document=masked_scope(case, agent.name, f"a{i}"))
        merged.setdefault(aid, []).append(agent)
    for aid, mentions in merged.items():
        agent = mentions[0]
        represents = list(dict.fromkeys(n for m in mentions for n in m.represents))
        batch.nodes.append(Node(aid, "Person", {
            "name": agent.name, "sex": agent.sex, "birth_date": agent.birth_date,
            "address": agent.address, "phone": agent.phone, "id_number": agent.id_number,
            "masked": ident.is_masked_name(agent.name)}))
        represented = [party_ids[n] for n in represents if n in party_ids]
        sides = sorted({side for _, side in represented} - {"unknown"})
        side = sides[0] if len(sides) == 1 else ("both" if len(sides) > 1 else "unknown")
        batch.edges.append(Edge(aid, case, "AGENT_IN", case, {
            "represents": represents, "agent_kind": agent.kind, "represents_side": side,
            "relation": "；".join(dict.fromkeys(m.relation for m in mentions if m.relation)),
            "authority": agent.authority, "law_firm": agent.law_firm}))
        for party_node, _side in represented:
            batch.edges.append(Edge(aid, party_node, "REPRESENTS", case,
                                    {"agent_kind": agent.kind}))
        if agent.law_firm:
            fid = ident.firm_id(agent.law_firm)
            batch.nodes.append(Node(fid, "LawFirm", {"name": agent.law_firm}))
            batch.edges.append(Edge(aid, fid, "MEMBER_OF", case))
        for m in mentions:
            _contact_edges(batch, aid, m.phone, m.address, case)
    return batch


def registry_source(record: RegistryRecord) -> str:
    return f"registry:{record.uscc or ident.normalize_company(record.name)}"


def registry_batch(record: RegistryRecord) -> GraphBatch:
    """An Employer node with its registry facts, its legal representative and contacts.

    Former names (曾用名) become aliases so that documents naming the company by an old name
    land on the same node.
    """
    eid = ident.employer_id(record.name)
    source = registry_source(record)
    # a registry row's fields are Employer properties (tests/graph/test_props.py)
    props = node_props({**asdict(record), "in_registry": True})
    batch = GraphBatch(nodes=[Node(eid, "Employer", props)])
    for former in record.former_names:
        alias = ident.employer_id(former)
        if alias != eid:
            batch.aliases.append((alias, eid))
    if record.legal_representative:
        rep = ident.person_id(record.legal_representative, document=f"rep:{eid}")
        batch.nodes.append(Node(rep, "Person", {
            "name": record.legal_representative,
            "masked": ident.is_masked_name(record.legal_representative)}))
        batch.edges.append(Edge(rep, eid, "LEGAL_REP_OF", source))
    _contact_edges(batch, eid, record.phone, record.address, source)
    return batch


def backpayment_batch(record: BackPaymentRecord, basis_case_ids: list[str]) -> GraphBatch:
    """A BackPayment node linked to its person, employer and (resolved) basis cases."""
    bid = "BackPayment:" + ident.digest(record.person_name, record.id_number or "",
                                        ident.normalize_company(record.employer_name),
                                        record.start, record.end)
    birth = None
    if record.id_number and len(record.id_number) == 18 and record.id_number[6:14].isdigit():
        d = record.id_number[6:14]
        birth = f"{d[:4]}-{d[4:6]}-{d[6:]}"
    person = ident.person_id(record.person_name, birth_date=birth, id_number=record.id_number,
                             document=bid)
    employer = ident.employer_id(record.employer_name)
    # a back-payment row's fields are BackPayment properties (tests/graph/test_props.py)
    props = node_props({**asdict(record), "period": f"{record.start}~{record.end}"})
    batch = GraphBatch(nodes=[
        Node(bid, "BackPayment", props),
        Node(person, "Person", {"name": record.person_name, "birth_date": birth,
                                "id_number": record.id_number}),
        Node(employer, "Employer", {"name": record.employer_name}),
    ])
    batch.edges.append(Edge(bid, person, "BACKPAY_FOR", bid))
    batch.edges.append(Edge(bid, employer, "BACKPAY_BY", bid))
    for case in basis_case_ids:
        batch.edges.append(Edge(bid, case, "BACKPAY_BASIS", bid))
    return batch
