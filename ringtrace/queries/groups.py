"""Groups the evidence explains as legitimate: labelled with their reasons, never ranked.

A genuine workforce that sues its closing or dormant employer together passes the published
screening rules (a small employer, a burst of suits, no objection) just as a bought cohort does
(docs/domain.md §3.1-§3.2). When most of such a group's cases carry the evidence that separates
a workforce from a cohort (docs/domain.md §3.3: records in third-party custody, wage claims, an
employer disputing the money, a supporting procuratorate or union, employment that ended with the
employer) and few of them are leads, the scan records the group as *explained*: it is not a ring
or a lead, and an analyst who looks the employer up sees why.
"""

from __future__ import annotations

from collections import Counter

from ringtrace.queries.findings import Finding
from ringtrace.queries.frame import Frame
from ringtrace.queries.model import ExplainedGroup, GroupReason
from ringtrace.queries.redflags import RULES_BY_ID
from ringtrace.queries.redflags.common import busiest_window, employer_confirmation_cases
from ringtrace.queries.settings import GroupsSettings


def explained_groups(frame: Frame, findings: list[Finding], leads: set[str],
                     settings: GroupsSettings) -> list[ExplainedGroup]:
    """Employers whose busiest year of confirmation suits (``window_days``) holds at least
    ``min_cases`` cases, at least ``min_backed_share`` of them backed by substantive exculpatory
    evidence (``explaining_rules``: not the employer's own papers, which are what schemes forge)
    and at most ``max_lead_share`` of them leads; sorted by employer id."""
    exculpatory = set(settings.explaining_rules)
    backing: dict[str, Counter[str]] = {}
    for f in findings:
        if f.rule_id in exculpatory:
            for c in f.cases:
                backing.setdefault(c, Counter())[f.rule_id] += 1
    minimum, window = settings.min_cases, settings.window_days
    groups: list[ExplainedGroup] = []
    for employer, facts in employer_confirmation_cases(frame).items():
        if len(facts) < minimum:
            continue
        dated = sorted((f.filed, f.case.id) for f in facts if f.filed is not None)
        cases = sorted(busiest_window(dated, window))
        if len(cases) < minimum:
            continue
        backed = [c for c in cases if c in backing]
        led = sum(c in leads for c in cases)
        if (len(backed) < settings.min_backed_share * len(cases)
                or led > settings.max_lead_share * len(cases)):
            continue
        reasons = Counter(RULES_BY_ID[r].title for c in backed for r in backing[c])
        groups.append(ExplainedGroup(
            employer, str(frame.employers.get(employer, {}).get("name") or employer),
            tuple(cases), len(backed), led,
            tuple(GroupReason(r, n) for r, n in reasons.most_common())))
    return groups
