"""What a stored scan holds, as typed records: the objects every reader of a scan sees.

The scan (:mod:`ringtrace.queries.scan`) writes a JSON-ready mapping; readers used to reach
into it by key, so a renamed key broke a page at run time and a newcomer could not see what a
ring or a lead *is* without running the code. These records name every field of that mapping
(each field's ``#:`` comment is its documentation, copied into docs/results-schema.md and the
JSON Schema docs/schema/results.v1.json by :mod:`ringtrace.queries.results_schema`).

Each record reads its stored row with ``from_dict`` and gives it back with ``to_dict``; the
round trip is exact (same keys, same values, keys sorted as the store keeps them), so JSON
output built from a record is what it was when built from the row, and a workspace scanned
before these records existed reads the same.

Names: :class:`RingRecord` is a ring as stored and read; :class:`ringtrace.queries.rings.Ring`
is the mutable ring during assembly. :class:`RuleHit` is a finding as stored and read;
:class:`ringtrace.queries.findings.Finding` is the finding a rule builds. :class:`Evidence`
is one class for both.

>>> hit = RuleHit.from_dict({"rule_id": "EMP_BURST", "subject": "Employer:x",
...     "cases": ["Case:1"], "summary": "x被密集起诉",
...     "evidence": [{"kind": "registry", "case_number": None, "detail": "参保人数=0"}]})
>>> hit.evidence[0].detail
'参保人数=0'
>>> list(hit.to_dict())
['cases', 'evidence', 'rule_id', 'subject', 'summary']
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import Field, dataclass, fields
from typing import Any, ClassVar

from ringtrace.queries.rules import RuleConfig

#: version of the results schema (docs/results-schema.md); raised when a field changes meaning
#: or goes away, not when one is added
SCHEMA_VERSION = 1


class Record:
    """A stored-scan record: ``to_dict`` gives its JSON form, keys sorted as the store keeps
    them (a nested record, tuple or mapping is serialised the same way)."""

    __slots__ = ()
    #: set on each subclass by ``@dataclass`` (declared so that ``fields`` accepts a Record)
    __dataclass_fields__: ClassVar[dict[str, Field[Any]]]

    def to_dict(self) -> dict[str, Any]:
        return {f.name: _json(getattr(self, f.name))
                for f in sorted(fields(self), key=lambda f: f.name)}


def _json(value: object) -> Any:
    if isinstance(value, Record):
        return value.to_dict()
    if isinstance(value, RuleConfig):  # its tables in the store's order: keys sorted
        return _sorted(value.to_dict())
    if isinstance(value, tuple | list):
        return [_json(v) for v in value]
    if isinstance(value, Mapping):
        return {k: _json(v) for k, v in value.items()}
    return value


def _sorted(value: object) -> Any:
    """``value`` with the keys of every mapping in it sorted (as the store writes JSON)."""
    if isinstance(value, Mapping):
        return {k: _sorted(value[k]) for k in sorted(value)}
    if isinstance(value, list):
        return [_sorted(v) for v in value]
    return value


@dataclass(frozen=True, slots=True)
class Evidence(Record):
    """One piece of evidence behind a finding: a quoted text span, a registry fact, a record
    field or a link between documents."""

    #: ``text`` (quoted from the document), ``registry`` (an enterprise-registry field),
    #: ``record`` (a structured field of the case record) or ``link`` (an agent, phone, address
    #: or date shared between documents)
    kind: str
    #: the case number the evidence was read from; none for a registry fact or a link
    case_number: str | None
    #: the evidence itself: the quoted span, the registry value, or what links the documents
    detail: str

    @classmethod
    def from_dict(cls, row: Mapping[str, Any]) -> Evidence:
        return cls(row["kind"], row["case_number"], row["detail"])


@dataclass(frozen=True, slots=True)
class RuleHit(Record):
    """A finding as stored: one red-flag rule firing on one case or entity, with the cases it
    implicates and the evidence behind it."""

    #: the rule that fired (docs/rules.md lists them)
    rule_id: str
    #: the node the finding is about: a case, an employer, an agent or a person id
    subject: str
    #: ids of the cases the finding implicates
    cases: tuple[str, ...]
    #: one sentence saying what the rule found, in Chinese
    summary: str
    #: what the finding rests on, with the case number each piece was read from
    evidence: tuple[Evidence, ...]

    @classmethod
    def from_dict(cls, row: Mapping[str, Any]) -> RuleHit:
        return cls(row["rule_id"], row["subject"], tuple(row["cases"]), row["summary"],
                   tuple(Evidence.from_dict(e) for e in row["evidence"]))


@dataclass(frozen=True, slots=True)
class ScoredCase(Record):
    """One case as the scan scored it: a case at least one rule fired on (a case without a
    row scored nothing and is no lead)."""

    #: probability from the rules alone, in [0, 1]
    rule_score: float
    #: probability after ring evidence: the case's score as listed, in [0, 1]
    final_score: float
    #: the rules' log-odds, prior included, before ring evidence
    log_odds: float
    #: what ring membership added to the log-odds (0 outside a ring)
    ring_log_odds: float
    #: ids of the rules that fired on the case or on its parties
    rules: tuple[str, ...]
    #: positions of the case's findings in the scan's findings
    findings: tuple[int, ...]
    #: the ring or cluster the case belongs to, if any
    ring_id: str | None
    #: the lead id (L-…), stable across scans: what an outcome or an export refers to
    lead_id: str
    #: whether the final score reaches the scan's lead threshold
    is_lead: bool
    #: the community (graph cluster) the case fell in, if any
    community: int | None

    @classmethod
    def from_dict(cls, row: Mapping[str, Any]) -> ScoredCase:
        return cls(row["rule_score"], row["final_score"], row["log_odds"],
                   row.get("ring_log_odds", 0.0), tuple(row["rules"]), tuple(row["findings"]),
                   row["ring_id"], row["lead_id"], row["is_lead"], row.get("community"))


@dataclass(frozen=True, slots=True)
class RingStructure(Record):
    """Size, concentration and coordination of a ring's cases."""

    #: cases in the ring
    cases: int
    #: distinct applicants (workers) among them
    applicants: int
    #: distinct employers sued
    employers: int
    #: distinct courts and arbitration commissions that heard them
    forums: int
    #: distinct agents (lawyers and lay agents)
    agents: int
    #: distinct agents who are not practising lawyers
    lay_agents: int
    #: share of the cases the busiest agent represented
    top_agent_share: float
    #: share of the cases tied together by an intermediary-like agent or a shared phone/address
    coordinated_share: float
    #: share of the cases filed, heard or decided in a same-day batch
    batched_share: float
    #: link kind -> how many links of that kind hold the ring together
    link_kinds: dict[str, int]
    #: for a ring at one employer, the confirmation suits against it filed between the ring's
    #: first and last filing (the burst it belongs to); else, and at least, its own cases
    burst_cases: int = 0

    @classmethod
    def from_dict(cls, row: Mapping[str, Any]) -> RingStructure:
        return cls(row["cases"], row["applicants"], row["employers"], row["forums"],
                   row["agents"], row["lay_agents"], row["top_agent_share"],
                   row["coordinated_share"], row.get("batched_share", 0.0),
                   dict(row["link_kinds"]), row.get("burst_cases", row["cases"]))


