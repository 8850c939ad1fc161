"""The feedback report: precision per rule, region and procuratorate; re-estimated weights, and
how they rank held-out cases compared with the scan's own (precision@k)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from ringtrace.graph.store.base import GraphStore
from ringtrace.queries.feedback.matching import truth_labels, verdicts
from ringtrace.queries.feedback.persistence import read_outcomes
from ringtrace.queries.feedback.precision import (
    PrecisionRow,
    average_precision,
    holdout_split,
    precision_at,
    precision_table,
)
from ringtrace.queries.jurisdiction import case_jurisdiction
from ringtrace.queries.redflags import CATALOGUE, RULES_BY_ID
from ringtrace.queries.results import ScanResults
from ringtrace.queries.reweight import (
    DEFAULT_PRIOR_STRENGTH,
    RING_WEIGHT,
    examples,
    matched_threshold,
    rescore,
    reweight,
    reweight_strengths,
    stored_strengths,
    stored_weights,
)
from ringtrace.queries.rules import filled_note
from ringtrace.queries.truth_json import TruthJson
from ringtrace.queries.views import View
from ringtrace.regions import gb2260

__all__ = ["FeedbackReport", "ReportEvaluation", "ReportMethod", "RulePrecision",
           "feedback_report", "weights_toml"]


@dataclass(frozen=True, slots=True)
class RulePrecision(View):
    """One rule's verified leads, how many held up, and its weight before and after."""

    #: the rule id
    rule_id: str
    #: its title, in Chinese
    title: str
    #: verified leads it fired on
    verified: int
    #: how many of them held up
    held: int
    #: ``held / verified``; none when no verified lead has it
    precision: float | None
    #: its weight in the scan
    weight_before: float
    #: its weight re-estimated from the verdicts
    weight_after: float


@dataclass(frozen=True, slots=True)
class ReportMethod(View):
    """How the weights were re-estimated, in words (and the prior's strength)."""

    model: str
    #: how many verified leads a current weight counts for
    prior_strength: float
    rings: str
    exculpatory: str
    thresholds: str


@dataclass(frozen=True, slots=True)
class ReportEvaluation(View):
    """How the scan's scores and the re-estimated ones rank held-out cases."""

    #: precision is measured on the ``k`` best-scored held-out cases
    k: int
    #: ``truth`` (a synthetic truth labels them) or ``feedback`` (held-out verdicts)
    labels_from: str
    #: verified leads the weights were fitted on
    fitted_on: int
    #: held-out cases
    held_out: int
    #: how many of them are sham
    held_out_positive: int
    precision_before: float | None
    precision_after: float | None
    average_precision_before: float | None
    average_precision_after: float | None


@dataclass(frozen=True, slots=True)
class FeedbackReport(View):
    """What the verified outcomes say about the rules, and the weights they suggest
    (``to_dict`` is ``feedback report --json``)."""

    #: outcome lines recorded
    outcomes: int
    #: scanned leads with a verdict
    verified: int
    #: how many of them held up
    held: int
    #: cases with outcomes but no verdict yet
    open: int
    #: ``held / verified``; none without a verdict
    precision: float | None
    by_rule: tuple[RulePrecision, ...]
    #: per province of the case
    by_region: tuple[PrecisionRow, ...]
    #: per receiving procuratorate
    by_procuratorate: tuple[PrecisionRow, ...]
    method: ReportMethod
    #: rule id -> weight in the scan
    weights_before: dict[str, float]
    #: rule id -> weight re-estimated
    weights_after: dict[str, float]
    ring_weight_before: float
    ring_weight_after: float
    #: the ``[rings]`` strength values in the scan (``rings.strength_coordination`` ...)
    strengths_before: dict[str, float]
    #: the same, re-estimated with the rule weights and ring weight held
    strengths_after: dict[str, float]
    #: ``lead_threshold`` and ``seed_threshold`` in the scan
    thresholds_before: dict[str, float]
    #: the same, matched to keep the numbers of leads and ring seeds under the new weights
    thresholds_after: dict[str, float]
    evaluation: ReportEvaluation
    #: the rules file and values of the scan the weights were fitted on (``source (values
    #: fingerprint)``)
    scan_rules: str
    #: what the scan's stored configuration lacked and read from the shipped defaults (an
    #: older scan, :func:`~ringtrace.queries.rules.filled_note`); none for a current scan
    rules_note: str | None


def _province(region_code: str | None) -> str:
    return gb2260.full_name(region_code[:2] + "0000") if region_code else "未知"


def _exculpatory() -> frozenset[str]:
    return frozenset(rule.id for rule in CATALOGUE if rule.mitigating)


def _fit(scan: ScanResults, labels: Mapping[str, bool], prior_strength: float
         ) -> dict[str, float]:
    """Rule weights and ring weight, then the ring-strength values with those held."""
    found = reweight(examples(scan, labels), stored_weights(scan), prior_strength,
                     _exculpatory())
    return {**found, **reweight_strengths(scan, labels, found, prior_strength)}


