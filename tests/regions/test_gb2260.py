"""The GB/T 2260 code table: names, levels, placeholders."""

from __future__ import annotations

from ringtrace.regions import gb2260


def test_place_names_of_the_table() -> None:
    assert gb2260.name("410502") == "文峰区"
    assert gb2260.codes()["110100"] == "市辖区"
    assert gb2260.name("110100") is None  # placeholder rows are not place names
    assert gb2260.known("410502") and not gb2260.known("419999") and not gb2260.known(None)


def test_levels_and_full_names() -> None:
    assert [gb2260.level(c) for c in ("410000", "410500", "410502")] == [
        "province", "city", "county"]
    assert gb2260.full_name("410502") == "河南省安阳市文峰区"
    assert gb2260.full_name("310113") == "上海市宝山区"


def test_every_municipality_is_a_province_level_row() -> None:
    assert {gb2260.name(code + "0000") for code in gb2260.MUNICIPALITIES} == {
        "北京市", "天津市", "上海市", "重庆市"}
