"""The region code of the place names a forum's name starts with."""

from __future__ import annotations

import pytest

from ringtrace.regions.places import region_from_name, starts_with_place


@pytest.mark.parametrize(("name", "region"), [
    ("山东省沂源县人民法院", "370323"), ("浙江省金华市中级人民法院", "330700"),
    ("安阳市劳动人事争议仲裁委员会", "410500"), ("河南省郑州市二七区人民法院", "410103"),
    ("上海市第一中级人民法院", "310000"), ("沂源县劳动人事争议仲裁委员会", "370323"),
    ("鼓楼区人民法院", None), ("某某法院", None), (None, None),
])
def test_region_from_name(name: str | None, region: str | None) -> None:
    assert region_from_name(name) == region


def test_starts_with_place() -> None:
    assert starts_with_place("安阳市劳动人事争议仲裁委员会")
    assert starts_with_place("沂源县人民法院")
    assert not starts_with_place("中国裁判文书网")
    assert not starts_with_place("市辖区人民法院")  # a placeholder row is no place
