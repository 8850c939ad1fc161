"""The numbers behind the overview dashboard, computed from the store and the last scan.

Cases and flagged cases per month, the most-sued employers against their insured headcount,
leads per province and city and per receiving procuratorate, ring sizes and rule hits - the same
figures the CLI prints (``rings``, ``leads``, ``employer``).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from ringtrace.graph.store.base import GraphStore
from ringtrace.queries.jurisdiction import case_jurisdiction
from ringtrace.queries.redflags import RULES_BY_ID
from ringtrace.queries.results import ScanResults
from ringtrace.queries.views import FlagCount, View
from ringtrace.regions import gb2260

__all__ = ["EmployerSuits", "Overview", "PlaceLeads", "ProcuratorateLeads", "overview_data"]


@dataclass(frozen=True, slots=True)
class EmployerSuits(View):
    """An employer with how many suits name it, against its insured headcount."""

    #: its name (its node id when it has none)
    name: str
    #: suits in which it is the employer
    cases: int
    #: people insured with it, as the registry gives it (none when unknown)
    insured_headcount: int | None


@dataclass(frozen=True, slots=True)
class PlaceLeads(View):
    """Leads in one province and city (where the case was heard)."""

    #: the province's name (``未知`` when the region code is unknown)
    province: str
    #: the city's name (empty when unknown)
    city: str
    #: how many leads
    leads: int


@dataclass(frozen=True, slots=True)
class ProcuratorateLeads(View):
    """Leads that go to one receiving procuratorate."""

    #: its name
    procuratorate: str
    #: how many leads
    leads: int


@dataclass(frozen=True, slots=True)
class Overview(View):
    """The dashboard's figures; ``to_dict`` is the data :func:`ringtrace.viz.pages.dashboard_page`
    and the report's index read."""

    #: the dashboard's title
    title: str
    #: nodes, edges, documents and quarantined inputs by kind (:meth:`GraphStore.counts`)
    counts: dict[str, dict[str, int]]
    #: (month ``YYYY-MM``, cases filed or decided that month, how many of them are leads),
    #: by month
    cases_per_month: tuple[tuple[str, int, int], ...]
    #: the most-sued employers, most suits first
    top_employers: tuple[EmployerSuits, ...]
    #: leads per province and city, most first
    leads_by_region: tuple[PlaceLeads, ...]
    #: leads per receiving procuratorate, most first
    leads_by_procuratorate: tuple[ProcuratorateLeads, ...]
    #: each reported ring's applicants, by rank
    ring_sizes: tuple[int, ...]
    #: findings per rule in the whole scan, most first
    rule_hits: tuple[FlagCount, ...]


def overview_data(store: GraphStore, *, top_employers: int = 20) -> Overview:
    """The dashboard's figures, from the store and its last scan."""
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
        employers.append(EmployerSuits(props.get("name") or employer_id, n,
                                       props.get("insured_headcount")))
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
    return Overview(
        title="ringtrace 线索总览",
        counts=store.counts(),
        cases_per_month=tuple((m, t, f) for m, (t, f) in sorted(months.items())),
        top_employers=tuple(employers),
        leads_by_region=tuple(PlaceLeads(p, c, n) for (p, c), n in
                              sorted(places.items(), key=lambda kv: (-kv[1], kv[0]))),
        leads_by_procuratorate=tuple(ProcuratorateLeads(o, n) for o, n in
                                     sorted(offices.items(), key=lambda kv: (-kv[1], kv[0]))),
        ring_sizes=tuple(r.structure.applicants for r in scan.rings if r.reported),
        rule_hits=tuple(FlagCount(r, RULES_BY_ID[r].title if r in RULES_BY_ID else r, n)
                        for r, n in sorted(rule_hits.items(), key=lambda kv: (-kv[1], kv[0]))),
    )
