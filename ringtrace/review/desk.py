"""The investigator's desk: the review operations ``ringtrace serve`` offers, as library calls.

Each operation checks its target against the workspace's scan (a lead id ``L-…`` or a ring id
``R-…``), then records through the library that owns the data, so nothing is kept twice:

* assignment, status and notes go to the review log (:mod:`ringtrace.review.actions`);
* an outcome goes through :func:`ringtrace.queries.feedback.record_feedback`, exactly as an
  imported outcome file would (``ringtrace feedback report`` counts it, no CSV round trip),
  and is noted in the review log;
* an entity judgement goes through :func:`ringtrace.resolve.record`, the function behind
  ``ringtrace resolve same``, so the next scan honours it.

Every write holds the workspace's writer lock and leaves a line in the audit log.
"""

from __future__ import annotations

from pathlib import Path

from ringtrace.errors import NotFound, RingtraceError
from ringtrace.graph.audit import utc_now, write_entry
from ringtrace.graph.identity import clean
from ringtrace.graph.records import FeedbackRecord
from ringtrace.graph.store.base import GraphStore
from ringtrace.loaders.feedback import outcomes
from ringtrace.loaders.values import parse_date
from ringtrace.queries.feedback import record_feedback
from ringtrace.queries.results import ScanResults
from ringtrace.resolve import Judgement, Verdict, ensure, record
from ringtrace.resolve.judgements import audit_line
from ringtrace.review.actions import ActionKind, ReviewAction, append_action

__all__ = ["add_note", "assign", "check_target", "judge", "outcome_date", "outcome_names",
           "record_outcome", "set_status"]


def check_target(store: GraphStore, target: str) -> str:
    """``target`` if the last scan has that lead or ring, else :class:`NotFound`."""
    scan = ScanResults.load(store)
    if target.startswith("R-"):
        return scan.ring(target).ring_id
    if scan.lead_case(target) is not None:
        return target
    raise NotFound(f"no lead or ring {target!r} in the last scan; `ringtrace leads` and "
                   "`ringtrace rings` list them (ids change only when the data changes)")


def _act(store: GraphStore, workspace: str | Path, kind: ActionKind, target: str, *,
         user: str, value: str = "", note: str = "") -> ReviewAction:
    target = check_target(store, target)
    return append_action(store, workspace, ReviewAction(kind, target, value, note, user))


def assign(store: GraphStore, workspace: str | Path, target: str, assignee: str, *,
           user: str) -> ReviewAction:
    """Give ``target`` to ``assignee`` (an empty assignee releases it)."""
    return _act(store, workspace, ActionKind.ASSIGN, target, user=user, value=assignee.strip())


def set_status(store: GraphStore, workspace: str | Path, target: str, status: str, *,
               user: str, note: str = "") -> ReviewAction:
    """Set the status of ``target`` (one of :data:`~ringtrace.review.actions.STATUSES`)."""
    return _act(store, workspace, ActionKind.STATUS, target, user=user, value=status,
                note=note)


def add_note(store: GraphStore, workspace: str | Path, target: str, text: str, *,
             user: str) -> ReviewAction:
    """Add a note to ``target``."""
    return _act(store, workspace, ActionKind.NOTE, target, user=user, note=text.strip())


def outcome_names() -> list[str]:
    """The canonical outcomes an investigator can record (``mappings/feedback.yaml``)."""
    return list(dict.fromkeys(o.name for o in outcomes().values()))


def outcome_date(text: str | None) -> str:
    """The date of an outcome as stored: ``text`` read as ``ringtrace feedback import`` reads
    a date cell (``2021-03-01``, ``2021年3月1日``, ``2021-03`` …), today (UTC) when empty;
    :class:`ValueError` saying what was wrong when it is not a calendar date.

    >>> outcome_date("2021年3月1日")
    '2021-03-01'
    >>> outcome_date("2021-02-30")
    Traceback (most recent call last):
    ...
    ValueError: not a valid calendar date: '2021-02-30'
    """
    if text is None or not text.strip():
        return utc_now()[:10]
    day = parse_date(text.strip())
    if day is None:  # a placeholder such as "-" or "无"
        raise ValueError(f"not a date: {text!r} (expected e.g. 2021-03-01)")
    return day


def record_outcome(store: GraphStore, workspace: str | Path, lead_id: str, outcome: str, *,
                   user: str, date: str | None = None, note: str = "") -> ReviewAction:
    """Record the outcome of a lead in the outcomes log (what ``feedback import`` writes) and
    note it in the review log. ``date`` is read as ``feedback import`` reads it
    (:func:`outcome_date`) and defaults to today (UTC)."""
    found = outcomes().get(clean(outcome).lower())
    if found is None:
        raise RingtraceError(f"unknown outcome {outcome!r}; accepted: {'、'.join(outcome_names())}")
    if not lead_id.startswith("L-"):
        raise RingtraceError(f"an outcome is recorded on a lead (L-…), not on {lead_id!r}")
    try:
        day = outcome_date(date)
    except ValueError as exc:
        raise RingtraceError(f"outcome date: {exc}; give the day the outcome was decided, "
                             "e.g. 2021-03-01") from exc
    lead_id = check_target(store, lead_id)
    item = FeedbackRecord(outcome=found.name, date=day, lead_id=lead_id, verdict=found.verdict,
                          stage=found.stage, note=note.strip() or None,
                          source_file=f"ringtrace serve ({user})")
    with store.writing("review"):
        result = record_feedback(store, workspace, [item])
        if result.problems:
            raise RingtraceError(result.problems[0].reason)
        return append_action(store, workspace, ReviewAction(
            ActionKind.OUTCOME, lead_id, found.name, note.strip(), user))


def judge(store: GraphStore, workspace: str | Path, verdict: Verdict | str, a: str,
          b: str | None = None, *, user: str, note: str = "") -> Judgement:
    """Record that ``a`` and ``b`` are (``same``) or are not (``not_same``) one person or
    employer, or ``split`` entity ``a``; the kept resolution is brought up to date."""
    with store.writing("review"):
        judgement = record(store, verdict, a, b, resolution=ensure(store), note=note.strip(),
                           user=user)
        write_entry(workspace, audit_line(judgement))
        ensure(store)
    return judgement
