"""The XLSX writer every ringtrace workbook goes through (lead exports).

Every text cell is written as a string cell (``data_type = "s"``), never as a formula, after
the same formula-injection guard as the CSV writer (:mod:`ringtrace.export.cells`). Characters
that XML 1.0 cannot hold (control characters from a damaged document) become U+FFFD, so a
hostile string cannot stop the export. openpyxl is imported when a workbook is written.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ringtrace.export.cells import Cell, cell, columns

__all__ = ["Sheet", "write_xlsx"]

#: What openpyxl refuses to write (XML 1.0 has no place for these control characters).
_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")


@dataclass(frozen=True)
class Sheet:
    """One worksheet: a header row and data rows, with layout hints.

    ``widths`` maps a header to its column width; ``wrap`` wraps the data cells' text;
    ``header_row=False`` writes ``rows`` without a (bold, frozen) header.
    """

    title: str
    header: Sequence[str]
    rows: Sequence[Sequence[Any]]
    widths: Mapping[str, float] = field(default_factory=dict)
    default_width: float | None = None
    wrap: bool = False
    header_row: bool = True


def _text(value: Cell) -> Cell:
    return _ILLEGAL.sub("\ufffd", value) if isinstance(value, str) else value


def _put(sheet: Any, number: int, values: Sequence[Cell]) -> None:
    for index, value in enumerate(values, start=1):
        target = sheet.cell(row=number, column=index)
        target.value = _text(value)
        if isinstance(value, str):
            target.data_type = "s"  # text, even if it looked like a formula


def write_xlsx(path: Path, sheets: Sequence[Sheet]) -> None:
    """Write ``sheets`` (in order) into a new workbook at ``path``."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    book = Workbook()
    default = book.active
    for spec in sheets:
        sheet = book.create_sheet(spec.title)
        number = 0
        if spec.header_row:
            number += 1
            _put(sheet, number, columns(spec.header))
            for target in sheet[1]:
                target.font = Font(bold=True)
        for values in spec.rows:
            number += 1
            _put(sheet, number, [cell(v) for v in values])
        for index, name in enumerate(spec.header, start=1):
            width = spec.widths.get(name, spec.default_width)
            if width is not None:
                sheet.column_dimensions[get_column_letter(index)].width = width
        if spec.wrap:
            for line in sheet.iter_rows(min_row=2 if spec.header_row else 1):
                for target in line:
                    target.alignment = Alignment(wrap_text=True, vertical="top")
        if spec.header_row:
            sheet.freeze_panes = "A2"
    if default is not None and sheets:
        book.remove(default)
    book.save(path)
