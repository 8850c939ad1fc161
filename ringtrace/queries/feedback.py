"""Outcome feedback: keep what investigators found, measure the rules, and re-weight them.

Outcomes live in ``<workspace>/feedback/outcomes.jsonl`` (one line per reported outcome, never
rewritten). A lead's *verdict* is that of its latest outcome with a verdict (by date, then by
procedural stage): 核实属实 and every later remedy mean the lead held up, 不属实 that it did not;
open outcomes (核查中) do not count.

:func:`feedback_report` gives precision per rule, per region and per receiving procuratorate,
re-estimates the rule weights (:func:`~ringtrace.queries.reweight.reweight`) and evaluates the new weights against the old
on held-out cases (precision@k). The method is documented in ``docs/feedback.md``.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ringtrace.errors import RecordProblem
from ringtrace.export.jsonl import append_jsonl, read_jsonl
from ringtrace.graph.audit import utc_now
from ringtrace.graph.identity import digest, lead_id, normalize_case_number
from ringtrace.graph.records import FeedbackRecord
from ringtrace.graph.store.base import GraphStore
from ringtrace.queries.jurisdiction import case_jurisdiction
from ringtrace.queries.redflags import CATALOGUE, RULES_BY_ID
from ringtrace.queries.results import ScanResults
from ringtrace.queries.reweight import (
    DEFAULT_PRIOR_STRENGTH,
    Example,
    examples,
    matched_threshold,
    rescore,
    reweight,
    stored_weights,
)
from ringtrace.regions import gb2260

__all__ = ["OUTCOMES_FILE", "Example", "FeedbackImport", "Verdict", "feedback_report",
           "matched_threshold", "read_outcomes", "record_feedback", "rescore", "reweight",
           "simulate_outcomes", "verdicts", "weights_toml"]

OUTCOMES_FILE = Path("feedback") / "outcomes.jsonl"
_LEAD_COLUMN = "线索编号"
_CASE_COLUMN = "案号"


# -- recording outcomes ----------------------------------------------------------------------
@dataclass
class FeedbackImport:
    """What an import did: rows recorded, rows already known, rows quarantined (and why)."""

    recorded: int = 0
    duplicates: int = 0
    problems: list[RecordProblem] = field(default_factory=list)

    @property
    def quarantined(self) -> int:
        return len(self.problems)

    def to_dict(self) -> dict[str, Any]:
        return {"recorded": self.recorded, "duplicates": self.duplicates,
                "quarantined": self.quarantined, "problems": [p.__dict__ for p in self.problems]}


def outcomes_path(workspace: str | Path) -> Path:
    return Path(workspace) / OUTCOMES_FILE


def read_outcomes(workspace: str | Path) -> list[dict[str, Any]]:
    """Every recorded outcome line, oldest first."""
    return read_jsonl(outcomes_path(workspace), "the outcomes log")


def _number(case_id: str) -> str:
    """The (normalised) case number inside a case id ``Case:<number>|<forum>``."""
    return case_id.split(":", 1)[1].split("|", 1)[0]


def _problem(item: FeedbackRecord, column: str, reason: str) -> RecordProblem:
    raw = ",".join(str(v or "") for v in (item.lead_id, item.case_number, item.outcome, item.date,
                                          item.note))
    return RecordProblem(item.source_file or "", item.source_line, column, reason, raw)


def _resolve(store: GraphStore, leads: Mapping[str, str], item: FeedbackRecord
             ) -> tuple[str, str] | RecordProblem:
    """(lead id, case id) of a feedback row, or the problem that prevents resolving it."""
    if item.lead_id:
        case = leads.get(item.lead_id.strip())
        if case is None:
            return _problem(item, _LEAD_COLUMN, f"no lead {item.lead_id!r} in this workspace's "
                            "scan; check the id against `ringtrace leads` or the export ledger")
        if item.case_number and normalize_case_number(item.case_number) != _number(case):
            return _problem(item, _CASE_COLUMN, f"lead {item.lead_id} is case {_number(case)}, "
                            f"not {item.case_number}")
        return item.lead_id.strip(), case
    cases = store.case_ids_for_number(item.case_number or "")
    if len(cases) != 1:
        why = "is not in the workspace" if not cases else f"matches {len(cases)} cases"
        return _problem(item, _CASE_COLUMN, f"case number {item.case_number!r} {why}; give "
                        "the lead id (线索编号) instead")
    return lead_id(cases[0]), cases[0]


def record_feedback(store: GraphStore, workspace: str | Path,
                    items: Iterable[FeedbackRecord | RecordProblem]) -> FeedbackImport:
    """Record outcome rows against this workspace's leads; quarantine the rows that fail.

    A row is matched by lead id (or, without one, by a case number naming exactly one case).
    Re-importing a row already recorded (same lead, outcome and date) changes nothing. Problems
    are also kept in the store's quarantine (``ringtrace status --problems``).
    """
    scan = ScanResults.load(store)
    leads = {row["lead_id"]: case for case, row in scan.data["cases"].items()}
    known = {(o["lead_id"], o["outcome"], o["date"]) for o in read_outcomes(workspace)}
    summary = FeedbackImport()
    lines = []
    now = utc_now()
    for item in items:
        if isinstance(item, RecordProblem):
            summary.problems.append(item)
            continue
        found = _resolve(store, leads, item)
        if isinstance(found, RecordProblem):
            summary.problems.append(found)
            continue
        lead, case = found
        key = (lead, item.outcome, item.date)
        if key in known:
            summary.duplicates += 1
            continue
        known.add(key)
        lines.append({"lead_id": lead, "case_id": case, "outcome": item.outcome,
                      "verdict": item.verdict, "stage": item.stage, "date": item.date,
                      "note": item.note, "procuratorate": item.procuratorate,
                      "source": f"{item.source_file}:{item.source_line}", "imported_at": now})
    append_jsonl(outcomes_path(workspace), lines)
    summary.recorded = len(lines)
    if summary.problems:
        store.add_problems(summary.problems)
    return summary


@dataclass(frozen=True)
class Verdict:
    """A lead's standing: did it hold up, and which outcome says so."""

    case_id: str
    lead_id: str
    held: bool
    outcome: str
    date: str


