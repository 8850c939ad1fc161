"""Evaluation against a ground truth (``truth.json`` from ``ringtrace synth`` or a verified set).

Ring matching follows the issue's definition: a planted ring is *found* when one reported ring
covers at least half of its cases and at least half of that reported ring's cases belong to it.
Case-level figures compare the leads (final score at or above the lead threshold) with the
truth's sham cases; decoys are legitimate look-alikes that should not become leads.
"""

from __future__ import annotations

import json
from collections import defaultdict
from pathlib import Path
from typing import Any

from ringtrace.errors import LoadError
from ringtrace.graph.identity import normalize_case_number
from ringtrace.graph.store.base import GraphStore
from ringtrace.queries.results import ScanResults


def load_truth(path: Path) -> dict[str, Any]:
    try:
        data = json.loads(Path(path).read_text("utf-8"))
    except OSError as exc:
        raise LoadError(f"cannot read truth file {path}: {exc.strerror or exc}") from exc
    except json.JSONDecodeError as exc:
        raise LoadError(f"{path}: not valid JSON ({exc.msg} at line {exc.lineno})") from exc
    for key in ("rings", "sham_case_numbers"):
        if key not in data:
            raise LoadError(f"{path}: missing {key!r}; expected the truth.json written by "
                            "`ringtrace synth`")
    return data


def _ratio(a: float, b: float) -> float | None:
    return round(a / b, 4) if b else None


def evaluate(store: GraphStore, truth: dict[str, Any], ks: tuple[int, ...] = (50, 100)
             ) -> dict[str, Any]:
    """Ring recall/precision (overall and per typology), case precision/recall, precision@k
    and the share of decoy cases flagged."""
    scan = ScanResults.load(store)
    number_of: dict[str, str] = {}
    for case_id in scan.data["cases"]:
        number_of[case_id] = normalize_case_number(case_id.split(":", 1)[1].split("|", 1)[0])
    sham = {normalize_case_number(n) for n in truth["sham_case_numbers"]}
    decoys = {normalize_case_number(d["case_number"]): d.get("kind", "decoy")
              for d in truth.get("decoys", [])}
    leads = list(scan.data["leads"])
    lead_numbers = [number_of.get(c, c) for c in leads]
    lead_set = set(lead_numbers)

    reported = [(r["ring_id"], {number_of.get(c, c) for c in r["cases"]}) for r in scan.rings
                if r.get("reported", True)]
    planted = [(r.get("ring_id", str(i)), r.get("typology", "unknown"),
                {normalize_case_number(n) for n in r["case_numbers"]})
               for i, r in enumerate(truth["rings"])]
    found_by_typology: dict[str, list[bool]] = defaultdict(list)
    matched_reported: set[str] = set()
    for _pid, typology, cases in planted:
        hit = False
        for rid, rcases in reported:
            overlap = len(cases & rcases)
            if overlap * 2 >= len(cases) and overlap * 2 >= len(rcases) and overlap:
                hit = True
                matched_reported.add(rid)
        found_by_typology[typology].append(hit)
    all_found = [h for hits in found_by_typology.values() for h in hits]
    true_leads = len(lead_set & sham)
    case_recall_by_typology = {
        t: _ratio(sum(len(c & lead_set) for _p, ty, c in planted if ty == t),
                  sum(len(c) for _p, ty, c in planted if ty == t))
        for t in sorted(found_by_typology)}
    decoy_kinds: dict[str, list[bool]] = defaultdict(list)
    for number, kind in decoys.items():
        decoy_kinds[kind].append(number in lead_set)
    return {
        "rings_planted": len(planted), "rings_reported": len(reported),
        "ring_recall": _ratio(sum(all_found), len(all_found)),
        "ring_precision": _ratio(len(matched_reported), len(reported)),
        "ring_recall_by_typology": {t: _ratio(sum(h), len(h))
                                    for t, h in sorted(found_by_typology.items())},
        "sham_cases": len(sham), "leads": len(lead_set),
        "case_precision": _ratio(true_leads, len(lead_set)),
        "case_recall": _ratio(true_leads, len(sham)),
        "case_recall_by_typology": case_recall_by_typology,
        **{f"precision_at_{k}": _ratio(sum(n in sham for n in lead_numbers[:k]),
                                       min(k, len(lead_numbers))) for k in ks},
        "decoy_cases": len(decoys),
        "decoy_flag_rate": _ratio(sum(n in lead_set for n in decoys), len(decoys)),
        "decoy_flag_rate_by_kind": {k: _ratio(sum(v), len(v))
                                    for k, v in sorted(decoy_kinds.items())},
        "lead_threshold": scan.meta["lead_threshold"],
    }
