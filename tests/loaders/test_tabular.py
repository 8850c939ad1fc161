"""Tables: the header row is found below the titles and blank rows web exports put above it."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import Workbook

from ringtrace.loaders.tabular import read_table

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
])
def test_csv_header_below_titles(tmp_path: Path, above: list[list[str]], sep: str) -> None:
    path = _csv(tmp_path / "r.csv", [*above, HEADER, ROW], sep)
    header, rows, _ = read_table(path)
    assert header == HEADER
    assert list(rows) == [(len(above) + 2, ROW)]  # physical line numbers


@pytest.mark.parametrize("above", [[], [[TITLE]], [[TITLE], [], ["共1条", None]]])
def test_xlsx_header_below_titles(tmp_path: Path, above: list[list[str]]) -> None:
    path = _xlsx(tmp_path / "r.xlsx", [*above, HEADER, ROW])
    header, rows, _ = read_table(path)
    assert header == HEADER
    assert list(rows) == [(len(above) + 2, ROW)]  # sheet row numbers
