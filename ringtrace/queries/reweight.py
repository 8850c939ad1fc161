"""Rule weights re-estimated from verified leads, in the scan's own log-odds model.

The scan scores a case as ``prior + Σ weights`` on the log-odds scale, plus what its ring adds
(:mod:`ringtrace.queries.scoring`). Verified outcomes (did the lead hold up?) re-estimate the
weights of *every* rule, incriminating and exculpatory alike, by penalised logistic regression:

* **model**: ``P(held) = σ(prior + Σ_r x_r w_r + ring_weight · s)`` where ``x_r`` says whether
  rule *r* fired and ``s`` is what the case's ring adds per unit of ``[rings].ring_weight`` (its
  coordination strength, or the uncoordinated share of it); the prior is held fixed, and which
  ring a case is in does not move (rings are assembled from the rules, not from outcomes), but
  how much ring membership weighs is re-estimated with the rule weights (:data:`RING_WEIGHT`);
* **prior**: each weight is pulled towards its current value ``w0_r`` as if it were backed by
  ``prior_strength`` verified cases (a Gaussian prior of precision ``prior_strength / 4``, the
  curvature of that many cases at even odds), so a few outcomes barely move it;
* **constraints**: an incriminating rule stays ≥ 0 and an exculpatory one ≤ 0 (a rule cannot
  change the direction its docstring argues for; if the data say it should, that is a finding
  for the analysts, reported as a weight at 0);
* **method**: projected Newton steps with step halving, from the current weights, in a fixed
  order - the same outcomes always give the same weights.

Cap groups are not part of the estimate (each rule counts as its own evidence); every score
computed afterwards applies them through the scan's scoring function.

**Ring strength** (:func:`reweight_strengths`): a ring adds ``ring_weight x share x strength``
to its cases' log-odds, and its strength (:func:`ringtrace.queries.rings.strength`) is a sum of
``[rings]`` values (:data:`STRENGTHS`) times what the ring shows (its coordinated share, its
size, which kinds of coordination link it, its batched share; or ``tied_batch_strength`` alone
for a small ring that one lay person ties whole and that came in one batch), capped at 1. With
the rule weights and the ring weight re-estimated first and held, those values are re-estimated
the same way (each kept in [0, 1], the prior's precision scaled by the square of how far a unit
of the value moves a case's log-odds, so that it again counts for ``prior_strength`` cases): a
value is what a ring showing that evidence is worth, and verdicts on the cases of such rings
move it. A ring whose strength is capped at 1 says nothing about the values and is held as it
was; ``strength_full_size`` is a size, not a weight, and stays.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from typing import Any

import numpy as np

from ringtrace.queries.findings import Finding
from ringtrace.queries.model import RingRecord
from ringtrace.queries.results import ScanResults
from ringtrace.queries.ringlinks import RingParams
from ringtrace.queries.rings import COORDINATION, anchored, strength, tied_batch
from ringtrace.queries.rules import MAX_WEIGHT, RuleConfig
from ringtrace.queries.scoring import probability, rule_scores

DEFAULT_PRIOR_STRENGTH = 20.0
#: the key of ``[rings].ring_weight`` in a weights mapping (no rule id has a dot)
RING_WEIGHT = "rings.ring_weight"
#: the ``[rings]`` values a ring's strength adds up (keys of a weights mapping, as
#: :data:`RING_WEIGHT`): each is what a ring showing that evidence is worth, in [0, 1]
STRENGTHS = ("rings.strength_coordination", "rings.strength_size", "rings.strength_both_kinds",
             "rings.strength_one_kind", "rings.batch_strength", "rings.tied_batch_strength",
             "rings.confirmed_strength")
_ITERATIONS = 100
_TOLERANCE = 1e-9


@dataclass(frozen=True, order=True)
class Example:
    """One verified case: the rules that fired on it, whether the lead held up, its log-odds
    offset (the prior plus what its ring adds) and ``ring``, what its ring adds per unit of
    ring weight (0 outside a ring). With :data:`RING_WEIGHT` among the weights the ring's part
    of the offset is re-estimated; without it, the whole offset is held fixed."""

    rules: tuple[str, ...]
    held: bool
    offset: float = 0.0
    ring: float = 0.0
    #: a weight whose evidence on this case is not 0/1: key -> how much of it the case gets
    #: (a strength value times what the ring shows, :func:`strength_examples`); others count 1
    scale: tuple[tuple[str, float], ...] = ()


def _objective(w: np.ndarray, x: np.ndarray, y: np.ndarray, n: np.ndarray, offset: np.ndarray,
               w0: np.ndarray, precision: float, relative: np.ndarray) -> float:
    z = offset + x @ w
    loglik = np.sum(n * (y * z - np.logaddexp(0.0, z)))
    return float(loglik - 0.5 * precision * np.sum(relative * (w - w0) ** 2))


def reweight(examples: Iterable[Example], prior: Mapping[str, float],
             prior_strength: float = DEFAULT_PRIOR_STRENGTH,
             exculpatory: frozenset[str] = frozenset(), ceiling: float = MAX_WEIGHT,
             unit: Mapping[str, float] | None = None) -> dict[str, float]:
    """New weights from verified cases (see the module docstring).

    Parameters
    ----------
    examples : the verified cases.
    prior : the current weight of every rule.
    prior_strength : how many verified cases a current weight counts for.
    exculpatory : the rules whose weights stay ≤ 0 (all others stay ≥ 0).
    ceiling : the largest value a weight may take (and the most negative an exculpatory one).
    unit : how much one unit of a weight moves a case's log-odds, typically (1 for a rule,
        the default): its prior's precision is scaled by the square, so that its current
        value counts for ``prior_strength`` cases whatever its scale.

    Returns
    -------
    dict
        Rule -> weight, rounded to 4 decimals (and :data:`RING_WEIGHT` when ``prior`` has it;
        it stays ≥ 0). A rule that fired on no verified case, or is switched off (weight 0),
        keeps its weight.

    Examples
    --------
    >>> held = [Example(("A",), True, -1.0)] * 8 + [Example(("A",), False, -1.0)] * 2
    >>> new = reweight(held, {"A": 1.0, "B": 0.5}, prior_strength=10)
    >>> new["B"], 1.0 < new["A"] < 1.0 + math.log(4)
    (0.5, True)
    """
    base = {r: float(w) for r, w in sorted(prior.items())}
    ring_weight = base.get(RING_WEIGHT)
    fit_ring = bool(ring_weight)  # a ring weight switched off (0) stays off, like a rule
    groups = sorted(Counter(
        Example(tuple(sorted({r for r in ex.rules if r != RING_WEIGHT and base.get(r, 0.0) != 0}
                             | ({RING_WEIGHT} if fit_ring and ex.ring else set()))),
                ex.held, round(ex.offset - (ring_weight or 0.0) * ex.ring if fit_ring
                               else ex.offset, 9), round(ex.ring, 9) if fit_ring else 0.0,
                tuple((r, round(v, 9)) for r, v in ex.scale if base.get(r, 0.0) != 0))
        for ex in examples).items())
    groups = [(ex, count) for ex, count in groups if ex.rules]
    rules = sorted({r for ex, _ in groups for r in ex.rules})
    if not rules:
        return {r: round(w, 4) for r, w in base.items()}
    column = {r: i for i, r in enumerate(rules)}
    x = np.zeros((len(groups), len(rules)))
    for row, (ex, _) in enumerate(groups):
        scaled = dict(ex.scale)
        for r in ex.rules:
            x[row, column[r]] = ex.ring if r == RING_WEIGHT else scaled.get(r, 1.0)
    y = np.array([1.0 if ex.held else 0.0 for ex, _ in groups])
    n = np.array([float(count) for _, count in groups])
    offset = np.array([ex.offset for ex, _ in groups])
    w0 = np.array([base[r] for r in rules])
    low = np.array([-ceiling if r in exculpatory else 0.0 for r in rules])
    high = np.array([0.0 if r in exculpatory else ceiling for r in rules])
    precision = prior_strength / 4.0
    # the prior's precision of each weight, relative (1 for a rule)
    relative = np.array([(unit or {}).get(r, 1.0) ** 2 for r in rules])
    w = w0.copy()
    current = _objective(w, x, y, n, offset, w0, precision, relative)
    for _ in range(_ITERATIONS):
        p = 1.0 / (1.0 + np.exp(-(offset + x @ w)))
        gradient = x.T @ (n * (y - p)) - precision * (relative * (w - w0))
        hessian = (x * (n * p * (1.0 - p))[:, None]).T @ x + precision * np.diag(relative)
        step = np.linalg.solve(hessian, gradient)
        scale = 1.0
        while scale > 1e-6:
            candidate = np.clip(w + scale * step, low, high)
            value = _objective(candidate, x, y, n, offset, w0, precision, relative)
            if value >= current - 1e-12:
                break
            scale /= 2
        moved = float(np.max(np.abs(candidate - w)))
        w, current = candidate, value
        if moved < _TOLERANCE:
            break
    new = dict(base)
    new.update({r: float(w[column[r]]) for r in rules})
    return {r: round(v, 4) for r, v in new.items()}


# -- scoring a stored scan with other weights -------------------------------------------------
def stored_weights(scan: ScanResults) -> dict[str, float]:
    """The scan's rule weights and its ring weight (:data:`RING_WEIGHT`)."""
    weights = {r: float(p.weight) for r, p in sorted(scan.meta.rules.rules.items())}
    weights[RING_WEIGHT] = _ring_weight(scan.meta.rules)
    return weights


