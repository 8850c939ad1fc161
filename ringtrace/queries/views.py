"""The views queries hand to viz, cli, serve and export, as typed records.

A view is built from the stored scan (:mod:`ringtrace.queries.model`) and the graph: a ring
listing row (:class:`RingRow`), a ring's detail (:class:`RingDetail`), a lead
(:class:`LeadRow`), a case with its score (:class:`CaseView`, the one shape of "a case" every
view shows) and the profiles of an employer, an agent and a person. Consumers read their
fields by name, so a renamed field fails at ``mypy``, not on a page at run time.

``to_dict`` gives the ``--json`` form: fields in declaration order (the order the JSON always
had), nested views, records and tuples serialised the same way. A field whose JSON key is a
Python keyword says so in ``_KEYS`` (``PersonRole.as_`` is ``"as"``).

>>> row = CaseFinding("EMP_BURST", "x被密集起诉", (Evidence("registry", None, "参保人数=0"),))
>>> row.to_dict()
{'rule_id': 'EMP_BURST', 'summary': 'x被密集起诉', 'evidence': [{'case_number': None, \
'detail': '参保人数=0', 'kind': 'registry'}]}
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import Field, dataclass, fields
from typing import Any, ClassVar

from ringtrace.queries.model import (
    Evidence,
    ExplainedGroup,
    Exposure,
    Record,
    RingLink,
    RingStructure,
)
from ringtrace.resolve.explain import EntityStory

__all__ = [
    "AgentProfile", "CaseFinding", "CaseView", "Contact", "EmployerAgent", "EmployerProfile",
    "FindingView", "FlagCount", "LeadEvidence", "LeadRow", "NameMatch", "PersonProfile",
    "PersonRole", "Plaintiff", "Props", "RingAgent", "RingApplicant", "RingDetail",
    "RingEmployer", "RingForum", "RingIntermediary", "RingRow", "TimelineEvent", "View",
]

#: a node's stored properties (``id`` first, then what the schema, graph/schema/*.yaml,
#: declares for its kind): open by design, since a registry export may carry more fields than
#: the schema names, and printed as they are
Props = Mapping[str, object]


class View:
    """A view crossing from queries to viz, cli, serve or export; ``to_dict`` is its JSON."""

    __slots__ = ()
    #: set on each subclass by ``@dataclass`` (declared so that ``fields`` accepts a View)
    __dataclass_fields__: ClassVar[dict[str, Field[Any]]]
    #: field name -> JSON key, for a key that is no Python name
    _KEYS: ClassVar[Mapping[str, str]] = {}

    def to_dict(self) -> dict[str, Any]:
        return {self._KEYS.get(f.name, f.name): _plain(getattr(self, f.name))
                for f in fields(self)}


def _plain(value: object) -> Any:
    """``value`` as JSON-ready data (views, records and entity stories by their ``to_dict``)."""
    if isinstance(value, View | Record | EntityStory):
        return value.to_dict()
    if isinstance(value, tuple | list):
        return [_plain(v) for v in value]
    if isinstance(value, Mapping):
        return {k: _plain(v) for k, v in value.items()}
    return value


@dataclass(frozen=True, slots=True)
class CaseView(View):
    """A case's headline facts (from its node) with its score, rules and ring (from the scan;
    zero, none and none for a case the scan did not score)."""

    #: the case id
    id: str
    case_number: str | None
    #: the court or arbitration commission, as printed
    forum: str | None
    document_type: str | None
    procedure: str | None
    cause: str | None
    filing_date: str | None
    hearing_date: str | None
    decision_date: str | None
    claimed_start: str | None
    claimed_end: str | None
    defendant_response: str | None
    outcome: str | None
    #: the case's final score
    score: float
    #: ids of the rules that fired on it
    rules: tuple[str, ...]
    ring_id: str | None


@dataclass(frozen=True, slots=True)
class RingRow(View):
    """One line of the ring listing: a ring's headline figures."""

    rank: int
    ring_id: str
    score: float
    cases: int
    leads: int
    applicants: int
    employers: int
    #: names of its first two intermediaries
    intermediaries: tuple[str, ...]
    exposure_yuan: float
    #: its three most frequent rules
    top_rules: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class RingIntermediary(View):
    """An intermediary of a ring, as a resolved agent."""

    id: str
    name: str
    #: 劳动者代理人 or 单位代理人
    role: str
    #: the ring's cases the agent acted in
    cases: int


@dataclass(frozen=True, slots=True)
class RingAgent(View):
    """An agent acting in a ring's cases (a resolved entity, with the mentions merged in it)."""

    id: str
    name: str
    kind: str | None
    law_firm: str | None
    side: str | None
    cases: int
    #: node ids of the agent's mentions in the ring's cases
    mentions: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class RingEmployer(View):
    """An employer sued in a ring's cases, with its registry facts."""

    id: str
    name: str
    uscc: str | None
    status: str | None
    founded: str | None
    insured_headcount: int | None
    cases: int


@dataclass(frozen=True, slots=True)
class RingApplicant(View):
    """An applicant (worker) in a ring's cases."""

    id: str
    name: str
    sex: str | None
    birth_date: str | None
    cases: int


@dataclass(frozen=True, slots=True)
class RingForum(View):
    """A court or arbitration commission that heard a ring's cases."""

    id: str
    name: str
    region_code: str | None
    cases: int


@dataclass(frozen=True, slots=True)
class TimelineEvent(View):
    """A dated event of a ring's case: filed (立案), heard (开庭) or decided (裁判)."""

    date: str
    event: str
    case_number: str | None


