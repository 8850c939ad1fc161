"""Display formatting for the HTML views: numbers, money, rates, dates and safe links.

Every function takes whatever a query produced (``None``, numbers, strings, lists) and returns
plain text; escaping is left to the templates. Missing values render as an em dash.
"""

from __future__ import annotations

import math
import re
from typing import Any

MISSING = "—"
_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")
_DATE = re.compile(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$")


def _missing(value: Any) -> bool:
    return value is None or value == "" or (isinstance(value, float) and math.isnan(value))


def text(value: Any) -> str:
    """Any value as text; lists joined with 、."""
    if _missing(value):
        return MISSING
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, list | tuple):
        return "、".join(text(v) for v in value) or MISSING
    return str(value)


def integer(value: Any) -> str:
    """``1234`` → ``1,234``; non-numbers as text."""
    if isinstance(value, bool) or _missing(value):
        return text(value)
    if isinstance(value, int | float):
        return f"{value:,.0f}"
    return str(value)


def score(value: Any) -> str:
    """A score with two decimals (``0.934`` → ``0.93``)."""
    if isinstance(value, int | float) and not isinstance(value, bool) and not _missing(value):
        return f"{value:.2f}"
    return text(value)


def percent(fraction: float) -> str:
    """A fraction as a Chinese reader writes a percentage: whole per cent from 10% up, one
    decimal below (so that 0.1% does not round to 0%), no trailing ``.0``.

    >>> percent(0.72), percent(0.825), percent(0.001), percent(0.0), percent(0.0456)
    ('72%', '83%', '0.1%', '0%', '4.6%')
    """
    if abs(fraction) >= 0.1:  # rounded half up, as people round (82.5% → 83%)
        return f"{math.floor(fraction * 100 + 0.5)}%"
    shown = f"{math.floor(fraction * 1000 + 0.5) / 10:.1f}"
    return shown.removesuffix(".0") + "%"


def rate(value: Any) -> str:
    """A fraction as a percentage (``0.857`` → ``86%``); other numbers as they are."""
    if isinstance(value, bool) or not isinstance(value, int | float) or _missing(value):
        return text(value)
    if isinstance(value, float) and 0.0 <= value <= 1.0:
        return percent(value)
    return integer(value) if isinstance(value, int) else f"{value:,.3f}"


def yuan(value: Any) -> str:
    """An estimated amount as a Chinese reader writes it: 元 below 10,000, then 万元 with one
    decimal, then 亿元 with two.

    >>> yuan(1234567), yuan(875.0), yuan(48203374.13), yuan(123456789)
    ('123.5万元', '875元', '4,820.3万元', '1.23亿元')
    """
    if isinstance(value, bool) or not isinstance(value, int | float) or _missing(value):
        return text(value)
    if abs(value) >= 100_000_000:
        return f"{value / 100_000_000:,.2f}亿元"
    if abs(value) >= 10_000:
        return f"{value / 10_000:,.1f}万元"
    return f"{value:,.0f}元"


def yuan_exact(value: Any) -> str:
    """An amount to the fen, for a single payment whose exact figure is evidence.

    >>> yuan_exact(45321.5)
    '45,321.50元'
    """
    if isinstance(value, bool) or not isinstance(value, int | float) or _missing(value):
        return text(value)
    return f"{value:,.2f}元"


def count(value: Any) -> str:
    """How many: an int as is, a list or dict by its length (query rows use either form)."""
    if isinstance(value, list | tuple | dict | set):
        return integer(len(value))
    return integer(value)


def names(value: Any) -> str:
    """Names from a list of strings or of ``{"name": …}`` dicts."""
    if isinstance(value, list | tuple):
        parts = [str(v.get("name") or v.get("id") or "") if isinstance(v, dict) else str(v)
                 for v in value]
        return "、".join(p for p in parts if p) or MISSING
    return text(value)


def period(start: Any, end: Any) -> str:
    """A claimed period with its length: ``2001-01-01 至 2015-12-31（约 15.0 年）``."""
    if _missing(start) and _missing(end):
        return MISSING
    span = f"{text(start)} 至 {text(end)}"
    years = years_between(start, end)
    return f"{span}（约 {years:.1f} 年）" if years is not None else span


def years_between(start: Any, end: Any) -> float | None:
    """Years from ``start`` to ``end`` (ISO ``YYYY[-MM[-DD]]``), or None if either is unusable."""
    points = []
    for value in (start, end):
        match = _DATE.match(value) if isinstance(value, str) else None
        if not match:
            return None
        year, month, day = (int(g) if g else 1 for g in match.groups())
        points.append(year + (month - 1) / 12 + (day - 1) / 365.25)
    return points[1] - points[0]


def safe_href(value: Any) -> str | None:
    """``value`` if it is a relative link to another local page, else None.

    Links come from the caller (``ring["href"]``), so anything with a scheme (``javascript:``,
    ``http:``, ``data:``), a network path (``//host``), an absolute path or whitespace/control
    characters is refused and the cell is shown without a link.

    >>> safe_href("rings/R-3f2a9c1b.html"), safe_href("javascript:alert(1)")
    ('rings/R-3f2a9c1b.html', None)
    """
    if not isinstance(value, str) or not value:
        return None
    if _SCHEME.match(value) or value.startswith(("/", "\\")) or "\\" in value:
        return None
    if any(ch.isspace() or ord(ch) < 0x20 or ord(ch) == 0x7F for ch in value):
        return None
    return value