def stored_strengths(scan: ScanResults) -> dict[str, float]:
    """The scan's ring-strength values (:data:`STRENGTHS`)."""
    return {key: float(getattr(scan.meta.rules.rings, key.removeprefix("rings.")))
            for key in STRENGTHS}


def _ring_weight(config: RuleConfig) -> float:
    return float(config.rings.ring_weight)


def scan_config(scan: ScanResults, weights: Mapping[str, float]) -> RuleConfig:
    """The scan's own rule configuration (scoring, caps, …) with other weights (rule ids,
    :data:`RING_WEIGHT` and :data:`STRENGTHS`)."""
    stored = scan.meta.rules
    changed: dict[str, Any] = {key.removeprefix("rings."): weights[key]
                               for key in (RING_WEIGHT, *STRENGTHS) if key in weights}
    rings = replace(stored.rings, **changed)
    return replace(stored, rules={r: replace(p, weight=weights.get(r, p.weight))
                                  for r, p in stored.rules.items()}, rings=rings)


def strength_terms(ring: RingRecord, params: RingParams) -> dict[str, float] | None:
    """What each :data:`STRENGTHS` value adds to the ring's strength per unit, in the branch of
    :func:`~ringtrace.queries.rings.strength` the ring is in under ``params``: the
    coordination terms, or the batch term when batches make the ring stronger, or
    ``tied_batch_strength`` itself when the ring is a tied batch
    (:func:`~ringtrace.queries.rings.tied_batch`) that the other terms do not make stronger,
    or ``confirmed_strength`` itself when a confirmed sham anchors it
    (:func:`~ringtrace.queries.rings.anchored`) and nothing else makes it stronger;
    none when the strength is capped at 1 (or reads otherwise), which no value moves.
    """
    struct = ring.structure
    share = struct.coordinated_share
    kinds = struct.link_kinds
    both = all(k in kinds for k in COORDINATION)
    linear = {
        "rings.strength_coordination": share,
        "rings.strength_size": min(1.0, (struct.cases - 1) / (params.strength_full_size - 1))
                               * share,
        "rings.strength_both_kinds": 1.0 if both else 0.0,
        "rings.strength_one_kind": 0.0 if both else float(any(k in kinds for k in COORDINATION)),
    }
    value = strength(struct, params)
    summed = sum(getattr(params, k.removeprefix("rings.")) * v for k, v in linear.items())
    batch = {"rings.batch_strength": struct.batched_share}
    if value >= 1.0:
        return None
    if abs(value - summed) < 1e-6 and summed >= params.batch_strength * struct.batched_share:
        return {k: v for k, v in linear.items() if v}
    if abs(value - params.batch_strength * struct.batched_share) < 1e-6:
        return batch
    if (tied_batch(struct, params.tie_max_cases)
            and abs(value - params.tied_batch_strength) < 1e-6):
        return {"rings.tied_batch_strength": 1.0}
    if anchored(struct) and abs(value - params.confirmed_strength) < 1e-6:
        return {"rings.confirmed_strength": 1.0}
    return None


