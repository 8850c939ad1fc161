"""Calendar arithmetic on dates: moving a day by whole years or whole months.

One home for the two moves that the red-flag rules (a retirement birthday, the months after it)
and the synthetic generator (claimed periods, hiring ages) both make, so that a claimed period
the generator ends on a 55th birthday is the day the rules compute as that birthday. A leaf
module: it imports nothing from ringtrace.
"""

from __future__ import annotations

import calendar
import datetime as dt

__all__ = ["add_months", "add_years"]


def add_years(day: dt.date, years: int) -> dt.date:
    """``day`` moved by whole years; 29 February becomes 28 February in a common year.

    >>> add_years(dt.date(1964, 2, 29), 55), add_years(dt.date(2020, 5, 1), -2)
    (datetime.date(2019, 2, 28), datetime.date(2018, 5, 1))
    """
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)


def add_months(day: dt.date, months: int) -> dt.date:
    """``day`` moved by whole months, kept within the month (31 January + 1 = 28/29 February).

    >>> add_months(dt.date(2019, 1, 31), 1), add_months(dt.date(2019, 3, 15), -14)
    (datetime.date(2019, 2, 28), datetime.date(2018, 1, 15))
    """
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    last = calendar.monthrange(year, month + 1)[1]
    return dt.date(year, month + 1, min(day.day, last))
