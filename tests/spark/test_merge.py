"""Merging the scans of parts: findings in catalogue order with case rows pointing at them,
rings ranked again, leads merged."""

from __future__ import annotations

from typing import cast

from ringtrace.queries.scan_json import ScanJson
from ringtrace.spark.merge import merge_scans


def _part(case: str, rules: list[str], score: float, ring: str) -> ScanJson:
    """A part's scan with only the keys the merge reads."""
    findings = [{"rule_id": r, "subject": case, "cases": [case], "summary": r, "evidence": []}
                for r in rules]
    return cast(ScanJson, {
        "meta": {"rules": {}, "community_seed": 1, "lead_threshold": 0.5, "communities": 1,
                 "cases_scanned": 1},
        "findings": findings, "explained_groups": [],
        "cases": {case: {"final_score": score, "findings": list(range(len(rules))),
                         "community": 0}},
        "rings": [{"ring_id": ring, "reported": True, "score": score, "cases": [case],
                   "rank": 1, "community": 0}],
        "leads": [case]})


def test_case_rows_point_at_their_own_findings_after_the_merge() -> None:
    merged = merge_scans([_part("Case:b", ["AGENT_BOTH_SIDES", "CLAIM_NO_OBJECTION"], 0.7, "R-b"),
                          _part("Case:a", ["CLAIM_NO_OBJECTION"], 0.9, "R-a")])
    for case, row in merged["cases"].items():
        assert all(merged["findings"][i]["subject"] == case for i in row["findings"])
    # catalogue order (claims before agents), then subject
    assert [(f["rule_id"], f["subject"]) for f in merged["findings"]] == [
        ("CLAIM_NO_OBJECTION", "Case:a"), ("CLAIM_NO_OBJECTION", "Case:b"),
        ("AGENT_BOTH_SIDES", "Case:b")]
    assert [r["ring_id"] for r in merged["rings"]] == ["R-a", "R-b"]
    assert [r["rank"] for r in merged["rings"]] == [1, 2]
    assert merged["leads"] == ["Case:a", "Case:b"]
    assert merged["meta"]["cases_scanned"] == 2 and merged["meta"]["findings"] == 3
