"""Group: many admitted claims against one employer, and not one of them proven.

What it flags
    ``GROUP_UNPROVEN`` at least ``min_cases`` uncontested confirmation cases against one
    employer filed within ``window_days`` (the busiest such stretch), of which at most
    ``max_proven_share`` are backed by any of the exculpatory evidence the catalogue looks for
    (``exculpatory``: an archive or third-party record, a wage or compensation claim, an employer
    disputing the money, a supporting procuratorate or union, a workforce that ended with its
    employer). Every uncontested confirmation case of the group is flagged. (A share, not
    none: a scheme may add a token wage claim or one real worker to its cohort.)
Why it matters
    A genuine workforce that sues together leaves traces in its documents: some of its members
    have a roster entry, a bank statement or an archive file, some claim unpaid wages or
    severance, their employment ended when the firm closed (docs/domain.md §3.3). A cohort recruited
    by an intermediary has nothing but the employer's admission - "原告诉求简单", "案件事实主要通过
    诉讼代理人自认的方式…大部分没有提供劳动合同以及工资帐户明细、基本养老保险缴纳明细等基本证据"
    (湘潭, docs/domain.md G3/G6). One case without proof says little (published documents are terse);
    a whole group with next to none is the absence that separates a bought cohort from a
    workforce.

What it flags (exculpatory)
    ``GROUP_BACKED`` the confirmation cases of an employer's busiest ``window_days`` (at least
    ``min_cases`` of them) that carry no evidence of their own, when at least
    ``min_backed_share`` of that group's cases are backed by the exculpatory evidence of
    ``exculpatory`` - unless one of the ``unless`` rules (an intermediary's reach, contacts
    shared across suits, an end at the worker's retirement birthday, an impossible start age)
    flagged the case itself. A case an ``unless`` rule flagged backs no colleague either,
    whatever proof it also shows.
Why it matters
    The other side of the same absence. Published documents are terse: one member's judgment
    cites the roster and the bank statements, the next one's says only that the employer
    admitted the work, though both workers brought the same file (docs/domain.md §3.3: a
    restructured enterprise "查阅了改制过程中的人事档案资料后" admits its old workers' claims; the
    court still checked "三十余前的工资表、职工花名册"). A worker who sues with colleagues most of
    whom proved their employment from archives, claimed wages or were backed by a procuratorate
    is one of that workforce, not a buyer who slipped in; what would single a buyer out among
    them - an intermediary's reach, a phone shared with other employers' suits, an end at the
    retirement birthday - is left to speak (``unless``).
Thresholds
    ``min_cases``, ``window_days``, ``max_headcount`` (employers insured for this many people or
    more face many unrelated suits a year, no group; so does an employer of unknown headcount
    whose suits show a workforce, ``workforce_min_workers`` and ``workforce_min_years``, see
    :class:`~ringtrace.queries.redflags.common.Workforce`) and the ``exculpatory`` rule ids in ``rules.toml``
    [rules.GROUP_UNPROVEN]; the
    rule reads what those rules found, so it runs after them (switching one off means it found
    nothing).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from ringtrace.queries.findings import Evidence, Finding
from ringtrace.queries.frame import Frame
from ringtrace.queries.redflags.common import (
    CITED_CASES,
    Rule,
    Workforce,
    busiest_window,
    employer_confirmation_cases,
    fired_cases,
    large_employers,
)
from ringtrace.queries.redflags.params import RuleParams
from ringtrace.queries.rules import RuleConfig, default_rules


@dataclass(frozen=True)
class UnprovenParams(RuleParams):
    """``[rules.GROUP_UNPROVEN]``."""

    min_cases: int
    window_days: int
    max_proven_share: float
    max_headcount: int
    workforce_min_workers: int
    workforce_min_years: int
    #: rules whose hit shows a suit is backed (they run before this one)
    exculpatory: tuple[str, ...]

    @property
    def workforce(self) -> Workforce:
        return Workforce(self.workforce_min_workers, self.workforce_min_years)


def workforce_of(config: RuleConfig) -> Workforce:
    """The workforce thresholds of ``config``'s ``[rules.GROUP_UNPROVEN]``."""
    return UnprovenParams.of(config, "GROUP_UNPROVEN").workforce


