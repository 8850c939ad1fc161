"""The current review state of each lead and ring: a fold over the review log.

Later actions win (assignee, status, outcome); notes accumulate in order. Nothing is stored
besides the log, so the state can always be rebuilt and every value traced to who set it when.

>>> from ringtrace.review.actions import ActionKind as K, ReviewAction as A
>>> state = fold([A(K.ASSIGN, "R-1", "张三", user="李四", time="t1"),
...               A(K.STATUS, "R-1", "核查中", user="张三", time="t2"),
...               A(K.NOTE, "R-1", note="已调取社保记录", user="张三", time="t3")])["R-1"]
>>> state.assignee, state.status, [n.text for n in state.notes], state.updated
('张三', '核查中', ['已调取社保记录'], 't3')
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field, replace

from ringtrace.review.actions import STATUSES, ActionKind, ReviewAction

__all__ = ["DEFAULT_STATUS", "Note", "ReviewState", "fold"]

#: A lead or ring nobody has touched yet.
DEFAULT_STATUS = STATUSES[0]


@dataclass(frozen=True)
class Note:
    """A note as written: its text, who wrote it and when."""

    text: str
    user: str
    time: str


@dataclass(frozen=True)
class ReviewState:
    """Where a lead or ring stands: assignee, status, notes, outcome, and the last change."""

    target: str
    assignee: str = ""
    status: str = DEFAULT_STATUS
    notes: tuple[Note, ...] = ()
    outcome: str = ""
    outcome_note: str = ""
    updated: str = ""
    updated_by: str = ""
    history: tuple[ReviewAction, ...] = field(default=(), repr=False)


def _apply(state: ReviewState, action: ReviewAction) -> ReviewState:
    state = replace(state, updated=action.time, updated_by=action.user,
                    history=(*state.history, action))
    if action.kind is ActionKind.ASSIGN:
        return replace(state, assignee=action.value)
    if action.kind is ActionKind.STATUS:
        return replace(state, status=action.value)
    if action.kind is ActionKind.NOTE:
        return replace(state, notes=(*state.notes, Note(action.note, action.user, action.time)))
    return replace(state, outcome=action.value, outcome_note=action.note)


def fold(actions: Iterable[ReviewAction]) -> dict[str, ReviewState]:
    """Target id -> its current :class:`ReviewState`, from actions oldest first."""
    states: dict[str, ReviewState] = {}
    for action in actions:
        states[action.target] = _apply(states.get(action.target, ReviewState(action.target)),
                                       action)
    return states
