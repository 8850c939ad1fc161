"""Case scores from rule hits: a noisy-OR of the weights of the rules that fired.

A rule's weight is its strength as evidence in (0, 1). A case on which rules with weights
w1..wn fired scores ``1 - (1-w1)…(1-wn)``: independent pieces of evidence add up, none alone
reaches certainty, and each rule's contribution can be shown as a reason. Rules that measure
the same thing form a cap group (``[caps.*]`` in rules.toml) whose joint contribution is capped,
so correlated evidence is not counted twice. A mitigating rule with weight m multiplies the
score by ``1 - m``.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from ringtrace.queries.findings import Finding
from ringtrace.queries.redflags.common import collector_paused
from ringtrace.queries.rules import RuleConfig

MitigatingIds = frozenset[str]


@dataclass
class CaseScore:
    case_id: str
    rule_score: float = 0.0
    final_score: float = 0.0
    rules: list[str] = field(default_factory=list)
    findings: list[int] = field(default_factory=list)  # indexes into the scan's findings
    ring_id: str | None = None


def noisy_or(weights: list[float]) -> float:
    remaining = 1.0
    for w in weights:
        remaining *= 1.0 - w
    return 1.0 - remaining


def capped_score(rules: list[str], config: RuleConfig) -> float:
    """Noisy-OR over the rules, where each cap group contributes at most its ``max``."""
    grouped: set[str] = set()
    parts: list[float] = []
    for cap in config.caps.values():
        members = [r for r in rules if r in cap["rules"]]
        if members:
            grouped.update(members)
            parts.append(min(float(cap["max"]), noisy_or([config.weight(r) for r in members])))
    parts += [config.weight(r) for r in rules if r not in grouped]
    return noisy_or(parts)


def combined_score(rules: list[str], config: RuleConfig, mitigating: MitigatingIds) -> float:
    """The score of a case on which ``rules`` (sorted, each once) fired: the capped noisy-OR of
    the aggravating rules, reduced by the mitigating ones, rounded to six places."""
    score = capped_score([r for r in rules if r not in mitigating], config)
    for r in rules:
        if r in mitigating:
            score *= 1.0 - config.weight(r)
    return round(score, 6)


def rule_scores(findings: list[Finding], config: RuleConfig,
                mitigating: MitigatingIds = frozenset()) -> dict[str, CaseScore]:
    """Per case: the rules that fired on it (each counted once) and their noisy-OR score,
    reduced by the mitigating rules among them (computed with the garbage collector paused, as
    :func:`~ringtrace.queries.redflags.run_all` runs)."""
    with collector_paused():
        return _rule_scores(findings, config, mitigating)


def _rule_scores(findings: list[Finding], config: RuleConfig,
                 mitigating: MitigatingIds) -> dict[str, CaseScore]:
    scores: dict[str, CaseScore] = {}
    fired: dict[str, set[str]] = defaultdict(set)
    for index, f in enumerate(findings):
        for case in f.cases:
            cs = scores.get(case)
            if cs is None:
                cs = scores[case] = CaseScore(case)
            cs.findings.append(index)
            fired[case].add(f.rule_id)
    # many cases share a combination of rules: score each combination once
    by_combination: dict[tuple[str, ...], float] = {}
    for case, rules in fired.items():
        cs = scores[case]
        cs.rules = sorted(rules)
        combination = tuple(cs.rules)
        if combination not in by_combination:
            by_combination[combination] = combined_score(cs.rules, config, mitigating)
        cs.rule_score = cs.final_score = by_combination[combination]
    return scores