def default_workforce() -> Workforce:
    """The workforce thresholds of the shipped ``rules.toml``."""
    return workforce_of(default_rules())


def unproven(frame: Frame, params: UnprovenParams) -> Iterator[Finding]:
    minimum = params.min_cases
    fired = fired_cases(frame)
    proven = set().union(*(fired.get(r, set()) for r in params.exculpatory))
    window = params.window_days
    max_share = params.max_proven_share
    large = large_employers(frame, params.max_headcount, params.workforce)
    for employer, facts in employer_confirmation_cases(frame).items():
        uncontested = [f for f in facts if f.case.uncontested]
        if len(uncontested) < minimum:
            continue
        if employer in large:
            continue  # a big employer's many suits in a year are not one group
        dated = sorted((f.filed, f.case.id) for f in uncontested if f.filed is not None)
        busiest = set(busiest_window(dated, window))
        admitted = [f.case for f in uncontested if f.case.id in busiest]
        if len(admitted) < minimum:
            continue
        backed = sum(c.id in proven for c in admitted)
        if backed > max_share * len(admitted):
            continue
        name = frame.employers.get(employer, {}).get("name", employer)
        summary = (f"{name}的{len(admitted)}件无争议确认案件中仅{backed}件有档案、流水等独立证据"
                   "或工资、补偿请求")
        numbers = "、".join(c.case_number for c in admitted[:CITED_CASES])
        yield Finding("GROUP_UNPROVEN", employer, [c.id for c in admitted], summary,
                      [Evidence("link", None, f"案号: {numbers}")])


@dataclass(frozen=True)
class BackedParams(RuleParams):
    """``[rules.GROUP_BACKED]``."""

    min_cases: int
    window_days: int
    min_backed_share: float
    #: rules whose hit shows a suit is backed (they run before this one)
    exculpatory: tuple[str, ...]
    #: a case that one of these rules flagged keeps its own evidence: no colleague speaks for it
    unless: tuple[str, ...]


def backed_group(frame: Frame, params: BackedParams) -> Iterator[Finding]:
    """The unbacked members of groups most of whose suits are backed (see the module docstring
    of :data:`RULES`' ``GROUP_BACKED``)."""
    fired = fired_cases(frame)
    proven = set().union(*(fired.get(r, set()) for r in params.exculpatory))
    own = set().union(*(fired.get(r, set()) for r in params.unless))
    for employer, facts in employer_confirmation_cases(frame).items():
        if len(facts) < params.min_cases:
            continue
        dated = sorted((f.filed, f.case.id) for f in facts if f.filed is not None)
        group = busiest_window(dated, params.window_days)
        if len(group) < params.min_cases:
            continue
        # a suit with evidence against it of its own backs no colleague, whatever it also
        # shows: a ring that adds a money claim to half its intermediary's suits is no workforce
        backed = [c for c in group if c in proven and c not in own]
        if len(backed) < params.min_backed_share * len(group):
            continue
        rest = [c for c in group if c not in proven and c not in own]
        if not rest:
            continue
        name = frame.employers.get(employer, {}).get("name", employer)
        summary = (f"{name}同期{len(group)}件确认案件中{len(backed)}件有档案、流水、工资请求、"
                   "支持起诉等证据，本案为同一批职工的诉讼")
        numbers = "、".join(frame.cases[c].case_number for c in backed[:CITED_CASES])
        for c in rest:
            yield Finding("GROUP_BACKED", c, [c], summary,
                          [Evidence("link", None, f"有证据的同批案件: {numbers}")])


RULES = [Rule("GROUP_UNPROVEN", "group", "同一单位多起无争议确认均无独立证据", unproven,
              params=UnprovenParams),
         Rule("GROUP_BACKED", "group", "同批职工多数有独立证据（减轻）", backed_group,
              params=BackedParams, mitigating=True)]
