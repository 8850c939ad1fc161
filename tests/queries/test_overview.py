"""The overview dashboard numbers match the scan and the CLI listings."""

from __future__ import annotations

from pathlib import Path

from ringtrace.graph.store.sqlite import SQLiteStore
from ringtrace.loaders.ingest import ingest_paths
from ringtrace.queries.leads import list_leads
from ringtrace.queries.overview import overview_data
from ringtrace.queries.scan import run_scan
from ringtrace.viz.report import write_report


def test_overview_counts_match_the_scan(province: Path, tmp_path: Path) -> None:
    with SQLiteStore.open(tmp_path / "ws") as store:
        ingest_paths(store, [province])
        result = run_scan(store)
        data = overview_data(store)
        leads = list_leads(store)
        files = write_report(store, tmp_path / "report")
        html = files.index.read_text("utf-8")
    assert sum(t for _, t, _ in data.cases_per_month) == 7
    assert sum(f for _, _, f in data.cases_per_month) == len(result["leads"]) == len(leads)
    assert sum(r.leads for r in data.leads_by_procuratorate) == len(leads)
    assert data.leads_by_procuratorate[0].procuratorate == "河南省安阳市文峰区人民检察院"
    top = data.top_employers[0]
    assert (top.name, top.cases, top.insured_headcount) == ("安阳市恒达废旧物资回收有限公司", 5, 2)
    assert sum(r.count for r in data.rule_hits) == len(result["findings"])
    # the JSON form the pages read: the keys and nesting the dashboard always had
    shown = data.to_dict()
    assert list(shown) == ["title", "counts", "cases_per_month", "top_employers",
                           "leads_by_region", "leads_by_procuratorate", "ring_sizes", "rule_hits"]
    assert shown["cases_per_month"][0] == list(data.cases_per_month[0])
    assert shown["top_employers"][0] == {"name": top.name, "cases": 5, "insured_headcount": 2}
    assert list(shown["rule_hits"][0]) == ["rule_id", "title", "count"]
    assert "各受理检察院线索数" in html and "rt-chart" in html and "河南省安阳市文峰区人民检察院" in html
