"""The CSV writer every ringtrace CSV goes through (lead exports, packs, ``--csv``, feedback).

Cells pass through :func:`ringtrace.export.cells.cell` (formula injection guard). Files are
UTF-8; ``bom=True`` (the default for files) starts them with a byte-order mark so that Excel on
Chinese Windows opens them as UTF-8 instead of GBK. Text sent to a terminal or a pipe
(``ringtrace … --csv``) has no BOM. Lines end with ``\\n``; fields holding a comma, a quote or a
line break are quoted.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from ringtrace.export.cells import columns, row

__all__ = ["csv_text", "write_csv"]


def _field(value: Any) -> Any:
    """A carriage return inside a cell becomes a newline: the writer quotes cells holding the
    line end (``\n``), and a lone CR would otherwise split the row in some readers."""
    if value is None:
        return ""
    if isinstance(value, str) and "\r" in value:
        return value.replace("\r\n", "\n").replace("\r", "\n")
    return value


def _write(fh: Any, header: Sequence[str], rows: Iterable[Sequence[Any]]) -> int:
    writer = csv.writer(fh, lineterminator="\n")
    writer.writerow([_field(c) for c in columns(header)])
    count = 0
    for values in rows:
        writer.writerow([_field(c) for c in row(values)])
        count += 1
    return count


def write_csv(path: Path, header: Sequence[str], rows: Iterable[Sequence[Any]], *,
              bom: bool = True) -> int:
    """Write ``header`` and ``rows`` to ``path``; returns the number of rows written.

    ``bom``: start the file with a UTF-8 byte-order mark (default: yes, for Excel).
    """
    with Path(path).open("w", encoding="utf-8-sig" if bom else "utf-8", newline="") as fh:
        return _write(fh, header, rows)


def csv_text(header: Sequence[str], rows: Iterable[Sequence[Any]]) -> str:
    """The same CSV as text, without a BOM (for standard output).

    >>> csv_text(["name", "n"], [["=1+1", 2]])
    "name,n\\n'=1+1,2\\n"
    """
    buf = io.StringIO()
    _write(buf, header, rows)
    return buf.getvalue()
