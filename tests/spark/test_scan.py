"""``spark scan`` on local[2] gives the embedded scan's rings, case scores, leads and findings.

A generated province's documents are parsed by ``spark parse``; one workspace ingested from that
parsed corpus is scanned the embedded way, and the same corpus is scanned on Spark cut into
several bins, its largest component forced to run alone. The known differences are asserted
too: community labels (PLM runs per bin) and the order of findings within a rule.
"""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path
from typing import Any, cast

import pytest

from ringtrace import synth
from ringtrace.graph.store.sqlite import SQLiteStore
from ringtrace.loaders.ingest import ingest_paths
from ringtrace.queries.scan import run_scan
from ringtrace.queries.scan_json import ScanJson
from ringtrace.spark.parse import parse_corpus
from ringtrace.spark.scan import RESULTS_FILE, ScanSummary, scan_corpus
from ringtrace.synth import generate
from ringtrace.synth.variation import draw

pytestmark = pytest.mark.spark

CASES = 300


@pytest.fixture(scope="module")
def scanned(spark: Any, tmp_path_factory: pytest.TempPathFactory
            ) -> tuple[ScanJson, ScanJson, ScanSummary, Path]:
    root = tmp_path_factory.mktemp("spark-scan")
    province = root / "province"
    generate(province, seed=5, cases=CASES, texts=True)
    parse_corpus(spark, str(province / "documents"), root / "parsed")
    tables = [province / "registry.csv", province / "backpayments.csv"]
    with SQLiteStore.open(root / "ws") as store:
        ingest_paths(store, [root / "parsed", *tables])
        local = run_scan(store)
    summary = scan_corpus(spark, root / "parsed", root / "results", tables=tables,
                          bin_cases=150, max_component_cases=100)
    remote = json.loads((root / "results" / RESULTS_FILE).read_text("utf-8"))
    return local, remote, summary, root


def _without_community(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [{**row, "community": None} for row in rows]


def _case_rows(scan: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """Case rows with their findings looked up (a row holds indexes into the findings, whose
    order within one rule differs between the engines) and without the community label."""
    return {c: {**row, "community": None,
                "findings": sorted(json.dumps(scan["findings"][i], sort_keys=True,
                                              ensure_ascii=False) for i in row["findings"])}
            for c, row in scan["cases"].items()}


def test_the_corpus_runs_in_several_bins_and_the_big_component_alone(
        scanned: tuple[dict[str, Any], dict[str, Any], ScanSummary, Path]) -> None:
    _, remote, summary, _ = scanned
    assert summary.cases == CASES
    assert summary.bins >= 3 and summary.components > summary.bins
    assert summary.oversized and all(o["cases"] > 100 for o in summary.oversized)
    assert summary.oversized[0]["cases"] == summary.largest_component
    assert remote["meta"]["engine"]["oversized"] == summary.oversized
    assert set(summary.seconds) == {"items", "components", "bins", "scan", "merge"}


def test_rings_scores_and_leads_equal_the_embedded_scan(
        scanned: tuple[dict[str, Any], dict[str, Any], ScanSummary, Path]) -> None:
    local, remote, _, _ = scanned
    assert local["rings"] and local["leads"]
    assert _without_community(remote["rings"]) == _without_community(local["rings"])
    assert remote["leads"] == local["leads"]
    assert _case_rows(remote) == _case_rows(local)
    assert remote["explained_groups"] == local["explained_groups"]
    for key in ("cases_scanned", "findings", "rings", "clusters", "leads", "rules"):
        assert remote["meta"][key] == local["meta"][key], key


def test_findings_are_the_same_in_catalogue_order(
        scanned: tuple[dict[str, Any], dict[str, Any], ScanSummary, Path]) -> None:
    local, remote, _, _ = scanned

    def canonical(findings: list[dict[str, Any]]) -> list[str]:
        return sorted(json.dumps(f, sort_keys=True, ensure_ascii=False) for f in findings)

    assert canonical(remote["findings"]) == canonical(local["findings"])
    assert [f["rule_id"] for f in remote["findings"]] == [f["rule_id"] for f in local["findings"]]


def test_community_labels_are_per_bin_but_distinct_across_bins(
        scanned: tuple[dict[str, Any], dict[str, Any], ScanSummary, Path]) -> None:
    """PLM runs on each bin's graph, so labels are not the embedded scan's; the labels of two
    bins never collide (docs/spark.md, what is not done)."""
    _, remote, _, _ = scanned
    labels = [row["community"] for row in remote["cases"].values()]
    assert all(isinstance(label, int) for label in labels)
    assert max(labels) < remote["meta"]["communities"]


@pytest.fixture(scope="module")
def retried(spark: Any, tmp_path_factory: pytest.TempPathFactory
            ) -> tuple[dict[str, Any], dict[str, Any]]:
    """A varied province in which every ring's court suit may be retried and revoked as a sham
    (``retrial_share`` 1): the retrial is a document of its own, tied to the suit it revokes
    only by the number it cites and by the parties it names, so the bins must keep them
    together for ``RETRIAL_SHAM`` to fire the same way on both engines."""
    root = tmp_path_factory.mktemp("spark-retrials")
    province = root / "province"
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(synth, "_variation",
                      lambda seed, level: replace(draw(seed, level), retrial_share=1.0))
        generate(province, seed=5, cases=CASES, texts=True, variation=1.0)
    parse_corpus(spark, str(province / "documents"), root / "parsed")
    tables = sorted(p for p in province.iterdir() if p.name.startswith(("registry", "backpayments")))
    with SQLiteStore.open(root / "ws") as store:
        ingest_paths(store, [root / "parsed", *tables])
        local = cast(dict[str, Any], run_scan(store))
    scan_corpus(spark, root / "parsed", root / "results", tables=tables,
                bin_cases=150, max_component_cases=100)
    return local, json.loads((root / "results" / RESULTS_FILE).read_text("utf-8"))


def test_a_revoked_suit_is_flagged_the_same_way_on_both_engines(
        retried: tuple[dict[str, Any], dict[str, Any]]) -> None:
    local, remote = retried
    revoked = sorted(f["subject"] for f in local["findings"] if f["rule_id"] == "RETRIAL_SHAM")
    assert revoked, "the province should hold at least one revoked suit"
    assert sorted(f["subject"] for f in remote["findings"]
                  if f["rule_id"] == "RETRIAL_SHAM") == revoked
    assert _without_community(remote["rings"]) == _without_community(local["rings"])
    assert remote["leads"] == local["leads"]
    assert _case_rows(remote) == _case_rows(local)