@dataclass(frozen=True, slots=True)
class RingLink(Record):
    """Why some of a ring's cases belong together."""

    #: ``agent``, ``identifier`` (phone or address), ``employer``, ``batch``, ``series``,
    #: ``firm_series``, ``practice``, ``kin`` (an applicant acting for another) or ``tie`` (one
    #: lay person, or workers of one legal-service office from another prefecture, acting in
    #: each of a few suits against one employer), ``template`` (suits of one week whose
    #: applicants each claim the pension's fifteen years and left the employer apart),
    #: ``mediated`` (suits of one week mediated on one day whose applicants left the employer
    #: apart), ``founding`` (suits of one week whose applicants the employer admitted to years
    #: before it was founded), ``reach`` (one lay nominee acting within weeks in suits against
    #: different employers), ``apart`` (a ``tie`` whose applicants' claims ended years apart)
    #: or ``confirmed`` (the lay agent or employer of a suit a court
    #: revoked as a sham, with its other suits)
    kind: str
    #: the node that links them: the agent, phone, address, employer, date or firm
    via: str
    #: how many cases the link ties together
    cases: int

    @classmethod
    def from_dict(cls, row: Mapping[str, Any]) -> RingLink:
        return cls(row["kind"], row["via"], row["cases"])


@dataclass(frozen=True, slots=True)
class Exposure(Record):
    """The ring's estimated loss to the pension fund, with how it was computed."""

    #: estimated amount in yuan
    amount_yuan: float
    #: the employment years the applicants claimed, summed
    claimed_years: float
    #: the formula and the figures used, in Chinese
    method: str

    @classmethod
    def from_dict(cls, row: Mapping[str, Any]) -> Exposure:
        return cls(row["amount_yuan"], row["claimed_years"], row["method"])


@dataclass(frozen=True, slots=True)
class RingRecord(Record):
    """A ring (or, when not reported, a cluster) as the scan stored it."""

    #: 1 for the strongest; reported rings rank before clusters
    rank: int
    #: the ring id (R-…), derived from its first case
    ring_id: str
    #: the ring's score: the mean rule score of its cases blended with its strength, in [0, 1]
    score: float
    #: how strongly its structure speaks for coordination, in [0, 1]
    strength: float
    #: ids of its cases
    cases: tuple[str, ...]
    #: how many of its cases are leads
    leads: int
    #: whether it is reported as a ring (else it is a cluster, listed with ``rings --all``)
    reported: bool
    #: size, concentration and coordination figures
    structure: RingStructure
    #: the community it was split from, when it came from splitting a large component
    community: int | None
    #: lay agents active in two or more of its cases, busiest first (at most five)
    intermediaries: tuple[str, ...]
    #: the links that hold it together (at most 200)
    links: tuple[RingLink, ...]
    #: estimated loss to the pension fund
    exposure: Exposure
    #: why it is a ring, in Chinese, one sentence each
    reasons: tuple[str, ...]
    #: rule id -> how many of its cases the rule fired on
    rules: dict[str, int]

    @classmethod
    def from_dict(cls, row: Mapping[str, Any]) -> RingRecord:
        return cls(row["rank"], row["ring_id"], row["score"], row["strength"],
                   tuple(row["cases"]), row.get("leads", 0), row.get("reported", True),
                   RingStructure.from_dict(row["structure"]), row.get("community"),
                   tuple(row["intermediaries"]),
                   tuple(RingLink.from_dict(lk) for lk in row["links"]),
                   Exposure.from_dict(row["exposure"]), tuple(row["reasons"]),
                   dict(row["rules"]))


