"""Review actions: who took a lead or ring, its status, notes and outcome, as an append-only log.

An investigator's work on a lead (``L-…``) or a ring (``R-…``) is recorded as
:class:`ReviewAction` lines in ``<workspace>/review/actions.jsonl``: never edited, only appended
(one ``write`` per action, under the workspace's writer lock, the lock ingest and scan take), so
the log is also the history. Each action is written to the audit log too, with the reviewer as
its user. The current state of a target is a fold over its actions
(:func:`ringtrace.review.state.fold`).

>>> a = ReviewAction(ActionKind.STATUS, "L-0123456789", value="核查中", user="检察官甲",
...                  time="2026-01-05T08:00:00+00:00")
>>> ReviewAction.from_dict(a.to_dict()) == a
True
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import Any

from ringtrace.errors import RingtraceError, StoreError
from ringtrace.export.jsonl import append_jsonl, read_jsonl
from ringtrace.graph.audit import audit_entry, utc_now, write_entry
from ringtrace.graph.store.base import GraphStore

__all__ = ["ACTIONS_FILE", "STATUSES", "ActionKind", "ReviewAction", "actions_path",
           "append_action", "read_actions"]

ACTIONS_FILE = Path("review") / "actions.jsonl"

#: The statuses a lead or ring can be given, in the order of an investigation.
STATUSES = ("待核查", "核查中", "属实", "不属实", "已移送", "已结案")


class ActionKind(StrEnum):
    """What a review action does to its target."""

    ASSIGN = "assign"  # value: the assignee ("" releases it)
    STATUS = "status"  # value: one of STATUSES
    NOTE = "note"  # note: the text
    OUTCOME = "outcome"  # value: a feedback outcome (核实属实 …), also in the outcomes log


@dataclass(frozen=True)
class ReviewAction:
    """One investigator's action on one lead or ring: kind, target, value, note, user, time."""

    kind: ActionKind
    target: str
    value: str = ""
    note: str = ""
    user: str = ""
    time: str = ""

    def to_dict(self) -> dict[str, str]:
        return {"kind": self.kind.value, "target": self.target, "value": self.value,
                "note": self.note, "user": self.user, "time": self.time}

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> ReviewAction:
        try:
            kind = ActionKind(data["kind"])
        except (KeyError, ValueError) as exc:
            raise StoreError(f"review log line with an unknown kind: {dict(data)!r}; the log "
                             f"has been edited by hand") from exc
        return cls(kind, str(data.get("target", "")), str(data.get("value") or ""),
                   str(data.get("note") or ""), str(data.get("user") or ""),
                   str(data.get("time") or ""))


def actions_path(workspace: str | Path) -> Path:
    return Path(workspace) / ACTIONS_FILE


def read_actions(workspace: str | Path) -> list[ReviewAction]:
    """Every review action of a workspace, oldest first (empty when none was recorded)."""
    return [ReviewAction.from_dict(row)
            for row in read_jsonl(actions_path(workspace), "the review log")]


def _check(action: ReviewAction) -> None:
    if not action.target:
        raise RingtraceError("a review action needs a target (a lead id L-… or a ring id R-…)")
    if not action.user:
        raise RingtraceError("a review action needs a user: start `ringtrace serve --user NAME`")
    if action.kind is ActionKind.STATUS and action.value not in STATUSES:
        raise RingtraceError(f"unknown status {action.value!r}; use one of "
                             f"{'、'.join(STATUSES)}")
    if action.kind is ActionKind.NOTE and not action.note.strip():
        raise RingtraceError("an empty note is not recorded; write the note text")


def append_action(store: GraphStore, workspace: str | Path, action: ReviewAction
                  ) -> ReviewAction:
    """Append ``action`` (stamped with the current time if it has none) to the review log and
    the audit log, holding the workspace's writer lock; returns the action as written.

    Raises :class:`~ringtrace.errors.WorkspaceBusy` while an ingest or scan is writing.
    """
    if not action.time:
        action = ReviewAction(action.kind, action.target, action.value, action.note,
                              action.user, utc_now())
    _check(action)
    with store.writing("review"):
        append_jsonl(actions_path(workspace), [action.to_dict()])
        entry = audit_entry(f"ringtrace serve {action.kind.value}",
                            {"target": action.target, "value": action.value,
                             "note": action.note}, {"recorded": 1}, time=action.time)
        entry["user"] = action.user
        write_entry(workspace, entry)
    return action
