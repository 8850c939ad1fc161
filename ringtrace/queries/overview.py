"""The numbers behind the overview dashboard, computed from the store and the last scan.

Cases and flagged cases per month, the most-sued employers against their insured headcount,
leads per province and city and per receiving procuratorate, ring sizes and rule hits - the same
figures the CLI prints (``rings``, ``leads``, ``employer``).
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from ringtrace.graph.store.base import GraphStore
from ringtrace.queries.jurisdiction import case_jurisdiction
from ringtrace.queries.redflags import RULES_BY_ID
from ringtrace.queries.results import ScanResults
from ringtrace.regions import gb2260


def overview_data(store: GraphStore, *, top_employers: int = 20) -> dict[str, Any]:
    """Dashboard data (see :func:`ringtrace.viz.pages.dashboard_page` for the shape)."""
    scan = ScanResults.load(store)
    leads = set(scan.leads)
    months: dict[str, list[int]] = {}
    for node in store.iter_nodes("Case"):
        day = node.props.get("filing_date") or node.props.get("decision_date")
        if not day:
            continue
        row = months.setdefault(str(day)[:7], [0, 0])
        row[0] += 1
        row[1] += node.id in leads
    suits: Counter[str] = Counter()
    for edge in store.iter_edges("PARTY_IN"):
        if edge.props.get("side") == "employer":
            suits[edge.src] += 1
    employers = []
    for employer_id, n in sorted(suits.items(), key=lambda kv: (-kv[1], kv[0]))[:top_employers]:
        found = store.node(employer_id)
        props = found.props if found else {}
        employers.append({"name": props.get("name", employer_id), "cases": n,
                          "insured_headcount": props.get("insured_headcount")})
    places: Counter[tuple[str, str]] = Counter()
    offices: Counter[str] = Counter()
    for case_id in scan.leads:
        where = case_jurisdiction(store, case_id)
        code = where.region_code or ""
        province = gb2260.name(code[:2] + "0000") if len(code) >= 2 else None
        city = gb2260.name(code[:4] + "00") if len(code) >= 4 else None
        places[(province or "未知", city or "")] += 1
        offices[where.procuratorate.name] += 1
    rule_hits = scan.rule_hits()
    return {
        "title": "ringtrace 线索总览",
        "counts": store.counts(),
        "cases_per_month": [[m, t, f] for m, (t, f) in sorted(months.items())],
        "top_employers": employers,
        "leads_by_region": [{"province": p, "city": c, "leads": n}
                            for (p, c), n in sorted(places.items(), key=lambda kv: (-kv[1], kv[0]))],
        "leads_by_procuratorate": [{"procuratorate": o, "leads": n}
                                   for o, n in sorted(offices.items(),
                                                      key=lambda kv: (-kv[1], kv[0]))],
        "ring_sizes": [r.structure.applicants for r in scan.rings if r.reported],
        "rule_hits": [{"rule_id": r, "title": RULES_BY_ID[r].title if r in RULES_BY_ID else r,
                       "count": n} for r, n in sorted(rule_hits.items(),
                                                      key=lambda kv: (-kv[1], kv[0]))],
    }
