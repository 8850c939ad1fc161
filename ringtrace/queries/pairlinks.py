"""Pair links: two candidate suits against one employer that one printed fact pairs.

Two applicants who left the employer years apart each claim the pension's fifteen years in one
week (:func:`pension_minimum_pairs`, a ``template`` link), or are mediated in one session
(:func:`mediated_pairs`), or are admitted that week to years before the employer existed
(:func:`founding_pairs`); in a small ring each is coordination evidence
(:data:`~ringtrace.queries.rings.SMALL_RING_EVIDENCE`), and either of the first two brings in
the weaker claim of its pair (:func:`pair_partners`). Ring assembly
(:mod:`ringtrace.queries.rings`) gathers these with the other evidence links.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Sequence
from collections.abc import Set as AbstractSet
from typing import Literal

from ringtrace.queries.findings import Finding
from ringtrace.queries.frame import Frame
from ringtrace.queries.redflags.common import filing_date, is_confirmation, to_date
from ringtrace.queries.ringlinks import (
    Link,
    RingParams,
    _distinct_disputes,
    _same_names,
    _small,
    time_chains,
)
from ringtrace.queries.scoring import CaseScore
from ringtrace.queries.winding_up import wound_up


def pair_partners(frame: Frame, findings: list[Finding], scores: dict[str, CaseScore],
                  candidates: set[str], params: RingParams,
                  proven: AbstractSet[str] = frozenset()) -> set[str]:
    """Confirmation cases below the seed threshold but scoring at least ``weak_tie_floor``,
    without proof of the employment (:func:`rings.proven_cases`), that a ``template`` link
    (:func:`pension_minimum_pairs`) or a ``mediated`` link (:func:`mediated_pairs`) pairs with
    a candidate.

    The pair is the evidence: two applicants who left the employer years apart yet each
    claimed the pension's fifteen years in the same week, or were mediated in one session
    having filed in the same week. Each fact is on the suits' own documents, and it does not
    depend on how much else the weaker document says: a bought claim that the employer
    admitted with the fewest words, or did not even answer, shows the screening signs and
    little more. A weak suit joins only beside a candidate (the pair's other claim gives the
    purchase away), and the pair must be a small burst, as for every such link, so a closing
    firm's workforce suing or settling in one week pairs no one.
    """
    weak = {c for c, s in scores.items()
            if params.weak_tie_floor <= s.rule_score < params.seed_threshold
            and c not in proven and is_confirmation(frame.cases[c])}
    if not weak:
        return set()
    pool = (candidates | weak) - proven
    joined: set[str] = set()
    for link in [*pension_minimum_pairs(frame, findings, pool, params),
                 *mediated_pairs(frame, findings, pool, params)]:
        if not candidates.isdisjoint(link.cases):
            joined.update(c for c in link.cases if c in weak)
    return joined


def _spans(texts: Iterable[object]) -> list[tuple[dt.date, dt.date]] | None:
    """Each date as the first and the last day it may mean (``2011`` is the whole year), in
    order; None when any is missing."""
    spans: list[tuple[dt.date, dt.date]] = []
    for text in texts:
        first, last = to_date(text), to_date(text, end=True)
        if first is None or last is None:
            return None
        spans.append((first, last))
    return spans


def dates_together(texts: Sequence[object], days: int) -> bool:
    """Do the dates ``texts`` all lie within ``days`` of each other (an end printed as a
    month or a year may be any day of it)? False when one is missing.

    >>> dates_together(["2016-08", "2016-09-20"], 90), dates_together(["2016-08", "2015"], 90)
    (True, False)
    >>> dates_together(["2016-08", None], 90), dates_together(["2011", "2011-06-30"], 90)
    (False, True)
    """
    spans = _spans(texts)
    if not spans:
        return False
    return (max(first for first, _ in spans) - min(last for _, last in spans)).days <= days


def dates_apart(texts: Sequence[object], days: int) -> bool:
    """Does every date of ``texts`` lie more than ``days`` from each of the others (an end
    printed as a month or a year may be any day of it)? False when one is missing.

    >>> dates_apart(["2009-07-14", "2011"], 183), dates_apart(["2011", "2011-03"], 183)
    (True, False)
    >>> dates_apart(["2009-07-14", None], 183)
    False
    """
    spans = _spans(texts)
    if spans is None:
        return False
    return all(max((b0 - a1).days, (a0 - b1).days) > days
               for i, (a0, a1) in enumerate(spans) for b0, b1 in spans[i + 1:])


def _claimed(frame: Frame, cases: Iterable[str],
             key: Literal["claimed_start", "claimed_end"]) -> list[object]:
    """``claimed_start`` or ``claimed_end`` of each of ``cases``, in order."""
    return [frame.cases[c].props.get(key) for c in cases]


def staff_laid_off(frame: Frame, cases: Sequence[str], days: int) -> bool:
    """Did the claimed employments of ``cases`` end together (within ``days``: one closure or
    a lay-off over weeks) after starting apart (people hired over the years)?

    That is a workforce's story: a firm took its staff on one by one and let them go when it
    closed. A template's buyers share the start as well as the end (docs/domain.md P4: the
    forged "2001年至2015年工资表"), and bought claims that each end at the buyer's own date
    do not end together."""
    return (dates_together(_claimed(frame, cases, "claimed_end"), days)
            and not dates_together(_claimed(frame, cases, "claimed_start"), days))


def pension_minimum_pairs(frame: Frame, findings: list[Finding], candidates: set[str],
                          params: RingParams) -> list[Link]:
    """Candidates against one employer, filed (or decided, :func:`ringlinks.time_chains`) within
    ``batch_link_days`` of each other, each brought by one applicant claiming the pension's
    minimum (``template_rules``: about fifteen years of employment, ``TL_PERIOD_15Y``), whose
    claimed employments ended more than ``separate_leavings_days`` apart, in a small burst
    (:func:`ringlinks._small`): a ``template`` link, which a small ring counts as coordination
    (:data:`rings.SMALL_RING_EVIDENCE`).

    Fifteen years of contributions is what a basic pension needs (社会保险法 art. 16,
    累计缴费满十五年), so a purchase confirms fifteen years whatever the buyer's life was
    (docs/domain.md P4: the forged "2001年至2015年工资表"). Colleagues who sue a firm together
    after it closed left it together, in one lay-off, and their tenures vary; two applicants
    whose claimed jobs at the employer ended years apart have no common event to sue over in
    the same week - unless someone filed for both. Each fact is in the documents (the periods
    claimed, the filing dates) and each suit is a candidate on its own evidence; what the
    link adds is the question an investigator can ask: why did two people who left the firm
    a year or more apart each claim exactly the fifteen years a pension needs, in the same
    week? "Same employer, same week" alone ties nothing here: the periods must each be the
    pension's minimum and must end apart. Callers leave out suits with proof
    (:func:`rings.proven_cases`: records in third-party custody, money claimed, a supporting body),
    and a group suit (several applicants, one period) is a workforce's, never a buyer's. One
    applicant's copies (a first instance and its appeal, a repost) are one claim - one dispute
    (:func:`ringlinks._distinct_disputes`: the same period and birth date, names that may be the
    same person), as for a lawyer's series, whether or not resolution joined the copies' workers -
    and a copy with no filing or decision date shows no week and ties nothing.

    The week has a common cause when the employer is an old collective or state enterprise
    being wound up (:func:`~ringtrace.queries.winding_up.wound_up`: its liquidator answered,
    or its 注销/吊销 came within ``wound_up_filing_days`` of the suits): a liquidation calls in
    everyone it owes, including workers who left years before, and they sue together. Such
    suits are not linked; each stays a candidate on its own evidence. Labour-service, township
    and other typical hosts (docs/domain.md P13) are never so excused: the SPP's coal mine was
    closing when its vice-manager admitted two bought claims.
    """
    template, hosts = set(params.template_rules), typical_hosts(findings, params)
    aided = aided_cases(findings, params)
    fitting = {c for f in findings if f.rule_id in template for c in f.cases if c in candidates}
    links: list[Link] = []
    for employer, cases in _one_applicant_suits_by_employer(frame, fitting):
        # a suit whose copy prints no date was not shown to be filed that week
        for run in time_chains(frame, cases, params.batch_link_days, dated_only=True):
            # one applicant's copies (a first instance, its appeal, a repost printing the name
            # masked) are one claim, however resolution left their workers
            if left_apart(frame, employer, run, hosts, params) \
                    and not _all_aided(frame, run, aided):
                day = filing_date(frame.cases[run[0]])
                links.append(Link("template", f"{employer}@{day}", run))
    return links


def mediated_pairs(frame: Frame, findings: list[Finding], candidates: set[str],
                   params: RingParams) -> list[Link]:
    """Candidates against one employer mediated on one day (``mediation_rules``: a mediation
    statement, ``CLAIM_MEDIATED``) and filed within ``batch_link_days`` of each other, each
    brought by one applicant, whose claimed employments ended more than ``separate_leavings_days``
    apart, in a small burst (:func:`ringlinks._small`): a ``mediated`` link, which a small ring
    counts as coordination (:data:`rings.SMALL_RING_EVIDENCE`).

    A mediation is the employer agreeing to the confirmation, and the published cases show
    the scheme's suits reaching the forum and settling together: 成都 付某's five suits "均在同日
    缴纳诉讼费，同日开庭调解…生成调解法律文书" (docs/domain.md P8, P10); the coal mine's two
    applicants "同时向法院起诉" and were mediated (SPP-2024-04). A closing firm's staff are
    mediated together too (§3.2 L2), but they left it together, in one lay-off (E4): two
    applicants whose claimed jobs ended years apart share no event to settle in one session,
    unless someone brought both. Each fact is printed (the mediation's date, the filing dates,
    the periods claimed). Callers leave out suits with proof (:func:`rings.proven_cases`: a dormant
    collective's old workers admitted from its archives, a supported suit, money settled), and
    a group suit (one period for several applicants) is a workforce's. One applicant's copies
    are one claim; a copy printing no mediation date shows no day and ties nothing. An old
    enterprise being wound up settles its former workers' claims in one session whenever
    they left (:func:`~ringtrace.queries.winding_up.wound_up`), and ties nothing, as for
    :func:`pension_minimum_pairs`.
    """
    mediated, hosts = set(params.mediation_rules), typical_hosts(findings, params)
    aided = aided_cases(findings, params)
    by_day: dict[tuple[str, dt.date], list[str]] = defaultdict(list)
    for c in sorted({c for f in findings if f.rule_id in mediated for c in f.cases}):
        case = frame.cases.get(c)
        if case is None or c not in candidates or len(case.workers) != 1:
            continue
        day = to_date(case.props.get("decision_date"))
        if day is not None:
            for e in case.employers:
                by_day[(e.id, day)].append(c)
    links: list[Link] = []
    for (employer, day), cases in sorted(by_day.items()):
        for run in time_chains(frame, cases, params.batch_link_days, dated_only=True):
            if left_apart(frame, employer, run, hosts, params) \
                    and not _all_aided(frame, run, aided):
                links.append(Link("mediated", f"{employer}@{day.isoformat()}", run))
    return links


def founding_pairs(frame: Frame, findings: list[Finding], candidates: set[str],
                   params: RingParams) -> list[Link]:
    """Uncontested candidates against one employer, filed within ``batch_link_days`` of each
    other, each brought by one applicant whose claimed employment starts before the employer
    existed (``employer_anchored_rules``: ``EMP_START_BEFORE_FOUNDING``, which stays silent
    when the registry records a former name or the document tells of a predecessor), in a
    small burst (:func:`ringlinks._small`): a ``founding`` link, which a small ring counts as
    coordination (:data:`rings.SMALL_RING_EVIDENCE`).

    No one worked for a firm before it was founded (docs/domain.md P5), unless it had a
    predecessor - which the rule reads from the registry and the story -, and an
    employer that admits such a claim admits something against itself that its own registry
    entry refutes (G5, an unreasonable admission; R5). One such admission may be a careless
    answer about a predecessor; two applicants in one week, each admitted to years before the
    firm existed, are the manager paid to admit what the registry shows impossible
    (SPP-2024-04: the coal mine's vice-manager who admitted two applicants' claims; P6, P8).
    Both facts are third-party (the registry's founding date) or printed (the admission, the
    filing days); what the link adds is the question an investigator can ask the manager:
    why did the firm admit, that week, two people to years before it existed? Callers leave
    out suits with proof (:func:`rings.proven_cases`); a group suit (several applicants, one
    period) is a workforce's, and one applicant's copies are one claim (one dispute,
    :func:`ringlinks._distinct_disputes`, whether or not resolution joined the copies' workers).
    """
    anchored, aided = set(params.employer_anchored_rules), aided_cases(findings, params)
    fitting = {c for f in findings if f.rule_id in anchored for c in f.cases
               if c in candidates and frame.cases[c].uncontested}
    links: list[Link] = []
    for employer, cases in _one_applicant_suits_by_employer(frame, fitting):
        for run in time_chains(frame, cases, params.batch_link_days, dated_only=True):
            # one applicant's copies (a repost printing the name masked) are one claim
            if len(_distinct_disputes(frame, run)) >= 2 and _small(
                    frame, run, params.tie_max_cases) and not _all_aided(frame, run, aided):
                day = filing_date(frame.cases[run[0]])
                links.append(Link("founding", f"{employer}@{day}", run))
    return links


def _one_applicant_suits_by_employer(frame: Frame, cases: AbstractSet[str]
                                     ) -> list[tuple[str, list[str]]]:
    """``cases`` brought by one applicant each (a group suit is a workforce's, never a
    buyer's), grouped by employer id, both in sorted order: what the pair links
    (:func:`pension_minimum_pairs`, :func:`founding_pairs`) look through."""
    by_employer: dict[str, list[str]] = defaultdict(list)
    for c in sorted(cases):
        if len(frame.cases[c].workers) == 1:
            for e in frame.cases[c].employers:
                by_employer[e.id].append(c)
    return sorted(by_employer.items())


def left_apart(frame: Frame, employer: str, run: list[str], hosts: AbstractSet[str],
                params: RingParams) -> bool:
    """Are the suits ``run`` against ``employer`` (filed together) two or more applicants'
    claims that ended more than ``separate_leavings_days`` apart, in a small burst, at an
    employer whose winding-up does not explain their coming together (``hosts``: the
    employers a ``wound_up_host_rules`` finding names)? One dispute's copies are one claim
    (:func:`ringlinks._distinct_disputes`). What :func:`pension_minimum_pairs` and
    :func:`mediated_pairs` each ask of a run."""
    ends = [key[1] for key, _names in _distinct_disputes(frame, run)]
    return (len(ends) >= 2 and dates_apart(ends, params.separate_leavings_days)
            and _small(frame, run, params.tie_max_cases)
            and not wound_up(frame, employer, run, hosts, params.winding_up))


def aided_cases(findings: list[Finding], params: RingParams) -> set[str]:
    """The cases an ``aided_rules`` finding names: worker-side counsel a legal-aid centre
    assigned (法律援助中心指派)."""
    rules = set(params.aided_rules)
    return {c for f in findings if f.rule_id in rules for c in f.cases}


def _all_aided(frame: Frame, run: list[str], aided: AbstractSet[str]) -> bool:
    """Has every claim of ``run`` (one dispute's copies count once: one aided copy will do)
    counsel a legal-aid centre assigned? Then the pair is the centre's intake, not a scheme's:
    the centre checks each applicant's claim (and, in most provinces, means) before it assigns
    a lawyer (法律援助法 arts. 41-43; docs/domain.md E6, a weaker check than a supporting
    body's), and its campaigns and a county's 补缴 window bring a small firm's former workers
    in one week, to one lawyer and one template, settled in one session. An intermediary
    brings its buyers with its own agents (P8, P10); a pair with one aided suit and one not
    still ties, and each aided suit stays a candidate on its own evidence."""
    if not aided or not any(c in aided for c in run):
        return False
    helped = _distinct_disputes(frame, [c for c in run if c in aided])
    return all(any(k == key and _same_names(n, names) for k, n in helped)
               for key, names in _distinct_disputes(frame, run))


def typical_hosts(findings: list[Finding], params: RingParams) -> set[str]:
    """The employers a ``wound_up_host_rules`` finding names: typical hosts (P13), never
    excused by a winding-up."""
    rules = set(params.wound_up_host_rules)
    return {f.subject for f in findings if f.rule_id in rules}
