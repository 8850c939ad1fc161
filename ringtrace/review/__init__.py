"""Review state: what investigators did with leads and rings, kept in the workspace.

:mod:`~ringtrace.review.actions` (the typed, append-only review log), :mod:`~.state` (the fold
that gives each lead's and ring's current state) and :mod:`~.desk` (the operations of
``ringtrace serve``: assign, status, note, outcome, entity judgements).
"""

from __future__ import annotations

from ringtrace.review.actions import (
    STATUSES,
    ActionKind,
    ReviewAction,
    append_action,
    read_actions,
)
from ringtrace.review.state import DEFAULT_STATUS, Note, ReviewState, fold

__all__ = ["DEFAULT_STATUS", "STATUSES", "ActionKind", "Note", "ReviewAction", "ReviewState",
           "append_action", "fold", "read_actions"]
