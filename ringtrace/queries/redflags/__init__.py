"""The red-flag catalogue: one module per rule family, gathered here.

:data:`CATALOGUE` lists every rule (id, family, title, function) in a stable order;
:func:`run_all` runs them on an analysis frame with the weights and thresholds of a
:class:`~ringtrace.queries.rules.RuleConfig`.
"""

from __future__ import annotations

from collections.abc import Callable

from ringtrace.collector import collector_paused
from ringtrace.errors import RuleError
from ringtrace.queries.findings import Finding
from ringtrace.queries.frame import Frame
from ringtrace.queries.redflags import (
    agents,
    batch,
    claims,
    closure,
    cohort,
    contacts,
    employer,
    evidence,
    geography,
    group,
    retrial,
    support,
    timeline,
)
from ringtrace.queries.redflags.common import Rule, fired_cases
from ringtrace.queries.redflags.params import RuleParams
from ringtrace.queries.rules import RuleConfig

CATALOGUE: list[Rule[RuleParams]] = [
    *employer.RULES, *claims.RULES, *timeline.RULES, *batch.RULES,
    *evidence.RULES, *support.RULES,  # agents read what these found (a lawyer's series)
    *agents.RULES, *contacts.RULES, *geography.RULES, *cohort.RULES, *closure.RULES,
    *retrial.RULES,
    *group.RULES,  # group reads what the rules before it found
]
RULES_BY_ID = {r.id: r for r in CATALOGUE}

__all__ = ["CATALOGUE", "RULES_BY_ID", "run_all"]


def run_all(frame: Frame, config: RuleConfig,
            progress: Callable[[int], None] | None = None) -> list[Finding]:
    """Every finding of every rule with a non-zero weight, in catalogue order (with the garbage
    collector paused: see :func:`~ringtrace.collector.collector_paused`)."""
    missing = sorted(set(RULES_BY_ID) - set(config.rules))
    if missing:
        raise RuleError(f"{config.source}: no parameters for rules {', '.join(missing)}")
    for rule in CATALOGUE:
        w = config.weight(rule.id)
        if (w > 0 and rule.mitigating) or (w < 0 and not rule.mitigating):
            direction = "exculpatory (<= 0)" if rule.mitigating else "incriminating (>= 0)"
            raise RuleError(f"{config.source}: {rule.id} is {direction}, its weight cannot "
                            f"be {w}")
    findings: list[Finding] = []
    fired = fired_cases(frame)
    with collector_paused():
        for rule in CATALOGUE:
            if config.weight(rule.id) != 0:
                found = list(rule.run(frame, rule.params_of(config)))
                fired[rule.id] = {c for f in found for c in f.cases}
                findings.extend(found)
            if progress:
                progress(1)
    return findings
