"""Whole-year and whole-month moves: the rules and the generator share them."""

from __future__ import annotations

import calendar
import datetime as dt

from ringtrace.datemath import add_months, add_years


def test_a_month_move_keeps_the_day_or_falls_to_the_months_last() -> None:
    """Every day of four years moved by -25..25 months lands in the target month, on the same
    day when that month has it and on its last day otherwise."""
    day = dt.date(2019, 1, 1)
    while day < dt.date(2023, 1, 1):
        for months in range(-25, 26):
            moved = add_months(day, months)
            assert (moved.year * 12 + moved.month) - (day.year * 12 + day.month) == months
            last = calendar.monthrange(moved.year, moved.month)[1]
            assert moved.day == min(day.day, last)
        day += dt.timedelta(days=1)


def test_a_year_move_keeps_the_day_except_the_29th_of_february() -> None:
    assert add_years(dt.date(1964, 2, 29), 55) == dt.date(2019, 2, 28)
    assert add_years(dt.date(1964, 2, 29), 56) == dt.date(2020, 2, 29)
    assert add_years(dt.date(1970, 12, 31), -3) == dt.date(1967, 12, 31)
