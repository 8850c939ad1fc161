"""Employers: small, closing or odd employers sued for confirmation in bursts.

What it flags
    ``EMP_BURST`` at least ``min_cases`` confirmation cases against one employer within
    ``window_days`` and more than ``headcount_ratio`` x its insured headcount (参保人数, 0 counts
    as 1, but a branch's 0 is unknown: its staff are insured under the parent); ``EMP_OVER_HEADCOUNT`` relationships confirmed (judgment, award or mediation) far above
    the headcount; ``EMP_STATUS`` the employer is deregistered, revoked or in liquidation
    (注销/吊销/清算…); ``EMP_TYPE`` labour-service, township or recycling-type employers named in
    docs/domain.md as typical hosts; ``EMP_START_BEFORE_FOUNDING`` the claimed relationship starts
    before the employer's founding date (成立日期) by more than ``grace_days``, unless that
    date is explained: the registry lists former names (曾用名) or the employer is a
    collective/state enterprise (``explained_by_types``) - restructured enterprises are
    re-registered and their 成立日期 is the successor's -, or its name is a planned-economy
    factory's (国营, a numbered 第三机床厂) and its 成立日期 falls in the re-registration years
    (``planned_economy_registered_by``), or the document itself tells of a restructuring or
    renaming (``explained_by_words``).
Why it matters
    Anyang's rules "企业用工规模不大" + "被密集起诉" (SEED, docs/domain.md R2/R3); the Jilin depot with
    30 staff and ≥150 "retirees" (P7); closing coal mines and 劳服 companies (P6); a relationship
    cannot start before the company existed (P5).
Thresholds
    ``rules.toml`` [rules.EMP_*]. Employers without a registry row get no headcount-based flag
    (unknown is not small).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Literal

from ringtrace.graph.props import EmployerProps
from ringtrace.queries.findings import Evidence, Finding
from ringtrace.queries.frame import Frame
from ringtrace.queries.redflags.common import (
    CITED_CASES,
    CaseFacts,
    LazyMap,
    Rule,
    any_of,
    busiest_window,
    employer_confirmation_cases,
    filing_date,
    to_date,
)
from ringtrace.queries.redflags.params import KeywordParams, RuleParams

#: units whose staff are insured under the parent company: 分公司, 分厂, a project department
#: (项目部) or a mine's work area (工区)
_INSURED_UNDER_PARENT = re.compile(r"分公司|分厂|分店|分部|项目部|工区")
#: a numbered state factory: 安阳市第三机床厂, 国棉一厂, 七五五厂 (a military factory's number)
_NUMBERED_FACTORY = re.compile(r"第[一二三四五六七八九十]+[^，。\s]{0,8}?厂$|国棉[一二三四五六七八九十]+厂|"
                               r"[〇一二三四五六七八九]{3}厂$")
#: the registry's closing dates ``EMP_STATUS`` quotes, with their labels
_CLOSING_DATES: tuple[tuple[Literal["cancel_date", "revoke_date"], str], ...] = (
    ("cancel_date", "注销日期"), ("revoke_date", "吊销日期"))


def _headcount(props: EmployerProps) -> int | None:
    """The registry's insured headcount, or None when unknown.

    A branch, project department or work area reports 0 insured because its staff are insured
    under the parent company; its 0 says nothing about its size, so it counts as unknown.

    >>> _headcount({"name": "中铁十局集团有限公司安阳分公司", "insured_headcount": 0}) is None
    True
    >>> _headcount({"name": "安阳市恒达废旧物资回收有限公司", "insured_headcount": 0})
    0
    """
    value = props.get("insured_headcount")
    if not isinstance(value, (int, float)):
        return None
    if value == 0 and _INSURED_UNDER_PARENT.search(str(props.get("name") or "")):
        return None
    return int(value)


@dataclass(frozen=True)
class BurstParams(RuleParams):
    """``[rules.EMP_BURST]``."""

    window_days: int
    min_cases: int
    #: cases in the window above this times the insured headcount (at least 1)
    headcount_ratio: float


@dataclass(frozen=True)
class OverHeadcountParams(RuleParams):
    """``[rules.EMP_OVER_HEADCOUNT]``."""

    min_confirmed: int
    #: confirmed relationships above this times the insured headcount (at least 1)
    headcount_ratio: float


@dataclass(frozen=True)
class StatusParams(RuleParams):
    """``[rules.EMP_STATUS]``: the registry statuses of an employer that is gone."""

    statuses: tuple[str, ...]


@dataclass(frozen=True)
class FoundingParams(RuleParams):
    """``[rules.EMP_START_BEFORE_FOUNDING]``."""

    #: days of setting up (筹建) before registration that are ordinary
    grace_days: int
    #: documents dated before the founding that show the registry date is not the employer's
    early_suits: int
    #: company types re-registered on restructuring (集体, 国有...)
    explained_by_types: tuple[str, ...]
    #: words of a document that tell of a restructuring or renaming
    explained_by_words: tuple[str, ...]
    #: words of a planned-economy enterprise's name (国营, 地方国营; not a commune's 公社, a
    #: typical host), beside numbered
    #: factories (:data:`_NUMBERED_FACTORY`)
    planned_economy_names: tuple[str, ...]
    #: last year of the re-registrations: such a name explains a founding date up to this year
    planned_economy_registered_by: int


def burst(frame: Frame, params: BurstParams) -> Iterator[Finding]:
    window, min_cases, ratio = params.window_days, params.min_cases, params.headcount_ratio
    for employer, facts in employer_confirmation_cases(frame).items():
        if len(facts) < min_cases:  # no window can hold enough cases
            continue
        props = frame.employers.get(employer, {})
        headcount = _headcount(props)
        if headcount is None or len(facts) <= ratio * max(headcount, 1):
            continue
        best = busiest_window(sorted((f.filed, f.case.id) for f in facts if f.filed is not None),
                              window)
        if len(best) >= min_cases and len(best) > ratio * max(headcount, 1):
            numbers = [frame.cases[c].case_number for c in best[:CITED_CASES]]
            yield Finding("EMP_BURST", employer, best,
                          f"{props.get('name')}在{window}天内被提起{len(best)}件确认劳动关系案件，"
                          f"参保人数{headcount}",
                          [Evidence("registry", None, f"参保人数={headcount}"),
                           Evidence("link", None, "案号: " + "、".join(numbers))])


def over_headcount(frame: Frame, params: OverHeadcountParams) -> Iterator[Finding]:
    min_confirmed, ratio = params.min_confirmed, params.headcount_ratio
    for employer, facts in employer_confirmation_cases(frame).items():
        if sum(len(f.workers) for f in facts) < min_confirmed:  # too few workers in all
            continue
        props = frame.employers.get(employer, {})
        headcount = _headcount(props)
        if headcount is None:
            continue
        confirmed = [f.case for f in facts
                     if f.case.props.get("outcome") in ("confirmed", "mediated")]
        workers = {w.id for case in confirmed for w in case.workers}
        if len(workers) >= min_confirmed and len(workers) > ratio * max(headcount, 1):
            yield Finding("EMP_OVER_HEADCOUNT", employer, [case.id for case in confirmed],
                          f"{props.get('name')}被确认劳动关系{len(workers)}人，参保人数仅{headcount}",
                          [Evidence("registry", None, f"参保人数={headcount}"),
                           Evidence("record", None, f"确认劳动关系人数={len(workers)}")])


def status(frame: Frame, params: StatusParams) -> Iterator[Finding]:
    bad = params.statuses
    for employer, facts in employer_confirmation_cases(frame).items():
        props = frame.employers.get(employer, {})
        value = props.get("status") or ""
        if facts and any(s in value for s in bad):
            detail = f"登记状态={value}"
            for key, label in _CLOSING_DATES:
                if props.get(key):
                    detail += f"，{label}={props[key]}"
            yield Finding("EMP_STATUS", employer, [f.case.id for f in facts],
                          f"{props.get('name')}登记状态为{value}",
                          [Evidence("registry", None, detail)])


def odd_type(frame: Frame, params: KeywordParams) -> Iterator[Finding]:
    has_keyword = any_of(params.keywords).search
    for employer, facts in employer_confirmation_cases(frame).items():
        if not facts:
            continue
        props = frame.employers.get(employer, {})
        fields = {"企业名称": props.get("name"), "企业类型": props.get("company_type"),
                  "所属行业": props.get("industry")}
        hit = next(((label, v) for label, v in fields.items() if v and has_keyword(str(v))), None)
        if hit:
            yield Finding("EMP_TYPE", employer, [f.case.id for f in facts],
                          f"{props.get('name')}属劳务/乡镇/回收类单位",
                          [Evidence("registry", None, f"{hit[0]}={hit[1]}")])


def _founding_dates(frame: Frame) -> LazyMap[str, dt.date | None]:
    """employer id -> its founding date (each computed once per employer and frame)."""
    def founded(employer_id: str) -> dt.date | None:
        return to_date(frame.employers.get(employer_id, {}).get("founded"))
    return frame.memoised("redflags.founded", lambda: LazyMap(founded))


def _history(frame: Frame, params: FoundingParams) -> LazyMap[str, bool]:
    """employer id -> does its registry record explain a founding date after the claimed start
    (former names, a collective/state enterprise re-registered on restructuring, or a branch -
    分公司, 分厂, a project department - registered years after the parent that hired its staff:
    the worker's contract and insurance are the parent's, so the branch's 成立日期 is not when
    the employment could begin, or a planned-economy factory - 国营, 地方国营, a numbered
    第三机床厂 - whose 成立日期 falls in the re-registration years, up to
    ``planned_economy_registered_by``: state and collective factories were registered anew as
    enterprise legal persons under the 1988 企业法人登记管理条例 and on the 1990s restructurings,
    and an export often shows that date with no former name and no 企业类型, while their workers
    were hired before it (docs/domain.md §3.2 L1, §5.6). A private firm has no such name, and such a
    name on a firm registered later explains nothing)?"""
    types = any_of(params.explained_by_types).search
    sued_before = _sued_before_founding(frame, params.grace_days, params.early_suits)
    planned = any_of(params.planned_economy_names).search
    founding = _founding_dates(frame)

    def re_registered(employer_id: str, name: str) -> bool:
        founded = founding[employer_id]
        return (founded is not None and founded.year <= params.planned_economy_registered_by
                and bool(planned(name) or _NUMBERED_FACTORY.search(name)))

    def explained(employer_id: str) -> bool:
        props = frame.employers.get(employer_id, {})
        name = str(props.get("name") or "")
        return (bool(props.get("former_names")) or bool(types(str(props.get("company_type") or "")))
                or bool(_INSURED_UNDER_PARENT.search(name)) or sued_before(employer_id)
                or re_registered(employer_id, name))
    return LazyMap(explained)


def _sued_before_founding(frame: Frame, grace: int, early_suits: int) -> Callable[[str], bool]:
    """employer id -> was it a party to ``early_suits`` suits or awards, filed and decided
    more than ``grace`` days before its registry founding date?

    A firm cannot be sued before it exists, so such a document shows the registry's 成立日期
    is not this employer's history: an old firm deregistered and its name registered again by
    a new one, a re-registration that kept no former name, or a registry row of a namesake
    joined to the documents' employer. The investigator reading the finding would discard the
    founding date at once ("it was in court in 2015; the registry says founded 2020"); claims
    starting before that date prove nothing, so none is flagged. A scheme's host is an
    existing firm when the suits are bought, so its own suits never come before its founding.
    ``early_suits`` documents, each dated before the founding by its filing and by its
    decision, are asked for: one misread date or one namesake's suit joined by name must not
    clear an employer. The price: a shell registered under a dead firm's name inherits that
    firm's suits in the workspace, and with enough of them its bought claims go unflagged by
    this rule (the status, burst and headcount rules still read the registry)."""
    founding = _founding_dates(frame)

    def before(employer_id: str) -> bool:
        founded = founding[employer_id]
        if founded is None:
            return False
        early = 0
        for case_id in frame.employer_cases.get(employer_id, ()):
            case = frame.cases[case_id]
            filed, decided = filing_date(case), to_date(case.props.get("decision_date"))
            if all(d is not None and (founded - d).days > grace for d in (filed, decided)):
                early += 1
                if early == early_suits:
                    return True
        return False
    return before


def start_before_founding(frame: Frame, params: FoundingParams) -> Iterator[Finding]:
    grace = params.grace_days
    founding = _founding_dates(frame)
    history = _history(frame, params)
    tells = any_of(params.explained_by_words).search
    for facts in _started_before_founding(frame, grace):
        start, case = facts.start, facts.case
        assert start is not None
        if any(tells(s.get("text", "")) for s in case.spans):
            continue  # the document tells of a restructuring or renaming
        for ref in case.employers:
            founded = founding[ref.id]
            if founded and (founded - start).days > grace and not history[ref.id]:
                yield Finding("EMP_START_BEFORE_FOUNDING", case.id, [case.id],
                              f"主张的劳动关系起始日{case.props.get('claimed_start')}早于用人单位成立日期{founded}",
                              [Evidence("registry", None, f"成立日期={founded.isoformat()}"),
                               Evidence("record", case.case_number,
                                        f"claimed_start={case.props.get('claimed_start')}")])
                break


def _started_before_founding(frame: Frame, grace: int) -> list[CaseFacts]:
    """The confirmation cases whose claimed start is more than ``grace`` days before the
    founding of one of their employers, in case id order (read employer by employer: an
    employer without a founding date rules out all its cases at once)."""
    founding = _founding_dates(frame)
    early: dict[str, CaseFacts] = {}
    for employer, facts in employer_confirmation_cases(frame).items():
        founded = founding[employer]
        if not founded:
            continue
        for f in facts:
            if f.start is not None and (founded - f.start).days > grace:
                early[f.case.id] = f
    return [early[c] for c in sorted(early)]


RULES = [
    Rule("EMP_BURST", "employer", "用人单位被密集起诉（相对参保人数）", burst, params=BurstParams),
    Rule("EMP_OVER_HEADCOUNT", "employer", "确认人数远超参保人数", over_headcount, params=OverHeadcountParams),
    Rule("EMP_STATUS", "employer", "用人单位注销/吊销/清算", status, params=StatusParams),
    Rule("EMP_TYPE", "employer", "劳务/乡镇/回收类用人单位", odd_type, params=KeywordParams),
    Rule("EMP_START_BEFORE_FOUNDING", "employer", "主张起始早于单位成立", start_before_founding, params=FoundingParams),
]
