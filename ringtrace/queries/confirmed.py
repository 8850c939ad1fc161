"""A suit a court revoked as a sham (``confirmed_rules``) and the other suits of its lay agent
and employer that an investigator reads next (:func:`anchored_suits`): they join the
candidates (:func:`confirmed_ties`) and a ``confirmed`` link ties them to it
(:func:`confirmed_links`), coordination in a ring of any size.
"""

from __future__ import annotations

from collections.abc import Set as AbstractSet

from ringtrace.queries.findings import Finding
from ringtrace.queries.frame import Frame
from ringtrace.queries.redflags.common import (
    PROFESSIONAL,
    filing_date,
    is_confirmation,
    large_employers,
)
from ringtrace.queries.ringlinks import Link, RingParams, _small
from ringtrace.queries.scoring import CaseScore


def confirmed_cases(findings: list[Finding], params: RingParams) -> set[str]:
    """The cases a court revoked as shams (``confirmed_rules``: a confirmed label)."""
    rules = set(params.confirmed_rules)
    return {c for f in findings if f.rule_id in rules for c in f.cases}


def anchored_suits(frame: Frame, case_id: str, params: RingParams,
                   proven: AbstractSet[str], large: AbstractSet[str]) -> dict[str, list[str]]:
    """Per lay agent and per employer of the confirmed sham ``case_id``: its other suits an
    investigator reads next - confirmation suits the employer did not contest, without proof
    of the employment (:func:`rings.proven_cases`), filed within ``link_gap_days`` of it (each list
    holds ``case_id`` too, sorted).

    A court found that this suit was bought (:mod:`~ringtrace.queries.redflags.retrial`); the
    lay person who brought it or admitted it, and the employer who lent its name, are the
    scheme's (docs/domain.md §2.2 P14, §1.1). Their other suits of the same season are where
    the rest of the operation is - but only the ones that look like it: a suit the employer
    fought, or one proven by records in other hands, is no purchase whoever filed it. A
    lawyer's other clients are not the scheme's for one revoked suit (a lawyer takes whoever
    comes), nor are the suits of an employer big enough to have many genuine ones (``large``).

    The employer, and a lay person on its side (its manager or clerk), tie the suits only in
    a small burst (:func:`ringlinks._small`, ``tie_max_cases``): one batch can hold both kinds
    (§3.1, SX-ZHIJUAN: of 221 workers suing one silk factory, 137 withdrew once forged seals were
    found, 16 won), and the closing firm that lent its name to one bought claim also has its
    own staff suing that season, whose suits the same clerk answers (§3.2 L2). The nominee
    who filed the revoked claim for the worker ties their other suits at any size.
    """
    case = frame.cases[case_id]
    day = filing_date(case)
    if day is None:
        return {}  # an undated suit shows no season to look in
    vias = [(a.id, frame.agent_cases.get(a.id, []), a.side != "worker") for a in case.agents
            if a.kind not in PROFESSIONAL]
    vias += [(e.id, frame.employer_cases.get(e.id, []), True) for e in case.employers
             if e.id not in large]
    found: dict[str, list[str]] = {}
    for via, suits, host in vias:
        near = {case_id}
        for c in suits:
            other = frame.cases[c]
            when = filing_date(other)
            if (c in proven or not other.uncontested or not is_confirmation(other)
                    or when is None):
                continue
            if abs((when - day).days) <= params.link_gap_days:
                near.add(c)
        if len(near) >= 2 and (not host or _small(frame, sorted(near), params.tie_max_cases)):
            found[via] = sorted(near)
    return found


def confirmed_ties(frame: Frame, findings: list[Finding], scores: dict[str, CaseScore],
                   params: RingParams, proven: AbstractSet[str]) -> set[str]:
    """Suits below the seed threshold that show every screening sign (``tie_seed_threshold``)
    and that a confirmed sham's lay agent or employer ties to it (:func:`anchored_suits`):
    candidates, so that a ring is built around the court's finding. They become part of a
    ring, and leads, only through its links and strength, not by sharing the agent alone."""
    confirmed = confirmed_cases(findings, params)
    if not confirmed:
        return set()
    large = large_employers(frame, params.large_employer_headcount, params.workforce)
    joined: set[str] = set()
    for c in sorted(confirmed):
        for suits in anchored_suits(frame, c, params, proven, large).values():
            joined.update(s for s in suits if s in scores
                          and scores[s].rule_score >= params.tie_seed_threshold)
    return joined - confirmed


def confirmed_links(frame: Frame, findings: list[Finding], candidates: set[str],
                    params: RingParams, proven: AbstractSet[str],
                    large: AbstractSet[str]) -> list[Link]:
    """A ``confirmed`` link from each confirmed sham among the candidates to the candidate
    suits of its lay agent, and of its employer, that :func:`anchored_suits` names."""
    links: list[Link] = []
    for c in sorted(confirmed_cases(findings, params) & candidates):
        for via, suits in sorted(anchored_suits(frame, c, params, proven, large).items()):
            member = [s for s in suits if s in candidates]
            if len(member) >= 2:
                links.append(Link("confirmed", via, member))
    return links
