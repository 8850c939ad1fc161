"""Tables: the header row is found below the titles and blank rows web exports put above it."""

from __future__ import annotations

import csv
import sys
from pathlib import Path

import pytest
from openpyxl import Workbook

from ringtrace.loaders.tabular import BadRow, read_table

HEADER = ["企业名称", "统一社会信用代码", "成立日期"]
ROW = ["安阳市恒达废旧物资回收有限公司", "91410502MA3X5Y0K2B", "1996-11-14"]
TITLE = "数据来源：天眼查 导出时间：2023-05-01"


def _csv(path: Path, rows: list[list[str]], sep: str = ",") -> Path:
    path.write_text("".join(sep.join(r) + "\n" for r in rows), "utf-8")
    return path


def _xlsx(path: Path, rows: list[list[str]]) -> Path:
    wb = Workbook()
    for r in rows:
        wb.active.append(r)
    wb.save(path)
    return path


@pytest.mark.parametrize(("above", "sep"), [
    ([], ","),
    ([[TITLE]], ","),
    ([[TITLE, "", ""]], ","),                   # the title cell padded to the table's width
    ([[]], ","),                                # a blank row
    ([["天眼查"], ["导出时间：2023-05-01；共1条"], []], ","),
    ([[TITLE]], "\t"),
    # a title in two cells (export name | export time), as some Tianyancha exports write it
    ([["天眼查 企业数据导出", "导出时间：2024-05-06"]], ","),
    ([["天眼查 企业数据导出", "导出时间：2024-05-06"], []], ","),
])
def test_csv_header_below_titles(tmp_path: Path, above: list[list[str]], sep: str) -> None:
    path = _csv(tmp_path / "r.csv", [*above, HEADER, ROW], sep)
    header, rows, _ = read_table(path)
    assert header == HEADER
    assert list(rows) == [(len(above) + 2, ROW)]  # physical line numbers


@pytest.mark.parametrize("above", [[], [[TITLE]], [[TITLE], [], ["共1条", None]],
                                   [["天眼查 企业数据导出", "导出时间：2024-05-06"]]])
def test_xlsx_header_below_titles(tmp_path: Path, above: list[list[str]]) -> None:
    path = _xlsx(tmp_path / "r.xlsx", [*above, HEADER, ROW])
    header, rows, _ = read_table(path)
    assert header == HEADER
    assert list(rows) == [(len(above) + 2, ROW)]  # sheet row numbers


def test_header_with_a_blank_column_name_is_still_the_header(tmp_path: Path) -> None:
    """A data row may fill a column whose name was left blank: one cell wider than the header
    must not make the first data row the header."""
    header = ["企业名称", "统一社会信用代码", "成立日期", ""]
    row = [*ROW, "备注"]
    path = _csv(tmp_path / "r.csv", [[TITLE], header, row])
    got, rows, _ = read_table(path)
    assert got == header
    assert list(rows) == [(3, row)]


def test_only_a_title_row(tmp_path: Path) -> None:
    """A table that is all title and no data keeps the old answer: its widest row."""
    header, rows, _ = read_table(_csv(tmp_path / "r.csv", [[TITLE]]))
    assert header == [TITLE]
    assert list(rows) == []


@pytest.mark.parametrize("process_limit", [None, sys.maxsize])
def test_a_row_too_big_to_split_just_below_the_header_costs_only_that_row(
        tmp_path: Path, process_limit: int | None) -> None:
    """The header is looked for among the leading rows; a row among them that the CSV reader
    cannot split (a cell over its field limit) is reported at its line, and the rows after it
    are read, as anywhere else in the file - also when another library has raised the csv
    module's process-wide limit (followthemoney sets it to the largest int on import), which
    is restored afterwards."""
    from ringtrace.loaders.tabular import BadRow

    before = csv.field_size_limit()
    if process_limit is not None:
        csv.field_size_limit(process_limit)

    huge = ["安阳市乙公司", "91410502MA3X5Y0K5E", "x" * 200_000]
    last = ["安阳市丙公司", "91410502MA3X5Y0K6F", "2001-02-03"]
    path = tmp_path / "r.csv"
    path.write_text("\n".join(",".join(r) for r in [HEADER, ROW, huge, last]) + "\n", "utf-8")
    header, rows, _ = read_table(path)
    try:
        assert header == HEADER
        assert list(rows) == [(2, ROW), BadRow(3, "cannot split the row into cells: field "
                                                  "larger than field limit (131072)"), (4, last)]
        assert csv.field_size_limit() == (process_limit or before)
    finally:
        csv.field_size_limit(before)


@pytest.mark.parametrize("kind", ["csv", "xlsx"])
def test_data_rows_much_wider_than_the_header_do_not_displace_it(tmp_path: Path,
                                                                 kind: str) -> None:
    """A registry whose rows carry two filled columns the header leaves unnamed (an analyst's
    notes beside a four-column export) is read under its own header: the width test alone
    took the first data row for the header and the file was quarantined whole (main before
    the wider header search read it)."""
    header = [*HEADER, "登记状态"]
    rows = [[*ROW, "存续", "备注", "已核"], ["安阳市乙公司", "91410502MA3X5Y0K5E", "2001-02-03",
                                           "存续", "", ""]]
    path = (_csv(tmp_path / "r.csv", [header, *rows]) if kind == "csv"
            else _xlsx(tmp_path / "r.xlsx", [header, *rows]))
    got, read, _ = read_table(path)
    assert [h for h in got if h] == header
    kept = list(read)
    assert not any(isinstance(r, BadRow) for r in kept)
    assert [(r[0], [c for c in r[1] if c]) for r in kept if not isinstance(r, BadRow)] == [
        (2, rows[0]), (3, rows[1][:4])]


def test_a_three_cell_title_with_its_date_above_a_four_column_table(tmp_path: Path) -> None:
    """A notice row of three cells (export name | export time | row count) above four columns
    is as wide as three quarters of the table: it is told from the header by its values (a
    date, a count), which column names do not carry."""
    header = [*HEADER, "登记状态"]
    title = ["天眼查 企业数据导出", "导出时间：2024-05-06", "共1条"]
    got, read, _ = read_table(_csv(tmp_path / "r.csv", [title, header, [*ROW, "存续"]]))
    assert got == header
    assert list(read) == [(3, [*ROW, "存续"])]
