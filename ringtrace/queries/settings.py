"""The typed tables of the rules file: ``[scoring]``, ``[rings]``, ``[caps.*]``, ``[groups]``
and ``[exposure]``, each a frozen dataclass with one field per key.

:func:`settings_of` builds one from its table of a rules file and refuses a missing, unknown or
ill-typed key, naming the file and the key, so a typo in ``my-rules.toml`` stops ``ringtrace
scan`` before it reads the store (``rules.toml`` says what each key means; the fields here
repeat it briefly). A number is kept as the file wrote it (``7000`` stays an int where a float
is allowed): :meth:`to_dict` gives the table back value for value, which is what a stored scan
and ``ringtrace rules show`` print.

    >>> settings_of(ExposureSettings, {"average_monthly_wage": 7000, "payout_years": 20,
    ...                                "accrual_rate": 0.01}, "rules.toml", "exposure")
    ExposureSettings(average_monthly_wage=7000, payout_years=20, accrual_rate=0.01)
    >>> settings_of(ExposureSettings, {"average_monthly_wage": "7000", "payout_years": 20,
    ...                                "accrual_rate": 0.01}, "my.toml", "exposure")
    Traceback (most recent call last):
    ...
    ringtrace.errors.RuleError: my.toml: exposure.average_monthly_wage must be a number, got '7000'
"""

from __future__ import annotations

import types
import typing
from collections.abc import Iterator, Mapping
from dataclasses import MISSING, dataclass, fields
from functools import cache
from typing import Any, TypeVar

from ringtrace.errors import RuleError

S = TypeVar("S")


@dataclass(frozen=True)
class ScoringSettings:
    """The ``[scoring]`` table: the case model's prior, the lead and seed thresholds and
    community detection (:mod:`ringtrace.queries.scoring`)."""

    #: base rate of sham among confirmation cases, as log-odds (~12%)
    prior_log_odds: float
    #: final case score (probability) at or above which a case is a lead
    lead_threshold: float
    #: case rule score at or above which a case can seed a ring
    seed_threshold: float
    #: seed of the community detection: the same seed gives the same communities
    community_seed: int
    #: its resolution: higher splits the case graph into more, smaller communities
    community_resolution: float


