"""Leads: ranked cases with the rules that fired, the documents and the evidence."""

from __future__ import annotations

from ringtrace.graph.store.base import GraphStore
from ringtrace.queries.entities import case_row
from ringtrace.queries.model import ExplainedGroup, ScoredCase
from ringtrace.queries.results import ScanResults
from ringtrace.queries.views import LeadEvidence, LeadRow
from ringtrace.regions.provinces import province_name, province_of_code, province_of_text

__all__ = ["list_explained_groups", "list_leads"]


def list_explained_groups(store: GraphStore, limit: int | None = None) -> list[ExplainedGroup]:
    """Groups the last scan explained as legitimate, largest first (see queries.groups)."""
    scan = ScanResults.load(store)
    found = sorted(scan.explained_groups, key=lambda g: (-len(g.cases), g.employer_id))
    return found[:limit]


def list_leads(store: GraphStore, limit: int | None = None,
               min_score: float | None = None, *,
               only: list[tuple[int, str]] | None = None) -> list[LeadRow]:
    """Leads in rank order: each with its lead id, score, rule ids, reasons and evidence.

    ``only``: just these (rank, case id) pairs, read and nothing else (a page of the lead
    queue, chosen by its caller from ``ScanResults.leads``)."""
    scan = ScanResults.load(store)
    if only is not None:
        return _lead_rows(store, scan, only[:limit], scan.cases(c for _, c in only[:limit]))
    threshold = scan.meta.lead_threshold if min_score is None else min_score
    if threshold >= scan.meta.lead_threshold:
        # the scan's leads, strongest first, are every case at or above this threshold: read
        # the rows shown, not every case's
        ranked = scan.leads
        if threshold > scan.meta.lead_threshold:
            rows = scan.cases(ranked)
            ranked = [c for c in ranked if rows[c].final_score >= threshold]
        else:
            rows = scan.cases(ranked[:limit])
    else:
        rows = scan.all_cases()
        ranked = sorted((c for c, row in rows.items() if row.final_score >= threshold),
                        key=lambda c: (-rows[c].final_score, c))
    return _lead_rows(store, scan, list(enumerate(ranked[:limit], start=1)), rows)


def _lead_rows(store: GraphStore, scan: ScanResults, ranked: list[tuple[int, str]],
               rows: dict[str, ScoredCase]) -> list[LeadRow]:
    out = []
    for rank, case_id in ranked:
        row = rows[case_id]
        facts = case_row(store, case_id, scan)
        forum = store.node(next((e.dst for e in store.edges_of(case_id, ["DECIDED_BY"])), ""))
        region = forum.props.get("region_code") if forum else None
        province = province_of_code(region) or province_of_text(facts.forum)
        findings = scan.findings_for_case(case_id)
        out.append(LeadRow(
            rank=rank, lead_id=row.lead_id, case_id=case_id, case_number=facts.case_number,
            forum=facts.forum, region_code=region, province=province_name(province),
            document_type=facts.document_type, decision_date=facts.decision_date,
            score=row.final_score, rule_score=row.rule_score, ring_id=row.ring_id,
            rules=row.rules, reasons=tuple(f.summary for f in findings),
            evidence=tuple(LeadEvidence(f.rule_id, ev.case_number, ev.detail, ev.kind)
                           for f in findings for ev in f.evidence)))
    return out
