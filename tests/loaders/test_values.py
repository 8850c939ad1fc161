"""Cell parsers: the shapes registry exports and ledgers print dates, counts and lists in."""

from __future__ import annotations

import datetime as dt

import pytest

from ringtrace.loaders.values import is_empty, parse_date, parse_list


@pytest.mark.parametrize(("cell", "expected"), [
    (847900800000, "1996-11-14"),            # Tianyancha estiblishTime, epoch ms China time
    (-136540800000, "1965-09-04"),           # before 1970: negative
    ("847900800000", "1996-11-14"),          # the same written as text by an API client
    ("-136540800000", "1965-09-04"),
    ("1420041600000", "2015-01-01"),
    (35383, "1996-11-14"),                   # Excel serial in a General-format cell
    (35383.0, "1996-11-14"),
    ("35383", "1996-11-14"),                 # ... and in a CSV saved from that workbook
    (35383.5, "1996-11-14"),                 # a serial with a time of day
    (19961114, "1996-11-14"),
    ("19961114", "1996-11-14"),
    ("1996年11月14日", "1996-11-14"),
    ("1996/11/14", "1996-11-14"),
    (dt.datetime(1996, 11, 14), "1996-11-14"),
    ("199611", "1996-11"),
    ("-", None), ("－", None), ("暂无", None),
])
def test_parse_date_reads_export_shapes(cell: object, expected: str | None) -> None:
    assert parse_date(cell) == expected


@pytest.mark.parametrize("cell", ["1996", 1996, "99999", "12345678901234567"])
def test_parse_date_refuses_numbers_that_are_no_date(cell: object) -> None:
    with pytest.raises(ValueError, match="not a date"):
        parse_date(cell)


@pytest.mark.parametrize(("cell", "expected"), [
    ("恒达回收站;安阳恒达物资站", ["恒达回收站", "安阳恒达物资站"]),
    ("恒达回收站;\t", ["恒达回收站"]),                     # Tianyancha's trailing ";\t"
    ("恒达回收站\t安阳恒达物资站", ["恒达回收站", "安阳恒达物资站"]),
    ("恒达回收站\r\n安阳恒达物资站", ["恒达回收站", "安阳恒达物资站"]),
    ("恒达回收站；安阳恒达物资站", ["恒达回收站", "安阳恒达物资站"]),
    ("--", []),
])
def test_parse_list_splits_former_names(cell: str, expected: list[str]) -> None:
    assert parse_list(cell) == expected


@pytest.mark.parametrize("cell", ["-", "--", "－", "－－", "暂无", " ", "\u3000"])
def test_placeholders_in_either_width_are_empty(cell: str) -> None:
    assert is_empty(cell)
