"""Dates in Arabic and Chinese numerals, with every zero glyph."""

from __future__ import annotations

import pytest

from ringtrace.loaders.judgments.dates import iso, parse_date


@pytest.mark.parametrize(("text", "expected"), [
    ("二〇一七年三月一日", "2017-03-01"), ("二Ｏ一六年十月二十四日", "2016-10-24"),
    ("二○二一年十二月三十一日", "2021-12-31"), ("二零二零年六月十二日", "2020-06-12"),
    ("二O一九年十一月五日", "2019-11-05"), ("二〇一八年二月三十日", None),
    ("2015年12月17日", "2015-12-17"), ("1994年3月份", "1994-03"), ("1979年", "1979"),
    ("2017-08-03", "2017-08-03"), ("2016.12.2", "2016-12-02"), ("无日期", None),
])
def test_parse_date(text: str, expected: str | None) -> None:
    assert parse_date(text) == expected


def test_iso_rejects_impossible_dates() -> None:
    assert iso(2021, 2, 29) is None and iso(2020, 2, 29) == "2020-02-29"
    assert iso(2020, 13) is None and iso(1800) is None
