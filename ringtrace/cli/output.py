"""Render library results as a table, JSON or CSV. The only place that formats output.

Strings in results come from documents nobody here wrote, so what reaches the terminal is
cleaned first (:func:`printable`): terminal escape sequences, control characters and
bidirectional overrides (U+202E and friends, which can make ``exe.txt`` read as ``txt.exe``)
are removed from tables and text. JSON keeps every value, with those characters written as
``\\uXXXX`` escapes, so it stays lossless and still cannot drive the terminal. CSV goes through
the shared writer (:mod:`ringtrace.export.csv`: no BOM on standard output, formula guard).
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from typing import Any

import click

from ringtrace.export.csv import csv_text
from ringtrace.viz.catalogue import cell_text, column_name
from ringtrace.viz.formatting import yuan

#: ANSI/VT escape sequences: CSI (ESC [ … final), OSC (ESC ] … BEL or ESC \\), and 2-byte ESC x
_ESCAPES = re.compile(r"\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?|\x1b[@-_]?"
                      r"|\x9b[0-?]*[ -/]*[@-~]")
#: bidirectional embeddings, overrides, isolates and marks
_BIDI = "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
#: what is left after the escapes: C0 controls but tab and newline, DEL, C1 controls, bidi
_CONTROLS = re.compile(f"[\\x00-\\x08\\x0b-\\x1f\\x7f-\\x9f{_BIDI}]")
_SEPARATORS = re.compile("[\u2028\u2029]")
_JSON_UNSAFE = re.compile(f"[\\x7f-\\x9f{_BIDI}\u2028\u2029]")


def printable(text: str) -> str:
    """``text`` without terminal escapes, control characters or bidi overrides (newlines and
    tabs kept; line and paragraph separators become newlines).

    >>> printable("张三\\x1b[2J\\x1b]0;owned\\x07\\u202eexe.txt\\r")
    '张三exe.txt'
    """
    text = _ESCAPES.sub("", text)
    text = _CONTROLS.sub("", text)
    return _SEPARATORS.sub("\n", text)


def echo(text: str = "", *, err: bool = False, nl: bool = True) -> None:
    """``click.echo`` of data-bearing text, cleaned with :func:`printable`."""
    click.echo(printable(text), err=err, nl=nl)


def output_options(func: Callable[..., Any]) -> Callable[..., Any]:
    """Add ``--json`` and ``--csv`` to a listing command (mutually exclusive)."""
    func = click.option("--csv", "as_csv", is_flag=True,
                        help="Write CSV (UTF-8, no BOM; a cell starting with = + - @ gets a "
                             "leading ').")(func)
    func = click.option("--json", "as_json", is_flag=True,
                        help="Write JSON (Chinese kept readable).")(func)
    return func


def to_json(value: Any) -> str:
    """JSON with Chinese kept readable; bidi, C1 and separator characters as ``\\u`` escapes."""
    text = json.dumps(value, ensure_ascii=False, indent=2, sort_keys=False, default=str)
    return _JSON_UNSAFE.sub(lambda m: f"\\u{ord(m.group(0)):04x}", text)


def json_line(value: Any) -> str:
    """One-line JSON (a JSONL record) with the same escapes as :func:`to_json`."""
    text = json.dumps(value, ensure_ascii=False, default=str)
    return _JSON_UNSAFE.sub(lambda m: f"\\u{ord(m.group(0)):04x}", text)


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


def _table_cell(value: Any) -> str:
    return printable(_cell(value)).replace("\n", " ").replace("\t", " ")


def language() -> str:
    """The language the user chose for the terminal (``--lang``; Chinese by default)."""
    ctx = click.get_current_context(silent=True)
    obj = ctx.find_root().obj if ctx is not None else None
    return str(getattr(obj, "lang", "zh"))


def say(zh: str, en: str) -> str:
    """A message for people in the language they chose (``--lang``; Chinese by default)."""
    return zh if language() == "zh" else en


def table(rows: Sequence[dict[str, Any]], columns: Sequence[str] | None = None,
          max_width: int = 40, lang: str | None = None) -> str:
    """A plain-text table aligned for Chinese text (cells cleaned with :func:`printable`),
    its headers in the user's language (:func:`~ringtrace.viz.catalogue.column_name`)."""
    lang = lang or language()
    zh = lang == "zh"
    if not rows:
        return "（无）" if zh else "(none)"
    cols = list(columns or rows[0].keys())
    heads = [column_name(c, lang) for c in cols]
    # estimated amounts as a Chinese reader writes them (万元, 亿元); exact in English and CSV
    cells = [[_clip(_table_cell(yuan(r.get(c)) if zh and c.endswith("_yuan")
                                else cell_text(c, r.get(c), lang)), max_width) for c in cols]
             for r in rows]
    widths = [max(width(h), *(width(row[i]) for row in cells)) for i, h in enumerate(heads)]
    lines = ["  ".join(_pad(h, w) for h, w in zip(heads, widths, strict=True)).rstrip(),
             "  ".join("-" * w for w in widths)]
    lines += ["  ".join(_pad(v, w) for v, w in zip(row, widths, strict=True)).rstrip()
              for row in cells]
    return "\n".join(lines)


def _csv_cell(value: Any) -> Any:
    """Numbers stay numbers (rounded like the table); anything else is cleaned text."""
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    if isinstance(value, float) and value == value:
        shown = round(value, 3)
        return int(shown) if shown.is_integer() and abs(shown) < 1e15 else shown
    return printable(_cell(value))


def to_csv(rows: Iterable[dict[str, Any]], columns: Sequence[str] | None = None) -> str:
    """CSV text of ``rows`` for standard output (cells cleaned with :func:`printable`)."""
    rows = list(rows)
    cols = list(columns or (rows[0].keys() if rows else []))
    return csv_text(cols, ([_csv_cell(r.get(c)) for c in cols] for r in rows))


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
        echo(text)
    else:
        click.echo(table(rows or [], columns))
