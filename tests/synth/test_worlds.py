"""Detection across generated worlds: specs, one world end to end, summaries, calibration."""

from __future__ import annotations

from pathlib import Path

import pytest

from ringtrace.errors import RingtraceError
from ringtrace.queries.results import ScanResults
from ringtrace.synth import worlds
from ringtrace.synth.worlds import Band, WorldSpec


def test_dev_and_eval_worlds_share_no_seed_and_no_variation_level() -> None:
    assert not set(worlds.DEV_SEEDS) & set(worlds.EVAL_SEEDS)
    assert not set(worlds.DEV_LEVELS) & set(worlds.EVAL_LEVELS)
    dev = worlds.world_specs("dev", 12, 3000)
    assert [w.seed for w in dev] == list(worlds.DEV_SEEDS[:12])
    assert {w.variation for w in dev} == set(worlds.DEV_LEVELS)
    with pytest.raises(RingtraceError, match="dev or eval"):
        worlds.world_specs("test", 1, 3000)


def test_one_world_is_generated_ingested_scanned_measured_and_reused(tmp_path: Path) -> None:
    spec = WorldSpec("dev", 5, 0.0, 600)
    first = worlds.run_world(spec, tmp_path)
    e = first.evaluation
    assert e.rings_planted > 0 and e.sham_cases > 0 and e.decoy_cases > 0
    assert e.unmatched_truth_cases == 0 and e.ring_recall is not None
    # recall per size band: every band named; the overall figure is their weighted mean, so it
    # lies between the lowest and the highest band, and so does the figure for 3+ cases
    assert list(e.ring_recall_by_size) == ["2", "3-4", "5-9", "10+"]
    banded = [r for r in e.ring_recall_by_size.values() if r is not None]
    assert e.ring_recall_3plus is not None
    assert min(banded) <= e.ring_recall <= max(banded)
    assert min(banded) <= e.ring_recall_3plus <= max(banded)
    assert sum(b.cases for b in first.bands) > e.sham_cases
    assert sum(b.sham for b in first.bands) == e.sham_cases
    stamp = (tmp_path / spec.name / "world.json").stat().st_mtime_ns
    again = worlds.run_world(spec, tmp_path)
    assert (tmp_path / spec.name / "world.json").stat().st_mtime_ns == stamp  # reused
    assert again.evaluation == first.evaluation
    assert isinstance(worlds.scan_results(spec, tmp_path), ScanResults)


def test_a_world_built_by_other_code_is_built_again(tmp_path: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    """A parser or generator change must be measured on documents the new code parsed."""
    spec = WorldSpec("dev", 5, 0.0, 300)
    home = worlds.prepare_world(spec, tmp_path)
    marker = home / "workspace" / "marker"
    marker.write_text("built by the old code", "utf-8")
    assert worlds.prepare_world(spec, tmp_path) == home and marker.exists()  # same code: reused
    monkeypatch.setattr(worlds, "BUILD_VERSION", "another")
    worlds.prepare_world(spec, tmp_path)
    assert not marker.exists()


def test_the_build_digest_covers_what_ingest_imports_from_subpackages() -> None:
    """The store's row writer and the graph schema shape every ingested row: a change to them
    must build the worlds again like a parser change."""
    root = Path(worlds.__file__).resolve().parent.parent
    sources = {p.relative_to(root).as_posix() for p in worlds.build_sources()}
    assert {"graph/store/rows.py", "graph/schema/nodes.yaml", "graph/schema/edges.yaml",
            "loaders/judgments/claims.py", "regions/gb2260.json"} <= sources
    assert not any("__pycache__" in s for s in sources)


def test_summary_takes_the_worst_in_the_right_direction() -> None:
    class Fake:
        def __init__(self, recall: float, lookalikes: float) -> None:
            self.values = {"ring_recall": recall, "decoy_ring_rate": lookalikes}

        def metric(self, name: str) -> float | None:
            return self.values.get(name)

    summary = worlds.summarise([Fake(0.9, 0.01), Fake(0.95, 0.04), Fake(0.99, 0.0)])  # type: ignore[list-item]
    assert summary.worst["ring_recall"] == 0.9 and summary.median["ring_recall"] == 0.95
    assert summary.worst["decoy_ring_rate"] == 0.04 and summary.median["decoy_ring_rate"] == 0.01
    assert summary.worst["case_precision"] is None


def test_bands_merge_by_adding_counts() -> None:
    a = [Band(0.0, 0.5, 10, 1), Band(0.5, 1.0, 4, 3)]
    b = [Band(0.0, 0.5, 30, 0), Band(0.5, 1.0, 6, 6)]
    merged = worlds.merge_bands([a, b])
    assert [(m.cases, m.sham, m.precision) for m in merged] == [(40, 1, 0.025), (10, 9, 0.9)]
