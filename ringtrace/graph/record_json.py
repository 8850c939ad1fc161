"""The stored case record's JSON form, as TypedDicts: what a store's documents hold.

A store keeps each ingested case record as its interchange line
(:meth:`~ringtrace.graph.records.CaseRecord.to_dict`, documented in docs/interchange.md) and
hands it back from :meth:`~ringtrace.graph.store.base.GraphStore.document`,
:meth:`~ringtrace.graph.store.base.GraphStore.iter_documents` and
:class:`~ringtrace.graph.elements.Document`. These TypedDicts name its keys, one per record
class, with the same keys as the dataclass's fields (``tests/graph/test_record_json.py`` keeps
them equal). Every key is optional (``total=False``): the line leaves out a field that is
``None``, ``""`` or ``[]``, and a record stored by an older version may lack a field added
since. A reader that needs the validated record turns the line back into one with
:func:`~ringtrace.graph.records.case_from_dict`.
"""

from __future__ import annotations

from typing import TypedDict

__all__ = ["AgentJson", "CaseRecordJson", "PartyJson", "SpanJson"]


class PartyJson(TypedDict, total=False):
    """:class:`~ringtrace.graph.records.Party`."""

    name: str
    role: str
    role_in_text: str
    side: str
    is_entity: bool
    sex: str
    birth_date: str
    ethnicity: str
    address: str
    id_number: str
    phone: str
    occupation: str
    uscc: str
    legal_representative: str
    legal_representative_title: str
    registration_number: str
    org_code: str


class AgentJson(TypedDict, total=False):
    """:class:`~ringtrace.graph.records.Agent`."""

    name: str
    represents: list[str]
    kind: str
    law_firm: str
    relation: str
    authority: str
    sex: str
    birth_date: str
    address: str
    phone: str
    id_number: str


class SpanJson(TypedDict, total=False):
    """:class:`~ringtrace.graph.records.Span`: a quoted piece of the document text."""

    kind: str
    text: str


class CaseRecordJson(TypedDict, total=False):
    """:class:`~ringtrace.graph.records.CaseRecord`: one case record as stored."""

    case_number: str
    forum: str
    document_type: str
    procedure: str
    forum_kind: str
    court_code: str
    region_code: str
    cause: str
    filing_date: str
    hearing_date: str
    decision_date: str
    simple_procedure: bool
    parties: list[PartyJson]
    agents: list[AgentJson]
    claim_kind: str
    claim_amounts: list[float]
    claimed_start: str
    claimed_end: str
    defendant_response: str
    absent: bool
    outcome: str
    related_case_numbers: list[str]
    spans: list[SpanJson]
    doc_id: str
    source_path: str
    inferred: dict[str, str]
