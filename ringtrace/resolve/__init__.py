"""Entity resolution: which Person and Employer nodes are one person or one enterprise.

A stage between ingest and scan. The store keeps one node per printed key (a person's name with
a birth date, an employer's normalised name...); resolution groups those nodes into entities
with the rule and evidence of every merge, honours the analysts' judgements, and is applied by
the analysis frame (:func:`ringtrace.queries.frame.build_frame`), so that every rule sees one id
per person and per enterprise. ``docs/resolution.md`` describes the rules and the measurements.

One job per module: :mod:`~ringtrace.resolve.names` (name keys), :mod:`~.mentions` (reading
the store), :mod:`~.employers`, :mod:`~.persons`, :mod:`~.agents` (the rules),
:mod:`~.cluster` (constrained union-find), :mod:`~.judgements` (analyst judgements),
:mod:`~.settings` (the ``[resolve]`` tunables), :mod:`~.stage` (compute / keep / reuse),
:mod:`~.evaluate` (pairwise precision and recall).
"""

from __future__ import annotations

from ringtrace.resolve.explain import EntityStory, explain
from ringtrace.resolve.judgements import AmbiguousEntity, Candidate, lookup, record, stored
from ringtrace.resolve.model import (
    Entity,
    Judgement,
    KindCounts,
    Merge,
    Relation,
    Resolution,
    Verdict,
)
from ringtrace.resolve.settings import ResolveSettings
from ringtrace.resolve.stage import ensure, fingerprint, resolve, run, unsaved

__all__ = [
    "AmbiguousEntity",
    "Candidate",
    "Entity",
    "EntityStory",
    "Judgement",
    "KindCounts",
    "Merge",
    "Relation",
    "Resolution",
    "ResolveSettings",
    "Verdict",
    "ensure",
    "explain",
    "fingerprint",
    "lookup",
    "record",
    "resolve",
    "run",
    "stored",
    "unsaved",
]
