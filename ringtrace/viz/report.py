"""Write the offline HTML report of a scanned workspace: the overview (index.html: headline
figures, ranked rings, leads per procuratorate, evaluation, charts) plus one page per top ring.

Every ring on the index carries its intermediaries and reasons, not only the rings that get a
page: an investigator triaging ring 25 needs to know who runs it as much as for ring 3.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ringtrace import __version__
from ringtrace.graph.store.base import GraphStore
from ringtrace.progress import SILENT, Progress
from ringtrace.queries.overview import overview_data
from ringtrace.queries.results import ScanResults
from ringtrace.queries.ringviews import list_rings, ring_detail, ring_graph
from ringtrace.queries.views import RingRow


@dataclass
class ReportFiles:
    index: Path
    rings: list[Path] = field(default_factory=list)


def write_report(store: GraphStore, out_dir: Path, *, top: int = 10, seed: int = 7,
                 evaluation: dict[str, Any] | None = None, title: str = "ringtrace 线索总览",
                 workspace: str = "", progress: Progress = SILENT) -> ReportFiles:
    """Write ``out_dir/index.html`` and ``out_dir/rings/<ring id>.html`` for the top rings.

    ``progress`` counts the pages: one per top ring, then the index.
    """
    from ringtrace.viz.pages import index_page, ring_page

    out_dir.mkdir(parents=True, exist_ok=True)
    (out_dir / "rings").mkdir(exist_ok=True)
    files = ReportFiles(index=out_dir / "index.html")
    summaries = list_rings(store)
    progress.start(len(summaries[:top]) + 1, "pages")
    details = []
    for row in summaries[:top]:
        detail = ring_detail(store, row.ring_id)
        page = out_dir / "rings" / f"{detail.ring_id}.html"
        page.write_text(ring_page(detail, ring_graph(store, detail.case_ids), seed=seed), "utf-8")
        files.rings.append(page)
        details.append({**detail.to_dict(), "href": f"rings/{page.name}"})
        progress()
    scan = ScanResults.load(store)
    for row in summaries[top:]:
        ring = scan.ring(row.ring_id)
        details.append({"ring_id": row.ring_id, "rank": row.rank, "score": row.score,
                        "reasons": list(ring.reasons),
                        "intermediaries": _names(store, ring.intermediaries),
                        "structure": {"cases": row.cases, "applicants": row.applicants,
                                      "employers": row.employers},
                        "exposure": {"amount_yuan": row.exposure_yuan}})
    dashboard = overview_data(store)
    summary = {"title": title, "workspace": workspace, "generated_by": f"ringtrace {__version__}",
               "counts": dashboard.counts, "evaluation": evaluation, "rings": details,
               "dashboard": dashboard.to_dict(), "headline": headline(store, scan, summaries)}
    files.index.write_text(index_page(summary), "utf-8")
    progress()
    return files


def _names(store: GraphStore, node_ids: Iterable[str]) -> list[str]:
    names = []
    for node_id in node_ids:
        node = store.node(node_id)
        names.append(node.name if node is not None else node_id)
    return names


def headline(store: GraphStore, scan: ScanResults, rings: list[RingRow]) -> dict[str, Any]:
    """What an investigator asks first: how many rings and leads, how many applicants and
    intermediaries behind them, and the estimated fund exposure (sum over the listed rings)."""
    listed = {r.ring_id for r in rings}
    intermediaries = {a for ring in scan.rings if ring.ring_id in listed
                      for a in ring.intermediaries}
    return {"rings": len(rings), "leads": len(scan.leads),
            "applicants": sum(r.applicants for r in rings),
            "intermediaries": len(intermediaries),
            "exposure_yuan": round(sum(float(r.exposure_yuan) for r in rings), 2)}