@dataclass(frozen=True)
class RingsSettings:
    """The ``[rings]`` table: which evidence links join candidate cases, and what a ring's
    structure adds to its cases (:mod:`ringtrace.queries.rings`)."""

    #: log-odds that ring membership adds, scaled by the ring's coordination strength
    ring_weight: float
    #: ... of which a case that no agent, contact or batch link touches gets this share
    uncoordinated_share: float
    #: a ring has at least this many cases (one case is a lead, not a ring)
    min_ring_cases: int
    #: a cluster without an agent or contact tying it needs this many applicants to be
    #: reported ...
    min_uncoordinated_cases: int
    #: ... unless every one of its cases scores at least this
    strong_lead: float
    #: larger components are split by community detection
    max_ring_cases: int
    #: links inside one unflagged employer this big tie nothing
    large_employer_headcount: int
    #: candidates against one employer filed/decided this close (days) are linked
    batch_link_days: int
    #: an agent or shared contact links cases at most this many days apart
    link_gap_days: int
    #: ... but an intermediary's batches (2+ cases each) join across this many days
    operation_gap_days: int
    #: one lay person acting in uncontested suits against one employer filed this close
    #: (days) ties them
    tie_days: int
    #: a confirmation scoring this (below the seed threshold) joins a ring through such a tie
    tie_seed_threshold: float
    #: ... and that tie, or a kin tie, is coordination evidence in a ring of at most this
    #: many cases
    tie_max_cases: int
    #: a confirmation without proof scoring this joins a small ring through a lay person's tie
    weak_tie_floor: float
    #: one lay nominee's uncontested suits against different employers filed this close (days)
    #: tie a small ring, and join a weaker suit to a candidate (an intermediary's reach, E7)
    nominee_reach_days: int
    #: claimed ends further apart (days) are separate leavings, not one closure; ends within
    #: it may be one lay-off (not ``EVID_ENDED_TOGETHER.window_days``, within which ends show
    #: one ending)
    separate_leavings_days: int
    #: case-level findings of a claim cut to the pension's minimum: two such candidates
    #: against one employer in one week whose claims ended apart tie a small ring ...
    template_rules: tuple[str, ...]
    #: case-level findings of a mediated confirmation: two such candidates against one
    #: employer mediated on one day, filed in one week, whose claims ended apart tie a small ring
    mediation_rules: tuple[str, ...]
    #: ... unless the employer is an old enterprise of these registry types being wound up
    wound_up_types: tuple[str, ...]
    #: ... founded at least this many years before the filing
    wound_up_min_years: int
    #: ... whose 注销/吊销 lies within this many days of the filing (or a liquidator answered)
    wound_up_filing_days: int
    #: ... and that these employer findings do not name a typical host (P13)
    wound_up_host_rules: tuple[str, ...]
    #: ... nor these marks of a township or village firm in its name
    township_marks: tuple[str, ...]
    #: the words that name a liquidator answering for the employer
    liquidator_words: tuple[str, ...]
    #: case-level findings of counsel a legal-aid centre assigned: a template, mediated or
    #: founding pair every claim of which has one ties nothing (the centre's intake week)
    aided_rules: tuple[str, ...]
    #: a phone or address given by more people than this is a hub, no link
    hub_people: int
    #: an intermediary-like agent links cases once they act for this many workers
    agent_link_min_workers: int
    #: employer-level findings that make an employer's candidate cases one group
    employer_group_rules: tuple[str, ...]
    #: case-level findings that link an employer's candidates when two or more share one
    employer_anchored_rules: tuple[str, ...]
    #: a lawyer's links join only groups in which at least this share of cases are theirs
    bridge_share: float
    #: a lawyer whose candidates are this share of their cases serves a scheme ...
    practice_share: float
    #: ... once they have at least this many
    practice_min_cases: int
    #: a lawyer's series: this many candidates against one employer ...
    series_min_cases: int
    #: ... at this many employers in one stretch of time
    series_min_employers: int
    #: one agent's suits claiming starts before the employer's founding at this many
    #: employers join their groups
    founding_join_employers: int
    #: groups at different employers sharing this many worker-side lawyers ...
    counsel_join_lawyers: int
    #: ... of this many firms are one operation ...
    counsel_join_firms: int
    #: ... when each group has at least this many candidates
    counsel_join_group_cases: int
    #: groups at different employers in each of which one legal-service office acts in this
    #: share of the suits are one operation's
    office_join_share: float
    #: a lawyer or office named for the workers in this share of the forum's ordinary labour
    #: suits is the county's usual counsel and joins no groups
    usual_counsel_share: float
    #: ... of the suits scoring below this (and no candidates): the ordinary ones
    usual_counsel_ordinary_below: float
    #: ring strength: x share of cases tied by an intermediary-like agent or shared contact
    strength_coordination: float
    #: ring strength: x the same share, growing with size up to ...
    strength_size: float
    #: ... this many cases
    strength_full_size: int
    #: ring strength: agents and contacts both link the ring ...
    strength_both_kinds: float
    #: ... or one of them does
    strength_one_kind: float
    #: a small ring that one lay person ties whole and that was filed in one batch is this strong
    tied_batch_strength: float
    #: a small ring that coordination ties whole, among it one lay nominee's suits against
    #: different employers (``nominee_reach_days``), is this strong
    nominee_reach_strength: float
    #: a small ring that coordination ties whole, among it one lay person's tie over claims
    #: that ended more than ``separate_leavings_days`` apart, is this strong
    tied_apart_strength: float
    #: a ring tied only by batches reaches at most this strength
    batch_strength: float
    #: findings that a court revoked the case as a sham (a confirmed label): the case's lay
    #: agents and employer tie its other suits to it, and the ring it anchors is ...
    confirmed_rules: tuple[str, ...]
    #: ... at least this strong
    confirmed_strength: float
    #: ring score = this x mean case rule score + the rest x strength
    score_rule_share: float


@dataclass(frozen=True)
class Cap:
    """One ``[caps.NAME]`` table: rules that measure the same thing count together at most
    ``max`` (:func:`ringtrace.queries.scoring.evidence_weight`)."""

    #: the cap's name (the table's, ``burst`` for ``[caps.burst]``)
    name: str
    #: the rules counted together
    rules: tuple[str, ...]
    #: other caps whose capped sums count inside this one (none: the key is absent)
    groups: tuple[str, ...] | None
    #: the most their weights count for together
    max: float

    def to_dict(self) -> dict[str, object]:
        return {"rules": list(self.rules),
                **({"groups": list(self.groups)} if self.groups is not None else {}),
                "max": self.max}


@dataclass(frozen=True)
class CapsSettings:
    """The ``[caps.*]`` tables, in the file's order."""

    caps: tuple[Cap, ...]

    def __iter__(self) -> Iterator[Cap]:
        return iter(self.caps)

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(cap.name for cap in self.caps)

    def __getitem__(self, name: str) -> Cap:
        for cap in self.caps:
            if cap.name == name:
                return cap
        raise KeyError(name)

    def to_dict(self) -> dict[str, dict[str, object]]:
        return {cap.name: cap.to_dict() for cap in self.caps}


