"""Render library results as a table, JSON or CSV. The only place that formats output."""

from __future__ import annotations

import csv
import io
import json
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from typing import Any

import click


def output_options(func: Callable[..., Any]) -> Callable[..., Any]:
    """Add ``--json`` and ``--csv`` to a listing command (mutually exclusive)."""
    func = click.option("--csv", "as_csv", is_flag=True, help="Write CSV (UTF-8 with BOM for Excel).")(func)
    func = click.option("--json", "as_json", is_flag=True,
                        help="Write JSON (Chinese kept readable).")(func)
    return func


def to_json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, indent=2, sort_keys=False, default=str)


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, (list, tuple)):
        return "; ".join(_cell(v) for v in value)
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False, sort_keys=True)
    if isinstance(value, float):
        return f"{value:.3f}".rstrip("0").rstrip(".")
    return str(value)


def width(text: str) -> int:
    """Display width: East Asian wide characters take two columns."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _pad(text: str, size: int) -> str:
    return text + " " * max(0, size - width(text))


def _clip(text: str, size: int) -> str:
    if width(text) <= size:
        return text
    out, w = "", 0
    for ch in text:
        cw = width(ch)
        if w + cw > size - 1:
            break
        out += ch
        w += cw
    return out + "…"


def table(rows: Sequence[dict[str, Any]], columns: Sequence[str] | None = None,
          max_width: int = 40) -> str:
    """A plain-text table aligned for Chinese text."""
    if not rows:
        return "(none)"
    cols = list(columns or rows[0].keys())
    cells = [[_clip(_cell(r.get(c)), max_width) for c in cols] for r in rows]
    widths = [max(width(c), *(width(row[i]) for row in cells)) for i, c in enumerate(cols)]
    lines = ["  ".join(_pad(c, w) for c, w in zip(cols, widths, strict=True)).rstrip(),
             "  ".join("-" * w for w in widths)]
    lines += ["  ".join(_pad(v, w) for v, w in zip(row, widths, strict=True)).rstrip()
              for row in cells]
    return "\n".join(lines)


def to_csv(rows: Iterable[dict[str, Any]], columns: Sequence[str] | None = None) -> str:
    rows = list(rows)
    cols = list(columns or (rows[0].keys() if rows else []))
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(cols)
    for r in rows:
        writer.writerow([_cell(r.get(c)) for c in cols])
    return buf.getvalue()


def emit(value: Any, *, as_json: bool, as_csv: bool, rows: Sequence[dict[str, Any]] | None = None,
         columns: Sequence[str] | None = None, text: str | None = None) -> None:
    """Print ``value`` as JSON, ``rows`` as CSV, or ``text`` (default: a table of ``rows``)."""
    if as_json and as_csv:
        raise click.UsageError("choose one of --json and --csv")
    if as_json:
        click.echo(to_json(value))
    elif as_csv:
        click.echo(to_csv(rows if rows is not None else [], columns), nl=False)
    elif text is not None:
        click.echo(text)
    else:
        click.echo(table(rows or [], columns))
