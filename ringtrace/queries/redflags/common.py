"""Shared helpers for rule families: dates, ages, case predicates and evidence quotes."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

from ringtrace.queries.findings import Evidence, Finding
from ringtrace.queries.frame import CaseInfo, Frame

RuleFunc = Callable[[Frame, dict[str, Any]], Iterator[Finding]]

#: agent kinds that practise law; colleagues share a firm's phone, a firm serves many clients
PROFESSIONAL = ("lawyer", "intern", "legal_aid")


@dataclass(frozen=True)
class Rule:
    """A red-flag rule: id, family, Chinese title, and the function that finds its hits."""

    id: str
    family: str
    title: str
    run: RuleFunc
    #: a mitigating rule lowers the score of the cases it hits instead of raising it
    mitigating: bool = False


def to_date(value: Any, *, end: bool = False) -> dt.date | None:
    """ISO ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD`` to a date (start of period, or its end)."""
    if not value or not isinstance(value, str):
        return None
    parts = value.split("-")
    try:
        year = int(parts[0])
        month = int(parts[1]) if len(parts) > 1 else (12 if end else 1)
        if len(parts) > 2:
            return dt.date(year, month, int(parts[2]))
        if end:
            nxt = dt.date(year + (month == 12), month % 12 + 1, 1)
            return nxt - dt.timedelta(days=1)
        return dt.date(year, month, 1)
    except (ValueError, IndexError):
        return None


def years_between(a: dt.date, b: dt.date) -> float:
    return (b - a).days / 365.25


def add_years(day: dt.date, years: int) -> dt.date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)


def filing_date(case: CaseInfo) -> dt.date | None:
    """The best available date of filing: filing, else hearing, else decision date."""
    for key in ("filing_date", "hearing_date", "decision_date"):
        d = to_date(case.get(key))
        if d is not None:
            return d
    return None


def is_confirmation(case: CaseInfo) -> bool:
    """A labour-relationship confirmation case (the population the scheme hides in)."""
    return case.confirmation


def uncontested(case: CaseInfo) -> bool:
    """The employer side did not fight: admitted, no objection, mediated or absent."""
    return case.uncontested


def span(case: CaseInfo, kind: str | tuple[str, ...] | None = None,
         keywords: tuple[str, ...] = ()) -> str | None:
    """The first quoted span of ``kind`` (one kind or several) that contains one of
    ``keywords`` (any text when none are given), in document order."""
    kinds = (kind,) if isinstance(kind, str) else kind
    for s in case.spans:
        text = s.get("text", "")
        if (kinds is None or s.get("kind") in kinds) and (
                not keywords or any(k in text for k in keywords)):
            return text
    return None


def text_evidence(case: CaseInfo, kind: str, fallback: str) -> Evidence:
    quoted = span(case, kind)
    if quoted:
        return Evidence("text", case.case_number, quoted)
    return Evidence("record", case.case_number, fallback)


def person_birth(frame: Frame, person_id: str) -> dt.date | None:
    return to_date(frame.persons.get(person_id, {}).get("birth_date"))


def case_finding(rule_id: str, case: CaseInfo, summary: str,
                 *evidence: Evidence) -> Finding:
    return Finding(rule_id, case.id, [case.id], summary, list(evidence))
