from __future__ import annotations

from pathlib import Path

import pytest

from ringtrace.errors import NotFound, RingtraceError
from ringtrace.graph.audit import read_audit
from ringtrace.graph.store import SQLiteStore
from ringtrace.queries.feedback import feedback_report, read_outcomes
from ringtrace.queries.leads import list_leads
from ringtrace.queries.ringviews import list_rings
from ringtrace.resolve import Verdict, ensure, stored
from ringtrace.review import fold, read_actions
from ringtrace.review.desk import (
    add_note,
    assign,
    judge,
    outcome_names,
    record_outcome,
    set_status,
)

ZHANG = "Person:张桂兰|b:1968-05-02"
LIU = "Person:刘秀英|b:1967-02-02"


def test_assign_status_note_fold_into_the_ring_state(ws: Path) -> None:
    with SQLiteStore.open(ws) as store:
        ring = list_rings(store)[0].ring_id
        assign(store, ws, ring, " 张三 ", user="李四")
        set_status(store, ws, ring, "核查中", user="张三")
        add_note(store, ws, ring, "已调取社保缴费记录", user="张三")
    state = fold(read_actions(ws))[ring]
    assert (state.assignee, state.status, [n.text for n in state.notes]) == (
        "张三", "核查中", ["已调取社保缴费记录"])
    assert [e["command"] for e in read_audit(ws)][-3:] == [
        "ringtrace serve assign", "ringtrace serve status", "ringtrace serve note"]


def test_unknown_targets_are_refused_with_where_to_look(ws: Path) -> None:
    with SQLiteStore.open(ws) as store, pytest.raises(NotFound, match="ringtrace leads"):
        assign(store, ws, "L-0000000000", "张三", user="李四")
    assert read_actions(ws) == []


def test_an_outcome_feeds_the_feedback_report_without_a_file(ws: Path) -> None:
    with SQLiteStore.open(ws) as store:
        lead = list_leads(store)[0]
        record_outcome(store, ws, lead.lead_id, "属实", user="检察官甲", date="2026-01-05",
                       note="补缴已追回")
        report = feedback_report(store, ws)
    [line] = read_outcomes(ws)
    assert (line.lead_id, line.case_id, line.outcome, line.verdict, line.date,
            line.note) == (lead.lead_id, lead.case_id, "核实属实", True, "2026-01-05",
                              "补缴已追回")
    assert line.source.startswith("ringtrace serve (检察官甲)")
    assert (report.outcomes, report.verified, report.held) == (1, 1, 1)
    assert fold(read_actions(ws))[lead.lead_id].outcome == "核实属实"


def test_outcomes_are_checked(ws: Path) -> None:
    with SQLiteStore.open(ws) as store:
        ring = list_rings(store)[0].ring_id
        lead = list_leads(store)[0].lead_id
        with pytest.raises(RingtraceError, match="unknown outcome"):
            record_outcome(store, ws, lead, "大概属实", user="甲")
        with pytest.raises(RingtraceError, match="on a lead"):
            record_outcome(store, ws, ring, "不属实", user="甲")
        for bad in ("2021-02-30", "<script>alert(1)</script>", "-", "2021-13"):
            with pytest.raises(RingtraceError, match="outcome date: not a"):
                record_outcome(store, ws, lead, "不属实", user="甲", date=bad)
        record_outcome(store, ws, lead, "不属实", user="甲", date="2021年3月1日")
    assert [o.date for o in read_outcomes(ws)] == ["2021-03-01"]  # as feedback import reads it
    assert {"核实属实", "不属实", "移送公安"} <= set(outcome_names())


def test_judgements_go_through_resolve_and_the_audit_log(ws: Path) -> None:
    with SQLiteStore.open(ws) as store:
        same = judge(store, ws, Verdict.SAME, ZHANG, LIU, user="检察官甲", note="同一人")
        assert ensure(store).entity(ZHANG) == ensure(store).entity(LIU)
        judge(store, ws, "not_same", ZHANG, LIU, user="检察官乙")
        assert ensure(store).entity(ZHANG) != ensure(store).entity(LIU)
        assert [(j.verdict, j.user) for j in stored(store)] == [
            (Verdict.SAME, "检察官甲"), (Verdict.NOT_SAME, "检察官乙")]
    assert same.note == "同一人"
    lines = [(e["command"], e["user"]) for e in read_audit(ws)
             if e["command"].startswith("ringtrace resolve")]
    assert lines == [("ringtrace resolve same", "检察官甲"), ("ringtrace resolve not-same", "检察官乙")]