def _ring_strengths(scan: ScanResults, weights: Mapping[str, float]) -> dict[str, float]:
    """Each ring's strength under the strength values of ``weights`` (else the scan's)."""
    params = RingParams.of(scan_config(scan, weights))
    return {ring.ring_id: strength(ring.structure, params) for ring in scan.rings}


def rule_log_odds(scan: ScanResults, weights: Mapping[str, float]) -> dict[str, float]:
    """Each scanned case's rules' log-odds under ``weights``, by the scan's scoring function."""
    config = scan_config(scan, weights)
    cases = scan.all_cases()
    hits = [Finding(rule, case, [case], "") for case, row in sorted(cases.items())
            for rule in row.rules]
    scored = rule_scores(hits, config)
    prior = float(config.scoring.prior_log_odds)
    return {case: scored[case].log_odds if case in scored else prior
            for case in cases}


def ring_terms(scan: ScanResults) -> dict[str, float]:
    """What ring membership added to each case's log-odds, as the scan stored it."""
    return {case: float(row.ring_log_odds) for case, row in scan.all_cases().items()}


def rescore(scan: ScanResults, weights: Mapping[str, float], *, rings: bool = True
            ) -> dict[str, float]:
    """Final score of every scanned case under other weights, each case in the ring it was in
    (what the ring adds scaled by the new :data:`RING_WEIGHT`, when ``weights`` has one).

    With the scan's own weights this reproduces the stored scores. ``rings=False`` gives the
    rule scores alone (what ring assembly compares with ``seed_threshold``).
    """
    odds = rule_log_odds(scan, weights)
    ring = ring_terms(scan) if rings else {}
    stored = _ring_weight(scan.meta.rules)
    scale = weights[RING_WEIGHT] / stored if RING_WEIGHT in weights and stored else 1.0
    if rings and any(k in weights for k in STRENGTHS):
        # a ring of strength 0 added nothing, and adds nothing whatever the values
        before = {r.ring_id: r.strength for r in scan.rings}
        after = _ring_strengths(scan, weights)
        cases = scan.all_cases()
        ring = {c: v * after[r] / before[r] if (r := cases[c].ring_id) and before.get(r)
                else v for c, v in ring.items()}
    return {case: round(probability(value + scale * ring.get(case, 0.0)), 6)
            for case, value in odds.items()}