@dataclass(frozen=True)
class GroupsSettings:
    """The ``[groups]`` table: groups of suits the evidence explains as legitimate
    (:mod:`ringtrace.queries.groups`)."""

    #: an employer's busiest year holds at least this many confirmation suits ...
    min_cases: int
    #: ... that year being this many days
    window_days: int
    #: at least this share of the group's cases carry exculpatory evidence
    min_backed_share: float
    #: and at most this share are leads
    max_lead_share: float
    #: the exculpatory findings that back a case
    explaining_rules: tuple[str, ...]


@dataclass(frozen=True)
class ExposureSettings:
    """The ``[exposure]`` table: the pension a confirmed sham relationship unlocks
    (:func:`ringtrace.queries.scan.exposure`)."""

    #: local average monthly wage (yuan)
    average_monthly_wage: float
    #: years a pension is drawn after retirement
    payout_years: float
    #: basic pension per contribution year, as a share of the average wage
    accrual_rate: float


def settings_of(cls: type[S], table: object, source: str, section: str) -> S:
    """The ``[section]`` table of the rules file ``source`` as a ``cls``, checked: every
    field present, no other key, each value of its field's type (kept as written)."""
    if not isinstance(table, Mapping):
        raise RuleError(f"{source}: {section} must be a table")
    hints = type_hints(cls)  # type: ignore[arg-type]  # a class is hashable
    names = [f.name for f in fields(cls)]  # type: ignore[arg-type]
    unknown = sorted(set(table) - set(names))
    if unknown:
        raise RuleError(f"{source}: {section}.{unknown[0]} is no setting of [{section}] "
                        f"(it holds {', '.join(names)})")
    values: dict[str, Any] = {}
    for f in fields(cls):  # type: ignore[arg-type]
        where = f"{source}: {section}.{f.name}"
        if f.name not in table:
            if f.default is MISSING:
                raise RuleError(f"{where} is missing")
            continue
        values[f.name] = checked_value(hints[f.name], table[f.name], where, convert=False)
    return cls(**values)


@cache
def type_hints(cls: type) -> dict[str, object]:
    """The field types of a settings or parameter class, read once (a stored scan's
    configuration is read through them each time a command or page loads the scan)."""
    return typing.get_type_hints(cls)


def to_table(settings: object) -> dict[str, object]:
    """The table of a settings object (lists for tuples), in field order: what the file said.

    >>> to_table(ExposureSettings(7000, 20, 0.01))
    {'average_monthly_wage': 7000, 'payout_years': 20, 'accrual_rate': 0.01}
    """
    return {f.name: (list(v) if isinstance(v := getattr(settings, f.name), tuple) else v)
            for f in fields(settings)}  # type: ignore[arg-type]


def caps_of(table: object, source: str) -> CapsSettings:
    """The ``[caps.*]`` tables as :class:`CapsSettings` (each checked by :func:`settings_of`)."""
    if not isinstance(table, Mapping):
        raise RuleError(f"{source}: caps must be a table")
    caps = []
    for name, cap in table.items():
        if not isinstance(cap, Mapping):
            raise RuleError(f"{source}: caps.{name} must be a table")
        caps.append(settings_of(Cap, {"groups": None, **cap, "name": name}, source,
                                f"caps.{name}"))
    return CapsSettings(tuple(caps))


def checked_value(kind: Any, value: Any, where: str, *, convert: bool = True) -> Any:
    """``value`` checked against the type ``kind`` of a field (``where`` names it in the
    error); with ``convert``, an int given for a float becomes a float."""
    if typing.get_origin(kind) in (typing.Union, types.UnionType):
        options = [a for a in typing.get_args(kind) if a is not type(None)]
        if value is None and len(options) < len(typing.get_args(kind)):
            return None
        return checked_value(options[0], value, where, convert=convert)
    if kind is int:
        if isinstance(value, bool) or not isinstance(value, int):
            raise RuleError(f"{where} must be a whole number, got {value!r}")
        return value
    if kind is float:
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            raise RuleError(f"{where} must be a number, got {value!r}")
        return float(value) if convert else value
    if kind is str:
        if not isinstance(value, str):
            raise RuleError(f"{where} must be a string, got {value!r}")
        return value
    if typing.get_origin(kind) is tuple:
        args = typing.get_args(kind)
        if not isinstance(value, list | tuple):
            raise RuleError(f"{where} must be a list, got {value!r}")
        if args[-1] is Ellipsis:  # tuple[X, ...]
            args = (args[0],) * len(value)
        elif len(value) != len(args):
            raise RuleError(f"{where} must be a list of {len(args)}, got {value!r}")
        return tuple(checked_value(a, v, f"{where}[{i}]", convert=convert)
                     for i, (a, v) in enumerate(zip(args, value, strict=True)))
    raise RuleError(f"{where}: unsupported setting type {kind!r}")  # pragma: no cover
