"""Stream rows from CSV and XLSX files with their line numbers.

Rows come out one at a time, so memory stays bounded whatever the file size. CSV line numbers
are physical (the header is line 1); XLSX line numbers are sheet row numbers. A row the CSV
reader cannot split (a cell over :data:`FIELD_LIMIT`, a stray quote) comes out as a
:class:`BadRow` and reading goes on with the next line. The limit is the csv module's, which is
one setting for the whole process that other libraries raise when they are imported
(followthemoney sets it to the largest int): every row is read under ringtrace's own limit
(:func:`_next_row`), or a stray quote would swallow the rest of the file as one cell whenever
such a library had been imported first. An ``.xlsx`` is checked against the
zip cap (:mod:`ringtrace.loaders.limits`) before openpyxl opens it.

The header is the first of the leading :data:`HEADER_SEARCH` rows that has two or more
non-empty cells and nearly as many as the widest of them (:data:`HEADER_WIDTH`): Tianyancha and 企查查 web
exports put a title or a notice above the column names - one merged cell (``数据来源：天眼查
导出时间…``), or two or three cells (``天眼查 企业数据导出 | 导出时间：2024-05-06``) - and
sometimes a blank row. Column names carry no values: a row with a digit in any cell (an
export time, a row count, a USCC, a date) is a title or a data row, never the header, while
the header is among the rows that carry none. Among those, a title is far narrower than the
column names below it; the width is compared among such label rows only, because a data row
may be much wider than its header (notes in columns the export left unnamed). So the header
is found without knowing the columns. When no leading row is free of digits (a column name
such as ``电话2``), every row is compared by width alone.
"""

from __future__ import annotations

import csv
import itertools
import json
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ringtrace.errors import LoadError
from ringtrace.loaders.encoding import open_text
from ringtrace.loaders.limits import check_zip

__all__ = ["BadRow", "Row", "read_csv", "read_table", "read_xlsx", "undecodable"]


@dataclass(frozen=True)
class BadRow:
    """A row the reader could not split into cells, and why."""

    line: int
    reason: str


Row = tuple[int, list[Any]]

#: the longest cell a CSV row may hold (the csv module's own default, 128 KiB)
FIELD_LIMIT = 131_072


def _next_row(reader: Iterator[list[str]]) -> list[str]:
    """The next row of ``reader``, read under :data:`FIELD_LIMIT` whatever the process-wide
    limit is at the time (restored afterwards)."""
    previous = csv.field_size_limit(FIELD_LIMIT)
    try:
        return next(reader)
    finally:
        csv.field_size_limit(previous)