@dataclass(frozen=True, slots=True)
class GroupReason(Record):
    """One kind of exculpatory evidence in an explained group."""

    #: the exculpatory rule's title, in Chinese
    reason: str
    #: how many of the group's cases it fired on
    cases: int

    @classmethod
    def from_dict(cls, row: Mapping[str, Any]) -> GroupReason:
        return cls(row["reason"], row["cases"])


@dataclass(frozen=True, slots=True)
class ExplainedGroup(Record):
    """One employer's group of confirmation suits that the evidence explains as legitimate
    (docs/domain.md §3.3): not a ring and not a lead, labelled with its reasons."""

    #: the employer's node id
    employer_id: str
    #: the employer's name
    employer: str
    #: ids of the group's cases (the employer's busiest year of confirmation suits)
    cases: tuple[str, ...]
    #: how many of them carry at least one exculpatory finding
    backed: int
    #: how many of them are leads
    leads: int
    #: the exculpatory evidence, most frequent first
    reasons: tuple[GroupReason, ...]

    @classmethod
    def from_dict(cls, row: Mapping[str, Any]) -> ExplainedGroup:
        return cls(row["employer_id"], row["employer"], tuple(row["cases"]), row["backed"],
                   row["leads"], tuple(GroupReason.from_dict(r) for r in row["reasons"]))


@dataclass(frozen=True, slots=True)
class ScanMeta(Record):
    """What a scan ran on and what it found, in counts."""

    #: the ringtrace version that ran the scan
    ringtrace_version: str
    #: the workspace snapshot (its documents) the scan read
    snapshot: str
    #: when the scan ran (UTC, ISO 8601)
    scanned_at: str
    #: every rule weight and threshold in force (docs/rules.md), with the file they came from
    rules: RuleConfig
    #: the seed of community detection
    community_seed: int
    #: cases the scan read (those no rule fired on included)
    cases_scanned: int
    #: rule hits (findings) recorded
    findings: int
    #: reported rings
    rings: int
    #: rings and clusters together
    clusters: int
    #: leads: cases whose final score reaches the lead threshold
    leads: int
    #: the final score from which a case is a lead
    lead_threshold: float
    #: communities found in the case graph
    communities: int
    #: groups the evidence explains as legitimate
    explained_groups: int

    @classmethod
    def from_dict(cls, row: Mapping[str, Any]) -> ScanMeta:
        return cls(row["ringtrace_version"], row["snapshot"], row["scanned_at"],
                   _rule_config(row["rules"]), row["community_seed"], row["cases_scanned"],
                   row["findings"], row["rings"], row.get("clusters", row["rings"]),
                   row["leads"], row["lead_threshold"], row.get("communities", 0),
                   row.get("explained_groups", 0))


@dataclass(frozen=True, slots=True)
class StoredScan(Record):
    """A whole scan: what ``ringtrace scan`` stores in the workspace."""

    #: what the scan ran on and its counts
    meta: ScanMeta
    #: every rule hit, in the order rules ran; case rows refer to them by position
    findings: tuple[RuleHit, ...]
    #: case id -> the case's scores and rules, for each case a rule fired on
    cases: dict[str, ScoredCase]
    #: rings, then clusters, by rank
    rings: tuple[RingRecord, ...]
    #: ids of the lead cases, strongest first
    leads: tuple[str, ...]
    #: groups the evidence explains as legitimate, by employer id
    explained_groups: tuple[ExplainedGroup, ...]

    @classmethod
    def from_dict(cls, row: Mapping[str, Any]) -> StoredScan:
        return cls(ScanMeta.from_dict(row["meta"]),
                   tuple(RuleHit.from_dict(f) for f in row["findings"]),
                   {c: ScoredCase.from_dict(r) for c, r in row["cases"].items()},
                   tuple(RingRecord.from_dict(r) for r in row["rings"]),
                   tuple(row["leads"]),
                   tuple(ExplainedGroup.from_dict(g) for g in row.get("explained_groups", ())))


def _rule_config(stored: Mapping[str, Any]) -> RuleConfig:
    """The rule configuration a scan stored in its meta (:meth:`RuleConfig.from_dict`)."""
    return RuleConfig.from_dict(stored)
