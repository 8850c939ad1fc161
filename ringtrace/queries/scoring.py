"""Case scores: weights of evidence, for and against, added on the log-odds scale.

Every rule's ``weight`` in ``rules.toml`` is the log of a likelihood ratio: how much more
often the rule fires on a sham case than on a genuine one. Incriminating rules have positive
weights, exculpatory ones (documentary proof, wage claims, a supporting procuratorate, a
workforce that ended with its employer) negative weights. A case's log-odds is the prior
(``scoring.prior_log_odds``, the base rate of sham among confirmation cases) plus the weights of
the rules that fired on it; its score is the corresponding probability::

    score = 1 / (1 + exp(-(prior + w1 + ... + wn)))

So evidence in both directions meets on one scale: strong incriminating evidence is not wiped
out by one exculpatory fact (a token wage claim), and a workforce with archives and wage claims
is not made a lead by one red flag. Rules that measure the same thing form a cap group
(``[caps.*]``): their weights are summed and then limited to the group's ``max``, so
correlated evidence (a burst is usually also a same-day batch) is counted once. The published
screening rules together form one such group, worth at most even odds: they describe where sham
cases hide, and genuine look-alikes pass them too (see rules.toml).
A weight of +1 multiplies the odds by e (about 2.7); -1 divides them by e.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from ringtrace.collector import collector_paused
from ringtrace.queries.findings import Finding
from ringtrace.queries.rules import RuleConfig


@dataclass
class CaseScore:
    case_id: str
    rule_score: float = 0.0
    final_score: float = 0.0
    #: the rules' log-odds (prior included), before ring evidence
    log_odds: float = 0.0
    #: what ring membership adds to the log-odds
    ring_log_odds: float = 0.0
    rules: list[str] = field(default_factory=list)
    findings: list[int] = field(default_factory=list)  # indexes into the scan's findings
    ring_id: str | None = None


def probability(log_odds: float) -> float:
    """The probability of a log-odds value.

    >>> probability(0.0)
    0.5
    >>> round(probability(math.log(3)), 4)
    0.75
    """
    if log_odds >= 0:
        return 1.0 / (1.0 + math.exp(-log_odds))
    z = math.exp(log_odds)
    return z / (1.0 + z)


def log_odds(p: float) -> float:
    """The log-odds of a probability in (0, 1).

    >>> round(log_odds(0.75), 4)
    1.0986
    """
    return math.log(p / (1.0 - p))


def evidence_weight(rules: Iterable[str], config: RuleConfig) -> float:
    """Sum of the weights of ``rules`` (each once), each cap group limited to its ``max``.

    A cap may hold other caps (``groups``): their capped sums count inside it. Caps that no
    other cap holds are summed with the rules outside every cap.
    """
    fired = sorted(set(rules))
    held = {g for cap in config.caps for g in cap.groups or ()}
    in_caps = {r for cap in config.caps for r in cap.rules}

    def capped(name: str) -> float:
        cap = config.caps[name]
        total = sum(config.weight(r) for r in fired if r in cap.rules)
        total += sum(capped(g) for g in cap.groups or ())
        return min(float(cap.max), total)

    total = sum(capped(name) for name in config.caps.names if name not in held)
    return total + sum(config.weight(r) for r in fired if r not in in_caps)


def case_log_odds(rules: Iterable[str], config: RuleConfig) -> float:
    """The prior plus the evidence of ``rules``."""
    return float(config.scoring.prior_log_odds) + evidence_weight(rules, config)


def rule_scores(findings: list[Finding], config: RuleConfig) -> dict[str, CaseScore]:
    """Per case: the rules that fired on it (each counted once), their log-odds and score
    (computed with the garbage collector paused, as
    :func:`~ringtrace.queries.redflags.run_all` runs)."""
    with collector_paused():
        return _rule_scores(findings, config)


def _rule_scores(findings: list[Finding], config: RuleConfig) -> dict[str, CaseScore]:
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
            by_combination[combination] = case_log_odds(combination, config)
        cs.log_odds = by_combination[combination]
        cs.rule_score = cs.final_score = round(probability(cs.log_odds), 6)
    return scores
