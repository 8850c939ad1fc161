"""Provinces: codes, names and court-code abbreviations."""

from __future__ import annotations

from ringtrace.regions import gb2260
from ringtrace.regions.provinces import (
    ABBREVIATION_TO_CODE,
    COURT_ABBREVIATIONS,
    PROVINCES,
    province_name,
    province_of_code,
    province_of_text,
)


def test_every_province_is_a_row_of_the_code_table() -> None:
    assert all(gb2260.name(code + "0000") == full for code, (full, _, _) in PROVINCES.items())


def test_abbreviations_are_unique_and_read_back() -> None:
    abbreviations = [abbr for _, _, abbr in PROVINCES.values()]
    assert len(set(abbreviations)) == len(PROVINCES)
    assert all(ABBREVIATION_TO_CODE[abbr] == code for code, (_, _, abbr) in PROVINCES.items())
    assert ABBREVIATION_TO_CODE["滇"] == ABBREVIATION_TO_CODE["云"] == "53"
    assert set(COURT_ABBREVIATIONS) == set(ABBREVIATION_TO_CODE)


def test_province_lookups() -> None:
    assert province_of_code("410502") == "41" and province_of_code(None) is None
    assert province_of_text("住所地河南省安阳市") == "41"
    assert province_of_text("重庆某某公司") == "50"
    assert province_of_text("某某公司") is None
    assert province_name("41") == "河南省" and province_name(None) == "未知"
