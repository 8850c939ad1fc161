"""Outcome feedback: keep what investigators found, measure the rules, and re-weight them.

Outcomes live in ``<workspace>/feedback/outcomes.jsonl`` (one line per reported outcome, never
rewritten). A lead's *verdict* is that of its latest outcome with a verdict (by date, then by
procedural stage): 核实属实 and every later remedy mean the lead held up, 不属实 that it did not;
open outcomes (核查中) do not count.

One module per job:

* :mod:`~ringtrace.queries.feedback.persistence`: the outcomes log - read it, record imported
  rows in it (:func:`record_feedback`).
* :mod:`~ringtrace.queries.feedback.matching`: tie a row to this workspace's lead, and a lead
  to its verdict (:func:`verdicts`).
* :mod:`~ringtrace.queries.feedback.precision`: precision tables, precision@k, average
  precision and the seeded holdout split.
* :mod:`~ringtrace.queries.feedback.report`: :func:`feedback_report` (precision per rule, region
  and procuratorate; new weights from :func:`~ringtrace.queries.reweight.reweight`, evaluated
  against the old on held-out cases) and :func:`weights_toml`.
* :mod:`~ringtrace.queries.feedback.simulate`: outcome rows from a synthetic truth (demo, tests).

The method is documented in ``docs/feedback.md``. This package re-exports the public names, so
callers import them from ``ringtrace.queries.feedback``.
"""

from __future__ import annotations

from ringtrace.queries.feedback.matching import Verdict, verdicts
from ringtrace.queries.feedback.outcome import OutcomeLine
from ringtrace.queries.feedback.persistence import (
    OUTCOMES_FILE,
    FeedbackImport,
    outcomes_path,
    read_outcomes,
    record_feedback,
)
from ringtrace.queries.feedback.precision import average_precision, precision_at
from ringtrace.queries.feedback.report import FeedbackReport, feedback_report, weights_toml
from ringtrace.queries.feedback.simulate import simulate_outcomes
from ringtrace.queries.reweight import (
    DEFAULT_PRIOR_STRENGTH,
    Example,
    matched_threshold,
    rescore,
    reweight,
)

__all__ = ["DEFAULT_PRIOR_STRENGTH", "OUTCOMES_FILE", "Example", "FeedbackImport",
           "FeedbackReport", "OutcomeLine", "Verdict",
           "average_precision", "feedback_report", "matched_threshold", "outcomes_path",
           "precision_at", "read_outcomes", "record_feedback", "rescore", "reweight",
           "simulate_outcomes", "verdicts", "weights_toml"]
