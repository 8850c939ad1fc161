"""Forum -> GB/T 2260 region code, from the 法院代字 or from the forum's name."""

from __future__ import annotations

import pytest

from ringtrace.loaders.judgments import regions


@pytest.mark.parametrize(("code", "region"), [
    ("豫0502", "410502"), ("鲁0323", "370323"), ("粤0604", "440604"), ("沪01", "310100"),
    ("鲁15", "371500"), ("鲁", "370000"), ("苏0192", "320100"), ("内0102", "150102"),
    ("X0101", None), ("豫05a", None), ("", None), (None, None),
])
def test_region_from_court_code(code: str | None, region: str | None) -> None:
    assert regions.region_from_court_code(code) == region


@pytest.mark.parametrize(("name", "region"), [
    ("山东省沂源县人民法院", "370323"), ("浙江省金华市中级人民法院", "330700"),
    ("安阳市劳动人事争议仲裁委员会", "410500"), ("河南省郑州市二七区人民法院", "410103"),
    ("上海市第一中级人民法院", "310000"), ("沂源县劳动人事争议仲裁委员会", "370323"),
    ("鼓楼区人民法院", None), ("某某法院", None),
])
def test_region_from_name(name: str, region: str | None) -> None:
    assert regions.region_from_name(name) == region


def test_place_names_of_the_table() -> None:
    assert regions.place_name("410502") == "文峰区"
    assert regions.known_code("410502") and not regions.known_code("419999")
    assert regions.starts_with_place("安阳市劳动人事争议仲裁委员会")
    assert not regions.starts_with_place("中国裁判文书网")
