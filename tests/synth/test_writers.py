"""Writers: a workbook carries no save time, so the same seed writes the same bytes."""

from __future__ import annotations

import zipfile
from pathlib import Path

from ringtrace.loaders.tabular import read_xlsx
from ringtrace.synth import writers

_HEADER = ["企业名称", "成立日期"]
_ROWS = [["开封市某某机械厂", "1998-03-01"], ["郑州某某商贸有限公司", "2009-11-20"]]


def test_xlsx_carries_no_save_time(tmp_path: Path) -> None:
    assert writers.write_xlsx(tmp_path / "a.xlsx", _HEADER, _ROWS) == 2
    with zipfile.ZipFile(tmp_path / "a.xlsx") as book:
        assert {info.date_time for info in book.infolist()} == {(2000, 1, 1, 0, 0, 0)}
        core = book.read("docProps/core.xml")
    assert core.count(b"2000-01-01T00:00:00Z") == 2


def test_xlsx_without_timestamps_still_reads_back(tmp_path: Path) -> None:
    writers.write_xlsx(tmp_path / "a.xlsx", _HEADER, _ROWS)
    header, rows, _ = read_xlsx(tmp_path / "a.xlsx")
    assert header == _HEADER
    assert list(rows) == [(2, _ROWS[0]), (3, _ROWS[1])]
