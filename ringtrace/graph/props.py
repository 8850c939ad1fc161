"""The properties of each node and relationship kind, as types: one ``TypedDict`` per kind.

``graph/schema/nodes.yaml`` and ``edges.yaml`` declare the kinds and their properties; these
TypedDicts say the same for mypy, so that a misspelt property (``props.get("birthdate")``) or
a value of the wrong type fails the type check instead of reading ``None`` at run time.
``tests/graph/test_props.py`` holds them to the YAML: every kind has its TypedDict
(``Person`` → :class:`PersonProps`, ``PARTY_IN`` → :class:`PartyInProps`) with exactly the
declared properties, each of the type its YAML type means:

========  ==================
YAML      Python
========  ==================
string    ``str | None``
date      ``str | None`` (ISO ``YYYY[-MM[-DD]]``)
int       ``int | None``
float     ``float | None``
bool      ``bool | None``
list      ``list[str]``
========  ==================

Every key is optional (``total=False``): a store keeps no empty value (``None``, ``""``,
``[]``, :mod:`ringtrace.graph.store.rows`), so a node read back lacks what its document did
not say, while one just built may hold ``None``.

A :class:`~ringtrace.graph.elements.Node` holds the props of whichever kind it is, so its
``props`` are :class:`NodeProps`, which has the properties of every node kind (no property
name means two different things in two kinds: the test checks that too); an
:class:`~ringtrace.graph.elements.Edge`'s are :class:`EdgeProps`. Code that handles props
whatever their keys (merging, encoding for a store) treats them as a ``Mapping[str, object]``
(:data:`AnyProps`) and says where it turns one back into the other (:func:`node_props`).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TypedDict, cast

# -- node kinds (nodes.yaml) ---------------------------------------------------------------


class PersonProps(TypedDict, total=False):
    """``Person``: an applicant or worker, a natural-person agent or a legal representative."""

    name: str | None
    sex: str | None
    birth_date: str | None
    ethnicity: str | None
    id_number: str | None
    address: str | None
    phone: str | None
    occupation: str | None
    masked: bool | None


class EmployerProps(TypedDict, total=False):
    """``Employer``: the employer side, with its registry facts."""

    name: str | None
    uscc: str | None
    registration_number: str | None
    org_code: str | None
    founded: str | None
    status: str | None
    registered_capital: str | None
    insured_headcount: int | None
    address: str | None
    phone: str | None
    legal_representative: str | None
    company_type: str | None
    industry: str | None
    former_names: list[str]
    cancel_date: str | None
    revoke_date: str | None
    in_registry: bool | None


class LawFirmProps(TypedDict, total=False):
    """``LawFirm``: a law firm, legal-service office or legal-aid centre."""

    name: str | None


class CaseProps(TypedDict, total=False):
    """``Case``: one decided document."""

    case_number: str | None
    forum: str | None
    document_type: str | None
    procedure: str | None
    cause: str | None
    filing_date: str | None
    hearing_date: str | None
    decision_date: str | None
    simple_procedure: bool | None
    claimed_start: str | None
    claimed_end: str | None
    claim_kind: str | None
    defendant_response: str | None
    absent: bool | None
    outcome: str | None
    #: the other cases' numbers the document cites (the first instance an appeal names)
    related_case_numbers: list[str]
    doc_sha256: str | None
    source_path: str | None


class ForumProps(TypedDict, total=False):
    """``Forum``: a court or a labour-dispute arbitration commission."""

    name: str | None
    kind: str | None
    court_code: str | None
    region_code: str | None
    province: str | None


class IdentifierProps(TypedDict, total=False):
    """``Identifier``: a phone number or an address."""

    kind: str | None
    value: str | None


class BackPaymentProps(TypedDict, total=False):
    """``BackPayment``: one social-insurance back-payment (补缴)."""

    person_name: str | None
    id_number: str | None
    employer_name: str | None
    period: str | None
    start: str | None
    end: str | None
    amount: float | None
    basis_case_number: str | None
    paid_date: str | None


class NodeProps(PersonProps, EmployerProps, LawFirmProps, CaseProps, ForumProps,
                IdentifierProps, BackPaymentProps, total=False):
    """The props of a node of any kind: every node kind's properties."""


# -- relationship kinds (edges.yaml) -------------------------------------------------------


class PartyInProps(TypedDict, total=False):
    """``PARTY_IN``: a party's procedural role in a case."""

    role: str | None
    role_in_text: str | None
    side: str | None


class AgentInProps(TypedDict, total=False):
    """``AGENT_IN``: whom an agent represents in a case, and as what."""

    represents: list[str]
    represents_side: str | None
    agent_kind: str | None
    relation: str | None
    authority: str | None
    law_firm: str | None


class RepresentsProps(TypedDict, total=False):
    """``REPRESENTS``: an agent to the party it represents."""

    agent_kind: str | None


class LegalRepOfProps(TypedDict, total=False):
    """``LEGAL_REP_OF``: a legal representative's title."""

    title: str | None


class NoProps(TypedDict, total=False):
    """A relationship kind that declares no property (``MEMBER_OF``, ``DECIDED_BY``,
    ``HAS_PHONE``, ``HAS_ADDRESS``, ``BACKPAY_FOR``, ``BACKPAY_BY``, ``BACKPAY_BASIS``)."""


class EdgeProps(PartyInProps, AgentInProps, RepresentsProps, LegalRepOfProps, total=False):
    """The props of a relationship of any kind: every relationship kind's properties."""


#: props read or written whatever their keys (merged, encoded, copied between stores)
AnyProps = Mapping[str, object]


def node_props(values: AnyProps) -> NodeProps:
    """``values`` (the same object) as node props: for code that built them key by key from
    props it was given (a merge, a decoded row), whose keys are therefore the schema's."""
    return cast("NodeProps", values)


def edge_props(values: AnyProps) -> EdgeProps:
    """``values`` (the same object) as relationship props (see :func:`node_props`)."""
    return cast("EdgeProps", values)
