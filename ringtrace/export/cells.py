"""The one rule for spreadsheet cells: data text never becomes a formula.

Spreadsheet programs treat a cell that starts with ``=``, ``+``, ``-`` or ``@`` (and, in some,
a tab or carriage return) as a formula, so a name such as ``=HYPERLINK(…)`` read from a
document would run when an investigator opens the export (CSV injection, OWASP). Every CSV and
XLSX writer of ringtrace passes its cells through :func:`cell`, which puts an apostrophe in
front of such text. Numbers stay numbers: a negative amount is not text and is not touched.

>>> cell("=SUM(1,1)")
"'=SUM(1,1)"
>>> cell("张桂兰")
'张桂兰'
>>> cell(-12.5)
-12.5
>>> cell(["=a", None, "b"])
"'=a; ; b"
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from typing import Any

__all__ = ["FORMULA_START", "Cell", "cell", "columns", "neutralise", "row"]

#: Leading characters that make a spreadsheet read text as a formula (OWASP CSV injection).
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")

#: What a writer puts in a cell: text, a number or nothing.
Cell = str | int | float | None


def neutralise(text: str) -> str:
    """``text`` with an apostrophe in front when it starts with a formula character."""
    return "'" + text if text.startswith(FORMULA_START) else text


def cell(value: Any, *, join: str = "; ") -> Cell:
    """A value as a safe cell: lists joined with ``join``, None and NaN empty, text neutralised.

    Numbers (not booleans) are kept as numbers; everything else becomes text.
    """
    if value is None:
        return None
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, int):
        return value
    if isinstance(value, float):
        return None if math.isnan(value) else value
    if isinstance(value, list | tuple):
        return neutralise(join.join("" if v is None else str(v) for v in value))
    return neutralise(str(value))


def row(values: Iterable[Any], *, join: str = "; ") -> list[Cell]:
    """Every value of a row through :func:`cell`."""
    return [cell(v, join=join) for v in values]


def columns(header: Sequence[str]) -> list[str]:
    """Header cells are ours, but pass through the same rule (a mapping could name them)."""
    return [neutralise(str(h)) for h in header]
