"""The stored scan's JSON form, as TypedDicts: for code that handles the mapping itself.

Readers of a scan get the records of :mod:`ringtrace.queries.model`; a few places handle the
JSON mapping itself - the scan that builds it (:mod:`ringtrace.queries.scan`), the stores that
write it and read it back (:mod:`ringtrace.graph.store`), Spark's merge of the parts' scans
(:mod:`ringtrace.spark.merge`) and the import of a Spark scan (:mod:`ringtrace.spark.imports`).
These TypedDicts name its keys (FollowTheMoney's habit: a TypedDict for a serialised form), one
per record whose keys such code names, with the same keys as the record's fields (a test keeps
them equal); a key that a scan from an older version may lack is ``NotRequired``, as the
record's ``from_dict`` reads it with a default. The field meanings are the records'
(docs/results-schema.md). A ring's ``structure`` has no TypedDict: only its record reads its
keys, so it is typed as the JSON object it is (:data:`RingStructureJson`).

They live in the graph layer, below the records they mirror, so that the store can say what it
stores without importing :mod:`ringtrace.queries`; :mod:`ringtrace.queries.scan_json`
re-exports them under their old home.
"""

from __future__ import annotations

from typing import Any, NotRequired, TypedDict

__all__ = ["CaseJson", "EngineJson", "EvidenceJson", "ExposureJson", "FindingJson", "GroupJson",
           "GroupReasonJson", "LinkJson", "MetaJson", "OversizedJson", "RingJson",
           "RingStructureJson", "ScanJson"]


class EvidenceJson(TypedDict):
    """:class:`~ringtrace.queries.model.Evidence`."""

    kind: str
    case_number: str | None
    detail: str


class FindingJson(TypedDict):
    """:class:`~ringtrace.queries.model.RuleHit`."""

    rule_id: str
    subject: str
    cases: list[str]
    summary: str
    evidence: list[EvidenceJson]


class CaseJson(TypedDict):
    """:class:`~ringtrace.queries.model.ScoredCase`."""

    rule_score: float
    final_score: float
    log_odds: float
    ring_log_odds: NotRequired[float]
    rules: list[str]
    findings: list[int]
    ring_id: str | None
    lead_id: str
    is_lead: bool
    community: NotRequired[int | None]


#: :class:`~ringtrace.queries.model.RingStructure` in its JSON form (its ``to_dict``): counts,
#: shares and the count per link kind. The record alone declares the fields (and documents
#: them in docs/results-schema.md): no code that handles the scan's mapping reads them by key,
#: only ``RingStructure.from_dict`` does, so a second list of them here would only drift.
RingStructureJson = dict[str, float | dict[str, int]]


class LinkJson(TypedDict):
    """:class:`~ringtrace.queries.model.RingLink`."""

    kind: str
    via: str
    cases: int


class ExposureJson(TypedDict):
    """:class:`~ringtrace.queries.model.Exposure`."""

    amount_yuan: float
    claimed_years: float
    method: str


class RingJson(TypedDict):
    """:class:`~ringtrace.queries.model.RingRecord`."""

    rank: int
    ring_id: str
    score: float
    strength: float
    cases: list[str]
    leads: NotRequired[int]
    reported: NotRequired[bool]
    structure: RingStructureJson
    community: NotRequired[int | None]
    intermediaries: list[str]
    links: list[LinkJson]
    exposure: ExposureJson
    reasons: list[str]
    rules: dict[str, int]


class GroupReasonJson(TypedDict):
    """:class:`~ringtrace.queries.model.GroupReason`."""

    reason: str
    cases: int


class GroupJson(TypedDict):
    """:class:`~ringtrace.queries.model.ExplainedGroup`."""

    employer_id: str
    employer: str
    cases: list[str]
    backed: int
    leads: int
    reasons: list[GroupReasonJson]


class OversizedJson(TypedDict):
    """A component that ran alone in a Spark task: its label, cases and seconds."""

    component: int
    cases: int
    seconds: float | None


class EngineJson(TypedDict):
    """Where a scan ran when it was not the embedded one (``ringtrace spark scan``)."""

    name: str
    master: str
    components: int
    largest_component: int
    oversized: list[OversizedJson]
    bins: int
    rounds: int


class MetaJson(TypedDict):
    """:class:`~ringtrace.queries.model.ScanMeta`, plus what a Spark scan adds: the
    ``engine`` it ran on and, once imported, the folder it was ``imported_from``."""

    ringtrace_version: str
    #: none in a merged Spark scan until it is imported into a workspace
    snapshot: str | None
    scanned_at: str
    #: the RuleConfig's JSON (``RuleConfig.to_dict``)
    rules: dict[str, Any]
    #: none (like ``lead_threshold``) only in a merged Spark scan of no part at all
    community_seed: int | None
    cases_scanned: int
    findings: int
    rings: int
    clusters: NotRequired[int]
    leads: int
    lead_threshold: float | None
    communities: NotRequired[int]
    explained_groups: NotRequired[int]
    engine: NotRequired[EngineJson]
    imported_from: NotRequired[str]


class ScanJson(TypedDict):
    """:class:`~ringtrace.queries.model.StoredScan`: the whole scan as stored."""

    meta: MetaJson
    findings: list[FindingJson]
    cases: dict[str, CaseJson]
    rings: list[RingJson]
    leads: list[str]
    explained_groups: NotRequired[list[GroupJson]]