def verdicts(outcomes: Iterable[Mapping[str, Any]]) -> dict[str, Verdict]:
    """Case id -> verdict from its latest outcome with a verdict (by date, then stage)."""
    latest: dict[str, Mapping[str, Any]] = {}
    for o in outcomes:
        if o.get("verdict") is None:
            continue
        key = (str(o["date"]), int(o.get("stage", 0)))
        prev = latest.get(o["case_id"])
        if prev is None or key >= (str(prev["date"]), int(prev.get("stage", 0))):
            latest[o["case_id"]] = o
    return {c: Verdict(c, str(o["lead_id"]), bool(o["verdict"]), str(o["outcome"]), str(o["date"]))
            for c, o in sorted(latest.items())}


# -- report ----------------------------------------------------------------------------------
def _precision(rows: Iterable[tuple[str, bool]]) -> list[dict[str, Any]]:
    n: Counter[str] = Counter()
    held: Counter[str] = Counter()
    for key, ok in rows:
        n[key] += 1
        held[key] += ok
    return [{"key": k, "verified": n[k], "held": held[k],
             "precision": round(held[k] / n[k], 4)} for k in sorted(n, key=lambda k: (-n[k], k))]


def _province(region_code: str | None) -> str:
    return gb2260.full_name(region_code[:2] + "0000") if region_code else "未知"


def average_precision(scores: Mapping[str, float], labels: Mapping[str, bool]) -> float | None:
    """Mean of precision@i over the ranks i of the cases that held up (whole-ranking quality)."""
    ranked = sorted(labels, key=lambda c: (-scores.get(c, 0.0), c))
    hits, total = 0, 0.0
    for rank, case in enumerate(ranked, start=1):
        if labels[case]:
            hits += 1
            total += hits / rank
    return round(total / hits, 4) if hits else None


