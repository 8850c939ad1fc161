"""Feedback files: outcomes read through the YAML mapping, bad rows quarantined with file/line/field."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import Workbook

from ringtrace.errors import LoadError, RecordProblem
from ringtrace.graph.records import FeedbackRecord
from ringtrace.loaders.feedback import outcomes, read_feedback

CSV = ("线索编号,案号,核查结果,日期,备注\n"
       "L-aaaa,,核实属实,2025-03-01,伪造工资表\n"
       "L-bbbb,,胡说八道,2025-03-01,\n"
       "L-cccc,,不属实,2025-13-40,\n"
       ",,改判,2025-04-01,\n"
       ",(2021)豫0502民初100号,再审检察建议,2025年4月2日,\n"
       "L-dddd,,,2025-04-03,\n")


def _read(path: Path) -> tuple[list[FeedbackRecord], list[RecordProblem]]:
    items = list(read_feedback(path))
    return ([i for i in items if isinstance(i, FeedbackRecord)],
            [i for i in items if isinstance(i, RecordProblem)])


def test_good_rows_become_records_and_bad_rows_name_file_line_and_field(tmp_path: Path) -> None:
    path = tmp_path / "outcomes.csv"
    path.write_text(CSV, "utf-8")
    records, problems = _read(path)
    assert [(r.lead_id, r.case_number, r.outcome, r.verdict, r.stage, r.date, r.source_line)
            for r in records] == [
        ("L-aaaa", None, "核实属实", True, 1, "2025-03-01", 2),
        (None, "(2021)豫0502民初100号", "再审检察建议", True, 2, "2025-04-02", 6)]
    assert records[0].note == "伪造工资表" and records[0].source_file == str(path)
    assert [(p.file, p.line, p.field) for p in problems] == [
        (str(path), 3, "核查结果"), (str(path), 4, "日期"), (str(path), 5, "线索编号"),
        (str(path), 7, "核查结果")]
    assert "核实属实" in problems[0].reason and "not a valid calendar date" in problems[1].reason


def test_outcome_spellings_map_to_canonical_outcomes() -> None:
    table = outcomes()
    assert table["属实"].name == "核实属实" and table["verified"].verdict is True
    assert table["未发现问题"].name == "不属实" and table["不属实"].verdict is False
    assert table["核查中"].verdict is None
    assert table["移送公安机关"].stage > table["改判"].stage > table["再审检察建议"].stage


def test_an_xlsx_file_with_other_header_spellings_is_read(tmp_path: Path) -> None:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["线索ID", "处理结果", "办结日期", "说明", "办理检察院"])
    sheet.append(["L-eeee", "移送公安机关", "2025-05-06", "已刑事立案", "文峰区院"])
    path = tmp_path / "outcomes.xlsx"
    book.save(path)
    [record], problems = _read(path)
    assert problems == []
    assert (record.lead_id, record.outcome, record.date, record.procuratorate) == (
        "L-eeee", "移送公安", "2025-05-06", "文峰区院")


def test_a_header_without_a_lead_or_case_column_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "outcomes.csv"
    path.write_text("核查结果,日期\n核实属实,2025-01-01\n", "utf-8")
    with pytest.raises(LoadError, match="线索编号"):
        list(read_feedback(path))


def test_a_header_without_the_outcome_column_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "outcomes.csv"
    path.write_text("线索编号,日期\nL-1,2025-01-01\n", "utf-8")
    with pytest.raises(LoadError, match="outcome"):
        list(read_feedback(path))
