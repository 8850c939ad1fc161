from __future__ import annotations

from ringtrace.review.actions import ActionKind as K
from ringtrace.review.actions import ReviewAction as A
from ringtrace.review.state import DEFAULT_STATUS, ReviewState, fold


def test_later_actions_win_and_notes_accumulate() -> None:
    states = fold([
        A(K.ASSIGN, "R-1", "张三", user="李四", time="t1"),
        A(K.NOTE, "L-9", note="先看这条", user="李四", time="t2"),
        A(K.STATUS, "R-1", "核查中", user="张三", time="t3"),
        A(K.NOTE, "R-1", note="已调取社保记录", user="张三", time="t4"),
        A(K.ASSIGN, "R-1", "王五", user="李四", time="t5"),
        A(K.NOTE, "R-1", note="移交王五", user="李四", time="t6"),
        A(K.STATUS, "R-1", "属实", user="王五", time="t7"),
        A(K.OUTCOME, "L-9", "核实属实", note="补缴已追回", user="王五", time="t8"),
    ])
    ring = states["R-1"]
    assert (ring.assignee, ring.status, ring.updated, ring.updated_by) == ("王五", "属实", "t7", "王五")
    assert [(n.text, n.user, n.time) for n in ring.notes] == [
        ("已调取社保记录", "张三", "t4"), ("移交王五", "李四", "t6")]
    assert len(ring.history) == 6
    lead = states["L-9"]
    assert (lead.status, lead.outcome, lead.outcome_note, lead.assignee) == (
        DEFAULT_STATUS, "核实属实", "补缴已追回", "")


def test_unassign_and_untouched_targets() -> None:
    states = fold([A(K.ASSIGN, "R-1", "张三", user="甲", time="t1"),
                   A(K.ASSIGN, "R-1", "", user="甲", time="t2")])
    assert states["R-1"].assignee == ""
    assert "R-2" not in states
    assert ReviewState("R-2").status == "待核查"