def examples(scan: ScanResults, labels: Mapping[str, bool]) -> list[Example]:
    """Verified cases as :class:`Example` rows, with their prior and ring offsets and what
    their ring adds per unit of ring weight."""
    prior = float(scan.meta.rules.scoring.prior_log_odds)
    ring = ring_terms(scan)
    unit = _ring_weight(scan.meta.rules)
    return [Example(scan.rules_of(case), held, prior + ring.get(case, 0.0),
                    ring.get(case, 0.0) / unit if unit else 0.0)
            for case, held in sorted(labels.items())]


def strength_examples(scan: ScanResults, labels: Mapping[str, bool],
                      weights: Mapping[str, float]) -> list[Example]:
    """Verified cases as :class:`Example` rows for re-estimating the :data:`STRENGTHS` with
    the rule weights and ring weight of ``weights`` held: a case in a ring whose strength is a
    sum of the values (:func:`strength_terms`) has them as its rules, each scaled by the ring
    weight, the case's share of the ring's evidence and the ring's term; the rest of its
    log-odds (prior, rules, a capped ring's part) is its offset."""
    config = scan_config(scan, weights)
    params = RingParams.of(config)
    ring_weight = float(config.rings.ring_weight)
    uncoordinated = float(config.rings.uncoordinated_share)
    stored_weight = _ring_weight(scan.meta.rules)
    odds = rule_log_odds(scan, weights)
    rings = {r.ring_id: r for r in scan.rings}
    cases = scan.all_cases()
    out = []
    for case, held in sorted(labels.items()):
        row = cases[case]
        ring = rings.get(row.ring_id) if row.ring_id else None
        terms = strength_terms(ring, params) if ring is not None and ring.strength else None
        scaled = (row.ring_log_odds * ring_weight / stored_weight) if stored_weight else 0.0
        if ring is None or terms is None or not stored_weight:
            out.append(Example((), held, odds[case] + scaled))
            continue
        # the case's share of the ring's evidence: in full, or the uncoordinated share
        share = row.ring_log_odds / (stored_weight * ring.strength)
        share = 1.0 if abs(share - 1.0) <= abs(share - uncoordinated) else uncoordinated
        out.append(Example(tuple(sorted(terms)), held, odds[case],
                           scale=tuple((k, ring_weight * share * v)
                                       for k, v in sorted(terms.items()))))
    return out


