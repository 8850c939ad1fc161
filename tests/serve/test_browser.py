"""``ringtrace serve`` driven by headless Chromium, the network blocked, end to end.

An investigator opens a ring, assigns it, sets its status, writes a note, judges two of its
agents to be one person and two mentions the resolution had merged to be two; then the
workspace is scanned again: the ring reflects both judgements, and the audit log holds every
action with the reviewer's name. Without Chromium the test is skipped with instructions, except
under ``CI=true``.
"""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from ringtrace.export.masking import mask_ids
from ringtrace.graph.audit import read_audit
from ringtrace.graph.store import SQLiteStore
from ringtrace.queries.results import ScanResults
from ringtrace.queries.ringviews import list_rings, ring_detail
from ringtrace.resolve import ensure
from ringtrace.review import fold, read_actions
from tests.scanned_province import ScannedProvince, copy_workspace, run

pytestmark = pytest.mark.browser

REVIEWER = "检察官甲"


class Desk:
    """``ringtrace serve`` in a subprocess on a free port; ``stop()`` ends it like Ctrl-C."""

    def __init__(self, workspace: Path) -> None:
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "ringtrace", "--workspace", str(workspace), "serve",
             "--port", "0", "--user", REVIEWER],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
            env={**os.environ, "PYTHONUNBUFFERED": "1"})
        assert self.proc.stdout is not None and self.proc.stderr is not None
        line = self.proc.stdout.readline()
        found = re.search(r"http://127\.0\.0\.1:(\d+)/", line)
        if not found:
            self.proc.kill()
            raise AssertionError(f"serve did not start: {line}{self.proc.stderr.read()}")
        self.url = found.group(0)

    def stop(self) -> None:
        self.proc.send_signal(signal.SIGINT)
        self.proc.communicate(timeout=30)
        assert self.proc.returncode == 0


class Page:
    """A browser tab that may talk to the desk only: every other request is aborted."""

    def __init__(self, context: Any, origin: str) -> None:
        self.origin = origin
        self.blocked: list[str] = []
        self.errors: list[str] = []
        self.page = context.new_page()
        self.page.route("**/*", self._route)
        self.page.on("console", self._console)
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))

    def _console(self, message: Any) -> None:
        if message.type == "error":
            self.errors.append(message.text)

    def _route(self, route: Any) -> None:
        url = route.request.url
        if url.startswith((self.origin, "data:", "blob:", "about:")):
            route.continue_()
        else:
            self.blocked.append(url)
            route.abort()

    def submit(self, form: str) -> None:
        with self.page.expect_navigation():
            self.page.locator(f"{form} button[type=submit]").click()
        assert self.page.locator(".desk-flash li").count() == 1, self.page.content()[:2000]

    def assert_clean(self) -> None:
        assert self.blocked == []
        assert self.errors == []


def _agent_pairs(workspace: Path) -> tuple[str, str, tuple[str, str], tuple[str, str],
                                         dict[str, str]]:
    """Ring id, its first case, two of its agents who are different entities, two agent
    mentions the resolution merged into one entity, and the label of each mention in the
    judgement form (the desk masks: its options are tokens, shown by name and masked id)."""
    with SQLiteStore.open(workspace) as store:
        ring = list_rings(store)[0].ring_id
        detail = ring_detail(store, ring)
        res = ensure(store)
    by_entity = {a.id: a.mentions for a in detail.agents}
    labels = {m: f"{a.name}（{mask_ids(m)}）" for a in detail.agents for m in a.mentions}
    merged = next(ids[:2] for ids in by_entity.values() if len(ids) > 1)
    heads = [i.id for i in detail.intermediaries if i.id in by_entity
             and i.id != res.entity(merged[0])]
    assert len(heads) >= 2, "the fixture's top ring should have two more intermediaries"
    return ring, detail.cases[0].id, (heads[0], heads[1]), (merged[0], merged[1]), labels