def feedback_report(store: GraphStore, workspace: str | Path, *,
                    truth: TruthJson | None = None, holdout: float = 0.5, k: int = 50,
                    prior_strength: float = DEFAULT_PRIOR_STRENGTH, seed: int = 7
                    ) -> FeedbackReport:
    """Precision per rule, region and procuratorate; new weights; evaluation before/after.

    Evaluation (precision@``k``): with ``truth``, the weights are fitted on every verified lead
    and the held-out cases are all other scanned cases, labelled by the truth; without it, the
    verified leads are split (``holdout`` share held out, seeded hash), the weights fitted on the
    rest are evaluated on the held-out part, and the weights reported are refitted on all.
    """
    scan = ScanResults.load(store)
    outcomes = read_outcomes(workspace)
    found = {c: v for c, v in verdicts(outcomes).items() if c in scan.all_cases()}
    before = stored_weights(scan)
    strengths = stored_strengths(scan)
    held = {c: v.held for c, v in found.items()}
    after = _fit(scan, held, prior_strength)
    by_rule = {row.key: row for row in precision_table(
        (r, v.held) for c, v in found.items() for r in scan.rules_of(c))}
    rules = tuple(RulePrecision(r, RULES_BY_ID[r].title if r in RULES_BY_ID else r,
                                by_rule[r].verified if r in by_rule else 0,
                                by_rule[r].held if r in by_rule else 0,
                                by_rule[r].precision if r in by_rule else None,
                                before[r], after[r])
                  for r in before if r != RING_WEIGHT)
    places = {c: case_jurisdiction(store, c) for c in found}
    regions = precision_table((_province(places[c].region_code), v.held)
                              for c, v in found.items())
    offices = precision_table((places[c].procuratorate.name, v.held) for c, v in found.items())

    if truth is not None:
        leads = set(scan.leads) - set(found)
        labels = {c: ok for c, ok in truth_labels(store, scan.all_cases(), truth).items() if c in leads}
        fitted, source, fit_size = after, "truth", len(found)
    else:
        held_out, fit_cases = holdout_split(found, holdout, seed)
        labels = {c: held[c] for c in held_out}
        fitted = _fit(scan, {c: held[c] for c in fit_cases}, prior_strength)
        source, fit_size = "feedback", len(fit_cases)
    stored = {c: float(row.final_score) for c, row in scan.all_cases().items()}
    rescored = rescore(scan, fitted)
    scoring = scan.meta.rules.scoring
    thresholds = {
        "lead_threshold": matched_threshold(stored, rescore(scan, after),
                                            float(scoring.lead_threshold)),
        "seed_threshold": matched_threshold(
            {c: float(row.rule_score) for c, row in scan.all_cases().items()},
            rescore(scan, after, rings=False), float(scoring.seed_threshold)),
    }
    return FeedbackReport(
        outcomes=len(outcomes),
        verified=len(found), held=sum(held.values()),
        open=len({o.case_id for o in outcomes} - set(found)),
        precision=round(sum(held.values()) / len(found), 4) if found else None,
        by_rule=rules, by_region=tuple(regions), by_procuratorate=tuple(offices),
        method=ReportMethod(
            model="penalised logistic regression on the scan's log-odds scale",
            prior_strength=prior_strength,
            rings="each case stays in its ring; the ring weight is re-estimated with the rule "
                  "weights (kept at or above 0), then the ring-strength values with those held "
                  "(kept in [0, 1])",
            exculpatory="re-estimated too, kept at or below 0",
            thresholds="matched to keep the numbers of leads and ring seeds"),
        weights_before={r: w for r, w in before.items() if r != RING_WEIGHT},
        weights_after={r: w for r, w in after.items() if r != RING_WEIGHT and r in before},
        ring_weight_before=before[RING_WEIGHT], ring_weight_after=after[RING_WEIGHT],
        strengths_before=strengths, strengths_after={k: after[k] for k in strengths},
        thresholds_before={"lead_threshold": float(scoring.lead_threshold),
                           "seed_threshold": float(scoring.seed_threshold)},
        thresholds_after=thresholds,
        evaluation=ReportEvaluation(
            k=k, labels_from=source, fitted_on=fit_size, held_out=len(labels),
            held_out_positive=sum(labels.values()),
            precision_before=precision_at(stored, labels, k),
            precision_after=precision_at(rescored, labels, k),
            average_precision_before=average_precision(stored, labels),
            average_precision_after=average_precision(rescored, labels)),
        scan_rules=f"{scan.meta.rules.source} (values {scan.meta.rules.fingerprint})",
        rules_note=filled_note(scan.meta.rules),
    )


def weights_toml(report: FeedbackReport) -> str:
    """The re-estimated weights as a rules file for ``ringtrace scan --rules`` (stable bytes)."""
    method = report.method
    lines = [
        "# Rule weights re-estimated from verified outcomes by `ringtrace feedback report`.",
        f"# Method: {method.model} (prior strength {method.prior_strength:g}, centred on",
        "# the weights of the scan; each case stays in its ring, the ring weight and then the",
        "# ring-strength values are re-estimated;",
        "# thresholds matched so that as many cases become leads and ring seeds as before).",
        "# See docs/feedback.md.",
        f"# Verified leads: {report.verified} ({report.held} held up). "
        f"Held-out precision@{report.evaluation.k}: "
        f"{report.evaluation.precision_before} before, "
        f"{report.evaluation.precision_after} after.",
        f"# Fitted on the scan made with {report.scan_rules}.",
        "# Use: ringtrace scan --rules THIS_FILE",
    ]
    lines += ["", "[scoring]"]
    lines += [f"{name} = {value:.4f}" for name, value in sorted(report.thresholds_after.items())]
    lines += ["", "[rings]", f"ring_weight = {report.ring_weight_after:.4f}"]
    lines += [f"{key.removeprefix('rings.')} = {value:.4f}"
              for key, value in report.strengths_after.items()]
    for rule, weight in sorted(report.weights_after.items()):
        lines += ["", f"[rules.{rule}]", f"weight = {weight:.4f}"]
    return "\n".join(lines) + "\n"
