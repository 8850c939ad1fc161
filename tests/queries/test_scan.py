"""Scan on the tiny province: the ring is found, legit cases are not leads, results are stable."""

from __future__ import annotations

import gc
import weakref
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import pytest

from ringtrace.graph.identity import lead_id
from ringtrace.graph.store.sqlite import SQLiteStore
from ringtrace.loaders.ingest import ingest_paths
from ringtrace.queries.entities import employer_profile
from ringtrace.queries.frame import Frame
from ringtrace.queries.frame_cache import cached_frame
from ringtrace.queries.leads import list_leads
from ringtrace.queries.ringviews import list_rings, ring_detail
from ringtrace.queries.rules import load_rules
from ringtrace.queries.scan import STEPS, run_scan


def _without_time(result: Mapping[str, Any]) -> dict[str, Any]:
    return {**result, "meta": {k: v for k, v in result["meta"].items() if k != "scanned_at"}}


def test_two_scans_give_identical_rings_members_and_scores(scanned: SQLiteStore) -> None:
    first = _without_time(scanned.load_scan() or {})
    second = _without_time(run_scan(scanned))
    assert first == second
    assert [r["ring_id"] for r in first["rings"]] == [r["ring_id"] for r in second["rings"]]


def test_the_sham_ring_is_one_ring_with_its_intermediary(scanned: SQLiteStore) -> None:
    [ring] = list_rings(scanned)
    assert ring.cases == 5 and ring.applicants == 5 and ring.employers == 1
    assert ring.intermediaries == ("王建国",)
    detail = ring_detail(scanned, "1")
    assert detail.ring_id == ring.ring_id
    assert {c.case_number for c in detail.cases} == {
        f"(2021)豫0502民初{n}号" for n in range(100, 105)}
    assert detail.exposure.amount_yuan > 0 and "1%" in detail.exposure.method


def test_leads_carry_rule_ids_case_numbers_and_text_evidence(scanned: SQLiteStore) -> None:
    leads = list_leads(scanned)
    assert {lead.case_number for lead in leads} == {
        f"(2021)豫0502民初{n}号" for n in range(100, 105)}
    [ring] = list_rings(scanned)
    assert [lead.rank for lead in leads] == list(range(1, len(leads) + 1))
    assert [lead.score for lead in leads] == sorted((lead.score for lead in leads),
                                                       reverse=True)
    for lead in leads:
        assert lead.lead_id == lead_id(lead.case_id) and lead.ring_id == ring.ring_id
        assert "CLAIM_NO_OBJECTION" in lead.rules and "AGENT_ONE_GROUP" in lead.rules
        quoted = [e.detail for e in lead.evidence if e.kind == "text"]
        assert "被告辩称，对原告的诉讼请求无异议。" in quoted


def test_contested_cases_against_a_big_employer_are_not_leads(scanned: SQLiteStore) -> None:
    contested = {"(2020)豫0503民初7号", "(2020)豫0503民初8号"}
    numbers = {lead.case_number for lead in list_leads(scanned)}
    assert numbers and not numbers & contested
    # their wage claims speak for them: scored, well below even odds, in no ring
    scored = [lead for lead in list_leads(scanned, min_score=0.0)
              if lead.case_number in contested]
    assert {lead.case_number for lead in scored} == contested
    for lead in scored:
        assert lead.rules == ("CLAIM_MONEY",) and lead.score < 0.1
        assert lead.ring_id is None


def test_employer_profile_has_registry_facts_cases_agents_flags_and_ring(
        scanned: SQLiteStore) -> None:
    profile = employer_profile(scanned, "91410502MA3X5Y0K2B")
    assert profile.employer["insured_headcount"] == 2
    assert len(profile.cases) == 5 and len(profile.plaintiffs) == 5
    assert [a.name for a in profile.agents] == ["王建国"]
    assert {"EMP_BURST", "EMP_OVER_HEADCOUNT", "EMP_STATUS"} <= {
        f.rule_id for f in profile.flags}
    assert len(profile.rings) == 1


def test_a_rule_weight_of_zero_switches_the_rule_off(province: Path, tmp_path: Path) -> None:
    with SQLiteStore.open(tmp_path / "ws2") as store:
        ingest_paths(store, [province])
        result = run_scan(store, load_rules(overrides={"rules": {"EMP_STATUS": {"weight": 0.0}}}))
    assert all(f["rule_id"] != "EMP_STATUS" for f in result["findings"])


def test_a_cluster_is_reported_on_coordination_or_a_majority_of_leads() -> None:
    from ringtrace.queries.scan import reportable

    m = int(load_rules().rings.min_uncoordinated_cases)  # 3 applicants
    assert not reportable(1, 2, 2, 1.0, m)  # one lead is no ring
    assert reportable(2, 30, 30, 0.5, m)  # coordinated: an intermediary ties the cases together
    assert not reportable(10, 30, 30, 0.0, m)  # only filed together, most cases not leads
    assert reportable(16, 30, 30, 0.0, m)
    assert not reportable(2, 2, 2, 0.0, m)  # two leads against one employer are two leads
    assert reportable(2, 2, 2, 0.0, m, strong=2)  # ... unless both are strong
    assert reportable(2, 2, 2, 1.0, m)
    assert not reportable(3, 3, 1, 1.0, m, strong=3)  # one worker's dispute through three instances


def test_a_scan_reports_the_steps_it_announces(province: Path, tmp_path: Path) -> None:
    """A progress bar's total is ``len(STEPS)``: the steps reported must be exactly those."""
    said: list[str] = []
    with SQLiteStore.open(tmp_path / "ws2") as store:
        ingest_paths(store, [province])
        run_scan(store, progress=said.append)
    assert tuple(said) == STEPS


def test_a_scan_leaves_no_cycle_holding_its_frame(province: Path, tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    """The frame is freed by reference counting when the scan returns: a cycle through what
    the rules memoised would keep it (millions of objects at a province's scale) until the
    collector walks it all."""
    from ringtrace.queries import scan as scan_module

    frames: list[weakref.ref[Frame]] = []

    def kept(*args: Any, **kwargs: Any) -> Frame:
        frame = cached_frame(*args, **kwargs)
        frames.append(weakref.ref(frame))
        return frame

    monkeypatch.setattr(scan_module, "cached_frame", kept)
    with SQLiteStore.open(tmp_path / "ws2") as store:
        ingest_paths(store, [province])
        was_enabled = gc.isenabled()
        gc.disable()  # no collection may free it
        try:
            result = run_scan(store)
            assert frames and frames[0]() is None
        finally:
            if was_enabled:
                gc.enable()
    assert result["meta"]["rings"] >= 1
