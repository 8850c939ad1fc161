"""import-results keeps a scan made elsewhere as the workspace's own, for the same records only."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from ringtrace.cli import cli
from ringtrace.errors import LoadError
from ringtrace.graph.store.sqlite import SQLiteStore
from ringtrace.queries.scan_json import EngineJson
from ringtrace.spark.imports import RESULTS_FILE, import_results
from ringtrace.spark.merge import merge_scans
from tests.scanned_province import ScannedProvince, run


@pytest.fixture
def results(scanned_province: ScannedProvince, tmp_path: Path) -> Path:
    """The province's scan as ``spark scan`` writes it (merged from one part)."""
    with SQLiteStore.open(scanned_province.workspace, create=False) as store:
        scan = store.load_scan()
    assert scan is not None
    folder = tmp_path / "results"
    folder.mkdir()
    engine: EngineJson = {"name": "spark", "master": "local[1]", "components": 1,
                          "largest_component": len(scan["cases"]), "oversized": [], "bins": 1,
                          "rounds": 1}
    merged = merge_scans([scan], engine)
    (folder / RESULTS_FILE).write_text(json.dumps(merged, ensure_ascii=False), "utf-8")
    return folder


def test_an_imported_scan_is_read_by_rings_leads_and_employer(
        scanned_province: ScannedProvince, results: Path, tmp_path: Path) -> None:
    workspace = tmp_path / "ws"
    run(workspace, "ingest", *scanned_province.inputs)
    with SQLiteStore.open(workspace, create=False) as store:
        summary = import_results(store, results)
        stored = store.load_scan()
        snapshot = store.snapshot()
    assert stored is not None and summary.snapshot == snapshot == stored["meta"]["snapshot"]
    assert stored["meta"]["engine"]["name"] == "spark"
    expected = json.loads(run(scanned_province.workspace, "rings", "--json"))
    assert json.loads(run(workspace, "rings", "--json")) == expected
    assert summary.rings == sum(r["reported"] for r in stored["rings"]) > 0
    leads = json.loads(run(workspace, "leads", "--json"))
    assert [lead["case_id"] for lead in leads][:20] == stored["leads"][:20]
    top = stored["rings"][0]["cases"][0]
    assert json.loads(run(workspace, "ring", "1", "--json"))["cases"][0]["id"] == top


def test_a_scan_of_other_records_is_refused_with_the_fix(
        scanned_province: ScannedProvince, results: Path, tmp_path: Path) -> None:
    workspace = tmp_path / "ws"
    run(workspace, "ingest", str(scanned_province.province / "registry.csv"))
    with SQLiteStore.open(workspace, create=False) as store, \
            pytest.raises(LoadError, match="ingest the same parsed corpus and tables"):
        import_results(store, results)
    with SQLiteStore.open(workspace, create=False) as store:
        assert store.load_scan() is None


def test_the_command_says_what_it_imported(scanned_province: ScannedProvince, results: Path,
                                           tmp_path: Path) -> None:
    workspace = tmp_path / "ws"
    shutil.copytree(scanned_province.workspace, workspace)
    outcome = CliRunner().invoke(cli, ["-w", str(workspace), "--lang", "en", "import-results",
                                       str(results)])
    assert outcome.exit_code == 0, outcome.output
    assert "imported the scan of" in outcome.output and "ringtrace rings" in outcome.output


def test_a_workspace_with_analyst_judgements_refuses_a_scan_that_did_not_read_them(
        scanned_province: ScannedProvince, results: Path, tmp_path: Path) -> None:
    """A Spark scan resolves each bin in a workspace of its own, without the analysts'
    same / not-same / split judgements; imported over a workspace that holds some, its rings
    would silently ignore them (a local scan honours every judgement). It is refused, and
    nothing is stored."""
    from ringtrace.resolve import Verdict, ensure, record

    workspace = tmp_path / "ws"
    run(workspace, "ingest", *scanned_province.inputs)
    with SQLiteStore.open(workspace, create=False) as store:
        a, b = sorted(n.id for n in store.iter_nodes("Person"))[:2]
        record(store, Verdict.NOT_SAME, a, b, resolution=ensure(store))
        with pytest.raises(LoadError, match=r"1 analyst judgement.*ringtrace scan"):
            import_results(store, results)
        assert store.load_scan() is None