def test_desk_review_then_scan_honours_the_judgements(
        browser: Any, scanned_province: ScannedProvince, tmp_path: Path) -> None:
    workspace = copy_workspace(scanned_province, tmp_path / "ws")
    ring, first_case, same, not_same, labels = _agent_pairs(workspace)
    desk = Desk(workspace)
    try:
        tab = Page(browser, desk.url)
        tab.page.goto(desk.url, wait_until="load")
        with tab.page.expect_navigation():
            tab.page.locator(f"#rings a[href='/rings/{ring}']").click()
        assert tab.page.evaluate(
            "window.ringtraceNetworks['ring-network'].body.data.nodes.length") > 0

        tab.page.fill("#form-assign input[name=assignee]", "张三")
        tab.submit("#form-assign")
        tab.page.select_option("#form-status select[name=status]", "核查中")
        tab.submit("#form-status")
        tab.page.fill("#form-note textarea[name=note]", "已调取社保缴费记录 <b>待比对</b>")
        tab.submit("#form-note")
        for (a, b), verdict in ((same, "same"), (not_same, "not_same")):
            tab.page.select_option("#form-judge select[name=a]", label=labels[a])
            tab.page.select_option("#form-judge select[name=b]", label=labels[b])
            tab.page.select_option("#form-judge select[name=verdict]", verdict)
            tab.page.fill("#form-judge input[name=note]", f"浏览器测试：{verdict}")
            tab.submit("#form-judge")

        panel = tab.page.locator("#review")
        assert panel.locator(".desk-assignee").inner_text() == "张三"
        assert panel.locator(".desk-status").inner_text() == "核查中"
        assert "已调取社保缴费记录 <b>待比对</b>" in panel.locator(".desk-notes").inner_text()
        tab.assert_clean()
        tab.page.close()
    finally:
        desk.stop()

    state = fold(read_actions(workspace))[ring]
    assert (state.assignee, state.status, state.updated_by) == ("张三", "核查中", REVIEWER)

    run(workspace, "scan")
    with SQLiteStore.open(workspace) as store:
        res = ensure(store)
        scan = ScanResults.load(store)
        scored = scan.case(first_case)
        assert scored is not None and scored.ring_id is not None
        after = scan.ring(scored.ring_id)
    assert res.entity(same[0]) == res.entity(same[1])
    assert res.entity(not_same[0]) != res.entity(not_same[1])
    intermediaries = set(after.intermediaries)
    assert res.entity(same[0]) in intermediaries
    assert not {same[0], same[1]} - {res.entity(same[0])} & intermediaries  # one person now
    assert {res.entity(m) for m in not_same} <= intermediaries  # two people, both in the ring

    desk = Desk(workspace)  # the ring page after the scan shows the entities as judged
    try:
        tab = Page(browser, desk.url)
        tab.page.goto(f"{desk.url}rings/{after.ring_id}", wait_until="load")
        entity = dict(tab.page.evaluate("""Array.from(document.querySelectorAll(
            '#agent-table tr[data-agent]'), r => [r.cells[1].innerText, r.dataset.entity])"""))
        assert entity[mask_ids(same[0])] == entity[mask_ids(same[1])]
        assert entity[mask_ids(not_same[0])] != entity[mask_ids(not_same[1])]
        tab.assert_clean()
        tab.page.close()
    finally:
        desk.stop()

    commands = [(e["command"], e["user"]) for e in read_audit(workspace)]
    review = [c for c in commands if c[0].startswith(("ringtrace serve ", "ringtrace resolve "))]
    assert review == [("ringtrace serve assign", REVIEWER), ("ringtrace serve status", REVIEWER),
                      ("ringtrace serve note", REVIEWER), ("ringtrace resolve same", REVIEWER),
                      ("ringtrace resolve not-same", REVIEWER)]
    assert [c for c, _ in commands][-3:] == ["ringtrace serve", "ringtrace scan",
                                             "ringtrace serve"]
