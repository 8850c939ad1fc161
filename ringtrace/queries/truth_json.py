"""The ground truth's JSON form (``truth.json``, written by ``ringtrace synth`` or assembled by
hand for a verified set), as TypedDicts: what :func:`ringtrace.queries.evaluate.load_truth`
hands to the evaluation, the feedback simulation and the resolution's measurement.

Only ``rings`` and ``sham_case_numbers`` are required (``load_truth`` checks them): an older or
hand-made truth names its sham cases by number, and its rings by their case numbers; the
generator's truth adds a row per case (``cases``, with every name printed in it and its true
identity), the look-alikes (``decoys``), the registry's true identities, the world's drawn
settings (``variation``) and, in a varied world, the documents that are no cases - retrials
revoking a planted suit (``retrials``). Keys the evaluation does not read stay open (``Any``).
"""

from __future__ import annotations

from typing import Any, NotRequired, TypedDict

__all__ = ["TruthCaseJson", "TruthControlRetrialJson", "TruthDecoyJson", "TruthJson", "TruthRetrialJson",
           "TruthRingJson"]


class TruthRingJson(TypedDict):
    """A planted ring: its cases by number, and (from the generator) who ran it."""

    ring_id: NotRequired[str]
    typology: NotRequired[str]
    case_numbers: list[str]
    intermediary: NotRequired[Any]
    agents: NotRequired[list[Any]]
    employers: NotRequired[list[Any]]
    applicants: NotRequired[list[Any]]
    forums: NotRequired[list[Any]]


class TruthDecoyJson(TypedDict):
    """A look-alike case: legitimate, though it passes the published screening rules."""

    case_number: str
    forum: NotRequired[str]
    kind: NotRequired[str]


class TruthCaseJson(TypedDict):
    """One generated case: where it was written, what it is, and who is named in it."""

    #: the document it was written to (none when it is only a record in cases.jsonl)
    file: str | None
    line: NotRequired[int]
    case_number: str | None
    forum: NotRequired[str]
    #: ``ring``, ``decoy`` or ``background``
    group: str | None
    #: the ring's typology, the look-alike's kind or the background case's kind
    kind: str | None
    ring_id: str | None
    #: each name printed in the case with its role, side and true identity
    mentions: NotRequired[list[dict[str, Any]]]


class TruthRetrialJson(TypedDict):
    """A document that is no case to find: a retrial revoking a planted suit as a sham."""

    file: str
    case_number: str
    #: the case number of the planted suit it revokes
    revokes: str


class TruthControlRetrialJson(TypedDict):
    """A document that is no case to find: a retrial of a genuine suit, upheld, revoked on
    another ground or remanded - never a finding of a sham."""

    file: str
    case_number: str
    #: the case number of the genuine suit it reviews
    reviews: str
    #: upheld | procedural | amount | remand
    kind: str


class TruthJson(TypedDict):
    """A whole truth file."""

    rings: list[TruthRingJson]
    sham_case_numbers: list[str]
    decoys: NotRequired[list[TruthDecoyJson]]
    cases: NotRequired[list[TruthCaseJson]]
    registry: NotRequired[list[dict[str, Any]]]
    retrials: NotRequired[list[TruthRetrialJson]]
    control_retrials: NotRequired[list[TruthControlRetrialJson]]
    variation: NotRequired[dict[str, Any]]
    seed: NotRequired[int]
    case_count: NotRequired[int]
    generator_version: NotRequired[str]
