"""Claimed employment periods and applicant ages.

Sham claims follow the published pattern (docs/domain.md §7.4): about 15 years, starting 1994-2006,
ending years before filing or on the 50th/55th/60th birthday. Genuine claims have their own
shapes (recent jobs, periods ending at a restructuring or a closure), and some genuine claims
also end near a retirement birthday or last about 15 years, so none of these shapes is a tell by
itself.
"""

from __future__ import annotations

import datetime as dt
import random

from ringtrace.datemath import add_months, add_years
from ringtrace.synth.people import Person


def retirement_age(sex: str, rng: random.Random) -> int:
    """Statutory age: men 60; women workers 50, women cadres 55."""
    if sex == "男":
        return 60
    return 50 if rng.random() < 0.75 else 55


def sham_age(rng: random.Random, sex: str) -> float:
    """Age at filing of a ring's applicant: women ~U(45,56), men ~U(54,62), 10% just over the
    retirement age."""
    if rng.random() < 0.10:
        return rng.uniform(55.0, 58.0) if sex == "女" else rng.uniform(60.0, 63.0)
    return rng.uniform(45.0, 56.0) if sex == "女" else rng.uniform(54.0, 62.0)


def sham_length_months(rng: random.Random) -> int:
    """Claimed length: 70% in [14,17] years, 20% in [10,13], 10% in [18,25]; whole years often."""
    r = rng.random()
    if r < 0.70:
        years = rng.choice((14, 15, 15, 15, 15, 16, 16, 17))
    elif r < 0.90:
        years = rng.randint(10, 13)
    else:
        years = rng.randint(18, 25)
    months = years * 12
    if rng.random() < 0.35:
        months += rng.randint(-5, 6)
    return months


def birth_for_sham(rng: random.Random, sex: str, filing: dt.date) -> dt.date:
    """A birth date giving a ring applicant's age (:func:`sham_age`) on ``filing``."""
    days = int(sham_age(rng, sex) * 365.25) + rng.randrange(0, 365)
    return filing - dt.timedelta(days=days)


def sham_period(rng: random.Random, person: Person, filing: dt.date, *,
                birthday_share: float = 0.4, varied: bool = False) -> tuple[dt.date, dt.date]:
    """Start U(1994,2006) (some earlier), length as :func:`sham_length_months` (or anything
    from 5 to 25 years when ``varied``), ending 2-15 years before filing or, with probability
    ``birthday_share``, on a retirement birthday."""
    months = sham_length_months(rng) if not varied else rng.randint(60, 300)
    start = dt.date(rng.randint(1994, 2006), rng.randint(1, 12), rng.choice((1, 1, 1, 15)))
    if rng.random() < 0.06:
        start = add_years(start, -rng.randint(1, 4))
    end = add_months(start, months) - dt.timedelta(days=1 if rng.random() < 0.3 else 0)
    latest = add_years(filing, -2)
    if end > latest:
        shift = (end - latest).days // 30 + rng.randint(0, 36)
        start, end = add_months(start, -shift), add_months(end, -shift)
    birthday = add_years(person.birth, retirement_age(person.sex, rng))
    if rng.random() < birthday_share and birthday < filing and abs((birthday - end).days) < 8 * 365:
        end = birthday - dt.timedelta(days=rng.choice((0, 0, 1)))
        start = add_months(end, -months)
    return start, end


def recent_job(rng: random.Random, filing: dt.date, *, max_years: float = 12.0,
               ongoing: float = 0.25) -> tuple[dt.date, dt.date | None]:
    """A genuine recent job: months to a dozen years, often ended shortly before filing."""
    years = min(max_years, rng.expovariate(1 / 3.0) + 0.2)
    end: dt.date | None = filing - dt.timedelta(days=rng.randint(20, 500))
    if rng.random() < ongoing:
        end = None
    start = (end or filing) - dt.timedelta(days=int(years * 365.25))
    return start, end


def long_service(rng: random.Random, birth: dt.date, end: dt.date,
                 earliest: dt.date) -> dt.date:
    """Start of a long genuine employment ending on ``end``: hired between age 18 and 40."""
    hired = add_years(birth, rng.randint(18, 40))
    hired = max(hired, earliest)
    if hired >= end:
        hired = end - dt.timedelta(days=rng.randint(300, 3000))
    return hired.replace(day=rng.choice((1, 1, hired.day)))


def format_period_date(day: dt.date, precision: str) -> str:
    if precision == "year":
        return f"{day.year:04d}"
    if precision == "month":
        return f"{day.year:04d}-{day.month:02d}"
    return day.isoformat()