def precision_at(scores: Mapping[str, float], labels: Mapping[str, bool], k: int
                 ) -> float | None:
    """Share of cases that held up among the ``k`` best-scored labelled cases."""
    ranked = sorted(labels, key=lambda c: (-scores.get(c, 0.0), c))[:k]
    return round(sum(labels[c] for c in ranked) / len(ranked), 4) if ranked else None


def _truth_labels(scan: ScanResults, truth: Mapping[str, Any]) -> dict[str, bool]:
    sham = {normalize_case_number(n) for n in truth["sham_case_numbers"]}
    return {c: _number(c) in sham for c in scan.data["cases"]}


def _split(cases: Iterable[str], share: float, seed: int) -> tuple[list[str], list[str]]:
    """(chosen, rest): a seeded-hash ``share`` of the cases, deterministic, and the others."""
    order = sorted(cases, key=lambda c: (digest(str(seed), c), c))
    cut = round(len(order) * share)
    return sorted(order[:cut]), sorted(order[cut:])


def _exculpatory() -> frozenset[str]:
    return frozenset(rule.id for rule in CATALOGUE if rule.mitigating)


def _fit(scan: ScanResults, labels: Mapping[str, bool], prior_strength: float
         ) -> dict[str, float]:
    return reweight(examples(scan, labels), stored_weights(scan), prior_strength,
                    _exculpatory())


def feedback_report(store: GraphStore, workspace: str | Path, *,
                    truth: Mapping[str, Any] | None = None, holdout: float = 0.5, k: int = 50,
                    prior_strength: float = DEFAULT_PRIOR_STRENGTH, seed: int = 7
                    ) -> dict[str, Any]:
    """Precision per rule, region and procuratorate; new weights; evaluation before/after.

    Evaluation (precision@``k``): with ``truth``, the weights are fitted on every verified lead
    and the held-out cases are all other scanned cases, labelled by the truth; without it, the
    verified leads are split (``holdout`` share held out, seeded hash), the weights fitted on the
    rest are evaluated on the held-out part, and the weights reported are refitted on all.
    """
    scan = ScanResults.load(store)
    outcomes = read_outcomes(workspace)
    found = {c: v for c, v in verdicts(outcomes).items() if c in scan.data["cases"]}
    before = stored_weights(scan)
    held = {c: v.held for c, v in found.items()}
    after = _fit(scan, held, prior_strength)
    by_rule = {row["key"]: row for row in _precision(
        (r, v.held) for c, v in found.items() for r in (scan.case(c) or {"rules": []})["rules"])}
    rules = [{"rule_id": r, "title": RULES_BY_ID[r].title if r in RULES_BY_ID else r,
              "verified": by_rule[r]["verified"] if r in by_rule else 0,
              "held": by_rule[r]["held"] if r in by_rule else 0,
              "precision": by_rule[r]["precision"] if r in by_rule else None,
              "weight_before": before[r], "weight_after": after[r]} for r in before]
    places = {c: case_jurisdiction(store, c) for c in found}
    regions = _precision((_province(places[c].region_code), v.held) for c, v in found.items())
    offices = _precision((places[c].procuratorate.name, v.held) for c, v in found.items())

    if truth is not None:
        leads = set(scan.data["leads"]) - set(found)
        labels = {c: ok for c, ok in _truth_labels(scan, truth).items() if c in leads}
        fitted, source, fit_size = after, "truth", len(found)
    else:
        held_out, fit_cases = _split(found, holdout, seed)
        labels = {c: held[c] for c in held_out}
        fitted = _fit(scan, {c: held[c] for c in fit_cases}, prior_strength)
        source, fit_size = "feedback", len(fit_cases)
    stored = {c: float(row["final_score"]) for c, row in scan.data["cases"].items()}
    rescored = rescore(scan, fitted)
    scoring = scan.meta["rules"]["scoring"]
    thresholds = {
        "lead_threshold": matched_threshold(stored, rescore(scan, after),
                                            float(scoring["lead_threshold"])),
        "seed_threshold": matched_threshold(
            {c: float(row["rule_score"]) for c, row in scan.data["cases"].items()},
            rescore(scan, after, rings=False), float(scoring["seed_threshold"])),
    }
    return {
        "outcomes": len(outcomes),
        "verified": len(found), "held": sum(held.values()),
        "open": len({o["case_id"] for o in outcomes} - set(found)),
        "precision": round(sum(held.values()) / len(found), 4) if found else None,
        "by_rule": rules, "by_region": regions, "by_procuratorate": offices,
        "method": {"model": "penalised logistic regression on the scan's log-odds scale",
                   "prior_strength": prior_strength,
                   "rings": "held fixed (what each case's ring adds is a known offset)",
                   "exculpatory": "re-estimated too, kept at or below 0",
                   "thresholds": "matched to keep the numbers of leads and ring seeds"},
        "weights_before": before, "weights_after": after,
        "thresholds_before": {k: float(scoring[k]) for k in thresholds},
        "thresholds_after": thresholds,
        "evaluation": {
            "k": k, "labels_from": source, "fitted_on": fit_size, "held_out": len(labels),
            "held_out_positive": sum(labels.values()),
            "precision_before": precision_at(stored, labels, k),
            "precision_after": precision_at(rescored, labels, k),
            "average_precision_before": average_precision(stored, labels),
            "average_precision_after": average_precision(rescored, labels),
        },
    }


