"""An old enterprise being wound up: the common event that brings its former workers to sue
in one week.

A liquidation calls in everyone the enterprise owes. Under the 企业破产法 (art. 48) the
administrator lists the workers' claims - wages, and the social-insurance contributions it
never paid - and publishes the list for them to check, and a worker left off it may sue; a
collective or state enterprise closed by policy settles its staff (职工安置) the same way. So
when a collective founded in 1978 is wound up in 2021, two workers who left it in 2006 and in
2013 can each claim their fifteen years in the same week, and its 清算组 admits both from the
records it holds (docs/domain.md §3.2 L1, L2; §3.3 E8). That is not two buyers whom one hand
filed for (:func:`~ringtrace.queries.pairlinks.pension_minimum_pairs`).

What shows the event, each from a source an investigator can check:

* the enterprise is old: a collective or state enterprise in the registry (``wound_up_types``),
  founded ``wound_up_min_years`` or more before the suits - old enough to have had staff who
  served fifteen years and left long ago;
* it was being wound up when they sued: its 清算组 or liquidator answered the suits (the
  employer party printed as ``某厂清算组``, its agent ``该厂清算组成员``; ``liquidator_words``),
  or the registry's 注销/吊销 date lies within ``wound_up_filing_days`` of the filing;
* and it is not a typical host (docs/domain.md P13): no ``wound_up_host_rules`` finding
  names it (labour-service companies, township firms, recyclers, grain depots, mines: the
  SPP's closing coal mine, whose vice-manager handling the closure colluded, stays a host)
  and its name bears no township or village mark (``township_marks``: 乡, 镇, 村) after the
  place names it starts with (:func:`~ringtrace.resolve.names.leading_places`: 新乡市 and
  镇江市 are cities) - township collectives are old, collective and often closing, and they
  host real rings.

Thresholds: ``rules.toml`` [rings] ``wound_up_*``, ``township_marks``, ``liquidator_words``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from collections.abc import Set as AbstractSet
from dataclasses import dataclass

from ringtrace.datemath import add_years
from ringtrace.queries.frame import Frame
from ringtrace.queries.redflags.common import filing_date, to_date
from ringtrace.resolve.names import leading_places

__all__ = ["WindingUp", "wound_up"]


@dataclass(frozen=True)
class WindingUp:
    """What makes an employer an old enterprise being wound up (``[rings]`` ``wound_up_*``)."""

    types: tuple[str, ...]
    min_years: int
    filing_days: int
    township_marks: tuple[str, ...]
    liquidator_words: tuple[str, ...]


def _liquidator_answered(frame: Frame, employer: str, cases: Iterable[str],
                         words: tuple[str, ...]) -> bool:
    """Did a liquidator answer for ``employer`` in one of ``cases``: the employer party
    printed as its 清算组, or an agent on its side whose relation names it?"""
    for c in cases:
        case = frame.cases[c]
        for party in case.employers:
            if party.id == employer and any(w in party.name for w in words):
                return True
        for agent in case.agents:
            if agent.side == "employer" and any(w in (agent.relation or "") for w in words):
                return True
    return False


def wound_up(frame: Frame, employer: str, cases: list[str], hosts: AbstractSet[str],
             params: WindingUp) -> bool:
    """Was ``employer`` an old collective or state enterprise being wound up when ``cases``
    were filed, and no typical host (``hosts``: the employers the host findings name)? See
    the module docstring. False when the registry gives no type or founding date, or no case
    is dated.
    """
    props = frame.employers.get(employer, {})
    kind, name = str(props.get("company_type") or ""), str(props.get("name") or "")
    if employer in hosts or not any(t in kind for t in params.types) \
            or any(m in leading_places(name)[1] for m in params.township_marks):
        return False
    days = [d for c in cases if (d := filing_date(frame.cases[c])) is not None]
    founded = to_date(props.get("founded"))
    if not days or founded is None or add_years(founded, params.min_years) > min(days):
        return False
    if _liquidator_answered(frame, employer, cases, params.liquidator_words):
        return True
    window = dt.timedelta(days=params.filing_days)
    closed = [d for key in ("cancel_date", "revoke_date") if (d := to_date(props.get(key)))]
    return any(min(days) - window <= d <= max(days) + window for d in closed)
