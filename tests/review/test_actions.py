from __future__ import annotations

from pathlib import Path

import pytest

from ringtrace.errors import RingtraceError, StoreError, WorkspaceBusy
from ringtrace.graph.audit import read_audit
from ringtrace.graph.store import SQLiteStore
from ringtrace.review.actions import (
    ActionKind,
    ReviewAction,
    actions_path,
    append_action,
    read_actions,
)


def test_append_stamps_time_logs_and_audits(tmp_path: Path) -> None:
    with SQLiteStore.open(tmp_path, create=True) as store:
        written = append_action(store, tmp_path, ReviewAction(
            ActionKind.STATUS, "R-1", "核查中", user="检察官甲"))
        append_action(store, tmp_path, ReviewAction(ActionKind.NOTE, "R-1", note="调取社保记录",
                                                    user="检察官乙"))
    assert written.time  # stamped
    assert [(a.kind, a.value, a.note, a.user) for a in read_actions(tmp_path)] == [
        (ActionKind.STATUS, "核查中", "", "检察官甲"), (ActionKind.NOTE, "", "调取社保记录", "检察官乙")]
    audit = read_audit(tmp_path)
    assert [(e["command"], e["user"], e["params"]["target"]) for e in audit] == [
        ("ringtrace serve status", "检察官甲", "R-1"), ("ringtrace serve note", "检察官乙", "R-1")]
    assert audit[0]["time"] == written.time


@pytest.mark.parametrize(("action", "message"), [
    (ReviewAction(ActionKind.STATUS, "R-1", "差不多", user="甲"), "unknown status"),
    (ReviewAction(ActionKind.NOTE, "R-1", note="  ", user="甲"), "empty note"),
    (ReviewAction(ActionKind.ASSIGN, "R-1", "乙"), "needs a user"),
    (ReviewAction(ActionKind.ASSIGN, "", "乙", user="甲"), "needs a target"),
])
def test_refuses_bad_actions(tmp_path: Path, action: ReviewAction, message: str) -> None:
    with SQLiteStore.open(tmp_path, create=True) as store, pytest.raises(RingtraceError,
                                                                          match=message):
        append_action(store, tmp_path, action)
    assert read_actions(tmp_path) == []


def test_waits_for_no_one_while_another_writer_holds_the_lock(tmp_path: Path) -> None:
    with SQLiteStore.open(tmp_path, create=True) as scanning, scanning.writing("scan"), \
            SQLiteStore.open(tmp_path) as desk, pytest.raises(WorkspaceBusy):
        append_action(desk, tmp_path, ReviewAction(ActionKind.ASSIGN, "R-1", "乙", user="甲"))
    assert read_actions(tmp_path) == []


def test_a_line_edited_by_hand_is_named(tmp_path: Path) -> None:
    path = actions_path(tmp_path)
    path.parent.mkdir(parents=True)
    path.write_text('{"kind": "delete", "target": "R-1"}\n', "utf-8")
    with pytest.raises(StoreError, match="unknown kind"):
        read_actions(tmp_path)
