"""Court codes (法院代字) -> the court's GB/T 2260 region code and its name."""

from __future__ import annotations

import pytest

from ringtrace.regions.courts import (
    court_level,
    court_name,
    court_province,
    region_from_court_code,
)


@pytest.mark.parametrize(("code", "region"), [
    ("豫0502", "410502"), ("鲁0323", "370323"), ("粤0604", "440604"), ("沪01", "310100"),
    ("鲁15", "371500"), ("鲁", "370000"), ("苏0192", "320100"), ("内0102", "150102"),
    ("云01", "530100"), ("滇01", "530100"),
    ("X0101", None), ("豫05a", None), ("", None), (None, None),
])
def test_region_from_court_code(code: str | None, region: str | None) -> None:
    assert region_from_court_code(code) == region


@pytest.mark.parametrize(("code", "name"), [
    ("豫0502", "河南省安阳市文峰区人民法院"), ("鲁0323", "山东省沂源县人民法院"),
    ("豫05", "河南省安阳市中级人民法院"), ("豫", "河南省高级人民法院"),
    ("沪0113", "上海市宝山区人民法院"), ("沪01", None), ("苏0192", None), (None, None),
])
def test_court_name(code: str | None, name: str | None) -> None:
    assert court_name(code) == name


@pytest.mark.parametrize(("code", "level", "province"), [
    ("豫", "high", "41"), ("豫05", "intermediate", "41"), ("豫0502", "basic", "41"),
    ("云01", "intermediate", "53"), ("豫123", None, "41"), ("X01", None, None),
    ("0502", None, None), (None, None, None),
])
def test_court_level_and_province(code: str | None, level: str | None,
                                  province: str | None) -> None:
    assert court_level(code) == level
    assert court_province(code) == province
