"""Put the scans of independent parts of a corpus together into one scan mapping.

Each part was scanned by :func:`ringtrace.queries.scan.run_scan` on its own; because no link
the rules or ring assembly follow crosses parts (:mod:`ringtrace.spark.links`), a case's
findings, score, ring and lead are those of a scan of the whole corpus, and merging is
bookkeeping: union the cases, put the findings together in catalogue order (a case row's
``findings`` indexes follow them), rank the rings again with the scan's own order, merge the
leads, sum the counts. Community labels are numbered per part, so each part's are shifted past
the previous parts' to stay distinct.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from ringtrace import __version__
from ringtrace.queries.redflags import CATALOGUE
from ringtrace.queries.scan_json import (
    CaseJson,
    EngineJson,
    FindingJson,
    GroupJson,
    MetaJson,
    RingJson,
    ScanJson,
)

__all__ = ["merge_scans"]

_RULE_ORDER = {r.id: n for n, r in enumerate(CATALOGUE)}


def _finding_order(finding: FindingJson) -> tuple[int, str, list[str]]:
    return (_RULE_ORDER.get(finding["rule_id"], len(_RULE_ORDER)), finding["subject"],
            finding["cases"])


def _ring_order(row: RingJson) -> tuple[bool, float, int, str]:
    """The scan's own ring order (``queries/scan.py``): reported first, strongest first."""
    return (not row.get("reported", True), -row["score"], -len(row["cases"]), row["ring_id"])


def merge_scans(parts: Iterable[ScanJson], engine: EngineJson | None = None) -> ScanJson:
    """One scan mapping (the shape :func:`~ringtrace.queries.scan.run_scan` returns) from the
    scans of disjoint parts; ``engine`` is recorded in ``meta.engine``.

    >>> part = {"meta": {"rules": {}, "community_seed": 1, "lead_threshold": 0.5,
    ...                  "communities": 1},
    ...         "findings": [], "rings": [], "explained_groups": [], "leads": ["Case:b"],
    ...         "cases": {"Case:b": {"final_score": 0.9, "community": 0}}}
    >>> other = {**part, "leads": ["Case:a"],
    ...          "cases": {"Case:a": {"final_score": 0.9, "community": 0}}}
    >>> merged = merge_scans([part, other])
    >>> merged["leads"], merged["cases"]["Case:a"]["community"], merged["meta"]["communities"]
    (['Case:a', 'Case:b'], 1, 2)
    """
    #: (sort key, part number, index in the part, finding)
    findings: list[tuple[tuple[int, str, list[str]], int, int, FindingJson]] = []
    part_cases: list[list[CaseJson]] = []
    cases: dict[str, CaseJson] = {}
    rings: list[RingJson] = []
    groups: list[GroupJson] = []
    lead_ids: list[str] = []
    first: MetaJson | None = None
    communities = scanned = 0
    for number, part in enumerate(parts):
        first = first or part["meta"]
        part_cases.append(list(part["cases"].values()))
        shift = communities
        for case_id, row in part["cases"].items():
            if (community := row.get("community")) is not None:
                row["community"] = community + shift
            cases[case_id] = row
        for ring in part["rings"]:
            if (community := ring.get("community")) is not None:
                ring["community"] = community + shift
            rings.append(ring)
        communities += int(part["meta"].get("communities") or 0)
        scanned += int(part["meta"].get("cases_scanned") or 0)
        findings.extend((_finding_order(f), number, index, f)
                        for index, f in enumerate(part["findings"]))
        lead_ids.extend(part["leads"])
        groups.extend(part.get("explained_groups", []))
    findings.sort(key=lambda entry: entry[:3])
    new_index = {(number, index): at for at, (_, number, index, _) in enumerate(findings)}
    for number, rows in enumerate(part_cases):
        for row in rows:
            if "findings" in row:
                row["findings"] = sorted(new_index[(number, i)] for i in row["findings"])
    rings.sort(key=_ring_order)
    for rank, ring in enumerate(rings, start=1):
        ring["rank"] = rank
    leads = sorted(lead_ids, key=lambda c: (-cases[c]["final_score"], c))
    meta: MetaJson = {
        "ringtrace_version": __version__, "snapshot": None,
        "scanned_at": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "rules": first["rules"] if first else {},
        "community_seed": first["community_seed"] if first else None,
        "cases_scanned": scanned, "findings": len(findings),
        "rings": sum(bool(r.get("reported", True)) for r in rings), "clusters": len(rings),
        "leads": len(leads), "lead_threshold": first["lead_threshold"] if first else None,
        "communities": communities, "explained_groups": len(groups),
    }
    if engine:
        meta["engine"] = engine
    return {
        "meta": meta,
        "findings": [f for *_, f in findings],
        "cases": dict(sorted(cases.items())),
        "rings": rings,
        "leads": leads,
        "explained_groups": sorted(groups, key=lambda g: g["employer_id"]),
    }