def weights_toml(report: Mapping[str, Any]) -> str:
    """The re-estimated weights as a rules file for ``ringtrace scan --rules`` (stable bytes)."""
    method = report["method"]
    lines = [
        "# Rule weights re-estimated from verified outcomes by `ringtrace feedback report`.",
        f"# Method: {method['model']} (prior strength {method['prior_strength']:g}, centred on",
        "# the weights of the scan; rings held fixed; thresholds matched so that as many cases",
        "# become leads and ring seeds as before). See docs/feedback.md.",
        f"# Verified leads: {report['verified']} ({report['held']} held up). "
        f"Held-out precision@{report['evaluation']['k']}: "
        f"{report['evaluation']['precision_before']} before, "
        f"{report['evaluation']['precision_after']} after.",
        "# Use: ringtrace scan --rules THIS_FILE",
    ]
    lines += ["", "[scoring]"]
    lines += [f"{name} = {value:.4f}" for name, value in sorted(report["thresholds_after"].items())]
    for rule, weight in sorted(report["weights_after"].items()):
        lines += ["", f"[rules.{rule}]", f"weight = {weight:.4f}"]
    return "\n".join(lines) + "\n"


# -- simulated outcomes (demo and tests) -----------------------------------------------------
def simulate_outcomes(store: GraphStore, truth: Mapping[str, Any], *, share: float = 0.5,
                      seed: int = 7, date: str | None = None) -> list[dict[str, str]]:
    """Outcome rows for a seeded ``share`` of this scan's leads, from a synthetic truth.

    A lead whose case the truth lists as sham is 核实属实, any other 不属实. Rows use the
    headers of ``loaders/mappings/feedback.yaml``, so the CSV can be imported as it is.
    """
    scan = ScanResults.load(store)
    labels = _truth_labels(scan, truth)
    picked, _ = _split(scan.data["leads"], share, seed)
    day = date or str(scan.meta["scanned_at"])[:10]
    return [{_LEAD_COLUMN: scan.data["cases"][c]["lead_id"],
             _CASE_COLUMN: _number(c),
             "核查结果": "核实属实" if labels[c] else "不属实", "日期": day,
             "备注": "模拟结果（truth.json）"} for c in picked]