@dataclass(frozen=True, slots=True)
class FlagCount(View):
    """A rule and how many of a ring's cases it fired on (or, on the overview, how many
    findings it made in the whole scan)."""

    rule_id: str
    title: str
    count: int


@dataclass(frozen=True, slots=True)
class CaseFinding(View):
    """A finding on one of a ring's cases: its rule, summary and evidence."""

    rule_id: str
    summary: str
    evidence: tuple[Evidence, ...]


@dataclass(frozen=True, slots=True)
class RingDetail(View):
    """Everything about one ring, as the terminal, the HTML pages, the desk and the packs
    show it."""

    ring_id: str
    rank: int
    score: float
    strength: float
    reasons: tuple[str, ...]
    structure: RingStructure
    community: int | None
    intermediaries: tuple[RingIntermediary, ...]
    agents: tuple[RingAgent, ...]
    employers: tuple[RingEmployer, ...]
    applicants: tuple[RingApplicant, ...]
    forums: tuple[RingForum, ...]
    cases: tuple[CaseView, ...]
    timeline: tuple[TimelineEvent, ...]
    #: rules by how many of the ring's cases they fired on, most first
    flags: tuple[FlagCount, ...]
    #: case id -> the findings on that case
    evidence: Mapping[str, tuple[CaseFinding, ...]]
    exposure: Exposure
    links: tuple[RingLink, ...]
    #: the ring's cases and members, for highlighting in a graph
    node_ids: tuple[str, ...]

    @property
    def case_ids(self) -> tuple[str, ...]:
        """Ids of the ring's cases."""
        return tuple(c.id for c in self.cases)


@dataclass(frozen=True, slots=True)
class LeadEvidence(View):
    """One piece of evidence behind a lead, with the rule of its finding."""

    rule_id: str
    case_number: str | None
    detail: str
    kind: str


@dataclass(frozen=True, slots=True)
class LeadRow(View):
    """A lead: a case whose score reaches the threshold, with where it goes and why."""

    rank: int
    lead_id: str
    case_id: str
    case_number: str | None
    forum: str | None
    #: the deciding forum's GB/T 2260 code
    region_code: str | None
    province: str | None
    document_type: str | None
    decision_date: str | None
    #: the case's final score
    score: float
    rule_score: float
    ring_id: str | None
    rules: tuple[str, ...]
    #: the summaries of its findings
    reasons: tuple[str, ...]
    evidence: tuple[LeadEvidence, ...]


@dataclass(frozen=True, slots=True)
class FindingView(View):
    """A finding on a profiled entity or its cases, with how many cases it implicates."""

    rule_id: str
    summary: str
    evidence: tuple[Evidence, ...]
    cases: int


@dataclass(frozen=True, slots=True)
class NameMatch(View):
    """How the asked name matched the profiled employer."""

    query: str
    #: the former name (曾用名) it matched, if it matched through one
    former_name: str | None


@dataclass(frozen=True, slots=True)
class Plaintiff(View):
    """A plaintiff who sued the profiled employer."""

    id: str
    name: str
    cases: int
    birth_date: str | None


@dataclass(frozen=True, slots=True)
class EmployerAgent(View):
    """An agent acting in the profiled employer's cases (a mention, not a resolved entity)."""

    id: str
    cases: int
    #: the sides the agent represented
    sides: tuple[str, ...]
    kind: str | None
    law_firm: str | None
    name: str


@dataclass(frozen=True, slots=True)
class EmployerProfile(View):
    """An employer: registry facts, cases, plaintiffs, agents, flags, rings and how the
    entity was resolved."""

    employer: Props
    matched: NameMatch
    legal_representatives: tuple[str, ...]
    cases: tuple[CaseView, ...]
    plaintiffs: tuple[Plaintiff, ...]
    agents: tuple[EmployerAgent, ...]
    flags: tuple[FindingView, ...]
    rings: tuple[str, ...]
    explained_groups: tuple[ExplainedGroup, ...]
    resolution: EntityStory


@dataclass(frozen=True, slots=True)
class AgentProfile(View):
    """An agent: reach, sides, firms, flags and rings."""

    agent: Props
    kinds: tuple[str, ...]
    #: side represented -> how many times
    sides: Mapping[str, int]
    law_firms: tuple[str, ...]
    #: distinct applicants in the agent's cases
    applicants: int
    #: names of the employers in the agent's cases
    employers: tuple[str, ...]
    cases: tuple[CaseView, ...]
    flags: tuple[FindingView, ...]
    rings: tuple[str, ...]
    resolution: EntityStory


@dataclass(frozen=True, slots=True)
class PersonRole(View):
    """A person's part in one case."""

    _KEYS: ClassVar[Mapping[str, str]] = {"as_": "as"}

    case: CaseView
    #: ``PARTY_IN`` or ``AGENT_IN`` (``as`` in JSON)
    as_: str
    #: the role as the document words it, else the role or the agent kind
    role: str | None


@dataclass(frozen=True, slots=True)
class Contact(View):
    """A phone or address of a person."""

    kind: str | None
    value: str | None


@dataclass(frozen=True, slots=True)
class PersonProfile(View):
    """A person: roles in cases, contacts, back-payments and rings."""

    person: Props
    roles: tuple[PersonRole, ...]
    #: names of the employers the person represents in law
    legal_rep_of: tuple[str, ...]
    contacts: tuple[Contact, ...]
    #: the back-payment (补缴) records made for the person, as stored
    back_payments: tuple[Props, ...]
    rings: tuple[str, ...]
    resolution: EntityStory