def _split_rows(reader: Any) -> Iterator[tuple[int, list[str] | csv.Error]]:
    """Each row of a ``csv.reader`` as (its last physical line, its cells), or, for a row the
    reader cannot split, (its last line, the error); stops when the reader does not move on
    past such a row (rather than spin)."""
    line = 0
    while True:
        try:
            cells = _next_row(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            end = reader.line_num
            yield end, exc
            if end <= line:
                return
            line = end
            continue
        line = reader.line_num
        yield line, cells


#: how many leading rows may be titles, notices or blank before the header row
HEADER_SEARCH = 10
#: a header row has at least this share of the widest leading label row's non-empty cells
HEADER_WIDTH = 0.75


def _filled(cells: list[Any] | tuple[Any, ...]) -> int:
    return sum(1 for c in cells if c is not None and str(c).strip())


def _header_index(rows: list[list[Any]]) -> int:
    """Index of the header among the leading ``rows`` (see the module docstring).

    >>> _header_index([["天眼查 企业数据导出", "导出时间：2024-05-06"], [],
    ...                ["公司名称", "法定代表人", "经营状态"], ["甲公司", "张三", "存续"]])
    2
    >>> _header_index([["企业名称", "统一社会信用代码"], ["甲公司", ""]])
    0
    >>> _header_index([["企业名称", "代码"], ["甲公司", "91", "备注", "已核"]])
    0
    """
    widths = [_filled(r) for r in rows]
    labels = [i for i, w in enumerate(widths) if w >= 2 and not _has_value(rows[i])]
    pool = labels or range(len(rows))
    widest = max((widths[i] for i in pool), default=0)
    return next((i for i in pool if widths[i] >= 2 and widths[i] >= HEADER_WIDTH * widest),
                widths.index(max(widths)) if widths else 0)


def _has_value(cells: list[Any]) -> bool:
    """Does a row carry a value (a digit in a cell), as titles and data rows do and column
    names do not?

    >>> _has_value(["企业名称", "导出时间：2024-05-06"]), _has_value(["企业名称", None])
    (True, False)
    """
    return any(c is not None and any(ch.isdigit() for ch in str(c)) for c in cells)


def _delimiter_line(sample: str) -> str:
    """The line of ``sample`` that shows the delimiter best: among the first lines, the one
    split into the most non-empty cells (the header, not a title row above it)."""
    lines = sample.split("\n", HEADER_SEARCH)[:HEADER_SEARCH]
    return max(lines, key=lambda line: max(
        sum(1 for cell in line.split(d) if cell.strip()) for d in ",\t;|"), default="")


def _has_undecodable(cells: list[Any]) -> bool:
    for c in cells:
        if isinstance(c, str):
            try:
                c.encode("utf-8")
            except UnicodeEncodeError:
                return True
    return False


def read_csv(path: Path, encoding: str | None = None
             ) -> tuple[list[str], Iterator[Row | BadRow], str]:
    """Header, a row iterator and the encoding used. Undecodable rows carry surrogates that
    :func:`undecodable` detects so the caller can quarantine them."""
    enc, sample = open_text(path, encoding)
    try:
        # only the delimiter is taken from the header line: quoting stays the standard one
        # (doubled quotes inside quoted cells), which a header without quotes cannot show
        delimiter = csv.Sniffer().sniff(_delimiter_line(sample) or ",",
                                        delimiters=",\t;|").delimiter
    except csv.Error:
        delimiter = ","
    fh = path.open("r", encoding=enc, errors="surrogateescape", newline="")
    items = _split_rows(csv.reader(fh, csv.excel, delimiter=delimiter))
    lead: list[tuple[int, list[str]]] = []  # the leading rows, with their last line
    # a row among them that cannot be split costs that row, not the file: the header is
    # looked for above it, and the row is reported where it stands
    broken: list[tuple[int, list[str] | csv.Error]] = []
    for end, cells in items:
        if isinstance(cells, csv.Error):
            if not lead:
                fh.close()
                raise LoadError(f"{path}: the header row cannot be read as CSV ({cells})")
            broken.append((end, cells))
            break
        lead.append((end, cells))
        if len(lead) >= HEADER_SEARCH:
            break
    if not lead:
        fh.close()
        raise LoadError(f"{path}: the file is empty (expected a header row)")
    at = _header_index([c for _, c in lead])
    header, replay = lead[at][1], lead[at + 1:]
    header = [h.lstrip("\ufeff").strip() for h in header]
    if _has_undecodable(header):
        fh.close()
        raise LoadError(f"{path}: header is not valid {enc}; pass --encoding gb18030 (or the "
                        f"file's real encoding)")

    def rows() -> Iterator[Row | BadRow]:
        with fh:
            line = lead[at][0]
            # the rows read while looking for the header, then the rest of the file
            for end, cells in itertools.chain(replay, broken, items):
                start, line = line + 1, end
                if isinstance(cells, csv.Error):
                    yield BadRow(start, f"cannot split the row into cells: {cells}")
                elif any(str(c).strip() for c in cells):
                    yield start, cells

    return header, rows(), enc


def read_xlsx(path: Path) -> tuple[list[str], Iterator[Row | BadRow], str]:
    """Header and rows of the first worksheet (openpyxl read-only mode)."""
    try:
        from openpyxl import load_workbook
    except ImportError as exc:  # pragma: no cover - openpyxl is a core dependency
        raise LoadError("reading .xlsx needs openpyxl: pip install openpyxl") from exc
    try:
        with zipfile.ZipFile(path) as archive:
            check_zip(archive, str(path))
    except zipfile.BadZipFile as exc:
        raise LoadError(f"{path}: not a readable .xlsx workbook ({exc})") from exc
    try:
        wb = load_workbook(path, read_only=True, data_only=True)
        ws = wb.worksheets[0]
        it = ws.iter_rows(values_only=True)
        lead: list[tuple[Any, ...]] = []
        for cells in it:
            lead.append(cells)
            if len(lead) >= HEADER_SEARCH:
                break
        at = _header_index([list(c) for c in lead])
        first = lead[at] if lead else None
        start = at + 1
    except Exception as exc:
        raise LoadError(f"{path}: not a readable .xlsx workbook ({exc})") from exc
    if first is None:
        wb.close()
        raise LoadError(f"{path}: the first worksheet is empty (expected a header row)")
    header = ["" if h is None else str(h).strip() for h in first]

    def rows() -> Iterator[Row | BadRow]:
        try:
            for number, cells in enumerate(itertools.chain(lead[at + 1:], it), start=start + 1):
                if cells is None or all(c is None or str(c).strip() == "" for c in cells):
                    continue
                yield number, list(cells)
        finally:
            wb.close()

    return header, rows(), "xlsx"


#: JSON Lines files whose lines are objects: a table with one column per key
JSON_LINES = (".jsonl", ".ndjson")


def _unwrapped(value: Any) -> Any:
    """The record inside a Tianyancha API response (``{"result": {...}, "reason": "ok",
    "error_code": 0}``): API clients often append each response to a JSON Lines file as it
    came, envelope and all."""
    if isinstance(value, dict) and isinstance(value.get("result"), dict) and (
            "error_code" in value or "reason" in value):
        return value["result"]
    return value


def read_jsonl_table(path: Path) -> tuple[list[str], Iterator[Row | BadRow], str]:
    """A JSON Lines export (one object per line, e.g. Tianyancha API records, bare or in their
    response envelope) as a table: the header is every key in order of first appearance; a
    line that is no JSON object is a :class:`BadRow`. Nested values (a list of former names)
    become ``;``-joined text."""
    header: list[str] = []
    seen: set[str] = set()
    parsed: list[tuple[int, dict[str, Any] | str]] = []
    with path.open(encoding="utf-8-sig", errors="replace") as fh:
        for number, line in enumerate(fh, start=1):
            if not line.strip():
                continue
            try:
                value = _unwrapped(json.loads(line))
            except (json.JSONDecodeError, RecursionError) as exc:
                parsed.append((number, f"not a JSON object ({type(exc).__name__})"))
                continue
            if not isinstance(value, dict):
                parsed.append((number, "not a JSON object"))
                continue
            for key in value:
                if key not in seen:
                    seen.add(key)
                    header.append(str(key))
            parsed.append((number, value))

    def cell(value: Any) -> Any:
        if isinstance(value, list):
            return ";".join(str(v) for v in value if v is not None)
        return json.dumps(value, ensure_ascii=False) if isinstance(value, dict) else value

    def rows() -> Iterator[Row | BadRow]:
        for number, value in parsed:
            if isinstance(value, str):
                yield BadRow(number, value)
            else:
                yield number, [cell(value.get(k)) for k in header]

    return header, rows(), "utf-8"


def first_json_keys(path: Path) -> list[str] | None:
    """The keys of the first non-empty line of a JSON Lines file, or None when that line is no
    JSON object (used to tell a table export from case records)."""
    with path.open(encoding="utf-8-sig", errors="replace") as fh:
        for line in fh:
            if line.strip():
                try:
                    value = _unwrapped(json.loads(line))
                except (json.JSONDecodeError, RecursionError):
                    return None
                return [str(k) for k in value] if isinstance(value, dict) else None
    return None


def read_table(path: Path, encoding: str | None = None
               ) -> tuple[list[str], Iterator[Row | BadRow], str]:
    suffix = path.suffix.lower()
    if suffix in (".xlsx", ".xlsm"):
        return read_xlsx(path)
    if suffix in JSON_LINES:
        return read_jsonl_table(path)
    return read_csv(path, encoding)


def undecodable(cells: list[Any]) -> bool:
    """True when a CSV row holds bytes that the chosen encoding could not decode."""
    return _has_undecodable(cells)