def reweight_strengths(scan: ScanResults, labels: Mapping[str, bool],
                       weights: Mapping[str, float],
                       prior_strength: float = DEFAULT_PRIOR_STRENGTH) -> dict[str, float]:
    """The :data:`STRENGTHS` re-estimated from verified cases (``labels``), the rule weights and
    ring weight of ``weights`` held (see the module docstring); each stays in [0, 1], and a
    value that no verified case's ring depends on keeps its scan value.

    >>> held = [Example(("rings.batch_strength",), True, -1.0,
    ...                 scale=(("rings.batch_strength", 1.5),))] * 20
    >>> new = reweight(held, {"rings.batch_strength": 0.5}, 10, ceiling=1.0)
    >>> 0.5 < new["rings.batch_strength"] <= 1.0
    True
    """
    prior = stored_strengths(scan)
    rows = strength_examples(scan, labels, weights)
    # a strength value moves a case's log-odds by ring weight x share x what the ring shows:
    # its prior counts for prior_strength cases of that typical size (root mean square)
    squares: dict[str, list[float]] = {}
    for ex in rows:
        for key, value in ex.scale:
            squares.setdefault(key, []).append(value * value)
    unit = {key: math.sqrt(sum(v) / len(v)) for key, v in squares.items()}
    found = reweight(rows, prior, prior_strength, ceiling=1.0, unit=unit)
    return {k: found[k] for k in STRENGTHS}


def matched_threshold(before: Mapping[str, float], after: Mapping[str, float],
                      threshold: float) -> float:
    """The threshold that lets as many cases through ``after`` as ``threshold`` did ``before``.

    Re-weighting changes the scale of scores as well as their order; matching the count keeps
    the analysts' workload (leads) and the ring seeds as they were, so only *which* cases pass
    changes. Rounded down to 4 decimals; unchanged when no case passed before.
    """
    passed = sum(score >= threshold for score in before.values())
    if passed == 0:
        return threshold
    ranked = sorted(after.values(), reverse=True)
    return math.floor(ranked[passed - 1] * 10_000) / 10_000

